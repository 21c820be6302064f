"""Item letters and numbers printed in square brackets ("[a]", "[ii]", "[1]") at the start
of a line are items, in every format, while "[4]" glued to a word stays a web footnote
marker; numbers glued to a capitalised word by a Word export that lost its tab
("1Meetings", "aMeetings shall …") are clause numbers when their neighbours go on in
sequence, and "1st", "3D", "4G", "24/7", years and "A1 road" never are."""

from __future__ import annotations

from pathlib import Path

import docx
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses

LINES = [
    "Delegation Scheme",
    "1. Scope",
    "1.1 Nothing here delegates a matter:",
    "[a] which the law reserves to the council;",
    "[b] which the council keeps by resolution[3].",
    "1.2 The clerk acts for the council.",
    "[3] A resolution stays in force until it is rescinded.",
]


def _convert(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def _numbers(document) -> list[tuple[str, str]]:
    clauses = [clause for clause, *_ in iter_clauses(document.blocks)]
    return [(clause.number, clause.anchor) for clause in clauses if clause.number]


WANT = [
    ("1.1", "sec_1__para_1-1"),
    ("[a]", "sec_1__para_1-1__subpara_a"),
    ("[b]", "sec_1__para_1-1__subpara_b"),
    ("1.2", "sec_1__para_1-2"),
]


def test_bracketed_item_letters_in_a_text_are_items_and_a_glued_marker_a_footnote(tmp_path):
    document = _convert(tmp_path, "scheme.txt", "\n".join(LINES) + "\n")
    assert _numbers(document) == WANT
    assert [(f.label, f.text) for f in document.footnotes] == [
        ("3", "A resolution stays in force until it is rescinded.")
    ]


def test_bracketed_item_letters_in_a_web_page_are_items(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in LINES[2:])
    page = f"<html><body><h1>{LINES[0]}</h1><h2>{LINES[1]}</h2>{body}</body></html>"
    document = _convert(tmp_path, "scheme.html", page)
    assert _numbers(document) == WANT
    assert [f.label for f in document.footnotes] == ["3"]


def test_bracketed_item_letters_in_word_are_items(tmp_path):
    made = docx.Document()
    made.add_heading(LINES[0], level=1)
    made.add_heading(LINES[1], level=2)
    for line in LINES[2:]:
        made.add_paragraph(line)
    path = tmp_path / "scheme.docx"
    made.save(path)
    assert _numbers(convert_file(path)) == WANT


def test_a_bracketed_word_or_a_lone_marker_at_a_line_start_is_no_item(tmp_path):
    text = "Rules\n\n1. Scope\n1.1 The clerk signs:\n[Name of clerk] for the council.\n[13]\n"
    document = _convert(tmp_path, "rules.txt", text)
    assert [n for n, _ in _numbers(document)] == ["1.1"]


GLUED = [
    "Standing Orders",
    "1Meetings",
    "aMeetings are held in the village hall.",
    "bThe Council gives three clear days notice.",
    "2Quorum",
    "aThree councillors form a quorum.",
    "bWithout a quorum the Chair adjourns the meeting.",
]
GLUED_WANT = [
    ("a", "sec_1__para_a"),
    ("b", "sec_1__para_b"),
    ("a", "sec_2__para_a"),
    ("b", "sec_2__para_b"),
]


def _headings(document) -> list[str]:
    from clausemark.model.document import iter_headings

    return [f"{h.number} {h.title}" for h in iter_headings(document.blocks)]


def test_numbers_glued_to_their_words_in_a_text_are_read_and_no_word_is_lost(tmp_path):
    from clausemark.readers.text import read_source
    from clausemark.render.fidelity import lost_words

    path = tmp_path / "orders.txt"
    path.write_text("\n\n".join(GLUED) + "\n", encoding="utf-8")
    document = convert_file(path)
    assert _headings(document) == ["1 Meetings", "2 Quorum"]
    assert _numbers(document) == GLUED_WANT
    assert lost_words(read_source(path), document) == []


def test_the_glued_numbers_of_a_text_are_read_once_a_conversion(tmp_path, monkeypatch):
    """The parser and the nothing-lost proof part the same glued numbers: each line's
    number is read once a conversion (read again by the proof, a 7 MB Word text took
    0.12 CPU s more), a text read after another gets its own parts, never the other's,
    and a word the page loses is still found."""
    from clausemark.numbering import glued
    from clausemark.readers.text import read_source
    from clausemark.render.fidelity import lost_words

    read: list[str] = []
    key = glued._key
    monkeypatch.setattr(glued, "_key", lambda raw: read.append(raw) or key(raw))
    path = tmp_path / "orders.txt"  # a title of its own: no other test reads this text
    path.write_text("\n\n".join(["Orders Read Once", *GLUED[1:]]) + "\n", encoding="utf-8")
    document = convert_file(path)
    assert _numbers(document) == GLUED_WANT
    assert not document.warnings
    assert sorted(read) == sorted(read_source(path).text.split("\n"))
    # the next text: the second heading printed apart, so its items are parted by their
    # own neighbours ("2 Quorum" over "aThree ..."), not by the first text's parts
    other = tmp_path / "other.txt"
    lines = ["Orders Read Once", *(line.replace("2Quorum", "2 Quorum") for line in GLUED[1:])]
    other.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    read.clear()
    document = convert_file(other)
    assert _numbers(document) == GLUED_WANT and not document.warnings
    assert sorted(read) == sorted(read_source(other).text.split("\n"))
    clause = next(c for c, *_ in iter_clauses(document.blocks) if "Three" in c.text)
    clause.text = clause.text.replace("Three ", "")
    assert lost_words(read_source(other), document) == [
        "word 'three' lost near: days notice 2 quorum a three councillors form a quorum (line 11)"
    ]


def test_numbers_glued_to_their_words_in_word_are_read(tmp_path):
    made = docx.Document()
    for line in GLUED:
        made.add_paragraph(line)
    path = tmp_path / "orders.docx"
    made.save(path)
    document = convert_file(path)
    assert _headings(document) == ["1 Meetings", "2 Quorum"]
    assert _numbers(document) == GLUED_WANT


def test_glued_words_out_of_sequence_stay_text(tmp_path):
    text = (
        "Notes\n\n1st meetings after an election elect the Chair.\n"
        "4G coverage is poor in the hall.\n3D plans are kept by the Clerk.\n"
        "eBay sales of surplus equipment need a resolution.\n"
        "2Quorum is set by the standing orders.\n24/7 access is given to the Clerk.\n"
    )
    document = _convert(tmp_path, "notes.txt", text)
    assert _numbers(document) == [] and _headings(document) == []
