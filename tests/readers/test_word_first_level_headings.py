"""A Word paragraph numbered by Word's automatic numbering at the first level ('%1', so
'1', '2'), its text a short heading in capitals (bold, as Word styles it), over
paragraphs numbered at the second level ('%1.%2') is a numbered heading sec_1 with
sec_1__para_1-1 under it, exactly as the same text typed in a .txt (issue 23: one
structure whatever the format; lead ruling R8). Before, the reader's '1 **ABOUT THIS
POLICY**' was not read as a number (the bold mark after the space), so the first became
the page's title and the second a cross-heading, their clauses at the top."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Section, iter_clauses
from format_fixtures import WordParts, abstract, build_docx, lvl, num, para, run

SECTIONS = [
    ("GENERAL MATTERS", ["The council keeps this policy under review.", "It applies to all."]),
    ("RESPONSIBILITIES", ["The clerk answers for the records."]),
]


def _docx(suffix: str | None) -> bytes:
    parts = WordParts()
    parts.numbering = [
        abstract(
            1,
            lvl(0, "decimal", "%1", suffix=suffix),
            lvl(1, "decimal", "%1.%2", suffix=suffix),
        ),
        num(1, 1),
    ]
    parts.body = [para("RECORDS POLICY", style="Title")]
    for heading, clauses in SECTIONS:
        parts.body.append(para(run(heading, bold=True), num_id=1, ilvl=0))
        parts.body += [para(text, num_id=1, ilvl=1) for text in clauses]
    return build_docx(parts)


def _structure(path: Path):
    document = convert_file(path)
    sections = [
        (b.heading.anchor, b.heading.title) for b in document.blocks if isinstance(b, Section)
    ]
    anchors = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
    return document.metadata.title, sections, anchors


@pytest.mark.parametrize("suffix", [None, "space"])
def test_word_first_level_numbers_over_capitals_are_numbered_headings(tmp_path, suffix):
    word = tmp_path / "policy.docx"
    word.write_bytes(_docx(suffix))
    typed = tmp_path / "policy.txt"
    lines = ["RECORDS POLICY", ""]
    for number, (heading, clauses) in enumerate(SECTIONS, 1):
        lines += [f"{number} {heading}", ""]
        lines += [f"{number}.{n} {text}\n" for n, text in enumerate(clauses, 1)]
    typed.write_text("\n".join(lines), encoding="utf-8")
    expected = (
        "RECORDS POLICY",
        [("sec_1", "GENERAL MATTERS"), ("sec_2", "RESPONSIBILITIES")],
        ["sec_1__para_1-1", "sec_1__para_1-2", "sec_2__para_2-1"],
    )
    assert _structure(typed) == expected
    assert _structure(word) == expected
