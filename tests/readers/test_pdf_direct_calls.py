"""The PDF reader calls PDFium's per-character functions without ctypes' argument
checks (pdf_extract._direct): every page of a word-processor-like print, with tables,
bold, italic, hanging numbers and several sizes, and a page of footnote marks and
made-up styles, must read exactly as through pypdfium2's checked bindings."""

from __future__ import annotations

import ctypes
import io
import re

import council_pdfs as prints
import pytest
from clausemark.readers import pdf_extract


def _checked(function, returns=None):
    """The checked binding, taking the unchecked call's arguments (a byref() is given
    as a pointer of the binding's type to the same address)."""

    def call(page, *args):
        converted = [ctypes.cast(page, function.argtypes[0])]
        for arg, kind in zip(args, function.argtypes[1:], strict=True):
            if type(arg).__name__ == "CArgObject":  # byref(object, offset): its address
                address = int(re.search(r"0x[0-9a-f]+", repr(arg)).group(), 16)
                arg = ctypes.cast(address, kind)
            converted.append(arg)
        return function(*converted)

    return call


def _styled_page() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(400, 300))
    for y, (font, size, words) in enumerate(
        [
            ("Helvetica", 11, "1.2 The quorum is four members."),
            ("Helvetica-Bold", 14, "Part 3 Standing Orders"),
            ("Times-Italic", 9, "as amended on 4 May"),
            ("Courier", 8, "Quorum\t4\tMembers\t12"),
        ]
    ):
        text = page.beginText()
        text.setFont(font, size)
        text.setTextOrigin(40, 250 - 30 * y)
        text.textOut(words)
        page.drawText(text)
    mark = page.beginText()
    mark.setFont("Helvetica", 6)
    mark.setTextOrigin(210, 255)
    mark.textOut("12")
    page.drawText(mark)
    slanted = page.beginText()
    slanted.setFont("Helvetica", 11)
    slanted.setTextTransform(1, 0, 0.21, 1, 40, 100)
    slanted.setTextRenderMode(2)
    slanted.textOut("slanted and outlined")
    page.drawText(slanted)
    page.line(100, 60, 100, 140)
    page.showPage()
    page.save()
    return out.getvalue()


def _pages(raw: bytes):
    return [
        (page.width, page.height, page.rules, [vars(line) for line in page.lines])
        for page in pdf_extract._extract(raw, "t.pdf")
    ]


@pytest.mark.parametrize("which", ["styled page", "word-processor print"])
def test_unchecked_calls_read_as_the_checked_bindings(monkeypatch, which):
    if which == "styled page":
        raw = _styled_page()
    else:
        name = sorted(prints.REPORTLAB_PRINTS)[0]
        document_name, *options = prints.REPORTLAB_PRINTS[name]
        raw = prints.reportlab_pdf(prints.DOCUMENTS[document_name], *options)
    unchecked = _pages(raw)
    assert any(line["text"].strip() for *_, lines in unchecked for line in lines)
    monkeypatch.setattr(pdf_extract, "_direct", _checked)
    assert _pages(raw) == unchecked
