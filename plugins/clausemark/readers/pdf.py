"""PDF (its text layer): lines back into the paragraphs they were before printing.

Read with pypdfium2 (PDFium, the engine in Chromium), chosen by measurement; see the
README ('Word, PDF and web pages'). Each page's characters become lines by their
baselines, with positions, sizes, bold and italic (pdf_extract.py); then general rules
of geometry put the text together:

- running headers and footers: lines at the top or bottom of pages that repeat at the
  same height on most pages once digits are normalised, bare page numbers standing
  apart from the text, and on a page of its own a first line in small type set well
  above the text, are dropped (pdf_running.py);
- a page in two columns is read column by column;
- a printed contents list (entries ending in page numbers, with or without dot
  leaders) is dropped, with its title;
- tables, ruled or set in aligned columns, are read cell by cell, row by row, also
  over a page break (pdf_tables.py), and written as tab-separated rows;
- lines join into a paragraph until a wider gap, a change of font size, a line broken
  before the text's right edge (the next word would have fitted), or a line out of
  line with the paragraph's wrapped lines; a wrapped line that begins with a number
  ('5.1 of the Members' Code') goes on with its paragraph, unless a gap wider than the
  line pitch comes before it; lines of one large size make one title or heading;
- a hyphen the printer added at a line end (U+2010, a soft hyphen) goes, a typed one
  stays ('co-opted') unless the document spells the word elsewhere without it;
- bold and italic become Markdown around the words (not over a whole heading);
- raised small digits are footnote marks (¹); ligatures (ﬁ, ﬀ) become their letters.

What is left out is returned as `dropped` (the JSON export lists it), with text the page
does not show. A PDF with no text layer, locked or damaged is an error naming the file.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from ..support.child_process import within_memory
from ..support.escaping import literal_words
from ..support.limits import MB, most
from .layout import TextLayout, clean, emphasise
from .pdf_columns import in_columns, reading_order, tables_in
from .pdf_extract import (  # noqa: F401  (Line, Page, BOLD, ITALIC: this reader's vocabulary)
    BOLD,
    ITALIC,
    SUPERSCRIPT_DIGITS,
    Line,
    Page,
    _extract,
    _middle,
    zero_width_left_out,
)
from .pdf_footnotes import body_foot, page_marks, plain_notes
from .pdf_running import body_lines, running_lines
from .pdf_tables import (
    Cell,
    FoundTable,
    continuation,
    hanging_label,
    ruled_tables,
)
from .text import SourceError, SourceText

_FOOTNOTE_MARK = re.compile(f"^([{SUPERSCRIPT_DIGITS}]{{1,3}})\\s*(?=\\S)")
_ROMANS = "(?:x{0,2}(?:ix|iv|v?i{1,3}|v)|x{1,3})"  # ii .. xxxix: item numbers, not words
_STARTS_NUMBERED = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})+\.?\s|\d{1,3}[.)]\s|\(\s*[a-zA-Z]{1,5}\s*\)\s|\(\d{1,3}\)\s|"
    rf"(?:[a-zA-Z]|{_ROMANS}|{_ROMANS.upper()})[.)]\s(?=\S)|[•▪◦·‣-]\s)"
)
_BARE_NUMBERED = re.compile(r"^\d{1,3}\s+[A-Z]")  # '1 COUNCIL MEETINGS', '2 Quorum'
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$")
_CONTENTS_TITLE = re.compile(r"^(?:table of )?contents$", re.I)
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
HYPHENS = {"-", "\u2010", "\u2011", "\u00ad"}
_SPACED_HYPHEN = re.compile(r"(?<=\w) +([-\u2010\u00ad])$")
_ADDED_HYPHENS = {"\u2010", "\u00ad"}


def cpu_seconds(size: int) -> int:
    """The CPU time the PDF library may take to read a file of `size` bytes: a floor, or
    a time a MB past it (support/limits.py says how each was chosen)."""
    return max(most("pdf_cpu_seconds"), math.ceil(most("pdf_cpu_seconds_per_mb") * size / MB))


def read(raw: bytes, path: str) -> SourceText:
    # PDFium reads in a child process: its memory and CPU time are bounded
    # (support/child_process.py)
    cpu = ("pdf_cpu_seconds", cpu_seconds(len(raw)))
    pages = within_memory("pdf_memory", _extract, raw, path, cpu=cpu)
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise SourceError(
            path,
            "this PDF has no text layer (a scanned image?); run it through OCR "
            "or use the Word or web version",
        )
    layout, dropped = assemble_layout(pages)
    text = layout.render()
    if not text.strip():
        raise SourceError(path, "no text is left once the PDF's headers and footers are removed")
    return SourceText(
        path,
        text,
        source_format="pdf",
        dropped=dropped,
        warnings=_pages_without_text(pages) + zero_width_left_out(pages),
        places=layout.places(),
        dropped_places=layout.dropped_places,
        table_lines=layout.table_lines(),
        apart_lines=layout.apart_lines(),
    )


def _pages_without_text(pages: list[Page]) -> list[tuple[str, str]]:
    """A page that is only an image (a scanned page among typed ones) has words we
    cannot read: say so rather than lose them quietly."""
    empty = [str(n) for n, page in enumerate(pages, 1) if not page.lines]
    if not empty:
        return []
    shown = ", ".join(empty[:10]) + (" ..." if len(empty) > 10 else "")
    return [("pdf-no-text", f"page {shown} has no text layer (a scanned image?); not read")]


# --- layout (pure: pages of lines in, text out) -----------------------------------


def _is_contents_entry(line: Line, recurring: set[str] | None = None) -> bool:
    """An entry of a printed contents list: a page number after dot leaders, or after a
    wide gap when its title comes back elsewhere in the document (a heading); else a
    table's row ('Quorum<gap>4'), which is never contents."""
    text = clean(line.text)
    if _DOT_LEADER.search(text):
        return True
    last = text.rsplit(" ", 1)
    if not (len(last) == 2 and last[1].isdigit()):
        return False
    if line.gap_before_last <= 3 * max(line.size, 1):
        return False
    return recurring is None or _title_key(last[0]) in recurring


