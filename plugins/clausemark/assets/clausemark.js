/*
 * clausemark: citations, review-date notices and old-anchor recovery for document pages.
 *
 * Vanilla, no requests, works from file:// (not a secure context, so the Clipboard API
 * may be missing) and with or without Material's instant navigation. Document facts are
 * read from <div class="cm-document" data-cm-…> written by overrides/main.html.
 */
(function () {
  "use strict";

  var COPIED_FOR_MS = 2000;
  var resizeTimer = 0;
  var api = (window.clausemark = window.clausemark || {});
  if (!("resolveMissingAnchor" in api)) {
    api.resolveMissingAnchor = null;
  }
  document.documentElement.classList.add("cm-js");

  /* A title that Material's tooltip shows: it is read as HTML there, so the text is escaped
     (the same rule as escaping.tooltip in the build). */
  function tooltipText(text) {
    return text.replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  /* Material copies the text of a truncated menu entry or header title into its `title`
     (innerText: a source's "<img …>" as written) and then shows it with innerHTML. The copy
     is replaced by its escaped form before any tooltip can read it. */
  function escapeEllipsisTitle(element) {
    var title = element.getAttribute("title");
    var ellipsis = element.matches(".md-ellipsis") ? element : element.querySelector(".md-ellipsis");
    if (!title || !ellipsis || title !== ellipsis.innerText || !/[&<>"']/.test(title)) {
      return;
    }
    element.setAttribute("title", tooltipText(title));
  }

  function watchEllipsisTitles() {
    if (typeof MutationObserver !== "function") {
      return;
    }
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        escapeEllipsisTitle(mutation.target);
      });
    }).observe(document.documentElement, {
      subtree: true,
      attributes: true,
      attributeFilter: ["title"],
    });
  }

  /* "4.8" -> "para 4.8", "46." -> "para 46"; unnumbered -> "paragraph 12 (unnumbered)". */
  function clauseName(button) {
    var number = (button.getAttribute("data-cm-number") || "").trim().replace(/\.$/, "");
    if (number) {
      return "para " + number;
    }
    var anchor = button.getAttribute("data-cm-anchor") || "";
    var heading = document.getElementById(anchor);
    var spoken = heading && heading.querySelector(".cm-sr");
    if (spoken && spoken.textContent.trim()) {
      var text = spoken.textContent.trim();
      return text.charAt(0).toLowerCase() + text.slice(1);
    }
    var counted = /(?:^|__)para_(\d+)$/.exec(anchor);
    return counted ? "paragraph " + counted[1] + " (unnumbered)" : "paragraph";
  }

  /* The public address when the page declares one (offline copies cite the real site). */
  function addressOf(anchor) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical && canonical.href ? canonical.href : window.location.href;
    return base.split("#")[0] + "#" + anchor;
  }

  function documentFacts(element) {
    var wrapper = element.closest(".cm-document");
    var read = function (name) {
      return wrapper ? (wrapper.getAttribute("data-cm-" + name) || "").trim() : "";
    };
    return {
      title: read("title") || document.title,
      label: read("label"),
      version: read("version"),
      status: read("status"),
      council: read("council"),
      adopted: read("adopted"),
    };
  }

  /* e.g. "Member/Officer Relations Protocol, para 4.8 (version 2026) <https://…#sec_4__para_4-8>" */
  function citationFor(button) {
    var facts = documentFacts(button);
    var title = facts.title;
    var versionSuffix = " (version " + facts.version + ")";
    if (facts.version && title.slice(-versionSuffix.length) === versionSuffix) {
      title = title.slice(0, -versionSuffix.length);
    }
    if (facts.label && title.toLowerCase().indexOf(facts.label.toLowerCase()) === -1) {
      title += " (" + facts.label + ")";
    }
    if (facts.council) {
      title = facts.council + ", " + title;
    }
    var edition = [];
    if (facts.status === "draft") {
      edition.push("draft");
    }
    if (facts.version) {
      edition.push("version " + facts.version);
    } else if (facts.adopted && facts.status !== "draft") {
      edition.push("adopted " + facts.adopted);
    }
    var when = edition.length ? " (" + edition.join(", ") + ")" : "";
    var anchor = button.getAttribute("data-cm-anchor") || "";
    return title + ", " + clauseName(button) + when + " <" + addressOf(anchor) + ">";
  }

  /* execCommand fallback: file:// pages and old browsers have no navigator.clipboard. */
  function copyWithTextarea(text) {
    var active = document.activeElement;
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "-9999px";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    if (active && typeof active.focus === "function") {
      active.focus();
    }
    return copied;
  }

  /* Resolves to true when the text reached the clipboard by either route. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () {
          return true;
        },
        function () {
          return copyWithTextarea(text);
        }
      );
    }
    return Promise.resolve(copyWithTextarea(text));
  }

  function liveRegion() {
    var region = document.querySelector("[data-cm-live]");
    if (!region) {
      region = document.createElement("div");
      region.className = "cm-sr";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      region.setAttribute("aria-atomic", "true");
      region.setAttribute("data-cm-live", "");
      document.body.appendChild(region);
    }
    return region;
  }

  /* Cleared first so that copying the same citation twice is announced twice. */
  function announce(message) {
    var region = liveRegion();
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = message;
    }, 50);
  }

  function onCiteClick(event) {
    var button = event.target.closest ? event.target.closest(".cm-cite") : null;
    if (!button) {
      return;
    }
    var citation = citationFor(button);
    button.title = tooltipText("Citation: " + citation);
    copyText(citation).then(function (copied) {
      if (copied) {
        announce("Citation copied: " + citation);
        button.classList.add("cm-cite--copied");
        window.setTimeout(function () {
          button.classList.remove("cm-cite--copied");
        }, COPIED_FOR_MS);
      } else {
        announce("Could not copy automatically. Citation: " + citation);
      }
    });
  }

  /* Local calendar date as YYYY-MM-DD. */
  function todayIso(now) {
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /* A review due in "2027-03" is overdue from 1 April 2027; "2027-03-15" from the 16th. */
  function isReviewOverdue(nextReview, today) {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(nextReview || "") || !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
      return false;
    }
    return today.slice(0, nextReview.length) > nextReview;
  }

  function revealOverdueNotices(today) {
    var documents = document.querySelectorAll(".cm-document[data-cm-next-review]");
    Array.prototype.forEach.call(documents, function (wrapper) {
      var notice = wrapper.querySelector("[data-cm-overdue-notice]");
      if (notice && isReviewOverdue(wrapper.getAttribute("data-cm-next-review"), today)) {
        notice.hidden = false;
      }
    });
  }

  /* Titles show the exact citation, for anyone who cannot use the clipboard. */
  function labelCiteButtons() {
    Array.prototype.forEach.call(document.querySelectorAll(".cm-cite"), function (button) {
      button.title = tooltipText("Copy citation: " + citationFor(button));
    });
  }

  /* A table wider than the screen scrolls inside Material's wrapper: keyboard users must be
     able to focus that region to scroll it (WCAG 2.1.1), and hear what it holds. */
  function makeScrollingTablesFocusable() {
    var wrappers = document.querySelectorAll(".cm-document .md-typeset__scrollwrap");
    Array.prototype.forEach.call(wrappers, function (wrapper) {
      var scrolls = wrapper.scrollWidth > wrapper.clientWidth + 1;
      if (scrolls && !wrapper.hasAttribute("tabindex")) {
        var caption = wrapper.previousElementSibling;
        var named = caption && caption.classList.contains("cm-table-caption");
        wrapper.setAttribute("tabindex", "0");
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", named ? caption.textContent.trim() : "Table");
      } else if (!scrolls && wrapper.getAttribute("role") === "region") {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-label");
      }
    });
  }

  /* An id missing from the page (e.g. an anchor from before renumbering) goes to the hook. */
  function resolveFragment() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      id = window.location.hash.slice(1);
    }
    if (!id || document.getElementById(id) || typeof api.resolveMissingAnchor !== "function") {
      return;
    }
    var replacement = api.resolveMissingAnchor(id, document);
    var target = typeof replacement === "string" ? document.getElementById(replacement) : null;
    if (target) {
      window.history.replaceState(null, "", "#" + encodeURIComponent(replacement));
      target.scrollIntoView();
    }
  }

  /* Runs once per rendered page: the <article> is replaced on instant navigation. */
  function initialise() {
    var article = document.querySelector("article") || document.body;
    if (article.hasAttribute("data-cm-ready")) {
      return;
    }
    article.setAttribute("data-cm-ready", "");
    labelCiteButtons();
    makeScrollingTablesFocusable();
    revealOverdueNotices(todayIso(new Date()));
    resolveFragment();
  }

  api.citationFor = citationFor;
  api.copyText = copyText;
  api.isReviewOverdue = isReviewOverdue;

  watchEllipsisTitles();
  document.addEventListener("click", onCiteClick);
  window.addEventListener("hashchange", resolveFragment);
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(makeScrollingTablesFocusable, 200);
  });
  /* After DOMContentLoaded, so that scripts listed after this one can set the hook first. */
  function start() {
    initialise();
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(initialise);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    window.setTimeout(start, 0);
  }
})();
