"""A document of the site answers to its own title, and to the name before a second name
in brackets ("Council Procedure Rules (Standing Orders)")."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.index.site_index import build_site_index, own_short_names

RULES = """\
---
title: Council Procedure Rules (Standing Orders)
council: Brackenford District Council
---

1. Scope

1.1 These rules govern meetings of the Council.

2. Suspension

2.1 Any of these Council Procedure Rules except Rule 1.1 may be suspended.
"""


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Council Procedure Rules (Standing Orders)", ["Council Procedure Rules"]),
        ("Members' Allowances Scheme (2026/27)", ["Members' Allowances Scheme"]),
        ("Protocol (Draft)", []),  # one word is no name
        ("Council Procedure Rules", []),
        ("Rules (a) and (b) of Meetings", []),
        # a Welsh council's title in both languages answers to each (session-9 trial)
        ("Cynllun Deisebau / Petition Scheme", ["Cynllun Deisebau", "Petition Scheme"]),
        (
            "Rheolau Sefydlog y Cyngor | Council Standing Orders",
            ["Rheolau Sefydlog y Cyngor", "Council Standing Orders"],
        ),
        ("Member/Officer Relations Protocol", []),  # no spaces: one name
        ("Deisebau / Petitions", []),  # one word is no name
        ("Standing Orders / Procedure Rules / Protocols", []),
    ],
)
def test_the_name_before_a_second_name_in_brackets(title, names):
    assert own_short_names(title) == names


def test_a_document_citing_itself_by_its_short_name_is_no_unresolved_reference(tmp_path):
    path = tmp_path / "council-procedure-rules.txt"
    path.write_text(RULES, encoding="utf-8")
    index = build_site_index([convert_file(path)])
    problems = [f"{p.status}: {p.message}" for p in index.problems()]
    assert not any("Council Procedure Rules" in p for p in problems), problems


PETITIONS = """\
Petition Scheme of the Council

1. Debates

1.1 The lead petitioner speaks as paragraph 4.3 of the Council Standing Orders allows.
"""
ORDERS = (
    "Rheolau Sefydlog y Cyngor / Council Standing Orders\n\n"
    "4. Debate\n\n4.3 No speech exceeds five minutes.\n"
)


def test_a_title_in_two_languages_is_cited_by_its_english_name(tmp_path):
    (tmp_path / "petitions.txt").write_text(PETITIONS, encoding="utf-8")
    (tmp_path / "standing-orders.txt").write_text(ORDERS, encoding="utf-8")
    documents = [convert_file(tmp_path / name) for name in ("petitions.txt", "standing-orders.txt")]
    index = build_site_index(documents)
    assert [f"{p.status}: {p.message}" for p in index.problems()] == []
    [use] = [u for u in index.references if "Standing Orders" in u.text]
    assert use.targets == (("standing-orders", "sec_4__para_4-3"),)
