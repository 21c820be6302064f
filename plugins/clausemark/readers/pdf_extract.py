"""PDF extraction: the only code that knows the PDF library (pypdfium2).

Each page's characters become lines by their baselines, with positions, font sizes
(as printed on the page), bold and italic from the font's name, the x extent of parts
set apart on a line (table cells), and the page's rules (thin boxes: table borders).
`pdf.py` puts the lines together; it never calls the library.
"""

from __future__ import annotations

import bisect
import ctypes
import re
import typing
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import partial

from ..support.limits import check
from .pdf_annotations import annotation_words
from .pdf_streams import check_stream_sizes
from .pdf_unseen import beneath, is_white, outside, set_apart
from .text import ZERO_WIDTH, ZERO_WIDTH_CHARACTERS, SourceError, zero_width_repair

_UNSEEN = "white on the white page or outside the page, where no reader sees it"
CELL_GAP = 0.6  # a gap this many font sizes wide may part table cells (pdf_tables.py)
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT = dict(zip("0123456789", SUPERSCRIPT_DIGITS, strict=True))  # footnote marks
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}


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
    # Where each character of `text` starts (x): a table's column may start inside a
    # part, where its cells sit closer than a space (pdf_tables.py).
    xs: array = field(default_factory=lambda: array("f"))
    # Where the text after a number in a hanging indent starts ('(a)<gap>text'); 0: none.
    text_at: float = 0.0

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
# A glyph in a Type 3 font of no name: Chromium draws a bold it makes up (a font with no
# bold face) so. Bold where most of the document is in named fonts (_resolve_type3).
_TYPE3 = 4
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique|slanted", re.I)
# A regular face says so: its weight (a font may give 764 for its book face) is no sign.
_REGULAR_NAME = re.compile(r"regular|book|roman|normal|plain|light|medium", re.I)
SKEW = 0.1  # a text matrix slanted more than this (x per y): an italic made by slanting
_FILL_STROKE = 2  # text render mode: filled and outlined, as a word processor makes bold
RULE_WIDTH = 2.5  # a filled box thinner than this (points) is a rule: a table's border
MAX_PAGE_OBJECTS = 50_000  # page objects looked at for rules (a vector drawing has more)


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    # Thin boxes the page draws (table borders): (x0, top, x1, bottom) from the top.
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    # (why, words) of text the page holds but does not show (pdf_unseen.py), or shows
    # outside its text layer (pdf_annotations.py): left out, listed
    unseen: list[tuple[str, str]] = field(default_factory=list)
    zero_width: int = 0  # zero-width characters left out (text.ZERO_WIDTH): they print nothing


def _extract(raw: bytes, path: str) -> list[Page]:
    import pypdfium2
    import pypdfium2.raw as pdfium

    if not raw.lstrip()[:5] == b"%PDF-":
        raise SourceError(path, "not a PDF file (it does not start with %PDF-)")
    if b"%%EOF" not in raw:  # anywhere: a valid file may carry bytes after its mark
        raise SourceError(path, "the PDF is damaged or truncated (no end-of-file mark)")
    check_stream_sizes(raw, path)  # pdfium unpacks a page's stream whole: 300 KB -> 300 MB
    try:
        document = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise SourceError(
                path, "the PDF is encrypted with a password; save an unlocked copy"
            ) from None
        if getattr(error, "err_code", None) == 0:  # failed with no error: a document of no pages
            raise SourceError(path, "the PDF has no pages; there is nothing to read") from None
        raise SourceError(path, f"the PDF is damaged and cannot be read ({error})") from None
    try:
        if len(document) == 0:
            raise SourceError(path, "the PDF has no pages; there is nothing to read")
        check("pdf_pages", len(document))  # a page tree may repeat a page a million times
        pages = []
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            box = page.get_bbox()
            glyphs, white, off, zero_width = _page_glyphs(textpage, pdfium, height, box)
            glyphs, unseen = set_apart(glyphs, white, off, partial(beneath, page.raw, pdfium), box)
            unseen += annotation_words(page.raw, pdfium)  # shown, not in the text layer
            lines = _page_lines(glyphs, height)
            rules: list[tuple[float, float, float, float]] = []
            if lines:  # the page's rules: table borders (a table of one column has no tab)
                rules = _page_rules(page.raw, pdfium, height)
                if any(x1 - x0 < RULE_WIDTH for x0, _top, x1, _bottom in rules):
                    lines = _page_lines(glyphs, height, rules)
            pages.append(Page(width, height, lines, rules, unseen, zero_width))
            textpage.close()
            page.close()
        if not any(page.lines for page in pages) and any(page.unseen for page in pages):
            raise SourceError(path, f"every word of this PDF is {_UNSEEN}; nothing is left to read")
        return _resolve_type3(pages)
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
    # Every page is looked at (a table of one column sets nothing apart on a line), so
    # its objects are walked through `_direct` calls: a text page has hundreds.
    # (a c_void_p subclass as the result: ctypes hands it back as is, ready to pass on).
    get_object = _direct(pdfium.FPDFPage_GetObject, _Pointer)
    get_type = _direct(pdfium.FPDFPageObj_GetType)
    page, path_type = ctypes.cast(handle, ctypes.c_void_p), pdfium.FPDF_PAGEOBJ_PATH
    for index in range(count):
        if get_type(get_object(page, index)) != path_type:  # FPDF_PAGEOBJ_UNKNOWN for none
            continue
        obj = pdfium.FPDFPage_GetObject(handle, index)
        if not pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        width, tall = right.value - left.value, top.value - bottom.value
        if min(width, tall) < RULE_WIDTH < max(width, tall):
            rules.append((left.value, height - top.value, right.value, height - bottom.value))
    return rules


