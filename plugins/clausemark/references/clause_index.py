"""Every clause and heading of the build, keyed for the lookups resolution makes.

Dict lookups by (document, number), (document, parent, number), section number, title
and container ("Article 12", "Rule 4") keep resolving fast for thousands of clauses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..model.document import ClauseRecord, HeadingRecord
from ..numbering.clause_names import Container, restarted_containers
from ..numbering.styles import element_for_heading, number_key
from .keys import section_key, title_key


@dataclass(frozen=True, eq=False)
class ClauseIndex:
    """Every clause and heading of the build, keyed for lookups by number and title."""

    clauses: dict[tuple[str, str], ClauseRecord]
    by_number: dict[tuple[str, str], tuple[str, ...]]
    children: dict[tuple[str, str, str], tuple[str, ...]]
    sections: dict[tuple[str, str], tuple[HeadingRecord, ...]]
    titles: dict[tuple[str, str], tuple[HeadingRecord, ...]]
    containers: dict[tuple[str, str, str], tuple[HeadingRecord, ...]]  # (doc, element, key)
    numbered_headings: dict[tuple[str, str], tuple[HeadingRecord, ...]]  # (doc, key)
    documents: frozenset[str]
    # (document, top clause) -> the heading it is cited with, where its number is printed
    # by another clause of its document (clause_names.restarted_containers, R47)
    cited_with: dict[tuple[str, str], Container] = field(default_factory=dict)

    @classmethod
    def build(
        cls, clauses: Iterable[ClauseRecord], headings: Iterable[HeadingRecord] = ()
    ) -> ClauseIndex:
        clauses, headings = list(clauses), list(headings)
        by_anchor: dict[tuple[str, str], ClauseRecord] = {}
        by_number: dict[tuple[str, str], list[str]] = {}
        children: dict[tuple[str, str, str], list[str]] = {}
        documents: set[str] = set()
        for clause in clauses:
            documents.add(clause.document)
            by_anchor[(clause.document, clause.anchor)] = clause
            if not clause.number or not number_key(clause.number):
                continue
            key = number_key(clause.number)
            by_number.setdefault((clause.document, key), []).append(clause.anchor)
            if clause.parent:
                children.setdefault((clause.document, clause.parent, key), []).append(clause.anchor)
        sections: dict[tuple[str, str], list[HeadingRecord]] = {}
        titles: dict[tuple[str, str], list[HeadingRecord]] = {}
        containers: dict[tuple[str, str, str], list[HeadingRecord]] = {}
        numbered: dict[tuple[str, str], list[HeadingRecord]] = {}
        for heading in headings:
            documents.add(heading.document)
            if heading.number and number_key(heading.number):
                element = element_for_heading(heading.number)
                key = section_key(heading.number)
                containers.setdefault((heading.document, element, key), []).append(heading)
                numbered.setdefault((heading.document, key), []).append(heading)
                if element == "sec":
                    sections.setdefault((heading.document, key), []).append(heading)
            titles.setdefault((heading.document, title_key(heading.title)), []).append(heading)
        return cls(
            clauses=by_anchor,
            by_number={key: tuple(value) for key, value in by_number.items()},
            children={key: tuple(value) for key, value in children.items()},
            sections={key: tuple(value) for key, value in sections.items()},
            titles={key: tuple(value) for key, value in titles.items()},
            containers={key: tuple(value) for key, value in containers.items()},
            numbered_headings={key: tuple(value) for key, value in numbered.items()},
            documents=frozenset(documents),
            cited_with=restarted_containers(clauses, headings),
        )

    def ancestors(self, clause: ClauseRecord) -> Iterator[ClauseRecord]:
        """The clause itself, then its parent, grandparent ... up to the top."""
        current: ClauseRecord | None = clause
        seen: set[str] = set()
        while current is not None and current.anchor not in seen:
            seen.add(current.anchor)
            yield current
            parent = current.parent
            current = self.clauses.get((current.document, parent)) if parent else None

    def descend(self, document: str, anchor: str, keys: Sequence[str]) -> str | None:
        """Follow numbered children from `anchor`: ('a', 'i') is item a), then (i)."""
        for key in keys:
            found = self.children.get((document, anchor, key))
            if not found:
                return None
            anchor = found[0]
        return anchor
