"""A number alone on its line is a page number only at a page's edge (lead ruling R33,
session 14).

Minutes copied from a committee system print each minute's paragraph number alone on its
line between the item's heading and the paragraph ('2 Declaration of Group Decisions' /
'1' / 'In terms of Standing Order 20 ...'): that number is the item's numbered paragraph
(R14: a number alone owns the words after it), not a page number to leave out. A lone
number after a paragraph, with no paragraph number before it ('... agreed as a true record'
/ '1' / '3. Matters Arising'), is still read as a page's number, as are numbers next to a
page break. The paragraph numbers of one minute book go on in turn: a '2' after the kept
'1', over a paragraph, is the next one."""

from __future__ import annotations

import re

from ..numbering.styles import read_number

_ITEM_HEADING = re.compile(r"^\d{1,3}[.)]?\s+(?=\S)")  # '2 Declaration of ...', '3. Resolution'
_BREAK = re.compile(r"^\s*(?:[-–—_*=]{3,}|\f)\s*$")
_NEAR = 5  # lines looked at above and below (blank lines between)
_HEADING_WORDS = 20  # words of an item's heading at most
_PARAGRAPH_WORDS = 6  # words of the paragraph under it at least


def paragraph_numbers(raws: list[str]) -> set[int]:
    """The offsets of the lines that are a number alone and an item's numbered paragraph
    (kept as text for the parser to number), among the lines `raws` of a text."""
    kept: set[int] = set()
    last: int | None = None  # the value of the last paragraph number kept
    for offset, raw in enumerate(raws):
        stripped = raw.strip()
        if not (0 < len(stripped) <= 3 and stripped.isascii() and stripped.isdigit()):
            continue  # the cheap look first: most lines are no number alone
        value = int(stripped)
        above, below = _near(raws, offset, -1), _near(raws, offset, 1)
        if above is None or below is None or _BREAK.match(above) or _BREAK.match(below):
            continue
        if not _paragraph(below):
            continue
        if (value == 1 and _item_heading(above)) or (last is not None and value == last + 1):
            kept.add(offset)
            last = value
    return kept


def _near(raws: list[str], offset: int, step: int) -> str | None:
    """The first line with words above (step -1) or below (+1), over blank lines."""
    at = offset + step
    for _ in range(_NEAR):
        if not 0 <= at < len(raws):
            return None
        if raws[at].strip():
            return raws[at].strip()
        at += step
    return None


def _item_heading(text: str) -> bool:
    """'2 Declaration of Group Decisions and Members Interests *': an item's number and
    title, not a sentence."""
    match = _ITEM_HEADING.match(text)
    if match is None:
        return False
    rest = text[match.end() :]
    return rest[-1:] not in ".;:," and len(rest.split()) <= _HEADING_WORDS


def _paragraph(text: str) -> bool:
    """A paragraph of text opening on a capital, with no number of its own."""
    first = text.lstrip("\"'‘“(")[:1]
    return first.isupper() and read_number(text) is None and len(text.split()) >= _PARAGRAPH_WORDS
