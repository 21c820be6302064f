"""Tables on a PDF page, found by geometry and read cell by cell, row by row.

Two kinds, as council PDFs print them:

- ruled: the page draws the borders (thin filled boxes or lines). A group of touching
  rules with at least two columns or three rows is a table; its horizontal rules part
  the rows and its vertical rules the columns (the line reader has already cut a line
  where a vertical rule crosses it);
- aligned: no borders, but two or more lines are set in parts (gaps wider than a letter)
  whose starts line up, with the wrapped lines of a cell under its start.

In an aligned table, the lines of one cell follow at the line pitch; a wider step, in
every column at once, starts the next row (each row's cells overlap in height, so a
cell centred in its row still joins it; pdf_table_rows.py). A line whose parts are a
printed number and its text ('1.1' in a hanging indent) is a numbered paragraph, never
a table row.
Everything here is linear in the lines of the page, apart from the grouping of rules,
which is bounded by MAX_RULES.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..support.limits import most
from .pdf_header_rule import header_ruled
from .pdf_table_rows import (
    bold_word_over,
    numbered_rows,
    reading,
    row_step,
    rows_by_blocks,
    rows_unspaced,
)

ALIGN = 4.0  # points: parts whose starts differ by less line up
MAX_RULES = 2000  # rules looked at on one page (a drawing has more; it is not a table)
MAX_GROUPS = 200  # separate groups of rules on one page (dashes, a drawing): not tables
MAX_COLUMNS = 40
_MOST_TRIES = most("table_tries")  # rejected runs before a run is read as lines
STACKED_GAP = 120.0  # points between rules that rule off the rows of one table
PARAGRAPH_GAP = 1.8  # type sizes between baselines: a paragraph's gap, not a wrapped line
STEP_BEYOND = 1.3  # a line alone this much further below than the rows are apart: no row
WIDE_ROW_STEP = 8.0  # type sizes: rows of parts at the table's columns may be this far apart
SPLIT_ALIGN = 1.5  # points: a character this close to a column's start may open a cell
WIDE_GUTTER = 1.2  # type sizes: a gap this wide parts cells even in a two-row table
_BARE_NUMBER = re.compile(
    r"^(?:\(?(?:\d{1,3}(?:\.\d{1,3})*[A-Z]?|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]?|[•▪◦·‣–-])$"
)


class _Line(Protocol):
    text: str
    x0: float
    x1: float
    bottom: float
    size: float

    def parts(self) -> list[tuple[str, str, float, float]]: ...


@dataclass
class Cell:
    """One cell's lines, each (text, styles), top to bottom."""

    lines: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class FoundTable:
    rows: list[list[Cell]]
    lines: list  # the page's lines it took
    bounds: list[float] = field(default_factory=list)  # where its columns after the first start


@dataclass
class _Part:
    text: str
    styles: str
    x0: float
    x1: float
    bottom: float
    size: float
    xs: Sequence[float] = ()  # where each character of `text` starts, when known


@dataclass
class _Row:
    """Parts on one baseline (lines a page draws cell by cell share it)."""

    parts: list[_Part]
    lines: list
    bottom: float
    size: float

    @property
    def x0(self) -> float:
        return self.parts[0].x0

    @property
    def x1(self) -> float:
        return self.parts[-1].x1


def hanging_number(line: _Line) -> bool:
    """'1.1<gap>The text': a number in a hanging indent, not two cells."""
    parts = line.text.split("\t")
    return len(parts) == 2 and bool(_BARE_NUMBER.match(parts[0].strip()))


def hanging_label(text: str) -> bool:
    """'ii<gap>where<gap>the council ...': a line that opens with a number set apart
    (its justified words may be set apart too)."""
    first, tab, _rest = text.partition("\t")
    return bool(tab) and bool(_BARE_NUMBER.match(first.strip()))


def ruled_tables(lines: list, rules: list[tuple[float, float, float, float]]):
    """The page's ruled tables, and the lines outside them."""
    tables: list[FoundTable] = []
    used: set[int] = set()
    for grid in _grids(rules, lines):
        table = _ruled_table(grid, lines, used)
        if table:
            tables.append(table)
            used.update(id(line) for line in table.lines)
    return tables, [line for line in lines if id(line) not in used]