_NOT_LETTERS = re.compile(r"[^a-z]+")


def _title_key(text: str) -> str:
    return " ".join(_NOT_LETTERS.sub(" ", text.lower()).split())


def recurring_titles(pages: list[Page]) -> set[str]:
    """Lines' words (letters only) that stand on two lines or more of the document: a
    contents entry's title and its heading."""
    counts: Counter[str] = Counter(
        _title_key(line.text) for page in pages for line in page.lines if len(line.text) < 200
    )
    return {key for key, count in counts.items() if count >= 2 and key}


def _drop_contents(
    lines: list[Line], recurring: set[str] | None = None
) -> tuple[list[Line], list[Line]]:
    """A printed contents list: a run of three or more entries, with its title."""
    entries = [_is_contents_entry(line, recurring) for line in lines]
    if sum(entries) < 3:
        return lines, []
    kept: list[Line] = []
    dropped: list[Line] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and entries[end]:
            end += 1
        if end - index >= 3:
            if kept and _CONTENTS_TITLE.match(clean(kept[-1].text)):
                dropped.append(kept.pop())
            dropped += lines[index:end]
            index = end
            continue
        kept.append(lines[index])
        index += 1
    return kept, dropped


@dataclass
class _Paragraph:
    lines: list[Line]
    # the line above ended far short of the text's edge where this one's first word
    # fitted: the writer's line break (an entry of a list of short lines), never a
    # paragraph the text above runs on into
    apart: bool = False

    @property
    def size(self) -> float:
        return self.lines[0].size


def _as_text(line: Line) -> Line:
    """A line outside any table: parts set apart (a number in a hanging indent, a gap in
    justified type) are words of one sentence."""
    if "\t" not in line.text:
        return line
    styles = line.styles
    if styles:
        styles = "".join(
            "0" if ch == "\t" else st for ch, st in zip(line.text, styles, strict=True)
        )
    labelled = len(line.spans) >= 2 and hanging_label(line.text)
    text_at = line.spans[1][0] if labelled else 0.0
    return replace(
        line, text=line.text.replace("\t", " "), styles=styles, spans=[], text_at=text_at
    )


