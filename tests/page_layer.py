"""The page layer in process: a small site index and Python-Markdown, no MkDocs.

In the style of pymdown-extensions' tests (their `MdCase.check_markdown`): Markdown in,
HTML out, compared exactly. The index is built through the public core API from a few
short invented texts (parse, `build_site_index`); Python-Markdown runs the extensions the
MkDocs plugin turns on, with a `PageLinker` over that index. A render takes milliseconds.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
from clausemark.extension.page_links import PageLinker, PageProblem
from clausemark.index.site_index import SiteIndex, build_site_index
from clausemark.model.document import Document
from clausemark.parse.parser import parse
from clausemark.readers.text import SourceText
from clausemark.render.markdown_writer import render_document

# What MkDocs always runs (toc, tables, fenced_code), what the plugin adds to every site
# (mkdocs_plugin.on_config), and the toc settings of the repository's mkdocs.yml.
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "footnotes", "md_in_html", "clausemark"]
TOC = {"permalink": "¶", "permalink_title": "Link to this heading"}
GLOSSARY = Path(__file__).parent / "data" / "page_layer_glossary.yml"

# Invented texts in the plain-text layout the converter reads.
RULES = """\
Ashvale Standing Orders

1. Meetings

1.1 The Chair opens each meeting. A Quorum is three members.

1.2 A member who wishes to speak follows paragraph 1.1 and the Members' Code of Conduct.

1.3 The Monitoring Officer keeps the register. See paragraph 9.9 below.

2. Voting

2.1 Members vote as paragraph 2.1 of the Gifts Protocol sets out.

2.2 Members must:

(a) attend the meeting; and

(b) vote by a show of hands.

2.3 "Proper Officer" means the clerk of the council.

2.4 The Proper Officer counts the votes.
"""
GIFTS = """\
Gifts Protocol

Introduction

Members keep a [gift register](#) and a [hospitality book](#).

Gifts are part of public life.¹

Declaring gifts

2.1 A member declares any gift worth more than fifty pounds to the Monitoring Officer.

2.2 Declarations are reported as paragraph 1.3 of the Ashvale Standing Orders says.

¹ An invented footnote.
"""
TEXTS = {"rules": RULES, "gifts": GIFTS}
CODES = [
    {
        "id": "members-code",
        "code": True,
        "title": "Members' Code of Conduct",
        "label": "Appendix 9",
        "description": "How members behave <always>.",
        "url": "https://council.example/members-code",
    }
]


def parse_text(text: str, doc_id: str) -> Document:
    """One invented source text read as the converter reads a file of that name."""
    return parse(SourceText(f"{doc_id}.txt", text), doc_id)


def make_index(texts: dict[str, str], *, codes: list[dict] | None = None) -> SiteIndex:
    """A site index over `texts` (doc id -> text), the shared glossary and `codes`."""
    documents = [parse_text(text, doc_id) for doc_id, text in texts.items()]
    return build_site_index(documents, registry_extra=list(codes or []), glossary_path=GLOSSARY)


@cache
def small_index() -> SiteIndex:
    """RULES and GIFTS with the members' code: built once, read by every test."""
    return make_index(TEXTS, codes=CODES)


@dataclass
class Rendered:
    html: str
    problems: list[PageProblem]  # what the linker would hand the build report
    toc: list[dict]  # the table of contents the theme would show


def body(page_markdown: str) -> str:
    """The Markdown MkDocs renders: the page without its YAML front matter."""
    if page_markdown.startswith("---\n"):
        return page_markdown.split("\n---\n", 1)[1]
    return page_markdown


def render(
    page_markdown: str,
    index: SiteIndex | None = None,
    *,
    versions: dict[str, Document] | None = None,
) -> Rendered:
    """A page's Markdown as HTML, linked against `index` (the small index by default)."""
    linker = PageLinker(index or small_index(), versions)
    md = markdown.Markdown(
        extensions=EXTENSIONS,
        extension_configs={"clausemark": {"linker": linker}, "toc": TOC},
    )
    html = md.convert(body(page_markdown))
    return Rendered(html, linker.problems, getattr(md, "toc_tokens", []))


def render_page(doc_id: str, index: SiteIndex | None = None) -> Rendered:
    """A document's own page: the writer's Markdown, rendered."""
    index = index or small_index()
    return render(render_document(index.documents[doc_id]), index)


def check_html(actual: str, expected: str) -> None:
    """Exact comparison (expected dedented); a failure shows a unified diff."""
    expected = textwrap.dedent(expected).strip("\n")
    actual = actual.strip("\n")
    diff = "\n".join(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "expected", "actual", lineterm=""
        )
    )
    assert actual == expected, diff


def check_markdown(
    page_markdown: str, expected_html: str, index: SiteIndex | None = None
) -> list[PageProblem]:
    """Render dedented Markdown and compare with the expected HTML; the page's problems."""
    rendered = render(textwrap.dedent(page_markdown), index)
    check_html(rendered.html, expected_html)
    return rendered.problems


_LINK = re.compile(r"<a ([^>]*)>(.*?)</a>", re.S)
_CLAUSE_ID = re.compile(r'\bid="((?:sec|para|intro|note)[^"]*)"')


def links_by_clause(html: str) -> list[tuple[str | None, str, str, str]]:
    """(clause id, words, href, class) of each link a page makes in its text, with the
    clause it stands in (None before the first clause): not permalinks, not the
    "Referenced by" lists."""
    found = []
    clause = None
    position = 0
    for link in _LINK.finditer(html):
        for anchor in _CLAUSE_ID.finditer(html, position, link.start()):
            clause = anchor.group(1)
        position = link.start()
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', link.group(1)))
        before = html[max(0, link.start() - 300) : link.start()]
        if "headerlink" in attrs.get("class", "") or "cm-referenced-by" in before:
            continue
        words = re.sub(r"<[^>]+>", "", link.group(2))
        found.append((clause, words, attrs.get("href", ""), attrs.get("class", "")))
    return found
