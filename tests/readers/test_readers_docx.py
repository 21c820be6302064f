"""Word (.docx): automatic numbers exactly as Word prints them, and what else a document carries."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file, document_to_json
from clausemark.model.document import iter_clauses
from clausemark.model.records import clause_records
from clausemark.readers import docx as docx_reader
from clausemark.readers.text import SourceError
from clausemark.readers.word_numbering import format_number
from format_fixtures import (
    CLAUSE_LEVELS,
    WordParts,
    abstract,
    build_docx,
    contents_field,
    deleted,
    endnote_ref,
    footnote_ref,
    hyperlink,
    inserted,
    lvl,
    num,
    para,
    run,
    start_override,
    style,
    table,
)


def numbers_and_parents(path) -> list[tuple[str, str | None]]:
    """(printed number, parent's printed number) of every clause, in order."""
    records = clause_records(convert_file(path))
    by_anchor = {r.anchor: r.number for r in records}
    return [(r.number, by_anchor.get(r.parent) if r.parent else None) for r in records]


def body_lines(parts: WordParts) -> list[str]:
    text = docx_reader.read(build_docx(parts), "test.docx").text
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize(
    ("value", "fmt", "printed"),
    [
        (1, "decimal", "1"),
        (3, "decimalZero", "03"),
        (12, "decimalZero", "12"),
        (2, "lowerLetter", "b"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
    ],
)
def test_number_formats(value, fmt, printed):
    assert format_number(value, fmt) == printed


def test_every_numbering_feature_prints_as_word_shows_it():
    full_override = (
        '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1"/>'
        '<w:suff w:val="space"/></w:lvl></w:lvlOverride>'
    )
    parts = WordParts(
        numbering=[
            abstract(0, *CLAUSE_LEVELS),
            abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2", legal=True)),
            abstract(2, lvl(0, "decimalZero", "%1)", suffix="nothing")),
            abstract(3, lvl(0, "upperLetter", "%1.", start=3, suffix="space")),
            abstract(4, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2)", restart=0)),
            abstract(5, lvl(0, "bullet", "\u2022"), lvl(1, "bullet", "o")),
            abstract(6, lvl(0, "decimal", "%1.", style="RuleHeading"), lvl(1, "decimal", "%1.%2")),
            num(1, 0),
            num(2, 1),
            num(3, 2),
            num(4, 3),
            num(5, 4),
            num(6, 5),
            num(7, 6),
            num(8, 3, full_override),
            num(9, 0, start_override(0, 7)),
        ],
        styles=[style("RuleHeading", "Rule Heading", num_id=7)],
    )
    parts.body = [
        para("Roman then legal", None, 2, 0),  # I.
        para("Second part", None, 2, 0),  # II.
        para("Legal numbering shows decimals", None, 2, 1),  # 2.1 (isLgl)
        para("Zero padded", None, 3, 0),  # 01)Zero padded (suffix nothing)
        para("Upper letter from three", None, 4, 0),  # C. (start 3, suffix space)
        para("Next letter", None, 4, 0),  # D.
        para("Never restarted", None, 5, 0),  # 1.
        para("first", None, 5, 1),  # a)
        para("second", None, 5, 1),  # b)
        para("Top again", None, 5, 0),  # 2.
        para("third, not restarted", None, 5, 1),  # c) (lvlRestart 0)
        para("A bullet", None, 6, 0),
        para("A nested bullet", None, 6, 1),
        para("Numbered by its style", "RuleHeading"),  # 1. (level from pStyle)
        para("Again by its style", "RuleHeading"),  # 2.
        '<w:p><w:pPr><w:pStyle w:val="RuleHeading"/><w:numPr><w:ilvl w:val="1"/></w:numPr>'
        "</w:pPr>" + run("Style's list, paragraph's level") + "</w:p>",  # 2.1
        para("Style numbering switched off", "RuleHeading", 0),  # numId 0: no number
        # A whole-level override prints the level its own way but keeps the count of its
        # definition (C., D. above): Word shows V and VI (as POI's NumberingWOverrides.docx).
        para("Whole level overridden", None, 8, 0),  # Article V
        para("Override continues", None, 8, 0),  # Article VI
        para("Started at seven", None, 9, 0),  # 7. (startOverride, where num 9 is first used)
        para("Its clause", None, 9, 1),  # 7.1
        # Another instance of the same definition goes on counting (pandoc's issue 8367).
        para("Multilevel", None, 1, 0),  # 8.
        para("clause", None, 1, 1),  # 8.1
        para("item", None, 1, 2),  # (a)
        para("sub-item", None, 1, 3),  # (i)
        para("sub-item two", None, 1, 3),  # (ii)
        para("item two", None, 1, 2),  # (b)
        para("4.8 Typed by hand, read as in a text file"),
    ]
    assert body_lines(parts) == [
        "I. Roman then legal",
        "II. Second part",
        "2.1 Legal numbering shows decimals",
        "01)Zero padded",
        "C. Upper letter from three",
        "D. Next letter",
        "1. Never restarted",
        "a) first",
        "b) second",
        "2. Top again",
        "c) third, not restarted",
        "- A bullet",
        "    - A nested bullet",
        "1. Numbered by its style",
        "2. Again by its style",
        "2.1 Style's list, paragraph's level",
        "Style numbering switched off",
        "Article V Whole level overridden",
        "Article VI Override continues",
        "7. Started at seven",
        "7.1 Its clause",
        "8. Multilevel",
        "8.1 clause",
        "(a) item",
        "(i) sub-item",
        "(ii) sub-item two",
        "(b) item two",
        "4.8 Typed by hand, read as in a text file",
    ]


def test_lists_sharing_a_definition_continue_and_lower_levels_restart():
    parts = WordParts(numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0), num(2, 0)])
    parts.body = [
        para("One", None, 1, 1),
        para("item", None, 1, 2),
        para("Two", None, 2, 1),  # another w:num of the same definition: 1.2
        para("item", None, 2, 2),  # restarted under the new 1.2: (a)
    ]
    assert body_lines(parts) == ["1.1 One", "(a) item", "1.2 Two", "(a) item"]


