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
import os
import re
import shutil
import tempfile
import threading
import types
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
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
            if kept is not None and kept[0] == key and self._reads_alike(kept[1], linker):
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
            lookups = list(linker.render_lookups.get(path, ()))
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
                    # where it cited numbers elsewhere, its lookups are asked again
                    self.targets.get("registry" if reads == "clauses" else reads, ""),
                    lookups,
                    problems[found:],
                    recorder.records,
                ),
            )

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


def _toc_key(items) -> list:
    return [
        (item.id, item.title, item.url, getattr(item, "level", None), _toc_key(item.children))
        for item in items
    ]


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


# What a page's template is handed that is not data: MkDocs' own method slots, the render
# wrapper above, and the flag MkDocs sets on the page being built (always on then).
_PAGE_SKIPPED = {"render", "active"}
_DATES = ("build_date_utc", "update_date")  # keyed only where a loaded template reads them
_FUNCTIONS = (types.FunctionType, types.BuiltinFunctionType, types.MethodType)


def _text(value) -> str:
    """A value as a key part: sets in order, functions by name (a fresh function each
    build, as the environment's gettext, would otherwise never match)."""
    if isinstance(value, (set, frozenset)):
        return repr(sorted(map(repr, value)))
    if isinstance(value, _FUNCTIONS):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return repr(value)


# The front matter entry the page header prints (render/page_header.py, overrides/main.html
# reads it as `page.meta.clausemark`): a page's own. A template that names it otherwise, or
# hands a front matter on whole, reads it of other pages too.
_OWN_META = "clausemark"
_THIS_PAGE_META = re.compile(r"(?<![\w.])page\.meta(?:\.clausemark\b)?")
_OTHERS_META = re.compile(
    r"\bmeta\s*(?:\.\s*clausemark\b|\[\s*['\"]clausemark|\.get\(\s*['\"]clausemark"
    r"|\||\)|\}\}|%\}|\.(?:items|keys|values)\b)"
)


def _reads_others_meta(source: str) -> bool:
    """Whether a template may read the page header's front matter of a page not its own:
    it names a front matter's `clausemark` entry, or hands a front matter on whole, other
    than the current page's (`page.meta`)."""
    return bool(_OTHERS_META.search(_THIS_PAGE_META.sub("", source)))


def _nav_key(items, whole_meta: bool) -> list:
    """The menu as a template can read it: each item's kind, title, URL, file and front
    matter (but the page header's entry, unless a template reads it of other pages)."""
    found = []
    for item in items:
        children = getattr(item, "children", None)
        meta = getattr(item, "meta", None)
        if meta is not None:
            shown = sorted((k, v) for k, v in meta.items() if whole_meta or k != _OWN_META)
            meta = (bool(meta), _text(shown))
        found.append(
            (
                type(item).__name__,
                item.title,
                getattr(item, "url", None),
                getattr(getattr(item, "file", None), "src_uri", None),
                meta,
                _nav_key(children or [], whole_meta),
            )
        )
    return found


class PageOutputs:
    """Each page's output of the theme's template, kept by a serving plugin: MkDocs
        renders the theme's template for every page on every rebuild (the menu of the whole
        site on each); a page whose template is handed the same page, menu, settings and
        context, with the same template files, gets the output it got.

        The key is everything the template is handed: the page (every attribute but the
        render method MkDocs calls and its `active` flag: its HTML, table of contents, title,
        front matter, URLs, neighbours and parents), the menu (each item's kind, title, URL,
        file and front matter), every setting, the rest of the context and the environment's
        globals and filters. Template files are watched through the theme's loader: every
        template a build loaded is looked up again at the next (by its place in the theme's
        folders, its size and its time), and any change forgets every output. The build's
        date is part of the key only when a template loaded for a page reads it (Material's
    do not; MkDocs' sitemap.xml, rendered after the pages, does).
    """

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], tuple[str, str]] = {}  # (URL, template) -> key, output
        self.loaded: dict[str, tuple[str, int, int]] = {}  # template -> (file, size, mtime)
        self.dated = False  # a loaded template reads the build's date or a page's
        self.whole_meta = False  # a loaded template reads other pages' page header entry
        self.templated: list[str] = []  # the pages this build rendered the template of
        self.used: set[tuple[str, str]] = set()  # the outputs this build asked for
        self.bytecode = _Bytecode()

    def wrap(self, env, config) -> None:
        """Make this build's Jinja environment remember (MkDocs' on_env)."""
        loader = env.loader
        searchpath = getattr(loader, "searchpath", None)
        self.kept = {where: kept for where, kept in self.kept.items() if where in self.used}
        self.templated = []
        self.used = set()
        if searchpath is None:  # not a folder loader: every page is rendered
            self.kept.clear()
            return
        if any(_found(searchpath, name) != seen for name, seen in self.loaded.items()):
            self.kept.clear()
            self.loaded.clear()
            self.dated = self.whole_meta = False
        env.bytecode_cache = self.bytecode
        get_source = loader.get_source

        def source(environment, name):
            text, filename, uptodate = get_source(environment, name)
            self.loaded[name] = _found(searchpath, name)
            # MkDocs renders every page before its page-less templates (sitemap.xml reads
            # each page's date), so a template a page uses is loaded with its page current
            if getattr(config, "_current_page", None) is not None:
                self.dated = self.dated or any(word in text for word in _DATES)
                self.whole_meta = self.whole_meta or _reads_others_meta(text)
            return text, filename, uptodate

        loader.get_source = source
        build_part: list[str] = []  # computed at the first page (every page is read then)
        get_template = env.get_template

        def template_of(name, parent=None, globals=None):
            template = get_template(name, parent, globals)
            if parent is not None or getattr(config, "_current_page", None) is None:
                return template  # an include or an extends; a page-less template
            return _KeptTemplate(template, self, env, config, build_part)

        env.get_template = template_of

    def output(self, template, context, env, config, build_part: list[str]) -> str:
        page = context.get("page")
        if page is None or getattr(page, "url", None) is None:
            return template.render(context)
        if not build_part:
            build_part.append(_build_key(context, env, config, self.whole_meta))
        where = (page.url, str(template.name))
        key = _page_key(page, context, build_part[0] + where[1], self.dated)
        self.used.add(where)
        kept = self.kept.get(where)
        if kept is not None and kept[0] == key:
            return kept[1]
        self.templated.append(page.file.src_uri)
        output = template.render(context)
        # a template loaded for this page may read the date: then the key must say so
        self.kept[where] = (_page_key(page, context, build_part[0] + where[1], self.dated), output)
        return output


