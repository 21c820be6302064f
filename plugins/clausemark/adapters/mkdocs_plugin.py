"""The MkDocs adapter: hands MkDocs what the site builder made, and nothing more.

The build itself (discovery, conversion, versions, the site index, every generated page,
the menu) is `site_builder`, which imports no MkDocs. Each event handler below turns
MkDocs' objects into the builder's plain settings, or the builder's pages, menu and
warnings into MkDocs' files, navigation and log. Handlers run at MkDocs' default
priority, but post_build: its outputs run before the search plugin's, so that the search
index is made once, in memory, and written once (by the search plugin, with clausemark's
content), and its swap after every plugin's; the order of events is MkDocs' own:

    startup -> config (a fresh folder to build in) -> pre_build (check inputs)
    -> files (build) -> nav (menu) -> page_markdown (the page to link)
    -> page_content (proof) -> post_build (outputs; last
    of all, the finished site swapped in) -> build_error / shutdown (the fresh folder
    discarded)

A build writes into a fresh folder beside site/ and swaps it in only when it succeeded,
`--strict` included (support/site_folder.py), so a failed, killed or aborted build leaves
the last good site whole. `mkdocs serve` (its own temporary folder) and `--dirty` (which
updates the site in place) build where MkDocs says.

Pages are generated in memory, never written into docs/ (which would make `mkdocs serve`
loop), and the converter's warnings are logged through the plugin logger so that
`--strict` fails on them.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from ..pages.build_report import build_report_body
from ..site_builder import (
    BuildError,
    BuildMemory,
    BuildWarning,
    SiteBuild,
    SiteBuilder,
)
from ..site_builder.linkcheck import CheckMemory, check_site, format_findings
from ..site_builder.menu import MenuPage, MenuSection, site_menu
from ..site_builder.outputs import (
    DirtyPages,
    build_problems,
    clause_search_index,
    keep_index,
    search_index_text,
    write_site_data,
    written_search_index,
)
from ..site_builder.proofs import prove_page
from ..site_builder.report import build_report, capped, is_allowed
from ..site_builder.signatures import PageSignatures, page_signatures, resolution_inputs
from ..support import site_folder
from ..support.package_files import (
    ASSETS_DIR,
    PACKAGE_ASSETS,
    content_version,
    loads_assets_by_plain_name,
)
from ..support.urls import BUILD_REPORT_PAGE, SiteFiles, page_url, search_location
from ..support.yaml_data import DataError
from .bundle import WORKER_SOURCE_SITE_PATH, worker_source_script
from .heap import Heap
from .mkdocs_config import (
    ASSET_URLS,
    LUNR,  # noqa: F401 (the search tests' name for it)
    ClausemarkConfig,
    asset_urls,
    clause_search_worker,
    site_name_as_html,
    site_settings,
)
from .rendered_pages import RenderedPages, render_surroundings
from .serve_memory import OldSites, PageOutputs, SearchEntries

log = get_plugin_logger(__name__)

ASSETS = ASSETS_DIR
_WORKER = re.compile(r"assets/javascripts/workers/search\.[\w.]+\.js(\.map)?")


class _Page(File):
    """A generated page that a dirty build may skip when nothing it shows has changed,
    or a page of docs/ that it must build again (`rebuild`)."""

    unchanged = False
    rebuild = False

    def is_modified(self) -> bool:
        return self.rebuild or (not self.unchanged and super().is_modified())

    @classmethod
    def rebuilt(cls, file: File) -> _Page:
        """`file` (a page of docs/), built again even when older than its output."""
        page = cls(
            file.src_uri,
            file.src_dir,
            file.dest_dir,
            file.use_directory_urls,
            dest_uri=file.dest_uri,
            inclusion=file.inclusion,
        )
        page.rebuild = True
        return page


class ClausemarkPlugin(BasePlugin[ClausemarkConfig]):
    def __init__(self) -> None:
        # Kept across `mkdocs serve` rebuilds (on_startup below keeps this object), so an
        # edit to one source re-converts only that source.
        self.memory = BuildMemory()
        self.linker = _Linker()
        self.build: SiteBuild | None = None
        self.dirty = False
        self.serving = False
        self.signatures = PageSignatures()
        self.link_memory: CheckMemory | None = None
        # Each page's render, reused while nothing it was made from changed (on disk
        # between builds, in memory too under `mkdocs serve`: rendered_pages.py); and under
        # `mkdocs serve` the search entries of pages an edit did not change (serve_memory.py).
        self.rendered: RenderedPages | None = None
        self.outputs: PageOutputs | None = None  # and each page's output of the theme
        self.served_before = False  # a serving plugin's later builds say what they reused
        self.old_sites = OldSites()  # the served folder's last build, deleted aside
        self.search_entries = SearchEntries()
        # (the site's folder, the fresh one this build writes) while a build is swapping
        self.building_into: tuple[Path, Path] | None = None
        self.allowed = 0  # warnings allow_warnings accepted in this build: counted, not listed
        self.heap = Heap()  # the build's model kept out of the collector's walks (heap.py)
        self.clause_pages: set[str | None] = set()

    def on_startup(self, *, command, dirty) -> None:
        """Defined so that MkDocs (1.4+) keeps this plugin object across `serve` rebuilds."""
        self.dirty = dirty
        self.serving = command == "serve"
        self.rendered = None if dirty else RenderedPages(in_memory=self.serving)
        self.outputs = PageOutputs() if self.serving and not dirty else None
        self.link_memory = CheckMemory() if self.serving else None

    def on_config(self, config):
        """Register the Markdown extension (handed the linker) and the site's assets."""
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.sources_dir = root / self.config.sources_dir
        config.mdx_configs.setdefault("clausemark", {})["linker"] = self.linker
        site_name_as_html(config)
        for name in ("attr_list", "footnotes", "md_in_html", "toc", "clausemark"):
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        # the footer's link to the build report (overrides/partials/copyright.html)
        report = (
            page_url(BUILD_REPORT_PAGE, config.use_directory_urls)
            if self.config.build_report
            else None
        )
        config.extra["clausemark_build_report"] = report
        assets = config.extra[ASSET_URLS] = asset_urls()  # each by its content's version
        config.extra_css.append(assets["clausemark.css"])
        config.extra_javascript.append(assets["clausemark.js"])
        config.extra_javascript.append(assets["clausemark-anchors.js"])
        self._build_into_a_fresh_folder(config)
        _search_context_by_need(config.plugins, self._has_clause_entries)
        return config

    def _build_into_a_fresh_folder(self, config) -> None:
        """Point MkDocs at a fresh folder beside the site; `_publish` swaps it in."""
        self._discard(config)  # one left by a build that ended without an event
        if self.serving or self.dirty:
            return
        final = site_folder.target(config.site_dir)
        try:
            partial = site_folder.begin(final)
        except OSError as error:  # no room beside the site (a read-only parent): in place
            log.warning(
                f"cannot build beside {final} ({error.strerror or error}); building in place, "
                "so a failed build leaves the site incomplete"
            )
            return
        self.building_into = (final, partial)
        config.site_dir = str(partial)

    def _site_dir(self, config) -> Path:
        """The site's own folder (the fresh one is only where this build writes)."""
        return self.building_into[0] if self.building_into else Path(config.site_dir)

    def on_pre_build(self, config) -> None:
        """Read every input before MkDocs empties site/ (right after this event), so a bad
        file fails the build with the last site intact; then set the dirty build's state."""
        self.builder = SiteBuilder(site_settings(self.config, config), self.memory)
        self.allowed = 0
        self.page_warnings: list[BuildWarning] = []  # found while the pages are written
        self._report(_old_overrides(config))
        try:
            self.builder.check_inputs()
        except BuildError as error:
            raise PluginError(str(error)) from None
        self.heap.freeze()  # the converted documents
        site_dir = self._site_dir(config)
        self.built_ids: dict[str, set[str]] = {}  # url -> the ids on the page
        self.search_written: list[dict] | None = None  # the entries this build writes
        self.signatures.begin(self.builder.disk, site_dir, self.dirty)
        search = _material_search(config) if self.serving else None
        if search is not None:
            self.search_entries.wrap(search.search_index)
        if self.outputs is not None:  # serving, not --dirty: MkDocs empties the folder next
            self.old_sites.set_aside(site_dir)

    def on_files(self, files: Files, config) -> Files:
        """Build the site, then add its pages and clausemark's assets to MkDocs' files."""
        for name in PACKAGE_ASSETS:
            path = f"assets/clausemark/{name}"
            files.append(File.generated(config, path, abs_src_path=str(ASSETS / name)))
        worker = _serve_clause_search_worker(files, config) if self.config.search else None
        self.clause_search = worker is not None
        _serve_polyfills(files, config, worker)
        try:
            self.build = build = self.builder.build()
        except BuildError as error:
            raise PluginError(str(error)) from None
        self.heap.freeze()
        self.clause_pages = self._clause_pages(build) if self.clause_search else set()
        self._report(build.warnings)
        self.linker.use(build.linker)
        for page in build.pages:
            written = files.get_file_from_path(page.path)  # docs/index.md opens the home page
            if written is not None:
                files.remove(written)
            files.append(_Page.generated(config, page.path, content=page.markdown))
        _hand_site_files(build, files)
        if self.dirty:
            self._skip_unchanged_pages(files)
        self.files = files
        return files

    def _skip_unchanged_pages(self, files: Files) -> None:
        """Under --dirty, leave alone every page whose signature is as last built. When
        the search entries the last build wrote are not known (no dirty build before this
        one, or one killed), a page of docs/ is built again too: MkDocs would leave it
        alone, and its entries come only from building it (never from the index on disk)."""
        assert self.build is not None
        unchanged = self.signatures.unchanged(self.build)
        entries_known = self.signatures.search is not None or not self.clause_search
        for file in list(files):
            if isinstance(file, _Page):
                if file.src_uri in unchanged:
                    file.unchanged = Path(file.abs_dest_path).is_file()
            elif not entries_known and file.is_documentation_page():
                files.remove(file)
                files.append(_Page.rebuilt(file))

    def on_nav(self, nav: Navigation, config, files) -> Navigation:
        """The builder's menu, unless mkdocs.yml gives a `nav` of its own."""
        if self.build is not None:  # every file is known now (a later plugin's too)
            _hand_site_files(self.build, files)
            self._begin_renders(self.build, config, files)
        if self.dirty:  # a page --dirty leaves alone is never read: its menu title is None
            for page in nav.pages:
                if page.markdown is None:
                    page.read_source(config)
        if self.build is None or config.nav:
            return nav
        by_path = {page.file.src_uri: page for page in nav.pages}
        for page in nav.pages:  # off the menu (versions, changes): no previous or next
            page.previous_page = page.next_page = None
        items = (_nav_item(item, by_path) for item in site_menu(self.build))
        nav.items = [item for item in items if item is not None]
        nav.pages = list(_pages(nav.items))
        for position, page in enumerate(nav.pages):
            page.previous_page = nav.pages[position - 1] if position else None
            page.next_page = nav.pages[position + 1] if position + 1 < len(nav.pages) else None
        return nav

    def _begin_renders(self, build: SiteBuild, config, files: Files) -> None:
        """Tell the kept renders what every page is rendered from (rendered_pages.py)."""
        if self.rendered is None:
            return
        self.rendered.begin(
            render_surroundings(config, files),
            page_signatures(build, targets=False),
            resolution_inputs(build.index),
            self.builder.disk,
            str(config.config_file_path),
        )

    def on_env(self, env, config, files):
        """Under `mkdocs serve`: a page whose template is handed what it was last time
        gets the output it got (serve_memory.PageOutputs)."""
        if self.outputs is not None:
            self.outputs.wrap(env, config)
        return env

    def on_pre_page(self, page: Page, config, files) -> Page:
        """A page whose render's inputs are all as before reuses its render (rendered_pages.py)."""
        if self.rendered is not None and self.build is not None:
            self.rendered.remember(page, self.build.linker)
        return page

    def on_page_markdown(self, markdown, page: Page, config, files):
        """Tell the linker which page is rendered next: it knows the page from the build.

        The build report, rendered after every other page (its file comes last), is made
        again with what writing them found: the linker's and the proofs' warnings."""
        self.linker.page = page.file.src_uri
        if self.build is None or page.file.src_uri != BUILD_REPORT_PAGE:
            return markdown
        return build_report_body(build_report(self.build, list(self.page_warnings)))

    def on_page_content(self, html, page: Page, config, files):
        """Prove on the built page that every word of the source reached it, and none was added."""
        if self.dirty and self.build is not None:  # for the search index: the ids the
            # rebuilt page has, from the model and the table of contents, not its HTML
            ids = self.build.page_anchors(page.file.src_uri) | set(_toc_ids(page.toc))
            self.built_ids[search_location(page.url)] = ids
        if self.build is not None:
            proved = prove_page(self.build, self.builder, page.file.src_uri, html)
            self.page_warnings += proved
            self._report(proved)
        return html

    @event_priority(50)  # before the search plugin writes its index (see the module doc)
    def _write_outputs(self, config) -> None:
        """Write the site index, hand the search plugin the clause search index to write,
        report problems, check every link."""
        build = self.build
        if build is None:
            return
        self.heap.freeze()  # the rendered pages: the outputs below make many objects
        site_dir = Path(config.site_dir)
        if not self.serving:  # `mkdocs serve` keeps its last index when it stops
            keep_index(build, self.builder)
        self._report(build_problems(build))
        write_site_data(build, self.builder, site_dir)
        if self.clause_search:
            self._hand_over_search_index(config, build)
        # a citation must land
        findings = format_findings(check_site(config.site_dir, memory=self.link_memory))
        self._report([BuildWarning(f"broken link: {line}", "broken-link") for line in findings])
        if self.dirty:  # only now is every page written that the signatures describe
            self.signatures.commit(self.builder.disk, site_dir, self.search_written)
        if self.rendered is not None and self.outputs is not None and self.served_before:
            log.info(
                f"rebuilt {len(self.rendered.rendered)} pages and the theme's output of "
                f"{len(self.outputs.templated)}; the rest as before, from memory"
            )
        self.served_before = self.rendered is not None
        if self.allowed:
            where = " (listed on the build report page)" if self.config.build_report else ""
            log.info(
                f"{self.allowed} known warning{'' if self.allowed == 1 else 's'} allowed "
                f"by allow_warnings in mkdocs.yml{where}"
            )

    def _hand_over_search_index(self, config, build: SiteBuild) -> None:
        """The clause search index from the model and the theme's in-memory entries for
        the other pages, given to the search plugin in place of its own (which it then
        writes, once). A dirty build keeps the earlier build's entries of pages it did
        not rebuild (the theme's memory has only the pages just built)."""
        search = _material_search(config)
        if search is None:
            return
        theme = {"config": _search_config(search), "docs": list(search.search_index.entries)}
        urls = self._page_urls(build)
        mark, disk = _permalink_mark(config), self.builder.disk
        try:
            if self.dirty:
                pages = {search_location(file.url) for file in self.files.documentation_pages()}
                before = self.signatures.search  # as the last build made them, in memory
                dirty = DirtyPages(
                    None if before is None else {"docs": before}, self.built_ids, pages
                )
                index, notes = clause_search_index(build, urls, theme, mark, dirty, disk=disk)
                text, entries = search_index_text(index), index["docs"]
                self.search_written = entries
            else:  # Material reads the entries back only under --dirty
                (text, notes), entries = written_search_index(build, urls, theme, mark, disk), []
        except DataError as error:  # a damaged data file of the index: one line
            raise PluginError(str(error)) from None
        self._report(notes)
        search.search_index = _ClauseSearchIndex(text, entries)

    @event_priority(-100)  # after every plugin's post_build: nothing more is written
    def _publish(self, config) -> None:
        """Swap the finished site in, unless `--strict` is about to abort the build (MkDocs
        checks its warning count after this event): then the last site stays."""
        self.heap.after_build(self.serving)
        if self.building_into is None:
            return
        final, partial = self.building_into
        if config.strict and _warnings_counted():
            self._discard(config)
            return
        site_folder.publish(partial, final)
        self.building_into = None
        config.site_dir = str(final)  # for what runs after the build (gh-deploy, bundle)

    on_post_build = CombinedEvent(_write_outputs, _publish)

    def on_build_error(self, error) -> None:
        """A failed build: its fresh folder goes, the last site stays as it was."""
        self._discard()
        self.heap.release()

    def on_shutdown(self) -> None:
        self._discard()  # interrupted (Ctrl-C) after the build began
        self.old_sites.finish()
        self.heap.release()
        if self.serving and self.build is not None:  # for the next build to start from
            keep_index(self.build, self.builder)

    def _discard(self, config=None) -> None:
        if self.building_into is None:
            return
        final, partial = self.building_into
        site_folder.discard(partial)
        self.building_into = None
        if config is not None:
            config.site_dir = str(final)

    def on_serve(self, server, config, builder):
        server.watch(str(self.sources_dir))
        _allow_live_reload(server)
        if self.build is not None:  # before the server waits for the first edit
            self.builder.ready_for_edits()
        return server

    def _clause_pages(self, build: SiteBuild) -> set[str | None]:
        """The pages whose search entries are made from the model (clause_search_index)."""
        return {build.index.pages.get(d.doc_id) for d in build.current_documents}

    def _has_clause_entries(self, page: Page) -> bool:
        """Whether the clause search index gives this page's entries (not the theme's)."""
        return page.file.src_uri in self.clause_pages

    def _page_urls(self, build: SiteBuild) -> dict[str, str]:
        urls = {}
        for document in build.current_documents:
            file = self.files.get_file_from_path(build.index.pages.get(document.doc_id, ""))
            if file is not None:
                urls[document.doc_id] = search_location(file.url)
        return urls

    def _report(self, warnings: list[BuildWarning]) -> None:
        """Known gaps in the sources are allow-listed in mkdocs.yml: counted, and said in
        one line at the end of the build; anything new warns."""
        allowed = tuple(self.config.allow_warnings)
        self.allowed += sum(
            1 for w in warnings if w.level != "info" and is_allowed(w.message, allowed)
        )
        for warning, accepted in capped(warnings, allowed):  # 300 missing clauses: 21 lines
            if warning.level == "info":  # told, never a failure
                log.info(warning.message)
            elif not accepted:
                log.warning(warning.message)


