"""Warnings about printed numbering: duplicates, gaps, clauses outside their section.

Printed errors are kept exactly as adopted (a reader cites the number they see);
the maintainer is told so that the next review can fix them.
"""

from __future__ import annotations

import re

from .anchors import clean_number
from .model import Clause, Document, Issue, Section


def _parts(number: str) -> list[int] | None:
    cleaned = clean_number(number)
    if not re.fullmatch(r"\d+(-\d+)*", cleaned):
        return None
    return [int(p) for p in cleaned.split("-")]


def _section_of(number: str | None) -> int | None:
    parts = _parts(number or "")
    return parts[0] if parts else None


def check_numbering(document: Document) -> None:
    warn = document.warnings
    seen: dict[str, int] = {}
    previous_clause: list[int] | None = None
    previous_section: int | None = None

    def visit_clause(clause: Clause, section_number: int | None):
        nonlocal previous_clause
        if clause.number is None:
            return
        key = clean_number(clause.number)
        if key in seen:
            warn.append(
                Issue(
                    clause.line,
                    f"clause number {clause.number.rstrip('.')} is printed twice "
                    f"(first on line {seen[key]})",
                    "duplicate-number",
                    f"Number {clause.number.rstrip('.')} is printed twice in the adopted text; "
                    "this is the second.",
                )
            )
        else:
            seen[key] = clause.line
        parts = _parts(clause.number)
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

    for block in document.blocks:
        if isinstance(block, Section):
            number = _section_of(block.heading.number)
            if previous_section is not None and number is not None and number <= previous_section:
                warn.append(
                    Issue(
                        block.heading.line,
                        f"section {block.heading.number} comes after section {previous_section}",
                        "numbering",
                    )
                )
            previous_section = number if number is not None else previous_section
            previous_clause = None
            for inner in block.blocks:
                if isinstance(inner, Clause):
                    visit_clause(inner, number)
        elif isinstance(block, Clause):
            visit_clause(block, None)
