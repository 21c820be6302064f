"""Warnings about printed numbering: duplicates, gaps, clauses outside their section.

Printed errors are kept exactly as adopted (a reader cites the number they see);
the maintainer is told so that the next review can fix them.
"""

from __future__ import annotations

import bisect

from ..model.document import Clause, Document, Issue, Section
from .styles import decimal_parts, element_for_heading, number_key, rank_of


def _section_of(number: str | None) -> int | None:
    parts = decimal_parts(number)
    return parts[0] if parts else None


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def ordinal(count: int) -> str:
    """'second', 'third' ... in words, then '9th', '11th', '21st', '102nd' in figures."""
    if count <= len(_ORDINALS):
        return _ORDINALS[count - 1]
    suffix = (
        "th" if count % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(count % 10, "th")
    )
    return f"{count}{suffix}"


def _times(count: int) -> str:
    """'twice', 'a third time', but 'an eighth', 'an 11th', 'an 18th', 'an 80th' (said
    with a vowel first)."""
    if count == 2:
        return "twice"
    said = ordinal(count)
    vowel = said[0] in "aeiou" or said.startswith("8") or count in (11, 18)
    return f"{'an' if vowel else 'a'} {said} time"


def check_numbering(document: Document) -> None:
    warn = document.warnings
    seen: dict[object, int] = {}
    repeats: dict[object, int] = {}  # how many times each repeated number is printed so far
    previous_clause: tuple[int, ...] | None = None

    def visit_clause(clause: Clause, section_number: int | None, scope: int, container: int):
        nonlocal previous_clause
        if clause.number is None:
            return
        parts = decimal_parts(clause.number)
        # 1.2 is one number in its Part (or Schedule, Appendix, Chapter, or the whole text
        # where none is printed): Part 2 printing 1.1 again is no error, its ids are its
        # own; "a" or "1." start again in each section
        key = (
            (container, number_key(clause.number))
            if parts and len(parts) > 1
            else (scope, number_key(clause.number))
        )
        if key in seen:
            repeats[key] = repeats.get(key, 1) + 1
            warn.append(
                Issue(
                    clause.line,
                    f"clause number {clause.number.rstrip('.')} is printed "
                    f"{_times(repeats[key])} (first on line {seen[key]})",
                    "duplicate-number",
                    f"Number {clause.number.rstrip('.')} is printed {_times(repeats[key])} in the "
                    "adopted text; "
                    f"this is the {ordinal(repeats[key])}.",
                )
            )
        else:
            seen[key] = clause.line
        if parts is None:
            return
        if section_number is not None and len(parts) > 1 and parts[0] != section_number:
            warn.append(
                Issue(
                    clause.line,
                    f"clause {clause.number.rstrip('.')} is printed under section {section_number}",
                    "numbering",
                    f"Printed under section {section_number} in the adopted text.",
                )
            )
        if previous_clause is not None and len(parts) == len(previous_clause):
            expected = [*previous_clause[:-1], previous_clause[-1] + 1]
            if parts[:-1] == previous_clause[:-1] and parts[-1] > expected[-1]:
                missing = ".".join(str(p) for p in expected)
                warn.append(
                    Issue(
                        clause.line,
                        f"numbering jumps from {'.'.join(map(str, previous_clause))} to "
                        f"{clause.number.rstrip('.')} ({missing} is missing)",
                        "numbering",
                        f"The adopted text prints no {missing}: its numbering jumps from "
                        f"{'.'.join(map(str, previous_clause))} to {clause.number.rstrip('.')}.",
                    )
                )
            elif parts <= previous_clause:
                warn.append(
                    Issue(
                        clause.line,
                        f"clause {clause.number.rstrip('.')} comes after "
                        f"{'.'.join(map(str, previous_clause))} (out of order)",
                        "numbering",
                        f"Printed after {'.'.join(map(str, previous_clause))} in the adopted "
                        "text, out of order.",
                    )
                )
        previous_clause = parts

    def visit_blocks(blocks: list, scope: int, section_number: int | None, container: int):
        nonlocal previous_clause
        previous_sections: dict[str, tuple[int, ...]] = {}
        for block in blocks:
            if isinstance(block, Section):
                element = element_for_heading(block.heading.number)
                number = _section_of(block.heading.number)
                # whole: 'Part 5.1' after 'Part 5.0' is in order (a library page's Parts)
                parts = decimal_parts(block.heading.number)
                previous = previous_sections.get(element)
                if previous is not None and parts and tuple(parts) <= previous:
                    shown = ".".join(map(str, previous))
                    warn.append(
                        Issue(
                            block.heading.line,
                            f"section {block.heading.number} comes after section {shown}",
                            "numbering",
                        )
                    )
                if parts:
                    previous_sections[element] = tuple(parts)
                previous_clause = None
                inner = number if rank_of(element) == 3 else None
                within = container if rank_of(element) == 3 else id(block)
                visit_blocks(block.blocks, id(block), inner, within)
                previous_clause = None
            elif isinstance(block, Clause):
                if block.restarts:  # a list started again under a lead-in: printed so
                    scope, previous_clause = id(block), None
                visit_clause(block, section_number, scope, container)

    visit_blocks(document.blocks, 0, None, 0)
    document.warnings[:] = fold_one_cause(document.warnings)


