/* Old links still land: an anchor missing from this page is looked up in the inline
 * JSON map the build writes (<script type="application/json" id="cm-anchor-moves">),
 * which says where each anchor of an earlier version went. clausemark.js calls
 * window.clausemark.resolveMissingAnchor(id, document) and scrolls to the id returned.
 * The note ("para 2.2 of version 2026 is now para 2.3") is read out by an aria-live
 * region; a removed clause lands on that note, which links to the diff that removed it.
 */
(function () {
  "use strict";

  var api = (window.clausemark = window.clausemark || {});
  var NOTICE_ID = "cm-anchor-notice";

  function readMoves(doc) {
    var script = doc.getElementById("cm-anchor-moves");
    if (!script) {
      return {};
    }
    try {
      return JSON.parse(script.textContent) || {};
    } catch (error) {
      return {};
    }
  }

  function noticeRegion(doc) {
    var region = doc.getElementById(NOTICE_ID);
    if (region) {
      return region;
    }
    region = doc.createElement("div");
    region.id = NOTICE_ID;
    region.className = "cm-anchor-notice";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    region.tabIndex = -1;
    var title = doc.querySelector("article h1") || doc.querySelector("h1");
    if (title && title.parentNode) {
      title.parentNode.insertBefore(region, title.nextSibling);
    } else {
      doc.body.insertBefore(region, doc.body.firstChild);
    }
    return region;
  }

  function showNote(doc, move) {
    var region = noticeRegion(doc);
    region.textContent = move.note + " ";
    if (move.diff) {
      var link = doc.createElement("a");
      link.href = move.diff;
      link.textContent = "See the change";
      region.appendChild(link);
      region.appendChild(doc.createTextNode("."));
    }
  }

  /* The id to scroll to for a missing anchor, or null when the map does not know it. */
  function resolveMissingAnchor(id, doc) {
    doc = doc || document;
    var move = readMoves(doc)[id];
    if (!move) {
      return null;
    }
    showNote(doc, move);
    if (move.to && doc.getElementById(move.to)) {
      return move.to;
    }
    return NOTICE_ID;
  }

  api.resolveMissingAnchor = resolveMissingAnchor;
})();
