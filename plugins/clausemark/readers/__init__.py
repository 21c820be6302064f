"""Readers: one per source format, each turning a file into the text the parser reads.

A reader returns a `SourceText` in the plain-text layout of `layout.py`, with the
format's name, its own warnings (tracked changes accepted, comments ignored) and what
it left out (a PDF's running headers). The registry below maps file extensions to
readers; the site's discovery and `clausemark convert` both use it, so they accept
the same files. Text and Markdown files are read by `sources.read_source`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..support.limits import LimitError, read_within
from . import docx, html, pdf
from .text import (
    TEXT_SUFFIXES,
    SourceError,
    SourceText,
    check_name,
    check_text_size,
    check_writable,
    without_zero_width,
)
from .text import read_source as read_text_file

ZERO_WIDTH_ONLY = (
    "the file holds only zero-width characters (U+200B, U+FEFF ...), which print nothing: "
    "no text to read"
)


@dataclass(frozen=True)
class Reader:
    format: str
    read: Callable[[Path, str], SourceText]  # (file, name shown in messages)


def _from_bytes(read_bytes: Callable[[bytes, str], SourceText]):
    def read(path: Path, shown: str) -> SourceText:
        try:
            raw = read_within(path, "source_bytes")
        except OSError as error:
            raise SourceError(shown, f"cannot read the file ({error.strerror})") from None
        return read_bytes(raw, shown)

    return read


TEXT = Reader("text", read_text_file)
READERS: dict[str, Reader] = {
    **{suffix: TEXT for suffix in TEXT_SUFFIXES},
    ".md": Reader("markdown", read_text_file),
    ".markdown": Reader("markdown", read_text_file),
    ".docx": Reader("docx", _from_bytes(docx.read)),
    ".pdf": Reader("pdf", _from_bytes(pdf.read)),
    ".html": Reader("html", _from_bytes(html.read)),
    ".htm": Reader("html", _from_bytes(html.read)),
}


_AS_DOCX = "open it in Word or LibreOffice and save it as a Word Document (.docx)"
_AS_HTML = "save the page from the browser as a web page, HTML only (.html)"
# Document formats no reader takes, each with what to do. A file of one of them in
# sources/ (or named to `clausemark convert`) stops with that line: left out unsaid, it
# would be a document missing from the site, or a version missing from its folder.
UNREAD_FORMATS: dict[str, tuple[str, str]] = {
    ".doc": ("a Word 97-2003 document", _AS_DOCX),
    ".docm": ("a Word macro-enabled document", _AS_DOCX),
    ".dot": ("a Word template", _AS_DOCX),
    ".dotx": ("a Word template", _AS_DOCX),
    ".dotm": ("a Word template", _AS_DOCX),
    ".odt": ("an OpenDocument text", _AS_DOCX),
    ".ott": ("an OpenDocument template", _AS_DOCX),
    ".fodt": ("an OpenDocument text", _AS_DOCX),
    ".rtf": ("a Rich Text document", _AS_DOCX),
    ".wpd": ("a WordPerfect document", _AS_DOCX),
    ".pages": ("an Apple Pages document", "export it from Pages as Word (.docx)"),
    ".xps": ("an XPS document", "print it to PDF"),
    ".oxps": ("an XPS document", "print it to PDF"),
    ".xhtml": ("a web page saved as XHTML", _AS_HTML),
    ".mht": ("a web archive", _AS_HTML),
    ".mhtml": ("a web archive", _AS_HTML),
}


def is_source(path: Path) -> bool:
    return path.suffix.lower() in READERS


def unread_format(path: Path) -> str | None:
    """The one line for a document in a format no reader takes (None for any other file)."""
    found = UNREAD_FORMATS.get(path.suffix.lower())
    if found is None:
        return None
    kind, what_to_do = found
    return f"{kind} ({path.suffix}), which clausemark does not read: {what_to_do}"


def reader_for(path: Path) -> Reader:
    """The reader for a file's extension; any other file is tried as text."""
    return READERS.get(path.suffix.lower(), TEXT)


def _is_empty(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False  # the reader says why the file cannot be read


def read_source(path: Path | str, display: str | None = None) -> SourceText:
    """Any supported file as source text; a `SourceError` naming the file otherwise."""
    path = Path(path)
    shown = display or str(path)
    check_name(path, shown)
    unread = unread_format(path)
    if unread is not None:
        raise SourceError(shown, unread)
    if _is_empty(path):  # every format alike, not "not a valid zip" or "not a PDF"
        raise SourceError(shown, "the file is empty (0 bytes)")
    reader = reader_for(path)
    try:
        source = reader.read(path, shown)
    except RecursionError:
        raise SourceError(shown, "the file is nested too deeply to read") from None
    except LimitError as error:  # every reader's bounds: one line naming the file
        raise SourceError(shown, error.message) from None
    check_text_size(source.text, shown)
    printed = without_zero_width(source)
    if source.text.strip() and not printed.text.strip():  # not the parser's "no headings"
        raise SourceError(shown, ZERO_WIDTH_ONLY)
    source = printed
    check_writable(source)
    source.source_format = reader.format
    return source
