// The one runner of the search questions in Node, shared by search_questions_node.js (the
// sets' figures) and search_questions_variants.js (variants side by side): the worker
// script the site serves (lunr + clausemark's worker), set up on a built index as
// Material posts it, asked each question; a result's place read as the browser test reads
// a result link, and scored as it scores the page (a right clause among the first three
// places; the first place right).
"use strict";
const fs = require("fs");
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

function answers(question, [page, fragment]) {
  return question.expect.some((expected) => {
    const [doc, anchor] = expected.split("#");
    return doc === page && (fragment === anchor || fragment.startsWith(anchor + "__"));
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

// Each question with its places and whether it is answered in the top 3 and first.
function scored(ask, questions) {
  return questions.map((question) => {
    const places = ask(question.q);
    return {
      question,
      places,
      top3: places.slice(0, 3).some((p) => answers(question, p)),
      first: places.length > 0 && answers(question, places[0]),
    };
  });
}

module.exports = { readIndex, place, answers, asker, scored };
