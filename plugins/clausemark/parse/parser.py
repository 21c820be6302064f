"""One parser for every council's layout: source text in, `Document` out.

It works in three passes, each a set of general rules rather than knowledge of any
one council's file:

1. lines: presentational HTML to Markdown; page-break marks, page numbers and running
   page headers and footers dropped;
2. units: blank-line chunks split into tables, contents lists, document-control tables
   and text units, each unit with its list marker, printed number and numbering style
   (read by the style table in numbering/styles.py); hard-wrapped lines joined, a number
   alone on its line joined to its text, a number inside a wrapped sentence left as text;
3. structure: headings (numbered, or in words: Part, Article, Rule, Schedule ...) open
   containers or cross-headings, numbers open clauses under their printed prefix,
   markers open sub-clauses and items, a quoted provision stays in its quoting clause,
   and a paragraph that a page break cut in two is joined back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model.document import (
    Clause,
    Document,
    Dropped,
    Footnote,
    Heading,
    Issue,
    Note,
    Section,
    Table,
)
from ..numbering import check_numbering
from ..numbering.anchors import assign_anchors
from ..numbering.styles import (
    CLAUSE_STYLES,
    clause_path,
    clean_number,
    container_word,
    element_for_heading,
    follows,
    in_sequence,
    rank_of,
    read_number,
    strip_container_word,
    token_of,
)
from ..readers.text import SourceText
from ..support.escaping import refused_link
from ..support.markdown_text import SUPERSCRIPT_DIGITS, superscript_to_digits
from .inline import (
    convert_inline,
    convert_superscript_markers,
    strip_emphasis_wrapper,
)
from .metadata import (
    column_roles,
    council_name,
    extract_metadata,
    is_doc_control_label,
    is_doc_control_text,
)

# --- pass 1: lines ----------------------------------------------------------------

_PAGE_BREAK = re.compile(r"^\s*(?:[-–—_*=]|-{2,}|_{3,}|\*{3,}|={3,}|\f)\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s+|page\s*\|\s*)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*[-–—])?"
    r"(?:\s*\|\s*p\s?a\s?g\s?e)?\s*$",
    re.I,
)  # "12", "Page 3 of 9", "- 2 -", "Page | 2", Word's "3 | P a g e"


@dataclass
class Line:
    number: int
    text: str
    indent: int


def read_lines(
    source: SourceText, dropped: list[Dropped], issues: list[Issue] | None = None
) -> list[Line | None]:
    """Lines with HTML cleaned; None marks a blank line or a dropped page artefact.

    A link whose target is not http, https, mailto or relative is kept as its text and
    reported in `issues` with its line."""
    issues = [] if issues is None else issues
    result: list[Line | None] = []
    raws = source.text.split("\n")
    running = _running_lines(raws)
    for offset, raw in enumerate(raws):
        number = source.first_line + offset
        raw = _CONTROL.sub(" ", raw).rstrip()
        if not raw.strip():
            result.append(None)
            continue
        if offset in running:  # left out without a break: the text around it joins up
            dropped.append(Dropped(number, raw.strip(), "running page header or footer"))
            continue
        if _PAGE_BREAK.match(raw):
            dropped.append(Dropped(number, raw.strip(), "page-break mark"))
            result.append(None)
            continue
        if _PAGE_NUMBER.match(raw) and not _heads_numbered_lines(
            raw, raws[offset + 1 : offset + 5]
        ):
            dropped.append(Dropped(number, raw.strip(), "page number"))
            result.append(None)
            continue
        expanded = raw.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        converted, refused = convert_inline(raw.strip(" \t"))
        for target in refused:
            message = f"link {refused_link(target)}; shown as plain text"
            issues.append(Issue(number, message, "link"))
        result.append(Line(number, convert_superscript_markers(converted), indent))
    return result


_DIGITS = re.compile(r"\d+")
_PAGE_MARK = re.compile(r"\bpage\s*#|# of #|[|–—-]\s*#$", re.I)


def _running_lines(raws: list[str]) -> set[int]:
    """Offsets of running page headers and footers: a line printed on every page with its
    page number ("Ashvale Standing Orders Page 2"), or the title or a heading-shaped line
    printed again and again. A clause, however often its words repeat, is never one."""
    found: set[int] = set()
    first = next((index for index, raw in enumerate(raws) if raw.strip()), None)
    title = raws[first].strip() if first is not None else None
    two_line = None  # a title printed over two lines, repeated on one line in page headers
    if first is not None and first + 1 < len(raws) and raws[first + 1].strip():
        two_line = _words_key(f"{title} {raws[first + 1].strip()}")
    verbatim: dict[str, list[int]] = {}
    shapes: dict[str, list[int]] = {}
    for offset, raw in enumerate(raws):
        text = raw.strip()
        if not text or len(text) > 100:
            continue
        if (
            two_line
            and first is not None
            and offset > first + 1
            and len(two_line) <= len(text) <= len(two_line) + 12  # separators only added
            and _words_key(text) == two_line
        ):
            found.add(offset)
            continue
        verbatim.setdefault(text, []).append(offset)
        if text[-1].isdigit() or "page" in text.lower():
            shapes.setdefault(" ".join(_DIGITS.sub("#", text).split()).lower(), []).append(offset)
    for shape, offsets in shapes.items():
        if (
            len(offsets) >= 2
            and _PAGE_MARK.search(shape)
            and not read_number(raws[offsets[0]].strip())
        ):
            found.update(offsets)
    for text, offsets in verbatim.items():
        if len(offsets) < 3:
            continue
        if text == title:
            found.update(offsets[1:])  # the title stays; its repeats are page headers
        elif _heading_shaped(text):
            found.update(offsets)  # printed on page after page: a header from the first
    for text, offsets in verbatim.items():
        # "Updated May 2025" under each "… Page 2 of 4": part of the same page footer
        if (
            len(offsets) >= 3
            and not read_number(text)
            and all(_next_to(offset, found, raws) for offset in offsets)
        ):
            found.update(offsets)
    return found


def _next_to(offset: int, found: set[int], raws: list[str]) -> bool:
    """Whether the line at `offset` sits right above or below a page header or footer."""
    return (offset - 1 in found and raws[offset - 1].strip() != "") or offset + 1 in found


_NOT_WORD = re.compile(r"[\W_]+")


def _words_key(text: str) -> str:
    """The words of a line, whatever joins them: a two-line title comes back in page
    headers as 'Council – Code of Conduct' or 'Council | Code of Conduct'."""
    return " ".join(_NOT_WORD.sub(" ", text).lower().split())


def _heading_shaped(text: str) -> bool:
    """'Part 5 – Codes and Protocols' on every page: four words or more, no sentence, no
    clause number; a short heading such as 'Purpose' may rightly come again."""
    if len(text.split()) < 4 or text[-1:] in ".;:," or read_number(text):
        return False
    return text[:1].isupper()


def _heads_numbered_lines(raw: str, following: list[str]) -> bool:
    """'1' alone above 'Introduction' and '1.1 ...' is section 1 (PDF copy-paste), not a
    page number: the lines right after it, with no blank between, number under it."""
    number = raw.strip()
    if not number.isdigit() or not following or not following[0].strip():
        return False
    for line in following:
        text = line.strip()
        if not text:
            return False
        after = text[len(number) : len(number) + 2]
        if text.startswith(number) and after[:1] in (".", ":") and after[1:].isdigit():
            return True
    return False


def chunks(lines: list[Line | None]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line is None:
            if current:
                groups.append(current)
            current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


# --- pass 2: units ----------------------------------------------------------------

_BULLET = re.compile(r"^[-*•·▪◦–➢►○■□✓♦]\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_INTEGER_BARE = re.compile(r"^(\d{1,3})\s+(?=[A-Z])")
_BARE_LETTER = re.compile(r"^([a-z])\s+(?=[^\W\d_])")
_BARE_LETTER_LINE = re.compile(r"^([a-z])(?:\t| +)(?=[A-Za-z])")  # "a Items are taken ..."
_NUMBER_ONLY = re.compile(r"^\(?[\dA-Za-z]{1,6}(?:[.:]\d{1,3}[A-Z]?)*[.)]?$")
_FOOTNOTE_DEF = re.compile(rf"^(?:([{SUPERSCRIPT_DIGITS}]+)|\[\^(\w+)\]:?)\s*(?=\S)")
_CONTENTS_TITLE = re.compile(r"^(?:table of )?contents$|^index$", re.I)
_DOT_LEADER = re.compile(r"^(.+?)\s*(?:\.{4,}|…{2,})\s*(\d{1,4})$")
_SPACED_PAGE = re.compile(r"^(\S.*?\S)\s{2,}(\d{1,4})$")  # "Part 2    General Obligations    4"


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
    joined_lines: list[int] = field(default_factory=list)


def split_number(text: str, bullet: bool) -> tuple[str | None, tuple[str, ...], str]:
    """Find a printed clause number at the start of a unit's text (see numbering/styles.py)."""
    found = read_number(text)
    if found is not None:
        return found.number, found.styles, found.rest
    match = (_BARE_LETTER if bullet else _BARE_LETTER_LINE).match(text)
    if match:
        return match.group(1), ("bare-letter",), text[match.end() :]
    return None, (), text


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
    return _number_only(first) or _container_heading(first) is not None


