"""Cross-references: what is found, what it links to, and what is left alone.

The phrases are taken from the five seed protocols, so each test is a case a reader of
a real constitution will meet.
"""

from __future__ import annotations

import pytest
from clausemark.model.document import ClauseRecord
from clausemark.numbering import anchors
from clausemark.references import (
    EMPLOYEES_CODE,
    MEMBERS_CODE,
    ClauseIndex,
    HeadingRecord,
    Registry,
    canonical_code_names,
    clean_number,
    find_references,
    registry_from_config,
    resolve,
    resolve_placeholder,
)
from reference_support import find_and_resolve


def clause(document: str, anchor: str, number: str | None, parent: str | None = None):
    depth = len([part for part in anchor.split("__") if not part.startswith("sec_")]) - 1
    return ClauseRecord(document, anchor, number, parent, text="", depth=depth)


CLAUSES = [
    # "emcca": numbered paragraphs under unnumbered headings (seed 001)
    *(clause("emcca", f"para_{n}", f"{n}.") for n in (9, 10, 21, 22, 27, 35, 46, 51)),
    # "newcastle": numbered sections with lettered and bracketed sub-paragraphs (seed 003)
    clause("newcastle", "sec_2__para_2-1", "2.1"),
    clause("newcastle", "sec_2__para_2-1__subpara_b", "b)", "sec_2__para_2-1"),
    clause("newcastle", "sec_3__para_3-5", "3.5"),
    clause("newcastle", "sec_3__para_3-5__subpara_a", "a)", "sec_3__para_3-5"),
    clause("newcastle", "sec_3__para_3-5__subpara_a__item_i", "(i)", "sec_3__para_3-5__subpara_a"),
    clause("newcastle", "sec_3__para_3-5__subpara_b", "b)", "sec_3__para_3-5"),
    clause("newcastle", "sec_7__para_7-3", "7.3"),
    clause("newcastle", "sec_7__para_7-3__subpara_1", "(1)", "sec_7__para_7-3"),
    clause("newcastle", "sec_7__para_7-3__subpara_2", "(2)", "sec_7__para_7-3"),
    clause("newcastle", "sec_7__para_7-3__subpara_2__item_a", "(a)", "sec_7__para_7-3__subpara_2"),
    clause("newcastle", "sec_8__para_8-1", "8.1"),
    clause("newcastle", "sec_8__para_8-1__subpara_1", "(1)", "sec_8__para_8-1"),
    # "herts": sections "4.0", "5", and 13.2 printed twice (seed 004)
    clause("herts", "sec_4-0__para_4-8", "4.8"),
    clause("herts", "sec_4-0__para_4-9", "4.9"),
    clause("herts", "sec_4-0__para_4-10", "4.10"),
    clause("herts", "sec_5__para_5-1", "5.1"),
    clause("herts", "sec_12__para_12-1", "12.1"),
    clause("herts", "sec_12__para_13-2", "13.2"),
    clause("herts", "sec_13__para_13-1", "13.1"),
    clause("herts", "sec_13__para_13-2", "13.2"),
    clause("herts", "sec_14__para_14-1", "14.1"),
    # no sections at all, and paragraph 3 printed twice
    clause("plain", "para_1", "1."),
    clause("plain", "para_3", "3."),
    clause("plain", "para_3_2", "3."),
    # another document of the constitution, whose clauses are known
    clause("members-code", "para_5", "5."),
]

HEADINGS = [
    HeadingRecord("emcca", "crossheading_3", None, "***Undue Pressure***"),
    HeadingRecord(
        "emcca", "crossheading_5", None, "Provision of Advice and Information to Members"
    ),
    HeadingRecord("emcca", "crossheading_7", None, "Confidentiality"),
    HeadingRecord("emcca", "crossheading_9", None, "Political Activity"),
    HeadingRecord("newcastle", "sec_2", "2.", "INTERPRETATION OF THE PROTOCOL"),
    HeadingRecord("newcastle", "sec_3", "3.", "THE ROLE OF ELECTED MEMBERS"),
    HeadingRecord("herts", "sec_4-0", "4.0", "THE RELATIONSHIP: GENERAL POINTS"),
    HeadingRecord("herts", "sec_5", "5", "THE RELATIONSHIP: DECISION MAKING"),
    HeadingRecord("herts", "sec_12", "12.", "MAYOR AND OFFICERS"),
    HeadingRecord("herts", "sec_13", "13.", "MEMBERS AND OFFICERS ON OUTSIDE BODIES"),
]

