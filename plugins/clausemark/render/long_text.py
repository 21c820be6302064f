"""Keep Python-Markdown linear on pages of absurd length: long paragraphs, many blocks.

Three costs in Python-Markdown grow with the square of a page's size; each is removed
here without changing a byte of its output:

- **Long paragraphs.** Python-Markdown rebuilds a block's whole text at every inline
  match (an escape, an emphasis, a link), so a paragraph of hundreds of thousands of
  characters full of them costs time and memory that grow with the square of its length.
  Before the inline pass, a text longer than `SPLIT_OVER` is cut (at spaces where it can
  be) into pieces of at most `PIECE` characters, each the text of its own empty `<span>`:
  the inline pass then works piece by piece, and the reader sees the same characters in
  the same order. A real clause is far shorter than `SPLIT_OVER` and is never touched.
- **Many blocks.** The block parser keeps the page's blocks in a list and its processors
  take each from the front (`blocks.pop(0)`) and put some back (`blocks.insert(0, ...)`),
  which moves every block after it: `BlockQueue` is a deque that does both in constant
  time, handed to the processors in place of the list.
- **Many raw HTML blocks.** The raw-HTML extractor copies the rest of the page at the end
  of every raw block (to see whether a blank line follows it). `SegmentedHtmlBlocks` runs
  the same extractor over pieces of the page of about `SEGMENT` characters, cut at blank
  lines. A cut stands only where the extractor ends its piece with nothing open (no raw
  block, tag, comment or buffered text, nothing read as text for want of its end), where
  reading on would have changed nothing; else the rest of the page is read in one piece
  (a block open over many blank lines, such as the footnotes, is read once). A page
  shorter than `SEGMENT` is read in one piece, as is one whose HTML Python-Markdown
  cannot end (it then reads from a shortened buffer, so its output depends on where its
  text began).

`keep_linear(md)` installs the last two; the clausemark extension and the nothing-lost
proof's own render (`LongTextExtension`) both call it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import deque

from markdown import htmlparser
from markdown import preprocessors as core_preprocessors
from markdown.extensions import Extension, md_in_html
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

SPLIT_OVER = 20_000
PIECE = 2_000
SEGMENT = 64_000  # characters of a page the raw-HTML extractor reads at once, about
_HTML_BLOCK_PRIORITY = 20  # where Python-Markdown and md_in_html register 'html_block'
_BLOCKS = {"p", "li", "td", "th", "dd", "dt", "blockquote"}


class _Watched:
    """Notes when the extractor left a construct unfinished because its text ran out: a
    start tag without its end, a comment without its close, a declaration without its
    '>'. Python-Markdown reads such a '<' as text; had the text gone on, the construct
    might have ended after it, so a piece that ran out is never cut there."""

    ran_out = False

    def check_for_whole_start_tag(self, i: int) -> int:
        end = super().check_for_whole_start_tag(i)  # type: ignore[misc]
        self.ran_out |= end < 0
        return end

    def parse_comment(self, i: int, report: bool = True) -> int:
        end = super().parse_comment(i, report)  # type: ignore[misc]
        self.ran_out |= end == i + 1  # no '-->' after it: its '<' read as text
        return end

    def parse_html_declaration(self, i: int) -> int:
        end = super().parse_html_declaration(i)  # type: ignore[misc]
        self.ran_out |= end < 0 or end == i + 1
        return end


def _watched(extractor: type) -> type:
    return type(extractor.__name__, (_Watched, extractor), {})


# The raw-HTML preprocessor each extension registers as 'html_block', and its extractor.
EXTRACTORS: dict[type, type] = {
    core_preprocessors.HtmlBlockPreprocessor: _watched(htmlparser.HTMLExtractor),
    md_in_html.HtmlBlockPreprocessor: _watched(md_in_html.HTMLExtractorExtra),
}


# Letters and digits: no inline pattern starts or ends inside a run of them.
_LETTER = re.compile(r"[^\W_]")
_LETTERS = re.compile(r"[^\W_]*")


def _off_letters(text: str, start: int, cut: int) -> int:
    """`cut` moved off a run of letters and digits, never splitting it: back to where the
    run begins, or, when the run fills the piece from `start`, on to where it ends (a
    piece of letters alone, which no inline pattern matches: the pass stays linear)."""
    if not (_LETTER.match(text, cut - 1) and _LETTER.match(text, cut)):
        return cut
    begin = cut
    while begin > start and _LETTER.match(text, begin - 1):
        begin -= 1
    if begin > start:
        return begin
    return _LETTERS.match(text, cut).end()  # type: ignore[union-attr]


# A character reference ("&lt;", "&#92;") that may stand across a cut: none is longer.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LONGEST_REFERENCE = 34


def _off_escapes(text: str, start: int, cut: int) -> int:
    """`cut` moved back off an escape ('\\\\', '\\*': a cut after its backslash would
    show the backslash and leave the character it escaped to be read as syntax) and off
    a character reference ('&lt;' cut in two shows as '&l' and 't;')."""
    before = cut
    while before > start and text[before - 1] == "\\":
        before -= 1
    if (cut - before) % 2:  # an odd run of backslashes: its last escapes what follows
        cut -= 1
    opener = text.rfind("&", max(start, cut - _LONGEST_REFERENCE), cut)
    if opener > start:
        reference = _REFERENCE.match(text, opener)
        if reference is not None and reference.end() > cut:
            cut = opener
    return cut


def pieces(text: str, size: int = PIECE) -> list[str]:
    """`text` cut into consecutive pieces of at most `size`, each ending at a space when
    one is near (so that inline syntax such as '**a b**' is rarely cut in two). With no
    space in reach the cut never falls inside a run of letters and digits (`_off_letters`):
    the page shows the run as one word, and the nothing-lost proof reads each piece's
    edge as a space. A piece longer than `size` is then letters alone. Nor does it fall
    inside an escape or a character reference (`_off_escapes`): each piece shows the
    characters the whole text shows."""
    found, start = [], 0
    while len(text) - start > size:
        cut = max(
            text.rfind(" ", start + size // 2, start + size), text.rfind("\n", start, start + size)
        )
        if cut <= start:  # no space in reach
            cut = _off_letters(text, start, start + size)
            cut = _off_escapes(text, start, cut) if cut < len(text) else cut
        found.append(text[start:cut])
        start = cut
    found.append(text[start:])
    return found


class LongTextTreeprocessor(Treeprocessor):
    """Runs before Python-Markdown's inline pass (priority 20)."""

    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            text = element.text
            if element.tag not in _BLOCKS or not text or len(text) <= SPLIT_OVER:
                continue
            if isinstance(text, AtomicString):
                continue
            first, *rest = pieces(text)
            element.text = first
            for position, piece in enumerate(rest[:-1]):
                span = etree.Element("span")
                span.text = piece
                element.insert(position, span)
            holder = etree.Element("span")
            element.insert(len(rest) - 1, holder)
            holder.tail = rest[
                -1
            ]  # last: the tail keeps a closing '{: #id }' where attr_list looks


