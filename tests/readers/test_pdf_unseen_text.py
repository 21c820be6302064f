"""Text a PDF holds but a reader of the page never sees (white on the white page, or
wholly outside the page's box) never becomes the document's words: it is left out with
a warning that names the page and quotes the words, never silently. White text on a
dark fill (a shaded header row) is seen, and kept. Raw PDFs drawn here, and a Chromium
print of invented wording (tests/format_fixtures)."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.readers import pdf as pdf_reader
from clausemark.readers.pdf_unseen import UNSEEN_WHITE, Coverage
from format_fixtures import print_html, text_pdf

SEEN_1 = "BT /F1 12 Tf 72 720 Td (1. Members attend every meeting.) Tj ET "
WHITE = "1 1 1 rg BT /F1 12 Tf 72 700 Td (cheap loans casino) Tj ET "
SHADED = "0.1 0.2 0.4 rg 60 640 300 30 re f 1 1 1 rg BT /F1 12 Tf 72 650 Td (Shaded words) Tj ET "
OFF = "0 0 0 rg BT /F1 12 Tf -500 600 Td (far left keywords) Tj ET "
ABOVE = "BT /F1 12 Tf 72 900 Td (above the page) Tj ET "
SEEN_2 = "BT /F1 12 Tf 72 560 Td (2. The chair keeps order.) Tj ET"


def _dropped_warnings(document) -> list[str]:
    return [w.message for w in document.warnings if w.code == "dropped"]


def test_white_and_off_page_words_are_left_out_with_the_page_and_the_words(tmp_path):
    path = tmp_path / "standing.pdf"
    path.write_bytes(text_pdf("", content=SEEN_1 + WHITE + SHADED + OFF + ABOVE + SEEN_2))
    source = pdf_reader.read(path.read_bytes(), path.name)
    assert "cheap" not in source.text and "keywords" not in source.text
    assert "above the page" not in source.text
    assert "Shaded words" in source.text  # white on a dark fill is seen
    document = convert_file(path)
    texts = {c.number: c.text for c in _clauses(document)}
    assert texts == {"1.": "Members attend every meeting.", "2.": "The chair keeps order."}
    warnings = _dropped_warnings(document)
    assert any(
        m.startswith("page 1 left out as words printed in white on the white page")
        and "('cheap loans casino')" in m
        for m in warnings
    ), warnings
    assert any(
        "words placed outside the page" in m and "('far left keywords above the page')" in m
        for m in warnings
    ), warnings
    assert {d.kind for d in document.dropped if d.line == 0} >= {"white-text", "off-page-text"}
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_text_in_the_invisible_render_mode_is_kept_as_an_ocr_layer_is():
    content = "BT /F1 12 Tf 3 Tr 72 720 Td (1. Scanned words a reader sees.) Tj ET"
    source = pdf_reader.read(text_pdf("", content=content), "scan.pdf")
    assert "1. Scanned words a reader sees." in source.text


def _clauses(document):
    from clausemark.model.document import iter_clauses

    return [clause for clause, *_ in iter_clauses(document.blocks)]


def test_coverage_is_a_bounded_grid_that_keeps_words_near_a_fill():
    page = (0.0, 0.0, 612.0, 792.0)
    coverage = Coverage([(60, 640, 360, 670)], page)
    assert coverage.covers((72, 650, 80, 660))
    assert not coverage.covers((72, 700, 80, 710))
    huge = Coverage([(0, 0, 1, 1)], (0.0, 0.0, 1e9, 1e9))  # a forged page size
    assert len(huge.grid) <= Coverage.CELLS + 1 and huge.columns <= Coverage.CELLS + 1
    nan = float("nan")
    Coverage([(nan, 0, 1, 1)], page).covers((nan, nan, 1, 1))  # no number: no error


@pytest.mark.browser
def test_a_chromium_print_leaves_out_white_words_and_keeps_a_shaded_header(browser, tmp_path):
    page = """<html><body style="font-family: serif; font-size: 12pt;
    -webkit-print-color-adjust: exact; print-color-adjust: exact">
    <h1>Market Trading Rules</h1>
    <p>1. Stalls are let by the day.<span style="color:#ffffff"> cheap parking tickets</span></p>
    <table style="border-collapse:collapse"><tr>
    <th style="background:#1f3864;color:#fff;padding:4px">Pitch</th>
    <th style="background:#1f3864;color:#fff;padding:4px">Daily fee</th></tr>
    <tr><td style="padding:4px">Corner pitch</td><td style="padding:4px">12 pounds</td></tr>
    </table>
    <p>2. Traders keep their pitch clean.</p></body></html>"""
    path = tmp_path / "market.pdf"
    path.write_bytes(print_html(browser, page))
    document = convert_file(path)
    texts = {c.number: c.text for c in _clauses(document)}
    assert texts["1."] == "Stalls are let by the day."
    assert "cheap" not in str(document.blocks)
    assert "Pitch" in str(document.blocks) and "Daily fee" in str(document.blocks)
    assert any("('cheap parking tickets')" in m for m in _dropped_warnings(document))


def test_a_pdf_whose_every_word_is_unseen_is_refused_in_one_line(tmp_path, capsys):
    from clausemark.cli import main

    path = tmp_path / "blank.pdf"
    path.write_bytes(text_pdf("", content=WHITE + OFF))
    code = main(["convert", str(path), "--out", str(tmp_path / "out")])
    error = capsys.readouterr().err.strip()
    assert code == 1 and not (tmp_path / "out").exists()
    assert error.count("\n") == 0 and "blank.pdf" in error
    assert "every word of this PDF is white on the white page or outside the page" in error


def test_white_words_on_a_band_drawn_as_one_thick_line_are_seen_and_kept():
    """review7 R8: a heading's dark band drawn as one thick stroke (not a filled box)
    shows its white words: they are kept, never left out as white on the white page. A
    thin white rule under white words hides nothing: those are still left out."""
    band = "0.1 0.2 0.4 RG 30 w 60 655 m 360 655 l S "
    heading = "1 1 1 rg BT /F1 12 Tf 72 650 Td (Scale of hall fees) Tj ET "
    rule = "0.1 0.2 0.4 RG 0.5 w 60 598 m 360 598 l S 1 1 1 rg BT /F1 12 Tf 72 600 Td "
    content = SEEN_1 + band + heading + rule + "(cheap loans casino) Tj ET " + SEEN_2
    source = pdf_reader.read(text_pdf("", content=content), "fees.pdf")
    assert "Scale of hall fees" in source.text
    assert "cheap" not in source.text


# A shading pattern of one dark blue, as a pattern colour: PDFium reports its fill as white
DARK_PATTERN = (
    b"/Pattern << /P1 << /PatternType 2 /Shading << /ShadingType 2 /ColorSpace /DeviceRGB "
    b"/Coords [0 0 612 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [0.1 0.2 0.4] "
    b"/C1 [0.1 0.2 0.4] /N 1 >> >> >> >>"
)


def test_white_words_on_a_pattern_filled_band_are_seen_and_kept():
    """Issue 18 (brief item 3): a heading's dark band filled with a pattern (a gradient,
    as Chromium prints a CSS gradient) shows its white words, though PDFium reports the
    pattern's colour as white: the band is judged by the page as drawn, and its words
    kept. White words on a box filled in plain white are still left out."""
    band = "/Pattern cs /P1 scn 60 640 300 30 re f 1 1 1 rg BT /F1 12 Tf 72 650 Td "
    band += "(Scale of hall fees) Tj ET "
    white_box = "1 1 1 rg 60 560 300 30 re f BT /F1 12 Tf 72 570 Td (cheap loans casino) Tj ET "
    content = SEEN_1 + band + white_box + "0 0 0 rg " + SEEN_2
    source = pdf_reader.read(text_pdf("", content=content, resources=DARK_PATTERN), "fees.pdf")
    assert "Scale of hall fees" in source.text
    assert "cheap" not in source.text
    assert source.dropped == [(UNSEEN_WHITE, "cheap loans casino")]


def test_a_pale_pattern_band_hides_white_words_as_white_does():
    pale = DARK_PATTERN.replace(b"[0.1 0.2 0.4]", b"[1 1 1]")
    band = "/Pattern cs /P1 scn 60 640 300 30 re f 1 1 1 rg BT /F1 12 Tf 72 650 Td "
    content = SEEN_1 + band + "(cheap loans casino) Tj ET 0 0 0 rg " + SEEN_2
    source = pdf_reader.read(text_pdf("", content=content, resources=pale), "pale.pdf")
    assert "cheap" not in source.text


def test_a_chromium_print_keeps_white_words_on_a_gradient_band(browser, tmp_path):
    """A heading on a CSS gradient band, as a council's web page prints it: Chromium
    draws the band as a shading pattern, which PDFium reports as a white fill."""
    page = """<html><body style="font-family: serif; font-size: 12pt;
    -webkit-print-color-adjust: exact; print-color-adjust: exact">
    <h1 style="background: linear-gradient(90deg, #1f3864, #2e75b6); color: #fff;
    padding: 6px">Market Trading Rules</h1>
    <p>1. Stalls are let by the day.<span style="color:#ffffff"> cheap parking tickets</span></p>
    <p>2. Traders keep their pitch clean.</p></body></html>"""
    path = tmp_path / "market-band.pdf"
    path.write_bytes(print_html(browser, page))
    document = convert_file(path)
    assert document.metadata.title == "Market Trading Rules"
    assert "cheap" not in str(document.blocks)
    assert any("('cheap parking tickets')" in m for m in _dropped_warnings(document))
