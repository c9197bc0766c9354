// Search from a folder (file://). Chromium starts no Web Worker from a file: page, so Material's
// search worker runs in a hidden same-origin frame instead. This does what the iframe-worker shim
// does (npm iframe-worker 1.0.4, MIT, Martin Donath), but gives the frame its worker API from here
// instead of writing an inline script into it, which the Content-Security-Policy blocks.
(function () {
  "use strict";
  if (location.protocol !== "file:") { return; }

  function FrameWorker(url) {
    var target = new EventTarget();
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    document.body.appendChild(frame);
    var inner = frame.contentWindow;
    var self = this;
    this.onmessage = null;
    this.onerror = null;
    this.iframe = frame;

    function emit(type, init) {
      var event = type === "error" ? new ErrorEvent("error", init) : new MessageEvent("message", init);
      target.dispatchEvent(event);
      var handler = type === "error" ? self.onerror : self.onmessage;
      if (typeof handler === "function") { handler.call(self, event); }
    }

    // The worker's own API inside the frame: messages go to this page, scripts load in order.
    inner.postMessage = function (data) {
      var copy = structuredClone(data);
      setTimeout(function () { emit("message", { data: copy }); }, 0);
    };
    inner.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (done, src) {
        return done.then(function () { return load(src); });
      }, Promise.resolve());
    };
    inner.addEventListener("error", function (event) {
      emit("error", { message: event.message, filename: String(url), error: event.error });
    });

    function load(src) {
      return new Promise(function (resolve, reject) {
        var script = inner.document.createElement("script");
        script.src = new URL(src, document.baseURI).href;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("Kon " + src + " niet laden")); };
        inner.document.body.appendChild(script);
      });
    }

    this.ready = load(url);
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
  }

  FrameWorker.prototype.postMessage = function (data) {
    var inner = this.iframe.contentWindow;
    var copy = structuredClone(data);
    this.ready.then(function () { inner.dispatchEvent(new MessageEvent("message", { data: copy })); });
  };
  FrameWorker.prototype.terminate = function () { this.iframe.remove(); };

  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();
