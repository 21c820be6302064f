"""The glossary: loading the data file, finding a document's own definitions, matching uses."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from clausemark.index.glossary import (
    GlossaryError,
    Term,
    TermMatcher,
    find_defined_terms,
    first_uses,
    is_generic_form,
    load_glossary,
    term_slug,
)
from clausemark.support.limits import LIMITS, most
from clausemark.support.plain_data import decode, encode
from page_layer import make_index

ROOT = Path(__file__).resolve().parents[2]
REAL_GLOSSARY = ROOT / "sources" / "glossary.yml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


def used(matcher: TermMatcher, text: str, doc_id: str | None = None) -> list[tuple[str, str]]:
    """(matched text, term key) for each match, the shape most assertions want."""
    return [(text[m.start : m.end], m.term.key) for m in matcher.find(text, doc_id)]


# --- loading ----------------------------------------------------------------------------


def test_load_reads_fields_and_folds_definition_whitespace(tmp_path):
    path = write(
        tmp_path,
        "- term: Monitoring Officer\n"
        "  aliases: [MO]\n"
        "  definition: >-\n"
        "    Keeps the council\n"
        "    lawful.\n"
        "  source: Local Government and Housing Act 1989, s.5\n"
        "- term: Chief Executive\n"
        "  definition: Runs the staff.\n"
        "  see_also: [Monitoring Officer]\n"
        "  case_sensitive: true\n",
    )
    first, second = load_glossary(path)
    assert first == Term(
        term="Monitoring Officer",
        definition="Keeps the council lawful.",
        aliases=("MO",),
        source="Local Government and Housing Act 1989, s.5",
    )
    assert second.see_also == ("Monitoring Officer",)
    assert second.case_sensitive is True
    assert second.link is True
    assert first.key == "monitoring-officer"


def test_missing_term_names_file_line_and_entry_number(tmp_path):
    path = write(tmp_path, "- term: A\n  definition: x\n- definition: y\n")
    with pytest.raises(GlossaryError) as error:
        load_glossary(path)
    assert str(error.value) == f"{path}:3: glossary entry 2: missing 'term'"


def test_missing_definition_names_the_entry(tmp_path):
    path = write(tmp_path, "- term: Proper Officer\n  aliases: [PO]\n")
    with pytest.raises(GlossaryError) as error:
        load_glossary(path)
    assert str(error.value) == f"{path}:1: glossary entry 'Proper Officer': missing 'definition'"


def test_duplicate_alias_across_entries_names_both_entries(tmp_path):
    path = write(
        tmp_path,
        "- term: Head of Paid Service\n"
        "  aliases: [Chief Executive]\n"
        "  definition: x\n"
        "- term: Chief Officer\n"
        "  aliases: [chief  executive]\n"
        "  definition: y\n",
    )
    with pytest.raises(GlossaryError) as error:
        load_glossary(path)
    assert str(error.value) == (
        f"{path}:4: glossary entry 'Chief Officer': "
        "'chief  executive' is already used by entry 'Head of Paid Service'"
    )


def test_duplicate_term_ignores_apostrophes_and_case(tmp_path):
    path = write(
        tmp_path,
        "- term: Members' Code of Conduct\n  definition: x\n"
        "- term: members code of conduct\n  definition: y\n",
    )
    with pytest.raises(GlossaryError, match="already used by entry 'Members' Code of Conduct'"):
        load_glossary(path)


def test_alias_repeating_its_own_term_is_an_error(tmp_path):
    path = write(tmp_path, "- term: Purdah\n  aliases: [purdah]\n  definition: x\n")
    with pytest.raises(GlossaryError) as error:
        load_glossary(path)
    assert str(error.value) == (
        f"{path}:1: glossary entry 'Purdah': 'purdah' is already used by this entry"
    )


def test_unknown_key_is_reported_as_a_likely_typo(tmp_path):
    path = write(tmp_path, "- term: Purdah\n  alias: [pre-election period]\n  definition: x\n")
    with pytest.raises(GlossaryError, match=r":1: glossary entry 'Purdah': unknown key 'alias'"):
        load_glossary(path)


def test_see_also_must_name_a_term_in_the_file(tmp_path):
    path = write(tmp_path, "- term: Purdah\n  definition: x\n  see_also: [Publicity Code]\n")
    with pytest.raises(GlossaryError) as error:
        load_glossary(path)
    assert str(error.value) == (
        f"{path}:1: glossary entry 'Purdah': see_also names 'Publicity Code', "
        "which is not a term in the glossary"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("term: Purdah\n", "the glossary must be a YAML list of entries"),
        ("", "the glossary must be a YAML list of entries"),
        ("- just a string\n", "glossary entry 1: expected a mapping with 'term' and 'definition'"),
        ("- term: A\n  definition: x\n  aliases: B\n", "'aliases' must be a list of names"),
        ("- term: A\n  definition: x\n  link: no way\n", "'link' must be true or false"),
        ("- term: [unclosed\n", "not valid YAML"),
    ],
)
def test_malformed_files_raise_one_line_errors_naming_the_file(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(GlossaryError) as error:
        load_glossary(path)
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_missing_file_is_a_glossary_error(tmp_path):
    with pytest.raises(GlossaryError, match="nope.yml: cannot read the file"):
        load_glossary(tmp_path / "nope.yml")


# --- definitions the documents make themselves ----------------------------------------


def defined(text: str, doc_id: str = "doc", anchor: str = "para_1") -> dict[str, Term]:
    return {term.term: term for term in find_defined_terms(doc_id, [(anchor, text)])}


def test_together_referred_to_as_curly_quotes():
    text = (
        "This Protocol applies to Combined County Authority Members and Co-opted Members "
        "as well as those on any working group created by the Mayor (together referred to, "
        "for the purposes of this Protocol, as “Members”). It also applies to officers."
    )
    term = defined(text, "001", "para_1")["Members"]
    assert term.scope == "001"
    assert term.anchor == "para_1"
    assert term.definition.startswith("This Protocol applies to Combined County Authority")
    assert term.definition.endswith("as “Members”).")
    assert term.case_sensitive is True


def test_known_as_purdah_records_only_its_sentence():
    text = (
        "Particular care should be paid during the pre-election period known as 'purdah'. "
        "Advice shall be given on this by the monitoring officer."
    )
    term = defined(text)["purdah"]
    assert term.definition == (
        "Particular care should be paid during the pre-election period known as 'purdah'."
    )
    assert term.case_sensitive is False


def test_commonly_referred_to_as_the_need_to_know_principle():
    text = (
        "Any member has a prima facie right to inspect council documents. This principle is "
        "commonly referred to as the 'need to know' principle and will be determined by the "
        "relevant director."
    )
    assert list(defined(text)) == ["need to know"]
    assert defined(text)["need to know"].definition.startswith("This principle is commonly")


def test_often_referred_to_with_an_unclosed_quote():
    text = (
        "The aim of this Protocol is to guide elected Members (often referred to as "
        "'Councillors) and officers of the Council in the conduct of their relationships"
    )
    assert list(defined(text)) == ["Councillors"]


def test_often_referred_to_as_the_chief_executive_drops_the_article():
    text = (
        "The Head of Paid Service (often referred to as ‘the Chief Executive’); the "
        "Monitoring Officer; and other statutory officers have specific responsibilities."
    )
    assert list(defined(text)) == ["Chief Executive"]


def test_abbreviations_in_brackets_record_what_they_stand_for():
    text = (
        "Members may be entitled under the Freedom of Information (FOI) Act 2000 to receive "
        "information. The guide is for Members of the East Midlands Combined County "
        "Authority (EMCCA)."
    )
    found = defined(text)
    assert found["FOI"].refers_to == "Freedom of Information"
    assert found["EMCCA"].refers_to == "East Midlands Combined County Authority"
    assert found["EMCCA"].definition == (
        "The guide is for Members of the East Midlands Combined County Authority (EMCCA)."
    )


def test_abbreviation_after_e_g_keeps_the_whole_sentence():
    text = (
        "Certain senior Officers, e.g. Proper Officer and Responsible Financial Officer "
        "(RFO), have responsibilities in law."
    )
    term = defined(text)["RFO"]
    assert term.refers_to == "Responsible Financial Officer"
    assert term.definition == text


def test_hereafter_means_and_bracketed_quotes():
    found = defined(
        "The Borough Council of Newcastle-under-Lyme (hereafter 'the Council') adopts this. "
        '"Officer" means any employee of the Council. '
        "The Local Government Act 2000 (\u201cthe Act\u201d) applies."
    )
    assert sorted(found) == ["Act", "Council", "Officer"]
    assert found["Officer"].definition == '"Officer" means any employee of the Council.'


@pytest.mark.parametrize(
    "text",
    [
        "This means that any such report will be amended only where appropriate.",
        "Any disputes may be referred to the monitoring officer whose decision shall be final.",
        "The information set out in Appendix 11 (Access to Information Rules) explains it.",
        "Members of the Executive (EX) meet monthly.",
        "Complaints about any breach by an officer may be referred to the Chief Executive.",
    ],
)
def test_ordinary_sentences_define_nothing(text):
    assert find_defined_terms("doc", [("para_1", text)]) == []


def test_first_definition_in_reading_order_wins():
    blocks = [
        ("para_1", "The period is known as 'purdah'."),
        ("para_9", "Again, the period known as 'Purdah' applies."),
    ]
    (term,) = find_defined_terms("000", blocks)
    assert (term.term, term.anchor) == ("purdah", "para_1")


# --- matching ---------------------------------------------------------------------------

MONITORING = Term("Monitoring Officer", "Keeps the council lawful.")
CFO = Term("Chief Finance Officer", "Money.", aliases=("Section 151 Officer", "S151 Officer"))
HOPS = Term("Head of Paid Service", "Staff.", aliases=("Chief Executive",))
EXECUTIVE = Term("Executive", "The cabinet.", aliases=("Cabinet",))
CODE = Term("Members' Code of Conduct", "Rules.", aliases=("Code of Conduct",))
EMPLOYEES = Term("Employees' Code of Conduct", "Staff rules.", aliases=("Officers' Code",))
HEAD_OF_SERVICE = Term("Head of Service", "Manages a service.")
FOI = Term("Freedom of Information", "Right to ask.", aliases=("FOI",))
MAYOR = Term("Mayor", "Two roles.")
CONSTITUENT = Term("constituent council", "A member council.")
CO_OPTED = Term("co-opted member", "Appointed, not elected.")
OMBUDSMAN = Term("Ombudsman", "Investigates complaints.")
KEY_DECISION = Term("key decision", "A big decision.")
COUNCILLOR = Term("Councillor", "Elected.", aliases=("Member",))
MINUTES = Term("minutes", "The record.", link=False)
LEADER = Term("Leader of the Council", "Leads.", case_sensitive=True)
NEED_TO_KNOW = Term("need to know principle", "Right to see.", aliases=("'need to know'",))
MEMBERS_001 = Term("Members", "together ... as “Members”", scope="001", case_sensitive=True)
CHIEF_EXEC_003 = Term("Chief Executive", "often referred to as", scope="003", case_sensitive=True)
PURDAH = Term("purdah", "Before elections.", aliases=("pre-election period",))
PURDAH_000 = Term("purdah", "known as 'purdah'.", scope="000", anchor="para_40")

ALL = [
    MONITORING,
    CFO,
    HOPS,
    EXECUTIVE,
    CODE,
    EMPLOYEES,
    HEAD_OF_SERVICE,
    FOI,
    MAYOR,
    CONSTITUENT,
    CO_OPTED,
    OMBUDSMAN,
    KEY_DECISION,
    COUNCILLOR,
    MINUTES,
    LEADER,
    NEED_TO_KNOW,
    MEMBERS_001,
    CHIEF_EXEC_003,
    PURDAH,
    PURDAH_000,
]


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(ALL)


def test_longest_match_wins(matcher):
    text = "Ask the Chief Finance Officer, the Chief Executive and the Executive."
    assert used(matcher, text) == [
        ("Chief Finance Officer", "chief-finance-officer"),
        ("Chief Executive", "head-of-paid-service"),
        ("Executive", "executive"),
    ]


def test_code_of_conduct_is_longer_than_a_scoped_members(matcher):
    text = "Members must follow the Members' Code of Conduct."
    assert used(matcher, text, "001") == [
        ("Members", "001/members"),
        ("Members' Code of Conduct", "members-code-of-conduct"),
    ]


def test_scoped_term_matches_only_in_its_document(matcher):
    text = "Members and officers."
    assert used(matcher, text, "001") == [("Members", "001/members")]
    assert used(matcher, text, "004") == []
    assert used(matcher, text) == []


def test_scoped_term_beats_the_shared_term_of_the_same_name(matcher):
    text = "During purdah; during the pre-election period."
    assert used(matcher, text, "000") == [
        ("purdah", "000/purdah"),
        ("pre-election period", "purdah"),
    ]
    assert used(matcher, text, "004")[0] == ("purdah", "purdah")


def test_capitalised_scoped_term_leaves_other_capitalisations_to_the_shared_one(matcher):
    text = "The Chief Executive and the chief executive."
    assert used(matcher, text, "003") == [
        ("Chief Executive", "003/chief-executive"),
        ("chief executive", "head-of-paid-service"),
    ]


def test_capitalised_scoped_term_is_case_sensitive(matcher):
    text = "persons other than members of the party; Members of the Authority"
    assert used(matcher, text, "001") == [("Members", "001/members")]


@pytest.mark.parametrize(
    "text",
    [
        "the Mayoral Combined Authority",
        "the Non-Constituent members",
        "a Monitoring Officership",
        "pre-purdah planning",
        "the Mayor-elect",
    ],
)
def test_no_match_inside_a_longer_word(matcher, text):
    assert used(matcher, text) == []


@pytest.mark.parametrize(
    ("text", "matched", "key"),
    [
        ("the Monitoring Officer's decision", "Monitoring Officer's", "monitoring-officer"),
        ("the Monitoring Officer’s decision", "Monitoring Officer’s", "monitoring-officer"),
        ("all co-opted members", "co-opted members", "co-opted-member"),
        ("Heads of Service", "Heads of Service", "head-of-service"),
        ("constituent councils", "constituent councils", "constituent-council"),
        ("the Ombudsmen", "Ombudsmen", "ombudsman"),
        ("key decisions", "key decisions", "key-decision"),
        ("the Mayor's adviser", "Mayor's", "mayor"),
        ("the Mayors", "Mayors", "mayor"),
        ("the Officer Code of Conduct", "Officer Code", "employees-code-of-conduct"),
        ("Employees' Codes of Conduct", "Employees' Codes of Conduct", "employees-code-of-conduct"),
        ("the Members Code of Conduct", "Members Code of Conduct", "members-code-of-conduct"),
        ("a Member's Code of Conduct", "Member's Code of Conduct", "members-code-of-conduct"),
        ("the Monitoring\nOfficer", "Monitoring\nOfficer", "monitoring-officer"),
    ],
)
def test_plurals_possessives_and_spacing(matcher, text, matched, key):
    assert used(matcher, text) == [(matched, key)]


def test_plural_possessive_apostrophe_is_left_outside_the_link(matcher):
    # A bare trailing apostrophe may be a closing quote, so it never joins the match.
    assert used(matcher, "the 'Monitoring Officers' view") == [
        ("Monitoring Officers", "monitoring-officer")
    ]


def test_words_are_case_insensitive_but_abbreviations_are_exact(matcher):
    assert used(matcher, "monitoring officer, MONITORING OFFICER") == [
        ("monitoring officer", "monitoring-officer"),
        ("MONITORING OFFICER", "monitoring-officer"),
    ]
    assert used(matcher, "an FOI request, a foi request, an S151 Officer") == [
        ("FOI", "freedom-of-information"),
        ("S151 Officer", "chief-finance-officer"),
    ]


def test_case_sensitive_entry_needs_its_exact_capitals(matcher):
    text = "the Leader of the Council and political leaders of the council"
    assert used(matcher, text) == [("Leader of the Council", "leader-of-the-council")]


def test_generic_words_and_unlinked_entries_are_never_matched(matcher):
    assert used(matcher, "Every Member, Councillor and councillors' minutes") == []
    assert is_generic_form("Members'")
    assert is_generic_form("officer's")
    assert is_generic_form("Sub-Committees")
    assert not is_generic_form("Monitoring Officer")


def test_quoted_alias_matches_only_where_the_text_quotes_it(matcher):
    text = 'a "need to know" basis; officers need to know the outcome; a ‘need to know’'
    assert used(matcher, text) == [
        ('"need to know"', "need-to-know-principle"),
        ("‘need to know’", "need-to-know-principle"),
    ]


def test_matches_report_offsets_into_the_original_text(matcher):
    text = "See the Executive."
    (match,) = matcher.find(text)
    assert (match.start, match.end, match.term) == (8, 17, EXECUTIVE)


def test_first_uses_links_each_term_once_per_seen_set(matcher):
    clause_a = "The Monitoring Officer and the Cabinet; the Monitoring Officer again; Executive."
    clause_b = "The Monitoring Officer and FOI."
    first_in_a = first_uses(matcher.find(clause_a))
    assert [(clause_a[m.start : m.end], m.start) for m in first_in_a] == [
        ("Monitoring Officer", 4),
        ("Cabinet", 31),
    ]
    seen: set[str] = set()
    first_uses(matcher.find(clause_a), seen)
    across = first_uses(matcher.find(clause_b), seen)
    assert [clause_b[m.start : m.end] for m in across] == ["FOI"]


def test_matcher_without_terms_finds_nothing():
    assert TermMatcher([]).find("Monitoring Officer", "001") == []


def test_slugify_makes_html_ids():
    assert term_slug("Members' Code of Conduct") == "members-code-of-conduct"
    assert term_slug("Section 73 Officer") == "section-73-officer"
    assert MEMBERS_001.key == "001/members"


# --- the real glossary -----------------------------------------------------------------

REQUIRED = [
    "Monitoring Officer",
    "Head of Paid Service",
    "Chief Finance Officer",
    "Section 73 Officer",
    "Responsible Financial Officer",
    "Proper Officer",
    "political group",
    "overview and scrutiny",
    "call-in",
    "key decision",
    "exempt information",
    "confidential information",
    "need to know principle",
    "purdah",
    "co-opted member",
    "politically restricted post",
    "ward member",
    "Seven Principles of Public Life",
    "Members' Code of Conduct",
    "Employees' Code of Conduct",
    "Executive",
    "Full Council",
    "Standards Committee",
    "Constitution",
    "scheme of delegation",
    "delegated powers",
    "Access to Information Rules",
    "Contract Procedure Rules",
    "Freedom of Information",
    "data protection",
    "whistleblowing",
    "maladministration",
    "quasi-judicial",
    "policy framework",
    "budget and policy framework",
    "portfolio holder",
    "Leader of the Council",
    "Mayor",
    "civic Mayor",
    "directly elected mayor",
    "combined county authority",
    "constituent council",
    "agenda",
    "minutes",
    "Director",
    "Head of Service",
    "line manager",
    "grievance procedure",
    "disciplinary procedure",
    "conciliation",
    "Ombudsman",
    "standards regime",
]


@pytest.fixture(scope="module")
def real_terms() -> list[Term]:
    return load_glossary(REAL_GLOSSARY)


def test_real_glossary_has_the_required_terms(real_terms):
    names = {term.term for term in real_terms}
    assert [name for name in REQUIRED if name not in names] == []
    assert len(real_terms) >= 45


def test_real_glossary_aliases_point_where_a_reader_expects(real_terms):
    by_form = {form.casefold(): term.term for term in real_terms for form in term.forms}
    assert by_form["chief executive"] == "Head of Paid Service"
    assert by_form["section 151 officer"] == "Chief Finance Officer"
    assert by_form["s151 officer"] == "Chief Finance Officer"
    assert by_form["rfo"] == "Responsible Financial Officer"
    assert by_form["nolan principles"] == "Seven Principles of Public Life"
    assert by_form["pre-election period"] == "purdah"
    assert by_form["party group"] == "political group"
    assert by_form["cabinet"] == "Executive"


def test_real_definitions_are_short_plain_sentences(real_terms):
    for term in real_terms:
        sentences = re.findall(r"[.!?](?:\s|$)", term.definition)
        assert 1 <= len(sentences) <= 3, term.term
        assert term.definition[0].isupper(), term.term


def test_real_glossary_on_seed_sentences(real_terms):
    matcher = TermMatcher(real_terms)
    statutory = (
        "Certain statutory officers – Head of Paid Service, the Monitoring Officer and the "
        "Chief Finance Officer as the S151 officer – have specific statutory roles."
    )
    assert [key for _, key in used(matcher, statutory, "004")] == [
        "statutory-officer",
        "head-of-paid-service",
        "monitoring-officer",
        "chief-finance-officer",
        "chief-finance-officer",
    ]
    combined = (
        "Certain statutory officers – the Head of Paid Service, the Section 73 Chief Finance "
        "Officer and the Monitoring Officer - have specific roles which Members must respect."
    )
    assert ("Section 73 Chief Finance Officer", "section-73-officer") in used(matcher, combined)
    assert all(text != "Members" for text, _ in used(matcher, combined))
    civic = "Officers will respect the position of Mayor (and Deputy Mayor) as first citizen."
    assert used(matcher, civic) == [
        ("Mayor", "mayor"),
        ("Mayor", "mayor"),
        ("first citizen", "civic-mayor"),
    ]


def test_real_glossary_with_a_documents_own_definitions():
    terms = load_glossary(REAL_GLOSSARY)
    blocks = [
        ("para_27", "Members may be entitled under the Freedom of Information (FOI) Act 2000."),
        ("para_28", "Officers supply documents without the need for a formal FOI request."),
    ]
    own = find_defined_terms("001", blocks)
    matcher = TermMatcher(terms + own)
    assert used(matcher, blocks[0][1], "001") == [
        ("Freedom of Information", "freedom-of-information"),
        ("FOI", "001/foi"),
    ]
    # "FOI request" is a longer shared name, so it wins over the document's "FOI".
    assert used(matcher, blocks[1][1], "001") == [("FOI request", "freedom-of-information")]


def test_a_shared_name_overlapping_a_hidden_one_is_still_found():
    own = [
        Term("Alpha Beta", "the document's own", scope="rules", anchor="para_1"),
        Term("Beta Gamma", "the document's own too", scope="rules", anchor="para_2"),
    ]
    shared = [Term("Beta Gamma", "shared, hidden here"), Term("Gamma Delta", "shared")]
    found = TermMatcher(own + shared).find("Alpha Beta Gamma Delta", "rules")
    assert [(m.term.term, m.term.scope) for m in found] == [
        ("Alpha Beta", "rules"),
        ("Gamma Delta", None),
    ]


def test_a_term_matcher_kept_as_plain_data_finds_the_same_terms(matcher):
    """The disk cache restores a matcher from its state, without calling __init__."""
    text = "The Monitoring Officer told the Chief Executive."
    restored = decode(json.loads(json.dumps(encode(matcher))))
    assert type(restored) is TermMatcher
    assert [(m.start, m.end, m.term.term) for m in restored.find(text)] == [
        (m.start, m.end, m.term.term) for m in matcher.find(text)
    ]
    assert restored.find(text)


def test_a_code_defining_you_makes_no_term_but_its_other_definitions_do():
    text = (
        'In this Code "you" means a member or co-opted member of the Council, and '
        '"the Authority" means Brackenford District Council.'
    )
    assert list(defined(text)) == ["the Authority"]


def test_a_glossary_past_its_limit_is_refused_in_one_line(tmp_path):
    """Every term is looked for in every clause: 8,000 terms took 80 s of CPU and 4,000 took
    15 (superlinear), so a glossary.yml past `glossary_terms` is refused (trial5)."""
    path = tmp_path / "glossary.yml"
    entries = [f"- term: Widget{i}\n  definition: The widget number {i}." for i in range(2_001)]
    path.write_text("\n".join(entries) + "\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as refused:
        load_glossary(path)
    assert str(refused.value) == f"{path}: too large: glossary terms (2,001; at most 2,000)"
    path.write_text("\n".join(entries[:2_000]) + "\n", encoding="utf-8")
    assert len(load_glossary(path)) == 2_000


# The fast loop lowers the limit to 25 (the same code path, a fortieth of the text); the
# limit as shipped, 1,000, runs with the builds.
@pytest.mark.parametrize("limit", [25, pytest.param(None, marks=pytest.mark.build)])
def test_a_document_defining_terms_past_the_limit_links_the_first_and_warns(limit, monkeypatch):
    """Each term a document defines is looked for in each of its clauses: 4,000 definitions
    took 51 s of CPU and 2,000 took 9 (superlinear). Past `defined_terms` the further
    definitions stay as text, unlinked, and the build says so (trial5)."""
    if limit is not None:
        monkeypatch.setitem(LIMITS, "defined_terms", replace(LIMITS["defined_terms"], most=limit))
    most_terms = most("defined_terms")
    count = most_terms + 2
    text = "Gadget Rules\n\n1. Definitions\n\n" + "\n\n".join(
        f'1.{i + 1} "Gadget{i}" means the gadget number {i}.' for i in range(count)
    )
    index = make_index({"gadgets": text + "\n"})
    own = [term for term in index.terms if term.scope == "gadgets"]
    assert [term.term for term in own][-1] == f"Gadget{most_terms - 1}"
    assert len(own) == most_terms
    assert index.term_warnings == [
        (
            "gadgets",
            f"gadgets.txt: defines {count:,} terms; the first {most_terms:,} link to their "
            "definitions, the others are shown as text",
        )
    ]
    assert index.config_warnings == []
    assert (limit is None) == (most_terms == 1_000)
