"""The title a reader gives a document, from the lines printed over its text.

What stands over a council's text before its title, as councils' pages and files print
it, and how each is read (README, "Titles and labels"):

- a web site's own lines and page headings (parse/site_lines.py);
- a document site's header ("Standing Orders 2016 ...", its page count, then the text),
  or its tag after the title ("Standing Orders - [PDF Document]"): the title is the full
  title line under the count when there is one, else the header's own title, cut where
  the site's words begin (`aggregator_title`);
- a council's name printed over two or three lines ("CHURCH BROOK" / "PARISH COUNCIL"),
  and a title broken over short lines ("Officer Employment" / "Procedure Rules",
  "Standing" / "Orders"): one line each (`join_split_title`);
- a Word Title-style paragraph, a web page's <h1>, a Markdown '# ' under plain lines:
  the title, the plain lines above it label lines (`titled_below`);
- a title and its adoption line printed as one line, parted (a date or month ending the
  title line stays in it: R27); a title whose first line cannot end it, joined with the
  next (`title_flow`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..numbering.styles import container_word
from ..support.dates import TRAILING_DATE, is_dated
from .contents import is_contents_label
from .control_labels import control_label
from .labels import _COLLECTION_LINE, names_kind
from .letter_lines import letter_line, office_line
from .meeting_titles import meeting_record_title, names_record
from .metadata import (
    MAX_CONTROL_LINE,
    council_name,
    guess_type,
    is_control_fields,
    is_doc_control_text,
    is_page_stamp,
)
from .shapes import _continues_line, _ends_open, is_heading_text
from .site_lines import (
    committee_page,
    labelled_value,
    never_title,
    page_furniture,
    section_name,
    title_cased,
    trail_last_step,
)
from .units import Unit, _container_heading

if TYPE_CHECKING:
    from ..model.document import Document
    from .structure import _Builder

# --- a document site's header --------------------------------------------------------------

_CUT_SHORT = re.compile(r"(?:\.\.\.|…)$")
# The site's note glued to its copy of the title: " · pdf file...", a host name glued on.
_SITE_TAIL = re.compile(
    r"(?:\s+·\s+.*|(?:(?<=\d)|\s+)"
    r"[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|gov|uk|io|info)(?:/\S*)?)$"
)
_COUNT_LOOK = 3  # lines between the header and its page count
# A document site's tag after the title it shows: "[PDF Document]", "PDF Free Download",
# "| PDF | Meeting | Chairperson" (the site's keywords after it).
_SITE_TAG = re.compile(
    r"^(\S.*?)\s*(?:[-–|]\s*)?(?:\[pdf(?:\s+document)?\]|pdf\s+free\s+download"
    r"|free\s+download\s+pdf|\|\s*pdf(?:\s*\|[^|]{1,40}){0,6})$",
    re.I,
)


def aggregator_title(flow: list, count_lines: set[int]) -> str | None:
    """A document site's header over the text: its first line, the title as the site
    shows it, cut short ('... Standing Orders March 2016btck...', '... delegation ...'),
    then the page count (a number alone, left out as a page number: `count_lines`).

    The title to give the document (every line stays printed where it stands): the line
    under the count when it is a title line, else the header cut where the site's own
    words begin; None for any other text."""
    head = flow[0] if flow else None
    if not isinstance(head, Unit) or head.number or head.bullet or head.md_level:
        return None
    if len(head.text) > 200:
        return None
    tagged = _SITE_TAG.match(head.text)  # "Standing Orders - [PDF Document]"
    if tagged is not None and guess_type(tagged.group(1)) != "Document":
        return tagged.group(1).rstrip(" -–|")
    if not _CUT_SHORT.search(head.text):
        return None
    last = head.joined_lines[-1] if head.joined_lines else head.line
    if not any(last < line <= last + _COUNT_LOOK for line in count_lines):
        return None
    following = flow[1] if len(flow) > 1 else None
    if (
        isinstance(following, Unit)
        and not (following.number or following.bullet)
        and len(following.text) <= 200
        and is_heading_text(following.text)
    ):
        return following.text
    shown = _CUT_SHORT.sub("", head.text).rstrip()
    shown = _SITE_TAIL.sub("", shown).rstrip(" .·-–")
    if (edition := TRAILING_DATE.search(shown)) and len(shown[: edition.start()].split()) >= 2:
        shown = shown[: edition.start()].rstrip(" -–—,")  # "... Standing Orders March 2016"
    return shown if len(shown.split()) >= 2 and guess_type(shown) != "Document" else None


# --- titles printed over several lines ------------------------------------------------------

_KIND_OF_COUNCIL = re.compile(
    r"^(?:the\s+)?(?:parish|town|community|district|borough|county|city|village)\s+council$",
    re.I,
)
_SPLIT_LOOK = 6  # lines at the top of a text a split title may stand in
_SHORT = 6  # words of a line of a council's name printed over lines
# a line opening on a clause number and a word ('1 ABOUT THIS POLICY', '2. Scope'): a
# numbered heading of the text, never the second line of its title (a year is 4 digits)
_NUMBERED_HEADING = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s+[*_]{0,2}[A-Za-z]")
_TITLE_PART = 4  # words of each line of a title broken over two short lines
# A label alone ("APPENDIX A", "Part 4"): it heads the title, never half of it.
_LABEL = re.compile(
    r"^(?:(?:part|section|appendix|schedule|annexe?|article|chapter|rule)\s+\S+\s*)+$|^draft$",
    re.I,
)  # "Part 4 Chapter 3" too


def _plain(item: object) -> bool:
    return (
        isinstance(item, Unit)
        and not (item.number or item.bullet or item.listed)
        and is_heading_text(item.text)
        and len(item.text.split()) <= _SHORT
    )


def _joinable(first: Unit, second: Unit) -> bool:
    if first.text.isupper() != second.text.isupper() or first.md_level != second.md_level:
        return False
    if _NUMBERED_HEADING.match(second.text) or section_name(first.text):
        return False  # "POLICY NAME" over "1 ABOUT THIS POLICY"; a site's section (R12)
    if trail_last_step(first.text) is not None or letter_line(first.text) or first.furniture:
        return False  # "Home | Meetings", "Dear Councillor" over the title (R34)
    if page_furniture(first.text) or control_label(first.text) or office_line(first.text):
        return False  # 'Banner', '2 min read', 'Ref: HR/07' over the title (R37, R38)
    joined = f"{first.text} {second.text}"
    if _KIND_OF_COUNCIL.match(second.text):  # "CHURCH BROOK" / "PARISH COUNCIL"
        return council_name(first.text, whole=True) is None and not is_dated(first.text)
    if first.text.rstrip().endswith("&"):  # "HULME WALFORD&" / "SOMERBY BOOTHS"
        return True
    # "Officer Employment" / "Procedure Rules", "Standing" / "Orders": two short lines,
    # neither a label, a council or a date, the first naming no kind of document and
    # the two together naming one
    return (
        len(first.text.split()) <= _TITLE_PART
        and len(second.text.split()) <= _TITLE_PART
        and title_cased(first.text)  # "Working for our community" is a slogan
        and title_cased(second.text)  # "Terms of reference" under a name: its heading
        and not names_kind(first.text)
        and names_kind(joined)
        and not _LABEL.match(first.text)
        and not _COLLECTION_LINE.match(first.text)
        and council_name(first.text, whole=True) is None
        and not _KIND_OF_COUNCIL.match(first.text)
        and not is_contents_label(first.text)
        and not is_dated(first.text)
        and not is_dated(second.text)
    )


def _wrapped_title(item: object) -> bool:
    """'CODE OF' / 'CONDUCT' as one paragraph of short lines: a title wrapped on a cover,
    read as the heading it is (a paragraph of a text is never this short and titled)."""
    return (
        isinstance(item, Unit)
        and bool(item.joined_lines)
        and not (item.alone or item.number or item.bullet or item.listed or item.md_level)
        and len(item.text.split()) <= _WRAPPED_WORDS
        and is_heading_text(item.text)
        and guess_type(item.text) != "Document"
        and council_name(item.text) is None
    )


_WRAPPED_WORDS = 8


def join_split_title(flow: list) -> list:
    """Lines at the top of a text that are one title or one council name printed over
    several lines: joined into one line, their line numbers kept (no word moves)."""
    result = [replace(i, alone=True) if _wrapped_title(i) else i for i in flow[:_SPLIT_LOOK]]
    index = 0
    while index < len(result) - 1:
        first, second = result[index], result[index + 1]
        if not (_plain(first) and _plain(second)):
            if isinstance(first, Unit) and (first.number or first.bullet):
                break  # the text has begun
            index += 1
            continue
        if _joinable(first, second):
            joined = replace(
                first,
                text=f"{first.text} {second.text}",
                joined_lines=[*first.joined_lines, second.line, *second.joined_lines],
            )
            result[index : index + 2] = [joined]
            continue
        index += 1
    return [*result, *flow[_SPLIT_LOOK:]]


# --- a level-1 heading under plain lines ------------------------------------------------------


def titled_below(builder: _Builder, unit: Unit, flow: list) -> bool:
    """The title under a plain line taken first (a council's name in a larger type, a
    site's banner or slogan): a Word Title-style paragraph, a web page's <h1> or a
    Markdown '# ' line, unnumbered; or, whatever the styles say (a PDF sets the banner's
    larger type as the first heading), a heading line naming a kind of document under a
    banner of a few words that names none. Label lines (a breadcrumb) may stand between.
    The line taken first becomes the council or a label line (`demote_above`)."""
    if (
        unit.number is not None
        or unit.bullet
        or not builder.title_taken
        or builder.content_started
        or builder.doc.blocks
    ):
        return False  # the cheap tests first: once the text has begun, no call scans
    lines = builder.doc.title_lines
    at = _title_at(lines)
    if at is None:
        return False
    above = lines[at][1]
    styled = any(isinstance(u, Unit) and u.line == above and u.md_level for u in flow[:_LOOK])
    banner = lines[at][2]  # in a PDF the banner's larger type makes it the first heading
    if unit.md_level == 1 and not styled:
        return not names_kind(banner)  # 'Standing Orders' over '# Introduction' stays
    words = len(banner.split())
    return (
        (words <= _BANNER_WORDS or (words <= _SLOGAN_WORDS and not title_cased(banner)))
        and not names_kind(banner)
        and not _LABEL.match(banner)
        and not _COLLECTION_LINE.match(banner)  # 'Constitution' over its Part: parser.py
        and not is_dated(banner)
        and container_word(unit.text) is None
        and not _NUMBERED_HEADING.match(unit.text)  # '1 **ABOUT THIS POLICY**' (Word's 1)
        and is_heading_text(unit.text)
        and names_kind(unit.text)
        and title_cased(unit.text)
    )


def _title_at(lines: list) -> int | None:
    """Where the one title line taken so far stands, only label lines after it."""
    titles = [index for index, (kind, _line, _text) in enumerate(lines) if kind == "title"]
    if len(titles) != 1 or any(kind != "label" for kind, _l, _t in lines[titles[0] + 1 :]):
        return None
    return titles[0]


_BANNER_WORDS = 3  # a banner over the title: a place's or council's name, in a few words
_SLOGAN_WORDS = 6  # or a council's slogan in sentence case ("Working for our community")


def demote_above(builder: _Builder) -> None:
    """The line taken as the title stays printed where it stands, above the heading that
    is the title: a council's name as the council, any other line as a label line."""
    lines = builder.doc.title_lines
    at = _title_at(lines)
    if at is None:
        return
    _kind, line, text = lines[at]
    lines[at] = ("council" if council_name(text, whole=True) else "label", line, text)
    builder.title_taken = False
    builder.doc.metadata.extra.pop("printed_title", None)


_LOOK = 12  # units at the top of a text where its title lines stand


# --- a title and what is printed on its line -------------------------------------------

_CONTROL_START = re.compile(
    r"\s(?=(?:adopted|approved|agreed|(?:last\s+)?(?:updated|reviewed|revised))\b)", re.I
)
_TITLE_LOOK = 4  # units at the top of a text that may be its title


def _names_control(lowered: str) -> bool:
    """A cheap first look for the words _CONTROL_START looks for."""
    return (
        "adopt" in lowered
        or "approv" in lowered
        or "agreed" in lowered
        or "updated" in lowered
        or "review" in lowered
        or "revised" in lowered
    )


def _split_title_control(flow: list) -> list:
    """'STANDING ORDERS ADOPTED BY COUNCIL 20 AUGUST 2018' over the text: the title and
    its adoption line, printed as one line; read as the two they are."""
    for index, item in enumerate(flow[:_TITLE_LOOK]):
        if not isinstance(item, Unit) or item.number or item.bullet or item.listed:
            return flow  # the text has begun
        parts = _title_and_control(item.text)
        if parts is not None:
            title = replace(item, text=parts[0], joined_lines=[], parted=True)
            control = replace(item, text=parts[1], md_level=None, leads=False, parted=True)
            return [*flow[:index], title, control, *flow[index + 1 :]]
    return flow


def _join_title_lines(flow: list) -> list:
    """'Protocol on Relations between Councillors and' / 'Officers of … Council' as two
    paragraphs at the top (Word, a web page): one title, as when the two lines stand
    together in a text. Only a line that cannot end a title (it ends on 'and', 'of', a
    comma) takes the next heading line into it."""
    for index in range(min(len(flow) - 1, _TITLE_LOOK - 1)):
        item, following = flow[index], flow[index + 1]
        if not isinstance(item, Unit) or item.number or item.bullet or item.listed:
            return flow  # the text has begun
        if item.furniture or page_furniture(item.text) or control_label(item.text):
            continue  # 'Ref: HR/07 Lone Working' over 'Lone Working Policy' (R37, R38)
        if not (
            isinstance(following, Unit)
            and following.line <= (item.joined_lines or [item.line])[-1] + 3  # nothing between
            and not (following.number or following.bullet or following.listed)
            and following.md_level in (None, item.md_level)
            and is_heading_text(item.text)
            and is_heading_text(following.text)
            and not _label_pair(item.text, following.text)
            and (
                _continues_line(item.text, following.text)
                or _title_goes_on(item.text, following.text)
            )
            and not following.text[:1].islower()
        ):
            continue
        item.text = f"{item.text} {following.text}"
        item.joined_lines += [following.line, *following.joined_lines]
        return [*flow[: index + 1], *flow[index + 2 :]]
    return flow


# A title's second line that opens on one of these words carries the first line on:
# 'SCHEME OF DELEGATION' / 'TO OFFICERS', 'Code of Conduct' / 'for Members'
_TITLE_GOES_ON = frozenset({"to", "for", "of", "and", "between", "with", "relating", "concerning"})


def _label_pair(first: str, second: str) -> bool:
    """'Part A' over 'Rule 1 Meetings': a label whose last word is its number ('A', 'I'
    are no articles there), or a line that is a numbered heading of its own, is never
    the rest of the line above."""
    above = _container_heading(first.strip())
    return (above is not None and not above.rest) or _container_heading(second.strip()) is not None


def _title_goes_on(first: str, second: str) -> bool:
    """A title printed over two lines on a cover, its second line opening on a word no
    title starts with, both lines in capitals or both in words."""
    word = second.split(" ", 1)[0].lower()
    return (
        word in _TITLE_GOES_ON
        and " " in second.strip()
        and first.isupper() == second.isupper()
        and not is_contents_label(second)
    )


def _title_and_control(text: str) -> tuple[str, str] | None:
    if len(text) > MAX_CONTROL_LINE + 100 or not _names_control(text.lower()):
        return None
    if is_page_stamp(text) or is_control_fields(text):  # "Page updated: 3 March 2026",
        return None  # "Version 2 · Approved by ... · Next review ...": one line of control
    for match in _CONTROL_START.finditer(text):
        head, tail = text[: match.start()].rstrip(" -–—|,"), text[match.end() :]
        if head[-5:].lower() == " last":
            continue  # "… was last updated in …": the phrase is one, its sentence too
        for mark in ("**", "__"):
            if head.count(mark) % 2:  # "**Title Adopted on 3 May 2021**": each part bold
                head, tail = f"{head}{mark}", f"{mark}{tail}"
        if is_heading_text(head) and not _ends_open(head) and is_doc_control_text(tail):
            return head, tail
    return None


_PAPER = re.compile(r"agenda|minutes|notice|summons|meeting", re.I)


def _meeting_title_under_labels(flow: list) -> list:
    """'Thursday, 6 March 2025' (a post's date) or a site's label lines over 'Agenda for the
    meeting of ... on ... at 7pm': the meeting record's line is the title (lead rulings
    R20, R27), read as a first line, as it is when nothing stands over it."""
    top = flow[:_TITLE_LOOK]
    below = [i for i in top if isinstance(i, Unit) and not i.title_candidate]
    if not any(_PAPER.search(item.text) for item in below):
        return flow  # a cheap first look: no meeting record's line under the first lines
    for item in top:
        if not isinstance(item, Unit) or item.number or item.bullet or item.listed:
            return flow  # the text has begun
        if item.title_candidate:
            if never_title(item.text):
                continue  # a label line over the title
            return flow
        if meeting_record_title(item.text):
            item.alone = item.title_candidate = True
        return flow
    return flow


# The end of a sentence: a full stop after a word (not an abbreviation) and a capital.
_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9)])\.\s+(?=[A-Z])")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:st|no|cllrs?|mr|mrs|ms|dr|rd|co|ltd|nr|[A-Z])$", re.I)
_RECORD_WORDS = 3  # 'Notice of meeting.'