# List marks Word writes before a tab in a plain-text export, besides any other
# one-character symbol (private-use glyphs of the Symbol and Wingdings fonts included).
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


_LABEL_VALUE = re.compile(
    r"^(?P<label>[A-Z][A-Za-z .]{1,30}?)(?P<sep>:[ \t]*|\t+| {2,})(?P<value>\S.{0,80})$"
)


_NAMING_LABEL = re.compile(r"^(?:document\s+|policy\s+)?(?:title|owner|author)", re.I)


def _doc_control_lines(chunk: list[Line], first: bool) -> dict[int, str]:
    """'Version: 4', 'Date adopted    9 July 2024': two or more document-control lines in
    a row are a label/value table (line number -> its text with a tab between the two);
    so is one such line ('Adopted: 14 May 2025') on its own or under the title."""
    found: dict[int, str] = {}
    run: list[tuple[int, str]] = []
    alone_allowed = first or len(chunk) == 1

    def flush():
        single = len(run) == 1 and alone_allowed and not _NAMING_LABEL.match(run[0][1])
        if len(run) >= 2 or single:
            found.update(run)
        run.clear()

    for line in chunk:
        text = line.text
        match = _LABEL_VALUE.match(text) if ":" in text or "\t" in text or "  " in text else None
        if match and is_doc_control_label(match.group("label")):
            label = match.group("label").rstrip() + (":" if match.group("sep")[:1] == ":" else "")
            run.append((line.number, f"{label}\t{match.group('value')}"))
        else:
            flush()
    flush()
    return found


_REFERENCE_WORD = re.compile(
    r"\b(?:sub-?paragraphs?|paragraphs?|paras?|items?|clauses?|sections?|rules?)\s*$", re.I
)


def _wrapped_number(units: list[Unit], text: str, previous: str | None) -> bool:
    """A hard wrap put a number from inside a sentence at the line start: the line above
    runs on, the text after the number is in lower case, and the number does not come
    next in the document's own numbering."""
    found = read_number(text)
    if found is None or not found.rest[:1].islower():
        return False
    if _REFERENCE_WORD.search(units[-1].text):  # "... under sub-paragraph\n(b) of 2.3"
        return True
    if not set(found.styles) & CLAUSE_STYLES or _TERMINAL.search(units[-1].text.rstrip()):
        return False
    return previous is None or not in_sequence(previous, found.number)


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


def _next_bare_number(text: str, previous: str | None) -> bool:
    match = _INTEGER_BARE.match(text)
    path = clause_path(previous)
    return bool(match and path and follows("integer", path[0], match.group(1)))


