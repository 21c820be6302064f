"""Lead ruling R8 (session 11): which single-level numbered lines are headings.

A single-level number over its own title line (sentence case, a question, capitals
ending with a full stop) with something of its own under it is a numbered heading; a
title with nothing under it stays a clause. Each case here failed before R8 was made in
the parser (parse/numbered_titles.py): the title was read as a clause's text, or a title
with nothing under it as a heading."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Clause, Section, iter_clauses
from clausemark.render.markdown_writer import render_document


def _convert(tmp_path: Path, text: str):
    path = tmp_path / "policy.txt"
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def _top(document) -> list[tuple[str, str | None]]:
    """(anchor, printed number) of every top-level section and clause."""
    found = []
    for block in document.blocks:
        if isinstance(block, Section):
            found.append((block.heading.anchor, block.heading.number))
        elif isinstance(block, Clause):
            found.append((block.anchor, block.number))
    return found


def test_sentence_case_and_question_titles_head_their_text(tmp_path):
    document = _convert(
        tmp_path,
        "Grants Policy\n\n"
        "1. Who can apply for a grant?\n\n"
        "Any club or society based in the parish.\n\n"
        "2. The amount of a grant\n\n"
        "2.1 A grant is at most 500 pounds.\n\n"
        "2.2 One grant is made a year.\n",
    )
    assert _top(document) == [("sec_1", "1."), ("sec_2", "2.")]
    anchors = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
    assert anchors == ["sec_2__para_2-1", "sec_2__para_2-2"]
    titles = [b.heading.title for b in document.blocks if isinstance(b, Section)]
    assert titles == ["Who can apply for a grant?", "The amount of a grant"]


def test_a_title_in_capitals_may_end_with_a_full_stop(tmp_path):
    document = _convert(
        tmp_path,
        "Minutes of the Parish Council\n\n"
        "1. APOLOGIES FOR ABSENCE.\n\n"
        "Apologies were received from Cllr Dunn.\n\n"
        "2. PLANNING MATTERS.\n\n"
        "No applications were received.\n",
    )
    assert _top(document) == [("sec_1", "1."), ("sec_2", "2.")]


def test_a_sentence_item_and_a_titled_item_are_siblings(tmp_path):
    document = _convert(
        tmp_path,
        "Agenda\n\n"
        "1. To note apologies received.\n"
        "2. Declarations of Interest\n\n"
        "    a) To receive declarations.\n\n"
        "    b) To consider dispensations.\n\n"
        "3. To approve the minutes.\n",
    )
    assert _top(document) == [("para_1", "1."), ("sec_2", "2."), ("para_3", "3.")]
    anchors = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
    assert anchors == ["para_1", "sec_2__para_a", "sec_2__para_b", "para_3"]


def test_titles_with_nothing_under_them_stay_clauses(tmp_path):
    document = _convert(
        tmp_path,
        "Agenda\n\n1. Apologies\n\n2. Minutes of the last meeting\n\n3. Finance\n",
    )
    assert _top(document) == [("para_1", "1."), ("para_2", "2."), ("para_3", "3.")]


def test_a_last_title_after_a_heading_is_a_clause(tmp_path):
    document = _convert(
        tmp_path,
        "Minutes\n\n1. Chair's remarks\n\nThe Chair welcomed everyone.\n\n"
        "2. Meeting closed at 9pm\n",
    )
    assert _top(document) == [("sec_1", "1."), ("para_2", "2.")]


def test_a_title_line_over_a_long_line_of_text_is_not_run_into_it(tmp_path):
    long_line = (
        "The area of the Community Council is the area shown on the map attached to "
        "the District Council's scheme for the establishment of community councils."
    )
    document = _convert(
        tmp_path,
        "Constitution\n\n1. Name\nThe name of the council is Ashby Vale Community Council.\n\n"
        f"2. Area of the Community Council\n{long_line}\n",
    )
    assert _top(document) == [("sec_1", "1."), ("sec_2", "2.")]
    section = document.blocks[-1]
    assert isinstance(section, Section)
    assert section.heading.title == "Area of the Community Council"


def test_a_minute_reference_before_the_number_keeps_the_heading_and_its_words(tmp_path):
    document = _convert(
        tmp_path,
        "Minutes of the Parish Council\n\n"
        "M12/25      1.      APOLOGIES FOR ABSENCE.\n\n"
        "Apologies were received from Cllr Dunn.\n\n"
        "M13/25      2.      FINANCE.\n\n"
        "The accounts were approved.\n",
    )
    assert [a for a, _ in _top(document)] == ["sec_1", "sec_2"]
    page = render_document(document)
    assert "M12/25" in page and "M13/25" in page
