"""The MkDocs adapter: a thin layer over the core package.

It converts sources/ into in-memory pages (never writing into docs/, which would make
`mkdocs serve` loop), registers the clausemark Markdown extension, watches sources/
under `mkdocs serve`, and logs the converter's warnings so that `--strict` fails on them.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section

from .anchor_registry import (
    AnchorRegistryError,
    check_document,
    corrected_anchors,
    load_registry,
)
from .atomic import write_atomically
from .cite_urls import cite_url, cited_pages
from .diff_pages import (
    DocumentPages,
    corrected_landings,
    document_pages,
    moves_script,
    review_page_markdown,
    review_path,
    version_path,
)
from .directory import DirectoryEntry, directory_entry, directory_markdown
from .disk_cache import DiskCache, cache_key
from .escaping import html_text
from .fidelity import added_words, lost_words
from .generated_pages import code_hub_markdown, glossary_markdown, site_data
from .glossary import GlossaryError, load_glossary
from .library import ConversionCache, discover
from .linkcheck import check_site, format_findings
from .markdown_writer import render_document
from .metadata import constitution_part, part_heading
from .model import iter_clauses
from .page_context import document_contexts, reference_targets
from .page_links import PageLinker
from .search_index import build_search_index
from .site_index import ConfigError, SiteIndex, build_site_index, nav_title, part_order
from .site_index import load_registry as load_documents
from .sources import SourceError
from .urls import search_location
from .versions import current_version, order_versions

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
# MkDocs creates the plugin afresh on every `mkdocs serve` rebuild; module-level caches
# are what let an edit to one source re-convert only that source.
_CONVERSIONS = ConversionCache()
_VERSION_PAGES: dict[str, tuple[str, object]] = {}  # doc id -> (key, its pages)
_SITE_INDEX: dict[str, object] = {}
_INDEX_SAVED: dict[str, int] = {}
_FIDELITY: dict[str, list[str]] = {}

# Site indexes kept on disk: the current one and the one before (a branch switched back).
INDEXES_KEPT = 2

PACKAGE_ASSETS = (
    "clausemark.css",
    "clausemark.js",
    "clausemark-anchors.js",
    "material-inline.js",  # the theme's inline scripts, which the CSP forbids inline
)
SEARCH_WORKER = "clausemark-search-worker.js"
SEARCH_LIBRARY = ASSETS / "vendor" / "lunr.min.js"


class _Page(File):
    """A generated page that a dirty build may skip when nothing it shows has changed."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


class ClausemarkConfig(base.Config):
    sources_dir = c.Type(str, default="sources")
    documents_file = c.Type(str, default="sources/documents.yml")
    glossary_file = c.Type(str, default="sources/glossary.yml")
    documents = c.ListOfItems(c.Type(dict), default=[])
    related_limit = c.Type(int, default=3)
    allow_warnings = c.ListOfItems(c.Type(str), default=[])
    # What the constitution calls each Part, for menus and the home page: {"Part 5": "..."}
    part_names = c.Type(dict, default={})
    # Converted documents kept between builds (relative to mkdocs.yml); "" keeps none.
    cache_dir = c.Type(str, default=".cache/clausemark")
    # Clause search: Material's search box answered by clausemark's worker and index.
    search = c.Type(bool, default=True)


