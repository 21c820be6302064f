"""PDF pages in two columns: found by geometry and read column by column.

A page is in two columns when lines keep to its two halves and fill them, as running
text does, with few lines across the middle between them. A page narrower than 141 mm
needs more (a narrow page's table is not two columns): columns as wide as each other
with a narrow gutter, and paragraphs that start at heights of their own (a table's
cells start side by side, on their row's baseline). A page after one in two columns
goes on in them though it shows too few lines to prove it. Tables on such a page are
found as if the right column stood under the left (a table cut at the foot of one
column goes on at the top of the next).
"""

from __future__ import annotations

from array import array
from dataclasses import replace

from .layout import clean
from .pdf_extract import Line, _middle
from .pdf_tables import find_tables

MIN_TWO_COLUMN_WIDTH = 400.0  # points (141 mm): a narrower page needs more proof of columns
NARROW_COLUMN_LINES = 6  # lines in each column of a narrow page set in two


def reading_order(lines: list[Line], width: float, after_columns: bool = False) -> list[Line]:
    """Column by column when the page is set in two columns, else top to bottom."""
    if not in_columns(lines, width, after_columns):
        return sorted(lines, key=lambda line: (line.bottom, line.x0))
    middle = width / 2
    left = [line for line in lines if line.x1 < middle]
    right = [line for line in lines if line.x0 > middle]
    region_top = min(line.top for line in left + right)
    region_bottom = max(line.bottom for line in left + right)
    spanning = [line for line in lines if line.x0 <= middle <= line.x1]
    inside = [line for line in spanning if region_top <= line.top <= region_bottom]
    above = [line for line in spanning if line.top < region_top]
    below = [line for line in spanning if line.top > region_bottom]
    column = sorted(left, key=lambda line: line.bottom) + sorted(
        right, key=lambda line: line.bottom
    )
    return sorted(above, key=lambda line: line.bottom) + inside + column + below


def tables_in(lines: list[Line], width: float, columns: bool) -> list:
    """find_tables over lines in reading order; on a page in two columns, over the
    right column's lines moved under the left's (_under), so that a table cut at the
    foot of the left column goes on at the top of the right. Lines outside tables come
    back where they stand on the page."""
    if not columns:
        return find_tables(lines)
    middle = width / 2
    left = [line for line in lines if line.x1 < middle]
    right = [line for line in lines if line.x0 > middle]
    moved = {id(line): copy for line, copy in zip(right, _under(right, left), strict=True)}
    back = {id(copy): line for line in right for copy in [moved[id(line)]]}
    items = find_tables([moved.get(id(line), line) for line in lines])
    return [back.get(id(item), item) for item in items]


def _under(right: list[Line], left: list[Line]) -> list[Line]:
    """Copies of the right column's lines (in reading order), moved under the left
    column's, one line below its last and by the columns' distance to the left, as if
    the page were one long column."""
    if not right or not left:
        return right
    dx = min(line.x0 for line in right) - min(line.x0 for line in left)
    step = max(1.2 * right[0].size, 1.0)
    # Lines side by side at the column's top, none in small letters: a table's new row
    # (set a row's gap below); else a cell, or a paragraph, that goes on.
    first = [line for line in right if line.bottom - right[0].bottom < 1]
    if len(first) >= 2 and not any(clean(line.text)[:1].islower() for line in first):
        step *= 2.5
    dy = left[-1].bottom + step - right[0].bottom
    return [
        replace(
            line,
            x0=line.x0 - dx,
            x1=line.x1 - dx,
            top=line.top + dy,
            bottom=line.bottom + dy,
            spans=[(a - dx, b - dx) for a, b in line.spans],
            xs=array("f", [x - dx for x in line.xs]),
            text_at=line.text_at - dx if line.text_at else 0.0,
        )
        for line in right
    ]