def fold_one_cause(issues: list[Issue]) -> list[Issue]:
    """One printed mistake, one warning: a number printed twice also repeats an id and
    comes out of order, and when the number after it is missing ("3.5, 3.5, 3.7") it is
    most likely that number mistyped; those follow from the one cause, so they are said
    in its warning, not in three more."""
    duplicates = {issue.line: issue for issue in issues if issue.code == "duplicate-number"}
    if not duplicates:
        return issues
    folded: list[Issue] = []
    extra: dict[int | None, list[str]] = {}
    by_number = _by_number(duplicates)
    for issue in issues:
        twin = duplicates.get(issue.line)
        if twin is not None and issue is not twin and issue.code == "duplicate-id":
            given = issue.message.rsplit("it is given ", 1)[-1]
            extra.setdefault(issue.line, []).append(f"its id is {given}")
            continue
        if twin is not None and issue is not twin and "(out of order)" in issue.message:
            continue
        if issue.code == "numbering" and "is missing)" in issue.message:
            typo = _mistyped(issue, by_number)
            if typo is not None:
                extra.setdefault(typo.line, []).insert(0, _typo_words(issue))
                continue
        folded.append(issue)
    for issue in folded:
        if issue.line in extra and issue.code == "duplicate-number":
            issue.message += "; " + "; ".join(extra[issue.line])
    return folded


_PRINTED_TWICE = "clause number {} is printed twice"


def _by_number(duplicates: dict[int | None, Issue]) -> dict[str, tuple[list[int], list[Issue]]]:
    """The duplicates by the number printed twice: their lines and issues in line order
    (a jump finds its duplicate by bisection, not by scanning every duplicate)."""
    found: dict[str, tuple[list[int], list[Issue]]] = {}
    prefix, _, suffix = _PRINTED_TWICE.partition("{}")
    for line in sorted(line for line in duplicates if line is not None):
        issue = duplicates[line]
        if issue.message.startswith(prefix) and suffix in issue.message:
            number = issue.message[len(prefix) :].split(suffix, 1)[0]
            lines, issues = found.setdefault(number, ([], []))
            lines.append(line)
            issues.append(issue)
    return found


def _mistyped(jump: Issue, by_number: dict[str, tuple[list[int], list[Issue]]]) -> Issue | None:
    """The duplicate just before a jump ('numbering jumps from 3.5 to 3.7'): its second
    3.5 stands where 3.6 should be."""
    if jump.line is None:
        return None
    before = jump.message.split("numbering jumps from ", 1)[-1].split(" to ", 1)[0]
    lines, issues = by_number.get(before, ([], []))
    position = bisect.bisect_left(lines, jump.line)
    return issues[position - 1] if position else None


def _typo_words(jump: Issue) -> str:
    missing = jump.message.rsplit("(", 1)[-1].split(" is missing", 1)[0]
    return f"{missing} is missing after it, so this is probably {missing} mistyped"
