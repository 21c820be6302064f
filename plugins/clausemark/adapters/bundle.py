"""The offline bundle: the site built for file:// and zipped, proven to load nothing remote.

People open constitutions on council laptops with no network, in meetings, from a USB
stick. The bundle is the same site built a second time with settings that work from
the file system (`use_directory_urls: false`, Material's `offline` plugin for search,
no web fonts, search's worker run in an iframe by assets/iframe-worker.js), then
every built page, script and stylesheet is scanned for anything that would still be
fetched from the network. The scanning and naming are pure functions; only
`build_bundle` touches MkDocs, and it imports it lazily so the core never does.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from ..pages.cite_urls import CANONICAL_DIRECTORY_URLS
from ..support.atomic import replacing
from ..support.package_files import ASSETS_DIR, SHIM, asset_url
from ..support.urls import slugify
from .mkdocs_config import site_name_text

# Runs Material's search worker in an iframe on file:// (no inline script: the CSP holds).
# Its name holds "iframe-worker", so that Material's offline plugin adds no CDN copy.
SHIM_SOURCE = ASSETS_DIR / "iframe-worker.js"
SHIM_SITE_PATH = "assets/clausemark/iframe-worker.js"
# The search worker's text, for the shim to start it on a thread of its own from a blob:
# (a browser starts no worker from a file:// URL); and the page policy's word for that.
WORKER_SOURCE_SITE_PATH = "assets/clausemark/search-worker-source.js"
WORKER_SOURCE_GLOBAL = "__clausemarkSearchWorker"  # iframe-worker.js reads it
BLOB_WORKER = "clausemark_blob_worker"  # extra.<this>: overrides/main.html allows blob: workers
OFFLINE_INDEX = "search/search_index.js"  # what Material's search loads over file://
# Instant navigation (and its prefetch/progress variants) fetches pages with XHR: not on file://.
FEATURES_NEEDING_A_SERVER = ("navigation.instant",)
SCANNED_SUFFIXES = {".html": "html", ".htm": "html", ".js": "js", ".mjs": "js", ".css": "css"}

# A URL that the browser would fetch from another machine: http(s) or protocol-relative.
_REMOTE = r"(?:https?:)?//[^\s\"'`()<>]+"
_REMOTE_URL = re.compile(rf"^\s*{_REMOTE}", re.IGNORECASE)

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_IMPORT = re.compile(rf"@import\s+(?:url\(\s*)?[\"']?({_REMOTE})", re.IGNORECASE)
_CSS_URL = re.compile(rf"\burl\(\s*[\"']?({_REMOTE})", re.IGNORECASE)

_JS_PATTERNS = (
    (
        re.compile(
            r"\b(importScripts|fetch|import|Worker|SharedWorker|EventSource|WebSocket|"
            rf"sendBeacon)\s*\(\s*[\"'`]({_REMOTE})"
        ),
        "{}()",
    ),
    (re.compile(rf"\b(import)\s+(?:[\w$*{{}}\s,]+\s+from\s+)?[\"']({_REMOTE})"), "{} statement"),
    (re.compile(rf"\.(open)\s*\(\s*[\"'][A-Za-z]+[\"']\s*,\s*[\"'`]({_REMOTE})"), "XMLHttpRequest"),
    (re.compile(rf"\.(src)\s*=\s*[\"'`]({_REMOTE})"), ".{} ="),
    (re.compile(rf"setAttribute\(\s*[\"'](src)[\"']\s*,\s*[\"'`]({_REMOTE})"), "setAttribute({})"),
)

# Element attributes the browser fetches by itself when the page is shown.
_LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "source": ("src", "srcset"),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
_LOADING_LINK_RELS = frozenset(
    {
        "stylesheet",
        "icon",
        "apple-touch-icon",
        "apple-touch-icon-precomposed",
        "mask-icon",
        "manifest",
        "preload",
        "prefetch",
        "modulepreload",
        "preconnect",
        "dns-prefetch",
        "prerender",
    }
)


class BundleError(Exception):
    """A bundle that cannot be built or would not work offline; the message is one line."""


@dataclass(frozen=True)
class ExternalLoad:
    """A URL that ``file`` (path inside the site) makes the browser fetch from the network."""

    url: str
    how: str
    file: str = ""

    def describe(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return f"{where}{self.how} {self.url}"


@dataclass(frozen=True)
class BundleResult:
    zip_path: Path
    size: int
    version: str
    kept: Path | None = None  # an earlier bundle of the same name, left as it was


def bundle_path(out_dir: Path, stem: str, now: datetime) -> tuple[Path, str, Path | None]:
    """Where the zip goes, the folder it unzips into, and an earlier bundle kept beside it.

    A bundle never overwrites another: a second one of the same version (the same day,
    with no `extra.version`) carries the time too; a third in the same second is refused.
    """
    first = out_dir / f"{stem}.zip"
    if not first.exists():
        return first, stem, None
    timed = f"{stem}-{now.strftime('%H%M%S')}"
    if (out_dir / f"{timed}.zip").exists():
        raise BundleError(
            f"{out_dir / f'{timed}.zip'} already exists; move it, or set extra.version in "
            "mkdocs.yml to name this bundle"
        )
    return out_dir / f"{timed}.zip", timed, first


def _is_remote(url: str) -> bool:
    return bool(_REMOTE_URL.match(url))


def external_loads_in_css(css: str) -> list[ExternalLoad]:
    """``@import`` and ``url()`` pointing off the machine (comments and data: URLs ignored)."""
    text = _CSS_COMMENT.sub("", css)
    imports = [ExternalLoad(match.group(1), "@import") for match in _CSS_IMPORT.finditer(text)]
    imported = {load.url for load in imports}
    urls = [
        ExternalLoad(match.group(1), "url()")
        for match in _CSS_URL.finditer(text)
        if match.group(1) not in imported
    ]
    return imports + urls


def external_loads_in_js(js: str) -> list[ExternalLoad]:
    """Remote URLs passed literally to something that fetches them.

    Scripts carry many URLs that are never fetched (licence headers, comments, links
    in messages), so only a literal URL given to a loading call or ``.src`` counts.
    """
    found = []
    for pattern, how in _JS_PATTERNS:
        for match in pattern.finditer(js):
            found.append((match.start(), ExternalLoad(match.group(2), how.format(match.group(1)))))
    return [load for _, load in sorted(found, key=lambda item: item[0])]


def _srcset_urls(value: str) -> Iterator[str]:
    for candidate in value.split(","):
        parts = candidate.split()
        if parts:
            yield parts[0]


class _LoadFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[ExternalLoad] = []
        self._inline: str | None = None
        self._inline_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        for attribute in _LOADING_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if value is None:
                continue
            urls = _srcset_urls(value) if attribute == "srcset" else [value]
            self._add_remote(urls, f"<{tag} {attribute}>")
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & _LOADING_LINK_RELS:
                self._add_remote([values.get("href", "")], f"<link rel={' '.join(sorted(rels))}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            _, _, target = values.get("content", "").partition("=")
            self._add_remote([target.strip()], "<meta refresh>")
        if values.get("data-md-component") == "source":
            self._add_remote(
                [values.get("href", "")], "repository facts (Material fetches its API)"
            )
        if "style" in values:
            self.loads.extend(external_loads_in_css(values["style"]))
        if tag in {"script", "style"} and "src" not in values:
            self._inline = tag
            self._inline_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in {"script", "style"}:
            self._inline = None

    def handle_data(self, data: str) -> None:
        if self._inline:
            self._inline_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._inline and tag == self._inline:
            text = "".join(self._inline_text)
            scan = external_loads_in_js if tag == "script" else external_loads_in_css
            self.loads.extend(scan(text))
            self._inline = None

    def _add_remote(self, urls: Iterable[str], how: str) -> None:
        self.loads.extend(ExternalLoad(url.strip(), how) for url in urls if _is_remote(url))


def external_loads_in_html(html: str) -> list[ExternalLoad]:
    """What a page fetches from the network by itself: not its links, which wait for a click."""
    finder = _LoadFinder()
    finder.feed(html)
    finder.close()
    return finder.loads


def find_external_loads(files: Mapping[str, str]) -> list[ExternalLoad]:
    """Scan built files (site-relative name -> text) by suffix; other files are skipped."""
    scanners = {
        "html": external_loads_in_html,
        "js": external_loads_in_js,
        "css": external_loads_in_css,
    }
    loads = []
    for name in sorted(files):
        kind = SCANNED_SUFFIXES.get(Path(name).suffix.lower())
        if kind:
            for load in scanners[kind](files[name]):
                loads.append(ExternalLoad(load.url, load.how, name))
    return loads


def scan_site(site_dir: Path) -> list[ExternalLoad]:
    """Every network load in a built site directory."""
    files = {
        path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.suffix.lower() in SCANNED_SUFFIXES
    }
    return find_external_loads(files)


def file_slug(text: str, *, fallback: str) -> str:
    """ASCII, lower case, hyphens: safe in a file name on every system people unzip on."""
    return slugify(text, ascii_fold=True, fallback=fallback)


def bundle_version(configured: object, today: date) -> str:
    """`extra.version` when the site states one, else the build date (YYYY-MM-DD)."""
    if configured is None or str(configured).strip() == "":
        return today.isoformat()
    return str(configured).strip()


def bundle_stem(site_name: str, version: str) -> str:
    """``<site-name-slug>-<version>``: the zip's name and the folder it unzips into."""
    version_part = re.sub(r"[^A-Za-z0-9._]+", "-", version).strip("-.") or "unversioned"
    return f"{file_slug(site_name, fallback='site')}-{version_part}"


