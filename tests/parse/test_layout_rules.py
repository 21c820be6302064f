"""General layout rules of the parser (issue 10), one short text each: the anchors each
printed number gets, what is dropped, and what becomes metadata."""

from __future__ import annotations

from clausemark.model.document import Table
from clausemark.model.records import clause_records
from clausemark.parse.parser import parse
from clausemark.readers.text import SourceText
from clausemark.render.fidelity import lost_words


def convert(text: str):
    source = SourceText("rules.txt", text)
    document = parse(source, "rules")
    assert lost_words(source, document) == []
    return document


def anchors(text: str) -> dict[str, str]:
    return {r.number: r.anchor for r in clause_records(convert(text)) if r.number}


def test_word_tab_export_is_text_not_a_stack_of_one_row_tables():
    document = convert("Code\n\n1.\tIntroduction\n1.1\tYou must act.\n1.2\tYou must not.\n")
    assert not [b for b in document.blocks if isinstance(b, Table)]
    assert anchors("Code\n\n1.\tIntroduction\n1.1\tYou must act.\n") == {"1.1": "sec_1__para_1-1"}


def test_decimal_numbers_nest_under_their_printed_prefix_to_any_depth():
    found = anchors("Code\n\n1. Scope\n1.6 Text:\n1.6.1 more;\n1.6.1.1 deeper.\n1.7. Next.\n")
    assert found == {
        "1.6": "sec_1__para_1-6",
        "1.6.1": "sec_1__para_1-6__subpara_1-6-1",
        "1.6.1.1": "sec_1__para_1-6__subpara_1-6-1__item_1-6-1-1",
        "1.7.": "sec_1__para_1-7",
    }


def test_statutory_compound_numbers_and_inserted_numbers():
    found = anchors(
        "Rules\n\nMeetings\n2.—(1) The council meets.\n(2) The Chair presides:\n"
        "(a) at every meeting;\n(i) unless absent.\n(2A) An inserted rule.\n"
    )
    assert found == {
        "2.—": "para_2",
        "(1)": "para_2__subpara_1",
        "(2)": "para_2__subpara_2",
        "(a)": "para_2__subpara_2__item_a",
        "(i)": "para_2__subpara_2__item_a__item_i",
        "(2A)": "para_2__subpara_2A",
    }


def test_quoted_provisions_of_an_amending_text_stay_in_the_quoting_clause():
    text = (
        "Amendments\n\n1. After paragraph (2) insert—\n“(2A) The Clerk keeps a record.\n"
        "(2B) The record is open to members.”\n2. This takes effect at once.\n"
    )
    assert anchors(text) == {"1.": "para_1", "2.": "para_2"}


def test_headings_in_words_make_their_element_and_nest():
    found = anchors(
        "Constitution\n\nPart 4 – Rules of Procedure\n\nRule 4 Notice\n4.1 Notice is given.\n\n"
        "Schedule 1\n1. Forms.\n"
    )
    assert found == {"4.1": "part_4__rule_4__para_4-1", "1.": "schedule_1__para_1"}


def test_an_unnumbered_heading_closes_the_numbered_section_above_it():
    found = anchors("Code\n\n1. Scope\n1.1 Text.\n\nSigning\n(a) The Chair signs.\n(b) Dated.\n")
    assert found == {"1.1": "sec_1__para_1-1", "(a)": "para_a", "(b)": "para_b"}


def test_running_page_footers_are_dropped_and_the_clause_joins_up():
    document = convert(
        "Orders\n\n1. Meetings\n1.1 The council meets\nOrders Page 2\nevery month.\n"
        "1.2 Text.\nOrders Page 3\n"
    )
    texts = {r.number: r.text for r in clause_records(document)}
    assert texts["1.1"] == "The council meets every month."
    assert [d.reason for d in document.dropped] == ["running page header or footer"] * 2


