"""The constitution as a set of documents found in sources/, converted once per content.

Layout: `sources/NAME.txt` (or .md, .docx, .pdf, .html: see readers/) is a document;
`sources/NAME/` holding several source files is one document with several versions
(see README, 'Versions'). Data files (.yml/.yaml) beside them are configuration, not
documents. Conversion is cached by content hash, so `mkdocs serve` only re-reads the file
that changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..convert import content_hash, convert_file, doc_id_for
from ..model.document import Document
from ..readers import is_source, read_source, unread_format
from ..readers.text import SourceError, check_name, front_without_zero_width, read_sidecar
from ..support.disk_cache import DiskCache, cache_key
from ..support.limits import LimitError, read_within
from ..versions.order import PublishedVersion, order_versions


@dataclass
class SourceVersion:
    path: Path
    display: str
    sidecar: Path | None = None  # NAME.yml beside NAME.txt, or document.yml in a folder


@dataclass
class SourceEntry:
    doc_id: str
    versions: list[SourceVersion] = field(default_factory=list)
    shown: str = ""  # the file or folder in sources/, as messages name it


def _is_text(path: Path) -> bool:
    """A source file: one some reader takes (text, Markdown, Word, PDF, web page), not a
    hidden one or Word's lock file (~$name.docx)."""
    return path.is_file() and is_source(path) and not path.name.startswith((".", "~$"))


def _check_read(path: Path, shown: str, in_sources: bool) -> None:
    """A document in a format no reader takes (a .doc, an .odt) stops the build in one line
    naming it and what to do, never left out unsaid (a hidden file or lock file aside)."""
    if path.name.startswith((".", "~$")) or _is_guide(path) or not path.is_file():
        return
    unread = unread_format(path)
    if unread is not None:
        raise SourceError(shown, unread + (", or move it out of sources/" if in_sources else ""))


def _is_guide(path: Path) -> bool:
    return path.stem.upper() in {"README", "GUIDE", "ADDING-A-DOCUMENT"}


FOLDER_DATA = "document.yml"  # metadata for every version in a document's folder
# The site's own data beside the documents in sources/ (never a document's version).
SITE_DATA_FILES = frozenset({"documents.yml", "glossary.yml", "anchors.json"})

# Pages the site makes itself: a document may not take their address.
RESERVED_ADDRESSES = frozenset(
    {"index", "glossary", "codes", "reviews", "search", "404", "assets", "build-report"}
)


def discover(sources_dir: Path) -> list[SourceEntry]:
    """Documents in reading order of their ids; a folder is one document's versions.

    Raises SourceError for a source that would be lost: two sources with one address,
    an address the site keeps for its own pages, or a link leading out of sources/.
    """
    if not sources_dir.is_dir():
        return []
    entries = [source_entry(path, sources_dir) for path in sorted(sources_dir.iterdir())]
    found = [entry for entry in entries if entry is not None]
    check_addresses(found)
    return found


def source_entry(path: Path, sources_dir: Path | None = None) -> SourceEntry | None:
    """The document a file or folder is (None: neither a source nor a folder of them).

    The one rule for sidecars (NAME.yml beside a file, document.yml in a folder), used
    by the site and by every command, so both read a document the same way. Within
    `sources_dir` a link must not lead out of it, and names are shown from its parent;
    without it (a path given to a command) names are shown as given."""

    def check(found: Path) -> None:
        check_name(found, shown(found))
        if sources_dir is not None:
            _check_inside(found, sources_dir, sources_dir.parent)

    def shown(found: Path) -> str:
        return _shown(found, sources_dir.parent) if sources_dir is not None else str(found)

    _check_read(path, shown(path), sources_dir is not None)
    if _is_text(path) and not _is_guide(path):
        check(path)
        sidecar = path.with_suffix(".yml")
        if sources_dir is None and not sidecar.is_file() and (path.parent / FOLDER_DATA).is_file():
            sidecar = path.parent / FOLDER_DATA  # one version of a folder, named alone
        if sidecar.exists() or sidecar.is_symlink():
            check(sidecar)
        version = SourceVersion(path, shown(path), sidecar)
        return SourceEntry(doc_id_for(path, version.display), [version], version.display)
    if path.is_dir() and not path.name.startswith((".", "_")):
        check(path)
        for inside in sorted(path.iterdir()):
            _check_read(inside, shown(inside), sources_dir is not None)
        versions = [
            SourceVersion(p, shown(p), path / FOLDER_DATA)
            for p in sorted(path.iterdir())
            if _is_text(p) and not _is_guide(p)
        ]
        for version in versions:
            check(version.path)
        if (path / FOLDER_DATA).exists() or (path / FOLDER_DATA).is_symlink():
            check(path / FOLDER_DATA)
        if versions:
            return SourceEntry(doc_id_for(path, shown(path)), versions, shown(path))
    return None


