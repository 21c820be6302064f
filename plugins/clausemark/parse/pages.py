"""Page numbers as contents lists print them: after an entry ('Quorum 4', 'Directors 8,
9, 10,') or alone on a line, a page column's cell ('12 - 15', '(v)'); and the lone page
numbers the lines pass left out as page furniture, which an index one cell a line prints
as its page column; and a contents label a PDF copy printed in one block with the lines
above it ('Contents' under the title and date), set apart to head its entries."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model.document import DROP_KINDS, Dropped
from ..numbering.styles import container_word
from .drops import REASONS
from .inline import strip_emphasis_wrapper
from .lines import Line, _table_cells
from .shapes import is_heading_text

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


_SPACED_PAGE = re.compile(r"^(\S.*?\S)\s{2,}(\d{1,4})$")  # "Part 2    General Obligations    4"


# 'Meetings Page 10', 'Funding p. 11', 'Liaison pg 13', 'Voting ...... p3': the page
# number after its word
_WORDED_PAGE = re.compile(r"\s(?:page|pg\.?|p\.?)\s?(\d{1,4})$", re.I)
_WORDED_READ = 12  # characters at a line's end that hold a worded page number


def worded_split(text: str) -> tuple[str, str] | None:
    """(title, page) of an entry ending in 'Page 10' (or 'p. 10', 'pg 10'), else None."""
    text = text.rstrip()
    found = _WORDED_PAGE.search(text, max(0, len(text) - _WORDED_READ))
    head = text[: found.start()].rstrip(" .,–-") if found else ""
    return (head, found.group(1)) if found and head else None


# 'Part I: Chairmanship – pages 3 – 12', '... - page 7 |': an index entry naming the
# pages its part runs over, after a dash (a table's bar after it, as a copy left it)
_PAGE_SPAN = re.compile(r"\s[-–—]\s*pages?\s+\d{1,4}(?:\s*[-–—]\s*\d{1,4})?[\s|]*$", re.I)
_SPAN_READ = 40  # characters at a line's end that hold its page span


def names_pages(text: str) -> bool:
    """A heading's words ending in the pages it runs over ('Chairmanship – pages 3 –
    12'): a contents entry, never the heading itself."""
    return _PAGE_SPAN.search(text, max(0, len(text) - _SPAN_READ)) is not None


# a worded page number with more of the row after it: 'Introduction Page 3 2.0 Purposes'
_WORDED_INSIDE = re.compile(r"\s(?:page|pg\.?|p\.?)\s?(\d{1,4})(?=\s+\S)", re.I)


def worded_parts(text: str) -> list[str]:
    """'1.0 Introduction Page 3 2.0 Purposes Page 3': a contents row whose entries, each
    closed by its worded page number, run on in one line (the pages never going down),
    split after each; one part otherwise (a sentence that names a page, a row whose last
    part prints no page)."""
    if worded_split(text) is None:
        return [text]
    parts, start, last = [], 0, 0
    for match in _WORDED_INSIDE.finditer(text):
        page = int(match.group(1))
        if page < last or text[match.end() :].lstrip()[:3].lower() == "of ":
            return [text]  # 'Page 2 of 18': a page's footer, not an entry's page
        parts.append(text[start : match.end()].strip())
        start, last = match.end(), page
    tail = worded_split(text[start:])
    if not parts or tail is None or int(tail[1]) < last:
        return [text]
    return [*parts, text[start:].strip()]


def page_form(line: Line) -> str | None:
    """How a line ends in a page number: 'tab', 'dots', 'worded' or 'spaced' (or None)."""
    if "\t" in line.text:
        cells = [c for c in _table_cells(line) if c]
        return "tab" if len(cells) >= 2 and cells[-1].isdigit() else None
    text = line.text
    if not text[-1:].isdigit():  # '...... 14.': a full stop after a leader's page number
        return "dots" if text[-2:-1].isdigit() and _leader_split(text) else None
    worded = worded_split(text)
    if worded is not None and is_heading_text(worded[0]):
        return "worded"
    if _leader_split(text) is None:
        spaced = "  " in text and _SPACED_PAGE.match(text.strip())
        return "spaced" if spaced and is_heading_text(spaced.group(1)) else None
    return "dots"


def _leader_split(text: str) -> tuple[str, str] | None:
    """(title, page) of an entry whose page number follows a dot leader: 'Quorum ......
    4', 'RULES OF DEBATE.. 3' (a short leader, as a Word contents list copied to a web
    page gives it), 'Voting ……… 9', 'Minutes . . . . 12'; None otherwise. Read from the
    end in one pass: no pattern tries every start of a long line."""
    body = text.rstrip()
    body = body[:-1] if body[-1:] == "." and body[-2:-1].isdigit() else body
    page_start = len(body.rstrip("0123456789"))
    if not 1 <= len(body) - page_start <= 4:
        return None
    head = body[:page_start].rstrip()
    title = head.rstrip(".…· ")
    leader = head[len(title) :]
    if leader.count(".") + 2 * leader.count("…") < 2 or not title.strip():
        return None
    return title.strip(), body[page_start:]


_PAGE_THEN_TITLE = re.compile(r"\s(\d{1,3})\s+(?=[A-Z])")


