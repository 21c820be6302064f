"""A signature block after the last clause: 'Signed', a name, a role, a date.

Councils end an adopted text with who signed it and when ('J Smith' / 'Town Clerk' /
'12 March 2024', 'Signed ........ Chair', 'Date: 4 May 2024'). Those lines are printed
paragraphs of the page, never headings (a name in capitals is no cross-heading), never a
clause's text, and nothing in them is left out."""

from __future__ import annotations

import re

from ..support.dates import is_date
from .units import Unit

# A role a signatory signs as: 'Town Clerk', 'Chairman of the Council', 'Proper Officer'
_ROLE = re.compile(
    r"\b(?:clerk|chair(?:man|woman|person)?|vice[- ]chair(?:man|person)?|mayor|deputy\s+mayor"
    r"|proper\s+officer|chief\s+executive|monitoring\s+officer|responsible\s+financial\s+officer"
    r"|rfo|secretary|head\s+of\s+(?:legal|democratic|governance)[\w ]{0,30}|town\s+clerk"
    r"|on\s+behalf\s+of)\b",
    re.I,
)
# 'Signed', 'Signed:', 'Signed ............', 'Signature', 'Date:', 'Dated 4 May 2024'
_SIGNED = re.compile(
    r"^(?:signed|signature|sign(?:ed)?\s+by|date[d]?|witness(?:ed)?)\b\s*:?[\s._…–-]*"
    r"(?:[A-Z0-9][\w .,'’-]{0,60})?$",
    re.I,
)
# 'J Smith', 'Jane A. Smith', 'Cllr P. Jones', 'MRS K WILLIAMS': a name, two to four words
_NAME = re.compile(
    r"^(?:(?:cllr|councillor|mr|mrs|ms|miss|dr)\.?\s+)?"
    r"(?:[A-Z][.]?\s+){0,2}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’.-]*){0,3}$",
    re.I,
)
_LONGEST = 80  # characters of a signature block's line
_MOST_LINES = 12  # lines of one signature block


def _signs(text: str) -> bool:
    """A line that says a signature: 'Signed', a role, a date label."""
    return bool(_SIGNED.match(text)) or (
        len(text.split()) <= 8 and text[-1:] not in ".;" and bool(_ROLE.search(text))
    )


def _block_line(unit: Unit) -> bool:
    text = unit.text.strip()
    if unit.number or unit.bullet or unit.listed or not text or len(text) > _LONGEST:
        return False
    if unit.joined_lines and len(unit.joined_lines) > 3:
        return False
    if _signs(text) or is_date(text):
        return True
    return text[-1:] not in ".;:," and bool(_NAME.match(text)) and len(text.split()) <= 5


def signature_start(flow: list) -> int:
    """Where the signature block at the end of the text starts in the flow (its length
    when there is none): the last few unnumbered short lines after a numbered clause,
    each a name, a role, a date or a 'Signed' line, one of them saying a signature."""
    start = len(flow)
    signs = False
    while start > 0 and len(flow) - start < _MOST_LINES:
        item = flow[start - 1]
        if not isinstance(item, Unit) or not _block_line(item):
            break
        signs = signs or _signs(item.text.strip())
        start -= 1
    if not signs or start == len(flow):
        return len(flow)
    if not any(isinstance(item, Unit) and item.number for item in flow[max(0, start - 40) : start]):
        return len(flow)  # a signature closes the text: a clause stands before it
    return start
