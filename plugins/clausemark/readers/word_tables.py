"""A Word table's shape as Word lays it out, for the Word reader (readers/docx.py).

- Each cell sits in the grid column Word puts it in: a cell merged across columns
  (`w:gridSpan`) fills them all, and the columns a row skips before or after its cells
  (`w:gridBefore`, `w:gridAfter`) are empty, so no cell moves under another column's
  heading. A cell merged down (`w:vMerge`) is read where it starts; the rows it
  covers show it empty there, as Word shows them, and any words they hold are kept.
- Its header row: a first row marked to repeat as the header (`w:tblHeader`) is the
  table's header row; a table whose look says its first row is not set as a header
  (`w:tblLook` firstRow off, "Header Row" unticked in Word) prints its first row as a
  row; any other keeps its first row as the header, as before (Word writes neither on
  most tables, so their absence says nothing).
- A table that lays out the page (one column, cells holding tables or several
  paragraphs) is read as the document's own paragraphs, not as a table.
"""

from __future__ import annotations

from .word_package import W

P, TBL, TR, TC, TEXT = (f"{W}{n}" for n in ("p", "tbl", "tr", "tc", "t"))
TBL_PR, TR_PR, TC_PR = f"{W}tblPr", f"{W}trPr", f"{W}tcPr"
GRID_SPAN, GRID_BEFORE, GRID_AFTER = f"{W}gridSpan", f"{W}gridBefore", f"{W}gridAfter"
TBL_HEADER, TBL_LOOK, VAL = f"{W}tblHeader", f"{W}tblLook", f"{W}val"
WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"}
# Word's own limit on a table's columns: a span or skip past it is read at it, so a
# forged "gridSpan 10^9" pads no more than this (the padding stays linear in the rows)
MOST_COLUMNS = 63
_OFF = {"0", "false", "off", "none"}


def children(element, tag: str) -> list:
    """The rows of a table (or the cells of a row) in order, also those wrapped in
    content controls or custom XML, however deep (Word nests them)."""
    found = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag in WRAPPERS:
            found += children(child, tag)
    return found


def _first(element, tag: str):
    if element is None:
        return None
    for child in element:
        if child.tag == tag:
            return child
    return None


def _count(holder, tag: str) -> int:
    """A span or skip (`w:gridSpan w:val="3"`): 1 or more for a span, 0 or more for a
    skip, read defensively (a value that is no whole number counts as absent)."""
    element = _first(holder, tag)
    if element is None:
        return 1 if tag == GRID_SPAN else 0
    try:
        value = int((element.get(VAL) or "").strip())
    except ValueError:
        return 1 if tag == GRID_SPAN else 0
    low = 1 if tag == GRID_SPAN else 0
    return min(max(value, low), MOST_COLUMNS)


def grid_rows(table) -> list[list]:
    """Each row's cells placed in their grid columns: a cell element, or None where a
    merged cell's other columns or a skipped column are."""
    rows = []
    for row in children(table, TR):
        cells = children(row, TC)
        if not cells:
            continue
        properties = _first(row, TR_PR)
        placed: list = [None] * _count(properties, GRID_BEFORE)
        for cell in cells:
            placed.append(cell)
            extra = _count(_first(cell, TC_PR), GRID_SPAN) - 1
            placed += [None] * min(extra, max(MOST_COLUMNS - len(placed), 0))
        placed += [None] * min(_count(properties, GRID_AFTER), max(MOST_COLUMNS - len(placed), 0))
        rows.append(placed)
    return rows


def _on(element) -> bool:
    return element is not None and (element.get(VAL) or "1").strip().lower() not in _OFF


def first_row_is_header(table) -> bool:
    """Whether the table's first row is printed as its header row (see the module)."""
    rows = children(table, TR)
    if rows and _on(_first(_first(rows[0], TR_PR), TBL_HEADER)):
        return True
    look = _first(_first(table, TBL_PR), TBL_LOOK)
    if look is None:
        return True
    named = (look.get(f"{W}firstRow") or "").strip().lower()
    if named:
        return named not in _OFF
    try:
        return bool(int((look.get(VAL) or "").strip(), 16) & 0x0020)
    except ValueError:
        return True


def is_layout_table(rows: list[list]) -> bool:
    """A table that lays out the page (one column, or cells holding tables or several
    paragraphs): its cells are read as the document's own paragraphs."""
    if max(sum(cell is not None for cell in cells) for cells in rows) == 1:
        return True
    for cells in rows:
        for cell in cells:
            if cell is None:
                continue
            count = 0
            for child in cell:
                tag = child.tag
                if tag == TBL:
                    return True
                count += tag == P
            if count <= 2:
                continue  # most cells: a paragraph or two
            paragraphs = 0
            for paragraph in cell.iterchildren(P):
                if any((t.text or "").strip() for t in paragraph.iter(TEXT)):
                    paragraphs += 1
                    if paragraphs > 2:
                        return True
    return False
