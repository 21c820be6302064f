"""A backslash in a source is a character as printed, in every format (the lead's ruling,
session 9): the page, the search entry and the diff show 'C:\\Temp\\' and 'a \\* b' as
the file prints them, and the nothing-lost proof fails a page that drops one.

A text file's backslash used to be read as a Markdown escape ('\\\\hall' showed '\\hall',
'a \\* b' showed 'a * b'), and the proof, which compared words alone, did not see it.
A Markdown file (.md) is Markdown: its escapes still escape.
"""

from __future__ import annotations

import html
import io
import re
import sys
from pathlib import Path

import fast_loop
import markdown
import pytest
from clausemark.convert import convert_file
from clausemark.extension.page_links import PageLinker
from clausemark.index.site_index import build_site_index
from clausemark.model.document import iter_clauses
from clausemark.parse.parser import parse
from clausemark.readers.text import SourceText
from clausemark.render.fidelity import lost_words
from clausemark.render.long_text import pieces
from clausemark.render.markdown_writer import render_document
from clausemark.support.markdown_text import plain_text
from hostile_files import assert_linear_cpu, docx, txt_line
from page_layer import EXTENSIONS, TOC, body

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from bench_hostile import _markdown_pipeline  # noqa: E402

# Our own wording: a network share, a folder, an asterisk between spaces, a lone one.
PRINTED = "Papers are kept at \\\\hall\\papers and C:\\Temp\\ (a \\* b, x \\ y)."
TITLE = "Ashvale Filing Rules"