def _record_then_sentence(flow: list) -> list:
    """'Minutes of the meeting held on 3 March 2025. Present: Cllr Grey ...' printed as one
    line: the record's name is the title up to its sentence end, the rest the text's first
    paragraph (lead ruling R35, attack14 A10)."""
    for index, item in enumerate(flow[:_TITLE_LOOK]):
        if not isinstance(item, Unit) or item.number or item.bullet or item.listed:
            return flow  # the text has begun
        if item.joined_lines or item.md_level or not names_record(item.text):
            continue
        end = _SENTENCE_END.search(item.text)
        if end is None:
            return flow
        head, rest = item.text[: end.start() + 1], item.text[end.end() :]
        if (
            _ABBREVIATION.search(head[:-1])
            or len(head.split()) < _RECORD_WORDS
            or not meeting_record_title(head)
        ):
            return flow
        title = replace(item, text=head, parted=True, alone=True, title_candidate=True)
        after = replace(item, text=rest, md_level=None, leads=False, parted=True, alone=False)
        return [*flow[:index], title, after, *flow[index + 1 :]]
    return flow


def title_flow(flow: list) -> list:
    """The lines at the top of a text as the title was printed: a title broken over lines
    joined, a title and its adoption line printed as one parted. A date or month ending
    the title line stays in it ('... Annual Meeting of the Council May 2021', 'Standing
    Orders October 2024'): the title is the line as printed (lead ruling R27)."""
    flow = _split_title_control(_join_title_lines(join_split_title(flow)))
    return _record_then_sentence(_meeting_title_under_labels(flow))


