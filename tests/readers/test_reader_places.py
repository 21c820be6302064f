"""A warning about a Word, PDF or web page source names the place in that file (its page,
paragraph or line), never a line of the text the reader extracted from it."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from format_fixtures import WordParts, build_docx, para, print_html

JUMP = "numbering jumps from 1.2 to 1.4 (1.3 is missing)"


def _warnings(path: Path) -> list[str]:
    return [warning.format(str(path)) for warning in convert_file(path).warnings]


def test_a_web_page_warning_names_the_line_of_the_file(tmp_path: Path) -> None:
    page = tmp_path / "rules.html"
    page.write_text(
        "<!DOCTYPE html>\n<html><head><title>Rules</title></head>\n<body>\n"
        "<h1>Rules</h1>\n<p>1. Scope</p>\n<p>1.1 One.</p>\n<p>1.2 Two.</p>\n"
        "<p>\n  1.4 Four.</p>\n</body></html>\n",
        encoding="utf-8",
    )
    assert f"{page} (line 9): {JUMP}" in _warnings(page)


def test_a_word_warning_names_the_paragraph(tmp_path: Path) -> None:
    parts = WordParts()
    texts = ["Rules", "", "1. Scope", "1.1 One.", "1.2 Two.", "1.4 Four."]
    parts.body += [para(text) for text in texts]
    document = tmp_path / "rules.docx"
    document.write_bytes(build_docx(parts))
    assert f"{document} (paragraph 6): {JUMP}" in _warnings(document)


def test_a_pdf_warning_names_the_page(browser, tmp_path: Path) -> None:
    html = (
        "<h1>Rules</h1><p>1. Scope</p><p>1.1 One.</p><p>1.2 Two.</p>"
        "<p style='break-before: page'>1.4 Four.</p><p>1.5 Five.</p>"
    )
    document = tmp_path / "rules.pdf"
    document.write_bytes(print_html(browser, html, header=None, footer=False))
    assert f"{document} (page 2): {JUMP}" in _warnings(document)


def test_a_text_file_warning_keeps_its_line(tmp_path: Path) -> None:
    text = tmp_path / "rules.txt"
    text.write_text("Rules\n\n1. Scope\n\n1.1 One.\n\n1.2 Two.\n\n1.4 Four.\n", encoding="utf-8")
    assert f"{text}:9: {JUMP}" in _warnings(text)
