"""A link's words are shown as printed, whatever brackets they hold, in every reader that
makes links (a web page's <a>, a Word w:hyperlink and HYPERLINK field): an unbalanced
'[' or ']' once made Markdown read no link, and the page showed "[see ] here](https://...)"
(characters the source never printed, and the link lost) with no warning."""

from __future__ import annotations

import sys

import pytest
from hostile_files import docx, run
from site_builds import REPO_ROOT

BENCH = REPO_ROOT / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from bench_hostile import _markdown_pipeline  # noqa: E402

WORDS = ("see ] this", "see [ this", "see [a] this", "see [x](y) this")


def _field(instruction: str, words: str) -> str:
    mark = '<w:r><w:fldChar w:fldCharType="{}"/></w:r>'
    return (
        mark.format("begin")
        + f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        + mark.format("separate")
        + run(words)
        + mark.format("end")
    )


def _page(kind: str, words: str) -> tuple[str, bytes]:
    if kind == "html":
        body = f'<p>1. Rule <a href="https://council.example/r">{words}</a> ends.</p>'
        return ".html", f"<html><body><h1>Hall Rules</h1>{body}</body></html>".encode()
    linked = (
        f'<w:hyperlink r:id="rIdL">{run(words)}</w:hyperlink>'
        if kind == "w:hyperlink"
        else _field('HYPERLINK "https://council.example/r"', words)
    )
    body = f"<w:p>{run('1. Rule ')}{linked}{run(' ends.')}</w:p>"
    return ".docx", docx(body, links={"rIdL": "https://council.example/r"})


@pytest.mark.parametrize("kind", ["html", "w:hyperlink", "field"])
@pytest.mark.parametrize("words", WORDS)
def test_a_links_words_with_brackets_stay_a_link_showing_them(tmp_path, kind, words):
    suffix, data = _page(kind, words)
    path = tmp_path / f"page{suffix}"
    path.write_bytes(data)
    page = _markdown_pipeline()(path)
    assert f'<a href="https://council.example/r">{words}</a> ends.' in page
    assert "](" not in page.replace(f"{words}</a>", "")


def test_a_bracket_in_a_links_address_keeps_the_link_and_the_proof_whole(tmp_path):
    """'https://x/a) [b](c' as a Word link's address: one link, and no word reported lost
    (the proof once read the address's '[b]' as words the page lost)."""
    from clausemark.convert import convert_file

    target = "https://council.example/a) [b](javascript:c)"
    path = tmp_path / "linked.docx"
    body = f"<w:p>{run('1. Rule ')}{_field(f'HYPERLINK &quot;{target}&quot;', 'here')}</w:p>"
    path.write_bytes(docx(body))
    page = _markdown_pipeline()(path)
    assert '<a href="https://council.example/a%29%20%5Bb%5D%28javascript:c%29">here</a>' in page
    assert not [w for w in convert_file(path).warnings if w.code == "lost-words"]


def test_a_link_field_inside_a_link_field_is_one_link_of_both_words(tmp_path):
    """A HYPERLINK field in another's result: one link showing the words of both; the
    page once showed the inner one's Markdown, '[inner](https://...)', as words."""
    inner = _field('HYPERLINK "https://council.example/inner"', "inner words")
    outer = _field('HYPERLINK "https://council.example/outer"', "outer ").replace(
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        inner + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        1,
    )
    path = tmp_path / "nested.docx"
    path.write_bytes(docx(f"<w:p>{run('1. Rule ')}{outer}{run(' ends.')}</w:p>"))
    page = _markdown_pipeline()(path)
    assert '<a href="https://council.example/outer">outer inner words</a> ends.' in page
    assert "](" not in page


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx"])
def test_a_refused_link_starting_inside_a_word_is_no_word_lost(tmp_path, suffix):
    """attack16 W2: 'Versi' + a javascript: link 'on 2': the page rightly shows the one
    word 'Version', but the proof read the source as 'Versi' and 'on' and warned a word
    lost (65 of 300 random .docx). Its words are now read as the page shows them; a
    label the page did lose is still reported."""
    from clausemark.convert import convert_file

    path = tmp_path / f"links{suffix}"
    if suffix == ".docx":
        linked = f'<w:hyperlink r:id="rIdL">{run("on 2")}</w:hyperlink>'
        body = f"<w:p>{run('1. The clerk reported Versi')}{linked}{run(' end.')}</w:p>"
        path.write_bytes(docx(body, links={"rIdL": "javascript:alert(1)"}))
    else:
        text = "Links Policy\n\n1. The clerk reported Versi[on 2](javascript:alert(1)) end.\n"
        path.write_text(text, encoding="utf-8")
    document = convert_file(path)
    assert "Version 2 end." in _markdown_pipeline()(path)
    assert [w.code for w in document.warnings if w.code in ("lost-words", "link")] == ["link"]
