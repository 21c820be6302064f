"""What the fast loop (`pytest -m "not build and not browser"`) runs less of.

Property tests run a quarter of their examples there (at least 25), and corpus tests
read a quarter of their corpus, so the loop stays under 20 CPU seconds as tests are
added; the full suite (`scripts/test.sh`, CI) runs every example and reads every file.
tests/conftest.py turns it on when builds and browsers are left out.
"""

from __future__ import annotations

QUARTER = 4
FLOOR = 25
FAST = {"on": False}


def examples(full: int) -> int:
    """How many examples a property test with `full` examples runs in this session."""
    return max(FLOOR, full // QUARTER) if FAST["on"] else full


def sample(items: list) -> list:
    """The part of a corpus a test reads in this session: every fourth item in the fast
    loop (spread over the whole corpus, the same each run), all of it otherwise."""
    return items[::QUARTER] if FAST["on"] else items
