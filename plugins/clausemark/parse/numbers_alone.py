"""Stacked numbers alone on their lines (lead ruling R14, sessions 12 and 13).

A PDF's text layer or a web copy sets a clause's number apart from its words, and where
the number column is read first several numbers stand one under the other before their
words: '2.' / '2.1' / 'URGENT ITEMS' / its paragraph. A number alone owns the words after
it, so the stack takes the following title lines and paragraphs in order (2. <- 'URGENT
ITEMS', 2.1 <- the paragraph). The pairing stops at a container heading ('Part 2 -
Articles'), at a line with a number of its own, at a document-control line, a table row
or a Markdown heading or bullet. A stack is numbers of one run, each coming next after the
one above: any other stack is read as printed (lead, 20:20: pairing across runs moved
words out of their printed order).

`reading_order` is the ONE reading of which lines a stack's numbers own: it gives the
order the source's lines are read in (each number of a stack followed by the lines it
owns). The parser reads its lines in that order (lines.read_lines) and the nothing-lost
proof reads the source's words in the same order (render/fidelity), so what the page
shows is always what the proof expects, whatever the parser then makes of the lines.
"""

from __future__ import annotations

import re

from ..numbering.styles import ReadNumber, container_word, follows, in_sequence, read_number
from .clock_times import programme
from .shapes import _continues_line, ends_sentence, is_heading_text, is_numbered_title

_TITLE_MOST = 40  # characters of a title line handed to a stacked number (capitals: more)
_BARE = re.compile(r"(\d{1,3}[a-z]?)\s+\S")  # '3 To receive ...', '7a To note ...'
_LOOK = 200  # lines after a stack that its numbers may own: bounded, the pass stays linear


def number_alone(text: str) -> bool:
    """A line that is a clause number and nothing else ('2.', '2.1', '(a)', '3)')."""
    stripped = text.strip()
    if not 0 < len(stripped) <= 12 or stripped.isdigit():
        return False  # the cheap look first; a bare '12' may be a page's number, never stacked
    from .units import _number_only  # units reads the lines this module orders

    return _number_only(stripped)


def title_line(text: str, following: str | None = None) -> bool:
    """A line that can be a numbered item's title ('URGENT ITEMS', 'DECLARATIONS OF
    INTEREST ETC.'), never a wrapped piece of a sentence: short (a title in capitals may
    be longer), and the line under it (`following`) does not carry it on."""
    text = text.strip()
    if not text or (len(text) > _TITLE_MOST and not text.isupper()):
        return False
    if following is not None and following.strip() and _continues_line(text, following.strip()):
        return False  # '... for a porch at' / 'Rose Cottage.': one sentence
    return is_numbered_title(text) or is_heading_text(text)


def _stops(text: str) -> bool:
    """A line no stacked number owns: it has a number or a role of its own."""
    from .metadata import is_doc_control_line

    stripped = text.strip()
    if stripped[:1] in "#-*•|>" or "\t" in stripped or "|" in stripped:
        return True  # a Markdown heading, a bullet, a table's row, a quotation
    if read_number(stripped) is not None or container_word(stripped) is not None:
        return True  # '2.2 Text', 'Part 2 - Articles': not in the stack
    return number_alone(stripped) or is_doc_control_line(stripped)


def goes_on_bare(text: str, last: str) -> bool:
    """Whether a line opens with a bare number that comes next after the stack's last
    ('2.' then '3 To receive apologies', '7.' then '7a To note'): an item of its own (R23,
    R25), never words for the stack to take (attack14 A4c)."""
    stripped = text.lstrip()
    if not stripped[:1].isdigit():
        return False  # the cheap look first
    bare = _BARE.match(stripped)
    last = last.strip().rstrip(".)")
    return bare is not None and bool(last) and in_sequence(last, bare.group(1))


def _pieces(
    lines: list[str], start: int, wanted: int, top: str = ""
) -> tuple[list[list[int]], list[int], int]:
    """Up to `wanted` pieces after a stack, from `start`: a title line is a piece, a
    paragraph (its lines to a blank line, or to a sentence's end while more numbers wait)
    another. Returns the pieces (line offsets), the blank lines among them, and where the
    lines the stack owns end. `top`: the stack's last number, which a line's own bare
    number may go on from."""
    pieces: list[list[int]] = []
    blanks: list[int] = []
    at, end = start, min(len(lines), start + _LOOK)
    while at < end and len(pieces) < wanted:
        if not lines[at].strip():
            blanks.append(at)
            at += 1
            continue
        if _stops(lines[at]) or goes_on_bare(lines[at], top):
            break
        following = lines[at + 1] if at + 1 < len(lines) else None
        piece = [at]
        at += 1
        more_waiting = len(pieces) + 1 < wanted
        if not title_line(lines[piece[0]], following):
            while (
                at < end
                and lines[at].strip()
                and not _stops(lines[at])
                and not goes_on_bare(lines[at], top)
            ):
                if (
                    more_waiting
                    and ends_sentence(lines[at - 1].strip())
                    and lines[at].lstrip()[:1].isupper()
                ):
                    break  # the next paragraph: the next number's
                piece.append(at)
                at += 1
        pieces.append(piece)
    while blanks and blanks[-1] >= at:
        blanks.pop()
    if not pieces:
        return [], [], start
    last = pieces[-1][-1] + 1
    return pieces, [blank for blank in blanks if blank < last], last


