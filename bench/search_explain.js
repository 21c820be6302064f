// Why a question's results come in their order: the search worker's planned terms (each
// with its other names: s synonym, t WordNet, c concept, y typo, p prefix, and weights),
// then each of the first places and each location asked about, with every term's part of
// its score. For ranking work on development questions only.
//   node bench/search_explain.js WORKER.js search_index.json "question" [doc#anchor ...]
"use strict";
const fs = require("fs");
const vm = require("vm");
const [workerFile, indexFile, question, ...asked] = process.argv.slice(2);
// the worker's own functions, reached by a line added before it starts listening
const hook = "  self.__explain = { plan: plan, score: score, search: search, printedWords: printedWords," +
  " units: function () { return units; }, entries: function () { return entries; } };\n";
const worker = fs.readFileSync(workerFile, "utf8").replace('  addEventListener("message"', hook + '  addEventListener("message"');
let listener = null;
const context = { postMessage: () => {}, addEventListener: (t, f) => { listener = f; } };
context.self = context;
vm.createContext(context);
vm.runInContext(worker, context);
const indexText = fs.readFileSync(indexFile, "utf8");
const index = JSON.parse(indexText.slice(indexText.indexOf("{"), indexText.lastIndexOf("}") + 1));
listener({ data: { type: 0, data: index } });
const w = context.__explain;
const name = (term) => term.term.replace("\u0001", "pair:").replace("\u0002", "phrase:");
const planned = w.plan(w.printedWords(question), false);
console.log(`terms of "${question}":`);
planned.forEach((term) => {
  const also = term.also.map((a) => `${a.kind[0]}:${a.terms.join("_")}@${a.weight.toFixed(2)}`);
  console.log(`  ${name(term)}${term.linking ? " (not counted)" : ""}  ${also.join(" ")}`);
});
const units = w.units(), entries = w.entries();
const perTerm = planned.map((term) => w.score([term]));
const shown = w.search(question).items.map((group) => group[group.length - 1].location);
function entryOf(location) {
  const [page, fragment = ""] = location.split("#");
  let best = -1, length = -1;
  entries.forEach((doc, e) => {
    const [p, f = ""] = doc.location.split("#");
    if (p === page && (fragment === f || fragment.startsWith(f + "__")) && f.length > length) {
      best = e;
      length = f.length;
    }
  });
  return best;
}
function explain(location, label) {
  const e = entryOf(location);
  if (e < 0) { console.log(`  ${label} ${location}: not an entry`); return; }
  units.forEach((unit, u) => {
    if (unit.entry !== e) return;
    const parts = planned.map((term, k) => perTerm[k].scores[u] ? `${name(term)}=${perTerm[k].scores[u].toFixed(2)}` : null)
      .filter(Boolean);
    if (!parts.length && unit.item) return;
    console.log(`  ${label} ${entries[e].title}${unit.item ? " (" + unit.item[0] + ")" : ""}: ${parts.join(" ")}`);
  });
}
shown.slice(0, 3).forEach((location, i) => explain(location, `${i + 1}.`));
asked.forEach((wanted) => {
  const [doc, anchor] = wanted.split("#");
  const at = shown.findIndex((location) => location.includes(doc) && location.includes("#" + anchor));
  explain(at >= 0 ? shown[at] : `${doc}/#${anchor}`, `asked (place ${at < 0 ? "-" : at + 1})`);
});
