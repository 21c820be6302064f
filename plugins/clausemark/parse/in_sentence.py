"""Numbers a hard wrap put at a line's start from inside a sentence ('Subject to' /
'(b) below', '... at least' / '1.5 metres from'): words of the sentence, not clauses (split
out of units.py, which reads the units)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..numbering.styles import CLAUSE_STYLES, clause_path, in_sequence, read_number
from .shapes import _CONTINUING_WORDS, ends_sentence

if TYPE_CHECKING:
    from .lines import Line
    from .units import Unit

_WORD_TAIL = 64  # characters at a text's end that hold its last word and the space after
_REFERENCE_WORD = re.compile(
    r"\b(?:sub-?paragraphs?|paragraphs?|paras?|items?|clauses?|sections?|rules?)\s*$", re.I
)


# what follows a paragraph's number when a sentence cites it: "(b) below", "(c) above",
# "(d) hereof", "(e) of this rule", "(a) and (b)"
_CITED_AFTER = re.compile(
    r"^(?:above|below|hereof|hereto|herein|of\s+(?:this|that|these|the)\b|(?:and|or|to)\s+\()"
)
_CITED_LINE = re.compile(  # a first look, before the number is read
    r"^\(?\w{1,6}[.)]?\)?\s+(?:above|below|here|of\s|and\s+\(|or\s+\(|to\s+\()"
)


def _cited_at_line_start(units: list[Unit], text: str) -> bool:
    """'(a) Subject to' over '(b) below the scheme ...': a hard wrap put a cited paragraph's
    number at the line start; the line above stops on a word that runs on ('to', 'under')
    and the words after the number are those that follow a citation ('below', 'of this')."""
    if not _CITED_LINE.match(text):
        return False
    found = read_number(text)
    if found is None or not _CITED_AFTER.match(found.rest):
        return False
    words = re.findall(r"[A-Za-z']+", units[-1].text[-_WORD_TAIL:])
    return bool(words) and words[-1].lower() in _CONTINUING_WORDS


def _wrapped_number(units: list[Unit], text: str, previous: str | None) -> bool:
    """A hard wrap put a number from inside a sentence at the line start: the line above
    runs on, the text after the number is in lower case, and the number does not come
    next in the document's own numbering."""
    found = read_number(text)
    if found is None:
        return False
    if not found.rest[:1].islower():
        # "... from the resident of\n2.1 Mill Court": an address finishes the phrase,
        # unless the number is the very next one (1.2 after 1.1, or 1.1.1)
        return (
            _breaks_a_phrase(units[-1].text)
            and bool(set(found.styles) & CLAUSE_STYLES)
            and not _next_close(previous, found.number)
            and not _skipped_one(previous, found.number, found.rest)
        )
    if _REFERENCE_WORD.search(units[-1].text[-_WORD_TAIL:]):  # "... sub-paragraph\n(b) of 2.3"
        return True
    if not set(found.styles) & CLAUSE_STYLES or ends_sentence(units[-1].text):
        return False
    return previous is None or not in_sequence(previous, found.number)


def _skipped_one(previous: str | None, number: str, rest: str) -> bool:
    """'2.1 ... by the' / '2.3 Hospitality is registered too.': the next sibling but one
    (2.2 lost at a page break, or a council's gap) over a sentence of its own is a clause,
    never an address finishing the phrase above (attack14 A6)."""
    before, after = clause_path(previous), clause_path(number)
    if not before or not after or len(before) != len(after) or before[:-1] != after[:-1]:
        return False
    if not (before[-1].isdigit() and after[-1].isdigit()):
        return False
    words = rest.lower().split()[:6]
    sentence = rest.rstrip().endswith(".") and any(word in _VERBS for word in words)
    return int(after[-1]) == int(before[-1]) + 2 and sentence


# the verbs a clause's sentence opens with ('Hospitality is registered'), which an address
# ('Mill Court about parking') does not carry
_VERBS = frozenset(
    {"is", "are", "was", "were", "be", "must", "shall", "should", "will", "may", "can",
     "has", "have", "had", "does", "do"}
)  # fmt: skip


def _breaks_a_phrase(text: str) -> bool:
    """The line stops on a word no sentence or title ends on ('of', 'the', 'at', 'from'):
    what follows finishes its phrase, whatever its case."""
    if not text[-1:].isalpha():  # the cheap look first: most lines end on '.', ':' or ';'
        return False
    last = _LAST_WORD.search(text[-_WORD_TAIL:])
    return last is not None and last.group().lower() in _PHRASE_WORDS


# words a phrase cannot stop on, a house number or a room after them ("the resident of",
# "held at", "moved to"); not 'and', 'or' (a list's last item follows them) nor a verb
_PHRASE_WORDS = frozenset(
    ("of", "the", "a", "an", "at", "from", "to", "in", "on", "by", "with", "for", "into")
)


_LAST_WORD = re.compile(r"\b[A-Za-z]+$")  # the line's last word, nothing after it


def _next_close(previous: str | None, number: str) -> bool:
    """`number` comes next after `previous`: its first child (1.1.1 after 1.1), its next
    sibling (1.2 after 1.1) or the next sibling of one it is inside (1.7 after 1.6.4); no
    jump to another section's numbers (2.1 or 14 after 1.1)."""
    before, after = clause_path(previous), clause_path(number)
    if not before or not after:
        return False
    if len(after) == len(before) + 1:
        return after[:-1] == before and after[-1] in ("1", "01")
    depth = len(after)
    return (
        depth <= len(before)
        and after[:-1] == before[: depth - 1]
        and in_sequence(before[depth - 1], after[-1])
    )


_SET_IN = 2  # the fewest spaces a browser sets a list's items in by (R40)


def heads_set_in_list(line: Line, above: Line, below: list[Line]) -> bool:
    """'    1. in relation to the Authority, ...' right over '      1. Nottinghamshire ...'
    set in further, and that '1.' itself: items of a saved page's list, the deeper one
    the first child of the one above (R40), never numbers a hard wrap put at the line
    start (a wrapped sentence's next line is no list item set in deeper)."""
    if line.indent < _SET_IN:
        return False
    if above.indent > line.indent and _numbered(above.text) and _numbered(line.text):
        return True  # back at a shallower margin: the open item's next sibling (R40), no wrap
    if above.indent >= _SET_IN and line.indent > above.indent and _numbered(above.text):
        found = read_number(line.text.lstrip())
        return found is not None and clause_path(found.number) == ("1",)
    return bool(below) and below[0].indent > line.indent and _numbered(below[0].text)


def _numbered(text: str) -> bool:
    found = read_number(text.lstrip())
    return found is not None and bool(set(found.styles) & CLAUSE_STYLES)
