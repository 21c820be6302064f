"""Forms found on real council web pages and Word exports (measured on real texts kept
outside the repository; these fixtures are our own wording): short dot leaders, a
contents list's column heads over page numbers after one space, a labelled list whose
first entry is the next heading, an unlisted heading after an "On this page:" list,
a web page's controls and breadcrumb, a paragraph printed with the next section's
number, and a document whose one numbered section names it."""

from __future__ import annotations

import docx
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses, iter_headings, iter_notes
from clausemark.parse.drops import drop_summary
from real_texts import anchors as _anchors
from real_texts import convert_text as _convert
from real_texts import headings as _headings


def _lost(document) -> list[str]:
    return [w.message for w in document.warnings if w.code == "lost-words"]


BODY = """1. MEETINGS
1.1 The council meets monthly.

2. QUORUM
2.1 Three councillors form a quorum.

3. VOTING
3.1 Questions are decided by a majority.
"""


def test_short_dot_leaders_after_the_text_began_are_a_contents_list(tmp_path):
    text = (
        "Standing Orders\n\nThe clerk keeps these orders under review.\n\n"
        "1.  MEETINGS.. 2\n\n2.  QUORUM.. 3\n\n3.  VOTING.. 3\n\n" + BODY
    )
    document = _convert(tmp_path, "so.txt", text)
    assert _headings(document) == ["1. MEETINGS", "2. QUORUM", "3. VOTING"]
    assert [d.line for d in document.dropped if d.kind == "contents"] == [5, 7, 9]
    assert {d.level for d in document.dropped} == {"info"}
    assert _anchors(document) == ["sec_1__para_1-1", "sec_2__para_2-1", "sec_3__para_3-1"]
    assert not _lost(document)


def test_short_dot_leaders_whose_entries_never_come_back_warn_and_make_no_clause(tmp_path):
    text = (
        "Standing Orders\n\nThe clerk keeps these orders.\n\n1.  MEETINGS.. 2\n\n2.  QUORUM.. 3\n"
    )
    document = _convert(tmp_path, "so.txt", text)
    assert not list(iter_headings(document.blocks))
    assert [d.level for d in document.dropped] == ["warning", "warning"]
    warned = [w.message for w in document.warnings if w.code == "dropped"]
    assert len(warned) == 1 and "lines 5-7" in warned[0]


def test_two_dots_inside_a_sentence_are_no_leader(tmp_path):
    text = "Standing Orders\n\n1. The hall opens at 7.30.. The meeting starts at 8\n"
    document = _convert(tmp_path, "so.txt", text)
    assert not document.dropped
    assert _headings(document) == ["1. The hall opens at 7.30.. The meeting starts at 8"]


def test_column_heads_over_one_space_page_numbers_are_a_contents_list(tmp_path):
    text = (
        "Financial Regulations\n\nPara No Subject Page No\n1. MEETINGS 1\n2. QUORUM 1\n"
        "3. VOTING 2\n\n" + BODY
    )
    document = _convert(tmp_path, "fr.txt", text)
    assert [d.line for d in document.dropped] == [3, 4, 5, 6]
    assert {d.level for d in document.dropped} == {"info"}
    assert _headings(document) == ["1. MEETINGS", "2. QUORUM", "3. VOTING"]


def test_a_number_table_under_a_heading_that_is_no_label_is_kept(tmp_path):
    text = (
        "Standing Orders\n\n1. Quorums\n1.1 The quorum of each committee is:\n\n"
        "Planning Committee 3\nLicensing Committee 3\nAudit Committee 4\n"
    )
    document = _convert(tmp_path, "so.txt", text)
    assert not document.dropped
    assert not _lost(document)


def test_a_labelled_list_whose_first_entry_is_the_next_heading_is_never_made_clauses(tmp_path):
    text = (
        "Standing Orders\n\nContents\n\n1. Meetings\n\n2. Chair of the meeting\n\n"
        "3. Records\n\n4. Voting\n\n1. Meetings\n1.1 The council meets monthly.\n\n"
        "2. Chairing meetings\n2.1 The chair presides.\n\n3. Records\n3.1 Minutes are kept.\n"
    )
    document = _convert(tmp_path, "so.txt", text)  # half of its entries come back: a guess
    assert _headings(document) == ["1. Meetings", "2. Chairing meetings", "3. Records"]
    assert [d.line for d in document.dropped] == [3, 5, 7, 9, 11]
    assert {d.level for d in document.dropped} == {"warning"}
    assert _anchors(document) == ["sec_1__para_1-1", "sec_2__para_2-1", "sec_3__para_3-1"]