class ClausemarkPlugin(BasePlugin[ClausemarkConfig]):
    def __init__(self):
        self.cache = _CONVERSIONS
        self.documents = []
        self.index = None
        self.linker = _Linker()
        self.dirty = False
        self.serving = False
        self.signatures: dict[str, str] = {}
        self.pending_signatures: dict[str, str] = {}

    def on_startup(self, *, command, dirty):
        """Also keeps this plugin object across `mkdocs serve` rebuilds (MkDocs 1.4+)."""
        self.dirty = dirty
        self.serving = command == "serve"

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        self.sources_dir = (root / self.config.sources_dir).resolve()
        self.documents_file = root / self.config.documents_file
        self.glossary_file = root / self.config.glossary_file
        self.cache.disk = DiskCache(root / self.config.cache_dir if self.config.cache_dir else None)
        config.mdx_configs.setdefault("clausemark", {})["linker"] = self.linker
        for name in ("attr_list", "footnotes", "md_in_html", "toc"):
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        if "clausemark" not in config.markdown_extensions:
            config.markdown_extensions.append("clausemark")
        # `mkdocs serve` reloads pages with an inline script, which the CSP would refuse:
        # the preview goes without it (main.html), every built site and bundle has it.
        config.extra["clausemark_preview"] = self.serving
        config.extra_css.append("assets/clausemark/clausemark.css")
        config.extra_javascript.append("assets/clausemark/clausemark.js")
        config.extra_javascript.append("assets/clausemark/clausemark-anchors.js")
        return config

    def on_files(self, files: Files, config) -> Files:
        self.documents = []
        self.version_documents = {}  # a version's page -> the version it shows
        self.index_inputs = []
        self.pending_fidelity = {}
        self.cite_pages: dict[str, str] = {}  # a document page -> the version page it cites
        self.directory: list[DirectoryEntry] = []  # the home page's list of documents
        for name in PACKAGE_ASSETS:
            files.append(
                File.generated(config, f"assets/clausemark/{name}", abs_src_path=str(ASSETS / name))
            )
        # A polyfill the pages load from clausemark's assets (the offline bundle's shim) is
        # part of the site, so the build's own link check finds it where the pages look.
        for path in config.extra.get("polyfills") or ():
            source = ASSETS / str(path).removeprefix("assets/clausemark/")
            if str(path).startswith("assets/clausemark/") and source.is_file():
                files.append(File.generated(config, str(path), abs_src_path=str(source)))
        self.clause_search = self.config.search and _use_clause_search_worker(files, config)
        try:
            registry = load_registry(self.sources_dir / "anchors.json")
        except AnchorRegistryError as error:
            raise PluginError(str(error)) from None
        reviews: dict[str, list] = {}
        try:
            entries = discover(self.sources_dir)
        except SourceError as error:
            raise PluginError(str(error)) from None
        for entry in entries:
            try:
                if len(entry.versions) > 1:
                    pages = self._version_pages(entry, config.use_directory_urls)
                    versions = pages.versions
                else:
                    pages, versions = None, self._versions(entry)
            except SourceError as error:
                raise PluginError(str(error)) from None
            document = current_version(versions).document
            self.documents.append(document)
            shown = current_version(versions).display
            current = next(v for v in entry.versions if v.display == shown)
            self.pending_fidelity[f"{entry.doc_id}.md"] = (current, document)
            self.index_inputs.append(self.cache.fingerprint(current))
            for version in versions:
                for warning in version.document.warnings:
                    self._report(warning.format(version.document.path), warning.code)
            anchors = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
            current_label = current_version(versions).label
            problems = check_document(
                entry.doc_id, registry.get(entry.doc_id), current_label, anchors
            )
            if problems:
                raise PluginError(problems[0])
            content = render_document(document) if pages is None else pages.current
            corrected = corrected_anchors(registry.get(entry.doc_id), current_label, anchors)
            if corrected and pages is None:
                content = f"{content.rstrip()}\n\n{moves_script(corrected_landings(corrected))}\n"
            self.cite_pages.update(cited_pages(entry.doc_id, versions, pages is not None))
            self.directory.append(directory_entry(entry.doc_id, document, pages))
            if pages is not None:
                self.version_documents.update(pages.version_pages(entry.doc_id))
                by_display = {v.display: v for v in entry.versions}
                for shown_version in pages.versions:  # each version's page is proved too
                    path = version_path(entry.doc_id, shown_version)
                    source = by_display[shown_version.display]
                    self.pending_fidelity[path] = (source, shown_version.document)
                for path, markdown in pages.pages.items():
                    files.append(_Page.generated(config, path, content=markdown))
                for pair in pages.pairs:
                    if pair.new.year:
                        reviews.setdefault(pair.new.year, []).append((pair, entry))
            files.append(_Page.generated(config, f"{entry.doc_id}.md", content=content))
        for year, pairs in sorted(reviews.items()):
            content = self._review_page(year, pairs)
            files.append(_Page.generated(config, review_path(year), content=content))
        try:
            self.index = self._site_index()
        except (ConfigError, GlossaryError) as error:
            raise PluginError(str(error)) from None
        self.linker.use(PageLinker(self.index, self.version_documents))
        files.append(_Page.generated(config, "glossary.md", content=glossary_markdown(self.index)))
        for code_id in self.index.codes:
            content = code_hub_markdown(self.index, code_id)
            files.append(_Page.generated(config, self.index.pages[code_id], content=content))
        files = self._home_page(files, config)
        if self.dirty:
            self._skip_unchanged_pages(files, config)
        self.files = files
        return files

    def _home_page(self, files: Files, config) -> Files:
        """docs/index.md (or a title) followed by the directory of every document, as one
        generated page, so that a dirty build rebuilds it whenever the directory changes."""
        for item in self.directory:
            item.title = nav_title(item.document, self.documents)
        home = files.get_file_from_path("index.md")
        intro = home.content_string if home is not None else f"# {config.site_name}\n"
        if home is not None:
            files.remove(home)
        listing = directory_markdown(
            self.directory,
            config.extra.get("build_date"),
            config.extra.get("council"),
            self.config.part_names,
        )
        content = intro.rstrip() + "\n\n" + listing
        files.append(_Page.generated(config, "index.md", content=content))
        return files

    def _skip_unchanged_pages(self, files: Files, config) -> None:
        """Under --dirty, leave alone every page whose Markdown and links are as last built.

        A page's signature hashes its Markdown, what its links print (page_context), and
        what every page shares: the menu (titles, Parts, pages), the settings and data
        files, and every clause and section number a reference anywhere could resolve
        to (so renumbering rebuilds every page; a change of wording does not).
        """
        pages = [f for f in files if isinstance(f, _Page) and f.src_uri.endswith(".md")]
        menu = [
            (d.doc_id, nav_title(d, self.documents), constitution_part(d.metadata.label))
            for d in self.documents
        ]
        shared = cache_key(
            "shared",
            _content(Path(config.config_file_path or "")),
            _content(self.documents_file),
            _content(self.glossary_file),
            repr(menu),
            repr(sorted(page.src_uri for page in pages)),
            reference_targets(self.index),
        )
        contexts = document_contexts(self.index)
        documents = {f"{d.doc_id}.md": d.doc_id for d in self.documents}
        last = self.last_signatures
        self.pending_signatures = {}
        for page in pages:
            context = contexts.get(documents.get(page.src_uri, ""), "")
            signature = cache_key("page", shared, page.content_string, context)
            self.pending_signatures[page.src_uri] = signature
            page.unchanged = (
                last.get(page.src_uri) == signature and Path(page.abs_dest_path).is_file()
            )

    @staticmethod
    def _signatures_key(config) -> str:
        return cache_key("page-signatures", str(Path(config.site_dir).resolve()))

    def _versions(self, entry) -> list:
        loaded = [
            (self.cache.load(v, entry.doc_id, check_fidelity=False), v.display, v.path.stem)
            for v in entry.versions
        ]
        return order_versions(loaded)

    def _version_pages(self, entry, use_directory_urls: bool):
        """Version and diff pages depend on the document's sources alone: made once, and
        kept with the versions' documents, so a warm build converts none of them."""
        inputs = [self.cache.fingerprint(version) for version in entry.versions]
        key = cache_key("version-pages", entry.doc_id, str(use_directory_urls), *inputs)
        known = _VERSION_PAGES.get(entry.doc_id)
        if known is None or known[0] != key:
            pages = self.cache.disk.get(key)
            if not isinstance(pages, DocumentPages):
                pages = document_pages(entry.doc_id, self._versions(entry), use_directory_urls)
                self.cache.disk.put(key, pages)
            _VERSION_PAGES[entry.doc_id] = (key, pages)
        return _VERSION_PAGES[entry.doc_id][1]

    def _review_page(self, year: str, pairs: list) -> str:
        """A year's review is made of its documents' diffs alone: made once per content."""
        inputs = [self.cache.fingerprint(v) for _pair, entry in pairs for v in entry.versions]
        key = cache_key("review-page", year, *inputs)
        content = self.cache.disk.get(key)
        if not isinstance(content, str):
            content = review_page_markdown(year, [pair for pair, _entry in pairs])
            self.cache.disk.put(key, content)
        return content

    def _site_index(self):
        """The index, rebuilt only when a document or a data file changed.

        Kept in memory for `mkdocs serve` and on disk between builds, as Sphinx keeps its
        environment: the documents themselves are not stored twice but put back.
        """
        settings = (repr(self.config.documents), str(self.config.related_limit))
        data_files = (_content(self.documents_file), _content(self.glossary_file))
        key = cache_key("site-index", *self.index_inputs, *data_files, *settings)
        if key not in _SITE_INDEX:
            _SITE_INDEX.clear()
            _INDEX_SAVED.clear()
            index = loaded = self.cache.disk.get(key)
            if isinstance(index, SiteIndex):
                index.documents = {document.doc_id: document for document in self.documents}
            else:
                index = build_site_index(
                    self.documents,
                    registry_path=self.documents_file,
                    registry_extra=self.config.documents,
                    glossary_path=self.glossary_file,
                    related_limit=self.config.related_limit,
                )
            _SITE_INDEX[key] = index
            # How many texts the stored copy holds: none if it was just built, so it is
            # saved after the build, with the texts the pages added.
            _INDEX_SAVED[key] = index.texts_read() if isinstance(loaded, SiteIndex) else -1
        self.index_key = key
        return _SITE_INDEX[key]

    def _keep_index(self) -> None:
        """The pages' own texts (split by inline markup) are read once, then kept too."""
        if self.index.texts_read() > _INDEX_SAVED.get(self.index_key, -1):
            self.cache.disk.put(
                self.index_key, replace(self.index, documents={}), keep=INDEXES_KEPT
            )
            _INDEX_SAVED[self.index_key] = self.index.texts_read()

    def on_nav(self, nav, config, files):
        """Group documents by Part of the constitution; versions and diffs stay off the menu."""
        if self.dirty:  # a page --dirty leaves alone is never read: its menu title is None
            for page in nav.pages:
                if page.markdown is None:
                    page.read_source(config)
        if self.index is None or config.nav:
            return nav
        by_path = {page.file.src_uri: page for page in nav.pages}
        items = [by_path["index.md"]] if "index.md" in by_path else []
        groups: dict[str, list] = {}
        for document in self.documents:
            page = by_path.get(f"{document.doc_id}.md")
            if page is not None:
                page.title = html_text(nav_title(document, self.documents))  # read as HTML
                groups.setdefault(constitution_part(document.metadata.label), []).append(page)
        for name in sorted(groups, key=part_order):
            items.append(_section(part_heading(name, self.config.part_names), groups[name]))
        codes = [by_path[p] for code, p in self.index.pages.items() if code in self.index.codes]
        if codes:
            items.append(_section("Codes of Conduct", [c for c in codes if c]))
        if "glossary.md" in by_path:
            items.append(by_path["glossary.md"])
        reviews = sorted(
            (page for uri, page in by_path.items() if uri.startswith("reviews/")),
            key=lambda page: page.file.src_uri,
            reverse=True,
        )
        if reviews:
            items.append(_section("Annual reviews", reviews))
        nav.items = items
        nav.pages = list(_pages(items))
        for position, page in enumerate(nav.pages):
            page.previous_page = nav.pages[position - 1] if position else None
            page.next_page = nav.pages[position + 1] if position + 1 < len(nav.pages) else None
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        """A citation names the cited version's own page, at the site's public address."""
        facts = page.meta.get("clausemark")
        cited = self.cite_pages.get(page.file.src_uri)
        if isinstance(facts, dict) and cited:
            facts["cite_url"] = cite_url(config, page.file.src_uri, cited)
        return markdown

    def on_page_content(self, html, page, config, files):
        """Prove on the built page that every word of the source reached it."""
        if self.dirty:  # the ids a rebuilt page still has, for the search index
            self.built_pages[search_location(page.url)] = set(_ID.findall(html))
        pending = self.pending_fidelity.pop(page.file.src_uri, None)
        if pending is not None:
            version, document = pending
            lost, added = self._page_words(version, document, html)
            for problem in lost:
                self._report(f"{version.display}: conversion lost text: {problem}", "lost-words")
            for problem in added:
                self._report(f"{version.display}: the page adds words: {problem}", "added-words")
        return html

    def on_pre_build(self, config):
        self._check_inputs()
        self.built_pages: dict[str, set[str]] = {}  # url -> the ids on the page
        self.search_before = _read_json(_search_index(config)) if self.dirty else None
        # The signatures describe the pages on disk only until this build writes one:
        # taken now and dropped, they come back in on_post_build, after the last page.
        # A build killed in between leaves none, and the next one rebuilds every page.
        key = self._signatures_key(config)
        stored = self.cache.disk.get(key) if self.dirty and not self.signatures else None
        self.last_signatures = self.signatures or (stored if isinstance(stored, dict) else {})
        self.signatures = {}
        self.cache.disk.forget(key)

    def _check_inputs(self) -> None:
        """Read every source and data file before MkDocs empties site/ (it does so right
        after this event): a bad file then fails the build with the last site intact.
        What is read here is kept, so on_files reads nothing twice."""
        try:
            load_registry(self.sources_dir / "anchors.json")
            for entry in discover(self.sources_dir):
                for version in entry.versions:
                    self.cache.load(version, entry.doc_id, check_fidelity=False)
            if self.glossary_file.is_file():
                load_glossary(self.glossary_file)
            load_documents(self.documents_file, self.config.documents)
        except (SourceError, ConfigError, GlossaryError, AnchorRegistryError) as error:
            raise PluginError(str(error)) from None

    def _merge_search_index(self, config) -> None:
        after = _read_json(_search_index(config))
        if after is not None:
            pages = {search_location(file.url) for file in self.files.documentation_pages()}
            merged = merge_search_index(self.search_before, after, self.built_pages, pages)
            text = json.dumps(merged, ensure_ascii=False, separators=(",", ":"))
            write_atomically(_search_index(config), text)

    def _page_words(self, version, document, html: str) -> tuple[list[str], list[str]]:
        """Nothing lost, nothing added: the same source and the same page give the same
        proof, so it is made once, then kept."""
        inputs = [version.path, version.sidecar] if version.sidecar else [version.path]
        key = cache_key("page-words-both", str(version.path), *map(_content, inputs), html)
        if key not in _FIDELITY:
            if len(_FIDELITY) > 1000:
                _FIDELITY.clear()
            found = self.cache.disk.get(key)
            if not isinstance(found, tuple):
                source = self.cache.source(version)
                found = (
                    lost_words(source, document, html),
                    added_words(source, document, html),
                )
                self.cache.disk.put(key, found)
            _FIDELITY[key] = found
        return _FIDELITY[key]

    def on_post_build(self, config):
        if self.index is None:
            return
        self._keep_index()
        if self.dirty:
            self._merge_search_index(config)
        for problem in self.index.problems():
            where = f"{problem.source_document}#{problem.source_anchor}"
            self._report(f"{where}: {problem.status} reference '{problem.text}': {problem.message}")
        for problem in self.linker.problems():
            self._report(f"{problem.document}#{problem.anchor}: {problem.message}")
        for message in self.index.config_warnings:
            self._report(message, "unsafe-link")
        target = Path(config.site_dir) / "clausemark-index.json"
        write_atomically(target, self._site_data_json())
        if self.clause_search:
            self._write_search_index(config)
        for line in format_findings(check_site(config.site_dir)):  # a citation must land
            self._report(f"broken link: {line}", "broken-link")
        if self.dirty:  # only now is every page written that the signatures describe
            self.signatures = self.pending_signatures
            self.cache.disk.put(self._signatures_key(config), self.signatures)

    def _write_search_index(self, config) -> None:
        """Clause entries from the model replace Material's for the documents' pages."""
        material = _read_json(_search_index(config))
        if material is None:
            return
        page_urls = {}
        for document in self.documents:
            file = self.files.get_file_from_path(self.index.pages.get(document.doc_id, ""))
            if file is not None:
                page_urls[document.doc_id] = search_location(file.url)
        toc = config.mdx_configs.get("toc", {})
        mark = toc.get("permalink") if isinstance(toc.get("permalink"), str) else ""
        index = build_search_index(self.documents, page_urls, self.index.terms, material, mark)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        write_atomically(_search_index(config), text)

    def _site_data_json(self) -> str:
        """The machine-readable index says what the site index holds: made once per index."""
        key = cache_key("site-data", self.index_key)
        text = self.cache.disk.get(key)
        if not isinstance(text, str):
            # Compact: only the C encoder is fast, and it does not indent.
            text = json.dumps(site_data(self.index), ensure_ascii=False, separators=(",", ":"))
            self.cache.disk.put(key, text, keep=INDEXES_KEPT)
        return text

    def _report(self, message: str, code: str = "reference") -> None:
        """Known gaps in the sources are allow-listed in mkdocs.yml; anything new warns."""
        lowered = message.lower()
        if any(allowed.lower() in lowered for allowed in self.config.allow_warnings):
            log.info(message)
        else:
            log.warning(message)

    def on_serve(self, server, config, builder):
        server.watch(str(self.sources_dir))
        return server


