"""Each generated page's render, reused while nothing it was rendered from has changed.

Python-Markdown's rendering is half of a build. A page's render (its HTML, table of
contents, title, ids, links to check, and what rendering it logged or the page linker
found) is kept under a key of everything it was made from:

- the page's path and its Markdown as rendered;
- its signature (site_builder/signatures.py): what its links, "Referenced by" and
  "Related" lists print (each target's title and clause number), the menu, the
  settings, documents.yml and glossary.yml;
- the render's surroundings: the Markdown extensions and their options, every file and
  its URL (which relative links resolve against), the link validation levels, the log
  level, and the code that renders (the versions of Python-Markdown, MkDocs, Material
  and each extension's package; a module of no package, its file's hash);
- clausemark's own code (`cache_key` hashes it);

and, once the key matches, for a page that resolved a reference as it was rendered (a
footnote's, a table cell's, an earlier version's text: the page linker says which, and
what that read), the registry of documents, and each such reference resolving and
printing as it did (PageLinker.looks_up_alike). An input that changes changes the key,
so a render made from other inputs is never found: the page is rendered again (a
renamed document re-renders each page citing it, a renumbered clause each page whose
links print its number).

Kept in memory by a serving plugin, between its rebuilds; and in the plugin's disk cache
between builds: one entry per page (`render-` and a hash of the configuration file and
the page's path) holding the newest render and its key, written atomically and checked
when read (a damaged or foreign entry is rendered again), so the folder holds at most
one render per page; unused entries go after DiskCache.KEEP_DAYS, and deleting the
cache folder (or `cache_dir: ''`) forgets them all. `--dirty` builds skip unchanged
pages without rendering them and keep none.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..support.disk_cache import DiskCache, cache_key

# Extension options that are objects made once for the plugin's life (the linker the
# clausemark extension is handed): the same object every rebuild, never part of a key.
LIVE_OPTIONS = {"clausemark": ("linker",)}
# The top-level modules that render every page besides its Markdown extensions
_RENDERERS = ("markdown", "mkdocs", "material")


@dataclass
class Rendered:
    """What `Page.render` leaves on a page, and what rendering it reported."""

    content: str
    toc: object
    title: str | None
    anchor_ids: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # linked file's src_uri -> links
    # what the references resolved as it was rendered read (page_links.RESOLUTION_READS),
    # and that as the build that rendered it had it (the registry, where it was "clauses")
    reads: str = "own"
    targets: str = ""
    lookups: list = field(default_factory=list)  # the linker's render_lookups of the page
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


def stored(key: str, rendered: Rendered) -> tuple:
    """A render as plain data (support/plain_data.py) for the disk cache."""
    records = [(r.name, r.levelno, r.getMessage()) for r in rendered.records]
    return (
        key,
        rendered.content,
        _toc_tokens(rendered.toc),
        rendered.title,
        sorted(rendered.anchor_ids),
        rendered.links_to_anchors,
        rendered.reads,
        rendered.targets,
        rendered.lookups,
        rendered.problems,
        records,
    )


def restored(value) -> tuple[str, Rendered] | None:
    """The (key, render) `stored` made, or None for anything else."""
    if not isinstance(value, tuple) or len(value) != 11:
        return None
    key, content, toc, title, ids, links, reads, targets, lookups, problems, records = value
    logs = [
        logging.makeLogRecord(
            {"name": name, "levelno": level, "levelname": logging.getLevelName(level), "msg": text}
        )
        for name, level, text in records
    ]
    rendered = Rendered(
        content, get_toc(_tokens(toc)), title, set(ids), links, reads, targets, lookups
    )
    rendered.problems, rendered.records = problems, logs
    return key, rendered


def _toc_tokens(items) -> list[tuple]:
    return [(item.title, item.id, item.level, _toc_tokens(item.children)) for item in items]


def _tokens(items) -> list:
    return [
        {"name": name, "id": anchor, "level": level, "children": _tokens(children)}
        for name, anchor, level, children in items
    ]


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _top_levels(distribution: metadata.Distribution) -> set[str]:
    """The top-level modules a distribution installs, as `packages_distributions` finds
    them (its top_level.txt, else the first part of each .py path it lists), read from
    RECORD's text: making a path object of every file of every distribution installed
    was 40% of a warm build at 1x (11 calls of ~0.25 CPU s each)."""
    declared = (distribution.read_text("top_level.txt") or "").split()
    if declared:
        return set(declared)
    record = distribution.read_text("RECORD")
    if record is None:
        paths = [str(path) for path in distribution.files or ()]
    else:
        paths = [line.rsplit(",", 2)[0] for line in record.splitlines() if line]
    return {
        path.split("/", 1)[0] if "/" in path else path[: -len(".py")]
        for path in (p.strip('"') for p in paths)
        if path.endswith(".py")
    }


@cache
def _module_distributions() -> dict[str, tuple[str, ...]]:
    """Top-level module -> the names of the distributions that install it, read once a
    process (a serving plugin's rebuilds, each build's pages, ask again)."""
    found: dict[str, list[str]] = {}
    for distribution in metadata.distributions():
        for module in _top_levels(distribution):
            found.setdefault(module, []).append(distribution.metadata["Name"])
    return {module: tuple(names) for module, names in found.items()}


@cache
def _code_of(module: str) -> str:
    """The version of the distribution a top-level module comes from; a module of no
    distribution (one beside mkdocs.yml), a hash of its file; 'none' if not found."""
    for distribution in _module_distributions().get(module, ()):
        try:
            return f"{distribution}={metadata.version(distribution)}"
        except metadata.PackageNotFoundError:
            continue
    try:
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None else None
        data = Path(origin).read_bytes() if origin else b""
    except (ImportError, OSError, ValueError):
        data = b""
    return f"{module}:{hashlib.sha256(data).hexdigest() if data else 'none'}"


def _rendering_code(extensions) -> str:
    """What renders a page besides clausemark's code: MkDocs, Material, Python-Markdown
    and the package of every Markdown extension named."""
    names = [str(getattr(e, "__module__", e)) for e in extensions]
    modules = {name.split(".", 1)[0] for name in names if name}
    return ",".join(_code_of(module) for module in sorted(modules | set(_RENDERERS)))


def render_surroundings(config, files: Files) -> str:
    """A hash of everything a page's render reads besides its Markdown and the site index:
    the extensions with their options and code, every file and its URL, the link
    validation levels, and whether links to anchors are collected (MkDocs does so only
    when not logging at debug level)."""
    options = {
        name: {k: v for k, v in (values or {}).items() if k not in LIVE_OPTIONS.get(name, ())}
        for name, values in (config.mdx_configs or {}).items()
    }
    logger = logging.getLogger("mkdocs.structure.pages")
    return cache_key(
        "render-surroundings",
        _rendering_code(config.markdown_extensions),
        repr(list(config.markdown_extensions)),
        repr(sorted(options.items())),
        str(config.use_directory_urls),
        repr(config.validation),
        str(logger.getEffectiveLevel() > logging.DEBUG),
        repr(sorted((file.src_uri, file.url, file.dest_uri) for file in files)),
    )


class RenderedPages:
    """The renders kept: one per generated page, the latest only; in memory when
    `in_memory` (a serving plugin), on disk wherever the build's cache has a folder."""

    def __init__(self, in_memory: bool = True) -> None:
        self.in_memory = in_memory
        self.kept: dict[str, tuple[str, Rendered]] = {}
        self.surroundings = ""
        self.signatures: dict[str, str] = {}
        self.targets: dict[str, str] = {}
        self.rendered: list[str] = []  # the pages this build rendered (not restored)
        self.disk = DiskCache(None)
        self.site = ""  # the configuration file: the disk entries' names

    def begin(
        self,
        surroundings: str,
        signatures: dict[str, str],
        targets: dict[str, str],
        disk: DiskCache | None = None,
        site: str = "",
    ) -> None:
        """A build's keys: `signatures` per page (page_signatures(targets=False)) and
        `targets` (signatures.resolution_inputs); `disk` the build's cache, `site` its
        configuration file."""
        self.surroundings = surroundings
        self.signatures = signatures
        self.targets = targets
        self.rendered = []
        self.disk = disk or DiskCache(None)
        self.site = site
        self.kept = {path: kept for path, kept in self.kept.items() if path in signatures}

    def _entry(self, path: str) -> str:
        name = hashlib.sha256(f"{self.site}\0{path}".encode()).hexdigest()[:40]
        return f"render-{name}"

    def _kept(self, path: str) -> tuple[str, Rendered] | None:
        kept = self.kept.get(path)
        if kept is None:
            kept = restored(self.disk.get(self._entry(path)))
        return kept

    def remember(self, page: Page, linker) -> None:
        """Render `page` from what is kept when nothing it depends on changed, else as
        MkDocs does (then keep the render). `linker`: this build's PageLinker."""
        problems = linker.problems
        path = page.file.src_uri
        signature = self.signatures.get(path)
        if signature is None:  # not a generated page: docs/ Markdown renders as it is
            return
        render = page.render

        def remembered(config, files: Files) -> None:
            markdown = page.markdown or ""
            key = cache_key("render", self.surroundings, signature, path, markdown)
            kept = self._kept(path)
            if kept is not None and kept[0] == key and self._reads_alike(kept[1], linker):
                kept[1].restore(page, files, problems)
                if self.in_memory:
                    self.kept[path] = kept
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
            lookups = list(linker.render_lookups.get(path, ()))
            rendered = Rendered(
                page.content or "",
                page.toc,
                page._title_from_render,
                set(page.present_anchor_ids or ()),
                None
                if links is None
                else {file.src_uri: dict(found) for file, found in links.items()},
                reads,
                # where it cited numbers elsewhere, its lookups are asked again
                self.targets.get("registry" if reads == "clauses" else reads, ""),
                lookups,
                problems[found:],
                recorder.records,
            )
            if self.in_memory:
                self.kept[path] = (key, rendered)
            self.disk.put(self._entry(path), stored(key, rendered))

        page.render = remembered  # type: ignore[method-assign]

    def _reads_alike(self, kept: Rendered, linker) -> bool:
        """What the kept render read of the rest of the site reads the same now: the
        registry where it named a document; and where it cited a number in another
        document, each such reference resolves and prints as it did (every clause number
        of the site, hashed, changes with any edit that adds or moves a clause)."""
        if kept.reads == "own":
            return True
        if kept.reads == "clauses":
            registry = self.targets.get("registry", "")
            return kept.targets == registry and linker.looks_up_alike(kept.lookups)
        return kept.targets == self.targets.get(kept.reads, "")