INDEX = ClauseIndex.build(CLAUSES, HEADINGS)

REGISTRY = registry_from_config(
    [
        {
            "id": "members-code",
            "title": "Members' Code of Conduct",
            "aliases": ["Councillors' Code"],
            "label": "Appendix 18",
        },
        {
            "id": "employees-code",
            "title": "Code of Conduct for Employees",
            "url": "https://example.org/employees-code.pdf",
        },
        {
            "id": "access-rules",
            "title": "Access to Information Rules",
            "aliases": "Access to Information Procedure Rules",
            "label": "Part 4",
            "url": "https://example.org/access.pdf",
        },
        {
            "id": "contracts",
            "title": "Contracts Procedure Rules",
            "url": "https://example.org/cpr.pdf",
        },
        {"id": "functions", "title": "Scheme of Functions", "aliases": ["functions scheme"]},
    ]
)

RECORDS = {(record.document, record.anchor): record for record in CLAUSES}


def citing(document: str, anchor: str) -> ClauseRecord:
    return RECORDS[(document, anchor)]


def links(text: str, document: str, anchor: str, registry: Registry = REGISTRY):
    """(linked words, document, anchor, url) for every link made in `text`."""
    resolutions = find_and_resolve(text, citing(document, anchor), INDEX, registry)
    return [
        (text[link.start : link.end], link.document, link.anchor, link.url)
        for resolution in resolutions
        for link in resolution.links
    ]


def statuses(text: str, document: str, anchor: str) -> list[str]:
    resolutions = find_and_resolve(text, citing(document, anchor), INDEX, REGISTRY)
    return [resolution.status for resolution in resolutions]


# --------------------------------------------------------------------------- clean_number


@pytest.mark.parametrize(
    ("printed", "cleaned"),
    [("(i)", "i"), ("1.2.", "1-2"), ("46.", "46"), ("4.0", "4-0"), ("a)", "a")],
)
def test_clean_number_follows_the_anchor_convention(printed, cleaned):
    assert clean_number(printed) == cleaned
    assert clean_number is anchors.clean_number


def test_a_whole_number_printed_with_its_item_is_the_fallback():
    records = [ClauseRecord("odd", "para_2-1-b", "2.1.b", None, "", None, 0)]
    index = ClauseIndex.build(records)
    [found] = find_references("see paragraph 2:1 b)")
    [link] = resolve(found, records[0], index, REGISTRY).links
    assert link.anchor == "para_2-1-b"


# --------------------------------------------------------------------------- internal


def test_section_title_and_paragraph_onwards_from_seed_001():
    text = (
        "expressing political values – see further the section entitled "
        "“Political Activity” at paragraph 46 onwards,"
    )
    assert links(text, "emcca", "para_9") == [
        ("section entitled “Political Activity”", "emcca", "crossheading_9", None),
        ("paragraph 46", "emcca", "para_46", None),
    ]


def test_from_paragraph_onwards_links_only_the_first_paragraph():
    text = (
        "(see further the section entitled “Provision of Advice and Information to Members” "
        "from paragraph 21 onwards below and the section entitled “Confidentiality” from "
        "paragraph 35 onwards)"
    )
    assert links(text, "emcca", "para_10") == [
        (
            "section entitled “Provision of Advice and Information to Members”",
            "emcca",
            "crossheading_5",
            None,
        ),
        ("paragraph 21", "emcca", "para_21", None),
        ("section entitled “Confidentiality”", "emcca", "crossheading_7", None),
        ("paragraph 35", "emcca", "para_35", None),
    ]
    onwards = [m for m in find_references(text) if m.element == "paragraph"]
    assert [m.relation for m in onwards] == ["onwards", "onwards"]


def test_paragraph_range_links_each_end():
    text = "as set out in paragraphs 21 to 27 above"
    assert links(text, "emcca", "para_51") == [
        ("paragraphs 21", "emcca", "para_21", None),
        ("27", "emcca", "para_27", None),
    ]
    assert find_references(text)[0].relation == "range"


