"""One parser for every council's layout: source text in, `Document` out.

It works in three passes, each a set of general rules rather than knowledge of any
one council's file:

1. lines: presentational HTML to Markdown, page-break marks and page numbers dropped;
2. units: blank-line chunks split into tables, contents lists and text units, each
   unit with its list marker, printed number and numbering style;
3. structure: headings open sections or cross-headings, numbers open clauses,
   markers open sub-clauses and items, and a paragraph that a page break cut in
   two is joined back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .anchors import assign_anchors, clean_number
from .escaping import refused_link
from .inline import (
    SUPERSCRIPT_DIGITS,
    convert_inline,
    convert_superscript_markers,
    strip_emphasis_wrapper,
    superscript_to_digits,
)
from .metadata import extract_metadata
from .model import (
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
from .numbering import check_numbering
from .sources import SourceText

# --- pass 1: lines ----------------------------------------------------------------

_PAGE_BREAK = re.compile(r"^\s*(?:[-–—_*=]|-{2,}|_{3,}|\*{3,}|={3,}|\f)\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.I)


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
    for offset, raw in enumerate(source.text.split("\n")):
        number = source.first_line + offset
        raw = _CONTROL.sub(" ", raw).rstrip()
        if not raw.strip():
            result.append(None)
            continue
        if _PAGE_BREAK.match(raw):
            dropped.append(Dropped(number, raw.strip(), "page-break mark"))
            result.append(None)
            continue
        if _PAGE_NUMBER.match(raw):
            dropped.append(Dropped(number, raw.strip(), "page number"))
            result.append(None)
            continue
        expanded = raw.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        converted, refused = convert_inline(raw.strip(" "))
        for target in refused:
            message = f"link {refused_link(target)}; shown as plain text"
            issues.append(Issue(number, message, "link"))
        result.append(Line(number, convert_superscript_markers(converted), indent))
    return result


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

_BULLET = re.compile(r"^[-*•·▪◦–]\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_DECIMAL = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)(\.?)(?=\s|$|[A-Z(\[])\s*")
_INTEGER = re.compile(r"^(\d{1,3})([.)])(?!\d)\s*(?=\S)")
_INTEGER_BARE = re.compile(r"^(\d{1,3})\s+(?=[A-Z])")
_PAREN_ITEM = re.compile(r"^\(([A-Za-z]{1,6}|\d{1,3})\)\s*(?=\S)")
_CLOSE_ITEM = re.compile(r"^([A-Za-z]{1,6})\)\s*(?=\S)")
_DOT_ITEM = re.compile(r"^([A-Za-z]{1,6})\.\s+(?=\S)")
_BARE_LETTER = re.compile(r"^([a-z])\s+(?=[a-z])")
_ROMAN = re.compile(
    r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.I
)
_FOOTNOTE_DEF = re.compile(rf"^(?:([{SUPERSCRIPT_DIGITS}]+)|\[\^(\w+)\]:?)\s*(?=\S)")
_CONTENTS_TITLE = re.compile(r"^(?:table of )?contents$|^index$", re.I)
_DOT_LEADER = re.compile(r"^(.+?)\s*(?:\.{4,}|…{2,})\s*(\d{1,4})$")


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
    joined_lines: list[int] = field(default_factory=list)


def _is_roman(token: str) -> bool:
    return bool(token) and bool(_ROMAN.match(token))


def item_styles(token: str) -> tuple[str, ...]:
    if token.isdigit():
        return ("integer",)
    letter = len(token) == 1
    roman = _is_roman(token) and (token.islower() or token.isupper())
    if letter and roman:
        return ("letter", "roman")
    if roman:
        return ("roman",)
    return ("letter",) if letter else ()


def split_number(text: str, bullet: bool) -> tuple[str | None, tuple[str, ...], str]:
    """Find a printed clause number at the start of a unit's text."""
    match = _DECIMAL.match(text)
    if match:
        return match.group(1) + match.group(2), ("decimal",), text[match.end() :]
    match = _INTEGER.match(text)
    if match:
        return match.group(1) + match.group(2), ("integer",), text[match.end() :]
    for pattern, fmt in ((_PAREN_ITEM, "({})"), (_CLOSE_ITEM, "{})"), (_DOT_ITEM, "{}.")):
        match = pattern.match(text)
        if match and item_styles(match.group(1)):
            styles = item_styles(match.group(1))
            return fmt.format(match.group(1)), styles, text[match.end() :]
    if bullet:
        match = _BARE_LETTER.match(text)
        if match:
            return match.group(1), ("bare-letter",), text[match.end() :]
    return None, (), text


