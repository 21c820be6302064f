"""The failure classes of the eighth blind set of real council texts (issue 23), each on a
layout fixture of our own wording (tests/layouts) and, where a rule has two sides, on a
short text here: the numbers read, their parents and anchors, and the words kept."""

from __future__ import annotations

import pytest
from clausemark.model.document import iter_clauses
from real_texts import (
    LAYOUTS,
    assert_linear,
    convert_fixture,
    convert_text,
    found,
    found_anchors,
    headings,
    notes,
    warning_codes,
)

# 1. A run of container labels with nothing under any of them ('Article 1: ...',
# 'Appendix A – ...'): a list of titles kept as printed, every line alike.


def test_summary_article_lines_and_an_appendix_list_are_lines_as_printed():
    document = convert_fixture("article_summary_lines")
    assert [(n[0], n[2]) for n in found(document)] == [
        ("Article 1", "art_1"),
        ("1.1", "art_1__para_1-1"),
        ("1.2", "art_1__para_1-2"),
        ("Article 2", "art_2"),
        ("2.1", "art_2__para_2-1"),
        ("2.2", "art_2__para_2-2"),
    ]
    shown = notes(document)
    # long lines and short alike, each as printed, its label's words kept
    assert "Article 3:  Residents and visitors" in shown
    assert any(line.startswith("Article 2:  Councillors, their terms") for line in shown)
    assert "Appendix C – Planning Code of Good Practice" in shown
    assert not document.dropped


def test_the_last_label_of_a_run_with_clauses_under_it_stays_a_container(tmp_path):
    text = (
        "Hall Hire Conditions\n\nThe hall is let on these conditions.\n\n"
        "Appendix 1 – Fees\n\nAppendix 2 – Booking Form\n\nAppendix 3 – Keys\n\n"
        "Appendix 4 – Damage\n\n4.1 The hirer pays for any damage.\n\n"
        "4.2 The deposit is kept until the hall is checked.\n"
    )
    document = convert_text(tmp_path, "hall.txt", text)
    assert found(document) == [
        ("Appendix 4", None, "appendix_4"),
        ("4.1", "Appendix 4", "appendix_4__para_4-1"),
        ("4.2", "Appendix 4", "appendix_4__para_4-2"),
    ]
    assert notes(document)[-3:] == [
        "Appendix 1 – Fees",
        "Appendix 2 – Booking Form",
        "Appendix 3 – Keys",
    ]


def test_two_labels_with_text_between_them_stay_containers(tmp_path):
    text = (
        "Procedure Rules\n\nArticle 1 – Meetings\n\nMeetings are held in public.\n\n"
        "Article 2 – Voting\n\nVotes are taken by a show of hands.\n\n"
        "Article 3 – Minutes\n\nThe clerk takes the minutes.\n"
    )
    document = convert_text(tmp_path, "rules.txt", text)
    assert found_anchors(document) == ["art_1", "art_2", "art_3"]


# 2. An unlabelled contents list after the text began (after document-control rows and a
# sentence, or a council's name): contents when its entries come back; kept as printed
# when only its first does (the copy is cut); numbered clauses otherwise.


def test_an_unlabelled_list_after_control_rows_whose_entries_all_come_back_is_contents():
    document = convert_fixture("contents_after_control_rows")
    assert [n[2] for n in found(document) if "__" not in n[2]] == [
        "sec_1",
        "sec_2",
        "sec_3",
        "sec_4",
    ]
    left = [(d.line, d.kind, d.level, d.text) for d in document.dropped if d.kind == "contents"]
    assert left == [
        (11, "contents", "info", "Introduction"),
        (13, "contents", "info", "1. Purpose"),
        (15, "contents", "info", "2. Who the Policy Covers"),
        (17, "contents", "info", "3. Training Offered"),
        (19, "contents", "info", "4. Records"),
    ]
    assert headings(document)[0] == "INTRODUCTION"


def test_a_list_whose_first_entry_alone_comes_back_is_kept_as_printed():
    document = convert_fixture("contents_cut_before_entries")
    assert found(document) == [
        ("1.", None, "sec_1"),
        ("1.1", "1.", "sec_1__para_1-1"),
        ("1.2", "1.", "sec_1__para_1-2"),
        ("1.3", "1.", "sec_1__para_1-3"),
    ]
    assert notes(document)[:3] == [
        "1. Who May Apply for a Plot",
        "2. Rents and Deposits",
        "4. Ending a Tenancy",
    ]
    assert not [d for d in document.dropped if d.kind.startswith("contents")]


