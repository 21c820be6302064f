"""Plain words set aside while the nothing-lost proof renders a page, then put back.

Python-Markdown costs time and memory by the character and by the construct; most of a
page is words no construct can touch. Before the proof's render (fidelity.py), each
run of such words is replaced by a short token, and after it each token in the page's
text is replaced by its run again. The page text is then the text the whole Markdown
renders to, wherever a token shows; where a token does not show (it fell inside a
comment, a tag, a link's target), its words count as lost, and the proof renders the
whole Markdown again before it says so (fidelity.lost_words): a pass is always a pass of
the real render's words, a failure always the real render's message.

Why a run renders as its own characters wherever its token shows (Python-Markdown 3
with attr_list, footnotes, tables and md_in_html, the proof's extensions):

- A run is whole whitespace-separated tokens none of which holds a character any
  inline or block syntax reads (backslash, backtick, * _ [ ] ! < > & { } | # ~ ^) or a
  control character (so no line break, tab stop or stash marker changes); its
  neighbours are whitespace, which it keeps, so no emphasis or flanking rule sees it.
- Inline syntax that hides text (a link's target or title, inline HTML, an autolink, a
  footnote or reference label, an attribute list) opens with '[', '<' or '{', and runs
  over parentheses and quotes, which a run may hold. Inline syntax never spans a blank
  line, so runs are only taken in a block (lines between blank lines) BEFORE its first
  '[', '<', '{' or '|' (a table row splits at '|') that does not open a plain link or
  label. Raw HTML that spans blocks opens with '<' at a block's start, and hides the
  token too (a failure, rendered again).
- A plain link (`_PLAIN_LINK`) is '[label](target)', not after '!' or a backslash,
  whose label holds no bracket, backslash, backtick, '<', '>', '{', '}' or line break
  and does not open with '^', and whose target holds none of those and no space, quote
  or parenthesis; a plain label is such a '[label]' not followed by '(', '[', ':' or a
  space and '[' (no reference, definition, footnote or image). Python-Markdown reads
  exactly that span (the label to the first ']', the target to the first ')'): the
  patterns that run before links (code spans, escapes, footnote and reference labels)
  cannot start inside it, and none after sees inside its placeholder. Such a span is
  passed over, never split into runs; where its label is itself a run of plain words,
  the whole span is set aside (its run is the label with a space either side, as the
  tags around a link's text show; a label is the bracketed text as written), unless
  the block holds a backtick (a code span could show the link as written). In a code
  block or raw HTML the page shows a link as written, target and all: the shortcut then
  shows fewer words than the page, never more, so its pass is still the whole render's
  pass, and a loss it finds is rendered again.
- Where a block may open (a line's start, or after what may be a list marker or a
  quote's '>': Python-Markdown reads a list item's text as blocks again) a run must
  begin with a letter or digit and not be a list number ('3.', '2)'): no heading,
  list, rule, quote, definition or underline opens there. Leading spaces are kept, so
  code blocks and list nesting are as they were.
- A block longer than long_text.SPLIT_OVER is left whole: the piece cuts there depend
  on the characters.
- Runs are set aside only when every tag of the page ends on its line (`tags_whole`):
  a run may hold quotes and its token does not, and inside a tag left open over lines
  a quote could end an attribute's value, and so move what the page hides.

Then (`collapse`) each stretch of blocks that can show nothing but their words becomes
one token, its run those words in order; Python-Markdown then makes one paragraph of
what was hundreds of headings, paragraphs and table cells. A block qualifies when it
holds no '<', '[', '&' (but a clause number's '&#46;'), '`' or backslash, so no inline
syntax or raw HTML can hide a word of it, and each line is:

- a heading ('#' to '######' and a space) of inert characters and spaces; or
- a token (a run's line start, above: no list, rule or heading opens there), after a
  clause number written '1&#46;' (shown as "1.", and not a list number), then inert
  characters, spaces and tokens; or
- an attribute list (not on the block's first line); any line may also end with one.
  An attribute list shows no words, or (where Python-Markdown does not read it) more.

or else the block is a table's rows: each line '|' cells '|' of inert characters,
spaces, no-break spaces and '*' (emphasis shows its words), every line with as many
'|'. Python-Markdown shows every cell of such a block, as a table or as a paragraph
(a table drops only cells past the header's count, and every row has that count).

Or else it is a list item as the writer makes it (markdown_writer.render_item), with
nothing but its words: '-' and three spaces (after whole steps of four spaces), then
either its number in bold of inert characters ('**(a)**') and a space, or a token (a
run's line start: set_aside checked it, as the marker is what may open before it); then
inert characters, spaces and tokens; then one line of its attribute list, indented. The
page shows its number and its words, in order: as an item of a list, or (indented
after no list) as a code block, which shows all it holds. Items are collapsed only as
whole lists: a stretch opens with an item only after a block outside every list (one
that opens at a line's start with no list marker), and ends with one only before such a
block. An indented block after an item is the item's (a paragraph, or a list in it):
after a token it would be a code block, which shows everything it holds, a link's
target and a comment too; and an item left to Python-Markdown next to collapsed ones
would be in a list of another length, loose or tight as that one is, which decides
whether its attribute list is read or shown. Either way the proof could count a word
the page does not show.
Blocks are collapsed only in a page with no script or style element: the proof reads
their contents as text, so after one left open the tags made of the blocks (h2 or p)
would count as words. Wherever the token shows, each block of the stretch shows its
words, in order, in whatever holds it (a paragraph, a list or quote it ends, raw HTML
around it); a block starts at a line's start after a blank line, so it continues no
list item, footnote or code block, and it holds no character that changes what raw
HTML around it hides. Where the token does not show, its words count as lost, as above.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .long_text import SPLIT_OVER

_INERT = r"[^\s\\`*_\[\]!<>&{}|#~^\x00-\x1f\x7f]"
_RUN = re.compile(rf"(?<!\S){_INERT}+(?:[ ]+{_INERT}+)*(?!\S)")
_OPENS = re.compile(r"[\[<{|]")
# '[label](target)' read exactly so by Python-Markdown, or '[label]' read as its text
_LABEL = r"(?<![!\\])\[(?!\^)(?P<label>[^\[\]\\`<>{}\n]*)\]"
_PLAIN_LINK = re.compile(rf"{_LABEL}(?:(?P<target>\([^\s()\[\]\\`<>{{}}\"']+\))|(?![(\[:]|\s\[))")
# '[' plain links and other characters ']': the brackets as written around the links
_AROUND_LINKS = re.compile(
    rf"(?<![!\\])\[(?:[^\[\]\\`<>{{}}\n]|{_PLAIN_LINK.pattern})*\](?![(\[:]|\s\[)"
)
# spaces and inert characters, one at a time: '[ ]*(?:X+[ ]*)*' says the same but tries
# every split of every word before it fails (ten words and a '*': 111 CPU seconds)
_INERT_LABEL = re.compile(rf"(?:[ ]|{_INERT})*")
_RUN_OR_LINK = re.compile(rf"{_PLAIN_LINK.pattern}|{_RUN.pattern}")
_BLOCKS = re.compile(r"(\n[ \t]*\n)")
_LINE_START = re.compile(r"[^\W_]")
_LIST_NUMBER = re.compile(r"\d+[.)]$")
_FIRST_WORD = re.compile(r"^(\S+)( *)")
# a line's indent and what may open a list item or a quote before its text
_MARKERS = re.compile(r"[ \t]*(?:(?:[^\w\s]+|\d+[.)])[ \t]+)*")


def _token(text: str) -> str:
    """A word found nowhere in `text`, to name the runs by."""
    tag = "cmrun"
    while tag in text:
        tag += "q"
    return tag


# Where a '<' opens markup for Python-Markdown's HTML parser, and what it must open for
# runs to be set aside: a comment or processing instruction (which end whatever quotes
# they hold), or a tag or declaration whole on its line, quotes paired.
_MARKUP_OPENS = re.compile(r"<(?=[A-Za-z/!?])")
_WHOLE_MARKUP = re.compile(
    r"<!--|<\?|<[!/]?[A-Za-z][^<>\"'\n]*(?:(?:\"[^\"\n]*\"|'[^'\n]*')[^<>\"'\n]*)*>"
)


def tags_whole(body: str) -> bool:
    """True when every tag of `body` ends on its line. A run may hold quotes and its
    token does not: inside a tag left open over lines, a quote in a run could end an
    attribute's value and so move where the tag ends, and what the page hides."""
    return all(_WHOLE_MARKUP.match(body, m.start()) for m in _MARKUP_OPENS.finditer(body))


