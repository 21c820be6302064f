"""Who cites a clause or anything inside it, found without reading every citation.

"Referenced by" under clause 4 lists the sources citing 4 and its sub-items (4__a,
4__a__i). Asked for every clause of a page, a scan of all the page's citations per
clause grows with the square of the page; here each cited anchor is filed once under
itself and under each of its ancestors, so a clause's question is one dictionary look-up
and the whole page is linear in its citations times the depth of their ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..numbering.anchors import descendant_prefix

_LEVEL = descendant_prefix("")  # what joins a parent's id to its child's own part


def ancestors_and_self(anchor: str) -> Iterator[str]:
    """'4__a__i' -> '4', '4__a', '4__a__i': every id whose sub-items include `anchor`.

    An ancestor is any start of the id that ends where a level joiner begins, as
    `descendant_prefix` defines a sub-item ('4__a' starts with '4__')."""
    start = anchor.find(_LEVEL, 1)
    while start != -1:
        yield anchor[:start]
        start = anchor.find(_LEVEL, start + 1)
    yield anchor


class Citations:
    """For one document: each cited anchor and the sources citing it, in first-seen order."""

    def __init__(self, cited: Iterable[tuple[str, Sequence]]):
        sources_of: dict[str, list] = {}
        for target, sources in cited:
            sources_of.setdefault(target, []).extend(sources)
        # each anchor -> the cited targets at or under it, in the order first cited
        self._under: dict[str, list[str]] = {}
        for target in sources_of:
            for holder in ancestors_and_self(target):
                self._under.setdefault(holder, []).append(target)
        self._sources = sources_of

    def citing(self, anchor: str) -> list:
        """Sources citing `anchor` or a sub-item of it, each once, in first-seen order."""
        found: dict = {}
        for target in self._under.get(anchor, ()):
            found.update(dict.fromkeys(self._sources[target]))
        return list(found)
