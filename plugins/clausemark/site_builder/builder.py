"""The build of the whole site, with no framework: sources in, pages, menu and index out.

`SiteBuilder(settings, memory).build()` discovers and converts the sources, checks them
against the anchor registry, makes each document's pages (current, versions, changes),
builds the site index, and runs every page generator of `generators.PAGE_GENERATORS`. The
MkDocs adapter hands the result to MkDocs; the Markdown extension and the CLI use the same
build, so they always agree with the site.
"""

from __future__ import annotations

from pathlib import Path

from ..extension.page_links import PageLinker
from ..index.documents import ConfigError
from ..index.documents import load_registry as load_documents
from ..index.glossary import GlossaryError, load_glossary
from ..index.search import site_concepts
from ..index.site_index import SiteIndex, build_site_index, remember_related
from ..model.document import REPAIR_KINDS, Document, iter_clauses
from ..pages.cite_urls import cite_url, cited_pages
from ..pages.document import DocumentPages, StoredPages, document_pages
from ..pages.versions import version_path
from ..parse.drops import drop_summary
from ..readers.text import SourceError
from ..support.disk_cache import DiskCache, cache_key
from ..support.escaping import inline_markup
from ..support.limits import LimitError, read_within
from ..support.urls import document_path
from ..support.yaml_data import DataError
from ..versions.anchor_registry import (
    AnchorRegistryError,
    DocumentAnchors,
    check_document,
    load_registry,
    unrecorded_now,
)
from ..versions.order import PublishedVersion, current_version
from . import generators
from .library import SourceEntry, SourceVersion, discover, load_versions
from .memory import BuildMemory
from .settings import SiteSettings
from .site_build import (
    BuildError,
    BuildWarning,
    DocumentBuild,
    SiteBuild,
)

# Site indexes kept on disk: the current one and the one before (a branch switched back).
INDEXES_KEPT = 2

INPUT_ERRORS = (SourceError, ConfigError, GlossaryError, AnchorRegistryError)