def _named_style(name: bytes, weight: int) -> int:
    """BOLD and ITALIC from the font's name ('DejaVuSerif-BoldItalic') or its weight
    (unless the name says the face is a regular one); _TYPE3 for a font of no name."""
    text = name.rstrip(b"\0").decode("latin-1", "replace")
    if not text:
        return _TYPE3 if weight <= 0 else 0
    heavy = weight >= 700 and not _REGULAR_NAME.search(text)
    style = BOLD if _BOLD_NAME.search(text) or heavy else 0
    return style | (ITALIC if _ITALIC_NAME.search(text) else 0)


def _resolve_type3(pages: list[Page]) -> list[Page]:
    """Glyphs in unnamed Type 3 fonts are bold where they are few beside named fonts
    (Chromium's made-up bold); in a document set in them they are its plain type."""
    marked = total = 0
    for page in pages:
        for line in page.lines:
            total += len(line.text)
            if line.styles:
                marked += sum(1 for style in line.styles if int(style) & _TYPE3)
    if not marked:
        return pages
    bold = marked * 3 < total
    for page in pages:
        for line in page.lines:
            if line.styles:
                styles = "".join(_type3_style(int(s), bold) for s in line.styles)
                line.styles = styles if styles.strip("0") else ""
    return pages


def _type3_style(style: int, bold: bool) -> str:
    if not style & _TYPE3:
        return str(style)
    return str((style & ~_TYPE3) | (BOLD if bold else 0))


def zero_width_left_out(pages: list[Page]) -> list[tuple[str, str]]:
    """The repair for the zero-width characters left out as the pages' glyphs were read
    (`_page_glyphs`): their count and the first one's page; none when there were none."""
    found = [(number, page.zero_width) for number, page in enumerate(pages, 1) if page.zero_width]
    if not found:
        return []
    return [zero_width_repair(sum(count for _n, count in found), f"page {found[0][0]}")]


def _page_lines(glyphs: list, height: float, rules=()) -> list[Line]:
    """Characters to lines by their baselines, in the order the page draws them."""
    dividers = sorted(
        ((x0 + x1) / 2, top_, bottom_) for x0, top_, x1, bottom_ in rules if x1 - x0 < RULE_WIDTH
    )
    return [line for line in _group_lines(glyphs, height, dividers) if line.text.strip()]


