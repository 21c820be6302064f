"""Held-out council documents, printed to PDF by two generators, and their text files.

Four documents of wording invented here (no council's own), each with the tables
councils print: committee and quorum tables of short numbers in columns set close,
version-history and document-control tables (with and without a header row), and
delegation schemes whose cells wrap over several lines, ruled and unruled, with rows
spaced wide or not at all, running over a page break. Each is written once as the
plain text a council would save (`document_text`), once as a web page that Chromium
prints (`document_html`, `print_page`) on A4, A5, US Letter and a narrow 120 mm page,
in several fonts and margins (one of them in two columns; one in a font with no bold
or italic face, so Chromium slants and thickens the regular one), and once by
ReportLab as a word processor sets a page (`reportlab_pdf`: Times and Helvetica,
justified, numbers in a hanging indent, ruled tables). A test converts each and
compares the models (tests/readers/test_readers_pdf_heldout.py); these prints were
written before the reader was changed for them, and `bench/pdf_heldout.py` scores them.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from narrow_pdf import inline_html, protocol_text


@dataclass(frozen=True)
class Block:
    kind: str  # heading | clause | para | table
    text: str = ""
    number: str | None = None
    level: int = 1  # clause depth: 1 for 1.1, 2 for (a)
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = True  # a table's first row is a header row (bold)


@dataclass(frozen=True)
class Document:
    name: str
    title: str
    blocks: tuple[Block, ...]


def _t(*rows: tuple[str, ...], header: bool = True) -> Block:
    return Block("table", rows=tuple(rows), header=header)


COMMITTEES = Document(
    "committee-rules",
    "Committee Procedure Rules of Harrowfield District Council",
    (
        Block("heading", "Version history"),
        _t(
            ("Version", "Date", "Author", "Summary"),
            ("1.0", "3 March 2022", "Democratic Services", "First version"),
            ("1.1", "9 November 2023", "Monitoring Officer", "Rule 4.2 on substitutes added"),
            ("2.0", "21 May 2025", "Democratic Services", "Quorum table in rule 2.3 revised"),
        ),
        Block("heading", "Membership", "1."),
        Block(
            "clause",
            "The council appoints the committees named in rule 2.3 at its annual meeting "
            "and may change their membership at any ordinary meeting.",
            "1.1",
        ),
        Block(
            "clause",
            "Seats on each committee are allocated to political groups in proportion to "
            "their numbers on the council, as section 15 of the Local Government and "
            "Housing Act 1989 requires.",
            "1.2",
        ),
        Block("heading", "Quorum", "2."),
        Block(
            "clause",
            "No business is done at a meeting unless a quorum is present, and the chair "
            "counts the members present before the first item.",
            "2.1",
        ),
        Block(
            "clause",
            "If there is no quorum **fifteen minutes** after the time set for the meeting, "
            "the business not dealt with is put to the next ordinary meeting.",
            "2.2",
        ),
        Block("clause", "The number of members and the quorum of each committee are:", "2.3"),
        _t(
            ("Committee", "Members", "Quorum"),
            ("Planning", "13", "5"),
            ("Licensing", "15", "5"),
            ("Audit and Governance", "7", "3"),
            ("Overview and Scrutiny", "11", "4"),
            ("Standards", "5", "3"),
        ),
        Block("heading", "Substitutes", "3."),
        Block(
            "clause",
            "A group may name substitutes for its members on a committee, and a substitute "
            "has the same rights as the member replaced, except that a substitute may "
            "not be elected chair under rule 1.1 of these rules.",
            "3.1",
        ),
        Block("clause", "A substitute:", "3.2"),
        Block(
            "clause",
            "must be named to the proper officer *before* the meeting begins;",
            "(a)",
            2,
        ),
        Block(
            "clause",
            "may not attend a meeting of the Licensing Committee unless trained under "
            "paragraph 6.4 of the licensing policy; and",
            "(b)",
            2,
        ),
        Block("clause", "serves for the whole of the meeting for which named.", "(c)", 2),
        Block(
            "para",
            "These rules were last reviewed by the Audit and Governance Committee and take "
            "effect from the day after the annual meeting.",
        ),
    ),
)


DELEGATION = Document(
    "delegation-scheme",
    "Scheme of Delegation to Officers for the Corbridge Marsh Borough Council",
    (
        Block("heading", "Document control"),
        _t(
            ("Document owner", "Director of Law and Governance"),
            ("Version", "4.3"),
            ("Approved by", "Full Council"),
            ("Approval date", "24 September 2025"),
            ("Next review", "September 2027"),
            header=False,
        ),
        Block("heading", "General principles", "1."),
        Block(
            "clause",
            "Officers exercise the powers below in the name of the council, within the "
            "budget and policy framework, and subject to any direction the council or "
            "the Cabinet gives under paragraph 2.4 of Part 3.",
            "1.1",
        ),
        Block(
            "clause",
            "An officer may pass a power to another officer in writing, unless this "
            "scheme says otherwise, and keeps a record that is open to members on "
            "request within 7 days.",
            "1.2",
        ),
        Block(
            "clause",
            "An officer who has an interest in a matter does not exercise a delegated "
            "power on it and refers it to the Chief Executive.",
            "1.3",
        ),
        Block("heading", "Powers delegated", "2."),
        Block("clause", "The powers below are delegated as the table shows.", "2.1"),
        _t(
            ("Function", "Delegated to", "Conditions"),
            (
                "Determining applications for planning permission for householder development",
                "Head of Planning",
                "Unless five members ask in writing within 21 days of the weekly list "
                "that the committee decides it",
            ),
            (
                "Granting premises licences where no relevant representations are made",
                "Licensing Manager",
                "After consulting the chair of the Licensing Committee when the premises "
                "are within 100 metres of a school",
            ),
            (
                "Writing off debts of up to 10,000 pounds",
                "Chief Finance Officer",
                "A list of debts written off is reported to the Audit Committee each quarter",
            ),
            (
                "Making temporary traffic orders for events and road works",
                "Head of Highways",
                "Notice given to ward members and the parish council at least 14 days "
                "before the order starts",
            ),
            (
                "Settling claims against the council of up to 25,000 pounds",
                "Director of Law and Governance",
                "With the agreement of the insurer where the claim is insured",
            ),
            (
                "Appointing staff below the grade of head of service",
                "Any director",
                "Within the approved establishment and budget",
            ),
        ),
        Block("heading", "Reporting", "3."),
        Block(
            "clause",
            "Each director reports the use of delegated powers to the Cabinet twice a "
            "year, and a decision that affects two or more wards is recorded under "
            "paragraph 3.4 of the access to information rules.",
            "3.1",
        ),
        Block(
            "clause",
            "A member may ask why a power was used in a particular case, and the officer "
            "answers in writing within **10 working days**.",
            "3.2",
        ),
    ),
)


PETITIONS = Document(
    "petition-scheme",
    "Petition Scheme of the Lowmoor Town Council",
    (
        Block("heading", "Who may petition", "1."),
        Block(
            "clause",
            "Anyone who lives, works or studies in the town may sign or organise a "
            "petition, whatever their age, and a petition may be made on paper or online "
            "through the council's website.",
            "1.1",
        ),
        Block(
            "clause",
            "A petition must include a clear statement of what it asks the council to do, "
            "and the name and contact details of its organiser, which are not published.",
            "1.2",
        ),
        Block("heading", "What happens to a petition", "2."),
        Block(
            "clause",
            "The clerk acknowledges a petition within 10 working days and says what the "
            "council will do, as the table below sets out according to the number of "
            "signatures.",
            "2.1",
        ),
        _t(
            ("Signatures", "Response"),
            ("Fewer than 50", "The clerk replies in writing"),
            ("50 to 249", "Reported to the next meeting of the relevant committee"),
            ("250 or more", "Debated at a meeting of the full council"),
        ),
        Block(
            "clause",
            "A petition that asks for an officer to give evidence is referred to the "
            "Scrutiny Committee under paragraph 4.2 of its terms of reference.",
            "2.2",
        ),
        Block(
            "clause",
            "The council does not accept a petition that is *defamatory*, frivolous or "
            "offensive, or that concerns a planning or licensing application.",
            "2.3",
        ),
        Block("heading", "Review", "3."),
        Block(
            "clause",
            "This scheme is reviewed every three years by the Policy Committee, which "
            "may recommend changes to the council at any time.",
            "3.1",
        ),
        Block("heading", "Amendments"),
        _t(
            ("Date", "Change"),
            ("6 February 2024", "Online petitions accepted"),
            ("11 June 2026", "Thresholds in paragraph 2.1 lowered"),
        ),
    ),
)


CONTRACTS = Document(
    "contract-rules",
    "Contract Procedure Rules for the Westerleigh Combined Fire Authority",
    (
        Block("heading", "Scope", "1."),
        Block(
            "clause",
            "These rules apply to every contract for goods, works or services made by "
            "or on behalf of the authority, except contracts of employment and the "
            "purchase or sale of land under paragraph 8.2 of the financial regulations.",
            "1.1",
        ),
        Block(
            "clause",
            "An officer who breaks these rules reports the breach to the Treasurer at "
            "once, and the Treasurer records it in the register kept under rule 5.3.",
            "1.2",
        ),
        Block("heading", "Thresholds", "2."),
        Block(
            "clause",
            "The procedure to follow depends on the estimated value of the contract over "
            "its whole term, without value added tax:",
            "2.1",
        ),
        _t(
            ("Value", "Procedure", "Approval"),
            ("Up to 5,000 pounds", "One written quotation", "Budget holder"),
            ("5,000 to 50,000 pounds", "Three written quotations", "Head of Finance"),
            ("Over 50,000 pounds", "Open tender through the portal", "Treasurer"),
        ),
        Block(
            "clause",
            "A contract must not be split to bring its value under a threshold in rule "
            "2.1, and the whole value of linked orders counts as one contract.",
            "2.2",
        ),
        Block("heading", "Tenders", "3."),
        Block("clause", "Tenders are opened:", "3.1"),
        Block(
            "clause",
            "at one time, by two officers, one of whom is not from the department "
            "inviting the tenders;",
            "(a)",
            2,
        ),
        Block(
            "clause",
            "only after the closing time stated in the invitation, with late tenders "
            "kept *unopened* and returned; and",
            "(b)",
            2,
        ),
        Block(
            "clause",
            "in the presence of a member of the Audit Committee where the value is over "
            "500,000 pounds.",
            "(c)",
            2,
        ),
        Block(
            "clause",
            "The Treasurer may waive any of these rules in writing where the authority "
            "needs goods or services **urgently** to protect life or property, and "
            "reports each waiver to the next meeting of the authority.",
            "3.2",
        ),
    ),
)

DOCUMENTS = {d.name: d for d in (COMMITTEES, DELEGATION, PETITIONS, CONTRACTS)}


def document_text(document: Document) -> str:
    """The plain text a council would save (as narrow_pdf.protocol_text writes it)."""
    return protocol_text(document.blocks, document.title)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Style:
    """How one print sets its page."""

    page: str  # A4 | A5 | Letter | a width in mm ("120mm")
    font: str = "'DejaVu Serif', serif"
    size: float = 10.5  # points
    margin: str = "20mm"
    ruled: bool = True
    padding: str = "3pt 5pt"  # table cells
    hanging: bool = False  # numbers in a hanging indent, no space between paragraphs
    columns: int = 1  # the body set in this many columns
    justify: bool = False
    width: str = "100%"  # the tables' width ("auto": as wide as their words)
    extra: str = ""


def document_html(document: Document, style: Style) -> str:
    rows = [f"<h1>{html.escape(document.title)}</h1>", "<div class=body>"]
    for block in document.blocks:
        if block.kind == "heading":
            label = f"{block.number} {block.text}" if block.number else block.text
            rows.append(f"<h2>{html.escape(label)}</h2>")
        elif block.kind == "table":
            lines = []
            for index, row in enumerate(block.rows):
                tag = "th" if block.header and index == 0 else "td"
                lines.append(
                    "<tr>" + "".join(f"<{tag}>{inline_html(c)}</{tag}>" for c in row) + "</tr>"
                )
            rows.append(f"<table>{''.join(lines)}</table>")
        elif style.hanging and block.number:
            rows.append(
                f"<p class='hang level{block.level}'><span class=num>{block.number}</span>"
                f"{inline_html(block.text)}</p>"
            )
        elif block.number:
            rows.append(f"<p>{html.escape(block.number)} {inline_html(block.text)}</p>")
        else:
            rows.append(f"<p>{inline_html(block.text)}</p>")
    rows.append("</div>")
    border = "0.75pt solid #000" if style.ruled else "none"
    css = (
        f"body{{font-family:{style.font};font-size:{style.size}pt;margin:0}}"
        f"h1{{font-size:{style.size * 1.6:.1f}pt;margin:0 0 10pt}}"
        f"h2{{font-size:{style.size * 1.2:.1f}pt;margin:10pt 0 5pt;break-after:avoid}}"
        f"table{{border-collapse:collapse;margin:2pt 0 8pt;width:{style.width}}}"
        f"td,th{{border:{border};padding:{style.padding};vertical-align:top;text-align:left}}"
        "th{font-weight:bold}"
    )
    if style.columns > 1:
        css += f".body{{column-count:{style.columns};column-gap:6mm}}"
    if style.justify:
        css += "p{text-align:justify}"
    if style.hanging:
        css += (
            "p{margin:0}.hang{padding-left:10mm;text-indent:-10mm}"
            ".hang.level2{margin-left:10mm}"
            ".num{display:inline-block;width:10mm;text-indent:0}"
        )
    else:
        css += "p{margin:0 0 6pt}"
    return (
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        f"<style>{css}{style.extra}</style></head><body>{''.join(rows)}</body></html>"
    )


PAGE_SIZES_MM = {"A4": (210, 297), "A5": (148, 210), "Letter": (215.9, 279.4)}


def print_page(browser, page_html: str, style: Style, header: str) -> bytes:
    """Chromium's print of `page_html` with a running header and page numbers."""
    width, height = PAGE_SIZES_MM.get(style.page, (0, 0))
    if not width:
        width, height = float(style.page.removesuffix("mm")), 180
    page = browser.new_page()
    try:
        page.set_content(page_html)
        return page.pdf(
            width=f"{width}mm",
            height=f"{height}mm",
            margin={"top": "18mm", "bottom": "16mm", "left": style.margin, "right": style.margin},
            display_header_footer=True,
            header_template=(
                f'<div style="font-size:8px;width:100%;text-align:center">'
                f"{html.escape(header)}</div>"
            ),
            footer_template=(
                '<div style="font-size:8px;width:100%;text-align:center">Page '
                '<span class="pageNumber"></span></div>'
            ),
        )
    finally:
        page.close()


