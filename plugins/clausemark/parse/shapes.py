"""What a line of text looks like: a heading, a sentence that runs on, a lead-in."""

from __future__ import annotations

import re

from ..numbering.styles import opens_on_time
from .inline import strip_emphasis_wrapper

_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]*_]*$")


_CONTINUING_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "his", "her", "in",
    "is", "its", "of", "on", "or", "than", "that", "the", "their", "to", "which", "with",
    "who", "whom", "whose", "were", "was", "not", "nor", "into", "under", "upon",
}  # fmt: skip


_INTRODUCES_LIST = re.compile(r"(:-?|–|—|-)\s*$")


_MARKER = re.compile(r"\[\^\w{1,20}\]")
_MARKER_MOST = 23  # characters of the longest marker, '[^' + 20 + ']'


# 'Present: Cllr A Smith, Cllr B Jones', 'In attendance: The Clerk': a label of a few words
# and no number, then the words it labels ('PART 3: COMMITTEES', 'Part I: Chairmanship',
# 'Appendix A: Forms' have their number, a digit, a roman numeral or a letter)
_LABELLED = re.compile(r"^[A-Za-z][A-Za-z'’&/ -]{0,40}:\s+\S")
_DESIGNATOR = re.compile(r"(?:^|\s)(?:[IVXLC]+|[A-Za-z])\s*:")


def labelled(text: str) -> bool:
    """A label and the words it labels on one line: text, never a heading."""
    found = _LABELLED.match(text)
    return found is not None and not _DESIGNATOR.search(text, 0, found.end())


def trailing_markers(text: str) -> int:
    """Where the footnote markers that end `text` begin ('Site Visits[^3]' -> 11), or
    len(text). Read from the end, one marker at a time: a pattern anchored at the end
    would be tried from every position of a line of thousands of markers."""
    end = len(text)
    while text.endswith("]", 0, end):
        start = text.rfind("[^", max(0, end - _MARKER_MOST), end)
        if start < 0 or not _MARKER.fullmatch(text, start, end):
            break
        end = start
    return end


_MARKED = re.compile(r"[ \t]?\[\^\w{1,20}\]")


def without_markers(text: str) -> str:
    """A line without its footnote markers, wherever they stand ('Positions [^13] etc.'
    -> 'Positions etc.'), and the space before each."""
    return _MARKED.sub("", text).rstrip()


def ends_sentence(text: str) -> bool:
    """The text ends with a sentence's last mark ('.', ':' ...), closing quotes and
    brackets aside: only its end is read, so that asking it of a paragraph as each of its
    lines is joined costs the same however long the paragraph has grown."""
    return bool(_TERMINAL.search(text[-_END_TAIL:].rstrip()))


_END_TAIL = 200
_HEADING_MOST = 1_000  # characters: no heading is longer, footnote markers and emphasis included


# A vote's tally (lead ruling R29: never an item, never a heading): the count before the
# word ("3 For", "2 Against", "1 Abstention", "5 in favour", "4 voted"; parse/item_kinds)
# or after it ("In favour 5", "Against: 1", "Abstentions - 0").
_TALLY_WORDS = r"for|against|abstain(?:ed|ing|s)?|abstentions?|in\s+favour"
TALLY = re.compile(rf"(?:{_TALLY_WORDS}|voted)\b(?!\s+(?:the|a|an)\b)", re.I)
_COUNT_AFTER_TALLY = re.compile(rf"(?:votes?\s+)?(?:{_TALLY_WORDS})\s*[:–—-]?\s*\d{{1,4}}$", re.I)


def is_heading_text(text: str) -> bool:
    """A short line that does not read as a sentence (a footnote marker at its end, as
    in 'Site Visits[^3]', aside)."""
    if len(text) > _HEADING_MOST:
        return False  # a paragraph: never copied or split to find it is not a heading
    plain = strip_emphasis_wrapper(text)
    if "[^" in plain:  # 'Positions of Responsibility[^13] etc.': markers are no words
        plain = without_markers(plain)
        if "[^" in plain:
            return False
    if not plain or plain[-1] in ".;:,!?–—-":
        return False
    if plain[-1].isdigit() and _COUNT_AFTER_TALLY.match(plain):
        return False  # "In favour 5": a vote's tally under the item it decides (R29)
    if opens_on_time(plain):
        return False  # "14:00", "14:30 Talks": a timetable's line, text (R42)
    if len(plain) > 100 or len(plain.split()) > 14:
        return _long_capitals(plain)
    first = plain.lstrip("\"'‘“(")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


_CAPITALS_MOST = 160  # characters of a heading printed in capitals ("9 MOTIONS FOR A ...")
_CAPITALS_WORDS = 26


def _long_capitals(plain: str) -> bool:
    """'MOTIONS FOR A MEETING THAT REQUIRES WRITTEN NOTICE TO BE GIVEN TO THE PROPER
    OFFICER': a heading in capitals is longer than one in words, never a sentence."""
    return (
        len(plain) <= _CAPITALS_MOST
        and len(plain.split()) <= _CAPITALS_WORDS
        and plain.isupper()
        and sum(c.isalpha() for c in plain) * 2 > len(plain)
    )


# A page titled by the question it answers ('What are the rules for asking a question at
# Council?'): the first line only, one sentence opening on a question word.
_QUESTION = re.compile(
    r"^(?:what|how|when|who|why|where|which|can|do|does|is|are|should|may)\s[^.!?;:]{4,120}\?$",
    re.I,
)
_QUESTION_WORDS = 16