def find_tables(lines: list) -> list:
    """The page's lines in reading order, with each aligned table's lines replaced by
    one FoundTable where the table starts."""
    taken: dict[int, FoundTable] = {}  # id(first line) -> table
    used: set[int] = set()
    for table in _aligned_tables(lines):
        taken[id(table.lines[0])] = table
        used.update(id(line) for line in table.lines)
    out: list = []
    for line in lines:
        if id(line) in taken:
            out.append(taken[id(line)])
        elif id(line) not in used:
            out.append(line)
    return out


# --- ruled tables -----------------------------------------------------------------


@dataclass
class _Grid:
    x0: float
    top: float
    x1: float
    bottom: float
    across: list[float] = field(default_factory=list)  # y of horizontal rules
    down: list[float] = field(default_factory=list)  # x of vertical rules


def _grids(rules: list[tuple[float, float, float, float]], lines: Sequence = ()) -> list[_Grid]:
    """Rules that touch, grouped; a group with two columns or three rows is a grid."""
    if not rules or len(rules) > MAX_RULES:
        return []
    groups: list[_Grid] = []
    for x0, top, x1, bottom in sorted(rules, key=lambda r: (r[1], r[0])):
        touching = [
            g
            for g in groups
            if x0 <= g.x1 + 2 and x1 >= g.x0 - 2 and top <= g.bottom + 2 and bottom >= g.top - 2
        ]
        if len(groups) > MAX_GROUPS:
            return []
        grid = _Grid(x0, top, x1, bottom)
        for other in touching:
            groups.remove(other)
            grid.x0, grid.top = min(grid.x0, other.x0), min(grid.top, other.top)
            grid.x1, grid.bottom = max(grid.x1, other.x1), max(grid.bottom, other.bottom)
            grid.across += other.across
            grid.down += other.down
        if x1 - x0 > bottom - top:
            grid.across.append((top + bottom) / 2)
        else:
            grid.down.append((x0 + x1) / 2)
        groups.append(grid)
    groups = _stacked(groups, lines)
    found = []
    for grid in groups:
        grid.across = _distinct(grid.across)
        grid.down = _distinct(grid.down)
        if len(grid.down) >= 3 or len(grid.across) >= 3 or (len(grid.across) == 1 > len(grid.down)):
            found.append(grid)  # (one rule across: a header's, if a table stands on it)
    return found


def _stacked(groups: list[_Grid], lines: Sequence = ()) -> list[_Grid]:
    """Rules across one width, one under another and close (rows ruled off with no
    borders down): one grid, unless the lines between two rules are parted by a
    paragraph's gap (a lead-in above the next table's first row, which stands above its
    rule when rows are ruled below only), where the next table starts."""
    out: list[_Grid] = []
    for grid in sorted(groups, key=lambda g: g.top):
        last = out[-1] if out else None
        if (
            last is not None
            and not grid.down
            and not last.down
            and abs(grid.x0 - last.x0) < 3
            and abs(grid.x1 - last.x1) < 3
            and grid.top - last.bottom < STACKED_GAP
            and not _paragraph_gap(lines, last, grid)
        ):
            last.bottom = max(last.bottom, grid.bottom)
            last.across += grid.across
        else:
            out.append(grid)
    return out


def _paragraph_gap(lines: Sequence, above: _Grid, below: _Grid) -> bool:
    """Whether the lines between two rules (within their width) are parted by more than
    a wrapped line's pitch: two paragraphs, not one row."""
    between = sorted(
        (line.bottom, line.size)
        for line in lines
        if above.bottom < line.bottom < below.top and line.x1 > above.x0 and line.x0 < above.x1
    )
    pairs = zip(between, between[1:], strict=False)
    return any(b[0] - a[0] > PARAGRAPH_GAP * a[1] for a, b in pairs)


