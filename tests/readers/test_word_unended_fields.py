"""A Word field begun (w:fldChar begin) and never ended hides nothing: a field's code
never runs past its paragraph, so the words after the begin mark are read as text with
one warning naming the paragraph; a table of contents field never ended ends after its
entries, and the text after them is read as text, with one warning naming where it
begins. Before, the words after an unended code vanished with no word said, and an
unended contents field took the rest of the document with it as contents entries."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.readers import docx as docx_reader
from format_fixtures import WordParts, build_docx, para, run

BEGIN = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
SEPARATE = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def code(instruction: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'


def _read(body: list[str]):
    return docx_reader.read(build_docx(WordParts(body=body)), "standing.docx")


def _field_warnings(source) -> list[str]:
    return [message for kind, message in source.warnings if kind == "field"]


def test_words_after_a_code_that_never_ends_are_read_with_one_warning():
    source = _read(
        [
            para("Standing Orders", "Title"),
            para(run("1. Members ") + BEGIN + code(" MERGEFIELD Quorum ") + run("shall attend")),
            para(run("2. Notice is given ") + BEGIN + code(" DATE ") + run("seven days before.")),
            # a code that ends as it should hides its words, as Word does
            para(run("3. Minutes ") + BEGIN + code(" PAGE ") + END + run("are signed.")),
            # a result never ended keeps its words, as before
            para(run("4. The clerk ") + BEGIN + code(" REF x ") + SEPARATE + run("keeps them.")),
            para("5. Every word after the fields is here."),
        ]
    )
    text = source.text
    assert "1. Members shall attend" in text
    assert "2. Notice is given seven days before." in text
    assert "3. Minutes are signed." in text and "PAGE" not in text and "MERGEFIELD" not in text
    assert "4. The clerk keeps them." in text
    assert "5. Every word after the fields is here." in text
    (warning,) = _field_warnings(source)
    assert warning.startswith("paragraph 2: a field is begun (w:fldChar) and never ended")
    assert "(and in 1 more paragraphs)" in warning


def test_a_field_in_a_table_cell_never_ended_keeps_the_cells_after_it():
    cells = (
        "<w:tbl><w:tblPr/><w:tr>"
        f"<w:tc>{para(run('Chair ') + BEGIN + code(' ASK q ') + run('elected yearly'))}</w:tc>"
        f"<w:tc>{para('Vice-chair')}</w:tc></w:tr></w:tbl>"
    )
    source = _read([para("1. Offices."), cells, para("2. Terms follow.")])
    assert "Chair elected yearly\tVice-chair" in source.text
    assert "2. Terms follow." in source.text
    (warning,) = _field_warnings(source)
    assert warning.startswith("paragraph 1 (in the table after it): a field is begun")


def test_a_contents_field_never_ended_leaves_out_its_entries_only():
    toc = BEGIN + code(' TOC \\o "1-3" \\h ') + SEPARATE
    tab = "<w:r><w:tab/></w:r>"
    body = [
        para("Financial Rules", "Title"),
        para(toc + run("Budgets") + tab + run("2"), "TOC1"),
        para(run("Contracts") + tab + run("3"), "TOC1"),
        para("1. Budgets are set each February."),
        para("2. Contracts over the threshold are sealed."),
        para("Adopted by the council."),
    ]
    path = build_docx(WordParts(body=body))
    source = docx_reader.read(path, "rules.docx")
    for words in (
        "1. Budgets are set each February.",
        "2. Contracts over the threshold are sealed.",
        "Adopted by the council.",
    ):
        assert words in source.text
    assert [text for _reason, text in source.dropped] == ["Budgets\t2", "Contracts\t3"]
    (warning,) = _field_warnings(source)
    assert warning.startswith("paragraph 2: a table of contents field is begun and never ended")


def test_the_converted_page_keeps_the_clauses_after_an_unended_field(tmp_path, clauses_of):
    body = [
        para("Code of Conduct", "Title"),
        para(run("1. Members ") + BEGIN + code(" AUTHOR ") + run("act with integrity.")),
        para("2. Members declare interests."),
    ]
    path = tmp_path / "code.docx"
    path.write_bytes(build_docx(WordParts(body=body)))
    document = convert_file(path)
    clauses = clauses_of(document)
    assert clauses["1."].text == "Members act with integrity."
    assert clauses["2."].text == "Members declare interests."
    assert [w.code for w in document.warnings].count("field") == 1
    assert not [w for w in document.warnings if w.code == "lost-words"]
