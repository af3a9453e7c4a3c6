// The error summary (pilots/admin/error_summary.html): focused when the page loads, so a
// screen reader announces it and the keyboard starts there; a link to a field on another
// tab of Wagtail's editor opens that tab first, then moves to the field.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const field = link && document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    const goTo = () => {
      field.scrollIntoView({ block: "center" });
      field.focus({ preventScroll: true });
    };
    const panel = field.closest("[role='tabpanel']");
    const tab = panel && document.querySelector(`[role='tab'][aria-controls='${panel.id}']`);
    if (tab && tab.getAttribute("aria-selected") !== "true") {
      tab.click();
      window.setTimeout(goTo, 50); // once the tab's panel is shown
    } else {
      goTo();
    }
  });
});