def set_aside(body: str) -> tuple[str, list[str], str]:
    """(the Markdown with each plain run a token, the runs in order, the token's stem)."""
    tag = _token(body)
    runs: list[str] = []
    if not tags_whole(body):
        return body, runs, tag

    def line_runs(line: str, code: bool) -> str:
        markers = _MARKERS.match(line)  # a block may open up to its end
        opening = markers.end() if markers else 0

        def replace(match: re.Match) -> str:
            text, kept = match.group(), ""
            if text.startswith("["):  # a plain link or label, read as a whole
                if code or not _INERT_LABEL.fullmatch(match.group("label")):
                    return text
                runs.append(f" {match.group('label')} " if match.group("target") else text)
                return f"{tag}{len(runs) - 1}x"
            if match.start() <= opening:
                while text:
                    first, space, rest = _FIRST_WORD.split(text, maxsplit=1)[1:]  # a word
                    if _LINE_START.match(first) and not _LIST_NUMBER.match(first):
                        break
                    kept, text = kept + first + space, rest
                if not text:
                    return kept
            runs.append(text)
            return f"{kept}{tag}{len(runs) - 1}x"

        return _RUN_OR_LINK.sub(replace, line)

    parts = _BLOCKS.split(body)
    for index in range(0, len(parts), 2):  # blocks; the odd ones are blank lines
        block = parts[index]
        if len(block) > SPLIT_OVER:
            continue
        end = _plain_head(block)
        code = "`" in block  # a code span might hold a link: it shows the link's target
        head = "\n".join(line_runs(line, code) for line in block[:end].split("\n"))
        parts[index] = head + block[end:]
    return "".join(parts), runs, tag


