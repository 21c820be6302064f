"""Lead ruling R44 (session 15): the statutory form '1.(1)' printed one token a line. The
test failed on main 78569b0 ('1.' was a line of text, '(1)' clause 1 of the Part)."""

from __future__ import annotations

from pathlib import Path

from converted_text import convert_text, texts_by_anchor


def test_a_number_alone_over_its_first_bracketed_subparagraph_is_the_statutory_form(
    tmp_path: Path,
):
    document, clauses = convert_text(
        tmp_path,
        "Code of Conduct\n\nPART 1 GENERAL\n\n1.\n\n(1)\n\nThe Code applies to members.\n\n(2)\n\n"
        "The principles are as follows:\n\n(a) Selflessness\n\nMembers serve the public.\n"
        "(b) Honesty\n\nMembers tell the truth.\n\n2.\n\n(1)\n\nYou must show respect.\n",
    )
    found = texts_by_anchor(document.blocks)
    assert [anchor for anchor in found if anchor.startswith("part_1__para")] == [
        "part_1__para_1",
        "part_1__para_1__subpara_1",
        "part_1__para_1__subpara_2",
        "part_1__para_1__subpara_2__item_a",
        "part_1__para_1__subpara_2__item_b",
        "part_1__para_2",
        "part_1__para_2__subpara_1",
    ]
    assert found["part_1__para_1"] == ""
    assert found["part_1__para_1__subpara_1"] == "The Code applies to members."
    assert found["part_1__para_1__subpara_2__item_a"] == "Selflessness Members serve the public."
