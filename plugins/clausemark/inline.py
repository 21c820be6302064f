"""Inline clean-up of one line of source text, before any structure is read.

Exports from Word and PDF leave presentational HTML (<b>, <u>, <sup>) and superscript
footnote markers in the text. Presentational tags become Markdown, footnote markers
become Markdown footnote references, and any other tag is escaped so that it shows
as text and can never run as HTML in the published site.
"""

from __future__ import annotations

import re
import unicodedata

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
    """Presentational HTML to Markdown; any other tag escaped."""
    if "<" not in text:
        return text
    text = _SUP_NUMBER.sub(lambda m: FOOTNOTE_REF.format(m.group(1)), text)

    def anchor(match: re.Match) -> str:
        href = _HREF.search(match.group(1))
        target = next((g for g in href.groups() if g is not None), "") if href else ""
        label = match.group(2)
        return f"[{label}]({target or '#'})"

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
    # An autolink stays only when it is closed: an unclosed '<http://' left raw makes
    # every HTML reader of the page rescan the rest of it from each one.
    return re.sub(r"<(?![a-z]+://[^<>\s]*>)", "&lt;", text)


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
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#39);")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "#39": "'"}


_INLINE_SYNTAX = re.compile(r"[\\\[*_&]")


def plain_text(markdown_inline: str) -> str:
    """Inline Markdown to the words a reader sees (for search, JSON and diffs)."""
    if not _INLINE_SYNTAX.search(markdown_inline):
        return " ".join(markdown_inline.split())
    text = _FOOTNOTE_REF.sub("", markdown_inline)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _strip_emphasis(text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>])", r"\1", text)
    text = _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], text)
    return re.sub(r"\s+", " ", text).strip()


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
    """The words of a text, as the 'nothing lost' checks compare them."""
    text = re.sub(
        f"[{SUPERSCRIPT_DIGITS}]+", lambda m: f" {superscript_to_digits(m.group(0))} ", text
    )
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).lower())