def _distinct(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > tolerance:
            out.append(value)
    return out


def _ruled_table(grid: _Grid, lines: list, used: set[int]) -> FoundTable | None:
    if len(grid.across) == 1 and not grid.down:  # a rule below the header row alone
        return header_ruled(grid, lines, used)
    inside = [
        line
        for line in lines
        if id(line) not in used
        and grid.top - 1 <= line.bottom <= grid.bottom + 1
        and line.x0 >= grid.x0 - 2
        and line.x1 <= grid.x1 + 2
    ]
    if not inside:
        return None
    parts = _parts(inside)
    columns = grid.down[1:-1] if len(grid.down) >= 3 else _column_starts(parts)[1:]
    # One column boxed and ruled across into rows (a list of venues printed as a table):
    # a table of one column, each row its own block. A single box (two rules across) is
    # a box around text; rules across with no borders down part sections, unless each
    # part is a short row (`_short_rows`: a one-column table ruled off row by row).
    boxed_rows = not columns and len(grid.down) == 2 and len(grid.across) >= 3
    ruled_rows = not columns and not grid.down and _short_rows(grid, inside)
    boxed_rows = boxed_rows or ruled_rows
    if not columns and not boxed_rows:
        return None
    if len(grid.down) < 3 and not boxed_rows:
        # No borders down: three columns, or a row that is not a number in a hanging
        # indent, and white space down each column (numbered paragraphs between two
        # rules, or in a box, are paragraphs).
        lined = _page_rows(inside)
        shaped = sum(len(row.parts) >= 2 for row in lined)
        shown = len(columns) >= 2 or any(_is_row(row) for row in lined)
        if not shown or not _gutters(lined, columns, shaped, False):
            return None
    if not grid.down:
        # Rows ruled off below only: the first row stands above the first rule.
        above = _first_row_above(grid, lines, used, columns, parts[0].size)
        if above:
            grid.across = [min(line.bottom for line in above) - 1, *grid.across]
            inside = above + inside
            parts = _parts(above) + parts
    cells: dict[tuple[int, int], list[_Part]] = {}
    for part in parts:
        row = bisect.bisect_left(grid.across, part.bottom)
        column = bisect.bisect_right(columns, part.x0 + 1)
        cells.setdefault((row, column), []).append(part)
    rows = _rows_of(cells, len(columns) + 1)
    if boxed_rows and any(_numbered_after_first(row[0]) for row in rows):
        return None  # numbered paragraphs in a ruled box: paragraphs, not rows
    return FoundTable(rows, inside, list(columns)) if rows else None


ROW_LINES = 3  # lines in a row of a one-column table ruled across only, at most


def _short_rows(grid: _Grid, inside: list) -> bool:
    """Three or more rules across one width, each space between two of them holding a
    row of a few lines in one type size: a one-column table ruled off row by row (no
    borders down). A space with more lines, or none, is a section between rules."""
    if len(grid.across) < 3:
        return False
    counts = [0] * (len(grid.across) - 1)
    for line in inside:
        band = bisect.bisect_left(grid.across, line.bottom) - 1
        if not 0 <= band < len(counts):
            return False  # a line above the first rule or below the last
        counts[band] += 1
    sizes = {round(line.size) for line in inside}
    return len(sizes) == 1 and all(1 <= count <= ROW_LINES for count in counts)


_CLAUSE_NUMBER = re.compile(
    r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,6})[.)]$|^\d{1,3}(?:\.\d{1,3})+$"
)


def _numbered_after_first(cell: Cell) -> bool:
    """A line of the cell after its first opens with a clause number ('2.2', '(b)')."""
    return any(
        _CLAUSE_NUMBER.match(text.replace("\t", " ").split(" ", 1)[0])
        for text, _styles in cell.lines[1:]
    )


def _parts(lines: list) -> list[_Part]:
    return [part for line in lines for part in _line_parts(line)]


def _line_parts(line) -> list[_Part]:
    """A line's parts, each with where its characters start (when the line says)."""
    xs = getattr(line, "xs", ())
    out, at = [], 0
    for text, styles, x0, x1 in line.parts():
        if text.strip():
            starts = xs[at : at + len(text)] if len(xs) == len(line.text) else ()
            out.append(_Part(text, styles, x0, x1, line.bottom, line.size, starts))
        at += len(text) + 1
    return out


