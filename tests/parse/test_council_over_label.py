"""The council's name printed over the document's label and title ('Part 4.1 – Council
Procedure Rules') is the council, not the title: the label and title are read as when
that line comes first, in every format, and the Part opens no container."""

from __future__ import annotations

import docx
import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses

BODY_TEXT = "1. Scope\n\n1.1 These rules apply to every meeting.\n"
BODY_HTML = "<h2>1. Scope</h2><p>1.1 These rules apply to every meeting.</p>"


def _read(document) -> tuple:
    meta = document.metadata
    anchors = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
    return meta.council, meta.label, meta.title, anchors


@pytest.mark.parametrize(
    ("printed", "label", "title"),
    [
        ("Part 4.1 – Harbour Board Procedure Rules", "Part 4.1", "Harbour Board Procedure Rules"),
        ("PART 4 - RULES OF PROCEDURE", "Part 4", "RULES OF PROCEDURE"),
        ("Section 16: A Protocol for Members", "Section 16", "A Protocol for Members"),
    ],
)
def test_a_council_line_over_a_label_and_title_in_a_text_file(tmp_path, printed, label, title):
    path = tmp_path / "rules.txt"
    path.write_text(f"Ormsby Vale District Council\n\n{printed}\n\n{BODY_TEXT}", "utf-8")
    council, read_label, read_title, anchors = _read(convert_file(path))
    assert (council, read_label, read_title) == ("Ormsby Vale District Council", label, title)
    assert anchors == ["sec_1__para_1-1"]  # no part_4-1__ container


def test_a_council_line_over_a_bare_label_and_a_title_line(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text(
        f"Ormsby Vale District Council\n\nPart 4\n\nHarbour Board Rules\n\n{BODY_TEXT}", "utf-8"
    )
    assert _read(convert_file(path)) == (
        "Ormsby Vale District Council",
        "Part 4",
        "Harbour Board Rules",
        ["sec_1__para_1-1"],
    )


def test_a_council_line_over_a_label_and_title_on_a_web_page(tmp_path):
    path = tmp_path / "rules.html"
    path.write_text(
        "<html><body><p>Ormsby Vale District Council</p>"
        f"<h1>Part 4.1 – Harbour Board Procedure Rules</h1>{BODY_HTML}</body></html>",
        "utf-8",
    )
    assert _read(convert_file(path)) == (
        "Ormsby Vale District Council",
        "Part 4.1",
        "Harbour Board Procedure Rules",
        ["sec_1__para_1-1"],
    )


def test_a_council_paragraph_over_a_word_title_paragraph(tmp_path):
    made = docx.Document()
    made.add_paragraph().add_run("Ormsby Vale District Council").bold = True
    made.add_paragraph("Part 4.1 – Harbour Board Procedure Rules (Standing Orders)", "Title")
    made.add_heading("1. Scope", level=1)
    made.add_paragraph("1.1 These rules apply to every meeting.")
    path = tmp_path / "rules.docx"
    made.save(path)
    assert _read(convert_file(path)) == (
        "Ormsby Vale District Council",
        "Part 4.1",
        "Harbour Board Procedure Rules (Standing Orders)",
        ["sec_1__para_1-1"],
    )


def test_several_parts_under_a_council_line_are_still_parts(tmp_path):
    path = tmp_path / "constitution.txt"
    path.write_text(
        "Ormsby Vale District Council\n\nPart 1 – Summary\n\n1. Scope\n\n1.1 Text one.\n\n"
        "Part 2 – Articles\n\n1. Members\n\n1.1 Text two.\n",
        "utf-8",
    )
    council, label, title, anchors = _read(convert_file(path))
    assert title == "Ormsby Vale District Council" and label is None
    assert anchors == ["part_1__sec_1__para_1-1", "part_2__sec_1__para_1-1"]


def test_a_council_line_over_a_label_and_title_in_a_pdf(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "rules.pdf"
    made = canvas.Canvas(str(path), pagesize=A4)
    top = A4[1]
    for y, font, size, text in (
        (80, "Helvetica-Bold", 12, "Ormsby Vale District Council"),
        (110, "Helvetica-Bold", 16, "Part 4.1 – Harbour Board Procedure Rules"),
        (150, "Helvetica-Bold", 12, "1. Scope"),
        (175, "Helvetica", 11, "1.1 These rules apply to every meeting."),
        (195, "Helvetica", 11, "1.2 The chair keeps order."),
    ):
        made.setFont(font, size)
        made.drawString(72, top - y, text)
    made.showPage()
    made.save()
    council, label, title, anchors = _read(convert_file(path))
    assert (council, label, title) == (
        "Ormsby Vale District Council",
        "Part 4.1",
        "Harbour Board Procedure Rules",
    )
    assert anchors == ["sec_1__para_1-1", "sec_1__para_1-2"]