def zip_directory_atomically(source_dir: Path, zip_path: Path, *, top_folder: str) -> int:
    """Zip ``source_dir`` under ``top_folder/``; the zip appears whole or not at all.

    Returns its size in bytes. A failed or interrupted run leaves any earlier zip of
    the same name untouched and no partial file behind.
    """
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with (
        replacing(zip_path) as temporary,
        zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for path in sorted(source_dir.rglob("*")):
            if path.is_file():
                relative = path.relative_to(source_dir).as_posix()
                archive.write(path, f"{top_folder}/{relative}")
    return zip_path.stat().st_size


def format_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def build_bundle(
    config_file: Path,
    out_dir: Path,
    *,
    today: date | None = None,
    log_stream=None,
    now: datetime | None = None,
) -> BundleResult:
    """Build the site from ``config_file`` for file://, check it, and zip it into ``out_dir``."""
    import sys

    try:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException
    except ImportError:
        raise BundleError("the bundle needs MkDocs: pip install 'clausemark[site]'") from None

    if not config_file.is_file():
        raise BundleError(f"{config_file}: no such file")
    if not SHIM_SOURCE.is_file():
        raise BundleError(f"{SHIM_SOURCE} is missing; reinstall clausemark")
    handler = _BundleLog(log_stream or sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("warning: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    try:
        with tempfile.TemporaryDirectory(prefix="clausemark-bundle-") as work:
            site_dir = Path(work) / "site"
            try:
                config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
                if not (config.site_url or "").strip():
                    handler.stream.write(
                        f"warning: {config_file}: site_url is not set, so citations copied "
                        "from the bundle name file:// paths; set it to the site's public "
                        "address\n"
                    )
                configure_for_file_urls(config)
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build(config)
                finally:
                    config.plugins.on_shutdown()
            except MkDocsException as error:
                cause = "; ".join(handler.errors) or _one_line(error)
                raise BundleError(f"mkdocs build failed: {cause}") from None
            _copy_shim(site_dir)
            _write_offline_search(site_dir, config)
            # A web server's page for a missing address, written with addresses from the
            # site's root: from the unzipped bundle it would ask for file:///assets/...
            (site_dir / "404.html").unlink(missing_ok=True)
            loads = scan_site(site_dir)
            if loads:
                first = loads[0].describe()
                more = f" (and {len(loads) - 1} more)" if len(loads) > 1 else ""
                raise BundleError(f"the bundle would load from the network: {first}{more}")
            version = bundle_version(config.extra.get("version"), today or date.today())
            when = now or datetime.now()
            zip_path, stem, kept = bundle_path(
                out_dir, bundle_stem(site_name_text(config), version), when
            )
            try:
                size = zip_directory_atomically(site_dir, zip_path, top_folder=stem)
            except OSError as error:
                raise BundleError(f"cannot write {zip_path}: {error.strerror or error}") from None
    finally:
        mkdocs_log.removeHandler(handler)
    return BundleResult(zip_path, size, version, kept)


def configure_for_file_urls(config) -> None:
    """The in-memory settings that make the site work from file:// with no network."""
    from material.plugins.offline.plugin import OfflinePlugin

    # citations name the public site's pages, whose URLs keep the project's style
    config.extra.setdefault(CANONICAL_DIRECTORY_URLS, config.use_directory_urls)
    config.use_directory_urls = False
    config.theme["font"] = False
    features = config.theme.get("features") or []
    config.theme["features"] = [
        name for name in features if not str(name).startswith(FEATURES_NEEDING_A_SERVER)
    ]
    polyfills = [
        url for url in config.extra.get("polyfills", []) if "iframe-worker" not in str(url)
    ]
    # by their contents' versions (the plugin versions the worker's text as it writes it)
    config.extra["polyfills"] = [*polyfills, asset_url(SHIM), WORKER_SOURCE_SITE_PATH]
    config.extra[BLOB_WORKER] = True
    if not any(isinstance(plugin, OfflinePlugin) for plugin in config.plugins.values()):
        offline = OfflinePlugin()
        errors, _ = offline.load_config({})
        if errors:
            raise BundleError(f"material offline plugin: {errors[0][1]}")
        config.plugins["material/offline"] = offline


def _copy_shim(site_dir: Path) -> None:
    target = site_dir / SHIM_SITE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM_SOURCE, target)


def offline_search_index(index_text: str) -> str:
    """The search index as the bundle's `search/search_index.js` declares it: Material's
    `__index`, whose clauses (`docs`) and clausemark's settings (`config.clausemark`) are
    JSON text, read by the search worker on its own thread (assets/clausemark-search-worker.js,
    `asRead`): the page's thread then neither parses megabytes of script nor copies them to
    the worker (a string is handed over whole). Material's own settings stay an object: its
    page script reads `config.separator` to mark the words found. The shim
    (assets/iframe-worker.js) loads this script as soon as the page starts, and Material
    again later: the second run keeps the first one's index."""
    index = json.loads(index_text)
    config = dict(index.get("config") or {})
    if "clausemark" in config:
        config["clausemark"] = _json_text(config["clausemark"])
    text = _json_text({"config": config, "docs": _json_text(index["docs"])})
    # an index read already (the shim asks for this script early) is kept, not read again
    return f"var __index = window.__index || {text}"


def _json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def worker_source_script(worker: str | None) -> str:
    """The script that carries the search worker's text for the shim (WORKER_SOURCE_GLOBAL);
    with no clause search worker (the theme's own runs), a script that carries none."""
    if worker is None:
        return "/* no clause search worker: the shim runs the theme's in its iframe */\n"
    return f"var {WORKER_SOURCE_GLOBAL} = {json.dumps(worker)};\n"


def _write_offline_search(site_dir: Path, config) -> None:
    """The index in the form a worker on its own thread reads (offline_search_index), from
    the text the build holds in memory, in place of the one Material's offline plugin wrote
    from the JSON file. A site whose search index is not clausemark's keeps Material's."""
    from .mkdocs_plugin import _ClauseSearchIndex, _material_search

    index = getattr(_material_search(config), "search_index", None)
    if isinstance(index, _ClauseSearchIndex) and (site_dir / OFFLINE_INDEX).is_file():
        (site_dir / OFFLINE_INDEX).write_text(offline_search_index(index.text), encoding="utf-8")


class _BundleLog(logging.StreamHandler):
    """MkDocs' warnings as 'warning: ...' lines; its errors (a source the build refuses,
    logged before MkDocs aborts with 'Aborted with a BuildError!') held for the one error
    line the command ends on, so the file and place are named there, and once."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors.append(_one_line(Exception(record.getMessage())))
            return
        super().emit(record)


def _one_line(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__
