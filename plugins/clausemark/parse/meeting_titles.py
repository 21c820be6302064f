"""Titles of meeting records (lead ruling R20, session 12): a first line that names a
meeting's paper ("Minutes of the ... Meeting held on ...", "Agenda for ...", "Notice of
meeting ...", "... Parish Council Extraordinary meeting.") is the page's title as printed,
up to 30 words, even where it ends with a full stop: a clerk writes the record's name as a
sentence, and a reader looks the meeting up by it. R27 (session 13): "Agenda for ... Meeting
to be held on ..." (a date, time and place in it) is the title too; a line ending "...
Council meeting." is the title only as a short heading, never a sentence of minutes."""

from __future__ import annotations

import re

from ..support.dates import FULL_MONTHS
from .metadata import council_name

_MOST_WORDS = 30
_MOST_CHARACTERS = 250

# "Minutes of", "Draft Minutes from", "Agenda for", "Notice of Meeting", "Summons to"
# a minute or paper reference printed before it: "MPC(21)M04 Minutes of ...", "C048/23 ..."
_PAPER_FIRST = re.compile(
    r"^(?:[A-Z][A-Za-z]{0,5}[()/.\-]?\d[\w()/.\-]{0,12}\s+)?"
    r"(?:the\s+)?(?:draft\s+|approved\s+|unconfirmed\s+)?"
    r"(?:minutes|agenda|notice|summons)\s+(?:of|for|from|to(?!\s+be\b))\b",  # not 'Minutes to be'
    re.I,
)
# "... Parish Council Extra Ordinary meeting.", "... Annual Meeting of the Council"
_MEETING_LAST = re.compile(r"\bmeeting\.?$", re.I)
_COUNCIL = re.compile(r"\bcouncil\b", re.I)
# "The agenda for the meeting is usually published ...": a sentence about the paper says
# something of it; the paper's name says nothing ('held' and 'on' name, they do not say).
# Lower case only: "May" in a date is the month.
_SAYS = re.compile(r"\b(?:is|are|was|were|will|shall|must|may|can|should|be|has|have)\b")
# "... Meeting to be held on 4 March", "... Meeting which will be held on ...": the verb of
# an infinitive or of a relative clause describes the meeting; the line still names it
# (lead ruling R27). Only a verb outside them makes the line a sentence.
_DESCRIBES = re.compile(
    r"\bto\s+be\b|\b(?:which|that|who)\s+(?:(?:is|are|was|were|will|shall|may|has|have)\s+)?"
    r"(?:be\s+|been\s+)?\w+",
)
_TITLE_WORDS = 12  # a heading's length (lead ruling R8): "... Council meeting." as a title
# "The Chairman welcomed everyone to the Parish Council meeting.": a word in -ed with a
# lower-case word after it is a sentence's verb ('the adjourned Parish Council meeting'
# names one: its -ed word stands before a name).
_PAST_VERB = re.compile(r"\b[a-z]{2,}[^e\W]ed\s+(?!meeting\b)[a-z]")


def meeting_record_title(text: str) -> bool:
    """Whether a first line names a meeting record and so is the title as printed."""
    plain = text.strip()
    if not plain[:1].isupper() or len(plain) > _MOST_CHARACTERS or plain[-1:] in ":;,":
        return False
    if len(plain.split()) > _MOST_WORDS or _SAYS.search(_DESCRIBES.sub(" ", plain)):
        return False
    if _PAPER_FIRST.match(plain):
        return True
    # "... Parish Council Extra Ordinary meeting.": the document's first heading, short and
    # no sentence of minutes ("Cllr Grey opened the Parish Council meeting.": R27)
    return bool(
        _MEETING_LAST.search(plain)
        and _COUNCIL.search(plain)
        and len(plain.split()) <= _TITLE_WORDS
        and not _PAST_VERB.search(plain)
        and not _sentence_before_meeting(plain)
    )


# The words a meeting's name holds in lower case ("Meeting of the Council", "Annual Meeting
# for Electors"); any other lower-case word says something: a sentence (lead ruling R36).
_NAME_WORDS = frozenset({"of", "the", "and", "for", "to", "on", "&"})
# a line opening on the name of the meeting or of its paper
# the small words of a place's name ('Publow with Pensford', 'Ashby de la Zouch')
_PLACE_WORDS = _NAME_WORDS | {"with", "upon", "in", "by", "under", "cum", "de", "la", "le", "next"}
_NAME_FIRST = re.compile(
    r"^(?:agenda|minutes|notice|annual|extraordinary|extra\s*ordinary|special)\b", re.I
)
_BODY = re.compile(r"^(?:council|committee|board|panel|forum|cabinet|assembly)$", re.I)


def _sentence_before_meeting(plain: str) -> bool:
    """'Cllr Grey took the chair at the Parish Council meeting.', 'Twelve residents came to
    the Parish Council meeting.': a lower-case word other than of/the/and/for/to/on before
    '... meeting.' in a line that opens on no council's, committee's or paper's name."""
    words = plain.rstrip(".").split()[:-1]  # up to the last 'meeting'
    if _NAME_FIRST.match(plain):
        return False
    for word in words:  # a name's leading words reach 'Council' ('Publow with Pensford')
        if _BODY.match(word.strip(",")):
            return False
        if not (word[:1].isupper() or word.lower() in _PLACE_WORDS):
            break
    return any(w[:1].islower() and w.lower() not in _NAME_WORDS for w in words)


# "Minute of the ... Meeting held on Thursday, 12th February 2015, in the Church Hall":
# the meeting's description, a long line naming when and where it was held.
_HELD = re.compile(r"\bheld\b")
_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?[A-Z]")  # 'in Orwell Parish Church Hall'
_WHEN = re.compile(rf"\b(?:{'|'.join(FULL_MONTHS)})\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b")
_SHORT_HEADING = 12  # words of a heading (lead ruling R8)


def meeting_description(text: str, above: str) -> bool:
    """Whether a line under a council's name (`above`) describes its meeting (when AND
    where it was held, longer than a heading): the council's name stays the title (lead
    ruling R35), the description is the text's first heading. 'Minutes of the Parish
    Council Meeting held on 2 October' (no place) is still the title (R20)."""
    held = _HELD.search(text)
    return (
        held is not None
        and len(text.split()) > _SHORT_HEADING
        and bool(_PLACE.search(text, held.end()))
        and bool(_WHEN.search(text, held.end()))
        and council_name(above, whole=True) is not None
    )


def names_record(text: str) -> bool:
    """'Minutes of ...', 'Agenda for ...', 'Notice of ...': a line opening on a meeting
    paper's name (a cheap test before `meeting_record_title`)."""
    return bool(_PAPER_FIRST.match(text.strip()))
