"""Proof that nothing was lost: every word of a source appears in the output, in order.

Deliberate drops (page numbers, page-break marks, the printed contents list, a running
header) are recorded on the Document with their lines, and footnote texts move to
the end of the page; everything else must come through word for word.
"""

from __future__ import annotations

import bisect
import re
from difflib import SequenceMatcher
from html import unescape

import markdown
from lxml import etree

from ..model.document import Document
from ..numbering.glued import part_glued
from ..parse.inline import convert_html, refused_links_as_labels
from ..parse.numbers_alone import reading_order
from ..readers.text import SourceText
from ..support.html_tree import parse_html
from ..support.markdown_text import joined_pieces, plain_text, word_string, words
from .long_text import LongTextExtension
from .markdown_writer import render_document, written_text
from .plain_runs import PlainTextExtension, collapse, put_back, set_aside

# Neither may run past the next opener of its kind: on a line of thousands of unclosed
# '<' or '](' a scan to the end from each would make the proof quadratic. A link's target
# may hold '[' and ']' ('http://[::1]/x', an IPv6 host), but never the next '](' opener.
_TAG = re.compile(r"<[^<>]+>")
_TAG_IN_LINE = re.compile(r"<[^<>\n]+>")
_MARKDOWN_SYNTAX = re.compile(r"\]\((?:[^()\[\]\n]|\([^()\[\]\n]*\)|[\[\]](?!\())*\)")
_FOOTNOTES_OPEN = re.compile(r"<div\b[^>]*\bclass=\"(?:[^\"]*\s)?footnote(?:\s[^\"]*)?\"[^>]*>")
_DIV = re.compile(r"<div\b[^>]*>|</div\s*>")
_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)


def rendered_text(markdown_text: str, set_runs_aside: bool = False) -> tuple[str, str]:
    """The page's words (body, footnotes) as Python-Markdown renders `markdown_text`.

    With `set_runs_aside`, plain runs of words are rendered as short tokens and put
    back (plain_runs.py): the same text where each token shows, in a fraction of the
    time and memory; a token that does not show loses its words, so a caller that
    finds words lost renders again without (see `lost_words`).
    """
    body = markdown_text.split("\n---\n", 1)[1] if markdown_text.startswith("---\n") else ""
    runs: list[str] = []
    tag = ""
    if set_runs_aside:
        body, runs, tag = set_aside(body)
        body = collapse(body, runs, tag)
    renderer = _renderer(set_runs_aside)
    try:
        html = renderer.convert(body)
    finally:
        _forget(renderer)
    del body
    body_text, notes_text = html_text(html)
    return put_back(body_text, runs, tag), put_back(notes_text, runs, tag)


def written_words(markdown_text: str) -> tuple[str, str]:
    """The page's words (body, footnotes) as `rendered_text` gives them, read from the
    Markdown as written (markdown_writer.written_text: the writer's escapes and markup
    undone, never a word the render would hide) with no render; a page holding what that
    does not read is rendered, its plain runs set aside (the lead's ruling, session 12)."""
    body = markdown_text.split("\n---\n", 1)[1] if markdown_text.startswith("---\n") else ""
    written = written_text(body)
    if written is None:
        return rendered_text(markdown_text, True)
    return html_text(written)


_RENDERERS: dict[bool, markdown.Markdown] = {}


def _renderer(set_runs_aside: bool) -> markdown.Markdown:
    """The proof's Python-Markdown, made once for each kind of render and reset before
    each page: making one (its extensions, patterns and processors) cost more than
    rendering a short page, on every page of every conversion."""
    renderer = _RENDERERS.get(set_runs_aside)
    if renderer is None:
        extensions = ["attr_list", "footnotes", "tables", "md_in_html", LongTextExtension()]
        if set_runs_aside:
            extensions.append(PlainTextExtension())
        renderer = _RENDERERS[set_runs_aside] = markdown.Markdown(extensions=extensions)
    return renderer.reset()


def _forget(renderer: markdown.Markdown) -> None:
    """Let go of the page just rendered (its lines, raw HTML, footnotes), so a kept
    renderer holds no page in memory between proofs."""
    renderer.reset()
    renderer.lines = []


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


def _printed_lines(source: SourceText) -> list[tuple[int, str]]:
    """The source's lines (offset, text) in the order the page shows their words: a glued
    clause number ("aMeetings") parted from its word, and a stack of numbers alone read
    with the lines each owns (lead ruling R14: '2.' / '2.1' / 'URGENT ITEMS' / its text
    shows '2. URGENT ITEMS' over '2.1' and the text). The parser reads its lines in the
    same order (parse/numbers_alone.reading_order, one home for both)."""
    lines = part_glued(source.text.split("\n"), " ", source.text)
    order = reading_order(source.text)
    return list(enumerate(lines)) if order is None else [(at, lines[at]) for at in order]


