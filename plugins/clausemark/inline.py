"""Inline clean-up of one line of source text, before any structure is read.

Exports from Word and PDF leave presentational HTML (<b>, <u>, <sup>) and superscript
footnote markers in the text. Presentational tags become Markdown, footnote markers
become Markdown footnote references, and any other tag is escaped so that it shows
as text and can never run as HTML in the published site. A link (`<a href>` or
`[text](url)`) keeps its target only when it is http, https, mailto or relative
(escaping.safe_link); any other becomes its plain text, and the caller is told.
"""

from __future__ import annotations

import html
import re
import unicodedata

from .escaping import markdown_url, safe_link

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_DIGIT = {ch: str(i) for i, ch in enumerate(SUPERSCRIPT_DIGITS)}

_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b([^<>]*)>")
_SUP_NUMBER = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.I)
_ANCHOR = re.compile(r"<a\b([^<>]*)>(.*?)</a>", re.I | re.S)
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_ANY_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPT_DIGITS}]")
_SUPERSCRIPT_RUN = re.compile(
    f"(?<=[\\w.,;:)’'\"”])(?<![{SUPERSCRIPT_DIGITS}])([{SUPERSCRIPT_DIGITS}]+)"
)

BOLD_TAGS = {"b", "strong"}
ITALIC_TAGS = {"i", "em"}
DROPPED_TAGS = {"u", "span", "font", "p", "div", "sub", "sup", "small", "big", "ins", "mark"}
BREAK_TAGS = {"br"}

FOOTNOTE_REF = "[^{}]"


def superscript_to_digits(text: str) -> str:
    return "".join(_SUPERSCRIPT_TO_DIGIT.get(ch, ch) for ch in text)


def convert_html(text: str) -> str:
    """Presentational HTML to Markdown; any other tag escaped; unsafe link targets dropped."""
    return convert_inline(text)[0]


def convert_inline(text: str) -> tuple[str, list[str]]:
    """`convert_html`, and the link targets it refused (for a warning naming the line)."""
    refused: list[str] = []
    if "](" in text:  # Markdown links as written; the <a> tags below are checked as made
        text = _refuse_markdown_links(text, refused)
    if "<" not in text:
        return text, refused
    text = _SUP_NUMBER.sub(lambda m: FOOTNOTE_REF.format(m.group(1)), text)

    def anchor(match: re.Match) -> str:
        href = _HREF.search(match.group(1))
        target = next((g for g in href.groups() if g is not None), "") if href else ""
        label = match.group(2)
        if target and not safe_link(target):
            refused.append(target)
            return label
        return f"[{label}]({markdown_url(target) if target else '#'})"

    text = _ANCHOR.sub(anchor, text)

    def tag(match: re.Match) -> str:
        name = match.group(1).lower()
        if name in BOLD_TAGS:
            return "**"
        if name in ITALIC_TAGS:
            return "*"
        if name in BREAK_TAGS:
            return " "
        if name in DROPPED_TAGS:
            return ""
        return match.group(0).replace("<", "&lt;").replace(">", "&gt;")

    text = _TAG.sub(tag, text)
    # Whatever '<' is left opens no tag: Markdown would pass it through as raw HTML.
    return text.replace("<", "&lt;"), refused


# A Markdown link or image written in the text: [label](target "title") or ![alt](target).
# Bounded, so that a line of "[x](" repeated is read in linear time.
_MARKDOWN_LINK_IN_TEXT = re.compile(
    r"(!?)\[([^\]]{0,500})\]\(\s*<?((?:[^\s()<>]|\([^\s()]{0,200}\)){0,2000})>?[^)]{0,200}\)"
)


def _refuse_markdown_links(text: str, refused: list[str]) -> str:
    """Unsafe links become their label; an image stays the text written (it would load
    something, perhaps from another site, and a source text shows no pictures)."""

    def check(match: re.Match) -> str:
        if match.group(1):
            return "!\\" + match.group(0)[1:]
        target = match.group(3)
        if safe_link(target):
            return match.group(0)
        refused.append(target)
        return match.group(2)

    return _MARKDOWN_LINK_IN_TEXT.sub(check, text)


def convert_superscript_markers(text: str) -> str:
    """'Interfere¹ with' -> 'Interfere[^1] with'."""
    if not _ANY_SUPERSCRIPT.search(text):
        return text
    return _SUPERSCRIPT_RUN.sub(
        lambda m: FOOTNOTE_REF.format(superscript_to_digits(m.group(1))), text
    )


_EMPHASIS_WRAP = re.compile(r"^(\*{1,3}|_{1,3})(.+?)\1$")


def strip_emphasis_wrapper(text: str) -> str:
    """'***Undue Pressure***' -> 'Undue Pressure' (headings carry no emphasis)."""
    text = text.strip()
    for _ in range(_EMPHASIS_DEPTH):  # bounded: a line of stars must not cost n passes
        match = _EMPHASIS_WRAP.match(text)
        if not match:
            break
        text = match.group(2).strip()
    return text


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
_EMPHASIS_DEPTH = 3  # '***a** b*': one pass per level of nesting a writer would use


_INLINE_SYNTAX = re.compile(r"[\\\[*_&]")
# A character reference as Markdown passes it to the page ("&lt;", "&#60;"): the reader
# sees the character. Without its ';' it is text ("R&D", "&notes").
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def plain_text(markdown_inline: str) -> str:
    """Inline Markdown to the words a reader sees (for search, JSON and diffs)."""
    if not _INLINE_SYNTAX.search(markdown_inline):
        return " ".join(markdown_inline.split())
    text = _FOOTNOTE_REF.sub("", markdown_inline)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    if _HELD_RANGE.search(text):  # private-use characters of its own: read as before
        text = _ESCAPED.sub(r"\1", _strip_emphasis(text))
    else:
        held = _ESCAPED.sub(lambda m: chr(_HELD + ord(m.group(1))), text)
        text = _HELD_RANGE.sub(lambda m: chr(ord(m.group(0)) - _HELD), _strip_emphasis(held))
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return re.sub(r"\s+", " ", text).strip()


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")
# An escaped character is held as a private-use character while emphasis is read, so
# '\*not\*' stays '*not*' (the page shows the stars, never emphasis).
_HELD = 0xE000
_HELD_RANGE = re.compile("[\ue000-\ue07f]")


def _strip_emphasis(text: str) -> str:
    for _ in range(_EMPHASIS_DEPTH):
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
    text = re.sub(
        f"[{SUPERSCRIPT_DIGITS}]+", lambda m: f" {superscript_to_digits(m.group(0))} ", text
    )
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


_WORD = re.compile(r"\d+|[^\W\d_]+")
