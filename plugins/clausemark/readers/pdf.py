"""PDF (its text layer): lines back into the paragraphs they were before printing.

Read with pypdfium2 (PDFium, the engine in Chromium), chosen by measurement; see the
README ('Word, PDF and web pages'). Each page's characters become lines by their
baselines, with positions and font sizes; then general rules put the text together:

- running headers and footers: lines at the top or bottom of pages that repeat at the
  same height on most pages once digits are normalised, bare page numbers, and on a
  page of its own a first line in small type set well above the text, are dropped;
- a page in two columns is read column by column;
- a printed contents list (entries ending in page numbers, with or without dot
  leaders) is dropped, with its title;
- lines join into a paragraph until a wider gap, a change of font size, or a line
  that starts with a printed number; a hyphen the printer added at a line end
  (U+2010, a soft hyphen) goes, a typed one stays ('co-opted') unless the document
  spells the word elsewhere without it;
- raised small digits are footnote marks (¹); cells set apart on aligned lines are
  table rows; ligatures (ﬁ, ﬀ) become their letters.

What is left out is returned as `dropped`, so the JSON export lists it. A PDF with no
text layer (a scan), one locked with a password, or a damaged file is an error naming
the file, never an empty document; an image-only page among typed ones is a warning.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from .layout import TextLayout, clean, emphasise
from .pdf_tables import Cell, FoundTable, continuation, find_tables, ruled_tables
from .text import SourceError, SourceText

MIN_TWO_COLUMN_WIDTH = 400.0  # points (141 mm): a narrower page is not set in two columns
CELL_GAP = 0.6  # a gap this many font sizes wide may part table cells (pdf_tables.py)
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT = dict(zip("0123456789", _SUPERSCRIPT_DIGITS, strict=True))  # footnote marks
_FOOTNOTE_MARK = re.compile(f"^([{_SUPERSCRIPT_DIGITS}]{{1,3}})\\s*(?=\\S)")
ZONE_LINES = 3  # lines at each end of a page that may be a running header or footer
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_DIGITS = re.compile(r"\d+")
_ROMANS = "(?:x{0,2}(?:ix|iv|v?i{1,3}|v)|x{1,3})"  # ii .. xxxix: item numbers, not words
_STARTS_NUMBERED = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})+\.?\s|\d{1,3}[.)]\s|\(\s*[a-zA-Z]{1,5}\s*\)\s|\(\d{1,3}\)\s|"
    rf"(?:[a-zA-Z]|{_ROMANS}|{_ROMANS.upper()})[.)]\s(?=\S)|[•▪◦·‣-]\s)"
)
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$")
_CONTENTS_TITLE = re.compile(r"^(?:table of )?contents$", re.I)
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
HYPHENS = {"-", "\u2010", "\u2011", "\u00ad"}
_SPACED_HYPHEN = re.compile(r"(?<=\w) +([-\u2010\u00ad])$")
_ADDED_HYPHENS = {"\u2010", "\u00ad"}


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float  # the baseline, from the top of the page
    size: float
    gap_before_last: float = 0.0  # space before the line's last word (contents entries)
    # One style per character of `text` (BOLD | ITALIC bits, "0" for plain); empty: plain.
    styles: str = ""
    # The x extent of each tab-separated part of `text` (cells set apart on the line).
    spans: list[tuple[float, float]] = field(default_factory=list)
    first_word: float = 0.0  # width of the line's first word (would it have fit above?)

    def parts(self) -> list[tuple[str, str, float, float]]:
        """The line's tab-separated parts: (text, styles, x0, x1)."""
        texts = self.text.split("\t")
        spans = self.spans if len(self.spans) == len(texts) else [(self.x0, self.x1)] * len(texts)
        styles = self.styles or "0" * len(self.text)
        out, at = [], 0
        for text, (x0, x1) in zip(texts, spans, strict=True):
            out.append((text, styles[at : at + len(text)], x0, x1))
            at += len(text) + 1
        return out