# What a block of tokens may hold around them (module docstring, last point): a heading's
# marks, inert characters and spaces, and an attribute list; or a table's rows.
# an attribute list: no character in it opens a link, tag, entity, escape or code span,
# so at most it shows as text (more words), and emphasis hides none
_ATTRIBUTES = r"\{:[^{}\n<>&\[\]\\`|]*\}"
_HEADING_MARKS = re.compile(r"^#{1,6}[ ]+")
_CELL = rf"(?:[ \u00a0*]|{_INERT})*"
_TABLE_ROW = re.compile(rf"\|(?:{_CELL}\|)+")


def _words_line(tag: str) -> re.Pattern:
    """A line that shows only its words: a heading of inert characters, a line that
    opens with a token (after a clause number whose '.' is a character reference), or an
    attribute list; any of them may end with an attribute list."""
    end = rf"(?:[ ]|{_INERT})*?(?:[ ]+{_ATTRIBUTES})?[ ]*"
    return re.compile(
        rf"#{{1,6}}[ ]+{end}|(?:\d{{1,9}}&#46;[ ]+)?{tag}\d+x{end}|[ ]*{_ATTRIBUTES}[ ]*|"
    )


# The proof reads a script's or style's contents as text, tags and all (fidelity.py):
# after one left open, the tags Python-Markdown makes of the blocks count as words.
_RAW_TEXT_OPENS = re.compile(r"<(?:script|style)\b", re.I)


def _item_block(tag: str) -> re.Pattern:
    """A list item of the writer's that shows only its number and words (module
    docstring): its number ('label'), and the words after it ('text'), or from the
    token where its text opens ('start')."""
    inert = rf"(?:[ ]|{_INERT})*"
    return re.compile(
        rf"(?:[ ]{{4}})*-[ ]{{3}}"
        rf"(?:\*\*(?P<label>{_INERT}+)\*\*(?:[ ]+(?P<text>{inert}))?|(?P<start>{tag}\d+x{inert}))"
        rf"\n[ ]{{4,}}{_ATTRIBUTES}[ ]*"
    )