def _short_heading_line(previous: Unit, text: str, below: list[Line]) -> bool:
    """A heading line of its own ("2. Indemnities", "Appendix A – The Principles") does
    not take the next line into it: it is far shorter than a hard-wrapped line, it is a
    heading in words, or the numbered lines below it number under it (2.1 under 2.)."""
    if previous.joined_lines or previous.md_level or len(previous.text) > 100:
        return False
    container = _container_heading(previous.text)
    if container is not None:
        # "PART I" over "NAME AND AREA": the next line is its title
        return bool(container.rest) and not _continues_line(container.rest, text)
    number = read_number(previous.text)
    title = number.rest if number else previous.text
    if number and not set(number.styles) & {"integer", "integer-bare"}:
        return False
    if not is_heading_text(title) or _continues_line(title, text) or _ends_open(title):
        return False
    return len(previous.text) < 32 or (number is not None and _numbers_under(number, below))


def _numbers_under(number, below: list[Line]) -> bool:
    """Whether the next numbered line below numbers under `number` (2.1 under '2.')."""
    own = clause_path(number.number)
    for line in below[:12]:
        found = read_number(line.text)
        if found and set(found.styles) & CLAUSE_STYLES:
            path = clause_path(found.number)
            return bool(own and path and len(path) > len(own) and path[: len(own)] == own)
    return False


def _continues_line(previous: str, text: str) -> bool:
    """A hard-wrapped line carries on the one above: it starts in lower case, or the
    line above ends on a word that cannot end a title ('of', 'and', a comma)."""
    first = text.lstrip("\"'‘“(")[:1]
    if first.islower():
        return True
    words = re.findall(r"[A-Za-z']+|,$", previous.rstrip())
    return bool(words) and (words[-1] == "," or words[-1].lower() in _CONTINUING_WORDS)


def _table_cells(line: Line) -> list[str]:
    return [cell.strip() for cell in line.text.split("\t")]


def _is_contents_line(line: Line) -> bool:
    if "\t" in line.text:
        cells = [c for c in _table_cells(line) if c]
        return len(cells) >= 2 and cells[-1].isdigit()
    text = line.text
    if not text[-1:].isdigit():
        return False
    if "...." not in text and "……" not in text:
        spaced = "  " in text and _SPACED_PAGE.match(text)
        return bool(spaced and is_heading_text(spaced.group(1)))
    return bool(_DOT_LEADER.match(text))  # only now: the pattern is slow on long lines


@dataclass
class ChunkResult:
    units: list[Unit] = field(default_factory=list)
    tables: list[tuple[int, Table]] = field(default_factory=list)  # (position, table)
    contents: bool = False


def read_chunk(chunk: list[Line], dropped: list[Dropped], first: bool = False) -> ChunkResult:
    """One blank-line chunk as units and tables. In the document's `first` chunk a
    heading-like line stands on its own: a title is often printed over two lines, or
    over a sentence naming the council."""
    result = ChunkResult()
    contents_lines = [line for line in chunk if _is_contents_line(line)]
    if len(contents_lines) >= 2 and len(contents_lines) * 5 >= len(chunk) * 3:
        for line in chunk:
            dropped.append(Dropped(line.number, line.text, "printed contents list"))
        result.contents = True
        return result
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
            ):
                result.units.pop()
                table.caption = strip_emphasis_wrapper(previous.text)
            result.tables.append((len(result.units), table))
        pending_rows.clear()

    chunk = _space_aligned_history(chunk)
    control = _doc_control_lines(chunk, first)
    last: str | None = None  # the last clause number read in this chunk
    for position, line in enumerate(chunk):
        if line.number in control:
            pending_rows.append(Line(line.number, control[line.number], line.indent))
            continue
        if "\t" in line.text:
            if pending_rows or not _numbered_tab_line(line):
                pending_rows.append(line)
                continue
            line = Line(line.number, _TABS.sub(" ", line.text), line.indent)
        flush_rows()
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
        after_table = bool(result.tables) and result.tables[-1][0] == len(result.units)
        after_number = bool(result.units) and _number_only(result.units[-1].text)
        if after_number and not heading and not number_only:
            starts_unit = None  # "1.1" alone on its line: its text is the next line
        elif result.units and _heading_goes_on(result.units[-1], unit.text, chunk[position + 1 :]):
            starts_unit = None  # "1" / "Annual" / "Meeting": one heading broken over lines
        elif first and result.units and not result.units[-1].number:
            previous_text = result.units[-1].text
            if is_heading_text(previous_text) and not _continues_line(previous_text, unit.text):
                starts_unit = True
        elif result.units and _short_heading_line(
            result.units[-1], unit.text, chunk[position + 1 :]
        ):
            starts_unit = True  # "2. Indemnities" over its first sentence
            result.units[-1].leads = True
        elif result.units and starts_unit and _worded_citation(result.units[-1], unit.text, last):
            starts_unit = None  # "Rule 4.2 applies to ..." after 1.1: a citation, no clause
        elif result.units and starts_unit and _wrapped_number(result.units, unit.text, last):
            starts_unit = None  # "... at least\n1.5 metres from": a number inside a sentence
        elif result.units and not starts_unit and _next_bare_number(unit.text, last):
            starts_unit = True  # "2 Members must ..." after clause 1 and its 1(a), 1(b)
        if result.units and not starts_unit and not result.units[-1].md_level and not after_table:
            previous = result.units[-1]
            previous.text = f"{previous.text} {line.text.strip()}"
            previous.joined_lines.append(line.number)
            continue
        result.units.append(unit)
        found = read_number(unit.text) if unit.md_level is None else None
        if found and set(found.styles) & CLAUSE_STYLES:
            last = found.number
    flush_rows()
    for unit in result.units:
        if unit.md_level is None and not _container_heading(unit.text):
            number, styles, rest = split_number(unit.text, unit.bullet)
            if number is not None:
                unit.number, unit.styles, unit.text = number, styles, rest
    if len(chunk) == 1 and len(result.units) == 1:
        result.units[0].alone = True
    if len(result.units) > 1 and (result.units[1].number or result.units[1].bullet):
        result.units[0].leads = not result.tables or result.tables[0][0] > 1
    return result


