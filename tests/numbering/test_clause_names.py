"""How a clause is named: the citation ('para 4.1(b)') and the sentence ('item (b) of
para 4.1'), from the one module that knows both."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.model.records import heading_records, text_records
from clausemark.numbering.clause_names import (
    citation_number,
    clause_label,
    clause_name,
    restarted_containers,
)


def _records(tmp_path, text: str) -> dict:
    path = tmp_path / "rules.txt"
    path.write_text(text, encoding="utf-8")
    return {record.anchor: record for record in text_records(convert_file(path, "rules"))}


class _Index:
    def __init__(self, records: dict, containers: dict | None = None):
        self.records = records
        self.containers = containers or {}

    def record(self, document: str, anchor: str):
        return self.records.get(anchor) if document == "rules" else None

    def container(self, document: str, anchor: str):
        return self.containers.get((document, anchor))


def _index(tmp_path, text: str) -> _Index:
    path = tmp_path / "rules.txt"
    path.write_text(text, encoding="utf-8")
    document = convert_file(path, "rules")
    records = text_records(document)
    containers = restarted_containers(records, heading_records(document))
    return _Index({record.anchor: record for record in records}, containers)


NUMBERED = "Rules\n\n4. Conduct\n\n4.1 Members must:\n\n(b) declare interests;\n\n(i) in writing.\n"
UNNUMBERED = (
    "Guidance\n\nOpening words of the guidance.\n\nMembers must:\n\n"
    "- attend;\n\n- declare interests.\n"
)


def test_a_nested_item_is_cited_by_its_path_and_named_in_words(tmp_path):
    records = _records(tmp_path, NUMBERED)
    anchor = "sec_4__para_4-1__subpara_b__item_i"
    assert clause_label(_Index(records), "rules", anchor) == "para 4.1(b)(i)"
    assert clause_name(records[anchor], records) == "item (i) of item (b) of para 4.1"
    assert clause_name(records["sec_4__para_4-1"], records) == "para 4.1"


def test_unnumbered_paragraphs_and_bullets_are_named_by_their_count(tmp_path):
    records = _records(tmp_path, UNNUMBERED)
    bullets = [r for r in records.values() if r.parent == "para_2"]
    assert [r.anchor for r in bullets] == ["para_2__subpara_1", "para_2__subpara_2"]
    index = _Index(records)
    assert clause_label(index, "rules", "para_2") == "para [2] (unnumbered)"
    assert clause_label(index, "rules", "para_2__subpara_2") == "para [2], item [2] (unnumbered)"
    assert clause_name(records["para_2"], records) == "paragraph 2"
    assert clause_name(records["para_2__subpara_2"], records) == "item 2 of paragraph 2"


BULLETS_FIRST = (
    "Allotment Rules\n\nThese rules cover:\n\n- the tenancy of plots;\n- the keeping of hens;\n"
    "- bonfires.\n\n1. Tenancies\n\n1.1 A plot is let for one year.\n"
)


def test_a_bullet_counted_at_the_top_is_named_the_bullet_the_page_shows(tmp_path):
    """A bullet counted at the top of its container (before clause 1) keeps its counted
    id (`para_2`) and the page shows it as a bullet (ANCHORS.md section 5): the changes
    page and `clausemark diff` name it so, 'bullet 2', never 'paragraph 2', a paragraph
    the page does not show. Its citation is unchanged."""
    records = _records(tmp_path, BULLETS_FIRST)
    assert clause_name(records["para_2"], records) == "bullet 2"
    assert clause_label(_Index(records), "rules", "para_2") == "para [2] (unnumbered)"
    assert clause_name(records["sec_1__para_1-1"], records) == "para 1.1"


def test_text_outside_every_clause_and_unknown_anchors(tmp_path):
    records = _records(
        tmp_path, "Rules\n\nA preamble before the rules.\n\n1. Scope of the rules.\n"
    )
    note = next(r for r in records.values() if r.kind == "note")
    assert clause_label(_Index(records), "rules", note.anchor) == "unnumbered text"
    assert clause_name(note, records) == 'unnumbered text ("A preamble before the rules.")'
    assert clause_label(_Index(records), "rules", "para_99") == "para_99"
    assert clause_name(None, records) == "—"


def test_the_number_a_clause_is_cited_and_searched_by():
    assert citation_number(" 4.8. ", "sec_4__para_4-8") == "4.8"
    assert citation_number(None, "sec_1__para_12") == "12"  # counted: its id ends in it
    assert citation_number(None, "para_2__subpara_1") == ""  # a bullet is not searched by
    assert citation_number(None, "intro_1") == ""  # nor is text outside the clauses


# Own wording: items restarting at 1 under numbered headings, with no word ("2. Hire")
RESTARTED = (
    "Hall Hire Conditions\n\n1. Bookings\n\n1. A booking is made in writing.\n\n"
    "2. A deposit is paid:\n\n(a) on booking; or\n\n(b) within seven days.\n\n"
    "2. Use of the hall\n\n1. The hirer leaves the hall clean.\n\n2. No smoking.\n\n"
    "3. The hall closes at 11 pm.\n"
)


def test_a_restarted_number_is_cited_with_its_numbered_heading(tmp_path):
    """R47: 'para 2' is printed by two clauses, so each is named with its section;
    'para 3' is printed once and keeps its plain citation."""
    index = _index(tmp_path, RESTARTED)
    assert clause_label(index, "rules", "sec_1__para_2") == "section 1, para 2"
    assert clause_label(index, "rules", "sec_2__para_2") == "section 2, para 2"
    assert clause_label(index, "rules", "sec_1__para_2__subpara_b") == "section 1, para 2(b)"
    assert clause_label(index, "rules", "sec_2__para_3") == "para 3"


def test_numbers_that_carry_their_section_keep_their_plain_citation(tmp_path):
    """R47's negative: '4.1' / '4.2' under '4. Meetings' are unique: 'para 4.1'."""
    text = "Rules\n\n4. Meetings\n\n4.1 The chair presides.\n\n4.2 Members attend.\n"
    index = _index(tmp_path, text)
    assert index.containers == {}
    assert clause_label(index, "rules", "sec_4__para_4-1") == "para 4.1"


NESTED = (
    "Standing Orders\n\nPart 1 Meetings\n\nRule 1 Notice\n\n1. Notice is given.\n\n"
    "Part 2 Committees\n\nRule 1 Membership\n\n1. Members are appointed.\n\n"
    "Rule 2 Quorum\n\n1. Three members are a quorum.\n"
)


def test_where_the_rule_does_not_tell_them_apart_its_part_is_named_too(tmp_path):
    index = _index(tmp_path, NESTED)
    labels = {
        anchor: clause_label(index, "rules", anchor)
        for anchor in index.records
        if index.records[anchor].kind == "clause"
    }
    assert labels == {
        "part_1__rule_1__para_1": "Part 1, Rule 1, para 1",
        "part_2__rule_1__para_1": "Part 2, Rule 1, para 1",
        "part_2__rule_2__para_1": "Part 2, Rule 2, para 1",
    }
