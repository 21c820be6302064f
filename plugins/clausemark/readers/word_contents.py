"""A contents list typed in Word, known by what Word makes of its entries.

An entry's page number follows a tab: to a stop with a leader (set on the paragraph or its
style, or a positional tab with its own leader) Word prints dots up to it, and so does the
text form ('Quorum ........ 4'), which the parser reads as any printed contents list (left
out when its entries come back as headings). An entry linked to its heading (a _Toc
bookmark link, a PAGEREF field) with no leader is left out by the reader as contents
(INFO when it comes back as a heading, a warning otherwise: parse/reader_contents.reader_drop).
Any other tab is a space, as before.
"""

from __future__ import annotations

import re

from .word_package import W

# A tab in a paragraph's text, kept until the paragraph is whole: a contents entry's tab
# before its page number is told from any other by what follows it. XML text holds no
# \x1f, and Python counts it as white space, so emphasis closes before it as before a space.
TAB_MARK = "\x1f"
LEADER = " ........ "  # a tab stop's leader, as Word prints it: dots up to the page number
# a page number: 1-4 digits, or a roman numeral up to 399 ("iv", "XII"), never a word
_PAGE = re.compile(r"^(?:\d{1,4}|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))$", re.I)
TABS, TAB, VAL, LEADER_ATTR = f"{W}tabs", f"{W}tab", f"{W}val", f"{W}leader"


def has_leader(ppr) -> bool:
    """Whether paragraph properties set a tab stop with a leader (w:tabs/w:tab w:leader)."""
    if ppr is None:
        return False
    for tabs in ppr.iterchildren(TABS):
        for tab in tabs.iterchildren(TAB):
            if tab.get(LEADER_ATTR, "none") != "none" and tab.get(VAL) != "clear":
                return True
    return False


def tab_page(text: str) -> tuple[str, str] | None:
    """(text before, page number) of a paragraph whose last tab is followed only by a
    page number ('1.<tab>Quorum<tab>4'), emphasis aside; None otherwise."""
    head, mark, page = text.rpartition(TAB_MARK)
    page = page.strip().strip("*_").removeprefix("<u>").removesuffix("</u>").strip()
    if not mark or not _PAGE.match(page) or not head.replace(TAB_MARK, " ").strip(" *_"):
        return None
    return head.replace(TAB_MARK, " "), page


def contents_entry(
    text: str, ppr, style_leader: bool, linked: bool
) -> tuple[str | None, str | None]:
    """(text to lay out, entry the reader leaves out): a paragraph ending in a tab and a
    page number is printed with dots when the tab has a leader (on the paragraph, its
    style or the tab itself: `style_leader`), or left out as an entry when it is `linked`
    to its heading; any other paragraph is its text with tabs as spaces."""
    entry = tab_page(text) if TAB_MARK in text else None
    if entry is None:
        return text.replace(TAB_MARK, " "), None
    head, page = entry
    if style_leader or has_leader(ppr):
        return f"{head.rstrip()}{LEADER}{page}", None
    if linked:
        return None, f"{head.strip()}\t{page}"
    return text.replace(TAB_MARK, " "), None
