"""Words a PDF page shows that are not in its text layer (readers/pdf_extract.py): a
form field's value and a text box added over the page (a FreeText annotation, as a
reviewer types on a PDF). A viewer draws them, and PDFium's text page does not hold
them, so they were skipped with no word said. They are listed, each with its page and
words, as a warning (`annotation-text`): the sidecar acknowledges them, or the source is
saved again with its forms flattened. A sticky note's text (shown only when opened) is
a comment, and is not listed."""

from __future__ import annotations

import ctypes

ANNOTATION_WORDS = "words a form field or a text box added over the page shows"
FREE_TEXT, WIDGET = 3, 20  # FPDF_ANNOT_*
MOST_ANNOTATIONS = 1_000  # looked at on one page (a form has tens)
MOST_CHARACTERS = 4_000  # of one annotation's words


def annotation_words(handle, pdfium) -> list[tuple[str, str]]:
    """(ANNOTATION_WORDS, words) of each form field value or text box on the page."""
    found = []
    for index in range(min(pdfium.FPDFPage_GetAnnotCount(handle), MOST_ANNOTATIONS)):
        annotation = pdfium.FPDFPage_GetAnnot(handle, index)
        if not annotation:
            continue
        try:
            kind = pdfium.FPDFAnnot_GetSubtype(annotation)
            key = b"Contents" if kind == FREE_TEXT else b"V" if kind == WIDGET else None
            words = _string(pdfium, annotation, key) if key else ""
        finally:
            pdfium.FPDFPage_CloseAnnot(annotation)
        words = " ".join(words.split())
        if words:
            found.append((ANNOTATION_WORDS, words))
    return found


def _string(pdfium, annotation, key: bytes) -> str:
    """A string entry of the annotation ('' for none, or for a name such as /Yes)."""
    if pdfium.FPDFAnnot_GetValueType(annotation, key) != pdfium.FPDF_OBJECT_STRING:
        return ""
    length = pdfium.FPDFAnnot_GetStringValue(annotation, key, None, 0)  # bytes, UTF-16LE
    if length <= 2:
        return ""
    buffer = ctypes.create_string_buffer(length)  # a string the file holds: its size
    into = ctypes.cast(buffer, ctypes.POINTER(pdfium.FPDF_WCHAR))
    pdfium.FPDFAnnot_GetStringValue(annotation, key, into, length)
    return buffer.raw[: length - 2].decode("utf-16-le", errors="replace")[:MOST_CHARACTERS]
