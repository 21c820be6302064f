"""The search question sets scored in seconds, without a browser: the fast loop for ranking
work. The site's worker script (lunr + clausemark's worker, as the plugin serves it) runs
in Node on a built site's search index (`site/search/search_index.json` unless --index),
and each set of tests/data/search_questions*.yml is scored as the browser test scores it
(bench/search_questions_node.js). The browser test (tests/browser/test_search_questions.py,
over http and file://) is the measure; this gives the same figures, faster (checked side by
side when the concept list was added: tuning, held-out 1 and 2 equal on every line).

    .venv/bin/python bench/search_questions_offline.py [--index PATH] [-v]
    .venv/bin/python bench/search_questions_offline.py --tuning-totals

--variants VARIANTS.json scores variants of the worker (exact text replaced: a constant,
a word list) side by side on the sets, one line each, in one process; --explain "question"
[doc#anchor ...] prints the question's terms and each term's part of the scores of its
first three places and of the locations given (development questions only).

--tuning-totals reads only the tuning set and prints only its totals line: a check that a
change to a word list did not break the tuning set, with no question, category or held-out
figure seen (for work that must stay blind to the held-out sets).

The index carries the build's WordNet data and word lists: rebuild the site (mkdocs build)
after changing index/ files; a change to the worker alone needs no rebuild.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from clausemark.adapters.mkdocs_plugin import LUNR  # noqa: E402
from clausemark.index.search import search_worker_script  # noqa: E402

SETS = {
    "tuning": "search_questions.yml",
    "held-out": "search_questions_heldout.yml",
    "held-out 2": "search_questions_heldout2.yml",
    "held-out 3": "search_questions_heldout3.yml",
    "held-out 4": "search_questions_heldout4.yml",
    "held-out 5": "search_questions_heldout5.yml",
    "held-out 6": "search_questions_heldout6.yml",
    "held-out 7": "search_questions_heldout7.yml",
    "held-out 8": "search_questions_heldout8.yml",
    "held-out 9": "search_questions_heldout9.yml",
    "held-out 10": "search_questions_heldout10.yml",
    "held-out 11": "search_questions_heldout11.yml",
    "held-out 12": "search_questions_heldout12.yml",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--index", type=Path, default=ROOT / "site" / "search" / "search_index.json"
    )
    parser.add_argument("-v", action="store_true", help="list the tuning set's misses")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list every set's questions not answered first (all four are development sets)",
    )
    parser.add_argument(
        "--tuning-totals",
        action="store_true",
        help="read only the tuning set and print only its totals line",
    )
    parser.add_argument(
        "--variants",
        type=Path,
        help="a JSON list of worker variants ({name, replace: [[text, by], ..]}) scored side "
        "by side on the sets, one line each (bench/search_questions_variants.js)",
    )
    parser.add_argument(
        "--explain",
        nargs="+",
        metavar=("QUESTION", "LOCATION"),
        help="a question's terms and each term's part of the scores of its first three "
        "places and of the locations given (doc#anchor) (bench/search_explain.js)",
    )
    parser.add_argument(
        "--sets",
        help="only these sets, comma-separated (tuning,held-out,held-out 2 ... held-out 5): "
        "a set kept out while a change is made is measured after it",
    )
    args = parser.parse_args()
    chosen = set(args.sets.split(",")) if args.sets else set(SETS)
    sets = {}
    for name, file in SETS.items():
        if (args.tuning_totals and name != "tuning") or name not in chosen:
            continue
        path = ROOT / "tests" / "data" / file
        if path.is_file():
            questions = yaml.safe_load(path.read_text(encoding="utf-8"))
            sets[name] = [
                {
                    "q": str(q["q"]),
                    "category": q.get("category") or q["kind"],
                    "expect": q["expect"],
                }
                for q in questions
            ]
    with tempfile.TemporaryDirectory() as folder:
        worker = Path(folder) / "worker.js"
        worker.write_text(search_worker_script(LUNR), encoding="utf-8")
        if args.explain:
            explain = ["node", str(ROOT / "bench" / "search_explain.js"), str(worker)]
            return subprocess.run(explain + [str(args.index), *args.explain]).returncode
        questions = Path(folder) / "sets.json"
        questions.write_text(json.dumps(sets), encoding="utf-8")
        if args.variants:
            variants = ["node", str(ROOT / "bench" / "search_questions_variants.js"), str(worker)]
            variants += [str(args.index), str(questions), str(args.variants)]
            return subprocess.run(variants, check=False).returncode
        command = ["node", str(ROOT / "bench" / "search_questions_node.js"), str(worker)]
        command += [str(args.index), str(questions)]
        if not args.tuning_totals:
            command += ["-v"] if args.v else []
            command += ["--misses"] if args.misses else []
            return subprocess.run(command, check=False).returncode
        run = subprocess.run(command, check=False, capture_output=True, text=True)
        for line in run.stdout.splitlines():
            if line.startswith("tuning:"):
                print(line)
        if run.returncode:
            print(run.stderr.strip().splitlines()[-1:] or "node failed", file=sys.stderr)
        return run.returncode


if __name__ == "__main__":
    raise SystemExit(main())
