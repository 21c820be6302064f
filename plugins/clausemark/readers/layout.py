"""The plain-text form every reader writes, so that one parser reads every format.

It is the layout of a council's text file: one paragraph per line with its printed
number in front, a blank line between paragraphs, headings on lines of their own
('#' marks a heading the source styled as one), table rows as tab-separated cells,
footnote marks as [^N] and the footnote texts at the end as '[^N]: text'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numbering.styles import ReadNumber, follows, in_sequence, read_number
from ..support.escaping import LINE_BREAK
from ..support.limits import check

# control characters and whitespace runs (tabs, non-breaking spaces): one space each run
# (a run that is one plain space already is one: left unmatched, so a line of words is
# scanned, not rewritten at every space)
_SPACE_RUN = re.compile(r"[\x00-\x20\x7f\u00a0\u2007\u202f]{2,}|[\x00-\x1f\x7f\u00a0\u2007\u202f]")
# "1.", "2.3", "IV.", "(i)", "(b)", "(12)", "ii.", "b)", "3)": a heading printing its number
_PRINTED_NUMBER = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z]{1,4}\.|\d{1,3}\)|(?:[ivxlc]{1,6}|[a-z])[.)]"
    r"|\((?:[ivxlc]{1,6}|[IVXLC]{1,6}|[a-zA-Z]{1,2}|\d{1,3})\))\s"
)


EMPTY_CELL = "\u00a0"

# A Word paragraph typed as a list: one letter, then spaces or a tab before its words
_MARKER_GAP = re.compile(r"^([A-Za-z]|\d{1,3})(?: {2,}|\t)[ \t]*(?=\S)")


_AROUND_BREAK = re.compile(" *\u2028[\u2028 ]*")


def clean(text: str) -> str:
    """One line of text: whitespace runs (tabs, non-breaking spaces) to one space; a
    LINE_BREAK kept inside the text (one, no space beside it), none at either end."""
    if "  " not in text and text.isprintable():
        # every character _SPACE_RUN reads but the space is not printable: nothing to do
        return text.strip()
    text = _SPACE_RUN.sub(" ", text).strip()
    return _AROUND_BREAK.sub(LINE_BREAK, text) if LINE_BREAK in text else text


_CLAUSE_END = (".", ";", ":", " and", " or")

# '1', '2.', '7a', '4.2', '(a)', 'b)', 'A': an item's number printed alone in its cell
_ITEM_NUMBER = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?|[A-Za-z])[.)]?$")
# an item's text opens with a word (a value, '£35' or '12,000', opens a table's row)
_WORDS_START = re.compile(r"^[*_]{0,3}[^\W\d_]")


def listed_items(rows: list[list[list[str]]]) -> list[tuple[str, list[str]]] | None:
    """A table laying out a list of items (an agenda saved from a council's site or typed
    in Word: '1' | 'To receive apologies' over its paragraph; '7a' | 'Revenue budget'),
    given each cell's paragraphs: each row's number and its text's paragraphs, or None
    for any other table. Two cells a row, the first a printed item number alone, the
    second words (not a value: '2' | '£35' is a table's row), two rows at least. Read as
    the items it lists (R19), each title and paragraph its own, as the page shows them,
    never a table whose rows cannot be cited (trial14 F1)."""
    if len(rows) < 2:
        return None
    found = []
    last: tuple[int, str] | None = None
    for row in rows:
        if len(row) != 2:
            return None
        number, text = row
        if len(number) != 1 or not _ITEM_NUMBER.match(number[0]) or not text:
            return None
        if not _WORDS_START.match(text[0]):
            return None
        order = _item_order(number[0])
        if last is not None and order is not None and order <= last:
            return None  # '5 | For', '2 | Against': a tally's counts, no list (R29)
        last = order or last
        found.append((number[0], text))
    return found


_WHOLE_AND_LETTER = re.compile(r"^\(?(\d{1,3})([a-z]?)")


def _item_order(number: str) -> tuple[int, str] | None:
    """'7a' -> (7, 'a'), '12.' -> (12, ''): where a numbered item stands in its list;
    None for a letter or a decimal's later parts (not compared)."""
    match = _WHOLE_AND_LETTER.match(number)
    return (int(match.group(1)), match.group(2)) if match else None


def numbered_parts(text: str) -> list[str]:
    """'1.4 The plan ...<br>1.5 Budgets ...', '(a) ...;<br>(b) ...': clauses a web page or
    Word file ran into one paragraph with line breaks, each after a clause's end and
    opening on the next number of the one before, are paragraphs of their own."""
    parts = text.split(LINE_BREAK)
    # each paragraph's lines, joined once at the end (a string added to at every line
    # break made a paragraph of thousands of them quadratic)
    out, last = [[parts[0]]], read_number(parts[0])
    for part in parts[1:]:
        found = read_number(part)
        ends = out[-1][-1].endswith(_CLAUSE_END)
        if last and found and found.rest and ends and _next(last, found):
            out.append([part])
            last = found
        else:
            out[-1].append(part)
    return [LINE_BREAK.join(lines) for lines in out]


PRE_LINE = "\x00"  # a line end inside a web page's <pre> (a NUL of the page is a space)


def preformatted_paragraphs(text: str) -> list[str]:
    """A web page's `<pre>` text read as a text file's lines are: a blank line ends a
    paragraph, and a line opening on a printed number (the first, or the next of the one
    before) opens one; the other line ends are kept as line breaks, as the page shows
    them. Each paragraph is cleaned (`clean`)."""
    out: list[str] = []
    lines: list[str] = []
    last: ReadNumber | None = None
    for raw in [*text.split(PRE_LINE), ""]:
        line = clean(raw)
        found = read_number(line) if line else None
        opens = bool(found and found.rest and (last is None or _next(last, found)))
        if lines and (not line or opens):
            out.append(LINE_BREAK.join(lines))
            lines = []
        if line:
            lines.append(line)
            last = found if opens else last
    return out


def _next(last: ReadNumber, found: ReadNumber) -> bool:
    if "decimal" in last.styles or "integer" in last.styles:
        return in_sequence(last.number, found.number)
    style = next((s for s in last.styles if s in found.styles), None)
    return style is not None and follows(style, last.number.strip("()."), found.number.strip("()."))


def emphasise(text: str, bold: bool = False, italic: bool = False, underline: bool = False):
    """Markdown emphasis hugging the words; spaces around them stay outside the marks."""
    core = text.strip()
    if not core or not (bold or italic or underline):
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    if underline:
        core = f"<u>{core}</u>"
    if italic:
        core = f"*{core}*"
    if bold:
        core = f"**{core}**"
    return f"{lead}{core}{trail}"


def link(text: str, target: str) -> str:
    """A Markdown link; the URL is kept as found (the link layer decides what survives)."""
    label = text.strip()
    check("link_target", len(target))
    target = target.strip()
    if " " in target or "(" in target or ")" in target or "[" in target or "]" in target:
        target = target.translate(_TARGET_ESCAPES)  # five scans in C where translate looks up
        # every character (15,300 links of a 68 MB body: 0.035 s)
    if not label or not target:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}[{_label(label)}]({target}){trail}"


