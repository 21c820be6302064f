"""A contents list whose text was cut short (issue 23 item 3).

An unlabelled list straight after the title whose entries end in rising page numbers
after one space ('1. General 2', '2. Accounting and audit 4' ... '15. ... 14'; the
candidate is only made before the text, contents._pages_in_order) is contents when its
first entry heads the text (numbered or not: 'General') and the entries that come back
are its first ones, in order, the rest nowhere later: a web extract or a stored page that
stops after the first sections, where "every entry comes back" cannot hold.
"""

from __future__ import annotations

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
