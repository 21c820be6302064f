"""Clause numbers run into the middle of a line: a text copied from a PDF or an
aggregator that lost its line breaks ('... the meeting. 2.3 The Chair shall ...',
'Introduction 1. Local authority decisions ...'). A number inside a line starts a clause
of its own only when it is the one the document's numbering needs next (2.3 after 2.2,
3 or 3.1 after it, 1 when nothing is numbered yet), stands after a sentence's end or a
heading's capitalised word, opens a capitalised sentence, and is not printed at the
start of a line next (then the one inside the line is cited). A quantity, a date, a sum
or a reference ('paragraph 5.1', 'section 3. The') is never one."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from ..model.document import Issue
from ..numbering.styles import clause_path
from ..support.limits import most
from .glued_clauses import split_glued_clauses
from .long_numbers import long_numbers
from .minute_refs import take_reference
from .shapes import is_heading_text
from .units import Unit, split_number

# a number inside a line: '1.' (an integer keeps its full stop) or '2.3' / '2.3.', after
# a space (or a decimal run into the full stop before it: 'otherwise.1.2 The', as a PDF
# copy that lost the line break gives it), before a space and a capital, an opening
# quote or bracket. The pattern opens on the digit and looks behind it for the space or
# the full stop (one opening with a look-behind is tried at every character, not scanned
# for in C); `_inside` gives each number's start at the space before it, as before.
_INSIDE = re.compile(
    r"(\d(?:(?<=\s\d)|(?<=[a-z)][.;:]\d))\d{0,2}(?:\.\d{1,3}){0,3})\.?\s+(?=[A-Z“‘\"'(])"
)


def _inside(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, number as printed) of each number inside `text` (see `_INSIDE`): its
    start is the space before it, if a space stands there, else its first digit."""
    for match in _INSIDE.finditer(text):
        start = match.start()  # never 0: a character stands behind it
        start = start - 1 if text[start - 1].isspace() else start
        yield start, match.end(), match.group(0).strip()


# words that cite a number rather than print one ('section 3. The', 'No. 4. The')
_CITING = frozenset(
    {
        "act",
        "appendix",
        "annex",
        "annexe",
        "article",
        "art",
        "chapter",
        "clause",
        "item",
        "minute",
        "no",
        "number",
        "order",
        "page",
        "para",
        "paragraph",
        "part",
        "reg",
        "regulation",
        "rule",
        "schedule",
        "section",
        "sections",
        "step",
        "stage",
        "table",
        "figure",
        "note",
        "version",
        "issue",
        "edition",
        "revision",
        "release",
        "level",
        "grade",
        "band",
        "option",
        "phase",
        "vol",
        "volume",
    }
)
# plurals of those ('Standing Orders 2. The Chair'): a word cites as its singular does
_CITING_PLURAL = frozenset({"appendices", "annexes", *(f"{word}s" for word in _CITING)})
# abbreviations whose full stop ends no sentence ('Order No. 2. The', 'under s. 1.2 The')
_ABBREVIATED = frozenset(
    {"no", "nos", "s", "ss", "para", "paras", "art", "arts", "reg", "regs", "sch", "cl", "r"}
    | {"p", "pp", "vol", "ch", "pt", "fig", "sec", "app", "st"}
)
# a cheap first look: a digit before a capital, with at most a number's dots between
_LOOK = re.compile(r"\d(?:\.\d{1,3}){0,3}\.?\s+[A-Z“‘\"'(]")
_SENTENCE_END = frozenset(".;:!?")
_WORD_READ = 40  # characters before a number read for the word it stands after
_CLOSERS = "\"'”’)]"
_CLAUSE_STYLES = frozenset({"integer", "decimal"})
_HEADING_READ = 400  # characters read after a last whole number for the heading it opens


def _path(number: str) -> tuple[int, ...] | None:
    found = clause_path(number)
    if not found or not all(found) or not "".join(found).isdigit():  # each part digits only
        return None
    return tuple(int(part) for part in found)


def comes_next(last: tuple[int, ...] | None, number: tuple[int, ...]) -> bool:
    """Whether `number` is what a numbering at `last` prints next: its next sibling, its
    first child (2.2 -> 2.2.1), or the next at a shallower depth, alone or with its
    first child (2.3 -> 3, 3.1); 1 (or 1.1) when nothing is numbered yet."""
    if last is None:
        return number in ((1,), (1, 1))
    if number == (*last, 1):
        return True
    for depth in range(len(last)):
        head = (*last[:depth], last[depth] + 1)
        if number == head or number == (*head, 1):
            return True
    return False