BOLD, ITALIC = 1, 2
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique|slanted", re.I)
RULE_WIDTH = 2.5  # a filled box thinner than this (points) is a rule: a table's border
MAX_PAGE_OBJECTS = 50_000  # page objects looked at for rules (a vector drawing has more)


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    # Thin boxes the page draws (table borders): (x0, top, x1, bottom) from the top.
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)


def read(raw: bytes, path: str) -> SourceText:
    pages = _extract(raw, path)
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
    warnings = _pages_without_text(pages)
    return SourceText(path, text, dropped=dropped, warnings=warnings, places=layout.places())


def _pages_without_text(pages: list[Page]) -> list[tuple[str, str]]:
    """A page that is only an image (a scanned page among typed ones) has words we
    cannot read: say so rather than lose them quietly."""
    empty = [str(n) for n, page in enumerate(pages, 1) if not page.lines]
    if not empty:
        return []
    shown = ", ".join(empty[:10]) + (" ..." if len(empty) > 10 else "")
    return [("pdf-no-text", f"page {shown} has no text layer (a scanned image?); not read")]


# --- extraction (the only code that knows the PDF library) -------------------------


def _extract(raw: bytes, path: str) -> list[Page]:
    import pypdfium2
    import pypdfium2.raw as pdfium

    if not raw.lstrip()[:5] == b"%PDF-":
        raise SourceError(path, "not a PDF file (it does not start with %PDF-)")
    if b"%%EOF" not in raw[-2048:]:
        raise SourceError(path, "the PDF is damaged or truncated (no end-of-file mark)")
    try:
        document = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise SourceError(
                path, "the PDF is encrypted with a password; save an unlocked copy"
            ) from None
        raise SourceError(path, f"the PDF is damaged and cannot be read ({error})") from None
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            rules = _page_rules(page.raw, pdfium, height)
            textpage = page.get_textpage()
            pages.append(Page(width, height, _page_lines(textpage, pdfium, height, rules), rules))
            textpage.close()
            page.close()
        return pages
    except pypdfium2.PdfiumError as error:
        raise SourceError(path, f"the PDF is damaged and cannot be read ({error})") from None
    finally:
        document.close()


def _page_rules(handle, pdfium, height: float) -> list[tuple[float, float, float, float]]:
    """Thin boxes and lines the page draws (table borders), from the top of the page."""
    import ctypes

    count = min(pdfium.FPDFPage_CountObjects(handle), MAX_PAGE_OBJECTS)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    rules = []
    for index in range(count):
        obj = pdfium.FPDFPage_GetObject(handle, index)
        if pdfium.FPDFPageObj_GetType(obj) != pdfium.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        width, tall = right.value - left.value, top.value - bottom.value
        if min(width, tall) < RULE_WIDTH < max(width, tall):
            rules.append((left.value, height - top.value, right.value, height - bottom.value))
    return rules


def _font_style(handle, pdfium, index: int, buffer, flags) -> int:
    """BOLD and ITALIC from the font's name ('DejaVuSerif-BoldItalic') or its weight."""
    length = pdfium.FPDFText_GetFontInfo(handle, index, buffer, len(buffer), flags)
    name = buffer.value.decode("latin-1", "replace") if 0 < length <= len(buffer) else ""
    style = BOLD if _BOLD_NAME.search(name) else 0
    if not style and pdfium.FPDFText_GetFontWeight(handle, index) >= 700:
        style = BOLD
    if _ITALIC_NAME.search(name):
        style |= ITALIC
    return style


