"""A contents list whose text was cut short (issue 23 item 3).

An unlabelled list straight after the title whose entries end in rising page numbers
after one space ('1. General 2', '2. Accounting and audit 4' ... '15. ... 14'; the
candidate is only made before the text, contents._pages_in_order) is contents when its
first entry heads the text (numbered or not: 'General') and the entries that come back
are its first ones, in order, the rest nowhere later: a web extract or a stored page that
stops after the first sections, where "every entry comes back" cannot hold.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .contents import HeadingIndex

# paragraphs after the list within which its first entry heads the text (a line 'Adopted
# by the council on ...' may stand between)
TEXT_BEGINS = 4


def first_entries_back(
    entries: list[str], back: int, position: int, headings: HeadingIndex
) -> bool:
    """Whether the list at `position`, `back` of whose entries come back as headings in
    order, is contents by its first entries (see the module's docstring)."""
    if back == 0:
        return False
    first = headings.next_after(entries[0], position)
    if first is None or first > position + TEXT_BEGINS:
        return False
    return headings.coming_back(entries[:back], position) == back and not any(
        headings.next_after(entry, position) is not None for entry in entries[back:]
    )


# a page number glued to an entry printed in capitals ('1.INTRODUCTION2', 'REVIEW OF
# THE STRATEGY5'): a PDF's or web copy's contents row that lost its leader and tab
_GLUED_PAGE = re.compile(r"^(.*[A-Z]{3})\d{1,3}$")


def without_glued_page(text: str) -> str:
    """A capitals entry without the page number glued to its last word, so that the
    heading coming back ('1. INTRODUCTION') ends the list; any other text as it is.
    An entry with a lower-case letter ('Covid19 response') is never cut."""
    if not text[-1:].isdigit() or not text[-2:-1].isupper():
        return text  # the cheap look first: most entries end in no glued digit
    found = _GLUED_PAGE.match(text)
    return found.group(1) if found and not any(c.islower() for c in text) else text