class _Linker:
    """Handed to the Markdown extension in on_config; the build's linker arrives in on_files,
    and the page being rendered in on_page_markdown (the build's own name for it)."""

    def __init__(self) -> None:
        self._linker = None
        self.page: str | None = None

    def use(self, linker) -> None:
        self._linker = linker

    def __call__(self, root, md=None) -> None:
        if self._linker is not None:
            self._linker(root, md, page=self.page)


_SCRIPT_SRC = re.compile(
    rb"(<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*?script-src 'self')"
)


def _allow_live_reload(server) -> None:
    """`mkdocs serve` writes its live-reload script inline into each page it serves; the
    page's policy (main.html) lets in that one script by its hash, and nothing else, so
    the preview runs under the policy the published site has."""
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:  # another MkDocs: the page then reloads by hand, under the policy
        return

    def injected(content: bytes, epoch: int) -> bytes:
        page = inject(content, epoch)
        start = page.rfind(b"<script>")
        end = page.find(b"</script>", start)
        if start < 0 or end < 0:
            return page
        script = page[start + len(b"<script>") : end]
        digest = base64.b64encode(hashlib.sha256(script).digest())
        return _SCRIPT_SRC.sub(rb"\1 'sha256-" + digest + b"'", page, count=1)

    server._inject_js_into_html = injected


