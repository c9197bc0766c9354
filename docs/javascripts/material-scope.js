// Material's storage helpers (its partials/javascripts/base.html, 9.8.1) as a file, because the
// Content-Security-Policy allows no inline script. Same globals, same behaviour; the bundle needs them.
(function () {
  "use strict";
  var scope = document.currentScript.getAttribute("data-scope");
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage === undefined ? localStorage : storage;
    base = base === undefined ? window.__md_scope : base;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    try {
      storage = storage === undefined ? localStorage : storage;
      base = base === undefined ? window.__md_scope : base;
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (err) { /* storage full or blocked: Material works without it */ }
  };
})();