def _page_lines(textpage, pdfium, height: float, rules=()) -> list[Line]:
    """Characters to lines by their baselines, in the order the page draws them."""
    import ctypes

    handle = textpage.raw
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the BMP: one call per character
        text = "".join(chr(pdfium.FPDFText_GetUnicode(handle, i)) for i in range(count))
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium.FS_MATRIX()
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    get_box, get_origin = pdfium.FPDFText_GetCharBox, pdfium.FPDFText_GetCharOrigin
    get_size, generated = pdfium.FPDFText_GetFontSize, pdfium.FPDFText_IsGenerated
    glyphs: list[tuple[str, tuple[float, float, float, float], float, float, int]] = []
    size, previous_y, after_space, style, previous = 0.0, None, True, 0, " "
    for index, char in enumerate(text):
        if char in "\r\n":
            continue  # PDFium's guess at a line end; lines are found by their baselines
        if char == " " and generated(handle, index):
            if glyphs and glyphs[-1][0] != " ":
                glyphs.append((" ", *glyphs[-1][1:]))
            after_space, previous = True, " "
            continue
        # PDFium reports a hyphen it took for a line-end hyphen as 0x02.
        char = "-" if char in "\x02\ufffe" else _LIGATURES.get(char, char)
        get_box(handle, index, left, right, bottom, top)
        get_origin(handle, index, origin_x, origin_y)
        y = origin_y.value
        # The font changes only where a word or a baseline starts, or at punctuation
        # ('*impartial*,'): ask there alone (far fewer calls into PDFium).
        if char == " ":
            after_space = True
        elif after_space or previous_y is None or abs(y - previous_y) > 0.5:
            # The size in text space, times the text's scale on the page.
            size = get_size(handle, index)
            if pdfium.FPDFText_GetMatrix(handle, index, matrix):
                size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
            style = _font_style(handle, pdfium, index, name, flags)
            after_space = False
        elif not (char.isalnum() and previous.isalnum()):
            style = _font_style(handle, pdfium, index, name, flags)
        previous_y, previous = y, char
        box = (left.value, bottom.value, right.value, top.value)
        glyphs.append((char, box, size, height - y, style))
    dividers = sorted(
        ((x0 + x1) / 2, top_, bottom_) for x0, top_, x1, bottom_ in rules if x1 - x0 < RULE_WIDTH
    )
    return [line for line in _group_lines(glyphs, height, dividers) if line.text.strip()]


def _divided(dividers, x0: float, x1: float, baseline: float) -> bool:
    """A vertical rule (a table's column border) between x0 and x1 at this baseline."""
    at = bisect.bisect_left(dividers, (x0,))
    while at < len(dividers) and dividers[at][0] <= x1:
        if dividers[at][1] - 1 <= baseline <= dividers[at][2] + 1:
            return True
        at += 1
    return False


def _group_lines(glyphs, height: float, dividers=()) -> list[Line]:
    """A new line where the baseline moves or the text runs back to the left; inside a
    line, a gap wider than a letter is a space, one wider than CELL_GAP (or a column's
    border between) a table cell."""
    lines: list[Line] = []
    current: list = []
    last = None  # the last glyph that is not a space
    for glyph in glyphs:
        char, box, size, baseline = glyph[:4]
        if char == " ":
            if current:
                current.append(glyph)
            continue
        if last is not None:
            unit = size if size > 1 else 1.0
            scale = max(unit, last[2])
            if abs(baseline - last[3]) > 0.67 * scale or box[0] < last[1][0] - 1.33 * unit:
                lines.append(_line(current, height))
                current = []
            else:
                gap = box[0] - last[1][2]
                ruled = bool(dividers) and _divided(dividers, last[1][2] - 1, box[0] + 1, baseline)
                if gap > 0.33 * unit or ruled:
                    if current[-1][0] == " ":
                        current.pop()
                    separator = "\t" if gap > CELL_GAP * unit or ruled else " "
                    current.append((separator, *last[1:]))
        current.append(glyph)
        last = glyph
    if current:
        lines.append(_line(current, height))
    return lines


