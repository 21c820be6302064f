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
  '[', '<', '{' or '|' (a table row splits at '|'). Raw HTML that spans blocks opens
  with '<' at a block's start, and hides the token too (a failure, rendered again).
- Where a block may open (a line's start, or after what may be a list marker or a
  quote's '>': Python-Markdown reads a list item's text as blocks again) a run must
  begin with a letter or digit and not be a list number ('3.', '2)'): no heading,
  list, rule, quote, definition or underline opens there. Leading spaces are kept, so
  code blocks and list nesting are as they were.
- A block longer than long_text.SPLIT_OVER is left whole: the piece cuts there depend
  on the characters.
"""

from __future__ import annotations

import re

from .long_text import SPLIT_OVER

_INERT = r"[^\s\\`*_\[\]!<>&{}|#~^\x00-\x1f\x7f]"
_RUN = re.compile(rf"(?<!\S){_INERT}+(?:[ ]+{_INERT}+)*(?!\S)")
_OPENS = re.compile(r"[\[<{|]")
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


def set_aside(body: str) -> tuple[str, list[str], str]:
    """(the Markdown with each plain run a token, the runs in order, the token's stem)."""
    tag = _token(body)
    runs: list[str] = []

    def line_runs(line: str) -> str:
        markers = _MARKERS.match(line)  # a block may open up to its end
        opening = markers.end() if markers else 0

        def replace(match: re.Match) -> str:
            text, kept = match.group(), ""
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

        return _RUN.sub(replace, line)

    parts = _BLOCKS.split(body)
    for index in range(0, len(parts), 2):  # blocks; the odd ones are blank lines
        block = parts[index]
        if len(block) > SPLIT_OVER:
            continue
        opener = _OPENS.search(block)
        end = len(block)
        if opener:
            end = opener.start()
            while end and not block[end - 1].isspace():  # back to the start of its token
                end -= 1
        head = "\n".join(line_runs(line) for line in block[:end].split("\n"))
        parts[index] = head + block[end:]
    return "".join(parts), runs, tag


def put_back(text: str, runs: list[str], tag: str) -> str:
    """The rendered page's text with each token that shows replaced by its run."""
    if not runs:
        return text
    return re.sub(rf"{re.escape(tag)}(\d+)x", lambda m: runs[int(m.group(1))], text)
