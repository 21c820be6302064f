"""A capitals contents entry with its page number glued on ('1.PURPOSE2', a PDF or web
copy that lost the leader): the heading coming back ('1. PURPOSE') ends the list, so it is
the text's first section and a '1.' after its lead-in is that section's clause (R13(a)).
The first test failed on main 0b64f8e: the list ran on over '1. PURPOSE', which was shown
as a line of the list (para_1 for the clause, no sec_1)."""

from __future__ import annotations

from pathlib import Path

from clausemark.parse.contents_cut import without_glued_page
from converted_text import convert_text, texts_by_anchor


def test_a_glued_page_number_ends_no_heading_inside_the_list(tmp_path: Path):
    document, _ = convert_text(
        tmp_path,
        "Reserves Policy\n\nINDEX\n\n1.PURPOSE2\n2.LEVEL OF RESERVES2\n3.REVIEW3\n\n\n"
        "1. PURPOSE\n\nThe council holds reserves.\n\nThe auditors advise:\n\n"
        "  1. General reserves cover three months of costs.\n",
    )
    anchors = list(texts_by_anchor(document.blocks))
    assert "sec_1" in anchors and "sec_1__para_1" in anchors


def test_only_a_capitals_entry_loses_its_glued_digits():
    assert without_glued_page("1.INTRODUCTION2") == "1.INTRODUCTION"
    assert (
        without_glued_page("7.REVIEW AND AMENDMENT OF STRATEGY5")
        == "7.REVIEW AND AMENDMENT OF STRATEGY"
    )
    assert without_glued_page("Covid19") == "Covid19"
    assert without_glued_page("APPENDIX B2") == "APPENDIX B2"  # a label's number, no page
    assert without_glued_page("Minute 19") == "Minute 19"