def _page_glyphs(textpage, pdfium, height: float, page_box) -> tuple[list, list, list, int]:
    """The page's characters in the order it draws them: (character, box (left, bottom,
    right, top), size, baseline from the top, style); the indexes of those filled in
    white and of those wholly outside `page_box` (pdf_unseen.py judges them); and how
    many zero-width characters were left out (a joiner in '1\u200d.1' would unmake the
    number that starts a line, so they go before lines are made)."""
    import ctypes

    handle = textpage.raw
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the BMP: one call per character
        text = "".join(chr(pdfium.FPDFText_GetUnicode(handle, i)) for i in range(count))
    zero_width = {found.start() for found in ZERO_WIDTH.finditer(text)}
    # A character's box and origin land in one array, read as (left, bottom, right, top)
    # and the origin's y; PDFium is called through `_direct` (ctypes' per-argument
    # conversions cost as much as the calls, and these two are made for every glyph).
    found = (ctypes.c_double * 6)()
    left, bottom, right, top, origin_x, origin_y = (ctypes.byref(found, 8 * k) for k in range(6))
    get_box = _direct(pdfium.FPDFText_GetCharBox)
    get_origin = _direct(pdfium.FPDFText_GetCharOrigin)
    page = ctypes.cast(handle, ctypes.c_void_p)
    matrix = pdfium.FS_MATRIX()
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    known: dict[bytes, int] = {}  # font name -> its style
    get_font = _direct(pdfium.FPDFText_GetFontInfo, ctypes.c_ulong)
    get_size = _direct(pdfium.FPDFText_GetFontSize, ctypes.c_double)
    get_matrix, text_object = _direct(pdfium.FPDFText_GetMatrix), pdfium.FPDFText_GetTextObject
    name_at, flags_at, matrix_at = ctypes.byref(name), ctypes.byref(flags), ctypes.byref(matrix)
    name_length = ctypes.c_ulong(128)  # the buffer's length is an unsigned long
    render_mode = pdfium.FPDFTextObj_GetTextRenderMode
    last_run: tuple = ()
    generated = _direct(pdfium.FPDFText_IsGenerated)
    glyphs: list[tuple[str, tuple[float, float, float, float], float, float, int]] = []
    get_fill, rgba = _direct(pdfium.FPDFText_GetFillColor), (ctypes.c_uint * 4)()
    fill_at = [ctypes.byref(rgba, 4 * k) for k in range(4)]
    white_run, white, off = False, [], []  # the word's fill is white; glyph indexes
    size, previous_y, after_space, style, previous = 0.0, None, True, 0, " "
    for index, char in enumerate(text):
        if char in "\r\n":
            continue  # PDFium's guess at a line end; lines are found by their baselines
        if char in ZERO_WIDTH_CHARACTERS and index in zero_width:
            if glyphs:  # PDFium parts a cluster's box ('1\u200d' drawn as one glyph)
                get_box(page, index, left, right, bottom, top)
                last_glyph = glyphs[-1]
                if abs(found[0] - last_glyph[1][2]) < 0.5 and found[2] > last_glyph[1][2]:
                    x0, y0, _x1, y1 = last_glyph[1]
                    glyphs[-1] = (last_glyph[0], (x0, y0, found[2], y1), *last_glyph[2:])
            continue
        if char == " " and generated(page, index):
            if glyphs and glyphs[-1][0] != " ":
                glyphs.append((" ", *glyphs[-1][1:]))
            after_space, previous = True, " "
            continue
        # PDFium reports a hyphen it took for a line-end hyphen as 2 (U+FFFE in the
        # page's text), and a glyph that maps to no character (a word processor's tab
        # drawn in a hanging indent) as 0, U+FFFE too: that glyph is no text, a space.
        if char in "\x00\x02\ufffe":
            char = "-" if pdfium.FPDFText_GetUnicode(handle, index) == 2 else " "
        else:
            char = _LIGATURES.get(char, char)
        if char.isspace():
            char = " "  # a typed tab or other space: a space (a tab here parts cells)
        get_box(page, index, left, right, bottom, top)
        get_origin(page, index, origin_x, origin_y)
        y = found[5]
        # The font changes only where a word or a baseline starts, or at punctuation
        # ('*impartial*,'): ask there alone (far fewer calls into PDFium), and work the
        # style out again only where the font, its size or its slant changes.
        if char == " ":
            after_space = True
        elif (
            after_space
            or previous_y is None
            or abs(y - previous_y) > 0.5
            or not (char.isalnum() and previous.isalnum())
        ):
            raw_size = get_size(page, index)
            white_run = bool(get_fill(page, index, *fill_at)) and is_white(rgba)
            length = get_font(page, index, name_at, name_length, flags_at)
            font = name.raw[: min(max(length, 0), 128)]
            get_matrix(page, index, matrix_at)
            run = (raw_size, font, matrix.c)
            if run != last_run:
                last_run = run
                size, style = _run_style(handle, index, raw_size, font, pdfium, matrix, known)
                if render_mode(text_object(handle, index)) == _FILL_STROKE:
                    style |= BOLD
            after_space = False
        previous_y, previous = y, char
        box = (found[0], found[1], found[2], found[3])
        if white_run:
            white.append(len(glyphs))
        if outside(box, page_box):
            off.append(len(glyphs))
        glyphs.append((char, box, size, height - y, style))
    return glyphs, white, off, len(zero_width)


