"""The fast loop's list of slow tests names tests that exist, and pytest knows the mark.

A test renamed or moved after it was listed would run in the fast loop again unnoticed;
a mark pytest does not know would make `-m "not slow"` select nothing by it.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from slow_tests import FAST_LOOP, LIST, REPO_ROOT, SLOW_MS, listed


@cache
def _functions(path: Path) -> set[str]:
    """The names of the functions `path` defines (a pattern, not the AST: parsing 40
    test modules cost this test over 30 ms)."""
    return set(re.findall(r"^\s*def (\w+)\(", path.read_text(encoding="utf-8"), re.M))


def test_every_listed_slow_test_is_a_test_function_of_its_file():
    slow = listed()
    assert slow, f"{LIST} names no test"
    missing = []
    for node_id, ms in slow.items():
        path, name = node_id.split("::", 1)
        name = name.split("[", 1)[0].split("::")[-1]  # a method's name after its class
        if not (REPO_ROOT / path).is_file() or name not in _functions(REPO_ROOT / path):
            missing.append(node_id)
        assert ms >= SLOW_MS, f"{node_id}: {ms} ms is under the line"
    assert missing == [], "listed in tests/slow_tests.txt, no longer a test: run slow_tests.py"


def test_the_slow_mark_is_registered_and_left_out_by_the_fast_loop():
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    markers = config["tool"]["pytest"]["ini_options"]["markers"]
    assert any(marker.startswith("slow:") for marker in markers)
    assert FAST_LOOP == "not build and not browser and not slow"
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert f'-m "{FAST_LOOP}"' in readme
