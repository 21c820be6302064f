"""Inline syntax of the pymdown extensions a site may enable reads literally in a source.

When a site enables an extension that reads ordinary characters as markup ('$x$' as
maths, ':smile:' as a picture, 'www.example.com' as a link, '(c)' as a symbol ...),
the one escaping boundary (support/escaping.py, `INLINE_MARKUP`) writes each opener of
a source's text as a character reference: the page shows the characters as the source
prints them, and no element is made. Each is fed through a .txt, a .docx and a web page,
with its extension on (and with all of them on at once), in process; one `mkdocs build
--strict` with all of them on checks the site (no warning, literal text)."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import markdown
import pytest
import yaml
from clausemark.convert import convert_file
from clausemark.render.markdown_writer import render_document
from clausemark.support.escaping import INLINE_MARKUP, inline_markup, markdown_inline
from hostile_files import docx, html_page, para
from page_layer import EXTENSIONS, TOC, body
from site_builds import build_site, make_project

PHRASES = {
    "pymdownx.arithmatex": r"Fees are $x$ and $y + 1$ and \(z\) each.",
    "pymdownx.emoji": "Smile :smile: and :+1: here.",
    "pymdownx.magiclink": (
        "See www.example.com and https://example.org/a and clerk@example.gov.uk and #12."
    ),
    "pymdownx.mark": "A ==marked== word.",
    "pymdownx.caret": "A ^^inserted^^ and x^2^ word.",
    "pymdownx.tilde": "A ~~deleted~~ and H~2~O word.",
    "pymdownx.keys": "Press ++ctrl+alt+del++ now.",
    "pymdownx.critic": "A {++added++} and {--gone--} and {==kept==}{>>note<<} and {~~a~>b~~}.",
    "pymdownx.smartsymbols": "Marks (c) (r) (tm) c/o +/- =/= 1/2 1st 2nd 3rd 4th --> <-- here.",
    "pymdownx.inlinehilite": "Use `#!python print(1)` and `:::js x` here.",
    "pymdownx.betterem": "A snake_case_name stays as it is.",
}
ALL = sorted(PHRASES)
_PARAGRAPH = re.compile(r'title="Copy citation" type="button"></button></div><p>(.*?)</p>', re.S)


def _source(tmp_path: Path, kind: str, phrase: str) -> Path:
    path = tmp_path / f"rules.{kind}"
    if kind == "txt":
        path.write_text(f"Rules\n\n1.1 {phrase}\n", encoding="utf-8")
    elif kind == "docx":
        path.write_bytes(docx(para("Rules") + para(f"1.1 {html.escape(phrase, quote=False)}")))
    else:
        path.write_bytes(html_page(f"<h1>Rules</h1><p>1.1 {html.escape(phrase)}</p>"))
    return path


def _page(path: Path, extensions: list[str]) -> str:
    with inline_markup(extensions):
        text = render_document(convert_file(path))
    return _markdown(tuple(extensions)).reset().convert(body(text))


@functools.cache
def _markdown(extensions: tuple[str, ...]) -> markdown.Markdown:
    """One Markdown per set of extensions for the module, reset before each page (making
    one copies the emoji index: 0.05 CPU s, 70 times)."""
    return markdown.Markdown(extensions=[*EXTENSIONS, *extensions], extension_configs={"toc": TOC})


def test_every_inline_extension_has_a_phrase():
    assert set(PHRASES) == set(INLINE_MARKUP)


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
@pytest.mark.parametrize("name", [*ALL, "all at once"])
def test_inline_syntax_reads_literally_with_its_extension_on(tmp_path, kind, name):
    names = ALL if name == "all at once" else [name]
    for extension in names:
        page = _page(_source(tmp_path, kind, PHRASES[extension]), names)
        found = _PARAGRAPH.search(page)
        assert found, page
        inner = found.group(1)
        assert "<" not in inner, f"{extension}: an element was made: {inner}"
        assert html.unescape(inner) == PHRASES[extension]


def test_nothing_is_escaped_for_a_site_that_enables_none():
    """The example site's HTML stays byte for byte what it was."""
    text = " ".join(PHRASES.values())
    assert markdown_inline(text) == text
    with inline_markup(["pymdownx.mark"]):
        assert markdown_inline("a ==b== c=d") == "a &#61;=b&#61;= c=d"
        assert markdown_inline("[x](https://a.example/?q==1)") == "[x](https://a.example/?q==1)"
        assert markdown_inline("note[^1] and &#61;=") == "note[^1] and &#61;="


