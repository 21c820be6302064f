"""Page numbers as contents lists print them: after an entry ('Quorum 4', 'Directors 8,
9, 10,') or alone on a line, a page column's cell ('12 - 15', '(v)'); and the lone page
numbers the lines pass left out as page furniture, which an index one cell a line prints
as its page column."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# 'Quorum 4', 'Delegations to Officers 1, 2', 'Chief Constable 11-12', 'Directors 8, 9,
# 10,': page numbers after one space, one or several (read from a line's last characters)
_PAGE_TAIL = re.compile(r"(?<=\S)\s+(\d{1,3})((?:\s?[,–-]\s?\d{1,3}){0,8})\s?,?$")
_PAGE_TAIL_READ = 48  # characters at a line's end that hold its page numbers


def split_pages(text: str) -> tuple[str, int] | None:
    """(entry, first page) of an entry ending in page numbers after one space, or None."""
    text = text.rstrip()
    if not text[-1:].isdigit() and text[-1:] != ",":
        return None
    cut = max(0, len(text) - _PAGE_TAIL_READ)
    found = _PAGE_TAIL.search(text, cut)
    if found is None or not found.group(1).isascii():
        return None
    head = text[: found.start()].rstrip()
    return (head, int(found.group(1))) if head else None


# A page column's cell alone on its line: '7', '12 - 15', '3-4', a front-matter '(v)'
_PAGE_CELL = re.compile(r"^\(?(?:(\d{1,4})(?:\s?[-–]\s?\d{1,4})?|[ivxl]{1,6})\)?$", re.I)


def page_cell(text: str) -> int | None:
    """The first page of a page number or range alone on its line ('12 - 15': 12; a
    roman front-matter page '(v)': 0), or None."""
    if len(text) > 24:
        return None  # most lines: never stripped or matched
    text = text.strip()
    if not text or len(text) > 11 or not (text[-1].isdigit() or text[-1] in ")ivxlIVXL"):
        return None
    found = _PAGE_CELL.match(text)
    if found is None:
        return None
    return int(found.group(1)) if found.group(1) else 0


@dataclass(frozen=True)
class LonePages:
    """Page numbers alone on their lines that the lines pass left out (`lines`: their
    line numbers in order; `texts`: the numbers): in an index one cell a line, a row's
    page cell ('1.1' / 'Calling a Meeting' / '1')."""

    lines: list[int]
    texts: dict[int, str]

    def between(self, after: int, before: int) -> int | None:
        """The page of a lone page number between two lines, or None."""
        i = bisect_right(self.lines, after)
        if i < len(self.lines) and self.lines[i] < before:
            return page_cell(self.texts[self.lines[i]])
        return None