@pytest.fixture
def protocol_docx(tmp_path):
    """A protocol numbered 1. / 1.1 / (a) / (i) by Word, headings by style."""
    parts = WordParts(
        numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)],
        styles=[style("SectionHeading", "Section Heading", num_id=1, ilvl=0)],
    )
    parts.body = [
        para("Planning Committee Protocol", "Title"),
        para("Introduction", "SectionHeading"),
        para("This protocol guides members of the planning committee.", None, 1, 1),
        para("Members must:", None, 1, 1),
        para("declare any interest;", None, 1, 2),
        para("before the item is discussed; and", None, 1, 3),
        para("in the register;", None, 1, 3),
        para("leave the room when the item is discussed.", None, 1, 2),
        para("Site visits", "SectionHeading"),
        para("Site visits are arranged by the planning officer.", None, 1, 1),
    ]
    path = tmp_path / "protocol.docx"
    path.write_bytes(build_docx(parts))
    return path


def test_word_numbering_gives_printed_numbers_with_their_parents(protocol_docx):
    document = convert_file(protocol_docx)
    assert document.metadata.title == "Planning Committee Protocol"
    assert numbers_and_parents(protocol_docx) == [
        ("1.1", None),
        ("1.2", None),
        ("(a)", "1.2"),
        ("(i)", "(a)"),
        ("(ii)", "(a)"),
        ("(b)", "1.2"),
        ("2.1", None),
    ]
    assert [h.heading.number for h in document.blocks if hasattr(h, "heading")] == ["1.", "2."]


def test_json_export_records_the_source_format(protocol_docx):
    data = document_to_json(convert_file(protocol_docx))
    assert data["source_format"] == "docx"


def test_tracked_changes_accepted_comments_ignored_with_warnings(tmp_path):
    parts = WordParts(
        numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)],
        comments={0: "Should this say fourteen?"},
    )
    parts.body = [
        para("Planning Committee Protocol", "Title"),
        para(
            run("Objectors may speak for ")
            + deleted("five", 1)
            + inserted("three", 2)
            + run(" minutes")
            + inserted(" each", 3)
            + run("."),
            None,
            1,
            1,
        ),
        para(
            '<w:commentRangeStart w:id="0"/>'
            + run("Speakers register in advance.")
            + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
            None,
            1,
            1,
        ),
    ]
    path = tmp_path / "changes.docx"
    path.write_bytes(build_docx(parts))
    document = convert_file(path)
    records = clause_records(document)
    assert records[0].text == "Objectors may speak for three minutes each."
    assert records[1].text == "Speakers register in advance."
    messages = {w.code: w.message for w in document.warnings}
    assert messages["tracked-changes"] == (
        "3 tracked changes read as accepted (2 insertions kept, 1 deletion dropped), in paragraph 2"
    )
    assert messages["comments"] == "1 comments ignored"
    assert "fourteen" not in " ".join(record.text for record in records)
    # what was left out is listed with its words and paragraph (issue 18 brief item 5)
    drops = [(d.kind, d.level, d.place, d.text) for d in document.dropped]
    assert ("tracked-deletion", "info", "paragraph 2", "five") in drops
    assert ("comment-text", "info", "paragraph 3", "Should this say fourteen?") in drops


