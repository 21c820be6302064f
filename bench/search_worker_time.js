// The clause search worker's own time to answer, in Node (V8, as in Chromium): the
// bundle's worker script and search index, each question posted as Material posts it.
//   node bench/search_worker_time.js WORKER.js search_index.js QUESTIONS.json
// prints {"setup_ms": .., "median_ms": .., "slowest_ms": .., "cpu_median_ms": ..,
// "cpu_slowest_ms": .., "queries": n}: wall-clock times, and the CPU time this process
// spent on each answer (process.cpuUsage), which a loaded machine does not inflate.
"use strict";
const fs = require("fs");
const vm = require("vm");
const [workerFile, indexFile, questionsFile] = process.argv.slice(2);
let listener = null;
const context = { postMessage: () => {}, addEventListener: (type, f) => { listener = f; } };
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), context);
const indexText = fs.readFileSync(indexFile, "utf8");
const index = JSON.parse(indexText.slice(indexText.indexOf("{"), indexText.lastIndexOf("}") + 1));
const queries = JSON.parse(fs.readFileSync(questionsFile, "utf8"));
let start = process.hrtime.bigint();
listener({ data: { type: 0, data: index } });
const setup = Number(process.hrtime.bigint() - start) / 1e6;
listener({ data: { type: 2, data: "purdah" } }); // the first search
const cpu = () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; };
const cpuTimes = [];
const times = queries.map((query) => {
  const cpuStart = cpu();
  start = process.hrtime.bigint();
  listener({ data: { type: 2, data: query } });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  cpuTimes.push(cpu() - cpuStart);
  return wall;
}).sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
console.log(JSON.stringify({
  setup_ms: setup,
  median_ms: times[Math.floor(times.length / 2)],
  slowest_ms: times[times.length - 1],
  cpu_median_ms: cpuTimes[Math.floor(cpuTimes.length / 2)],
  cpu_slowest_ms: cpuTimes[cpuTimes.length - 1],
  queries: times.length
}));