def make_table(rows: list[Line]) -> Table:
    cells = [_table_cells(row) for row in rows]
    caption = None
    if len([c for c in cells[0] if c]) == 1 and len(cells) > 1:
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
    if key_value:
        header = ["", ""] if width == 2 else [""] * width
        body = padded
    else:
        header, body = padded[0], padded[1:]
    kind = "version-control" if key_value else "table"
    return Table(header=header, rows=body, line=rows[0].number, caption=caption, kind=kind)


# --- pass 3: structure -----------------------------------------------------------

_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]*_]*$")
_CONTINUING_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "his", "her", "in",
    "is", "its", "of", "on", "or", "than", "that", "the", "their", "to", "which", "with",
    "who", "whom", "whose", "were", "was", "not", "nor", "into", "under", "upon",
}  # fmt: skip
_INTRODUCES_LIST = re.compile(r"(:-?|–|—|-)\s*$")
_LABEL = re.compile(
    r"^((?:part|appendix|schedule|annexe?)\s+[\w.]+(?:\s+(?:code|section|chapter)\s+[\w.]+)?)"
    r"(?:\s*[-–—:]\s*|\s*$)",
    re.I,
)
_DRAFT_LINE = re.compile(r"^draft(?:\s+for\s+(?:consultation|comment))?$", re.I)
_LEADING_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(?=\S)")


def is_heading_text(text: str) -> bool:
    """A short line that does not read as a sentence."""
    plain = strip_emphasis_wrapper(text)
    if not plain or len(plain) > 100 or len(plain.split()) > 14:
        return False
    if plain[-1] in ".;:,!?–—-" or "[^" in plain:
        return False
    first = plain.lstrip("\"'‘“(")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def _section_number(unit: Unit) -> bool:
    if "integer" in unit.styles:
        return True
    return "decimal" in unit.styles and bool(re.fullmatch(r"\d+\.0+\.?", unit.number or ""))


def _title_case_label(label: str) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in label.split())