def test_contents_list_with_spaced_page_numbers_is_dropped():
    document = convert(
        "Code\n\nIndex\nPart 1    Introduction    3\nPart 2    Obligations    4\n\n"
        "Part 1 Introduction\n1. Text.\n\nPart 2 Obligations\n2. Text.\n"
    )
    assert {r.number: r.anchor for r in clause_records(document)} == {
        "1.": "part_1__para_1",
        "2.": "part_2__para_2",
    }
    assert sum(d.reason == "printed contents list" for d in document.dropped) == 3


def test_document_control_lines_are_metadata_not_headings():
    document = convert(
        "Kestrel Town Council Standing Orders\nVersion: 4\nAdopted: 14 May 2025\n"
        "Minute reference: 25/061\nNext review: May 2026\n\n1. Meetings\n1.1 Text.\n"
    )
    meta = document.metadata
    assert (meta.title, meta.council, meta.version, meta.adopted, meta.minute) == (
        "Kestrel Town Council Standing Orders",
        "Kestrel Town Council",
        "4",
        "2025-05-14",
        "25/061",
    )
    assert meta.next_review == "2026-05"


def test_titles_two_lines_council_sentence_draft_and_no_invented_council():
    meta = convert("Oak Town Council\nComplaints Procedure\n\n1. Scope\n1.1 Text.\n").metadata
    assert (meta.title, meta.council) == ("Complaints Procedure", "Oak Town Council")
    meta = convert("DRAFT STANDING ORDERS\n\n1. Meetings\n1.1 The council meets.\n").metadata
    assert (meta.status, meta.council) == ("draft", None)
    meta = convert("Code of Conduct\nFen Parish Council has adopted this Code.\n\n1. A\n").metadata
    assert (meta.title, meta.council) == ("Code of Conduct", "Fen Parish Council")


def test_a_number_inside_a_wrapped_sentence_is_not_a_clause():
    found = anchors("Rules\n\n2. Plots\n2.2 A shed must stand at least\n1.5 metres away.\n")
    assert found == {"2.2": "sec_2__para_2-2"}


def test_an_address_wrapped_to_a_line_start_is_no_clause():
    """A house or flat number wrapped to the start of a line ('... from the resident of' /
    '2.1 Mill Court about parking', '14  High Street'): the line above stops on a word
    no sentence ends on, and the number does not come next in the numbering. The words
    stay in clause 1.1; no clause 2.1 or 14 is invented (attack13, session 12)."""
    for address in ("2.1 Mill Court", "14  High Street", "Flat 3 at 12 Mill Lane"):
        document = convert(
            "Minutes\n\n1. Correspondence\n\n1.1 A letter was received from the resident of\n"
            f"{address} about parking in the lane.\n\n1.2 The Clerk will reply.\n"
        )
        found = {r.number: r.anchor for r in clause_records(document)}
        assert found == {"1.1": "sec_1__para_1-1", "1.2": "sec_1__para_1-2"}, address
        text = next(r.text for r in clause_records(document) if r.number == "1.1")
        assert text.endswith(f"resident of {' '.join(address.split())} about parking in the lane.")


def test_a_clause_after_a_line_ending_open_still_starts_where_it_comes_next():
    """The guard's other side: 1.2 comes next after 1.1, so it starts a clause even under a
    line ending on 'of' (a clause cut short in the source is still printed as cut)."""
    found = anchors(
        "Minutes\n\n1. Items\n\n1.1 The Clerk wrote on behalf of\n1.2 Members noted it.\n"
    )
    assert found == {"1.1": "sec_1__para_1-1", "1.2": "sec_1__para_1-2"}


def test_a_clause_going_up_a_level_under_a_line_ending_open_still_starts():
    """1.7 after 1.6.4 comes next too (the next sibling of the clause 1.6.4 is inside),
    though the line above stops on 'the' (a code of conduct copied from a web page)."""
    found = anchors(
        "Code\n\n1. Members\n\n1.6 Do not intimidate any person who is:\n1.6.1 a complainant\n"
        "1.6.2 do anything which compromises the\n1.7 Impartiality of officers.\n"
    )
    assert found["1.7"] == "sec_1__para_1-7"


def test_an_unnumbered_heading_inside_a_section_whose_numbering_goes_on_stays_inside():
    found = anchors("Code\n\nSection 1: Introduction\n\nMy Responsibilities\n1.1 I must act.\n")
    assert found == {"1.1": "sec_1__para_1-1"}


