// The stand bar of a release (overrides/partials/stand.html): say whether this is the newest stand, link to the
// newest if not, and list the other stands. The list comes from ../versies.js (window.pvaStanden), which every
// release writes anew; the versions themselves never change. Without it the bar keeps its cautious text.
(function () {
  "use strict";
  var bar = document.querySelector(".pva-versie");
  var list = window.pvaStanden;
  if (!bar || !list || !list.standen) { return; }
  var here = bar.getAttribute("data-pva-versie");
  var root = bar.getAttribute("data-pva-standen");
  var newest = list.standen.filter(function (s) { return s.slug === list.nieuwste; })[0];
  var status = bar.querySelector(".pva-versie__status");
  if (!newest || !status) { return; }

  function link(stand, text) {
    var a = document.createElement("a");
    a.href = root + stand.slug + "/index.html";
    a.textContent = text;
    return a;
  }

  status.textContent = "";
  if (here === newest.slug) {
    status.textContent = "Dit is de nieuwste stand.";
  } else {
    bar.classList.add("pva-versie--oud");
    status.appendChild(document.createTextNode("Let op: dit is niet de nieuwste stand. De nieuwste is: "
      + newest.titel + " (peildatum " + newest.peildatum_tekst + "). "));
    status.appendChild(link(newest, "Naar de nieuwste stand"));
    status.appendChild(document.createTextNode(". "));
  }
  if (list.standen.length < 2) { return; }
  // The version selector: a disclosure with links (changing a <select> must not navigate, WCAG 3.2.2).
  var details = document.createElement("details");
  details.className = "pva-versie__kies";
  var summary = document.createElement("summary");
  summary.textContent = "Andere stand kiezen";
  details.appendChild(summary);
  var ul = document.createElement("ul");
  list.standen.forEach(function (stand) {
    var li = document.createElement("li");
    var a = link(stand, stand.titel + (stand.slug === list.nieuwste ? " (nieuwste)" : ""));
    if (stand.slug === here) { a.setAttribute("aria-current", "page"); }
    li.appendChild(a);
    ul.appendChild(li);
  });
  details.appendChild(ul);
  var all = bar.querySelector(".pva-versie__alle");
  all.parentNode.insertBefore(details, all.nextSibling);
})();