def test_footnotes_endnotes_links_emphasis_tables_and_contents(tmp_path):
    parts = WordParts(
        numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)],
        footnotes={1: "Localism Act 2011, section 25.", 2: "See the register."},
        endnotes={1: "Adopted by the council."},
        links={"rId90": "https://example.org/planning", "rId91": "mailto:clerk@example.org"},
    )
    parts.body = [
        *contents_field([("Introduction", 2), ("Site visits", 3)]),
        para("Planning Committee Protocol", "Title"),
        para(
            run("Members keep an open mind")
            + footnote_ref(1)
            + run(" and ")
            + run("must", bold=True)
            + run(" declare ")
            + run("interests", italic=True)
            + run(" on the ")
            + run("register", underline=True)
            + footnote_ref(2)
            + run("."),
            None,
            1,
            1,
        ),
        para(
            run("Read the ")
            + hyperlink("guidance", "rId90")
            + run(" or write to the ")
            + hyperlink("clerk", "rId91")
            + run(".")
            + endnote_ref(1),
            None,
            1,
            1,
        ),
        table([["Meeting", "Deadline"], ["Committee", "Noon on Monday"]]),
    ]
    path = tmp_path / "notes.docx"
    path.write_bytes(build_docx(parts))
    text = docx_reader.read(path.read_bytes(), str(path)).text
    assert "Members keep an open mind[^1] and **must** declare *interests* on the " in text
    assert "<u>register</u>[^2]." in text
    assert "[guidance](https://example.org/planning)" in text
    assert "[clerk](mailto:clerk@example.org).[^i]" in text
    assert "Meeting\tDeadline\nCommittee\tNoon on Monday" in text
    assert "[^1]: Localism Act 2011, section 25." in text
    assert "[^i]: Adopted by the council." in text
    assert "Introduction" not in text and "Site visits" not in text  # the contents field
    document = convert_file(path)
    assert {f.label: f.text for f in document.footnotes} == {
        "1": "Localism Act 2011, section 25.",
        "2": "See the register.",
        "i": "Adopted by the council.",
    }
    assert not [w for w in document.warnings if w.code in ("footnote", "lost-words")]
    assert [(d.text, d.reason) for d in document.dropped if d.line == 0] == [
        ("Introduction\t2", "table of contents field"),
        ("Site visits\t3", "table of contents field"),
    ]
    # the table printed after the last clause is part of it, cells and all
    *_others, (clause, *_) = iter_clauses(document.blocks)
    [kept] = clause.tables
    assert (kept.header, kept.rows) == (
        ["Meeting", "Deadline"],
        [["Committee", "Noon on Monday"]],
    )


def test_headings_from_styles_and_outline_levels(tmp_path):
    outline = '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>'
    parts = WordParts()
    parts.body = [
        para("Planning Committee Protocol", "Title"),
        para("Introduction", "Heading1"),
        para("Members of the committee decide applications on their merits."),
        f"<w:p>{outline}{run('Lobbying')}</w:p>",
        para("Members may listen to lobbying but must not commit themselves."),
    ]
    lines = body_lines(parts)
    assert lines[:2] == ["# Planning Committee Protocol", "## Introduction"]
    assert "### Lobbying" in lines


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old-format Word .doc"),
        (b"PK\x03\x04" + b"\x00" * 40, "damaged or truncated"),
        (b"not a zip at all", "damaged or truncated"),
    ],
    ids=["renamed-doc", "truncated-zip", "not-zip"],
)
def test_bad_word_files_raise_one_line_errors(content, message):
    with pytest.raises(SourceError) as caught:
        docx_reader.read(content, "sources/bad.docx")
    text = str(caught.value)
    assert text.startswith("sources/bad.docx: ") and message in text and "\n" not in text