def split_at(part: _Part, bounds: Sequence[float], glued: bool = True) -> list[_Part]:
    """A part cut where a column starts inside it: a character starts at the column
    (within SPLIT_ALIGN) right after a space, or after a character that starts well
    to its left (cells set closer than a space: 'VersionDate'). Each piece keeps to
    its column: the left one is taken to end before the column's gutter. `glued`
    False: only after a space (a line not yet known to be a row of the table)."""
    if len(part.xs) != len(part.text):
        return [part]
    pieces = [part]
    for bound in bounds:
        last = pieces[-1]
        if not last.x0 + ALIGN < bound < last.x1:
            continue
        cut = _cut_at(last, bound, glued)
        if cut is None:
            continue
        left, right = last.text[:cut].rstrip(), last.text[cut:]
        if not left.strip():
            continue
        # the left piece ends about half a letter after its last letter starts, and
        # at least a point clear of the gutter (a later column test allows ALIGN)
        left_end = min(last.xs[len(left) - 1] + 0.5 * last.size, bound - ALIGN - 1)
        pieces[-1:] = [
            _Part(
                left,
                last.styles[: len(left)],
                last.x0,
                max(left_end, last.x0),
                last.bottom,
                last.size,
                last.xs[: len(left)],
            ),
            _Part(
                right,
                last.styles[cut:],
                last.xs[cut],
                last.x1,
                last.bottom,
                last.size,
                last.xs[cut:],
            ),
        ]
    return pieces


def _cut_at(part: _Part, bound: float, glued: bool) -> int | None:
    """Where in `part` the column at `bound` starts, if a character starts there."""
    text, xs = part.text, part.xs
    for index in range(1, len(text)):
        if text[index] == " " or abs(xs[index] - bound) > SPLIT_ALIGN:
            continue
        if text[index - 1] == " ":
            return index
        # Glued: the letter before starts well to the left and the words part there
        # ('VersionDate', 'forHead': small letter then capital, or not a letter).
        if glued and xs[index - 1] < bound - 0.35 * part.size and _word_break(text, index):
            return index
    return None


def _word_break(text: str, index: int) -> bool:
    before, after = text[index - 1], text[index]
    if not (before.isalnum() and after.isalnum()):
        return True
    return (
        (before.islower() or before.isdigit())
        and after.isupper()
        or (before.isalpha() and after.isdigit())
    )


def _split_row(row: _Row, bounds: Sequence[float], glued: bool = True) -> _Row:
    parts = [piece for part in row.parts for piece in split_at(part, bounds, glued)]
    return row if len(parts) == len(row.parts) else _Row(parts, row.lines, row.bottom, row.size)


def _first_row_above(grid: _Grid, lines: list, used: set[int], columns, size: float) -> list:
    """Lines just above the first rule, in the table's type, whose parts keep to its
    columns (a heading or a sentence above the table does not), no higher above it than
    the tallest row below stands between its rules (a lead-in above is no row)."""
    reach = 3 * size
    if len(grid.across) >= 2:
        rows = zip(grid.across, grid.across[1:], strict=False)
        reach = min(reach, max(b - a for a, b in rows) + size / 4)
    above = sorted(
        (
            line
            for line in lines
            if id(line) not in used
            and grid.top - reach < line.bottom < grid.top
            and line.x0 >= grid.x0 - 2
            and line.x1 <= grid.x1 + 2
        ),
        key=lambda line: -line.bottom,
    )
    # a row's last line stands as far above the rule below it as in the rows below (a
    # lead-in above a table ruled at its top stands further: a paragraph's gap above)
    drops = [
        grid.across[at] - line.bottom
        for line in lines
        if 0 < (at := bisect.bisect_left(grid.across, line.bottom)) < len(grid.across)
        and grid.x0 - 2 <= line.x0
        and line.x1 <= grid.x1 + 2
    ]
    if above and drops and grid.top - above[0].bottom > max(drops) + size / 4:
        return []
    taken: list = []
    for line in above:
        if abs(line.size - size) > 0.6 or _crosses(line, columns):
            break
        over = [o for o in lines if 0 < line.bottom - o.bottom < 1.6 * size]
        if len(line.parts()) == 1 and any(_crosses(o, columns) for o in over):
            break  # the last line of a paragraph above
        taken.append(line)
    return taken[::-1]


def _crosses(line, columns) -> bool:
    return any(x0 < bound - ALIGN < x1 for _t, _s, x0, x1 in line.parts() for bound in columns)


