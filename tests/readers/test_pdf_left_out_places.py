"""A line the PDF reader leaves out (a running header, a footer, a page number, a
contents list) keeps the page it was on: in the document's `dropped`, the JSON export and
the INFO line of the build report, page 2 before page 10."""

from __future__ import annotations

from clausemark.convert import convert_file, document_to_json
from clausemark.parse.drops import drop_summary
from clausemark.readers import pdf as pdf_reader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HEADER = "Ormsby Vale Harbour Board – Rules of Procedure"
TOPICS = (
    "Moorings",
    "Pilotage",
    "Dredging",
    "Lighthouses",
    "Slipways",
    "Fishing permits",
    "Cargo dues",
    "Berthing",
    "Navigation lights",
    "Harbour police",
    "Annual accounts",
)
PAGES = len(TOPICS)


def _pdf(path) -> None:
    """A page per topic, each with the running header, its section and 'Page N of 11'."""
    width, height = A4
    made = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, PAGES + 1):
        made.setFont("Helvetica", 9)
        made.drawString(72, height - 40, HEADER)
        made.drawString(width / 2 - 30, 30, f"Page {number} of {PAGES}")
        made.setFont("Helvetica-Bold", 12)
        topic = TOPICS[number - 1]
        made.drawString(72, height - 110 - 7 * number, f"{number}. {topic}")
        made.setFont("Helvetica", 11)
        made.drawString(72, height - 140 - 7 * number, f"{number}.1 {topic} are for the board.")
        made.drawString(
            72, height - 160 - 7 * number, f"{number}.2 The master reports on {topic.lower()}."
        )
        made.showPage()
    made.save()


def test_each_left_out_line_keeps_its_page(tmp_path):
    path = tmp_path / "harbour.pdf"
    _pdf(path)
    source = pdf_reader.read(path.read_bytes(), "harbour.pdf")
    footers = [i for i, (_r, text) in enumerate(source.dropped) if text.startswith("Page ")]
    assert [source.dropped_places[i] for i in footers] == [f"page {n}" for n in range(1, 12)]
    document = convert_file(path)
    exported = document_to_json(document)["dropped"]
    assert [item["place"] for item in exported if item["text"] == "Page 10 of 11"] == ["page 10"]
    headers = [item["place"] for item in exported if item["text"] == HEADER]
    assert headers == [f"page {n}" for n in range(1, 12)]
    (summary,) = [issue.message for issue in drop_summary(document)]
    pages = ", ".join(f"page {n}" for n in range(1, 12))
    assert summary == f"left out as running header, footer or page number: {pages}"
