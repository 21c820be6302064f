"""Which HTML parser the link check and the page proofs read built pages with.

Both must read the output to be a proof of it. Measured on every page of a built site:
the standard library's html.parser (what they used), lxml (libxml2) and selectolax
(lexbor, if installed: `pip install selectolax`), each doing the link check's work (every
id, `<a name>` and link URL of a page) and the proof's (the words of the page content,
each with its clause id, outside editorial notes). Prints CPU seconds per 100 pages and
whether each parser found exactly what html.parser found.

    .venv/bin/python bench/bench_html_parsers.py [SITE_DIR] [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from clausemark.render.fidelity import _VOID, NOT_SOURCE_TEXT, page_words
from clausemark.site_builder.linkcheck import LINK_ATTRIBUTES, ParsedPage, parse_page
from clausemark.support.markdown_text import words

ROOT = Path(__file__).resolve().parent.parent
# The page content MkDocs hands the plugin sits in <article>; the proof reads that part.
_CONTENT = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


# --- html.parser: what the link check and the proofs used before (the baseline) --------


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.anchors.add(values["name"])
        url_attribute = LINK_ATTRIBUTES.get(tag)
        if url_attribute and url_attribute in values:
            self.page.urls.append(values[url_attribute])

    handle_startendtag = handle_starttag


class _ClauseWords(HTMLParser):
    """The words a reader sees as adopted text, each with the id of the clause it is in.

    Subtrees marked as editorial (or as tools beside the text) are skipped; so is the
    footnotes block, which the nothing-lost proof checks apart.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words: list[tuple[str, str]] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self._anchor = ""

    def _skipping(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        skipped = (
            self._skipping()
            or bool(classes & NOT_SOURCE_TEXT)
            or "footnote" in classes
            or "data-search-exclude" in found
            or tag in {"script", "style"}
        )
        if found.get("id") and not skipped:
            self._anchor = found["id"]
        self._stack.append((tag, skipped))

    def handle_endtag(self, tag):
        for position in range(len(self._stack) - 1, -1, -1):
            if self._stack[position][0] == tag:
                del self._stack[position:]
                return

    def handle_data(self, data):
        if not self._skipping():
            self.words.extend((word, self._anchor) for word in words(data))


def links_html_parser(html: str):
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.page.anchors, parser.page.urls


def links_lxml(html: str):
    page = parse_page(html)
    return page.anchors, page.urls


def links_selectolax(html: str):
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    anchors = {node.attributes["id"] or "" for node in tree.css("[id]")}
    anchors |= {node.attributes["name"] or "" for node in tree.css("a[name]")}
    urls = []
    for node in tree.css("a[href], link[href], script[src], img[src]"):
        attribute = "src" if node.tag in {"script", "img"} else "href"
        urls.append(node.attributes[attribute])
    return anchors, urls


def words_html_parser(html: str):
    parser = _ClauseWords()
    parser.feed(html)
    parser.close()
    return parser.words


def words_lxml(html: str):
    return page_words(html)


def words_selectolax(html: str):
    from selectolax.lexbor import LexborHTMLParser

    body = LexborHTMLParser(f"<div>{html}</div>").body
    found: list[tuple[str, str]] = []
    anchor = ""
    stack = [(child, False) for child in reversed(list(body.iter(include_text=True)))]
    while stack:
        node, inside_skipped = stack.pop()
        tag = node.tag
        if tag == "-text":
            if not inside_skipped:
                found.extend((word, anchor) for word in words(node.text_content or ""))
            continue
        if tag in _VOID or tag == "_comment":
            continue
        attributes = node.attributes
        classes = set((attributes.get("class") or "").split())
        skipped = (
            inside_skipped
            or bool(classes & NOT_SOURCE_TEXT)
            or "footnote" in classes
            or "data-search-exclude" in attributes
            or tag in {"script", "style"}
        )
        if not skipped and attributes.get("id"):
            anchor = attributes["id"]
        children = list(node.iter(include_text=True))
        stack.extend((child, skipped) for child in reversed(children))
    return found


def measure(pages: list[str], work: Callable, runs: int) -> tuple[float, list]:
    times, found = [], []
    for _ in range(runs):
        start = time.process_time()
        found = [work(html) for html in pages]
        times.append(time.process_time() - start)
    return statistics.median(times), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.site.rglob("*.html"))
    pages = [path.read_text(encoding="utf-8") for path in files]
    contents = [m.group(1) for m in map(_CONTENT.search, pages) if m]
    megabytes = sum(map(len, pages)) / 1e6
    print(f"{len(pages)} pages, {megabytes:.1f} MB; {len(contents)} page contents")
    print(f"{'work':<12} {'parser':<12} {'CPU s / 100 pages':>18} {'same as html.parser':>20}")
    for work, candidates, inputs in (
        ("link check", (links_html_parser, links_lxml, links_selectolax), pages),
        ("page proof", (words_html_parser, words_lxml, words_selectolax), contents),
    ):
        base = None
        for candidate in candidates:
            name = candidate.__name__.split("_", 1)[1]
            try:
                seconds, found = measure(inputs, candidate, args.runs)
            except ImportError:
                print(f"{work:<12} {name:<12} {'not installed':>18}")
                continue
            base = found if base is None else base
            same = all(_same(a, b) for a, b in zip(found, base, strict=True))
            per_100 = seconds / max(1, len(inputs)) * 100
            print(f"{work:<12} {name:<12} {per_100:>18.3f} {'yes' if same else 'NO':>20}")
    return 0


def _same(found, expected) -> bool:
    if isinstance(found, tuple):  # (anchors, urls): the same targets and the same URLs
        return found[0] == expected[0] and sorted(found[1]) == sorted(expected[1])
    return found == expected


if __name__ == "__main__":
    raise SystemExit(main())
