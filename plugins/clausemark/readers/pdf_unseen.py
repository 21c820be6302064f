"""Text a PDF holds but a reader of the page never sees (readers/pdf_extract.py):

- text filled in white (or fully transparent) with nothing drawn beneath it but the
  white page: hidden keywords, a template's leftovers. White text on a dark fill (a
  table's shaded header row), on an image or on anything this cannot judge (a shading,
  a form object) is seen, and kept. A fill PDFium reports as white may be a pattern (a
  gradient or tiled band: PDFium gives a pattern colour as white): such a fill is judged
  by what the page shows, the page drawn small once and the fill's area looked at; a
  band that shows dark is one its white words are seen on;
- text wholly outside the page's box (the crop box within the media box): no viewer or
  printer shows it.

Such text never becomes the document's words. It is left out with the page and its
words listed (a warning: the page's author may not know it is there), never silently.
Text drawn in the invisible render mode (an OCR layer over a scanned page) is what a
reader sees of the scan, and is kept.
"""

from __future__ import annotations

import ctypes
import math

WHITE = 245  # every channel at least this (of 255): white, or too pale to read on white
UNSEEN_WHITE = "words printed in white on the white page, which a reader does not see"
UNSEEN_OFF_PAGE = "words placed outside the page, which a reader does not see"
UNSEEN = (UNSEEN_WHITE, UNSEEN_OFF_PAGE)
MAX_FILLS = 2_000  # areas looked at beneath white text on one page (more: all is kept)
_IMAGE, _SHADING, _FORM, _PATH = 3, 4, 5, 2  # FPDF_PAGEOBJ_*


def is_white(rgba) -> bool:
    """A fill colour (r, g, b, alpha) that shows nothing on a white page."""
    return rgba[3] == 0 or min(rgba[0], rgba[1], rgba[2]) >= WHITE


def outside(box: tuple[float, float, float, float], page_box) -> bool:
    """A glyph's box (left, bottom, right, top) wholly outside the page's box."""
    left, bottom, right, top = page_box
    return box[2] <= left or box[0] >= right or box[3] <= bottom or box[1] >= top


def beneath(handle, pdfium) -> list[tuple[float, float, float, float]]:
    """What the page draws that white text may stand on: filled areas of a colour that
    is not white, images, shadings and form objects (left, bottom, right, top)."""
    count = min(pdfium.FPDFPage_CountObjects(handle), 50_000)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    rgba = [ctypes.c_uint() for _ in range(4)]
    mode, stroke, width = ctypes.c_int(), ctypes.c_int(), ctypes.c_float()
    found = []
    reported_white: list[
        tuple[float, float, float, float]
    ] = []  # filled areas PDFium reports as white: perhaps a pattern
    for index in range(count):
        obj = pdfium.FPDFPage_GetObject(handle, index)
        kind = pdfium.FPDFPageObj_GetType(obj)
        grow = 0.0  # half a thick stroke's width: the bar it paints around its path
        if kind == _PATH:
            painted = _painted(pdfium, obj, mode, stroke, rgba)
            if painted is None:
                filled = mode.value != 0 and len(reported_white) < MAX_FILLS
                if filled and pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    reported_white.append((left.value, bottom.value, right.value, top.value))
                continue
            if painted == "stroke":
                grow = width.value / 2 if pdfium.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0
        elif kind not in (_IMAGE, _SHADING, _FORM):
            continue
        if pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            box = (left.value - grow, bottom.value - grow, right.value + grow, top.value + grow)
            found.append(box)
            if len(found) >= MAX_FILLS:  # a drawing: too much to judge, so all is seen
                return [(-math.inf, -math.inf, math.inf, math.inf)]
    if reported_white:
        found += shown_dark(handle, pdfium, reported_white)
    return found


RENDER_SCALE = 0.25  # pixels a point: a page drawn at 18 dpi (a letter page 153 x 198)
SAMPLES = 32  # points looked at along each side of an area (at most 32 x 32)
DARK_SHARE = 1 / 3  # of an area's points not white: it shows as a band, not white


