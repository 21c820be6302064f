"""Helpers shared by the reader tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from clausemark.model.document import Clause, Document, iter_clauses


def clauses_by_number(document: Document) -> dict[str | None, Clause]:
    """A converted document's clauses by number, nested ones too: {"1.1": Clause, ...}
    (each clause's text, paragraphs and tables are what the page shows of it)."""
    return {clause.number: clause for clause, *_ in iter_clauses(document.blocks)}


@pytest.fixture(scope="session")
def clauses_of() -> Callable[[Document], dict[str | None, Clause]]:
    return clauses_by_number
