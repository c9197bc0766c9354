// "Lees voor": reads the plain-language summary, or the whole page, with the browser's own Dutch voice.
// No external service. The buttons stay hidden when the browser has no Dutch voice.
(function () {
  "use strict";
  if (!("speechSynthesis" in window) || !("SpeechSynthesisUtterance" in window)) { return; }
  var synth = window.speechSynthesis;

  // A voice on the device first: an online voice would send the text to the browser maker.
  function dutchVoice() {
    var dutch = synth.getVoices().filter(function (v) { return /^nl([-_]|$)/i.test(v.lang); });
    return dutch.filter(function (v) { return v.localService; })[0] || dutch[0] || null;
  }

  function textOf(kind) {
    var summary = document.querySelector(".pva-kort__tekst");
    if (kind === "kort") { return summary ? summary.innerText : ""; }
    var article = document.querySelector("article");
    if (!article) { return ""; }
    var copy = article.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".pva-voorlees, .pva-sr, .headerlink, svg, script"),
      function (node) { node.remove(); });
    return copy.innerText;
  }

  // The name stays the same; aria-pressed alone says whether it is reading (a changing name confuses screen readers).
  function reset(box) {
    Array.prototype.forEach.call(box.querySelectorAll("button"), function (button) {
      button.setAttribute("aria-pressed", "false");
    });
  }

  function setup(box) {
    box.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-lees]");
      if (!button) { return; }
      var wasPlaying = button.getAttribute("aria-pressed") === "true";
      synth.cancel();
      reset(box);
      if (wasPlaying) { return; }
      var utterance = new SpeechSynthesisUtterance(textOf(button.getAttribute("data-lees")));
      utterance.lang = "nl-NL";
      utterance.voice = dutchVoice();
      utterance.onend = function () { reset(box); };
      button.setAttribute("aria-pressed", "true");
      synth.speak(utterance);
    });
  }

  function show() {
    if (!dutchVoice()) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-voorlees]"), function (box) {
      if (box.hidden) { box.hidden = false; setup(box); }
    });
  }

  show();
  if (typeof synth.addEventListener === "function") { synth.addEventListener("voiceschanged", show); }
})();
