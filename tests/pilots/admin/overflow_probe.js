// What of the page's main content reaches past the right edge of the window, other than
// inside a box that scrolls sideways on purpose (overflow-x: auto or scroll). Wagtail's own
// collapsed minimap (.w-minimap) sits off-screen by design and is left out.
const width = document.documentElement.clientWidth;
const inScrollBox = (element) => {
  for (let p = element.parentElement; p && p !== document.body; p = p.parentElement) {
    if (["auto", "scroll"].includes(getComputedStyle(p).overflowX)) return true;
  }
  return false;
};
const found = [];
for (const element of document.querySelectorAll("main *")) {
  if (element.closest(".w-minimap")) continue;
  const box = element.getBoundingClientRect();
  if (!box.width || !box.height || getComputedStyle(element).visibility === "hidden") continue;
  if (box.right > width + 1 && !inScrollBox(element)) {
    found.push(`${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.right)}px)`);
  }
}
return found.slice(0, 10);