class _KeptTemplate:
    """A page's template as MkDocs is handed it: rendering goes through PageOutputs."""

    def __init__(self, template, outputs: PageOutputs, env, config, build_part) -> None:
        self._template = template
        self._outputs = outputs
        self._env = env
        self._config = config
        self._build_part = build_part

    def render(self, *args, **kwargs) -> str:
        context = dict(*args, **kwargs)
        return self._outputs.output(
            self._template, context, self._env, self._config, self._build_part
        )

    def __getattr__(self, name):
        return getattr(self._template, name)


def _found(searchpath, name: str) -> tuple[str, int, int]:
    """Where the theme's loader finds template `name` now: its file, size and time."""
    pieces = [piece for piece in name.split("/") if piece not in ("", ".")]
    for folder in searchpath:
        path = os.path.join(folder, *pieces)
        try:
            status = os.stat(path)
        except OSError:
            continue
        if os.path.isfile(path):
            return path, status.st_size, status.st_mtime_ns
    return "", 0, 0


def _build_key(context: dict, env, config, whole_meta: bool) -> str:
    """What every page's template is handed alike in this build."""
    settings = []
    for name in sorted(config.keys()):
        value = config.get(name)
        if name == "_current_page":
            continue
        if name == "plugins":
            value = list(value.keys())
        elif name == "mdx_configs":
            value = sorted(
                (
                    extension,
                    sorted(
                        (k, _text(v))
                        for k, v in (options or {}).items()
                        if k not in _LIVE_OPTIONS.get(extension, ())
                    ),
                )
                for extension, options in (value or {}).items()
            )
        settings.append((name, _text(value)))
    nav = context.get("nav")
    pages = context.get("pages") or []
    return hashlib.sha256(
        repr(
            (
                settings,
                None if nav is None else _nav_key(nav.items, whole_meta),
                None if nav is None else _text(getattr(nav, "homepage", None)),
                [(file.src_uri, file.url) for file in pages],
                sorted((k, _text(v)) for k, v in env.globals.items()),
                sorted((k, _text(v)) for k, v in env.filters.items()),
            )
        ).encode("utf-8", "surrogatepass")
    ).hexdigest()


def _page_key(page, context: dict, build_part: str, dated: bool) -> str:
    """The page's part of its template's key: every attribute (texts hashed as they are,
    the page's HTML and Markdown among them: a repr would copy them), its title, whether
    it is the home page, its parents, and the rest of the context."""
    digest = hashlib.sha256(build_part.encode())
    for name, value in sorted(vars(page).items()):
        if name in _PAGE_SKIPPED or (not dated and name in _DATES):
            continue
        if isinstance(value, str):
            text = value
        else:
            text = repr(_toc_key(value)) if name == "toc" else _text(value)
        data = f"{name}\0{type(value).__name__}\0".encode() + text.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big") + data)
    properties = (page.title, page.is_homepage, [_text(a) for a in page.ancestors])
    rest = sorted(
        (name, _text(value))
        for name, value in context.items()
        if name not in ("page", "nav", "pages", "config") and (dated or name not in _DATES)
    )
    digest.update(repr((properties, rest)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class _Bytecode(jinja2.BytecodeCache):
    """The theme's templates compiled once per server (Jinja checks each against its
    source's checksum): MkDocs makes a new environment, so compiles them, each rebuild."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class OldSites:
    """The last build's files, out of the way of the next (a serving plugin, not --dirty).

    MkDocs empties the served folder before each rebuild, one file at a time, while the
    edit waits (about 2 s of the rebuild at 10x the example). Instead each of its
    entries is renamed into a folder beside it, which a thread deletes while the site is
    built; the server's shutdown waits for the last of them."""

    def __init__(self) -> None:
        self.moving: list[tuple[Path, threading.Thread]] = []

    def set_aside(self, site_dir: Path) -> None:
        entries = list(site_dir.iterdir()) if site_dir.is_dir() else []
        if not entries:
            return
        old = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}-old-", dir=site_dir.parent))
        for entry in entries:
            try:
                os.replace(entry, old / entry.name)
            except OSError:  # another file system: MkDocs empties the folder as it does
                break
        thread = threading.Thread(target=shutil.rmtree, args=(old, True), daemon=True)
        thread.start()
        self.moving.append((old, thread))

    def finish(self) -> None:
        for old, thread in self.moving:
            thread.join()
            shutil.rmtree(old, ignore_errors=True)
        self.moving = []