_DIRECT: dict[tuple, typing.Any] = {}


class _Pointer(ctypes.c_void_p):
    """A PDFium handle a `_direct` call returns and the next takes, unconverted."""


def _direct(function, returns=None):
    """A PDFium function of `pypdfium2.raw` (returning `returns`, int if None) called
    with no ctypes argument conversion: the caller passes exactly its C types (the text
    page as c_void_p, int indexes and lengths, byref() of its outputs), so ctypes has
    nothing to check or convert."""
    import ctypes

    key = (function.__name__, returns)
    if key not in _DIRECT:
        address = ctypes.cast(function, ctypes.c_void_p).value  # a loaded symbol: never 0
        prototype = ctypes.CFUNCTYPE(returns or ctypes.c_int)
        _DIRECT[key] = prototype(typing.cast(int, address))
    return _DIRECT[key]


def _run_style(handle, index: int, raw_size: float, font: bytes, pdfium, matrix, known):
    """The size (as printed: the text matrix's scale times the font size) and style of
    the text from character `index`: bold and italic from the font's name, or an
    italic made by slanting the text matrix. Asked where the font, its size or its
    slant changes (the caller also asks there whether the glyphs are outlined, a made-up
    bold: an outlined run in the same font, size and slant as the text before it is
    not seen; asking at every word costs a sixth more time)."""
    scale, slanted = 1.0, False
    if pdfium.FPDFText_GetMatrix(handle, index, matrix):
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
        upright = abs(matrix.b) < SKEW * abs(matrix.a)
        slanted = upright and abs(matrix.c) > SKEW * abs(matrix.d)
    style = known.get(font, -1)
    if style < 0:
        known[font] = style = _named_style(font, pdfium.FPDFText_GetFontWeight(handle, index))
    if slanted:
        style |= ITALIC
    return raw_size * scale, style


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
        char, box, size, baseline = glyph[0], glyph[1], glyph[2], glyph[3]
        if char == " ":
            if current:
                current.append(glyph)
            continue
        if last is not None:
            unit = size if size > 1 else 1.0
            scale = unit if unit >= last[2] else last[2]
            if abs(baseline - last[3]) > 0.67 * scale or box[0] < last[1][0] - 1.33 * unit:
                _add_line(lines, current, height)
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
        _add_line(lines, current, height)
    return lines


def _add_line(lines: list[Line], glyphs, height: float) -> None:
    line = _line(glyphs, height)
    if line is not None:
        lines.append(line)


def _middle(values: list[float]) -> float:
    """The median, without statistics.median's cost on every line of a long PDF."""
    return sorted(values)[len(values) // 2]


def _line(glyphs, height: float) -> Line | None:
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
    if not solid:
        return None
    size = _middle([g[2] for g in solid])
    baseline = _middle([g[3] for g in solid])
    chars = []
    small, low = 0.9 * size, baseline - 0.15 * size
    for glyph in glyphs:
        char = glyph[0]
        raised = glyph[2] < small and glyph[3] < low
        chars.append(_SUPERSCRIPT.get(char, char) if raised else char)
    text = "".join(chars)
    styles = ""  # most lines: plain; else a style per character ("0" for spaces)
    if any(len(g) > 4 and g[4] for g in solid):
        styles = "".join(str(g[4]) if len(g) > 4 and g[0] not in " \t" else "0" for g in glyphs)
    gap = 0.0
    split = max(text.rfind(" "), text.rfind("\t"))
    if split > 0:
        before = next((g for g in reversed(glyphs[:split]) if g[0] not in " \t"), None)
        after = next((g for g in glyphs[split:] if g[0] not in " \t"), None)
        if before and after:
            gap = after[1][0] - before[1][2]
    boxes = [g[1] for g in solid]
    x0, x1 = min([b[0] for b in boxes]), max([b[2] for b in boxes])
    spans = [(x0, x1)]  # one part: the line's own extent
    if "\t" in text:
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
        x0=x0,
        x1=x1,
        top=height - max([b[3] for b in boxes]),
        bottom=baseline,
        size=size,
        gap_before_last=gap,
        styles=styles,
        spans=spans,
        first_word=(first[-1][1][2] - first[0][1][0]) if first else 0.0,
        xs=array("f", [g[1][0] for g in glyphs]),
    )
