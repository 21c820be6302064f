"""pandoc's own HTML test pages (tests/corpus/pandoc, GPL; see tests/corpus/LICENSES-pandoc.md)
read as a browser shows them: none fails, no word is lost, and every list item keeps its
marker on the line of its first words (loose lists, `<li><p>text</p></li>`, included)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Heading, Section
from clausemark.readers import html as html_reader

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "pandoc" / "test"
PAGES = sorted(p for p in CORPUS.rglob("*") if re.search(r"\.html[45]?$", p.name))
_HIDDEN = {"script", "style", "head", "title", "template"}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class _Visible(HTMLParser):
    """What a browser shows, independently of the reader: the words outside script,
    style, head and aria-hidden elements (the reader leaves those out as decoration),
    and each list item's first words (up to a nested list)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.hidden_tags: list[str] = []
        self.words: list[str] = []
        self.items: list[list[str]] = []  # one per <li>: its first words
        self.bullets: list[list[str]] = []  # those of <ul> items
        self.kinds: list[str] = []  # the open lists
        self.open_items: list[int] = []  # indices into items of <li> still collecting

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN or (tag, ("aria-hidden", "true")) in ((tag, a) for a in attrs):
            self.hidden_tags.append(tag)
            self.hidden += 1
        elif tag == "li":
            self.items.append([])
            self.open_items.append(len(self.items) - 1)
            if self.kinds and self.kinds[-1] == "ul":
                self.bullets.append(self.items[-1])
        elif tag in ("ol", "ul"):
            self.kinds.append(tag)
            if self.open_items:
                self.open_items.append(-1)  # words inside a nested list are not the item's

    def handle_endtag(self, tag):
        if self.hidden_tags and tag == self.hidden_tags[-1]:
            self.hidden_tags.pop()
            self.hidden -= 1
        elif tag in ("li", "ol", "ul") and self.open_items:
            self.open_items.pop()
        if tag in ("ol", "ul") and self.kinds:
            self.kinds.pop()

    def handle_data(self, data):
        if self.hidden:
            return
        words = _WORD.findall(data)
        self.words += words
        if self.open_items and self.open_items[-1] >= 0:
            self.items[self.open_items[-1]] += words


def visible(path: Path) -> _Visible:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_the_corpus_is_there():
    assert len(PAGES) >= 15
    loose = sum(len(re.findall(r"<li[^>]*>\s*<p", p.read_text())) for p in PAGES)
    assert loose >= 80  # pandoc's loose lists: the case that lost its markers


def _letters(text: str) -> str:
    return "".join(_WORD.findall(text))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_visible_word_is_read_in_order(path):
    """Letter by letter (a<sup>bc</sup>d is one word on the screen), in order; the
    reader may add only Markdown (a link's address)."""
    shown = _letters(" ".join(visible(path).words))
    read = _letters(html_reader.read(path.read_bytes(), path.name).text)
    position = 0
    for index, letter in enumerate(shown):
        position = read.find(letter, position) + 1
        assert position, f"lost from {shown[index : index + 40]!r}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_list_item_keeps_its_marker_with_its_words(path):
    shown = visible(path)
    lines = [ln.strip() for ln in html_reader.read(path.read_bytes(), path.name).text.split("\n")]
    assert not [
        ln for ln in lines if re.fullmatch(r"-|\d{1,4}\.|[A-Za-z]\.|[ivxlcdmIVXLCDM]{1,6}\.", ln)
    ], "a bare marker"
    marked = [
        _WORD.findall(m.group(1))
        for ln in lines
        # an item of a list of footnotes (pandoc's) is read as the footnote it is
        if (m := re.match(r"^(?:-|-?[0-9A-Za-z]{1,6}\.|\[\^\w+\]:) (.*)", ln))
    ]
    for first in (item[:3] for item in shown.items if item):
        assert any(words[: len(first)] == first for words in marked), (
            f"no list line starts with {' '.join(first)!r}"
        )


def test_bullets_stay_list_items_never_headings(tmp_path):
    """Converted whole: no list item of any page becomes a heading."""
    for path in PAGES:
        copy = tmp_path / (path.stem + ".html")
        copy.write_bytes(path.read_bytes())
        document = convert_file(copy)
        headings = []
        for block in document.blocks:
            if isinstance(block, Section):
                headings.append(block.heading.title)
            elif isinstance(block, Heading):
                headings.append(block.title)
        items = {" ".join(item[:4]) for item in visible(path).bullets if len(item) >= 2}
        for title in headings:
            assert " ".join(_WORD.findall(title)[:4]) not in items, (path.name, title)


def test_writer_page_lists_numbered_as_a_browser_shows_them():
    text = html_reader.read((CORPUS / "writer.html5").read_bytes(), "writer.html5").text
    lines = [ln for ln in text.split("\n") if ln.strip()]
    start = lines.index("## Fancy list markers")
    assert lines[start + 1 : start + 9] == [
        "2. begins with 2",
        "3. and now 3",
        "    with a continuation",
        "    i. sublist with roman numerals starting with i.",
        "    ii. more items",
        "        A. a subsublist",
        "        B. a subsublist",
        "Nesting:",
    ]
    start = lines.index("Asterisks loose:")
    assert lines[start + 1 : start + 4] == ["- asterisk 1", "- asterisk 2", "- asterisk 3"]
    start = lines.index("Multiple paragraphs:")
    assert lines[start + 1 : start + 5] == [
        "1. Item 1, graf one.",
        "    Item 1. graf two. The quick brown fox jumped over the lazy dog’s back.",
        "2. Item 2.",
        "3. Item 3.",
    ]