def _stands_after(text: str, start: int, integer: bool) -> bool:
    """A sentence's end, a heading's capitalised word (not a citing one) or nothing
    before the number at `start`. A whole number after a colon is a value ('Quorum: 3.
    Substitutes ...'), and a full stop that ends an abbreviation ('No. 4. The') ends no
    sentence."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1  # the space before this number alone: each space is passed once
    if end == 0:
        return True
    # the word before it, from a window: a copy of all the line before each number
    # made a line of many numbers quadratic (review7 R5)
    before = text[max(0, end - _WORD_READ) : end]
    word = before.rsplit(None, 1)[-1]
    bare = word.strip(_CLOSERS + ".,").casefold()
    last = before.rstrip(_CLOSERS)[-1:]
    if last == "." and bare in _ABBREVIATED:
        return False
    if last in _SENTENCE_END:
        return not (integer and last == ":")
    return word[:1].isupper() and bare not in _CITING and bare not in _CITING_PLURAL


# a decimal after a sentence's end, before a capital: '. 1.2 The', '.1.2 The'
_SIBLING_LOOK = re.compile(r"[a-z)][.;]\s?\d{1,3}\.\d{1,3}(?:\.\d{1,3}){0,2}\.?\s+[A-Z]")


def _next_sibling_after_sentence(
    text: str, start: int, last: tuple[int, ...] | None, path: tuple[int, ...]
) -> bool:
    """'... decides otherwise. 1.2 The public may attend': the next sibling of the last
    decimal clause (1.1 -> 1.2), after a full stop or semicolon that ends a sentence."""
    if last is None or len(path) < 2 or path != (*last[:-1], last[-1] + 1):
        return False
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end > 0 and text[end - 1] in ".;" and _stands_after(text, start, False)


def _with_number(unit: Unit, number: str, text: str) -> Unit:
    found, styles, rest = split_number(f"{number} {text}", False)
    part = Unit(unit.line, unit.indent, rest if found else f"{number} {text}")
    if found:
        part.number, part.styles = found, styles
    return part


def _closes(
    text: str,
    begin: int,
    paths: list[tuple[int, ...]],
    before: tuple[int, ...] | None,
    printed: tuple[int, ...] | None,
    following: Callable[[], list[str]],
) -> bool:
    """Whether the last number cut from a paragraph (its words from `begin`) is one: the
    number printed next comes next after it (at the next line's start, or run into one
    of the next paragraphs, `following`; or a list starts again at 1), and a whole number
    that ends a decimal run ('1.3 ... in Committee Room 2. The public ...', 1.4 or 2.1
    next) opens a heading ('3. Membership' over 3.1), never a sentence."""
    path = paths[-1]
    if printed is not None and not comes_next(path, printed):
        # a list starting again at 1 leads on from a clause's number, but from a whole
        # number only where it opens a heading ('2. The Annual Meeting' over '(a)' and
        # '1.'): 'Committee Room 3. The public may attend, except:' over '1. when ...'
        # is no clause 3 (review7 R7)
        restart = printed == (1,) and (len(path) > 1 or _opens_heading(text, begin))
        if not restart and not any(_cut_next(part, path) for part in following()):
            return False
    earlier = paths[-2] if len(paths) > 1 else before
    if len(path) > 1 or earlier is None or len(earlier) == 1:
        return True
    return _opens_heading(text, begin)


def _opens_heading(text: str, begin: int) -> bool:
    """Whether the words from `begin` are a heading's (short, no sentence)."""
    words = text[begin : begin + _HEADING_READ].strip()  # a heading is short: read no more
    return len(words) < _HEADING_READ - 1 and is_heading_text(words)


def _follows_on(last: tuple[int, ...] | None, printed: tuple[int, ...] | None) -> bool:
    """Whether the number printed next at a line's start follows on from the last one
    with nothing missing: its next sibling or first child, or the next at a shallower
    depth; never a first child under a number not printed yet (1.1, then 2.1: '2.' is
    missing)."""
    if printed is None or not comes_next(last, printed):
        return False
    head = printed[:-1]
    return not (head and printed[-1] == 1 and (last is None or last[: len(head)] != head))


CUT_RUN = (
    f"a paragraph runs more than {most('run_together_numbers'):,} clause numbers together: "
    "the words after the last one read stay that clause's words (every word kept)"
)
# a clause number read inside a paragraph and cut out as a clause of its own: a repair
# the maintainer is told of (INFO, model/document.REPAIR_KINDS), as the number printed
# mid-line may be a citation ('; 1.2 The ...' where 1.2 is printed nowhere else)
CUT_NUMBER = "run-together-cut"


def _cut_out(numbers: list[str]) -> str:
    said = ", ".join(numbers)
    word = "numbers" if len(numbers) > 1 else "number"
    return (
        f"clause {word} {said} printed inside the paragraph, read as the start of a clause "
        "of its own (cut out of the line): check it is no citation"
    )


_AHEAD = 3  # paragraphs read after one for the number its last cut leads to