def continuation(lines: list, table: FoundTable) -> tuple[FoundTable | None, list]:
    """The lines at the top of a page that go on with the table that ended the page
    before (its columns kept, none crossed): a table of their own, and the rest."""
    if not table.bounds or not lines:
        return None, lines
    size = lines[0].size
    taken: list = []
    for line in lines:
        if (
            not hasattr(line, "parts")
            or abs(line.size - size) > 0.6
            or _crosses(line, table.bounds)
        ):
            break
        if taken and not 0 <= line.bottom - taken[-1].bottom <= 2.6 * max(size, 1):
            break
        taken.append(line)
    if not taken:
        return None, lines
    parts = _parts(taken)
    spread = any(bisect.bisect_right(table.bounds, p.x0 + ALIGN) > 0 for p in parts) and any(
        bisect.bisect_right(table.bounds, p.x0 + ALIGN) == 0 for p in parts
    )
    if not spread and not taken[0].text.lstrip()[:1].islower():
        return None, lines
    column_of = {id(p): bisect.bisect_right(table.bounds, p.x0 + ALIGN) for p in parts}
    rows = rows_by_blocks(parts, column_of, 1.15 * 1.25 * max(size, 1) + 0.5)
    width = len(table.bounds) + 1
    out = [
        [Cell(_cell_lines(sorted(r.get(c, []), key=reading))) for c in range(width)] for r in rows
    ]
    return FoundTable(out, taken, table.bounds), lines[len(taken) :]


def _rows_of(cells: dict[tuple[int, int], list[_Part]], width: int) -> list[list[Cell]]:
    rows = []
    for row in sorted({r for r, _c in cells}):
        out = []
        for column in range(width):
            found = sorted(cells.get((row, column), []), key=lambda p: (round(p.bottom), p.x0))
            out.append(Cell(_cell_lines(found)))
        rows.append(out)
    return rows


def _cell_lines(parts: list[_Part]) -> list[tuple[str, str]]:
    """A cell's parts, those on one baseline joined by a space."""
    lines: list[tuple[str, str]] = []
    last = None
    for part in parts:
        if last is not None and abs(part.bottom - last) < 1 and lines:
            text, styles = lines[-1]
            lines[-1] = (f"{text} {part.text}", f"{styles}0{part.styles}")
        else:
            lines.append((part.text, part.styles))
        last = part.bottom
    return lines


# --- aligned tables ---------------------------------------------------------------


def _column_starts(parts: list[_Part]) -> list[float]:
    """Where parts start, lined up: one start per column (each seen at least twice,
    but for the first)."""
    starts = sorted(p.x0 for p in parts)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][-1] <= ALIGN:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [c[0] for c in clusters if len(c) >= 2]


def _page_rows(lines: list) -> list[_Row]:
    rows: list[_Row] = []
    for line in lines:
        parts = _line_parts(line)
        if not parts:
            continue
        last = rows[-1] if rows else None
        if (
            last is not None
            and abs(last.bottom - line.bottom) < 1
            and abs(last.size - line.size) < 0.6
            and all(p.x1 < q.x0 or p.x0 > q.x1 for p in parts for q in last.parts)
        ):
            last.parts = sorted(last.parts + parts, key=lambda p: p.x0)
            last.lines.append(line)
        else:
            rows.append(_Row(parts, [line], line.bottom, line.size))
    return rows


def _is_row(row: _Row) -> bool:
    if not 2 <= len(row.parts) <= MAX_COLUMNS:
        return False
    return not (len(row.parts) == 2 and _BARE_NUMBER.match(row.parts[0].text.strip()))


def _aligned_tables(lines: list) -> list[FoundTable]:
    rows = _page_rows(lines)
    found = []
    index = floor = tries = 0
    while index < len(rows):
        if not _is_row(rows[index]):
            header = _glued_header(rows, index)
            if header is None:
                index += 1
                continue
            rows[index] = header
        end = _run_end(rows, index)
        start = _run_start(rows, index, floor)
        table = _aligned_table(rows[start:end])
        if table:
            found.append(table)
            index = floor = end
            tries = 0
        elif tries >= _MOST_TRIES:
            # Each try scans its run again: past the limit the run is lines, so a page
            # of thousands of tiny cells costs its rows, not their square.
            index = floor = max(end, index + 1)
            tries = 0
        else:
            index += 1
            tries += 1
    return found


