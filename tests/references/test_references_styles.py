"""Cross-references in the numbering styles of issue 10, resolved on converted text.

Each test converts a short text written in that layout, then checks the anchor (the
href fragment) that each reference became.
"""

from __future__ import annotations

from clausemark.model.records import clause_records, heading_records
from clausemark.parse.parser import parse
from clausemark.readers.text import SourceText
from clausemark.references import ClauseIndex, Registry
from reference_support import find_and_resolve

RULES = """Northmoor District Council Constitution

Part 3 – Responsibility for Functions
1. The council's functions are set out in the tables below.

Part 4 – Rules of Procedure

Rule 4 Notice of Meetings
4.1 The Proper Officer gives notice of every meeting.
4.2 Notice is given at least five clear days before the meeting.
4.3 Rule 4.2 does not apply to an urgent meeting; see also Standing Order 12 and Part 3.

Standing Order 12 Motions
12.1 Notice of a motion follows Rule 4 and Article 12.

Article 12 – Officers
12.01 The council appoints a Head of Paid Service.
"""

STATUTORY = """Eastmere Parish Council Standing Orders

Meetings
10.—(1) The council meets at least four times a year.
(2) The Chair presides; sub-paragraph (1) applies to every meeting.
(3) In paragraph 10(2) the Chair includes the Vice-Chair; see also paragraph 3(1)(a).

Voting
3.—(1) Questions are decided by a majority:
(a) of the members present; and
(b) voting.
"""


def _links(text: str, citing_number: str) -> dict[str, str | None]:
    """Every reference in the clause printed `citing_number`, as {phrase: anchor}."""
    document = parse(SourceText("doc.txt", text), "doc")
    records = clause_records(document)
    index = ClauseIndex.build(records, heading_records(document))
    citing = next(r for r in records if r.number == citing_number)
    found = {}
    for resolution in find_and_resolve(citing.text, citing, index, Registry()):
        for link in resolution.links:
            found[citing.text[link.start : link.end]] = link.anchor
        if not resolution.links:
            found[resolution.match.text] = None
    return found


def test_rule_standing_order_article_and_part_link_their_own_headings_and_clauses():
    assert _links(RULES, "4.3") == {
        "Rule 4.2": "part_4__rule_4__para_4-2",
        "Standing Order 12": "part_4__rule_12",
        "Part 3": "part_3",
    }
    assert _links(RULES, "12.1") == {"Rule 4": "part_4__rule_4", "Article 12": "part_4__art_12"}


LETTERED = """Scheme of Delegation

3. The Clerk may:
(a) place orders up to the budget;
(b) answer letters.
4. A decision under paragraph 3(a) is reported to the next meeting.
"""


def test_sub_paragraph_inside_paragraph_10_means_10_2():
    assert _links(STATUTORY, "(2)") == {"sub-paragraph (1)": "para_10__subpara_1"}
    assert _links(STATUTORY, "(3)") == {
        "paragraph 10(2)": "para_10__subpara_2",
        "paragraph 3(1)(a)": "para_3__subpara_1__item_a",
    }


def test_paragraph_3a_is_item_a_of_paragraph_3():
    assert _links(LETTERED, "4.") == {"paragraph 3(a)": "para_3__subpara_a"}


def test_article_with_no_article_heading_is_not_taken_for_paragraph_12():
    text = "Title of the Code\n\n12. A member must act lawfully.\n13. See Article 12."
    assert _links(text, "13.") == {"Article 12": None}


def test_standing_order_2a_is_item_a_under_the_heading_2():
    text = (
        "Standing Orders\n\n1. Rules of debate\na. Motions are taken in order.\nb. See "
        "standing order 2(a).\n\n2. Disorderly conduct\na. No person shall obstruct business.\n"
    )
    assert _links(text, "b.") == {"standing order 2(a)": "sec_2__para_a"}


def test_paragraph_2_3_is_the_third_item_printed_under_the_heading_2():
    """A web page's <ol> under "2. General principles" shows 1., 2., 3. (as printed: no
    "2.3" is invented), while the scheme cites "paragraph 2.3": it is that third item.
    A clause printed 2.3 would win; an item nested in a clause is never taken."""
    text = (
        "Complaints Scheme\n\n1. Definitions\n1.1 A complaint is dealt with under "
        "paragraph 2.3, never paragraph 2.4.\n\n2. General principles\n1. Complaints are "
        "acknowledged.\n2. They are answered.\n3. An appeal goes to the panel.\n\n"
        "3. Appeals\n3.1 The panel meets monthly:\n(a) in public;\n(b) see paragraph 3.2.\n"
    )
    assert _links(text, "1.1") == {"paragraph 2.3": "sec_2__para_3", "paragraph 2.4": None}
    assert _links(text, "(b)") == {"paragraph 3.2": None}


def _links_at(text: str, anchor: str) -> dict[str, str | None]:
    """Every reference in the clause whose id is `anchor`, as {phrase: anchor}."""
    document = parse(SourceText("doc.txt", text), "doc")
    records = clause_records(document)
    index = ClauseIndex.build(records, heading_records(document))
    citing = next(r for r in records if r.anchor == anchor)
    found: dict[str, str | None] = {}
    for resolution in find_and_resolve(citing.text, citing, index, Registry()):
        for link in resolution.links:
            found[citing.text[link.start : link.end]] = link.anchor
        if not resolution.links:
            found[resolution.match.text] = None
    return found


def test_rule_3_is_the_rule_headed_3_not_item_3_of_the_citing_rule():
    """Rules saved from a web page print "3. Formal tenders" over items that restart at 1
    (R13(a), R40). "Rule 3" / "Rules 2 and 3" name the rules headed 2 and 3, never the
    items printed 2. and 3. of the rule the sentence stands in (trial17: "run a formal
    tender under Rule 3" linked its own section's item 3). "paragraph 3" is unchanged:
    the item 3 of the citing section."""
    text = (
        "Purchasing Rules\n\n1. Scope\n1. These Rules cover every purchase.\n"
        "2. A purchase over £500 follows Rule 3.\n3. A waiver of Rules 2 and 3 is "
        "recorded; see paragraph 3.\n\n2. Quotations\n1. Three quotations are sought.\n"
        "2. Each is kept.\n3. The cheapest is taken.\n\n3. Tenders\n1. Tenders are opened "
        "together.\n2. Late tenders are returned.\n3. Tenders are scored.\n"
    )
    assert _links_at(text, "sec_1__para_2") == {"Rule 3": "sec_3"}
    assert _links_at(text, "sec_1__para_3") == {
        "Rules 2": "sec_2",
        "3": "sec_3",
        "paragraph 3": "sec_1__para_3",
    }
