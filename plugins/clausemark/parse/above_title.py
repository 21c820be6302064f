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
from typing import TYPE_CHECKING

from ..support.markdown_text import plain_text
from .drops import drop
from .site_lines import trail_last_step
from .units import Unit

if TYPE_CHECKING:
    from ..model.document import Dropped
    from .structure import _Builder

# "To: ALL MEMBERS OF THE COUNCIL", "To all Councillors", "To the Members of the Planning
# Committee": the paper's addressees, a short line.
_ADDRESSEE = re.compile(
    r"^(?:to\s*:?\s*(?:all\s+|the\s+)?(?:members|councillors|cllrs|parish\s+councillors"
    r"|town\s+councillors|committee\s+members)\b"
    r"|dear\s+(?:all\s+)?(?:councillors?|members?|cllrs?\b|sirs?\b|sir\s*/\s*madam|colleagues)\b)",
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


def _signature_line(text: str) -> bool:
    text = text.strip()
    return (
        len(text.split()) <= _SIGNATURE_WORDS
        and text[-1:] not in ":;"
        and bool(_CLERK.search(text))
        and not _SUMMONS.match(text)
    )


def _breadcrumb(text: str) -> bool:
    """A trail with its links ('[Home](https://...) | [Meetings](https://...)'): read by
    its words, as the site shows it."""
    return "](" in text and trail_last_step(plain_text(text)) is not None


def over_title_line(builder: _Builder, unit: Unit, text: str) -> bool:
    """An addressee, the call to the meeting, the clerk's signature under them, or a
    breadcrumb with its links, before the title and the text: a label line over the
    title (printed where it stands), never the title nor the text's first paragraph.
    True when the line was taken so."""
    if (
        builder.title_taken
        or builder.content_started
        or builder.doc.blocks
        or unit.number
        or unit.bullet
        or unit.md_level
    ):
        return False
    lines = builder.doc.title_lines
    after_call = bool(lines) and lines[-1][0] == "label" and _calls(lines[-1][2])
    if not (
        addressee_line(text)
        or summons_line(text)
        or _breadcrumb(text)
        or (after_call and _signature_line(text))
    ):
        return False
    lines.append(("label", unit.line, text))
    return True


def _calls(text: str) -> bool:
    return addressee_line(text) or summons_line(text) or _signature_line(text)


# A minute book's page code: one or two capitals and a number ('A1', 'CB12').
_PAGE_CODE = re.compile(r"^[A-Z]{1,2}\d{1,3}$")


def page_code_first(flow: list, dropped: list[Dropped]) -> list:
    """'A1' alone as the text's first line, over a heading in capitals: the minute book's
    page, left out as a page number (reported), never part of the heading under it."""
    if len(flow) < 2:
        return flow
    first, second = flow[0], flow[1]
    if not (
        isinstance(first, Unit)
        and isinstance(second, Unit)
        and first.number is None
        and not first.joined_lines
        and _PAGE_CODE.match(first.text.strip())
        and second.number is None
        and not second.bullet
        and second.text.isupper()
        and len(second.text.split()) >= 2
    ):
        return flow
    dropped.append(drop(first.line, first.text.strip(), "page-number"))
    return flow[1:]
