"""Closing notes of an agenda or minutes (lead rulings R16 and R28, session 13).

After the last item of an agenda or minutes, a paragraph set apart by a blank line that
closes the meeting's record ("Date of next meeting: 1 April 2025", "Signed ... Chairman",
"The meeting closed at 9.05pm", "There being no further business ...") is a note of the
document after the run, never the text of the last item or of its last lettered line
("b) 25/0019 The Old Forge"): no numbered line follows it, and it says what it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .structure import _Builder
    from .units import Unit

# the openings councils print on the line that closes a meeting's record
_CLOSING = re.compile(
    r"(?:date,?\s+(?:time\s+(?:and|&)\s+(?:place|venue)\s+)?of\s+(?:the\s+)?next\s+meeting"
    r"|(?:the\s+)?next\s+meeting\s+(?:will\s+be|is\s+to\s+be|is)\s"
    r"|signed\b|(?:the\s+)?meeting\s+(?:closed|ended|finished)\b"
    r"|there\s+being\s+no\s+(?:other|further)\s+business)",
    re.I,
)


def closes_the_record(builder: _Builder, unit: Unit) -> bool:
    """Whether `unit` is a closing note after the last numbered item: it opens a chunk
    (a blank line above it), carries no number, no numbered line follows it, an item is
    open, and its words open as a record's closing line does."""
    if not unit.opens_chunk or unit.number or unit.bullet or unit.md_level:
        return False
    if builder.next_path is not None:
        return False  # the numbering goes on below: a paragraph of the open item
    if builder.clause is None and builder.open_section_number() is None:
        return False
    if builder.clause is None and not builder.container:
        return False  # '10. CLOSE' over 'The meeting closed at 9pm.': the item's own text
    return _CLOSING.match(unit.text.lstrip(" *_")) is not None


def close_the_record(builder: _Builder) -> None:
    """The note stands after the run: the open item and the agenda's numbered item
    sections close (a Part or other container stays open)."""
    builder.close_clause()
    builder.append_text = None
    while builder.open_section_number() is not None:
        builder.containers.pop()