class _Linker:
    """Handed to the Markdown extension in on_config; the index arrives in on_files."""

    def __init__(self):
        self._linker: PageLinker | None = None

    def use(self, linker: PageLinker) -> None:
        self._linker = linker

    def problems(self):
        return self._linker.problems if self._linker else []

    def __call__(self, root, md=None):
        if self._linker is not None:
            self._linker(root, md)


def merge_search_index(
    before: dict | None, after: dict, built: dict[str, set[str]], pages: set[str]
) -> dict:
    """The search index of a dirty build: the entries for the pages just built (and, of
    those, only sections whose ids the page still has), and the earlier build's entries
    for every other page that still exists. `built` maps each page built to its ids.

    (Material keeps only one rebuilt page's entries up to date, and only in one `serve`.)
    """

    def page_of(entry: dict) -> str:
        return search_location(str(entry.get("location", "")).split("#", 1)[0])

    def current(entry: dict) -> bool:
        location = str(entry.get("location", ""))
        return "#" not in location or location.split("#", 1)[1] in built[page_of(entry)]

    kept = [e for e in (before or {}).get("docs", []) if page_of(e) not in built]
    fresh = [e for e in after.get("docs", []) if page_of(e) in built and current(e)]
    entries = {e.get("location"): e for e in kept + fresh if page_of(e) in pages}
    return {**after, "docs": list(entries.values())}


