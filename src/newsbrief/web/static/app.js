// The only script: bring a cited sentence into view and flash it. The :target CSS rule
// already highlights it; this centres it, which the browser's own jump does not.
"use strict";
(function () {
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!/^s\d+$/.test(id)) return;
    var el = document.getElementById(id);
    if (!el) return;
    var parent = el.closest("details");
    if (parent) parent.open = true;
    el.scrollIntoView({ block: "center" });
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation on repeated clicks
    el.classList.add("flash");
  }
  window.addEventListener("hashchange", reveal);
  document.addEventListener("DOMContentLoaded", reveal);
})();
