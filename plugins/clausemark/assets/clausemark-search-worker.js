/*
 * clausemark search worker: answers Material's search box with clauses.
 *
 * Material's page script posts the search index ({config, docs}) and then each query to
 * "the search worker"; this file, appended to the vendored lunr, takes that worker's
 * place and speaks the same messages (SETUP -> READY, QUERY -> RESULT). Over file://
 * Material runs it through the iframe-worker shim, so it must not rely on importScripts.
 *
 * A result is a clause: first line "Part E Code 3 · 4.8", then the heading it sits
 * under, then a snippet with the query's words marked. Ranking, in order:
 *   1. a clause number ("4.8", "para 4.8", "Part E 4.8", "3.10(a)") goes to that clause;
 *   2. BM25 (lunr) over the clause's words, its heading and its document's name, with
 *      question and stop words dropped, English stemming, and the glossary's names,
 *      aliases and synonyms widening the query;
 *   3. clauses before documents, documents before other pages (glossary, hubs).
 */
/* global lunr */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var MAX_RESULTS = 40;
  var NAMED_DOCUMENT_BOOST = 1.6;
  // A stem this long also finds longer words it begins ("complain" -> "complaint").
  var ROOT_LENGTH = 6;
  var SNIPPET_WORDS = 36;
  // Whatever a page is, a clause answers a question better (see the module comment).
  var KIND_WEIGHT = { clause: 1, note: 0.8, section: 0.45, document: 0.45, page: 0.3 };
  // Words that ask rather than say: dropped with lunr's English stop words.
  var QUESTION_WORDS = [
    "allowed", "anyone", "anybody", "happen", "happens", "someone", "somebody",
    "tell", "ok", "okay", "please", "i", "im", "ive", "do", "does", "doing"
  ];
  // Words that say "the next token is a clause number".
  var NUMBER_WORDS = [
    "para", "paras", "paragraph", "paragraphs", "clause", "clauses", "section",
    "sections", "sec", "s", "no", "number", "item", "rule", "pt"
  ];
  var SECTION_WORDS = ["section", "sections", "sec"];
  var SEPARATOR = /[\s\-\u2010-\u2015\/]+/;
  var NUMBER = /^(\d+(?:\.\d+)*)\.?((?:\([a-z0-9]{1,5}\))*)$/i;

  var index = null;
  var docs = {};
  var synonyms = [];   // [[[word, ...], ...]]: per group, each name as its words
  var stop = {};
  var namings = [];    // each document's naming words, joined by spaces
  var namingOf = {};   // those words -> the document's naming text (its entries' `document`)
  var stemmedNamings = {};  // those words -> the same, stemmed

  function postResult(data) {
    postMessage({ type: RESULT, data: data });
  }

  /* --- words ------------------------------------------------------------------ */

  // Lower-case words; a clause number keeps its dots and items ("3.10(a)").
  function words(text) {
    return String(text).toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .split(SEPARATOR)
      .map(function (word) {
        if (/^\(?\d/.test(word)) {
          return word.replace(/^\(/, "").replace(/[^\w)]+$/, "").replace(/\)$/, function (p) {
            return word.indexOf("(") > 0 ? p : "";
          });
        }
        return word.replace(/'s?$/, "").replace(/^[^\w]+|[^\w]+$/g, "");
      })
      .filter(Boolean);
  }

  // lunr's Porter stemmer knows American "-ize" only: "criticise" and "criticism"
  // must meet as "criticize" and "criticism" do. Longer words only ("rise" stays).
  function britishToAmerican(token) {
    return token.update(function (word) {
      return word.length > 6 ? word.replace(/is(e|es|ed|ing|ation|ations)$/, "iz$1") : word;
    });
  }
  lunr.Pipeline.registerFunction(britishToAmerican, "clausemarkBritishSpelling");

  function stem(word) {
    var token = britishToAmerican(new lunr.Token(word.replace(/[^\w]/g, "")));
    return lunr.stemmer(token).toString();
  }

  function isStop(word) {
    return stop[word] === true || !lunr.stopWordFilter(new lunr.Token(word));
  }

  /* --- setup ------------------------------------------------------------------ */

  function setup(data) {
    var config = data.config || {};
    var own = config.clausemark || {};
    QUESTION_WORDS.forEach(function (word) { stop[word] = true; });
    synonyms = (own.synonyms || []).map(function (group) {
      return group.map(function (name) {
        return words(name).filter(function (w) { return !isStop(w); });
      }).filter(function (name) { return name.length; });
    });
    docs = {};
    (data.docs || []).forEach(function (doc) { docs[doc.location] = doc; });
    namingOf = {};
    (data.docs || []).forEach(function (doc) {
      if (doc.kind === "document") namingOf[" " + words(doc.document).join(" ") + " "] = doc.document;
    });
    namings = Object.keys(namingOf);
    stemmedNamings = {};
    namings.forEach(function (naming) {
      stemmedNamings[naming] = " " + naming.trim().split(" ").map(stem).join(" ") + " ";
    });
    lunr.tokenizer.separator = SEPARATOR;
    index = lunr(function () {
      this.pipeline.before(lunr.stemmer, britishToAmerican);
      this.searchPipeline.before(lunr.stemmer, britishToAmerican);
      // Less length normalisation than lunr's 0.75: a clause is long because it lists
      // its items, not because it is about something else.
      this.b(0.3);
      this.ref("location");
      this.field("text");
      this.field("heading", { boost: 2 });
      this.field("document", { boost: 0.5 });
      this.field("title", { boost: 2, extractor: function (doc) {
        return doc.kind === "page" ? doc.title : "";
      } });
      this.metadataWhitelist = [];
      var builder = this;
      // Sections are found by their number only; their words are their clauses'.
      (data.docs || []).forEach(function (doc) {
        if (doc.kind !== "section") builder.add(doc);
      });
    });
  }

  // "Appendix 20", "Part 5": a number that is part of a document's name, not a clause's.
  function inDocumentName(tokens, i) {
    if (i === 0 || /[.(]/.test(tokens[i])) return false;
    var pair = " " + tokens[i - 1] + " " + tokens[i] + " ";
    return namings.some(function (naming) { return naming.indexOf(pair) >= 0; });
  }

  // "5.4": a document's label on its own.
  function namesSomeDocument(token) {
    return namings.some(function (naming) { return naming.indexOf(" " + token + " ") >= 0; });
  }

  /* --- number queries ----------------------------------------------------------- */

  // The clause number in a query: one with a dot or an item ("4.8", "3.10(a)") if
  // there is one, else the last plain number ("para 46"); never a year.
  function numberQuery(tokens) {
    var numbers = tokens.filter(function (token, i) {
      var match = NUMBER.exec(token);
      return match && !/^\d{4}$/.test(match[1]) && !inDocumentName(tokens, i);
    });
    var afterWord = numbers.filter(function (token) {
      var i = tokens.indexOf(token);
      return i > 0 && NUMBER_WORDS.indexOf(tokens[i - 1]) >= 0;
    });
    var unnamed = numbers.filter(function (token) { return !namesSomeDocument(token); });
    var dotted = unnamed.filter(function (token) { return /[.(]/.test(token); });
    var chosen = afterWord[0] || dotted[0] || unnamed[unnamed.length - 1] ||
      numbers[numbers.length - 1];
    var found = null;
    if (chosen) {
      var parts = NUMBER.exec(chosen);
      found = { number: parts[1], items: (parts[2] || "").toLowerCase(), token: chosen };
    }
    var rest = tokens.filter(function (token) {
      return token !== chosen && NUMBER_WORDS.indexOf(token) < 0;
    });
    var at = tokens.indexOf(chosen);
    var wantsSection = at > 0 && SECTION_WORDS.indexOf(tokens[at - 1]) >= 0;
    if (found === null) return null;
    var candidates = [];
    Object.keys(docs).forEach(function (location) {
      var doc = docs[location];
      var same = doc.number === found.number ||
        (doc.kind === "section" && doc.number === found.number.replace(/\.0$/, ""));
      if (!same) return;
      var naming = words(doc.document || "");
      var named = rest.filter(function (word) { return naming.indexOf(word) >= 0; }).length;
      if (rest.length && !named && rest.some(function (word) { return /^[a-z]/.test(word); })) {
        named = -1;
      }
      candidates.push({ doc: doc, named: named, fits: (doc.kind === "section") === wantsSection });
    });
    if (!candidates.length) return null;
    candidates.sort(function (a, b) { return b.named - a.named || b.fits - a.fits; });
    var best = candidates[0].named;
    return {
      token: found.token,
      naming: best > 0 ? rest.filter(function (word) {
        return words(candidates[0].doc.document || "").indexOf(word) >= 0;
      }) : [],
      hits: candidates
        .filter(function (c) { return c.named === best || best <= 0; })
        .map(function (c) {
          var item = (found.items.match(/\([^)]*\)/g) || []).map(function (part, i) {
            return i ? part : part.slice(1, -1);
          }).join("");
          var anchor = item && c.doc.items ? c.doc.items[item] : null;
          return { doc: c.doc, anchor: anchor };
        })
    };
  }

  /* --- word queries ------------------------------------------------------------- */

  // The query's words (stop words dropped), each with the names it also stands for.
  function plan(tokens) {
    var kept = tokens.filter(function (word) {
      return !isStop(word) && /\w/.test(word);
    });
    var terms = kept.map(function (word) { return { word: word, also: [] }; });
    var stems = kept.map(stem);
    synonyms.forEach(function (group) {
      group.forEach(function (name) {
        var nameStems = name.map(stem);
        for (var start = 0; start + nameStems.length <= stems.length; start++) {
          var same = nameStems.every(function (s, i) { return stems[start + i] === s; });
          if (!same) continue;
          group.forEach(function (other) {
            if (other === name) return;
            for (var i = start; i < start + nameStems.length; i++) {
              terms[i].also.push(other);
            }
          });
        }
      });
    });
    return terms;
  }

  function runQuery(terms, prefix) {
    return index.query(function (q) {
      terms.forEach(function (term) {
        q.term(term.word, { boost: 1 });
        var root = stem(term.word);
        if (root.length >= ROOT_LENGTH) {
          q.term(root, { boost: 0.3, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        }
        term.also.forEach(function (name) {
          name.forEach(function (word) {
            q.term(word, { boost: 0.7 / name.length });
          });
        });
      });
      if (prefix) {
        q.term(prefix, { boost: 0.2, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
      }
    });
  }

  // Share of the query's words a result has (itself or one of its other names).
  function coverage(terms, matched) {
    if (!terms.length) return 1;
    var keys = Object.keys(matched);
    var covered = terms.filter(function (term) {
      var root = stem(term.word);
      if (matched[root]) return true;
      if (root.length >= ROOT_LENGTH && keys.some(function (key) {
        return key.indexOf(root) === 0;
      })) return true;
      return term.also.some(function (name) {
        return name.every(function (word) { return matched[stem(word)]; });
      });
    });
    return covered.length / terms.length;
  }

  /* --- results ------------------------------------------------------------------ */

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  // How much a printed word counts for the snippet: 2 for a word of the query, 1 for
  // a word of one of its other names, 0 for the rest.
  function weightOf(printed, wanted) {
    return words(printed).reduce(function (most, word) {
      return Math.max(most, wanted[stem(word)] || 0);
    }, 0);
  }

  // The words around the run with the most (and the best) matches, the matches marked.
  function snippet(text, wanted) {
    var parts = String(text).split(/(\s+)/);
    var hits = [];
    for (var i = 0; i < parts.length; i += 2) {
      hits.push(weightOf(parts[i], wanted));
    }
    var best = 0, bestCount = -1;
    for (var start = 0; start < hits.length; start++) {
      var count = 0;
      for (var j = start; j < Math.min(hits.length, start + SNIPPET_WORDS); j++) {
        count += hits[j];
      }
      if (count > bestCount) { best = start; bestCount = count; }
    }
    var from = Math.max(0, Math.min(best - 4, hits.length - SNIPPET_WORDS));
    var to = Math.min(hits.length, from + SNIPPET_WORDS);
    var out = [];
    for (var k = from; k < to; k++) {
      var word = escapeHtml(parts[2 * k]);
      out.push(hits[k] ? "<mark>" + word + "</mark>" : word);
    }
    return (from > 0 ? "… " : "") + out.join(" ") + (to < hits.length ? " …" : "");
  }

  function item(doc, score, terms, wanted, anchor) {
    var location = anchor ? doc.location.split("#")[0] + "#" + anchor : doc.location;
    var head = {
      location: location,
      title: escapeHtml(doc.title),
      text: "",
      score: score,
      terms: terms
    };
    if (location.indexOf("#") < 0) {
      head.text = "<p>" + snippet(doc.text, wanted) + "</p>";
      return [head];
    }
    var teaser = {
      location: location,
      title: escapeHtml(doc.heading || doc.title),
      text: "<p>" + snippet(doc.text, wanted) + "</p>",
      score: score,
      terms: terms
    };
    // Material shows a group's last member first, as its heading line (see README).
    return [teaser, head];
  }

  // Documents that a word of the query names and the others do not ("Newcastle"): their
  // clauses are what the reader means.
  function namedDocuments(terms) {
    var named = [];
    terms.forEach(function (term) {
      var naming = namingsWith(term.word);
      if (naming.length && isDistinctive(naming)) {
        naming.forEach(function (words) { named.push(namingOf[words]); });
      }
    });
    return named;
  }

  // The namings (as in `namings`) that have the word, compared stemmed ("members").
  function namingsWith(word) {
    var root = " " + stem(word) + " ";
    return namings.filter(function (words) { return stemmedNamings[words].indexOf(root) >= 0; });
  }

  // A word in the names of at most half the documents tells them apart ("Newcastle",
  // "Appendix"); one in most of them ("member", "protocol") does not.
  function isDistinctive(naming) {
    return naming.length > 0 && naming.length <= Math.max(1, Math.floor(namings.length / 2));
  }

  // Every word of the query names this document, and one of them tells it apart
  // ("Newcastle protocol", "Appendix 20"; not "member").
  function namesWhole(doc, terms) {
    var naming = words(doc.document + " " + (doc.heading || "")).map(stem);
    return terms.length > 0 && terms.every(function (term) {
      return naming.indexOf(stem(term.word)) >= 0;
    }) && terms.some(function (term) { return isDistinctive(namingsWith(term.word)); });
  }

  // Clauses (and documents) by score. A glossary or hub page goes before a clause only
  // for a lookup of a term (one or two words) that the page has whole and the clause
  // has not; a question is answered by clauses.
  function rank(results, terms) {
    var lookup = terms.length <= 2;
    var byScore = function (a, b) { return b.score - a.score; };
    var pages = results.filter(function (r) { return r.doc.kind === "page"; }).sort(byScore);
    var clauses = results.filter(function (r) { return r.doc.kind !== "page"; }).sort(byScore);
    var ranked = [];
    while (pages.length || clauses.length) {
      var page = pages[0], clause = clauses[0];
      var pageFirst = !clause || (page && lookup && page.share === 1 && clause.share < 1 &&
        clause.score < 1000);
      ranked.push(pageFirst ? pages.shift() : clauses.shift());
    }
    return ranked;
  }

  function search(query) {
    var tokens = words(query);
    if (!tokens.length || index === null) return { items: [] };
    var endsWord = !/\s$/.test(query);
    var numbered = numberQuery(tokens);
    // Words that named the document of a numbered clause, "para" and the like, and a
    // plain number that was found as one ("para 10") have been answered; a dotted
    // number is also looked for in the clauses' words (where other clauses cite it).
    var terms = plan(tokens.filter(function (token) {
      return !numbered || (numbered.naming.indexOf(token) < 0 &&
        NUMBER_WORDS.indexOf(token) < 0 && !(token === numbered.token && /^\d+$/.test(token)));
    }));
    var shown = {};
    var wanted = {};
    terms.forEach(function (term) {
      term.also.forEach(function (name) {
        name.forEach(function (word) { wanted[stem(word)] = 1; });
      });
    });
    terms.forEach(function (term) { wanted[stem(term.word)] = 2; });
    var results = [];
    var seen = {};
    if (numbered) {
      shown[numbered.token] = true;
      numbered.hits.forEach(function (hit) {
        seen[hit.doc.location] = true;
        results.push({ doc: hit.doc, score: 1000, anchor: hit.anchor, share: 1 });
      });
    }
    if (terms.length) {
      var last = tokens[tokens.length - 1];
      var prefix = endsWord && last.length >= 3 && !isStop(last) ? last : "";
      var hits;
      try {
        hits = runQuery(terms, prefix);
      } catch (error) {
        hits = [];
      }
      var named = namedDocuments(terms);
      hits.forEach(function (hit) {
        var doc = docs[hit.ref];
        if (!doc || seen[hit.ref]) return;
        var matched = {};
        Object.keys(hit.matchData.metadata).forEach(function (s) { matched[s] = true; });
        var share = coverage(terms, matched);
        var weight = KIND_WEIGHT[doc.kind] || KIND_WEIGHT.page;
        var score = hit.score * weight * (0.25 + 0.75 * share * share);
        if (doc.kind === "document" && namesWhole(doc, terms)) score += 500;
        if (named.length && named.indexOf(doc.document) >= 0) score *= NAMED_DOCUMENT_BOOST;
        results.push({ doc: doc, score: score, share: share });
      });
      terms.forEach(function (term) {
        shown[term.word] = true;
      });
    }
    if (results.some(function (r) { return r.share > 0; })) {
      results = results.filter(function (r) { return r.share > 0; });
    }
    // Material's Enter key opens the result with the highest score: the first shown.
    var items = rank(results, terms).slice(0, MAX_RESULTS).map(function (result, i) {
      return item(result.doc, MAX_RESULTS - i, shown, wanted, result.anchor);
    });
    return { items: items };
  }

  addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP) {
      setup(message.data || {});
      postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var data;
      try {
        data = search(String(message.data || ""));
      } catch (error) {
        data = { items: [] };
      }
      postResult(data);
    }
  });
})();
