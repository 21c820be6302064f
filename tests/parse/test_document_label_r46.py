"""Lead ruling R46 (session 15): a label alone at the top of a whole document opens no
container. The test failed on main bd3adeab (appendix_C__sec_1-0 ...)."""

from __future__ import annotations

from pathlib import Path

from converted_text import convert_text, texts_by_anchor


def test_a_label_over_the_whole_document_is_text_and_no_container(tmp_path: Path):
    document, _ = convert_text(
        tmp_path,
        "Harbridge District Council\n\nCommittee papers\n\nPapers for 4 March 2025\n\n"
        "APPENDIX C\nLICENSING COMMITTEE\n\n"
        "1.0 APOLOGIES\n\n1.1 None were received.\n\n2.0 FARES\n\n2.1 Fares were agreed.\n",
    )
    found = texts_by_anchor(document.blocks)
    assert [anchor for anchor in found if "-" in anchor] == [
        "sec_1-0",
        "sec_1-0__para_1-1",
        "sec_2-0",
        "sec_2-0__para_2-1",
    ]
    assert "APPENDIX C" in found.values()  # the label stays on the page
