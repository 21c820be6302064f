"""Nothing left out silently (issue 23): contents lists recognised by what they are,
number tables kept in their clause, every left-out line reported, a guess warned until the
sidecar acknowledges it."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.index.search import clause_entries
from clausemark.model.document import Table, iter_clauses
from clausemark.model.records import clause_records
from clausemark.parse.drops import Acknowledged, acknowledged, drop_summary
from clausemark.readers.text import SourceText
from clausemark.render.fidelity import lost_words
from clausemark.render.markdown_writer import render_document
from clausemark.versions.diff import AMENDED, UNCHANGED, diff_clauses
from format_fixtures import WordParts, build_docx, para, table
from hostile_files import assert_linear_cpu

LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"

QUORUM = """Ravensmoor District Council
Standing Orders

1. Quorum
1.1 The quorum of each committee is:
Committee\tQuorum
Planning\t5
Licensing\t3
1.2 Business is not done without a quorum.

2. Time limits
2.1 The limits on speeches are:

Mover of a motion\t5
Any other member\t3

2.2 The chair may allow longer.
"""

GUESSED = """Hollinsford Borough Council
Contract Procedure Rules

Contents
Part 1 Introduction ........................ 2
Part 2 Quotations ......................... 3

PART 1 – GENERAL PROVISIONS
1.1 These rules apply to every contract the council makes.

