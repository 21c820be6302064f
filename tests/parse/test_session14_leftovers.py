"""Session 14's leftovers where a general rule exists (R32's negative, a letter glued to a
roman, R29's sentence after a run of titles). Each test failed on main 124e3abb."""

from __future__ import annotations

from pathlib import Path

from converted_text import convert_text, texts_by_anchor


def test_a_lone_bracketed_capital_is_text(tmp_path: Path):
    """'(A)' with no '(B)' anywhere and no '(1)' under it: main made sec_1__para_A."""
    document, _ = convert_text(
        tmp_path,
        "Policy\n\n1. Scope\n\n(A) This policy applies to all staff.\n\n2. Review\n\nYearly.\n",
    )
    assert texts_by_anchor(document.blocks)["sec_1__intro_1"] == (
        "(A) This policy applies to all staff."
    )


def test_a_letter_glued_to_a_roman_is_the_items_path(tmp_path: Path):
    """main kept '(ii)' in (b)'s and (c)'s words."""
    document, _ = convert_text(
        tmp_path,
        "Agenda\n\n1. Reports:\n(a) The first report.\n(b) The second report.\n"
        "(b)(ii) Its annex.\n(c)(i) on budgets; and\n(ii) on staffing.\n",
    )
    assert texts_by_anchor(document.blocks) == {
        "para_1": "Reports:",
        "para_1__subpara_a": "The first report.",
        "para_1__subpara_b": "The second report.",
        "para_1__subpara_b__item_b-ii": "Its annex.",
        "para_1__subpara_c": "",
        "para_1__subpara_c__item_i": "on budgets; and",
        "para_1__subpara_c__item_ii": "on staffing.",
    }


def test_a_count_under_a_title_after_a_run_of_titles_is_its_text(tmp_path: Path):
    """R29 after a run of titles: main made para_2 and the sentence a note after the run."""
    document, _ = convert_text(
        tmp_path,
        "Minutes\n\n1. Apologies\n2. Declarations of interest\n\n"
        "3 Councillors declared an interest in item 5.\n\n4. Planning\n\nNo comments.\n",
    )
    found = texts_by_anchor(document.blocks)
    assert found["sec_2"] == "Declarations of interest"
    assert found["sec_2__intro_1"] == "3 Councillors declared an interest in item 5."


def test_the_next_item_after_the_count_is_the_items_sibling(tmp_path: Path):
    """R29 then R7: '4. Reports:' after section 2 and its count '3 ...' goes on the run (a
    sibling); main nested it and '5.' in section 2 (sec_2__para_4, sec_2__para_5)."""
    document, _ = convert_text(
        tmp_path,
        "Minutes\n\n2. Declarations of interest\n\n3 Councillors declared an interest.\n\n"
        "4. Reports:\n\n(a) The report was received.\n\n5. Close\n",
    )
    assert list(texts_by_anchor(document.blocks)) == [
        "sec_2", "sec_2__intro_1", "para_4", "para_4__subpara_a", "para_5"
    ]  # fmt: skip