def _edges(lines: list[Line], width: float, fallback: float) -> dict[str, float]:
    """The right edge of the text, per column ('L'eft, 'R'ight or 'F'ull width): where a
    line that wraps ends."""
    middle = width / 2
    found: dict[str, float] = {}
    for line in lines:
        kind = _column_kind(line, middle)
        found[kind] = max(found.get(kind, 0.0), line.x1)
    if found.get("L", 0) and found.get("R", 0):
        return found
    full = max([fallback, *found.values()])
    mirror = width - min((line.x0 for line in lines), default=0.0)
    if full < 0.6 * mirror:  # no line comes near the right margin: the edge is not known
        full = 0.0
    return {"L": full, "R": full, "F": full}


def _column_kind(line: Line, middle: float) -> str:
    return "L" if line.x1 < middle else "R" if line.x0 > middle else "F"


def _broken_early(previous: Line, line: Line, edge: float, far_known: bool = True) -> bool:
    """The line ended where the next line's first word would still have fitted: the
    break was the writer's (a new paragraph), not the typesetter's. The page's edge
    says there was room; the next line proves it when it reaches further right than
    its first word would have on the line before (in a block indented on the right,
    as a quotation or a box is, it does not), or the line ends a sentence, or (where
    the edge is known to be this column's: `far_known`) it ended far short of it."""
    last = previous.text.rstrip()
    if not last or last[-1] in HYPHENS:
        return False
    unit = max(line.size, 1)
    needed = line.first_word + 0.35 * unit
    room = edge - previous.x1 - 0.25 * unit
    if needed >= room:
        return False
    if line.x1 > previous.x1 + needed or _TERMINAL.search(last):
        return True
    return far_known and _far_short(previous, line, edge)


def _far_short(previous: Line, line: Line, edge: float) -> bool:
    """The line ended far short of the text's edge, with more room left after the next
    line's first word than any right indent of a quotation takes: in a list of short
    lines (an index, rows of a one-column table) none reaches further right than the
    one before, yet each was broken by its writer."""
    unit = max(line.size, 1)
    room = edge - previous.x1 - 0.25 * unit - (line.first_word + 0.35 * unit)
    return room > _FAR_SHORT * (edge - min(previous.x0, line.x0))


_FAR_SHORT = 0.3  # of the text's width


_NUMBER_THEN_CAPITAL = re.compile(r"^\S+\s+[\"'“‘(]?[A-Z]")


def _opens_after_sentence(previous: Line, line: Line) -> bool:
    """A printed number that opens a sentence right after one ended ('... appoints to
    it.' / '1.2 The quorum ...') starts a clause even where the page shows no wider gap
    (a page of one-line clauses teaches no line pitch). A wrapped reference continues a
    sentence ('... paragraph' / '5.1 of the Members' Code'), so it never follows one."""
    return bool(_TERMINAL.search(previous.text.rstrip())) and bool(
        _NUMBER_THEN_CAPITAL.match(clean(line.text))
    )