def _table_cells(line: Line) -> list[str]:
    return [cell.strip() for cell in line.text.split("\t")]


def _is_contents_line(line: Line) -> bool:
    if "\t" in line.text:
        cells = [c for c in _table_cells(line) if c]
        return len(cells) >= 2 and cells[-1].isdigit()
    text = line.text
    if not text[-1:].isdigit() or ("...." not in text and "……" not in text):
        return False  # what the pattern needs anyway; it is slow on long lines
    return bool(_DOT_LEADER.match(text))


@dataclass
class ChunkResult:
    units: list[Unit] = field(default_factory=list)
    tables: list[tuple[int, Table]] = field(default_factory=list)  # (position, table)
    contents: bool = False


def read_chunk(chunk: list[Line], dropped: list[Dropped]) -> ChunkResult:
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
                and previous is not None
                and previous.line == pending_rows[0].number - 1
                and is_heading_text(previous.text)
            ):
                result.units.pop()
                table.caption = strip_emphasis_wrapper(previous.text)
            result.tables.append((len(result.units), table))
        pending_rows.clear()

    for line in chunk:
        if "\t" in line.text:
            pending_rows.append(line)
            continue
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
        starts_unit = heading or bullet or split_number(unit.text, unit.bullet)[0]
        after_table = bool(result.tables) and result.tables[-1][0] == len(result.units)
        if result.units and not starts_unit and not result.units[-1].md_level and not after_table:
            previous = result.units[-1]
            previous.text = f"{previous.text} {line.text.strip()}"
            previous.joined_lines.append(line.number)
            continue
        result.units.append(unit)
    flush_rows()
    for unit in result.units:
        if unit.md_level is None:
            number, styles, rest = split_number(unit.text, unit.bullet)
            if number is not None:
                unit.number, unit.styles, unit.text = number, styles, rest
    if len(chunk) == 1 and len(result.units) == 1:
        result.units[0].alone = True
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
    key_value = all(row[0].endswith(":") for row in padded)
    if key_value:
        header = ["", ""] if width == 2 else [""] * width
        body = padded
    else:
        header, body = padded[0], padded[1:]
    return Table(header=header, rows=body, line=rows[0].number, caption=caption)


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
_LEADING_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(?=\S)")


def is_heading_text(text: str) -> bool:
    """A short line that does not read as a sentence."""
    plain = strip_emphasis_wrapper(text)
    if not plain or len(plain) > 100 or len(plain.split()) > 14:
        return False
    if plain[-1] in ".;:,!?–-" or "[^" in plain:
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
        self.section: Section | None = None
        self.clause: Clause | None = None
        self.levels: list[dict] = []  # open sub-clause levels: style, indent, items
        self.append_text = None  # how to extend the last text a unit gave
        self.last_text = ""
        self.title_taken = False
        self.content_started = False

    @property
    def container(self) -> list:
        return self.section.blocks if self.section else self.doc.blocks

    def _track(self, getter, setter):
        def append(extra: str, joiner: str = " "):
            setter(f"{getter()}{joiner}{extra}")

        self.append_text = append
        self.last_text = getter()

    def close_clause(self):
        self.clause = None
        self.levels = []

    # headings

    def heading(self, unit: Unit, text: str):
        title = strip_emphasis_wrapper(text)
        meta = self.doc.metadata
        opens_section = bool(unit.number) and _section_number(unit)
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
        if self.title_taken and title == self.doc.metadata.extra.get("printed_title"):
            self.doc.dropped.append(Dropped(unit.line, title, "title repeated as a running header"))
            return
        self.close_clause()
        self.append_text = None
        if unit.number and _section_number(unit):
            heading = Heading(title=title, line=unit.line, number=unit.number, level=2)
            self.content_started = True  # a later heading can no longer be the title
            self.section = Section(heading)
            self.doc.blocks.append(self.section)
            return
        if unit.number:
            title = f"{unit.number} {title}"
        level = unit.md_level or (3 if self.section else 2)
        if self.section and level <= 2:
            level = 3
        self.container.append(Heading(title=title, line=unit.line, level=max(2, level)))

    # clauses

    def top_clause(self, unit: Unit, text: str):
        self.content_started = True
        clause = Clause(number=unit.number, text=text, line=unit.line)
        self.container.append(clause)
        self.clause = clause
        self.levels = []
        self._track(lambda: clause.text, lambda v: setattr(clause, "text", v))

    def _choose_style(self, unit: Unit) -> str:
        styles = unit.styles or ("bullet",)
        if len(styles) == 1:
            return styles[0]
        token = clean_number(unit.number or "").lower()
        for level in reversed(self.levels):
            if level["style"] in styles and _follows(level["last"], token, level["style"]):
                return level["style"]
        return "roman" if token == "i" else "letter"

    def item(self, unit: Unit, text: str):
        if self.clause is None or self.clause.tail:
            self.top_clause(unit, text)
            return
        style = self._choose_style(unit)
        token = clean_number(unit.number or "").lower()
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
        level["last"] = token
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
        self.content_started = True
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