def collapse(body: str, runs: list[str], tag: str) -> str:
    """`body` (set aside) with each stretch of blocks that show nothing but their words
    one token, its run their words in order (added to `runs`)."""
    if not tags_whole(body) or _RAW_TEXT_OPENS.search(body):
        return body
    parts = _BLOCKS.split(body)
    words_line = _words_line(tag)
    token = re.compile(rf"{tag}(\d+)x")
    attributes = re.compile(_ATTRIBUTES)
    item_block = _item_block(tag)

    def shown(block: str) -> tuple[str | None, bool]:
        """The block's words as the page shows them, or None if it may show other; and
        whether it is a list item."""
        if len(block) > SPLIT_OVER:
            return None, False
        texts = [line for line in block.split("\n") if line]
        if texts and texts[0].lstrip(" ")[:1] == "-":
            item = item_block.fullmatch(block)
            if item is None:
                return None, False
            text = f"{item['label'] or ''} {item['text'] or item['start'] or ''}"
            return token.sub(lambda m: runs[int(m.group(1))], text), True
        if texts and _TABLE_ROW.fullmatch(texts[0]):
            pipes = texts[0].count("|")
            if all(_TABLE_ROW.fullmatch(line) and line.count("|") == pipes for line in texts):
                return block.replace("|", " "), False
            return None, False
        if not texts or attributes.match(texts[0].lstrip(" ")):
            return None, False
        if not all(words_line.fullmatch(line) for line in texts):
            return None, False
        text = "\n".join(_HEADING_MARKS.sub("", line, count=1) for line in texts)
        text = attributes.sub(" ", text.replace("&#46;", "."))
        return token.sub(lambda m: runs[int(m.group(1))], text), False

    found = [shown(parts[index]) for index in range(0, len(parts), 2)]
    # Items are collapsed only as whole lists (module docstring): a stretch opens with an
    # item only after a block that is no list's, and ends with one only before such a
    # block. Heads first, then tails: leaving out a tail makes no new head.
    for place, (_text, item) in enumerate(found):
        before = parts[2 * place - 2] if place else ""
        if item and place and found[place - 1][0] is None and not _outside_lists(before):
            found[place] = None, False
    for place in range(len(found) - 2, -1, -1):
        after = parts[2 * place + 2]
        if found[place][1] and found[place + 1][0] is None and not _outside_lists(after):
            found[place] = None, False
    stretch: list[str] = []  # the words of the stretch being collapsed, block by block
    for place, (text, _item) in enumerate([*found, (None, False)]):
        index = 2 * place
        if text is not None:
            if not stretch:
                runs.append("")  # its place: the stretch's words when it ends
                parts[index] = f"{tag}{len(runs) - 1}x"
            else:
                parts[index - 1] = parts[index] = ""
            stretch.append(text)
        elif stretch:  # joined once: a page of one stretch is not copied at each block
            runs[-1] = "\n".join(stretch)
            stretch = []
    return "".join(parts)


# what opens a list item (Python-Markdown's, and ')' too)
_LIST_OPENS = re.compile(r"(?:[*+-]|\d+[.)])[ \t]")


def _outside_lists(block: str) -> bool:
    """Whether a block stands outside any list before or after it: it opens at a line's
    start (an indented block may be a list item's) and opens no list item."""
    first = block.lstrip("\n")
    return not first or (first[0] not in " \t" and not _LIST_OPENS.match(first))


def _plain_head(block: str) -> int:
    """Where runs may be taken in `block`: up to the start of the token holding its first
    opener that does not open a plain link or label."""
    at, last_close = 0, block.rfind("]")
    while True:
        opener = _OPENS.search(block, at)
        if opener is None:
            return len(block)
        start = opener.start()
        if opener.group() == "[" and start > last_close:  # never closed: text
            at = start + 1
            continue
        link = None
        if opener.group() == "[":
            link = _PLAIN_LINK.match(block, start)
            if link is None and _AROUND_LINKS.match(block, start):
                link = opener  # pass the '[' over, then its links one by one
        if link is None:
            while start and not block[start - 1].isspace():  # back to the start of its token
                start -= 1
            return start
        at = link.end()


# What any inline pattern of the proof's render starts at (code span, escape, footnote,
# reference, link, image, autolink, line break, inline HTML, emphasis), and the stash
# markers: a text holding none of these leaves the inline pass as it came in. Two
# characters are left out where they cannot change what the page shows:
# - '&': the entity pattern only stashes an entity and puts it back as written, and the
#   serializer leaves every entity that pattern reads as it is (its RE_AMP skips them);
# - a run of '_' between two letters or digits ("intro_1", "sec_1__para_2"): Python-
#   Markdown's '_' is "smart", so such a run neither opens nor closes emphasis, and no
#   other pattern reads an '_' unless the text holds a '*' or '[' as well.
_INLINE = re.compile(r"[\\`\[<*\x02\x03]|  \n|(?<![A-Za-z0-9_])_+|_+(?![A-Za-z0-9_])")


class PlainText(Treeprocessor):
    """Marks each text that no inline pattern can act on as atomic, so the inline pass
    (next, priority 20) does not try its patterns one by one on it: a page's text is
    then the same, in a fraction of the time (most text of a page set aside is tokens)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            text, tail = element.text, element.tail
            if text and not isinstance(text, AtomicString) and not _INLINE.search(text):
                element.text = AtomicString(text)
            if tail and not isinstance(tail, AtomicString) and not _INLINE.search(tail):
                element.tail = AtomicString(tail)


class PlainTextExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(PlainText(md), "clausemark_plain_text", 20.5)


def put_back(text: str, runs: list[str], tag: str) -> str:
    """The rendered page's text with each token that shows replaced by its run."""
    if not runs:
        return text
    return re.sub(rf"{re.escape(tag)}(\d+)x", lambda m: runs[int(m.group(1))], text)
