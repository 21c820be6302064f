"""A container holding many blocks and no clause yet (a Part over hundreds of
cross-headings, hundreds of empty Parts with a note each) is read in time linear in its
size: whether it has begun and where its last clause is are kept as blocks are added,
not found by walking every block again at each unit (review9: x3.4 and x4.5 CPU at 2n,
6.5 CPU s for a 238 KB text)."""

from __future__ import annotations

import pytest
from real_texts import assert_linear


def _cross_headings(n: int) -> str:
    return (
        "Rules\n\nPart 1 Rules\n\n" + "".join(f"Heading {i}\n\n" for i in range(n)) + "1. Text.\n"
    )


def _empty_parts(n: int) -> str:
    parts = "".join(f"PART {i} ENTRY\n\nThis part is empty.\n\n" for i in range(1, n))
    return f"Rules\n\n{parts}1. Text.\n"


@pytest.mark.build
@pytest.mark.parametrize("text", [_cross_headings, _empty_parts], ids=["xheads", "parts"])
def test_many_blocks_before_a_containers_first_clause_stay_linear(tmp_path, text):
    assert_linear(tmp_path, text, n=1_500)