class SiteBuilder:
    def __init__(self, settings: SiteSettings, memory: BuildMemory | None = None):
        self.settings = settings
        self.memory = memory or BuildMemory()
        self.memory.conversions.disk = DiskCache(settings.cache_dir)

    @property
    def disk(self) -> DiskCache:
        return self.memory.conversions.disk

    def check_inputs(self) -> None:
        """Read every source and data file, raising BuildError on the first bad one.

        Run before anything is written (MkDocs empties site/ after it): a bad file then
        fails the build with the last site intact. What is read is kept for build().
        """
        try:
            load_registry(self.settings.sources_dir / "anchors.json")
            for entry in discover(self.settings.sources_dir):
                for version in entry.versions:
                    self.memory.conversions.load(version, entry.doc_id, check_fidelity=False)
            if self.settings.glossary_file.is_file():
                load_glossary(self.settings.glossary_file)
            try:
                site_concepts(self.settings.search_concepts_file)
            except DataError as error:
                raise self._input_error(error) from None
            load_documents(self.settings.documents_file, list(self.settings.documents))
        except INPUT_ERRORS as error:
            raise self._input_error(error) from None

    def _input_error(self, error: Exception) -> BuildError:
        """The one line, naming a data file as sources' files are named (settings.shown)."""
        return BuildError(self.settings.shown(str(error)))

    def build(self) -> SiteBuild:
        """Every page, with the escaping the site's Markdown extensions need (escaping.py)."""
        with inline_markup(self.settings.inline_markup):
            return self._build()

    def _build(self) -> SiteBuild:
        try:
            registry = load_registry(self.settings.sources_dir / "anchors.json")
            documents = [self._document(entry, registry) for entry in self.entries()]
            index, key = self._site_index(documents)
        except INPUT_ERRORS as error:
            raise self._input_error(error) from None
        versions = {
            path: shown
            for built in documents
            for path, shown in built.pages.version_pages(built.entry.doc_id).items()
        }
        build = SiteBuild(self.settings, documents, index, key, PageLinker(index, versions))
        for built in documents:
            build.warnings += _converter_warnings(built)
            build.warnings += _registry_warnings(built, registry)
            build.proofs.update(_proofs(built))
            build.citations.update(built.citations)
        for generator in generators.PAGE_GENERATORS:
            build.pages += generator(build, self.memory)
        return build

    def entries(self) -> list[SourceEntry]:
        return discover(self.settings.sources_dir)

    def versions(self, entry: SourceEntry) -> list[PublishedVersion]:
        return load_versions(entry, self.memory.conversions)

    def _document(self, entry: SourceEntry, registry: dict) -> DocumentBuild:
        pages = self._document_pages(entry, registry.get(entry.doc_id))
        current = current_version(pages.versions)
        anchors = [clause.anchor for clause, *_ in iter_clauses(current.document.blocks)]
        problems = check_document(entry.doc_id, registry.get(entry.doc_id), current.label, anchors)
        if problems:
            raise BuildError(problems[0])
        return DocumentBuild(entry, pages)

    def _citations(
        self, doc_id: str, versions: list[PublishedVersion], has_version_pages: bool
    ) -> dict[str, str]:
        """Each page of the document -> the address its citations name (cite_urls.py)."""
        settings = self.settings
        return {
            page: cite_url(
                page,
                cited,
                site_url=settings.site_url,
                directory_urls=settings.use_directory_urls,
                canonical_directory_urls=settings.canonical_directory_urls,
            )
            for page, cited in cited_pages(doc_id, versions, has_version_pages).items()
        }

    def _document_pages(self, entry: SourceEntry, anchors: DocumentAnchors | None) -> DocumentPages:
        """The document's pages (pages/document.py), for one version or many.

        Version and diff pages depend on the document's sources (and its anchors.json
        entry) alone: made once, and kept with the versions' documents, so a warm build
        converts none of them. A document of one version is one page, made each build."""
        if len(entry.versions) == 1:
            return self._render_pages(entry, anchors)
        conversions, directory_urls = self.memory.conversions, self.settings.use_directory_urls
        inputs = [conversions.fingerprint(version) for version in entry.versions]
        settings = self.settings
        # where citations point, and the day the overdue verdict is given at build
        addresses = (
            settings.site_url,
            str(settings.canonical_directory_urls),
            str(settings.build_date),
        )
        key = cache_key(
            "document-pages", entry.doc_id, str(directory_urls), *addresses, repr(anchors), *inputs
        )
        known = self.memory.version_pages.get(entry.doc_id)
        if known is None or known[0] != key:
            stored = self.disk.get(key)
            if isinstance(stored, StoredPages):
                pages = stored.restored(entry.doc_id, self.versions(entry))
            else:
                pages = self._render_pages(entry, anchors)
                self.disk.put(key, pages.stored())
            self.memory.version_pages[entry.doc_id] = (key, pages)
        return self.memory.version_pages[entry.doc_id][1]

    def _render_pages(self, entry: SourceEntry, anchors: DocumentAnchors | None) -> DocumentPages:
        versions = self.versions(entry)
        versioned = len(versions) > 1
        citations = self._citations(entry.doc_id, versions, has_version_pages=versioned)
        pages = document_pages(
            entry.doc_id,
            versions,
            anchors=anchors,
            directory_urls=self.settings.use_directory_urls,
            cite_url=citations.get,
            build_date=self.settings.build_date,
        )
        pages.citations = citations
        return pages

    def _site_index(self, documents: list[DocumentBuild]) -> tuple[SiteIndex, str]:
        """The index, rebuilt only when a document or a data file changed.

        Kept in memory for `mkdocs serve` and on disk between builds, as Sphinx keeps its
        environment: the documents themselves are not stored twice but put back.
        """
        settings = self.settings
        conversions = self.memory.conversions
        inputs = [
            conversions.fingerprint(next(v for v in d.entry.versions if v.display == shown))
            for d in documents
            for shown in [current_version(d.versions).display]
        ]
        options = (
            repr(list(settings.documents)),
            str(settings.related_limit),
            str(settings.legislation_links),
        )
        data_files = (file_bytes(settings.documents_file), file_bytes(settings.glossary_file))
        key = cache_key("site-index", *inputs, *data_files, *options)
        memory = self.memory
        if key not in memory.site_index:
            previous = next(iter(memory.site_index.values()), None)  # serve, after an edit
            memory.site_index.clear()
            memory.index_saved.clear()
            current = [d.document for d in documents]
            index = loaded = self.disk.get(key)
            if isinstance(index, SiteIndex):
                index.documents = {document.doc_id: document for document in current}
            else:
                index = build_site_index(
                    current,
                    registry_path=settings.documents_file,
                    registry_extra=list(settings.documents),
                    glossary_path=settings.glossary_file,
                    related_limit=settings.related_limit,
                    legislation_links=settings.legislation_links,
                    previous=previous,
                )
            memory.site_index[key] = index
            # How many texts the stored copy holds: none if it was just built, so it is
            # saved after the build, with the texts the pages added.
            memory.index_saved[key] = index.texts_read() if isinstance(loaded, SiteIndex) else -1
        return memory.site_index[key], key

    def ready_for_edits(self) -> None:
        """Under `mkdocs serve`, once the first build is served: what the first edit needs
        that a build reading the site index from the disk cache did not make (the related
        clauses' memory, index/site_index.py `remember_related`)."""
        for index in self.memory.site_index.values():
            remember_related(index, self.settings.related_limit)


def _registry_warnings(built: DocumentBuild, registry: dict) -> list[BuildWarning]:
    """The current version's recorded ids the converter no longer gives (anchors.json)."""
    doc_id = built.entry.doc_id
    current = current_version(built.versions)
    anchors = [clause.anchor for clause, *_ in iter_clauses(current.document.blocks)]
    return [
        BuildWarning(line, "anchors", document=doc_id)
        for line in unrecorded_now(doc_id, registry.get(doc_id), current.label, anchors)
    ]


def _converter_warnings(built: DocumentBuild) -> list[BuildWarning]:
    doc_id = built.entry.doc_id
    found = [
        BuildWarning(
            warning.format(version.document.path),
            warning.code,
            REPAIR_KINDS.get(warning.code, "warning"),
            doc_id,
        )
        for version in built.versions
        for warning in version.document.warnings  # capped where shown: report.capped
    ]
    return found + [
        BuildWarning(info.format(version.document.path), info.code, "info", doc_id)
        for version in built.versions
        for info in drop_summary(version.document)
    ]


def _proofs(built: DocumentBuild) -> dict[str, tuple[SourceVersion, Document]]:
    """Each page that shows a version's text, with the source it must show word for word."""
    by_display = {version.display: version for version in built.entry.versions}
    current = current_version(built.versions)
    proofs = {document_path(built.entry.doc_id): (by_display[current.display], current.document)}
    if built.pages.versioned:
        for shown in built.pages.versions:
            path = version_path(built.entry.doc_id, shown)
            proofs[path] = (by_display[shown.display], shown.document)
    return proofs


def file_bytes(path: Path) -> bytes:
    """A data file's bytes, or none when it does not exist: part of what a cache key hashes.
    One past `data_file_bytes` is not read (its loader refuses it in one line)."""
    try:
        return read_within(path, "data_file_bytes")
    except OSError:
        return b""
    except LimitError:
        return b"\0past data_file_bytes"
