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

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from clausemark.readers.layout import TextLayout, clean
from clausemark.readers.text import SourceError, SourceText

CELL_GAP = 1.0  # a gap this many font sizes wide separates table cells, not words
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


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


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
            textpage = page.get_textpage()
            pages.append(Page(width, height, _page_lines(textpage, pdfium, height)))
            textpage.close()
            page.close()
        return pages
    except pypdfium2.PdfiumError as error:
        raise SourceError(path, f"the PDF is damaged and cannot be read ({error})") from None
    finally:
        document.close()


def _page_lines(textpage, pdfium, height: float) -> list[Line]:
    """Characters to lines by their baselines, in the order the page draws them."""
    import ctypes

    handle = textpage.raw
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the BMP: one call per character
        text = "".join(chr(pdfium.FPDFText_GetUnicode(handle, i)) for i in range(count))
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    get_box, get_origin = pdfium.FPDFText_GetCharBox, pdfium.FPDFText_GetCharOrigin
    get_size, generated = pdfium.FPDFText_GetFontSize, pdfium.FPDFText_IsGenerated
    glyphs: list[tuple[str, tuple[float, float, float, float], float, float]] = []
    size, previous_y, after_space = 0.0, None, True
    for index, char in enumerate(text):
        if char in "\r\n":
            continue  # PDFium's guess at a line end; lines are found by their baselines
        if char == " " and generated(handle, index):
            if glyphs and glyphs[-1][0] != " ":
                glyphs.append((" ", glyphs[-1][1], glyphs[-1][2], glyphs[-1][3]))
            after_space = True
            continue
        # PDFium reports a hyphen it took for a line-end hyphen as 0x02.
        char = "-" if char in "\x02\ufffe" else _LIGATURES.get(char, char)
        get_box(handle, index, left, right, bottom, top)
        get_origin(handle, index, origin_x, origin_y)
        y = origin_y.value
        # The font size changes only where a word or a baseline starts: ask there alone
        # (a third fewer calls into PDFium on a long document).
        if char == " ":
            after_space = True
        elif after_space or previous_y is None or abs(y - previous_y) > 0.5:
            size = get_size(handle, index)
            after_space = False
        previous_y = y
        box = (left.value, bottom.value, right.value, top.value)
        glyphs.append((char, box, size, height - y))
    return [line for line in _group_lines(glyphs, height) if line.text.strip()]