def test_paras_list_gives_two_links():
    text = "A member should follow paras 4.8 and 4.9."
    assert links(text, "herts", "sec_4-0__para_4-10") == [
        ("paras 4.8", "herts", "sec_4-0__para_4-8", None),
        ("4.9", "herts", "sec_4-0__para_4-9", None),
    ]


def test_clause_with_bracketed_subparagraph_and_item():
    assert links("See clause 3.5(a).", "newcastle", "sec_7__para_7-3") == [
        ("clause 3.5(a)", "newcastle", "sec_3__para_3-5__subpara_a", None)
    ]
    assert links("See clause 3.5(a)(i).", "newcastle", "sec_7__para_7-3") == [
        ("clause 3.5(a)(i)", "newcastle", "sec_3__para_3-5__subpara_a__item_i", None)
    ]


def test_bracketed_list_member_keeps_the_clause_before_it():
    # 2.1 has a b) of its own; "(b)" here is still 3.5(b)
    assert links("See clauses 3.5(a) and (b).", "newcastle", "sec_2__para_2-1") == [
        ("clauses 3.5(a)", "newcastle", "sec_3__para_3-5__subpara_a", None),
        ("(b)", "newcastle", "sec_3__para_3-5__subpara_b", None),
    ]


def test_paragraph_2_colon_1_b_means_item_b_of_clause_2_1():
    assert links("as paragraph 2:1 b) requires", "newcastle", "sec_3__para_3-5") == [
        ("paragraph 2:1 b)", "newcastle", "sec_2__para_2-1__subpara_b", None)
    ]


def test_sub_paragraph_resolves_outwards_from_the_citing_clause():
    # (a) of 7.3(2) cites "(1)": not its own children, not (2)'s, but 7.3's (1) —
    # never 8.1(1), which has the same number elsewhere.
    text = "Subject to sub-paragraph (1), the opposition group may ..."
    assert links(text, "newcastle", "sec_7__para_7-3__subpara_2__item_a") == [
        ("sub-paragraph (1)", "newcastle", "sec_7__para_7-3__subpara_1", None)
    ]
    assert links(text, "newcastle", "sec_8__para_8-1") == [
        ("sub-paragraph (1)", "newcastle", "sec_8__para_8-1__subpara_1", None)
    ]


def test_section_number_links_the_section_heading_including_point_zero():
    assert links("as section 5 explains", "herts", "sec_4-0__para_4-8") == [
        ("section 5", "herts", "sec_5", None)
    ]
    assert links("see section 4 above", "herts", "sec_5__para_5-1") == [
        ("section 4", "herts", "sec_4-0", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "see the section entitled 'Political Activity' below",
        "see the section entitled ‘Political Activity’ below",
        'see the section entitled "political activity" below',
        "see the section entitled “POLITICAL ACTIVITY” below",
    ],
)
def test_section_entitled_any_quotes_any_case(text):
    assert [(a, b) for _, a, b, _ in links(text, "emcca", "para_9")] == [
        ("emcca", "crossheading_9")
    ]


def test_section_entitled_ignores_emphasis_in_the_heading():
    assert links("see the section entitled “Undue Pressure”", "emcca", "para_9") == [
        ("section entitled “Undue Pressure”", "emcca", "crossheading_3", None)
    ]


def test_missing_target_is_not_linked_and_is_reported():
    [resolution] = find_and_resolve("see paragraph 99", citing("emcca", "para_9"), INDEX, REGISTRY)
    assert resolution.status == "unresolved"
    assert resolution.links == ()
    assert "paragraph 99" in resolution.message

    [titled] = find_and_resolve(
        "the section entitled “Sanctions”", citing("emcca", "para_9"), INDEX, REGISTRY
    )
    assert (titled.status, titled.links) == ("unresolved", ())


def test_list_with_one_missing_number_links_the_other_and_reports():
    [resolution] = find_and_resolve(
        "paras 4.8 and 4.99", citing("herts", "sec_4-0__para_4-10"), INDEX, REGISTRY
    )
    assert resolution.status == "unresolved"
    assert [link.anchor for link in resolution.links] == ["sec_4-0__para_4-8"]
    assert "4.99" in resolution.message


