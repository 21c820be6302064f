"""A small text written in a test, converted: the parse tests of the lead's rulings read
its document and its clauses in reading order."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Clause, Document, iter_clauses


def convert_text(tmp_path: Path, text: str, name: str = "doc.txt") -> tuple[Document, list[Clause]]:
    """The document a .txt holding `text` becomes, and its clauses in reading order."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = convert_file(path)
    return document, [clause for clause, *_ in iter_clauses(document.blocks)]
