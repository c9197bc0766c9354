// Material's menu and search buttons are <label>s for hidden checkboxes: a mouse can use them, a
// keyboard cannot reach them. Put a real <button> inside each label (a label may not take a button
// role): focusable, Enter and Space work, and a screen reader hears whether the menu or search is open.
// Without script the labels still work for a mouse. Escape closes the menu and returns focus.
(function () {
  "use strict";
  var buttons = [
    { toggle: "__drawer", name: "Menu", panel: ".md-sidebar--primary" },
    { toggle: "__search", name: "Zoeken", panel: ".md-search__inner" }
  ];

  function shown(el) { return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }); }

  buttons.forEach(function (spec) {
    var box = document.getElementById(spec.toggle);
    var holder = document.querySelector('.md-header label.md-header__button[for="' + spec.toggle + '"]');
    var panel = document.querySelector(spec.panel);
    if (!box || !holder) { return; }
    var label = document.createElement("button");
    label.type = "button";
    label.className = "pva-header-button";
    while (holder.firstChild) { label.appendChild(holder.firstChild); }
    holder.appendChild(label);
    label.setAttribute("aria-label", spec.name);
    if (panel) {
      panel.id = panel.id || "pva-" + spec.toggle.slice(2);
      label.setAttribute("aria-controls", panel.id);
    }
    var byKeyboard = false;
    function sync() { label.setAttribute("aria-expanded", box.checked ? "true" : "false"); }
    // A click inside a label on its interactive content does not toggle the box: do it here.
    // detail is 0 when Enter or Space pressed the button.
    label.addEventListener("click", function (event) {
      byKeyboard = event.detail === 0;
      box.click();
    });
    box.addEventListener("change", function () {
      sync();
      // Opened from the keyboard: put focus in the menu, or it stays behind the overlay.
      if (box.checked && byKeyboard && spec.toggle === "__drawer" && panel) {
        var first = Array.prototype.find.call(panel.querySelectorAll("a[href], [tabindex='0']"), shown);
        if (first) { window.setTimeout(function () { first.focus(); }, 0); }
      }
      if (!box.checked && byKeyboard) {
        byKeyboard = false;
        // Closed: focus was inside what is now hidden; give it back to the button (after Material's own blur).
        window.setTimeout(function () {
          var here = document.activeElement;
          if (!here || here === document.body || (panel && panel.contains(here))) { label.focus(); }
        }, 0);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && box.checked && spec.toggle === "__drawer") {
        box.click();
        label.focus();
      }
    });
    sync();
  });
})();

// Sub-menus in the phone menu: their title (with the back arrow) is a <label> too. Make it a button,
// and move focus along when a sub-menu opens or closes, so it never stays on a link out of sight.
(function () {
  "use strict";
  function shown(el) { return el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }); }
  var drawer = document.getElementById("__drawer");
  Array.prototype.forEach.call(document.querySelectorAll(".md-nav--primary .md-nav__toggle"), function (toggle) {
    var panel = toggle.parentNode.querySelector(":scope > nav.md-nav");
    var back = panel && panel.querySelector(":scope > label.md-nav__title");
    var opener = toggle.parentNode.querySelector(":scope > .md-nav__link[tabindex='0'], :scope > .md-nav__container > a, :scope > a.md-nav__link");
    if (back) {
      // Focusable like Material's own section labels (a label may not take a button role); its text is
      // the section's name, and Material's bundle clicks a focused label on Enter.
      back.setAttribute("tabindex", "0");
      back.insertAdjacentHTML("afterbegin", '<span class="pva-sr">Terug naar het vorige menu, uit </span>');
      back.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); back.click(); }
      });
    }
    toggle.addEventListener("change", function () {
      if (!drawer || !drawer.checked) { return; }
      var target = toggle.checked ? back : opener;
      window.setTimeout(function () { if (shown(target)) { target.focus(); } }, 0);
    });
  });
  // Focus that leaves the open menu closes it: what lies behind the overlay is out of sight.
  document.addEventListener("focusin", function (event) {
    var menu = document.querySelector(".md-sidebar--primary");
    var header = document.querySelector(".md-header");
    if (drawer && drawer.checked && menu && !menu.contains(event.target) && !(header && header.contains(event.target))
        && getComputedStyle(menu).position === "fixed") {
      drawer.click();
    }
  });
})();

// Material's search is a dialog without a name; screen readers announce it as "Zoeken".
(function () {
  "use strict";
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) { dialog.setAttribute("aria-label", "Zoeken"); }
})();