def _warnings_counted() -> bool:
    """Whether MkDocs' strict-mode counter (on its 'mkdocs' logger) saw a warning."""
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def _old_overrides(config) -> list[BuildWarning]:
    """One warning naming the theme's override templates that load clausemark's files by
    their plain names (copied by an earlier `clausemark init`): their addresses carry no
    content version, so a browser may keep an earlier copy after an upgrade. The site's
    own templates are never rewritten: the maintainer copies overrides/ again."""
    custom = config.theme.custom_dir
    if not custom:
        return []
    root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    found = []
    for path in sorted(Path(custom).rglob("*.html")):
        if path.is_file() and loads_assets_by_plain_name(path.read_text("utf-8", "replace")):
            resolved = path.resolve()
            found.append(resolved.relative_to(root) if resolved.is_relative_to(root) else path)
    if not found:
        return []
    named = ", ".join(str(path.as_posix()) for path in found[:3])
    named += f" and {len(found) - 3} more" if len(found) > 3 else ""
    message = (
        f"{named}: {'loads' if len(found) == 1 else 'load'} clausemark's files by their plain "
        "name, not by their content's version (config.extra.clausemark_assets), so a browser "
        "may keep an earlier clausemark's copy after an upgrade (copied by an earlier "
        "`clausemark init`?); copy overrides/ again from a new `clausemark init`"
    )
    return [BuildWarning(message, "old-overrides")]