class _Builder:
    """Assembles units into the document tree; keeps the state that reading order implies."""

    def __init__(self, document: Document, numbered: bool):
        self.doc = document
        self.numbered = numbered
        self.containers: list[Section] = []  # open sections, parts, rules ... outermost first
        self.chain: list[Clause] = []  # open numbered clauses, each inside the one before
        self.clause: Clause | None = None
        self.levels: list[dict] = []  # open sub-clause levels: style, indent, items
        self.item_top: str | None = None  # the style of an item standing as a top clause
        self.append_text: Callable[..., None] | None = None  # extends the last text a unit gave
        self.last_text = ""
        self.title_taken = False
        self.content_started = False
        self.text_started = False  # a clause or paragraph (not a table) has been read

    @property
    def section(self) -> Section | None:
        return self.containers[-1] if self.containers else None

    @property
    def container(self) -> list:
        return self.section.blocks if self.section else self.doc.blocks

    def continues_clause_list(self, number: str) -> bool:
        """Whether `number` comes next after the last numbered clause of the container."""
        last = next((b for b in reversed(self.container) if isinstance(b, Clause)), None)
        return bool(last and last.number and follows("integer", last.number, number))

    def open_section_number(self) -> str | None:
        """The printed number of the innermost open section numbered by a bare number."""
        if not self.containers:
            return None
        number = self.containers[-1].heading.number or ""
        path = clause_path(number)
        return number if path and len(path) == 1 and number[:1].isdigit() else None

    def open_container(self, unit: Unit, printed: str | None, element: str, title: str) -> None:
        """A numbered heading closes every open container of its rank or an inner one."""
        rank = rank_of(element)
        while self.containers and (rank == 0 or rank_of(_element_of(self.containers[-1])) >= rank):
            self.containers.pop()
        level = min(2 + len(self.containers), 6)
        section = Section(Heading(title=title, line=unit.line, number=printed, level=level))
        self.container.append(section)
        self.containers.append(section)
        self.content_started = True  # a later heading can no longer be the title

    def _track(self, getter, setter):
        def append(extra: str, joiner: str = " "):
            setter(f"{getter()}{joiner}{extra}")

        self.append_text = append
        self.last_text = getter()

    def close_clause(self):
        self.clause = None
        self.item_top = None
        self.chain = []
        self.levels = []

    # headings

    def heading(
        self,
        unit: Unit,
        text: str,
        container=None,
        section: bool = False,
        next_path: tuple[str, ...] | None = None,
    ):
        title = strip_emphasis_wrapper(text)
        meta = self.doc.metadata
        section = section or (bool(unit.number) and _section_number(unit))
        # "Article 1 – The Constitution" first: a container, never the title ("Part 4 – ..."
        # or "Appendix 20 ..." first is where the document sits: its label)
        opens_section = section or (
            container is not None and (self.title_taken or rank_of(container.word.element) >= 2)
        )
        if not self.text_started and not unit.number and _DRAFT_LINE.match(title):
            meta.extra["printed_status"] = "draft"  # "DRAFT" printed above the title
            self.doc.title_lines.append(("status", unit.line, title))
            return
        if not self.content_started and not self.title_taken and not opens_section:
            label = _LABEL.match(title)
            if label and label.end() == len(title):
                meta.label = meta.label or _title_case_label(label.group(1))
                self.doc.title_lines.append(("label", unit.line, title))
                return
            leading = _LEADING_NUMBER.match(title)
            if leading and unit.md_level:
                meta.label = meta.label or leading.group(1)
                self.doc.title_lines.append(("label", unit.line, leading.group(1)))
                title = title[leading.end() :]
            elif label:
                meta.label = meta.label or _title_case_label(label.group(1))
            meta.extra.setdefault("printed_title", title)
            self.doc.title_lines.append(("title", unit.line, title))
            self.title_taken = True
            return
        if (
            self.title_taken
            and not self.text_started
            and not opens_section
            and not unit.number
            and self._title_is_council_only()
        ):
            kind, line, council = self.doc.title_lines.pop()
            kind = "label" if _LABEL.match(council) else "council"
            self.doc.title_lines.append((kind, line, council))
            meta.extra["printed_title"] = title
            if not self.content_started:
                self.doc.title_lines.append(("title", unit.line, title))
                return
            # after a document-control table: the title, shown where it is printed
        if (
            self.title_taken
            and not self.content_started
            and not opens_section
            and not unit.number
            and not any(kind == "council" for kind, _line, _text in self.doc.title_lines)
            and council_name(title, whole=True) is not None
        ):
            self.doc.title_lines.append(("council", unit.line, title))  # under the title
            return
        if (
            self.title_taken
            and not unit.number
            and title.casefold() == (meta.extra.get("printed_title") or "").casefold()
        ) and any(kind == "title" for kind, _line, _text in self.doc.title_lines):
            for line in [unit.line, *unit.joined_lines]:
                self.doc.dropped.append(Dropped(line, title, "title repeated as a running header"))
            return
        self.close_clause()
        self.append_text = None
        if container is not None:
            title = strip_emphasis_wrapper(container.rest)
            self.open_container(unit, container.printed, container.word.element, title)
            return
        if section:
            self.open_container(unit, unit.number, "sec", title)
            return
        if unit.number:
            title = f"{unit.number} {title}"
        if not self._numbering_goes_on(next_path):
            # an unnumbered heading closes the numbered sections above it, but not the
            # schedule or annex whose own numbering starts after it ("Introduction", 1.)
            starts_afresh = bool(next_path and next_path[0] == "1")
            while self.containers and not (
                starts_afresh and rank_of(_element_of(self.containers[-1])) == 0
            ):
                self.containers.pop()
        level = max(2 + len(self.containers), unit.md_level or 2)
        self.container.append(Heading(title=title, line=unit.line, level=min(level, 6)))

    def _numbering_goes_on(self, next_path: tuple[str, ...] | None) -> bool:
        """'My Responsibilities' between 'Section 1' and 1.1 is inside section 1: the
        clauses after it go on numbering under the section."""
        if not self.containers or next_path is None or len(next_path) < 2:
            return False
        own = clause_path(strip_container_word(self.containers[-1].heading.number or ""))
        if own and len(own) == 2 and own[1].strip("0") == "":
            own = own[:1]  # "4.0 THE RELATIONSHIP" numbers 4.1, 4.2 ...
        return bool(own and next_path[: len(own)] == own and len(next_path) > len(own))

    def _title_is_council_only(self) -> bool:
        """'ASHVALE PARISH COUNCIL' or 'PART 4 – RULES OF PROCEDURE' above 'Standing
        Orders': where the document sits, not its title."""
        if not self.doc.title_lines or self.doc.title_lines[-1][0] != "title":
            return False
        printed = self.doc.title_lines[-1][2]
        return council_name(printed, whole=True) is not None or bool(_LABEL.match(printed))

    # clauses

    def top_clause(self, unit: Unit, text: str):
        """A clause numbered by value: under the open clause its printed number extends
        (1.6.1 inside 1.6), else at the top of its container."""
        self.content_started = self.text_started = True
        clause = Clause(number=unit.number, text=text, line=unit.line)
        path = clause_path(unit.number)
        parent_at = None
        if path is not None:
            for index in range(len(self.chain) - 1, -1, -1):
                open_path = clause_path(self.chain[index].number)
                if open_path and len(open_path) < len(path) and path[: len(open_path)] == open_path:
                    parent_at = index
                    break
        if parent_at is not None and not self.chain[parent_at].tail:
            self.chain[parent_at].children.append(clause)
            self.chain = [*self.chain[: parent_at + 1], clause]
        else:
            self.container.append(clause)
            self.chain = [clause]
        self.clause = clause
        self.levels = []
        self.item_top = None
        self._track(lambda: clause.text, lambda v: setattr(clause, "text", v))

    def _choose_style(self, unit: Unit) -> str:
        styles = unit.styles or ("bullet",)
        if len(styles) == 1:
            return styles[0]
        number = unit.number or ""  # several styles: a number was read
        first_roman = clean_number(number).lower() == "i"
        last_item = (
            self.levels[-1]["items"][-1] if self.levels and self.levels[-1]["items"] else None
        )
        if first_roman and last_item and _INTRODUCES_LIST.search(last_item.text):
            return "roman"  # "(h) the following:" then "(i)": the first of its items
        for level in reversed(self.levels):
            if level["style"] in styles and follows(level["style"], level["last"], number):
                return level["style"]
        return "roman" if first_roman else "letter"

    def numbered_item(self, unit: Unit) -> bool:
        """'1. in April;' after '3.2 The Clerk shall inspect the plots:' is an item of 3.2,
        and '2.' after it the next one: a list that starts again at 1 under a lead-in."""
        if "integer" not in unit.styles or self.clause is None or unit.number is None:
            return False
        for level in self.levels:
            if level["style"] == "integer":
                return follows("integer", level["last"], unit.number)
        if clause_path(unit.number) != ("1",) or self.clause.number is None:
            return False
        lead_in = self.last_text or self.clause.text
        return bool(_INTRODUCES_LIST.search(lead_in)) and not in_sequence(
            self.clause.number, unit.number
        )

    def item(self, unit: Unit, text: str):
        style = self._choose_style(unit)
        sibling = self.item_top == style and not any(lv["style"] == style for lv in self.levels)
        if self.clause is None or self.clause.tail or sibling:
            self.top_clause(unit, text)  # (a), (b), (c) after a lead-in are siblings
            self.item_top = style
            return
        item = Clause(number=unit.number, text=text, line=unit.line)
        place = self._place(style, unit.indent)
        if place is None:
            parent = self.levels[-1]["items"][-1] if self.levels else self.clause
            self.levels.append({"style": style, "indent": unit.indent, "items": [], "last": ""})
            level = self.levels[-1]
        else:
            self.levels = self.levels[: place + 1]
            level = self.levels[-1]
            parent = self.levels[-2]["items"][-1] if len(self.levels) > 1 else self.clause
        parent.children.append(item)
        level["items"].append(item)
        level["last"] = unit.number or ""
        self._track(lambda: item.text, lambda v: setattr(item, "text", v))

    def _place(self, style: str, indent: int) -> int | None:
        """Index of the open level this item continues, or None to open a deeper one."""
        if not self.levels:
            return None
        top = self.levels[-1]
        last_text = top["items"][-1].text if top["items"] else ""
        introduces = bool(_INTRODUCES_LIST.search(last_text))
        if style == "bullet":
            if top["style"] == "bullet" and indent > top["indent"] and introduces:
                return None
            for index in range(len(self.levels) - 1, -1, -1):
                level = self.levels[index]
                if level["style"] == "bullet" and level["indent"] <= indent:
                    return index
            if top["style"] != "bullet" and introduces:
                return None
            for index in range(len(self.levels) - 1, -1, -1):
                if self.levels[index]["style"] == "bullet":
                    return index
            return len(self.levels) - 1
        for index in range(len(self.levels) - 1, -1, -1):
            if self.levels[index]["style"] == style:
                return index
        return None

    # paragraphs

    def paragraph(self, unit: Unit, text: str):
        if self.append_text and self._continues(text):
            self.append_text(text)
            self.last_text = f"{self.last_text} {text}"
            return
        if not self.numbered:
            self.close_clause()
            self.top_clause(unit, text)
            return
        if self.clause is not None:
            clause = self.clause
            target = clause.tail if clause.children else clause.paragraphs
            target.append(text)
            index = len(target) - 1
            self._track(lambda: target[index], lambda v: target.__setitem__(index, v))
            return
        self.content_started = self.text_started = True
        note = Note(text=text, line=unit.line)
        self.container.append(note)
        self._track(lambda: note.text, lambda v: setattr(note, "text", v))

    def _continues(self, text: str) -> bool:
        previous = self.last_text.rstrip()
        if not previous or _TERMINAL.search(previous):
            return False
        first = next((ch for ch in text if ch.isalpha()), "")
        if first.islower() or (self.numbered and previous[-1].isalnum()):
            return True
        last_word = re.findall(r"[A-Za-z']+", previous[-30:])
        return bool(last_word) and last_word[-1].lower() in _CONTINUING_WORDS