def _source_words(source: SourceText, skip_lines: set[int]) -> list[str]:
    """The words a reader should find (`_source_word_string`), one by one."""
    return _source_word_string(source, skip_lines).decode("utf-8").split()


def _source_word_string(source: SourceText, skip_lines: set[int]) -> bytes:
    """The words a reader should find, as a `word_string`: tags are markup, and an
    entity ("&amp;") is the character it stands for, in the source as on the page. A
    piece of whole lines at a time; no tag, link, entity or word is read across a line
    break. Each backslash the reader sees counts as a word (`_printed_backslashes`)."""
    first = source.first_line
    kept = (line for offset, line in _printed_lines(source) if first + offset not in skip_lines)
    literal = source.source_format == "text"
    return b"".join(_piece_word_string(piece, literal) for piece in joined_pieces(kept))


def _piece_word_string(piece: str, literal: bool) -> bytes:
    text = _MARKDOWN_SYNTAX.sub("] ", _TAG_IN_LINE.sub(" ", refused_links_as_labels(piece)))
    return word_string(unescape(_printed_backslashes(text, literal)), backslashes=True)


# Light Markdown's escape: a backslash before ASCII punctuation shows the punctuation
# alone (taken broadly: a backslash Python-Markdown shows is then only not counted).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _printed_backslashes(text: str, literal: bool) -> str:
    """`text` with the backslashes a reader sees and no other: in a text file (`literal`)
    every backslash is printed (the lead's ruling: its page shows each, escaped by
    parse/inline.py); every other reader writes light Markdown (escaping.literal_words
    writes a printed backslash '\\\\'), and a Markdown file is Markdown, so there an
    escape is the character it escapes."""
    if literal or "\\" not in text:
        return text
    return _ESCAPE.sub(r"\1", text)


def _line_of_word(source: SourceText, skip_lines: set[int], index: int) -> int | None:
    """The source line holding the `index`th word of `_source_word_string` (words are
    never read across a line break, so a line's words are counted alone): asked once,
    when a word is lost, to name its place."""
    literal = source.source_format == "text"
    seen = 0
    for offset, line in _printed_lines(source):
        number = source.first_line + offset
        if number not in skip_lines:
            seen += _piece_word_string(line, literal).count(b" ")
            if seen > index:
                return number
    return None


def _place_of_word(source: SourceText, document: Document, index: int) -> str:
    """' (paragraph 12)', ' (page 3)', ' (line 40)': where the `index`th word is read."""
    line = _line_of_word(source, _lines_not_in_body(document), index)
    if line is None:
        return ""
    return f" ({document.places.get(line) or f'line {line}'})"


# A link's target is not shown, only its label; an escaped "\\[" opens no link (an image
# kept as written shows all its characters).
_SHOWN_LINK = re.compile(r"(?<!\\)\[([^\]]*)\]\([^)]*\)")


def _shown_source_words(source: SourceText, skip_lines: set[int]) -> list[str]:
    """The words the page should show for the source: its lines as the converter reads
    them (presentational tags are markup; any other tag, and an unsafe link's target, is
    handled as `inline.convert_inline` handles it), entities as their characters."""
    return words(_shown_source_text(source, skip_lines))


def _shown_source_text(source: SourceText, skip_lines: set[int]) -> str:
    """The text whose words `_shown_source_words` gives."""
    kept = []
    for offset, line in _printed_lines(source):
        if source.first_line + offset not in skip_lines:
            kept.append(_SHOWN_LINK.sub(r" \1 ", convert_html(line)))
    return unescape("\n".join(kept))


def word_positions(actual: list[str]) -> dict[str, list[int]]:
    """Where each word stands in `actual`: built once, searched for many texts."""
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(actual):
        positions.setdefault(word, []).append(index)
    return positions


def first_lost_in(expected: list[str], positions: dict[str, list[int]]) -> int | None:
    """`first_lost_word` against `word_positions(actual)`: each word found by a binary
    search, so that many short texts (footnotes) checked against one long one cost the
    length of the short ones, not of the long one each time."""
    position = 0
    for index, word in enumerate(expected):
        found = positions.get(word, [])
        at = bisect.bisect_left(found, position)
        if at == len(found):
            return index
        position = found[at] + 1
    return None


def first_lost_word(expected: list[str], actual: list[str]) -> int | None:
    """Index in `expected` of the first word `actual` does not contain in order, or None.

    Each word is found at its first place after the last one found. Where the page's
    next words are the source's next words, that first place is the next one for each,
    so a stretch of them is taken at once by comparing slices (in C); the stretch
    doubles while they agree and starts again at one word after a word is looked for.
    A failed comparison costs at most the stretch just matched, so this stays linear
    and finds exactly what the word-by-word search finds (a page is the source's
    words in runs of about a thousand: a few thousand comparisons, not a million)."""
    position = index = 0
    step = 1
    total = len(expected)
    while index < total:
        stretch = expected[index : index + step]
        if actual[position : position + len(stretch)] == stretch:
            index += len(stretch)
            position += len(stretch)
            step = min(2 * step, MOST_COMPARED)
            continue
        step = 1
        try:
            position = actual.index(expected[index], position) + 1
        except ValueError:
            return index
        index += 1
    return None