def _glued_header(rows: list[_Row], index: int) -> _Row | None:
    """A table's header row set with no gap between its cells ('VersionSummary of
    changes'), over rows whose first cells are numbers ('1.0', '2.1': a version table,
    whose rows read like numbers in a hanging indent): the header parted where the
    rows' second cells start, at a glued join (no space before it: a sentence or a
    heading over numbered paragraphs parts at a space, never glued; or at a space
    after one word, in bold over plain rows), starting with a letter where the
    numbers start. None if not so; then the rows stay paragraphs."""
    row = rows[index]
    if len(row.parts) != 1 or not row.parts[0].text[:1].isalpha():
        return None
    below = numbered_rows(rows, index, _is_row)
    if len(below) < 2 or abs(row.x0 - below[0].parts[0].x0) > ALIGN:
        return None  # two rows below at least, each a number and its text
    text_at = below[0].parts[1].x0
    part = row.parts[0]
    cut = _cut_at(part, text_at, glued=True)
    if cut is None:
        return None
    if part.text[cut - 1] == " " and not bold_word_over(part, cut, below):
        return None
    split = _split_row(row, [text_at])
    return split if len(split.parts) == 2 else None


def _run_start(rows: list[_Row], index: int, floor: int) -> int:
    """Rows just above the first row of parts that belong to the table too: a wrapped
    cell's lines at the top of the page (the rest of a row cut by the page break
    above), and rows whose cells sit closer than a cell's gap (a header row) that part
    at spaces into one piece at each of the table's columns."""
    columns = sorted(p.x0 for p in rows[index].parts)
    start = taken = index
    while start > floor:
        row, below = rows[start - 1], rows[start]
        step = below.bottom - row.bottom
        if step <= 0 or step > 2.6 * max(row.size, 1) or abs(row.size - below.size) > 0.6:
            break
        if not _is_row(row) and _inside_a_column(row, columns) and row.x1 < columns[-1] - ALIGN:
            start -= 1
            continue
        split = _split_row(row, columns[1:], glued=False)
        if len(split.parts) != len(columns) or not _keeps_to(split, columns):
            break
        rows[start - 1] = split
        start = taken = start - 1
    # A cell's lines only at the top of the page (a sentence in one column's width
    # above a table, as 'The quorum is:' is, is no cell).
    return start if start == 0 else taken


def _run_end(rows: list[_Row], start: int) -> int:
    """Rows after `start` that go on with the table: rows of parts, or a wrapped cell's
    line inside one column, close below, in the same type."""
    first = rows[start]
    columns = sorted(p.x0 for p in first.parts)
    end = start + 1
    pitch = 0.0  # the widest step between the table's rows so far
    while end < len(rows):
        row, previous = rows[end], rows[end - 1]
        step = row.bottom - previous.bottom
        # Rows padded wide stand further apart than a paragraph's gap: a row whose
        # every part starts at one of the table's columns still goes on with it.
        limit = WIDE_ROW_STEP if _aligned_row(row, columns) else 2.6
        if step <= 0 or step > limit * max(row.size, 1) or abs(row.size - first.size) > 0.6:
            break
        if pitch and len(row.parts) == 1 and step > STEP_BEYOND * pitch:
            break  # a line alone a paragraph's gap below the rows: the text goes on
        pitch = max(pitch, step)
        if _is_row(row) or _keeps_to(row, columns):
            for part in row.parts:
                if all(abs(part.x0 - x) > ALIGN for x in columns):
                    bisect.insort(columns, part.x0)
            if len(columns) > MAX_COLUMNS:
                break
        elif not _inside_a_column(row, columns):
            # Cells set closer than a cell's gap: the line parts at a space where the
            # table's columns start, and the table goes on below it.
            split = _split_row(row, columns[1:], glued=False)
            if not (_keeps_to(split, columns) and _goes_on(rows, end, columns)):
                break
            rows[end] = split
        end += 1
    return end


def _goes_on(rows: list[_Row], at: int, columns: list[float]) -> bool:
    """The row after `at` is close below and keeps to the table's columns."""
    if at + 1 >= len(rows):
        return False
    row, below = rows[at], rows[at + 1]
    if not 0 < below.bottom - row.bottom <= 2.6 * max(row.size, 1):
        return False
    return _is_row(below) or _keeps_to(below, columns) or _inside_a_column(below, columns)


def _aligned_row(row: _Row, columns: list[float]) -> bool:
    """Two parts or more, each starting at one of the table's columns."""
    return _is_row(row) and all(any(abs(p.x0 - x) <= ALIGN for x in columns) for p in row.parts)


