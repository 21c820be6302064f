"""Pass 2, units: blank-line chunks split into tables, document-control tables and text
units, each unit with its list marker, printed number and numbering style; hard-wrapped
lines joined, a number alone on its line joined to its text, a number inside a wrapped
sentence left as text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model.document import Table
from ..numbering.styles import (
    CLAUSE_STYLES,
    clause_path,
    container_word,
    follows,
    in_sequence,
    opens_on_time,
    read_number,
)
from ..support.limits import most
from .control_rows import _doc_control_lines
from .in_sentence import _cited_at_line_start, _wrapped_number, heads_set_in_list
from .inline import strip_emphasis_wrapper
from .letter_lines import letter_line, valediction
from .lines import Line, _table_cells
from .metadata import column_roles, is_doc_control_label, is_doc_control_line
from .numbers_alone import goes_on_bare, title_line
from .padded_numbers import padded_item
from .shapes import (
    _continues_line,
    _ends_open,
    colon_title,
    ends_sentence,
    is_heading_text,
    is_numbered_title,
    question_title,
)
from .site_lines import file_link, page_furniture

_BULLET = re.compile(r"^[-*•·▪◦–➢►○■□✓♦]\s+")


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


_INTEGER_BARE = re.compile(r"^(\d{1,3})\s+(?=(?:\*\*?|__?)?[A-Z])")  # "1 **ABOUT**": Word bold
# R23: "1 To receive apologies", "3 Cofnodion / Minutes": an item of a run of bare numbers
RUN_ITEM = re.compile(r"^(\d{1,3}) (?=[A-Z])")


_BARE_LETTER = re.compile(r"^([a-z])\s+(?=[^\W\d_])")


# "a Items are taken ...", 'a<TAB>"Proper practices" …'
_BARE_LETTER_LINE = re.compile(r"^([a-z])(?:\t(?=[A-Za-z\"“‘(])| +(?=[A-Za-z\"“‘]))")
# R17: "A<TAB>One theft ...", "B   An attempt ...": a capital set off by a tab or two spaces
# (one space is prose: "A vehicle was ..."); kept only in a run A, B, C (flow.py)
_BARE_CAPITAL_LINE = re.compile(r"^([A-Z])(?:\t| {2,})(?=[A-Za-z\"“‘(])")
_BARE_ROMAN_LINE = re.compile(
    r"^((?=[ivx]{2,5}(?:\t| ))x{0,3}(?:ix|iv|v?i{0,3}))(?:\t| +)(?=[A-Za-z])"
)


_NOTE_START = re.compile(r"^\[\^\w{1,20}\]:")
_NUMBER_ONLY = re.compile(r"^\(?[\dA-Za-z]{1,6}(?:[.:]\d{1,3}[A-Z]?)*[.)]?$")


@dataclass
class Unit:
    """One block of text as the source lays it out, before structure is known."""

    line: int
    indent: int
    text: str
    bullet: bool = False
    number: str | None = None  # as printed, without surrounding whitespace
    styles: tuple[str, ...] = ()  # decimal | integer | letter | roman | bare-letter
    md_level: int | None = None  # for '#' headings
    alone: bool = False  # the only line of its chunk
    leads: bool = False  # the first of its chunk, numbered units or bullets after it
    title_candidate: bool = False  # an unnumbered line of the first chunk
    # a line of a list that looks like contents but is not (its entries do not come back
    # as headings): shown as printed, a paragraph, opening no section or container
    listed: bool = False
    parted: bool = False  # one of the two parts of a line printed as one (title, adoption)
    # a line of a text printed one paragraph a line (a web page copied as text): never
    # the rest of the paragraph before it, however that one ends
    set_apart: bool = False
    joined_lines: list[int] = field(default_factory=list)
    # a number alone in its chunk, its words the one line of the next chunk ('15.' then
    # 'Apologies for Absence': an agenda or minutes page, a report's '1.0' over its title)
    titled_apart: bool = False
    # a numbered heading line and one more heading line, its chunk's only two ('1. Apologies'
    # over the same title in a second language, or a long title wrapped once)
    heading_pair: bool = False
    cut: bool = False  # the paragraph above ran past `paragraph_lines`: this goes on from it
    reference: str | None = None  # a minute reference printed before its number (minute_refs)
    closes_run: bool = False  # after a run of titles only: a note, no item's text (R16)
    opens_chunk: bool = False  # the first unit after a blank line (or the text's first)
    furniture: bool = False  # a site's menu or a running head over the title (top_furniture)
    plain: bool = False  # a paragraph as printed, never a heading (R24: a programme's times)
    dashed: str | None = None  # the line as printed, its number a dash form ('37 – ...', R29)
    first: str = ""  # its first line as printed (R29: the kind of line an item is)
    counter_run: int = 0  # R40: the first line of the lost-counter run it is an item of
    run_in: bool = False  # its lettered items ran on after its words (R45): never a heading
    lettered_section: bool = False  # R41: a capital of a run whose letters head '1.' lists

    def __post_init__(self) -> None:
        if not self.first:
            self.first = self.text


CUT_PARAGRAPH = (
    f"a paragraph runs on over more than {most('paragraph_lines'):,} lines without a blank "
    "line: it goes on from this line as a new paragraph of the same clause (every word kept)"
)

_DASHES = frozenset({" –", " —", " -"})  # '1 – MEETINGS': integer-bare's dash form
_LINK_ENTRY = re.compile(r"^\d{1,3}[A-Z]?\s+[-–—]\s+\S")


def split_number(text: str, bullet: bool) -> tuple[str | None, tuple[str, ...], str]:
    """Find a printed clause number at the start of a unit's text (see numbering/styles.py).
    A bulleted '1 - Introduction' is an entry of a list of links (a web page's list of
    the rules on other pages), not clause 1."""
    if bullet and _LINK_ENTRY.match(text):
        return None, (), text
    found = read_number(text)
    if found is not None:
        return found.number, found.styles, found.rest
    marked = _MARKED.match(text) if text[1:4].find(")") > 0 else None
    if marked:  # 'b*) WHEN ...': a symbol marks the standing order (a mandatory one)
        found = read_number(f"{marked.group(1)}) {text[marked.end() :]}")
        if found is not None and found.number == f"{marked.group(1)})" and found.rest:
            return found.number, found.styles, f"{marked.group(2)} {found.rest}"
    match = (_BARE_LETTER if bullet else _BARE_LETTER_LINE).match(text)
    if match is None and not bullet and text[1:2] in "\t ":
        match = _BARE_CAPITAL_LINE.match(text)
    if match:
        roman = not bullet and match.group(1) in "ivx"
        styles = ("bare-letter", "bare-roman") if roman else ("bare-letter",)
        return match.group(1), styles, text[match.end() :]
    match = None if bullet else _BARE_ROMAN_LINE.match(text)
    if match:  # "ii to make a point of order;": kept only in a run i, ii, iii (flow.py)
        return match.group(1), ("bare-roman",), text[match.end() :]
    return None, (), text


_MARKED = re.compile(r"^([a-z]{1,2}|\d{1,3}|[ivx]{1,6})([*>+†])\)\s+(?=\S)")


def _number_only(text: str) -> bool:
    """A line that is a clause number and nothing else ("1.1", "2", "(a)"): PDF copy-paste."""
    stripped = text.strip()
    if len(stripped) > 12 or not _NUMBER_ONLY.match(stripped):
        return False
    return stripped.isdigit() or split_number(f"{stripped} X", False)[2] == "X"


def _heading_goes_on(previous: Unit, text: str, following: list[Line]) -> bool:
    """'1' / 'Annual' / 'Meeting' / '1.1': a PDF breaks a section heading under a number
    alone over short lines; a short heading-shaped line right before the next numbered
    line is more of that heading, not a heading of its own."""
    head, _, rest = previous.text.partition(" ")
    if not previous.joined_lines or not head.rstrip(".").replace(".", "").isdigit():
        return False
    if not _number_only(head) or not is_heading_text(rest) or not is_heading_text(text):
        return False
    if _number_only(text):
        return False  # '3.' / 'PLANNING' / '3.1' alone: a number of its own (R14, R31)
    if len(f"{rest} {text}".split()) > 8 or not following:
        return False
    after = following[0].text.strip()
    return _number_only(after) or split_number(after, False)[0] is not None


_STATUTORY_OFFICER = re.compile(r"^[A-Za-z]+\s+\d+[A-Z]?\s+(?:[A-Z][a-z]+\s+){0,3}Officers?\b")


_TABS = re.compile(r"[ \t]*\t[ \t]*")


def _numbered_tab_line(line: Line) -> bool:
    """'1.1<TAB>You must' and '2.<TAB>Registering Interests' (Word's plain-text export) are
    text whose number a tab sets off, not a one-row table."""
    cells = [cell for cell in _table_cells(line) if cell]
    if len(cells) > 2 or not cells:
        return False
    first = cells[0]
    if len(first) == 1 and (first in _TAB_BULLETS or not first.isalnum() or first == "o"):
        return True  # Word's bullets: "•<TAB>text", "o<TAB>text", a symbol-font glyph
    if len(first) == 1 and "A" <= first <= "Z" and len(cells) == 2:
        return True  # "B<TAB>An attempt ...": a bare capital, a list letter in a run (R17)
    if len(cells) == 2 and cells[1][:1] in _VALUE_STARTS:
        return False  # "2<TAB>£35", "2023<TAB>12,000": a table's row of values (R28), no minute
    return _number_only(first) or _container_heading(first) is not None


# List marks Word writes before a tab in a plain-text export, besides any other
# one-character symbol (private-use glyphs of the Symbol and Wingdings fonts included).
_VALUE_STARTS = frozenset("0123456789£$€¥%")
_TAB_BULLETS = frozenset("•·▪◦–-*➢►○■□✓♦§Øü")


def _container_heading(text: str):
    """'Part 4 – Rules of Procedure', 'SECTION 2:', 'Article 12': a heading in words, when
    nothing after the number reads as a sentence."""
    found = container_word(strip_emphasis_wrapper(text) if text[:1] in "*_<" else text)
    if found is None or (found.rest and not is_heading_text(found.rest)):
        return None
    if _STATUTORY_OFFICER.match(text):
        return None  # "Section 151 Officer" is an officer, not section 151
    return found


_CELL_GAP = re.compile(r" {2,}")


def _space_aligned_history(chunk: list[Line]) -> list[Line]:
    """'Version   Date   Changes' over '1.0   12/05/2023   First issue' (a version table
    copied from a PDF): its rows are table rows, as if tabs parted the cells, not clauses
    numbered 1.0 and 2.0."""
    result = list(chunk)
    for position, line in enumerate(chunk):
        if "  " not in line.text:
            continue
        header = _CELL_GAP.split(line.text.strip())
        roles = column_roles(header) if len(header) >= 3 else {}
        if "version" not in roles or not ({"adopted", "next_review"} & set(roles)):
            continue
        end = position + 1
        while end < len(chunk) and len(_CELL_GAP.split(chunk[end].text.strip())) >= 2:
            end += 1
        for index in range(position, end):
            row = chunk[index]
            cells = _CELL_GAP.split(row.text.strip())
            result[index] = Line(row.number, "\t".join(cells), row.indent)
        break
    return result


def _space_aligned_numbers(chunk: list[Line]) -> list[Line]:
    """'Planning Committee      4' over 'Finance Committee       3' (a number table laid
    out with spaces): rows of a table, as if tabs parted the cells, when every line has
    the same cells and a column holds nothing but numbers. A line with a clause number
    or a bullet, or of one cell, is text."""
    if len(chunk) < 2 or len(chunk) > 200 or any("  " not in line.text.strip() for line in chunk):
        return chunk
    rows = [_CELL_GAP.split(line.text.strip()) for line in chunk]
    width = len(rows[0])
    if width < 2 or any(len(row) != width or len(" ".join(row)) > 120 for row in rows):
        return chunk
    if any(read_number(line.text.strip()) or _BULLET.match(line.text.strip()) for line in chunk):
        return chunk
    body = rows[1:] if not any(cell.isdigit() for cell in rows[0]) else rows
    numeric = any(all(row[col].isdigit() for row in body) for col in range(1, width))
    if not numeric or not body:
        return chunk
    return [
        Line(line.number, "\t".join(row), line.indent)
        for line, row in zip(chunk, rows, strict=True)
    ]


def _worded_citation(previous: Unit, text: str, last: str | None) -> bool:
    """'Rule 12.1 A motion ...' numbers a clause only where rule 12's numbering goes on:
    after its heading or the clause before it; elsewhere it opens a sentence citing it."""
    found = read_number(text)
    if found is None or found.styles[0] != "worded-decimal":
        return False
    if last is not None:
        return not in_sequence(last, found.number)
    heading = _container_heading(previous.text)
    path = clause_path(found.number)
    return heading is None or not path or path[0] != heading.number


def _apart_in_first_chunk(units: list[Unit], text: str) -> bool:
    """In the document's first chunk a line after a heading-like line stands apart, as
    does one under a first "Terms of Reference:". A chunk that holds the whole text (a
    PDF copy with no blank lines) reads on by the other rules from its first numbered
    line: '2 Voting' after '1.2 ... meeting.' is the next section, never its words."""
    previous_text = units[-1].text
    if units[-1].number:
        return False
    if is_heading_text(previous_text) and not _continues_line(previous_text, text):
        return True
    return len(units) == 1 and (colon_title(previous_text) or question_title(previous_text))


def _item_link(text: str) -> bool:
    """'8 Grass Cutting Contract PDF 96 KB': a committee system's item, its number over its
    title as a link to the report's file; never the rest of the sentence above."""
    return bool(_INTEGER_BARE.match(text)) and file_link(text)


def _next_bare_number(text: str, previous: str | None) -> bool:
    match = _INTEGER_BARE.match(text)
    path = clause_path(previous)
    return bool(match and path and follows("integer", path[0], match.group(1)))


def _starts_bare_run(text: str, last: str | None) -> bool:
    """A line that begins (at 1) or goes on with a run of bare-numbered items (R23)."""
    item = RUN_ITEM.match(text)
    return item is not None and (int(item.group(1)) == 1 or _next_bare_number(text, last))


def _short_heading_line(
    previous: Unit, text: str, below: list[Line], width: int, taken: bool = False
) -> bool:
    """A heading line of its own ("2. Indemnities", "Appendix A – The Principles") does
    not take the next line into it: it is far shorter than a hard-wrapped line, it is a
    heading in words, or the numbered lines below it number under it (2.1 under 2.), or
    it is a numbered title ended short of the wrap, the next line's first word fitting
    on it ("2. Area of the Community Council" over "The area ...": lead ruling R8)."""
    if (previous.joined_lines and not taken) or previous.md_level or len(previous.text) > 100:
        return False  # `taken`: a number alone and the title line it owns (R14)
    container = _container_heading(previous.text)
    if container is not None:
        # "PART I" over "NAME AND AREA": the next line is its title
        return bool(container.rest) and not _continues_line(container.rest, text)
    number = read_number(previous.text)
    title = number.rest if number else previous.text
    if number and not set(number.styles) & {"integer", "integer-bare"}:
        return False
    if not (is_heading_text(title) or (number and is_numbered_title(title))):
        return False  # "3. Who is covered by this policy?" is a title too (R8)
    if _continues_line(title, text) or _ends_open(title):
        return False
    if len(previous.text) < 32 or (title.isupper() and not text.isupper()):
        return True  # "16 RESPONSIBLE FINANCIAL OFFICER" never runs on into a sentence
    if number is not None and width >= 60 and is_numbered_title(title):
        first = text[:40].split(None, 1)[0] if text.strip() else ""
        if len(previous.text) + 1 + len(first) < width * 0.8:
            return True  # broken on purpose, never wrapped
    return number is not None and _numbers_under(number, below)


LOOK_BELOW = 12  # lines below a line that decide what it is


def _numbers_under(number, below: list[Line]) -> bool:
    """Whether the next numbered line below numbers under `number` (2.1 under '2.')."""
    own = clause_path(number.number)
    for line in below[:LOOK_BELOW]:
        found = read_number(line.text)
        if found and set(found.styles) & CLAUSE_STYLES:
            path = clause_path(found.number)
            return bool(own and path and len(path) > len(own) and path[: len(own)] == own)
    return False


@dataclass
class ChunkResult:
    units: list[Unit] = field(default_factory=list)
    tables: list[tuple[int, Table]] = field(default_factory=list)  # (position, table)


def read_list(chunk: list[Line]) -> list[Unit]:
    """A labelled list whose entries do not come back as headings ('Index' over names
    that are not this document's sections): each line a paragraph, as printed."""
    return [Unit(line.number, line.indent, line.text, listed=True) for line in chunk]


_BARE_CAPITALS = re.compile(r"^\d{1,3}\s+([A-Z][A-Z0-9 ,'’&/()-]{2,150})$")


_BARE_TAB_NUMBER = re.compile(r"^(?:\d{1,3}|[A-Z])\t(?=[A-Z])")  # "16<TAB>", "B<TAB>" (R17)


def _hanging_text_line(line: Line, units: list[Unit]) -> bool:
    """' <TAB>The Responsible Financial Officer shall …' under '16<TAB>RESPONSIBLE …': a
    PDF's hanging indent, the text of the numbered line above, not a one-column row."""
    cells = _table_cells(line)
    return (
        len(cells) == 2
        and not cells[0]
        and bool(cells[1])
        and bool(units)
        and units[-1].line == line.number - 1
        and read_number(units[-1].text) is not None
    )


_EMPHASISED_NUMBER = re.compile(r"^(\*\*|__)([^*_\s]{1,12}?)\1(?=[\s(—–-])")


def _plain_number(text: str) -> str | None:
    """'**13.** Members …', '**12.-**(1) Subject …': a clause number printed in bold, read
    as the number it is (the bold on a number is no word of the text); None otherwise."""
    match = _EMPHASISED_NUMBER.match(text)
    if match is None:
        return None
    inner, rest = match.group(2), text[match.end() :]
    if inner.isdigit() and len(inner) <= 3 and rest[:1] == " ":
        return f"{inner}  {rest.lstrip()}"  # "**6** This code …": the bold sets it apart
    found = read_number(f"{inner} X")
    if found is None or found.number.rstrip(" .-–—") != inner.rstrip(" .-–—"):
        return None
    return inner + rest


def _lone_tab_line(chunk: list[Line], position: int) -> bool:
    """A line with a tab inside it ('1.2 Notice is given\tin writing.') that no line
    with a tab follows: text, not a table. A table has its columns over several rows."""
    following = chunk[position + 1] if position + 1 < len(chunk) else None
    return following is None or "\t" not in following.text


def _wrap_width(chunk: list[Line]) -> int:
    """The widest line of a chunk (its wrap, if wrapped); over _WRAPPED_MOST only when two
    lines or more are (one long line, an address, makes no text unwrapped)."""
    if len(chunk) < 2:
        return 0  # one line: nothing to run on
    lengths = [len(line.text) for line in chunk]
    widest = max(lengths)
    if widest <= _WRAPPED_MOST:
        return widest
    return widest if sum(length > _WRAPPED_MOST for length in lengths) > 1 else _WRAPPED_MOST


def _line_set_apart(previous: str, text: str, width: int) -> bool:
    """A line broken on purpose, not wrapped: the next line starts a paragraph of its own.
    In a text whose lines run longer than any wrap (a web page copied one paragraph a
    line) every line not starting in lower case does; in a wrapped text, the line after a
    sentence that ended on a short line, the next line's first word fitting on it."""
    if not text[:1] or text[:1].islower():
        return False
    if width > _WRAPPED_MOST:
        return True  # lines this long (two or more) were never wrapped: each a paragraph
    previous = previous.rstrip()
    if previous[-1:] not in (".", "!", "?", ":", ";") or not text[:1].isupper():
        return False
    first = text.split(None, 1)[0]
    return width >= 60 and len(previous) + 1 + len(first) < width * 0.8


def _after_lead_in(units: list[Unit]) -> bool:
    """Whether the last unit is the first line under a lead-in ('… in accordance
    with:' then 'Approved Budgets'): an entry of its list, never a heading."""
    return len(units) >= 2 and units[-2].text.rstrip().endswith(":")


_WRAPPED_MOST = 160  # characters of the longest line of hard-wrapped text
_LETTER_LOOK = 6  # units at the top of a text a letter's or the site's lines may be (R34)


def _capitals_after_sentence(previous: str, text: str) -> bool:
    """'1 RULES OF DEBATE' after a line that ends a sentence: a numbered heading in
    capitals, never the rest of that sentence."""
    return previous.rstrip()[-1:] in (".", "!", "?", ":") and bool(_BARE_CAPITALS.match(text))


def read_chunk(chunk: list[Line], first: bool = False, over_text: bool = False) -> ChunkResult:
    """One blank-line chunk as units and tables. In the document's `first` chunk a
    heading-like line stands on its own: a title is often printed over two lines, or
    over a sentence naming the council. `over_text`: no text read yet, only title lines."""
    result = ChunkResult()
    pending_rows: list[Line] = []

    def flush_rows():
        if not pending_rows:
            return
        if len(pending_rows) == 1 and len([c for c in _table_cells(pending_rows[0]) if c]) < 2:
            line = pending_rows[0]
            result.units.append(Unit(line.number, line.indent, line.text.replace("\t", " ")))
        else:
            table = make_table(pending_rows)
            previous = result.units[-1] if result.units else None
            if (
                table.caption is None
                and not first
                and previous is not None
                and previous.line == pending_rows[0].number - 1
                and is_heading_text(previous.text)
                # a numbered line ("2. Committees", an agenda's "7<TAB>Budget") is a
                # heading or clause of its own, never a caption: taken as one, its
                # section or item was lost unsaid
                and split_number(previous.text.strip(), previous.bullet)[0] is None
            ):
                result.units.pop()
                table.caption = strip_emphasis_wrapper(previous.text)
            result.tables.append((len(result.units), table))
        pending_rows.clear()

    chunk = _space_aligned_numbers(_space_aligned_history(chunk))

    def below(position: int) -> list[Line]:
        """The lines under line `position` that a test may look at (never the whole
        rest: a chunk of 20,000 lines would be copied 20,000 times)."""
        return chunk[position + 1 : position + 1 + LOOK_BELOW]

    control = _doc_control_lines(chunk, first, over_text)
    width = _wrap_width(chunk)
    last_unit: Unit | None = None  # the unit last read, and whether it is a number alone
    last_only = False
    titled: Unit | None = None  # a number alone that took its title line (R14)
    wordless: set[int] = set()  # id() of numbers alone that own no words (R14): kept
    stacked: set[int] = set()  # id() of numbers alone right under or over another
    last: str | None = None  # the last clause number read in this chunk
    for position, line in enumerate(chunk):
        if line.number in control:
            if last_only and last_unit is not None:
                wordless.add(id(last_unit))  # '1.' over 'Version: 2': the row is no item's
            pending_rows.append(Line(line.number, control[line.number], line.indent))
            continue
        hanging = False
        if "\t" in line.text:
            numbered = _numbered_tab_line(line)
            hanging = not numbered and _hanging_text_line(line, result.units)
            # a row of a table the reader read as one is a row even alone (its numbered
            # rows stay clauses, as a table laying out numbered clauses is read)
            lone = not line.table and _lone_tab_line(chunk, position)
            if pending_rows or not (numbered or lone or hanging):
                pending_rows.append(line)
                continue
            text = line.text.strip(" \t") if not numbered else line.text
            if numbered and _BARE_TAB_NUMBER.match(text):  # "16<TAB>RESPONSIBLE …": keep its tab
                head, rest = text.split("\t", 1)
                text = f"{head}\t{_TABS.sub(' ', rest)}"
            else:
                text = _TABS.sub(" ", text)
            line = replace(line, text=text, table=False)
        flush_rows()
        if line.text[:1] in "*_" and (bare := _plain_number(line.text)) is not None:
            line = replace(line, text=bare)  # "**13.** Members …": 13. Members …
        heading = _MD_HEADING.match(line.text)
        bullet = _BULLET.match(line.text)
        body = line.text
        unit = Unit(line.number, line.indent, body)
        if heading:
            unit.md_level = len(heading.group(1))
            unit.text = heading.group(2)
        elif bullet:
            unit.bullet = True
            unit.text = body[bullet.end() :]
        number_only = _number_only(unit.text)
        starts_unit = (
            heading or bullet or split_number(unit.text, unit.bullet)[0] or number_only
        ) or (
            _container_heading(unit.text)  # "... described in\nAppendix B." is no heading
            and not (result.units and _ends_open(result.units[-1].text))
        )
        if unit.text.startswith("[^") and _NOTE_START.match(unit.text):
            starts_unit = True  # "[^12]: These interests ...": each note on its own
        joined: bool | None = False  # None: the line is the rest of the one above
        after_table = bool(result.tables) and result.tables[-1][0] == len(result.units)
        tail = result.units[-1] if result.units else None
        if tail is None or tail is last_unit:  # known already: no second look at its text
            after_number = tail is not None and last_only
        else:
            after_number = _number_only(tail.text)
        if after_number and tail is not None and number_only:
            stacked.update((id(tail), id(unit)))
        if (
            after_number
            and tail is not None
            and _owns_nothing(unit.text, id(tail) in stacked, tail.text)
        ):
            wordless.add(id(tail))  # '2.' over '2.1' or 'Part 2': a number with no words (R14)
            if not starts_unit and goes_on_bare(unit.text, tail.text):
                starts_unit = True  # '2.' over '3 To receive ...': an item of its own (R23)
        elif after_number and not heading and not number_only:
            starts_unit = joined = None  # "1.1" alone on its line: its text is the next line
        elif result.units and _item_link(unit.text):
            starts_unit = True  # "8 Grass Cutting PDF 96 KB": a committee page's next item
        elif result.units and starts_unit and _cited_at_line_start(result.units, unit.text):
            starts_unit = joined = None  # "Subject to\n(b) below": a number inside a sentence
        elif result.units and _heading_goes_on(result.units[-1], unit.text, below(position)):
            starts_unit = joined = None  # "1" / "Annual" / "Meeting": one heading broken over lines
        elif first and result.units and _apart_in_first_chunk(result.units, unit.text):
            starts_unit = True  # a heading-like line, or "Terms of Reference:" first
        elif (
            result.units
            and _short_heading_line(
                result.units[-1], unit.text, below(position), width, titled is result.units[-1]
            )
            and not _after_lead_in(result.units)
        ):
            starts_unit = True  # "2. Indemnities" over its first sentence
            result.units[-1].leads = True
        elif result.units and starts_unit and _worded_citation(result.units[-1], unit.text, last):
            starts_unit = joined = (
                None  # "Rule 4.2 applies to ..." after 1.1: a citation, no clause
            )
        elif (
            result.units
            and starts_unit
            and _wrapped_number(result.units, unit.text, last)
            and not heads_set_in_list(line, chunk[position - 1], below(position))  # R40
        ):
            starts_unit = joined = (
                None  # "... at least\n1.5 metres from": a number inside a sentence
            )
        elif (
            result.units
            and not starts_unit
            and (padded_item(unit.text) or opens_on_time(unit.text))
        ):
            starts_unit = True  # '01 Election of Chair' under a table's header row, '14:30' (R42)
        elif result.units and not starts_unit and _next_bare_number(unit.text, last):
            starts_unit = True  # "2 Members must ..." after clause 1 and its 1(a), 1(b)
        elif (
            result.units
            and not starts_unit
            and ends_sentence(result.units[-1].text)
            and is_doc_control_line(unit.text)
        ):
            starts_unit = True  # "... in writing." then "Last updated 3 May 2024": its own

        if (
            result.units
            and not starts_unit
            and joined is not None
            and _line_set_apart(chunk[position - 1].text, unit.text, width)
        ):
            starts_unit = unit.set_apart = True  # "… and village." then "Committee …"
        if line.apart:  # a block the reader set apart: a paragraph of its own
            starts_unit = unit.set_apart = True
        if (
            first
            and not starts_unit
            and 0 < len(result.units) <= _LETTER_LOOK
            and last is None
            and (
                letter_line(chunk[position - 1].text)
                or page_furniture(chunk[position - 1].text)
                or valediction(unit.text)
            )
        ):
            starts_unit = unit.set_apart = True  # 'Dear Councillor' / 'Agenda' (R34, R37)
        if (
            result.units
            and not starts_unit
            and _capitals_after_sentence(result.units[-1].text, unit.text)
        ):
            starts_unit = True  # "... adopted on 15 August 2022." then "1 RULES OF DEBATE"
        if hanging and result.units and result.units[-1].text.upper() == result.units[-1].text:
            starts_unit = True  # "16<TAB>RESPONSIBLE …" then " <TAB>The Responsible …"
        if (
            result.units
            and not starts_unit
            and len(result.units[-1].joined_lines) >= most("paragraph_lines")
        ):
            starts_unit = unit.cut = True  # a run past the limit goes on as a new paragraph
        if result.units and not starts_unit and not result.units[-1].md_level and not after_table:
            previous = result.units[-1]
            previous.text = f"{previous.text} {line.text.strip()}"
            previous.joined_lines.append(line.number)
            if after_number:  # '1.' alone took 'APOLOGIES': its text starts on the next line
                titled = previous if title_line(line.text, _text_at(chunk, position + 1)) else None
            last_unit, last_only = previous, False  # a number and text: no number alone
            continue
        result.units.append(unit)
        last_unit, last_only = unit, number_only
        found = read_number(unit.text) if unit.md_level is None else None
        if found and set(found.styles) & CLAUSE_STYLES:
            last = found.number
        elif (
            unit.text[:1].isdigit()
            and not (found or unit.md_level or unit.bullet)
            and _starts_bare_run(unit.text, last)
        ):
            last = unit.text.split(" ", 1)[0]  # R23: "1 To receive ..." / "2 To ...", a line each
    flush_rows()
    for unit in result.units:
        if unit.md_level is None and not _container_heading(unit.text):
            number, styles, rest = split_number(unit.text, unit.bullet)
            if number is None and id(unit) in wordless:  # '2.' over '2.1': kept, empty (R14)
                number, styles, rest = _bare_number(unit.text)
            if number is not None:
                if (
                    styles == ("integer-bare",)
                    and unit.text[len(number) : len(number) + 2] in _DASHES
                ):
                    unit.dashed = unit.text  # '37 – Supplementary ...': R23's run decides
                unit.number, unit.styles, unit.text = number, styles, rest
    if width > _WRAPPED_MOST:  # one paragraph a line: no line runs on into the one above
        for later in result.units[1:]:
            later.set_apart = True
    if result.units:
        result.units[0].opens_chunk = True
    if len(chunk) == 1 and len(result.units) == 1:
        result.units[0].alone = True
    elif len(chunk) == 2 and len(result.units) == 1 and result.units[0].number:
        result.units[0].heading_pair = _heading_pair(chunk[0].text, chunk[1].text)
    if len(result.units) > 1 and (result.units[1].number or result.units[1].bullet):
        result.units[0].leads = not result.tables or result.tables[0][0] > 1
    return result


def _owns_nothing(text: str, stacked: bool, alone: str = "") -> bool:
    """The line after a number alone (`alone`) is not its words (R14): a number of its own
    ('2.1', '4.2 The minutes ...', or alone; a bare '3 To receive ...' or '7a To note ...'
    going on from it), or a container heading under a stack of numbers ('1.1' / '2.' /
    'Part 2 - Articles') or under a number that is not the container's own ('6.' over
    'Part B - Exempt Business'; one number alone over 'Part 1: Introduction' is a list of
    links, the Part its words)."""
    if _number_only(text) or read_number(text) is not None or goes_on_bare(text, alone):
        return True
    container = _container_heading(text) if text[:1].isalpha() else None
    if container is None:
        return False
    return stacked or container.number.lower() != alone.strip().rstrip(".)").lower()


def _text_at(chunk: list[Line], position: int) -> str | None:
    return chunk[position].text if position < len(chunk) else None


def _bare_number(text: str) -> tuple[str | None, tuple[str, ...], str]:
    """A number alone that owns no words ('2.' over '2.1'), read as a number."""
    number, styles, _rest = split_number(f"{text.strip()} X", False)
    return (number, styles, "") if number is not None else (None, (), text)


def _heading_pair(first: str, second: str) -> bool:
    """'1. Declarations of Interest' over 'Datganiadau o Fuddiant': two lines that each
    read as a heading (neither a sentence nor cut short), the first numbered."""
    rest = split_number(first.strip(), False)[2]
    return all(
        is_heading_text(text) and not _ends_open(text) and len(text.split()) <= 10
        for text in (rest.strip(), second.strip())
    )


def make_table(rows: list[Line]) -> Table:
    cells = [_table_cells(row) for row in rows]
    caption = None
    untitled = rows[0].untitled  # a definitions list: neither a title row nor a header row
    shown = not rows[0].plain_first  # a web table of <td>s: its first row shown as a row
    if len([c for c in cells[0] if c]) == 1 and len(cells) > 1 and not untitled:
        caption = strip_emphasis_wrapper(next(c for c in cells[0] if c))
        cells = cells[1:]
        rows = rows[1:]
    width = max(len(row) for row in cells)
    while width > 1 and all(len(row) < width or not row[width - 1] for row in cells):
        width -= 1
    padded = [(row + [""] * width)[:width] for row in cells]
    key_value = all(row[0].endswith(":") for row in padded) or (
        width == 2 and sum(is_doc_control_label(row[0]) for row in padded) * 2 > len(padded)
    )
    values = all(cell[:1] in _VALUE_STARTS for cell in padded[0])  # "1 | £20": no header
    if key_value or len(padded) == 1 or untitled or values:  # a table's only row is no header
        header = ["", ""] if width == 2 else [""] * width
        body = padded
    else:
        header, body = padded[0], padded[1:]
    kind = "version-control" if key_value else "table"
    line = rows[0].number
    return Table(header, body, line, caption=caption, kind=kind, header_shown=shown)


_BARE_LOWER = re.compile(r"^(\d{1,3})\s+(?=[a-z])")


def next_lower_heading(unit: Unit, last: str | None) -> bool:
    """'10 contracts' alone after '9. income': a heading printed without its number's
    full stop, in lower case, numbered next after the last integer printed."""
    match = _BARE_LOWER.match(unit.text) if unit.alone and last else None
    rest = unit.text[match.end() :] if match else ""
    return (
        match is not None
        and len(rest.split()) <= 10
        and is_heading_text(rest.capitalize())
        and follows("integer", (last or "").rstrip(".)"), match.group(1))
    )


# '1Meetings', '1GENERAL' (capitals: lead ruling R8), never an ordinal ('1ST', '2ND')
_GLUED_BARE = re.compile(r"^(\d{1,3})(?=[A-Z][a-z]|(?!(?:ST|ND|RD|TH)\b)[A-Z]{2})")
_GLUED_WORDS = 8  # words of the longest heading glued to its number


def glued_heading(unit: Unit, last_number: str | None) -> bool:
    """'1Meetings', '1GENERAL' alone on its line (a number glued to its heading by a copy
    that lost the space): heading 1 when it is the number that comes next (1 first, else
    the one after the last whole number printed) and the rest reads as a short heading;
    never '3Rivers Trust' inside a sentence, nor a number out of turn."""
    found = _GLUED_BARE.match(unit.text)
    if found is None or not unit.alone:
        return False
    rest = unit.text[found.end() :]
    if len(rest.split()) > _GLUED_WORDS or not is_heading_text(rest):
        return False
    before = (last_number or "0").rstrip(".)").lstrip("(")
    return before.isdigit() and int(found.group(1)) == int(before) + 1
