"""What a reader leaves out while reading is reported (kind, place, words), never
dropped before the nothing-lost proof can see it; and what a reader was dropping with
no word said is now read. One test per kind of skip:

- Word: an equation's text (Office Math) is read (it was dropped: "the quorum is
  members"); a table-of-contents `w:fldSimple` is listed as the contents field it is;
  hidden text (Font > Hidden) is listed with its paragraph and words;
- PDF: a form field's value and a text box added over the page (FreeText) are listed
  with their page and words (PDFium's text layer does not hold them).
Words in white, off the page, after an unended field: test_pdf_unseen_text.py and
test_word_unended_fields.py."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses
from clausemark.readers import docx as docx_reader
from clausemark.readers import pdf as pdf_reader
from format_fixtures import WordParts, build_docx, para, run, text_pdf

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


def _math(inner: str) -> str:
    return f"<m:oMath {M}>{inner}</m:oMath>"


def _m(text: str) -> str:
    return f"<m:r><m:t>{text}</m:t></m:r>"


def test_an_equations_text_is_read(tmp_path):
    fraction = f"<m:f><m:num>{_m('n')}</m:num><m:den>{_m('3')}</m:den></m:f>"
    power = f"<m:sSup><m:e>{_m('r')}</m:e><m:sup>{_m('2')}</m:sup></m:sSup>"
    body = [
        para("Quorum Rules", "Title"),
        para(run("1. The quorum is ") + _math(_m("q=") + fraction) + run(" of the members.")),
        para(run("2. The area is ") + _math(_m("π") + power) + run(" square metres.")),
    ]
    path = tmp_path / "quorum.docx"
    path.write_bytes(build_docx(WordParts(body=body)))
    document = convert_file(path)
    clauses = {c.number: c.text for c, *_ in iter_clauses(document.blocks)}
    assert clauses["1."] == "The quorum is q=n/3 of the members."
    assert clauses["2."] == "The area is πr^2 square metres."
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_pandocs_equations_keep_their_text():
    """pandoc's wasm/examples/.../equations.docx (tests/corpus/LICENSES-pandoc.md): the
    transformation laws are equations; their letters were dropped whole."""
    path = CORPUS / "pandoc/wasm/examples/docx-with-equations-to-latex/equations.docx"
    text = docx_reader.read(path.read_bytes(), path.name).text
    # "w_i = w_j R^j_i." as Word shows it: an index is never run into its base ("wi")
    # '_' is escaped in the Markdown text; a hat accent is a combining mark on its base
    assert "w\u0302\\_i=w\\_jR\\_i^j." in text
    assert "v\u0302^i=(R^(−1))\\_j^iv^j," in text
    assert "e\u0302\\_i=∑\\_(j=1)^n e\\_jR\\_i^j" in text  # the sum's sign and limits


def test_an_equations_indexes_sums_limits_and_rows_read_as_unicode_math(tmp_path):
    index = f"<m:sSub><m:e>{_m('x')}</m:e><m:sub>{_m('i')}</m:sub></m:sSub>"
    both = f"<m:e>{_m('a')}</m:e><m:sub>{_m('n')}</m:sub><m:sup>{_m('2')}</m:sup>"
    both = f"<m:sSubSup>{both}</m:sSubSup>"
    total = (
        '<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr>'
        f"<m:sub>{_m('i=1')}</m:sub><m:sup>{_m('n')}</m:sup><m:e>{index}</m:e></m:nary>"
    )
    limit = f"<m:limLow><m:e>{_m('lim')}</m:e><m:lim>{_m('n→∞')}</m:lim></m:limLow>"
    rows = f"<m:eqArr><m:e>{_m('a=1')}</m:e><m:e>{_m('b=2')}</m:e></m:eqArr>"
    sine = f"<m:func><m:fName>{_m('sin')}</m:fName><m:e>{_m('θ')}</m:e></m:func>"
    hat = f'<m:acc><m:accPr><m:chr m:val="\u0304"/></m:accPr><m:e>{_m("x")}</m:e></m:acc>'
    cells = "".join(f"<m:mr><m:e>{_m(a)}</m:e><m:e>{_m(b)}</m:e></m:mr>" for a, b in ("12", "34"))
    body = [
        para("Allocation Rules", "Title"),
        para(run("1. Seats are ") + _math(_m("s=") + total) + run(" in all.")),
        para(run("2. The share is ") + _math(both) + run(" and ") + _math(limit) + run(".")),
        para(run("3. Set ") + _math(rows) + run(" first.")),
        para(run("4. Take ") + _math(sine) + run(", ") + _math(hat) + run(" and ")),
        para(run("5. The grid ") + _math(f"<m:m>{cells}</m:m>") + run(" is used.")),
    ]
    path = tmp_path / "allocation.docx"
    path.write_bytes(build_docx(WordParts(body=body)))
    document = convert_file(path)
    clauses = {c.number: c.text for c, *_ in iter_clauses(document.blocks)}
    assert clauses["1."] == "Seats are s=∑\\_(i=1)^n x\\_i in all."
    assert clauses["2."] == "The share is a\\_n^2 and lim\\_(n→∞)."
    assert clauses["3."] == "Set a=1; b=2 first."
    assert clauses["4."] == "Take sin θ, x\u0304 and"
    assert clauses["5."] == "The grid [1, 2; 3, 4] is used."
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_a_simple_contents_field_is_listed_as_left_out():
    toc = '<w:fldSimple w:instr=" TOC \\o &quot;1-3&quot; ">' + run("Fees 2") + "</w:fldSimple>"
    source = docx_reader.read(
        build_docx(WordParts(body=[para("Rules", "Title"), para(toc), para("1. Fees.")])),
        "rules.docx",
    )
    assert source.dropped == [("table of contents field", "Fees 2")]
    assert source.dropped_places == {0: "paragraph 2"}


def test_hidden_text_is_listed_with_its_paragraph_and_words(tmp_path):
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">draft note</w:t></w:r>'
    body = [para("Rules", "Title"), para(run("1. Keys are kept.") + hidden)]
    path = tmp_path / "keys.docx"
    path.write_bytes(build_docx(WordParts(body=body)))
    document = convert_file(path)
    (item,) = [d for d in document.dropped if d.kind == "hidden-text"]
    assert (item.text, item.place, item.level) == ("draft note", "paragraph 2", "info")
    assert "draft" not in str(document.blocks)
    assert "hidden-text" in [w.code for w in document.warnings]  # the count, as before


def test_form_field_values_and_added_text_boxes_are_listed_with_their_page(tmp_path):
    free = (
        b"<< /Type /Annot /Subtype /FreeText /Rect [72 600 400 630] /Contents (Fee rises in May) >>"
    )
    field = (
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (n) /Rect [72 560 300 580] /V (The Clerk) >>"
    )
    tick = b"<< /Type /Annot /Subtype /Widget /FT /Btn /T (t) /Rect [72 520 90 538] /V /Yes >>"
    note = b"<< /Type /Annot /Subtype /Text /Rect [72 500 90 518] /Contents (private) >>"
    path = tmp_path / "form.pdf"
    path.write_bytes(
        text_pdf("1. Fees are reviewed each year.", annotations=(free, field, tick, note))
    )
    source = pdf_reader.read(path.read_bytes(), path.name)
    assert "Fee rises" not in source.text
    document = convert_file(path)
    listed = [(d.kind, d.place, d.text) for d in document.dropped if d.kind == "annotation-text"]
    assert listed == [
        ("annotation-text", "page 1", "Fee rises in May"),
        ("annotation-text", "page 1", "The Clerk"),
    ]
    (warning,) = [w.message for w in document.warnings if w.code == "dropped"]
    assert warning.startswith("page 1 left out as words a form field or a text box")
    assert "Fee rises in May The Clerk" in warning


def test_a_smartart_diagrams_words_are_listed_with_its_paragraph():
    """pandoc's test/docx/diagram.docx (tests/corpus/LICENSES-pandoc.md): a SmartArt
    diagram, which pandoc's .native shows as "[DIAGRAM]"; its words (top, middle,
    bottom, in its data part) were skipped with no word said."""
    path = CORPUS / "pandoc/test/docx/diagram.docx"
    assert "[DIAGRAM]" in path.with_suffix(".native").read_text(encoding="utf-8")
    document = convert_file(path)
    listed = [(d.kind, d.place, d.text) for d in document.dropped if d.kind == "drawing-text"]
    assert listed == [("drawing-text", "paragraph 2", "top middle bottom")]
    assert any("('top middle bottom')" in w.message for w in document.warnings)


def test_a_document_of_a_chart_alone_says_so_in_one_line():
    """Apache POI's bar-chart-template.docx (tests/corpus/LICENSES.md): a chart, no text."""
    import pytest
    from clausemark.readers.text import SourceError

    path = CORPUS / "poi/poi-examples/src/main/java/org/apache/poi/examples/xwpf/usermodel"
    with pytest.raises(SourceError) as refused:
        docx_reader.read((path / "bar-chart-template.docx").read_bytes(), "chart.docx")
    assert str(refused.value) == (
        "chart.docx: the Word document has no text, only the words of a chart or SmartArt "
        "diagram, which it shows as a picture"
    )


def test_wordart_words_are_listed_with_their_paragraph(tmp_path):
    """WordArt (a VML shape whose text path holds its words in an attribute) is a
    picture on the page: its words are listed, never dropped unsaid."""
    art = (
        '<w:r><w:pict xmlns:v="urn:schemas-microsoft-com:vml"><v:shape>'
        '<v:textpath string="Draft for consultation"/></v:shape></w:pict></w:r>'
    )
    body = [para("Rules", "Title"), para(run("1. Keys are kept.") + art)]
    path = tmp_path / "draft.docx"
    path.write_bytes(build_docx(WordParts(body=body)))
    document = convert_file(path)
    listed = [(d.kind, d.place, d.text) for d in document.dropped if d.kind == "drawing-text"]
    assert listed == [("drawing-text", "paragraph 2", "Draft for consultation")]