def shown_dark(handle, pdfium, areas: list[tuple[float, float, float, float]]) -> list:
    """The areas the page, drawn, shows as not white (a pattern's band, which PDFium
    reports as a white fill): white words on one are seen. The page is drawn once, small;
    a rotated page is not judged (its areas stay white, as before)."""
    if pdfium.FPDFPage_GetRotation(handle) != 0:
        return []
    box = [ctypes.c_float() for _ in range(4)]  # the page's crop box, else its media box
    if not pdfium.FPDFPage_GetCropBox(handle, *box) and not pdfium.FPDFPage_GetMediaBox(
        handle, *box
    ):
        return []
    left, _bottom, _right, top = (v.value for v in box)
    width = max(1, min(int(pdfium.FPDF_GetPageWidthF(handle) * RENDER_SCALE), 2_000))
    height = max(1, min(int(pdfium.FPDF_GetPageHeightF(handle) * RENDER_SCALE), 2_000))
    bitmap = pdfium.FPDFBitmap_Create(width, height, 0)
    if not bitmap:
        return []
    try:
        pdfium.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xFFFFFFFF)
        pdfium.FPDF_RenderPageBitmap(bitmap, handle, 0, 0, width, height, 0, 0)
        stride = pdfium.FPDFBitmap_GetStride(bitmap)
        pixels = ctypes.string_at(pdfium.FPDFBitmap_GetBuffer(bitmap), stride * height)
    finally:
        pdfium.FPDFBitmap_Destroy(bitmap)

    def dark(area: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = area
        columns = _spread((x0 - left) * RENDER_SCALE, (x1 - left) * RENDER_SCALE, width)
        rows = _spread((top - y1) * RENDER_SCALE, (top - y0) * RENDER_SCALE, height)
        points = [(x, y) for y in rows for x in columns]
        if not points:
            return False
        shown = sum(
            min(pixels[y * stride + 4 * x : y * stride + 4 * x + 3]) < WHITE for x, y in points
        )
        return shown > DARK_SHARE * len(points)

    return [area for area in areas if dark(area)]


def _spread(start: float, end: float, count: int) -> list[int]:
    """At most SAMPLES pixel indexes spread over [start, end), inside 0..count - 1 (an
    area's edge pixels, half on the area, are left out)."""
    if not (math.isfinite(start) and math.isfinite(end)):
        return []
    first, last = max(0, math.ceil(start)), min(count - 1, math.floor(end) - 1)
    if last < first:
        return []
    step = max(1, (last - first + 1) // SAMPLES)
    return list(range(first, last + 1, step))[:SAMPLES]
    return []


# A stroke this wide (points) or wider paints a bar white words may stand on (a heading's
# band drawn as one thick line); a thinner one is a rule, and stands under no words.
THICK_STROKE = 4.0


def _painted(pdfium, obj, mode, stroke, rgba) -> str | None:
    """How a path paints an area white text may stand on: 'fill' (a fill of a colour
    that is not white, or one this cannot judge: a pattern, a shading used as a colour),
    'stroke' (a thick stroke of such a colour), or None (nothing, or white only)."""
    if not pdfium.FPDFPath_GetDrawMode(obj, mode, stroke):
        return "fill"  # cannot judge: seen
    if mode.value != 0:
        if not pdfium.FPDFPageObj_GetFillColor(obj, *rgba):
            return "fill"  # a pattern fill (a gradient band): no one colour to judge
        if not is_white([c.value for c in rgba]):
            return "fill"
    if stroke.value:
        width = ctypes.c_float()
        thick = pdfium.FPDFPageObj_GetStrokeWidth(obj, width) and width.value >= THICK_STROKE
        if thick and (
            not pdfium.FPDFPageObj_GetStrokeColor(obj, *rgba)
            or not is_white([c.value for c in rgba])
        ):
            return "stroke"
    return None


class Coverage:
    """Where the page draws something white text may stand on, as a grid of cells of at
    most 256 by 256 (an area marks every cell it touches: a glyph near its edge counts
    as on it, so the test leans towards keeping words). Built in time linear in the
    areas (a row of cells at a time), asked in constant time per glyph: a page of many
    areas and much white text costs no more than their sum."""

    CELLS = 256

    def __init__(self, areas: list[tuple[float, float, float, float]], page_box) -> None:
        left, bottom, right, top = (v if math.isfinite(v) else 0.0 for v in page_box)
        self.left, self.bottom = left, bottom
        self.step = max(4.0, (right - left) / self.CELLS, (top - bottom) / self.CELLS)
        self.columns = min(int((right - left) / self.step), self.CELLS) + 1
        rows = min(int((top - bottom) / self.step), self.CELLS) + 1
        self.grid = [bytearray(self.columns) for _ in range(rows)]
        for x0, y0, x1, y1 in areas:
            first, last = self._index(x0 - left, self.columns), self._index(x1 - left, self.columns)
            if last < first:
                continue
            for row in range(self._index(y0 - bottom, rows), self._index(y1 - bottom, rows) + 1):
                self.grid[row][first : last + 1] = b"\x01" * (last - first + 1)

    def _index(self, offset: float, count: int) -> int:
        """The cell `offset` points from the page's edge falls in (a value that is no
        number, as a damaged file may give, is the first)."""
        at = offset / self.step
        return int(min(max(at, 0.0), count - 1.0)) if at == at else 0

    def covers(self, box: tuple[float, float, float, float]) -> bool:
        x, y = (box[0] + box[2]) / 2 - self.left, (box[1] + box[3]) / 2 - self.bottom
        return bool(self.grid[self._index(y, len(self.grid))][self._index(x, self.columns)])


def set_apart(
    glyphs: list, white: list[int], off: list[int], areas_of, page_box
) -> tuple[list, list]:
    """(the glyphs a reader sees, [(reason, words)] of those it does not): `white` and
    `off` index the glyphs filled in white and those outside the page; `areas_of()` is
    asked for what lies beneath only when there is white text to judge."""
    unseen: dict[int, str] = dict.fromkeys(off, UNSEEN_OFF_PAGE)
    if white:
        coverage = Coverage(areas_of(), page_box)
        for index in white:
            if index not in unseen and not coverage.covers(glyphs[index][1]):
                unseen[index] = UNSEEN_WHITE
    if not unseen:
        return glyphs, []
    kept: list = []
    words: dict[str, list[str]] = {reason: [] for reason in UNSEEN}
    last: tuple | None = None  # (reason, baseline) of the glyph before, if unseen
    for index, glyph in enumerate(glyphs):
        reason = unseen.get(index)
        if reason is None:
            kept.append(glyph)
            last = None
            continue
        parts = words[reason]
        if last != (reason, glyph[3]) and parts and parts[-1] != " ":
            parts.append(" ")  # a run of hidden text apart from the one before
        parts.append(glyph[0])
        last = (reason, glyph[3])
    found = [(reason, " ".join("".join(words[reason]).split())) for reason in UNSEEN]
    return kept, [(reason, text) for reason, text in found if text]
