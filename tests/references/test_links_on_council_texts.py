"""Links a council can trust, on invented texts of two councils (tests/data/links/).

Each test renders a page as the site does (page_layer: the site index, Python-Markdown
and the page linker, no MkDocs) and asserts the hrefs made and the hrefs NOT made:
references read as a lawyer reads them (a clause number before "may" or a month word,
lists and ranges), statutes and their Parts never taken for the council's, a generic
name found only in the citing council's documents, ambiguous labels reported with their
candidates, terms not linked inside proper names or document control, and a
maintainer's overrides in a sidecar.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.index.site_index import ConfigError, SiteIndex, build_site_index
from clausemark.render.markdown_writer import render_document
from page_layer import links_by_clause, render

DATA = Path(__file__).parent.parent / "data" / "links"


def _index(sidecars: dict[str, dict] | None = None) -> SiteIndex:
    sidecars = sidecars or {}
    documents = [
        convert_file(path, defaults=sidecars.get(path.stem)) for path in sorted(DATA.glob("*.txt"))
    ]
    return build_site_index(documents, glossary_path=DATA / "glossary.yml")


@cache
def _plain_index() -> SiteIndex:
    return _index()


def _links(doc_id: str, index: SiteIndex | None = None) -> list[tuple[str | None, str, str]]:
    """(clause id, words, href) of every link the page makes in the document's text."""
    index = index or _plain_index()
    html = render(render_document(index.documents[doc_id]), index).html
    return [(clause, words, href) for clause, words, href, _class in links_by_clause(html)]


def _in(doc_id: str, clause: str, index: SiteIndex | None = None) -> list[tuple[str, str]]:
    return [(words, href) for at, words, href in _links(doc_id, index) if at == clause]


def _problems(index: SiteIndex | None = None) -> list[str]:
    return [
        f"{p.source_anchor}: {p.status}: {p.message}" for p in (index or _plain_index()).problems()
    ]


# --- 1. a number before "may" or a month word, lists and ranges --------------------------


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # "paragraph 1.1 may be refused"
        ("sec_1__para_1-2", [("paragraph 1.1", "#sec_1__para_1-1")]),
        # "Paragraph 1.2 may not be suspended"
        ("sec_1__para_1-3", [("Paragraph 1.2", "#sec_1__para_1-2")]),
        # "Paragraphs 1.1 and 1.2 May apply": every member of the list
        ("sec_1__para_1-4", [("Paragraphs 1.1", "#sec_1__para_1-1"), ("1.2", "#sec_1__para_1-2")]),
        # "1.1 to 1.4", "1.1–1.4", "1.1, 1.3 or 1.5"
        (
            "sec_1__para_1-5",
            [
                ("Paragraphs 1.1", "#sec_1__para_1-1"),
                ("1.4", "#sec_1__para_1-4"),
                ("paragraphs 1.1", "#sec_1__para_1-1"),
                ("1.4", "#sec_1__para_1-4"),
                ("paragraphs 1.1", "#sec_1__para_1-1"),
                ("1.3", "#sec_1__para_1-3"),
                ("1.5", "#sec_1__para_1-5"),
            ],
        ),
        # "Standing Order 10.1 may be granted": the number stays in the link
        ("sec_10__para_10-1", [("Standing Order 10.1", "#sec_10__para_10-1")]),
    ],
)
def test_a_clause_number_before_a_modal_or_month_word_is_a_reference(clause, expected):
    assert [link for link in _in("standing-orders", clause) if link[1].startswith("#")] == expected


# --- 1. statutes ---------------------------------------------------------------------------


def test_a_statute_and_its_parts_link_nowhere_and_warn_nothing():
    # "Local Government (Northern Ireland) Act 2014, Part 3, S6(1) and the 2011 Act."
    assert _in("standing-orders", "sec_2__para_2-1") == []
    # "Part 3 of the Act ... Schedule 1 to the Localism Act 2011 ... by Standing Order 10.1."
    assert _in("standing-orders", "sec_2__para_2-2") == [
        ("Standing Order 10.1", "#sec_10__para_10-1")
    ]
    assert not [p for p in _problems() if p.startswith("sec_2__")]


def test_part_3_of_an_act_is_not_the_document_labelled_part_3():
    """Two documents carry the label Part 3; the Act's Part 3 links to neither."""
    hrefs = [href for _at, _words, href in _links("standing-orders")]
    assert not any("finance-rules" in href or "contract-rules" in href for href in hrefs)