def test_a_labelled_list_most_of_whose_entries_come_back_nowhere_is_shown_as_printed(tmp_path):
    text = (
        "Standing Orders\n\nContents\n\n1. Meetings\n\n2. Chair of the meeting\n\n"
        "3. Records\n\n1. Meetings\n1.1 The council meets monthly.\n\n"
        "2. Chairing meetings\n2.1 The chair presides.\n"
    )
    document = _convert(tmp_path, "so.txt", text)
    assert not document.dropped and not document.warnings
    assert _headings(document) == ["Contents", "1. Meetings", "2. Chairing meetings"]
    notes = [n.text for n, _ in iter_notes(document.blocks)]
    assert notes == ["1. Meetings", "2. Chair of the meeting", "3. Records"]  # as printed
    assert _anchors(document) == ["sec_1__para_1-1", "sec_2__para_2-1"]


LOBBY = [
    "On this page:",
    "Who may lobby a councillor",
    "Recording contact",
    "Introduction",
    "This guidance is for councillors who are approached about a decision.",
    "1. Who may lobby a councillor",
    "1.1 Anyone may write to a councillor about a matter before the council.",
    "2. Recording contact",
    "2.1 A councillor keeps a short note of each meeting.",
]


def _lobby_checks(document):
    assert _headings(document) == [
        "Introduction",
        "1. Who may lobby a councillor",
        "2. Recording contact",
    ]
    assert [d.text.lstrip("- ") for d in document.dropped if d.kind == "contents"] == LOBBY[:3]
    assert {d.level for d in document.dropped if d.kind == "contents"} == {"info"}
    assert _anchors(document) == ["sec_1__para_1-1", "sec_2__para_2-1"]
    assert not _lost(document)


def test_an_unlisted_heading_after_an_on_this_page_list_is_kept_in_text(tmp_path):
    _lobby_checks(_convert(tmp_path, "lobby.txt", "Lobbying\n\n" + "\n\n".join(LOBBY) + "\n"))


def test_an_unlisted_heading_after_an_on_this_page_list_is_kept_in_word(tmp_path):
    made = docx.Document()
    made.add_heading("Lobbying", 1)
    for index, text in enumerate(LOBBY):
        if index == 3 or text[:2] in ("1.", "2."):
            made.add_heading(text, 2)
        else:
            made.add_paragraph(text)
    path = tmp_path / "lobby.docx"
    made.save(str(path))
    _lobby_checks(convert_file(path))


def test_an_unlisted_heading_after_an_on_this_page_list_is_kept_in_a_web_page(tmp_path):
    page = (
        "<html><body><h1>Lobbying</h1><p>On this page:</p><ul>"
        '<li><a href="#a">Who may lobby a councillor</a></li>'
        '<li><a href="#b">Recording contact</a></li></ul><h2>Introduction</h2>'
        f"<p>{LOBBY[4]}</p><h2 id='a'>{LOBBY[5]}</h2><p>{LOBBY[6]}</p>"
        f"<h2 id='b'>{LOBBY[7]}</h2><p>{LOBBY[8]}</p></body></html>"
    )
    _lobby_checks(_convert(tmp_path, "lobby.html", page))


def test_a_reworded_last_entry_is_shown_as_printed_not_left_out(tmp_path):
    # 'Help' comes back as 'Getting help': it cannot be told from an unlisted heading, so
    # it is kept where it is printed (nothing lost, nothing numbered made of it)
    text = (
        "Lobbying\n\nOn this page:\n\nWho may lobby\n\nRecording\n\nHelp\n\n"
        "1. Who may lobby\n1.1 Anyone may write.\n\n2. Recording\n2.1 Notes are kept.\n\n"
        "Getting help\n\nHelp is given by the clerk.\n"
    )
    document = _convert(tmp_path, "lobby.txt", text)
    assert [d.line for d in document.dropped] == [3, 5, 7]
    assert _headings(document)[:2] == ["Help", "1. Who may lobby"]
    assert _anchors(document) == ["sec_1__para_1-1", "sec_2__para_2-1"]
    assert not _lost(document)


