"""Lead ruling R41 (session 15): capitals of one lettered run are one kind. The positive
test failed on main before parse/letter_sections.py (main made 'A.' para_A and 'B.' sec_B);
the negatives pass on both."""

from __future__ import annotations

from pathlib import Path

from converted_text import convert_text, texts_by_anchor

REPORT = (
    "Report to the Committee\n\n1. Purpose\n\nThis report asks for a decision.\n\n"
    "A. Recommendation\n\nThat the Committee approves the protocol.\n\n"
    "B. Background\n\n1. The protocol dates from 2019.\n\n2. Members asked for guidance.\n"
)


def test_r41_every_capital_of_the_run_is_a_section_when_one_heads_a_list(tmp_path: Path):
    document, _ = convert_text(tmp_path, REPORT)
    texts = texts_by_anchor(document.blocks)
    assert [a for a in texts if "intro" not in a] == [
        "sec_1",
        "sec_A",
        "sec_B",
        "sec_B__para_1",
        "sec_B__para_2",
    ]
    assert texts["sec_A"] == "Recommendation"
    assert texts["sec_A__intro_1"] == "That the Committee approves the protocol."


def test_r41_negative_capitals_over_sentences_only_stay_clauses(tmp_path: Path):
    text = REPORT.replace("1. The protocol", "The protocol").replace("2. Members", "Members")
    document, _ = convert_text(tmp_path, text)
    anchors = list(texts_by_anchor(document.blocks))
    assert "sec_A" not in anchors and "sec_B" not in anchors


def test_r41_negative_a_lone_capital_is_no_run(tmp_path: Path):
    """'A.' with no 'B.' after it: R28's lone letter, whatever stands under it."""
    text = "Report\n\n1. Purpose\n\nIt asks.\n\nA. Recommendation\n\n1. That it approves.\n"
    document, _ = convert_text(tmp_path, text)
    assert not [a for a in texts_by_anchor(document.blocks) if a.startswith("sec_A")]
