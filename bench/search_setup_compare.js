// Two search workers' setup (the work done once, before the first search), side by side
// in one run: each worker script with its own search index, taken in turn, CPU time.
//   node bench/search_setup_compare.js A_WORKER.js A_INDEX.json B_WORKER.js B_INDEX.json [rounds]
// Each setup runs in a fresh Node process, cold as a page's first search finds it.
// (a worker script as search_worker_script writes it: lunr + clausemark's worker; an old
// one from git: `git show main:plugins/clausemark/assets/clausemark-search-worker.js`
// appended to the same lunr.) Prints each round's CPU ms and the medians, and B / A.
"use strict";
const fs = require("fs");
const vm = require("vm");
const [aWorker, aIndex, bWorker, bIndex, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg || 7);

function setupMs(workerFile, indexFile) {
  let listener = null;
  const context = { postMessage: () => {}, addEventListener: (type, f) => { listener = f; } };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(workerFile, "utf8"), context);
  const text = fs.readFileSync(indexFile, "utf8");
  const index = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
  const start = process.cpuUsage();
  listener({ data: { type: 0, data: index } });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

if (process.argv[2] === "--one") {
  // a child: one setup, cold, as a page's first search finds it
  console.log(setupMs(process.argv[3], process.argv[4]));
  process.exit(0);
}
// each setup in a fresh Node process (V8 would reuse the compiled code within one)
const { execFileSync } = require("child_process");
const cold = (worker, index) =>
  Number(execFileSync(process.execPath, [__filename, "--one", worker, index]).toString());
const median = (xs) => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const a = [], b = [];
for (let round = 0; round < rounds; round++) {
  a.push(cold(aWorker, aIndex));
  b.push(cold(bWorker, bIndex));
}
console.log(`A setup CPU ms: ${a.map((x) => x.toFixed(0)).join(" ")}  median ${median(a).toFixed(0)}`);
console.log(`B setup CPU ms: ${b.map((x) => x.toFixed(0)).join(" ")}  median ${median(b).toFixed(0)}`);
console.log(`B / A: ${(median(b) / median(a)).toFixed(2)}`);