def test_web_page_controls_are_left_out_with_an_info_line(tmp_path):
    text = "Skip to main content\n\nStanding Orders\n\n1. Meetings are monthly.\n\nBack to top\n"
    document = _convert(tmp_path, "so.txt", text)
    assert [(d.line, d.kind, d.level) for d in document.dropped] == [
        (1, "web-furniture", "info"),
        (7, "web-furniture", "info"),
    ]
    assert document.metadata.title == "Standing Orders"
    summary = [issue.message for issue in drop_summary(document)]
    assert summary == ["left out as web page control copied with the text: lines 1, 7"]


def test_one_line_left_out_is_named_as_line_not_lines(tmp_path):
    document = _convert(tmp_path, "so.txt", "Skip to content\n\nStanding Orders\n\n1. Text.\n")
    assert [issue.message for issue in drop_summary(document)] == [
        "left out as web page control copied with the text: line 1"
    ]


def test_a_breadcrumb_over_a_section_title_line_is_its_label_line(tmp_path):
    text = (
        "Constitution\n\nSection 9: A Protocol on Site Visits\n\n1. Purpose\n\n"
        "1.1 This protocol explains site visits.\n"
    )
    document = _convert(tmp_path, "p.txt", text)
    meta = document.metadata
    assert (meta.title, meta.label) == ("A Protocol on Site Visits", "Section 9")
    assert document.title_lines[0] == ("label", 1, "Constitution")
    assert _anchors(document) == ["sec_1__para_1-1"]


def test_a_constitution_title_under_a_council_is_the_title(tmp_path):
    text = (
        "Holmleigh Borough Council\nThe Constitution\n\nPart 4 - Rules of Procedure\n\n"
        "Rule 1 - Meetings\n1.1 The council meets monthly.\n\nRule 2 - Quorum\n2.1 Ten.\n"
    )
    document = _convert(tmp_path, "c.txt", text)
    assert document.metadata.title == "The Constitution"


def test_a_council_line_after_headings_stays_where_it_is_printed(tmp_path):
    text = (
        "Documents\n\nHolmleigh Parish Council Standing Orders\n\nPublished in June 2024\n\n"
        "HOLMLEIGH PARISH COUNCIL\n\n1. Meetings\n1.1 The council meets monthly.\n"
    )
    document = _convert(tmp_path, "so.txt", text)
    assert document.metadata.title == "Holmleigh Parish Council Standing Orders"
    assert not _lost(document)


def test_a_paragraph_with_the_next_sections_number_is_no_clause_of_the_section(tmp_path):
    text = (
        "Financial Regulations\n\n1. General\n1.1 These regulations apply.\n\n"
        "2. In these regulations proper practices means the national guidance.\n\n"
        "3. Budgets\n3.1 The budget is set in January.\n"
    )
    document = _convert(tmp_path, "fr.txt", text)
    assert _anchors(document) == ["sec_1__para_1-1", "para_2", "sec_3__para_3-1"]


def test_a_document_whose_one_numbered_section_names_it(tmp_path):
    text = "7. Delegation of Functions\n\n7.1. The Leader publishes a scheme.\n\n7.2. It is kept.\n"
    document = _convert(tmp_path, "article-7.txt", text)
    assert document.metadata.title == "Delegation of Functions"
    assert _headings(document) == ["7. Delegation of Functions"]


def test_the_next_clause_number_run_into_a_paragraph_opens_its_clause(tmp_path):
    text = (
        "Protocol\n\n1.  Scope\n\n1.1  It applies to all.\n\n"
        "1.2  It is read with the code. 1.3    It is reviewed yearly.\n"
    )
    document = _convert(tmp_path, "p.txt", text)
    texts = {c.number: c.text for c, *_ in iter_clauses(document.blocks)}
    assert texts == {
        "1.1": "It applies to all.",
        "1.2": "It is read with the code.",
        "1.3": "It is reviewed yearly.",
    }
    assert not _lost(document)


def test_a_cited_number_or_one_out_of_turn_stays_in_its_sentence(tmp_path):
    text = (
        "Protocol\n\n1.  Scope\n\n1.1  It applies to all, as in 1.2.  This is so.\n\n"
        "1.2  It is read with the code. 1.4    It is reviewed yearly.\n"
    )
    document = _convert(tmp_path, "p.txt", text)
    assert [c.number for c, *_ in iter_clauses(document.blocks)] == ["1.1", "1.2"]


