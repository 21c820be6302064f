"""'[13]' footnote markers copied from a web page with a space before them ("the council
[13]") are footnotes only when the note '[13] text' stands in the notes at the end; a
bracketed number of the text's own ("paragraph [2]") is left as printed."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses
from clausemark.parse.lines import web_footnotes


def _convert(tmp_path: Path, text: str):
    path = tmp_path / "code.txt"
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def test_a_spaced_marker_with_its_note_at_the_end_is_a_footnote(tmp_path):
    text = (
        "Members' Code\n\n1. Interests\n"
        "1.1 A member registers each interest with the council [13] within 28 days.\n"
        "1.2 See paragraph [2] of the schedule for the form.\n\n"
        "[13] The register is kept by the monitoring officer.\n"
    )
    document = _convert(tmp_path, text)
    assert [(n.label, n.text) for n in document.footnotes] == [
        ("13", "The register is kept by the monitoring officer.")
    ]
    lines = web_footnotes(text.split("\n"))
    assert "with the council [^13] within 28 days." in lines[3]
    assert lines[4] == "1.2 See paragraph [2] of the schedule for the form."  # no note [2]
    assert lines[6] == "[^13]: The register is kept by the monitoring officer."


def test_a_spaced_bracketed_number_whose_match_is_a_paragraph_of_the_text_stays(tmp_path):
    text = (
        "Complaints Procedure\n\n"
        "[1] A complaint is made in writing, as set out in paragraph [3].\n\n"
        "[2] The clerk acknowledges it within five days.\n\n"
        "[3] The form is on the council's website.\n\n"
        "Appeals\n\n"
        "An appeal is heard by the committee.\n"
    )
    lines = web_footnotes(text.split("\n"))
    assert lines == text.split("\n")  # paragraph [3] is no note at the end: nothing read
    document = _convert(tmp_path, text)
    assert not document.footnotes
    assert any("paragraph [3]" in clause.text for clause, *_ in iter_clauses(document.blocks))


def test_a_spaced_marker_with_no_note_at_all_stays_as_printed():
    text = ["1.1 The quorum is set by rule [4].", "", "2.1 Notice is given in writing."]
    assert web_footnotes(text) == text
