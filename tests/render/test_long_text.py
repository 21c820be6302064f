"""Python-Markdown kept linear (render/long_text.py): the same HTML, byte for byte, as
Python-Markdown makes on its own, with the raw-HTML extractor run piece by piece and the
blocks in a deque; and the site's Markdown (the plugin's extensions) runs both."""

from __future__ import annotations

import random
import xml.etree.ElementTree as etree

import markdown
import pytest
from clausemark.render import long_text
from clausemark.render.long_text import BlockQueue, LongTextExtension, SegmentedHtmlBlocks
from page_layer import EXTENSIONS, TOC

# Pages that open, close and nest raw HTML across blank lines, Markdown inside HTML, a
# raw block with text after it on its line, comments, script, entities at a cut, lists
# and quotes that take the next blocks, and HTML left open to the end.
PAGES = {
    "raw blocks": (
        "# Title {: #title }\n\nText one.\n\n"
        '<aside class="a" data-x><p><span>Note</span> one &amp; two</p></aside>\n\n'
        "Text two &copy;\n\n<aside><p>Two</p></aside>\n\nText three.\n"
    ),
    "a block across blank lines": (
        "Before.\n\n<div class='x'>\n\nInside *not* Markdown.\n\n</div>\n\nAfter *this*.\n"
    ),
    "markdown in html": (
        '<div class="footnote" markdown>\n\n## Notes {: #notes }\n\n'
        '<p id="fn:1" markdown="span"><span>1</span> A *note* <a href="#r">↩</a></p>\n\n'
        "</div>\n\nAfter.\n\n<div markdown>\n\n- one\n- two\n\n</div>\n"
    ),
    "text after a raw block": "<div>one</div> tail text\n\nNext.\n\n<hr>\n\nLast.\n",
    "comments and script": (
        "<!-- a comment\n\nover a blank line -->\n\nText.\n\n"
        '<script type=\'application/json\'>{"a": "<b>"}</script>\n\nEnd &\n\n& more\n'
    ),
    "lists and quotes": (
        "1. one\n\n    more of one\n\n2. two\n\n> quoted\n\n> more\n\n"
        "    code <div>\n\n    still code\n\nTerm\n\n* a\n\n    * b\n"
    ),
    "left open": "Start.\n\n<div>\n\nnever closed\n\n<p>para\n\nText *after*.\n",
    "inline tags": 'A <span class="e">note\n\nbroken</span> here.\n\n<b>bold</b> text.\n',
    "constructs over a blank line": (
        '<div title="a>\n\nb">x</div>\n\n<!-- c\n\n-->\n\n<![CDATA[ d\n\n]]>\n\n'
        "<?php e\n\n?>\n\n<!DOCTYPE\n\nhtml>\n\n<p\n\nclass=x>f</p>\n\ng </\n\ndiv>\n"
    ),
}

# Fragments a random page is made of (fixed seed): every cut falls somewhere new.
FRAGMENTS = [
    "Text.",
    "<div>",
    "</div>",
    "<div markdown>",
    "<aside><p>N</p></aside>",
    "<!--",
    "-->",
    '<p title="a',
    '">',
    "<script>",
    "</script>",
    "<![CDATA[",
    "]]>",
    "<?",
    "?>",
    "&amp;",
    "<span>",
    "</span>",
    "- item",
    "    code",
    "> quote",
    "<hr>",
    "*em*",
    "&",
    "<",
    ">",
    "",
]


@pytest.mark.parametrize("seed", range(40))
def test_random_pages_render_the_same(seed, monkeypatch):
    monkeypatch.setattr(long_text, "SEGMENT", 1)
    rng = random.Random(seed)
    lines = [rng.choice(FRAGMENTS) + rng.choice(["", " ", " x"]) for _ in range(80)]
    page = "\n".join(line if rng.random() < 0.6 else line + "\n" for line in lines)
    for extensions in ([], ["md_in_html"]):
        assert _render(page, extensions, True) == _render(page, extensions, False)


