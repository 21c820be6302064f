"""Zero-padded agenda numbers (lead ruling R42, session 15).

An agenda printed as a table ("Item no." | "Agenda Item" | "Details") and copied as text
prints its item numbers "01", "02" ... "09", "10" at the start of the title's line, often
with no blank line above it (the table's header row, the last item's status line): a line
opening "01 Election of Chair" is an item of its own, never the rest of the line above.
Its number keeps its printed digits (sec_01); the run is read by value (R23: "02" comes
after "01"). "01 January 2024" (a date) is text; a phone number ("0800 123 456", "01234
567890") never has this shape (two digits, one space, a capital)."""

from __future__ import annotations

import re

from ..support.dates import MONTHS
from .shapes import is_numbered_title

_PADDED = re.compile(r"0\d[a-z]? (?=[A-Z\d])")


def padded_item(text: str) -> bool:
    """Whether a line opens with a zero-padded item number over its title ('03 Apologies
    for Absence'): a line of its own in its chunk."""
    if text[:1] != "0" or (found := _PADDED.match(text)) is None:
        return False  # the cheap look first
    rest = text[found.end() :]
    if rest.split(None, 1)[0].strip(".,").lower() in MONTHS:
        return False  # '01 January 2024': a date
    return is_numbered_title(rest)
