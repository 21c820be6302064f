"""Document control in the wordings councils print (README, "Document control: the
wordings read"): each label, as a tab row, a colon line and a Word table row."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.render.markdown_writer import render_document
from format_fixtures import WordParts, build_docx, para, table
from real_texts import convert_text

BODY = "\n\n1. Scope\n1.1 These rules apply to every meeting of the council.\n"

WORDINGS = [
    ("Version", "14", "version", "14"),
    ("Version number", "2.1", "version", "2.1"),
    ("Document version", "2.0", "version", "2.0"),
    ("Issue no.", "3", "version", "3"),
    ("Issue date", "10 March 2025", "issue_date", "2025-03-10"),
    ("Date issued", "10 March 2025", "issue_date", "2025-03-10"),
    ("Owner", "Town Clerk", "owner", "Town Clerk"),
    ("Document owner", "The Clerk", "owner", "The Clerk"),
    ("Policy owner", "Director of Governance", "owner", "Director of Governance"),
    ("Responsible officer", "Monitoring Officer", "owner", "Monitoring Officer"),
    ("Approved by", "Full Council", "adopted_by", "Full Council"),
    ("Adopted by", "Standards Committee", "adopted_by", "Standards Committee"),
    ("Approved by Council", "16 June 2025", "adopted", "2025-06-16"),
    ("Approved by Council", "16 June 2025", "adopted_by", "Council"),
    ("Date adopted", "9 July 2024", "adopted", "2024-07-09"),
    ("Date of adoption", "21 May 2024", "adopted", "2024-05-21"),
    ("Date approved", "29 April 2025", "adopted", "2025-04-29"),
    ("Approval date", "3 March 2025", "adopted", "2025-03-03"),
    ("Last approval date", "3 March 2025", "adopted", "2025-03-03"),
    ("Effective date", "1 April 2025", "adopted", "2025-04-01"),
    ("Review Date", "June 2026", "next_review", "2026-06"),
    ("Next review date", "March 2027", "next_review", "2027-03"),
    ("Date of next review", "May 2027", "next_review", "2027-05"),
    ("Review due", "April 2027", "next_review", "2027-04"),
    ("Minute Ref", "FC/25/044", "minute", "FC/25/044"),
    ("Minute number", "24/061", "minute", "24/061"),
    ("Resolution", "C/118", "minute", "C/118"),
    ("Effective from", "1 April 2025", "adopted", "2025-04-01"),
    ("Adopted", "12 July 2023", "adopted", "2023-07-12"),
    ("Approved on", "12 July 2023", "adopted", "2023-07-12"),
    ("Date of approval", "12 July 2023", "adopted", "2023-07-12"),
    ("Next review", "May 2026", "next_review", "2026-05"),
    ("Date of issue", "1 May 2025", "issue_date", "2025-05-01"),
    ("Issued", "1 May 2025", "issue_date", "2025-05-01"),
    ("Agreed by", "Policy Committee", "adopted_by", "Policy Committee"),
    ("Author", "Democratic Services", "owner", "Democratic Services"),
    ("Lead officer", "Head of Legal", "owner", "Head of Legal"),
    ("Policy version", "5", "version", "5"),
    ("Date for review", "June 2026", "next_review", "2026-06"),
    ("Date of review", "June 2026", "next_review", "2026-06"),
    ("To be reviewed", "May 2026", "next_review", "2026-05"),
    ("Review by", "May 2026", "next_review", "2026-05"),
    ("Next review due", "May 2026", "next_review", "2026-05"),
    ("Approved", "4.7.22", "adopted", "2022-07-04"),
    ("Revision", "1.2", "version", "1.2"),
    ("Rev", "4", "version", "4"),
    ("Review period", "Annually", "next_review", None),
]


def _text(rows: list[tuple[str, str]], separator: str) -> str:
    control = "\n".join(f"{label}{separator}{value}" for label, value in rows)
    return f"Ashvale Town Council\nStanding Orders\n\n{control}{BODY}"


@pytest.mark.parametrize(
    ("label", "value", "field", "expected"), WORDINGS, ids=lambda v: str(v).replace(" ", "_")
)
@pytest.mark.parametrize("separator", ["\t", ": "], ids=["tab", "colon"])
def test_each_wording_is_read(tmp_path, label, value, field, expected, separator):
    rows = [(label, value), ("Status", "Adopted")]  # two rows: a control block, not a line
    document = convert_text(tmp_path, "rules.txt", _text(rows, separator))
    assert getattr(document.metadata, field) == expected


def test_date_of_last_review_is_no_next_review(tmp_path):
    rows = [("Date of last review", "April 2025"), ("Date approved", "29 April 2025")]
    meta = convert_text(tmp_path, "rules.txt", _text(rows, "\t")).metadata
    assert (meta.adopted, meta.next_review) == ("2025-04-29", None)


def test_a_word_control_table_is_read_like_the_text(tmp_path):
    parts = WordParts()
    parts.body.append(para("Financial Regulations", "Title"))
    parts.body.append(
        table(
            [
                ["Version", "14"],
                ["Review Date", "June 2026"],
                ["Approved by Council", "16 June 2025"],
                ["Owner", "Town Clerk"],
                ["Issue date", "20 June 2025"],
            ]
        )
    )
    parts.body.append(para("1. Scope"))
    parts.body.append(para("1.1 These regulations govern the council's finances."))
    path = tmp_path / "regulations.docx"
    path.write_bytes(build_docx(parts))
    meta = convert_file(path).metadata
    assert (meta.version, meta.next_review, meta.adopted, meta.adopted_by) == (
        "14",
        "2026-06",
        "2025-06-16",
        "Council",
    )
    assert (meta.owner, meta.issue_date) == ("Town Clerk", "2025-06-20")


def test_no_adoption_printed_shows_no_adopted_status(tmp_path):
    document = convert_text(tmp_path, "rules.txt", f"Ashvale Town Council\nStanding Orders{BODY}")
    path = tmp_path / "rules.txt"  # read again with the settings a sidecar would give
    assert document.metadata.adopted is None and not document.metadata.status_stated
    assert "cm-status--adopted" not in render_document(document)
    dated = convert_file(path, defaults={"adopted": "2025-05-01"})
    assert "cm-status--adopted" in render_document(dated)
    stated = convert_file(path, defaults={"status": "adopted"})
    assert "cm-status--adopted" in render_document(stated)


def test_a_last_updated_line_gives_the_version_after_an_approval_sentence(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_text(
        "Protocol on Site Visits\n\n"
        "1.1 This protocol was approved by Full Council on 3rd February 2026.\n\n"
        "1.2 Members attend site visits in a group.\n\n"
        "Last updated 9 March 2026, version 4\n",
        encoding="utf-8",
    )
    meta = convert_file(path).metadata
    # the approval gives the date and the body; the last line, the version (not "2026")
    assert (meta.version, meta.adopted, meta.adopted_by) == ("4", "2026-02-03", "Full Council")


SPACED = [
    ("Approved 4.7.22", "adopted", "2022-07-04"),
    ("Adopted 3 June 2024", "adopted", "2024-06-03"),
    ("Date adopted 12/05/2024", "adopted", "2024-05-12"),
    ("Next review due June 2025", "next_review", "2025-06"),
    ("Review date May 2026", "next_review", "2026-05"),
    ("Version 2.1", "version", "2.1"),
]


@pytest.mark.parametrize(("line", "field", "expected"), SPACED, ids=lambda v: str(v))
def test_a_label_and_its_date_parted_by_one_space_are_read(tmp_path, line, field, expected):
    document = convert_text(tmp_path, "rules.txt", f"Standing Orders\n\n{line}{BODY}")
    assert getattr(document.metadata, field) == expected
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_a_sentence_opening_with_a_control_word_is_no_row(tmp_path):
    text = "Standing Orders\n\n1. Scope\n1.1 Approved 3 June 2024 is when the rules began.\n"
    document = convert_text(tmp_path, "rules.txt", text)
    assert document.metadata.adopted is None
    assert "Approved 3 June 2024 is when" in document.blocks[0].blocks[0].text


SENTENCES = [
    (
        "Adopted by the Finance & Personnel Committee 19th January 2015",
        "2015-01-19",
        "Finance & Personnel Committee",
    ),
    (
        "These rules were reviewed and adopted at the Town Council meeting held on the 15th "
        "August 2022.",
        "2022-08-15",
        "Town Council",
    ),
    (  # no body named: "the meeting held" is no adopting body
        "This policy was adopted at the meeting held 1st August 2024.",
        "2024-08-01",
        None,
    ),
    (
        "Adopted at the Parish Council meeting held 3 March 2025, minute 14.",
        "2025-03-03",
        "Parish Council",
    ),
    (
        "The policy is overseen by the Full Council and was last updated in January 2023.",
        "2023-01",
        None,
    ),
]


@pytest.mark.parametrize(("line", "adopted", "body"), SENTENCES, ids=lambda v: str(v)[:30])
def test_adoption_sentences_are_read(tmp_path, line, adopted, body):
    meta = convert_text(tmp_path, "rules.txt", f"Standing Orders\n\n{line}{BODY}").metadata
    assert (meta.adopted, meta.adopted_by) == (adopted, body)


def test_the_latest_of_several_adoption_lines_is_the_adoption(tmp_path):
    lines = "\n\n".join(
        [
            "Adopted by Oakvale Parish Council on 6 April 2022",
            "Reviewed and adopted by Oakvale Parish Council on 17 May 2023",
            "Reviewed and adopted by Oakvale Parish Council on 1 May 2024",
        ]
    )
    meta = convert_text(tmp_path, "rules.txt", f"Financial Regulations\n\n{lines}{BODY}").metadata
    assert (meta.adopted, meta.adopted_by) == ("2024-05-01", "Oakvale Parish Council")


@pytest.mark.parametrize(
    ("sentence", "minute", "next_review"),
    [
        (
            "Approved by the County Council on 19 March 2026 (minute CC/26/37). "
            "Next review: March 2027.",
            "CC/26/37",
            "2027-03",
        ),
        ("Adopted by Full Council on 2 May 2025 (Minute No. 2025-101).", "2025-101", None),
        ("Approved by the Cabinet on 4 June 2024. To be reviewed by June 2026.", None, "2026-06"),
        ("Approved by the Council on 4 June 2024 (see the minutes).", None, None),
    ],
)
def test_an_approval_sentence_gives_its_minute_and_next_review(
    tmp_path, sentence, minute, next_review
):
    """The minute in brackets after the approval date, and a next-review sentence in the
    same paragraph, are read as their own lines would be (the page's facts box showed
    neither)."""
    text = f"Lettings Procedure Rules\n\n{sentence}{BODY}"
    meta = convert_text(tmp_path, "rules.txt", text).metadata
    assert (meta.minute, meta.next_review) == (minute, next_review)


@pytest.mark.parametrize(
    ("sentence", "minute"),
    [
        # Wordings councils print the minute in, wherever in the adoption sentence:
        # after a comma (trial11, session 10: only the bracketed form was read)
        ("Adopted by Full Council on 14th May 2026, minute 2026/33.", "2026/33"),
        ("Approved by the Council on 3 March 2025, Minute No. 112.", "112"),
        ("Adopted by the Town Council on 12 May 2024, minute number 8.", "8"),
        # after a dash, a semicolon, or "under" / "recorded in"
        ("Agreed by the Parish Council on 2 June 2025 - minute ref. PC25/061", "PC25/061"),
        ("Adopted by Council on 12 May 2024; minute 45(b) refers.", "45(b)"),
        ("Adopted by the Town Council on 12 May 2024 under minute 45(b).", "45(b)"),
        ("Adopted by Full Council on 14 May 2026 and recorded in minute 26/33.", "26/33"),
        # in brackets with more words, or abbreviated, or a resolution
        ("Approved by the Council on 3 March 2025 (Minute 112 refers).", "112"),
        ("Approved by the Cabinet on 4 June 2024 (min. 24/17).", "24/17"),
        ("Adopted by the Council on 9 May 2023, resolution 2023/07.", "2023/07"),
        ("Adopted by Council on 12 May 2024, Minute Reference: FC/24/5.", "FC/24/5"),
        # no minute: the word with no number, or a minute in the next sentence's business
        ("Adopted by Council on 12 May 2024, minutes to follow.", None),
        ("Adopted by Council on 12 May 2024. See minute 7 on lettings.", None),
    ],
)
def test_the_minute_is_read_wherever_the_adoption_sentence_prints_it(tmp_path, sentence, minute):
    text = f"Lettings Procedure Rules\n\n{sentence}{BODY}"
    assert convert_text(tmp_path, "rules.txt", text).metadata.minute == minute


def test_a_review_in_a_clause_is_no_next_review_of_the_document(tmp_path):
    text = (
        "Lettings Procedure Rules\n\nApproved by the Council on 4 June 2024.\n\n1. Scope\n\n"
        "1.1 A letting is approved by the Clerk on 1 May each year. Next review: by the "
        "tenant on 1 June 2025.\n"
    )
    assert convert_text(tmp_path, "rules.txt", text).metadata.next_review is None


@pytest.mark.parametrize(
    "line", ["Page last reviewed: 20 March 2026", "Page last updated 4 May 2025"]
)
def test_a_web_pages_last_reviewed_line_is_no_part_of_the_last_clause(tmp_path, line):
    """A council web page ends its text with 'Page last reviewed: ...' under the last
    list: a line of its own, never the words of the last clause (page, search, diff)."""
    from clausemark.model.document import iter_notes
    from clausemark.model.records import clause_records

    path = tmp_path / "scheme.html"
    path.write_text(
        "<html><body><main><h1>Scheme of Delegation</h1><h2>4. Finance</h2><ol>"
        "<li>The Treasurer may write off a debt of up to £500.</li>"
        "<li>The Treasurer may move up to £2,000 between budgets.</li></ol>"
        f"<p>{line}</p></main></body></html>",
        encoding="utf-8",
    )
    document = convert_file(path)
    assert (
        clause_records(document)[-1].text == "The Treasurer may move up to £2,000 between budgets."
    )
    assert [note.text for note, _heading in iter_notes(document.blocks)] == [line]
