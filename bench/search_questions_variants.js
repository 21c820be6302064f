// Variants of the search worker scored side by side on the question sets, in one process:
// each variant is the served worker script with some exact text replaced (a constant, a
// word list), set up on the same built index and asked every question; one line each.
//   node bench/search_questions_variants.js WORKER.js search_index.json SETS.json VARIANTS.json
// VARIANTS.json: [{"name": "concept 0.4", "replace": [["concept: 0.3,", "concept: 0.4,"]]}, ..]
// (a variant with no replacements is the worker as it is). A replacement whose text is not
// in the worker stops the run with its variant's name. Scored by the one runner
// (search_questions_runner.js), printed as "set top3/first" per set.
"use strict";
const fs = require("fs");
const { readIndex, siteParents, asker, scored } = require("./search_questions_runner.js");
const [workerFile, indexFile, setsFile, variantsFile] = process.argv.slice(2);
const worker = fs.readFileSync(workerFile, "utf8");
const index = readIndex(indexFile);
const sets = JSON.parse(fs.readFileSync(setsFile, "utf8"));
const variants = JSON.parse(fs.readFileSync(variantsFile, "utf8"));
// items counted for their clause by the site index's parent chain, as search_questions_node.js
const parents = siteParents(indexFile);
if (!parents) console.error(`no clausemark-index.json beside ${indexFile}: items matched to clauses by id prefix only`);

for (const variant of variants) {
  let source = worker;
  for (const [from, to] of variant.replace || []) {
    if (!source.includes(from)) {
      console.error(`${variant.name}: the worker has no ${JSON.stringify(from)}`);
      process.exit(1);
    }
    source = source.split(from).join(to);
  }
  const ask = asker(source, index);
  const row = [];
  let allTop3 = 0, allFirst = 0;
  for (const [name, questions] of Object.entries(sets)) {
    const results = scored(ask, questions, parents);
    const top3 = results.filter((r) => r.top3).length;
    const first = results.filter((r) => r.first).length;
    row.push(`${name} ${top3}/${first}`);
    allTop3 += top3;
    allFirst += first;
  }
  console.log(`${variant.name.padEnd(24)} ${row.join("  ")}  | all ${allTop3}/${allFirst}`);
}