def _accept_bare_letters(units: list[Unit]) -> None:
    """'a Items are taken in order' is item a only when 'b', 'c' ... follow it in turn;
    items of another style between them ('i.', 'ii.' under c) do not break the run."""
    run: list[Unit] = []

    def settle():
        if len(run) >= 2:
            for unit in run:
                unit.styles = ("letter",)
        run.clear()

    for unit in units:
        if unit.styles == ("bare-letter",):
            previous = run[-1].number if run else None
            if previous and unit.number == chr(ord(previous) + 1):
                run.append(unit)
                continue
            settle()
            if unit.number == "a":
                run.append(unit)
            continue
        if unit.number and not set(unit.styles) & CLAUSE_STYLES:
            continue
        settle()
    settle()
    for unit in units:
        if unit.styles == ("bare-letter",):
            unit.text = f"{unit.number} {unit.text}"
            unit.number, unit.styles = None, ()


def _in_order(result: ChunkResult) -> list[Unit | Table]:
    """A chunk's units with its tables put back where they stood."""
    before: dict[int, list[Table]] = {}
    for position, table in result.tables:
        before.setdefault(position, []).append(table)
    ordered: list[Unit | Table] = []
    for position, unit in enumerate(result.units):
        ordered += before.pop(position, [])
        ordered.append(unit)
    for position in sorted(before):
        ordered += before[position]
    return ordered


def _take_footnote(unit: Unit, footnotes: list[Footnote]) -> bool:
    if unit.bullet or unit.number or unit.md_level:
        return False
    match = _FOOTNOTE_DEF.match(unit.text)
    if not match:
        return False
    label = superscript_to_digits(match.group(1)) if match.group(1) else match.group(2)
    footnotes.append(
        Footnote(
            label=label,
            text=unit.text[match.end() :],
            line=unit.line,
            last_line=max([unit.line, *unit.joined_lines]),
        )
    )
    return True


def _element_of(section: Section) -> str:
    return element_for_heading(section.heading.number)


def _opens_section(
    unit: Unit, next_path: tuple[str, ...] | None, builder: _Builder, following: object
) -> bool:
    """'2. Registering Interests' above 2.1, after section 1, or above its own text or
    items; 'A. ELIGIBILITY' and 'II. DELEGATIONS' above numbered clauses."""
    if not unit.number or not is_heading_text(unit.text):
        return False
    if _section_number(unit) and unit.alone:
        return True
    short = len(unit.text.split()) <= 10 and not _ends_open(unit.text)
    next_clause = isinstance(following, Unit) and bool(set(following.styles) & CLAUSE_STYLES)
    if short and set(unit.styles) & {"letter", "roman"} and token_of(unit.number).isupper():
        return next_clause and isinstance(following, Unit) and not following.md_level
    integer = bool(set(unit.styles) & {"integer", "integer-bare"})
    own_text_below = following is not None and not next_clause
    if short and integer and own_text_below and not getattr(following, "md_level", None):
        # "1) Purpose" over a paragraph, "1. DEBATE" over items a, b, c; but "3. Clerk"
        # after the clauses "1. Chair" and "2. Vice-Chair" ends their list
        return not builder.continues_clause_list(unit.number)
    own = clause_path(unit.number)
    if own is None or not set(unit.styles) & _SECTION_STYLES:
        return False
    section = builder.open_section_number() if len(own) == 1 and short else None
    if section and follows("integer", section, unit.number):
        return True
    if len(own) == 2 and own[1].strip("0") == "":
        own = own[:1]  # "1.0 INTRODUCTION" heads 1.1
    elif len(own) != 1:
        return False
    return next_path is not None and len(next_path) > 1 and next_path[0] == own[0]