def _hand_site_files(build: SiteBuild, files: Files) -> None:
    """Tell the linker every file of the site and where it is written: a source's relative
    link leading to none is reported at its source line (page_links)."""
    build.linker.site_files = SiteFiles.of((file.src_uri, file.dest_uri) for file in files)


def _serve_clause_search_worker(files: Files, config) -> str | None:
    """Material's search page script runs whichever worker its theme ships; serve
    clausemark's (MkDocs' lunr.js + clausemark-search-worker.js) under that name: its
    text, or None when the theme has no such worker (not Material, or its search is off)."""
    workers = [f for f in files if _WORKER.fullmatch(f.src_uri)]
    if not workers:
        return None
    content = clause_search_worker()
    for worker in workers:
        files.remove(worker)
        if not worker.src_uri.endswith(".map"):
            files.append(File.generated(config, worker.src_uri, content=content))
    return content


def _serve_polyfills(files: Files, config, worker: str | None) -> None:
    """A polyfill the pages load from clausemark's assets (the offline bundle's shim) is
    part of the site, so the build's own link check finds it where the pages look. The
    offline bundle's pages also load the search worker's text (adapters/bundle.py, for the
    shim to start it on a thread of its own): written here, with the worker, and loaded by
    its content's version, as the package's own assets are."""
    polyfills = config.extra.get("polyfills") or []
    for number, address in enumerate(polyfills):
        path = urlsplit(str(address)).path  # its content's version is no part of it
        source = ASSETS / path.removeprefix("assets/clausemark/")
        if path.startswith("assets/clausemark/") and source.is_file():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        elif path == WORKER_SOURCE_SITE_PATH:
            text = worker_source_script(worker)
            files.append(File.generated(config, WORKER_SOURCE_SITE_PATH, content=text))
            version = content_version(text.encode("utf-8"))
            polyfills[number] = f"{WORKER_SOURCE_SITE_PATH}?v={version}"


