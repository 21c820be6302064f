"""Link syntax printed as words in a Word or web page ('[here](https://...)', '![x](y)')
is shown as printed: it made a link (or an image) the file does not have, and lost its
brackets and address from the page (trial4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.index.site_index import build_site_index
from clausemark.render.markdown_writer import render_document
from hostile_files import docx, para
from page_layer import render

PRINTED = (
    "See [the guidance](https://elsewhere.example/g) and ![logo](https://elsewhere.example/i.png)."
)


def _web_page(text: str) -> bytes:
    return (
        "<html><body><main><h1>Hall Rules</h1><h2>1. Bookings</h2>"
        f"<p>1.1 {text}</p><p>1.2 A <a href='https://real.example/'>real link</a>.</p>"
        f"<table><tr><th>Item</th><th>Note</th></tr><tr><td>Hire</td><td>{text}</td></tr>"
        "</table></main></body></html>"
    ).encode()


def _word(text: str) -> bytes:
    return docx(para("Hall Rules") + para("1. Bookings") + para(f"1.1 {text}"))


@pytest.mark.parametrize("suffix, make", [(".html", _web_page), (".docx", _word)])
def test_link_syntax_printed_in_a_file_stays_words(tmp_path: Path, suffix, make):
    path = tmp_path / f"hall-rules{suffix}"
    path.write_bytes(make(PRINTED))
    document = convert_file(path)
    html = render(render_document(document), build_site_index([document])).html
    assert "elsewhere.example" in html
    assert 'href="https://elsewhere.example' not in html
    assert 'src="https://elsewhere.example' not in html
    assert "See [the guidance](https://elsewhere.example/g) and ![logo](" in html
    if suffix == ".html":  # a real link of the page is still a link
        assert 'href="https://real.example/"' in html
        assert html.count("[the guidance](https://elsewhere.example/g)") == 2  # the cell too
