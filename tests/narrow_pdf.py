"""A protocol printed by Chromium on narrow pages, and the same words as a text file.

The wording is invented here. One list of blocks is written twice: as the plain text
a council would save (`protocol_text`) and as a web page that Chromium prints to PDF
(`protocol_html`, `print_narrow`), so a test can convert both and compare the models.
The page is narrow (about 100 mm of text or less), so the title wraps over three
lines, references to numbered paragraphs fall at the start of wrapped lines, and the
table cells wrap. Bold and italic words, a version-history table and a two-column table
with wrapping cells are in it; `ruled` draws the tables' borders, `hanging` sets each
number in a hanging indent with no space between paragraphs (as Word prints them).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

TITLE = (
    "Protocol on Working Together for Members and Officers of the Example Vale Joint "
    "Waste and Recycling Committee"
)
HEADER = "Example Vale Joint Committee"


@dataclass(frozen=True)
class Block:
    kind: str  # heading | clause | para | table
    text: str = ""
    number: str | None = None
    level: int = 1  # clause depth: 1 for 1.1, 2 for (a)
    rows: tuple[tuple[str, ...], ...] = ()


def _rows(*rows: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(rows)


BLOCKS: list[Block] = [
    Block("heading", "Version history"),
    Block(
        "table",
        rows=_rows(
            ("Version", "Date", "Changes"),
            ("1.0", "12 January 2024", "First adopted by the joint committee"),
            ("2.1", "4 June 2025", "Paragraphs 3.2 and 5.1 revised after the annual review"),
            ("3", "2 March 2026", "Table of decisions in paragraph 2.4 added"),
        ),
    ),
    Block("heading", "Purpose", "1."),
    Block(
        "clause",
        "This protocol describes how **members** and **officers** of the joint committee "
        "work together. It is read with paragraph 5.1 of the Members' Code of Conduct, "
        "rule 14.2 of the Standing Orders and paragraph 3.3 of the Officers' Code, and "
        "where they differ those documents prevail over paragraph 1.2 of this protocol.",
        "1.1",
    ),
    Block(
        "clause",
        "Members and officers treat one another with *courtesy and respect* at all times, "
        "in meetings, in writing and in public, and they raise a concern under paragraph "
        "4.1 or paragraph 4.2 rather than in the press.",
        "1.2",
    ),
    Block(
        "clause",
        "A member who is unsure whether a request is proper asks the clerk, who answers "
        "within 5 working days and may refer the request under paragraph 2.3 or paragraph "
        "6.1 to the monitoring officer.",
        "1.3",
    ),
    Block("heading", "Roles", "2."),
    Block(
        "clause",
        "Members set the committee's policy and officers give advice and carry it out, "
        "as set out in section 3 of the Constitution and in sections 7 and 9 of the "
        "scheme of delegation agreed by each council in 2019.",
        "2.1",
    ),
    Block("clause", "An officer advising the committee must:", "2.2"),
    Block(
        "clause",
        "give advice that is *impartial*, complete and in accordance with paragraph "
        "2.1 and paragraph 3.4 of the Officers' Code;",
        "(a)",
        2,
    ),
    Block(
        "clause",
        "record advice given in private, so that a member may rely on it under "
        "paragraph 4.2 without repeating it in public; and",
        "(b)",
        2,
    ),
    Block(
        "clause",
        "**never** advise on a matter in which the officer has an interest described "
        "in paragraph 12.3 of the register rules.",
        "(c)",
        2,
    ),
    Block(
        "clause",
        "Members do not instruct officers, except through the committee or under a power "
        "delegated to a member by resolution 2024/17, and the clerk keeps a list of such "
        "powers.",
        "2.3",
    ),
    Block("clause", "Decisions on the matters below are taken as the table shows.", "2.4"),
    Block(
        "table",
        rows=_rows(
            ("Matter", "Who decides"),
            (
                "A request from a member for a site visit before the committee meets",
                "The chair, after asking the waste services manager and the clerk",
            ),
            (
                "A change to the date of a meeting",
                "The clerk, with the agreement of the chair and vice-chair",
            ),
            (
                "Urgent action between meetings",
                "The monitoring officer, who reports it to the next meeting under paragraph 5.2",
            ),
        ),
    ),
    Block("heading", "Raising concerns", "3."),
    Block(
        "clause",
        "A member with a concern about an officer raises it first with the officer's "
        "manager and, if it is not resolved within 10 working days, with the head of paid "
        "service under paragraph 3.2 of the employment procedure rules.",
        "3.1",
    ),
    Block(
        "clause",
        "An officer with a concern about a member raises it with the monitoring officer, "
        "who may treat it as a complaint under paragraph 7.4 of the arrangements for "
        "dealing with complaints, adopted in 2021.",
        "3.2",
    ),
    Block(
        "para",
        "This protocol is reviewed every two years by the joint committee, and a review "
        "may be requested at any time by 3 members of the committee.",
    ),
]


# A second document, another council body's standing orders (also invented here).
ORDERS_TITLE = (
    "Standing Orders for Meetings of the Example Parish Council "
    "Finance and General Purposes Committee"
)
ORDERS: list[Block] = [
    Block("heading", "Document control"),
    Block(
        "table",
        rows=_rows(
            ("Version", "Approved", "Summary of change"),
            ("4.2", "18 May 2023", "Quorum in Standing Order 3.1 reduced to three members"),
            (
                "5.0",
                "21 November 2025",
                ("Whole document reviewed; Standing Orders 7.2 and 9.4 rewritten"),
            ),
        ),
    ),
    Block("heading", "Meetings", "1."),
    Block(
        "clause",
        (
            "The committee meets at least 4 times a year, on dates fixed "
            "by the council under Standing Order 2.3 at its annual "
            "meeting, and may hold further meetings when the chair so "
            "decides."
        ),
        "1.1",
    ),
    Block(
        "clause",
        (
            "Notice of a meeting is given at least **three clear days** "
            "before it, in the form set out in Standing Order 2.6 and "
            "Schedule 12 to the Local Government Act 1972."
        ),
        "1.2",
    ),
    Block(
        "clause",
        (
            "A meeting may be held *in person* only; a member who attends"
            " by video link is not counted under Standing Order 3.1 for "
            "the quorum."
        ),
        "1.3",
    ),
    Block("heading", "Finance", "2."),
    Block(
        "clause",
        (
            "Spending is approved as follows, subject to Financial "
            "Regulation 4.1 and the budget agreed for the year:"
        ),
        "2.1",
    ),
    Block(
        "table",
        rows=_rows(
            ("Amount", "Approval needed"),
            (
                "Up to 500 pounds",
                ("The clerk, who reports the spending at the next meeting of the committee"),
            ),
            ("From 500 to 5,000 pounds", "The committee, by a resolution recorded in the minutes"),
            (
                "Over 5,000 pounds",
                (
                    "The full council, on a recommendation of the committee made "
                    "under Standing Order 9.4"
                ),
            ),
        ),
    ),
    Block("clause", "The clerk must:", "2.2"),
    Block(
        "clause", ("keep the accounts in the form required by Financial Regulation 6.2;"), "(a)", 2
    ),
    Block(
        "clause",
        (
            "report to each meeting on spending against the budget, with "
            "the variances explained in accordance with Financial "
            "Regulation 6.5; and"
        ),
        "(b)",
        2,
    ),
    Block(
        "clause",
        (
            "tell the chair **at once** of any spending that would take "
            "the committee over 10 per cent of its budget."
        ),
        "(c)",
        2,
    ),
    Block("heading", "Conduct", "3."),
    Block(
        "clause",
        (
            "Members observe the Code of Conduct adopted by the council "
            "in 2021, and in particular paragraph 4.3 of that code on "
            "declaring interests before an item is discussed."
        ),
        "3.1",
    ),
    Block(
        "clause",
        (
            "A member who disagrees with a ruling of the chair may ask "
            "for it to be recorded, and the ruling is then reported to "
            "the council under Standing Order 12.1 without further "
            "debate."
        ),
        "3.2",
    ),
    Block(
        "para",
        (
            "These standing orders take effect from the date of their "
            "approval and are reviewed each year at the annual meeting of"
            " the council."
        ),
    ),
]


def protocol_text(blocks: list[Block] = BLOCKS, title: str = TITLE) -> str:
    """The plain text a council would save: a paragraph a line, tables as tab rows."""
    out = [title]
    for block in blocks:
        if block.kind == "table":
            out.append("\n".join("\t".join(row) for row in block.rows))
        else:
            out.append(f"{block.number} {block.text}" if block.number else block.text)
    return "\n\n".join(out) + "\n"


def inline_html(text: str) -> str:
    """**bold** and *italic* as HTML, everything else escaped."""
    escaped = html.escape(text)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", escaped)


def protocol_html(
    blocks: list[Block] = BLOCKS,
    ruled: bool = True,
    hanging: bool = False,
    title: str = TITLE,
    style: str = "",
):
    """The page Chromium prints: numbers typed in the text, as a PDF export shows them;
    `style` is CSS added after ours (another font, justified text ...)."""
    rows = [f"<h1>{html.escape(title)}</h1>"]
    for block in blocks:
        if block.kind == "heading":
            label = f"{block.number} {block.text}" if block.number else block.text
            rows.append(f"<h2>{html.escape(label)}</h2>")
        elif block.kind == "table":
            head, *body = block.rows
            cells = "".join(f"<th>{html.escape(c)}</th>" for c in head)
            lines = [f"<tr>{cells}</tr>"]
            for row in body:
                lines.append("<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in row) + "</tr>")
            rows.append(f"<table>{''.join(lines)}</table>")
        elif hanging and block.number:
            rows.append(
                f"<p class='hang level{block.level}'><span class=num>{block.number}</span>"
                f"{inline_html(block.text)}</p>"
            )
        elif block.number:
            rows.append(f"<p>{html.escape(block.number)} {inline_html(block.text)}</p>")
        else:
            rows.append(f"<p>{inline_html(block.text)}</p>")
    border = "1px solid #000" if ruled else "none"
    css = (
        "body{font-family:'DejaVu Serif',serif;font-size:10.5pt;margin:0}"
        "h1{font-size:17pt;margin:0 0 10pt} h2{font-size:12.5pt;margin:12pt 0 6pt}"
        f"table{{border-collapse:collapse;margin:0 0 8pt;width:100%}}"
        f"td,th{{border:{border};padding:3pt 4pt;vertical-align:top;text-align:left}}"
        "th{font-weight:bold}"
    )
    if hanging:
        css += (
            "p{margin:0}.hang{padding-left:12mm;text-indent:-12mm}"
            ".hang.level2{margin-left:12mm}"
            ".num{display:inline-block;width:12mm;text-indent:0}"
        )
    else:
        css += "p{margin:0 0 7pt}"
    return (
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><style>{css}{style}</style>"
        "</head>"
        f"<body>{''.join(rows)}</body></html>"
    )


def print_narrow(browser, page_html: str, width_mm: int = 120, height_mm: int = 190) -> bytes:
    """`page_html` printed by Chromium on a narrow page, with a running header and footer."""
    page = browser.new_page()
    try:
        page.set_content(page_html)
        return page.pdf(
            width=f"{width_mm}mm",
            height=f"{height_mm}mm",
            margin={"top": "18mm", "bottom": "16mm", "left": "12mm", "right": "12mm"},
            display_header_footer=True,
            header_template=(
                f'<div style="font-size:8px;width:100%;text-align:center">{HEADER}</div>'
            ),
            footer_template=(
                '<div style="font-size:8px;width:100%;text-align:center">Page '
                '<span class="pageNumber"></span> of <span class="totalPages"></span></div>'
            ),
        )
    finally:
        page.close()
