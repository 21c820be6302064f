"""The failure classes of the fourth blind set of real council texts (issue 23), each on a
layout fixture of our own wording (tests/layouts) and, where a rule has two sides, on a
short text here: the number an element is read with, its parent, its anchor, the words
kept and the lines left out."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Heading, iter_clauses, iter_headings
from clausemark.numbering.styles import container_word
from real_texts import assert_linear
from real_texts import convert_fixture as _fixture
from real_texts import convert_text as _convert
from real_texts import found as _found
from real_texts import notes as _notes
from real_texts import warning_codes as _warnings

# 1. A labelled contents list whose entries do not come back: shown as printed, no clauses.


def test_a_contents_list_whose_entries_do_not_come_back_is_shown_as_printed():
    document = _fixture("contents_labelled_extract")
    assert [n[0] for n in _found(document)] == ["1.", "a.", "b.", "c.", "d."]
    assert _found(document)[1] == ("a.", "1.", "para_1__subpara_a")  # no para_1_2
    notes = _notes(document)
    assert notes[0] == "1.   Calling and notice of meetings"  # as printed, number and all
    long_entry = "3.   Questions from members of the public at the start of every ordinary"
    assert any(note.startswith(long_entry) for note in notes)
    assert notes[6] == "7.   Standing orders generally"
    assert not document.dropped and not _warnings(document)
    assert [h.title for h in iter_headings(document.blocks)] == ["CONTENTS"]


def test_a_list_under_list_of_stays_a_list_of_clauses(tmp_path):
    text = (
        "Committees\n\nList of committees:\n\n1. Planning\n2. Licensing\n3. Audit\n\n"
        "Each committee reports to the council.\n"
    )
    document = _convert(tmp_path, "committees.txt", text)
    assert [n[0] for n in _found(document)] == ["1.", "2.", "3."]


def test_headings_ending_in_a_full_stop_bring_their_contents_list_back():
    document = _fixture("contents_headings_full_stop")
    assert {(d.line, d.kind, d.level) for d in document.dropped} == {
        (line, "contents", "info") for line in (4, 6, 7, 8, 9)
    }
    assert _found(document)[6] == ("3.", None, "para_3")
    assert not _warnings(document)


# 2. An index with page numbers (one or several) after one space and no dot leaders.


def test_an_index_with_page_lists_is_left_out_when_its_entries_come_back():
    document = _fixture("index_page_lists")
    dropped = {d.line: (d.kind, d.level) for d in document.dropped}
    assert dropped == dict.fromkeys([6, 8, 9, 11, 13, 15, 17, 18, 20], ("contents", "info"))
    assert _found(document)[0] == ("1.", None, "sec_1")
    assert ("4.2", "4.", "sec_4__para_4-2") in _found(document)
    assert not _warnings(document)


def test_an_index_with_page_lists_whose_entries_do_not_come_back_is_a_named_guess(tmp_path):
    text = (
        "Scheme of Delegation\n\nINDEX\n\nPages\n1. Introduction 1\n\n2. Finance 2, 3\n\n"
        "3. Staffing\n\n3.1 Appointments 4\n3.2 Discipline 5,6\n\n4. Property 7, 8,\n\n"
        "1. INTRODUCTION\n\n1.1 This scheme says who decides what.\n"
    )
    document = _convert(tmp_path, "scheme.txt", text)  # an extract: only 1. comes back
    guessed = [d for d in document.dropped if d.kind == "contents-guessed"]
    assert [d.line for d in guessed] == [3, 5, 6, 8, 10, 12, 13, 15]
    assert {d.level for d in guessed} == {"warning"}
    warning = next(w for w in document.warnings if w.code == "dropped")
    assert "lines 3-15" in warning.message
    assert _found(document) == [("1.", None, "sec_1"), ("1.1", "1.", "sec_1__para_1-1")]


def test_numbers_ending_a_sentence_under_no_label_are_no_index(tmp_path):
    text = (
        "Allowances\n\n1. Basic allowance\n\n1.1 Each member receives 12\n\n"
        "1.2 The chair receives 2, 3\n\n2. Travel\n\n2.1 Mileage is paid at 45\n"
    )
    document = _convert(tmp_path, "allowances.txt", text)
    assert not document.dropped
    assert [n[0] for n in _found(document)] == ["1.", "1.1", "1.2", "2.", "2.1"]


# 3. "(i) Ordinary Meeting" titles over lists, as a web page or a printed PDF gives them.

ROMAN_TITLES = [
    ("Standing Order 1 - Meetings", "The community council meets in public."),
    ("Standing Order 2 - Order of Business", None),
    ("(i) Monthly Meeting", "The order of business at a monthly meeting is as follows:"),
    ("1. Apologies for absence.", None),
    ("2. Minutes of the last meeting.", None),
    ("(ii) Annual General Meeting", "The business at the annual general meeting is:"),
    ("1. Apologies for absence.", None),
    ("2. Election of office bearers.", None),
    ("Standing Order 3 - Quorum", "A quorum is one third of the voting members."),
]
ROMAN_WANT = [
    ("Standing Order 1", None, "rule_1"),
    ("Standing Order 2", None, "rule_2"),
    ("(i)", "Standing Order 2", "rule_2__para_i"),
    ("1.", "(i)", "rule_2__para_i__subpara_1"),
    ("2.", "(i)", "rule_2__para_i__subpara_2"),
    ("(ii)", "Standing Order 2", "rule_2__para_ii"),
    ("1.", "(ii)", "rule_2__para_ii__subpara_1"),
    ("2.", "(ii)", "rule_2__para_ii__subpara_2"),
    ("Standing Order 3", None, "rule_3"),
]


def _roman_html() -> str:
    parts = ["<html><body><main><h1>Standing Orders</h1>"]
    for line, text in ROMAN_TITLES:
        tag = "h3" if line.startswith("(") else "h2" if line.startswith("Standing") else "p"
        parts.append(f"<{tag}>{line}</{tag}>")
        if text:
            parts.append(f"<p>{text}</p>")
    return "".join(parts) + "</main></body></html>"


def _roman_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [Paragraph("Standing Orders", styles["Heading1"])]
    for line, text in ROMAN_TITLES:
        style = "Heading3" if line.startswith("(") else "Heading2"
        story.append(Paragraph(line, styles["Normal" if line[:1].isdigit() else style]))
        if text:
            story.append(Paragraph(text, styles["Normal"]))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


@pytest.mark.parametrize("form", ["txt", "html", "pdf"])
def test_roman_titles_over_lists_number_their_lists_in_every_format(tmp_path, form):
    path = tmp_path / f"orders.{form}"
    if form == "txt":
        lines = [part for line, text in ROMAN_TITLES for part in (line, text) if part]
        path.write_text("Standing Orders\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    elif form == "html":
        path.write_text(_roman_html(), encoding="utf-8")
    else:
        _roman_pdf(path)
    document = convert_file(path)
    assert _found(document) == ROMAN_WANT
    clauses = {c.anchor: c for c, *_ in iter_clauses(document.blocks)}
    assert clauses["rule_2__para_i"].text == "Monthly Meeting"  # its title, kept apart
    assert clauses["rule_2__para_i"].paragraphs == [ROMAN_TITLES[2][1]]
    assert not _warnings(document)


def test_a_web_page_heading_numbered_ii_dot_is_a_number_and_e_g_is_not(tmp_path):
    page = (
        "<html><body><h1>Standing Orders</h1><h2>Standing Order 2 - Business</h2>"
        "<h3>i. Monthly Meeting</h3><p>The business is:</p><p>1. Apologies.</p>"
        "<h3>ii. Annual Meeting</h3><p>The business is:</p><p>1. Reports.</p>"
        "<h3>e.g. a heading of notes</h3><p>Notes follow.</p></body></html>"
    )
    document = _convert(tmp_path, "orders.html", page)
    assert _found(document) == [
        ("Standing Order 2", None, "rule_2"),
        ("i.", "Standing Order 2", "rule_2__para_i"),
        ("1.", "i.", "rule_2__para_i__subpara_1"),
        ("ii.", "Standing Order 2", "rule_2__para_ii"),
        ("1.", "ii.", "rule_2__para_ii__subpara_1"),
    ]
    assert "e.g. a heading of notes" in [h.title for h in iter_headings(document.blocks)]


SUB_HEADINGS = (
    "<html><body><h1>Standing Orders</h1><h2>3. Quorum</h2><p>Three members.</p>"
    "<h2>4. Order of Business</h2><h3>Monthly Meeting</h3><p>The business is:</p>"
    "<ol><li>Apologies.</li><li>Minutes.</li></ol><{tag}>Annual Meeting</{tag}>"
    "<p>The business is:</p><ol><li>Apologies.</li><li>Reports.</li></ol>"
    "<h2>5. Voting</h2><p>By show of hands.</p></body></html>"
)


def test_unnumbered_sub_headings_stay_in_their_numbered_section(tmp_path):
    document = _convert(tmp_path, "orders.html", SUB_HEADINGS.format(tag="h3"))
    assert [n[2] for n in _found(document)] == [
        "sec_3", "sec_4", "sec_4__para_1", "sec_4__para_2", "sec_4__para_1_2",
        "sec_4__para_2_2", "sec_5",
    ]  # fmt: skip
    assert not _warnings(document)  # each list starts again under its heading


def test_a_sub_heading_before_any_section_is_a_heading(tmp_path):
    page = "<html><body><h1>Orders</h1><h3>Notes</h3><p>1. Apologies.</p></body></html>"
    document = _convert(tmp_path, "orders.html", page)
    assert [h.title for h in iter_headings(document.blocks)] == ["Notes"]


def test_an_unnumbered_heading_at_the_sections_level_still_closes_them(tmp_path):
    document = _convert(tmp_path, "orders.html", SUB_HEADINGS.format(tag="h2"))
    assert ("1.", None, "para_1") in _found(document)  # under "Annual Meeting", at the top


def test_a_clause_title_wrapped_onto_its_next_line_still_runs_on(tmp_path):
    text = "Procedure Rules\n\n1. Delegation\n\n1.1 Scheme of\nDelegation\nThe Leader decides.\n"
    document = _convert(tmp_path, "rules.txt", text)
    clause = next(c for c, *_ in iter_clauses(document.blocks) if c.number == "1.1")
    assert clause.text.startswith("Scheme of Delegation")


# 4. Rule headings printed with an abbreviation: "CPR 1 - ANNUAL MEETING".


def test_abbreviated_rule_headings_open_rules():
    found = _found(_fixture("rule_abbreviation_headings"))
    assert found[0] == ("CPR 1", None, "rule_1")
    assert ("(b)", "1.2", "rule_1__para_1-2__subpara_b") in found
    assert ("3.1", "CPR 3", "rule_3__para_3-1") in found


@pytest.mark.parametrize(
    "line", ["So 12 members are needed", "CPR applies to every meeting", "SOS 4 Alarm"]
)
def test_words_that_only_look_like_rule_abbreviations_open_nothing(line):
    assert container_word(line) is None


def test_other_rule_abbreviations_are_rules_too():
    found = container_word("FPR 12: Budget Monitoring")
    assert found is not None and found.word.element == "rule"
    assert (found.printed, found.number, found.rest) == ("FPR 12", "12", "Budget Monitoring")


# 5. A cited paragraph's number wrapped to a line start ("(b) below").


def test_a_cited_paragraph_at_a_line_start_is_no_item():
    document = _fixture("cited_paragraph_at_line_start")
    found = _found(document)
    assert [n[0] for n in found if n[0] == "(b)"] == ["(b)"]
    clause = next(
        c for c, *_ in iter_clauses(document.blocks) if c.anchor.endswith("1-1__subpara_a")
    )
    assert clause.text.startswith("Subject to (b) below, the scheme of delegation")
    records = next(
        c for c, *_ in iter_clauses(document.blocks) if c.anchor.endswith("1-2__subpara_a")
    )
    assert "and (b) to (d) of rule 2 apply" in records.text


def test_an_item_after_a_line_ending_on_to_is_still_an_item(tmp_path):
    text = (
        "Standing Orders\n\n1. Meetings\n\n1.1 The chair shall:\n"
        "(a) speak first and refer to\nthe agenda;\n(b) the minutes;\n(c) the accounts.\n"
    )
    found = _found(_convert(tmp_path, "orders.txt", text))
    assert [n[0] for n in found] == ["1.", "1.1", "(a)", "(b)", "(c)"]


# 7. A list item after a numbered lead-in, short or ending open, is never a section.


def test_items_under_a_numbered_lead_in_are_never_sections():
    found = _found(_fixture("items_under_numbered_lead_in"))
    assert ("1.", "2.2", "art_2__para_2-2__subpara_1") in found
    assert ("2.", "2.2", "art_2__para_2-2__subpara_2") in found
    assert ("2.3", "Article 2", "art_2__para_2-3") in found


def test_short_list_items_of_a_web_page_stay_in_their_clause(tmp_path):
    page = (
        "<html><body><h1>Constitution</h1><p>1. Membership</p>"
        "<p>1.1 The Council shall be made up of:</p><ol><li>Nine elected members</li>"
        "<li>Two co-opted members</li></ol><p>1.2 Members serve for four years.</p>"
        "<p>2. Meetings</p><p>2.1 The Council meets monthly.</p></body></html>"
    )
    document = _convert(tmp_path, "constitution.html", page)
    assert _found(document) == [
        ("1.", None, "sec_1"),
        ("1.1", "1.", "sec_1__para_1-1"),
        ("1.", "1.1", "sec_1__para_1-1__subpara_1"),
        ("2.", "1.1", "sec_1__para_1-1__subpara_2"),
        ("1.2", "1.", "sec_1__para_1-2"),
        ("2.", None, "sec_2"),
        ("2.1", "2.", "sec_2__para_2-1"),
    ]
    assert not _warnings(document)


def test_a_heading_after_an_unnumbered_lead_in_still_opens_its_section(tmp_path):
    text = (
        "Protocol\n\nThe sections of this protocol are as follows:\n\n1. Purpose\n\n"
        "1.1 This protocol guides members.\n\n2. Scope\n\n2.1 It applies to all members.\n"
    )
    found = _found(_convert(tmp_path, "protocol.txt", text))
    assert found[0] == ("1.", None, "sec_1") and found[2] == ("2.", None, "sec_2")


# 8. A title printed over two lines on a cover.


def test_a_two_line_cover_title_is_one_title():
    document = _fixture("cover_title_two_lines")
    assert document.metadata.title == "CODE OF CONDUCT FOR MEMBERS AND CO-OPTED MEMBERS"
    assert document.metadata.council == "Tarrow Borough Council"


def test_a_council_line_under_a_title_is_not_part_of_it(tmp_path):
    text = "CODE OF CONDUCT\nTARROW BOROUGH COUNCIL\n\n1. Application\n\n1.1 It applies.\n"
    document = _convert(tmp_path, "code.txt", text)
    assert document.metadata.title == "CODE OF CONDUCT"


# L4 (trial): lists restarting at a. under two unnumbered headings of a web page.


def test_lists_restarting_under_two_headings_are_printed_so(tmp_path):
    page = (
        "<html><body><h1>Scheme of Delegation</h1><h2>Powers of every Director</h2>"
        "<p>a. To manage their staff.</p><p>b. To sign contracts within budget.</p>"
        "<h2>Powers of the Director of Place</h2><p>a. To decide planning applications.</p>"
        "<p>b. To serve enforcement notices.</p></body></html>"
    )
    document = _convert(tmp_path, "scheme.html", page)
    assert [n[2] for n in _found(document)] == ["para_a", "para_b", "para_a_2", "para_b_2"]
    assert not _warnings(document)


def test_a_letter_printed_twice_in_one_list_still_warns(tmp_path):
    text = "Scheme\n\nPowers\n\na. To manage staff.\n\nb. To sign contracts.\n\na. To hire halls.\n"
    document = _convert(tmp_path, "scheme.txt", text)
    assert "duplicate-number" in _warnings(document)


# L5 (trial): "Part 4A of the Constitution of ..." under the title is a label line.


def test_the_place_in_the_constitution_under_the_title_is_a_label_line(tmp_path):
    made = docx.Document()
    made.add_heading("Contract Procedure Rules", 1)
    made.add_paragraph("Part 4D of the Constitution of Wexley Borough Council")
    made.add_paragraph("1. Scope")
    made.add_paragraph("1.1 These rules apply to every contract the council makes.")
    path = tmp_path / "rules.docx"
    made.save(str(path))
    document = convert_file(path)
    assert document.metadata.label == "Part 4D"
    assert ("label", "Part 4D of the Constitution of Wexley Borough Council") in [
        (kind, text) for kind, _line, text in document.title_lines
    ]
    assert not [b for b in document.blocks if isinstance(b, Heading)]
    assert _found(document)[0] == ("1.", None, "sec_1")


# A web page's contents box (an <aside> in its main text) whose entries come back.


def test_a_web_page_contents_box_whose_entries_come_back_is_no_warning(tmp_path):
    page = (
        "<html><body><main><h1>Constitution</h1><aside><nav><ol><li>Name</li><li>Area</li>"
        "<li>Meetings</li></ol></nav></aside><h2>1. Name</h2><p>1.1 The council is named.</p>"
        "<h2>2. Area</h2><p>2.1 The area is the parish.</p><h2>3. Meetings</h2>"
        "<p>3.1 The council meets monthly.</p></main></body></html>"
    )
    document = _convert(tmp_path, "constitution.html", page)
    assert [(d.kind, d.level) for d in document.dropped] == [("contents", "info")]
    assert not _warnings(document)


def test_a_note_set_aside_in_a_web_page_still_warns(tmp_path):
    page = (
        "<html><body><main><h1>Constitution</h1><aside><p>1. Name was changed in 2024 2. "
        "by resolution 3. of the council</p></aside><h2>1. Name</h2><p>1.1 It is named.</p>"
        "</main></body></html>"
    )
    document = _convert(tmp_path, "constitution.html", page)
    assert [d.kind for d in document.dropped] == ["aside-text"]


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_the_new_rules_read_in_linear_time(tmp_path):
    """Labelled indexes of page lists in paragraphs, titles over text, rule abbreviations,
    cited paragraphs at line starts, items under lead-ins and restarted lists, at n and
    2n: about twice the CPU time, measured in this process."""

    def text(n: int) -> str:
        index = "".join(f"{k}. Entry {k} {k}, {k + 1}\n\n" for k in range(1, 60))
        block = (
            "CPR {k} - RULE {k}\n\n{k}.1 Meetings\n\nThe chair presides.\n\n"
            "(a) Subject to\n(b) below, it applies.\n\n{k}.2 It is made of:\n\n"
            "1. five members and\n\n2. the mayor\n\nHeading {k}\n\na. One.\n\nb. Two.\n\n"
        )
        rules = "".join(block.format(k=k) for k in range(1, n + 1))
        return f"SCHEME OF RULES\nFOR THE COUNCIL\n\nINDEX\n\nPages\n{index}{rules}"

    assert_linear(tmp_path, text)
