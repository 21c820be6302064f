"""Sequence and nesting of numbered lines: which run a printed number goes on, and where
a run that starts again stands (lead rulings R7, R9, R13, R15, R16).

Readers cite "para 4.1" by the numbers a council printed, so a number is placed by the
runs it can go on: the open numbered section's own sequence (the agenda's 1, 2, 3), the
clauses inside that section, and a list inside a clause (an <ol> inside an <li>, Word's
list restarted under an item). A list that starts again at 1 is nested, never a new
top-level run (a top-level `sec_1_2` is an id nobody can cite), and a clause whose number
does not extend the open section, forward or backward, closes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.document import Clause, Section
from ..numbering.styles import clause_path, clean_number, element_for_heading, follows
from .shapes import is_numbered_title

if TYPE_CHECKING:
    from .structure import _Builder


def _in_numbered_section(builder: _Builder) -> str | None:
    """The cleaned number of the innermost open section numbered by a bare number."""
    own = builder.open_section_number()
    if own is None or element_for_heading(builder.containers[-1].heading.number) != "sec":
        return None
    return clean_number(own)


def next_section_number(builder: _Builder, path: tuple[str, ...]) -> bool:
    """'2.' in section '1.': the section's sibling printed on a paragraph (ruling R7: an
    agenda's '1. Welcome' over its text, then '2. To receive ...'), unless the section
    numbers its own list from 1 ('1. MEETINGS' over '1.', '2.' starting again) and the
    number goes on from that list's last (a '2.' after its '2.' is the agenda's)."""
    own = _in_numbered_section(builder)
    if own is None or len(path) != 1:
        return False
    if not path[0].isdigit() or int(path[0]) != int(own) + 1:
        return False
    paths = [clause_path(c.number) for c in builder.container if isinstance(c, Clause)]
    listed = [int(p[0]) for p in paths if p and len(p) == 1 and p[0].isdigit()]
    return not listed or listed[-1] + 1 != int(path[0])


def past_section(builder: _Builder, path: tuple[str, ...]) -> bool:
    """A clause whose number does not extend the open numbered section closes it, when
    the clause after it does not number under the section again (a misprinted '2.1'
    among 1.x, or '12.2' under section 11 before the heading '12.' is printed, stay
    where they stand, warned). Forward (R9): '2.1', '2.2' after the section '1.', with no
    '2.' printed anywhere. Backward (R15): '2.1', '2.2' under '3. Annual Budget
    Estimates' (a council's misnumbering) stand at the top, where a reader citing
    'para 2.1' is not told it belongs to section 3."""
    printed = builder.open_section_number()
    if printed is None or not path[0].isdigit() or len(path[0]) > 6 or len(printed) > 8:
        return False
    own = clean_number(printed)
    after = builder.next_path
    if path[0] == own or (after and after[0] == own) or _in_numbered_section(builder) is None:
        return False  # the section's own clause, first of all
    if int(path[0]) < int(own):
        return True
    return int(path[0]) == int(own) + 1 and path[0] not in builder.integers


def closes_titles(builder: _Builder, number: str) -> bool:
    """Whether every earlier item of the run that `number` ends is a title with nothing
    of its own (an agenda listing its items' titles, each a clause by R8(b)): then the
    last title is a clause like its siblings, and the paragraph after it (public
    participation, 'Date of next meeting ...') is a note of the document after the run,
    not the item's text (lead ruling R16). Only the run's own clauses are looked at."""
    expected = number
    seen = 0
    for block in reversed(builder.container):
        if isinstance(block, Section):  # an earlier item heading its own text
            return not follows("integer", block.heading.number or "", expected) and seen > 0
        path = clause_path(block.number or "") if isinstance(block, Clause) else None
        if path is None or len(path) != 1 or not follows("integer", block.number, expected):
            return seen > 0
        if block.children or block.paragraphs or block.tail or not is_numbered_title(block.text):
            return False  # an earlier item with its own text: R8 decides the last one
        expected, seen = block.number, seen + 1
    return seen > 0