def _keeps_to(row: _Row, columns: list[float]) -> bool:
    """Parts that each start at one of the table's columns ('21' over 'November' in a
    date cell beside a cell of words: a row, not a number in a hanging indent)."""
    return len(row.parts) >= 2 and all(
        any(abs(part.x0 - x) <= ALIGN for x in columns) for part in row.parts
    )


def _inside_a_column(row: _Row, columns: list[float]) -> bool:
    x0, x1 = row.x0, row.x1
    at = bisect.bisect_right(columns, x0 + ALIGN) - 1
    if at < 0 or x0 - columns[at] > ALIGN * 3:
        return False
    return at + 1 >= len(columns) or x1 <= columns[at + 1] + ALIGN


def _aligned_table(rows: list[_Row]) -> FoundTable | None:
    shaped = [row for row in rows if len(row.parts) >= 2]
    if len(shaped) < 2 or not any(_is_row(row) for row in rows):
        return None
    parts = [p for row in rows for p in row.parts]
    starts = _column_starts(parts)
    # The columns after the first must line up on two rows at least, the header's
    # cell gaps among them: a header whose cells sit a space apart ('Revision Approved'
    # over '2 | 7 March 2024', one entry of a version table) starts a word where the
    # column starts.
    left = min(p.x0 for p in parts)
    bounds = [start for start in starts if start > left + ALIGN]
    seconds = [p.x0 for row in shaped for p in row.parts[1:]]
    bounds = [
        b
        for b in bounds
        if sum(abs(x - b) <= ALIGN for x in seconds) + _header_gap(rows[0], b) >= 2
    ]
    if not bounds:
        return None
    # Cells set closer than a gap: parts cut where a column starts, in a few rows (a
    # column start inside most rows is not a table's: justified prose).
    split = [_split_row(row, bounds) for row in rows]
    if sum(a is not b for a, b in zip(split, rows, strict=True)) * 3 <= len(shaped):
        rows = split
        shaped = [row for row in rows if len(row.parts) >= 2]
        parts = [p for row in rows for p in row.parts]
    if not _gutters(rows, bounds, len(shaped)):
        return None
    column_of = {id(p): bisect.bisect_right(bounds, p.x0 + ALIGN) for p in parts}
    steps = [b.bottom - a.bottom for a, b in zip(rows, rows[1:], strict=False)]
    # The line pitch: a cell centred in its row sits between the lines beside it, so
    # steps under a line's height are not the pitch.
    size = max(rows[0].size, 1)
    pitch = min([step for step in steps if step >= 0.9 * size] + [1.25 * size])
    step = row_step(parts, column_of, pitch, steps)
    if max(steps, default=0) <= step:
        table_rows = rows_unspaced(rows, column_of, bounds)
    else:
        table_rows = rows_by_blocks(parts, column_of, step)
    width = len(bounds) + 1
    out = [
        [Cell(_cell_lines(sorted(row.get(c, []), key=reading))) for c in range(width)]
        for row in table_rows
    ]
    return FoundTable(out, [line for row in rows for line in row.lines], bounds)


def _header_gap(header: _Row, bound: float) -> bool:
    """The first row (a header) has a gap between words where a column starts: one of
    its parts, crossing the column, has a word starting there after a space."""
    return any(
        part.x0 + ALIGN < bound < part.x1 and _cut_at(part, bound, glued=False) is not None
        for part in header.parts
        if len(part.xs) == len(part.text)
    )


def _gutters(rows: list[_Row], bounds: list[float], shaped: int, majority: bool = True) -> bool:
    """Each column's start has white space before it down the whole table (no part
    crosses it), and most rows start a part there: not the gaps a justified line
    leaves at random. A table of two rows needs wide gaps."""
    for bound in bounds:
        # (a part may end just short of the next column: cells set with no padding)
        if any(p.x0 < bound - ALIGN and p.x1 > bound + 0.5 for row in rows for p in row.parts):
            return False
        starting = sum(any(abs(p.x0 - bound) <= ALIGN for p in row.parts) for row in rows)
        if majority and starting * 2 < shaped:
            return False
        if shaped < 3:
            before = [p for row in rows for p in row.parts if p.x1 < bound - ALIGN]
            if before and bound - max(p.x1 for p in before) < WIDE_GUTTER * rows[0].size:
                return False
    return True