def check_addresses(entries: list[SourceEntry]) -> None:
    """One page per address: a second source there, or a reserved one, would be lost."""
    owners: dict[str, SourceEntry] = {}
    for entry in entries:
        shown = entry.shown or entry.doc_id
        if entry.doc_id in RESERVED_ADDRESSES:
            raise SourceError(
                shown,
                f"would be published at '{entry.doc_id}/', which the site keeps for its own "
                "page; rename the file",
            )
        if entry.doc_id in owners:
            raise SourceError(
                shown,
                f"has the same address '{entry.doc_id}/' as {owners[entry.doc_id].shown}"
                " (names differing only in case, spaces or punctuation, or with no letters "
                "a-z or digits, share one); rename one of them",
            )
        owners[entry.doc_id] = entry


def _check_inside(path: Path, sources_dir: Path, root: Path) -> None:
    """A symbolic link may point within sources/, never out of it (to /etc/passwd, ~/.ssh)."""
    try:
        inside = path.resolve().is_relative_to(sources_dir.resolve())
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if not inside:
        raise SourceError(
            _shown(path, root),
            "is a link to a file outside sources/; refused (copy the file into sources/)",
        )


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


class ConversionCache:
    """Parsed documents by (path, content hash): an edit re-converts only that file.

    Kept in memory for `mkdocs serve` rebuilds and, given a `DiskCache`, between builds.
    """

    def __init__(self, disk: DiskCache | None = None):
        self._cache: dict[tuple[str, str, str, bool], Document] = {}
        self.disk = disk or DiskCache(None)

    def source(self, version: SourceVersion):
        """The source text with its sidecar metadata, as conversion read it."""
        sidecar = version.sidecar if version.sidecar and version.sidecar.is_file() else None
        source = read_source(version.path, version.display)
        if sidecar:
            shown = str(Path(version.display).with_name(sidecar.name))
            values = front_without_zero_width(read_sidecar(sidecar, shown))[0]  # as convert_file
            source.front_matter = {**values, **source.front_matter}
        return source

    def load(self, version: SourceVersion, doc_id: str, check_fidelity: bool = True) -> Document:
        data_hash, sidecar = self._content_hash(version)
        key = (str(version.path), doc_id, data_hash, check_fidelity)
        if key not in self._cache:
            for stale in [k for k in self._cache if k[:2] == key[:2] and k[3] == check_fidelity]:
                del self._cache[stale]
            self._cache[key] = self._from_disk(version, doc_id, key, sidecar)
        return self._cache[key]

    def fingerprint(self, version: SourceVersion) -> str:
        """The version's name and content hash (text and sidecar), without converting it."""
        return f"{version.display}\0{self._content_hash(version)[0]}"

    @staticmethod
    def _content_hash(version: SourceVersion) -> tuple[str, Path | None]:
        sidecar = version.sidecar if version.sidecar and version.sidecar.is_file() else None
        data = _bytes_within(version.path, "source_bytes", version.display)
        extra = b""
        if sidecar:
            shown = str(Path(version.display).with_name(sidecar.name))
            extra = _bytes_within(sidecar, "data_file_bytes", shown)
        return content_hash(data + b"\0" + extra), sidecar

    def _from_disk(self, version, doc_id, key, sidecar) -> Document:
        disk_key = cache_key("document", *key[:3], version.display, str(key[3]))
        document = self.disk.get(disk_key)
        if isinstance(document, Document):
            return document
        shown = str(Path(version.display).with_name(sidecar.name)) if sidecar else ""
        defaults = read_sidecar(sidecar, shown) if sidecar else {}
        document = convert_file(
            version.path, doc_id, version.display, defaults, check_fidelity=key[3]
        )
        self.disk.put(disk_key, document)
        return document


def load_versions(
    entry: SourceEntry, conversions: ConversionCache, check_fidelity: bool = False
) -> list[PublishedVersion]:
    """The entry's versions in adoption order, as every page and command orders them."""
    loaded = [
        (conversions.load(v, entry.doc_id, check_fidelity), v.display, v.path.stem)
        for v in entry.versions
    ]
    return order_versions(loaded)


def _bytes_within(path: Path, limit: str, shown: str) -> bytes:
    """A source's or sidecar's bytes for its content hash, read no further than `limit`."""
    try:
        return read_within(path, limit)
    except OSError as error:
        raise SourceError(shown, f"cannot read the file ({error.strerror})") from None
    except LimitError as error:
        raise SourceError(shown, error.message) from None
