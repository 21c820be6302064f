/*
 * clausemark search worker: answers Material's search box with clauses.
 *
 * Material's page script posts the search index ({config, docs}) and then each query to
 * "the search worker"; this file, appended to the vendored lunr (whose English stop words
 * it uses), takes that worker's place and speaks the same messages (SETUP -> READY,
 * QUERY -> RESULT). Over file:// Material runs it through the iframe-worker shim, so it
 * must not rely on importScripts.
 *
 * A result is a clause: first line "<document> · 4.8", then the heading it sits under,
 * then a snippet with the query's words marked. Ranking, in order:
 *   1. a clause number ("4.8", "para 4.8", "Part E 4.8", "3.10(a)") goes to that clause,
 *      at its item if one is asked ("3.10 (a)" too); a plain number a word follows is
 *      a count ("15 year old"), and one in a name the synonyms know ("Section 73
 *      Officer") is that name's, not a clause's;
 *   2. BM25F over the clause's words, its heading and its document's name (and over each
 *      item of a clause on its own: a long clause is found by the item that answers),
 *      an item scored with its clause's opening words, which it continues;
      two words of the query side by side in the text counting again, as a pair;
 *      words are lemmatised (never "complain" = "complainant"), UK/US spellings folded,
 *      a word the site does not have is matched to one it has at edit distance 1 (2 for
 *      long words); each word also stands for its other names: the glossary's and the
 *      site's synonym list (as strong as the word), then WordNet's (weaker; two words
 *      WordNet has as one phrase, "turned down", stand for its words, "refuse"), and an
 *      everyday word or phrase ("rude", "boss around", "say no") for the words council
 *      rules use for that matter (search_concepts.yml: weaker still, one way only, each
 *      of those words counted by its own rarity and added up; a pronoun in such a
 *      phrase stands for the words put in its place: "tell them what to do" is also
 *      "tell staff what to do"; the particle of a phrasal verb, "turn down", is in its
 *      meaning, not a word on its own);
 *      a word's weight (IDF) is taken per document and averaged, so a word that fills
 *      one document ("Councillors") does not make that document win every question, and
 *      in a document where most clauses have it, it counts less;
 *      a clause is shown at its item when the item has as many of the query's words,
 *      or scores ITEM_SHOWN of the clause's best;
 *      the share of the query's words a clause has counts (a linking word such as
 *      "between" or "without", or a word said again, is scored but not counted; a word
 *      of how often, "never", "always", is not searched);
 *   3. clauses before documents, documents before other pages (glossary, hubs);
 *   4. what the words mean: each word of the site and of common English has a static
 *      vector (distilled from a sentence model, index/word_vectors.json.gz); a clause's
 *      vector and the question's are the IDF-weighted means of their words' vectors, and
 *      the clauses nearest the question in meaning are fused with the ranking above by
 *      reciprocal rank (MEANING), the ranking's first result kept first: a clause that
 *      says the reader's everyday words in its own ("works for the council": officer)
 *      comes up among the first, while a citation or an exact wording keeps its place.
 */
