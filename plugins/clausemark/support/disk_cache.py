"""Results kept between builds, found by the hash of everything they were made from.

A rebuild of an unchanged source reads its converted Document back instead of parsing
it again, as the plain Markdown of a hand-written site would be read. Each key also
hashes clausemark's own code, so a new converter never reads an old entry. Entries are
written atomically; one that cannot be read is made again; entries unused for
`KEEP_DAYS` are removed.

An entry is plain data (JSON, see plain_data.py), never a pickle: a cache restored from
somewhere else can at worst cost a rebuild. Its first line holds the format version, the
key it was stored under and the SHA-256 of the rest; an entry whose line does not match
(damaged, truncated, written by another version, or copied under another key) is made
again, never trusted.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import time
from functools import cache
from pathlib import Path

from .atomic import write_atomically
from .escaping import inline_markup_read
from .package_files import PACKAGE_ROOT
from .plain_data import encode, loads

KEEP_DAYS = 30
FORMAT = "clausemark-cache/2"
_SUFFIX = ".json"
_FOREIGN_SUFFIXES = (".pickle",)  # what earlier versions stored: removed, never read


@cache
def code_fingerprint() -> str:
    """A hash of this package's Python files, its subpackages' too (numbering/): any
    change to the code empties the cache."""
    digest = hashlib.sha256()
    root = PACKAGE_ROOT
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(kind: str, *parts: bytes | str) -> str:
    # Markdown written under one site's inline escaping is never read back under another's
    profile = ",".join(inline_markup_read())
    digest = hashlib.sha256(f"{kind}\0{code_fingerprint()}\0{profile}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return f"{kind}-{digest.hexdigest()[:40]}"


class DiskCache:
    """A folder of checked JSON entries; `None` as the folder keeps nothing (the CLI, tests)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._pruned = False

    def get(self, key: str):
        """The stored value, or None when there is none or it cannot be trusted."""
        if self.folder is None:
            return None
        path = self.folder / f"{key}{_SUFFIX}"
        try:
            value = unpack(path.read_bytes(), key)
        except Exception:  # a missing, partial or foreign entry is simply made again
            return None
        with contextlib.suppress(OSError):  # used: keep it past the next pruning
            os.utime(path)
        return value

    def forget(self, key: str) -> None:
        if self.folder is not None:
            with contextlib.suppress(OSError):
                (self.folder / f"{key}{_SUFFIX}").unlink()

    def put(self, key: str, value, keep: int | None = None) -> None:
        """Store `value`; a full disk, a read-only folder or a value plain data cannot hold
        costs speed, never the build, and leaves no partial entry behind.

        `keep` bounds the entries of this kind (the key's prefix) to the newest few: a
        large one (the site index) made afresh by every edit under `mkdocs serve` would
        otherwise fill the disk long before a month is out.
        """
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._prune()
            write_atomically(self.folder / f"{key}{_SUFFIX}", pack(value, key))
        except Exception:
            return
        if keep is not None:
            self._keep_newest(key.rsplit("-", 1)[0], keep)

    def _keep_newest(self, kind: str, keep: int) -> None:
        if self.folder is None:
            return
        entries = []
        for path in self.folder.glob(f"{kind}-*{_SUFFIX}"):
            with contextlib.suppress(OSError):
                entries.append((path.stat().st_mtime_ns, path))
        for _, path in sorted(entries, reverse=True)[keep:]:
            with contextlib.suppress(OSError):
                path.unlink()

    def _prune(self) -> None:
        if self._pruned or self.folder is None:
            return
        self._pruned = True
        now = time.time()
        # A .tmp file is another build's entry being written, unless it is old.
        limits = {_SUFFIX: now - KEEP_DAYS * 86400, ".tmp": now - 3600}
        for path in self.folder.iterdir():
            try:
                if path.suffix in _FOREIGN_SUFFIXES or (
                    path.suffix in limits and path.stat().st_mtime < limits[path.suffix]
                ):
                    path.unlink()
            except OSError:
                continue


def pack(value, key: str) -> bytes:
    """The bytes of an entry: a checked first line, then the value as JSON."""
    with _no_collection():
        payload = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")).encode()
    digest = hashlib.sha256(payload).hexdigest()
    return f"{FORMAT} {key} {digest}\n".encode() + payload


@contextlib.contextmanager
def _no_collection():
    """The collector paused while an entry is encoded or decoded: both make a tree of new
    containers and no cycle, so a collection then frees nothing and walks them all with
    the build's heap (a cold build at 10 times the example spent 1.8 CPU s collecting,
    0.6 of it while the site index was packed; 1.1 with this)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def unpack(data: bytes, key: str):
    """The value of an entry written by `pack` under `key`; ValueError for anything else."""
    header, _, payload = data.partition(b"\n")
    if header.decode("ascii") != f"{FORMAT} {key} {hashlib.sha256(payload).hexdigest()}":
        raise ValueError("not an entry of this format and key, or damaged")
    with _no_collection():
        return loads(payload)