class _ClauseSearchIndex:
    """Stands in for Material's SearchIndex: what its plugin writes is this text."""

    def __init__(self, text: str, entries: list) -> None:
        self.text = text
        self.entries = entries  # what Material reads of a previous index under --dirty

    def generate_search_index(self, prev) -> str:
        return self.text


def _material_search(config):
    """Material's search plugin, if the site has it (the plugin holding a search index)."""
    for plugin in config.plugins.values():
        if hasattr(getattr(plugin, "search_index", None), "generate_search_index"):
            return plugin
    return None


# Material's search plugin strips these attributes from every page's HTML after indexing it
_DATA_SEARCH = r"\s?data-search-\w+=\"[^\"]+\""
# The same attribute without the optional space before it: a literal start, which the
# regex engine finds by a fast scan (the optional `\s?` makes it try every position)
_DATA_SEARCH_ATTRIBUTE = re.compile(r"data-search-\w+=\"[^\"]+\"")
_SPACE = re.compile(r"\s")


def strip_data_search(content: str) -> str:
    """`re.sub(_DATA_SEARCH, "", content)`, 15 times faster on a large page: each
    attribute is found by its literal start and taken with the one space before it, if
    any (a match ends in a quote, so that space is never the end of the last match)."""
    kept: list[str] = []
    position = 0
    for match in _DATA_SEARCH_ATTRIBUTE.finditer(content):
        start = match.start()
        if start > position and _SPACE.match(content, start - 1):
            start -= 1
        kept.append(content[position:start])
        position = match.end()
    if not kept:
        return content
    kept.append(content[position:])
    return "".join(kept)


