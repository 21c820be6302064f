"""Sets of non-overlapping text spans, asked "does this overlap any?" in log time.

Choosing references (longest first, none overlapping) and keeping them out of links and
code asks that question once per candidate; a line with thousands of candidates must not
compare each with every span already chosen.
"""

from __future__ import annotations

from bisect import bisect_right, insort


class DisjointSpans:
    """Half-open spans [start, end) that never overlap each other."""

    def __init__(self, spans=()):
        self._starts: list[int] = []
        self._ends: dict[int, int] = {}
        for start, end in spans:
            if not self.overlaps(start, end):
                self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """True if [start, end) shares a character with a span held (an empty span never)."""
        if start >= end:
            return False
        position = bisect_right(self._starts, start)
        if position and self._ends[self._starts[position - 1]] > start:
            return True
        return position < len(self._starts) and self._starts[position] < end

    def add(self, start: int, end: int) -> None:
        if start < end:
            insort(self._starts, start)
            self._ends[start] = end
