"""Short unmarked lines under a clause's lead-in ("… never delegated to officers:") are the
entries of its list, whose bullets a copy lost or a web page's rows never had: paragraphs of
that clause, never cross-headings that would take the next clause under them (trial5
finding 1). All wording here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses, iter_headings

ENTRIES = ["Booking the bandstand", "Closing the riverside path", "Naming a new street"]

TEXT = (
    "1. Matters kept by the committee\n\n"
    "1.1 The committee alone decides the following:\n\n"
    + "".join(f"{entry}\n\n" for entry in ENTRIES)
    + "1.2 Officers report each decision to the next meeting.\n\n"
    "MEETINGS\n\n"
    "1.3 The committee meets four times a year.\n"
)

HTML = (
    "<html><body><main><h1>Green Spaces Rules</h1><h2>1. Matters kept by the committee</h2>"
    "<p>1.1 The committee alone decides the following:</p>"
    + "".join(f"<p>{entry}</p>" for entry in ENTRIES)
    + "<p>1.2 Officers report each decision to the next meeting.</p></main></body></html>"
)


@pytest.mark.parametrize("suffix, text", [(".txt", TEXT), (".html", HTML)], ids=["txt", "html"])
def test_unmarked_lines_under_a_lead_in_are_entries_of_its_clause(tmp_path: Path, suffix, text):
    path = tmp_path / f"green-spaces{suffix}"
    path.write_text(text, encoding="utf-8")
    document = convert_file(path)
    headings = [heading.title for heading in iter_headings(document.blocks)]
    assert not set(ENTRIES) & set(headings), headings
    clauses = {clause.number: clause for clause, *_ in iter_clauses(document.blocks)}
    said = [clauses["1.1"].text, *clauses["1.1"].paragraphs, *clauses["1.1"].tail]
    assert said == ["The committee alone decides the following:", *ENTRIES]
    assert "1.2" in clauses and clauses["1.2"].paragraphs == []


def test_a_line_in_capitals_after_the_entries_is_a_heading_again(tmp_path: Path):
    path = tmp_path / "green-spaces.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = convert_file(path)
    assert "MEETINGS" in [heading.title for heading in iter_headings(document.blocks)]


def test_a_short_line_under_a_closed_sentence_stays_a_heading(tmp_path: Path):
    """Without a lead-in nothing changes: 'Parks and gardens' after a full stop heads what
    follows."""
    path = tmp_path / "green-spaces.txt"
    path.write_text(
        "1. General\n\n1.1 These rules apply to every open space.\n\n"
        "Parks and gardens\n\n1.2 Gates close at dusk.\n",
        encoding="utf-8",
    )
    document = convert_file(path)
    assert "Parks and gardens" in [heading.title for heading in iter_headings(document.blocks)]
