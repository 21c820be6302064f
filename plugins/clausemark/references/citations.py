"""Who cites a clause or anything inside it, found without reading every citation.

"Referenced by" under clause 4 lists the sources citing 4 and its sub-items (4__a,
4__a__i). Asked for every clause of a page, a scan of all the page's citations per
clause grows with the square of the page; here the targets are kept sorted, so a
clause's own and its sub-items' citations are one contiguous range.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from ..numbering.anchors import descendant_prefix

# Anchors are ids made of letters, digits, '_' and '-': every sub-item id starting with
# "4__" sorts below "4__" + this.
_AFTER_ANY_ID = "\U0010ffff"


class Citations:
    """For one document: each cited anchor and the sources citing it, in first-seen order."""

    def __init__(self, cited: Iterable[tuple[str, Sequence]]):
        self._order: dict[str, int] = {}
        self._sources: dict[str, list] = {}
        for target, sources in cited:
            self._order.setdefault(target, len(self._order))
            self._sources.setdefault(target, []).extend(sources)
        self._targets = sorted(self._sources)

    def citing(self, anchor: str) -> list:
        """Sources citing `anchor` or a sub-item of it, each once, in first-seen order."""
        prefix = descendant_prefix(anchor)
        low = bisect_left(self._targets, prefix)
        high = bisect_left(self._targets, prefix + _AFTER_ANY_ID, low)
        targets = self._targets[low:high]
        if anchor in self._sources:
            targets.append(anchor)
        found: dict = {}
        for target in sorted(targets, key=self._order.__getitem__):
            found.update(dict.fromkeys(self._sources[target]))
        return list(found)
