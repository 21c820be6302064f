"""A web page's tables as the page reader collects them: each cell's blocks, its spans,
and the grid a browser lays them out in (rowspan and colspan filled). The reader
(html.py) opens and closes cells and rows; this module holds what a table is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import TextLayout, listed_items


@dataclass
class Table:
    rows: list[list[TextLayout]] = field(default_factory=list)  # each cell: its blocks
    spans: list[list[tuple[int, int]]] = field(default_factory=list)  # each cell's spans
    place: str | None = None  # where it starts in the file
    term_done: bool = False  # a definitions list: the last row has its definition
    has_terms: bool = False  # a definitions list: a <dt> was read
    definitions: bool = False  # a <dl> (read as a table with no header row)
    headed: bool = False  # a <th> was read: a row of column headings (else rows of <td>)
    captions: list[str] = field(default_factory=list)  # its <caption>: its title row
    # its cell and row left open (`html._PageReader._implied_ends`): the tag of the open cell
    # (td, th; dt, dd in a definitions list), "" when none; whether a row is open
    open_cell: str = ""
    row_open: bool = False

    def is_layout(self) -> bool:
        """A table that lays out the page (one column, or cells holding headings,
        tables or several paragraphs), as older council sites use them: read as text."""
        cells = [cell.blocks for row in self.rows for cell in row]
        if not cells:
            return False
        if max(len(row) for row in self.rows) == 1:
            return True
        return any(
            len(cell) > 2 or any(b.startswith("#") or "\t" in b for b in cell) for cell in cells
        )

    def items(self) -> list[tuple[str, list[str]]] | None:
        """The items the table lists (`layout.listed_items`), or None: never a table with
        a row of headings (<th>), a caption, or a cell spanning others."""
        if self.headed or self.definitions or self.captions:
            return None
        if any(span != (1, 1) for spans in self.spans for span in spans):
            return None
        return listed_items([[cell.blocks for cell in row] for row in self.rows])


MOST_SPAN = 1000  # as HTML itself caps colspan (rowspan runs out with the table's rows)


def cell_span(value: str | None) -> int:
    """A colspan or rowspan attribute as a count from 1 (a bad value counts 1)."""
    text = (value or "").strip()
    return min(int(text), MOST_SPAN) if text.isdigit() and int(text) > 0 else 1


def grid(rows: list[list[str]], spans: list[list[tuple[int, int]]]) -> list[list[str]]:
    """The rows as a browser lays them out: a cell spanning columns is followed by empty
    cells, and a cell spanning rows leaves an empty cell in its column of the rows below,
    so every cell stands in its own column. The empty cells added are never more than
    the cells read, so a hostile span makes nothing more than linear in the page."""
    budget = sum(len(row) for row in rows)
    below: dict[int, int] = {}  # column -> rows still covered by a cell above
    laid = []
    for index, row in enumerate(rows):
        row_spans = spans[index] if index < len(spans) else []
        covered, below = below, {}
        out: list[str] = []
        for position, text in enumerate([*row, None]):
            while covered.get(len(out), 0) > 0 and budget > 0:  # a cell above reaches here
                left = covered.pop(len(out))
                if left > 1:
                    below[len(out)] = left - 1
                out.append("")
                budget -= 1
            if text is None:
                break
            across, down = row_spans[position] if position < len(row_spans) else (1, 1)
            start = len(out)
            extra = min(across - 1, budget)
            out += [text, *[""] * extra]
            budget -= extra
            if down > 1:
                below.update(dict.fromkeys(range(start, len(out)), down - 1))
        laid.append(out)
    return laid