def test_duplicate_number_prefers_the_citing_section():
    assert links("see paragraph 13.2", "herts", "sec_13__para_13-1") == [
        ("paragraph 13.2", "herts", "sec_13__para_13-2", None)
    ]
    assert links("see paragraph 13.2", "herts", "sec_12__para_12-1") == [
        ("paragraph 13.2", "herts", "sec_12__para_13-2", None)
    ]


def test_duplicate_number_elsewhere_is_ambiguous_and_links_the_first():
    [resolution] = find_and_resolve(
        "see paragraph 13.2", citing("herts", "sec_14__para_14-1"), INDEX, REGISTRY
    )
    assert resolution.status == "ambiguous"
    assert [link.anchor for link in resolution.links] == ["sec_12__para_13-2"]
    assert "sec_13__para_13-2" in resolution.message

    [plain] = find_and_resolve("paragraph 3", citing("plain", "para_1"), INDEX, REGISTRY)
    assert plain.status == "ambiguous"
    assert [link.anchor for link in plain.links] == ["para_3"]


def test_text_outside_any_clause_resolves_with_the_document_given():
    [found] = find_references("see paragraph 46")
    resolution = resolve(found, None, INDEX, REGISTRY, document="emcca")
    assert [link.anchor for link in resolution.links] == ["para_46"]


def test_nothing_inside_markdown_links_or_code_is_matched():
    text = "see [paragraph 4.8](#x) and `paragraph 4.9` but paragraph 4.10"
    assert [m.text for m in find_references(text)] == ["paragraph 4.10"]


# --------------------------------------------------------------------------- not references


@pytest.mark.parametrize(
    "text",
    [
        "This Protocol was approved by Full Council on 25th February 2015.",
        "Date: 20 March 2024",
        "To be of effect from: 20 March 2024",
        "a grant of £5,000 was approved",
        "under section 27 of the Localism Act 2011",
        "the Localism Act 2011, section 27, requires",
        "the Section 151 Officer (the Executive Director (Resources and Support Services))",
        "the Chief Finance Officer as the S151 officer",
        "the Head of Paid Service, the Section 73 Chief Finance Officer and the Monitoring Officer",
        "under the terms of the Local Government and Housing Act 1989 .",
        "as section 2 of the Act provides",
        "as paragraph 3 of Schedule 1 provides",
        "the Freedom of Information (FOI) Act 2000",
        "other sections of the public",
    ],
)
def test_dates_sums_acts_and_statutory_officers_are_not_references(text):
    assert find_references(text) == []


def test_a_date_or_sum_after_a_reference_is_not_taken_into_it():
    [found] = find_references("under paragraph 4 and 20 March 2024")
    assert [target.number for target in found.targets] == ["4"]
    [found] = find_references("paragraph 4 costs £5,000")
    assert [target.number for target in found.targets] == ["4"]


# --------------------------------------------------------------------------- other documents


def test_access_rules_in_part_4_of_the_constitution():
    text = (
        "The Access to Information Rules in Part 4 of the Constitution explain the position "
        "with regard to access to papers"
    )
    url = "https://example.org/access.pdf"
    assert links(text, "emcca", "para_22") == [
        ("Access to Information Rules", "access-rules", None, url),
        ("Part 4 of the Constitution", "access-rules", None, url),
    ]


def test_appendix_with_name_in_brackets_falls_back_to_the_name():
    text = (
        "The information set out in Appendix 11 (Access to Information Rules) of the Constitution"
    )
    assert links(text, "newcastle", "sec_2__para_2-1") == [
        (
            "Appendix 11 (Access to Information Rules) of the Constitution",
            "access-rules",
            None,
            "https://example.org/access.pdf",
        )
    ]


def test_appendix_label_in_the_site_links_the_document_page():
    text = "may also constitute a breach of the rules (see Appendix 18 of the Constitution)"
    assert links(text, "newcastle", "sec_2__para_2-1") == [
        ("Appendix 18 of the Constitution", "members-code", None, None)
    ]


def test_named_rules_with_and_without_the_registry_pattern():
    text = "members should be aware of the requirements of the council's Contracts Procedure Rules."
    assert links(text, "herts", "sec_4-0__para_4-8") == [
        ("Contracts Procedure Rules", "contracts", None, "https://example.org/cpr.pdf")
    ]
    lower = "members should be aware of the requirements of the contract procedure rules"
    assert links(lower, "herts", "sec_4-0__para_4-8") == [
        ("contract procedure rules", "contracts", None, "https://example.org/cpr.pdf")
    ]