def test_a_list_style_link_takes_the_levels_of_the_style_it_names():
    """Word's multilevel list styles: the definition a paragraph names holds only a
    numStyleLink; the levels are in the definition the list style numbers with."""
    linked = (
        '<w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="CouncilList"/></w:abstractNum>'
    )
    list_style = (
        '<w:style w:type="numbering" w:styleId="CouncilList"><w:name w:val="Council List"/>'
        '<w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>'
    )
    parts = WordParts(
        numbering=[
            abstract(10, lvl(0, "upperLetter", "Part %1"), lvl(1, "decimal", "%1.%2", legal=True)),
            linked,
            num(20, 10),
            num(21, 11),
        ],
        styles=[list_style],
    )
    parts.body = [
        para("General", None, 21, 0),
        para("Members attend meetings.", None, 21, 1),
        para("Officers advise.", None, 21, 1),
        para("Committees", None, 21, 0),
        para("Committees report to the council.", None, 21, 1),
    ]
    assert body_lines(parts) == [
        "Part A General",
        "1.1 Members attend meetings.",
        "1.2 Officers advise.",
        "Part B Committees",
        "2.1 Committees report to the council.",
    ]


def test_text_boxes_read_once_and_a_broken_field_hides_nothing_after_it():
    box = (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        f"{para('Quorum: three members.')}</w:txbxContent></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><w:txbxContent>{para('Quorum: three members.')}"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    broken_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    )
    parts = WordParts()
    parts.body = [
        para(run("Meetings are held monthly.") + box),
        para(run("Page ") + broken_field),
        para("Members attend every meeting."),
    ]
    assert body_lines(parts) == [
        "Meetings are held monthly.",
        "Quorum: three members.",
        "Page",
        "Members attend every meeting.",
    ]


def test_text_in_any_wrapper_is_read_and_embedded_documents_are_reported(tmp_path):
    parts = WordParts()
    parts.body = [
        para(run("Members ") + f"<w:dir w:val='rtl'>{run('speak')}</w:dir>" + run(" in turn.")),
        f"<w:customXml w:element='clause'>{para('Officers advise.')}</w:customXml>",
        '<w:altChunk r:id="rId77"/>',
    ]
    path = tmp_path / "wrapped.docx"
    path.write_bytes(build_docx(parts))
    source = docx_reader.read(path.read_bytes(), str(path))
    assert source.text.strip().split("\n\n") == ["Members speak in turn.", "Officers advise."]
    assert [code for code, _ in source.warnings] == ["embedded"]


def test_layout_tables_read_as_paragraphs_and_numbered_cells_keep_their_numbers():
    parts = WordParts(numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)])
    one_column = (
        "<w:tbl><w:tblPr/><w:tr><w:tc>"
        + para("Introduction", "Heading1")
        + para("Members attend meetings.", None, 1, 1)
        + para("Officers advise members.", None, 1, 1)
        + "</w:tc></w:tr></w:tbl>"
    )
    numbered_rows = (
        "<w:tbl><w:tblPr/>"
        + "".join(
            f"<w:tr><w:tc>{para(name, None, 1, 2)}</w:tc><w:tc>{para(time)}</w:tc></w:tr>"
            for name, time in (("Applicant", "Three minutes"), ("Objector", "Three minutes"))
        )
        + "</w:tbl>"
    )
    parts.body = [one_column, numbered_rows]
    assert body_lines(parts) == [
        "## Introduction",
        "1.1 Members attend meetings.",
        "1.2 Officers advise members.",
        "(a) Applicant\tThree minutes",
        "(b) Objector\tThree minutes",
    ]


def _tracked_paragraph(mark: str, content: str, ilvl: int) -> str:
    """A numbered paragraph whose paragraph mark is a tracked insertion or deletion."""
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
        f'<w:rPr><w:{mark} w:id="9{ilvl}" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr>'
        f"</w:pPr>{content}</w:p>"
    )


def test_a_numbered_paragraph_deleted_as_a_tracked_change_takes_no_number(tmp_path):
    """Tracked changes are read as accepted, numbers too: a clause struck out whole
    (its words and its paragraph mark) is gone, and the clause after it takes its
    number, as Word numbers the document once the change is accepted."""
    parts = WordParts(numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)])
    parts.body = [
        para("Allotment Rules", "Title"),
        para("Plots", None, 1, 0),
        para("Plots are let from 1 October.", None, 1, 1),
        _tracked_paragraph("ins", inserted("A tenant may keep hens.", 5), 1),
        _tracked_paragraph("del", deleted("Bonfires are allowed on Sundays.", 6), 1),
        para("Rent is due each October.", None, 1, 1),
    ]
    path = tmp_path / "allotments.docx"
    path.write_bytes(build_docx(parts))
    document = convert_file(path)
    assert [(r.number, r.text) for r in clause_records(document)] == [
        ("1.1", "Plots are let from 1 October."),
        ("1.2", "A tenant may keep hens."),
        ("1.3", "Rent is due each October."),
    ]
    assert "numbering" not in " ".join(w.code for w in document.warnings)
    assert "Bonfires" not in " ".join(r.text for r in clause_records(document))
    deleted_words = [(d.kind, d.place, d.text) for d in document.dropped]
    assert ("tracked-deletion", "paragraph 5", "Bonfires are allowed on Sundays.") in deleted_words


