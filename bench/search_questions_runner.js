// The one runner of the search questions in Node, shared by search_questions_node.js (the
// sets' figures) and search_questions_variants.js (variants side by side): the worker
// script the site serves (lunr + clausemark's worker), set up on a built index as
// Material posts it, asked each question; a result's place read as the browser test reads
// a result link, and scored as it scores the page (a right clause among the first three
// places; the first place right).
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

// the search index of a built site (search_index.json, or the bundle's script around it)
function readIndex(indexFile) {
  const text = fs.readFileSync(indexFile, "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
}

// (page, fragment) of a location, as the browser test reads a result link
function place(location) {
  const [page, fragment = ""] = location.split("#");
  return [page.replace(/(\/index\.html|\.html|\/)$/, "").replace(/^\//, ""), fragment];
}

// Each clause's parent in the site's own index (clausemark-index.json: page -> anchor ->
// parent anchor), read beside the search index (site/clausemark-index.json for
// site/search/search_index.json) unless a file is given; null when there is none. Since
// the anchor ruling an item named by its printed letter ('para_b' of para 59) carries no
// prefix of its clause, so only the parent chain says which clause it is in
// (tests/browser/test_search_questions.py counts it the same way).
function siteParents(indexFile, siteIndexFile) {
  const file = siteIndexFile || path.join(path.dirname(indexFile), "..", "clausemark-index.json");
  if (!fs.existsSync(file)) {
    if (siteIndexFile) throw new Error(`no site index ${siteIndexFile}`);
    return null;
  }
  const parents = new Map();
  for (const c of JSON.parse(fs.readFileSync(file, "utf8")).clauses) {
    if (c.kind !== "clause") continue;
    if (!parents.has(c.document)) parents.set(c.document, new Map());
    parents.get(c.document).set(c.anchor, c.parent || null);
  }
  return parents;
}

// The fragment and the anchors enclosing it, by the parent chain (bounded: 32).
function enclosing(parents, page, fragment) {
  const found = [fragment];
  const chain = parents && parents.get(page);
  let at = fragment;
  while (chain && chain.get(at) && found.length < 32) {
    at = chain.get(at);
    found.push(at);
  }
  return found;
}

// The place is an expected clause, or an item inside one: inside by its id
// ('para_4__subpara_b' in 'para_4') or by the parent chain (parents may be null: id only).
function answers(question, [page, fragment], parents = null) {
  const around = enclosing(parents, page, fragment);
  return question.expect.some((expected) => {
    const [doc, anchor] = expected.split("#");
    return doc === page && around.some((f) => f === anchor || f.startsWith(anchor + "__"));
  });
}

// The worker's source set up on the index: a function from a question to its results'
// places, one per result, in the order shown (Material shows a group's last item first).
function asker(source, index) {
  let listener = null, last = null;
  const context = { postMessage: (m) => { last = m; }, addEventListener: (t, f) => { listener = f; } };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(source, context);
  listener({ data: { type: 0, data: index } });
  return (query) => {
    listener({ data: { type: 2, data: query } });
    const places = [];
    const seen = new Set();
    for (const group of last.data.items) {
      const location = group[group.length - 1].location;
      if (!seen.has(location)) { seen.add(location); places.push(place(location)); }
    }
    return places;
  };
}

// Each question with its places and whether it is answered in the top 3 and first
// (an item counted for its clause by the parent chain when parents are given).
function scored(ask, questions, parents = null) {
  return questions.map((question) => {
    const places = ask(question.q);
    return {
      question,
      places,
      top3: places.slice(0, 3).some((p) => answers(question, p, parents)),
      first: places.length > 0 && answers(question, places[0], parents),
    };
  });
}

module.exports = { readIndex, siteParents, enclosing, place, answers, asker, scored };
