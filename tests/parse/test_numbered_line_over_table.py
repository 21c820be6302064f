"""A numbered line printed straight over a table is a heading or clause, never the
table's caption: taken as a caption, "2. Committees and their quorum" lost section 2
(its 2.1 became a top-level clause) and an agenda's "7<TAB>Budget proposals" lost item 7."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.model.document import Section, iter_clauses, iter_tables

RULES = (
    "Hall Rules\n\n1. General\n\n1.1 The hall opens at nine.\n\n"
    "2. Committees and their quorum\nCommittee\tQuorum\nPlanning\t5\nLicensing\t3\n\n"
    "2.1 A committee may not meet without its quorum.\n"
)

AGENDA = (
    "Cabinet agenda\n\nItems\n\n1\tTo receive apologies\n2\tTo approve the minutes\n"
    "7\tBudget proposals\n7a\tRevenue budget\n7b\tCapital programme\n"
)


def test_a_numbered_heading_over_a_table_stays_its_section(tmp_path):
    path = tmp_path / "hall-rules.txt"
    path.write_text(RULES, encoding="utf-8")
    document = convert_file(path, "hall-rules")
    sections = [b for b in document.blocks if isinstance(b, Section)]
    assert [s.heading.number for s in sections] == ["1.", "2."]
    anchors = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
    assert "sec_2__para_2-1" in anchors, anchors
    assert all(table.caption is None for table in iter_tables(document.blocks))


def test_an_agenda_item_over_its_sub_items_is_no_caption(tmp_path):
    path = tmp_path / "agenda.txt"
    path.write_text(AGENDA, encoding="utf-8")
    document = convert_file(path, "agenda")
    numbers = [clause.number for clause, *_ in iter_clauses(document.blocks)]
    numbers += [b.heading.number for b in document.blocks if isinstance(b, Section)]
    assert "7" in numbers, numbers  # item 7 keeps its number and anchor
    assert all(table.caption is None for table in iter_tables(document.blocks))