def question_title(text: str) -> bool:
    """'What are the guidelines for submitting a petition?' first: the title (a question is
    never a heading elsewhere: it may be a FAQ's line of text)."""
    text = strip_emphasis_wrapper(text.strip())
    return len(text.split()) <= _QUESTION_WORDS and bool(_QUESTION.match(text))


def colon_title(text: str) -> bool:
    """'Terms of Reference:' in a document's first chunk: a title printed with a colon (a
    short heading in words, every long word capitalised), never a lead-in such as 'The
    Council shall have power to:'."""
    if not text.endswith(":") or len(text) > 60 or not is_heading_text(text[:-1].rstrip()):
        return False
    return all(word[:1].isupper() for word in re.findall(r"[A-Za-z']{4,}", text))


def _continues_line(previous: str, text: str) -> bool:
    """A hard-wrapped line carries on the one above: it starts in lower case, or the
    line above ends on a word that cannot end a title ('of', 'and', a comma)."""
    first = text.lstrip("\"'‘“(")[:1]
    if first.islower():
        return True
    words = re.findall(r"[A-Za-z']+|,$", previous.rstrip())
    return bool(words) and (words[-1] == "," or words[-1].lower() in _CONTINUING_WORDS)


def _is_long_title(text: str) -> bool:
    """A title printed as one long first line, commas and all, but not a sentence."""
    plain = strip_emphasis_wrapper(text)
    return 0 < len(plain) <= 250 and plain[:1].isupper() and plain[-1] not in ".;:!?"


def _ends_open(text: str) -> bool:
    """A line that stops on a word a heading cannot end on: a lead-in ('Members must'); a
    sentence ended with a full stop ('... held in May.') is closed, whatever its word."""
    if text.rstrip()[-1:] in (".", "!", "?"):
        return False
    words = re.findall(r"[A-Za-z']+", text[-30:])
    return bool(words) and (
        words[-1].lower() in _CONTINUING_WORDS or words[-1].lower() in _LEAD_IN_WORDS
    )


_LEAD_IN_WORDS = {
    "must", "will", "shall", "may", "should", "can", "could", "would", "include", "includes",
    "including", "following", "namely", "means", "where", "when", "if", "unless", "has",
    "have", "being", "follows",
}  # fmt: skip


_TITLE_MOST = 80  # characters of a clause's title printed over its text


def titled(text: str) -> bool:
    """'Ordinary Meeting', 'ANNUAL GENERAL MEETING': a title in words (each long word
    capitalised), never the start of a sentence a page break cut ('Members shall')."""
    return (
        len(text) <= _TITLE_MOST
        and is_heading_text(text)
        and not _ends_open(text)
        and all(word[:1].isupper() for word in re.findall(r"[A-Za-z']{4,}", text))
    )


_FILL_IN = re.compile(r"(?:\.{6,}|…{3,}|_{6,})")
_CROSS_REFERENCE = re.compile(
    r"\bsee\s+(?:also\s+)?(?:standing\s+orders?|paragraphs?|sections?|rules?|clauses?"
    r"|parts?|articles?|appendi(?:x|ces)|schedules?|annex(?:es)?|regulations?)\s+\d",
    re.I,
)


def to_sign_or_see(text: str) -> bool:
    """'Signed ............ Chair', a line to sign, or 'See also standing order 20', a
    note: never a heading."""
    return bool(_FILL_IN.search(text) or ("ee " in text and _CROSS_REFERENCE.search(text)))


# "[Note: subparagraph (b) is omitted.]", "[Not used]", "Note: (b) was revoked.": an
# editor's line between items
_EDITORIAL = re.compile(
    r"^(?:\[[^\[\]]{3,300}\]|(?:\*\*?|_)?(?:note|n\.?b\.?)\s*[:.–—-]\s*\S.{0,300})$", re.I
)


TITLE_WORDS = 12  # words of the longest numbered title (lead ruling R8)
TITLE_CHARS = 80  # characters of the longest numbered title (R8)


def is_numbered_title(text: str) -> bool:
    """'The scope of this policy', 'Who does this policy cover?', 'PLANNING MATTERS.':
    at most 12 words and 80 characters, opening on a capital or a digit, not ending open
    ('of', 'must', a comma) nor as a sentence does, except that a line in capitals may end
    with '.' and a question with '?' (lead ruling R8). A line wholly in capitals may be
    as long as any heading in capitals (`_long_capitals`): it is never a sentence."""
    plain = strip_emphasis_wrapper(text.strip())
    if not plain or len(plain) > _CAPITALS_MOST:
        return False
    first = plain.lstrip("\"'‘“(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False  # '1. a seat is vacant; or': an item going on a sentence
    body = plain[:-1].rstrip() if plain[-1] in ".?" else plain
    if not body or body[-1] in ".;:,!?–—-":
        return False
    capitals = body.isupper()
    long = len(plain) > TITLE_CHARS or len(plain.split()) > TITLE_WORDS
    if long and not (capitals and _long_capitals(body)):
        return False
    if plain[-1] == "." and not capitals:
        return False  # 'To note apologies received.': a sentence
    if plain[-1] == "?":
        return not to_sign_or_see(plain)  # 'Who is this policy for?' may end on 'for'
    return not _ends_open(body) and not to_sign_or_see(plain)
