"""A contents list whose entries are a paragraph each (a blank line between them, as the
Word and web page readers always give it), or bulleted, is recognised as one list in every
format; paragraphs that only look like entries stay in the text."""

from __future__ import annotations

import docx
import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses, iter_notes
from real_texts import convert_text as _convert
from real_texts import headings as _headings

BODY = """1. Meetings of the Council
1.1 The annual meeting is held in May.
2. Quorum
2.1 The quorum is one quarter of the members.
3. Motions
3.1 Notice of motion is given in writing.
"""
HEAD = "Section 4: Council Procedure Rules\n\nOn this page:\n\n"


def _contents(document) -> list[str]:
    return [d.text for d in document.dropped if d.kind == "contents"]


def test_a_text_contents_list_with_blank_lines_between_entries_is_left_out(tmp_path):
    text = HEAD + "Meetings of the Council\n\nQuorum\n\nMotions\n\n" + BODY
    document = _convert(tmp_path, "rules.txt", text)
    assert _headings(document) == ["1. Meetings of the Council", "2. Quorum", "3. Motions"]
    assert _contents(document) == ["On this page:", "Meetings of the Council", "Quorum", "Motions"]
    assert {d.level for d in document.dropped if d.kind == "contents"} == {"info"}
    assert [c[0].number for c in iter_clauses(document.blocks)] == ["1.1", "2.1", "3.1"]
    assert not [w for w in document.warnings if w.code == "dropped"]


def test_bulleted_entries_with_blank_lines_between_them_are_left_out(tmp_path):
    text = HEAD + "- Meetings of the Council\n\n- Quorum\n\n- Motions\n\n" + BODY
    document = _convert(tmp_path, "rules.txt", text)
    assert _headings(document) == ["1. Meetings of the Council", "2. Quorum", "3. Motions"]
    assert _contents(document)[1:] == ["- Meetings of the Council", "- Quorum", "- Motions"]
    assert [c[0].number for c in iter_clauses(document.blocks)] == ["1.1", "2.1", "3.1"]


def test_a_word_contents_list_of_one_paragraph_per_entry_is_left_out(tmp_path):
    made = docx.Document()
    made.add_paragraph("Section 4: Council Procedure Rules")
    made.add_paragraph("On this page:")
    for entry in ("Membership", "Chair of the Council", "Voting"):
        made.add_paragraph(entry)
    for number, title, text in (
        (1, "Membership", "The council has twelve members."),
        (2, "Chair of the Council", "The chair is elected each year."),
        (3, "Voting", "Votes are taken by show of hands."),
    ):
        made.add_heading(f"{number}. {title}", level=2)
        made.add_paragraph(f"{number}.1 {text}")
    path = tmp_path / "rules.docx"
    made.save(path)
    document = convert_file(path)
    assert _headings(document) == ["1. Membership", "2. Chair of the Council", "3. Voting"]
    assert _contents(document) == ["On this page:", "Membership", "Chair of the Council", "Voting"]
    assert [d.place for d in document.dropped if d.kind == "contents"][1] == "paragraph 3"


def test_a_web_page_on_this_page_list_of_links_is_left_out(tmp_path):
    page = """<html><body><h1>Planning Committee Procedure Rules</h1>
<p>On this page:</p>
<ul><li><a href="#s1">Public Speaking</a></li><li><a href="#s2">Site Visits</a></li></ul>
<h2 id="s1">1. Public Speaking</h2><p>1.1 Objectors may speak for three minutes.</p>
<h2 id="s2">2. Site Visits</h2><p>2.1 Members may visit a site before the meeting.</p>
</body></html>"""
    document = _convert(tmp_path, "planning.html", page)
    assert [c[0].number for c in iter_clauses(document.blocks)] == ["1.1", "2.1"]  # no para_1
    assert _headings(document) == ["1. Public Speaking", "2. Site Visits"]
    assert _contents(document)[1:] == ["- Public Speaking", "- Site Visits"]


def test_paragraphs_under_a_label_that_do_not_come_back_as_headings_are_kept(tmp_path):
    text = (
        "Members' Allowances\n\nIn this section:\n\nBasic allowance\n\nTravel costs\n\n"
        "1. Payments\n1.1 Allowances are paid monthly.\n"
    )
    document = _convert(tmp_path, "allowances.txt", text)
    assert not document.dropped
    # shown as printed: a paragraph each, neither heading nor clause
    notes = [n.text for n, _ in iter_notes(document.blocks)]
    assert notes[:3] == ["In this section:", "Basic allowance", "Travel costs"]
    assert [c[0].number for c in iter_clauses(document.blocks)] == ["1.1"]


