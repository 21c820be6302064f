"""Lines printed over a council's heading that are never its title (lead ruling R34).

- who the paper is sent to and the call to the meeting: "To: ALL MEMBERS OF THE COUNCIL",
  "Dear Councillor", "YOU ARE HEREBY SUMMONED TO ATTEND ...", and under them the clerk's
  signature and date ("J SMITH, CLERK TO THE COUNCIL 24th February 2023"): an agenda's
  letter, printed above its heading ("AGENDA"), which is the title;
- a breadcrumb trail as the site printed it, links and all ("[Home](...) | [Meetings](...)"
  in a saved web page): where the page sits, never its title;
- a minute book's page code ("A1", "B12") alone over the first capitals heading: the
  book's page, left out as a page number ("A1" / "BOLTON METROPOLITAN BOROUGH" is titled
  "BOLTON METROPOLITAN BOROUGH").

Each stays printed where it stands (a label line over the title, `over_title_line`) or
is reported (the page code, `page_code_first`): no word is lost.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..support.markdown_text import plain_text
from .control_labels import control_label
from .drops import drop
from .labels import names_kind
from .letter_lines import (
    addressee_line,
    closes_letter,
    letter_body,
    office_line,
    signature_line,
    summons_line,
    valediction,
)
from .shapes import is_heading_text
from .site_lines import is_trail, page_furniture, trail_last_step
from .titles import at_the_top, title_cased
from .top_furniture import TOP_LINES
from .units import Unit

if TYPE_CHECKING:
    from ..model.document import Dropped
    from .structure import _Builder


def _breadcrumb(text: str) -> bool:
    """A trail with its links ('[Home](https://...) | [Meetings](https://...)'): read by
    its words, as the site shows it."""
    return "](" in text and trail_last_step(plain_text(text)) is not None


def over_title_line(builder: _Builder, unit: Unit, text: str) -> bool:
    """An addressee, the call to the meeting, the clerk's signature under them, or a
    breadcrumb with its links, before the title and the text: a label line over the
    title (printed where it stands), never the title nor the text's first paragraph.
    True when the line was taken so."""
    if not at_the_top(builder, unit) or unit.md_level:
        return False
    lines = builder.doc.title_lines
    after_call = bool(lines) and lines[-1][0] == "label" and _calls(lines[-1][2])
    if not (
        addressee_line(text)
        or summons_line(text)
        or _breadcrumb(text)
        or is_trail(text)
        or (after_call and (signature_line(text, True) or letter_body(text)))
        or signature_line(text)
        or (unit.line <= TOP_LINES and (unit.furniture or page_furniture(text)))
        or control_label(text)
        or _in_letter(lines, text)
        or _summary_under_furniture(lines, unit, text)
    ):
        return False
    lines.append(("label", unit.line, text))
    return True


# A web page's own summary of what it shows ('This report ... proposes a protocol ...'),
# printed under its navigation (label lines only above it) and over its heading (R37).
_SUMMARY = re.compile(r"^this\s+(?:report|page|paper|document|item)\b", re.I)
_SUMMARY_MOST = 600


def _summary_under_furniture(lines: list, unit: Unit, text: str) -> bool:
    """The page's summary line under its own furniture: a label line, never the text's
    first paragraph (which would end the title search above the heading)."""
    return (
        unit.line <= TOP_LINES
        and len(text) <= _SUMMARY_MOST
        and bool(_SUMMARY.match(text))
        and bool(lines)
        and all(kind == "label" for kind, _line, _text in lines)
    )


# --- a letter over the paper's heading, a document-control label (lead ruling R38) ----------

_LETTER_MOST = 15  # lines of a covering letter between 'Dear ...' and its close
_SIGNATURE_MOST = 3  # lines of the signature under 'Yours sincerely' (name, office)
_SIGNATURE_WORDS = 6


def _in_letter(lines: list, text: str) -> bool:
    """A line of the covering letter: between 'Dear ...' and 'Yours sincerely' (the call to
    the meeting, its date, time and venue), or the signature under the close; never the
    paper's own heading ('AGENDA', 'Notice of Meeting'), which ends the letter."""
    if not lines or _paper_heading(text):
        return False
    state = _letter_state(lines)
    if state == "body":
        return not _subject_heading(text)
    return state == "signed" and len(text.split()) <= _SIGNATURE_WORDS


_SUBJECT_WORDS = 8


def _subject_heading(text: str) -> bool:
    """'Complaint about the Clerk' under 'Dear Sir or Madam': a short heading, no sentence
    and no field ('Date: Monday ...'): the paper's own heading (attack16 T9), never a line
    of the letter."""
    text = text.strip()
    return (
        len(text.split()) <= _SUBJECT_WORDS
        and ":" not in text
        and text[-1:] not in ".;,!?"
        and text[:1].isupper()
        and is_heading_text(text)
        and not (valediction(text) or office_line(text) or signature_line(text))
    )