class BlockQueue(deque):
    """The blocks a block processor sees: `[0]`, `pop(0)` and `insert(0, block)` (all that
    Python-Markdown's processors and pymdown-extensions' do) in constant time."""

    def pop(self, index: int = -1) -> str:  # type: ignore[override]
        if index == 0:
            return self.popleft()
        if index == -1:
            return super().pop()
        block = self[index]
        del self[index]
        return block


def _queued_parse_blocks(parse_blocks):
    def parse(parent: etree.Element, blocks) -> None:
        if isinstance(blocks, BlockQueue):
            parse_blocks(parent, blocks)
            return
        queue = BlockQueue(blocks)
        parse_blocks(parent, queue)
        blocks[:] = queue  # what is left, as the list the caller passed would hold it

    parse.clausemark_linear = True  # type: ignore[attr-defined]
    return parse


def _settled(parser) -> bool:
    """Whether the extractor ended its piece with nothing open, so that a fresh one reads
    the next piece exactly as this one would have: every character consumed, nothing
    left unfinished for want of text, no raw block, tag, CDATA element,
    Markdown-in-HTML element or tail open, and not one lone newline last (the extractor
    would add a second before a raw block that follows)."""
    last = parser.cleandoc[-1] if parser.cleandoc else ""
    return not (
        parser.ran_out
        or parser.rawdata
        or parser.inraw
        or parser.intail
        or parser.stack
        or parser.inline_stack
        or parser._cache
        or parser.cdata_elem is not None
        or getattr(parser, "mdstack", None)
        or (last.endswith("\n") and not last.endswith("\n\n"))
    )