def test_a_part_heading_printed_on_every_page_is_a_running_header():
    page = "Part 5 – Codes and Protocols\n"
    document = convert(
        f"Protocol\n\n{page}1. Scope\n1.1 Text one.\n{page}1.2 Text two.\n{page}1.3 Three.\n"
    )
    assert {r.number: r.anchor for r in clause_records(document)}["1.3"] == "sec_1__para_1-3"
    assert [d.line for d in document.dropped] == [3, 6, 8]


def test_section_151_officer_is_an_officer_and_article_12_officers_an_article():
    document = convert(
        "Protocol\n\nSection 151 Officer\nKeeps the accounts.\n\nArticle 12 – Officers\n1. Text.\n"
    )
    assert {r.number: r.anchor for r in clause_records(document)} == {"1.": "art_12__para_1"}


def test_an_annex_keeps_its_own_numbering_after_an_unnumbered_heading():
    found = anchors(
        "Code\n\nSection 3: Conduct\n3.1 Text.\n\nANNEX A: BREACHES\n\nIntroduction\n1. A.\n"
    )
    assert found == {"3.1": "sec_3__para_3-1", "1.": "annex_A__para_1"}


def test_an_adoption_line_under_the_title_is_metadata_not_a_heading():
    document = convert("Protocol\nAdopted by Council on 12 July 2023\n\n1. Scope\n1.1 Text.\n")
    assert document.metadata.adopted == "2023-07-12"
    assert not [h for h in document.blocks if getattr(h, "title", "").startswith("Adopted")]


def test_a_text_that_starts_with_article_1_opens_the_article():
    found = anchors(
        "Article 1 – The Constitution\n\n1.01 Powers\nText.\n\nArticle 2 – Members\n2.01 A.\n"
    )
    assert found == {"1.01": "art_1__para_1-01", "2.01": "art_2__para_2-01"}


def test_the_last_of_a_list_of_short_numbered_clauses_is_no_heading():
    found = anchors(
        "Roles\n\nThe officers are:\n\n1. Chair\n2. Vice-Chair\n3. Clerk\n\nEach is elected.\n"
    )
    assert found == {"1.": "para_1", "2.": "para_2", "3.": "para_3"}


def test_a_number_wrapped_after_the_word_paragraph_is_a_reference_not_a_clause():
    found = anchors("Rules\n\n3. Notice\n3.1 Notice is given as in paragraph\n3.2 above.\n")
    assert found == {"3.1": "sec_3__para_3-1"}


def test_one_document_control_line_on_its_own_or_under_the_title_is_metadata():
    meta = convert("CODE OF CONDUCT\n\nAdopted: 14 May 2025\n\n1. Scope\n1.1 Text.\n").metadata
    assert meta.adopted == "2025-05-14"
    meta = convert("Code of Conduct\nVersion: 3\n\n1. Scope\n1.1 Text.\n").metadata
    assert (meta.title, meta.version) == ("Code of Conduct", "3")


def test_i_after_a_lead_in_h_is_its_first_roman_item_and_after_a_plain_h_the_letter():
    items = "\n".join(f"({c}) item {c};" for c in "abcdefg")
    found = anchors(
        f"Code\n\n1. Scope\n1.1 A member must:\n{items}\n(h) the following:\n(i) x;\n(ii) y.\n"
    )
    assert found["(i)"] == "sec_1__para_1-1__subpara_h__item_i"
    found = anchors(f"Code\n\n1. Scope\n1.1 A member must:\n{items}\n(h) z;\n(i) x;\n(j) y.\n")
    assert found["(i)"] == "sec_1__para_1-1__subpara_i"


def test_a_bare_number_and_a_dash_before_a_capital_heading_makes_a_section():
    text = "Code\n\n1 – MEETINGS\n1.1 The council meets.\n\n2 - QUORUM\n2.1 Three members.\n"
    assert anchors(text) == {"1.1": "sec_1__para_1-1", "2.1": "sec_2__para_2-1"}


