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

  // Material's search worker on a thread of its own: the browser starts no Worker from a
  // file:// script, but does start one from a blob: of the worker's text, which the offline
  // bundle carries in a script of its own (SOURCE_GLOBAL, adapters/bundle.py). The page's
  // thread then neither sets the index up nor waits for it. A browser or a page policy that
  // refuses such a worker says so by an error event, later: until the worker first answers,
  // what was posted to it is kept, and on that error it goes to the iframe above instead.
  var SOURCE_GLOBAL = "__clausemarkSearchWorker";
  var SEARCH_WORKER = /workers\/search\./;  // Material's search worker (and only it)
  var NativeWorker = window.Worker;

  class ThreadedWorker extends EventTarget {
    constructor(url, source) {
      super();
      var worker = this;
      this.url = String(url);
      this.onmessage = null;
      this.onerror = null;
      this.threaded = true;
      this.kept = [];  // posted before the worker first answered
      this.inner = new NativeWorker(
        URL.createObjectURL(new Blob([source], { type: "text/javascript" }))
      );
      this.inner.onmessage = function (event) {
        worker.kept = null;
        worker.emit(new MessageEvent("message", { data: event.data }));
      };
      this.inner.onerror = function (event) {
        if (worker.kept) {
          event.preventDefault();
          worker.inIframe();
        } else {
          worker.emit(new ErrorEvent("error", { message: event.message, error: event.error }));
        }
      };
    }

    inIframe() {
      var worker = this;
      var kept = this.kept;
      this.kept = null;
      this.threaded = false;
      this.inner.terminate();
      this.inner = new FileWorker(this.url);
      this.inner.onmessage = function (event) {
        worker.emit(new MessageEvent("message", { data: event.data }));
      };
      this.inner.onerror = function (event) {
        worker.emit(new ErrorEvent("error", { message: event.message, error: event.error }));
      };
      kept.forEach(function (data) { worker.inner.postMessage(data); });
    }

    emit(event) {
      FileWorker.prototype.emit.call(this, event);
    }

    postMessage(data) {
      if (this.kept) this.kept.push(data);
      this.inner.postMessage(data);
    }

    terminate() {
      this.inner.terminate();
    }
  }

  function newWorker(url) {
    var source = window[SOURCE_GLOBAL];
    if (typeof source === "string" && SEARCH_WORKER.test(String(url))) {
      try {
        return new ThreadedWorker(url, source);
      } catch (error) {
        /* refused at once: the iframe */
      }
    }
    return new FileWorker(url);
  }

  // Material posts the index to its search worker only when search is first opened; the
  // worker is handed it before (Material's own objects, so its SETUP builds nothing again):
  // a worker on its own thread as soon as the index script has run, one in the iframe once
  // the page has loaded, to set it up in slices that leave the page responsive. The
  // reader's first search then does not wait for the setup, or waits less.
  var workers = [];
  window.Worker = function (url) {
    var worker = newWorker(url);
    workers.push(worker);
    prepare(true);  // the index read already (EARLY_INDEX)
    return worker;
  };

  function prepare(threaded) {
    var index = window.__index;
    if (!index || !index.docs || !index.config) return;
    workers.forEach(function (worker) {
      if (worker.prepared || !worker.threaded !== !threaded) return;
      if (!SEARCH_WORKER.test(worker.url)) return;
      worker.prepared = true;
      worker.postMessage({ type: PREPARE, data: { config: index.config, docs: index.docs } });
    });
  }

  // The index script, asked for as soon as this script runs: Material asks for it only when
  // its own script starts, at the end of the page, and a worker on its own thread can set the
  // index up while the page is still being read and laid out. The bundle's index script
  // keeps an index already read (adapters/bundle.py), so Material's own load of it later
  // makes no second one.
  var here = document.currentScript ? document.currentScript.src.split("?")[0] : "";
  var SHIM_PATH = /assets\/clausemark\/iframe-worker\.js$/;
  if (SHIM_PATH.test(here)) {
    var early = document.createElement("script");
    early.src = here.replace(SHIM_PATH, "search/search_index.js");
    early.async = true;
    early.addEventListener("load", function () { prepare(true); });
    document.head.appendChild(early);
  }
  window.addEventListener("load", function () {
    prepare(true);
    window.setTimeout(function () { prepare(false); });
  });
})();