_ID = re.compile(r'\bid="([^"]+)"')


def _use_clause_search_worker(files: Files, config) -> bool:
    """Material's search page script runs whichever worker its theme ships; serve
    clausemark's (vendored lunr + clausemark-search-worker.js) under that name.
    False when the theme has no such worker (not Material, or its search is off)."""
    workers = [
        f
        for f in files
        if re.fullmatch(r"assets/javascripts/workers/search\.[\w.]+\.js(\.map)?", f.src_uri)
    ]
    if not workers:
        return False
    if not SEARCH_LIBRARY.is_file():
        raise PluginError(f"{SEARCH_LIBRARY} is missing; run scripts/setup.sh to vendor it")
    content = "\n".join(
        path.read_text(encoding="utf-8") for path in (SEARCH_LIBRARY, ASSETS / SEARCH_WORKER)
    )
    for worker in workers:
        files.remove(worker)
        if not worker.src_uri.endswith(".map"):
            files.append(File.generated(config, worker.src_uri, content=content))
    return True


def _search_index(config) -> Path:
    return Path(config.site_dir) / "search" / "search_index.json"


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _content(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _section(title: str, children: list):
    section = Section(html_text(title), children)
    for child in children:
        child.parent = section
    return section


def _pages(items):
    for item in items:
        if isinstance(item, Section):
            yield from _pages(item.children)
        else:
            yield item