def _moved(kind: str, text: str, change: int) -> str:
    """Runs moved by a tracked change, as Word writes them: w:moveFrom where they stood,
    w:moveTo where they went."""
    mark = f'w:id="{change}" w:author="A" w:date="2026-01-01T00:00:00Z"'
    return f"<w:{kind} {mark}>{run(text)}</w:{kind}>"


def test_a_numbered_paragraph_moved_by_a_tracked_change_is_numbered_where_it_went(tmp_path):
    """A paragraph moved away (its mark and words in w:moveFrom) takes no number where it
    stood: the list reads 1, 2, 3 as Word shows it accepted (it read 1, 3, 4 with an
    editorial note that the text prints no 2)."""
    moved = "A member attending by video counts towards the quorum."
    parts = WordParts(numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)])
    parts.body = [
        para("Quorum Rules", "Title"),
        para("Quorum", None, 1, 0),
        para("The quorum is three members.", None, 1, 1),
        _tracked_paragraph("moveFrom", _moved("moveFrom", moved, 7), 1),
        para("If there is no quorum the meeting is adjourned.", None, 1, 1),
        _tracked_paragraph("moveTo", _moved("moveTo", moved, 8), 1),
    ]
    path = tmp_path / "quorum.docx"
    path.write_bytes(build_docx(parts))
    document = convert_file(path)
    assert [(r.number, r.text) for r in clause_records(document)] == [
        ("1.1", "The quorum is three members."),
        ("1.2", "If there is no quorum the meeting is adjourned."),
        ("1.3", moved),
    ]
    assert "numbering" not in " ".join(w.code for w in document.warnings)


def test_a_paragraph_whose_mark_is_struck_out_runs_on_into_the_next(tmp_path):
    """Only the paragraph mark deleted (its words kept): once accepted the two paragraphs
    are one, with one number, as Word joins them; it was two clauses, the second an
    invented number holding half a sentence."""
    parts = WordParts(numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)])
    parts.body = [
        para("Quorum Rules", "Title"),
        para("Quorum", None, 1, 0),
        _tracked_paragraph("del", run("The quorum is three"), 1),
        para(" members present in person.", None, 1, 1),
        para("If there is no quorum the meeting is adjourned.", None, 1, 1),
        _tracked_paragraph("del", run("Words before a table"), 1),
        "<w:tbl>"
        + "".join(
            f"<w:tr><w:tc>{para(a)}</w:tc><w:tc>{para(b)}</w:tc></w:tr>"
            for a, b in (("Cell", "Value"), ("Cell 2", "Value 2"))
        )
        + "</w:tbl>",
    ]
    path = tmp_path / "quorum.docx"
    path.write_bytes(build_docx(parts))
    document = convert_file(path)
    assert [(r.number, r.text) for r in clause_records(document)][:2] == [
        ("1.1", "The quorum is three members present in person."),
        ("1.2", "If there is no quorum the meeting is adjourned."),
    ]
    assert "Words before a table" in str(document_to_json(document))  # never lost
    assert (
        "2 deletions dropped" in {w.code: w.message for w in document.warnings}["tracked-changes"]
    )


def test_the_tracked_changes_warning_names_the_paragraphs_changed(tmp_path):
    parts = WordParts(numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)])
    parts.body = [
        para("Allotment Rules", "Title"),
        para(run("Plots are let from ") + inserted("1 October", 1) + run("."), None, 1, 1),
        para("Rent is due each October.", None, 1, 1),
        para(run("Hens ") + deleted("and geese ", 2) + run("may be kept."), None, 1, 1),
    ]
    path = tmp_path / "allotments.docx"
    path.write_bytes(build_docx(parts))
    messages = {w.code: w.message for w in convert_file(path).warnings}
    assert messages["tracked-changes"] == (
        "2 tracked changes read as accepted (1 insertion kept, 1 deletion dropped), "
        "in paragraphs 2 and 4"
    )