def _search_context_by_need(plugins, replaced: Callable[[Page], bool]) -> None:
    """Material's search parses each page's HTML into entries, then runs a regex over it
    to strip `data-search-*` attributes (0.4 CPU s a build at 10x, where no page has
    one). Its event is given the same two steps, the first skipped for a page whose
    entries the clause search index replaces (`replaced`: a document's page, indexed
    from the model), the second run only on a page that has such an attribute: what is
    written is the same (`strip_data_search`). Any other version of that event is left
    alone."""
    events = plugins.events.get("page_context", [])
    for position, method in enumerate(events):
        function = getattr(method, "__func__", None)
        search = getattr(method, "__self__", None)
        code = getattr(function, "__code__", None)
        if (
            getattr(function, "__qualname__", "") != "SearchPlugin.on_page_context"
            or not getattr(function, "__module__", "").startswith("material.")
            or code is None
            or _DATA_SEARCH not in code.co_consts
        ):
            continue

        def on_page_context(context, *, page, config, nav, search=search):
            if not search.config.enabled:
                return
            if not replaced(page):
                search.search_index.add_entry_from_context(page)
            if "data-search-" in page.content:
                page.content = strip_data_search(page.content)

        events[position] = on_page_context
        plugins._event_origins[on_page_context] = plugins._event_origins.get(method, "search")


def _search_config(search) -> dict:
    """The part of the search plugin's settings its index carries (as Material writes it)."""
    return {key: search.config.get(key) for key in ("lang", "separator", "pipeline", "fields")}


def _toc_ids(items):
    """Every heading id in a page's table of contents (Markdown made them, with the page)."""
    for item in items:
        yield item.id
        yield from _toc_ids(item.children)


def _permalink_mark(config) -> str:
    """The toc extension's permalink sign, which Material's index keeps in headings."""
    toc = config.mdx_configs.get("toc", {})
    return toc.get("permalink") if isinstance(toc.get("permalink"), str) else ""


def _nav_item(item: MenuPage | MenuSection, by_path: dict[str, Page]):
    if isinstance(item, MenuPage):
        page = by_path.get(item.path)
        if page is not None and item.title is not None:
            page.title = item.title
        return page
    children = [child for child in (_nav_item(c, by_path) for c in item.children) if child]
    section = Section(item.title, children)
    for child in children:
        child.parent = section
    return section


def _pages(items):
    for item in items:
        if isinstance(item, Section):
            yield from _pages(item.children)
        else:
            yield item