def test_short_numbered_lines_whose_first_never_comes_back_stay_clauses(tmp_path):
    text = (
        "Committees\n\nThe council has these committees\n\n1. Planning\n\n2. Licensing\n\n"
        "3. Audit\n\nEach committee meets monthly.\n"
    )
    document = convert_text(tmp_path, "committees.txt", text)
    assert [n[0] for n in found(document)] == ["1.", "2.", "3."]
    assert not any(line[:2] in ("1.", "2.", "3.") for line in notes(document))


# 2d. The last entry of a dotted contents list, cut before its leader where the copy stops.

DOTTED = (
    "Procedure Rules\n\nThis copy is kept for reference.\n\n"
    "1. Annual Meeting ........................ 3\n\n"
    "2. Ordinary Meetings ..................... 4\n\n"
    "3. Quorum ................................ 5\n\n"
)


def test_an_entry_cut_before_its_leader_at_the_end_of_the_text_is_the_lists():
    document = convert_fixture("contents_cut_last_entry")
    assert found(document) == []
    left = [(d.line, d.level) for d in document.dropped]
    assert left[-1] == (18, "warning")
    assert "4. * Order of Business at the Ann" in [d.text for d in document.dropped]


def test_a_sentence_or_a_heading_with_text_after_a_dotted_list_stays_text(tmp_path):
    sentence = convert_text(tmp_path, "a.txt", DOTTED + "4. The chair may adjourn.\n")
    assert [n[0] for n in found(sentence)] == ["4."]
    heading = convert_text(
        tmp_path, "b.txt", DOTTED + "4. Order of Business\n\n4.1 The chair sets it.\n"
    )
    assert [n[0] for n in found(heading)] == ["4.", "4.1"]


# 4. A web page's footnote printed as an item of a bulleted list ("• [4] ..."), straight
# after its section: the footnote (its sub-items too), never an item numbered "[4]".


def test_a_bulleted_note_is_the_footnote_of_a_marker_in_a_heading():
    from clausemark.render.markdown_writer import render_document

    document = convert_fixture("web_footnote_bullets")
    assert "[4]" not in [n[0] for n in found(document)]
    [note] = document.footnotes
    assert (note.label, note.missing) == ("4", False)
    assert note.text.endswith("the mayor; the deputy mayor; the chair of a committee.")
    assert not [w for w in document.warnings if w.code in ("footnote", "lost-words")]
    page = render_document(document)
    # the marker stays where it is printed; the contents and menu read the title without it
    assert 'data-toc-label="12. Chairing Meetings and Votes"' in page
    assert 'Chairing Meetings <sup class="cm-fnref" id="fnref:4">' in page


def test_a_bulleted_bracketed_number_with_no_marker_is_no_footnote(tmp_path):
    text = (
        "Rules\n\n1. The clerk keeps these registers:\n\n  • [1] the register of members;\n"
        "  • [2] the register of gifts.\n\n2. The registers are open to the public.\n"
    )
    document = convert_text(tmp_path, "rules.txt", text)
    assert not document.footnotes
    shown = " ".join(c.text for c, *_ in iter_clauses(document.blocks))
    assert "the register of members" in shown and "the register of gifts" in shown


# 3a. A roman list going on across an unnumbered line that heads its second part.


def test_a_roman_list_goes_on_across_a_line_that_heads_its_second_part():
    document = convert_fixture("roman_list_across_cross_heading")
    assert [(n[0], n[1]) for n in found(document)][8:] == [
        ("(ix)", None),
        ("(x)", None),
        ("(xi)", None),
        ("(xii)", None),
    ]


def test_a_roman_list_goes_on_after_a_lead_in_line_ending_in_a_colon(tmp_path):
    path = LAYOUTS / "roman_list_across_cross_heading.txt"
    text = path.read_text(encoding="utf-8").replace("\nHousing\n", "\nHousing:\n")
    text = text.replace("\nLeisure and Parks\n", "\nLeisure and Parks:\n")
    document = convert_text(tmp_path, "panel.txt", text)
    assert found_anchors(document)[8:] == [
        "para_ix",  # a lead-in adds no level (lead ruling 2026-12-07)
        "para_x",
        "para_xi",
        "para_xii",
    ]


def test_a_letter_list_then_a_heading_then_i_starts_a_roman_list(tmp_path):
    text = (
        "Panel Rules\n\nThe panel may:\n\n(a) meet in public;\n\n(b) hear witnesses.\n\n"
        "The clerk must:\n\n(i) keep the minutes;\n\n(ii) publish them.\n"
    )
    document = convert_text(tmp_path, "panel.txt", text)
    assert found_anchors(document) == [
        "para_a",  # a lead-in adds no level (lead ruling 2026-12-07)
        "para_b",
        "para_i",
        "para_ii",
    ]


# 3b. Decimals '2.1', '2.2' after section '1.' with no '2.' printed.


