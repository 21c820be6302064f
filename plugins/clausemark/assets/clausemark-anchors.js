/* Old links still land: an anchor missing from this page is looked up in the inline
 * JSON map the build writes (<script type="application/json" id="cm-anchor-moves">),
 * which says where each anchor of an earlier version went. clausemark.js calls
 * window.clausemark.resolveMissingAnchor(id, document) and scrolls to the id returned.
 * The note ("para 2.2 of version 2026 is now para 2.3") stands under the clause the
 * reader lands on, and is read out by an aria-live region; a removed clause lands on
 * that note (under the title), which links to the diff that removed it.
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

  /* Where the note goes: where the reader lands, under the clause's heading (after its
     tools and any note of its own), at the start of a list item, or after the paragraph
     holding the id; under the page's title when the clause is gone (the note is then
     what the page scrolls to). Under the title for a clause further down, it was out of
     view once the page scrolled to the clause (trial9). */
  function placeNote(doc, region, target) {
    if (target && /^H[1-6]$/.test(target.tagName)) {
      var after = target;
      while (
        after.nextElementSibling &&
        after.nextElementSibling.matches(".cm-clause-tools, .cm-was, .cm-anchor-note")
      ) {
        after = after.nextElementSibling;
      }
      after.parentNode.insertBefore(region, after.nextSibling);
    } else if (target && target.tagName === "LI") {
      target.insertBefore(region, target.firstChild);
    } else if (target && target.closest("p") && target.closest("p").parentNode) {
      var paragraph = target.closest("p");
      paragraph.parentNode.insertBefore(region, paragraph.nextSibling);
    } else if (target && target.parentNode) {
      target.parentNode.insertBefore(region, target.nextSibling);
    } else {
      var title = doc.querySelector("article h1") || doc.querySelector("h1");
      if (title && title.parentNode) {
        title.parentNode.insertBefore(region, title.nextSibling);
      } else {
        doc.body.insertBefore(region, doc.body.firstChild);
      }
    }
  }

  function noticeRegion(doc, target) {
    var region = doc.getElementById(NOTICE_ID);
    if (!region) {
      region = doc.createElement("div");
      region.id = NOTICE_ID;
      region.className = "cm-anchor-notice";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      region.tabIndex = -1;
    }
    placeNote(doc, region, target);
    return region;
  }

  function showNote(doc, move, target) {
    var region = noticeRegion(doc, target);
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
    var target = move.to ? doc.getElementById(move.to) : null;
    showNote(doc, move, target);
    return target ? move.to : NOTICE_ID;
  }

  api.resolveMissingAnchor = resolveMissingAnchor;
})();
