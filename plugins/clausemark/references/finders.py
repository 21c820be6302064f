"""The kinds of reference, one entry each: how it is found, what wins an overlap, how it resolves.

`find_references` runs every finder of `FINDERS` over a text and keeps, of overlapping
candidates, the longest; of two as long, the lower `priority` number; then the earlier
start, then the earlier entry. A finder's look-alikes (an Act's "section 2") claim
their span too, so no other finder reads it. `resolve` hands each target of a match to
the resolver of the entry that found it.

Adding a kind of reference is one `Finder` entry here (its finder function in
patterns.py or a module of its own, its resolver in resolve.py) plus its test (an
example in `EXAMPLES` of tests/test_reference_finders.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..model.document import ClauseRecord
from ..support.spans import DisjointSpans
from .clause_index import ClauseIndex
from .codes import code_references
from .model import Finding, RefMatch, Resolution
from .patterns import label_references, named_references, numbered_references, titled_references
from .registry import Registry
from .resolve import (
    Resolver,
    Where,
    combine,
    resolve_named,
    resolve_numbered,
    resolve_statute,
    resolve_titled,
)
from .statutes import statutory_references


@dataclass(frozen=True)
class Finder:
    """One kind of reference: `find` yields its candidates in a text (with the registry,
    for names it knows), `priority` settles an overlap of equal length (lower wins),
    `resolver` turns each of its targets into links."""

    name: str
    find: Callable[[str, Registry | None], Iterable[Finding]]
    priority: int
    resolver: Resolver


FINDERS: tuple[Finder, ...] = (
    # "para 4.8", "Rule 4.2", "Article 12", "paragraph 3 of the Members' Code"
    Finder("numbered", numbered_references, 0, resolve_numbered),
    # "the section entitled 'Gifts and Hospitality'"
    Finder("titled", titled_references, 0, resolve_titled),
    # "Part 4", "Appendix 11 (Petitions Scheme)", "Part 2 of the Constitution"
    Finder("label", label_references, 1, resolve_named),
    # "the Members' Code", "those codes", "the code of conduct for officers"
    Finder("code", code_references, 2, resolve_named),
    # "the Contracts Procedure Rules", any name or alias of a registered document
    Finder("named", named_references, 3, resolve_named),
    # "the Localism Act 2011", "Part 3 of the Act", "Act 2014, Part 3, S6(1)": a statute
    # and its parts claim their span, so nothing inside links into the constitution
    Finder("statute", statutory_references, 0, resolve_statute),
)

# Markdown link syntax, inline code and HTML tags, in case Markdown is passed in.
# No part may run past the next opening bracket of its own kind, so a line of thousands of
# unclosed '[x](' or '<' costs one short look at each, not a scan to the end from each.
_PROTECTED = re.compile(r"\[[^\[\]\n]*\]\((?:[^()\[\]\n]|\([^()\[\]\n]*\))*\)|`[^`\n]*`|<[^<>\n]+>")


def find_references(text: str, registry: Registry | None = None) -> list[RefMatch]:
    """All references in `text`, in order, none overlapping.

    Pass plain text (a Markdown text node); if Markdown link syntax, inline code or an
    HTML tag is present, nothing inside it is matched. With a registry, its documents'
    names and aliases are found too, in any case ("contract procedure rules").
    """
    candidates: list[tuple[int, int, Finder, RefMatch | None]] = [
        (start, end, finder, found)
        for finder in FINDERS
        for start, end, found in finder.find(text, registry)
    ]
    protected = DisjointSpans(m.span() for m in _PROTECTED.finditer(text))
    taken = DisjointSpans()
    chosen: list[RefMatch] = []
    # a stable sort: candidates of one priority and start keep the order of FINDERS
    for start, end, finder, found in sorted(
        candidates, key=lambda c: (c[0] - c[1], c[2].priority, c[0])
    ):
        if taken.overlaps(start, end) or protected.overlaps(start, end):
            continue
        taken.add(start, end)
        if found is not None:
            chosen.append(replace(found, finder=finder.name))
    return sorted(chosen, key=lambda found: found.start)


def resolve(
    match: RefMatch,
    citing: ClauseRecord | None,
    index: ClauseIndex,
    registry: Registry,
    *,
    document: str | None = None,
) -> Resolution:
    """Resolve one reference from `citing` (None for text outside clauses: pass `document`),
    through the resolver of the finder that found it (resolve.py says how each resolves)."""
    where = Where(citing.document if citing is not None else document, citing, index, registry)
    resolver = next(finder.resolver for finder in FINDERS if finder.name == match.finder)
    return combine(match, [outcome for t in match.targets for outcome in resolver(match, t, where)])
