// Material's content script (its partials/javascripts/content.html, 9.8.1) as a file, because the
// Content-Security-Policy allows no inline script. Opens the content tab a link points to.
(function () {
  "use strict";
  if (document.currentScript.hasAttribute("data-tabs-link")) {
    var tabs = window.__md_get("__tabs");
    if (Array.isArray(tabs)) {
      document.querySelectorAll(".tabbed-set").forEach(function (set) {
        var labels = set.querySelector(".tabbed-labels");
        for (var i = 0; i < tabs.length; i++) {
          var label = Array.from(labels.getElementsByTagName("label")).find(function (l) {
            return l.innerText.trim() === tabs[i];
          });
          if (label) { document.getElementById(label.htmlFor).checked = true; return; }
        }
      });
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) { target.checked = target.name.startsWith("__tabbed_"); }
})();
