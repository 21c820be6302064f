"""One convert-then-check shape for the tests of the blind sets' classes (issue 23): a
text written to a file and converted, a layout fixture converted, what was found in it,
and the n/2n CPU check of a text made at a size."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Document, iter_clauses, iter_headings, iter_notes

LAYOUTS = Path(__file__).resolve().parents[1] / "layouts"
if str(LAYOUTS) not in sys.path:
    sys.path.insert(0, str(LAYOUTS))  # tests/layouts/score.py


def convert_text(tmp_path: Path, name: str, text: str) -> Document:
    """`text` written to `tmp_path/name` (its suffix says the format) and converted."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def assert_anchors(text: str, expected: list[str], name: str = "text.txt") -> Document:
    """`text`, written to a file called `name` and converted, has numbered elements with
    exactly the anchors `expected`, in order; the document, for a test's own checks."""
    with tempfile.TemporaryDirectory() as folder:
        document = convert_text(Path(folder), name, text)
    assert found_anchors(document) == expected
    return document


def convert_fixture(name: str) -> Document:
    return convert_file(LAYOUTS / f"{name}.txt")


def found(document: Document) -> list[tuple[str, str | None, str]]:
    """(printed number, parent's printed number, anchor) of every numbered element."""
    from score import numbered_elements

    return [(n.number, n.parent, n.anchor) for n in numbered_elements(document.blocks)]


def found_anchors(document: Document) -> list[str]:
    """The anchor of every numbered element, in reading order (`found`'s last column)."""
    return [anchor for *_, anchor in found(document)]


def headings(document: Document) -> list[str]:
    return [f"{h.number or ''} {h.title}".strip() for h in iter_headings(document.blocks)]


def anchors(document: Document) -> list[str]:
    return [clause.anchor for clause, *_ in iter_clauses(document.blocks)]


def notes(document: Document) -> list[str]:
    return [note.text for note, _ in iter_notes(document.blocks)]


def warning_codes(document: Document) -> list[str]:
    return [w.code for w in document.warnings if getattr(w, "level", "warning") != "info"]


def assert_linear(tmp_path: Path, text: Callable[[int], str], n: int = 300) -> None:
    """The text made at size n and 2n converts in about twice the CPU time (measured in
    this process, re-measured before failing: tests/hostile/hostile_files.py)."""
    from hostile_files import assert_linear_cpu

    def convert(size: int) -> Document:
        return convert_text(tmp_path, f"text_{size}.txt", text(size))

    assert convert(5).title_lines  # warm up: imports and caches
    assert_linear_cpu(convert, n, 2 * n)