def _cut_next(text: str, path: tuple[int, ...]) -> bool:
    """Whether a number that comes next after `path` is run into `text` where a clause's
    number stands (after a sentence's end or a heading's word, before a capital)."""
    for start, _end, number in _inside(text):
        found = _path(number)
        if found is not None and comes_next(path, found):
            return _stands_after(text, start, len(found) == 1)
    return False


def split_run_together(flow: list, warnings: list[Issue] | None = None) -> list:
    """Each paragraph with clause numbers run into it, split before each (see the module);
    one run past the limit is cut there, with a warning in `warnings`."""
    flow = split_glued_clauses(flow)  # "FRAMEWORK1.1.1 The ...": a clause glued on (R18)
    flow = long_numbers(flow)  # "1000." after clause 999: past the style table's digits
    units = [item for item in flow if isinstance(item, Unit)]
    count = len(units)
    paths: list[tuple[int, ...] | None] = [None] * count  # each numbered unit's, read once
    printed_next: list[tuple[int, ...] | None] = [None] * count
    upcoming = None  # the next number printed at a line's start, after each unit
    for index in range(count - 1, -1, -1):
        printed_next[index] = upcoming
        unit = units[index]
        if unit.number and not _CLAUSE_STYLES.isdisjoint(unit.styles):
            paths[index] = _path(unit.number)
            upcoming = paths[index] or upcoming
    split: dict[int, list[Unit]] = {}  # the parts of each paragraph split
    last: tuple[int, ...] | None = None
    for index, unit in enumerate(units):
        last = paths[index] or last
        printed = printed_next[index]
        if unit.md_level or unit.listed:
            continue
        if "...." in unit.text and (entries := _index_entries(unit)):
            split[id(unit)] = entries  # '1. GENERAL ...... 2. ACCOUNTING ......': an index
            continue
        long = len(unit.text) >= _LONG
        if _LOOK.search(unit.text, 1) is None and not (long and _B.search(unit.text)):
            continue  # no number before a capital, no run of letters: nothing to split
        # the number printed next follows on, so nothing need be missing in between: only
        # a clause's next sibling after a sentence's end ('otherwise. 1.2 The public')
        strict = _follows_on(last, printed)
        if strict and not (last and len(last) > 1 and _SIBLING_LOOK.search(unit.text, 1)):
            continue

        def following(at: int = index + 1) -> list[str]:
            """The next paragraphs, up to one printed with a number (read when needed)."""
            texts = []
            for ahead in range(at, min(count, at + _AHEAD)):
                if paths[ahead] is not None:
                    break
                texts.append(units[ahead].text)
            return texts

        was = unit.number
        parts, last = _split(unit, last, printed, following, strict)
        parts = take_reference(parts, unit)  # 'C048/23  1.  APOLOGIES': the item's reference
        cut = [p.number for p in parts if p.number and (p is not unit or p.number != was)]
        cut = cut if parts[0] is unit or len(parts) > 1 else []  # a reference alone: no cut
        if cut and warnings is not None:
            warnings.append(Issue(unit.line, _cut_out(cut), CUT_NUMBER))
        if long:  # in a paragraph that ran clauses together, 'a' and 'b' will do
            fewest = 2 if len(parts) > 1 else 3
            parts = [piece for part in parts for piece in _split_letters(part, fewest)]
        if len(parts) > 1 or parts[0] is not unit:
            split[id(unit)] = parts
        numbered = sum(1 for part in parts if part.number and part is not unit)
        if numbered >= most("run_together_numbers") and warnings is not None:
            warnings.append(Issue(unit.line, CUT_RUN, "long-paragraph"))
    if not split:
        return flow
    return [part for item in flow for part in split.get(id(item), (item,))]


# An index copied into one paragraph (a document site's transcript of a PDF): each entry's
# number and title, then a dot leader (its page number kept or lost), run into the next.
_ENTRY_CUT = re.compile(r"(?<=\.\.\.\.)\s*\d{0,3}\s+(?=\d{1,2}\.?\s+\S)")
_ENTRY_START = re.compile(r"\d{1,2}\.?\s+[^\d\s.]")
_ENTRY_AT = re.compile(r"(?:^|(?<=\s))(?=\d{1,2}\.?\s+[^\d\s.])")
_INDEX_ENTRIES = 3  # entries that make a paragraph an index
_INDEX_MOST = 8_000  # characters of the longest index read as one paragraph


def _entry(piece: str) -> bool:
    """'4. PAYMENTS ..........' or '... 12': a number, a title, a dot leader last."""
    if not _ENTRY_START.match(piece):
        return False
    end = piece.rstrip().rstrip("0123456789").rstrip()
    leader = len(end) - len(end.rstrip(". "))
    return end[len(end) - leader :].count(".") >= 4