def paged_parts(text: str) -> list[str]:
    """'SECTION 1 Purpose 3 Membership 4 Meetings 5': an index's row whose entries, each
    closed by its page number, run on in one line (the pages never going down), split
    after each page number; one part otherwise."""
    if not text[-1:].isdigit():
        return [text]
    parts, start, last = [], 0, 0
    for match in _PAGE_THEN_TITLE.finditer(text):
        page = int(match.group(1))
        words = text[start : match.start()].split()
        if page < last or len(words) < 2 or container_word(" ".join(words[-2:])):
            continue  # 'SECTION 1 Purpose': a number of the row's own
        parts.append(text[start : match.end(1)].strip())
        start, last = match.end(1), page
    tail = text[start:].rsplit(None, 1)
    if not parts or len(tail) < 2 or not tail[-1].isdigit() or int(tail[-1]) < last:
        return [text]
    return [*parts, text[start:].strip()]


def _with_wrapped_entries(entries: list[Line]) -> list[Line]:
    """'1. Calling Meetings (with Notice' over 'and the Public)...... 3': an entry too long
    for its line goes on in lower case, or closing its bracket, to its page number."""
    merged: list[Line] = []
    for line in entries:
        before = merged[-1] if merged else None
        text = line.text.strip()
        if (
            before is not None
            and page_form(before) is None
            and page_form(line) is not None
            and (text[:1].islower() or before.text.count("(") > before.text.count(")"))
        ):
            merged[-1] = Line(before.number, f"{before.text.rstrip()} {text}", before.indent)
        else:
            merged.append(line)
    return merged


# a row's number alone on its line: '1.', '12', '2.3', 'iv.' (a contents row split in two)
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[ivxl]{1,6})\.?$", re.I)


def _row_number(text: str) -> bool:
    return len(text) <= 16 and _ROW_NUMBER.match(text.strip()) is not None


def _with_number_lines(entries: list[Line]) -> list[Line]:
    """'1.' over 'Meetings of the council': a contents row whose number and title a copy
    put on two lines, joined back, when every other line or more is such a number (a run
    of titles with a lone number among them is left as it is)."""
    lone = sum(1 for line in entries if _row_number(line.text))
    if lone < 2 or lone * 2 < len(entries) - 1:
        return entries
    merged: list[Line] = []
    held: Line | None = None
    for line in entries:
        text = line.text.strip()
        if _row_number(text):
            if held is not None:
                merged.append(held)
            held = line
        elif held is not None:
            merged.append(Line(held.number, f"{held.text.strip()} {text}", held.indent))
            held = None
        else:
            merged.append(line)
    if held is not None:
        merged.append(held)
    return merged


def _with_page_cells(entries: list[Line]) -> list[Line]:
    """A contents list's entries, a page number wrapped onto its own line ('18 Notices of
    Motion ...' over '12') put back at the end of its entry."""
    if not any(len(line.text) <= 13 and page_cell(line.text) is not None for line in entries[1:]):
        return entries
    merged: list[Line] = []
    for line in entries:
        before = merged[-1] if merged else None
        if (
            before is not None
            and page_cell(line.text) is not None
            and split_pages(before.text) is None
            and page_form(before) is None
        ):
            merged[-1] = Line(before.number, f"{before.text.rstrip()} {line.text.strip()}", 0)
        else:
            merged.append(line)
    return merged


def page_cells_of(numbers: list[Dropped], first: int, last: int, kind: str) -> list[Dropped]:
    """An index one cell a line left out as a guess: the page numbers the lines pass took
    for page furniture inside it are its page column, reported as the list is."""
    at = bisect_right([d.line for d in numbers], first)
    cells = []
    while at < len(numbers) and numbers[at].line < last:
        cell = numbers[at]
        cell.kind, cell.reason, cell.level = kind, REASONS[kind], DROP_KINDS[kind]
        cells.append(cell)
        at += 1
    return cells


def page_cell_ahead(groups: list[list[Line]], position: int, lone: LonePages) -> bool:
    """A cheap first look for an index one cell a line: a page number alone in one of the
    next three paragraphs, or left out among them."""
    ahead = groups[position + 1 : position + 4]
    for group in ahead:  # a page cell is short: a longer line is not looked at
        if len(group) == 1 and len(group[0].text) <= 13 and page_cell(group[0].text) is not None:
            return True
    if not lone.lines:
        return False
    last = ahead[-1][0].number if ahead else groups[position][0].number + 4
    return lone.between(groups[position][0].number, last) is not None


def apart_at_labels(groups: list[list[Line]]) -> list[list[Line]]:
    """'Contents' printed with no blank line between it and the title lines above it (a
    PDF copied as text): the label and its entries are a chunk of their own, read as a
    contents list can be, never as more of the title's paragraph. Only a label word on
    its own ('Contents', 'Index', 'Table of contents') splits: a contents list's column
    heads ('Page') may stand among lines of any kind."""
    result: list[list[Line]] = []
    for group in groups:
        start = 0
        for offset in range(1, len(group) - 1):
            text = group[offset].text
            if text.lstrip("#*_ ")[:1].lower() in "cit" and _split_label(text):
                result.append(group[start:offset])
                start = offset
        result.append(group[start:] if start else group)
    return result


def _split_label(text: str) -> bool:
    plain = strip_emphasis_wrapper(text.strip().lstrip("#").strip())
    return len(plain) <= 40 and bool(_SPLIT_LABEL.match(plain))


_SPLIT_LABEL = re.compile(r"^(?:table\s+of\s+contents|contents|index)\s*:?$", re.I)