@pytest.mark.build
def test_a_site_with_every_inline_extension_builds_the_source_literally(tmp_path):
    """`mkdocs build --strict`: no warning (the site escapes, so nothing to warn of), the
    page shows each phrase as the source prints it, no element made."""
    lines = [f"1.{n} {phrase}" for n, phrase in enumerate(PHRASES.values(), 1)]
    config = {
        "site_name": "Inline",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"clausemark": {"cache_dir": ""}}],
        "markdown_extensions": ALL,
    }
    project = make_project(
        tmp_path / "project",
        {"rules.txt": "Rules\n\n1. Scope\n\n" + "\n\n".join(lines) + "\n"},
        mkdocs_yml=yaml.safe_dump(config),
    )
    result = build_site(project)  # strict
    assert "WARNING" not in result.stderr, result.stderr
    page = (project / "site" / "rules" / "index.html").read_text(encoding="utf-8")
    for phrase in PHRASES.values():
        assert phrase in html.unescape(re.sub(r"<[^>]+>", "", page)), phrase
    for made in ("arithmatex", "emojione", "twemoji", "<mark", "<ins", "<del", "<kbd", "<sub>"):
        assert made not in page, made
    assert 'href="https://example.org/a"' not in page and "mailto:clerk" not in page


# Words of a Word file or a web page are not Markdown: the characters core Markdown reads
# as emphasis, code or an escape show as printed (support/escaping.literal_words).
LITERAL_WORDS = (
    "The ratio 2*3*4 and a*b*c and __init__ and _draft_ and `code` and C:\\Shared\\*.docx."
)


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_word_and_web_words_read_as_printed_not_as_markdown(tmp_path, kind):
    page = _page(_source(tmp_path, kind, LITERAL_WORDS), [])
    inner = _PARAGRAPH.search(page)
    assert inner, page
    assert "<" not in inner.group(1), inner.group(1)  # no <em>, <strong> or <code> made
    assert html.unescape(inner.group(1)) == LITERAL_WORDS


FOOTNOTE_WORDS = "The reference [^1] and [^note]: stay as printed."


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_footnote_syntax_in_word_and_web_words_makes_no_footnote(tmp_path, kind):
    """'[^1]' printed in a Word file or on a web page is words, not the text form's footnote
    mark: it was a footnote reference with an invented note 'The text of footnote 1 is
    missing from the source document' and a warning (trial6)."""
    path = _source(tmp_path, kind, FOOTNOTE_WORDS)
    inner = _PARAGRAPH.search(_page(path, []))
    assert inner and html.unescape(inner.group(1)) == FOOTNOTE_WORDS, inner
    assert not [w for w in convert_file(path).warnings if "footnote" in w.message]


def test_a_bold_run_is_still_bold_around_literal_stars(tmp_path):
    path = tmp_path / "rules.docx"
    bold = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">a*b*c</w:t></w:r>'
    path.write_bytes(docx(para("Rules") + f"<w:p><w:r><w:t>1.1 See </w:t></w:r>{bold}</w:p>"))
    inner = _PARAGRAPH.search(_page(path, []))
    assert inner and inner.group(1) == "See <strong>a*b*c</strong>", inner


def test_pdf_words_read_as_printed_not_as_markdown(tmp_path):
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    clauses = [
        "The ratio 2*3*4 and a*b*c stay.",
        "The name __init__ and `code` and C:\\Shared\\*.docx stay.",
    ]
    path = tmp_path / "rules.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(72, 760, "Rules")
    pdf.setFont("Helvetica", 11)
    for number, (clause, height) in enumerate(zip(clauses, (720, 690), strict=True), 1):
        pdf.drawString(72, height, f"1.{number} {clause}")
    pdf.save()
    page = _page(path, [])
    assert [html.unescape(p) for p in _PARAGRAPH.findall(page)] == clauses, page