# --- 2. within the council -------------------------------------------------------------------


def test_a_generic_name_links_to_the_same_councils_document():
    assert _in("code-of-conduct", "sec_1__para_1-2")[0] == ("Standing Orders", "standing-orders.md")
    assert ("Code of Conduct", "code-of-conduct.md") in _in("standing-orders", "sec_2__para_2-4")


def test_another_councils_standing_orders_are_not_linked():
    hrefs = [href for _at, _words, href in _links("parish-protocol")]
    assert not any("standing-orders" in href for href in hrefs), hrefs
    [first, second] = [p for p in _problems() if "Kilbarra" in p]
    assert "Dunmallow Borough Council's 'standing-orders'" in first


def test_an_ambiguous_label_is_reported_with_its_candidates_and_links_nowhere():
    assert _in("contract-rules", "sec_1__para_1-1") == []
    [problem] = [p for p in _problems() if "Part 3" in p]
    assert "ambiguous" in problem
    assert "'contract-rules', 'finance-rules'" in problem


# --- 3. terms in their sense ------------------------------------------------------------------


def test_no_term_inside_a_job_title_an_act_title_or_document_control():
    # "... in writing to the Clerk & Chief Executive."
    assert _in("standing-orders", "sec_1__para_1-1") == []
    # "The Local Government (Executive Arrangements) Regulations 2000 do not apply to the
    # Council, which has no Executive Arrangements.": only the second is the term
    [term] = [link for link in _in("standing-orders", "sec_2__para_2-3")]
    assert term == ("Executive Arrangements", "glossary.md#executive-arrangements")
    html = render(render_document(_plain_index().documents["standing-orders"]), _plain_index())
    row = re.search(r"<tr>\s*<td>Replaces</td>.*?</tr>", html.html, re.S)
    assert row and "<a " not in row.group()
    # the clerk in his own sense still links
    assert ("Clerk", "glossary.md#clerk") in _in("standing-orders", "sec_10__para_10-2")


# --- 4. overrides in a sidecar ---------------------------------------------------------------


def test_not_references_and_not_terms_in_a_sidecar():
    index = _index(
        {
            "parish-protocol": {"not_references": ["standing orders"]},
            "standing-orders": {
                "not_terms": ["Clerk @ 10.2"],
                "not_references": ["paragraph 1.1 @ 1.2"],
            },
        }
    )
    assert not [p for p in _problems(index) if "Kilbarra" in p]
    assert _in("standing-orders", "sec_10__para_10-2", index) == [
        ("Standing Order 10.1", "#sec_10__para_10-1")
    ]
    assert _in("standing-orders", "sec_1__para_1-2", index) == []
    # only in that clause: 1.3 still links its reference
    assert _in("standing-orders", "sec_1__para_1-3", index) == [
        ("Paragraph 1.2", "#sec_1__para_1-2")
    ]


def test_a_fixed_target_settles_an_ambiguous_label():
    index = _index({"contract-rules": {"reference_targets": ["Part 3 = finance-rules"]}})
    assert _in("contract-rules", "sec_1__para_1-1", index) == [("Part 3", "finance-rules.md")]
    assert not [p for p in _problems(index) if "Part 3" in p]


def test_an_override_that_cannot_be_read_is_one_line_naming_the_file():
    with pytest.raises(
        ConfigError, match=r"contract-rules\.txt: 'reference_targets' entry 'Part 3'"
    ):
        _index({"contract-rules": {"reference_targets": ["Part 3"]}})


# --- the finders alone ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("A request under paragraph 4 may be refused.", ["4"]),
        ("Rule 12.3 May not apply.", ["12.3"]),
        ("paragraphs 2.1 and 2.2 May apply", ["2.1", "2.2"]),
        ("see paras 7.1, 7.3 or 7.5", ["7.1", "7.3", "7.5"]),
        ("Articles 4–6 apply", ["4", "6"]),
        # a day, month and year, or an ordinal day, is a date
        ("adopted under paragraph 4 and 20 March 2024", ["4"]),
        ("as amended on 4th May", []),
    ],
)
def test_numbers_after_a_reference_word(text, numbers):
    from clausemark.references import find_references

    found = [t.number for m in find_references(text) for t in m.targets]
    assert found == numbers