_SECTION_STYLES = {"integer", "integer-bare", "decimal"}


def _is_heading_unit(unit: Unit, following: bool) -> bool:
    if unit.md_level:
        return True
    if unit.leads and not unit.number and not unit.bullet:
        # "Complaints about the Clerk" right above "(a) ...": a heading, not a lead-in
        return is_heading_text(unit.text) and not _ends_open(unit.text)
    if not unit.alone or unit.bullet or not following:
        return False
    if unit.number and not _section_number(unit):
        return False
    if is_doc_control_text(unit.text):
        return False  # "Last updated 4 January 2022, version 3" is read as metadata
    if unit.title_candidate and _is_long_title(unit.text):
        return True
    return is_heading_text(unit.text)


def _is_long_title(text: str) -> bool:
    """A title printed as one long first line, commas and all, but not a sentence."""
    plain = strip_emphasis_wrapper(text)
    return 0 < len(plain) <= 250 and plain[:1].isupper() and plain[-1] not in ".;:!?"


def _ends_open(text: str) -> bool:
    """A line that stops on a word a heading cannot end on: a lead-in ('Members must'); a
    sentence ended with a full stop ('... held in May.') is closed, whatever its word."""
    if text.rstrip()[-1:] in (".", "!", "?"):
        return False
    words = re.findall(r"[A-Za-z']+", text[-30:])
    return bool(words) and (
        words[-1].lower() in _CONTINUING_WORDS or words[-1].lower() in _LEAD_IN_WORDS
    )


_LEAD_IN_WORDS = {
    "must", "will", "shall", "may", "should", "can", "could", "would", "include", "includes",
    "including", "following", "namely", "means", "where", "when", "if", "unless", "has",
    "have", "being", "follows",
}  # fmt: skip


def _split_compound(units: list) -> list:
    """'2.—(1) The council ...' and '3:2 a) The mover ...': a clause whose first sub-clause
    starts on its line. The clause keeps no text of its own; the sub-clause carries it."""
    result: list[Unit] = []
    for unit in units:
        result.append(unit)
        if not isinstance(unit, Unit) or not unit.number or unit.md_level:
            continue
        if not set(unit.styles) & CLAUSE_STYLES:
            continue
        inner = read_number(unit.text)
        if inner is None or set(inner.styles) & CLAUSE_STYLES or not inner.rest:
            continue
        child = Unit(unit.line, unit.indent + 1, inner.rest, number=inner.number)
        child.styles, child.joined_lines = inner.styles, unit.joined_lines
        unit.text, unit.joined_lines = "", []
        result.append(child)
    return result


def _entry_key(text: str) -> str:
    """'2. Lobbying   4' and 'LOBBYING' are one contents entry: no number, no page, no case."""
    found = read_number(text)
    text = found.rest if found else text
    text = re.sub(r"[\s.…]*\d{1,4}$", "", strip_emphasis_wrapper(text))
    return " ".join(re.findall(r"\w+", text.casefold()))


def _drop_plain_contents(flow: list, dropped: list[Dropped]) -> list:
    """A contents list printed as plain titles ('Contents', then 'Introduction',
    'Lobbying' ...) that come again later as headings: dropped, like any contents list."""
    units = [item for item in flow if isinstance(item, Unit)]
    start = next(
        (
            index
            for index, unit in enumerate(units[:40])
            if not unit.number and _CONTENTS_TITLE.match(strip_emphasis_wrapper(unit.text))
        ),
        None,
    )
    if start is None:
        return flow
    keys = [_entry_key(f"{u.number} {u.text}" if u.number else u.text) for u in units]
    last_seen = {key: index for index, key in enumerate(keys)}
    run = []
    for index in range(start + 1, len(units)):
        entry = units[index]
        if not keys[index] or entry.joined_lines or last_seen[keys[index]] <= index:
            break
        run.append(entry)
    if len(run) < 2:
        return flow
    for entry in [units[start], *run]:
        dropped.append(Dropped(entry.line, entry.text, "printed contents list"))
    gone = {id(entry) for entry in [units[start], *run]}
    return [item for item in flow if id(item) not in gone]


def _join_number_only(flow: list) -> list:
    """A number alone on its line, then a blank line, then its text: one unit."""
    result: list = []
    for item in flow:
        previous = result[-1] if result else None
        if (
            isinstance(item, Unit)
            and isinstance(previous, Unit)
            and previous.number is None
            and _number_only(previous.text)
            and item.number is None
            and not item.md_level
            and not item.bullet
        ):
            previous.text = f"{previous.text} {item.text}"
            previous.joined_lines += [item.line, *item.joined_lines]
            previous.alone = False
            continue
        result.append(item)
    return result


_QUOTED_NUMBER = re.compile(r"[“\"‘]\s*(?=\(?\d{1,3}[A-Z]?[).:\s]|\([a-z]{1,4}\)|\d{1,3}\.\d)")
_QUOTE_CHARS = frozenset('“"‘')
_CLOSING_QUOTE = re.compile(r"[”’]|\"(?=\W*$)")


def _quote_opens(text: str) -> bool:
    """Whether a quoted provision ("insert— “(2A) ...") starts in `text` and runs on."""
    starts = [found.end() for found in _QUOTED_NUMBER.finditer(text)]
    return bool(starts) and not _CLOSING_QUOTE.search(text, starts[-1])