def test_a_bare_number_and_a_dash_before_a_figure_stays_text():
    text = "Code\n\n1. Speeches\nA member may speak for\n10 - 15 minutes at most.\n"
    assert "10" not in anchors(text)


def test_a_two_line_title_repeated_with_a_dash_between_is_a_page_header():
    text = (
        "Ashby District Council\nCode of Conduct\n\nPart 1 – General\n1. You must act.\n\n"
        "Ashby District Council – Code of Conduct\n2. You must not.\n"
    )
    document = convert(text)
    assert [d.text for d in document.dropped] == ["Ashby District Council – Code of Conduct"]
    assert anchors(text)["2."] == "part_1__para_2"


def test_a_review_date_printed_as_month_and_year_in_figures():
    from clausemark.support.dates import parse_date

    assert parse_date("05/2027") == "2027-05"
    assert parse_date("13/2027") is None
    assert parse_date("14/05/2025") == "2025-05-14"
    # a day that does not exist is no date, never its month (a wrong guess is worse)
    assert parse_date("31 September 2025") is None
    assert parse_date("Adopted 30th February 2026") is None
    assert parse_date("Approved 31 June 2024; reviewed March 2025") == "2025-03"
    # review9: the next date's day is still read, not only its month
    assert parse_date("Adopted 31 September 2025, reviewed 1 October 2025") == "2025-10-01"
    assert parse_date("the 1st of September 2025") == "2025-09-01"
    assert parse_date("the 31st of September 2025") is None
    assert parse_date("minute 12 of March 2024") == "2024-03"  # a minute's number, no day


def test_a_council_named_without_a_type_word_over_the_title():
    from clausemark.parse.metadata import council_name

    assert council_name("Glenarden Council", whole=True) == "Glenarden Council"
    assert council_name("THE HIGHLAND COUNCIL", whole=True) == "Highland Council"
    assert council_name("Full Council", whole=True) is None
    assert council_name("Town Council", whole=True) is None
    text = "Glenarden Council\nCode of Conduct\n\nSection 3: Conduct\n3.1 I will act.\n"
    document = convert(text)
    assert document.metadata.council == "Glenarden Council"
    assert anchors(text) == {"3.1": "sec_3__para_3-1"}


def test_a_heading_broken_over_lines_under_a_number_alone_stays_one_heading():
    text = (
        "Ashby Parish Council\nStanding Orders\n1\nAnnual\nMeeting\n"
        "1.1\nThe council meets in May.\n2\nQuorum\n2.1\nThree members.\n"
    )
    document = convert(text)
    assert [section.heading.title for section in document.blocks] == ["Annual Meeting", "Quorum"]
    assert anchors(text) == {"1.1": "sec_1__para_1-1", "2.1": "sec_2__para_2-1"}


def test_an_all_capitals_title_naming_its_council_after_of():
    text = "STANDING ORDERS OF WREXLEY TOWN COUNCIL\n\n1. MEETINGS\n1.1 The council meets.\n"
    document = convert(text)
    assert document.metadata.title == "STANDING ORDERS OF WREXLEY TOWN COUNCIL"
    assert document.metadata.council == "Wrexley Town Council"
    assert anchors(text) == {"1.1": "sec_1__para_1-1"}
    capitals = convert("CODE OF CONDUCT FOR MEMBERS OF ASHTON PARISH COUNCIL\n\n1. You must act.\n")
    assert capitals.metadata.council == "Ashton Parish Council"


def test_a_small_capital_word_after_a_container_word_is_no_number():
    from clausemark.numbering.styles import container_word

    assert container_word("SCHEDULE OF FEES") is None
    assert container_word("STANDING ORDERS OF WREXLEY") is None
    assert container_word("APPENDIX A").number == "A"
    assert container_word("SECTION AB").number == "AB"


