"""A small text written in a test, converted: the parse tests of the lead's rulings read
its document and its clauses in reading order."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Clause, Document, Note, Section, iter_clauses


def convert_text(tmp_path: Path, text: str, name: str = "doc.txt") -> tuple[Document, list[Clause]]:
    """The document a .txt holding `text` becomes, and its clauses in reading order."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = convert_file(path)
    return document, [clause for clause, *_ in iter_clauses(document.blocks)]


def texts_by_anchor(blocks) -> dict[str, str]:
    """Each anchor of `blocks` with the words it carries (a heading's title, a clause's or
    a note's text), depth first: what a ruling's example asserts, whole."""
    found: dict[str, str] = {}
    for block in blocks:
        if isinstance(block, Section):
            found[block.heading.anchor or ""] = block.heading.title
            found.update(texts_by_anchor(block.blocks))
        elif isinstance(block, Clause):
            found[block.anchor or ""] = block.text
            found.update(texts_by_anchor(block.children))
        elif isinstance(block, Note):
            found[block.anchor or ""] = block.text
    return found