def _segments(lines: list[str], size: int) -> list[str]:
    """The page as consecutive texts of about `size` characters, each but the last ending
    at a blank line (with the newline that joined it to the next): they add up to
    '\\n'.join(lines)."""
    found: list[str] = []
    start, length = 0, 0
    for position, line in enumerate(lines):
        length += len(line) + 1
        if length >= size and not line and position + 1 < len(lines):
            found.append("\n".join(lines[start : position + 1]) + "\n")
            start, length = position + 1, 0
    found.append("\n".join(lines[start:]))
    return found


class SegmentedHtmlBlocks(Preprocessor):
    """Python-Markdown's raw-HTML preprocessor, run piece by piece (module docstring)."""

    def __init__(self, md, extractor: type) -> None:
        super().__init__(md)
        self.extractor = extractor

    def run(self, lines: list[str]) -> list[str]:
        start = len(self.md.htmlStash.rawHtmlBlocks)
        texts = _segments(lines, SEGMENT)
        done: list[str] = []
        for position, text in enumerate(texts):
            mark = len(self.md.htmlStash.rawHtmlBlocks)
            parser = self._read(text)
            more = position + 1 < len(texts)
            if more and not _settled(parser):
                # a cut inside HTML (a block open over blank lines): read the rest at once
                self._forget(mark)
                parser, more = self._read("".join(texts[position:])), False
            if parser.rawdata and position:
                # Python-Markdown stopped early (HTML it cannot end) and reads on from a
                # shortened buffer, so what it makes depends on where its text began:
                # read the page as it does
                self._forget(start)
                return self._text(self._read("\n".join(lines))).split("\n")
            done.append(self._text(parser))
            if not more:
                break
        return "".join(done).split("\n")

    def _read(self, text: str):
        parser = self.extractor(self.md)
        parser.feed(text)
        return parser

    @staticmethod
    def _text(parser) -> str:
        parser.close()
        return "".join(parser.cleandoc)

    def _forget(self, count: int) -> None:
        """Drop what the stash got after its first `count` blocks (a piece read again)."""
        stash = self.md.htmlStash
        del stash.rawHtmlBlocks[count:]
        stash.html_counter = count


def keep_linear(md) -> None:
    """Give `md` the constant-time block queue and the piecewise raw-HTML extractor
    (once; a raw-HTML preprocessor this module does not know is left as it is)."""
    parser = md.parser
    if not getattr(parser.parseBlocks, "clausemark_linear", False):
        parser.parseBlocks = _queued_parse_blocks(parser.parseBlocks)
    if "html_block" in md.preprocessors:
        current = md.preprocessors["html_block"]
        extractor = EXTRACTORS.get(type(current))
        if extractor is not None:
            md.preprocessors.register(
                SegmentedHtmlBlocks(md, extractor), "html_block", _HTML_BLOCK_PRIORITY
            )


class LongTextExtension(Extension):
    """The splitting and the linear parser alone, for a render that runs no clausemark
    extension (the proofs)."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's API name)
        md.treeprocessors.register(LongTextTreeprocessor(md), "clausemark_long_text", 21)
        keep_linear(md)
