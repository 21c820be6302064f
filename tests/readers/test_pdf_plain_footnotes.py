"""A PDF footnote whose number is not raised (trial L5): the note's number set in the
note's own small type at the page foot ("1 Parish Councils Act, section 4."), the mark in
the text raised. It was read as body text into the clause before it, and the footnotes
list said the note was missing. Read by size and place: the note's words are the note."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses


def _page(path, notes: list[tuple[str, str]], note_size: float = 8) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    y = height - 72

    def line(text: str, size: float = 11, x: float = 64, raised: str = "") -> None:
        nonlocal y
        body = page.beginText(x, y)
        body.setFont("Helvetica", size)
        body.textOut(text)
        if raised:
            body.setFont("Helvetica", size * 0.6)
            body.setRise(size * 0.4)
            body.textOut(raised)
            body.setRise(0)
            body.setFont("Helvetica", size)
            body.textOut(" The clerk keeps the register.")
        page.drawText(body)
        y -= size * 1.6

    line("Allotment Society Rules", 16)
    line("1. Membership", 12)
    line("1.1 Every plot holder is a member of the society under its founding", raised="")
    line("charter.", raised="1")
    line("1.2 Members meet once a year in the village hall.")
    line("1.3 Rents are set at the annual meeting.", raised="2" if len(notes) > 1 else "")
    y = 110
    for label, text in notes:
        line(f"{label} {text}", note_size, 64)
    page.save()


def test_a_plain_numbered_note_at_the_page_foot_is_the_note(tmp_path):
    path = tmp_path / "allotments.pdf"
    _page(
        path,
        [("1", "Founding charter of 1921, rule 3."), ("2", "Set each March by the committee.")],
    )
    document = convert_file(path)
    clauses = {clause.number: clause.text for clause, *_ in iter_clauses(document.blocks)}
    assert "charter of 1921" not in " ".join(clauses.values())
    assert clauses["1.3"].startswith("Rents are set at the annual meeting.")
    assert [(note.label, note.text) for note in document.footnotes] == [
        ("1", "Founding charter of 1921, rule 3."),
        ("2", "Set each March by the committee."),
    ]
    assert not [w for w in document.warnings if "footnote" in w.message]


def test_a_small_numbered_line_no_mark_carries_stays_text(tmp_path):
    from clausemark.render.markdown_writer import render_document

    path = tmp_path / "allotments.pdf"
    _page(path, [("3", "Plots are inspected in July.")])  # no mark "³" on the page
    document = convert_file(path)
    assert [note.label for note in document.footnotes] == ["1"]  # "¹" in 1.1: its note missing
    assert "Plots are inspected in July." in render_document(document)


def test_a_note_numbered_with_a_stop_is_the_note_too(tmp_path):
    path = tmp_path / "allotments.pdf"
    _page(path, [("1.", "Founding charter of 1921, rule 3.")])
    document = convert_file(path)
    assert [(note.label, note.text) for note in document.footnotes] == [
        ("1", "Founding charter of 1921, rule 3.")
    ]
