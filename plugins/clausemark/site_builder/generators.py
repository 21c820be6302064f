"""The pages the site makes, one generator each, registered in `PAGE_GENERATORS`.

A generator reads the build (documents, index, settings) and what builds keep for the
next (`BuildMemory`: converted texts, the disk cache), and returns the pages it makes
as docs-relative paths with their Markdown. A new kind of generated page is one function
here and one entry in the list (and, if it belongs in the menu, a line in menu.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..index.parts import nav_titles
from ..pages.build_report import build_report_markdown
from ..pages.home import directory_entry, directory_markdown
from ..pages.hubs import code_hub_markdown, glossary_markdown
from ..pages.versions import VersionPair, review_page_markdown, review_section
from ..support.disk_cache import cache_key
from ..support.escaping import markdown_text
from ..support.urls import BUILD_REPORT_PAGE, GLOSSARY_PAGE, HOME_PAGE, document_path, review_path
from .memory import BuildMemory
from .report import build_report
from .site_build import DocumentBuild, GeneratedPage, SiteBuild

PageGenerator = Callable[[SiteBuild, BuildMemory], list[GeneratedPage]]


def documents(build: SiteBuild, memory: BuildMemory) -> list[GeneratedPage]:
    """Each document's current page, and for a versioned one each version and change
    (made by pages/document.py as the build read the document)."""
    pages = []
    for built in build.documents:
        pages += [GeneratedPage(p, markdown) for p, markdown in built.pages.pages.items()]
        pages.append(GeneratedPage(document_path(built.entry.doc_id), built.current_markdown))
    return pages


def review_pages(build: SiteBuild, memory: BuildMemory) -> list[GeneratedPage]:
    """A page per year of annual review: every document's changes adopted that year.

    Made of its documents' diffs alone, so kept by the content of their sources."""
    reviews: dict[str, list[tuple[VersionPair, DocumentBuild]]] = {}
    for built in build.documents:
        for pair in built.pages.pairs:
            if pair.new.year:
                reviews.setdefault(pair.new.year, []).append((pair, built))
    pages = []
    conversions = memory.conversions
    kept: dict[tuple[str, int, str], list[str]] = {}
    for year, pairs in sorted(reviews.items()):
        inputs = [
            conversions.fingerprint(v) for _pair, built in pairs for v in built.entry.versions
        ]
        key = cache_key("review-page", year, *inputs)
        content = memory.conversions.disk.get(key)
        if not isinstance(content, str):
            section = _kept_sections(memory, pairs, kept)
            content = review_page_markdown(year, [pair for pair, _built in pairs], section)
            memory.conversions.disk.put(key, content)
        pages.append(GeneratedPage(review_path(year), content))
    memory.review_sections = kept
    return pages


def _kept_sections(
    memory: BuildMemory,
    pairs: list[tuple[VersionPair, DocumentBuild]],
    kept: dict[tuple[str, int, str], list[str]],
) -> Callable[[str, int, VersionPair], list[str]]:
    """A review's part for each document, made again only when the document's pages'
    key changed (under `mkdocs serve`, an edit to one source remakes its part alone).
    `kept` gathers the parts this build used: the memory holds no others."""
    pages_keys = {id(pair): memory.version_pages.get(built.entry.doc_id) for pair, built in pairs}
    sections = memory.review_sections

    def section(year: str, number: int, pair: VersionPair) -> list[str]:
        known = pages_keys[id(pair)]
        if known is None:
            return review_section(year, number, pair)
        part = (year, number, known[0])
        kept[part] = sections[part] if part in sections else review_section(year, number, pair)
        return kept[part]

    return section


def glossary_page(build: SiteBuild, memory: BuildMemory) -> list[GeneratedPage]:
    return [GeneratedPage(GLOSSARY_PAGE, glossary_markdown(build.index))]


def code_hub_pages(build: SiteBuild, memory: BuildMemory) -> list[GeneratedPage]:
    """A page for each code of conduct the constitution refers to."""
    index = build.index
    return [
        GeneratedPage(index.pages[code], code_hub_markdown(index, code)) for code in index.codes
    ]


def home_page(build: SiteBuild, memory: BuildMemory) -> list[GeneratedPage]:
    """docs/index.md (or the site's name as a title) followed by the directory of every
    document, as one page, so that it is rebuilt whenever the directory changes."""
    settings = build.settings
    documents = build.current_documents
    entries = []
    titles = nav_titles(documents)
    for built in build.documents:
        entry = directory_entry(built.entry.doc_id, built.document, built.pages)
        entry.title = titles[built.entry.doc_id]
        entries.append(entry)
    intro = _home_intro(settings.docs_dir, settings.site_name)
    listing = directory_markdown(
        entries, settings.build_date, settings.council, dict(settings.part_names)
    )
    return [GeneratedPage(HOME_PAGE, intro.rstrip() + "\n\n" + listing)]


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^---[ \t]*\n", re.S | re.M)
_TITLE_LINE = re.compile(r"^#[ \t]|^=+[ \t]*$", re.M)


def _home_intro(docs_dir: Path | None, site_name: str) -> str:
    """docs/index.md as written, headed by the site's name when it has no title of its
    own (so a new site's home page says what mkdocs.yml's site_name says)."""
    written = docs_dir / HOME_PAGE if docs_dir is not None else None
    if written is None or not written.is_file():
        return f"# {markdown_text(site_name)}\n"
    text = written.read_text(encoding="utf-8-sig")
    front = _FRONT_MATTER.match(text)
    head, body = (text[: front.end()], text[front.end() :]) if front else ("", text)
    if _TITLE_LINE.search(body):
        return text
    return f"{head}# {markdown_text(site_name)}\n\n{body.lstrip(chr(10))}"


def build_report_page(build: SiteBuild, memory: BuildMemory) -> list[GeneratedPage]:
    """Every warning by document, what was left out and repaired (unless turned off)."""
    if not build.settings.build_report:
        return []
    return [GeneratedPage(BUILD_REPORT_PAGE, build_report_markdown(build_report(build)))]


PAGE_GENERATORS: tuple[PageGenerator, ...] = (
    documents,
    review_pages,
    glossary_page,
    code_hub_pages,
    home_page,
    build_report_page,
)
