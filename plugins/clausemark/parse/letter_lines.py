"""The lines of a meeting paper's covering letter (lead ruling R34): whom it is sent to,
the call to the meeting and the clerk's signature and date. Pure tests of one line, read
where the lines are parted (units.py) and where the title is chosen (above_title.py)."""

from __future__ import annotations

import re

from ..support.dates import FULL_MONTHS

# "To: ALL MEMBERS OF THE COUNCIL", "To all Councillors", "To the Members of the Planning
# Committee": the paper's addressees, a short line.
_ADDRESSEE = re.compile(
    r"^(?:to\s*:?\s*(?:all\s+|the\s+)?(?:members|councillors|cllrs|parish\s+councillors"
    r"|town\s+councillors|committee\s+members)\b"
    r"|from\s*:\s*(?:the\s+)?(?:town\s+|parish\s+|deputy\s+)?(?:clerk|proper\s+officer)\b"
    # any greeting: 'Dear Councillor', 'Dear Alderman / Councillor', 'Dear Member' (R38)
    r"|dear\s+\w)",
    re.I,
)
_ADDRESSEE_WORDS = 14
# "YOU ARE HEREBY SUMMONED TO ATTEND ...", "Members are hereby summoned ...", "You are
# invited to attend a meeting of ...": the call to the meeting, a sentence.
_SUMMONS = re.compile(
    r"^(?:you\s+are\s+(?:hereby\s+)?(?:summoned|invited|requested|required)\s+to\s+attend"
    r"|(?:all\s+)?(?:members|councillors)(?:\s+of\s+the\s+\w+(?:\s+\w+)?)?\s+are\s+hereby"
    r"\s+summoned)\b",
    re.I,
)
_SUMMONS_MOST = 600  # characters of the call to a meeting
# The clerk's signature under the call: a name and the clerk's office, perhaps a date.
_CLERK = re.compile(
    r"\b(?:clerk|proper\s+officer|chief\s+executive|head\s+of\s+democratic\s+services)\b", re.I
)
_SIGNATURE_WORDS = 16


def addressee_line(text: str) -> bool:
    """'To: ALL MEMBERS OF THE COUNCIL', 'Dear Councillor': whom the paper is sent to."""
    return len(text.split()) <= _ADDRESSEE_WORDS and bool(_ADDRESSEE.match(text.strip()))


def summons_line(text: str) -> bool:
    """'YOU ARE HEREBY SUMMONED TO ATTEND A MEETING OF ...': the call to the meeting."""
    return len(text) <= _SUMMONS_MOST and bool(_SUMMONS.match(text.strip()))


def signature_line(text: str, after_call: bool = False) -> bool:
    """'J SMITH, CLERK TO THE COUNCIL 24th February 2023': the clerk's signature and date
    (its date needed, or under the call to the meeting, `after_call`, the name and office
    a comma apart: 'J Smith, Clerk')."""
    text = text.strip()
    return (
        len(text.split()) <= _SIGNATURE_WORDS
        and text[-1:] not in ":;"
        and bool(_CLERK.search(text))
        and not _SUMMONS.match(text)
        and (bool(_DATE.search(text)) or (after_call and "," in text))
    )  # 'Complaint about the Clerk' under 'Dear Sir or Madam': a heading (no name, no date)


# a date in a signature line: '24th February, 2023', '24/02/2023'
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{'|'.join(FULL_MONTHS)})\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b",
    re.I,
)


# The letter's close: 'Yours sincerely', 'Yours faithfully,' (R38); its signature under it.
_VALEDICTION = re.compile(
    r"^(?:yours\s+(?:sincerely|faithfully|truly)|kind\s+regards)\b,?\.?$", re.I
)


def valediction(text: str) -> bool:
    """'Yours sincerely': the letter's close, the signature (name, office) under it."""
    return len(text) <= 30 and bool(_VALEDICTION.match(text.strip()))


_CLOSE_AT_END = re.compile(
    r"\b(?:yours\s+(?:sincerely|faithfully|truly)|kind\s+regards),?\.?$", re.I
)


def closes_letter(text: str) -> bool:
    """'Yours sincerely' alone, or at the end of the letter's last line as a PDF joins
    them ('Venue: Council Chamber Yours sincerely'): the signature comes next."""
    return valediction(text) or (len(text) <= _SUMMONS_MOST and bool(_CLOSE_AT_END.search(text)))


def letter_line(text: str) -> bool:
    """A whole line of the covering letter that the next line never continues: an
    addressee ('Dear Councillor'), a call ending its sentence, a signature with its date,
    the letter's sentence ('Please find the agenda below.')."""
    text = text.strip()
    return (
        addressee_line(text)
        or (summons_line(text) and text[-1:] in ".:")
        or signature_line(text)
        or letter_body(text)
        or valediction(text)
    )


# The letter's own sentence under its addressee: "Please find the agenda below.", "I hereby
# give notice that ...", "Enclosed is the agenda ...".
_LETTER_BODY = re.compile(
    r"^(?:please\s+find|i\s+(?:hereby\s+)?(?:give|enclose|attach)|(?:enclosed|attached)\s+(?:is|are)"
    r"|notice\s+is\s+hereby\s+given)\b",
    re.I,
)


def letter_body(text: str) -> bool:
    """'Please find the agenda below.': the covering letter's sentence, one line ending it."""
    text = text.strip()
    return len(text) <= _SUMMONS_MOST and text[-1:] in ".:" and bool(_LETTER_BODY.match(text))


# The signer's office under a letter's close: 'Parish Clerk', 'Clerk to the Council', 'The
# Clerk', 'Chief Executive', 'R. Ellison, Town Clerk': it ends the signature (R38).
_OFFICE = re.compile(
    r"^(?:[A-Z][\w.'’-]*,?\s+){0,3}?"  # the signer's name before the office, capitalised
    r"(?i:(?:the\s+)?(?:town\s+|parish\s+|deputy\s+|assistant\s+|acting\s+)?"
    r"(?:clerk|proper\s+officer|chief\s+executive|secretary|responsible\s+financial\s+officer"
    r"|head\s+of\s+democratic\s+services|democratic\s+services\s+officer)"
    r"(?:\s+(?:to|of)\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:council|committee|authority))?),?\.?$"
)
_OFFICE_WORDS = 8


def office_line(text: str) -> bool:
    """'Parish Clerk', 'Clerk to the Council': the signer's office, a line of its own."""
    text = text.strip()
    return len(text.split()) <= _OFFICE_WORDS and bool(_OFFICE.match(text))