def _render(text: str, extensions: list, linear: bool) -> str:
    return markdown.markdown(text, extensions=[*extensions, *([LongTextExtension()] * linear)])


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    "extensions", [[], ["md_in_html", "attr_list"]], ids=["core", "md_in_html"]
)
@pytest.mark.parametrize("segment", [1, 40])
def test_the_linear_render_is_the_same_html(name, extensions, segment, monkeypatch):
    monkeypatch.setattr(long_text, "SEGMENT", segment)
    page = PAGES[name] * 3
    assert _render(page, extensions, True) == _render(page, extensions, False)


def test_a_long_page_is_read_in_pieces_and_each_piece_once(monkeypatch):
    """A page of many raw blocks is cut at blank lines; no piece is read twice."""
    fed: list[str] = []
    extractor = long_text.EXTRACTORS[markdown.extensions.md_in_html.HtmlBlockPreprocessor]

    class Counting(extractor):  # type: ignore[misc, valid-type]
        def feed(self, data):
            fed.append(data)
            super().feed(data)

    monkeypatch.setitem(
        long_text.EXTRACTORS, markdown.extensions.md_in_html.HtmlBlockPreprocessor, Counting
    )
    monkeypatch.setattr(long_text, "SEGMENT", 200)
    page = "".join(f"Clause {n}.\n\n<aside><p>Note {n}</p></aside>\n\n" for n in range(100))
    html = _render(page, ["md_in_html"], True)
    assert html == _render(page, ["md_in_html"], False)
    assert len(fed) > 20
    assert "".join(fed).rstrip("\n") == page.rstrip("\n")  # every character once, in order


def test_html_open_over_blank_lines_is_read_in_one_piece(monkeypatch):
    fed: list[int] = []
    extractor = long_text.EXTRACTORS[markdown.preprocessors.HtmlBlockPreprocessor]

    class Counting(extractor):  # type: ignore[misc, valid-type]
        def feed(self, data):
            fed.append(len(data))
            super().feed(data)

    monkeypatch.setitem(
        long_text.EXTRACTORS, markdown.preprocessors.HtmlBlockPreprocessor, Counting
    )
    monkeypatch.setattr(long_text, "SEGMENT", 10)
    page = "Start.\n\n<div>\n\n" + "".join(f"Para {n}.\n\n" for n in range(20)) + "</div>\n"
    assert _render(page, [], True) == _render(page, [], False)
    assert fed[-1] >= len(page) - 1  # the whole page, as Python-Markdown reads it


def test_the_block_queue_takes_from_the_front_and_puts_back():
    queue = BlockQueue(["a", "b", "c", "d"])
    assert queue.pop(0) == "a"
    queue.insert(0, "z")
    assert queue[0] == "z"
    assert queue.pop() == "d"
    assert queue.pop(1) == "b"
    assert list(queue) == ["z", "c"]


def test_the_sites_markdown_runs_linear():
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": TOC})
    assert isinstance(md.preprocessors["html_block"], SegmentedHtmlBlocks)
    blocks = ["one", "two"]
    md.parser.parseBlocks(etree.Element("div"), blocks)
    assert blocks == []  # consumed, as Python-Markdown's own list would be


def test_a_word_longer_than_a_piece_is_never_cut_in_two(tmp_path):
    """A paragraph over SPLIT_OVER is cut into pieces at spaces; a run of 50,000 letters
    (a pasted block) was cut every 2,000, and the nothing-lost proof, reading each piece's
    edge as a space, called the word lost: a strict build failed on a whole text. The cut
    now falls where the letters end; '*a*a*a...' is still cut at the piece's size."""
    from clausemark.convert import convert_file
    from clausemark.render.long_text import PIECE, pieces

    word = "q" * 25 * PIECE
    assert pieces(f"a {word} b") == ["a ", word, " b"]
    assert {len(piece) for piece in pieces("*a" * 5 * PIECE)} == {PIECE}
    hostile = ("*a" * PIECE + word) * 3  # a long piece is letters alone: no inline match
    cut = pieces(hostile)
    assert "".join(cut) == hostile
    assert all(piece.isalpha() for piece in cut if len(piece) > PIECE)
    source = tmp_path / "long.txt"
    source.write_text(f"1. Scope\n\n1.1 The {word} rule.\n\n1.2 Two.\n", encoding="utf-8")
    assert not [w.message for w in convert_file(source).warnings if w.code == "lost-words"]
