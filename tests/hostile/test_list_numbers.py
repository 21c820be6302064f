"""One rule for list numbers in every reader (support/limits.py, `list_number`).

A number the reader counts (a Word list's start or override, a web page's <ol start> or
<li value>, and every number counted on from them) is shown up to 10,000; past it the
file is refused in one line naming the file and the paragraph or line. A number typed
in the text (.txt, .md, PDF) is the source's own words and is shown as typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.readers import read_source
from clausemark.readers.text import SourceError
from clausemark.render.fidelity import rendered_text
from clausemark.render.markdown_writer import render_document
from format_fixtures import text_pdf
from hostile_files import docx, html_page, level, one_list, para
from site_builds import clausemark_here

LIMIT_LINE = "too large: a list number ({amount}; at most 10,000)"


def _lines(path: Path) -> list[str]:
    return [line for line in read_source(path).text.splitlines() if line.strip()]


def _refusal(path: Path) -> str:
    with pytest.raises(SourceError) as caught:
        read_source(path)
    return str(caught.value)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- Word ----------------------------------------------------------------------------


def test_a_word_list_may_count_up_to_the_limit(tmp_path):
    path = _write(tmp_path, "rules.docx", one_list("decimal", "9998", paragraphs=3))
    assert _lines(path) == [
        "9998. Item number 0 of the list.",
        "9999. Item number 1 of the list.",
        "10000. Item number 2 of the list.",
    ]


@pytest.mark.parametrize(
    ("start", "paragraphs", "place", "amount"),
    [
        ("9999", 3, "paragraph 3", "10,001"),  # counted on past the limit
        ("10001", 1, "paragraph 1", "10,001"),
        ("-10001", 1, "paragraph 1", "-10,001"),
        ("2147483647", 1, "paragraph 1", "2,147,483,647"),  # Word's own largest
        (str(10**18), 1, "paragraph 1", "1,000,000,000,000,000,000"),  # past Word's range
        ("9" * 5_000, 1, "paragraph 1", "more than 10,000"),
    ],
)
def test_a_word_list_number_past_the_limit_is_refused_naming_its_paragraph(
    tmp_path, start, paragraphs, place, amount
):
    path = _write(tmp_path, "rules.docx", one_list("upperRoman", start, paragraphs=paragraphs))
    message = f"{path}: {place}: {LIMIT_LINE.format(amount=amount)}"
    assert _refusal(path) == message


def test_a_word_start_override_past_the_limit_is_refused(tmp_path):
    numbering = (
        f'<w:abstractNum w:abstractNumId="1">{level(0, "decimal", "%1.")}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="20000"/></w:lvlOverride></w:num>'
    )
    body = para("Officers advise.") + para("Members attend.", 1)
    path = _write(tmp_path, "rules.docx", docx(body, numbering))
    assert _refusal(path) == f"{path}: paragraph 2: {LIMIT_LINE.format(amount='20,000')}"


def test_a_large_start_no_paragraph_shows_is_no_refusal(tmp_path):
    """A bullet level prints no number, and a list no paragraph uses prints nothing."""
    numbering = (
        f'<w:abstractNum w:abstractNumId="1">{level(0, "bullet", "•", str(10**18))}'
        "</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="2">{level(0, "decimal", "%1.", "99999")}'
        "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    )
    path = _write(tmp_path, "rules.docx", docx(para("Members attend.", 1), numbering))
    assert _lines(path) == ["- Members attend."]


def test_convert_refuses_a_word_list_past_the_limit_in_one_line(tmp_path):
    path = _write(tmp_path, "rules.docx", one_list("decimal", "9999", paragraphs=3))
    out = tmp_path / "out"
    result = clausemark_here("convert", str(path), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"clausemark: error: {path}: paragraph 3: {LIMIT_LINE.format(amount='10,001')}\n"
    )
    assert not out.exists()


# --- web pages -----------------------------------------------------------------------


def test_a_web_page_list_may_count_up_to_the_limit(tmp_path):
    page = html_page('<ol start="9999"><li>Officers advise.</li>\n<li>Members attend.</li></ol>')
    path = _write(tmp_path, "rules.html", page)
    assert _lines(path) == ["9999. Officers advise.", "10000. Members attend."]


@pytest.mark.parametrize(
    ("lists", "place", "amount"),
    [
        ('<ol start="9999"><li>A.</li>\n<li>B.</li>\n<li>C.</li></ol>', "line 3", "10,001"),
        ('<ol>\n<li value="20000">A.</li></ol>', "line 2", "20,000"),
        (
            '<ol reversed start="-9999">\n<li>A.</li>\n<li>B.</li>\n<li>C.</li></ol>',
            "line 4",
            "-10,001",
        ),
        (
            '<ol type="I" start="1000000000000"><li>A.</li></ol>',
            "line 1",
            "13 digits; at most 6 digits",
        ),
    ],
)
def test_a_web_page_list_number_past_the_limit_is_refused_naming_its_line(
    tmp_path, lists, place, amount
):
    path = _write(tmp_path, "rules.html", html_page(lists))
    message = _refusal(path)
    assert message.startswith(f"{path}: {place}: too large: a list number ("), message
    assert amount in message


# --- numbers typed in the text -------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_number_typed_in_a_text_is_shown_as_typed(tmp_path, suffix):
    text = "Rules\n\n1. Scope\n\n1.1 The council meets.\n\n10001. Members attend.\n"
    path = _write(tmp_path, f"rules{suffix}", text.encode())
    body, _notes = rendered_text(render_document(convert_file(path)))
    assert "10001. Members attend." in " ".join(body.split())


def test_a_number_typed_in_a_pdf_is_shown_as_typed(tmp_path):
    path = _write(tmp_path, "rules.pdf", text_pdf("10001. Members attend."))
    assert _lines(path) == ["10001. Members attend."]
