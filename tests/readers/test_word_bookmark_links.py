"""A Word link with a `w:anchor`: to a place in the linked page, the anchor is its
address's fragment (python-docx reads "http://foo.com/" with anchor "intro" as
"http://foo.com/#intro", its features/hlk-props.feature); to a bookmark of the document
alone, its words are kept as words (there is no page address to point at)."""

from __future__ import annotations

from pathlib import Path

from clausemark.readers import docx as docx_reader
from format_fixtures import WordParts, build_docx, para, run

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _hyperlink(words: str, anchor: str, rel: str = "") -> str:
    rel_id = f' r:id="{rel}"' if rel else ""
    return f'<w:hyperlink{rel_id} w:anchor="{anchor}">{run(words)}</w:hyperlink>'


def test_an_anchor_is_the_fragment_of_the_address_and_a_bookmark_link_keeps_its_words():
    parts = WordParts(
        body=[
            para('<w:bookmarkStart w:id="1" w:name="fees"/>' + run("1. Fees are set yearly.")),
            para(run("2. See ") + _hyperlink("the fees rule", "fees") + run(" above.")),
            para(run("3. Read ") + _hyperlink("part two", "part-2", "rIdCode") + run(".")),
        ],
        links={"rIdCode": "https://example.org/code#old"},
    )
    source = docx_reader.read(build_docx(parts), "fees.docx")
    assert "2. See the fees rule above." in source.text
    assert "3. Read [part two](https://example.org/code#part-2)." in source.text


def test_python_docx_hyperlink_fragments_read_as_python_docx_reads_them():
    """python-docx's par-hlink-frags.docx (tests/corpus/LICENSES.md): its url for
    address "http://foo.com/" and fragment "intro" is "http://foo.com/#intro"; for a
    link to the bookmark "linkedBookmark" alone, ''. Every word is kept."""
    path = CORPUS / "python-docx/features/steps/test_files/par-hlink-frags.docx"
    text = docx_reader.read(path.read_bytes(), path.name).text
    assert "Five with link to [http://foo.com#introduction](http://foo.com/#intro)." in text
    assert "Two with link to bookmark." in text  # its words, no link
    assert "Seven with bookmark referred to by prior link." in text