def _index_entries(unit: Unit) -> list[Unit] | None:
    """The lines of an index run into one paragraph ('INDEX 1. GENERAL ...... 2.
    ACCOUNTING ......'): three numbered entries or more, each ending in a dot leader. They
    are the index's lines as printed (never clauses: the sections they name come later,
    or were not copied); words before the first entry stay a paragraph of their own."""
    whole = f"{unit.number} {unit.text}" if unit.number else unit.text
    if len(whole) > _INDEX_MOST:
        return None
    pieces = _ENTRY_CUT.split(whole)
    head = ""
    if not _entry(pieces[0]):
        starts = [found.start() for found in _ENTRY_AT.finditer(pieces[0])]
        if not starts or not _entry(pieces[0][starts[-1] :]):
            return None
        head, pieces[0] = pieces[0][: starts[-1]].strip(), pieces[0][starts[-1] :]
    if len(pieces) < _INDEX_ENTRIES or not all(_entry(piece) for piece in pieces):
        return None
    parts = [replace(unit, text=head, number=None, styles=())] if head else []
    return parts + [
        replace(unit, text=piece.strip(), number=None, styles=(), listed=True) for piece in pieces
    ]


# a bare letter inside a line before a capital: 'Meetings a Meetings shall ... decided b
# The minimum ...' (the letters of a list whose line breaks were lost)
_LETTER = re.compile(r"(?<=\s)([a-z])\s+(?=[A-Z])")
_B = re.compile(r"\sb\s+[A-Z]")
_LONG = 300  # characters of a paragraph that may hold a list run into it


def _split_letters(unit: Unit, fewest: int) -> list[Unit]:
    """A paragraph holding bare letters a, b, c ... in turn (`fewest` of them at least),
    each before a capital, split before each: the items of a list run together. The run
    is read from its 'b' (no word), 'a' being the last one before it ('a Sunday' is a
    word)."""
    text = unit.text
    if unit.md_level or _B.search(text) is None:
        return [unit]  # no 'b' before a capital: no run of letters (a cheap first look)
    cuts: list[re.Match[str]] = []
    first_a: re.Match[str] | None = None
    for match in _LETTER.finditer(text):
        letter = match.group(1)
        if not cuts and letter == "a":
            first_a = match  # the last 'a' before the first 'b'
        elif not cuts and letter == "b" and first_a is not None:
            cuts = [first_a, match]
        elif cuts and letter == chr(ord(cuts[-1].group(1)) + 1):
            cuts.append(match)  # at most a to z: past 'z' no letter comes next
    if len(cuts) < fewest:
        return [unit]
    head = text[: cuts[0].start()].rstrip()
    parts = [unit] if head else []
    unit.text = head
    for index, match in enumerate(cuts):
        end = cuts[index + 1].start() if index + 1 < len(cuts) else len(text)
        part = Unit(unit.line, unit.indent, text[match.end() : end].rstrip())
        part.number, part.styles = match.group(1), ("bare-letter",)
        parts.append(part)
    if not head:
        unit.text, unit.number, unit.styles = parts[0].text, parts[0].number, parts[0].styles
        parts[0] = unit
    return parts


def _split(
    unit: Unit,
    last: tuple[int, ...] | None,
    printed: tuple[int, ...] | None,
    following: Callable[[], list[str]],
    strict: bool = False,
) -> tuple[list[Unit], tuple[int, ...] | None]:
    """`strict`: only a decimal clause's next sibling straight after a sentence's end."""
    text = unit.text
    if _LOOK.search(text, 1) is None:
        return [unit], last
    cuts: list[tuple[int, int, str]] = []  # (number's start, text's start, number)
    paths: list[tuple[int, ...]] = []  # each cut's number read
    before = last
    for start, end, number in _inside(text):
        path = _path(number)
        if path is None or (len(path) == 1 and not number.endswith(".")):
            continue  # an integer prints its full stop: '5 The' is a count
        if not comes_next(last, path) or path == printed:
            continue
        if strict and not _next_sibling_after_sentence(text, start, last, path):
            continue
        if not _stands_after(text, start, len(path) == 1):
            continue
        cuts.append((start, end, number))
        paths.append(path)
        last = path
        if len(cuts) >= most("run_together_numbers"):
            break
    while cuts and not _closes(text, cuts[-1][1], paths, before, printed, following):
        cuts.pop()  # a quantity or reference read as the last number: it stays a word
        paths.pop()
    last = paths[-1] if paths else before
    if not cuts:
        return [unit], last
    head = text[: cuts[0][0]].rstrip()
    parts = [unit] if head else []
    unit.text = head
    for index, (_, begin, number) in enumerate(cuts):
        end = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        parts.append(_with_number(unit, number, text[begin:end].rstrip()))
    if not head:  # the paragraph opens on the first: it keeps its place and lines
        first = parts[0]
        unit.text, unit.number, unit.styles = first.text, first.number, first.styles
        parts[0] = unit
    return parts, last
