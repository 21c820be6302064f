"""A section's title may end on the particle of a phrasal verb ("1. Who may call in",
"Matters to report on", "Complaints to deal with") over its own 1.1, 1.2: found in the
new-user trial, where such a heading became a clause with 1.1 and 1.2 as its items (out
of the contents, "para 1(1-2)" in the citations) while every other section was right."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Section, iter_clauses


def _convert(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def _text(title: str) -> str:
    return (
        "Call-in Rules\n\n"
        f"1. {title}\n\n"
        "1.1 A key decision may be called in before it is carried out.\n\n"
        "1.2 A decision may not be called in if it is urgent.\n\n"
        "2. Meetings\n\n"
        "2.1 The committee meets within ten working days.\n"
    )


@pytest.mark.parametrize(
    "title",
    ["Who may call in", "Decisions that may be called in", "Matters to report on",
     "Complaints to deal with"],
)  # fmt: skip
def test_a_title_ending_on_a_particle_heads_its_section(tmp_path, title):
    document = _convert(tmp_path, "rules.txt", _text(title))
    sections = [b for b in document.blocks if isinstance(b, Section)]
    assert [(s.heading.number, s.heading.title) for s in sections] == [
        ("1.", title),
        ("2.", "Meetings"),
    ]
    anchors = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
    assert anchors == ["sec_1__para_1-1", "sec_1__para_1-2", "sec_2__para_2-1"]


def test_the_same_from_a_web_page(tmp_path):
    page = (
        "<html><body><h1>Call-in Rules</h1><h2>1. When a decision may be called in</h2>"
        "<p>1.1 A key decision may be called in.</p><p>1.2 An urgent one may not.</p>"
        "<h2>2. Meetings</h2><p>2.1 The committee meets.</p></body></html>"
    )
    document = _convert(tmp_path, "rules.html", page)
    sections = [b for b in document.blocks if isinstance(b, Section)]
    assert [s.heading.title for s in sections] == ["When a decision may be called in", "Meetings"]


@pytest.mark.parametrize("ending", ["of", "and", "the"])
def test_a_line_ending_on_any_other_continuing_word_opens_no_section(tmp_path, ending):
    """'1. The council consists of' stops mid-sentence: not a title, whatever follows."""
    document = _convert(tmp_path, "rules.txt", _text(f"The council consists {ending}"))
    titles = [b.heading.title for b in document.blocks if isinstance(b, Section)]
    assert f"The council consists {ending}" not in titles
