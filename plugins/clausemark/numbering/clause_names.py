"""How the site names a clause in words: the one home for both phrasings readers meet.

- `clause_label`, the citation: 'para 4.8(i)', 'para [12] (unnumbered)', as a reader
  cites it and as the page shows the number (a count in brackets, marked editorial there);
  used for link text, "Referenced by" lists, the site index and the copy-citation label.
- `clause_name`, the sentence: 'item (b) of para 4.1', 'paragraph 12', 'unnumbered text
  under "Meetings" ("The Clerk keeps the minutes.")', as a diff page, `clausemark diff`
  and the note on a moved anchor say it in running text.

A clause printed without a number is named by its count, which its id carries
(`anchors.parse_anchor`). A clause whose printed number restarts under each numbered
heading ("6. Waivers" / "1." / "2.") is cited with that heading ("Rule 6, para 2",
"section 6, para 2") when, and only when, another clause of its document prints the same
number (R47): a number unique in its document keeps its plain citation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from ..model.document import ClauseRecord, HeadingRecord
from .anchors import clean_number, container_anchors, parse_anchor
from .styles import container_word

UNNUMBERED_TEXT = "unnumbered text"  # a note: a paragraph outside every clause
TABLE = "table"  # a table outside every clause (a definitions or fees table)
CROSS_HEADING = "cross-heading"  # an unnumbered heading; a numbered one is "heading 4"

Lookup = Callable[[str], "ClauseRecord | None"]  # anchor -> the clause, within one document


@dataclass(frozen=True)
class Container:
    """The numbered heading(s) a clause is cited with: 'Rule 6' (name), '6' (number)."""

    name: str
    number: str


Containers = Mapping[tuple[str, str], Container]  # (document, top clause's anchor) -> it
NO_CONTAINERS: Containers = {}


class ClauseRecords(Protocol):
    """Where `clause_label` looks clauses up: the site index, or one version's clauses."""

    def record(self, document: str, anchor: str) -> ClauseRecord | None: ...

    def container(self, document: str, anchor: str) -> Container | None: ...


def counted_number(record: ClauseRecord) -> str:
    """The count a clause printed without a number is known by: 'para_12' -> '12'."""
    return parse_anchor(record.anchor).own.number


def printed_number(number: str) -> str:
    """A printed number as a reader writes it in a citation: '4.8.' -> '4.8'."""
    return number.strip().rstrip(".")


def citation_number(number: str | None, anchor: str) -> str:
    """The number a reader cites and searches a clause by: as printed without its closing
    dot; a paragraph printed without one by its count (its id ends in it: 'para_12');
    '' for anything else printed without a number (a bullet, text outside the clauses)."""
    if number:
        return printed_number(number)
    own = parse_anchor(anchor).own
    return own.number if own.element == "para" and own.number.isdecimal() else ""


def lineage(record: ClauseRecord, lookup: Lookup) -> list[ClauseRecord]:
    """The clause and the clauses it sits in, outermost first."""
    chain: list[ClauseRecord] = []
    current: ClauseRecord | None = record
    while current is not None:
        chain.append(current)
        current = lookup(current.parent) if current.parent else None
    chain.reverse()
    return chain


def citation(
    record: ClauseRecord,
    lookup: Lookup,
    containers: Containers = NO_CONTAINERS,
) -> str:
    """'para 4.8(i)' for an item, 'para [12] (unnumbered)' for a counted paragraph;
    'Rule 6, para 2(1)' for a clause whose top clause `containers` names (its number is
    printed by another clause of the document: `restarted_containers`)."""
    if record.kind in _UNCITED_KINDS:
        return _kind_name(record)
    chain = lineage(record, lookup)
    # an item printed without a number (a bullet) is named by its count among its kind
    suffix = "".join(
        f"({clean_number(c.number)})" if c.number else f", item [{counted_number(c)}]"
        for c in chain[1:]
    )
    top = chain[0]
    if top.number is None:
        return f"para [{counted_number(top)}]{suffix} (unnumbered)"
    plain = f"para {printed_number(top.number)}{suffix}"
    container = containers.get((top.document, top.anchor))
    return f"{container.name}, {plain}" if container else plain


def clause_label(index: ClauseRecords, document: str, anchor: str) -> str:
    """The citation of `anchor` in `document`; the anchor itself if no clause has it."""
    record = index.record(document, anchor)
    if record is None:
        return anchor

    def lookup(parent: str) -> ClauseRecord | None:
        return index.record(document, parent)

    top = lineage(record, lookup)[0]
    container = index.container(document, top.anchor)
    named = {(document, top.anchor): container} if container else NO_CONTAINERS
    return citation(record, lookup, named)


