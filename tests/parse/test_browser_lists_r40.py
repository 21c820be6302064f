"""Lead ruling R40 (session 15): a saved web page's ordered list shows its levels by
indentation, not by its numbers. Each test but the negatives failed on main 991058d before
parse/lost_counter.py and sequence.first_run_goes_on."""

from __future__ import annotations

import time
from pathlib import Path

from converted_text import convert_text, texts_by_anchor

LOST = (
    "Code of Conduct\n\n  1. Purpose\n\n  1. This code applies to every member.\n\n"
    "  1. Where a member acts for another body\n\n(a) the member keeps that body's code; or\n\n"
    "(b) the member keeps this code.\n\n  1. Members read the principles with it.\n"
)


def test_r40_a_list_printing_1_for_every_item_is_siblings(tmp_path: Path):
    """Main made '1. Purpose' sec_1 over the next two items and the (a)/(b) item sec_1_2."""
    document, _ = convert_text(tmp_path, LOST)
    texts = texts_by_anchor(document.blocks)
    assert list(texts) == [
        "para_1",
        "para_1_2",
        "sec_1",
        "sec_1__para_a",
        "sec_1__para_b",
        "para_1_3",
    ]
    assert texts["para_1"] == "Purpose"
    assert texts["para_1_3"] == "Members read the principles with it."


def test_r40_negative_the_same_list_at_the_margin_keeps_its_reading(tmp_path: Path):
    """A hand-typed text (no indentation): not R40's kind; main's reading stands."""
    document, _ = convert_text(tmp_path, LOST.replace("  1.", "1."))
    assert list(texts_by_anchor(document.blocks))[:2] == ["sec_1", "sec_1__para_1"]


def test_r40_a_list_that_counts_is_no_lost_counter(tmp_path: Path):
    """'  1.' '  1.' then '  2.' at that margin: the list counts, its first '1.' leads in."""
    document, _ = convert_text(
        tmp_path,
        "Minutes\n\n  1. The Clerk reported. He advised that:\n\n  1. The shelter is mended.\n\n"
        "  2. The path is resurfaced.\n",
    )
    assert list(texts_by_anchor(document.blocks)) == [
        "para_1",
        "para_1__subpara_1",
        "para_1__subpara_2",
    ]


RESTART = (
    "Agenda\n\n  1. Apologies\n  2. Minutes\n  8. Planning\n  9. Finance\n"
    "  1. Accounts for payment\n  2. Bank reconciliation\n  1. Letters received\n"
    "    a) From the county\n    b) From a resident\n12.   Reports of members\n\n"
    "13.   Date of the next meeting\n"
)


def test_r40_a_restart_at_the_same_margin_is_a_new_run_and_12_goes_on_the_first(
    tmp_path: Path,
):
    """Main made '9. Finance' sec_9 over the restarted 1, 2 and put 12 and 13 in the
    restarted '1. Letters received' (sec_1__para_12)."""
    document, _ = convert_text(tmp_path, RESTART)
    assert list(texts_by_anchor(document.blocks)) == [
        "para_1",
        "para_2",
        "para_8",
        "para_9",
        "para_1_2",
        "para_2_2",
        "sec_1",
        "sec_1__para_a",
        "sec_1__para_b",
        "para_12",
        "para_13",
    ]


def test_r40_negative_a_number_far_past_the_first_run_stays_in_the_section(tmp_path: Path):
    """'20.' is not the first run's next (ahead of 9 by more than three): read as before."""
    document, _ = convert_text(tmp_path, RESTART.replace("12.  ", "20.  "))
    assert "sec_1__para_20" in texts_by_anchor(document.blocks)


def test_r40_lost_counter_runs_are_read_in_linear_time(tmp_path: Path):
    """CPU time at n and 2n items, in one process: no quadratic look-back."""

    def cpu(n: int) -> float:
        body = "".join(
            f"  1. Item {i} heads its own list\n\n(a) first;\n\n(b) second.\n\n" for i in range(n)
        )
        start = time.process_time()
        convert_text(tmp_path, f"Code\n\n{body}", name=f"n{n}.txt")
        return time.process_time() - start

    cpu(50)
    small, large = cpu(400), cpu(800)
    assert large < small * 3.0, (small, large)


NESTED = (
    "Rules\n\n  1. Membership\n\n    The Authority has these members:\n\n    Members\n"
    "    1. councillors of the county, being\n      1. its leader\n"
    "      2. two others it appoints\n\n    2. one member of the city council.\n\n"
    "  2. Meetings\n\n    The Authority meets four times a year.\n"
)