# The held-out prints: (document, style). Written before the reader was changed.
CHROMIUM_PRINTS: dict[str, tuple[str, Style]] = {
    "committees-a4-serif": ("committee-rules", Style("A4", margin="25mm", size=11)),
    "committees-120mm-two-columns": (
        "committee-rules",
        Style("120mm", "'DejaVu Sans', sans-serif", 7.5, "10mm", columns=2, padding="1pt 2pt"),
    ),
    "committees-letter-tight-cells": (
        "committee-rules",
        Style("Letter", "'DejaVu Sans', sans-serif", 10, "22mm", padding="0 1.5pt", width="auto"),
    ),
    "delegation-a5-sans-unruled": (
        "delegation-scheme",
        Style("A5", "'DejaVu Sans', sans-serif", 9, "12mm", ruled=False, padding="0"),
    ),
    "delegation-letter-condensed-hanging": (
        "delegation-scheme",
        Style(
            "Letter",
            "'DejaVu Sans Condensed', sans-serif",
            10,
            "30mm",
            ruled=False,
            padding="0 8pt 0 0",
            hanging=True,
            justify=True,
        ),
    ),
    "delegation-120mm-ruled": (
        "delegation-scheme",
        Style("120mm", "'DejaVu Serif Condensed', serif", 9, "10mm"),
    ),
    "petitions-120mm-synthetic-styles": (
        "petition-scheme",
        Style("120mm", "'DejaVu Math TeX Gyre', serif", 10, "12mm", ruled=False),
    ),
    "petitions-a4-wide-rows": (
        "petition-scheme",
        Style("A4", "'DejaVu Serif', serif", 11, "30mm", ruled=False, padding="12pt 6pt"),
    ),
    "contracts-a5-hanging": (
        "contract-rules",
        Style("A5", "'DejaVu Serif', serif", 9.5, "15mm", hanging=True, padding="2pt 3pt"),
    ),
    "contracts-a4-two-columns": (
        "contract-rules",
        Style("A4", "'DejaVu Sans', sans-serif", 9.5, "18mm", columns=2, ruled=False),
    ),
}