def test_short_paragraphs_after_the_text_began_are_never_taken_for_contents(tmp_path):
    text = (
        "Code of Practice\n\nThe council adopts this code.\n\nQuorum\n\nMotions\n\n"
        "1. Quorum\n1.1 Three members.\n2. Motions\n2.1 In writing.\n"
    )
    document = _convert(tmp_path, "code.txt", text)
    assert not [d for d in document.dropped if d.kind.startswith("contents")]
    assert _headings(document)[:2] == ["Quorum", "Motions"]


def test_an_unlabelled_list_of_paragraphs_before_the_text_whose_entries_come_back(tmp_path):
    text = (
        "Financial Regulations\n\nBudgets\n\nAudit\n\n"
        "1. Budgets\n1.1 Set in February.\n2. Audit\n2.1 Each year.\n"
    )
    document = _convert(tmp_path, "finance.txt", text)
    assert _contents(document) == ["Budgets", "Audit"]
    assert _headings(document) == ["1. Budgets", "2. Audit"]


def _label_and_title(document) -> tuple[str | None, str | None]:
    return document.metadata.label, document.metadata.title


def test_a_first_section_heading_gives_label_and_title_in_every_format(tmp_path):
    body = "1. Public Speaking\n\n1.1 Objectors may speak for three minutes.\n"
    text = _convert(tmp_path, "p.txt", "Section 6: Planning Committee Procedure Rules\n\n" + body)
    markdown = _convert(
        tmp_path, "p.md", "# Section 6: Planning Committee Procedure Rules\n\n" + body
    )
    page = _convert(
        tmp_path,
        "p.html",
        "<html><body><h1>Section 6: Planning Committee Procedure Rules</h1>"
        "<h2>1. Public Speaking</h2>"
        "<p>1.1 Objectors may speak for three minutes.</p></body></html>",
    )
    expected = ("Section 6", "Planning Committee Procedure Rules")
    assert _label_and_title(text) == expected
    assert _label_and_title(markdown) == expected
    assert _label_and_title(page) == expected
    for document in (text, markdown, page):
        assert _headings(document) == ["1. Public Speaking"]


def test_a_markdown_section_heading_with_clauses_under_it_stays_a_section(tmp_path):
    text = "# Standing Orders\n\n# Section 2: Meetings\n\n2.1 Meetings are public.\n"
    document = _convert(tmp_path, "orders.md", text)
    assert document.metadata.label is None
    assert document.metadata.title == "Standing Orders"


def test_headings_one_after_another_before_the_text_are_no_list_though_they_recur(tmp_path):
    text = (
        "Grants Policy\n\nIntroduction\n\nScope\n\nThis policy sets how grants are made.\n\n"
        "Schedule 1\n\nIntroduction\n\nScope\n\nSmall grants are up to five hundred pounds.\n"
    )
    document = _convert(tmp_path, "grants.txt", text)
    assert not [d for d in document.dropped if d.kind.startswith("contents")]
    assert _headings(document).count("Introduction") == 2


def test_an_unlabelled_list_starts_at_the_entry_the_next_heading_opens_with(tmp_path):
    text = (
        "Financial Regulations\n\nForeword\n\nBudgets\n\nAudit\n\n"
        "1. Budgets\n1.1 Set in February.\n2. Audit\n2.1 Each year.\n"
    )
    document = _convert(tmp_path, "finance.txt", text)
    assert _contents(document) == ["Budgets", "Audit"]
    assert _headings(document) == ["Foreword", "1. Budgets", "2. Audit"]


def _one_line_paragraphs(count: int, line: str = "Title number {n}") -> str:
    """A Word-like text of one-line paragraphs only: each is looked at in one run."""
    return "Register of Titles\n\n" + "\n\n".join(line.format(n=n) for n in range(count))


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_runs_of_one_line_paragraphs_are_read_in_linear_time():
    """CPU time at 2n over n, and title paragraphs (each a possible entry) against
    sentences (none is): a run is looked for once per paragraph, not once per start."""
    from clausemark.parse.parser import parse
    from clausemark.readers.text import SourceText
    from hostile_files import cpu_times

    def work(text: object) -> None:
        parse(SourceText("titles.txt", str(text)), "titles")

    small, large = _one_line_paragraphs(2000), _one_line_paragraphs(4000)
    sentences = _one_line_paragraphs(4000, "The council keeps record {n}.")
    at_n, at_2n = cpu_times(work, small, large, limit=3)
    plain, at_2n_again = cpu_times(work, sentences, large, limit=4, scale=1)
    at_2n = min(at_2n, at_2n_again)
    assert at_2n / at_n < 3, f"{at_n:.4f} s at n, {at_2n:.4f} s at 2n"
    assert at_2n / plain < 4, f"{at_2n:.4f} s for titles, {plain:.4f} s for sentences"
