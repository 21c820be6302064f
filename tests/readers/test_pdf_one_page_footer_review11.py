"""review11 (session 10): a one-page PDF's last line in small type well below the text is
left out only where it is the printer's footer (the page's address, its count '1/1'),
never the text's own small print: an adoption line there is the adopted text and names
the document's adoption (e5d0d97 left it out, and the adoption date with it)."""

from __future__ import annotations

import pytest
from clausemark.readers import pdf_running
from clausemark.readers.pdf import Line, Page


def _line(text: str, bottom: float, size: float = 10.0) -> Line:
    return Line(
        text, 40, 40 + 6 * len(text), bottom - size, bottom, size, spans=[(40, 40 + 6 * len(text))]
    )


_BODY = [
    _line(f"{n}. Members shall keep rule {n} of this code.", 100 + 14 * n) for n in range(1, 7)
]


@pytest.mark.parametrize(
    "small_print",
    [
        "Adopted by the Council on 12 May 2024, minute 45(b), and reviewed annually.",
        "Adopted 12 May 2024",
        "Approved by Full Council 3 March 2025 (Minute 112/25)",
    ],
)
def test_a_one_page_documents_small_print_at_its_foot_is_kept(small_print):
    """Fails on f5c4937: each was left out as a running footer (info only)."""
    foot = _line(small_print, 560, size=7.0)
    kept, dropped = pdf_running.body_lines(Page(400, 600, [*_BODY, foot]), set(), 10.0, True)
    assert not dropped and kept[-1] is foot


@pytest.mark.parametrize(
    "footer",
    ["file:///tmp/page.html 1/1", "https://www.example.gov.uk/code 1/1", "Page 1 of 1"],
)
def test_the_printers_footer_is_still_left_out(footer):
    """Passes before and after."""
    foot = _line(footer, 560, size=7.0)
    kept, dropped = pdf_running.body_lines(Page(400, 600, [*_BODY, foot]), set(), 10.0, True)
    assert [line.text for line in dropped] == [footer]