def test_paragraph_of_another_document_links_its_clause():
    assert links("see paragraph 5 of the Members' Code", "herts", "sec_4-0__para_4-8") == [
        ("paragraph 5 of the Members' Code", "members-code", "para_5", None)
    ]
    [missing] = find_and_resolve(
        "see paragraph 9 of the Members' Code",
        citing("herts", "sec_4-0__para_4-8"),
        INDEX,
        REGISTRY,
    )
    assert (missing.status, missing.links) == ("unresolved", ())


def test_unregistered_documents_are_reported_external():
    text = (
        "subject to their own rules which can be found in Part 5 of the Constitution and the "
        "Whistleblowing Policy"
    )
    resolutions = find_and_resolve(text, citing("emcca", "para_51"), INDEX, REGISTRY)
    assert [(r.match.text, r.status, r.links) for r in resolutions] == [
        ("Part 5 of the Constitution", "unresolved-external", ()),
        ("Whistleblowing Policy", "unresolved-external", ()),
    ]


def test_registered_document_with_no_page_and_no_url_is_not_linked():
    [resolution] = find_and_resolve(
        "see paragraph 5 of the Scheme of Functions",
        citing("herts", "sec_4-0__para_4-8"),
        INDEX,
        REGISTRY,
    )
    assert resolution.status == "unresolved-external"
    assert resolution.links == ()


# --------------------------------------------------------------------------- codes of conduct

MEMBERS = ("members-code", None, None)
EMPLOYEES = ("employees-code", None, "https://example.org/employees-code.pdf")


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("This obligation of confidentiality is part of the member code of conduct.", [MEMBERS]),
        ("may also constitute a breach of the Members' Code of Conduct.", [MEMBERS]),
        ("Such persons will not be bound by the Members Code of Conduct", [MEMBERS]),
        ("To comply at all times with the elected Members Code of Conduct, the law", [MEMBERS]),
        ("as the Councillors' Code requires", [MEMBERS]),
        ("as the Code of Conduct for Members requires", [MEMBERS]),
        ("a breach of the Employees' Code of Conduct", [EMPLOYEES]),
        ("the Members' Code of Conduct, the Officers' Code of Conduct", [MEMBERS, EMPLOYEES]),
        ("Comply, at all times, with the Council's Officer Code of Conduct", [EMPLOYEES]),
        ("the employee code of conduct applies", [EMPLOYEES]),
        (
            "a local extension of the Members' and Employees' Codes of Conduct.",
            [MEMBERS, EMPLOYEES],
        ),
        (
            "read in conjunction with the member and employee codes of conduct,",
            [MEMBERS, EMPLOYEES],
        ),
        ("may also constitute a breach of those codes.", [MEMBERS, EMPLOYEES]),
        ("reflects the principles underlying the two codes of conduct", [MEMBERS, EMPLOYEES]),
        ("the respective Codes of Conduct which will prevail", [MEMBERS, EMPLOYEES]),
        ("subject to their own Codes of Conduct which can be found", [MEMBERS, EMPLOYEES]),
        ("At the heart of the various Codes, and this Protocol", [MEMBERS, EMPLOYEES]),
        ("The shared objective of these Codes is to enhance", [MEMBERS, EMPLOYEES]),
        ("in the event of any conflict between the Codes and this Protocol", [MEMBERS, EMPLOYEES]),
        (
            "The Council has adopted Codes of Conduct for both members and officers.",
            [MEMBERS, EMPLOYEES],  # the codes name both; the people are not codes
        ),
        (
            "the respective Codes of Conduct which apply to members and officers",
            [MEMBERS, EMPLOYEES],
        ),
        ("then those codes and policies shall have precedence", [MEMBERS, EMPLOYEES]),
    ],
)
def test_every_code_of_conduct_spelling_in_the_seeds(text, targets):
    assert [
        (document, anchor, url) for _, document, anchor, url in links(text, "plain", "para_1")
    ] == targets


