"""Lead ruling R18 (session 12): a multi-level number glued to the end of the words before
it ("... FRAMEWORK1.1.1 The Council's ...") starts a clause there when it extends the open
clause by one level or is its next sibling; any other glued number stays in the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from converted_text import convert_text


def _clauses(tmp_path: Path, body: str) -> list:
    return convert_text(tmp_path, f"Scheme of Delegation\n\n{body}", "scheme.txt")[1]


@pytest.mark.parametrize("mark", [" / ", " "])
def test_a_number_glued_to_a_title_starts_the_clause_it_extends(tmp_path: Path, mark: str):
    body = (
        f"1.1{mark}GENERAL PRINCIPLES1.1.1{mark}Officers report each decision.\n\n"
        f"1.1.2{mark}Officers may refer a matter to the Committee.\n\n"
        f"1.2{mark}STAFFING1.2.1{mark}The Chief Executive appoints staff.\n"
    )
    clauses = _clauses(tmp_path, body)
    assert [c.anchor for c in clauses] == [
        "para_1-1",
        "para_1-1__subpara_1-1-1",
        "para_1-1__subpara_1-1-2",
        "para_1-2",
        "para_1-2__subpara_1-2-1",
    ]
    assert clauses[1].text.endswith("Officers report each decision.")
    assert clauses[0].text.endswith("GENERAL PRINCIPLES")
    assert clauses[4].text.endswith("The Chief Executive appoints staff.")


def test_a_glued_number_that_extends_nothing_open_stays_in_the_text(tmp_path: Path):
    body = (
        "1.1 Leave is granted under Schedule2.4 of the handbook.\n\n"
        "1.2 Disposals above the limit in Rule4.1.2 go to the Committee.\n"
    )
    clauses = _clauses(tmp_path, body)
    assert [c.anchor for c in clauses] == ["para_1-1", "para_1-2"]
    assert "Schedule2.4 of the handbook" in clauses[0].text
