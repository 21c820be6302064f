"""How the site names a clause in words: the one home for both phrasings readers meet.

- `clause_label`, the citation: 'para 4.8(i)', 'para [12] (unnumbered)', as a reader
  cites it and as the page shows the number (a count in brackets, marked editorial there);
  used for link text, "Referenced by" lists, the site index and the copy-citation label.
- `clause_name`, the sentence: 'item (b) of para 4.1', 'paragraph 12', 'unnumbered text
  under "Meetings" ("The Clerk keeps the minutes.")', as a diff page, `clausemark diff`
  and the note on a moved anchor say it in running text.

A clause printed without a number is named by its count, which its id carries
(`anchors.parse_anchor`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from ..model.document import ClauseRecord
from .anchors import clean_number, parse_anchor

UNNUMBERED_TEXT = "unnumbered text"  # a note: a paragraph outside every clause
TABLE = "table"  # a table outside every clause (a definitions or fees table)
CROSS_HEADING = "cross-heading"  # an unnumbered heading; a numbered one is "heading 4"

Lookup = Callable[[str], "ClauseRecord | None"]  # anchor -> the clause, within one document


class ClauseRecords(Protocol):
    """Where `clause_label` looks clauses up: the site index, or one version's clauses."""

    def record(self, document: str, anchor: str) -> ClauseRecord | None: ...


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


def citation(record: ClauseRecord, lookup: Lookup) -> str:
    """'para 4.8(i)' for an item, 'para [12] (unnumbered)' for a counted paragraph."""
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
    return f"para {printed_number(top.number)}{suffix}"


def clause_label(index: ClauseRecords, document: str, anchor: str) -> str:
    """The citation of `anchor` in `document`; the anchor itself if no clause has it."""
    record = index.record(document, anchor)
    if record is None:
        return anchor
    return citation(record, lambda parent: index.record(document, parent))


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
    words = record.text.split()
    if not words:
        return UNNUMBERED_TEXT
    first = " ".join(words[:_FIRST_WORDS])
    first = first.rstrip(",;:") + "…" if len(words) > _FIRST_WORDS else first
    place = f' under "{record.heading}"' if record.heading else ""
    return f'{UNNUMBERED_TEXT}{place} ("{first}")'


def _kind_name(record: ClauseRecord) -> str:
    """'table', 'unnumbered text', 'heading 4' (a section's), 'cross-heading'."""
    if record.kind == "heading":
        return f"heading {printed_number(record.number)}" if record.number else CROSS_HEADING
    return TABLE if record.kind == "table" else UNNUMBERED_TEXT