MOST_COMPARED = 1 << 12  # words compared at once by first_lost_word


def first_lost_at(expected: bytes, actual: bytes) -> int | None:
    """`first_lost_word` on two `word_string`s: the offset in `expected` of the space
    before the first word `actual` does not hold in order, or None.

    The same search, on bytes: a word (" council ") is found at its first place after
    the last one found by `find`, and a stretch of whole words is taken at once where
    the page's next bytes are the source's next bytes; the stretch doubles (to
    MOST_COMPARED_BYTES) while they agree and starts again at one word after a miss, so
    a failed comparison costs at most twice the stretch just matched: linear."""
    expected += b" "  # every word between two spaces
    actual += b" "
    here = there = 0  # the spaces before the next word of each
    end = len(expected) - 1
    step = 1
    while here < end:
        stop = expected.find(b" ", min(here + step, end))
        if actual.startswith(expected[here : stop + 1], there):
            there += stop - here
            here = stop
            step = min(2 * step, MOST_COMPARED_BYTES)
            continue
        if step > 1:  # a stretch differs somewhere: look again word by word
            step = 1
            continue
        found = actual.find(expected[here : stop + 1], there)
        if found == -1:
            return here
        there = found + stop - here
        here = stop
    return None


MOST_COMPARED_BYTES = 1 << 16  # bytes compared at once by first_lost_at


def lost_word_context(expected: bytes, at: int) -> tuple[str, list[str]]:
    """The word at `at` in a `word_string` (the space before it) and the five words
    either side of it (five before, four after), as `expected[missing - 5 : missing + 5]`
    on the list of words."""
    start = at
    for _ in range(5):
        start = max(0, expected.rfind(b" ", 0, start))
    stop = at
    for _ in range(5):
        stop = expected.find(b" ", stop + 1)
        if stop == -1:
            stop = len(expected)
            break
    word = expected[at:].split(maxsplit=1)[0].decode("utf-8")
    return word, expected[start:stop].decode("utf-8").split()


MOST_SHOWN = 60  # characters of a word a message shows: one line, whatever the word


def _clipped(word: str) -> str:
    """A word as a one-line message shows it: a 50,000-letter word cut, its length said."""
    if len(word) <= MOST_SHOWN:
        return word
    return f"{word[:MOST_SHOWN]}… ({len(word):,} characters)"


def _lines_not_in_body(document: Document) -> set[int]:
    """Source lines whose words the page body does not carry: deliberate drops, footnote texts."""
    dropped = {d.line for d in document.dropped}
    notes = {
        line
        for f in document.footnotes
        if not f.missing
        for line in range(f.line, max(f.line, f.last_line) + 1)
    }
    return dropped | notes


def unreported_drops(source: SourceText, document: Document) -> list[str]:
    """A line left out of the page must be in the drop report with its words: the proof
    covers what was left out, not only what was kept."""
    reported: dict[int, list[str]] = {}
    for item in document.dropped:
        if item.line:
            reported.setdefault(item.line, []).extend(words(unescape(_TAG.sub(" ", item.text))))
    problems = []
    lines = source.text.split("\n")
    literal = source.source_format == "text"
    for number, said in reported.items():
        offset = number - source.first_line
        if not 0 <= offset < len(lines):
            continue
        # the words `_source_words` reads in a text of this line alone (one line alone
        # parts no glued number: that needs the numbered lines around it)
        printed = [
            word
            for word in _piece_word_string(lines[offset], literal).decode("utf-8").split()
            if word != "\\"
        ]
        missing = first_lost_word(printed, said)
        if missing is not None:
            problems.append(
                f"line {number} left out, but '{printed[missing]}' is not in the drop report"
            )
    return problems


def lost_words(source: SourceText, document: Document, html: str | None = None) -> list[str]:
    """Empty when nothing was lost; otherwise one message naming the line and words.

    `html` is the page as built, when the caller has it; else the words of the Markdown
    as written are read (`written_words`), and the Markdown rendered whole if that finds
    a word lost: every failure is the whole render's.
    """
    if html is None:
        page = render_document(document)
        problems = _lost_words(source, document, *written_words(page))
        if not problems:
            return problems
        rendered = rendered_text(page)
    else:
        rendered = html_text(html)
    return _lost_words(source, document, *rendered)


