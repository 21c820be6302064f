"""Proof that nothing was lost: every word of a source appears in the output, in order.

Deliberate drops (page numbers, page-break marks, the printed contents list, a running
header) are recorded on the Document with their lines, and footnote texts move to
the end of the page; everything else must come through word for word.
"""

from __future__ import annotations

import re
from html import unescape

import markdown

from .inline import plain_text, words
from .markdown_writer import render_document
from .model import Document
from .sources import SourceText

# Neither may run past the next opener of its kind: on a line of thousands of unclosed
# '<' or '](' a scan to the end from each would make the proof quadratic.
_TAG = re.compile(r"<[^<>]+>")
_MARKDOWN_SYNTAX = re.compile(r"\]\((?:[^()\[\]\n]|\([^()\[\]\n]*\))*\)")
_FOOTNOTES_OPEN = re.compile(r"<div\b[^>]*\bclass=\"(?:[^\"]*\s)?footnote(?:\s[^\"]*)?\"[^>]*>")
_DIV = re.compile(r"<div\b[^>]*>|</div\s*>")
_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)


def rendered_text(markdown_text: str) -> tuple[str, str]:
    body = markdown_text.split("\n---\n", 1)[1] if markdown_text.startswith("---\n") else ""
    html = markdown.markdown(body, extensions=["attr_list", "footnotes", "tables", "md_in_html"])
    return html_text(html)


def html_text(html: str) -> tuple[str, str]:
    """The words of a rendered page: its body, and its footnotes apart.

    Tags and comments become spaces and entities their characters, as a browser shows
    them; a pattern does this several times faster than HTMLParser, which matters on
    every page of every build. (Python-Markdown escapes '<' and '>' in attributes.)
    """
    body, notes = html, ""
    opening = _FOOTNOTES_OPEN.search(html)
    if opening:
        depth, end = 1, len(html)
        for tag in _DIV.finditer(html, opening.end()):
            depth += -1 if tag.group(0).startswith("</") else 1
            if depth == 0:
                end = tag.end()
                break
        body, notes = html[: opening.start()] + " " + html[end:], html[opening.start() : end]
    return _visible(body), _visible(notes)


def _visible(html: str) -> str:
    """Script and style contents are text to HTMLParser too, '<' and all."""
    parts = _RAW_TEXT.split(html)  # markup, tag name, raw contents, markup, ...
    for position in range(0, len(parts), 3):
        parts[position] = unescape(_MARKUP.sub(" ", parts[position]))
    for position in range(1, len(parts), 3):
        parts[position] = " "
    return " ".join(parts)


def _source_words(source: SourceText, skip_lines: set[int]) -> list[str]:
    """The words a reader should find: tags are markup, and an entity ("&amp;") is the
    character it stands for, in the source as on the page."""
    kept = []
    for offset, line in enumerate(source.text.split("\n")):
        if source.first_line + offset not in skip_lines:
            kept.append(_MARKDOWN_SYNTAX.sub("] ", _TAG.sub(" ", line)))
    return words(unescape("\n".join(kept)))


def first_lost_word(expected: list[str], actual: list[str]) -> int | None:
    """Index in `expected` of the first word `actual` does not contain in order, or None."""
    position = 0
    for index, word in enumerate(expected):
        try:
            position = actual.index(word, position) + 1
        except ValueError:
            return index
    return None


def lost_words(source: SourceText, document: Document, html: str | None = None) -> list[str]:
    """Empty when nothing was lost; otherwise one message naming the line and words.

    `html` is the page as built, when the caller has it; else the Markdown is rendered.
    """
    dropped_lines = {d.line for d in document.dropped}
    note_lines = {
        line
        for f in document.footnotes
        if not f.missing
        for line in range(f.line, max(f.line, f.last_line) + 1)
    }
    if html is None:
        body_text, notes_text = rendered_text(render_document(document))
    else:
        body_text, notes_text = html_text(html)
    problems = []
    expected = _source_words(source, dropped_lines | note_lines)
    missing = first_lost_word(expected, words(body_text))
    if missing is not None:
        context = " ".join(expected[max(0, missing - 5) : missing + 5])
        problems.append(f"word '{expected[missing]}' lost near: {context}")
    for footnote in document.footnotes:
        if (
            not footnote.missing
            # the footnote's words as shown: its Markdown says "&lt;" where the page says "<"
            and first_lost_word(words(plain_text(footnote.text)), words(notes_text)) is not None
        ):
            problems.append(f"footnote {footnote.label} lost words")
    return problems