def _middle(values: list[float]) -> float:
    """The median, without statistics.median's cost on every line of a long PDF."""
    return sorted(values)[len(values) // 2]


def _line(glyphs, height: float) -> Line:
    while glyphs and glyphs[-1][0] in " \t":
        glyphs = glyphs[:-1]
    # 'word -' at a line end: the spaces before a hyphen go (a printer's break).
    if (
        len(glyphs) > 2
        and glyphs[-1][0] in "-\u2010\u00ad"
        and glyphs[-2][0] == " "
        and any(g[0] != " " for g in glyphs[:-2])
    ):
        end = len(glyphs) - 1
        while end > 0 and glyphs[end - 1][0] == " ":
            end -= 1
        if glyphs[end - 1][0].isalnum() or glyphs[end - 1][0] == "_":
            glyphs = [*glyphs[:end], glyphs[-1]]
    solid = [g for g in glyphs if g[0] not in " \t"]
    size = _middle([g[2] for g in solid])
    baseline = _middle([g[3] for g in solid])
    chars, styles = [], []
    for glyph in glyphs:
        char, glyph_size, glyph_baseline = glyph[0], glyph[2], glyph[3]
        raised = glyph_size < 0.9 * size and glyph_baseline < baseline - 0.15 * size
        chars.append(_SUPERSCRIPT.get(char, char) if raised else char)
        styles.append(str(glyph[4]) if len(glyph) > 4 and char not in " \t" else "0")
    text = "".join(chars)
    gap = 0.0
    split = max(text.rfind(" "), text.rfind("\t"))
    if split > 0:
        before = [g for g in glyphs[:split] if g[0] not in " \t"]
        after = [g for g in glyphs[split:] if g[0] not in " \t"]
        if before and after:
            gap = after[0][1][0] - before[-1][1][2]
    spans, start = [], 0
    for index, glyph in enumerate([*glyphs, ("\t",)]):
        if glyph[0] == "\t":
            part = [g for g in glyphs[start:index] if g[0] != " "]
            if part:
                spans.append((min(g[1][0] for g in part), max(g[1][2] for g in part)))
            else:
                spans.append((glyphs[start][1][0], glyphs[start][1][0]))
            start = index + 1
    first_end = min((i for i in (text.find(" "), text.find("\t")) if i > 0), default=len(glyphs))
    first = glyphs[:first_end]
    return Line(
        text=text,
        x0=min(g[1][0] for g in solid),
        x1=max(g[1][2] for g in solid),
        top=height - max(g[1][3] for g in solid),
        bottom=baseline,
        size=size,
        gap_before_last=gap,
        styles="".join(styles) if any(s != "0" for s in styles) else "",
        spans=spans,
        first_word=(first[-1][1][2] - first[0][1][0]) if first else 0.0,
    )


# --- layout (pure: pages of lines in, text out) -----------------------------------


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _place_key(line: Line, page: Page) -> str:
    """A line's text (digits normalised) and where it stands: a running header or
    footer repeats at the same height, page after page."""
    return f"{round(line.bottom / 4)}|{_key(line.text)}"


def running_lines(pages: list[Page]) -> set[str]:
    """Keys of lines that repeat at the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        zone = page.lines[:ZONE_LINES] + page.lines[-ZONE_LINES:]
        counts.update({_place_key(line, page) for line in zone})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in counts.items() if count >= needed}


def _body_lines(page: Page, running: set[str], body_size: float) -> tuple[list[Line], list[Line]]:
    """The page without its running header, footer and page number (and those lines)."""
    lines = sorted(page.lines, key=lambda line: (round(line.bottom, 1), line.x0))
    dropped = []
    kept = []
    for position, line in enumerate(lines):
        in_zone = position < ZONE_LINES or position >= len(lines) - ZONE_LINES
        text = clean(line.text)
        if in_zone and (_place_key(line, page) in running or _PAGE_NUMBER.match(text)):
            dropped.append(line)
            continue
        if position == 0 and _set_apart_above(line, lines[1:], body_size):
            dropped.append(line)
            continue
        kept.append(line)
    return kept, dropped


def _set_apart_above(line: Line, rest: list[Line], body_size: float) -> bool:
    """A header on a page of its own: the first line, in smaller type than the body,
    well above everything else (what a one-page PDF's running header looks like)."""
    if not rest or not body_size or line.size >= 0.85 * body_size:
        return False
    return rest[0].bottom - line.bottom > 3 * body_size


def reading_order(lines: list[Line], width: float) -> list[Line]:
    """Column by column when the page is set in two columns, else top to bottom.

    Two columns need a page wide enough for them (a narrow page's table is not two
    columns) and lines that fill their column, as running text does."""
    middle = width / 2
    left = [line for line in lines if line.x1 < middle]
    right = [line for line in lines if line.x0 > middle]
    if len(left) < 3 or len(right) < 3 or width < MIN_TWO_COLUMN_WIDTH:
        return sorted(lines, key=lambda line: (line.bottom, line.x0))
    margin_left = min(line.x0 for line in left)
    margin_right = max(line.x1 for line in right)
    if _middle([ln.x1 - ln.x0 for ln in left]) < 0.5 * (middle - margin_left) or _middle(
        [ln.x1 - ln.x0 for ln in right]
    ) < 0.5 * (margin_right - middle):
        return sorted(lines, key=lambda line: (line.bottom, line.x0))
    region_top = min(line.top for line in left + right)
    region_bottom = max(line.bottom for line in left + right)
    spanning = [line for line in lines if line.x0 <= middle <= line.x1]
    inside = [line for line in spanning if region_top <= line.top <= region_bottom]
    if len(inside) > max(2, len(left + right) // 5):
        return sorted(lines, key=lambda line: (line.bottom, line.x0))
    above = [line for line in spanning if line.top < region_top]
    below = [line for line in spanning if line.top > region_bottom]
    column = sorted(left, key=lambda line: line.bottom) + sorted(
        right, key=lambda line: line.bottom
    )
    return sorted(above, key=lambda line: line.bottom) + inside + column + below


def _is_contents_entry(line: Line) -> bool:
    text = clean(line.text)
    if _DOT_LEADER.search(text):
        return True
    last = text.rsplit(" ", 1)
    return len(last) == 2 and last[1].isdigit() and line.gap_before_last > 3 * max(line.size, 1)


def _drop_contents(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A printed contents list: a run of three or more entries, with its title."""
    entries = [_is_contents_entry(line) for line in lines]
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
    return replace(line, text=line.text.replace("\t", " "), styles=styles, spans=[])


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


def _broken_early(previous: Line, line: Line, edge: float) -> bool:
    """The line ended where the next line's first word would still have fitted: the
    break was the writer's (a new paragraph), not the typesetter's."""
    last = previous.text.rstrip()
    if not last or last[-1] in HYPHENS:
        return False
    room = edge - previous.x1
    return line.first_word + 0.35 * max(line.size, 1) < room - 0.25 * max(line.size, 1)


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
    groups = [_Paragraph([lines[0]])]
    for previous, line in zip(lines, lines[1:], strict=False):
        gap = line.bottom - previous.bottom
        new = (
            gap > 1.35 * max(pitch, 1.15 * line.size)
            or gap < 0
            or abs(line.size - previous.size) > 0.6
            or line.x0 > previous.x1  # side by side: another column or cell
        )
        if not new and abs(line.size - body_size) < 0.6:
            # A printed number after any step wider than the line pitch: a new item
            # (a paragraph's spacing may be slight); inside a paragraph lines step evenly.
            numbered = bool(_STARTS_NUMBERED.match(clean(line.text)))
            new = numbered and gap > 1.12 * max(pitch, line.size) + 0.5
        if not new and abs(line.size - body_size) < 0.6:
            group = groups[-1].lines
            edge_here = edges[_column_kind(previous, middle)] if width else edges["F"]
            if edge_here:
                new = _broken_early(previous, line, edge_here)
            else:
                new = bool(_STARTS_NUMBERED.match(clean(line.text)))
            if not new and len(group) >= 2:
                wrapped = group[-1].x0  # where the paragraph's wrapped lines start
                new = abs(line.x0 - wrapped) > 0.8 * max(line.size, 1)
        if new:
            groups.append(_Paragraph([line]))
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
        return out
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
        return out
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
        emphasise(piece, bool(style & BOLD), bool(style & ITALIC)) if style > 0 else piece
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
    for page in pages:
        body, chrome = _body_lines(page, running, body_size)
        dropped += [("running header, footer or page number", clean(ln.text)) for ln in chrome]
        ruled, body = ruled_tables(body, page.rules)
        ordered = reading_order(body, page.width)
        ordered, contents = _drop_contents(ordered)
        dropped += [("printed contents list", clean(ln.text)) for ln in contents]
        flow.append(_in_place(find_tables(ordered), ruled))
    all_lines = [item for page in flow for item in page if isinstance(item, Line)]
    vocabulary = _words(" ".join(line.text for line in all_lines))
    body_size = _body_size(all_lines)
    edge = _text_edge(all_lines, body_size)
    pitch = line_pitch(all_lines, body_size)
    layout = TextLayout()
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
            blocks += paragraphs(run, body_size, page.width, edge, pitch)
            run = []
            if item is not None:
                blocks.append(item)
        blocks = [
            b
            for b in blocks
            if not (isinstance(b, _Paragraph) and _take_footnote(b, body_size, vocabulary, layout))
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
                if position == 0 and (
                    _continues([ln.text for ln in pending], texts, block, body_size)
                    or _continues_indented(pending, block, body_size, edge)
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
            _emit(layout, group_lines, block.size, body_size, vocabulary)
    if pending_table is not None:
        layout.place = pending_table[1]
        _emit_table(layout, pending_table[0], vocabulary)
    if pending is not None:
        layout.place = pending_place
        _emit(layout, pending, body_size, body_size, vocabulary)
    return layout, dropped


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


def _in_place(items: list, tables: list[FoundTable]) -> list:
    """Ruled tables (read before the columns) put back where they stand on the page."""
    for table in tables:
        top = min(line.bottom for line in table.lines)
        at = next(
            (i for i, item in enumerate(items) if isinstance(item, Line) and item.bottom > top),
            len(items),
        )
        items.insert(at, table)
    return items


def _text_edge(lines: list[Line], body_size: float) -> float:
    """Where most full lines of body text end (the right margin), for pages too short
    to show it."""
    ends = sorted(line.x1 for line in lines if abs(line.size - body_size) < 0.6)
    return ends[int(len(ends) * 0.9)] if ends else 0.0


def _take_footnote(group: _Paragraph, body_size: float, vocabulary, layout) -> bool:
    """A footnote at the foot of a page (small type, a raised number first) goes to the
    end, where the parser looks for it, so that a paragraph can run on over the page."""
    first = clean(group.lines[0].text)
    mark = _FOOTNOTE_MARK.match(first)
    if not mark or group.size >= 0.95 * body_size:
        return False
    label = "".join(str(_SUPERSCRIPT_DIGITS.index(ch)) for ch in mark.group(1))
    text = join_lines([first[mark.end() :], *[ln.text for ln in group.lines[1:]]], vocabulary)
    layout.footnote(label, text)
    return True


def _body_size(lines: list[Line]) -> float:
    """The font size of most of the text."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


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
    return not _broken_early(last, first, max(edge, last.x1))


def _continues(pending: list[str], texts: list[str], group: _Paragraph, body_size) -> bool:
    """A paragraph cut by a page break: no full stop before, a small letter after."""
    last = clean(pending[-1])
    first = clean(texts[0])
    if abs(group.size - body_size) > 0.6 or _STARTS_NUMBERED.match(first):
        return False
    return not _TERMINAL.search(last) and (first[:1].islower() or last[-1:] in HYPHENS)


def _emit(layout: TextLayout, lines: list[Line], size: float, body_size: float, vocabulary):
    text = styled_join([(line.text, line.styles) for line in lines], vocabulary)
    if size > body_size * 1.15 and len(text) < 300:
        layout.heading(text, 1 if size > body_size * 1.6 else 2)
    else:
        layout.paragraph(text)


def _emit_table(layout: TextLayout, table: FoundTable, vocabulary) -> None:
    """Cell by cell, row by row: each cell's lines joined as a paragraph's are."""
    layout.table(
        [
            [styled_join(cell.lines, vocabulary) if cell.lines else "" for cell in row]
            for row in table.rows
        ]
    )
