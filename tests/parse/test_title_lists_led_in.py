"""review7 R4: a run of title lines a sentence leads in to ('The council appoints these
committees each May:') is the text's own list, never a contents list left out: its
words stay on the page even when each comes back later as a heading."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses

COMMITTEES = """Committee Arrangements

The council appoints these committees each May:

1. Planning Committee

2. Licensing Committee

3. Audit Committee

Planning Committee

The committee decides planning applications. It meets monthly.

Licensing Committee

The committee grants licences. It meets when needed.

Audit Committee

The committee reviews the accounts. It meets twice a year.
"""

APPENDICES = """Standing Orders

1. Scope

1.1 These standing orders govern every meeting of the council.

1.2 The following appendices form part of these standing orders:

Appendix 1 – Scale of Fees

Appendix 2 – Form of Notice

Appendix 3 – Map of the Parish

Appendix 1 – Scale of Fees

A hall costs ten pounds an hour.

Appendix 2 – Form of Notice

Notice is given on the board.

Appendix 3 – Map of the Parish

The map is kept at the office.
"""


def _read(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = convert_file(path)
    return document, [d.text for d in document.dropped if d.kind == "contents"]


def test_a_numbered_list_a_sentence_leads_in_to_is_kept(tmp_path):
    document, dropped = _read(tmp_path, "committees.txt", COMMITTEES)
    assert dropped == []
    page = str(document)
    for words in ("Planning Committee", "Licensing Committee", "Audit Committee"):
        assert page.count(words) == 2, words  # the list's line and the heading


def test_a_run_of_labels_a_sentence_leads_in_to_is_kept(tmp_path):
    document, dropped = _read(tmp_path, "orders.txt", APPENDICES)
    assert dropped == []
    assert str(document).count("Scale of Fees") == 2


def test_a_run_after_a_contents_label_is_still_left_out(tmp_path):
    text = COMMITTEES.replace("The council appoints these committees each May:", "Contents:")
    _, dropped = _read(tmp_path, "committees.txt", text)
    assert "1. Planning Committee" in dropped and "3. Audit Committee" in dropped


def test_a_lead_in_whose_items_go_on_in_lower_case_keeps_its_items(tmp_path):
    """review7 R6: 'In addition the Chair:' names no verb the label rule knows, but its
    items go on with its sentence ('1. calls ...;'): they stay clause 3's items, and
    clause 4 keeps its anchor (a heading there made them clauses 1 and 2 and moved 4)."""
    text = (
        "Rules\n\n1. Meetings\n\n2. Notice\n\n3. The committee meets monthly.\n\n"
        "In addition the Chair:\n\n1. calls extra meetings when needed;\n\n"
        "2. cancels a meeting with notice.\n\n4. Minutes are kept.\n"
    )
    document, _ = _read(tmp_path, "rules.txt", text)
    anchors = [c.anchor for c, *_ in iter_clauses(document.blocks)]
    # '1. Meetings' and '2. Notice' have nothing under them: clauses (lead ruling R8)
    assert anchors == [
        "para_1", "para_2", "para_3", "para_3__subpara_1", "para_3__subpara_2", "para_4",
    ]  # fmt: skip


def test_a_heading_that_reads_as_a_site_control_is_kept_in_the_text(tmp_path):
    """review7 R9: 'Search' or 'Back to Work Interviews' alone among the numbered lines is
    the text's own heading, never a web page's control left out (INFO); over the text,
    'Menu' and 'Search' are still the site's."""
    text = (
        "Menu\n\nSearch\n\nAttendance Policy\n\n1. Returning after illness\n\n"
        "1.1 A member returning after a long illness meets the clerk.\n\n"
        "Back to Work Interviews\n\n1.2 The interview is held within a week.\n\n"
        "Search\n\n1.3 The police may be asked to search the hall.\n"
    )
    document, _ = _read(tmp_path, "attendance.txt", text)
    furniture = [d.text for d in document.dropped if d.kind == "web-furniture"]
    assert furniture == ["Menu", "Search"]
    assert "Back to Work Interviews" in str(document.blocks)
