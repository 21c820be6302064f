/*
 * Search answers with clauses, so its count says "clauses": the theme's English wording
 * ("# matching documents") is replaced in the page's settings before the theme's script
 * reads them (this file runs right after them, see overrides/main.html). Another
 * language's wording, or one a site set itself, is left as it is.
 */
(function () {
  "use strict";
  var node = document.getElementById("__config");
  if (!node) return;
  var WORDING = {
    "search.result.none": ["No matching documents", "No matching clauses"],
    "search.result.one": ["1 matching document", "1 matching clause"],
    "search.result.other": ["# matching documents", "# matching clauses"]
  };
  try {
    var config = JSON.parse(node.textContent);
    var translations = config.translations || {};
    var changed = false;
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
