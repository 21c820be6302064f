"""Record views of a document: its clauses, notes and headings as flat rows.

The site index, search, diffs and version order read documents through these views, so
they live beside the model, below every layer that uses them (never in the converter).
"""

from __future__ import annotations

from ..support.markdown_text import plain_text
from .document import (
    Block,
    ClauseRecord,
    Document,
    Heading,
    HeadingRecord,
    Section,
    Table,
    iter_clauses,
    iter_headings,
    iter_notes,
)


def table_rows(table: Table) -> list[str]:
    """A table's rows as the units of its clause ('Planning | 5'): its cells are compared
    by the diff and found by search with the clause. Its caption, when the source prints
    one (a Word table's title row spanning every column), is its first: a title reworded
    is a change of the table."""
    rows = [table.header, *table.rows] if any(table.header) else table.rows
    cells = [" | ".join(plain_text(c) for c in row if c.strip()) for row in rows if any(row)]
    return [plain_text(table.caption), *cells] if table.caption else cells


def clause_records(document: Document) -> list[ClauseRecord]:
    records = []
    for clause, parent, heading, depth in iter_clauses(document.blocks):
        units = tuple(plain_text(t) for t in [clause.text, *clause.paragraphs, *clause.tail])
        rows = tuple(row for table in clause.tables for row in table_rows(table))
        units += rows
        records.append(
            ClauseRecord(
                document=document.doc_id,
                anchor=clause.anchor,
                number=clause.number,
                parent=parent.anchor if parent else None,
                text=" ".join(units),
                heading=plain_text(heading) if heading else None,
                depth=depth,
                units=units,
                rows=len(rows),
                bullet=clause.bullet,
            )
        )
    return records


def clause_outline(document: Document) -> list[ClauseRecord]:
    """The clauses' numbers and places without their text: enough to resolve references."""
    return [
        ClauseRecord(
            document.doc_id, clause.anchor, clause.number, parent.anchor if parent else None, ""
        )
        for clause, parent, _heading, _depth in iter_clauses(document.blocks)
    ]


def note_records(document: Document) -> list[ClauseRecord]:
    """Paragraphs outside every clause, as records of kind "note"."""
    return [
        ClauseRecord(
            document=document.doc_id,
            anchor=note.anchor,
            number=None,
            parent=None,
            text=plain_text(note.text),
            heading=plain_text(heading) if heading else None,
            units=(plain_text(note.text),),
            kind="note",
        )
        for note, heading in iter_notes(document.blocks)
        if note.anchor
    ]


def _loose_tables(blocks: list[Block], heading: str | None = None):
    """(table, nearest heading) for each table in no clause, in reading order."""
    for block in blocks:
        if isinstance(block, Section):
            yield from _loose_tables(block.blocks, block.heading.title)
        elif isinstance(block, Heading):
            heading = block.title
        elif isinstance(block, Table) and block.kind == "table" and block.anchor:
            yield block, heading


def table_records(document: Document) -> list[ClauseRecord]:
    """Tables in no clause (a fees or definitions table under a heading) as records of
    kind "table", a row a unit: their cells are text a diff compares."""
    records = []
    for table, heading in _loose_tables(document.blocks):
        rows = tuple(table_rows(table))
        records.append(
            ClauseRecord(
                document=document.doc_id,
                anchor=table.anchor,
                number=None,
                parent=None,
                text=" ".join(rows),
                heading=plain_text(heading) if heading else None,
                units=rows,
                kind="table",
                rows=len(rows),
            )
        )
    return records


def heading_text_records(document: Document) -> list[ClauseRecord]:
    """Section headings and cross-headings as records of kind "heading", the title their
    text: a section renamed or a cross-heading reworded is a change of the adopted text."""
    return [
        ClauseRecord(
            document=document.doc_id,
            anchor=heading.anchor,
            number=heading.number,
            parent=None,
            text=plain_text(heading.title),
            units=(plain_text(heading.title),),
            kind="heading",
        )
        for heading in iter_headings(document.blocks)
        if heading.anchor
    ]


def text_records(
    document: Document, tables: bool = False, headings: bool = False
) -> list[ClauseRecord]:
    """Clauses and the notes between them in reading order; with `tables`, the tables in
    no clause too, with `headings` the headings: all the text a diff compares."""
    lines = {clause.anchor: clause.line for clause, *_ in iter_clauses(document.blocks)}
    lines.update({note.anchor: note.line for note, _ in iter_notes(document.blocks)})
    records = clause_records(document) + note_records(document)
    if tables:
        lines.update({table.anchor: table.line for table, _ in _loose_tables(document.blocks)})
        records += table_records(document)
    if headings:
        lines.update({h.anchor: h.line for h in iter_headings(document.blocks) if h.anchor})
        records += heading_text_records(document)
    return sorted(records, key=lambda record: lines.get(record.anchor, 0))


def heading_records(document: Document) -> list[HeadingRecord]:
    return [
        HeadingRecord(document.doc_id, h.anchor, h.number, plain_text(h.title))
        for h in iter_headings(document.blocks)
    ]
