"""A PDF table ruled only below its header row (readers/pdf_tables.py): one rule across,
no others. Its header is the row standing just above the rule, its cells set apart on
the line; its rows are the lines below the rule that keep to the header's columns, row
after row, up to a paragraph's gap or a line that crosses a column. Read so, the
sentence leading into the table (which may reach across the columns) is never one of
its rows, and a rule of another kind (under a heading, above the footnotes, a signature
line) is no table: nothing set apart stands on it, or nothing keeps to columns under it.
"""

from __future__ import annotations

HEADER_DROP = 0.8  # type sizes the header's baseline stands above its rule, at most
ROW_GAP = 2.1  # type sizes between rows' baselines, at most (more: a paragraph's gap)
LEAST_ROWS = 2  # rows under the header, at least


def header_ruled(grid, lines: list, used: set[int]):
    """The table a single rule across marks below its header row, or None."""
    from .pdf_tables import FoundTable, _crosses, _line_parts, _rows_of

    rule = grid.across[0]
    free = [
        line
        for line in lines
        if id(line) not in used and line.x0 >= grid.x0 - 2 and line.x1 <= grid.x1 + 2
    ]
    header = [
        line
        for line in free
        if 0 < rule - line.bottom <= HEADER_DROP * line.size and len(line.parts()) >= 2
    ]
    if len(header) != 1:
        return None
    size = header[0].size
    columns = [x0 for _text, _styles, x0, _x1 in header[0].parts()[1:]]
    rows, last = [], header[0].bottom
    for line in sorted((ln for ln in free if ln.bottom > rule), key=lambda ln: ln.bottom):
        if line.bottom - last > ROW_GAP * size or abs(line.size - size) > 0.6:
            break
        if _crosses(line, columns):
            break
        rows.append(line)
        last = line.bottom
    if len(rows) < LEAST_ROWS or sum(len(r.parts()) >= 2 for r in rows) * 2 < len(rows):
        return None
    taken = [header[0], *rows]
    cells: dict = {}
    for row, line in enumerate(taken):
        for part in _line_parts(line):
            column = sum(part.x0 + 1 >= bound for bound in columns)
            cells.setdefault((row, column), []).append(part)
    found = _rows_of(cells, len(columns) + 1)
    return FoundTable(found, taken, columns) if found else None