def header_of(document: Document) -> str:
    return document.title.split(" of the ")[-1].split(" for the ")[-1]


def reportlab_pdf(
    document: Document,
    page: str = "A4",
    hanging: bool = True,
    columns: int = 1,
    ruled: bool = True,
    padding: float = 6.0,
) -> bytes:
    """The document as a word processor sets it, by ReportLab: Times body, Helvetica
    headings, justified paragraphs, numbers in a hanging indent, tables ruled by a grid
    (or not) with wrapping Paragraph cells padded `padding` points left and right and a
    repeated header row, a running footer; `columns` 2 sets the body in two frames."""
    import io

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4, A5, letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    size = {"A4": A4, "A5": A5, "Letter": letter}[page]
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=10.5, leading=13)
    para = ParagraphStyle("para", parent=body, alignment=TA_JUSTIFY, spaceAfter=5)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=17, leading=21)
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=12.5, leading=15)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=11.5)
    bold_cell = ParagraphStyle("bold_cell", parent=cell, fontName="Times-Bold")

    def inline(text: str) -> str:
        escaped = html.escape(text, quote=False)
        escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
        return re.sub(r"\*(.+?)\*", r"<i>\1</i>", escaped)

    story: list = [Paragraph(html.escape(document.title), title), Spacer(1, 10)]
    for block in document.blocks:
        if block.kind == "heading":
            label = f"{block.number} {block.text}" if block.number else block.text
            story += [Spacer(1, 6), Paragraph(html.escape(label), head), Spacer(1, 4)]
        elif block.kind == "table":
            data = [
                [Paragraph(inline(c), bold_cell if block.header and i == 0 else cell) for c in row]
                for i, row in enumerate(block.rows)
            ]
            table = Table(data, repeatRows=1 if block.header else 0, hAlign="LEFT")
            commands: list = [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ]
            if ruled:
                commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            table.setStyle(TableStyle(commands))
            story += [table, Spacer(1, 6)]
        elif block.number and hanging:
            indent = 12 * mm * block.level
            style = ParagraphStyle(
                f"n{block.level}",
                parent=para,
                leftIndent=indent,
                bulletIndent=indent - 12 * mm,
                bulletFontName="Times-Roman",
                bulletFontSize=10.5,
            )
            story.append(Paragraph(inline(block.text), style, bulletText=block.number))
        elif block.number:
            story.append(Paragraph(f"{block.number} {inline(block.text)}", para))
        else:
            story.append(Paragraph(inline(block.text), para))
    out = io.BytesIO()

    def footer(canvas, doc) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(size[0] / 2, 10 * mm, f"Page {doc.page}")

    margin = 20 * mm
    gap = 6 * mm
    width = (size[0] - 2 * margin - (columns - 1) * gap) / columns
    height = size[1] - 36 * mm
    frames = [
        Frame(margin + n * (width + gap), 18 * mm, width, height, id=f"c{n}")
        for n in range(columns)
    ]
    template = BaseDocTemplate(out, pagesize=size, title=document.title)
    template.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=footer)])
    template.build(story)
    return out.getvalue()


