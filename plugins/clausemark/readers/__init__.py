"""Readers: one per source format, each turning a file into the text the parser reads.

A reader takes the file's bytes and returns a `SourceText` in the plain-text layout of
`layout.py`, with the format's name and any warnings of its own (tracked changes
accepted, comments ignored). The registry below maps file extensions to readers; the
site's discovery and `clausemark convert` both use it, so they accept the same files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..sources import SourceError, SourceText
from . import docx, html, pdf, text


@dataclass(frozen=True)
class Reader:
    format: str
    read: Callable[[bytes, str], SourceText]


TEXT = Reader("text", text.read)
READERS: dict[str, Reader] = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": Reader("markdown", text.read),
    ".markdown": Reader("markdown", text.read),
    ".docx": Reader("docx", docx.read),
    ".pdf": Reader("pdf", pdf.read),
    ".html": Reader("html", html.read),
    ".htm": Reader("html", html.read),
}
SOURCE_SUFFIXES = tuple(READERS)


def is_source(path: Path) -> bool:
    return path.suffix.lower() in READERS


def reader_for(path: Path) -> Reader:
    """The reader for a file's extension; any other file is tried as text."""
    return READERS.get(path.suffix.lower(), TEXT)


def read_source(path: Path | str, display: str | None = None) -> SourceText:
    """Any supported file as source text; a `SourceError` naming the file otherwise."""
    path = Path(path)
    shown = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(shown, f"cannot read the file ({error.strerror})") from None
    reader = reader_for(path)
    try:
        source = reader.read(raw, shown)
    except RecursionError:
        raise SourceError(shown, "the file is nested too deeply to read") from None
    source.source_format = reader.format
    return source