def _lost_words(source: SourceText, document: Document, body_text: str, notes_text: str):
    problems = []
    expected = _source_word_string(source, _lines_not_in_body(document))
    missing = first_lost_at(expected, word_string(body_text, backslashes=True))
    if missing is not None:
        word, context = lost_word_context(expected, missing)
        place = _place_of_word(source, document, expected.count(b" ", 0, missing))
        near = " ".join(_clipped(w) for w in context)
        problems.append(f"word '{_clipped(word)}' lost near: {near}{place}")
    problems += unreported_drops(source, document)
    shown_notes = word_positions(words(notes_text))
    for footnote in document.footnotes:
        if (
            not footnote.missing
            # the footnote's words as shown: its Markdown says "&lt;" where the page says "<"
            and first_lost_in(words(plain_text(footnote.text)), shown_notes) is not None
        ):
            problems.append(f"footnote {footnote.label} lost words")
    return problems


# Elements that are not the adopted text: editorial notes (marked as such on the page),
# screen-reader labels, the tools and link lists beside a clause, permalinks, and the
# page's header (the facts box and the line above the title, from the metadata).
NOT_SOURCE_TEXT = frozenset(
    {
        "cm-editorial",
        "cm-kicker",
        "cm-docinfo",
        "cm-sr",
        "cm-clause-tools",
        "cm-clause-links",
        "headerlink",
        "cm-item-link",
        "footnote-backref",
    }
)
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"})


def page_words(html: str) -> list[tuple[str, str]]:
    """(word, id of the element it sits under) for every word of adopted text on a page.

    Subtrees marked as editorial (or as tools beside the text) are skipped; so is the
    footnotes block, which the nothing-lost proof checks apart. A word's id is the last
    id met before it outside those subtrees (the clause it is in).
    """
    return [(word, anchor) for anchor, text in _page_texts(html) for word in words(text)]


def _page_texts(html: str) -> list[tuple[str, str]]:
    """(id, text) for each stretch of a page's adopted text under one id (`page_words`).

    The texts met under one id are joined by a space (which ends a word as a tag does:
    `words` never reads a word across a space) and split into words together, not one
    call of `words` per text: a page's inline tags made 150,000 calls at 10 times the
    example.
    """
    root = parse_html(f"<div>{html}</div>")
    found: list[tuple[str, str]] = []
    if root is None:
        return found
    anchor = ""
    texts: list[str] = []  # the texts met under `anchor`, not yet joined

    def split() -> None:
        if texts:
            found.append((anchor, " ".join(texts)))
            texts.clear()

    skipping = [False]
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            skipping.pop()
            if element.tail and not skipping[-1]:
                texts.append(element.tail)
            continue
        tag = element.tag
        named = element.get("class")
        classes = set(named.split()) if named else _NO_CLASSES
        skipped = (
            skipping[-1]
            or bool(classes & NOT_SOURCE_TEXT)
            or "footnote" in classes
            or element.get("data-search-exclude") is not None
            or tag in {"script", "style"}
        )
        skipping.append(skipped)
        if skipped or tag in _VOID:
            continue
        own = element.get("id")
        if own and own != anchor:
            split()
            anchor = own
        if element.text:
            texts.append(element.text)
    split()
    return found


_NO_CLASSES: frozenset[str] = frozenset()


def added_words(source: SourceText, document: Document, html: str) -> list[str]:
    """Empty when the page shows no word its source does not print, in the source's order.

    Together with `lost_words` this proves a page reads exactly as adopted: the words
    outside editorial notes and the tools beside each clause are the source's words,
    no more and no fewer. One message per place, naming the clause and the words.
    """
    shown_text = _shown_source_text(source, _lines_not_in_body(document))
    texts = _page_texts(html)
    # The usual verdict, none added, from the words as two strings compared in C
    # (`word_string` gives the words of `words`): a word object each, and the id each
    # sits under, are made only for a page that differs.
    if word_string(" ".join(text for _, text in texts)) == word_string(shown_text):
        return []
    expected = words(shown_text)
    shown = [(word, anchor) for anchor, text in texts for word in words(text)]
    visible = [word for word, _ in shown]
    if visible == expected:
        return []
    # Only the stretch between the common start and end is compared word by word, so a
    # page with one insertion costs what its length costs.
    head = 0
    limit = min(len(expected), len(visible))
    while head < limit and expected[head] == visible[head]:
        head += 1
    tail = 0
    while tail < limit - head and expected[-1 - tail] == visible[-1 - tail]:
        tail += 1
    middle = SequenceMatcher(
        None, expected[head : len(expected) - tail], visible[head : len(visible) - tail], False
    )
    problems = []
    for tag, _i1, _i2, j1, j2 in middle.get_opcodes():
        if tag in {"insert", "replace"}:
            extra = " ".join(visible[head + j1 : head + j2][:12])
            problems.append(f"'{extra}' added in #{shown[head + j1][1] or 'title'}")
    return problems
