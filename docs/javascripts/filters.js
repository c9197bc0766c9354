// Filters for the table of all actions. First-party and optional: without it the full table shows.
// The form's space is reserved by stylesheets/pages.css while it is hidden, so showing it moves nothing.
// A link can preset the filters in its address, e.g. acties.html?status=gestart or ?laat=ja (the overview
// of all plans links so when the site has too many actions for one page, macros/render_overview_split.py).
(function () {
  "use strict";
  function setup(form) {
    var table = form.parentNode.querySelector("table.pva-overview");
    var count = form.parentNode.querySelector(".pva-filter-count");
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    // The table of one plan has no plan filter.
    var names = ["plan", "thema", "status", "trekker"].filter(function (name) { return form.elements[name]; });
    function preset() {
      // Back and Forward keep the choices the reader made on the page, not the ones of the link.
      var visit = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
      if (visit && visit.type === "back_forward") { return; }
      var query = new URLSearchParams(window.location.search);
      names.forEach(function (name) {
        var select = form.elements[name];
        var value = query.get(name);
        // Only a value the list offers: an old or mistyped link shows all actions rather than none.
        if (value !== null && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
          select.value = value;
        }
      });
      if (query.get("laat") === "ja") { form.elements.laat.checked = true; }
    }
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = names.every(function (name) {
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
    preset();
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