/* global lunr */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  // clausemark's own message: the offline bundle's shim (iframe-worker.js) hands over the
  // page's index when the page is idle after loading, before Material's SETUP
  var PREPARE = "clausemark-prepare";
  var STEP = 100;      // entries (or units) a step of the setup reads
  var SLICE_MS = 8;    // a slice of a prepared setup, between the page's own work
  var MAX_RESULTS = 40;
  var MAX_QUERY = 300;
  var NAMED_DOCUMENT_BOOST = 1.6;
  // A word of a document's name in more than this share of the other documents' clauses
  // is an everyday word there, not a name (everydayElsewhere).
  var EVERYDAY_SHARE = 0.1;
  var SNIPPET_WORDS = 36;
  // Fusing the ranking with meaning (the vectors): a result's share is 1 / (k + place) in
  // the ranking plus `weight` / (k + place) among the `depth` clauses nearest in meaning.
  // Chosen on the development sets and judged on held-out sets (README, issue 19).
  // Meaning only reorders what the words found: where they find nothing, nothing is the
  // answer ("banana", "football", a name: no word of the site), not the clauses nearest in
  // meaning. (Those were shown until session 13: they answered none of the 700 questions
  // of the tuning and held-out sets 1-11, and showed three clauses as matches for
  // anything; attack13's F10.)
  // The words' first result stays first unless the second is a clause the words score
  // within `tie` of it (as good by the words) and meaning puts nearer: meaning breaks the
  // words' near-tie for the first place (search14, session 13: the development sets'
  // firsts +4, held-out 11's +3, held-out 9 and 10 unchanged; README).
  var MEANING = { k: 5, weight: 0.5, depth: 50, tie: 0.9 };
  // Whatever a page is, a clause answers a question better (see the module comment).
  var KIND_WEIGHT = {
    clause: 1, note: 0.8, table: 0.8, footnote: 0.6, section: 0.45, heading: 0.45, document: 0.45,
    page: 0.3
  };
  // How much each kind of evidence for a query word counts, the word itself being 1.
  var WEIGHT = {
    synonym: 0.9,   // glossary names, search_synonyms.yml: the same thing
    concept: 0.15,  // search_concepts.yml: what the rules call what a reader asks about
    thesaurus: 0.45, // WordNet: a synonym in general English, not always in this sense
    typo: 0.8,      // the nearest word the site has, for a word it has not
    prefix: 0.3,    // the word being typed, completed
    pair: 1         // two words of the query side by side in the text, as well as each
  };
  // BM25F: field weights and length normalisation per field.
  var FIELDS = [
    { name: "text", weight: 1, b: 0.5 },
    { name: "heading", weight: 1.5, b: 0.5 },
    { name: "document", weight: 0.3, b: 0 },
    { name: "title", weight: 1.5, b: 0.5 }
  ];
  var K1 = 1.2;
  // An item scored on its own counts a little less than the clause that holds it.
  var ITEM_WEIGHT = 0.9;
  // A clause is shown at its best item when that item alone scores this share of the
  // clause's best (a long list's answer is one of its items, whose words it shows).
  var ITEM_SHOWN = 0.4;
  // An item is scored with at most this many of its clause's words before the list.
  var LEAD_WORDS = 100;
  // An item's own word of the query counts 1 when it is the word typed (or its synonym or
  // slip), this much when only a related word (WordNet, the concepts): of two items with
  // one word each, the one with "school" answers "school problem", not one with "issue".
  var OWN_RELATED = 0.5;
  // The verb of a phrasal verb WordNet has ("turn" of "turn down": refuse) counts this
  // much on its own, below the phrase's synonyms.
  var PHRASAL_VERB = 0.3;
  // The kinds of evidence that only stand for a word of the question (a concept's or
  // WordNet's word): in a question of one word, a unit reached by them alone scores below
  // every unit that has the word itself (trial14 F4: "apologies" put a short clause on
  // breaches and sanctions, reached by the concept of a sanction's apology, above the
  // clause that says "apologies"). A question of more words is ranked as before: there
  // the everyday word's concept often is the answer (measured: capping it per word in
  // every question lost 2-9 top-3 places over the sets; one word: every set unchanged).
  var BELOW_THE_WORD = { concept: true, thesaurus: true };
  var BELOW_THE_WORD_SHARE = 0.99;
  var BELOW_THE_WORD_TERMS = 1;
  // A word that most units of a page have counts up to this much less there.
  var LOCAL_WEIGHT = 0.4;
  // In a phrase of the concepts, words that stand for others (see phraseAt).
  var OBJECT_PRONOUNS = ["me", "him", "her", "them", "us"];
  var SLOT = 3;
  // Words that ask rather than say: dropped with lunr's English stop words.
  var QUESTION_WORDS = [
    "allowed", "anyone", "anybody", "happen", "happens", "someone", "somebody",
    "tell", "ok", "okay", "please", "i", "im", "ive", "do", "does", "doing",
    "want", "wanting", "something", "anything", "thing", "things", "stuff", "really",
    "actually", "think", "alright", "supposed", "meant",
    // how often or how much ("officers never get back to me"), not what about
    "never", "always", "sometimes", "usually", "still", "even", "very", "quite"
  ];
  // Words that relate others (prepositions, conjunctions) that lunr's stop words leave:
  // scored like any word, but not a word a clause must have to answer ("favouritism
  // between councillors and staff" is answered by a clause without "between").
  var LINKING_WORDS = [
    "above", "across", "against", "along", "although", "amongst", "around", "before",
    "behind", "below", "beside", "besides", "between", "beyond", "despite", "during",
    "except", "inside", "instead", "near", "once", "onto", "outside", "over", "per",
    "though", "through", "throughout", "till", "toward", "towards", "under", "unless",
    "until", "upon", "via", "whether", "whilst", "within", "without"
  ];
  // Words that say "the next token is a clause number".
  var NUMBER_WORDS = [
    "para", "paras", "paragraph", "paragraphs", "clause", "clauses", "section",
    "sections", "sec", "s", "no", "number", "item", "rule", "pt"
  ];
  var SECTION_WORDS = ["section", "sections", "sec"];
  // A word before a number that names how a kind of document cites its clauses, and the
  // words of a document's name that say it is of that kind ("Rule 2.2": "... Rules").
  var STYLE_WORDS = dict();
  STYLE_WORDS.rule = STYLE_WORDS.rules = ["rule", "rules"];
  // A compound ending in one of these is its own word: "call-in" is not "call".
  var PARTICLES = ["in", "out", "up", "off", "on", "down", "over", "back", "away"];
  // One of these after the first word of a concept's phrase makes it a phrasal verb
  // ("turn down", "find out", "order them about"): the particle is in its meaning.
  var IDIOM_PARTICLES = PARTICLES.concat(["about", "around", "along", "through"]);
  var PAIR = "\u0001"; // begins the term of two neighbouring terms (stop words between)
  var SEPARATOR = /[\s\-\u2010-\u2015\/]+/;
  var PLAIN_WORD = /^[a-z0-9]+$/;
  // A clause number as typed: "4.8", "3.10(a)", and a number inserted with a letter
  // ("6.3A", "4A(b)"; never "1st", whose two letters are no suffix).
  var NUMBER = /^(\d+[a-z]?(?:\.\d+[a-z]?)*)\.?((?:\([a-z0-9]{1,5}\))*)$/i;
  // A clause number and its item typed apart: "2.1 (a)", "4 (b) (ii)".
  var ITEM_APART = /(\d[a-z]?\.?(?:\([a-z0-9]{1,5}\))*)\s+(\([a-z0-9]{1,5}\))/gi;

  // A map keyed by words: no prototype, so that a word such as "constructor" or
  // "toString" is a word like any other (on a {} it is Object's own method, found
  // everywhere, and counted as a string: "constructor" found nothing).
  function dict() { return Object.create(null); }

  var docs = dict();
  var entries = [];    // the entries searched, in index order
  var units = [];      // what is scored: each entry, and each item of a clause on its own
  var entryUnit = [];  // entry -> its own unit (the whole clause)
  var postings = dict();   // term -> [[unit, ...], [weighted tf, ...]]
  // A pair's postings are made when a query asks for it (pairPostings): each unit's fields
  // as read (their terms in order, `terms`, and `length`), each field's average length.
  var unitFields = [];
  var averageLength = dict();
  var pairsMade = dict();  // pair -> whether any unit has it (its postings made)
  var groupOf = [];    // unit -> its page's number (for the per-document IDF)
  var groupSize = [];  // page's number -> its units
  var vocabulary = dict(); // folded printed word -> its term
  var byLength = [];   // length -> folded printed words (for typo matching)
  var synonyms = [];   // [[[term, ...], ...]]: per group, each name as its terms
  var concepts = [];   // [{ask: [[word, ...], ...], find: [[term, ...], ...]}]
  var askWords = dict();   // the terms of the concepts' `ask` names (for typing slips)
  var askByLength = [];
  var thesaurus = dict();  // word -> [[word, weight], ...] (WordNet, cut to the site's words)
  var lemmaOf = dict();    // printed word -> lemma (WordNet)
  var lemmas = dict();     // folded lemmas known (the site's and the thesaurus's)
  var stop = dict();       // word -> whether it is a stop word (asked once)
  var namings = [];    // each document's naming words, joined by spaces
  var namingOf = dict();   // those words -> the document's naming text (its entries' `document`)
  var stemmedNamings = dict();  // those words -> the same, as terms
  var namingTerms = dict();  // a document entry's location -> the terms that name it
  var everyday = dict();   // a naming word -> whether other documents use it everywhere
  var normCache = dict();
  var ready = false;
  // Meaning (section 4 above): the vectors' width, each word's row, the rows (int8), each
  // clause entry's vector (entry -> Float32Array, normalised) and each word's IDF.
  var meaning = null;  // {dims, rowOf, rows, clauses: [[entry, vector], ...], idf, count}

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

  // The words a text is searched by, printed form (lower case): a hyphenated word gives
  // its parts and the whole ("co-opted": co, opted, coopted); one ending in a particle
  // only the whole ("call-in": callin), which is not the verb.
  function printedWords(text) {
    var out = [];
    String(text).toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .split(/[\s\/\u2013\u2014]+/)
      .forEach(function (chunk) {
        // most words are letters and digits only: the word itself (what the rules below
        // make of it), without their four passes over it (the setup reads every word)
        if (PLAIN_WORD.test(chunk)) {
          out.push(chunk);
          return;
        }
        var word = trimmed(chunk.replace(/'s$|'$/, ""));
        if (!word) return;
        var parts = word.split(/[-\u2010\u2011\u2012]+/).map(function (part) {
          return part.replace(/[^a-z0-9]/g, "");
        }).filter(Boolean);
        if (parts.length > 1) {
          if (PARTICLES.indexOf(parts[parts.length - 1]) < 0) {
            parts.forEach(function (part) { out.push(part); });
          }
          out.push(parts.join(""));
        } else if (parts.length === 1) {
          out.push(parts[0]);
        }
      });
    return out;
  }

  // A synonym's or concept's name: its words as the build split them (printedWords, done
  // in index/search.py so the browser does not split thousands of names before the first
  // search), or a name as one string.
  function nameWords(name) {
    return Array.isArray(name) ? name.map(String) : printedWords(name);
  }

  // The word from its first letter or digit to its last, in linear time (a pattern
  // anchored at the end would try every position of a long run of punctuation).
  function trimmed(word) {
    var start = word.search(/[a-z0-9]/);
    if (start < 0) return "";
    var end = word.length;
    while (!/[a-z0-9]/.test(word.charAt(end - 1))) end--;
    return word.slice(start, end);
  }

  // UK and US spellings meet: behaviour/behavior, criticise/criticize, centre/center,
  // licence/license, judgement/judgment, councillor/councilor.
  var foldCache = dict();

  function fold(word) {
    if (word.length <= 4) return word;
    var found = foldCache[word];
    if (found === undefined) found = foldCache[word] = spelled(word);
    return found;
  }

  function spelled(word) {
    return word
      .replace(/^(\w{3,})our(s|ed|ing|able|ably|ite|ites|itism|er|ers|ful|less|ly|al)?$/, "$1or$2")
      .replace(/^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, "$1iz$2")
      .replace(/^(\w{2,})ys(e|es|ed|ing)$/, "$1yz$2")
      .replace(/^(\w{3,})tre(s)?$/, "$1ter$2")
      .replace(/^(\w{2,}[cf])ence(s)?$/, "$1ense$2")
      .replace(/^(\w{3,}g)ement(s)?$/, "$1ment$2")
      .replace(/^(counci|trave|cance|labe|mode|counse|fue)ll(or|ors|ed|ing|er|ers)$/, "$1l$2")
      .replace(/^programme(s)?$/, "program$1");
  }

  // Morphy's rules (WordNet): the base forms a word may be an inflection of.
  var DETACH = [
    ["ies", "y"], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"],
    ["men", "man"], ["es", "e"], ["es", ""], ["s", ""], ["ied", "y"], ["ed", "e"], ["ed", ""],
    ["ing", "e"], ["ing", ""], ["er", ""], ["est", ""], ["er", "e"], ["est", "e"]
  ];

  function lemmatise(word) {
    if (Object.prototype.hasOwnProperty.call(lemmaOf, word)) return fold(lemmaOf[word]);
    var folded = fold(word);
    if (lemmas[folded]) return folded;
    for (var i = 0; i < DETACH.length; i++) {
      var end = DETACH[i][0];
      if (folded.length > end.length + 2 && folded.slice(-end.length) === end) {
        var base = folded.slice(0, -end.length) + DETACH[i][1];
        if (lemmas[base]) return base;
        // "planned" -> "plan"
        if (/(.)\1$/.test(base) && lemmas[base.slice(0, -1)]) return base.slice(0, -1);
      }
    }
    return folded;
  }

  // A printed word -> the term it is indexed and searched by: its lemma, spelling folded.
  function norm(word) {
    var found = normCache[word];
    if (found === undefined) found = normCache[word] = lemmatise(word);
    return found;
  }

  function isStop(word) {
    var found = stop[word];
    if (found === undefined) found = stop[word] = !lunr.stopWordFilter(new lunr.Token(word));
    return found;
  }

  /* --- setup ------------------------------------------------------------------ */

  // The printed words the index has read (buildIndex): word -> its term, null for a stop
  // word; a word's first reading puts it in the vocabulary, later ones only count it.
  var readWords = dict();

  function termCounts(text) {
    return countTerms(printedWords(text));
  }

  // A text's terms counted, and in order (`sequence`: two side by side are a pair, which
  // is counted when a query asks for it, pairPostings; the stop words between are not).
  function countTerms(printed) {
    var counts = dict();
    var sequence = [];
    for (var i = 0; i < printed.length; i++) {
      var word = printed[i];
      var term = readWords[word];
      if (term === undefined) term = readWords[word] = firstReading(word);
      if (term === null) continue;
      counts[term] = (counts[term] || 0) + 1;
      sequence.push(term);
    }
    return { counts: counts, length: sequence.length, sequence: sequence, parts: null };
  }

  // How many times `first` is followed by `second` in a field's terms (an item's text is
  // its clause's opening words and its own, read apart).
  function pairCount(counted, first, second) {
    if (counted.parts) {
      return pairCount(counted.parts[0], first, second) + pairCount(counted.parts[1], first, second);
    }
    var sequence = counted.sequence, found = 0;
    for (var i = 1; i < sequence.length; i++) {
      if (sequence[i] === second && sequence[i - 1] === first) found++;
    }
    return found;
  }

  // A word's term (null for a stop word), its spelling and its term put in the vocabulary.
  function firstReading(word) {
    if (isStop(word)) return null;
    var term = norm(word);
    var folded = fold(word);
    if (!Object.prototype.hasOwnProperty.call(vocabulary, folded)) {
      vocabulary[folded] = term;
      (byLength[folded.length] = byLength[folded.length] || []).push(folded);
    }
    // a slip is matched to the lemma too ("maling": "mailing", of "mailings")
    if (!Object.prototype.hasOwnProperty.call(vocabulary, term)) {
      vocabulary[term] = term;
      (byLength[term.length] = byLength[term.length] || []).push(term);
    }
    return term;
  }

  // The opening words a list's items continue: the last LEAD_WORDS before the first item
  // (every item is scored with them: a bound keeps a long preamble over many items linear).
  function leadIn(text) {
    return text.split(/\s+/).slice(-LEAD_WORDS).join(" ");
  }

  // The counts of two texts read one after the other.
  function joinedCounts(first, second) {
    if (!first) return second;
    var counts = Object.assign(dict(), first.counts);
    Object.keys(second.counts).forEach(function (term) {
      counts[term] = (counts[term] || 0) + second.counts[term];
    });
    return { counts: counts, length: first.length + second.length, parts: [first, second] };
  }

  function fieldText(doc, name) {
    if (name === "title") return doc.kind === "page" ? doc.title || "" : "";
    return doc[name] || "";
  }

  // The offline bundle's index carries its clauses and clausemark's settings as JSON text
  // (adapters/bundle.py): a worker on its own thread reads them there, and the page's thread
  // neither reads megabytes of script nor copies them to the worker (a string is copied
  // whole, at once).
  function asRead(value) {
    return typeof value === "string" ? JSON.parse(value) : value;
  }

  // Whether two index messages hold the same index: the same objects (the shim's iframe
  // hands them over as they are), or the same text (a real worker gets copies).
  function sameIndex(one, other) {
    var a = one.config || {}, b = other.config || {};
    var sameConfig = a === b || (typeof a.clausemark === "string" && a.clausemark === b.clausemark);
    return one.docs === other.docs && sameConfig;
  }

  // The setup in one go (a SETUP message).
  function setup(data) {
    var steps = setupSteps(data);
    while (!steps.next().done) { /* every step at once */ }
  }

  // The setup as steps (a generator): over file:// the offline bundle's shim starts it when
  // the page is idle after loading (PREPARE), a slice at a time (prepare), so that the
  // page stays responsive and the index is ready, or nearly, when the reader first types.
  function* setupSteps(data) {
    ready = false;
    var config = data.config || {};
    var own = asRead(config.clausemark) || {};
    stop = dict();
    QUESTION_WORDS.forEach(function (word) { stop[word] = true; });
    lemmaOf = Object.assign(dict(), own.lemmas);
    thesaurus = Object.assign(dict(), own.thesaurus);
    lemmas = dict();
    Object.keys(lemmaOf).forEach(function (word) { lemmas[fold(lemmaOf[word])] = true; });
    Object.keys(thesaurus).forEach(function (word) { lemmas[fold(word)] = true; });
    normCache = dict();
    docs = dict();
    entries = [];
    (asRead(data.docs) || []).forEach(function (doc) {
      docs[doc.location] = doc;
      // Sections are found by their number only; their words are their clauses'.
      if (doc.kind !== "section") entries.push(doc);
    });
    // The site's words are lemmas a query's word may be reduced to: those WordNet gave a
    // lemma of their own are not ("officers"), and without WordNet a plural whose
    // singular is there too is not.
    var wordnet = Object.keys(lemmaOf).length > 0;
    // each entry's fields as printed words, read once (buildIndex counts them)
    var seen = dict();
    var named = new Map();  // a heading or a document's name, shared by many entries: read once
    var readFields = function (doc) {
      var read = dict();
      FIELDS.forEach(function (field) {
        var text = fieldText(doc, field.name);
        var printed = field.name === "text" ? null : named.get(text);
        if (!printed) {
          printed = printedWords(text);
          if (field.name !== "text") named.set(text, printed);
        }
        read[field.name] = printed;
        for (var i = 0; i < printed.length; i++) {
          var word = printed[i];
          if (seen[word]) continue;
          seen[word] = true;
          if (!Object.prototype.hasOwnProperty.call(lemmaOf, word)) lemmas[fold(word)] = true;
        }
      });
      return read;
    };
    var fieldWords = [];
    for (var e = 0; e < entries.length; e++) {
      fieldWords.push(readFields(entries[e]));
      if (e % STEP === STEP - 1) yield;
    }
    if (!wordnet) {
      Object.keys(lemmas).forEach(function (word) {
        var base = word.replace(/(?:ies)$/, "y").replace(/s$/, "");
        if (base !== word && lemmas[base] && !/ss$/.test(word)) delete lemmas[word];
      });
    }
    namingOf = dict();
    entries.forEach(function (doc) {
      if (doc.kind === "document") namingOf[" " + words(doc.document).join(" ") + " "] = doc.document;
    });
    namings = Object.keys(namingOf);
    namingTerms = dict();
    everyday = dict();
    stemmedNamings = dict();
    namings.forEach(function (naming) {
      stemmedNamings[naming] = " " + naming.trim().split(" ").map(norm).join(" ") + " ";
    });
    yield* buildIndex(fieldWords);
    yield* buildMeaning(own.vectors, fieldWords);
    synonyms = (own.synonyms || []).map(function (group) {
      return group.map(function (name) {
        return searchedWords(nameWords(name)).map(norm);
      }).filter(function (name) { return name.length; });
    });
    concepts = (own.concepts || []).map(function (pair) {
      return {
        ask: pair[0].map(function (name) { return nameWords(name).map(norm); })
          .filter(function (name) { return name.length; }),
        find: pair[1].map(function (name) { return searchedWords(nameWords(name)).map(norm); })
          .filter(function (name) { return name.length; })
      };
    });
    askWords = dict();
    askByLength = [];
    concepts.forEach(function (concept) {
      concept.ask.forEach(function (name) {
        name.forEach(function (term) {
          if (askWords[term]) return;
          askWords[term] = true;
          (askByLength[term.length] = askByLength[term.length] || []).push(term);
        });
      });
    });
    ready = true;
  }

  // `fieldWords`: each entry's fields as printed words (in `entries` order).
  function* buildIndex(fieldWords) {
    units = [];
    entryUnit = [];
    postings = dict();
    pairsMade = dict();
    vocabulary = dict();
    readWords = dict();
    byLength = [];
    groupOf = [];
    groupSize = [];
    var groupNumber = dict();
    var raw = [];
    var counted = dict();  // a heading or a document's name, shared by many entries: read once
    var readEntry = function (doc, e) {
      var shared = dict();
      FIELDS.forEach(function (field) {
        if (field.name === "text") return;
        var text = fieldText(doc, field.name);
        var key = field.name + "\u0000" + text;
        shared[field.name] = counted[key] = counted[key] || countTerms(fieldWords[e][field.name]);
      });
      var whole = countTerms(fieldWords[e].text);
      raw.push({ entry: e, item: null, fields: Object.assign({ text: whole }, shared) });
      // an item continues its clause's opening words ("The member may ask the author:
      // (a) to include options"): it is scored with them, and shown for its own words
      var spans = doc.spans || [];
      var lead = spans.length ? termCounts(leadIn(doc.text.slice(0, spans[0][1]))) : null;
      spans.forEach(function (span) {
        var own = termCounts(doc.text.slice(span[1], span[2]));
        var fields = Object.assign({ text: joinedCounts(lead, own) }, shared);
        raw.push({ entry: e, item: span, own: own.counts, lead: lead && lead.counts, fields: fields });
      });
    };
    for (var e = 0; e < entries.length; e++) {
      readEntry(entries[e], e);
      if (e % STEP === STEP - 1) yield;
    }
    var average = averageLength = dict();
    FIELDS.forEach(function (field) {
      var total = 0;
      raw.forEach(function (unit) { total += unit.fields[field.name].length; });
      average[field.name] = total / Math.max(1, raw.length) || 1;
    });
    unitFields = raw.map(function (unit) { return unit.fields; });
    var weigh = function (unit, u) {
      var weighted = new Map();
      for (var f = 0; f < FIELDS.length; f++) {
        var field = FIELDS[f];
        var counted = unit.fields[field.name];
        var norm = 1 - field.b + field.b * counted.length / average[field.name];
        var counts = counted.counts;
        // a heading's or a name's counts serve many units: their terms are listed once
        var terms = counted.terms || (counted.terms = Object.keys(counts));
        for (var t = 0; t < terms.length; t++) {
          var term = terms[t];
          weighted.set(term, (weighted.get(term) || 0) + field.weight * counts[term] / norm);
        }
      }
      weighted.forEach(function (value, term) {
        var list = postings[term] || (postings[term] = [[], []]);
        list[0].push(u);
        list[1].push(value);
      });
      var page = entries[unit.entry].location.split("#")[0];
      if (groupNumber[page] === undefined) {
        groupNumber[page] = groupSize.length;
        groupSize.push(0);
      }
      groupOf.push(groupNumber[page]);
      if (!unit.item) groupSize[groupNumber[page]]++;
      if (!unit.item) entryUnit[unit.entry] = u;
      units.push({ entry: unit.entry, item: unit.item, own: unit.own || null, lead: unit.lead || null });
    };
    for (var u = 0; u < raw.length; u++) {
      weigh(raw[u], u);
      if (u % STEP === STEP - 1) yield;
    }
  }

  /* --- meaning ------------------------------------------------------------------ */

  var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  // base64 -> signed bytes, by hand: the worker runs where atob may not be (a bare context)
  function int8FromBase64(text) {
    var code = new Int16Array(128);
    for (var i = 0; i < 64; i++) code[BASE64.charCodeAt(i)] = i;
    var clean = text.replace(/=+$/, "");
    var out = new Int8Array(Math.floor(clean.length * 3 / 4));
    var o = 0;
    for (var j = 0; j < clean.length; j += 4) {
      var n = (code[clean.charCodeAt(j)] << 18) | (code[clean.charCodeAt(j + 1)] << 12) |
        (code[clean.charCodeAt(j + 2) & 127] << 6) | code[clean.charCodeAt(j + 3) & 127];
      out[o++] = n >> 16;  // an Int8Array keeps the low byte, signed
      if (o < out.length) out[o++] = n >> 8;
      if (o < out.length) out[o++] = n;
    }
    return out;
  }

  // The words a text says, as meaning reads them: no stop word, number or single letter.
  function meaningWords(printed) {
    return printed.filter(function (word) {
      return word.length > 1 && /^[a-z]+$/.test(word) && !isStop(word);
    });
  }

  // A word's row of the vectors: the word, else it with a plain ending taken off
  // ("sacking": sack, "harasses": harass); -1 when the vectors do not have it.
  var MEANING_ENDINGS = ["ies", "es", "s", "ed", "ing", "ly", "er"];

  function rowOf(word) {
    var rows = meaning.rowOf;
    if (rows[word] !== undefined) return rows[word];
    for (var i = 0; i < MEANING_ENDINGS.length; i++) {
      var end = MEANING_ENDINGS[i];
      if (word.length - end.length < 3 || word.slice(-end.length) !== end) continue;
      var base = word.slice(0, -end.length);
      var forms = [base, base + "e", base + "y"];
      for (var f = 0; f < forms.length; f++) {
        if (rows[forms[f]] !== undefined) return rows[forms[f]];
      }
    }
    return -1;
  }

  // The IDF-weighted mean of the words' vectors, normalised (null: no word known). A
  // word no clause has counts as the rarest.
  function meanVector(said) {
    var dims = meaning.dims, rows = meaning.rows;
    var vector = new Float32Array(dims), any = false, d;
    for (var i = 0; i < said.length; i++) {
      var r = rowOf(said[i]);
      if (r < 0) continue;
      var weight = meaning.idf[said[i]] || meaning.rare;
      for (d = 0; d < dims; d++) vector[d] += weight * rows[r * dims + d];
      any = true;
    }
    if (!any) return null;
    var length = 0;
    for (d = 0; d < dims; d++) length += vector[d] * vector[d];
    length = Math.sqrt(length);
    if (!length) return null;
    for (d = 0; d < dims; d++) vector[d] /= length;
    return vector;
  }

  // Each clause's vector, from its heading's and text's words (`vectors`: the index's
  // config.clausemark.vectors; none, or rows not matching the words: no meaning).
  function* buildMeaning(vectors, fieldWords) {
    meaning = null;
    if (!vectors || !vectors.words || !vectors.vectors) return;
    var list = String(vectors.words).split(" ");
    var dims = vectors.dims | 0;
    var rows = int8FromBase64(String(vectors.vectors));
    if (dims <= 0 || rows.length !== list.length * dims) return;
    var rowIndex = dict();
    list.forEach(function (word, i) { rowIndex[word] = i; });
    meaning = { dims: dims, rowOf: rowIndex, rows: rows, clauses: [], idf: dict(), rare: 0 };
    var said = [], df = dict();
    for (var e = 0; e < entries.length; e++) {
      if (entries[e].kind !== "clause") continue;
      var own = meaningWords(fieldWords[e].heading.concat(fieldWords[e].text));
      said.push([e, own]);
      var once = dict();
      for (var w = 0; w < own.length; w++) {
        if (once[own[w]]) continue;
        once[own[w]] = true;
        df[own[w]] = (df[own[w]] || 0) + 1;
      }
    }
    var n = said.length;
    Object.keys(df).forEach(function (word) {
      meaning.idf[word] = Math.log(1 + n / (1 + df[word]));
    });
    meaning.rare = Math.log(1 + n);
    for (var c = 0; c < n; c++) {
      var vector = meanVector(said[c][1]);
      if (vector) meaning.clauses.push([said[c][0], vector]);
      if (c % STEP === STEP - 1) yield;
    }
  }

  // The ranking fused with the clauses nearest the question in meaning (MEANING): its
  // first result stays first (a citation, an exact wording) unless the words nearly tie
  // for it (nearerOfATie), the others by the sum of their reciprocal ranks.
  function withMeaning(ranked, printed, mayBreakTie) {
    if (!meaning || !ranked.length) return ranked;
    var asked = meanVector(meaningWords(printed));
    if (!asked) return ranked;
    var dims = meaning.dims;
    var near = meaning.clauses.map(function (pair) {
      var vector = pair[1], dot = 0;
      for (var d = 0; d < dims; d++) dot += vector[d] * asked[d];
      return [pair[0], dot];
    }).sort(function (a, b) { return b[1] - a[1]; }).slice(0, MEANING.depth);
    var fused = new Map();
    ranked.slice(0, MEANING.depth).forEach(function (result, i) {
      fused.set(result.doc.location, { result: result, value: 1 / (MEANING.k + i + 1) });
    });
    near.forEach(function (pair, i) {
      var had = fused.get(entries[pair[0]].location);
      if (had) had.value += MEANING.weight / (MEANING.k + i + 1);
    });
    // the first two: the words' first and, if meaning broke their tie, their second before it
    var lead = mayBreakTie ? nearerOfATie(ranked, near) : ranked[0];
    var head = lead === ranked[0] ? [lead] : [lead, ranked[0]];
    var rest = Array.from(fused.values()).filter(function (f) {
      return head.indexOf(f.result) < 0;
    });
    rest.sort(function (a, b) { return b.value - a.value; });
    return head.concat(rest.map(function (f) { return f.result; }), ranked.slice(MEANING.depth));
  }

  // The first result: the words' first, or their second where the two are clauses the
  // words score within MEANING.tie of each other (no citation) and the second is nearer
  // in meaning (among the `near` clauses: [entry, cosine], nearest first).
  function nearerOfATie(ranked, near) {
    var first = ranked[0], second = ranked[1];
    if (!second || first.doc.kind !== "clause" || second.doc.kind !== "clause" ||
        first.score >= 1000 || second.score < MEANING.tie * first.score) {
      return first;
    }
    var cosine = dict();
    near.forEach(function (pair) { cosine[entries[pair[0]].location] = pair[1]; });
    var mine = cosine[second.doc.location], theirs = cosine[first.doc.location];
    return mine !== undefined && (theirs === undefined || mine > theirs) ? second : first;
  }

  // How many entries of each page are among the units (an item is its clause's: the
  // clause's words include its items', so an item adds no entry that has the word).
  function entriesPerGroup(unitList) {
    var perGroup = new Float64Array(groupSize.length);
    unitList.forEach(function (u) { if (!units[u].item) perGroup[groupOf[u]]++; });
    return perGroup;
  }

  // How telling a set of units is: the share of each page's units that have it, averaged
  // over pages, so that a word filling one document is not rare for being in one.
  function idf(unitList) {
    var perGroup = entriesPerGroup(unitList);
    var share = 0;
    for (var g = 0; g < groupSize.length; g++) share += perGroup[g] / groupSize[g];
    share /= Math.max(1, groupSize.length);
    var floor = 0.5 / Math.max(1, units.length);
    return Math.log(1 + (1 - share + floor) / (share + floor));
  }

  // How much a word counts in each page: less where most of the page's units have it
  // ("Councillors" in a protocol that says it in every clause), so that a page's own
  // everyday word does not make its general clauses answer every question.
  function localWeights(unitList) {
    var perGroup = entriesPerGroup(unitList);
    for (var g = 0; g < perGroup.length; g++) {
      perGroup[g] = 1 - LOCAL_WEIGHT * perGroup[g] / groupSize[g];
    }
    return perGroup;
  }

  // "Appendix 20", "Part 5": a number that is part of a document's name, not a clause's.
  function inDocumentName(tokens, i) {
    if (i === 0 || /[.(]/.test(tokens[i])) return false;
    var pair = " " + tokens[i - 1] + " " + tokens[i] + " ";
    return namings.some(function (naming) { return naming.indexOf(pair) >= 0; });
  }

  // "15 year old", "10 days": a plain number that a word follows is a count, not a clause,
  // unless a word for a clause comes before it ("para 15 ...") or a document's name after
  // it ("34 EMCCA"), or the word after it is a linking one ("15 of the protocol").
  function isCount(tokens, i) {
    var next = tokens[i + 1];
    if (!/^\d+$/.test(tokens[i]) || !next || !/^[a-z]/.test(next) || isStop(next)) return false;
    if (i > 0 && NUMBER_WORDS.indexOf(tokens[i - 1]) >= 0) return false;
    return !namings.some(function (naming) { return naming.indexOf(" " + next + " ") >= 0; });
  }

  // "Section 73 Officer", "s151 officer": a number in a name the glossary or the synonyms
  // know, said whole, is that name's, not a clause's.
  function inNamedThing(tokens, i) {
    var normed = tokens.map(norm);
    return synonyms.some(function (group) {
      return group.some(function (name) {
        var at = name.indexOf(normed[i]);
        if (name.length < 2 || at < 0 || i - at < 0) return false;
        return name.every(function (word, k) { return normed[i - at + k] === word; });
      });
    });
  }

  // "5.4": a document's label on its own.
  function namesSomeDocument(token) {
    return namings.some(function (naming) { return naming.indexOf(" " + token + " ") >= 0; });
  }

  /* --- number queries ----------------------------------------------------------- */

  // A numbered section: "section" (found by number only), or "heading" (a heading that
  // no clause sits under, found by its own words too).
  function isSection(doc) {
    return doc.kind === "section" || (doc.kind === "heading" && Boolean(doc.number));
  }

  // The clause number in a query: one with a dot or an item ("4.8", "3.10(a)") if
  // there is one, else the last plain number ("para 46"); never a year.
  function numberQuery(tokens) {
    var numbers = tokens.filter(function (token, i) {
      var match = NUMBER.exec(token);
      return match && !/^\d{4}$/.test(match[1]) && !inDocumentName(tokens, i) &&
        !isCount(tokens, i) && !inNamedThing(tokens, i);
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
    // "Rule 2.2" cites as a document of rules does: its own rule first (trial17 F7)
    var style = at > 0 && STYLE_WORDS[tokens[at - 1]] ? STYLE_WORDS[tokens[at - 1]] : null;
    if (found === null) return null;
    // the item asked for, as the index keys a clause's items: "(a)(ii)" -> "a(ii)"
    var item = (found.items.match(/\([^)]*\)/g) || []).map(function (part, i) {
      return i ? part : part.slice(1, -1);
    }).join("");
    var candidates = [];
    Object.keys(docs).forEach(function (location) {
      var doc = docs[location];
      var number = String(doc.number || "").toLowerCase();  // "6.3A" is typed "6.3a"
      // "6.2" also finds para 2 of rule 6 where its own "2" is printed again (R47)
      var same = number === found.number ||
        (isSection(doc) && number === found.number.replace(/\.0$/, "")) ||
        String(doc.cited || "") === found.number;
      if (!same) return;
      var naming = words(doc.document || "");
      var named = rest.filter(function (word) { return naming.indexOf(word) >= 0; }).length;
      if (rest.length && !named && rest.some(function (word) { return /^[a-z]/.test(word); })) {
        named = -1;
      }
      candidates.push({
        doc: doc, named: named, fits: isSection(doc) === wantsSection,
        styled: style && style.some(function (word) { return naming.indexOf(word) >= 0; }) ? 1 : 0,
        // "7.4(iii)": a clause 7.4 that has an item (iii) before one that has none
        hasItem: item && doc.items && doc.items[item] ? 1 : 0
      });
    });
    if (!candidates.length) return null;
    candidates.sort(function (a, b) {
      return b.named - a.named || b.styled - a.styled || b.fits - a.fits ||
        b.hasItem - a.hasItem;
    });
    var best = candidates[0].named;
    return {
      token: found.token,
      naming: best > 0 ? rest.filter(function (word) {
        return words(candidates[0].doc.document || "").indexOf(word) >= 0;
      }) : [],
      hits: candidates
        .filter(function (c) { return c.named === best || best <= 0; })
        .map(function (c) {
          var anchor = item && c.doc.items ? c.doc.items[item] : null;
          // "2.1(a)" is shown as the item: its words, under "2.1 (a)"
          var span = anchor ? (c.doc.spans || []).filter(function (s) {
            return s[0] === item;
          })[0] : null;
          return { doc: c.doc, anchor: anchor, span: span || null };
        })
    };
  }

  // Words that make the number after them a citation of a clause ("section 151" may be
  // the officer the text names, "para 151" is a clause).
  var CITING_WORDS = ["para", "paras", "paragraph", "paragraphs", "clause", "clauses"];

  // Whether a query only cites a clause: a dotted number ("99.9") or a number after
  // "para", that no clause's text has either, and else only words that cite ("para"),
  // stop words and words of the documents' names ("EMCCA", "planning protocol").
  function citesOnly(tokens) {
    var cited = false;
    var rest = tokens.every(function (token, i) {
      var match = NUMBER.exec(token);
      if (match && /\d/.test(token)) {
        var citing = /[.(]/.test(token) || (i > 0 && CITING_WORDS.indexOf(tokens[i - 1]) >= 0);
        var said = known(norm(token.replace(/[^a-z0-9]/g, "")));
        if (citing && !said && !/^\d{4}$/.test(match[1])) cited = true;
        return citing && !said;
      }
      if (NUMBER_WORDS.indexOf(token) >= 0 || isStop(token)) return true;
      return namingsWith(norm(token)).length > 0;
    });
    return cited && rest;
  }

  /* --- word queries ------------------------------------------------------------- */

  // Damerau-Levenshtein distance, given up beyond `most`.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var previous2 = null, previous = [], current;
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current.push(value);
        if (value < smallest) smallest = value;
      }
      if (smallest > most) return most + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  // The site's words nearest a word it does not have: edit distance 1, 2 for long words.
  function nearWords(word) {
    var folded = fold(word);
    if (folded.length < 5 || /\d/.test(folded)) return [];
    var most = folded.length >= 8 ? 2 : 1;
    var best = most + 1, found = [];
    for (var length = folded.length - most; length <= folded.length + most; length++) {
      (byLength[length] || []).forEach(function (known) {
        var d = distance(folded, known, best);
        if (d < best) { best = d; found = []; }
        if (d === best && d <= most) found.push(known);
      });
    }
    var terms = dict();
    found.forEach(function (known) { terms[vocabulary[known]] = true; });
    return Object.keys(terms).slice(0, 5).map(function (term) {
      return { terms: [term], weight: WEIGHT.typo * (best > 1 ? 0.75 : 1), kind: "typo" };
    });
  }

  function known(term) {
    if (term.charAt(0) === PAIR) return pairPostings(term) !== undefined;
    return Object.prototype.hasOwnProperty.call(postings, term);
  }

  // A term's postings (a pair's made the first time it is asked for), or undefined.
  function postingsOf(term) {
    return term.charAt(0) === PAIR ? pairPostings(term) : postings[term];
  }

  // The postings of a pair of terms ("\u0001first second"): the units that have both, each
  // with the pair's count in each field weighted as a term's is (buildIndex), in unit order.
  function pairPostings(pair) {
    if (pairsMade[pair] !== undefined) return postings[pair];
    var space = pair.indexOf(" ");
    var first = pair.slice(1, space), second = pair.slice(space + 1);
    var a = postings[first], b = postings[second];
    var list = [[], []];
    for (var i = 0, j = 0; a && b && i < a[0].length && j < b[0].length;) {
      var u = a[0][i], v = b[0][j];
      if (u < v) { i++; continue; }
      if (v < u) { j++; continue; }
      var weighted = 0, found = false;
      for (var f = 0; f < FIELDS.length; f++) {
        var field = FIELDS[f];
        var counted = unitFields[u][field.name];
        var count = pairCount(counted, first, second);
        if (!count) continue;
        var norm = 1 - field.b + field.b * counted.length / averageLength[field.name];
        weighted = (found ? weighted : 0) + field.weight * count / norm;
        found = true;
      }
      if (found) { list[0].push(u); list[1].push(weighted); }
      i++;
      j++;
    }
    pairsMade[pair] = list[0].length > 0;
    if (pairsMade[pair]) postings[pair] = list;
    return postings[pair];
  }

  // The query's words (stop words dropped), each with what it also stands for.
  // The words of a query or a name that are searched for: stop words dropped, and a word
  // and a particle that the site prints as one ("call in": "call-in"), or two words it
  // prints as one ("whistle blowing", "e mail"), taken as one.
  function searchedWords(printed) {
    var kept = [];
    for (var i = 0; i < printed.length; i++) {
      var next = printed[i + 1];
      // ... and two words the site prints as one ("whistle blowing": "whistleblowing")
      var joins = next && (PARTICLES.indexOf(next) >= 0 || (!isStop(printed[i]) && !isStop(next)));
      if (joins && known(norm(printed[i] + next))) {
        kept.push(printed[i] + next);
        i++;
      } else if (next && PARTICLES.indexOf(next) >= 0 && known(norm(printed[i]) + next)) {
        // "calling in", "called in": the site's "call-in", its verb inflected
        normCache[printed[i] + next] = norm(printed[i]) + next;
        kept.push(printed[i] + next);
        i++;
      } else if (!isStop(printed[i]) && /[a-z0-9]/.test(printed[i])) {
        kept.push(printed[i]);
      }
    }
    return kept;
  }

  function plan(words, typing) {
    var terms = searchedWords(words).map(function (word) {
      return { word: word, term: norm(word), also: [], linking: LINKING_WORDS.indexOf(word) >= 0 };
    });
    // A word said twice is one word of the question ("help one party ... help the others").
    var once = dict();
    terms.forEach(function (t) {
      if (once[t.term]) t.linking = true;
      once[t.term] = true;
    });
    var stems = terms.map(function (t) { return t.term; });
    // Two words of the query side by side that a text has side by side ("group
    // meeting") count again, as a pair; a pair adds to the score, not to the share.
    var pairs = [];
    for (var p = 0; p + 1 < terms.length; p++) {
      var key = PAIR + terms[p].term + " " + terms[p + 1].term;
      if (known(key)) pairs.push({ word: "", term: key, pair: true, also: [] });
    }
    synonyms.forEach(function (group) {
      group.forEach(function (name) {
        for (var start = 0; start + name.length <= stems.length; start++) {
          var same = name.every(function (s, i) { return stems[start + i] === s; });
          if (!same) continue;
          group.forEach(function (other) {
            if (other === name) return;
            for (var i = start; i < start + name.length; i++) {
              terms[i].also.push({ terms: other, weight: WEIGHT.synonym, kind: "synonym" });
            }
          });
        }
      });
    });
    terms.forEach(function (term, i) {
      var related = thesaurus[term.word] || thesaurus[term.term] || [];
      related.forEach(function (pair) {
        var target = norm(pair[0]);
        if (target !== term.term) {
          term.also.push({ terms: [target], weight: WEIGHT.thesaurus * pair[1], kind: "thesaurus" });
        }
      });
      // A word neither the site nor WordNet has is a typing slip ("cheif"), or the word
      // being typed.
      if (!known(term.term) && !thesaurus[term.word] && !thesaurus[term.term]) {
        nearWords(term.word).forEach(function (near) { term.also.push(near); });
        if (typing && i === terms.length - 1 && term.word.length >= 3) {
          var completed = dict();  // a word and its lemma complete to one term, once
          Object.keys(vocabulary).forEach(function (word) {
            var found = vocabulary[word];
            if (word.length > term.word.length && word.indexOf(term.word) === 0 && !completed[found]) {
              completed[found] = true;
              term.also.push({ terms: [found], weight: WEIGHT.prefix, kind: "prefix" });
            }
          });
        }
      }
    });
    // WordNet's phrases ("turn_down": refuse, decline): two words of the query side by
    // side that WordNet has as one stand for its words too; a particle ("down") is in
    // the phrase's meaning, not a word on its own
    for (var c = 0; c + 1 < words.length; c++) {
      var phrase = thesaurus[norm(words[c]) + "_" + words[c + 1]] || thesaurus[words[c] + "_" + words[c + 1]];
      if (!phrase) continue;
      terms.forEach(function (term) {
        var particle = IDIOM_PARTICLES.indexOf(words[c + 1]) >= 0;
        if (term.word === words[c + 1] && particle) term.particle = term.linking = true;
        if (term.word !== words[c] && (term.word !== words[c + 1] || particle)) return;
        // the verb of a phrasal verb alone ("turn") is not what is meant
        if (particle && term.word === words[c]) term.scale = PHRASAL_VERB;
        phrase.forEach(function (pair) {
          term.also.push({ terms: [norm(pair[0])], weight: WEIGHT.thesaurus * pair[1], kind: "thesaurus" });
        });
      });
    }
    terms = terms.concat(conceptTerms(words, terms), pairs);
    terms.forEach(function (term) {
      var strongest = dict();
      term.also.forEach(function (alt) {
        var key = alt.terms.join(" ");
        if (key === term.term) return;
        if (!strongest[key] || strongest[key].weight < alt.weight) strongest[key] = alt;
      });
      term.also = Object.keys(strongest).map(function (key) { return strongest[key]; });
    });
    return terms;
  }

  // What the rules call what the query asks about in everyday words (search_concepts.yml):
  // each phrase of a concept's `ask` found in the query (stop words and all: "tell off")
  // gives the words of the query in it the concept's `find` words as alternatives; a
  // phrase of stop words only ("say no") becomes a term of its own. Returns those terms.
  function conceptTerms(printed, terms) {
    var normed = printed.map(function (word) {
      var term = norm(word);
      if (askWords[term] || known(term) || thesaurus[word] || thesaurus[term]) return term;
      return nearAsk(fold(word)) || term;
    });
    // two words searched as the one the site prints ("call in": "call-in") are that word:
    // a phrase of part of it ("call") is not in the query
    var compound = printed.map(function (word, i) {
      var next = printed[i + 1], before = printed[i - 1];
      var joins = function (a, b) {
        return terms.some(function (t) { return t.word === a + b; });
      };
      return (next !== undefined && joins(word, next)) || (before !== undefined && joins(before, word));
    });
    var added = [];
    concepts.forEach(function (concept) {
      concept.ask.forEach(function (name) {
        for (var start = 0; start < normed.length; start++) {
          var at = phraseAt(name, normed, start, 0);
          if (!at || (at.length === 1 && compound[at[0]])) continue;
          var inside = at.map(function (k) { return printed[k]; });
          var joined = inside.join("");
          var alternatives = concept.find.map(function (found) {
            return { terms: found, weight: WEIGHT.concept, kind: "concept" };
          });
          var owners = terms.filter(function (term) {
            return inside.indexOf(term.word) >= 0 || (joined.indexOf(term.word) >= 0 &&
              inside.length > 1 && term.word.length > inside[0].length);
          });
          if (!owners.length) {
            var key = "\u0002" + name.join(" ");
            owners = added.filter(function (term) { return term.term === key; });
            if (!owners.length) {
              owners = [{ word: "", term: key, also: [], phrase: true }];
              added.push(owners[0]);
            }
          }
          owners.forEach(function (term) {
            alternatives.forEach(function (alt) { term.also.push(alt); });
            // the particle of a phrasal verb ("turn down", "find out") is in its meaning:
            // not searched on its own, nor a word the answer must have
            if (name[0] !== term.term && IDIOM_PARTICLES.indexOf(term.word) >= 0) {
              term.particle = term.linking = true;
            }
          });
        }
      });
    });
    return added;
  }

  // Where a phrase of the concepts is in the query from `start`: the positions of its
  // words, or null. A pronoun between a phrase's words stands for the words a reader
  // puts in its place ("tell them what to do": "tell staff what to do"), up to three
  // (one that ends a phrase, "make them", is itself: the phrase is not its first word).
  function phraseAt(name, normed, start, i) {
    if (i === name.length) return [];
    var word = name[i];
    var rest;
    if (i > 0 && i < name.length - 1 && OBJECT_PRONOUNS.indexOf(word) >= 0) {
      for (var n = 1; n <= SLOT && start + n <= normed.length; n++) {
        rest = phraseAt(name, normed, start + n, i + 1);
        if (rest) return rest;
      }
      return null;
    }
    if (start >= normed.length || normed[start] !== word) return null;
    rest = phraseAt(name, normed, start + 1, i + 1);
    return rest ? [start].concat(rest) : null;
  }

  // A word neither the site, WordNet nor the concepts know, typed for a concept's word
  // ("nastey"): that word, at edit distance 1 (2 for long words), as for the site's words.
  function nearAsk(word) {
    if (word.length < 5 || /\d/.test(word)) return null;
    var most = word.length >= 8 ? 2 : 1;
    var best = most + 1, found = null;
    for (var length = word.length - most; length <= word.length + most; length++) {
      (askByLength[length] || []).forEach(function (known) {
        var d = distance(word, known, best);
        if (d < best) { best = d; found = known; }
      });
    }
    return found;
  }

  // Each unit's weighted count of one alternative, as [units, counts]: a name of several
  // words counts as often as its rarest word, in the units that have them all.
  function alternativeCounts(terms) {
    var first = postingsOf(terms[0]) || [[], []];
    if (terms.length === 1) return first;
    var counts = new Float64Array(units.length);
    first[0].forEach(function (u, k) { counts[u] = first[1][k]; });
    var kept = first[0];
    terms.slice(1).forEach(function (term) {
      var here = postingsOf(term) || [[], []];
      var both = new Float64Array(units.length);
      here[0].forEach(function (u, k) {
        if (counts[u] > 0) both[u] = Math.min(counts[u], here[1][k]);
      });
      counts = both;
      kept = here[0];
    });
    var found = [[], []];
    kept.forEach(function (u) {
      if (counts[u] > 0) { found[0].push(u); found[1].push(counts[u]); }
    });
    return found;
  }

  // Each unit's score, and how many of the query's words it has (directly or through
  // one of their other names); `touched`: the units with any.
  function score(terms) {
    var n = units.length;
    var scores = new Float64Array(n), has = new Uint8Array(n), touched = [];
    var termScores = new Float64Array(n);
    var asked = terms.filter(function (term) { return !term.pair && !term.linking; }).length;
    terms.forEach(function (term) {
      var literal = { terms: [term.term], weight: term.pair ? WEIGHT.pair : term.scale || 1, kind: "word" };
      var alternatives = (term.particle ? [] : [literal]).concat(term.also);
      var tf = new Float64Array(n), strong = new Uint8Array(n), here = [], strongHere = [];
      // the rules' words for an everyday word count each by its own rarity, and add up
      // ("picked on": "bullied" is telling, "conduct" much less): taken together, the
      // many they are would be as common as their commonest
      var own = [];
      // the units that have the word itself, or what counts as it (a synonym, a slip's
      // nearest word): the others are reached by a word that only stands for it
      var standsIn = term.particle || (term.scale || 1) < 1 || asked > BELOW_THE_WORD_TERMS;
      var itself = standsIn ? null : new Uint8Array(n);
      alternatives.forEach(function (alt) {
        if (alt.kind === "concept") { own.push(alt); return; }
        var counts = alternativeCounts(alt.terms);
        var us = counts[0], cs = counts[1];
        var counted = itself && !BELOW_THE_WORD[alt.kind];
        for (var k = 0; k < us.length; k++) {
          var u = us[k];
          if (counted) itself[u] = 1;
          if (tf[u] === 0) here.push(u);
          tf[u] += alt.weight * cs[k];
          if (alt.weight >= 0.5 && !strong[u]) { strong[u] = 1; strongHere.push(u); }
        }
      });
      var found = [];
      var weight = idf(strongHere.length ? strongHere : here);
      var local = localWeights(here);
      here.forEach(function (u) {
        var f = tf[u] * local[groupOf[u]];
        termScores[u] = weight * f * (K1 + 1) / (f + K1);
        found.push(u);
      });
      own.forEach(function (alt) {
        var counts = alternativeCounts(alt.terms);
        var us = counts[0], cs = counts[1];
        if (!us.length) return;
        var altWeight = idf(us);
        var altLocal = localWeights(us);
        for (var k = 0; k < us.length; k++) {
          var u = us[k];
          var f = alt.weight * cs[k] * altLocal[groupOf[u]];
          var value = altWeight * f * (K1 + 1) / (f + K1);
          if (termScores[u] === 0) found.push(u);
          termScores[u] += value;
        }
      });
      var lowest = Infinity;
      if (itself) found.forEach(function (u) { if (itself[u]) lowest = Math.min(lowest, termScores[u]); });
      if (lowest < Infinity) {
        found.forEach(function (u) {
          if (!itself[u]) termScores[u] = Math.min(termScores[u], lowest * BELOW_THE_WORD_SHARE);
        });
      }
      found.forEach(function (u) {
        if (scores[u] === 0) touched.push(u);
        scores[u] += termScores[u];
        termScores[u] = 0;
        if (!term.pair && !term.linking) has[u]++;
      });
    });
    return { scores: scores, has: has, touched: touched };
  }


  /* --- results ------------------------------------------------------------------ */

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  // How much a printed word counts for the snippet: 2 for a word of the query, 1 for
  // one of its other names, 0 for the rest.
  function weightOf(printed, wanted) {
    return printedWords(printed).reduce(function (most, word) {
      return Math.max(most, isStop(word) ? 0 : wanted[norm(word)] || 0);
    }, 0);
  }

  // The words around the run with the most (and the best) matches, the matches marked.
  function snippet(text, wanted) {
    var parts = String(text).split(/(\s+)/);
    var hits = [];
    for (var i = 0; i < parts.length; i += 2) {
      hits.push(weightOf(parts[i], wanted));
    }
    var best = 0, bestCount = -1, count = 0;
    for (var j = 0; j < Math.min(hits.length, SNIPPET_WORDS); j++) count += hits[j];
    for (var start = 0; start < hits.length; start++) {
      if (count > bestCount) { best = start; bestCount = count; }
      count -= hits[start];
      if (start + SNIPPET_WORDS < hits.length) count += hits[start + SNIPPET_WORDS];
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

  // An item's key in the index as its citation prints it after the clause's number:
  // "d(ii)" is " (d)(ii)"; a bullet, "[2]", is ", item [2]" ("b[2]": " (b), item [2]").
  function itemLabel(key) {
    var out = "";
    String(key).replace(/\[(\d+)\]|\(([^)]*)\)|([^(\[]+)/g, function (all, count, inner, first) {
      out += count ? ", item [" + count + "]" : "(" + (inner || first) + ")";
      return all;
    });
    return out.charAt(0) === "," ? out : " " + out;
  }

  function item(result, rank, terms, wanted) {
    var doc = result.doc;
    var anchor = result.anchor;
    var text = doc.text;
    var title = doc.title;
    if (result.span) {
      anchor = doc.items && doc.items[result.span[0]];
      text = doc.text.slice(result.span[1], result.span[2]);
      title = doc.title + itemLabel(result.span[0]);
    }
    var location = anchor ? doc.location.split("#")[0] + "#" + anchor : doc.location;
    var head = {
      location: location,
      title: escapeHtml(title),
      text: "",
      score: rank,
      terms: terms
    };
    var shown = "<p>" + (result.span ? "… " : "") + snippet(text, wanted) + "</p>";
    if (location.indexOf("#") < 0) {
      head.text = shown;
      return [head];
    }
    var teaser = {
      location: location,
      title: escapeHtml(doc.heading || doc.title),
      text: shown,
      score: rank,
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
      var naming = namingsWith(term.term);
      if (naming.length && isDistinctive(naming) && !everydayElsewhere(term.term, naming)) {
        naming.forEach(function (words) { named.push(namingOf[words]); });
      }
    });
    return named;
  }

  // The namings (as in `namings`) that have the term.
  function namingsWith(term) {
    var root = " " + term + " ";
    return namings.filter(function (words) { return stemmedNamings[words].indexOf(root) >= 0; });
  }

  // A word of some documents' names that the other documents' clauses use as an everyday
  // word does not name those documents: "council" is in "Borough Council of
  // Newcastle-under-Lyme" and "Example Town Council", and in most clauses of the model
  // protocol, so "who looks after the council's money" asks about the council, not about
  // those two documents ("Newcastle", "EMCCA", "Appendix" are in no other document's
  // clauses). Whether more than EVERYDAY_SHARE of the other documents' clauses have it.
  function everydayElsewhere(term, naming) {
    var known = everyday[term];
    if (known !== undefined) return known;
    var texts = naming.map(function (words) { return namingOf[words]; });
    var has = dict();
    (postings[term] || [[]])[0].forEach(function (u) { has[units[u].entry] = true; });
    var others = 0, having = 0;
    entries.forEach(function (doc, e) {
      if (doc.kind !== "clause" || !doc.document || texts.indexOf(doc.document) >= 0) return;
      others++;
      if (has[e]) having++;
    });
    return (everyday[term] = others > 0 && having / others > EVERYDAY_SHARE);
  }

  // A word in the names of at most half the documents tells them apart ("Newcastle",
  // "Appendix"); one in most of them ("member", "protocol") does not.
  function isDistinctive(naming) {
    return naming.length > 0 && naming.length <= Math.max(1, Math.floor(namings.length / 2));
  }

  // Every word of the query names this document, and one of them tells it apart
  // ("Newcastle protocol", "Appendix 20"; not "member").
  // (`telling`: whether a word of the query tells documents apart, asked once a query.)
  function namesWhole(doc, terms, telling) {
    if (!telling || !terms.length) return false;
    var naming = namingTerms[doc.location];
    if (!naming) {
      naming = namingTerms[doc.location] = words(doc.document + " " + (doc.heading || ""))
        .map(norm);
    }
    return terms.every(function (term) { return naming.indexOf(term.term) >= 0; });
  }

  // Clauses (and documents) by score. A glossary or hub page goes before a clause only
  // for a lookup of a term (one or two words) that the page has whole and the clause
  // has not; a question is answered by clauses.
  function rank(results, terms) {
    var lookup = terms.length <= 2;
    var byScore = function (a, b) { return b.score - a.score; };
    var pages = results.filter(function (r) { return r.doc.kind === "page"; }).sort(byScore);
    var clauses = results.filter(function (r) { return r.doc.kind !== "page"; }).sort(byScore);
    var ranked = [], p = 0, c = 0;
    while (ranked.length < MAX_RESULTS && (p < pages.length || c < clauses.length)) {
      var page = pages[p], clause = clauses[c];
      var pageFirst = !clause || (page && lookup && page.share === 1 && clause.share < 1 &&
        clause.score < 1000);
      ranked.push(pageFirst ? pages[p++] : clauses[c++]);
    }
    return ranked;
  }

  function search(query) {
    // A question is a few words: a pasted page is read as its first MAX_QUERY characters.
    query = String(query).slice(0, MAX_QUERY);
    // "2.1 (a)", as a result's title prints an item, is the citation "2.1(a)"
    var joined = query.replace(ITEM_APART, "$1$2");
    while (joined !== query) joined = (query = joined).replace(ITEM_APART, "$1$2");
    var tokens = words(query);
    if (!tokens.length || !ready) return { items: [] };
    var typing = !/\s$/.test(query);
    var numbered = numberQuery(tokens);
    // a citation of a clause the site does not have ("para 99.9", "EMCCA para 99"): there
    // is no such clause, and the clauses that happen to say "para" are not it
    if (!numbered && citesOnly(tokens)) return { items: [] };
    // Words that named the document of a numbered clause, "para" and the like, and a
    // plain number that was found as one ("para 10") have been answered; a dotted
    // number is also looked for in the clauses' words (where other clauses cite it).
    var planned = plan(printedWords(query).filter(function (word) {
      return !numbered || (numbered.naming.indexOf(word) < 0 &&
        NUMBER_WORDS.indexOf(word) < 0 && !(word === numbered.token && /^\d+$/.test(word)));
    }), typing);
    var terms = planned.filter(function (term) { return !term.pair; });
    var shown = dict();
    var wanted = dict();
    terms.forEach(function (term) {
      term.also.forEach(function (alt) {
        if (alt.kind !== "prefix") alt.terms.forEach(function (t) { wanted[t] = 1; });
      });
    });
    terms.forEach(function (term) { wanted[term.term] = 2; });
    var results = [];
    var seen = dict();
    if (numbered) {
      shown[numbered.token] = true;
      numbered.hits.forEach(function (hit) {
        seen[hit.doc.location] = true;
        results.push({ doc: hit.doc, score: 1000, anchor: hit.anchor, span: hit.span, share: 1 });
      });
    }
    if (terms.length) {
      var scored = score(planned);
      // the words a clause is expected to have (not a linking word)
      var counted = Math.max(1, terms.filter(function (term) { return !term.linking; }).length);
      var named = namedDocuments(terms);
      var telling = terms.some(function (term) { return isDistinctive(namingsWith(term.term)); });
      // each entry's best unit: the one with most of the query's words, then the highest
      var bestUnit = new Int32Array(entries.length).fill(-1);
      var bestValue = new Float64Array(entries.length);
      var bestShare = new Float64Array(entries.length);
      var found = [];
      scored.touched.forEach(function (u) {
        var e = units[u].entry;
        var value = scored.scores[u] * (units[u].item ? ITEM_WEIGHT : 1);
        var share = scored.has[u] / counted;
        var b = bestUnit[e];
        if (b < 0) found.push(e);
        if (b < 0 || share > bestShare[e] || (share === bestShare[e] && value > bestValue[e])) {
          bestUnit[e] = u;
          bestValue[e] = value;
          bestShare[e] = share;
        }
      });
      // the item shown: the best of those with as many of the query's words as the clause
      // has at best (a clause's answer is often one of its items), else the best item if
      // it scores ITEM_SHOWN of the clause's best (its words and their share counted) and
      // has more of the query's words of its own than any other item (a query spread
      // over two items is the clause's); never an item without a word of the query that
      // the opening words lack: an item continues its clause's opening words, and is not
      // shown for them
      var shownUnit = new Int32Array(entries.length).fill(-1);
      var combined = function (u) {
        var share = scored.has[u] / counted;
        return scored.scores[u] * (units[u].item ? ITEM_WEIGHT : 1) * (0.25 + 0.75 * share * share);
      };
      // each word of the query: its names, and those that are the same thing (the word,
      // its synonyms, a typing slip's word)
      var namesOf = function (term, kinds) {
        return [term.term].concat.apply([term.term], term.also.filter(function (alt) {
          return kinds.indexOf(alt.kind) >= 0;
        }).map(function (alt) { return alt.terms; }));
      };
      var asked = terms.filter(function (term) { return !term.linking; }).map(function (term) {
        return {
          any: namesOf(term, ["synonym", "typo", "thesaurus", "concept"]),
          same: namesOf(term, ["synonym", "typo"])
        };
      });
      // the query's words an item has of its own that its clause's opening words lack
      // (a word only related to one, OWN_RELATED)
      var ownHas = function (u) {
        var own = units[u].own, lead = units[u].lead || dict();
        return asked.reduce(function (sum, names) {
          if (names.same.some(function (t) { return lead[t]; })) return sum;
          if (names.same.some(function (t) { return own[t]; })) return sum + 1;
          return sum + (names.any.some(function (t) { return own[t]; }) ? OWN_RELATED : 0);
        }, 0);
      };
      var bestItem = new Int32Array(entries.length).fill(-1);
      var mostOwn = new Float64Array(entries.length), mostOwnTied = new Uint8Array(entries.length);
      scored.touched.forEach(function (u) {
        var e = units[u].entry;
        var mine = units[u].item ? ownHas(u) : 0;
        if (!mine) return;
        if (mine > mostOwn[e]) { mostOwn[e] = mine; mostOwnTied[e] = 0; }
        else if (mine === mostOwn[e]) mostOwnTied[e] = 1;
        var b = bestItem[e];
        if (b < 0 || combined(u) > combined(b)) bestItem[e] = u;
        if (scored.has[u] / counted < bestShare[e]) return;
        var s = shownUnit[e];
        if (s < 0 || scored.scores[u] > scored.scores[s]) shownUnit[e] = u;
      });
      found.forEach(function (e) {
        var b = bestItem[e];
        if (b >= 0 && (mostOwnTied[e] || ownHas(b) < mostOwn[e])) bestItem[e] = -1;
      });
      found.forEach(function (e) {
        var b = bestItem[e];
        if (shownUnit[e] < 0 && b >= 0 && combined(b) >= ITEM_SHOWN * combined(bestUnit[e])) {
          shownUnit[e] = b;
        }
      });
      found.forEach(function (e) {
        var doc = entries[e];
        if (seen[doc.location]) return;
        var weight = KIND_WEIGHT[doc.kind] || KIND_WEIGHT.page;
        var share = bestShare[e];
        var value = bestValue[e] * weight * (0.25 + 0.75 * share * share);
        if (doc.kind === "document" && namesWhole(doc, terms, telling)) value += 500;
        if (named.length && named.indexOf(doc.document) >= 0) value *= NAMED_DOCUMENT_BOOST;
        var at = shownUnit[e] >= 0 ? shownUnit[e] : entryUnit[e];
        results.push({ doc: doc, score: value, share: share, span: units[at].item });
      });
      // A dotted number is searched as its digits ("48") but highlighted as printed.
      var dotted = numbered ? numbered.token.replace(/[^a-z0-9]/g, "") : null;
      terms.forEach(function (term) { if (term.word !== dotted) shown[term.word] = true; });
    }
    if (results.some(function (r) { return r.share > 0; })) {
      results = results.filter(function (r) { return r.share > 0; });
    }
    // Material's Enter key opens the result with the highest score: the first shown.
    var ranked = rank(results, terms);
    // a phrasal verb ("turned down": refused) is read by the words as one; its words'
    // vectors read each apart ("turned", "down"), so meaning does not break a tie there
    var phrasal = planned.some(function (term) { return term.particle; });
    if (terms.length) ranked = withMeaning(ranked, printedWords(query), !phrasal);
    var items = ranked.slice(0, MAX_RESULTS).map(function (result, i) {
      return item(result, MAX_RESULTS - i, shown, wanted);
    });
    return { items: items };
  }

  // A setup prepared or under way (PREPARE): its index's objects, its steps, whether
  // Material has asked for it (SETUP) meanwhile.
  var prepared = null;

  // A worker with a thread of its own (the offline bundle's, where the browser allows one)
  // sets a prepared index up in one go: its slices would only wait on timers.
  var OWN_THREAD = typeof WorkerGlobalScope !== "undefined";

  function prepare(data) {
    if (ready || prepared) return;  // Material's SETUP came first: the index is built
    prepared = { config: data.config, docs: data.docs, steps: setupSteps(data), asked: false };
    if (OWN_THREAD) {
      while (!prepared.steps.next().done) { /* every step at once */ }
      prepared.steps = null;
    } else {
      setTimeout(slice, 0);
    }
  }

  function slice() {
    var current = prepared;
    if (!current || !current.steps) return;
    var until = Date.now() + SLICE_MS;
    while (Date.now() < until) {
      if (current.steps.next().done) {
        current.steps = null;
        if (current.asked) postMessage({ type: READY });
        return;
      }
    }
    setTimeout(slice, 0);
  }

  addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === PREPARE) {
      prepare(message.data || {});
    } else if (message.type === SETUP) {
      var data = message.data || {};
      // the index prepared: ready when its steps are done (the reader types meanwhile)
      if (prepared && sameIndex(prepared, data)) {
        if (prepared.steps) prepared.asked = true;
        else postMessage({ type: READY });
        return;
      }
      prepared = null;
      setup(data);
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
