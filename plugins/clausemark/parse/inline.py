"""Inline clean-up of one line of source text, before any structure is read.

Exports from Word and PDF leave presentational HTML (<b>, <u>, <sup>) and superscript
footnote markers in the text. Presentational tags become Markdown, footnote markers
become Markdown footnote references, and any other tag is escaped so that it shows
as text and can never run as HTML in the published site. A link (`<a href>` or
`[text](url)`) keeps its target only when it is http, https, mailto or relative
(escaping.safe_link); any other becomes its plain text, and the caller is told.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..support.escaping import LINE_BREAK, literal_backslashes, markdown_url, safe_link
from ..support.markdown_text import EMPHASIS_DEPTH, SUPERSCRIPT_DIGITS, superscript_to_digits

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


def convert_html(text: str) -> str:
    """Presentational HTML to Markdown; any other tag escaped; unsafe link targets dropped."""
    return convert_inline(text)[0]


def convert_inline(text: str, printed_backslashes: bool = False) -> tuple[str, list[str]]:
    """`convert_html`, and the link targets it refused (for a warning naming the line).

    A code span (`` `<b>` ``) is the text's own literal: Markdown shows what it holds as
    written, escaped, so nothing in it is converted (its '<b>' made '**' would show
    stars the text never printed).

    `printed_backslashes`: the line is a text file's, where a backslash is a character
    printed like any other (the lead's ruling of session 9), never a Markdown escape:
    outside code spans each is written escaped (`escaping.literal_backslashes`), as the
    Word, PDF and web readers write theirs, so the page, search and the diff show it as
    printed; a run of backticks after one opens a code span as it would after a letter.
    """
    refused: list[str] = []
    literal = printed_backslashes and "\\" in text

    def convert(part: str) -> str:
        if not literal:
            return _convert_outside_code(part, refused)
        return _convert_outside_code(literal_backslashes(part), refused, _printed_target)

    if "`" in text:
        spans = code_spans(text.replace("\\", " ") if literal else text)
        if spans:
            parts, at = [], 0
            for start, end in spans:
                parts.append(convert(text[at:start]))
                parts.append(text[start:end])
                at = end
            parts.append(convert(text[at:]))
            return "".join(parts), refused
    return convert(text), refused


_BACKTICKS = re.compile(r"`+")


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where Python-Markdown reads a code span: a run of backticks up to the next run of
    the same length. A run after an odd number of backslashes opens with one backtick
    fewer (its first is escaped) but closes whole, as inside a span a backslash escapes
    nothing. Linear: each run's closer is looked up, never searched for."""
    runs: list[tuple[int, int, int]] = []  # (start, length as it opens, length)
    for match in _BACKTICKS.finditer(text):
        start, length = match.start(), len(match.group())
        # the backslashes before it, counted back from the run (each counted once: a
        # pattern matching them forward tried every start of a long run again, O(n^2))
        before = start
        while before > 0 and text[before - 1] == "\\":
            before -= 1
        escaped = (start - before) % 2 == 1
        runs.append((start, length - escaped, length))
    closers: list[int | None] = [None] * len(runs)
    seen: dict[int, int] = {}  # a length -> the first run after this one that long
    for index in range(len(runs) - 1, -1, -1):
        closers[index] = seen.get(runs[index][1])
        seen[runs[index][2]] = index
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, opens, length = runs[index]
        closer = closers[index]
        if not opens or closer is None:
            index += 1
            continue
        close_at, _, close_length = runs[closer]
        spans.append((start + length - opens, close_at + close_length))
        index = closer + 1
    return spans


def _printed_target(target: str) -> str:
    """A link target as the text file printed it, its backslashes escaped before it was
    read (`convert_inline`): an address is checked and named as printed, and an HTML
    attribute, where a backslash escapes nothing, is the address as printed."""
    return target.replace("\\\\", "\\")


def _as_written(target: str) -> str:
    return target


def _convert_outside_code(
    text: str, refused: list[str], printed: Callable[[str], str] = _as_written
) -> str:
    """Presentational HTML to Markdown in text that holds no code span; `printed`, a link
    target as the source printed it."""
    if "](" in text:  # Markdown links as written; the <a> tags below are checked as made
        text = _refuse_markdown_links(text, refused, printed)
    if "<" not in text:
        return text
    text = _SUP_NUMBER.sub(lambda m: FOOTNOTE_REF.format(m.group(1)), text)

    def anchor(match: re.Match) -> str:
        href = _HREF.search(match.group(1))
        target = printed(next((g for g in href.groups() if g is not None), "") if href else "")
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
    return text.replace("<", "&lt;")


# A Markdown link or image written in the text: [label](target "title") or ![alt](target)
# (an image's '!' is the character before; a pattern opening with a literal is scanned
# for in C). Bounded, so that a line of "[x](" repeated is read in linear time.
_MARKDOWN_LINK_IN_TEXT = re.compile(
    r"\[([^\]]{0,500})\]\(\s*<?((?:[^\s()<>]|\([^\s()]{0,200}\)){0,2000})>?[^)]{0,200}\)"
)


def _refuse_markdown_links(
    text: str, refused: list[str], printed: Callable[[str], str] = _as_written
) -> str:
    """Unsafe links become their label; an image stays the text written (it would load
    something, perhaps from another site, and a source text shows no pictures)."""

    def check(match: re.Match) -> str:
        if match.start() and text[match.start() - 1] == "!":
            return "\\" + match.group(0)
        target = printed(match.group(2))  # kept as written: Markdown reads its escapes
        if safe_link(target):
            return match.group(0)
        refused.append(target)
        return match.group(1)

    return _MARKDOWN_LINK_IN_TEXT.sub(check, text)


def refused_links_as_labels(text: str) -> str:
    """`text` with each Markdown link the page refuses written as its label alone, as
    `convert_inline` shows it (safe links and images as written): for the nothing-lost
    proof, which must read 'Versi[on 2](javascript:...)' as the one word 'Version' the
    page shows, not as 'Versi' and 'on'."""
    if "](" not in text:
        return text

    def label(match: re.Match) -> str:
        if match.start() and text[match.start() - 1] == "!":
            return match.group(0)
        return match.group(0) if safe_link(_printed_target(match.group(2))) else match.group(1)

    return _MARKDOWN_LINK_IN_TEXT.sub(label, text)


def convert_superscript_markers(text: str) -> str:
    """'Interfere¹ with' -> 'Interfere[^1] with'."""
    if text.isascii() or not _ANY_SUPERSCRIPT.search(text):  # isascii: O(1), most lines
        return text
    return _SUPERSCRIPT_RUN.sub(
        lambda m: FOOTNOTE_REF.format(superscript_to_digits(m.group(1))), text
    )


_EMPHASIS_WRAP = re.compile(r"^(\*{1,3}|_{1,3})(.+?)\1$")


def strip_emphasis_wrapper(text: str) -> str:
    """'***Undue Pressure***' -> 'Undue Pressure' (headings carry no emphasis, and no line
    break: a heading or title is one line, its broken lines a space apart)."""
    text = (text.replace(LINE_BREAK, " ") if LINE_BREAK in text else text).strip()
    if not text.startswith(("*", "_")):
        return text  # no wrapper can open: the pattern is never tried (most lines)
    for _ in range(EMPHASIS_DEPTH):  # bounded: a line of stars must not cost n passes
        match = _EMPHASIS_WRAP.match(text)
        if not match:
            break
        text = match.group(2).strip()
    return text