@pytest.mark.parametrize(
    "text",
    [
        "under Part 3 of the 2011 Act",
        "the Local Government (Northern Ireland) Act 2014, Part 3, S6(1)",
        "Part 3 and Schedule 4 of the Local Government Act 2000",
        "the Localism Act 2011, Part 1 and Schedule 2",
        "the Local Government Act 2000 (Part 3)",
        "Schedule 12A to the Local Government Act 1972",
        "the Local Authorities (Standing Orders) (England) Regulations 2001",
        "paragraph 3 of Schedule 1 to the 1972 Act",
    ],
)
def test_a_statute_with_its_parts_is_no_reference_to_the_constitution(text):
    from clausemark.references import find_references, registry_from_config

    registry = registry_from_config([{"id": "so", "title": "Standing Orders", "label": "Part 3"}])
    assert find_references(text, registry) == []


def test_in_a_word_copy_standing_order_keeps_its_number(tmp_path):
    """The .docx of standing orders titled "Standing Orders": "Standing Order 1.1 may be
    granted" links the clause, with its number, not the document by its name."""
    from format_fixtures import Item, Spec, spec_docx

    spec = Spec(
        "Standing Orders",
        [
            Item("heading", "Meetings", "1.", 0),
            Item("clause", "A request to speak may be made in writing.", "1.1", 1),
            Item("clause", "A waiver of Standing Order 1.1 may be granted.", "1.2", 1),
        ],
    )
    (tmp_path / "so.docx").write_bytes(spec_docx(spec))
    index = build_site_index([convert_file(tmp_path / "so.docx")])
    assert _in("so", "sec_1__para_1-2", index) == [("Standing Order 1.1", "#sec_1__para_1-1")]


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
@pytest.mark.parametrize(
    "unit",
    [
        "Under Part 3 of the Local Government (Northern Ireland) Act 2014, S6(1) and ",
        "The Local Government And Housing Act Of Regulations Measure Part 1, Part 2 and ",
        "paragraphs 1.1, 1.2 and 1.3 May apply to the Clerk & Chief Executive Board and ",
        "(Executive Arrangements) (England) " * 3,
    ],
)
def test_statutes_and_proper_names_cost_time_in_proportion_to_the_text(unit):
    """CPU time at n and 2n in one process: doubling the text at most about doubles it."""
    from clausemark.index.glossary import Term
    from clausemark.index.term_sense import inside_proper_name
    from clausemark.references import find_references

    term = Term(term="Clerk", definition="d")

    def work(text: str) -> None:
        find_references(text)
        for position in range(0, len(text), 97):
            inside_proper_name(term, text, position, position + 5)

    from hostile_files import assert_linear_cpu

    assert_linear_cpu(work, unit * 150, unit * 300, limit=3.2)


def test_in_a_chromium_printed_pdf_standing_order_keeps_its_number(browser, tmp_path):
    """The same standing orders printed to PDF by Chromium: the clause, with its number."""
    from format_fixtures import Item, Spec, print_html, spec_print_html

    spec = Spec(
        "Standing Orders",
        [
            Item("heading", "Meetings", "1.", 0),
            Item("clause", "A request to speak may be made in writing.", "1.1", 1),
            Item("clause", "A waiver of Standing Order 1.1 may be granted.", "1.2", 1),
        ],
    )
    (tmp_path / "so.pdf").write_bytes(print_html(browser, spec_print_html(spec)))
    index = build_site_index([convert_file(tmp_path / "so.pdf")])
    assert _in("so", "sec_1__para_1-2", index) == [("Standing Order 1.1", "#sec_1__para_1-1")]


def test_legislation_links_are_off_by_default_and_only_for_acts_known_for_certain(tmp_path):
    """`legislation_links: true`: the Localism Act 2011 links to its legislation.gov.uk
    address; an Act the table does not know, or "the 2011 Act", links nowhere."""
    from clausemark.convert import convert_file as convert

    text = (
        "Rules\n\n1. Scope\n\n1.1 Under Part 1 of the Localism Act 2011, the 2011 Act and "
        "the Local Government (Northern Ireland) Act 2014, Part 3.\n"
    )
    source = tmp_path / "links-legislation.txt"
    source.write_text(text, encoding="utf-8")
    documents = [convert(source)]
    off = build_site_index(documents)
    on = build_site_index(documents, legislation_links=True)
    clause = "sec_1__para_1-1"
    assert _in("links-legislation", clause, off) == []
    assert _in("links-legislation", clause, on) == [
        ("Localism Act 2011", "https://www.legislation.gov.uk/ukpga/2011/20")
    ]
    assert not on.problems() and not off.problems()