def _letter_state(lines: list) -> str | None:
    """'body' inside a letter over the title, 'signed' in the signature under its close,
    'closed' after the signer's office; None outside a letter."""
    for back, (kind, _line, said) in enumerate(reversed(lines)):
        if kind != "label":
            return None
        if office_line(said) and back == 0 and _signed(lines):
            return "closed"  # 'Parish Clerk' ends the signature: the heading comes next
        if closes_letter(said):  # the signature: a name, an office, a few words each
            return "signed" if back < _SIGNATURE_MOST else None
        if said[:5].lower() == "dear " and addressee_line(said):
            return "body" if back < _LETTER_MOST else None
    return None


def _signed(lines: list) -> bool:
    """A letter's close among the last lines over the title ('Yours faithfully')."""
    return any(closes_letter(said) for _kind, _line, said in lines[-_SIGNATURE_MOST - 1 :])


def letter_heading(builder: _Builder, unit: Unit, text: str) -> bool:
    """The paper's heading under its letter ('AGENDA', 'NOTICE OF MEETING' under the
    signature), on a line of its own or in the letter's paragraph: the title (R38). True
    when it became the title."""
    if not at_the_top(builder, unit) or unit.md_level:
        return False
    state = _letter_state(builder.doc.title_lines)
    if state is None or not (_paper_heading(text) or (state == "body" and _subject_heading(text))):
        return False
    builder.heading(unit, text)
    return True  # read by heading(), title or label: never read again (attack17 A17-18)


# the paper's heading: 'AGENDA', 'Minutes of ...', 'ANNUAL PARISH MEETING'
_PAPER = re.compile(r"^(?:agenda|minutes|notice|summons)\b|\bmeeting\b", re.I)
_PAPER_WORDS = 12


def _paper_heading(text: str) -> bool:
    """'AGENDA', 'Minutes of the Annual Meeting', 'Code of Conduct': the paper's heading."""
    words = text.split()
    return (
        len(words) <= _PAPER_WORDS
        and text[-1:] not in ".:;,"
        and (bool(_PAPER.match(text)) or names_kind(text))
        and not valediction(text)
    )


def _calls(text: str) -> bool:
    return addressee_line(text) or summons_line(text) or signature_line(text, True)


# A minute book's page code: one or two capitals and a number ('A1', 'CB12').
_PAGE_CODE = re.compile(r"^[A-Z]{1,2}\d{1,3}$")


def page_code_first(flow: list, dropped: list[Dropped]) -> list:
    """'A1' alone as the text's first line, over a heading (in capitals, or title-cased:
    'Lone Working Policy'), a blank line between or none: the minute book's page, left
    out as a page number (reported), never part of the heading under it."""
    first = flow[0] if flow else None
    if not isinstance(first, Unit) or first.number is not None or first.bullet:
        return flow
    code, _space, rest = first.text.strip().partition(" ")
    if not _PAGE_CODE.match(code):
        return flow
    if not rest and len(flow) >= 2:  # 'A1', a blank line, the heading
        second = flow[1]
        if (
            isinstance(second, Unit)
            and second.number is None
            and not second.bullet
            and not first.joined_lines
            and _heading_under(second.text)
        ):
            dropped.append(drop(first.line, code, "page-number"))
            return flow[1:]
        return flow
    if len(first.joined_lines) == 1 and _heading_under(rest):  # 'A1' / 'Lone Working Policy'
        dropped.append(drop(first.line, code, "page-number"))
        heading = replace(first, text=rest, line=first.joined_lines[0], joined_lines=[])
        return [heading, *flow[1:]]
    return flow


def _heading_under(text: str) -> bool:
    return (text.isupper() or title_cased(text)) and len(text.split()) >= 2


# A record that opens straight into its attendance (lead ruling R35): "Present: ...",
# "Apologies ; ...", "In Attendance - ...", "Present Councillors ...". Such a text prints
# no title line: the file name names it.
_RECORD_OPENING = re.compile(
    r"^(?:present|apologies(?:\s+(?:for\s+absence|received))?|in\s+attendance|attendance"
    r"|attendees|(?:members|councillors)\s+present|also\s+present)"
    r"\s*(?:[:;\-–—]\s*\S|\s+(?:cllrs?|councillors?|mr|mrs|ms|dr)\b)",
    re.I,
)


def record_opening(builder: _Builder, unit: Unit, text: str) -> bool:
    """'Present: Cllr A Smith, ...' as a text's first line (or under the council's name
    alone, which stays the council): the record has begun, so no later heading is its
    title (the file name is). True when the line was read so."""
    if (
        builder.content_started
        or builder.doc.blocks
        or unit.number
        or unit.bullet
        or unit.md_level
        or not _RECORD_OPENING.match(text)
    ):
        return False
    if builder.title_is_council():  # 'HARBRIDGE PARISH COUNCIL' over it: the council
        builder.demote_council_title()
    if builder.title_taken or any(kind == "title" for kind, _l, _t in builder.doc.title_lines):
        return False
    builder.paragraph(unit, text)
    return True


def over_title(builder: _Builder, unit: Unit, text: str) -> bool:
    """A line over the title that is none of it (`over_title_line`), or a record's opening
    (`record_opening`): read as such; True when it was. The parser calls it only before the
    first block, so a text's other lines cost no call."""
    return (
        over_title_line(builder, unit, text)
        or letter_heading(builder, unit, text)
        or record_opening(builder, unit, text)
    )