def test_codes_for_members_and_officers_link_the_codes_to_both_never_the_people():
    """Bare "members" and "officers" are people: linking them to the codes is wrong."""
    text = "The Council has adopted Codes of Conduct for both members and officers."
    assert [(words, document) for words, document, *_ in links(text, "plain", "para_1")] == [
        ("Codes of Conduct", "members-code"),
        ("Codes of Conduct", "employees-code"),
    ]


def test_paired_codes_link_each_side_on_its_own_words():
    text = "a local extension of the Members' and Employees' Codes of Conduct."
    assert [words for words, *_ in links(text, "plain", "para_1")] == [
        "Members'",
        "Employees' Codes of Conduct",
    ]
    both = "may also constitute a breach of those codes."
    assert [words for words, *_ in links(both, "plain", "para_1")] == ["those codes", "those codes"]


def test_the_code_of_conduct_without_saying_which_is_reported():
    text = "That Councillors will at all times comply with the Council's Code of Conduct"
    [resolution] = find_and_resolve(text, citing("plain", "para_1"), INDEX, REGISTRY)
    assert resolution.match.text == "Code of Conduct"
    assert (resolution.status, resolution.links) == ("unresolved-external", ())
    assert "does not say which code" in resolution.message

    single_code = registry_from_config(
        [{"id": "code", "title": "Code of Conduct", "url": "https://example.org/code"}]
    )
    assert [url for *_, url in links(text, "plain", "para_1", single_code)] == [
        "https://example.org/code"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "reporting to the Monitoring Officer to raise a Code of Conduct complaint.",
        "any other associated relevant code of conduct, guidance and protocol",
        "need to be aware of additional codes and protocols",
        "the codes of practice on publicity",
    ],
)
def test_general_mentions_of_codes_are_not_links(text):
    assert [m for m in find_references(text) if m.kind == "code"] == []


def test_canonical_code_names():
    assert canonical_code_names("Councillors' Code") == (MEMBERS_CODE,)
    assert canonical_code_names("Code of Conduct for Employees") == (EMPLOYEES_CODE,)
    assert canonical_code_names("Members' and Employees' Codes of Conduct") == (
        MEMBERS_CODE,
        EMPLOYEES_CODE,
    )
    assert canonical_code_names("Contracts Procedure Rules") == ()


# --------------------------------------------------------------------------- placeholders

SEED_000_CODES = (
    "The council has adopted codes of conduct for both [employees](#) and [members](#). "
    "The protocol reflects the principles underlying the two codes of conduct."
)
SEED_000_BREACH = (
    "This protocol is a local extension of the [member](#) and [employee](#) codes of conduct."
)


@pytest.mark.parametrize(
    ("link_text", "context", "doc_id"),
    [
        ("employees", SEED_000_CODES, "employees-code"),
        ("members", SEED_000_CODES, "members-code"),
        ("member", SEED_000_BREACH, "members-code"),
        ("employee", SEED_000_BREACH, "employees-code"),
        (
            "member code of conduct",
            "This obligation of confidentiality is part of the [member code of conduct](#).",
            "members-code",
        ),
        (
            "contract procedure rules",
            "members should be aware of the requirements of the [contract procedure rules](#)",
            "contracts",
        ),
        (
            "functions",
            "These roles are explained in more detail in the [functions](#) scheme and the "
            "[guide](#) to roles and responsibilities of councillors",
            "functions",
        ),
    ],
)
def test_placeholders_resolve_by_their_words(link_text, context, doc_id):
    found = resolve_placeholder(link_text, context, REGISTRY)
    assert found is not None and found.doc_id == doc_id


@pytest.mark.parametrize(
    ("link_text", "context"),
    [
        ("guide", "the [guide](#) to roles and responsibilities of councillors"),
        (
            "protocols",
            "Further guidance is available in the council's communications [protocols](#).",
        ),
        ("members", "Some [members](#) may be appointed to represent the council."),
        (
            "code of corporate governance",
            "in accordance with the council's [code of corporate governance](#).",
        ),
    ],
)
def test_placeholders_nobody_registered_stay_unresolved(link_text, context):
    assert resolve_placeholder(link_text, context, REGISTRY) is None


# --------------------------------------------------------------------------- registry