def _title_piece(lines: list[str], piece: list[int]) -> bool:
    """Whether a piece a stack takes is a title line ('URGENT ITEMS'), not a paragraph."""
    following = lines[piece[0] + 1] if piece[0] + 1 < len(lines) else None
    return len(piece) == 1 and title_line(lines[piece[0]], following)


def _one_sequence(numbers: list[str]) -> bool:
    """Whether each number of a stack comes next after the one above it in one numbering
    ('2.' / '2.1' / '2.2', '1.' / '2.' / '3.'): a letter, a time or '7a' among them is a
    number of another run, and pairing across runs would move words out of their order."""
    read = [read_number(f"{number.strip()} X") for number in numbers]  # as units reads one alone
    return all(
        before is not None and after is not None and _comes_next(before, after)
        for before, after in zip(read, read[1:], strict=False)
    )


def _comes_next(before: ReadNumber, after: ReadNumber) -> bool:
    """'2.' -> '2.1' or '3.' (one numbering's paths), '(a)' -> '(b)' (one style's series)."""
    if in_sequence(before.number, after.number):
        return True
    shared = [style for style in after.styles if style in before.styles]
    return any(follows(style, before.number, after.number) for style in shared)


def _order(lines: list[str], alone: list[int]) -> list[int] | None:
    """Each stack's numbers followed by the lines they own, in order; None: no stack hands
    out a line. `alone`: the offsets of the numbers alone, in order."""
    order: list[int] = []
    at = 0  # the first line not yet placed
    index = 0
    while index < len(alone):
        first, end = alone[index], index + 1
        while end < len(alone) and alone[end] == alone[end - 1] + 1:
            end += 1  # the run of numbers alone on lines one under the other
        stack, index = alone[index:end], end
        if len(stack) < 2 or first < at:
            continue
        numbers = [lines[at_number] for at_number in stack]
        if not _one_sequence(numbers) or programme(numbers):
            continue  # '3.' / '4.' / 'A.': numbers of different runs; '7.45' / '8.00': times
        pieces, blanks, owned_end = _pieces(lines, stack[-1] + 1, len(stack), numbers[-1])
        if not pieces:  # a stack that owns nothing: read as printed
            continue
        order.extend(range(at, first))
        # R31: fewer paragraphs than numbers pair from the END; the first numbers stay
        # empty clauses where they are printed, so no number is read after another's words.
        # A title line over a paragraph is the first number's ('3.' / '3.1' / '3.2' /
        # 'PLANNING' / its paragraph: 3. the title, 3.1 kept empty, 3.2 the paragraph).
        empty = len(stack) - len(pieces)
        titled = empty > 0 and len(pieces) > 1 and _title_piece(lines, pieces[0])
        if titled:
            order.extend((stack[0], *pieces[0]))
        order.extend(stack[titled : titled + empty])
        for number, piece in zip(stack[titled + empty :], pieces[titled:], strict=True):
            order.append(number)
            order.extend(piece)
        order.extend(blanks)  # blank lines carry no words: read after the stack's own
        at = owned_end
        while index < len(alone) and alone[index] < at:
            index += 1  # a number inside what the stack owned stopped it: read from there
    if not order:
        return None
    order.extend(range(at, len(lines)))
    return order


def reading_order(text: str, lines: list[str] | None = None) -> list[int] | None:
    """The order the lines of `text` are read in (offsets), or None when no stack of
    numbers alone hands its lines out (the lines are read as printed). Asked by the parser
    and by the proof of the same source's text: the last answer is kept. `lines`: the
    text split at its line breaks, when the caller has split it already."""
    if _LAST and _LAST[0][0] == text:  # the same text: its identity answers at once
        return _LAST[0][1]
    lines = text.split("\n") if lines is None else lines
    # the cheap look first (C's loops): the lines short enough to be a number alone
    lengths = enumerate(map(len, map(str.strip, lines)))
    short = [at for at, length in lengths if 0 < length <= 12]
    pairs = any(later == at + 1 for at, later in zip(short, short[1:], strict=False))
    alone = [at for at in short if number_alone(lines[at])] if pairs else []
    stacked = any(later == at + 1 for at, later in zip(alone, alone[1:], strict=False))
    order = _order(lines, alone) if stacked else None
    _LAST[:] = [(text, order)]
    return order


_LAST: list[tuple[str, list[int] | None]] = []
