"""Lead ruling R42 (session 15): zero-padded agenda numbers keep their digits, and a time
'14:00' is never a number. Each positive test failed on main 991058d (the time was clause
14-00 and took the next line as its words; '01' under a table's header row ran on into
it; '02' / '03' after a repeated status line were listed as a contents list's entries)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.render.markdown_writer import render_document
from converted_text import convert_text, texts_by_anchor


def _anchors(tmp_path: Path, text: str) -> dict[str, str]:
    document, _ = convert_text(tmp_path, text)
    return texts_by_anchor(document.blocks)


@pytest.mark.parametrize("time", ["14:00", "09:30", "23:59"])
def test_a_time_alone_is_never_a_number(tmp_path: Path, time: str):
    document, clauses = convert_text(
        tmp_path, f"Harbour Board\n\n1. Date\n\nTime:\n\n{time}\n\nThe Quay\n"
    )
    assert [clause.number for clause in clauses if time in (clause.number or "")] == []
    markdown = render_document(document)
    assert time in markdown and time.replace(":", "-") not in markdown


def test_a_padded_item_under_a_header_row_is_an_item(tmp_path: Path):
    """The negatives in the same text: a date and a telephone number at a line's start."""
    found = _anchors(
        tmp_path,
        "Harbour Board\n\nItem no. Agenda Item Details Status\n01 Election of Chair\n\n"
        "Members elect a Chair.\n01 January 2024 is when the term starts.\n"
        "0800 123 456 Helpline\n\n02 Apologies\n\nNone were received.\n",
    )
    assert found.get("sec_01") == "Election of Chair"
    assert found.get("sec_02") == "Apologies"
    assert "Item no. Agenda Item Details Status" in found.values()
    assert found.get("sec_01__intro_1") == (
        "Members elect a Chair. 01 January 2024 is when the term starts. 0800 123 456 Helpline"
    )


def test_padded_items_after_a_repeated_status_line_are_no_contents(tmp_path: Path):
    found = _anchors(
        tmp_path,
        "Harbour Board\n\n01 Election of Chair\n\nMembers elect a Chair.\n\nFor decision\n"
        "02 Apologies\n03 Harbour dues\n\nMembers note the dues.\n\nFor decision\n"
        "04 Any other business\n",
    )
    assert [anchor for anchor in found if anchor[:4] in ("sec_", "para")] == [
        "sec_01", "sec_01__intro_1", "para_02", "sec_03", "sec_03__intro_1", "para_04"
    ]  # fmt: skip


def test_a_timetable_stays_its_items_text_line_by_line(tmp_path: Path):
    """attack17 A17-6/A17-7: on main 9cfdaff9 each time alone became a heading that closed
    item 2 and took the line under it as a heading too; a column of 'dd:dd words' lines ran
    into one paragraph. Each time and its words are a line of the item's text."""
    document, _ = convert_text(
        tmp_path,
        "Minutes\n\n1. Apologies\n\nNone.\n\n2. Timetable\n\n"
        "14:00\nRegistration\n14:30 Talks\n15:00\nClose\n",
    )
    assert texts_by_anchor(document.blocks) == {
        "sec_1": "Apologies",
        "sec_1__intro_1": "None.",
        "sec_2": "Timetable",
        "sec_2__intro_1": "14:00 Registration",
        "sec_2__intro_2": "14:30 Talks",
        "sec_2__intro_3": "15:00 Close",
    }
