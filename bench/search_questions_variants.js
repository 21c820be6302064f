// Variants of the search worker scored side by side on the question sets, in one process:
// each variant is the served worker script with some exact text replaced (a constant, a
// word list), set up on the same built index and asked every question; one line each.
//   node bench/search_questions_variants.js WORKER.js search_index.json SETS.json VARIANTS.json
// VARIANTS.json: [{"name": "concept 0.4", "replace": [["concept: 0.3,", "concept: 0.4,"]]}, ..]
// (a variant with no replacements is the worker as it is). A replacement whose text is not
// in the worker stops the run with its variant's name. Scored as
// bench/search_questions_node.js scores (a right clause among the first three places;
// the first place right), printed as "set top3/first" per set.
"use strict";
const fs = require("fs");
const vm = require("vm");
const [workerFile, indexFile, setsFile, variantsFile] = process.argv.slice(2);
const worker = fs.readFileSync(workerFile, "utf8");
const indexText = fs.readFileSync(indexFile, "utf8");
const index = JSON.parse(indexText.slice(indexText.indexOf("{"), indexText.lastIndexOf("}") + 1));
const sets = JSON.parse(fs.readFileSync(setsFile, "utf8"));
const variants = JSON.parse(fs.readFileSync(variantsFile, "utf8"));

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

for (const variant of variants) {
  let source = worker;
  for (const [from, to] of variant.replace || []) {
    if (!source.includes(from)) {
      console.error(`${variant.name}: the worker has no ${JSON.stringify(from)}`);
      process.exit(1);
    }
    source = source.split(from).join(to);
  }
  let listener = null, last = null;
  const context = { postMessage: (m) => { last = m; }, addEventListener: (t, f) => { listener = f; } };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(source, context);
  listener({ data: { type: 0, data: index } });
  const row = [];
  let allTop3 = 0, allFirst = 0;
  for (const [name, questions] of Object.entries(sets)) {
    let top3 = 0, first = 0;
    for (const question of questions) {
      listener({ data: { type: 2, data: question.q } });
      const places = [];
      const seen = new Set();
      for (const group of last.data.items) {
        const location = group[group.length - 1].location;
        if (!seen.has(location)) { seen.add(location); places.push(place(location)); }
      }
      top3 += places.slice(0, 3).some((p) => answers(question, p));
      first += places.length > 0 && answers(question, places[0]);
    }
    row.push(`${name} ${top3}/${first}`);
    allTop3 += top3;
    allFirst += first;
  }
  console.log(`${variant.name.padEnd(24)} ${row.join("  ")}  | all ${allTop3}/${allFirst}`);
}