def restarted_containers(
    records: Iterable[ClauseRecord], headings: Iterable[HeadingRecord]
) -> dict[tuple[str, str], Container]:
    """The top clauses whose printed number another top clause of their document prints
    too, each with the numbered heading(s) it sits in (R47): items restarting at 1 under
    each rule ("6. Waivers" / "1." / "2.") are told apart as "section 6, para 2". A number
    printed once in its document is in no entry, so its citation stays as it was; so is
    one that already carries its heading's number ("13.2" under "13."). Where
    the innermost heading does not tell them apart (section 2 of Part 1 and of Part 2),
    the next one out is named too ("Part 2, section 2, para 1")."""
    numbered = {(h.document, h.anchor): h for h in headings if h.number and h.anchor}
    same: dict[tuple[str, str], list[ClauseRecord]] = {}
    for record in records:
        if record.parent is None and record.kind == "clause" and record.number:
            same.setdefault((record.document, printed_number(record.number)), []).append(record)
    found: dict[tuple[str, str], Container] = {}
    for group in same.values():
        if len(group) < 2:
            continue
        over = {
            record.anchor: heads
            for record in group
            if (heads := _headings_over(record, numbered)) and not _carries(record, heads[0])
        }
        if not over:
            continue
        deepest = max(len(heads) for heads in over.values())
        if not deepest:
            continue
        names: dict[str, Container | None] = {}
        for depth in range(1, deepest + 1):
            names = {anchor: _container(heads[:depth]) for anchor, heads in over.items()}
            shown = [name.name for name in names.values() if name]
            if len(set(shown)) == len(shown) or depth == deepest:
                break
        found.update(((group[0].document, anchor), name) for anchor, name in names.items() if name)
    return found


def _headings_over(
    record: ClauseRecord, numbered: Mapping[tuple[str, str], HeadingRecord]
) -> list[HeadingRecord]:
    """The numbered headings a clause sits in, innermost first."""
    return [
        numbered[(record.document, anchor)]
        for anchor in reversed(container_anchors(record.anchor))
        if (record.document, anchor) in numbered
    ]


def _carries(record: ClauseRecord, heading: HeadingRecord) -> bool:
    """'13.2' under '13. Outside bodies' carries its section's number: it is cited as
    printed even where a misprint elsewhere repeats it ('13.2' under '12.')."""
    levels = printed_number(record.number or "").split(".")
    own = _heading_name(heading.number or "")[1]
    return len(levels) > 1 and levels[0].casefold() == own.casefold()


def _container(headings: list[HeadingRecord]) -> Container | None:
    """'Part 2, Rule 6' (outermost first) from the headings over a clause, innermost first."""
    if not headings:
        return None
    names = [_heading_name(heading.number or "") for heading in reversed(headings)]
    return Container(", ".join(name for name, _ in names), names[-1][1])


def _heading_name(number: str) -> tuple[str, str]:
    """'Rule 6' / '6' as a citation names the heading 'RULE 6 - WAIVERS'; 'section 6'
    for a heading numbered with no word ('6. Waivers')."""
    found = container_word(number)
    if found is None:
        plain = printed_number(number)
        return f"section {plain}", plain
    plain = printed_number(found.number)
    return found.word.cite.format(n=plain), plain


def clause_name(record: ClauseRecord | None, records: Mapping[str, ClauseRecord]) -> str:
    """'para 2.3', 'item (b) of para 4.1', 'paragraph 12' (counted, unnumbered), 'bullet 2'
    (a bullet counted at the top, shown as one); '—' for none."""
    if record is None:
        return "—"
    names = [
        _own_name(part, at_top=index == 0)
        for index, part in enumerate(lineage(record, records.get))
    ]
    return " of ".join(reversed(names))


def _own_name(record: ClauseRecord, at_top: bool) -> str:
    if record.kind == "note":
        return _note_name(record)
    if record.kind in _UNCITED_KINDS:
        return _kind_name(record)
    if record.number:
        return f"para {printed_number(record.number)}" if at_top else f"item {record.number}"
    if not at_top:
        return f"item {counted_number(record)}"
    # a bullet counted at the top is shown as a bullet (ANCHORS.md section 5)
    return f"{'bullet' if record.bullet else 'paragraph'} {counted_number(record)}"


_UNCITED_KINDS = ("note", "table", "heading")  # records that are not clauses
_FIRST_WORDS = 8  # enough to tell one note from another, short enough for a heading


def _note_name(record: ClauseRecord) -> str:
    """'unnumbered text under "Meetings" ("The Clerk keeps the minutes.")': a note has no
    number, so a reader finds it by the heading it stands under and its first words
    (trial11, session 10: a diff page headed 'unnumbered text -> unnumbered text')."""
    first = first_words(record.text)
    if not first:
        return UNNUMBERED_TEXT
    place = f' under "{record.heading}"' if record.heading else ""
    return f'{UNNUMBERED_TEXT}{place} ("{first}")'


def first_words(text: str) -> str:
    """A note's first words, '…' where more follow: how a note is told apart, having no
    number (its name on a changes page, its change mark on the document page)."""
    words = text.split()
    first = " ".join(words[:_FIRST_WORDS])
    return first.rstrip(",;:") + "…" if len(words) > _FIRST_WORDS else first


def _kind_name(record: ClauseRecord) -> str:
    """'table', 'unnumbered text', 'heading 4' (a section's), 'cross-heading'."""
    if record.kind == "heading":
        return f"heading {printed_number(record.number)}" if record.number else CROSS_HEADING
    return TABLE if record.kind == "table" else UNNUMBERED_TEXT
