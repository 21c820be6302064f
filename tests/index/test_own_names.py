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