def _page_text(document) -> str:
    index = build_site_index([document])
    md = markdown.Markdown(
        extensions=EXTENSIONS,
        extension_configs={"clausemark": {"linker": PageLinker(index)}, "toc": TOC},
    )
    page = md.convert(body(render_document(document)))
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _word_run(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:p>'


def _pdf(lines: list[str]) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    for row, line in enumerate(lines):
        sheet.drawString(72, 760 - 20 * row, line)
    sheet.save()
    return out.getvalue()


SOURCES = {
    ".txt": lambda: f"{TITLE}\n\n1. Filing\n\n1.1 {PRINTED}\n".encode(),
    ".docx": lambda: docx(_word_run(TITLE) + _word_run("1. Filing") + _word_run(f"1.1 {PRINTED}")),
    ".html": lambda: (
        f"<html><body><h1>{TITLE}</h1><h2>1. Filing</h2><p>1.1 {html.escape(PRINTED)}</p>"
        "</body></html>"
    ).encode(),
    ".pdf": lambda: _pdf([TITLE, "1. Filing", f"1.1 {PRINTED}"]),
}


@pytest.mark.parametrize("suffix", sorted(SOURCES))
def test_a_backslash_shows_as_printed_on_the_page_in_search_and_the_diff(tmp_path, suffix):
    """Failed for .txt before (the page showed '\\hall\\papers' and 'a * b')."""
    path = tmp_path / f"filing{suffix}"
    path.write_bytes(SOURCES[suffix]())
    document = convert_file(path)
    assert not [w.message for w in document.warnings if w.code == "lost-words"]
    assert PRINTED in " ".join(_page_text(document).split())
    clause = next(c for c, *_ in iter_clauses(document.blocks) if c.number == "1.1")
    assert plain_text(clause.text) == PRINTED  # search, the JSON export and the diff


def test_a_markdown_file_keeps_its_escapes(tmp_path):
    path = tmp_path / "filing.md"
    path.write_text(f"{TITLE}\n\n1. Filing\n\n1.1 Stars \\*not emphasis\\* and C:\\\\Temp.\n")
    text = " ".join(_page_text(convert_file(path)).split())
    assert "Stars *not emphasis* and C:\\Temp." in text


def test_a_text_files_code_span_and_emphasis_are_read_as_before(tmp_path):
    """Only the backslash changed: a code span shows its backslash once, emphasis stays."""
    path = tmp_path / "filing.txt"
    path.write_text(f"{TITLE}\n\n1. Filing\n\n1.1 Run `C:\\bin\\x` in *bold* \\`here.\n")
    document = convert_file(path)
    page = _page_text(document)
    assert "Run C:\\bin\\x in bold \\`here." in " ".join(page.split())
    assert "<code>C:\\bin\\x</code>" in markdown.markdown(
        body(render_document(document)), extensions=["attr_list", "md_in_html"]
    )


def test_a_text_files_link_targets_are_checked_and_named_as_printed(tmp_path):
    """A backslash in an address is the address's own (an HTML attribute escapes
    nothing): 'docs\\rules.pdf' stays one backslash, and a refused '\\\\host\\share' is named
    as printed. Failed before this was kept apart from the escaping of the text."""
    path = tmp_path / "filing.txt"
    path.write_text(
        f'{TITLE}\n\n1. Filing\n\n1.1 See <a href="docs\\rules.pdf">the rules</a>, '
        "[the share](\\\\hall\\share) and [the list](list\\a.html).\n"
    )
    document = convert_file(path)
    page = markdown.markdown(body(render_document(document)), extensions=["attr_list"])
    assert 'href="docs%5Crules.pdf"' in page and 'href="list\\a.html"' in page
    refused = [w.message for w in document.warnings if w.code == "link"]
    assert refused == [
        "link '\\\\hall\\share' is not an http, https, mailto or relative address; "
        "shown as plain text"
    ]


def _source(text: str, source_format: str = "text") -> SourceText:
    return SourceText("filing.txt", text, source_format=source_format)


def test_the_nothing_lost_proof_fails_a_page_that_drops_a_backslash():
    """Failed before: the proof compared words, and a backslash is none."""
    source = _source(f"{TITLE}\n\n1. Filing\n\n1.1 Kept at \\\\hall\\papers here.\n")
    document = parse(source, "filing")
    assert lost_words(source, document) == []
    shown = f"<h1>{TITLE}</h1><h2>1. Filing</h2><h3>1.1</h3><p>Kept at {{}}hall{{}}papers here.</p>"
    assert lost_words(source, document, shown.format("\\\\", "\\")) == []
    problems = lost_words(source, document, shown.format("\\", "\\"))  # the escape read
    assert len(problems) == 1 and problems[0].startswith("word ")
    assert "near: 1 kept at \\ \\ hall \\ papers here (line 5)" in problems[0]


def test_the_proof_reads_a_readers_escapes_as_the_characters_they_show():
    """A Word, PDF or web reader writes a printed backslash '\\\\' and a star '\\*'
    (escaping.literal_words): one backslash on the page, none for the star."""
    source = _source(f"{TITLE}\n\n1. Filing\n\n1.1 At C:\\\\Temp, a \\* b.\n", "docx")
    document = parse(source, "filing")
    shown = f"<h1>{TITLE}</h1><h2>1. Filing</h2><h3>1.1</h3><p>At C:{{}}Temp, a * b.</p>"
    assert lost_words(source, document, shown.format("\\")) == []
    assert lost_words(source, document, shown.format(""))[0].startswith("word '\\' lost")


def test_a_long_paragraph_is_never_cut_inside_an_escape_or_a_reference():
    """Failed before: 50,001 backslashes showed as 50,002, and a run of '<' lost 100 of
    them (a cut in '&lt;' shows '&l' and 't;')."""
    for text in ("x " + "\\\\" * 30_001, "x" + "\\*" * 30_001, "&lt;" * 20_000, "a&#92;" * 9_000):
        cut = pieces(text)
        assert "".join(cut) == text and len(cut) > 5
        for piece in cut[:-1]:
            run = len(piece) - len(piece.rstrip("\\"))
            assert run % 2 == 0, "a piece ends inside an escape"
            assert not re.search(r"&#?\w*$", piece), "a piece ends inside a reference"


def test_a_long_run_of_backslashes_and_brackets_shows_each_as_printed(tmp_path):
    """A run past long_text.SPLIT_OVER once escaped ('\\\\', '&lt;'), so it is cut in
    pieces: 12,001 in the fast loop (still cut; a cut inside an escape fails there too)."""
    run = _markdown_pipeline()
    length = fast_loop.size(50_001, 12_001)
    for name, printed in {"backslashes": "\\" * length, "brackets": "<" * length}.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(f"1. Scope\n\n1.1 The text {printed} end\n")
        page = html.unescape(re.sub(r"<[^>]+>", "", run(path)))
        assert f"The text {printed} end" in page, name


def test_a_paragraph_of_many_markup_characters_renders_in_linear_time(tmp_path):
    """The whole page pipeline (read, parse, proof, index, Markdown, Python-Markdown) on
    a paragraph of backslashes, escaped stars, braces, code, emphasis, brackets and '&':
    CPU time at n and 2n. Python-Markdown alone is quadratic in a block's inline matches
    (escapes and character references alike: bench/bench_backslashes.py); the page's
    long paragraphs are cut into pieces first (render/long_text.py)."""
    make = txt_line("C:\\Users\\x a \\* b {c} `d` _e_ [f] & ")
    small, large = tmp_path / "n.txt", tmp_path / "2n.txt"
    small.write_bytes(make(1_500))
    large.write_bytes(make(3_000))
    assert_linear_cpu(_markdown_pipeline(), small, large)
