"""R47 built end to end: items restarting at 1 under each rule are named with their rule
("Rule 2, para 2") in "Referenced by", copy-citation and search, because the plain
number is printed by several clauses of the document; a number printed once keeps its
plain label ("para 3"), so sites without restarts are unchanged."""

from __future__ import annotations

import json
import re

import pytest
from site_builds import build_site, make_project

pytestmark = pytest.mark.build

# Own wording: a purchasing code whose items restart at 1 under each rule.
RULES = (
    "Purchasing Rules\n\n"
    "Rule 1 Application\n\n"
    "1. These Rules govern every purchase the Authority makes.\n\n"
    "2. A purchase under £500 needs no quotation.\n\n"
    "Rule 2 Quotations\n\n"
    "1. Two quotations are sought for purchases up to £20,000.\n\n"
    "2. Quotations are kept for four years, as Rule 1.2 allows.\n\n"
    "3. A late quotation is set aside.\n\n"
    "Rule 3 Exceptions\n\n"
    "1. The Treasurer may set aside Rule 2.1 where:\n\n"
    "(a) one supplier alone can do the work; or\n\n"
    "(b) the need is urgent.\n\n"
    "2. A purchase is recorded whatever rule it falls under, as Rule 2.3 says.\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("restarted")
    project = make_project(root / "project", {"purchasing-rules.txt": RULES})
    build_site(project, root / "site")
    return root / "site"


def _page(site) -> str:
    return (site / "purchasing-rules" / "index.html").read_text("utf-8")


def _after(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"', 1)[1].split('class="cm-clause"', 1)[0]


def test_referenced_by_names_the_citing_clause_with_its_rule(site):
    after = _after(_page(site), "rule_1__para_2")
    assert "Referenced by" in after
    assert re.search(r'<a href="#rule_2__para_2">Rule 2, para 2</a>', after), after


def test_copy_citation_of_a_restarted_clause_and_its_item_names_the_rule(site):
    html = _page(site)
    assert 'data-cm-anchor="rule_2__para_2" data-cm-label="Rule 2, para 2"' in html
    assert 'data-cm-label="Rule 3, para 1(a)"' in html


def test_a_number_printed_once_keeps_its_plain_label(site):
    html = _page(site)
    assert 'data-cm-anchor="rule_2__para_3" data-cm-label="para 3"' in html
    # its "Referenced by" names the citing clause (para 2 of rule 3) with its rule
    assert '<a href="#rule_3__para_2">Rule 3, para 2</a>' in _after(html, "rule_2__para_3")


def test_the_search_entry_shows_the_rule_and_is_found_by_the_qualified_number(site):
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    entries = {d["location"].split("#")[-1]: d for d in docs if "purchasing-rules" in d["location"]}
    assert entries["rule_2__para_2"]["title"] == "Purchasing Rules · Rule 2, para 2"
    assert entries["rule_2__para_2"]["cited"] == "2.2"
    assert entries["rule_2__para_2"]["number"] == "2"
    assert entries["rule_2__para_3"]["title"] == "Purchasing Rules · 3"
    assert "cited" not in entries["rule_2__para_3"]


def test_a_screen_reader_hears_the_restarted_clause_named_with_its_rule(site):
    """attack17 on 4e702d2: the visible citation told the two clauses apart, the buttons'
    and permalinks' spoken names did not ('Copy citation for paragraph 2' for each)."""
    html = _page(site)
    assert 'aria-label="Copy citation for Rule 2, para 2"' in html
    assert 'aria-label="Copy citation for paragraph 3"' in html  # printed once: as before