def test_registry_rejects_unknown_keys_and_clashing_names():
    with pytest.raises(ValueError, match="unknown keys"):
        registry_from_config([{"id": "x", "title": "X Rules", "ulr": "typo"}])
    with pytest.raises(ValueError, match="needs both"):
        registry_from_config([{"title": "No id"}])
    with pytest.raises(ValueError, match="both answer to"):
        registry_from_config(
            [
                {"id": "a", "title": "Contracts Procedure Rules"},
                {"id": "b", "title": "Contract Procedure Rules"},
            ]
        )


def test_registry_finds_codes_by_any_spelling_of_their_title():
    assert REGISTRY.find_by_name("Employees' Code of Conduct").doc_id == "employees-code"
    assert REGISTRY.find_by_name("officer code of conduct").doc_id == "employees-code"
    assert REGISTRY.find_by_name("Councillors' Code").doc_id == "members-code"
    assert REGISTRY.find_by_label("appendix  18").doc_id == "members-code"


def test_index_lookups_scale_to_thousands_of_clauses():
    many = [
        ClauseRecord("big", f"sec_{s}__para_{s}-{p}", f"{s}.{p}", None, "", None, 0)
        for s in range(1, 101)
        for p in range(1, 51)
    ]
    index = ClauseIndex.build(
        many, [HeadingRecord("big", f"sec_{s}", f"{s}.", f"S{s}") for s in range(1, 101)]
    )
    assert index.by_number[("big", "73-42")] == ("sec_73__para_73-42",)
    [found] = find_references("see paragraph 73.42")
    [link] = resolve(found, many[0], index, REGISTRY).links
    assert link.anchor == "sec_73__para_73-42"


def test_plural_codes_of_conduct_naming_no_side_means_both_codes():
    text = "in the context of any relevant legislation and national and local codes of conduct."
    (match,) = find_references(text)
    assert match.text == "codes of conduct"
    assert match.targets[0].names == (MEMBERS_CODE, EMPLOYEES_CODE)


def test_a_paragraph_number_that_only_a_section_has_links_to_the_section():
    records = [ClauseRecord("doc", "sec_10__para_10-1", "10.1", None, "Members may ask.")]
    headings = [HeadingRecord("doc", "sec_10", "10.", "ACCESS TO INFORMATION")]
    index = ClauseIndex.build(records, headings)
    (resolution,) = find_and_resolve(
        "see paragraph 10 onwards", None, index, Registry(), document="doc"
    )
    assert resolution.status == "resolved"
    assert [(link.document, link.anchor) for link in resolution.links] == [("doc", "sec_10")]


def test_a_part_of_this_constitution_is_a_constitution_label_not_a_part_of_this_text():
    """'Part 5C of this Constitution' names a Part of the constitution, as 'of the
    Constitution' does: reported when no document has the label, never dropped unsaid
    (only 'Part 2 of this Protocol' is a Part of the citing text itself)."""
    text = "Complaints are dealt with under the Arrangements in Part 5C of this Constitution."
    resolutions = find_and_resolve(text, citing("emcca", "para_51"), INDEX, REGISTRY)
    assert [(r.match.text, r.status) for r in resolutions] == [
        ("Part 5C of this Constitution", "unresolved-external")
    ]
    assert (
        find_and_resolve(
            "as Part 2 of this Protocol says", citing("emcca", "para_51"), INDEX, REGISTRY
        )
        == []
    )


def test_a_text_naming_no_act_regulations_order_or_measure_is_not_searched_for_statutes(
    monkeypatch,
):
    """Every statute's title ends in Act, Regulations, Order or Measure, as written: the
    page linker asks of every clause's text (5,000 texts at 10 times the example), and
    most name none."""
    from clausemark.references import statutes

    searched: list[str] = []
    pattern = statutes._STATUTE

    class Counted:
        def finditer(self, text):
            searched.append(text)
            return pattern.finditer(text)

    monkeypatch.setattr(statutes, "_STATUTE", Counted())
    assert list(statutes.statute_spans("The Chair opens each meeting of the council.")) == []
    assert searched == []
    text = "Part 3 of the Localism Act 2011 and the Standing Orders"
    assert list(statutes.statute_spans(text)) == [(0, 31)]
    assert list(statutes.statute_spans("the act of voting")) == []  # 'act' is not 'Act'
    assert searched == [text]