REPORTLAB_PRINTS: dict[str, tuple] = {
    "committees-reportlab-a4": ("committee-rules", "A4", True),
    "delegation-reportlab-a5": ("delegation-scheme", "A5", True),
    "petitions-reportlab-letter": ("petition-scheme", "Letter", False),
    "contracts-reportlab-a4": ("contract-rules", "A4", True),
}


def tuning_documents() -> dict[str, Document]:
    """The two documents of tests/narrow_pdf.py (already used to tune the reader)."""
    import narrow_pdf

    def convert(blocks) -> tuple[Block, ...]:
        return tuple(Block(b.kind, b.text, b.number, b.level, b.rows) for b in blocks)

    return {
        "protocol": Document("protocol", narrow_pdf.TITLE, convert(narrow_pdf.BLOCKS)),
        "orders": Document("orders", narrow_pdf.ORDERS_TITLE, convert(narrow_pdf.ORDERS)),
    }


_BROWSER_CELLS = (
    "table{border-collapse:separate !important;border-spacing:2px}"
    "td,th{padding:1px !important;border:none !important}"
)

# Prints of the tuning documents in the kinds of layout the held-out prints test.
TUNING_PRINTS: dict[str, tuple[str, Style]] = {
    "protocol-120mm-two-columns": (
        "protocol",
        Style("120mm", "'DejaVu Sans', sans-serif", 7.5, "10mm", columns=2, padding="1pt 2pt"),
    ),
    "orders-130mm-two-columns-serif": (
        "orders",
        Style("130mm", "'DejaVu Serif', serif", 7, "9mm", columns=2, ruled=False),
    ),
    "protocol-a5-unruled-no-padding": (
        "protocol",
        Style("A5", "'DejaVu Serif', serif", 9, "14mm", ruled=False, padding="0"),
    ),
    "orders-letter-wide-rows": (
        "orders",
        Style("Letter", "'DejaVu Sans', sans-serif", 10, "25mm", ruled=False, padding="14pt 4pt"),
    ),
    "protocol-110mm-synthetic-styles": (
        "protocol",
        Style("110mm", "'DejaVu Math TeX Gyre', serif", 9.5, "10mm"),
    ),
    "orders-a4-tight-cells": (
        "orders",
        Style("A4", "'DejaVu Sans', sans-serif", 11, "25mm", padding="0 1pt", width="auto"),
    ),
    "protocol-a4-two-columns-unruled": (
        "protocol",
        Style("A4", "'DejaVu Serif', serif", 9, "20mm", columns=2, ruled=False),
    ),
    # Added after the held-out set's first run showed these kinds failing.
    "orders-125mm-two-columns-ruled": (
        "orders",
        Style("125mm", "'DejaVu Sans', sans-serif", 7, "10mm", columns=2, padding="1pt 2pt"),
    ),
    "protocol-a5-sans-unruled-no-padding": (
        "protocol",
        Style("A5", "'DejaVu Sans', sans-serif", 9, "12mm", ruled=False, padding="0"),
    ),
    "orders-a4-two-columns-unruled-sans": (
        "orders",
        Style("A4", "'DejaVu Sans', sans-serif", 9.5, "18mm", columns=2, ruled=False),
    ),
    # Cells as a browser sets a table with no style of its own: 1 px of padding and
    # 2 px between cells, so the cells of the widest row sit a quarter of a letter apart.
    "protocol-a4-browser-default-cells": (
        "protocol",
        Style(
            "A4",
            "'DejaVu Sans', sans-serif",
            12,
            "15mm",
            ruled=False,
            width="auto",
            extra=_BROWSER_CELLS,
        ),
    ),
    "orders-120mm-browser-default-cells": (
        "orders",
        Style(
            "120mm",
            "'DejaVu Sans', sans-serif",
            9,
            "15mm",
            ruled=False,
            width="auto",
            extra=_BROWSER_CELLS,
        ),
    ),
    "orders-a5-unruled-no-padding-hanging": (
        "orders",
        Style(
            "A5", "'DejaVu Sans', sans-serif", 8.5, "12mm", ruled=False, padding="0", hanging=True
        ),
    ),
}


