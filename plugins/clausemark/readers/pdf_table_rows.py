"""An aligned table's lines into its rows (pdf_tables.py finds the table and its columns).

Two ways, as the table is set:

- rows padded apart: each column's lines in blocks (a step wider than the line pitch
  ends a cell); blocks that overlap in height are one row, so a cell centred in its
  row still joins it. The step that ends a cell lies between the pitch of a cell's
  lines and the least wider step the table has: Chromium and word processors set a
  cell's lines exactly one pitch apart, so a row padded by a point (1pt above and
  below: 9.8 pt lines, rows 11.2 pt apart) parts as clearly as one padded by six;
- rows not padded at all (every line one pitch below the last): a row starts where a
  column that had stopped starts again, or where the first column has words, unless
  the line is a cell's wrapped line: it begins in small letters, or one cell goes on
  alone, the cells beside it ended, and its first word could not have fitted on the
  line above ('Fewer than' over '50': the browser wrapped it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_tables import _Part, _Row

NOISE = 0.6  # points: steps this close to the pitch are the pitch
EVEN = 0.3  # points: a step this close to the pitch is the pitch itself
ALIGN = 4.0  # points: parts whose starts differ by less line up (as pdf_tables.ALIGN)
BOLD_STYLES = "13"  # a character's style with the BOLD bit (pdf_extract.BOLD | ITALIC)
OLD_STEP = (1.15, 0.5)  # the widest a cell's step may be: 1.15 pitches and half a point


def reading(part: _Part) -> tuple[float, float]:
    return (part.bottom, part.x0)


def row_step(
    parts: Sequence[_Part], column_of: dict[int, int], pitch: float, row_steps: Sequence[float]
) -> float:
    """The step down a column past which a cell has ended: halfway from the pitch to
    the least step that is wider than it, and never more than OLD_STEP allows. Only
    where the wider steps stand clear of the pitch (none within 2 NOISE of it: rows
    padded, not lines set a little unevenly: a form's fields placed one by one) and the
    pitch is a step between the table's lines (`row_steps`), not a guess."""
    widest = OLD_STEP[0] * pitch + OLD_STEP[1]
    by_column: dict[int, list[float]] = {}
    for part in parts:
        by_column.setdefault(column_of[id(part)], []).append(part.bottom)
    steps = [
        after - before
        for bottoms in by_column.values()
        for before, after in zip(sorted(bottoms), sorted(bottoms)[1:], strict=False)
    ] + [step for step in row_steps if step >= 0.5 * pitch]
    wider = [step for step in steps if step > pitch + EVEN]
    even = any(abs(step - pitch) <= EVEN for step in row_steps)
    apart = bool(wider) and min(wider) >= pitch + 2 * NOISE
    return min(widest, (pitch + min(wider)) / 2) if even and apart else widest


def _block(parts: list[_Part], column: int) -> tuple[float, float, int, list[_Part]]:
    return (parts[0].bottom - parts[0].size, parts[-1].bottom, column, parts)


def rows_by_blocks(parts: list[_Part], column_of: dict[int, int], step: float):
    """Each column's lines in blocks (a step wider than `step` ends a cell); blocks
    that overlap in height are one row, so a cell centred in its row still joins it."""
    by_column: dict[int, list[_Part]] = {}
    for part in parts:
        by_column.setdefault(column_of[id(part)], []).append(part)
    blocks: list[tuple[float, float, int, list[_Part]]] = []
    for column, column_parts in by_column.items():
        column_parts.sort(key=reading)
        current: list[_Part] = []
        for part in column_parts:
            if current and part.bottom - current[-1].bottom > step:
                blocks.append(_block(current, column))
                current = []
            current.append(part)
        if current:
            blocks.append(_block(current, column))
    blocks.sort(key=lambda b: b[0])
    table_rows: list[dict[int, list[_Part]]] = []
    reach = 0.0
    for top, bottom, column, block in blocks:
        if not table_rows or top > reach:
            table_rows.append({})
            reach = bottom
        reach = max(reach, bottom)
        table_rows[-1].setdefault(column, []).extend(block)
    return table_rows


def rows_unspaced(
    rows: list[_Row], column_of: dict[int, int], bounds: Sequence[float]
) -> list[dict[int, list[_Part]]]:
    """Rows of a table whose lines step evenly (no padding shows where a row ends).

    Cells are set from the top of their row, so a column that had no line at the
    baseline above and has one now starts a new cell, and so a new row. A line with
    words in the first column starts a row unless it is a wrapped line of the cells
    above: one of its parts begins in small letters, or it is one cell's line going on
    alone (the cells beside it ended: two cells or more that start together start a
    row, 'Sleepercurve | 13:00') whose first word would not have fitted on that cell's
    line above."""
    table_rows: list[dict[int, list[_Part]]] = []
    before: set[int] = set()
    seen: set[int] = set()
    last: dict[int, _Part] = {}
    for row in rows:
        here = {column_of[id(p)] for p in row.parts}
        resumed = any(c in seen and c not in before for c in here)
        wrapped = any(
            column_of[id(p)] in before and p.text.lstrip()[:1].islower() for p in row.parts
        ) or (
            len(row.parts) == 1
            and here < before
            and _could_not_fit(last[column_of[id(row.parts[0])]], row.parts[0], bounds, column_of)
        )
        if not table_rows or resumed or (0 in here and not wrapped):
            table_rows.append({})
        for part in row.parts:
            table_rows[-1].setdefault(column_of[id(part)], []).append(part)
            last[column_of[id(part)]] = part
        before = here
        seen |= here
    return table_rows


def _could_not_fit(above: _Part, part: _Part, bounds: Sequence[float], column_of) -> bool:
    """Whether `part`'s first word, after a space, runs past where the next column
    starts when set at the end of `above` (the line above in its cell): the browser
    had to wrap it, so it may go on with that cell. In the last column, never known."""
    column = column_of[id(part)]
    if column >= len(bounds):
        return False
    text = part.text.strip()
    word = text.split()[0] if text else ""
    if not word:
        return False
    width = (part.x1 - part.x0) * len(word) / max(len(text), 1)
    space = 0.25 * part.size
    return above.x1 + space + width > bounds[column]


# --- a version table's rows under a header set close (pdf_tables._glued_header) ---


def numbered_rows(rows: list[_Row], index: int, is_row) -> list[_Row]:
    """The first two rows under `index` that are a number and its text, at one number
    column and one text column, each close under the row before; a line at the text
    column alone between them is a cell's wrapped line. Fewer if the run stops."""
    found: list[_Row] = []
    for at in range(index + 1, min(index + 8, len(rows))):
        row = rows[at]
        if not 0 < row.bottom - rows[at - 1].bottom <= 2.6 * max(row.size, 1):
            break
        if len(row.parts) == 2 and not is_row(row):
            if found and (
                abs(row.parts[0].x0 - found[0].parts[0].x0) > ALIGN
                or abs(row.parts[1].x0 - found[0].parts[1].x0) > ALIGN
            ):
                break
            found.append(row)
            if len(found) == 2:
                break
        elif not (found and len(row.parts) == 1 and abs(row.x0 - found[0].parts[1].x0) <= ALIGN):
            break
    return found


def bold_word_over(part: _Part, cut: int, below: list[_Row]) -> bool:
    """A header row parted at a space ('Version Summary of changes', its cells a space
    apart): one word before the space, the whole line bold, the numbered rows below
    it not (a heading over numbered paragraphs is bold too, but a word of it starting
    just where their text starts, and only one word before it, is not enough alone)."""
    left = part.text[:cut].strip()
    if " " in left:
        return False
    bold = all_bold(part)
    plain = not any(style in BOLD_STYLES for r in below for style in r.parts[0].styles)
    return bold and plain


def all_bold(part: _Part) -> bool:
    """Every character of `part` but its spaces in bold (styles known for each)."""
    if len(part.styles) != len(part.text):
        return False
    return all(s in BOLD_STYLES for s, ch in zip(part.styles, part.text, strict=True) if ch != " ")
