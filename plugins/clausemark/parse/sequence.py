"""Sequence and nesting of numbered lines: which run a printed number goes on, and where
a run that starts again stands (lead rulings R7, R9, R13, R15, R16).

Readers cite "para 4.1" by the numbers a council printed, so a number is placed by the
runs it can go on: the open numbered section's own sequence (the agenda's 1, 2, 3), the
clauses inside that section, and a list inside a clause (an <ol> inside an <li>, Word's
list restarted under an item). A list that starts again at 1 is nested, never a new
top-level run (a top-level `sec_1_2` is an id nobody can cite), and a clause whose number
does not extend the open section, forward or backward, closes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.document import Clause, Note, Section
from ..numbering.styles import clause_path, clean_number, element_for_heading, follows
from .shapes import is_numbered_title

if TYPE_CHECKING:
    from .structure import _Builder
    from .units import Unit


def _in_numbered_section(builder: _Builder) -> str | None:
    """The cleaned number of the innermost open section numbered by a bare number."""
    own = builder.open_section_number()
    if own is None or element_for_heading(builder.containers[-1].heading.number) != "sec":
        return None
    return clean_number(own) if clean_number(own).isdigit() else None  # not '7a' (R25)


def next_section_number(builder: _Builder, path: tuple[str, ...]) -> bool:
    """'2.' in section '1.': the section's sibling printed on a paragraph (ruling R7: an
    agenda's '1. Welcome' over its text, then '2. To receive ...'), unless the section
    numbers its own list from 1 ('1. MEETINGS' over '1.', '2.' starting again) and the
    number goes on from that list's last (a '2.' after its '2.' is the agenda's)."""
    own = _in_numbered_section(builder)
    if own is None or len(path) != 1:
        return False
    if not path[0].isdigit():
        return False
    if int(path[0]) != int(own) + 1 and not _count_between(builder, int(own) + 1, path[0]):
        return False
    paths = [clause_path(c.number) for c in builder.container if isinstance(c, Clause)]
    listed = [int(p[0]) for p in paths if p and len(p) == 1 and p[0].isdigit()]
    return not listed or listed[-1] + 1 != int(path[0])


def _count_between(builder: _Builder, between: int, number: str) -> bool:
    """Whether the section's own text opens on the number between it and `number` ('3
    Councillors declared ...' under '2. Declarations of interest', then '4.'): a count the
    run skips (R29), so `number` goes on the section's run."""
    if int(number) != between + 1:
        return False
    count = f"{between} "
    return any(
        isinstance(block, Note) and block.text.startswith(count) for block in builder.container
    )


def past_section(builder: _Builder, path: tuple[str, ...]) -> bool:
    """A clause whose number does not extend the open numbered section closes it, when
    the clause after it does not number under the section again (a misprinted '2.1'
    among 1.x, or '12.2' under section 11 before the heading '12.' is printed, stay
    where they stand, warned). Forward (R9): '2.1', '2.2' after the section '1.', with no
    '2.' printed anywhere. Backward (R15): '2.1', '2.2' under '3. Annual Budget
    Estimates' (a council's misnumbering) stand at the top, where a reader citing
    'para 2.1' is not told it belongs to section 3. An inserted '7a' closes the section
    '7.' when the section has words of its own (R30)."""
    if len(path) == 1:  # '7a' (R30), '12.' after a restarted run (R40); '2.' is
        return inserted_sibling(builder, path) or first_run_goes_on(builder, path)
    printed = builder.open_section_number()
    if printed is None or not path[0].isdigit() or len(path[0]) > 6 or len(printed) > 8:
        return False
    own = clean_number(printed)
    if not own.isdigit():
        return False  # an inserted section '7a' (R25): no run of whole numbers to read
    after = builder.next_path
    if path[0] == own or (after and after[0] == own) or _in_numbered_section(builder) is None:
        return False  # the section's own clause, first of all
    if int(path[0]) < int(own):
        return True
    return int(path[0]) == int(own) + 1 and path[0] not in builder.integers


def closes_titles(builder: _Builder, number: str) -> bool:
    """Whether every earlier item of the run that `number` ends is a title with nothing
    of its own (an agenda listing its items' titles, each a clause by R8(b)): then the
    last title is a clause like its siblings, and the paragraph after it (public
    participation, 'Date of next meeting ...') is a note of the document after the run,
    not the item's text (lead ruling R16). Only the run's own clauses are looked at."""
    expected = number
    seen = 0
    for block in reversed(builder.container):
        if isinstance(block, Section):  # an earlier item heading its own text
            return not follows("integer", block.heading.number or "", expected) and seen > 0
        path = clause_path(block.number or "") if isinstance(block, Clause) else None
        if path is None or len(path) != 1 or not follows("integer", block.number, expected):
            return seen > 0
        if block.children or block.paragraphs or block.tail or not is_numbered_title(block.text):
            return False  # an earlier item with its own text: R8 decides the last one
        expected, seen = block.number, seen + 1
    return seen > 0


