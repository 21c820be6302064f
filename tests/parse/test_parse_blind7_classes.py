"""The failure classes of the seventh blind set of real council texts (issue 23), each on a
layout fixture of our own wording (tests/layouts) and, where a rule has two sides, on a
short text here: the numbers read, their parents and anchors, and the words kept."""

from __future__ import annotations

from real_texts import convert_fixture, convert_text, found

# 3. A numbered list nested inside a numbered item (a web page's <ol> inside an <li>, both
# decimal): the nested items are the item's children, as a browser shows them.

NESTED = [
    ("1.", None, "para_1"),
    ("1.", "1.", "para_1__subpara_1"),
    ("2.", "1.", "para_1__subpara_2"),
    ("3.", "1.", "para_1__subpara_3"),
    ("2.", None, "para_2"),
    ("3.", None, "para_3"),
    ("1.", "3.", "para_3__subpara_1"),
    ("2.", "3.", "para_3__subpara_2"),
    ("4.", None, "para_4"),
]


def test_a_numbered_list_set_in_under_an_item_is_its_children():
    assert found(convert_fixture("web_nested_numbered_list")) == NESTED


def test_an_ordered_list_inside_a_list_item_of_a_web_page_is_its_children(tmp_path):
    page = (
        "<html><head><title>Remit</title></head><body><h1>Allotments Remit</h1>"
        "<p>The sub-committee may decide any matter that would otherwise go to</p><ol>"
        "<li>the full council, with these exceptions:<ol><li>setting the rent;</li>"
        "<li>taking a plot back;</li><li>spending over the yearly sum.</li></ol></li>"
        "<li>the amenities committee, where a delay would harm a tenant.</li>"
        "<li>the clerk, for repairs that cannot wait, and<ol><li>the clerk reports them;"
        "</li><li>no repair costs more than the limit.</li></ol></li>"
        "<li>the chair, only in an emergency.</li></ol></body></html>"
    )
    document = convert_text(tmp_path, "remit.html", page)
    assert found(document) == NESTED


def test_a_number_set_in_with_no_list_open_under_the_clause_stays_the_next_clause(tmp_path):
    text = (
        "Hall Rules\n\n1. The hall opens at nine.\n\n2. The hall closes at ten.\n\n"
        "    3. The keys are kept by the clerk.\n\n4. Smoking is not allowed.\n"
    )
    assert [n[2] for n in found(convert_text(tmp_path, "hall.txt", text))] == [
        "para_1",
        "para_2",
        "para_3",
        "para_4",
    ]
