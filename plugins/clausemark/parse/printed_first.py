"""Printed numbers come first (lead ruling R10, session 11).

A text whose only printed numbers are a bracketed list "(1)", "(2)" ... after unnumbered
paragraphs (a committee's decision: its minutes, then resolutions (1)-(3); terms of
reference: a sentence on membership, then functions (1)-(7)) is a numbered document, as
one printed "1.", "2." makes it: the paragraphs before the list are notes (`intro_1`) and
the printed "(1)" owns `para_1`. Counting those paragraphs as clauses first gave the
printed numbers the repeats' ids (`para_1_2`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..numbering.styles import token_of
from .units import Unit

_LIST_STYLE = "paren-integer"


def bracketed_list(units: Sequence[Unit]) -> bool:
    """Whether the text prints a bracketed list '(1)' then '(2)' (not a Markdown heading).

    One pass, reading only the units' numbers: cheap beside the parse it decides."""
    seen_first = False
    for unit in units:
        if not unit.number or unit.md_level or _LIST_STYLE not in unit.styles:
            continue
        token = token_of(unit.number)
        if token == "1":
            seen_first = True
        elif token == "2" and seen_first:
            return True
    return False
