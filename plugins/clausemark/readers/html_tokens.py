"""A web page's markup read once into a list of tokens, given to both of its readers.

The note finder (html_notes.py) must see the whole page before the page reader
(html.py) reads it: a marker early on is a note's mark only if a note at the end links
back to it. Both read the same tokens of the same text (the same parser settings, the
same comment ends), so the page is tokenized once, the tokens kept with the place each
was read at, and handed to each reader in turn: `HTMLParser`'s own tokenizing was about
half of reading a page, done twice.

Each reader reads the tokens exactly as if it had been fed the text: its handlers are
called in the same order with the same values, and `getpos()` answers the same place.
What is left unread at the end (`close`) is the reader's own: the page reader cuts what
the file leaves open before it closes (html_broken.py), the note finder does not.

Bounded: past `MOST_TOKENS` tokens the page is read as before, by each reader from the
text (`TooManyTokens`), so the kept tokens never hold more than a few tens of megabytes.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from .html_broken import comment_end

MOST_TOKENS = 250_000
_START, _END, _DATA = 0, 1, 2
# HTMLParser's state between `feed` and `close` (its own attributes, Python 3.11)
_STATE = ("rawdata", "lasttag", "interesting", "cdata_elem", "lineno", "offset")


class TooManyTokens(Exception):
    """The page has more tokens than are kept: each reader reads it from the text."""


class PageTokens(HTMLParser):
    """The tokens of `feed`, each with its place, and the parser's state after them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[int, str, Any, int, int]] = []
        self.state: dict[str, Any] = {}

    def read(self, text: str) -> PageTokens:
        self.feed(text)
        self.state = {name: getattr(self, name) for name in _STATE}
        return self

    def _keep(self, kind: int, value: str, attrs: Any) -> None:
        if len(self.tokens) >= MOST_TOKENS:
            raise TooManyTokens
        self.tokens.append((kind, value, attrs, self.lineno, self.offset))

    def handle_starttag(self, tag, attrs):
        self._keep(_START, tag, attrs)

    def handle_endtag(self, tag):
        self._keep(_END, tag, None)

    def handle_data(self, data):
        self._keep(_DATA, data, None)

    def parse_comment(self, i, report=1):  # as both readers end a comment
        return comment_end(self.rawdata, i)

    def give(self, reader: HTMLParser) -> None:
        """Call `reader`'s handlers with the tokens `feed` read, each at its place, and
        leave it where `feed` would have: ready to `close` on what was left unread."""
        start, end, data = reader.handle_starttag, reader.handle_endtag, reader.handle_data
        for kind, value, attrs, line, column in self.tokens:
            reader.lineno, reader.offset = line, column  # what getpos() answers
            if kind == _START:
                start(value, attrs)
            elif kind == _END:
                end(value)
            else:
                data(value)
        for name, kept in self.state.items():
            setattr(reader, name, kept)


def page_tokens(text: str) -> PageTokens | None:
    """The page read once into tokens for both its readers; None when only the page
    reader reads it (no link within the page: no notes to find), or when it is too long
    to keep or cannot be read (each reader then reads, and fails on, the text as before)."""
    if "#" not in text:
        return None
    try:
        return PageTokens().read(text)
    except (TooManyTokens, AssertionError):
        return None
