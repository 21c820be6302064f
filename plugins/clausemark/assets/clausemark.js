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

  /* A title that Material's tooltip shows: it is read as HTML there, so '&' and '<' are
     escaped, and only they: a screen reader reads the rest as written (the same rule as
     escaping.tooltip in the build). */
  function tooltipText(text) {
    return text.replace(/[&<]/g, function (ch) {
      return ch === "&" ? "&amp;" : "&lt;";
    });
  }

  /* Material copies the text of a truncated menu entry or header title into its `title`
     (innerText: a source's "<img …>" as written) and then shows it with innerHTML. The copy
     is replaced by its escaped form before any tooltip can read it. */
  function escapeEllipsisTitle(element) {
    var title = element.getAttribute("title");
    var ellipsis = element.matches(".md-ellipsis") ? element : element.querySelector(".md-ellipsis");
    if (!title || !ellipsis || title !== ellipsis.innerText || !/[&<]/.test(title)) {
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

  /* The clause as printed, from the build ("para 4.8", "para 3.10(a)", "para [12]
     (unnumbered)"); else from its number ("4.8" -> "para 4.8", "46." -> "para 46"). */
  function clauseName(button) {
    var label = (button.getAttribute("data-cm-label") || "").trim();
    if (label) {
      return label;
    }
    var number = (button.getAttribute("data-cm-number") || "").trim().replace(/\.$/, "");
    if (number) {
      return "para " + number;
    }
    var counted = /(?:^|__)para_(\d+)$/.exec(button.getAttribute("data-cm-anchor") || "");
    return counted ? "para [" + counted[1] + "] (unnumbered)" : "paragraph";
  }

  /* The cited version's own page: absolute when the site declares its public address
     (site_url), which offline copies cite too; else this page's address. */
  function addressOf(anchor, facts) {
    var base = window.location.href;
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href) {
      base = canonical.href;
    }
    if (facts.citeUrl) {
      try {
        base = new URL(facts.citeUrl, base).href;
        /* a folder from file:// is a listing, not the page */
        if (base.indexOf("file:") === 0 && /\/(#.*)?$/.test(base)) {
          base = base.replace(/\/(#.*)?$/, "/index.html");
        }
      } catch (error) {
        base = window.location.href;
      }
    }
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
      minute: read("minute"),
      citeUrl: read("cite-url"),
    };
  }

  /* e.g. "Example Council, Protocol (Part E Code 3), para 4.8, version 2026, adopted
     17 March 2026, minute 2026-101 <https://…/versions/2026/#sec_4__para_4-8>" */
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
      edition.push("draft" + (facts.version ? " version " + facts.version : "") + ", not adopted");
    } else {
      if (facts.version) {
        edition.push("version " + facts.version);
      }
      if (facts.adopted) {
        edition.push("adopted " + facts.adopted);
      }
      if (facts.minute) {
        edition.push("minute " + facts.minute);
      }
    }
    var when = edition.length ? ", " + edition.join(", ") : "";
    var anchor = button.getAttribute("data-cm-anchor") || "";
    return title + ", " + clauseName(button) + when + " <" + addressOf(anchor, facts) + ">";
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

  /* The home page's directory marks each document whose review date has passed. */
  function revealOverdueMarks(today) {
    var marks = document.querySelectorAll("[data-cm-overdue-due]");
    Array.prototype.forEach.call(marks, function (mark) {
      if (isReviewOverdue(mark.getAttribute("data-cm-overdue-due"), today)) {
        mark.hidden = false;
      }
    });
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

  /* An id missing from the page (e.g. an anchor from before renumbering) goes to the hook.
   * The address then names the clause the link's one became, so that it is :target; the
   * clause is marked as reached by an old link, since the note under an id that now names
   * another clause ("para 4.8 of version 2025 is now para 4.7") is for a link that named
   * that id, and would send this reader away from the clause their link meant. */
  var LANDED = "data-cm-landed";

  function resolveFragment() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      id = window.location.hash.slice(1);
    }
    document.querySelectorAll("[" + LANDED + "]").forEach(function (element) {
      element.removeAttribute(LANDED);
    });
    var told = document.getElementById("cm-anchor-notice"); // an earlier link's note
    if (told) {
      told.remove();
    }
    if (!id || document.getElementById(id) || typeof api.resolveMissingAnchor !== "function") {
      return;
    }
    var replacement = api.resolveMissingAnchor(id, document);
    var target = typeof replacement === "string" ? document.getElementById(replacement) : null;
    if (target) {
      target.setAttribute(LANDED, "");
      window.history.replaceState(null, "", "#" + encodeURIComponent(replacement));
      target.scrollIntoView();
    }
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  /* "12 March 2024", as every date on the site reads. */
  function ukDate(date) {
    return date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
  }

  function cssString(text) {
    return '"' + String(text).replace(/[\\"]/g, "\\$&").replace(/[\n\r]/g, " ") + '"';
  }

  /* Printed pages carry the page's address and the print date in the page margins (the
     page number is in the stylesheet). Margin boxes take text from CSS only, so this
     page's values go into a constructed stylesheet, which needs no inline <style>. */
  function printMargins(today) {
    if (!("adoptedStyleSheets" in document) || typeof CSSStyleSheet !== "function") {
      return;
    }
    var canonical = document.querySelector('link[rel="canonical"]');
    var address = (canonical && canonical.href ? canonical.href : window.location.href).split("#")[0];
    var sheet = new CSSStyleSheet();
    try {
      sheet.replaceSync(
        "@page { @top-left { content: " + cssString(address) + "; }" +
          " @bottom-left { content: " + cssString("Printed " + ukDate(today)) + "; } }"
      );
    } catch (error) {
      return;
    }
    var kept = Array.prototype.filter.call(document.adoptedStyleSheets, function (other) {
      return !other.cmPrint;
    });
    sheet.cmPrint = true;
    document.adoptedStyleSheets = kept.concat([sheet]);
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
    revealOverdueMarks(todayIso(new Date()));
    printMargins(new Date());
    resolveFragment();
  }

  api.citationFor = citationFor;
  api.copyText = copyText;
  api.isReviewOverdue = isReviewOverdue;

  /* The home page's "Search the constitution" label opens Material's search (a checkbox
     toggle, so it works without this script); this puts the cursor in the box too. */
  function onSearchButtonClick(event) {
    var label = event.target.closest ? event.target.closest(".cm-search-button") : null;
    var query = document.querySelector("[data-md-component=search-query]");
    if (label && query) {
      window.setTimeout(function () {
        query.focus();
      }, 0);
    }
  }

  /* On a touch screen there is no hover to show a term's definition (its title): a tap
     shows it in place, beside the term, with a link to the glossary entry; a second tap
     or a tap elsewhere closes it. A mouse click still follows the link. */
  var lastPointer = "";
  var POPUP_ID = "cm-term-popup";

  function closeDefinition() {
    var popup = document.getElementById(POPUP_ID);
    if (popup) {
      var owner = document.querySelector('[aria-controls="' + POPUP_ID + '"]');
      if (owner) {
        owner.removeAttribute("aria-controls");
        owner.removeAttribute("aria-expanded");
      }
      popup.parentNode.removeChild(popup);
    }
  }

  /* A term's title is escaped once more for Material's tooltip (escaping.tooltip): read
     back as the words themselves. DOMParser's document is inert: nothing in it runs. */
  function titleWords(value) {
    if (typeof DOMParser !== "function") {
      return value;
    }
    return new DOMParser().parseFromString(value, "text/html").documentElement.textContent;
  }

  function showDefinition(term) {
    var definition = titleWords(
      term.getAttribute("data-cm-title") || term.getAttribute("title") || ""
    );
    var popup = document.createElement("div");
    popup.id = POPUP_ID;
    popup.className = "cm-term-popup";
    popup.setAttribute("role", "note");
    popup.setAttribute("aria-label", "Definition of " + term.textContent.trim());
    var text = document.createElement("p");
    text.textContent = definition;
    var more = document.createElement("a");
    more.href = term.href;
    more.textContent = "Glossary entry";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "cm-term-popup__close";
    close.setAttribute("aria-label", "Close the definition");
    close.textContent = "\u00d7";
    close.addEventListener("click", function () {
      closeDefinition();
      term.focus();
    });
    popup.appendChild(close);
    popup.appendChild(text);
    popup.appendChild(more);
    document.body.appendChild(popup);
    var box = term.getBoundingClientRect();
    var width = popup.offsetWidth;
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    popup.style.top = box.bottom + window.pageYOffset + 6 + "px";
    popup.style.left = left + window.pageXOffset + "px";
    term.setAttribute("aria-controls", POPUP_ID);
    term.setAttribute("aria-expanded", "true");
  }

  function onTermClick(event) {
    var term = event.target.closest ? event.target.closest("a.cm-term") : null;
    var inPopup = event.target.closest ? event.target.closest("#" + POPUP_ID) : null;
    if (!term) {
      if (!inPopup) {
        closeDefinition();
      }
      return;
    }
    var touch = lastPointer === "touch" || window.matchMedia("(hover: none)").matches;
    if (!touch) {
      return;
    }
    event.preventDefault();
    var open = term.getAttribute("aria-expanded") === "true";
    closeDefinition();
    if (!open) {
      showDefinition(term);
    }
  }

  document.addEventListener(
    "pointerdown",
    function (event) {
      lastPointer = event.pointerType || "";
      /* kept before Material's tooltips take the title over */
      var term = event.target.closest ? event.target.closest("a.cm-term[title]") : null;
      if (term) {
        term.setAttribute("data-cm-title", term.getAttribute("title"));
      }
    },
    true
  );
  document.addEventListener("click", onTermClick);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeDefinition();
    }
  });
  watchEllipsisTitles();
  document.addEventListener("click", onCiteClick);
  document.addEventListener("click", onSearchButtonClick);
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
