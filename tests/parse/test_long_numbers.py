"""Clause numbers past 999 in a .txt (issue 23 leftover): "1000." after clause 999 is clause
1000 (para_1000), not words of clause 999, whether a blank line parts the clauses or not;
a year at a line's start ("2015. The ...") that does not come next stays text."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_numbers_past_999_go_on_as_clauses(tmp_path: Path, gap: str):
    body = gap.join(f"{n}. The council notes item {n}." for n in range(997, 1003))
    path = tmp_path / "orders.txt"
    path.write_text(f"Standing Orders\n\n{body}\n", encoding="utf-8")
    document = convert_file(path)
    clauses = [clause for clause, *_ in iter_clauses(document.blocks)]
    assert [c.anchor for c in clauses] == [f"para_{n}" for n in range(997, 1003)]
    assert clauses[-1].text == "The council notes item 1002."
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_a_year_that_does_not_come_next_stays_text(tmp_path: Path):
    path = tmp_path / "orders.txt"
    path.write_text(
        "Standing Orders\n\n"
        "998. The council notes item 998.\n\n"
        "999. These orders were first adopted in\n"
        "2015. They were revised in May.\n",
        encoding="utf-8",
    )
    clauses = [clause for clause, *_ in iter_clauses(convert_file(path).blocks)]
    assert [c.anchor for c in clauses] == ["para_998", "para_999"]
