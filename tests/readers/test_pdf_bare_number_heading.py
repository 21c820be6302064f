"""One structure whatever the format (issue 23 item 6): a bare-numbered heading ('1
COUNCIL MEETINGS', as the text parser reads '1 MEETINGS') printed after a paragraph whose
last line reaches the text's edge, with no more space above it than a paragraph's slight
spacing, starts a paragraph of its own in the PDF reader as '1.' and '1.1' do: the PDF
gives the .txt's tree (realtexts16's long-print PDF lost its '1' heading over 1.1)."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Clause, Section
from format_fixtures import text_pdf

PARAGRAPHS = [
    ["Standing Orders"],
    [
        "These standing orders are the rules by which the parish council",
        "conducts all of its business, and they follow the model rules now",
    ],
    ["Adopted by the Parish Council at its annual meeting held at Brindlecote"],
    ["1 COUNCIL MEETINGS"],
    [
        "1.1 The Chair of the Council chairs every meeting of the Council and",
        "in the absence of the Chair the members present choose one of them.",
    ],
    [
        "1.2 No business is done unless three members are present at the start",
        "of the meeting, and a meeting without them is adjourned at once then.",
    ],
]
PITCH, GAP = 25.5, 34.0  # a 16 pt print: a paragraph's spacing only a third more


def _content() -> str:
    moves, first = [], True
    for paragraph in PARAGRAPHS:
        for index, line in enumerate(paragraph):
            step = 0 if first else (PITCH if index else GAP)
            moves.append(f"0 -{step} Td ({line}) Tj")
            first = False
    return "BT /F1 12 Tf 36 760 Td " + " ".join(moves) + " ET"


def _anchors(blocks) -> list[str]:
    found: list[str] = []
    for block in blocks:
        if isinstance(block, Section):
            found.append(block.heading.anchor or "")
            found += _anchors(block.blocks)
        elif isinstance(block, Clause):
            found.append(block.anchor or "")
    return found


def test_a_bare_numbered_heading_after_a_full_line_starts_its_own_paragraph(tmp_path: Path):
    pdf = tmp_path / "standing_orders.pdf"
    pdf.write_bytes(text_pdf("", content=_content()))
    text = tmp_path / "standing_orders.txt"
    text.write_text("\n\n".join(" ".join(p) for p in PARAGRAPHS) + "\n", encoding="utf-8")
    assert _anchors(convert_file(text).blocks) == [
        "sec_1",
        "sec_1__para_1-1",
        "sec_1__para_1-2",
    ]
    assert _anchors(convert_file(pdf).blocks) == _anchors(convert_file(text).blocks)
