"""Numbered paragraphs whose number hangs at a tab stop left of their text, wrapped
lines at the text (tests/readers/hanging_pdf.py, invented wording), read as clauses
with their text, never as table rows: the same numbers, parents and words as the same
document typed as text. Also a paragraph with no number whose hanging indent holds a
glyph of no character (PDFium: U+0000), and an item that starts a new page."""

from __future__ import annotations

import hanging_pdf
import pypdfium2
import pytest
from clausemark.convert import convert_file
from clausemark.readers import pdf
from council_pdfs import compare, shape


@pytest.mark.parametrize("page", ["A4", "A5"])
def test_hanging_numbers_read_as_the_text_twin(tmp_path, page):
    text = tmp_path / "orders.txt"
    text.write_text(hanging_pdf.text_twin(), encoding="utf-8")
    printed = tmp_path / f"orders-{page}.pdf"
    printed.write_bytes(hanging_pdf.hanging_pdf(page))
    want, got = shape(convert_file(text)), shape(convert_file(printed))
    _same, diff = compare(want, got)
    assert not diff, "\n".join(diff)
    read = pdf.read(printed.read_bytes(), str(printed)).text
    assert "\t" not in read and "\x00" not in read and "- Where" not in read


def test_the_print_is_what_it_claims():
    """A glyph that maps to no character where a number would hang, and (on A5) an
    item 'ii' at the top of a page under 'i' cut by the page break."""
    document = pypdfium2.PdfDocument(hanging_pdf.hanging_pdf("A5"))
    codes, tops = [], []
    for index in range(len(document)):
        textpage = document[index].get_textpage()
        count = textpage.count_chars()
        codes += [pypdfium2.raw.FPDFText_GetUnicode(textpage.raw, i) for i in range(count)]
        tops.append(textpage.get_text_range(0, count).split("\r\n")[0])
    assert 0 in codes
    assert any(top.startswith("ii") for top in tops)