def test_a_numbered_heading_in_capitals_after_a_sentence_opens_its_section(tmp_path):
    text = (
        "Standing Orders\nThese orders were adopted by the council on 14 May 2024.\n1 MEETINGS\n"
        "a The council meets monthly.\nb Notice is given.\n"
    )
    document = _convert(tmp_path, "so.txt", text)
    assert _headings(document) == ["1 MEETINGS"]
    assert _anchors(document) == ["sec_1__para_a", "sec_1__para_b"]
    assert document.metadata.adopted == "2024-05-14"


def test_a_wrapped_sentence_going_on_in_lower_case_after_a_number_stays_joined(tmp_path):
    text = "Standing Orders\n\n1. The council meets on the first Monday.\nIt meets in\n2 rooms.\n"
    document = _convert(tmp_path, "so.txt", text)
    texts = [c.text for c, *_ in iter_clauses(document.blocks)]
    assert texts == ["The council meets on the first Monday. It meets in 2 rooms."]


def test_a_bulleted_list_of_numbered_links_makes_no_clause(tmp_path):
    text = (
        "Rules on Questions\nBelow are the rules.\n- 1 - Introduction\n- 2 - Notice\n"
        "- 3 - Answers\n12. A member of the public may ask one question.\n"
    )
    document = _convert(tmp_path, "q.txt", text)
    assert _anchors(document)[-1] == "para_12"
    assert [c.number for c, *_ in iter_clauses(document.blocks) if c.number] == ["12."]
    assert not _lost(document)


def test_a_bulleted_clause_number_is_still_read(tmp_path):
    text = "Code\n\n1. General\n\n- 1.1. Do treat others with respect\n- 1.2. Do not bully\n"
    document = _convert(tmp_path, "c.txt", text)
    assert [c.number for c, *_ in iter_clauses(document.blocks)] == ["1.1.", "1.2."]


def test_an_appendix_line_under_the_title_is_its_label_and_a_repeat_is_left_out(tmp_path):
    text = (
        "top of page\nPARISH COUNCIL\nCode of Conduct\nAppendix C\nAppendix C\n"
        "A member registers:\n(i) a body;\n(ii) a gift.\nbottom of page\n"
    )
    document = _convert(tmp_path, "c.txt", text)
    meta = document.metadata
    assert (meta.title, meta.label, meta.council) == ("Code of Conduct", "Appendix C", None)
    assert [(d.line, d.kind) for d in document.dropped] == [
        (1, "web-furniture"),
        (9, "web-furniture"),
        (5, "heading-repeat"),
    ]
    assert _anchors(document) == ["para_1", "para_i", "para_ii"]  # the lead-in: no level
    assert not _lost(document)


def test_a_part_under_the_title_still_holds_the_rest(tmp_path):
    text = "The Constitution\nPart 4\nRule 1 Meetings\n1.1 The council meets monthly.\n"
    document = _convert(tmp_path, "c.txt", text)
    assert _anchors(document) == ["part_4__rule_1__para_1-1"]


def test_a_numbered_heading_after_the_same_words_is_no_repeat(tmp_path):
    document = _convert(tmp_path, "m.txt", "Members Members\n\n1. Members Members\n")
    assert not document.dropped
    assert not _lost(document)


def test_a_label_blank_lines_above_its_guessed_list_is_one_warning(tmp_path):
    text = (
        "Standing Orders\n\nThese orders are reviewed yearly.\n\nIndex\n\n \n\n"
        "Meetings 1          Voting 9\nQuorum 6          Minutes 12\n"
        "Chair 4          Expenditure 39\n"
    )
    document = _convert(tmp_path, "so.txt", text)
    warned = [w.message for w in document.warnings if w.code == "dropped"]
    assert len(warned) == 1 and warned[0].startswith("lines 5-11 left out")


def test_lettered_and_roman_items_are_structure_enough_for_no_warning(tmp_path):
    text = "Code of Conduct\n\nA member registers:\n(i) a body;\n(ii) a gift.\n"
    document = _convert(tmp_path, "c.txt", text)
    assert not [w for w in document.warnings if "no headings or clause numbers" in w.message]
    plain = _convert(tmp_path, "p.txt", "Guidance\n\nOne paragraph.\n\nAnother paragraph.\n")
    assert [w for w in plain.warnings if "no headings or clause numbers" in w.message]
