// Disclosures (<details data-open-wide>) start closed, so that on a phone the page begins with
// what it is about; on a screen wide enough to show them beside everything else, open them.
// Without this script they stay closed and open with one click, as any <details>.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48rem)");
  function openWhenWide() {
    if (!wide.matches) return;
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) { details.open = true; });
  }
  openWhenWide();
  // Turning a tablet or widening the window opens them too; narrowing never closes what is open.
  if (wide.addEventListener) wide.addEventListener("change", openWhenWide);
})();