def parse(source: SourceText, doc_id: str) -> Document:
    from ..model.document import Metadata

    document = Document(doc_id=doc_id, path=source.path, metadata=Metadata())
    lines = read_lines(source, document.dropped, document.warnings)
    flow: list[Unit | Table] = []  # units and tables in reading order
    previous_heading: Unit | None = None
    for position, chunk in enumerate(chunks(lines)):
        result = read_chunk(chunk, document.dropped, first=position == 0)
        if position == 0:
            for first in result.units:
                if first.number or first.bullet:
                    break
                first.alone, first.title_candidate = True, True
        if result.contents:
            if previous_heading is not None and _CONTENTS_TITLE.match(
                strip_emphasis_wrapper(previous_heading.text)
            ):
                flow.remove(previous_heading)
                document.dropped.append(
                    Dropped(previous_heading.line, previous_heading.text, "printed contents list")
                )
            continue
        flow.extend(_in_order(result))
        previous_heading = result.units[-1] if result.units else None
    flow = _drop_plain_contents(flow, document.dropped)
    flow = _join_number_only(flow)
    for item in flow:
        if isinstance(item, Unit) and item.number is None and not item.md_level:
            number, styles, rest = split_number(item.text, item.bullet)
            if number is not None and _number_only(item.text.split(" ", 1)[0]):
                item.number, item.styles, item.text = number, styles, rest
    units = [item for item in flow if isinstance(item, Unit)]
    for index, bare in enumerate(units):
        if bare.number is None and not bare.bullet and not bare.md_level:
            match = _INTEGER_BARE.match(bare.text)
            if match:
                following = units[index + 1] if index + 1 < len(units) else None
                next_path = clause_path(following.number) if following else None
                heads_next = bool(
                    next_path and len(next_path) > 1 and next_path[0] == match.group(1)
                )
                heading = bare.alone and is_heading_text(bare.text[match.end() :])
                if heading or heads_next:  # "1 MEETINGS" alone, "1 The council ..." over 1(a)
                    bare.number, bare.styles = match.group(1), ("integer-bare",)
                    bare.text = bare.text[match.end() :]
    flow = _split_compound(flow) if any(isinstance(i, Unit) and i.number for i in flow) else flow
    units = [item for item in flow if isinstance(item, Unit)]
    tables = [item for item in flow if isinstance(item, Table)]
    _accept_bare_letters(units)
    notes = {id(u) for u in units if _take_footnote(u, document.footnotes)}
    flow = [item for item in flow if id(item) not in notes]
    units = [u for u in units if id(u) not in notes]
    numbered = any(set(u.styles) & CLAUSE_STYLES and not u.md_level for u in units if u.number)
    next_paths: list[tuple[str, ...] | None] = [None] * len(flow)
    upcoming = None
    for index in range(len(flow) - 1, -1, -1):
        next_paths[index] = upcoming
        item = flow[index]
        if isinstance(item, Unit) and item.number and set(item.styles) & CLAUSE_STYLES:
            upcoming = clause_path(item.number)
    builder = _Builder(document, numbered)
    quoted = False
    for index, unit in enumerate(flow):
        if isinstance(unit, Table):
            builder.close_clause()
            builder.container.append(unit)
            builder.append_text = None
            builder.content_started = True  # a title above the page would reorder the text
            continue
        text = unit.text.strip()
        whole = f"{unit.number} {text}" if unit.number else text
        if quoted:  # a quoted provision of an amending text belongs to the quoting clause
            builder.paragraph(unit, whole)
            quoted = not _CLOSING_QUOTE.search(whole)
            continue
        quoted = _quote_opens(whole) if _QUOTE_CHARS & set(whole) else False
        container = None if unit.number or unit.bullet else _container_heading(text)
        if quoted and not unit.md_level:  # "4. After paragraph 5 insert— “5A. ...": a clause
            if unit.number and set(unit.styles) & CLAUSE_STYLES:
                builder.top_clause(unit, text)
            elif unit.bullet or unit.number:
                builder.item(unit, text)
            else:
                builder.paragraph(unit, text)
        elif container is not None and not unit.md_level:
            builder.heading(unit, text, container)
        elif _is_heading_unit(unit, index + 1 < len(flow)):
            builder.heading(unit, text, next_path=next_paths[index])
        elif _opens_section(
            unit,
            next_paths[index],
            builder,
            flow[index + 1] if index + 1 < len(flow) else None,
        ):
            builder.heading(unit, text, section=True)
        elif unit.number and set(unit.styles) & CLAUSE_STYLES and not builder.numbered_item(unit):
            builder.top_clause(unit, text)
        elif unit.bullet or unit.number:
            builder.item(unit, text)
        else:
            builder.paragraph(unit, text)
    if not units and not tables:
        document.warnings.append(
            Issue(None, "no text is left once page numbers and page-break marks are removed")
        )
    structured = numbered or any(u.bullet for u in units)
    if not structured and not any(isinstance(b, (Heading, Section)) for b in document.blocks):
        document.warnings.append(
            Issue(None, "no headings or clause numbers found; each paragraph is a clause")
        )
    _link_footnotes(document)
    extract_metadata(document, source.front_matter)
    assign_anchors(document)
    check_numbering(document)
    return document


_FOOTNOTE_REF_PATTERN = re.compile(r"\[\^(\w+)\]")


def _link_footnotes(document: Document) -> None:
    from ..model.document import iter_clauses, iter_notes

    texts: list[tuple[int, str]] = []
    for clause, _parent, _heading, _depth in iter_clauses(document.blocks):
        for text in [clause.text, *clause.paragraphs, *clause.tail]:
            texts.append((clause.line, text))
    for note, _heading in iter_notes(document.blocks):
        texts.append((note.line, note.text))
    defined = {f.label for f in document.footnotes}
    seen: set[str] = set()
    for line, text in texts:
        for label in _FOOTNOTE_REF_PATTERN.findall(text):
            if label in defined or label in seen:
                seen.add(label)
                continue
            seen.add(label)
            document.footnotes.append(Footnote(label=label, text="", line=line, missing=True))
            document.warnings.append(
                Issue(line, f"footnote {label} is marked but its text is missing", "footnote")
            )
    for footnote in document.footnotes:
        if not footnote.missing and footnote.label not in seen:
            document.warnings.append(
                Issue(footnote.line, f"footnote {footnote.label} is never referred to", "footnote")
            )
    document.footnotes.sort(key=lambda f: (int(f.label) if f.label.isdigit() else 10**6, f.label))