def shape(document) -> list[tuple]:
    """What a reader of the page sees, in order, as comparable items: the title, the
    document-control fields, every heading, clause (number, parent, words with their
    emphasis, paragraphs), note and table (kind, header, rows)."""
    from clausemark.model.document import Clause, Heading, Note, Section, Table

    meta = document.metadata
    out: list[tuple] = [
        ("title", meta.title),
        ("control", meta.version, meta.adopted, meta.adopted_by, meta.next_review, meta.owner),
    ]

    def walk(blocks, parent):
        for block in blocks:
            if isinstance(block, Section):
                out.append(("section", block.heading.number, block.heading.title))
                walk(block.blocks, None)
            elif isinstance(block, Heading):
                out.append(("heading", block.number, block.title))
            elif isinstance(block, Clause):
                out.append(("clause", block.number, parent, block.text, tuple(block.paragraphs)))
                walk(block.tables, block.number)
                walk(block.children, block.number)
            elif isinstance(block, Table):
                rows = tuple(tuple(row) for row in block.rows)
                out.append(("table", block.kind, tuple(block.header), rows))
            elif isinstance(block, Note):
                out.append(("note", block.text))

    walk(document.blocks, None)
    return out


def compare(want: list[tuple], got: list[tuple]) -> tuple[int, list[str]]:
    """Items of `want` found in `got` in order, and the differences."""
    matcher = difflib.SequenceMatcher(a=[repr(x) for x in want], b=[repr(x) for x in got])
    same = sum(block.size for block in matcher.get_matching_blocks())
    diff = [
        line[:200]
        for line in difflib.unified_diff(
            [repr(x) for x in want], [repr(x) for x in got], lineterm="", n=0
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    return same, diff


# --- held-out set 2: written after the reader was changed, run once before any more
# change (its first figures are the ones reported).

ALLOWANCES = Document(
    "allowances-scheme",
    "Members' Allowances Scheme of the Fenwick Hollow District Council",
    (
        Block("heading", "Revision record"),
        _t(
            ("Issue", "Date", "Reason"),
            ("1", "14 April 2021", "Scheme adopted on the panel's report"),
            ("2", "2 May 2024", "Allowances raised by the index in paragraph 4.1"),
        ),
        Block("heading", "Basic allowance", "1."),
        Block(
            "clause",
            "Every councillor is paid a basic allowance of 9,850 pounds a year, in equal "
            "monthly parts, from the day the councillor takes office.",
            "1.1",
        ),
        Block(
            "clause",
            "A councillor may decline all or part of an allowance by writing to the "
            "Head of Democratic Services, who records it under paragraph 6.2.",
            "1.2",
        ),
        Block("heading", "Special responsibility allowances", "2."),
        Block("clause", "The holders of the posts below are also paid:", "2.1"),
        _t(
            ("Post", "Pounds a year"),
            ("Leader of the Council", "14,200"),
            ("Deputy Leader", "8,500"),
            ("Cabinet member", "6,400"),
            ("Chair of a regulatory committee", "4,100"),
            ("Leader of the largest opposition group", "3,900"),
        ),
        Block(
            "clause",
            "No councillor is paid more than *one* special responsibility allowance, and "
            "where two apply the higher is paid.",
            "2.2",
        ),
        Block("heading", "Claims", "3."),
        Block(
            "clause",
            "Travel and subsistence are claimed within **two months** of the duty, on "
            "the form the council provides, with receipts for every cost over 10 pounds.",
            "3.1",
        ),
        Block(
            "clause",
            "A claim made later than that is paid only if the Monitoring Officer agrees "
            "that the delay was reasonable under paragraph 3.4 of the guidance.",
            "3.2",
        ),
    ),
)

PLANNING = Document(
    "planning-orders",
    "Standing Orders for the Planning Committee of the Ashcombe Vale Council",
    (
        Block("heading", "Quorum and membership", "1."),
        Block(
            "clause",
            "The committee has the members and quorum shown, and a substitute counts "
            "toward the quorum under Standing Order 4.3:",
            "1.1",
        ),
        _t(
            ("Members", "12"),
            ("Quorum", "4"),
            ("Substitutes per group", "2"),
            header=False,
        ),
        Block(
            "clause",
            "A member who has not completed planning training under paragraph 2.6 of "
            "the members' code may attend but may not vote.",
            "1.2",
        ),
        Block("heading", "Public speaking", "2."),
        Block(
            "clause",
            "A person who registers by noon on the working day before the meeting may "
            "speak for the time shown:",
            "2.1",
        ),
        _t(
            ("Speaker", "Time allowed", "Notes"),
            (
                "Objector to the application",
                "Three minutes",
                "Where there are several objectors they choose one speaker among "
                "themselves or share the time",
            ),
            (
                "Applicant or agent",
                "Three minutes",
                "Speaks after the objectors and may answer points of fact raised by them",
            ),
            (
                "Parish or town council",
                "Five minutes",
                "One representative, named in writing by the clerk of that council",
            ),
            (
                "Ward member who is not on the committee",
                "Five minutes",
                "May not vote and leaves the table before the debate",
            ),
        ),
        Block(
            "clause",
            "The chair may extend the time allowed in *exceptional* cases, and says why "
            "before the speaker begins.",
            "2.2",
        ),
        Block("heading", "Decisions", "3."),
        Block("clause", "A decision contrary to the officer's recommendation:", "3.1"),
        Block("clause", "must give planning reasons, recorded in the minutes;", "(a)", 2),
        Block(
            "clause",
            "is deferred to the next meeting if the Head of Planning advises that it "
            "may expose the council to costs on appeal; and",
            "(b)",
            2,
        ),
        Block("clause", "is reported to the next meeting of the council.", "(c)", 2),
    ),
)

COMPLAINTS = Document(
    "complaints-procedure",
    "Complaints Procedure of the Merrow Bridge Parish Council",
    (
        Block("heading", "Document history"),
        _t(
            ("Version", "Adopted", "Review"),
            ("2.0", "9 January 2025", "January 2027"),
            header=True,
        ),
        Block("heading", "Making a complaint", "1."),
        Block(
            "clause",
            "A complaint about the council's services is made in writing to the Clerk, "
            "or to the Chair where it concerns the Clerk, and is acknowledged within 5 "
            "working days.",
            "1.1",
        ),
        Block(
            "clause",
            "A complaint about the conduct of a councillor is not dealt with here and is "
            "sent to the Monitoring Officer of the district council under paragraph 7.2 "
            "of its arrangements.",
            "1.2",
        ),
        Block("heading", "Stages", "2."),
        Block("clause", "A complaint passes through the stages below.", "2.1"),
        _t(
            ("Stage", "Dealt with by", "Time limit"),
            (
                "Informal resolution",
                "The Clerk, who meets or telephones the complainant",
                "Within 10 working days of the acknowledgement",
            ),
            (
                "Formal review",
                "A panel of three councillors not involved in the matter",
                "At its next meeting, or within 28 days if sooner",
            ),
            (
                "Appeal",
                "The full council, in the part of a meeting closed to the public",
                "At the next ordinary meeting",
            ),
        ),
        Block(
            "clause",
            "The complainant is told the outcome of each stage in writing, with the "
            "reasons, and of the right to go to the next stage under paragraph 2.1.",
            "2.2",
        ),
        Block("heading", "Records", "3."),
        Block(
            "clause",
            "The Clerk keeps a record of every complaint for **six years** and reports "
            "the number received to the annual meeting.",
            "3.1",
        ),
        Block(
            "para",
            "This procedure does not affect any right of appeal to the Local Government "
            "and Social Care Ombudsman.",
        ),
    ),
)

DOCUMENTS_2 = {d.name: d for d in (ALLOWANCES, PLANNING, COMPLAINTS)}

CHROMIUM_PRINTS_2: dict[str, tuple[str, Style]] = {
    "allowances-a4-two-columns-ruled": (
        "allowances-scheme",
        Style("A4", "'DejaVu Serif', serif", 9, "20mm", columns=2, padding="2pt 4pt"),
    ),
    "allowances-a5-condensed-no-padding": (
        "allowances-scheme",
        Style("A5", "'DejaVu Serif Condensed', serif", 9, "14mm", ruled=False, padding="0"),
    ),
    "planning-letter-wide-rows": (
        "planning-orders",
        Style("Letter", "'DejaVu Sans', sans-serif", 10.5, "25mm", ruled=False, padding="10pt 6pt"),
    ),
    "planning-120mm-hanging-ruled": (
        "planning-orders",
        Style("120mm", "'DejaVu Sans', sans-serif", 8.5, "11mm", hanging=True),
    ),
    "complaints-115mm-two-columns": (
        "complaints-procedure",
        Style("115mm", "'DejaVu Serif', serif", 7, "9mm", columns=2, ruled=False, padding="0 2pt"),
    ),
    "complaints-a4-synthetic-styles": (
        "complaints-procedure",
        Style("A4", "'DejaVu Math TeX Gyre', serif", 11, "28mm", ruled=False, padding="2pt"),
    ),
}

# (document, page, hanging, columns, ruled, padding)
REPORTLAB_PRINTS_2: dict[str, tuple] = {
    "allowances-reportlab-a4-two-columns": ("allowances-scheme", "A4", True, 2, True, 4.0),
    "planning-reportlab-a5-unruled": ("planning-orders", "A5", True, 1, False, 1.0),
    "complaints-reportlab-letter": ("complaints-procedure", "Letter", False, 1, True, 6.0),
}


# Prints whose page itself loses or hides words, so that no reader can give the text's
# model: in both, a table too wide for its 45 mm column runs over the next column
# (committees: drawn over the other column's text) or off the page (complaints: the
# glyphs past the page's edge are clipped, 'acknowledgem'). Scored, never asserted.
DEFECTIVE = {"committees-120mm-two-columns", "complaints-115mm-two-columns"}