def line_pitch(lines: list[Line], body_size: float) -> float:
    """The step from one line of a paragraph to the next: the smaller steps between
    lines of body text (a paragraph's gap is wider)."""
    steps = sorted(
        b.bottom - a.bottom
        for a, b in zip(lines, lines[1:], strict=False)
        if abs(a.size - body_size) < 0.5
        and abs(b.size - body_size) < 0.5
        and 0.9 * body_size <= b.bottom - a.bottom < 3 * max(body_size, 1)
    )
    return steps[len(steps) // 10] if steps else max(body_size, 1) * 1.3


def paragraphs(
    lines: list[Line],
    body_size: float,
    width: float = 0.0,
    edge: float = 0.0,
    pitch: float | None = None,
    columns: bool = False,
) -> list[_Paragraph]:
    """Lines grouped into paragraphs by geometry: a paragraph's gap, a change of type
    size, a line broken before the text's edge, or a line that starts left or right of
    the paragraph's wrapped lines. A wrapped line that begins with a number ('5.1 of
    the Members' Code') goes on with its paragraph. Where the page does not show its
    right edge (no line reaches it), a line that begins with a number starts one."""
    if not lines:
        return []
    if pitch is None:
        pitch = line_pitch(lines, body_size)
    body = [line for line in lines if abs(line.size - body_size) < 0.6]
    edges = _edges(body, width or max(line.x1 for line in lines) * 2, edge)
    middle = (width or 0) / 2
    # how far short a line ends is known where the edge is its column's: on a page in
    # one column, or where both columns' lines show their own edges
    sides = {_column_kind(line, middle) for line in body} if columns else set()
    far_known = not columns or {"L", "R"} <= sides
    groups = [_Paragraph([lines[0]])]
    for previous, line in zip(lines, lines[1:], strict=False):
        apart = False
        gap = line.bottom - previous.bottom
        new = (
            gap > 1.35 * max(pitch, 1.15 * line.size)
            or gap < 0
            or abs(line.size - previous.size) > 0.6
            or line.x0 > previous.x1  # side by side: another column or cell
        )
        if (
            gap < 0
            and line.x0 > previous.x1
            and abs(previous.size - line.size) < 0.6
            and _continues([previous.text], [line.text], _Paragraph([line]), body_size)
        ):
            groups[-1].lines.append(line)  # the top of the next column: a sentence cut
            continue  # at the column's foot goes on
        if not new and abs(line.size - body_size) < 0.6:
            # A printed number after any step wider than the line pitch: a new item
            # (a paragraph's spacing may be slight); inside a paragraph lines step evenly.
            text = clean(line.text)
            numbered = bool(_STARTS_NUMBERED.match(text))
            wider = gap > 1.12 * max(pitch, line.size) + 0.5
            # '1 COUNCIL MEETINGS' (a bare number, as the text parser reads it) after a
            # wider step starts an item too: the line above may have reached the edge
            new = (numbered and (wider or _opens_after_sentence(previous, line))) or (
                wider and bool(_BARE_NUMBERED.match(text))
            )
        if not new and abs(line.size - body_size) < 0.6:
            group = groups[-1].lines
            edge_here = edges[_column_kind(previous, middle)] if width else edges["F"]
            if edge_here:
                new = _broken_early(previous, line, edge_here, far_known)
                apart = new and far_known and _far_short(previous, line, edge_here)
            else:
                new = bool(_STARTS_NUMBERED.match(clean(line.text)))
            if not new and len(group) >= 2:
                wrapped = group[-1].x0  # where the paragraph's wrapped lines start
                new = abs(line.x0 - wrapped) > 0.8 * max(line.size, 1)
            if not new and line.text_at and previous.text_at:
                # a number set out in the hanging indent, left of where the line above
                # runs its text: the next item (a wrapped line starts at the text)
                new = line.x0 < previous.text_at - 0.8 * max(line.size, 1)
        if new:
            groups.append(_Paragraph([line], apart))
        else:
            groups[-1].lines.append(line)
    return groups


def _words(pages_text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z'-]*[a-z]", pages_text.lower()))


def join_lines(texts: list[str], vocabulary: set[str]) -> str:
    """One paragraph from its lines, with words broken at a line end made whole.

    A hyphen the typesetter added (U+2010, as Chromium prints a soft hyphen's break,
    or a soft hyphen itself) goes. A typed hyphen ('co-opted') stays, unless the
    document spells the word elsewhere without it and never with it.
    """
    out = clean(texts[0])
    for text in texts[1:]:
        text = clean(text)
        if not (out and out[-1] in HYPHENS and out[-2:-1].isalpha() and text[:1].isalnum()):
            out = f"{out} {text}"
            continue
        if out[-1] in _ADDED_HYPHENS:
            out = f"{out[:-1]}{text}"
            continue
        head = re.findall(r"[A-Za-z]+$", out[:-1])
        tail = re.findall(r"^[A-Za-z]+", text)
        whole = (head[0] + tail[0]).lower() if head and tail else ""
        spelt = f"{head[0]}-{tail[0]}".lower() if head and tail else ""
        if whole in vocabulary and spelt not in vocabulary:
            out = f"{out[:-1]}{text}"
        else:
            out = f"{out}{text}"
    return out


def styled_join(lines: list[tuple[str, str]], vocabulary: set[str]) -> str:
    """`join_lines` over (text, styles) lines, with bold and italic written as Markdown
    around the words the font set so. Emphasis over the whole paragraph is the
    paragraph's style (a heading, a table's header), not emphasis, and is left out; so
    is emphasis on a printed number in front."""
    out = join_lines([text for text, _styles in lines], vocabulary)
    if not any(styles for _text, styles in lines):
        return literal_words(out)
    source = [
        (char, int(style))
        for text, styles in lines
        for char, style in zip(text, styles or "0" * len(text), strict=True)
        if not char.isspace()
    ]
    marks: list[int] = []  # per character of out (spaces: -1)
    at = 0
    for char in out:
        if char.isspace():
            marks.append(-1)
            continue
        while at < len(source) and source[at][0] != char:
            at += 1  # a hyphen the join took out
        marks.append(source[at][1] if at < len(source) else 0)
        at += 1
    solid = [mark for mark in marks if mark >= 0]
    common = BOLD | ITALIC
    for mark in solid:
        common &= mark
    marks = [mark & ~common if mark >= 0 else mark for mark in marks]
    number = _STARTS_NUMBERED.match(out)
    if number:
        marks[: number.end()] = [-1 if m < 0 else 0 for m in marks[: number.end()]]
    if not any(mark > 0 for mark in marks):
        return literal_words(out)
    return _emphasised(out, marks)


def _emphasised(text: str, marks: list[int]) -> str:
    """Runs of one style, each wrapped in its Markdown; a space between two words of
    the same style stays inside the run."""
    runs: list[tuple[str, int]] = []  # (text, style) with spaces kept in the text
    for match in re.finditer(r"\s+|\S+", text):
        piece = match.group()
        if piece.isspace():
            runs.append((piece, -1))
            continue
        start = match.start()
        for offset, char in enumerate(piece):
            style = marks[start + offset]
            if runs and runs[-1][1] == style:
                runs[-1] = (runs[-1][0] + char, style)
            elif len(runs) >= 2 and runs[-1][1] == -1 and runs[-2][1] == style and offset == 0:
                space = runs.pop()[0]
                runs[-1] = (runs[-1][0] + space + char, style)
            else:
                runs.append((char, style))
    return "".join(
        emphasise(literal_words(piece), bool(style & BOLD), bool(style & ITALIC))
        if style > 0
        else literal_words(piece)
        for piece, style in runs
    )


def assemble(pages: list[Page]) -> tuple[str, list[tuple[str, str]]]:
    """Pages of lines to the text the parser reads, with the lines dropped and why."""
    layout, dropped = assemble_layout(pages)
    return layout.render(), dropped


def assemble_layout(pages: list[Page]) -> tuple[TextLayout, list[tuple[str, str]]]:
    """Pages of lines to the text layout (each block at the page it starts on), with the
    lines dropped and why."""
    running = running_lines(pages)
    flow: list[list[Line | FoundTable]] = []
    dropped: list[tuple[str, str]] = []
    body_size = _body_size([line for page in pages for line in page.lines])
    columns = False  # the page before was set in two columns
    page_columns: list[bool] = []  # each page's
    recurring = recurring_titles(pages)
    dropped_places: dict[int, str] = {}  # index in `dropped` -> the page it was on
    for page_number, page in enumerate(pages, 1):
        left_out = len(dropped)
        body, chrome = body_lines(page, running, body_size, len(pages) == 1)
        dropped += [("running header, footer or page number", clean(ln.text)) for ln in chrome]
        dropped += page.unseen
        ruled, body = ruled_tables(body, page.rules)
        # Each ruled table stands in the reading order as one mark where it starts (a
        # line of no text, whose `styles` is the table's number).
        marked = body + [_table_mark(t, n) for n, t in enumerate(ruled)]
        columns = in_columns(marked, page.width, columns)
        page_columns.append(columns)
        items: list[Line | FoundTable] = []
        segment: list[Line] = []
        for line in [*reading_order(marked, page.width, columns), None]:
            if line is not None and line.text:
                segment.append(line)
                continue
            segment, contents = _drop_contents(segment, recurring)
            dropped += [("printed contents list", clean(ln.text)) for ln in contents]
            items += tables_in(segment, page.width, columns)
            segment = []
            if line is not None:
                items.append(ruled[int(line.styles)])
        flow.append(_joined(items))
        dropped_places.update(dict.fromkeys(range(left_out, len(dropped)), f"page {page_number}"))
    all_lines = [item for page in flow for item in page if isinstance(item, Line)]
    vocabulary = _words(" ".join(line.text for line in all_lines))
    body_size = _body_size(all_lines)
    edge = _text_edge(all_lines, body_size)
    pitch = line_pitch(all_lines, body_size)
    layout = TextLayout(dropped_places=dropped_places)
    pending: list[Line] | None = None  # a paragraph that may go on over the page
    pending_place: str | None = None
    pending_table: tuple[FoundTable, str] | None = None  # a table that may go on too
    for number, (page, items) in enumerate(zip(pages, flow, strict=True), start=1):
        layout.place = page_place = f"page {number}"
        if pending_table is not None and items and isinstance(items[0], Line):
            going_on, rest = continuation(items, pending_table[0])
            if going_on is not None:
                items = [going_on, *rest]
        blocks: list[_Paragraph | FoundTable] = []
        run: list[Line] = []
        for item in [*items, None]:
            if isinstance(item, Line):
                run.append(_as_text(item))
                continue
            blocks += paragraphs(run, body_size, page.width, edge, pitch, page_columns[number - 1])
            run = []
            if item is not None:
                blocks.append(item)
        page_lines = [item for item in items if isinstance(item, Line)]
        foot = (page_marks(page_lines), body_foot(page_lines, body_size))
        blocks = [
            b
            for b in blocks
            if not (
                isinstance(b, _Paragraph) and _take_footnote(b, body_size, vocabulary, layout, foot)
            )
        ]
        for position, block in enumerate(blocks):
            layout.place = page_place
            if pending_table is not None:
                table, table_place = pending_table
                pending_table = None
                if position == 0 and isinstance(block, FoundTable) and _same_table(table, block):
                    block = _join_tables(table, block)
                    page_place = table_place
                else:
                    layout.place = table_place
                    _emit_table(layout, table, vocabulary)
                    layout.place = page_place
            if isinstance(block, FoundTable):
                if pending is not None:
                    layout.place = pending_place
                    _emit(layout, pending, body_size, body_size, vocabulary)
                    layout.place = page_place
                    pending = None
                if position == len(blocks) - 1:  # it may go on over the page
                    pending_table = (block, page_place)
                else:
                    layout.place = page_place
                    _emit_table(layout, block, vocabulary)
                continue
            group_lines = block.lines
            if pending is not None:
                texts = [line.text for line in group_lines]
                if (
                    position == 0
                    and not _hangs_left(pending, block)
                    and (
                        _continues([ln.text for ln in pending], texts, block, body_size)
                        or _continues_indented(pending, block, body_size, edge)
                    )
                ):
                    group_lines = pending + group_lines
                    layout.place = pending_place  # where the paragraph starts
                else:
                    layout.place = pending_place
                    _emit(layout, pending, body_size, body_size, vocabulary)
                    layout.place = page_place
                pending = None
            if position == len(blocks) - 1 and abs(block.size - body_size) < 0.6:
                pending, pending_place = group_lines, layout.place
                continue
            _emit(layout, group_lines, block.size, body_size, vocabulary, block.apart)
    if pending_table is not None:
        layout.place = pending_table[1]
        _emit_table(layout, pending_table[0], vocabulary)
    if pending is not None:
        layout.place = pending_place
        _emit(layout, pending, body_size, body_size, vocabulary)
    return layout, dropped


def _joined(items: list) -> list:
    """A table and the next, with nothing between them and as many columns: one table
    cut by a column's foot (its header printed again is left out)."""
    out: list = []
    for item in items:
        last = out[-1] if out else None
        if (
            isinstance(item, FoundTable)
            and isinstance(last, FoundTable)
            and _same_table(last, item)
        ):
            out[-1] = _join_tables(last, item)
            continue
        out.append(item)
    return out


def _same_table(before: FoundTable, after: FoundTable) -> bool:
    return bool(before.rows and after.rows) and len(before.rows[0]) == len(after.rows[0])


def _join_tables(before: FoundTable, after: FoundTable) -> FoundTable:
    """A table that runs on over the page: its header printed again is left out, and a
    row cut by the page break (its cells going on in small letters) is joined back."""
    rows = list(after.rows)
    if rows and _cells_text(rows[0]) == _cells_text(before.rows[0]):
        rows = rows[1:]
    if rows and before.rows:
        first = [cell.lines[0][0].lstrip()[:1] for cell in rows[0] if cell.lines]
        if first and all(char.islower() for char in first):
            last = before.rows[-1]
            joined = [Cell(a.lines + b.lines) for a, b in zip(last, rows[0], strict=True)]
            return FoundTable(
                [*before.rows[:-1], joined, *rows[1:]], before.lines + after.lines, before.bounds
            )
    return FoundTable(before.rows + rows, before.lines + after.lines, before.bounds)


def _cells_text(row: list[Cell]) -> list[str]:
    return [" ".join(text for text, _styles in cell.lines) for cell in row]


def _table_mark(table: FoundTable, number: int) -> Line:
    """A ruled table (read before the columns) as one line where it stands on the page,
    so that it takes its place in the reading order."""
    lines = table.lines
    return Line(
        text="",
        x0=min(line.x0 for line in lines),
        x1=max(line.x1 for line in lines),
        top=min(line.top for line in lines),
        bottom=min(line.bottom for line in lines) - 0.01,
        size=lines[0].size,
        styles=str(number),
    )


def _text_edge(lines: list[Line], body_size: float) -> float:
    """Where most full lines of body text end (the right margin), for pages too short
    to show it."""
    ends = sorted(line.x1 for line in lines if abs(line.size - body_size) < 0.6)
    return ends[int(len(ends) * 0.9)] if ends else 0.0


def _take_footnote(group: _Paragraph, body_size: float, vocabulary, layout, foot) -> bool:
    """A footnote at the foot of a page (small type, a raised number first, or a plain
    number a raised mark on the page carries: pdf_footnotes.py) goes to the end, where
    the parser looks for it, so that a paragraph can run on over the page."""
    first = clean(group.lines[0].text)
    mark = _FOOTNOTE_MARK.match(first)
    plain = None if mark else plain_notes(group.lines, body_size, *foot)
    for label, texts in plain or ():
        layout.footnote(label, literal_words(join_lines(texts, vocabulary)))
    if plain:
        return True
    if not mark or group.size >= 0.95 * body_size:
        return False
    label = "".join(str(SUPERSCRIPT_DIGITS.index(ch)) for ch in mark.group(1))
    text = join_lines([first[mark.end() :], *[ln.text for ln in group.lines[1:]]], vocabulary)
    layout.footnote(label, literal_words(text))
    return True


def _body_size(lines: list[Line]) -> float:
    """The font size of most of the text."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _hangs_left(pending: list[Line], group: _Paragraph) -> bool:
    """The next page starts with a number in the hanging indent, left of where the
    paragraph cut by the page break runs its text: the next item, as on one page."""
    first = group.lines[0]
    text = pending[-1].x0 if len(pending) > 1 else pending[0].text_at or pending[0].x0
    return bool(first.text_at) and first.x0 < text - 0.8 * max(first.size, 1)


def _continues_indented(pending: list[Line], group: _Paragraph, body_size, edge) -> bool:
    """A paragraph cut by a page break, in a document that marks paragraphs by their
    indents (a hanging number, a first-line indent): its last line is full and the
    next page starts at its wrapped lines' indent."""
    if len(pending) < 2 or not edge or abs(group.size - body_size) > 0.6:
        return False
    first, last = group.lines[0], pending[-1]
    unit = 0.8 * max(body_size, 1)
    if abs(pending[0].x0 - last.x0) <= unit or abs(first.x0 - last.x0) > unit:
        return False
    return not _broken_early(last, first, max(edge, last.x1), far_known=False)


def _continues(pending: list[str], texts: list[str], group: _Paragraph, body_size) -> bool:
    """A paragraph cut by a page break: no full stop before, a small letter after."""
    last = clean(pending[-1])
    first = clean(texts[0])
    if abs(group.size - body_size) > 0.6 or _STARTS_NUMBERED.match(first):
        return False
    return not _TERMINAL.search(last) and (first[:1].islower() or last[-1:] in HYPHENS)


def _emit(
    layout: TextLayout,
    lines: list[Line],
    size: float,
    body_size: float,
    vocabulary,
    apart: bool = False,
):
    text = styled_join([(line.text, line.styles) for line in lines], vocabulary)
    if size > body_size * 1.15 and len(text) < 300:
        layout.heading(text, 1 if size > body_size * 1.6 else 2)
    else:
        layout.paragraph(text, apart=apart)


def _emit_table(layout: TextLayout, table: FoundTable, vocabulary) -> None:
    """Cell by cell, row by row: each cell's lines joined as a paragraph's are."""
    layout.table(
        [
            [styled_join(cell.lines, vocabulary) if cell.lines else "" for cell in row]
            for row in table.rows
        ]
    )
