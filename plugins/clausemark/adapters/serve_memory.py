"""What `mkdocs serve` keeps between rebuilds, so that an edit re-renders only what it changes.

`mkdocs serve` rebuilds the whole site on every save (into a folder it empties first).
Converting the edited source again is the builder's business (BuildMemory), and each
page's render is kept under a key of what it was rendered from (rendered_pages.py, for
every build); this module keeps the rest of the MkDocs side, each under a key of exactly
what it depends on:

- a page's search entries: its URL, title, front matter, table of contents and HTML;
- a page's output of the theme's template: the page, the menu, the settings and the
  template files (PageOutputs).

Nothing here is kept by `mkdocs build`.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import shutil
import tempfile
import threading
import types
from pathlib import Path

import jinja2

from .rendered_pages import LIVE_OPTIONS


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
                        if k not in LIVE_OPTIONS.get(extension, ())
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
