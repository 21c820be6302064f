"""What the fast loop (`pytest -m "not build and not browser"`) runs less of.

Property tests run a quarter of their examples there (at least 25), corpus tests read a
quarter of their corpus, and a CPU-ratio test times n and 2n once each (again only while
the ratio is over its limit: hostile_files.cpu_times), so the loop stays under 20 CPU
seconds as tests are added; the full suite (`scripts/test.sh`, CI) runs every example,
reads every file and takes the least of two interleaved timings in windows of equal work
(hostile_files.cpu_times).
tests/conftest.py turns it on when builds and browsers are left out.
"""

from __future__ import annotations

QUARTER = 4
FLOOR = 25
FAST = {"on": False}


def examples(full: int) -> int:
    """How many examples a property test with `full` examples runs in this session."""
    return max(FLOOR, full // QUARTER) if FAST["on"] else full


def rounds(full: int) -> int:
    """How many times a CPU-ratio test times each size at the least: once in the fast loop
    (a ratio over the limit is timed again there too, so linear work never fails on one
    busy spell, and work that grows faster than its input fails however often it is
    timed), `full` otherwise."""
    return 1 if FAST["on"] else full


def sample(items: list) -> list:
    """The part of a corpus a test reads in this session: every fourth item in the fast
    loop (spread over the whole corpus, the same each run), all of it otherwise."""
    return items[::QUARTER] if FAST["on"] else items


def size(full: int, quick: int) -> int:
    """The n a linear-time test reads at n and 2n: `quick` in the fast loop, where its
    ratio still tells a page that reads in linear time from one that compares every
    pair of its parts, `full` otherwise, where a smaller quadratic part shows too."""
    return quick if FAST["on"] else full
