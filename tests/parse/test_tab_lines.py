"""A tab inside a line of a text file is no table by itself: a table has its columns over
several rows. A clause with one tab in it stays that clause, its words in order."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses


def _clauses(tmp_path, text: str):
    path = tmp_path / "rules.txt"
    path.write_text(text, encoding="utf-8")
    return list(iter_clauses(convert_file(path).blocks))


def test_a_clause_with_a_tab_inside_it_stays_the_clause(tmp_path):
    clauses = _clauses(
        tmp_path,
        "Hall Rules\n\n1. Bookings\n\n1.1 Halls are booked a week ahead.\n\n"
        "1.2 A booking is confirmed\tin writing.\n\n1.3 Keys are returned the next day.\n",
    )
    assert [(c.number, c.text, list(c.tables)) for c, *_ in clauses] == [
        ("1.1", "Halls are booked a week ahead.", []),
        ("1.2", "A booking is confirmed in writing.", []),
        ("1.3", "Keys are returned the next day.", []),
    ]


def test_a_tab_line_wrapped_onto_the_next_line_is_one_clause(tmp_path):
    clauses = _clauses(
        tmp_path,
        "Hall Rules\n\n1. Bookings\n\n1.1 A booking is confirmed\tin writing\n"
        "by the clerk.\n\n1.2 Keys are returned.\n",
    )
    assert [(c.number, c.text) for c, *_ in clauses] == [
        ("1.1", "A booking is confirmed in writing by the clerk."),
        ("1.2", "Keys are returned."),
    ]


def test_tab_lines_over_several_rows_are_still_a_table(tmp_path):
    clauses = _clauses(
        tmp_path,
        "Hall Rules\n\n1. Fees\n\n1.1 The fees are:\n\nHall\tFee\nMain hall\t40\nSmall room\t15\n",
    )
    ((clause, *_),) = clauses
    assert clause.number == "1.1"
    assert [(t.header, t.rows) for t in clause.tables] == [
        (["Hall", "Fee"], [["Main hall", "40"], ["Small room", "15"]])
    ]