def section_clause(builder: _Builder, unit: Unit, number: str) -> bool:
    """A titled '1.' with something under it inside the open numbered section '4. The
    Complaint Process' (or a title going on that section's own run: '2.' after its
    '1.') is the section's clause `sec_4__para_1`, never a new top-level heading
    `sec_1_2` (lead ruling R13(a)): a list restarting at 1 is nested. The section's next
    number ('5. Outcomes') is its sibling, as R7 and R8 read it; so is a '1.' under the
    section '1.' (a broken list printing '1.' for every item is read mechanically)."""
    own = builder.open_section_number()
    if own is None or not (
        number[:1].isdigit() and (clean_number(number) + clean_number(own)).isdigit()
    ):
        return False  # '7a' (R25), a lettered section: no run of whole numbers to read
    if builder.heading_margin and unit.indent == builder.heading_margin:
        return False  # set at the section headings' own margin: their level (Word restarted)
    section = int(clean_number(own))
    value = int(clean_number(number))
    if value == section + 1:
        return False  # fits the outer run: a title goes on it (R13(c))
    if value == 1:
        return section != 1
    return builder.continues_clause_list(number)


def under_title(builder: _Builder, unit: Unit) -> bool:
    """'1. Complaints ... should be discussed with the Clerk.' right under the clause
    '1. Informing the Council of a Complaint' (a title with nothing else under it yet):
    that clause's own list starting at 1 (R13(a)), where a title would be its sibling."""
    clause = builder.clause
    return bool(
        clause is not None
        and builder.last_text == clause.text
        and not (clause.paragraphs or clause.children or clause.tail)
        and is_numbered_title(clause.text)
        and not is_numbered_title(unit.text)
    )


def inner_goes_on(builder: _Builder, unit: Unit) -> bool:
    """A number that goes on both the open clause's inner list ('1.' after 'He advised
    that:') and the outer run ('2.' after that clause's '1.'): a sentence goes on the
    inner list, a title the outer run (lead ruling R13(c)). A list whose items carry on
    the lead-in's own sentence ('except:' / '1. when ...;' / '2. when ... otherwise.')
    has ended with it: the next number is the outer run's."""
    number = unit.number or ""
    return any(
        level["style"] == "integer"
        and follows("integer", level["last"], number)
        and not _sentence_ended(level["items"][-1].text)
        for level in builder.levels
    ) and not is_numbered_title(unit.text)


def _sentence_ended(item: str) -> bool:
    """An item carrying on a lead-in's sentence (it opens in lower case) that ends it."""
    first = item.lstrip("\"'‘“(")[:1]
    return first.islower() and item.rstrip().endswith(".")


def inserted_base(number: str | None) -> str | None:
    """The whole number an inserted item is printed after ('7a', '7b' -> '7'; R25), or
    None for any other number."""
    path = clause_path(number) if number else None
    if not path or len(path) != 1:
        return None
    token = path[0]
    return token[:-1] if token[-1:].isalpha() and token[:-1].isdigit() else None


def inserted_sibling(builder: _Builder, path: tuple[str, ...]) -> bool:
    """Whether '7a' closes the open section '7.' (lead ruling R30): directly under the title
    line '7. Finance' (nothing between) '7a', '7b' are its sub-items, sec_7__para_7a; after
    a section 7 with words of its own ('To note the report.') '7a' is an inserted sibling,
    para_7a, as R25 said."""
    own = _in_numbered_section(builder)
    if own is None or len(path) != 1 or inserted_base(path[0]) != own or not builder.container:
        return False
    return not any(
        isinstance(block, Clause) and inserted_base(block.number) == own
        for block in builder.container
    )


_AHEAD = 3  # how far past the first run's last number a number may go on it (R40)
_LOOK_BACK = 64  # blocks of the enclosing container looked at: a bounded look


def first_run_goes_on(builder: _Builder, path: tuple[str, ...]) -> bool:
    """'12.' in a section '1. Correspondence' that restarted a list after its '9.' (a
    saved page's list whose items 10 and 11 lost their numbers): the number goes on the
    first run, ahead of its last by at most three, at that run's level (para_12), never
    the restarted item's own clause (lead ruling R40). A number the section's own list
    goes on, or its next number, stays with it."""
    own = _in_numbered_section(builder)
    if own is None or not path[0].isdigit() or len(path[0]) > 4:
        return False
    value = int(path[0])
    if value <= int(own) + 1 or builder.continues_clause_list(path[0]):
        return False
    outer = builder.containers[-2].blocks if len(builder.containers) > 1 else builder.doc.blocks
    printed = []
    for block in outer[-2 : -_LOOK_BACK - 2 : -1]:  # before the open section, latest first
        number = block.heading.number if isinstance(block, Section) else None
        number = block.number if isinstance(block, Clause) else number
        token = clean_number(number) if number else ""
        if token.isdigit():
            printed.append(int(token))
    ahead = [last for last in printed if last < value <= last + _AHEAD]
    return bool(ahead) and any(int(own) < last for last in ahead)
