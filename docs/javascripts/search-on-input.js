// Material searches when a key is released (keyup). Text that arrives without a key (dictation, a word picked
// from a phone keyboard's suggestions, pasting with the mouse) then finds nothing until the next key, and a
// typed letter waits for its key to come up. On every change of the search box, tell Material at once; it
// skips a value it already searched for.
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (box && box.classList && box.classList.contains("md-search__input"))
      box.dispatchEvent(new KeyboardEvent("keyup"));
  }, true);
})();