def _follows(previous: str, token: str, style: str) -> bool:
    if not previous:
        return token in ("a", "i")
    if style == "letter" and len(previous) == 1 and len(token) == 1:
        return ord(token) == ord(previous) + 1
    if style == "roman":
        romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        return (
            previous in romans
            and romans.index(previous) + 1 < len(romans)
            and (romans[romans.index(previous) + 1] == token)
        )
    return False


def _accept_bare_letters(units: list[Unit]) -> None:
    """'- a for the publication' is item a) only when 'b', 'c' ... follow it in turn."""
    index = 0
    while index < len(units):
        if units[index].styles != ("bare-letter",) or units[index].number != "a":
            index += 1
            continue
        run = [units[index]]
        for unit in units[index + 1 :]:
            expected = chr(ord(run[-1].number) + 1)
            if unit.styles == ("bare-letter",) and unit.number == expected:
                run.append(unit)
            else:
                break
        if len(run) >= 2:
            for unit in run:
                unit.number = f"{unit.number}"
                unit.styles = ("letter",)
        index += len(run)
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


def _is_heading_unit(unit: Unit, following: bool) -> bool:
    if unit.md_level:
        return True
    if not unit.alone or unit.bullet or not following:
        return False
    if unit.number and not _section_number(unit):
        return False
    return is_heading_text(unit.text)


def parse(source: SourceText, doc_id: str) -> Document:
    from .model import Metadata

    document = Document(doc_id=doc_id, path=source.path, metadata=Metadata())
    lines = read_lines(source, document.dropped, document.warnings)
    flow: list[Unit | Table] = []  # units and tables in reading order
    previous_heading: Unit | None = None
    for chunk in chunks(lines):
        result = read_chunk(chunk, document.dropped)
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
    units = [item for item in flow if isinstance(item, Unit)]
    tables = [item for item in flow if isinstance(item, Table)]
    for unit in units:
        if unit.number is None and unit.alone and not unit.bullet and not unit.md_level:
            match = _INTEGER_BARE.match(unit.text)
            if match and is_heading_text(unit.text[match.end() :]):
                unit.number, unit.styles = match.group(1), ("integer",)
                unit.text = unit.text[match.end() :]
    _accept_bare_letters(units)
    notes = {id(u) for u in units if _take_footnote(u, document.footnotes)}
    flow = [item for item in flow if id(item) not in notes]
    units = [u for u in units if id(u) not in notes]
    numbered = any(
        set(u.styles) & {"decimal", "integer"} and not u.md_level for u in units if u.number
    )
    builder = _Builder(document, numbered)
    for index, unit in enumerate(flow):
        if isinstance(unit, Table):
            builder.close_clause()
            builder.container.append(unit)
            builder.append_text = None
            continue
        text = unit.text.strip()
        if _is_heading_unit(unit, index + 1 < len(flow)):
            builder.heading(unit, text)
        elif unit.number and set(unit.styles) & {"decimal", "integer"}:
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
    from .model import iter_clauses, iter_notes

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
