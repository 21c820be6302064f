"""Running headers, footers and page numbers of a PDF's pages: what the reader leaves
out before it reads the text (pdf.py).

A running line repeats at the same height at the top or bottom of most pages once its
digits are normalised; a bare number there is a page number when it stands apart from
the text (a number inside the text's block, one line below a table cell's words, is
the cell's: 'Fewer than' over '50'); on a page of its own a first line in small type
set well above the text is a header.
"""

from __future__ import annotations

import re
from collections import Counter

from .layout import clean
from .pdf_extract import Line, Page

ZONE_LINES = 3  # lines at each end of a page that may be a running header or footer
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_DIGITS = re.compile(r"\d+")
APART = 2.0  # body sizes between a page number and the text's nearest line, at least


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _place_key(line: Line, page: Page) -> str:
    """A line's text (digits normalised) and where it stands: a running header or
    footer repeats at the same height, page after page."""
    return f"{round(line.bottom / 4)}|{_key(line.text)}"


def running_lines(pages: list[Page]) -> set[str]:
    """Keys of lines that repeat at the top or bottom of most pages, their numbers the
    same on every page or following the page ('Version 3 - page 2'): a table's first
    row on each page ('Power 15: ...', 'Power 37: ...') is text, not a header."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    numbers: dict[str, list[tuple[int, list[int]]]] = {}
    for index, page in enumerate(pages):
        zone = page.lines[:ZONE_LINES] + page.lines[-ZONE_LINES:]
        for key, line in {_place_key(line, page): line for line in zone}.items():
            counts[key] += 1
            if "#" in key:
                found = [int(n) for n in _DIGITS.findall(line.text)]
                numbers.setdefault(key, []).append((index, found))
    needed = max(2, (len(pages) + 1) // 2)
    return {
        key
        for key, count in counts.items()
        if count >= needed and _numbers_follow_pages(numbers.get(key, []))
    }


def _numbers_follow_pages(seen: list[tuple[int, list[int]]]) -> bool:
    """Each number of a repeated line is the same on every page, or goes up as the
    pages do (a page number); `seen` is (page index, the line's numbers) per page."""
    if len(seen) < 2:
        return True
    first_page, first = seen[0]
    for position, start in enumerate(first):
        values = [(page, found[position]) for page, found in seen if position < len(found)]
        same = all(value == start for _page, value in values)
        follows = all(value - start == page - first_page for page, value in values)
        if not (same or follows):
            return False
    return True


def body_lines(
    page: Page, running: set[str], body_size: float, alone: bool = False
) -> tuple[list[Line], list[Line]]:
    """The page without its running header, footer and page number (and those lines)."""
    lines = sorted(page.lines, key=lambda line: (round(line.bottom, 1), line.x0))
    dropped = []
    kept = []
    for position, line in enumerate(lines):
        in_zone = position < ZONE_LINES or position >= len(lines) - ZONE_LINES
        text = clean(line.text)
        number = _PAGE_NUMBER.match(text) and _stands_apart(lines, position, body_size)
        if in_zone and (_place_key(line, page) in running or number):
            dropped.append(line)
            continue
        if position == 0 and _set_apart_above(line, lines[1:], body_size, alone):
            dropped.append(line)
            continue
        kept.append(line)
    if alone:
        footer = _set_apart_below(kept, body_size)
        dropped += footer
        kept = kept[: len(kept) - len(footer)]
    return kept, dropped


def _stands_apart(lines: list[Line], position: int, body_size: float) -> bool:
    """Whether the line at `position` (of lines sorted down the page) has no line of
    another baseline within APART body sizes above it, or none below it: a page number
    sits in the margin, away from the text on one side at least, where a wrapped cell's
    last word ('50' under 'Fewer than', the next row under it) is close on both."""
    line = lines[position]
    reach = APART * max(body_size, line.size, 1.0)
    for side in (lines[:position][::-1][:8], lines[position + 1 :][:8]):
        near = False
        for other in side:
            gap = abs(line.bottom - other.bottom)
            if gap < 1:
                continue  # the same baseline: a part of the same printed line
            near = gap <= reach
            break
        if not near:
            return True
    return False


def _set_apart_above(line: Line, rest: list[Line], body_size: float, alone: bool) -> bool:
    """A header on a page of its own: the first line, in smaller type than the body,
    well above everything else (what a one-page PDF's running header looks like; in a
    document of one page, type half a point smaller than small type is enough)."""
    smaller = max(0.85 * body_size, body_size - 0.5) if alone else 0.85 * body_size
    if not rest or not body_size or line.size >= smaller:
        return False
    return rest[0].bottom - line.bottom > 3 * body_size


_NOTE_MARK = re.compile(r"^(?:[\W\d_]|[a-z]\s)")  # '1 See', '* Source', '† As', 'a Note'


def _set_apart_below(lines: list[Line], body_size: float) -> list[Line]:
    """A footer on the one page of a document: the lines on the last baseline, each in
    smaller type than the body (half a point at least) and not opening with a note's
    mark (a footnote is the text's own), well below everything else (what Chromium's
    own footer, the page's address and '1/1', looks like where no page repeats it); a
    sentence or an adoption record there is the text's own small print and stays."""
    if len(lines) < 2 or not body_size:
        return []
    last = lines[-1].bottom
    footer = [line for line in lines if abs(line.bottom - last) < 1]
    if len(footer) == len(lines) or any(
        line.size >= body_size - 0.5
        or _NOTE_MARK.match(clean(line.text))
        or len(clean(line.text)) < 4  # a glyph of text set turned, not a footer
        for line in footer
    ):
        return []
    if _own_small_print(" ".join(clean(line.text) for line in footer)):
        return []  # 'Adopted by the Council on ...': the text's own record, kept
    above = lines[-len(footer) - 1]
    return footer if last - above.bottom > 3 * body_size else []


# A document's own record in small print at its foot: a sentence ('... reviewed annually.')
# or its adoption ('Adopted 12 May 2024', 'Approved by Full Council ... (Minute 112/25)').
_RECORD = re.compile(r"\b(?:adopted|approved|agreed|ratified|resolved|minutes?)\b", re.I)


def _own_small_print(text: str) -> bool:
    return bool(_RECORD.search(text)) or (text.endswith(".") and len(text.split()) >= 4)
