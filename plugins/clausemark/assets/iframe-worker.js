/*
 * A Worker for the offline bundle: Chromium starts no Worker from a file:// page, so
 * Material's search worker runs in a hidden iframe instead. It follows the design of the
 * iframe-worker shim (squidfunk, MIT) but writes no inline script into the iframe: the
 * iframe inherits the page's Content-Security-Policy, which forbids inline script. The
 * worker's globals (postMessage, importScripts) are given to the iframe from here, and its
 * script is loaded as a file. Only installed on file://; over http the real Worker runs.
 */
(function () {
  "use strict";

  if (location.protocol !== "file:") {
    return;
  }

  var SETUP = 0;  // Material's search messages: SETUP (the index), READY, QUERY, RESULT
  // clausemark's search worker's own: the index, to set up a slice at a time before SETUP
  var PREPARE = "clausemark-prepare";
  var HANDED_OVER = [SETUP, PREPARE];

  function loadScript(frameWindow, url) {
    return new Promise(function (resolve, reject) {
      var script = frameWindow.document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      frameWindow.document.body.appendChild(script);
    });
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      this.url = String(url);
      this.onmessage = null;
      this.onerror = null;
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      document.body.appendChild(this.iframe);
      var inner = this.iframe.contentWindow;
      /* What a worker's global scope offers: postMessage to the page, importScripts. */
      inner.postMessage = function (data) {
        var copy = window.structuredClone(data);
        window.setTimeout(function () {
          worker.emit(new MessageEvent("message", { data: copy }));
        }, 0);
      };
      inner.importScripts = function () {
        return Array.prototype.reduce.call(
          arguments,
          function (loaded, next) {
            return loaded.then(function () {
              return loadScript(inner, next);
            });
          },
          Promise.resolve()
        );
      };
      inner.addEventListener("error", function (event) {
        worker.emit(new ErrorEvent("error", { message: event.message, error: event.error }));
      });
      var joiner = this.url.indexOf("?") < 0 ? "?" : "&";  // after its version, if any
      this.ready = loadScript(inner, this.url + joiner + Date.now());
      this.ready.catch(function () {
        worker.emit(new ErrorEvent("error", { message: "cannot load " + worker.url }));
      });
    }

    emit(event) {
      this.dispatchEvent(event);
      var handler = event.type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") {
        handler.call(this, event);
      }
    }

    postMessage(data) {
      var inner = this.iframe.contentWindow;
      // The search index (Material's SETUP message, type 0) is handed over as it is: the
      // page does not touch it again, the worker only reads it, and copying its megabytes
      // cost the page's one thread more than a tenth of a second before the first answer.
      var copy = data && HANDED_OVER.indexOf(data.type) >= 0 ? data : inner.structuredClone(data);
      this.ready.then(function () {
        inner.dispatchEvent(new inner.MessageEvent("message", { data: copy }));
      });
    }

    terminate() {
      this.iframe.remove();
    }
  }

  window.Worker = FileWorker;

  // Material posts the index to its search worker only when search is first opened (over
  // file:// the worker shares the page's thread); once the page has loaded, the worker is
  // handed the index (Material's own objects, so its SETUP builds nothing
  // again) and sets it up in slices that leave the page responsive: the reader's first
  // search does not wait for it, or waits less.
  var workers = [];
  var Installed = FileWorker;
  window.Worker = function (url) {
    var worker = new Installed(url);
    workers.push(worker);
    return worker;
  };
  window.addEventListener("load", function () {
    window.setTimeout(function () {
      var index = window.__index;
      if (!index || !index.docs || !index.config) return;
      workers.forEach(function (worker) {
        if (!/workers\/search\./.test(worker.url)) return;  // Material's search worker
        worker.postMessage({ type: PREPARE, data: { config: index.config, docs: index.docs } });
      });
    });
  });
})();
