"""Text and Markdown files: read as they are (decoding and front matter in sources.py)."""

from __future__ import annotations

from ..sources import SourceText, text_source


def read(raw: bytes, path: str) -> SourceText:
    return text_source(raw, path)
