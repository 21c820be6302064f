"""The anchor contract (plugins/clausemark/numbering/ANCHORS.md) says what the converter does.

Every annotated example block is converted and must give exactly the ids it shows, in
reading order; the table of printed numbers must be what `clean_number` makes; every
element the code can name must be in the contract's element table. A block marked
`text pending` is a ruled id the converter does not give yet: a strict expected failure,
so the change that makes it pass must move it into the contract's main sections.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Block, Clause, Heading, Note, Section, Table
from clausemark.numbering.styles import CONTAINER_WORDS, STYLES, clean_number, strip_container_word

CONTRACT = Path(__file__).resolve().parents[2] / "plugins/clausemark/numbering/ANCHORS.md"
TITLE = "Example Standing Orders"  # each example is the body of a document under a title
_BLOCK = re.compile(r"^```(text(?: pending)?)\n(.*?)^```$", re.M | re.S)
_ARROW = re.compile(r"\s+→\s+(.*)$")


def _examples() -> list:
    found = []
    for position, match in enumerate(_BLOCK.finditer(CONTRACT.read_text(encoding="utf-8"))):
        kind, body = match.groups()
        if "→" not in body:
            continue
        lines, ids = [], []
        for line in body.splitlines():
            arrow = _ARROW.search(line)
            if arrow:
                ids += [part.strip() for part in arrow.group(1).split(",")]
                line = line[: arrow.start()]
            lines.append(line)
        text, first = "\n".join(lines) + "\n", lines[0].strip()
        marks = [pytest.mark.xfail(strict=True, reason="ruled, not yet converted so")]
        found.append(
            pytest.param(
                text, ids, id=f"{position}-{first[:30]}", marks=marks if "pending" in kind else ()
            )
        )
    return found


def _ids(blocks: list[Block]) -> list[str]:
    """The id of every section, heading, clause, note and table, in reading order."""
    ids: list[str] = []
    for block in blocks:
        if isinstance(block, Section):
            ids += [block.heading.anchor or "", *_ids(block.blocks)]
        elif isinstance(block, Clause):
            ids += [block.anchor or "", *_ids(list(block.children)), *_ids(list(block.tables))]
        elif isinstance(block, (Heading, Table, Note)):
            ids.append(block.anchor or "")
    return ids


def test_the_contract_has_examples_of_every_kind():
    kinds = [param.marks for param in _examples()]
    assert sum(1 for marks in kinds if not marks) >= 12
    assert sum(1 for marks in kinds if marks) >= 1 or "pending" not in CONTRACT.read_text()


@pytest.mark.parametrize(("text", "expected"), _examples())
def test_each_example_gets_the_ids_the_contract_shows(tmp_path, text, expected):
    path = tmp_path / "example.txt"
    path.write_text(f"{TITLE}\n\n{text}", encoding="utf-8")
    document = convert_file(path)
    got = _ids(document.blocks)
    assert len(got) == len(expected), f"{got} != {expected}"
    assert all(want in ("*", have) for have, want in zip(got, expected, strict=True)), (
        f"{got} != {expected}"
    )


def _number_rows() -> list[tuple[str, str]]:
    """(printed, id part) pairs of the table in section 2."""
    section = CONTRACT.read_text(encoding="utf-8").split("## 2.", 1)[1].split("\n## ", 1)[0]
    pairs = []
    for row in section.splitlines():
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        printed, cleaned = re.findall(r"`([^`]+)`", cells[0]), re.findall(r"`([^`]+)`", cells[1])
        if len(cleaned) == 1:
            cleaned *= len(printed)
        assert len(printed) == len(cleaned), row
        pairs += list(zip(printed, cleaned, strict=True))
    return pairs


def test_the_number_table_is_what_clean_number_makes():
    rows = _number_rows()
    assert len(rows) >= 25
    for printed, cleaned in rows:
        assert clean_number(strip_container_word(printed)) == cleaned, printed


def test_every_element_the_code_names_is_in_the_contract():
    text = CONTRACT.read_text(encoding="utf-8")
    table = text.split("| element | made by |", 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`([a-z]+)`", table))
    made = {style.element for style in STYLES} | {word.element for word in CONTAINER_WORDS}
    assert made | {"para", "subpara", "item", "crossheading", "intro", "table"} == named


def test_every_seed_id_holds_only_the_characters_the_contract_allows():
    """Section 1: ASCII letters, 0-9, '-' and '_' only (no escaping needed anywhere)."""
    from seeds import ALL_SEEDS, converted

    for seed in ALL_SEEDS:
        ids = _ids(converted(seed).blocks)
        assert ids
        assert all(re.fullmatch(r"[A-Za-z0-9_-]+", anchor) for anchor in ids), seed.name