def _group_lines(glyphs, height: float) -> list[Line]:
    """A new line where the baseline moves or the text runs back to the left; inside a
    line, a gap wider than a letter is a space, one wider than CELL_GAP a table cell."""
    lines: list[Line] = []
    current: list = []
    last = None  # the last glyph that is not a space
    for glyph in glyphs:
        char, box, size, baseline = glyph
        if char == " ":
            if current:
                current.append(glyph)
            continue
        if last is not None:
            unit = size if size > 1 else 1.0
            scale = max(unit, last[2])
            if abs(baseline - last[3]) > 0.5 * scale or box[0] < last[1][0] - unit:
                lines.append(_line(current, height))
                current = []
            else:
                gap = box[0] - last[1][2]
                if gap > 0.25 * unit:
                    if current[-1][0] == " ":
                        current.pop()
                    separator = "\t" if gap > CELL_GAP * unit else " "
                    current.append((separator, last[1], last[2], last[3]))
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
    solid = [g for g in glyphs if g[0] not in " \t"]
    size = _middle([g[2] for g in solid])
    baseline = _middle([g[3] for g in solid])
    chars = []
    for char, _box, glyph_size, glyph_baseline in glyphs:
        raised = glyph_size < 0.9 * size and glyph_baseline < baseline - 0.15 * size
        chars.append(_SUPERSCRIPT.get(char, char) if raised else char)
    text = _SPACED_HYPHEN.sub(r"\1", "".join(chars))
    gap = 0.0
    split = max(text.rfind(" "), text.rfind("\t"))
    if split > 0:
        before = [g for g in glyphs[:split] if g[0] not in " \t"]
        after = [g for g in glyphs[split:] if g[0] not in " \t"]
        if before and after:
            gap = after[0][1][0] - before[-1][1][2]
    return Line(
        text=text,
        x0=min(g[1][0] for g in solid),
        x1=max(g[1][2] for g in solid),
        top=height - max(g[1][3] for g in solid),
        bottom=baseline,
        size=size,
        gap_before_last=gap,
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
    """Column by column when the page is set in two columns, else top to bottom."""
    middle = width / 2
    left = [line for line in lines if line.x1 < middle]
    right = [line for line in lines if line.x0 > middle]
    if len(left) < 3 or len(right) < 3:
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


def paragraphs(lines: list[Line], body_size: float) -> list[_Paragraph]:
    """Lines grouped into paragraphs by gaps, font size and printed numbers."""
    if not lines:
        return []
    pitches = [
        b.bottom - a.bottom
        for a, b in zip(lines, lines[1:], strict=False)
        if 0 < b.bottom - a.bottom < 3 * max(a.size, 1) and abs(a.size - b.size) < 0.5
    ]
    pitch = statistics.median(pitches) if pitches else max(lines[0].size, 1) * 1.3
    groups = [_Paragraph([lines[0]])]
    for previous, line in zip(lines, lines[1:], strict=False):
        gap = line.bottom - previous.bottom
        row, previous_row = "\t" in line.text, "\t" in previous.text
        if row or previous_row:  # table rows: one block while the cells line up
            same_columns = line.text.count("\t") == previous.text.count("\t")
            new = not (row and previous_row and same_columns and 0 < gap < 3 * pitch)
        else:
            new = (
                gap > 1.35 * max(pitch, 1.15 * line.size)
                or gap < 0
                or abs(line.size - previous.size) > 0.6
                or bool(_STARTS_NUMBERED.match(clean(line.text)))
                or line.x0 > previous.x1  # side by side: another column or cell
            )
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


def assemble(pages: list[Page]) -> tuple[str, list[tuple[str, str]]]:
    """Pages of lines to the text the parser reads, with the lines dropped and why."""
    layout, dropped = assemble_layout(pages)
    return layout.render(), dropped


def assemble_layout(pages: list[Page]) -> tuple[TextLayout, list[tuple[str, str]]]:
    """Pages of lines to the text layout (each block at the page it starts on), with the
    lines dropped and why."""
    running = running_lines(pages)
    flow: list[list[Line]] = []
    dropped: list[tuple[str, str]] = []
    body_size = _body_size([line for page in pages for line in page.lines])
    for page in pages:
        body, chrome = _body_lines(page, running, body_size)
        dropped += [("running header, footer or page number", clean(ln.text)) for ln in chrome]
        ordered = reading_order(body, page.width)
        ordered, contents = _drop_contents(ordered)
        dropped += [("printed contents list", clean(ln.text)) for ln in contents]
        flow.append(ordered)
    all_lines = [line for page in flow for line in page]
    vocabulary = _words(" ".join(line.text for line in all_lines))
    body_size = _body_size(all_lines)
    layout = TextLayout()
    pending: list[str] | None = None  # a paragraph that may go on over the page
    pending_place: str | None = None
    for number, page_lines in enumerate(flow, start=1):
        layout.place = page_place = f"page {number}"
        groups = paragraphs(page_lines, body_size)
        groups = [g for g in groups if not _take_footnote(g, body_size, vocabulary, layout)]
        for position, group in enumerate(groups):
            texts = [line.text for line in group.lines]
            layout.place = page_place
            if pending is not None:
                if position == 0 and _continues(pending, texts, group, body_size):
                    texts = pending + texts
                    layout.place = pending_place  # where the paragraph starts
                else:
                    layout.place = pending_place
                    _emit(layout, pending, body_size, body_size, vocabulary)
                    layout.place = page_place
                pending = None
            if position == len(groups) - 1 and abs(group.size - body_size) < 0.6:
                pending, pending_place = texts, layout.place
                continue
            _emit(layout, texts, group.size, body_size, vocabulary)
    if pending is not None:
        layout.place = pending_place
        _emit(layout, pending, body_size, body_size, vocabulary)
    return layout, dropped


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


def _continues(pending: list[str], texts: list[str], group: _Paragraph, body_size) -> bool:
    """A paragraph cut by a page break: no full stop before, a small letter after."""
    last = clean(pending[-1])
    first = clean(texts[0])
    if abs(group.size - body_size) > 0.6 or _STARTS_NUMBERED.match(first):
        return False
    return not _TERMINAL.search(last) and (first[:1].islower() or last[-1:] in HYPHENS)


def _emit(layout: TextLayout, texts, size: float, body_size: float, vocabulary) -> None:
    if len(texts) > 1 and all("\t" in text for text in texts):
        layout.table([text.split("\t") for text in texts])
        return
    text = join_lines(texts, vocabulary)
    if size > body_size * 1.15 and len(text) < 200:
        layout.heading(text, 1 if size > body_size * 1.6 else 2)
    else:
        layout.paragraph(text)
