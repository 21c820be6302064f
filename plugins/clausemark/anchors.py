"""Stable clause ids after the Akoma Ntoso naming convention (as Laws.Africa's bluebell applies it).

An id is `[parent "__"] element "_" number`, so clause 3.5 a) (i) of section 3 is
`sec_3__para_3-5__subpara_a__item_i`. Ids are a pure function of the numbering as
printed: never of heading text, so that rewording a heading never breaks a link.
"""

from __future__ import annotations

from .model import Block, Clause, Document, Heading, Issue, Note, Section, Table
from .numbering.styles import (
    clean_number,
    element_for_heading,
    rank_of,
    strip_container_word,
)

__all__ = ["assign_anchors", "clean_number", "make_id"]


def element_is_top(element: str) -> bool:
    """Schedules, appendices and annexes always stand at the top level."""
    return rank_of(element) == 0


def make_id(parent: str | None, element: str, number: str) -> str:
    own = f"{element}_{number}"
    return f"{parent}__{own}" if parent else own


class _IdAllocator:
    """Hands out ids, giving a repeated id `_2`, `_3` ... and reporting it."""

    def __init__(self, issues: list[Issue]):
        self.used: set[str] = set()
        self.issues = issues

    def claim(self, wanted: str, line: int, what: str) -> str:
        if wanted not in self.used:
            self.used.add(wanted)
            return wanted
        n = 2
        while f"{wanted}_{n}" in self.used:
            n += 1
        chosen = f"{wanted}_{n}"
        self.used.add(chosen)
        self.issues.append(
            Issue(line, f"{what} repeats id '{wanted}'; it is given '{chosen}'", "duplicate-id")
        )
        return chosen


def assign_anchors(document: Document) -> None:
    """Give every section, heading, clause, table and note its id, in place."""
    ids = _IdAllocator(document.warnings)
    counters: dict[str, int] = {}

    def counted(scope: str, element: str) -> str:
        key = f"{scope}|{element}"
        counters[key] = counters.get(key, 0) + 1
        return str(counters[key])

    def assign_clause(clause: Clause, parent: str | None, depth: int) -> None:
        element = "para" if depth == 0 else ("subpara" if depth == 1 else "item")
        clause.element = element
        number = clean_number(strip_container_word(clause.number)) if clause.number else ""
        if not number:
            number = counted(parent or "", element)
        what = f"clause {clause.number}" if clause.number else "an unnumbered clause"
        clause.anchor = ids.claim(make_id(parent, element, number), clause.line, what)
        for child in clause.children:
            assign_clause(child, clause.anchor, depth + 1)

    def assign_blocks(blocks: list[Block], parent: str | None) -> None:
        for block in blocks:
            if isinstance(block, Section):
                heading = block.heading
                number = clean_number(strip_container_word(heading.number or ""))
                element = element_for_heading(heading.number)
                heading.anchor = ids.claim(
                    make_id(None if element_is_top(element) else parent, element, number),
                    heading.line,
                    f"section {heading.number}",
                )
                assign_blocks(block.blocks, heading.anchor)
            elif isinstance(block, Heading):
                block.anchor = ids.claim(
                    make_id(parent, "crossheading", counted(parent or "", "crossheading")),
                    block.line,
                    "a heading",
                )
            elif isinstance(block, Clause):
                assign_clause(block, parent, 0)
            elif isinstance(block, Table):
                block.anchor = ids.claim(
                    make_id(parent, "table", counted(parent or "", "table")), block.line, "a table"
                )
            elif isinstance(block, Note):
                block.anchor = ids.claim(
                    make_id(parent, "intro", counted(parent or "", "intro")), block.line, "a note"
                )

    assign_blocks(document.blocks, None)
    if document.history is not None:
        document.history.anchor = "history"
