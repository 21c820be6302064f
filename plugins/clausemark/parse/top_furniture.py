"""Lines over a text's heading that only a look at the whole top tells apart from it
(lead rulings R37, R38): each is marked `furniture`, read as a label line over the title
(above_title.over_title_line), printed where it stands.

- a site's menu: four or more short lines in a row at the top ('HOME' / 'Churches' /
  'Services, activities' / 'Heritage' ...), each a few words with no full stop, before the
  page's own heading;
- a running head: the text's first line printed again further on with a page number
  before or after it ('Cabinet – 13/01/15' ... '1 Cabinet – 13/01/15'): the page's head,
  neither the title nor a clause; its repeats are left out as running headers (reported).

Only the first `TOP_LINES` lines are read, with a cheap test before any other.
"""

from __future__ import annotations

import re

from ..support.dates import is_dated
from .drops import drop
from .labels import names_kind
from .site_lines import menu_entry
from .units import Unit, _container_heading

TOP_LINES = 60  # the lines at the top of a text where its title and the furniture stand
_MENU_RUN = 4  # short lines in a row that make a menu
_MENU_START = 8  # lines at the top a menu starts among (under a trail, a logo, a banner)
_MENU_WORDS = 4  # words of a menu's entry
_HEAD_WORDS = 12  # words of a running head
# a line opening on a number or a list's letter ('1 APOLOGIES', '(a) Budget', 'iv. Audit')
_NUMBERED = re.compile(r"^(?:\d|\(?(?:[a-zA-Z]|[ivxIVX]{1,4})[.)]\s)")


def _short(item: object) -> bool:
    """A menu's entry as far as cheap tests tell: one line of a few words, no number, no
    bullet, no full stop (`_entry` reads the rest only where a menu may stand)."""
    if not isinstance(item, Unit) or item.number or item.bullet or item.joined_lines:
        return False
    text = item.text.strip()
    return (
        0 < len(text.split()) <= _MENU_WORDS
        and not _NUMBERED.match(text)  # '1 APOLOGIES': an item (its number read later)
        and (text[-1:] not in ".:;!?" or text.endswith(("...", "…")))
    )


def _entry(item: Unit) -> bool:
    """No date, no heading naming a kind of document ('Standing Orders'): a menu's entry."""
    text = item.text.strip()
    return not is_dated(text) and not (" " in text and names_kind(text))


def _mark_menu(flow: list) -> None:
    """Four or more short lines in a row at the top, one of them an entry only a menu
    prints ('Home', 'Contact'), a heading or a paragraph after them: the site's menu. Short
    lines right over the text's numbered lines are an in-page list of its sections, no
    menu; the text's first line, not a menu's entry, is its title ('Finance Committee' over
    'Membership' / 'Contact' / 'Meetings' / 'Quorum': attack17 A17-10)."""
    index = 0
    top = min(len(flow), _MENU_START)
    while index < top:
        item = flow[index]
        if isinstance(item, Unit) and (item.number or item.bullet or item.line > TOP_LINES):
            return  # the text has begun
        if not _short(item):
            index += 1
            continue
        end = index
        while end < len(flow) and _short(flow[end]):
            end += 1
        if end - index < _MENU_RUN or not any(menu_entry(i.text) for i in flow[index:end]):
            index = end  # the cheap look: no run of short lines with a menu's entry
            continue
        end = next((at for at in range(index, end) if not _entry(flow[at])), end)
        if end == index:  # 'Standing Orders' first: the page's heading, no entry
            index += 1
            continue
        after = flow[end] if end < len(flow) else None
        first = index + (index == 0 and not menu_entry(item.text))
        heading_after = isinstance(after, Unit) and not (
            after.number or after.bullet or _NUMBERED.match(after.text.strip())
        )
        if (
            heading_after
            and end - first >= _MENU_RUN
            and any(menu_entry(i.text) for i in flow[first:end])
        ):
            for entry in flow[first:end]:
                entry.furniture = True
            return  # one menu over the page's heading: the lines under it are the text's
        index = end


def _paged(text: str, head: str) -> str | None:
    """'1 Cabinet – 13/01/15', 'Cabinet – 13/01/15 Page 2': the head with a page number;
    the number (or 'page 2') printed with it, None for any other line."""
    if head not in text:
        return None
    rest = text.replace(head, " ", 1).strip().lower()
    return rest if _PAGE_NUMBER.match(rest) else None


_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$")
_LEADING = re.compile(r"^\(?(\d{1,3})([.):]?)\s")


def _in_run(flow: list, at: int, number: int) -> bool:
    """'2 Minutes' between '1 Apologies' and '3 Finance report': an item of a numbered run
    (a neighbour numbers one less or one more, a bare number as the repeat's), never a
    page's head (attack17 A17-1); '3. STREET TRADING' under a page's '2 Licensing
    Committee' is no run of bare numbers."""
    for step in (-1, 1):
        near = flow[at + step] if 0 <= at + step < len(flow) else None
        if not isinstance(near, Unit):
            continue
        printed = f"{near.number} {near.text}" if near.number else near.text
        found = _LEADING.match(printed.strip() + " ")
        if found and int(found.group(1)) == number + step and not found.group(2):
            return True  # bare numbers both, as the head's page number is printed
    return False


def _running_head(flow: list, dropped: list) -> list:
    """The first line printed again later with a page number: the page's running head."""
    first = next((i for i, item in enumerate(flow[:3]) if isinstance(item, Unit)), None)
    if first is None:
        return flow
    head_unit = flow[first]
    head = head_unit.text.strip()
    if (
        head_unit.number
        or head_unit.bullet
        or head_unit.joined_lines
        or not 0 < len(head.split()) <= _HEAD_WORDS
    ):
        return flow
    size, most = len(head), len(head) + 14
    repeats = []
    for at in range(first + 1, len(flow)):
        item = flow[at]
        if not isinstance(item, Unit) or head not in item.text:
            continue  # the cheap look first: most lines do not hold the head
        printed = f"{item.number} {item.text}" if item.number else item.text
        if item.joined_lines or not size < len(printed) <= most:
            continue
        page = _paged(printed, head)
        if page and not (page.isdigit() and _in_run(flow, at, int(page))):
            repeats.append(item)
    if not repeats:
        return flow
    head_unit.furniture = _container_heading(head) is None  # 'Appendix 1' stays its label
    for item in repeats:
        printed = f"{item.number} {item.text}" if item.number else item.text
        dropped.append(drop(item.line, printed.strip(), "running-header"))
    gone = {id(item) for item in repeats}
    return [item for item in flow if id(item) not in gone]


def mark_top_furniture(flow: list, dropped: list) -> list:
    """The menu and the running head at the top of a text marked as furniture (the running
    head's repeats left out, reported): the title is the first heading after them."""
    flow = _running_head(flow, dropped)
    _mark_menu(flow)
    return flow
