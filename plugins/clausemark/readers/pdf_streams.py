"""A PDF's compressed streams, measured unpacked before the PDF library opens the file.

pdfium inflates a page's /FlateDecode content whole, in memory, with no cap: a 306 KB
file whose one page unpacks to 300 MB of spaces peaked at 656 MB (attack11, session 10),
and a megabyte of file asks for gigabytes. So each Flate stream that is not an image (the
text reader never decodes images: a scanned page's picture may unpack to tens of MB and
is never read) is inflated here first, in chunks, counting only its size: past
`pdf_stream_bytes` the file is refused in one line, before any page is read. Memory stays
flat (nothing unpacked is kept) and the work is bounded by the limit per stream and by
`pdf_streams_bytes` for the file, so many copies of one stream cannot add up either.
"""

from __future__ import annotations

import re
import zlib

from ..support.limits import check

_STREAM = re.compile(rb">>\s*stream\r?\n")
_DICTIONARY_REACH = 4096  # bytes before 'stream' searched for its dictionary's start
_CHUNK = 1 << 16  # compressed bytes fed at a time
_OUT = 1 << 20  # unpacked bytes taken at a time (counted, then dropped)


def _dictionary(raw: bytes, end: int) -> bytes:
    """The stream's dictionary as far back as its object's 'obj' keyword."""
    start = max(0, end - _DICTIONARY_REACH)
    opened = raw.rfind(b"obj", start, end)
    return raw[opened if opened >= 0 else start : end]


def _flate_text_stream(dictionary: bytes) -> bool:
    return b"FlateDecode" in dictionary and b"/Image" not in dictionary


def _unpacked_size(raw: bytes, start: int, place: str) -> int:
    """The stream at `start`, inflated in chunks and only counted: its size so far is
    checked against the limit as it grows. A damaged stream counts what inflated (the
    PDF library reports the damage itself)."""
    inflater = zlib.decompressobj()
    size, position = 0, start
    try:
        while position < len(raw) and not inflater.eof:
            pending = raw[position : position + _CHUNK]
            position += len(pending)
            while pending and not inflater.eof:
                size += len(inflater.decompress(pending, _OUT))
                check("pdf_stream_bytes", size, place)
                pending = inflater.unconsumed_tail
    except zlib.error:
        pass
    return size


def check_stream_sizes(raw: bytes, path: str) -> None:
    """Refuse a PDF one of whose text streams (page content, fonts, object streams)
    unpacks past `pdf_stream_bytes`, or all of them past `pdf_streams_bytes`."""
    total = 0
    for match in _STREAM.finditer(raw):
        if not _flate_text_stream(_dictionary(raw, match.start())):
            continue
        place = f"the stream at byte {match.end():,}"
        total = check("pdf_streams_bytes", total + _unpacked_size(raw, match.end(), place))
