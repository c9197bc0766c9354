// Filters for the table of all actions. First-party and optional: without it the full table shows.
// The form's space is reserved by stylesheets/pages.css while it is hidden, so showing it moves nothing.
(function () {
  "use strict";
  function setup(form) {
    var table = form.parentNode.querySelector("table.pva-overview");
    var count = form.parentNode.querySelector(".pva-filter-count");
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = ["plan", "thema", "status", "trekker"].every(function (name) {
          var value = form.elements[name].value;
          return !value || row.getAttribute("data-" + name) === value;
        }) && (!form.elements.laat.checked || row.getAttribute("data-laat") === "ja");
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      count.textContent = shown + " van de " + rows.length + " acties getoond.";
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    // Back and Forward: the browser puts the earlier choices back into the form (after this script
    // has run, or from its back/forward cache), without a change event. Filter again from what the
    // form shows, so the table and the choices always agree.
    window.addEventListener("pageshow", apply);
    form.hidden = false;
    apply();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.pva-filters"), setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
