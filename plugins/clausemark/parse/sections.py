"""Which numbered lines are section headings: '2. Registering Interests' over 2.1, a
bare '1 MEETINGS' alone on its line, a heading printed in lower case after '1. GENERAL'."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.document import Clause, Section
from ..numbering.styles import (
    CLAUSE_STYLES,
    clause_path,
    element_for_heading,
    follows,
    rank_of,
    token_of,
)
from .meeting_titles import meeting_record_title
from .metadata import is_doc_control_text
from .shapes import (
    _CONTINUING_WORDS,
    _INTRODUCES_LIST,
    _ends_open,
    _is_long_title,
    colon_title,
    ends_sentence,
    is_heading_text,
    labelled,
    question_title,
    to_sign_or_see,
)
from .site_lines import file_link
from .units import Unit

if TYPE_CHECKING:
    from .structure import _Builder


def _section_number(unit: Unit) -> bool:
    if "integer" in unit.styles:
        return True
    return "decimal" in unit.styles and bool(re.fullmatch(r"\d+\.0+\.?", unit.number or ""))


def _opens_section(
    unit: Unit, next_path: tuple[str, ...] | None, builder: _Builder, following: object
) -> bool:
    """'2. Registering Interests' above 2.1, after section 1, or above its own text or
    items; 'A. ELIGIBILITY' and 'II. DELEGATIONS' above numbered clauses; never an item
    of a list ('1. 12 members elected ... and' under '4.1 The Council is made of:')."""
    if not _section_shaped(unit, next_path, builder, following):
        return False
    last = unit.text[-30:].rsplit(None, 1)[-1].lower() if unit.text.strip() else ""
    if last in _CONTINUING_WORDS and not (last in _PARTICLES and _first_under(unit, next_path)):
        return False
    return not builder.lists_under(unit)


# The particle a phrasal verb ends on ("Who may call in", "Matters to report on",
# "Complaints to deal with"): a title may end on one, where a sentence cut short cannot
# end on "of", "and" or "the", when the clause after it is its own first (1.1 under 1.).
_PARTICLES = frozenset({"in", "on", "with"})


def _first_under(unit: Unit, next_path: tuple[str, ...] | None) -> bool:
    own = clause_path(unit.number or "")
    return own is not None and len(own) == 1 and next_path == (own[0], "1")


def _section_shaped(
    unit: Unit, next_path: tuple[str, ...] | None, builder: _Builder, following: object
) -> bool:
    if _agenda_item(unit, builder, following):
        return True
    if unit.number and len(clause_path(unit.number) or ()) == 1 and file_link(unit.text):
        return True  # "1." over "Part 1: Introduction PDF 579 KB": a listed document's item
    if not unit.number or not (
        is_heading_text(unit.text)
        or _lower_sibling(unit, builder)
        or _question_title(unit, next_path)
    ):
        return False
    if _section_number(unit) and (unit.alone or unit.heading_pair):
        return True
    # a heading in capitals is short whatever its length: it is never a sentence
    short = (len(unit.text.split()) <= 10 or unit.text.isupper()) and not _ends_open(unit.text)
    next_clause = isinstance(following, Unit) and bool(set(following.styles) & CLAUSE_STYLES)
    next_clause = next_clause or _bracket_capital_over_one(unit, following)
    if unit.lettered_section:
        return True  # 'A. Recommendation' when 'B. Supporting information' heads 1., 2. (R41)
    if short and set(unit.styles) & {"letter", "roman"} and token_of(unit.number).isupper():
        if _next_bracket_capital(unit, builder):
            return True
        if _goes_on_open_list(unit, builder):
            return False  # "C  East ward" after A and B under 1.1: the list's last item (R28)
        return next_clause and isinstance(following, Unit) and not following.md_level
    integer = bool(set(unit.styles) & {"integer", "integer-bare"})
    own_text_below = following is not None and not next_clause
    if short and integer and own_text_below and not getattr(following, "md_level", None):
        # "1) Purpose" over a paragraph, "1. DEBATE" over items a, b, c; but "3. Clerk"
        # after the clauses "1. Chair" and "2. Vice-Chair" ends their list
        return not builder.continues_clause_list(unit.number)
    own = clause_path(unit.number)
    if own is None or not set(unit.styles) & _SECTION_STYLES:
        return False
    section = builder.open_section_number() if len(own) == 1 and short else None
    # "1." after section "1." over clauses: a web page draws each heading as a one-item list
    again = own == ("1",) and section and clause_path(section) == own and len(next_path or ()) > 1
    if section and (follows("integer", section, unit.number) or again):
        return True
    if len(own) == 2 and own[1].strip("0") == "":
        own = own[:1]  # "1.0 INTRODUCTION" heads 1.1
    elif len(own) != 1:
        return False
    return next_path is not None and len(next_path) > 1 and next_path[0] == own[0]


_ITEM_TITLE_MOST = 250  # characters of an agenda item's title ('To answer any ... Orders')


def _bracket_capital_over_one(unit: Unit, following: object) -> bool:
    """'(A) For Councillors' right over '(1) Members ...': a lettered heading over its own
    bracketed clauses (lead ruling R32), as 'A.' over '1.' is."""
    return (
        (unit.number or "")[:1] == "("
        and isinstance(following, Unit)
        and following.number == "(1)"
        and not following.md_level
    )


def _next_bracket_capital(unit: Unit, builder: _Builder) -> bool:
    """'(B) Planning' after the section '(A) Finance' and its '(1)', '(2)': the next
    lettered heading, whatever stands under it (R32; attack16 P10: it was made an item
    of (A)'s clause (2))."""
    number = unit.number or ""
    if number[:1] != "(" or not builder.containers:
        return False
    section = builder.containers[-1].heading.number or ""
    return section[:1] == "(" and follows("letter", section, number)


def _goes_on_open_list(unit: Unit, builder: _Builder) -> bool:
    """Whether a capital ('C') is the next item of a list open in the clause ('A', 'B'):
    the last of a lettered run follows its siblings, and never heads what comes after."""
    return builder.clause is not None and any(
        level["style"] in unit.styles and follows(level["style"], level["last"], unit.number or "")
        for level in builder.levels
    )


def _agenda_item(unit: Unit, builder: _Builder, following: object) -> bool:
    """'15.' alone, a blank line, then one line naming the item, then the item's own text:
    the numbered heading of an agenda or minutes item, or of a report's section ('1.0'
    over 'PURPOSE OF REPORT'), however long its title. A title never ends as a sentence
    does; a number alone over a sentence ('3.' then 'The Clerk keeps the minutes.') stays
    a clause. Own text under it, or the open section's next number, says it heads."""
    if not unit.titled_apart or not unit.number or not _section_number(unit):
        return False
    text = unit.text.strip()
    if not text or len(text) > _ITEM_TITLE_MOST or text[-1] in ".;:,!?–—-":
        return False
    if not (text[0].isupper() or text[0].isdigit()) or _ends_open(text):
        return False
    own_text_below = (
        isinstance(following, Unit)
        and not following.md_level
        and not following.bullet
        and not set(following.styles) & CLAUSE_STYLES
    )
    section = builder.open_section_number()
    return own_text_below or bool(section and follows("integer", section, unit.number))


def _question_title(unit: Unit, next_path: tuple[str, ...] | None) -> bool:
    """'2. How can I submit a petition?' over 2.1, 2.2: a section titled by a question,
    as a council's guide prints them, when the next clause numbers under it."""
    text = unit.text.rstrip()
    if not text.endswith("?"):
        return False  # the cheap look first: most lines ask nothing
    own = clause_path(unit.number or "")
    return (
        len(text) <= 80
        and len(text.split()) <= 12
        and is_heading_text(text[:-1])
        and own is not None
        and len(own) == 1
        and next_path is not None
        and len(next_path) > 1
        and next_path[0] == own[0]
    )


def _lower_sibling(unit: Unit, builder: _Builder) -> bool:
    """'2. annual estimates' after '1. GENERAL': a heading printed in lower case whose
    number is the open section's next."""
    text = unit.text
    if not text[:1].islower():
        return False  # the cheap look first: most headings open on a capital
    section = builder.open_section_number()
    lower = len(text.split()) <= 10 and is_heading_text(text.capitalize())
    number = unit.number or ""
    after = section is not None and follows("integer", section, number)
    return lower and after and not builder.continues_clause_list(number)


_SECTION_STYLES = {"integer", "integer-bare", "decimal"}
# a minute's record of who moved and seconded a motion, printed with no full stop
_MOVED = re.compile(r"^(?:moved|proposed|seconded)\s+by\s", re.I)


def set_labels_apart(units: list[Unit]) -> None:
    """'Present: Cllr A Smith, Cllr B Jones' then 'In attendance: The Clerk': each label's
    line is a paragraph of its own, never run on into the line above or below it."""
    for unit, following in zip(units, units[1:], strict=False):
        if not unit.number and labelled(unit.text):
            unit.set_apart = following.set_apart = True


def label_line(builder: _Builder, unit: Unit) -> bool:
    """'Present: Cllr A Smith, Cllr B Jones' under the title: a label and its words, text
    and never a heading. A line in the title's place ('Planning Committee: Terms of
    Reference' first, or under the council's name) is still read as the title."""
    if unit.number or unit.md_level or not labelled(unit.text):
        return False
    return builder.content_started or (builder.title_taken and not builder.title_is_council())


def beside_item(builder: _Builder, unit: Unit, beside: frozenset[int]) -> bool:
    """A bullet its reader saw printed beside the numbered item above, at its indent
    (Word's 'List Bullet' after 'List Number': `SourceText.beside_lines`), is a list of
    its own, not that item's (trial11: a diff counted them as clause 5's text); never
    when the item leads into it ('3. Members may follow:', '... such as')."""
    clause = builder.clause
    if unit.line not in beside or clause is None or not clause.number:
        return False
    own = clause.paragraphs[-1] if clause.paragraphs else clause.text
    # the item's own words lead in ('must not:'): every bullet after it is its item,
    # the second too, after the first one's ';'
    return not any(_INTRODUCES_LIST.search(t) or _ends_open(t) for t in (own, builder.last_text))


def place_beside(
    builder: _Builder, unit: Unit, text: str, index: int, lines: frozenset[int], beside
) -> tuple[int, int] | None:
    """Place an item (`builder.item`); a bullet of a list printed beside a numbered item
    (`beside_item`) first closes that item, the next bullets at its indent stand beside
    it too and those set in further are theirs. `beside` is the list's (indent, index of
    its last bullet in the flow), returned while the list goes on, else None."""
    going = beside if beside is not None and beside[1] == index - 1 else None
    placed = None
    if unit.bullet and not unit.number and beside_item(builder, unit, lines):
        builder.close_clause()  # Word's bullets at a numbered item's indent
        placed = (unit.indent, index)
    elif unit.bullet and not unit.number and going is not None:
        if unit.indent <= going[0]:
            builder.close_clause()  # back at the list beside the item
        else:
            builder.item_top = None  # set in under a bullet of that list: its own items
        placed = (going[0], index)
    builder.item(unit, text)
    return placed


def _is_heading_unit(unit: Unit, following: bool, nothing_placed: bool = True) -> bool:
    """Whether a line heads what follows. A line ending in a colon is a lead-in, never a
    heading ('Minutes:', 'The Committee resolved:'; lead ruling R2): only a title printed
    with one ('Terms of Reference:') before anything is placed heads the page."""
    if unit.md_level:
        return True
    if _MOVED.match(unit.text):
        return False  # 'Moved by Councillor A and seconded by Councillor B': the minutes
    if unit.leads and not unit.number and not unit.bullet:
        # "Complaints about the Clerk" right above "(a) ...": a heading, not a lead-in
        return is_heading_text(unit.text) and not _ends_open(unit.text)
    if not unit.alone or unit.bullet or not following:
        return False
    if unit.number and not _section_number(unit):
        return False
    if is_doc_control_text(unit.text):
        return False  # "Last updated 4 January 2022, version 3" is read as metadata
    if unit.title_candidate and (
        _is_long_title(unit.text)
        or (nothing_placed and meeting_record_title(unit.text))  # R20: 'Minutes of ... held.'
        or (nothing_placed and (colon_title(unit.text) or question_title(unit.text)))
    ):
        return True  # "Terms of Reference:" or "What are the rules for ...?" first: the title
    text = unit.text
    if not is_heading_text(text) or _ends_open(text):  # "BY THE COUNCIL ON"
        return False
    return not to_sign_or_see(text)


_LABEL_WORDS = 6  # words of the longest label over a list ('Powers delegated to officers:')
_FIRST_ITEMS = frozenset({"1", "a", "i"})
# the words of a sentence leading into a list (a label names a thing, and says nothing)
_SAYS = frozenset(
    {
        "will",
        "shall",
        "must",
        "may",
        "can",
        "should",
        "would",
        "is",
        "are",
        "be",
        "been",
        "being",
        "has",
        "have",
        "include",
        "includes",
        "including",
        "comprise",
        "comprises",
        "consist",
        "consists",
        "mean",
        "means",
        "following",
        "namely",
        "delegates",
        "delegated",
        "decide",
        "decides",
    }
)


def labels_restart(unit: Unit, following: object, builder: _Builder) -> bool:
    """'Delegations:' alone on its line after '3. ... to officers.' and over '1. To
    exercise ...': a label over a list that starts again, a lead-in standing apart from
    clause 3 (no heading: lead ruling R2, a colon line adds no level); never
    the lead-in of clause 3's items ('3. The committee consists of:' over '1.' is one,
    and so is a sentence ending in a colon, 'The council appoints to:')."""
    text = unit.text.strip()
    if unit.number or unit.bullet or unit.md_level or not text.endswith(":"):
        return False
    words = [word.casefold() for word in text[:-1].split()]
    if not 1 <= len(words) <= _LABEL_WORDS or words[-1] in _CONTINUING_WORDS:
        return False
    if _SAYS.intersection(words):
        return False  # 'The Annual Meeting will:': a sentence leading into its items
    if len(words) == 1 and words[0].endswith("ed"):
        return False  # 'RESOLVED:', 'Agreed:': what was done, leading into its items
    if not is_heading_text(text[:-1]) or not isinstance(following, Unit):
        return False
    number = following.number
    if not number or token_of(number).lower() not in _FIRST_ITEMS or builder.clause is None:
        return False
    if following.text.lstrip("\"'‘“(")[:1].islower():
        return False  # 'In addition the Chair:' over '1. calls ...;': its sentence goes on
    said = builder.last_text.rstrip().rstrip("\"'”’)")
    return bool(builder.clause.number) and said[-1:] in (".", ";")


def lead_in_apart(builder: _Builder, unit: Unit, text: str) -> None:
    """'Delegations:' after clause 3 and over a list starting again at 1: a lead-in of
    its own, outside clause 3 (a note where it stands); it closes no section and adds no
    level (lead ruling R2), so the list after it is named where it stands."""
    builder.close_clause()
    builder.append_text = None
    builder.paragraph(unit, text)
    builder.append_text = None  # the list's first item is never this line's text


def restarts_at_heading_margin(unit: Unit, builder: _Builder) -> bool:
    """'  1. (England Only) In addition ...' after '(b) ... may direct.' in section
    '2.', set in at the margin the numbered section headings stand at ('  1. Meeting')
    while their own text stands left of it: a list of that level starting again (Word's
    numbering restarted), never section 2's own items. After a lead-in ('... as
    follows:') it is that clause's list."""
    margin = builder.heading_margin
    if not margin or unit.indent != margin or not builder.containers or not unit.number:
        return False
    if "integer" not in unit.styles or token_of(unit.number) != "1" or is_heading_text(unit.text):
        return False  # a heading there is read as any section heading is
    said = builder.last_text.rstrip()
    return bool(said) and builder.clause_indent < margin and not _ends_open(said)


def bracket_headings(flow: Sequence[object]) -> set[int]:
    """'(1) General obligations' over '(1) You must ...', '(2) ...', then '(2) Interests'
    over '(1) ...' again: a code whose headings are bracketed numbers in one series (1),
    (2), (3) ... and whose clauses under each start again at (1). Each such line, alone
    on its line and shaped as a heading, is a section heading; the clauses are its own.
    Two or more are needed, in sequence: one '(1) Purpose' line over '(1)' is no series.
    A sentence or two may stand between a heading and its '(1)'.
    Never inside a section a numbered heading ('1. Membership') has opened: there a
    '(1)' line, title-like or not, is a clause of that section.
    Returns the indexes in `flow` of the headings."""
    found: list[int] = []
    for index, item in enumerate(flow):
        if not isinstance(item, Unit):
            continue
        if _numbered_heading(item):
            break  # '1. Membership' opened a section: the '(1)' lines below are its clauses
        if item.styles != ("paren-integer",) or not item.alone:
            continue
        # the first numbered line under it (a sentence or two may lead in) is '(1)'
        nxt = next((u for u in flow[index + 1 : index + 4] if getattr(u, "number", None)), None)
        if not isinstance(nxt, Unit) or nxt.number != "(1)" or nxt.styles != ("paren-integer",):
            continue
        text = item.text.strip()
        if len(text.split()) > 10 or _ends_open(text) or not is_heading_text(text):
            continue
        found.append(index)
    numbers = [token_of(flow[i].number or "") for i in found]  # type: ignore[attr-defined]
    if len(found) < 2 or numbers != [str(n) for n in range(1, len(found) + 1)]:
        return set()
    return set(found)


def _numbered_heading(unit: Unit) -> bool:
    """'1. Membership', '2 MEETINGS' alone on its line, shaped as a heading."""
    numbered = _section_number(unit) or "integer-bare" in unit.styles
    return bool(unit.number) and numbered and unit.alone and is_heading_text(unit.text)


def goes_on(builder: _Builder, next_path: tuple[str, ...]) -> bool:
    """Whether the next clause is the next sibling of the open container's last clause
    (5.2 then 5.3): a cross-heading between them is inside the container."""
    last = next((b for b in reversed(builder.container) if isinstance(b, Clause)), None)
    path = clause_path(last.number) if last is not None and last.number else None
    if not path or len(path) != len(next_path) or path[:-1] != next_path[:-1]:
        return False
    return path[-1].isdigit() and next_path[-1] == str(int(path[-1]) + 1)


@dataclass
class BlockScan:
    """What a container's blocks hold so far, read on from where the last look ended:
    the builder only appends to them, and looking through every block again at each unit
    made a Part over thousands of cross-headings quadratic (review9)."""

    blocks: list  # held, so that its id is never another list's while the builder lives
    seen: int = 0
    last_clause: Clause | None = None
    begun: bool = False  # a clause or section is among them


def scan(builder: _Builder, blocks: list) -> BlockScan:
    found = builder.scans.get(id(blocks))
    if found is None or found.blocks is not blocks or found.seen > len(blocks):
        found = builder.scans[id(blocks)] = BlockScan(blocks)
    for block in blocks[found.seen :]:
        if isinstance(block, Clause):
            found.last_clause = block
        found.begun = found.begun or isinstance(block, (Clause, Section))
    found.seen = len(blocks)
    return found


def continues_list(builder: _Builder, number: str) -> bool:
    """Whether `number` comes next after the last numbered clause of the container."""
    last = scan(builder, builder.container).last_clause
    return bool(last and last.number and follows("integer", last.number, number))


def part_not_begun(builder: _Builder) -> bool:
    """Whether the innermost container is a Part or Chapter (rank 1-2) holding no clause
    yet (a note at most): a cross-heading over its first numbered clauses is inside it."""
    if not builder.containers:
        return False
    part = builder.containers[-1]
    if rank_of(element_for_heading(part.heading.number)) not in (1, 2):
        return False
    return not scan(builder, part.blocks).begun


_FIRST_TOKENS = frozenset({"a", "i", "1"})  # the first number of a letter, roman or number list


def back_to_top(builder: _Builder, style: str, unit: Unit) -> bool:
    """Whether `unit` numbers next after the open top clause and after none of its
    own items of that style: the clause's own list has ended."""
    clause = builder.clause
    if clause is None or not clause.number or not unit.number or clause.tail:
        return False
    if not follows(style, clause.number, unit.number):
        return False
    return not any(
        lv["style"] == style
        and follows(style, lv["last"], unit.number)
        and not (lv.get("carried") and ends_sentence(lv["items"][-1].text))
        for lv in builder.levels
    )


def carries_on(builder: _Builder, unit: Unit) -> bool:
    """Whether a list starting again at its first number ('(1) who are appointed') goes
    on the open clause's own sentence ('(1) The committee has nine members', no stop):
    it is that clause's list, one level down, never a repeat of the clause's number."""
    clause = builder.clause
    if clause is None or clause.paragraphs or not clause.number or not unit.number:
        return False
    if token_of(unit.number).lower() not in _FIRST_TOKENS:
        return False
    text = clause.text.rstrip()
    first = unit.text.lstrip()[:1]
    return bool(text) and not ends_sentence(text) and first.islower()
