"""A Word link with a `w:anchor`: to a place in the linked page, the anchor is its
address's fragment (python-docx reads "http://foo.com/" with anchor "intro" as
"http://foo.com/#intro", its features/hlk-props.feature); to a bookmark of the document
(a `w:anchor` alone, a HYPERLINK field's `\\l` alone, a cross-reference `REF x \\h`),
it links to the clause or heading the bookmark is on, and where the bookmark is on no
clause (or nowhere), its words are kept, unlinked."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file, document_to_json
from clausemark.model.document import iter_clauses
from clausemark.readers import docx as docx_reader
from clausemark.render.markdown_writer import render_document
from format_fixtures import WordParts, build_docx, para, run

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FIELD = '<w:r><w:fldChar w:fldCharType="{}"/></w:r>'


def _hyperlink(words: str, anchor: str, rel: str = "") -> str:
    rel_id = f' r:id="{rel}"' if rel else ""
    return f'<w:hyperlink{rel_id} w:anchor="{anchor}">{run(words)}</w:hyperlink>'


def _field(instruction: str, words: str) -> str:
    code = f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
    begin, separate, end = (FIELD.format(k) for k in ("begin", "separate", "end"))
    return begin + code + separate + run(words) + end


def test_an_anchor_is_the_fragment_of_the_address():
    parts = WordParts(
        body=[para(run("3. Read ") + _hyperlink("part two", "part-2", "rIdCode") + run("."))],
        links={"rIdCode": "https://example.org/code#old"},
    )
    source = docx_reader.read(build_docx(parts), "fees.docx")
    assert "3. Read [part two](https://example.org/code#part-2)." in source.text


def test_a_link_to_a_bookmark_links_to_the_clause_it_marks(tmp_path):
    body = [
        para("Hall Hire Rules", "Title"),
        para('<w:bookmarkStart w:id="1" w:name="fees"/>' + run("1. Fees are paid in advance.")),
        para('<w:bookmarkStart w:id="2" w:name="_Ref55"/>' + run("2. Keys are returned.")),
        para(
            run("3. See ")
            + _hyperlink("the fees rule", "fees")
            + run(", rule ")
            + _field(" REF _Ref55 \\h ", "2")
            + run(", ")
            + _field(' HYPERLINK \\l "fees" ', "that rule")
            + run(" and ")
            + _hyperlink("the annex", "nowhere")
            + run(".")
        ),
        para(run("4. Mid-sentence ") + '<w:bookmarkStart w:id="3" w:name="mid"/>' + run("mark.")),
        para(run("5. Back to ") + _hyperlink("that mark", "mid") + run(".")),
    ]
    path = tmp_path / "hall.docx"
    path.write_bytes(build_docx(WordParts(body=body)))
    document = convert_file(path)
    clauses = {c.number: c for c, *_ in iter_clauses(document.blocks)}
    fees, keys = clauses["1."].anchor, clauses["2."].anchor
    assert clauses["3."].text == (
        f"See [the fees rule](#{fees}), rule [2](#{keys}), [that rule](#{fees}) and the annex."
    )
    # a bookmark inside a paragraph marks that paragraph's clause
    assert clauses["5."].text == f"Back to [that mark](#{clauses['4.'].anchor})."
    assert f"](#{fees})" in render_document(document)
    assert "cm-bookmark" not in str(document_to_json(document))
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_python_docx_hyperlink_fragments_read_as_python_docx_reads_them():
    """python-docx's par-hlink-frags.docx (tests/corpus/LICENSES.md): its url for
    address "http://foo.com/" and fragment "intro" is "http://foo.com/#intro"; its link
    to the bookmark "linkedBookmark" alone (python-docx: url '') leads to the paragraph
    that bookmark is on ("Seven ..."). Every word is kept."""
    path = CORPUS / "python-docx/features/steps/test_files/par-hlink-frags.docx"
    document = convert_file(path)
    paragraphs = [c for c, *_ in iter_clauses(document.blocks)]
    by_start = {c.text.split(" ")[0]: c for c in paragraphs}
    seven = by_start["Seven"].anchor
    assert by_start["Two"].text == f"Two with [link to bookmark](#{seven})."
    assert by_start["Five"].text == (
        "Five with link to [http://foo.com#introduction](http://foo.com/#intro)."
    )
    assert "cm-bookmark" not in str(document.blocks)
    assert not [w for w in document.warnings if w.code == "lost-words"]