PART 2 – QUOTES FOR SMALLER CONTRACTS
2.1 For a smaller contract the officer must obtain three written quotes.
"""


def _write(tmp_path: Path, name: str, text: str, sidecar: str | None = None) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    if sidecar is not None:
        path.with_suffix(".yml").write_text(sidecar, encoding="utf-8")
    return path


def _clauses(document):
    return {c.anchor: c for c, *_ in iter_clauses(document.blocks)}


def test_a_number_table_is_kept_in_the_clause_it_follows_in_every_row(tmp_path):
    document = convert_file(_write(tmp_path, "rules.txt", QUORUM))
    assert document.dropped == []
    clauses = _clauses(document)
    [quorum] = clauses["sec_1__para_1-1"].tables
    assert (quorum.header, quorum.rows) == (
        ["Committee", "Quorum"],
        [["Planning", "5"], ["Licensing", "3"]],
    )
    [limits] = clauses["sec_2__para_2-1"].tables
    assert limits.rows[-1] == ["Any other member", "3"]
    markdown = render_document(document)
    assert "| Planning | 5 |" in markdown and "| Any other member | 3 |" in markdown
    assert markdown.index("The quorum of each committee is:") < markdown.index("| Planning | 5 |")
    assert markdown.index("| Licensing | 3 |") < markdown.index("Business is not done")
    assert not [w for w in document.warnings if w.code in ("lost-words", "dropped")]


def test_a_changed_cell_amends_the_clause_and_its_words_are_in_search(tmp_path):
    old = convert_file(_write(tmp_path, "old.txt", QUORUM))
    new = convert_file(_write(tmp_path, "new.txt", QUORUM.replace("Planning\t5", "Planning\t6")))
    changes = {
        c.new.anchor: c for c in diff_clauses(clause_records(old), clause_records(new)).changes
    }
    assert changes["sec_1__para_1-1"].status == AMENDED
    assert changes["sec_1__para_1-2"].status == UNCHANGED
    record = next(r for r in clause_records(new) if r.anchor == "sec_1__para_1-1")
    assert "Planning | 6" in record.units
    entry = next(
        e
        for e in clause_entries(new, clause_records(new), "rules/")
        if "#sec_1__para_1-1" in e.location
    )
    assert "Licensing" in entry.text and "Planning | 6" in entry.text


def test_a_word_table_after_a_clause_is_part_of_it(tmp_path):
    parts = WordParts()
    parts.body += [para("Standing Orders", "Title"), para("1. Quorum", "Heading1")]
    parts.body.append(para("1.1 The quorum of each committee is:"))
    parts.body.append(table([["Committee", "Quorum"], ["Planning", "5"], ["Licensing", "3"]]))
    parts.body.append(para("1.2 Business is not done without a quorum."))
    path = tmp_path / "rules.docx"
    path.write_bytes(build_docx(parts))
    document = convert_file(path)
    [quorum] = _clauses(document)["sec_1__para_1-1"].tables
    assert quorum.rows == [["Planning", "5"], ["Licensing", "3"]]
    assert not [d for d in document.dropped if "Planning" in d.text]


def test_a_contents_list_whose_entries_come_back_is_left_out_with_an_info_line(tmp_path):
    document = convert_file(LAYOUTS / "contents_list_of_standing_orders.txt")
    dropped = [(d.line, d.kind, d.level) for d in document.dropped]
    assert dropped == [(line, "contents", "info") for line in range(4, 9)]
    assert not [w for w in document.warnings if w.code == "dropped"]
    [info] = drop_summary(document)
    assert info.message == "left out as printed contents list: lines 4-8"


def test_a_guessed_contents_list_warns_naming_the_lines_until_the_sidecar_acknowledges_it(
    tmp_path,
):
    document = convert_file(_write(tmp_path, "rules.txt", GUESSED))
    assert {(d.line, d.level) for d in document.dropped} == {
        (4, "warning"),
        (5, "warning"),
        (6, "warning"),
    }
    [warning] = [w for w in document.warnings if w.code == "dropped"]
    line = warning.format("sources/rules.txt")
    assert line.startswith("sources/rules.txt:4: lines 4-6 left out as a printed contents list")
    assert "Part 1 Introduction" in line and "`dropped: [lines 4-6]`" in line
    sidecar = "dropped: [lines 4-6]\n"
    quiet = convert_file(tmp_path / "rules.txt", defaults={"dropped": ["lines 4-6"]})
    assert not [w for w in quiet.warnings if w.code == "dropped"]
    assert {d.level for d in quiet.dropped} == {"acknowledged"}
    assert sidecar  # the sidecar form documented in the README


def test_the_acknowledgement_reads_lines_ranges_and_places():
    named = acknowledged(["lines 5-7", 9, "line 12", "20-21"])
    assert named == Acknowledged(((5, 7), (9, 9), (12, 12), (20, 21)), {})
    assert [n for n in range(25) if named.names_line(n)] == [5, 6, 7, 9, 12, 20, 21]
    assert acknowledged("page 2") == Acknowledged((), {"page": ((2, 2),)})
    assert acknowledged(["paragraphs 3-4"]).names_place("paragraph", 4)
    assert acknowledged(["everything", "lines 9-2", "lines 1-99999999"]) == Acknowledged()
    assert acknowledged(["contents", "lines 1-3", "2-8"]) == Acknowledged(
        ((1, 8),), {}, frozenset({"contents"})
    )


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_thousands_of_wide_ranges_are_read_in_linear_time():
    """A 60 KB sidecar naming 'lines 1-100000' 3,000 times once hung the build (3 * 10^8
    lines put in a set): ranges are kept as ranges. Timed at sizes of ~0.3 and ~0.6 CPU s:
    at 30,000 (0.05 s) one busy spell failed the fresh-clone CI (3.1x) on linear work."""
    small, large = (["lines 1-100000"] * n for n in (120_000, 240_000))
    assert_linear_cpu(acknowledged, small, large)
    assert acknowledged(large).names_line(100_000) and not acknowledged(large).names_line(100_001)


def test_appendix_entries_of_a_list_that_is_not_contents_open_no_container(tmp_path):
    text = (
        "Elm Parish Council\nComplaints Procedure\n\nContents\nPurpose of the form\n"
        "Appendix A – Complaint form\nAppendix B – Timescales\n\n"
        "1. Purpose\n1.1 This procedure explains how complaints are handled.\n"
    )
    document = convert_file(_write(tmp_path, "rules.txt", text))
    assert [c.anchor for c, *_ in iter_clauses(document.blocks)][-1] == "sec_1__para_1-1"
    assert not [d for d in document.dropped]  # kept as printed: its entries never come back
    assert "Appendix A – Complaint form" in render_document(document)


def test_a_labelled_numbered_list_that_is_not_contents_keeps_its_clauses(tmp_path):
    text = (
        "Elm Parish Council\nStanding Orders\n\nList of committees:\n1. Planning Committee\n"
        "2. Finance Committee\n\nMeetings\n3. The council meets four times a year.\n"
    )
    document = convert_file(_write(tmp_path, "rules.txt", text))
    assert [c.number for c, *_ in iter_clauses(document.blocks)] == ["1.", "2.", "3."]
    assert document.dropped == []


def test_a_left_out_line_must_be_in_the_drop_report_with_its_words(tmp_path):
    source = SourceText(
        "rules.txt",
        "Title\n\nContents\nOne ...... 2\nTwo ...... 3\n\n1. One\n1.1 Text.\n\n2. Two\n2.1 More.\n",
    )
    document = convert_file(_write(tmp_path, "rules.txt", source.text))
    assert lost_words(source, document) == []
    document.dropped[1].text = "One"  # the report lost the page number
    assert lost_words(source, document) == ["line 4 left out, but '2' is not in the drop report"]


def test_a_table_is_never_taken_for_contents_when_its_first_column_is_not_headings(tmp_path):
    text = QUORUM.replace("Committee\tQuorum\n", "")  # no header row: every row ends in a number
    document = convert_file(_write(tmp_path, "rules.txt", text))
    assert document.dropped == []
    assert isinstance(_clauses(document)["sec_1__para_1-1"].tables[0], Table)


def test_a_dotted_list_under_a_lead_in_is_the_clause_s_and_kept(tmp_path):
    text = (
        "Elm Parish Council\nFees and Charges\n\n1. Copies\n1.1 The fees for copies are:\n\n"
        "Black and white page ........ 10\nColour page ........ 25\n\n"
        "1.2 Fees are reviewed each year.\n"
    )
    document = convert_file(_write(tmp_path, "fees.txt", text))
    assert document.dropped == []
    assert not [w for w in document.warnings if w.code == "dropped"]
    assert "Colour page" in render_document(document)


def test_a_number_table_laid_out_with_spaces_is_a_table_in_its_clause(tmp_path):
    text = (
        "Tollbridge Parish Council\nStanding Orders\n\n1. Committees\n"
        "1.1 The committees and their quorums are:\n\n"
        "    Finance Committee          3\n    Planning Committee         4\n\n"
        "1.2 No business is done without a quorum.\n"
    )
    document = convert_file(_write(tmp_path, "rules.txt", text))
    assert document.dropped == []
    [quorum] = _clauses(document)["sec_1__para_1-1"].tables
    assert [quorum.header, *quorum.rows] == [
        ["Finance Committee", "3"],
        ["Planning Committee", "4"],
    ]


def _contents_document(repeats: int, sections: int = 300) -> str:
    """A contents list of 300 sections over the sections printed `repeats` times (as a
    long text of many short documents repeats its headings and numbers)."""
    entries = "\n".join(f"{n}. Section title {n} ........ {n + 2}" for n in range(1, sections + 1))
    body = "\n\n".join(
        f"{n}. Section title {n}\n{n}.1 The council shall do thing {n}."
        for n in range(1, sections + 1)
    )
    bodies = "\n\n".join([body] * repeats)
    return f"Elm Parish Council\nStanding Orders\n\nContents\n{entries}\n\n{bodies}\n"


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_contents_and_repeated_ids_grow_linearly():
    """CPU time at 2n over n (least of three runs, interleaved): linear work is about 2."""
    from clausemark.parse.parser import parse

    def work(text):
        document = parse(SourceText("rules.txt", text), "rules")
        assert document.dropped[0].kind == "contents"

    assert_linear_cpu(work, _contents_document(4), _contents_document(8))


@pytest.mark.parametrize(
    "line",
    ["part {i} of the sentence", "x{i}"],
    ids=["wrapped lines", "one-word lines read each on its own"],
)
def test_a_paragraph_past_the_line_limit_goes_on_in_its_clause_with_a_warning(tmp_path, line):
    """Past `paragraph_lines` lines with no blank line, the paragraph goes on as a new one
    in the same clause: every word kept, in order (the converter's proof finds none lost),
    and the maintainer told on which line. Whether the lines were joined as the text was
    read or as the clause was built (one-word lines), the paragraph is cut once: joining
    each line to an ever longer text made a paragraph of n lines cost n^2."""
    from clausemark.render.markdown_writer import render_document
    from clausemark.support.limits import most

    count = most("paragraph_lines") + 5
    lines = "".join(line.format(i=i) + "\n" for i in range(count))
    path = tmp_path / "long.txt"
    path.write_text(f"1. Scope\n\n1.1 These rules apply to\n{lines}", encoding="utf-8")
    document = convert_file(path)
    cut = [w for w in document.warnings if w.code == "long-paragraph"]
    assert [w.line for w in cut] == [4 + most("paragraph_lines")], cut
    assert not [w for w in document.warnings if w.code == "lost-words"]
    clauses = [c for c, *_ in iter_clauses(document.blocks) if c.number]
    assert [c.number for c in clauses] == ["1.1"]
    said = [clauses[0].text, *clauses[0].paragraphs]
    assert len(said) == 2, [len(p) for p in said]  # one cut: the rest goes on below
    page = render_document(document)
    first, last = line.format(i=0), line.format(i=count - 1)
    assert page.index(f"{first} ") < page.index(f"{last}\n")


def test_a_dropped_entry_that_names_nothing_is_one_warning(tmp_path):
    """'dropped: [lines 4-z]' acknowledged nothing, silently: the contents warning it was
    meant for stayed, with no word of why (found by the session-9 trial)."""
    path = _write(tmp_path, "rules.txt", GUESSED)
    typo = convert_file(path, defaults={"dropped": ["lines 4-z", "lines 4-6", "contnets"]})
    assert {d.level for d in typo.dropped} == {"acknowledged"}  # the good entry still works
    [warning] = [w for w in typo.warnings if w.code == "dropped-entry"]
    assert warning.format("sources/rules.txt").startswith(
        "sources/rules.txt: the sidecar's `dropped:` entry 'lines 4-z', 'contnets' names no "
        "line, page or kind"
    )
    good = convert_file(path, defaults={"dropped": ["lines 4-6", "contents-guessed", 7]})
    assert not [w for w in good.warnings if w.code == "dropped-entry"]