def stamp_over_title(builder: _Builder, unit: Unit, text: str) -> bool:
    """A page's date stamp over or under the title before the text ('Updated 12 March
    2024'): printed with the title, read as document control, never the text's first
    paragraph (which would leave the title below it unread)."""
    if builder.content_started or builder.doc.blocks or unit.number or unit.bullet:
        return False
    fields = is_control_fields(text)  # "Version 2 · Approved by ... · Next review ..."
    # "Last updated: 18-05-2023. From web page: Constitution.": a page's stamp, words after
    if not (is_dated(text) or fields or is_page_stamp(text)):
        return False
    control = fields or is_doc_control_text(text)
    kind = "status" if control else "label"  # a date alone: a label line
    builder.doc.title_lines.append((kind, unit.line, text))
    return True


def control_title(doc: Document, title: str) -> bool:
    """A heading after nothing but control tables ('Reviewed April 2023' read as one) is
    still the title, shown where it is printed. True when it became the title."""
    if not doc.blocks or any(getattr(b, "kind", "") != "version-control" for b in doc.blocks):
        return False
    doc.metadata.extra["printed_title"] = title
    return True


_ITEM_TITLE_MOST = 400  # characters of the longest agenda item's title read as one


def at_the_top(builder: _Builder, unit: Unit) -> bool:
    """An unnumbered, unbulleted line before the title and before any text or block: the
    only place a line may be the title or a label line printed over it."""
    return not (
        builder.title_taken
        or builder.content_started
        or builder.doc.blocks
        or unit.number
        or unit.bullet
    )


def item_title(builder: _Builder, unit: Unit, text: str) -> bool:
    """A committee system's item page ('Agenda item', then the item's title, then its
    minutes): the line under the page heading is the item's title whatever its shape,
    a sentence too ('To consider whether a wider review of ... should be undertaken.').
    True when it became the title."""
    lines = builder.doc.title_lines
    if (
        not at_the_top(builder, unit)
        or unit.joined_lines
        or len(text) > _ITEM_TITLE_MOST
        or not lines
        or lines[-1][0] != "label"
        or not committee_page(lines[-1][2])
        or labelled_value(text)  # 'Decision Maker: Council': the page's details, no title
    ):
        return False
    builder.heading(unit, text)
    return builder.title_taken
