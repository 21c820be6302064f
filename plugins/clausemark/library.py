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

from .convert import content_hash, convert_file, doc_id_for
from .disk_cache import DiskCache, cache_key
from .model import Document
from .readers import is_source, read_source
from .sources import SourceError, read_sidecar


@dataclass
class SourceVersion:
    path: Path
    display: str
    sidecar: Path | None = None  # NAME.yml beside NAME.txt, or document.yml in a folder


@dataclass
class SourceEntry:
    doc_id: str
    versions: list[SourceVersion] = field(default_factory=list)


def _is_text(path: Path) -> bool:
    """A source file: one some reader takes (text, Markdown, Word, PDF, web page), not a
    hidden one or Word's lock file (~$name.docx)."""
    return path.is_file() and is_source(path) and not path.name.startswith((".", "~$"))


def _is_guide(path: Path) -> bool:
    return path.stem.upper() in {"README", "GUIDE", "ADDING-A-DOCUMENT"}


def discover(sources_dir: Path) -> list[SourceEntry]:
    """Documents in reading order of their ids; a folder is one document's versions."""
    entries: list[SourceEntry] = []
    if not sources_dir.is_dir():
        return entries
    root = sources_dir.parent
    for path in sorted(sources_dir.iterdir()):
        if _is_text(path) and not _is_guide(path):
            sidecar = path.with_suffix(".yml")
            version = SourceVersion(path, _shown(path, root), sidecar)
            entries.append(SourceEntry(doc_id_for(path), [version]))
        elif path.is_dir() and not path.name.startswith((".", "_")):
            versions = [
                SourceVersion(p, _shown(p, root), path / "document.yml")
                for p in sorted(path.iterdir())
                if _is_text(p) and not _is_guide(p)
            ]
            if versions:
                entries.append(SourceEntry(doc_id_for(path), versions))
    return entries


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
        self._cache: dict[tuple[str, str, str], Document] = {}
        self.disk = disk or DiskCache(None)

    def source(self, version: SourceVersion):
        """The source text with its sidecar metadata, as conversion read it."""
        sidecar = version.sidecar if version.sidecar and version.sidecar.is_file() else None
        source = read_source(version.path, version.display)
        if sidecar:
            shown = str(Path(version.display).with_name(sidecar.name))
            source.front_matter = {**read_sidecar(sidecar, shown), **source.front_matter}
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
        try:
            data = version.path.read_bytes()
        except OSError as error:
            raise SourceError(version.display, f"cannot read the file ({error.strerror})") from None
        sidecar = version.sidecar if version.sidecar and version.sidecar.is_file() else None
        extra = sidecar.read_bytes() if sidecar else b""
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
