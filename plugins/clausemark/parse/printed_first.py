"""Printed numbers come first (lead ruling R10, session 11).

A text whose only printed numbers are a bracketed list "(1)", "(2)" ... after unnumbered
paragraphs, the list running to the text's end (a committee's decision: its minutes, then
resolutions (1)-(3); terms of reference: a sentence on membership, then functions
(1)-(7)), is a numbered document, as one printed "1.", "2." makes it: the paragraphs
before the list are notes (`intro_1`) and the printed "(1)" owns `para_1`. Counting those
paragraphs as clauses first gave the printed numbers the repeats' ids (`para_1_2`).

A list inside a text of plain paragraphs, more paragraphs after it (a protocol's "members
may ask for it:" then (1), (2), then its next paragraphs), leaves the text unnumbered:
read as numbered, those paragraphs would become the last item's own.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..numbering.styles import token_of
from .units import Unit

_LIST_STYLE = "paren-integer"
_AFTER_LIST = 1  # paragraphs of its own after the list's last item ('The meeting closed.')


def bracketed_list(units: Sequence[Unit]) -> bool:
    """Whether the text prints a bracketed list '(1)' then '(2)' (not a Markdown heading)
    that runs to its end: after the last item at most one paragraph that is no item and
    no sentence's rest ('where, in each case ...' goes on with the item above).

    One pass, reading only the units' numbers and first letters."""
    seen_first = seen_second = False
    after = 0  # paragraphs since the last bracketed item
    for unit in units:
        if unit.number and not unit.md_level and _LIST_STYLE in unit.styles:
            token = token_of(unit.number)
            seen_first = seen_first or token == "1"
            seen_second = seen_second or (token == "2" and seen_first)
            after = 0
        elif seen_first and not (unit.number or unit.bullet) and not unit.text[:1].islower():
            after += 1
    return seen_second and after <= _AFTER_LIST
