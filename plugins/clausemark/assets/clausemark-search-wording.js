/*
 * Search answers with clauses, so its count says "clauses": the theme's English wording
 * ("# matching documents") is replaced in the page's settings before the theme's script
 * reads them (this file runs right after them, see overrides/main.html). Another
 * language's wording, or one a site set itself, is left as it is.
 *
 * The search worker keeps the theme's file name; its address gets the worker's content
 * version this script's tag carries (data-cm-search-worker, "v=..."), so that a browser
 * that cached an earlier clausemark's worker (its ranking) loads the new one.
 */
(function () {
  "use strict";
  var node = document.getElementById("__config");
  if (!node) return;
  var script = document.currentScript;
  var version = script ? script.getAttribute("data-cm-search-worker") : null;
  var WORDING = {
    "search.result.none": ["No matching documents", "No matching clauses"],
    "search.result.one": ["1 matching document", "1 matching clause"],
    "search.result.other": ["# matching documents", "# matching clauses"]
  };
  try {
    var config = JSON.parse(node.textContent);
    var translations = config.translations || {};
    var changed = false;
    if (version && typeof config.search === "string") {
      config.search = config.search.split("?")[0] + "?" + version;
      changed = true;
    }
    Object.keys(WORDING).forEach(function (key) {
      if (translations[key] === WORDING[key][0]) {
        translations[key] = WORDING[key][1];
        changed = true;
      }
    });
    if (changed) node.textContent = JSON.stringify(config);
  } catch (error) {
    // settings the theme cannot read either: leave them
  }
})();
