"""What a build makes, as plain records: its warnings, pages and documents, and the whole
site build the page generators, the report and the adapters read.

Kept apart from builder.py, which makes them, so the page generators and the build report
(which builder.py runs) take their records from here and nothing imports in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..extension.page_links import PageLinker
from ..index.site_index import SiteIndex
from ..model.document import Document
from ..model.records import heading_records, text_records
from ..pages.document import DocumentPages
from ..versions.order import PublishedVersion, current_version
from .library import SourceEntry, SourceVersion
from .settings import SiteSettings


class BuildError(Exception):
    """A source or data file the site cannot be built from; str() is the one-line message."""


@dataclass
class BuildWarning:
    message: str  # the whole line: where, the cause and the fix
    code: str = "reference"  # what kind of problem, for allow-lists and reports
    level: str = "warning"  # "info": told, never a failure (page furniture left out)
    document: str | None = None  # the document it is about (None: the site's data)


@dataclass
class GeneratedPage:
    path: str  # docs-relative .md path
    markdown: str


@dataclass
class DocumentBuild:
    """One document's share of the build: its versions and the pages they make."""

    entry: SourceEntry
    pages: DocumentPages  # its current page, and each version's and change's if several

    @property
    def versions(self) -> list[PublishedVersion]:
        return self.pages.versions

    @property
    def current_markdown(self) -> str:
        return self.pages.current

    @property
    def citations(self) -> dict[str, str]:  # page -> address it cites
        return self.pages.citations

    @property
    def document(self) -> Document:
        return current_version(self.versions).document


@dataclass
class SiteBuild:
    settings: SiteSettings
    documents: list[DocumentBuild]
    index: SiteIndex
    index_key: str
    linker: PageLinker
    pages: list[GeneratedPage] = field(default_factory=list)
    warnings: list[BuildWarning] = field(default_factory=list)
    # a page -> the source version and the text it shows, proved against the built page
    proofs: dict[str, tuple[SourceVersion, Document]] = field(default_factory=dict)
    citations: dict[str, str] = field(default_factory=dict)  # a page -> address it cites

    @property
    def current_documents(self) -> list[Document]:
        return [built.document for built in self.documents]

    def page(self, path: str) -> GeneratedPage | None:
        return next((page for page in self.pages if page.path == path), None)

    def cite_url(self, page: str) -> str | None:
        """The address a citation of `page` names: the cited version's own page."""
        return self.citations.get(page)

    def page_anchors(self, path: str) -> set[str]:
        """The ids the model gives the page `path`, every one the search index has an
        entry for (index/search.site_search_index: its clauses, the notes and tables
        between them, its headings and its footnotes); none for a page that shows no
        document. A dirty build keeps a rebuilt page's entries only at these ids: a note's
        or a footnote's left out once made its search differ from a clean build's."""
        shown = self.proofs.get(path)
        if shown is None:
            return set()
        document = shown[1]
        anchors = {r.anchor for r in text_records(document, tables=True)}
        anchors |= {h.anchor for h in heading_records(document)}
        return anchors | {f"fn:{footnote.label}" for footnote in document.footnotes}