def in_columns(lines: list[Line], width: float, after_columns: bool = False) -> bool:
    """Whether the page is set in two columns.

    Two columns need lines that fill their column, as running text does, and few
    lines across the middle between them. On a page narrower than 141 mm they need
    more (a narrow page's table is not two columns): see _narrow_columns, which also
    finds the columns of a wider page that holds tables of short cells. A page that
    follows one in two columns, with too few lines to show it (a document's last
    lines, balanced over both columns), goes on in them when its lines keep to the
    two halves and fill them."""
    middle = width / 2
    left = [line for line in lines if line.x1 < middle]
    right = [line for line in lines if line.x0 > middle]
    if not left or not right:
        return False
    region_top = min(line.top for line in left + right)
    region_bottom = max(line.bottom for line in left + right)
    inside = [
        line
        for line in lines
        if line.x0 <= middle <= line.x1 and region_top <= line.top <= region_bottom
    ]
    if len(inside) > max(2, len(left + right) // 5):
        return False
    if after_columns and (len(left) < 3 or len(right) < 3) and not inside:
        return _fill(left, middle) and _fill(right, width - middle)
    if len(left) < 3 or len(right) < 3:
        return False
    if width < MIN_TWO_COLUMN_WIDTH:
        return _narrow_columns(left, right)
    margin_left = min(line.x0 for line in left)
    margin_right = max(line.x1 for line in right)
    filled = _middle([ln.x1 - ln.x0 for ln in left]) >= 0.5 * (middle - margin_left) and _middle(
        [ln.x1 - ln.x0 for ln in right]
    ) >= 0.5 * (margin_right - middle)
    return filled or _narrow_columns(left, right)  # short lines too: a table in a column


def _fill(lines: list[Line], half: float) -> bool:
    """Some of the lines run most of the way across their half of the page."""
    return any(line.x1 - line.x0 >= 0.6 * half for line in lines)


def _narrow_columns(left: list[Line], right: list[Line]) -> bool:
    """Two columns of text on a narrow page, not a table's two columns: the columns
    are as wide as each other with a narrow gutter between, each has lines enough,
    and their paragraphs start on baselines of their own (a table's cells start
    side by side, on the baseline of their row)."""
    if len(left) < NARROW_COLUMN_LINES or len(right) < NARROW_COLUMN_LINES:
        return False
    left_x0 = min(line.x0 for line in left)
    left_x1 = sorted(line.x1 for line in left)[int(len(left) * 0.9)]
    right_x0 = sorted(line.x0 for line in right)[len(right) // 10]
    right_x1 = max(line.x1 for line in right)
    widths = (left_x1 - left_x0, right_x1 - right_x0)
    gutter = right_x0 - left_x1
    if min(widths) <= 0 or abs(widths[0] - widths[1]) > 0.12 * max(widths):
        return False
    if not 0 < gutter < 0.25 * max(widths):
        return False
    for column, width in zip((left, right), widths, strict=True):  # running text fills
        if sum(ln.x1 - ln.x0 >= 0.7 * width for ln in column) * 3 < len(column):
            return False
    starts = _block_starts(right)
    if not starts:
        return True
    beside = {round(line.bottom) for line in _block_starts(left)}
    paired = sum(1 for line in starts if {round(line.bottom) + d for d in (-1, 0, 1)} & beside)
    return paired * 2 <= len(starts)


def _block_starts(lines: list[Line]) -> list[Line]:
    """Lines that open a block of their column: a step wider than the usual line's
    before them."""
    ordered = sorted(lines, key=lambda line: line.bottom)
    steps = sorted(
        b.bottom - a.bottom
        for a, b in zip(ordered, ordered[1:], strict=False)
        if b.bottom > a.bottom + 1
    )
    if not steps:
        return []
    pitch = steps[len(steps) // 4]
    return [
        b
        for a, b in zip(ordered, ordered[1:], strict=False)
        if b.bottom - a.bottom > 1.3 * pitch or (b.bottom - a.bottom > 1 and b.x0 > a.x1)
    ]
