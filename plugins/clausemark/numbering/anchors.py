"""Stable clause ids after the Akoma Ntoso naming convention (as Laws.Africa's bluebell applies it).

An id is `[parent "__"] element "_" number`, so clause 3.5 a) (i) of section 3 is
`sec_3__para_3-5__subpara_a__item_i`. Ids are a pure function of the numbering as
printed: never of heading text, so that rewording a heading never breaks a link. A
repeated id is given `_2`, `_3` ... (`para_3_2`). The cleaned number never holds '_'
(see `clean_number`), so `parse_anchor` reads an id back into its parts: this module is
the only one that knows how an id is spelled.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.document import Block, Clause, Document, Heading, Issue, Note, Section, Table
from .styles import (
    ascii_digits,
    clean_number,
    element_for_heading,
    has_other_digits,
    rank_of,
    strip_container_word,
)

__all__ = [
    "AnchorPart",
    "ParsedAnchor",
    "assign_anchors",
    "clean_number",
    "container_anchors",
    "descendant_prefix",
    "make_id",
    "parse_anchor",
]

_LEVEL = "__"  # between a parent's id and its child's own part
_NUMBER = "_"  # between an element and its number, and before a repeat's count


def element_is_top(element: str) -> bool:
    """Schedules, appendices and annexes always stand at the top level."""
    return rank_of(element) == 0


def make_id(parent: str | None, element: str, number: str) -> str:
    own = f"{element}{_NUMBER}{number}"
    return f"{parent}{_LEVEL}{own}" if parent else own


def _repeated(wanted: str, count: int) -> str:
    return f"{wanted}{_NUMBER}{count}"


def descendant_prefix(anchor: str) -> str:
    """What every id inside `anchor` starts with: 'para_4' -> 'para_4__' (4(a), 4(a)(i))."""
    return f"{anchor}{_LEVEL}"


def container_anchors(anchor: str) -> list[str]:
    """The ids an id sits inside, outermost first: 'part_2__sec_6__para_2' -> 'part_2',
    'part_2__sec_6' (the containers and clauses over it)."""
    levels = anchor.split(_LEVEL)
    return [_LEVEL.join(levels[:end]) for end in range(1, len(levels))]


@dataclass(frozen=True)
class AnchorPart:
    """One level of an id: 'subpara_a' -> subpara, 'a'; 'para_3_2' -> para, '3', repeat 2."""

    element: str
    number: str  # the cleaned printed number, or the count of an unnumbered element
    repeat: int | None = None  # the count a repeated id was given to keep it unique


@dataclass(frozen=True)
class ParsedAnchor:
    parts: tuple[AnchorPart, ...]  # outermost first

    @property
    def own(self) -> AnchorPart:
        """The element the id names (its last part)."""
        return self.parts[-1]


def parse_anchor(anchor: str) -> ParsedAnchor:
    """The inverse of `make_id` (and of a repeat's `_2`): 'sec_3__para_3-5' -> sec 3, para 3-5.

    An id without a number ('title', 'history') is one part with an empty number.
    """
    parts = []
    for level in anchor.split(_LEVEL):
        element, _, rest = level.partition(_NUMBER)
        number, _, repeat = rest.partition(_NUMBER)
        parts.append(AnchorPart(element, number, int(repeat) if repeat.isdecimal() else None))
    return ParsedAnchor(tuple(parts))


class _IdAllocator:
    """Hands out ids, giving a repeated id `_2`, `_3` ... and reporting it."""

    def __init__(self, issues: list[Issue]):
        self.used: set[str] = set()
        self.issues = issues
        # the next repeat count to try for each id: the k-th repeat is found at once, not
        # after k tries (a long text of many short documents repeats sec_1 hundreds of times)
        self.next_repeat: dict[str, int] = {}

    def claim(self, wanted: str, line: int, what: str, quiet: bool = False) -> str:
        if wanted not in self.used:
            self.used.add(wanted)
            return wanted
        n = self.next_repeat.get(wanted, 2)
        while _repeated(wanted, n) in self.used:
            n += 1
        self.next_repeat[wanted] = n + 1
        chosen = _repeated(wanted, n)
        self.used.add(chosen)
        if quiet:
            return chosen
        self.issues.append(
            Issue(line, f"{what} repeats id '{wanted}'; it is given '{chosen}'", "duplicate-id")
        )
        return chosen


def assign_anchors(document: Document) -> None:
    """Give every section, heading, clause, table and note its id, in place."""
    ids = _IdAllocator(document.warnings)
    counters: dict[str, int] = {}

    def counted(scope: str, element: str) -> str:
        key = f"{scope}|{element}"
        counters[key] = counters.get(key, 0) + 1
        return str(counters[key])

    def other_digits(number: str | None, line: int) -> None:
        if has_other_digits(number):
            document.warnings.append(
                Issue(
                    line,
                    f"number '{number}' is printed with digits other than 0-9; it is kept as "
                    f"printed, and its id uses '{ascii_digits(number or '')}'",
                    "other-digits",
                )
            )

    # An unnumbered clause's counted id ('para_1' for a bullet) is claimed after every
    # printed number's: a printed '1.' owns 'para_1' wherever it stands, and the bullet
    # counted first takes 'para_1_2'. Its count is taken in reading order all the same,
    # so ids only change where they would have collided.
    unnumbered: list[tuple[Clause, str, int, str | None]] = []
    hoisted: set[int] = set()  # the printed children named at an unnumbered clause's level

    def assign_clause(
        clause: Clause, parent: str | None, depth: int, restarted: bool = False
    ) -> None:
        element = "para" if depth == 0 else ("subpara" if depth == 1 else "item")
        clause.element = element
        other_digits(clause.number, clause.line)
        number = clean_number(strip_container_word(clause.number)) if clause.number else ""
        if not number:
            unnumbered.append(
                (clause, make_id(parent, element, counted(parent or "", element)), depth, parent)
            )
            return
        what = f"clause {clause.number}"
        clause.anchor = ids.claim(make_id(parent, element, number), clause.line, what, restarted)
        assign_children(clause, depth)

    def assign_children(clause: Clause, depth: int) -> None:
        restarted = False  # a list started again under a lead-in repeats its ids as printed
        for child in clause.children:
            restarted = (restarted or child.restarts) and child.number is not None
            assign_clause(child, clause.anchor, depth + 1, restarted)

    def assign_hoisted(clause: Clause, above: str | None, depth: int) -> None:
        """The children of an unnumbered clause (a lead-in sentence, a bullet): ids come
        from printed numbers, so a printed child is named at the unnumbered clause's own
        level, under its parent ("Members must:" / "(a)" -> para_a; "• advise:" / "(a)"
        under 3. -> para_3__subpara_a); a list starting again takes the repeat's count
        (para_a_2). They are claimed before the clause's own counted id; its unnumbered
        children are counted under it after that (see the loop below)."""
        for child in clause.children:
            if child.number is None:
                continue  # counted under the clause once it has its id
            number = clean_number(strip_container_word(child.number))
            if not number:
                continue
            element = "para" if depth == 0 else ("subpara" if depth == 1 else "item")
            child.element = element
            other_digits(child.number, child.line)
            child.anchor = ids.claim(
                make_id(above, element, number), child.line, f"clause {child.number}", True
            )
            hoisted.add(id(child))
            assign_children(child, depth)

    def assign_blocks(blocks: list[Block], parent: str | None) -> None:
        restarted = False  # in a list of top clauses started again under a lead-in
        for block in blocks:
            if isinstance(block, (Section, Heading)):
                restarted = False
            if isinstance(block, Section):
                heading = block.heading
                other_digits(heading.number, heading.line)
                number = clean_number(strip_container_word(heading.number or ""))
                element = element_for_heading(heading.number)
                heading.anchor = ids.claim(
                    make_id(None if element_is_top(element) else parent, element, number),
                    heading.line,
                    f"section {heading.number}",
                )
                assign_blocks(block.blocks, heading.anchor)
            elif isinstance(block, Heading):
                block.anchor = ids.claim(
                    make_id(parent, "crossheading", counted(parent or "", "crossheading")),
                    block.line,
                    "a heading",
                )
            elif isinstance(block, Clause):
                restarted = (restarted or block.restarts) and block.number is not None
                assign_clause(block, parent, 0, restarted)
                if block.tables:
                    assign_blocks(list(block.tables), parent)  # counted where they stand
            elif isinstance(block, Table):
                block.anchor = ids.claim(
                    make_id(parent, "table", counted(parent or "", "table")), block.line, "a table"
                )
            elif isinstance(block, Note):
                block.anchor = ids.claim(
                    make_id(parent, "intro", counted(parent or "", "intro")), block.line, "a note"
                )

    assign_blocks(document.blocks, None)
    while unnumbered:  # in reading order, a level at a time
        waiting, unnumbered[:] = list(unnumbered), []
        # the printed numbers named at an unnumbered clause's level come first (lead
        # ruling R10): a bullet counted above a printed "1." never takes its id
        for clause, _wanted, depth, parent in waiting:
            assign_hoisted(clause, parent, depth)
        for clause, wanted, depth, _parent in waiting:
            clause.anchor = ids.claim(wanted, clause.line, "an unnumbered clause", True)
            for child in clause.children:  # counted under it, now that it has its id
                if id(child) not in hoisted:
                    assign_clause(child, clause.anchor, depth + 1)
    if document.history is not None:
        document.history.anchor = "history"
