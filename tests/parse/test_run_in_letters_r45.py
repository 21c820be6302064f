"""Lead ruling R45 (session 15): lettered sub-items run in after an item's heading on the
same line. The test failed on main 78569b0 (a) and b) stayed inside item 2's words)."""

from __future__ import annotations

from pathlib import Path

from converted_text import convert_text, texts_by_anchor


def test_run_in_letters_after_a_heading_are_the_items_sub_items(tmp_path: Path):
    """The negative in the same text: 'options a) and b)' inside a sentence is text."""
    document, _ = convert_text(
        tmp_path,
        "Minutes\n\n1) APOLOGIES None.\n\n"
        "2) MATTERS ARISING a) Hall roof - It was mended. b) Newsletter - Items are wanted.\n\n"
        "3) PLANNING Members weighed options a) and b) at length. They will reply.\n",
    )
    assert texts_by_anchor(document.blocks) == {
        "para_1": "APOLOGIES None.",
        "para_2": "MATTERS ARISING",
        "para_2__subpara_a": "Hall roof - It was mended.",
        "para_2__subpara_b": "Newsletter - Items are wanted.",
        "para_3": "PLANNING Members weighed options a) and b) at length. They will reply.",
    }
