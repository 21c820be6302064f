"""Which single-level numbered lines are headings (lead ruling R8, session 11).

A single-level printed number with words on its own line ("3. Who does this policy
cover?", "4. PLANNING MATTERS.", "2. Declarations of Interest") heads a numbered section
when its words are a title, whatever their case, and something of its own follows it
before the next number of its sequence: a line of text, a list, or clauses extending it.
Councils' policies print sentence-case and question titles, and parish minutes print item
titles in capitals ending with a full stop; a title with nothing under it (an agenda that
lists titles only) stays a clause. Anchors stay `sec_N` whatever the title's case, so an
edit of case never moves an anchor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..numbering.styles import clause_path, follows, token_of
from .lost_counter import next_in_run, restarts_beside
from .sequence import closes_titles, inserted_base, section_clause
from .shapes import is_heading_text, is_numbered_title
from .site_lines import file_link
from .units import Unit

if TYPE_CHECKING:
    from .structure import _Builder

_SINGLE = frozenset({"integer", "integer-bare"})
_FIRST_ITEMS = frozenset({"a", "i", "1", "A", "I"})  # a list's first number, any style


def heads_own(unit: Unit, previous: object, following: object, builder: _Builder) -> bool | None:
    """'2. Declarations of Interest' over a) b), '3. Who is covered by this policy?' over
    its text: a single-level number over its own title line with something of its own
    under it is a numbered heading (True), even between clauses of its sequence ('1. To
    note apologies received.' before it is clause 1); with nothing under it (the end, or
    the next number of its sequence right after it) a clause (False). None: the ruling
    does not speak (no single-level title, or an item of the open clause's list, '1.
    Fewer than half ...' under '2.2 ... when:'), and the other rules decide."""
    number = unit.number
    if not number or unit.md_level or unit.bullet or not _SINGLE.intersection(unit.styles):
        return None  # the cheap looks first: most lines are no single-level number
    own = clause_path(number)
    if own is None or len(own) != 1 or not is_numbered_title(unit.text) or file_link(unit.text):
        return None  # "1." over "Standing Orders PDF 412 KB": a listed document's item
    if unit.run_in:
        return False  # '2) MATTERS ARISING a) ... b) ...': a clause, its items on its line (R45)
    if builder.nested_item(unit) or (
        builder.lists_under(unit) and not builder.continues_clause_list(number)
    ):
        return None  # an item of the open clause's list; a title going on the outer run
        # too goes on that one (R13(c))
    if _inserted_in_section(builder, number):
        return False  # '7a Revenue budget' over its paragraph, in section '7 Budget' (R30)
    if section_clause(builder, unit, number):
        return False  # '1. Informing the Council' inside '4. The Complaint Process' (R13)
    if (
        isinstance(following, Unit)
        and inserted_base(following.number) == own[0]
        and not following.md_level
    ):
        return True  # '7. Finance' right over '7a To note ...': an agenda's sub-items (R30)
    if _next_or_end(number, following) or next_in_run(unit, following):
        return False  # '9. Meeting closed at 9pm' last, '1. Apologies' over '2. Minutes'
    if restarts_beside(unit, following):
        return False  # '  9. Finance' over '  1. ...' at its margin: a list restarting (R40)
    if not own_below(own[0], number, following):
        return None
    if (
        isinstance(following, Unit)
        and not following.number
        and _titles_only_before(number, previous)
    ):
        goes_on = _run_goes_on(number, builder.next_path, following.text)
        if goes_on and not is_heading_text(following.text):
            return True  # '3. Planning' over its text, then '4. Finance': R8, not R16
            # ('2. Finance Committee' over the cross-heading 'Meetings' stays a list's)
        if not following.bullet and closes_titles(builder, number):
            # R16: the last of a run of titles is a clause; a paragraph after a blank line
            # is a note after the run, the line right under it the item's own (R28)
            following.closes_run = following.opens_chunk
            return False
        return None  # '5. Allowances' right over '6. Structure' and a paragraph: one list
    return True


def _run_goes_on(number: str, next_path: tuple[str, ...] | None, text: str = "") -> bool:
    """Whether the next numbered clause after this line is the next item of its run ('4.'
    after the paragraph under '3.'): then this item is not the run's last, and R16, which
    speaks for the last only, does not; R8 reads its paragraph as its own. A count that
    opens the paragraph with the number between ('2. Declarations of interest' / '3
    Councillors declared ...' / '4. Planning') is the item's text (R29): the run goes on."""
    if next_path is None or len(next_path) != 1:
        return False
    if follows("integer", number, next_path[0]):
        return True
    between = text[:4].split(" ", 1)[0]
    return (
        between.isdigit()
        and follows("integer", number, between)
        and follows("integer", between, next_path[0])
    )


def _next_or_end(number: str, following: object) -> bool:
    """Whether nothing stands under the line: the text ends, or the next number of its
    sequence comes right after it."""
    if following is None:
        return True
    if not isinstance(following, Unit) or not following.number or following.md_level:
        return False
    path = clause_path(following.number)
    return path is not None and len(path) == 1 and follows("integer", number, following.number)


def _inserted_in_section(builder: _Builder, number: str) -> bool:
    """Whether `number` is an inserted item ('7a', '7b') of the open section '7': its
    sub-item, a clause of the section (R30), even with a title over its own paragraph (a
    saved agenda's '7a Revenue budget' / 'Report of the Director ...'), never a heading."""
    own = builder.open_section_number()
    path = clause_path(own) if own else None
    return path is not None and inserted_base(number) == path[0]


def _titles_only_before(number: str, previous: object) -> bool:
    """Whether the line right above is the previous number of the sequence, a title with
    nothing under it: the two are entries of one list of titles (a page listing what a
    constitution holds), and the text after the last entry is no more its own than the
    others'."""
    return (
        isinstance(previous, Unit)
        and bool(previous.number)
        and bool(_SINGLE.intersection(previous.styles))
        and follows("integer", previous.number or "", number)
        and is_numbered_title(previous.text)
    )


def own_below(own: str, number: str, following: object) -> bool:
    """Whether what follows the line is its own: text, a table, a list starting, clauses
    extending its number; not the next number of its sequence, not the end."""
    if following is None:
        return False  # '9. Meeting closed at 9pm' last: a clause
    if not isinstance(following, Unit):
        return True  # a table under the title
    if following.md_level:
        return False
    if not following.number:
        return True  # a line of text, or a bulleted list
    path = clause_path(following.number)
    if path is not None and len(path) > 1:
        return path[0] == own  # 3.1 under '3.'
    if path is not None and follows("integer", number, following.number):
        return False  # '4.' next: a list of titles only
    return token_of(following.number) in _FIRST_ITEMS