def test_decimals_of_the_next_section_leave_the_open_one():
    document = convert_fixture("decimals_without_their_section")
    assert [n[1:] for n in found(document)][:3] == [
        (None, "sec_1"),
        (None, "para_2-1"),
        (None, "para_2-2"),
    ]
    assert not [w for w in document.warnings if "under section" in w.message]


def test_a_misprinted_decimal_among_its_sections_clauses_stays_in_it(tmp_path):
    text = (
        "Rules\n\n1. Meetings\n\n2.1 The council meets monthly.\n\n"
        "1.2 The chair presides.\n\n1.3 Minutes are kept.\n"
    )
    document = convert_text(tmp_path, "rules.txt", text)
    assert [n[1] for n in found(document)] == [None, "1.", "1.", "1."]
    assert any("2.1 is printed under section 1" in w.message for w in document.warnings)


# 3d. A web page's inner list item holding a bulleted list of its own: the next inner
# items go on with the inner list.


def test_bullets_set_in_under_an_inner_item_are_its_own_in_a_web_page(tmp_path):
    page = (
        "<html><body><h1>Our Constitution</h1><ol><li>Part 1 - Summary;</li>"
        "<li>Part 2 - Articles:<ol><li>Members;</li><li>Committees, updated 2025;"
        "<ul><li>Planning;</li><li>Audit;</li></ul></li><li>Officers;</li></ol></li>"
        "<li>Part 3 - Procedure Rules.</li></ol></body></html>"
    )
    document = convert_text(tmp_path, "constitution.html", page)
    assert [(n[0], n[1], n[2]) for n in found(document)] == [
        ("1.", None, "para_1"),
        ("2.", None, "para_2"),
        ("1.", "2.", "para_2__subpara_1"),
        ("2.", "2.", "para_2__subpara_2"),
        ("3.", "2.", "para_2__subpara_3"),
        ("3.", None, "para_3"),
    ]
    assert "duplicate-number" not in warning_codes(document)


def test_bullets_at_the_margin_of_the_items_stay_their_siblings(tmp_path):
    text = (
        "Hall Rules\n\n1. The hall is let by the clerk, who keeps:\n\n(a) the diary;\n\n"
        "(b) the keys;\n\n- a note of damage;\n\n(c) the deposit book.\n"
    )
    document = convert_text(tmp_path, "hall.txt", text)
    assert [n[1] for n in found(document)] == [None, "1.", "1.", "1."]


# 3c. Sections titled by questions ("2. How can I submit a petition?"), with a Word
# sub-heading (Heading 3) inside one: its clauses after the sub-heading stay in it.


def test_a_question_section_keeps_its_clauses_after_a_sub_heading_in_word(tmp_path):
    import docx
    from clausemark.convert import convert_file

    word = docx.Document()
    word.add_heading("Guide to Our Petition Scheme", level=1)
    for text, style in [
        ("1. What is a petition?", None),
        ("1.1 A petition is a request to the council.", None),
        ("2. How can I submit a petition?", None),
        ("2.1 A petition needs at least 25 signatures.", None),
        ("Checking a Petition", "Heading 3"),
        ("2.2 We check every petition within ten working days.", None),
    ]:
        word.add_paragraph(text, style=style)
    path = tmp_path / "guide.docx"
    word.save(str(path))
    document = convert_file(path)
    assert found(document)[-1] == ("2.2", "2.", "sec_2__para_2-2")
    assert "Checking a Petition" in headings(document)


def test_a_question_with_nothing_under_it_stays_a_clause(tmp_path):
    # lead ruling R8 (session 11): a question over its own text is a numbered heading
    # ('1. Who may attend?' over 'Anyone may attend.'); with nothing under it, a clause
    text = "Questions\n\n1. Who may attend?\n\nAnyone may attend.\n\n2. Is there a fee?\n"
    document = convert_text(tmp_path, "faq.txt", text)
    assert found_anchors(document) == ["sec_1", "para_2"]


@pytest.mark.build
def test_the_eighth_sets_rules_stay_linear(tmp_path):
    def text(n: int) -> str:
        articles = "".join(f"Article {i}: Title of article {i}\n\n" for i in range(1, n))
        entries = "".join(f"{i}. Entry Title {i}\n\n" for i in range(1, n))
        sections = "1. Entry Title 1\n\n1.1 The text of rule 1.\n\n"
        lists = "".join(f"{i}. Short {i}\n\n{i + 1}. Short\n\nA sentence.\n\n" for i in range(n))
        return f"Rules\n\nA sentence.\n\n{articles}A sentence.\n\n{entries}{lists}{sections}"

    assert_linear(tmp_path, text)