def test_word_page_footers_with_a_bar_are_dropped_even_once():
    text = (
        "Ashby Parish Council\nStanding Orders\n\n1. Meetings\n1.1 The council meets.\n"
        "Page | 1\n1.2 Meetings are public.\n2 | P a g e\n1.3 Members sign in.\n"
    )
    document = convert(text)
    assert [d.text for d in document.dropped] == ["Page | 1", "2 | P a g e"]
    assert anchors(text) == {
        "1.1": "sec_1__para_1-1",
        "1.2": "sec_1__para_1-2",
        "1.3": "sec_1__para_1-3",
    }


def test_rule_clauses_printed_with_their_word_nest_under_the_rule():
    text = (
        "Ashby District Council\nCouncil Procedure Rules\n\nRule 12 Motions on notice\n"
        "Rule 12.1 A motion must be signed by the mover.\n"
        "Rule 12.2 A motion must reach the Chief Executive in writing.\n\n"
        "Standing Order 13 Motions without notice\n"
        "Standing Order 13.1 These motions may be moved without notice.\n"
    )
    assert anchors(text) == {
        "Rule 12.1": "rule_12__para_12-1",
        "Rule 12.2": "rule_12__para_12-2",
        "Standing Order 13.1": "rule_13__para_13-1",
    }


def test_a_sentence_opening_with_a_worded_rule_number_is_no_clause():
    text = (
        "Ashby Council\nProcedure Rules\n\n1. Motions\n1.1 A motion may be moved.\n"
        "Rule 4.2 applies to every amendment.\n1.2 A motion is voted on.\n"
    )
    assert anchors(text) == {"1.1": "sec_1__para_1-1", "1.2": "sec_1__para_1-2"}


def test_a_version_table_aligned_with_spaces_is_a_table_not_clauses():
    text = (
        "Ashby Parish Council\nCode of Conduct\n\n"
        "Version   Date         Changes\n"
        "1.0       12/05/2023   First issue\n"
        "2.0       14/05/2025   Annual review\n\n"
        "1. Introduction\n1.1 This code applies to members.\n"
    )
    document = convert(text)
    assert anchors(text) == {"1.1": "sec_1__para_1-1"}
    assert (document.metadata.version, document.metadata.adopted) == ("2.0", "2025-05-14")


def test_word_bullets_before_a_tab_are_text_so_the_next_number_is_read():
    text = (
        "Ashby Parish Council\nCode of Conduct\n\n1.\tGeneral obligations\n1.1\tYou must:\n"
        "•\ttreat others with respect;\no\tin person;\no\tonline;\n\uf0b7\tnot bully anyone.\n"
        "1.2\tYou must not disclose confidential information.\n"
    )
    document = convert(text)
    assert not [b for b in document.blocks[0].blocks if isinstance(b, Table)]
    numbered = {n: a for n, a in anchors(text).items() if n}
    assert numbered == {"1.1": "sec_1__para_1-1", "1.2": "sec_1__para_1-2"}


def test_a_two_line_page_footer_is_dropped_whole_and_still_dates_the_text():
    footer = "Part 4 – Procedure Rules                 Page {n} of 3\nUpdated May 2025\n"
    text = (
        "Ashby District Council\nProcedure Rules\n\nRule 1 Annual meeting\n"
        "1.1 The annual meeting is in May.\n" + footer.format(n=1) + "Rule 2 Quorum\n"
        "2.1 Three members form a quorum.\n" + footer.format(n=2) + "Rule 3 Voting\n"
        "3.1 Members vote by a show of hands.\n" + footer.format(n=3)
    )
    document = convert(text)
    assert [d.text for d in document.dropped].count("Updated May 2025") == 3
    assert document.metadata.adopted == "2025-05"
    assert anchors(text) == {
        "1.1": "rule_1__para_1-1",
        "2.1": "rule_2__para_2-1",
        "3.1": "rule_3__para_3-1",
    }


def test_a_sentence_ending_in_may_full_stop_does_not_swallow_the_next_heading():
    text = (
        "Ashby District Council\nProcedure Rules\n\nRule 1 Annual meeting\n"
        "1.1 The annual meeting is held in May.\nRule 2 Quorum\n2.1 Three members.\n"
    )
    assert anchors(text) == {"1.1": "rule_1__para_1-1", "2.1": "rule_2__para_2-1"}
