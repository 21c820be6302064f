"""A Word document's page headers and footers (trial L12): left out of the text, as a
PDF's running heads are, and listed in the drop report with their words and place; a
paragraph there longer than a running head is a warning, never silently dropped."""

from __future__ import annotations

import docx
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses

NOTICE = (
    "This protocol applies to every councillor and co-opted member of the parish council "
    "whenever they act as a member, including at meetings, site visits and on social media."
)


def _protocol(tmp_path, header_words: list[str]):
    made = docx.Document()
    section = made.sections[0]
    for index, words in enumerate(header_words):
        paragraph = section.header.paragraphs[0] if index == 0 else section.header.add_paragraph()
        paragraph.text = words
    section.footer.paragraphs[0].text = "Members' Protocol\tPage 1"
    made.add_paragraph("Members' Protocol", style="Title")
    made.add_paragraph("1. Conduct", style="Heading 1")
    made.add_paragraph("1.1 Members treat officers with respect.")
    path = tmp_path / "protocol.docx"
    made.save(str(path))
    return path


def test_running_heads_and_page_footers_are_listed_as_left_out(tmp_path):
    document = convert_file(_protocol(tmp_path, ["OFFICIAL"]))
    assert [(d.text, d.kind, d.level, d.place) for d in document.dropped] == [
        ("OFFICIAL", "running-header", "info", "page header"),
        ("Members' Protocol Page 1", "running-header", "info", "page footer"),
    ]
    [clause] = [clause for clause, *_ in iter_clauses(document.blocks)]
    assert clause.text == "Members treat officers with respect."
    assert document.metadata.title == "Members' Protocol"
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_a_paragraph_of_text_in_a_header_is_a_warning(tmp_path):
    document = convert_file(_protocol(tmp_path, ["OFFICIAL", NOTICE]))
    kept = [(d.text, d.kind, d.level) for d in document.dropped if d.kind == "margin-text"]
    assert kept == [(NOTICE, "margin-text", "warning")]
    assert "applies to every councillor" not in " ".join(
        clause.text for clause, *_ in iter_clauses(document.blocks)
    )


def test_the_warning_names_what_the_sidecar_can_acknowledge(tmp_path):
    path = _protocol(tmp_path, [NOTICE])
    [warning] = [w for w in convert_file(path).warnings if w.code == "dropped"]
    assert warning.place == "page header"
    assert "applies to every councillor" in warning.message
    assert warning.message.endswith("`dropped: [margin-text]`")
    document = convert_file(path, defaults={"dropped": ["margin-text"]})  # the sidecar
    assert not [w for w in document.warnings if w.code == "dropped"]
    assert [d.level for d in document.dropped if d.kind == "margin-text"] == ["acknowledged"]
