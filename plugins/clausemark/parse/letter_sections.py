"""Letters at one level are one kind (lead ruling R41): 'A. Recommendation' (a sentence of
its own under it) and 'B. Supporting information' over '1.', '2.' ... are both sections,
sec_A and sec_B, when any letter of their run heads a list of '1.' items; a run of letters
none of which heads such a list stays paragraphs (para_A, para_B).

A council's report prints its parts as capital letters, each over its own paragraphs or
numbered clauses; reading one part as a clause and the next as a section gives the same
printed level two kinds of id, and the part's paragraphs a parent that is not printed."""

from __future__ import annotations

import re

from ..numbering.styles import follows, token_of
from .units import Unit

_CAPITAL = re.compile(r"^[A-Z][.)]$")


def mark_letter_sections(units: list[Unit]) -> None:
    """Mark every capital of a lettered run (A., B., C. ... in sequence, two or more)
    when one of them is followed, before any other number, by a '1.' item. One pass."""
    run: list[Unit] = []
    heads = False
    looking = False  # the run's last letter has met no number yet
    for unit in units:
        number = unit.number or ""
        if not number or unit.md_level or unit.bullet:
            continue
        if "letter" in unit.styles and _CAPITAL.match(number):
            if run and follows("letter", run[-1].number or "", number):
                run.append(unit)
                looking = True
                continue
            if number[0] == "A":
                _close(run, heads)
                run, heads, looking = [unit], False, True
                continue
        if looking:
            heads = heads or ("integer" in unit.styles and token_of(number) == "1")
            looking = False
    _close(run, heads)


def _close(run: list[Unit], heads: bool) -> None:
    if heads and len(run) >= 2:
        for unit in run:
            unit.lettered_section = True
