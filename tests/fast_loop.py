"""What the fast loop (`pytest -m "not build and not browser"`) runs less of.

Property tests run a quarter of their examples there (at least 25), so the loop stays
under 20 CPU seconds as tests are added; the full suite (`scripts/test.sh`, CI) runs
every example. tests/conftest.py turns it on when builds and browsers are left out.
"""

from __future__ import annotations

QUARTER = 4
FLOOR = 25
FAST = {"on": False}


def examples(full: int) -> int:
    """How many examples a property test with `full` examples runs in this session."""
    return max(FLOOR, full // QUARTER) if FAST["on"] else full
