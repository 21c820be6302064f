"""A minute reference printed before an item's number ("M21/25   1.   APOLOGIES.") is
carried by the item: the numbered heading keeps it (`Heading.reference`) and the page shows
it with the heading, in its text; it is never a cross-heading of its own, never a warning
per item, and never lost (issue 23, lead ruling R8's note on minute references)."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Heading, Section, iter_clauses
from clausemark.render.markdown_writer import render_document

MINUTES = (
    "Minutes of the Parish Council Meeting held on 4 March 2025\n\n"
    "M21/25      1.      APOLOGIES FOR ABSENCE.\n\n"
    "Cllr Vane sent apologies, which were accepted.\n\n"
    "M22/25      2.      To receive the minutes of the last meeting.\n\n"
    "M23/25      3.      FINANCE.\n\n"
    "The payments list was approved.\n"
)


def _convert(tmp_path: Path):
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return convert_file(path)


def test_the_reference_belongs_to_the_item_heading(tmp_path: Path):
    document = _convert(tmp_path)
    sections = [block for block in document.blocks if isinstance(block, Section)]
    assert [(s.heading.anchor, s.heading.reference) for s in sections] == [
        ("sec_1", "M21/25"),
        ("sec_3", "M23/25"),
    ]
    crossheadings = [block.title for block in document.blocks if isinstance(block, Heading)]
    assert crossheadings == ["M22/25"]  # before the sentence item 2 only
    assert not [w for w in document.warnings if "printed inside the paragraph" in w.message]


def test_a_sentence_item_keeps_its_reference_before_it(tmp_path: Path):
    blocks = _convert(tmp_path).blocks
    at = next(i for i, b in enumerate(blocks) if getattr(b, "anchor", "") == "para_2")
    assert isinstance(blocks[at - 1], Heading) and blocks[at - 1].title == "M22/25"
    assert [c.text for c, *_ in iter_clauses(blocks) if c.anchor == "para_2"] == [
        "To receive the minutes of the last meeting."
    ]


def test_the_page_shows_the_reference_with_the_heading(tmp_path: Path):
    document = _convert(tmp_path)
    markdown = render_document(document)
    assert "## M21/25 1. APOLOGIES FOR ABSENCE. {: #sec_1 }" in markdown
    assert not [w for w in document.warnings if w.code == "lost-words"]
