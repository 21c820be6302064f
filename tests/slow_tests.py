"""Which tests the fast loop leaves out, measured: the list in tests/slow_tests.txt.

The fast loop (`pytest -m "not build and not browser and not slow"`, README "Tests")
leaves out the tests that cost over SLOW_MS of CPU in it: tests/conftest.py marks each
test named in slow_tests.txt `slow`. CI runs every test. This script measures every test
of the loop before that cut (`-m "not build and not browser"`, where the property tests
run a quarter of their examples: tests/fast_loop.py) by CPU time, not the wall clock:
user + system seconds of this process over the test's setup, call and teardown, plus
those of any child process it waited for. It takes the least of `--runs` runs (a test's
cost only rises with the load of a shared machine), prints the costliest, what lies over
and under the line, pytest's own start and collection, and the listed names that no
longer exist; with `--write` it writes the list again.

    .venv/bin/python tests/slow_tests.py --runs 2           # measure, print, change nothing
    .venv/bin/python tests/slow_tests.py --runs 2 --write   # and write tests/slow_tests.txt
    .venv/bin/python tests/slow_tests.py --all              # every test, as CI: each part's cost

A session fixture's cost falls on the first test that uses it, so a test just under the
line may cross it once the one before it is left out: run the fast loop through this
with `--loop` to see what the loop itself costs, test by test.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO_ROOT = TESTS.parent
LIST = TESTS / "slow_tests.txt"
SLOW_MS = 30
LOOP = "not build and not browser"
FAST_LOOP = f"{LOOP} and not slow"


def listed(path: Path = LIST) -> dict[str, int]:
    """The tests slow_tests.txt names (pytest node ids), each with its measured ms."""
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ms, node_id = line.split(maxsplit=1)
            found[node_id] = int(ms)
    return found


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


class CpuPerTest:
    """A pytest plugin: CPU seconds of each test's setup, call and teardown."""

    def __init__(self) -> None:
        self.started = time.process_time()
        self.collection = 0.0
        self.seconds: dict[str, float] = {}
        self.parts: dict[str, str] = {}
        self.failed: list[str] = []

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.collection = time.process_time() - self.started

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None):
        own, children = time.process_time(), _children_cpu()
        yield
        spent = time.process_time() - own + _children_cpu() - children
        self.seconds[item.nodeid] = spent
        self.parts[item.nodeid] = part(item)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed:
            self.failed.append(report.nodeid)


def part(item: pytest.Item) -> str:
    """Which part of the suite a test is in: the first of its marks that leaves it out of
    the fast loop, or the loop."""
    marks = {mark.name for mark in item.iter_markers()}
    return next((name for name in ("browser", "build", "slow") if name in marks), "loop")


def measure(markexpr: str, runs: int, extra: list[str]) -> tuple[dict[str, float], dict]:
    """Each test's least CPU seconds over `runs` runs, and what each run measured besides:
    its start and collection, its whole CPU (this process and every child it waited for),
    each test's part. Each run is a fresh process, as the loop is: what one run cached
    does not make the next one's tests look cheap."""
    least: dict[str, float] = {}
    runs_seen: dict = {"collection": [], "whole": [], "parts": {}}
    for run in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "cpu.json"
            command = [sys.executable, __file__, "--child", str(out), "--", "-m", markexpr]
            status = subprocess.run([*command, *extra], cwd=REPO_ROOT, check=False).returncode
            if not out.is_file():
                sys.exit(f"run {run + 1}: pytest exited {status}; nothing measured")
            measured = json.loads(out.read_text(encoding="utf-8"))
        if measured["failed"]:
            print(f"run {run + 1}: failed (measured all the same): {measured['failed']}")
        runs_seen["collection"].append(measured["collection"])
        runs_seen["whole"].append(measured["whole"])
        runs_seen["parts"].update(measured["parts"])
        for node_id, spent in measured["seconds"].items():
            least[node_id] = min(spent, least.get(node_id, spent))
    return least, runs_seen


