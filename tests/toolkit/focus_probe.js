// Measures the focused element: its focus indicator's contrast against what surrounds it
// (WCAG 1.4.11 and 2.4.13: 3:1), its text against its own focus background (1.4.3: 4.5:1),
// and whether it is inside the viewport (2.4.11, focus not obscured). Run by
// test_accessibility_axe.py after each press of Tab; null when focus is on no element.
const rgb = (s) => {
  const m = /rgba?\(([^)]+)\)/.exec(s || "");
  if (!m) return null;
  const p = m[1].split(",").map(parseFloat);
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
};
const luminance = (c) => {
  const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
};
const ratio = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const behind = (el) => {
  for (let e = el.parentElement; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) return c;
  }
  return { r: 255, g: 255, b: 255, a: 1 };
};
const el = document.activeElement;
if (!el || el === document.body) return null;
const s = getComputedStyle(el);
const around = behind(el);
const own = rgb(s.backgroundColor);
const outline =
  s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 ? rgb(s.outlineColor) : null;
const shadow = s.boxShadow !== "none" ? rgb(s.boxShadow) : null;
const box = el.getBoundingClientRect();
const label = el.innerText || el.getAttribute("aria-label") || el.name || "";
return {
  name: el.tagName + " " + label.trim().slice(0, 40),
  indicator: Math.max(outline ? ratio(outline, around) : 0, shadow ? ratio(shadow, around) : 0),
  text: ratio(rgb(s.color), own && own.a > 0 ? own : around),
  inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
};
