"""parse11 (issue 23, session 10): the lead's rulings of session 10 on lines that lead in
and on breadcrumbs, and the classes of real web pages parse11's development set showed.
Texts of our own wording; each test says what it gave before."""

from __future__ import annotations

from real_texts import convert_fixture, convert_text, found, headings, notes

# R2. A line ending in a colon ('Minutes:', 'The Committee resolved:') is a lead-in,
# never a heading: it closes no section and adds no level.


def test_a_colon_line_in_an_items_minutes_closes_no_item():
    """Fails before: 'Minutes:' was a heading closing item 7, so (6) stood at the top
    (para_6)."""
    document = convert_fixture("lead_in_colon_lines_minutes")
    assert [(n[1], n[2]) for n in found(document)] == [(None, "sec_7"), ("7", "sec_7__para_6")]
    assert headings(document) == ["7 Verge and Hedge Maintenance Policy PDF 212 KB"]
    assert "Minutes:" in notes(document)  # kept where printed, as text


def test_a_label_ending_in_a_colon_over_a_list_starting_again_heads_nothing(tmp_path):
    """Fails before: 'Delegations:' was a cross-heading; the ids were the same."""
    text = (
        "Planning Committee\n\n1. To comment on planning applications.\n\n"
        "2. To comment on the local plan.\n\nDelegations:\n\n"
        "1. To answer the planning authority before a meeting.\n\n"
        "2. To agree replies on works to trees.\n"
    )
    document = convert_text(tmp_path, "committee.txt", text)
    assert [n[2] for n in found(document)] == ["para_1", "para_2", "para_1_2", "para_2_2"]
    assert headings(document) == []
    assert "Delegations:" in notes(document)


def test_a_colon_title_first_is_still_the_title(tmp_path):
    """Passes before and after: only a line after something placed is read as a lead-in."""
    text = "Terms of Reference:\nThe committee meets monthly.\n1. It advises the council.\n"
    document = convert_text(tmp_path, "terms.txt", text)
    assert document.metadata.title == "Terms of Reference"
