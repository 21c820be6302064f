// The search questions scored in Node (V8, as in Chromium) on a built index: the worker
// script the site serves (lunr + clausemark's worker) answers each question as Material
// posts it, and its results are scored as tests/browser/test_search_questions.py scores
// the page's (a right clause among the first three places, the first place right; an item
// counted for its clause by the parent chain of the site's clausemark-index.json, read
// beside the search index: SITE/clausemark-index.json for SITE/search/search_index.json).
//   node bench/search_questions_node.js WORKER.js search_index.json SETS.json [-v]
// SETS.json: {"name": [{"q": .., "category": .., "expect": ["doc#anchor", ..]}, ..], ..}
// -v lists the tuning set's misses (never a held-out set's questions); --misses lists every
// set's questions not answered first, with the first three places and the right one's place
// (the four sets in tests/data are all development sets now; never a blind set's).
"use strict";
const fs = require("fs");
const { readIndex, siteParents, place, answers, asker, scored } = require("./search_questions_runner.js");
const args = process.argv.slice(2);
const verbose = args.includes("-v");
const misses = args.includes("--misses");
const [workerFile, indexFile, setsFile] = args.filter((a) => a !== "-v" && a !== "--misses");
const index = readIndex(indexFile);
const ask = asker(fs.readFileSync(workerFile, "utf8"), index);
// the site's own index beside the search index: an item counted for its clause by its parent
// chain, and "clause first" judged on every clause and item the site publishes, as the
// browser test judges them; without it, by id prefix over the search index's clauses
const parents = siteParents(indexFile);
if (!parents) console.error(`no clausemark-index.json beside ${indexFile}: items matched to clauses by id prefix only`);
const clauses = parents
  ? [...parents].flatMap(([page, anchors]) => [...anchors.keys()].map((a) => [page, a]))
  : index.docs.filter((d) => d.kind === "clause").map((d) => place(d.location));
function isClause([page, fragment]) {
  return clauses.some(([p, f]) => p === page && (fragment === f || fragment.startsWith(f + "__")));
}
const pct = (a, b) => `${a}/${b} (${Math.round((100 * a) / b)}%)`;
const sets = JSON.parse(fs.readFileSync(setsFile, "utf8"));
for (const [name, questions] of Object.entries(sets)) {
  const categories = {};
  let top3 = 0, first = 0, clauseFirst = 0;
  for (const { question, places, top3: inTop3, first: rightFirst } of scored(ask, questions, parents)) {
    top3 += inTop3; first += rightFirst; clauseFirst += places.length > 0 && isClause(places[0]);
    const c = (categories[question.category] = categories[question.category] || [0, 0, 0]);
    c[0]++; c[1] += inTop3; c[2] += rightFirst;
    if (misses && !(inTop3 && rightFirst)) {
      const at = places.findIndex((p) => answers(question, p, parents));
      console.log(`  [${name} ${question.category}] ${inTop3 ? "top3" : "MISS"} right at ${at < 0 ? "-" : at + 1}: ${question.q}`);
      console.log(`      want ${question.expect.join(" ")}`);
      places.slice(0, 3).forEach((p, i) => console.log(`      ${i + 1}. ${p.join("#")}`));
    }
    if (verbose && name === "tuning" && !(inTop3 && rightFirst)) {
      console.log(`  ${inTop3 ? "ok " : "MISS"} ${rightFirst ? "1st" : "---"} ${question.q}`);
    }
  }
  const n = questions.length;
  console.log(`${name}: top 3 ${pct(top3, n)}; right first ${pct(first, n)}; clause first ${pct(clauseFirst, n)}`);
  for (const [kind, [count, t3, f1]] of Object.entries(categories)) {
    console.log(`    ${kind.padEnd(9)} top 3 ${pct(t3, count)}; right first ${pct(f1, count)}`);
  }
}