# What would end a Markdown link's target early (a space, a parenthesis) or hide its
# words from the nothing-lost proof (a bracket: "https://x/a[1]") is percent-encoded.
_TARGET_ESCAPES = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "[": "%5B", "]": "%5D"})


# A bracket in a link's words ("see ] here") is escaped, or Markdown reads no link and
# the page shows "[see ] here](https://...)"; a footnote mark ("[^2]") inside stays one.
_NOTE_MARK = re.compile(r"(\[\^[^\[\]\s]+\])")
_INNER_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\([^()\s]*\)")  # made by `link`


def _label(label: str) -> str:
    if "[" not in label and "]" not in label:
        return label
    if "](" in label:  # a link inside a link (a Word field in a field): its words, as one link
        label = _INNER_LINK.sub(r"\1", label)
    parts = _NOTE_MARK.split(label)  # words, a footnote mark, words, ...
    return "".join(
        part if odd % 2 else part.replace("[", "\\[").replace("]", "\\]")
        for odd, part in enumerate(parts)
    )


@dataclass
class TextLayout:
    """Blocks in reading order, written out as the text parser expects them."""

    blocks: list[str] = field(default_factory=list)
    footnotes: list[tuple[str, str]] = field(default_factory=list)
    # Where in the file the reader is ("page 3", "paragraph 12", "line 40"): each block
    # keeps the place it was read at, so a warning can name it (see `places`).
    place: str | None = None
    block_places: list[str | None] = field(default_factory=list)
    footnote_places: list[str | None] = field(default_factory=list)
    size: int = 0  # characters laid out so far
    # the place of each line the reader left out, by its index in the reader's dropped list
    dropped_places: dict[int, str] = field(default_factory=dict)
    # the blocks that are tables the reader read as tables (by index in `blocks`): the
    # parser keeps them as tables whatever their row count (see `table_lines`)
    table_blocks: set[int] = field(default_factory=set)
    # the blocks the reader set apart (a row of a one-column table, a list item, a web
    # page's paragraph): each starts a paragraph of its own, never the rest of the one
    # above however that one ends (see `apart_lines`)
    apart_blocks: set[int] = field(default_factory=set)
    every_block_apart: bool = False  # every block laid out is set apart (web pages, Word)
    # the tables the reader knows print no header row (a definitions list: terms and
    # their definitions, its first term no column heading; see `untitled_lines`)
    untitled_blocks: set[int] = field(default_factory=set)
    # Bullets Word prints beside the numbered item above them, at its indent, not under
    # it (a list of their own: `beside_lines`, parse/parser.py)
    beside_blocks: set[int] = field(default_factory=set)
    plain_first_blocks: set[int] = field(default_factory=set)  # see `plain_first_rows`
    item_blocks: set[int] = field(default_factory=set)  # a web list's items (`item_lines`)
    # `_block_lines` for the blocks so far (their count, the list): blocks are only ever
    # added, and the readers ask for the lines of tables, set-apart blocks ... in turn
    _lines: tuple[int, list[tuple[int, int, int]]] = field(
        default=(0, []), repr=False, compare=False
    )

    def take(self, other: TextLayout) -> None:
        """Another layout's blocks (a table cell read as text), each at its own place."""
        self.size = check("text_characters", self.size + other.size, self.place)
        start = len(self.blocks)
        self.table_blocks |= {start + index for index in other.table_blocks}
        self.untitled_blocks |= {start + index for index in other.untitled_blocks}
        self.beside_blocks |= {start + index for index in other.beside_blocks}
        self.plain_first_blocks |= {start + index for index in other.plain_first_blocks}
        self.item_blocks |= {start + index for index in other.item_blocks}
        apart = range(len(other.blocks)) if self.every_block_apart else other.apart_blocks
        self.apart_blocks |= {start + index for index in apart}
        self.blocks += other.blocks
        self.block_places += other.block_places

    def _add(self, block: str, apart: bool = False) -> None:
        self._count(block)
        if apart or self.every_block_apart:
            self.apart_blocks.add(len(self.blocks))
        self.blocks.append(block)
        self.block_places.append(self.place)

    def _count(self, text: str) -> None:
        """The text laid out so far, bounded as it grows (a reader's output may be far
        larger than its file: a zip, or one template printed before every paragraph)."""
        self.size = check("text_characters", self.size + len(text) + 2, self.place)

    def heading(self, text: str, level: int) -> None:
        """A heading with a printed number stays a plain line: the number opens a section.
        A line break inside a heading is a space (a heading is one line of the contents)."""
        text = clean(text.replace(LINE_BREAK, " ") if LINE_BREAK in text else text)
        if _PRINTED_NUMBER.match(text):
            self._add(text)
        elif text:
            self._add(f"{'#' * max(1, min(level, 6))} {text}")

    def paragraph(
        self,
        text: str,
        indent: int = 0,
        apart: bool = False,
        beside: bool = False,
        item: bool = False,
    ) -> None:
        if beside:
            self.beside_blocks.add(len(self.blocks))
        if item:
            self.item_blocks.add(len(self.blocks))
        gap = _MARKER_GAP.match(text) if " " in text[1:4] or "\t" in text[1:4] else None
        text = clean(text)
        if gap:  # "A   One theft ...": the gap a bare letter's run needs (R17), as in a .txt
            text = f"{gap.group(1)}  {text[len(gap.group(1)) + 1 :]}"
        for part in numbered_parts(text) if LINE_BREAK in text else [text]:
            if part:
                self._add(" " * indent + part, apart)

    def table(self, rows: list[list[str]], header: bool = True, shown: bool = True) -> None:
        """A table's rows, its cells a tab apart; `header` False: the reader knows its first
        row is no column heading; `shown` False: its first row names the columns (a version
        table's 'Version', 'Date') but is printed as a row, not as headings (a web table
        with no <th>). A table of one column is its rows, each set apart."""
        cleaned = [[clean(cell) for cell in row] for row in rows]
        cleaned = [row for row in cleaned if any(row)]
        if not cleaned:
            return
        if max(len(row) for row in cleaned) < 2:
            for row in cleaned:
                self.paragraph(row[0] if row else "", apart=True)
            return
        width = max(len(row) for row in cleaned)
        short = sum(width - len(row) for row in cleaned)
        if short <= sum(len(row) for row in cleaned):  # padding stays linear in the cells
            cleaned = [row + [""] * (width - len(row)) for row in cleaned]
        # an empty cell is a no-break space: a line's ends are stripped of spaces and
        # tabs, so an empty first or last cell (a merged cell's other rows) would vanish
        # and the row, one cell short, would end the table
        self.table_blocks.add(len(self.blocks))
        if not header:
            self.untitled_blocks.add(len(self.blocks))
        elif not shown:
            self.plain_first_blocks.add(len(self.blocks))
        self._add("\n".join("\t".join(cell or EMPTY_CELL for cell in row) for row in cleaned))

    def cells(self, rows: list[list[list[str]]], shown: bool = True) -> None:
        """A table given each cell's paragraphs (a merged cell's other columns: none): the
        items it lists (`listed_items`: an agenda typed as a table, trial14 F1), or its
        rows, each cell's paragraphs joined (see `table`)."""
        items = listed_items(rows)
        if items is not None:
            self.items(items)
        else:
            self.table([[" ".join(cell) for cell in row] for row in rows], shown=shown)

    def items(self, items: list[tuple[str, list[str]]]) -> None:
        """A table's rows read as the items they list (`listed_items`): the number before
        its title, each further paragraph of its text its own, set apart as printed."""
        for number, paragraphs in items:
            self.paragraph(f"{number} {paragraphs[0]}", apart=True)
            for paragraph in paragraphs[1:]:
                self.paragraph(paragraph, apart=True)

    def footnote(self, label: str, text: str) -> None:
        self._count(text)
        self.footnotes.append((label, clean(text)))
        self.footnote_places.append(self.place)

    def render(self) -> str:
        notes = [f"[^{label}]: {text}" for label, text in self.footnotes if text]
        return "\n\n".join([*self.blocks, *notes]) + "\n"

    def _block_lines(self) -> list[tuple[int, int, int]]:
        """Each block's index, first line in `render()` (from 1) and count of lines."""
        counted, found = self._lines
        if counted != len(self.blocks):
            found, line = [], 1
            for index, block in enumerate(self.blocks):
                height = block.count("\n") + 1
                found.append((index, line, height))
                line += height + 1
            self._lines = (len(self.blocks), found)
        return found

    def table_lines(self) -> frozenset[int]:
        """The lines of `render()` (from 1) that are rows of a table the reader read as
        one: a table of one row is a table too, not a line with a tab in it."""
        found: set[int] = set()
        for index, line, height in self._block_lines():
            if index in self.table_blocks:
                found.update(range(line, line + height))
        return frozenset(found)

    def block_lines(self, indexes: dict[str, int]) -> dict[str, int]:
        """Each name's block (an index into `blocks`) as the line of `render()` it starts."""
        starts = {index: line for index, line, _height in self._block_lines()}
        return {name: starts[index] for name, index in indexes.items() if index in starts}

    def apart_lines(self) -> frozenset[int]:
        """The first line of each block the reader set apart (see `apart_blocks`)."""
        apart = self.apart_blocks
        return frozenset(line for index, line, _ in self._block_lines() if index in apart)

    def beside_lines(self) -> frozenset[int]:
        """The line of each bullet printed beside the numbered item above it."""
        beside = self.beside_blocks
        return frozenset(line for index, line, _ in self._block_lines() if index in beside)

    def item_lines(self) -> frozenset[int]:
        """The line of each item of a web page's list, its marker printed by the browser:
        where the page shows a list by its markup, not by indentation (R40)."""
        items = self.item_blocks
        return frozenset(line for index, line, _ in self._block_lines() if index in items)

    def untitled_lines(self) -> frozenset[int]:
        """The first row of each table the reader knows has no header row."""
        untitled = self.untitled_blocks
        return frozenset(line for index, line, _ in self._block_lines() if index in untitled)

    def plain_first_rows(self) -> frozenset[int]:
        """Every row of each table printed with no row of headings (see `table`): the
        parser may read some rows as clauses (a number in the first cell) and the rest as
        a table, whose first row is then no heading either."""
        plain = self.plain_first_blocks
        found: set[int] = set()
        for index, line, height in self._block_lines():
            if index in plain:
                found.update(range(line, line + height))
        return frozenset(found)

    def places(self) -> dict[int, str]:
        """Each line of `render()` (from 1) -> the place in the file it was read at."""
        found: dict[int, str] = {}
        line = 1
        notes = [
            (f"[^{label}]: {text}", place)
            for (label, text), place in zip(self.footnotes, self.footnote_places, strict=True)
            if text
        ]
        for block, place in [*zip(self.blocks, self.block_places, strict=True), *notes]:
            height = block.count("\n") + 1
            if place is not None:
                found.update(dict.fromkeys(range(line, line + height), place))
            line += height + 1
        return found