def child(out: Path, pytest_args: list[str]) -> int:
    """One run of pytest in this process, its CPU per test written to `out` as JSON."""
    plugin = CpuPerTest()
    status = pytest.main(["-p", "no:cacheprovider", "-q", *pytest_args], plugins=[plugin])
    if status not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        return int(status)
    whole = time.process_time() + _children_cpu()
    measured = {"collection": plugin.collection, "seconds": plugin.seconds, "whole": whole}
    measured["parts"] = plugin.parts
    out.write_text(json.dumps({**measured, "failed": plugin.failed}), encoding="utf-8")
    return int(status)


def write_list(slow: dict[str, float], runs: int) -> None:
    load = os.getloadavg()[0]
    today = datetime.date.today().isoformat()
    head = [
        "# The tests the fast loop leaves out: tests/conftest.py marks each `slow`, and",
        '# `pytest -m "not build and not browser and not slow"` runs without them; CI runs',
        f"# every test. Each cost over {SLOW_MS} ms of CPU in the loop (least of {runs} runs,"
        f" {today},",
        f"# load {load:.1f}). Made by `.venv/bin/python tests/slow_tests.py --runs {runs} "
        "--write`:",
        "# run it again after adding a test that takes seconds. ms, then the test's node id.",
    ]
    body = [f"{round(s * 1000)} {node_id}" for node_id, s in sorted(slow.items(), key=_costliest)]
    LIST.write_text("\n".join(head + body) + "\n", encoding="utf-8")


def _costliest(item: tuple[str, float]) -> tuple[float, str]:
    return (-item[1], item[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="take each test's least of N runs")
    parser.add_argument("--write", action="store_true", help="write tests/slow_tests.txt")
    parser.add_argument(
        "--loop", action="store_true", help="measure the fast loop itself (slow left out)"
    )
    parser.add_argument(
        "--all", action="store_true", help="measure every test, as CI runs them (no -m)"
    )
    parser.add_argument("--top", type=int, default=30, help="how many of the costliest to print")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("pytest_args", nargs="*", help="more arguments for pytest (after --)")
    args = parser.parse_args(argv)
    os.chdir(REPO_ROOT)
    if args.child:
        return child(args.child, args.pytest_args)
    before = listed()
    markexpr = "" if args.all else FAST_LOOP if args.loop else LOOP
    least, seen = measure(markexpr, args.runs, args.pytest_args)
    slow = {node_id: s for node_id, s in least.items() if s * 1000 > SLOW_MS}
    quick = {node_id: s for node_id, s in least.items() if s * 1000 <= SLOW_MS}
    print(f"\nCPU seconds per test, least of {args.runs} run(s), load {os.getloadavg()[0]:.1f}:")
    for node_id, spent in sorted(least.items(), key=_costliest)[: args.top]:
        mark = " (listed)" if node_id in before else ""
        print(f"{spent:7.3f} {node_id}{mark}")
    print(f"over {SLOW_MS} ms: {len(slow)} tests, {sum(slow.values()):.1f} s")
    print(f"at most {SLOW_MS} ms: {len(quick)} tests, {sum(quick.values()):.1f} s")
    print("pytest start and collection: " + ", ".join(f"{c:.1f} s" for c in seen["collection"]))
    print("whole run, children included: " + ", ".join(f"{c:.1f} s" for c in seen["whole"]))
    for name in ("loop", "slow", "build", "browser"):
        tests = [s for node_id, s in least.items() if seen["parts"].get(node_id) == name]
        if tests:
            print(f"part {name}: {len(tests)} tests, {sum(tests):.1f} s")
    if not args.loop and not args.all:
        gone = sorted(set(before) - set(least))
        print(f"listed but not run (renamed or removed): {len(gone)}")
        for node_id in gone:
            print(f"  {node_id}")
    if args.write and not args.all:
        write_list(slow, args.runs)
        print(f"wrote {LIST.relative_to(REPO_ROOT)} ({len(slow)} tests)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
