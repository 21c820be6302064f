"""A .txt source may carry the light Markdown and HTML of a page copied from the web, as the
five seed protocols the product was made from do ('## **Respect and Courtesy**',
'[employees](#)', '<sup>1</sup>'): that markup is read, never shown as characters.

Lead ruling R5 of session 10 (show a .txt's '*', '_', '<b>', '<a>' literally) was WITHDRAWN
at 11:00 on 2026-12-07: it turned the raw seeds' headings into '**Respect and Courtesy**'.
The backslash ruling of session 9 stands (tests/render, tests/hostile)."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Clause, Heading, Section

SEED_LIKE = """Member and Officer Protocol

## **Respect and Courtesy**

1. Members and officers are courteous, as the codes for [employees](#) and [members](#) require.

## ***Undue Pressure***

2. A member does not press an officer to act against **professional advice**.
"""


def _walk(blocks):
    for block in blocks:
        yield block
        if isinstance(block, Section):
            yield from _walk(block.blocks)


def test_a_txt_source_copied_from_the_web_keeps_its_markup_as_markup(tmp_path: Path) -> None:
    source = tmp_path / "protocol.txt"
    source.write_text(SEED_LIKE, encoding="utf-8")
    blocks = list(_walk(convert_file(source).blocks))
    headings = [b.heading if isinstance(b, Section) else b for b in blocks]
    titles = [h.title for h in headings if isinstance(h, Heading)]
    clauses = {b.number: b.text for b in blocks if isinstance(b, Clause)}
    assert titles == ["Respect and Courtesy", "Undue Pressure"], (
        "a .txt's Markdown heading marks are read, not shown (ruling R5 withdrawn)"
    )
    assert "[employees](#)" in clauses["1."] and "\\[" not in clauses["1."]
    assert "**professional advice**" in clauses["2."] and "\\*" not in clauses["2."]
