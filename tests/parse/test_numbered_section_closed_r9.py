"""Lead ruling R9 (session 11): a numbered section is closed by a clause whose number does
not extend it. After the heading "1. Introduction" and its 1.1, 1.2, a "2.1" with no "2."
printed stands at the top (para_2-1), never inside sec_1: a reader citing "para 2.1" must
not be told it belongs to section 1. The parser did this before the ruling; this guards it."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses


@pytest.mark.parametrize(
    "heading",
    ["1. Introduction", "1 INTRODUCTION", "1. Who does this protocol cover?"],
)
def test_a_clause_not_extending_the_open_section_stands_at_the_top(tmp_path: Path, heading):
    path = tmp_path / "protocol.txt"
    path.write_text(
        "Member and Officer Protocol\n\n"
        f"{heading}\n\n"
        "1.1 This protocol guides members.\n\n"
        "1.2 It applies to co-opted members too.\n\n"
        "2.1 Members treat officers with respect.\n\n"
        "2.2 Officers give impartial advice.\n",
        encoding="utf-8",
    )
    anchors = [clause.anchor for clause, *_ in iter_clauses(convert_file(path).blocks)]
    assert anchors == ["sec_1__para_1-1", "sec_1__para_1-2", "para_2-1", "para_2-2"]
