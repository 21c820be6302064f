"""Lead ruling R19 (session 12): minutes laid out as a two-column table, each row's first
cell only a printed number or letter ('1', 'A', '2.1') and the second the minute, are
numbered clauses in every format: the Word table and its plain-text copy (cells a tab
apart) give the same clauses. A table of any other shape stays a table."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Table, iter_clauses
from format_fixtures import WordParts, build_docx, para, table

TITLE = "Minutes of the Meeting of Fernhallow Community Council held on 14 May 2025."
ROWS = [
    ["1", "Apologies were received from Cllr Rowe."],
    ["2", "The Clerk reported on the following matters:"],
    ["A", "The noticeboard has been repainted."],
    ["B", "The insurance renews in June."],
    ["3", "Planning applications were considered:"],
    ["3.1", "A porch at 2 Orchard Row: no objection."],
    ["4", "The next meeting is on 11 June 2025."],
]
WANT = [
    "para_1",
    "para_2",
    "para_2__subpara_A",
    "para_2__subpara_B",
    "para_3",
    "para_3__subpara_3-1",
    "para_4",
]


def _write(tmp_path: Path, kind: str, rows: list[list[str]]) -> Path:
    if kind == "txt":
        body = "\n".join("\t".join(row) for row in rows)
        return _put(tmp_path / "minutes.txt", f"{TITLE}\n\n{body}\n")
    data = build_docx(WordParts(body=[para(TITLE), table(rows)]))
    path = tmp_path / "minutes.docx"
    path.write_bytes(data)
    return path


def _put(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_numbered_two_column_table_is_the_minutes_clauses(tmp_path: Path, kind: str):
    document = convert_file(_write(tmp_path, kind, ROWS))
    clauses = [clause for clause, *_ in iter_clauses(document.blocks)]
    assert [clause.anchor for clause in clauses] == WANT
    assert clauses[2].text == "The noticeboard has been repainted."


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize(
    "rows",
    [
        [["Item", "Minute"], ["1", "Apologies were received."], ["2", "Minutes approved."]],
        [["1", "Apologies", "Cllr Rowe"], ["2", "Minutes", "Approved"]],
        [["Planning", "5"], ["Finance", "3"]],
    ],
    ids=["header-row", "three-columns", "numbers-later"],
)
def test_a_table_of_another_shape_stays_a_table(tmp_path: Path, kind: str, rows):
    document = convert_file(_write(tmp_path, kind, rows))
    tables = [
        table
        for clause, *_ in iter_clauses(document.blocks)
        for table in clause.tables
        if isinstance(table, Table)
    ] + [block for block in document.blocks if isinstance(block, Table)]
    assert len(tables) == 1
    cells = [*tables[0].header, *(cell for row in tables[0].rows for cell in row)]
    assert cells == [cell for row in rows for cell in row]
