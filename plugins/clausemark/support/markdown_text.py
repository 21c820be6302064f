"""Inline Markdown as the words a reader sees: for search, JSON, diffs and the nothing-lost
proof. One home for what "the words of a text" means, below every layer that compares them."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_DIGIT = {ch: str(i) for i, ch in enumerate(SUPERSCRIPT_DIGITS)}


def superscript_to_digits(text: str) -> str:
    return "".join(_SUPERSCRIPT_TO_DIGIT.get(ch, ch) for ch in text)


# Label and target stop at the next bracket: '[x]( [x]( ...' must not rescan the line.
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()\[\]\n]|\([^()\[\]\n]*\))*\)")
_FOOTNOTE_REF = re.compile(r"\[\^(\w+)\]")
# The text between delimiters never holds the delimiter's own character, so each match
# looks only as far as the next '*' (or '_'): linear on '*a *a *a ...', where a lazy
# '.+?' would scan to the end of the line from every star.
_EMPHASIS = (
    re.compile(r"(\*{1,3})([^\s*](?:[^*]*?[^\s*])?)\1"),
    re.compile(r"(_{2,3})([^\s_](?:[^_]*?[^\s_])?)\1"),
)
EMPHASIS_DEPTH = 3  # '***a** b*': one pass per level of nesting a writer would use


_INLINE_SYNTAX = re.compile(r"[\\\[*_&]")
# A character reference as Markdown passes it to the page ("&lt;", "&#60;"): the reader
# sees the character. Without its ';' it is text ("R&D", "&notes").
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def plain_text(markdown_inline: str) -> str:
    """Inline Markdown to the words a reader sees (for search, JSON and diffs)."""
    if not _INLINE_SYNTAX.search(markdown_inline):
        return " ".join(markdown_inline.split())
    # each step only where its opening character is (a substring test in C, where each
    # sub costs a call and a scan: this runs on every clause, some of them long)
    text = markdown_inline
    if "[" in text:
        text = _MARKDOWN_LINK.sub(r"\1", _FOOTNOTE_REF.sub("", text))
    if _HELD_RANGE.search(text):  # private-use characters of its own: read as before
        text = _ESCAPED.sub(r"\1", _strip_emphasis(text))
    elif "\\" in text:
        held = _ESCAPED.sub(lambda m: chr(_HELD + ord(m.group(1))), text)
        text = _HELD_RANGE.sub(lambda m: chr(ord(m.group(0)) - _HELD), _strip_emphasis(held))
    else:  # nothing escaped, so nothing held
        text = _strip_emphasis(text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return " ".join(text.split())  # runs of white space as one space ('\\s' is isspace)


def may_hold_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether a case-blind pattern that needs one of `words` (in lower case) may match
    `text`: a look costing one pass, before a search costing a pass from every position.
    Exact for ASCII; any other text may (such a pattern takes 'ſ' for 's', 'ı' for 'i')."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")
# An escaped character is held as a private-use character while emphasis is read, so
# '\*not\*' stays '*not*' (the page shows the stars, never emphasis).
_HELD = 0xE000
_HELD_RANGE = re.compile("[\ue000-\ue07f]")


def _strip_emphasis(text: str) -> str:
    if "*" not in text and "_" not in text:
        return text  # no delimiter: no pattern can match
    for _ in range(EMPHASIS_DEPTH):
        stripped = text
        for pattern in _EMPHASIS:
            stripped = pattern.sub(r"\2", stripped)
        if stripped == text:
            break
        text = stripped
    return text


def words(text: str) -> list[str]:
    """The words of a text, as the 'nothing lost' checks compare them. Digits and letters
    are apart ("1.1The" printed glued is "1 1 the", as the page shows it)."""
    if text.isascii():  # no superscript, and NFKC leaves ASCII as it is
        return _WORD.findall(text.lower())
    text = _SUPERSCRIPTS.sub(lambda m: f" {superscript_to_digits(m.group(0))} ", text)
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


_SUPERSCRIPTS = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_WORD = re.compile(r"\d+|[^\W\d_]+")


def word_string(text: str, backslashes: bool = False) -> bytes:
    """`words(text)` as one UTF-8 string, each word after one space (b" the 1 council";
    b"" for none). The nothing-lost proof compares a page's million words as slices of
    two such strings, in C, where lists would make a string object for every word.
    With `backslashes`, each backslash is a word of its own too (b" c \\ users"): no
    word to search for, but a character the reader sees ('C:\\Users'), which the proof
    counts so that a page dropping one (read as a Markdown escape) fails it.

    The same words as `words`, by the same steps (superscript digits apart, NFKC, lower
    case): a character that is neither a letter nor a digit to `words` becomes a space,
    and a space goes between a letter and a digit, so splitting at spaces gives the words.
    A piece of whole lines at a time; a line already in NFKC is left as it is."""
    if backslashes and "\\" in text:
        text = text.replace("\\", " \\ ")
        return b"".join(_piece_string(piece, _WITH_BACKSLASH) for piece in line_pieces(text))
    return b"".join(map(_piece_string, line_pieces(text)))


def _piece_string(text: str, kept: bytes | None = None) -> bytes:
    """One piece's words; `kept` the table of ASCII bytes kept (`_ASCII_SPACES` unless
    given), each backslash already a space apart from its neighbours."""
    if not text.isascii():
        if any(digit in text for digit in SUPERSCRIPT_DIGITS):
            text = _SUPERSCRIPTS.sub(lambda m: f" {superscript_to_digits(m.group(0))} ", text)
        if not unicodedata.is_normalized("NFKC", text):  # most pieces are: one look
            text = "\n".join(
                line
                if line.isascii() or unicodedata.is_normalized("NFKC", line)
                else unicodedata.normalize("NFKC", line)
                for line in text.split("\n")
            )
    text = text.lower()
    if not text.isascii():
        kinds = set(_NON_ASCII.findall(text))
        if len(kinds) > MOST_KINDS:  # one pass a kind: bounded, so the piece stays linear
            return _found_string(text, kept is not None)
        for char in kinds:
            kind = _kind(char)
            if kind == "digit":  # a digit bytes cannot tell from a letter: rare
                return _found_string(text, kept is not None)
            if kind == "other":
                text = text.replace(char, " ")
    # every character left beyond ASCII is a letter (a surrogate is "other")
    data = text.encode("utf-8").translate(_ASCII_SPACES if kept is None else kept)
    classes = data.translate(_CLASSES)
    most = 16 + (
        len(data) >> 6
    )  # past it, parted by a pattern: dense letters and digits ("a1a1a1")
    cuts = _found_all(classes, b"a0", most) + _found_all(classes, b"0a", most)
    if len(cuts) > most:
        data = _LETTER_DIGIT.sub(rb"\g<0> ", data)
    elif cuts:
        cuts.sort()
        data = b" ".join(data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True))
    said = data.split()
    return b" " + b" ".join(said) if said else b""


def _found_string(text: str, backslashes: bool = False) -> bytes:
    """`word_string` by the pattern, for a text already in NFKC and lower case."""
    said = (_WORD_OR_BACKSLASH if backslashes else _WORD).findall(text)
    return (" " + " ".join(said)).encode("utf-8") if said else b""


def _found_all(data: bytes, pair: bytes, most: int) -> list[int]:
    """Where each `pair` (letter then digit, or digit then letter) parts; past `most`,
    no more are looked for."""
    found: list[int] = []
    at = data.find(pair)
    while at != -1 and len(found) <= most:
        found.append(at + 1)
        at = data.find(pair, at + 1)
    return found


@functools.lru_cache(maxsize=4096)
def _kind(char: str) -> str:
    """What `words` reads a character beyond ASCII as: "digit", "letter" or "other"."""
    if _DIGIT.match(char):
        return "digit"
    return "letter" if _WORD.match(char) else "other"


MOST_KINDS = 32  # kinds of character beyond ASCII in a piece read by bytes; past it, by pattern
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_DIGIT = re.compile(r"\d")
_ASCII_WORD = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_SPACES = bytes(c if c in _ASCII_WORD or c > 127 else 32 for c in range(256))
_WITH_BACKSLASH = _ASCII_SPACES[:92] + b"\\" + _ASCII_SPACES[93:]
_WORD_OR_BACKSLASH = re.compile(r"\d+|[^\W\d_]+|\\")
_CLASSES = bytes(
    48 if 48 <= c <= 57 else 97 if c in _ASCII_WORD or c > 127 else 32 for c in range(256)
)
_LETTER_DIGIT = re.compile(rb"[0-9](?=[A-Za-z\x80-\xff])|[A-Za-z\x80-\xff](?=[0-9])")


PIECE = 1 << 16  # characters: a few lines' words at once, never the page's


def line_pieces(text: str) -> Iterator[str]:
    """`text` in pieces of about PIECE characters, each cut at a line break (a piece
    over PIECE is one long line)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + PIECE)
        end = len(text) if end == -1 else end
        yield text[start:end]
        start = end + 1


def joined_pieces(lines: Iterable[str]) -> Iterator[str]:
    """`lines` joined by line breaks in pieces of about PIECE characters."""
    batch: list[str] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line) + 1
        if size > PIECE:
            yield "\n".join(batch)
            batch, size = [], 0
    if batch:
        yield "\n".join(batch)
