"""What `mkdocs serve` keeps between rebuilds, so that an edit re-renders only what it changes.

`mkdocs serve` rebuilds the whole site on every save (into a folder it empties first).
Converting the edited source again is the builder's business (BuildMemory); this module
keeps the MkDocs side: each generated page's render (its HTML, table of contents, title,
ids, links to check, and what rendering it logged or found), and the search entries the
theme made of each page. Each is kept under a key of exactly what it depends on:

- a render: the page's Markdown as rendered, its signature (site_builder/signatures.py:
  what its links, "Referenced by" and "Related" lists print, the menu, the settings and
  data files), the render's surroundings (the Markdown extensions and their options,
  every file and its URL, which relative links resolve against) and, for a page that
  resolved a reference as it was rendered (a footnote's, a table cell's, an earlier
  version's text: the page linker says which, and what that read), the registry of
  documents or, for a reference citing a number in another document, every clause
  number too;
- a page's search entries: its URL, title, front matter, table of contents and HTML.

A page whose key differs (the edited source's pages, and every page whose links print
what the edit changed: a renamed clause re-renders each page that cites it) is rendered
as MkDocs renders it, and kept for the next rebuild. Nothing is kept by `mkdocs build`.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from dataclasses import dataclass, field

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..support.disk_cache import cache_key

# Extension options that are objects made once for the plugin's life (the linker the
# clausemark extension is handed): the same object every rebuild, never part of a key.
_LIVE_OPTIONS = {"clausemark": ("linker",)}


@dataclass
class Rendered:
    """What `Page.render` leaves on a page, and what rendering it reported."""

    content: str
    toc: object
    title: str | None
    anchor_ids: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # linked file's src_uri -> links
    # what the references resolved as it was rendered read (page_links.RESOLUTION_READS),
    # and that as the build that rendered it had it
    reads: str = "own"
    targets: str = ""
    problems: list = field(default_factory=list)  # the page linker's, for the build report
    records: list[logging.LogRecord] = field(default_factory=list)  # what MkDocs logged

    def restore(self, page: Page, files: Files, problems: list) -> None:
        page.content = self.content
        page.toc = self.toc  # type: ignore[assignment]
        page._title_from_render = self.title
        page.present_anchor_ids = set(self.anchor_ids)
        if self.links_to_anchors is not None:
            page.links_to_anchors = {
                linked: dict(links)
                for uri, links in self.links_to_anchors.items()
                if (linked := files.get_file_from_path(uri)) is not None
            }
        problems.extend(self.problems)
        for record in self.records:  # said again, as a render would say it
            logging.getLogger(record.name).handle(record)


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def render_surroundings(config, files: Files) -> str:
    """A hash of everything a page's render reads besides its Markdown and the site index:
    the extensions with their options, every file and its URL, and whether links to
    anchors are collected (MkDocs does so only when not logging at debug level)."""
    options = {
        name: {k: v for k, v in (values or {}).items() if k not in _LIVE_OPTIONS.get(name, ())}
        for name, values in (config.mdx_configs or {}).items()
    }
    logger = logging.getLogger("mkdocs.structure.pages")
    return cache_key(
        "render-surroundings",
        repr(list(config.markdown_extensions)),
        repr(sorted(options.items())),
        str(config.use_directory_urls),
        str(logger.getEffectiveLevel() > logging.DEBUG),
        repr(sorted((file.src_uri, file.url, file.dest_uri) for file in files)),
    )


class RenderedPages:
    """The renders kept by a serving plugin: one per generated page, the latest only."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[str, Rendered]] = {}
        self.surroundings = ""
        self.signatures: dict[str, str] = {}
        self.targets: dict[str, str] = {}
        self.rendered: list[str] = []  # the pages this build rendered (not restored)

    def begin(self, surroundings: str, signatures: dict[str, str], targets: dict[str, str]) -> None:
        """A build's keys: `signatures` per page (page_signatures(targets=False)) and
        `targets` (signatures.resolution_inputs)."""
        self.surroundings = surroundings
        self.signatures = signatures
        self.targets = targets
        self.rendered = []
        self.kept = {path: kept for path, kept in self.kept.items() if path in signatures}

    def remember(self, page: Page, linker) -> None:
        """Render `page` from memory when nothing it depends on changed, else as MkDocs
        does (then keep the render). `linker`: this build's PageLinker."""
        problems = linker.problems
        path = page.file.src_uri
        signature = self.signatures.get(path)
        if signature is None:  # not a generated page: docs/ Markdown renders as it is
            return
        render = page.render

        def remembered(config, files: Files) -> None:
            markdown = page.markdown or ""
            key = cache_key("render", self.surroundings, signature, path, markdown)
            kept = self.kept.get(path)
            if (
                kept is not None
                and kept[0] == key
                and kept[1].targets == self.targets.get(kept[1].reads, "")
            ):
                kept[1].restore(page, files, problems)
                return
            self.rendered.append(path)
            found = len(problems)
            recorder = _Recorder()
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.addHandler(recorder)
            try:
                render(config, files)
            finally:
                mkdocs_log.removeHandler(recorder)
            links = page.links_to_anchors
            reads = linker.resolved_at_render.get(path, "own")
            self.kept[path] = (
                key,
                Rendered(
                    page.content or "",
                    page.toc,
                    page._title_from_render,
                    set(page.present_anchor_ids or ()),
                    None
                    if links is None
                    else {file.src_uri: dict(found) for file, found in links.items()},
                    reads,
                    self.targets.get(reads, ""),
                    problems[found:],
                    recorder.records,
                ),
            )

        page.render = remembered  # type: ignore[method-assign]


def _toc_key(items) -> list:
    return [(item.id, item.title, item.url, _toc_key(item.children)) for item in items]


class SearchEntries:
    """The theme's search entries of each page, kept by a serving plugin: Material's
    search parses every page's HTML on every rebuild; a page whose HTML, URL, title,
    front matter and table of contents are as before gives the entries it gave."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[str, list[dict]]] = {}

    def wrap(self, index) -> None:
        """Make the theme's `index` (Material's SearchIndex, fresh each build) remember."""
        add = index.add_entry_from_context
        kept = self.kept

        def remembered(page) -> None:
            key = hashlib.sha256(
                repr(
                    (page.url, page.title, sorted(map(repr, page.meta.items())), _toc_key(page.toc))
                ).encode()
                + (page.content or "").encode("utf-8", "surrogatepass")
            ).hexdigest()
            found = kept.get(page.url)
            if found is not None and found[0] == key:
                index.entries.extend(copy.deepcopy(found[1]))
                return
            before = len(index.entries)
            add(page)
            kept[page.url] = (key, copy.deepcopy(index.entries[before:]))

        index.add_entry_from_context = remembered