def test_r40_a_1_set_in_deeper_is_the_first_child_of_the_item_above(tmp_path: Path):
    """Main ran '1. its leader' into the line above as words of a wrapped sentence, made
    'Members' a cross-heading closing section 1, and set the rest at the top (para_1,
    para_2, para_2_2)."""
    document, _ = convert_text(tmp_path, NESTED)
    texts = texts_by_anchor(document.blocks)
    assert [a for a in texts if "intro" not in a] == [
        "sec_1",
        "sec_1__para_1",
        "sec_1__para_1__subpara_1",
        "sec_1__para_1__subpara_2",
        "sec_1__para_2",
        "sec_2",
    ]
    assert texts["sec_1__para_1__subpara_1"] == "its leader"
    assert texts["sec_1__intro_2"] == "Members"


def test_r40_negative_a_wrapped_number_at_the_margin_stays_in_its_sentence(tmp_path: Path):
    """A hard-wrapped text (no indentation): '1. ...' after 'appointed by' is not set in,
    and the reading before R40 stands ('1.5 metres' inside a wrapped sentence)."""
    document, clauses = convert_text(
        tmp_path,
        "Rules\n\n1.1 Every stall must stand at least\n1.5 metres from the kerb.\n\n"
        "1.2 Stalls close at dusk.\n",
    )
    assert [clause.number for clause in clauses] == ["1.1", "1.2"]
    assert clauses[0].text == "Every stall must stand at least 1.5 metres from the kerb."


def _ids_of(tmp_path: Path, name: str, text: str) -> list[str]:
    document, _ = convert_text(tmp_path, text, name=name)
    return list(texts_by_anchor(document.blocks))


def test_r40_a_saved_page_and_its_text_copy_give_one_structure(tmp_path: Path):
    """The same lost-counter list as a web page (each item an <ol> of its own, as broken
    markup prints it) and as the page's saved text. Main read the .html's items at the
    reader's margin as sec_1 over the next item (the html reader marks no list items)."""
    page = (
        "<html><head><title>Code</title></head><body><h1>Code of Conduct</h1>"
        "<ol><li>Purpose</li></ol><ol><li>This code applies to every member.</li></ol>"
        "<ol><li>Where a member acts for another body</li></ol>"
        "<p>(a) the member keeps that body's code; or</p><p>(b) the member keeps this code.</p>"
        "<ol><li>Members read the principles with it.</li></ol></body></html>"
    )
    want = ["para_1", "para_1_2", "sec_1", "sec_1__para_a", "sec_1__para_b", "para_1_3"]
    assert _ids_of(tmp_path, "page.html", page) == want
    assert _ids_of(tmp_path, "page.txt", LOST) == want


def test_r40_a_nested_list_restarting_at_1_reads_alike_as_html_and_text(tmp_path: Path):
    page = (
        "<html><body><h1>Rules</h1><ol><li>Membership<p>The Authority has these members:</p>"
        "<ol><li>councillors of the county, being<ol><li>its leader</li>"
        "<li>two others it appoints</li></ol></li><li>one member of the city council.</li>"
        "</ol></li><li>Meetings<p>The Authority meets four times a year.</p></li></ol>"
        "</body></html>"
    )
    text = NESTED.replace("    Members\n", "")
    assert _ids_of(tmp_path, "page.html", page) == _ids_of(tmp_path, "page.txt", text)


def test_r40_a_lost_counter_list_never_runs_past_a_part(tmp_path: Path):
    """Each Part's '1.' items are its own run: main at 1b6a2ce took 'PART 2's items as the
    run of 'PART 1' and closed 'PART 2' before them (para_1 at the top)."""
    document, _ = convert_text(
        tmp_path,
        "Code\n\nPART 1\n\n  1. Introduction\n\n  1. This code applies.\n\n"
        "  1. It starts today.\n\nPART 2\n\n  1. Interests\n\n  1. Register them.\n",
    )
    assert [a for a in texts_by_anchor(document.blocks) if a.startswith("part_2")] == [
        "part_2",
        "part_2__para_1",
        "part_2__para_1_2",
    ]


def test_r40_a_number_back_at_a_shallower_margin_is_no_wrapped_number(tmp_path: Path):
    """attack17 A17-12, R40's own example: '    2. the next meaning' back under '      2.
    the second limb' (no full stop there, lower case after it) was run into that item's text
    as a hard wrap, and '  2. Scope' then became sec_1__para_2."""
    document, _ = convert_text(
        tmp_path,
        "Standing Orders\n\n  1. Definitions\n    1. in relation to the council means the body.\n"
        "      1. the first limb\n      2. the second limb\n    2. the next meaning\n  2. Scope\n",
    )
    texts = texts_by_anchor(document.blocks)
    assert [a for a in texts if "intro" not in a] == [
        "sec_1",
        "sec_1__para_1",
        "sec_1__para_1__subpara_1",
        "sec_1__para_1__subpara_2",
        "sec_1__para_2",
        "para_2",
    ]
    assert texts["sec_1__para_1__subpara_2"] == "the second limb"
    assert texts["sec_1__para_2"] == "the next meaning"
