"""A table the source prints with no row of headings shows none on the page.

Markdown's pipe tables must open with a header row, so the page's Markdown gives such a
table (a definitions list, a one-row table, a web table of <td> cells alone: see
`markdown_writer.render_table`) a header row of empty cells. Python-Markdown makes that
an empty <thead>, which a browser still draws (a blank stripe over the table) and a
screen reader still announces. `HeaderlessTables` takes it out of the page's tree after
the inline pass, so the table's first row is its first row of data, as printed."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor


class HeaderlessTables(Treeprocessor):
    """Remove each table's <thead> that holds no text and no element (no words, no
    link, no image): an empty header row, which no source prints."""

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead")
            if head is not None and _empty(head):
                table.remove(head)


def _empty(head: etree.Element) -> bool:
    cells = [cell for row in head for cell in row]
    return all(len(cell) == 0 and not (cell.text or "").strip() for cell in cells)
