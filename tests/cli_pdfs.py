"""Council documents printed by Chromium's own command line, and their text files.

Wording invented here (no council's own). Each document is written once as the plain
text a council would save (council_pdfs.document_text) and once as a web page that
`/usr/bin/chromium --headless --print-to-pdf` prints, as a user with no script does:
the page's size and margins come from its `@page` rule, so these prints differ from
the Playwright prints of tests/council_pdfs.py in what runs round the text:
- running heads and page numbers in the page's margin boxes ("Page 2 of 5", from
  `@page` `@top-left` / `@bottom-center`; or a bare number at the top right and a
  footer in two parts), or Chromium's own header and footer (the date, the page's
  <title>, its file:// address and "2/5"). (Elements fixed in the margin are not
  used: Chromium 156 prints them over the text, the head at the foot of the page.)
- numbers in a hanging indent set three ways: a grid column, a list's marker (the
  marker is drawn in the margin, outside the text), and an inline block;
- titles set large on A5 and 105-115 mm pages, so they wrap over three lines;
- references to numbered paragraphs placed so that wrapped lines begin with them
  ("5.1 of the Code ..."), clauses long enough to cross a page break, version-history
  and two-column tables whose cells wrap, ruled and unruled, bold and italic words.

TUNING documents may be used to tune the reader; HELDOUT documents and their prints
were written, printed and scored once before any change to the reader (the figures in
the notes), and are not to be tuned on.
"""

from __future__ import annotations

import html
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from council_pdfs import Block, Document, _t
from narrow_pdf import inline_html

CHROMIUM = "/usr/bin/chromium"

FIRE = Document(
    "fire-protocol",
    "Protocol on Relations between Members and Officers of the Lower Fennick and Stowe "
    "Combined Fire and Rescue Authority",
    (
        Block("heading", "Version history"),
        _t(
            ("Version", "Date", "Changes"),
            ("1.0", "5 February 2020", "Protocol first adopted by the Authority"),
            (
                "1.4",
                "19 October 2023",
                "Paragraphs 2.3 and 4.1 rewritten after the review of governance, with a "
                "new table of contacts",
            ),
            ("2.0", "11 March 2026", "Whole protocol reviewed by the Audit Committee"),
        ),
        Block("heading", "Introduction", "1."),
        Block(
            "clause",
            "This protocol guides **members** and **officers** of the Authority in their "
            "dealings with one another. It should be read together with paragraph 5.1 of "
            "the Code of Conduct for Members, paragraph 2.4 of the Officer Code and the "
            "procedure in paragraph 7.3 of the whistleblowing policy, which prevail where "
            "they differ from it.",
            "1.1",
        ),
        Block(
            "clause",
            "Mutual *trust and courtesy* are expected at all times. A member or officer "
            "who feels this protocol has not been followed should say so under paragraph "
            "4.1 or 4.2, and not in the press or on social media.",
            "1.2",
        ),
        Block("heading", "Roles", "2."),
        Block(
            "clause",
            "Members decide the Authority's policies and hold the Chief Fire Officer to "
            "account for carrying them out. Officers advise members and carry out their "
            "decisions, within the limits set in section 4 of the scheme of delegation "
            "and in the financial regulations approved by the Authority on 12 June 2019. "
            "A member who wishes to see an officer about a matter in the member's own "
            "area arranges this through the officer's manager, giving at least 2 working "
            "days' notice where the matter is not urgent, and the officer keeps a short "
            "note of what was asked and of any advice given, so that the advice can be "
            "shared with other members if it is later relied on in a decision of the "
            "Authority or of one of its committees under paragraph 3.2 of the standing "
            "orders.",
            "2.1",
        ),
        Block("clause", "When advising members, officers will:", "2.2"),
        Block(
            "clause",
            "give advice that is *politically impartial* and based on the facts, in line "
            "with paragraph 2.4 of the Officer Code;",
            "(a)",
            2,
        ),
        Block(
            "clause",
            "say plainly when a proposal is outside the budget set under paragraph "
            "6.2 of the financial regulations; and",
            "(b)",
            2,
        ),
        Block(
            "clause", "**never** disclose advice given in confidence to another member.", "(c)", 2
        ),
        Block("clause", "Members should contact officers as the table below shows.", "2.3"),
        _t(
            ("Subject", "Contact"),
            (
                "Operational matters at a fire station in the member's ward",
                "The station manager, who tells the area manager of any request",
            ),
            (
                "Complaints about the conduct of an officer",
                "The Director of People, under the procedure in paragraph 4.2",
            ),
            ("Press enquiries", "The communications team, never the officer named"),
        ),
        Block("heading", "Concerns", "3."),
        Block(
            "clause",
            "An officer who is concerned about how a member has treated them speaks first "
            "to their manager, who may refer the matter to the Monitoring Officer under "
            "paragraph 3.4 of the arrangements for complaints, agreed in 2022.",
            "3.1",
        ),
        Block(
            "clause",
            "A member who is unhappy with the conduct of an officer raises it with the "
            "Chief Fire Officer, who replies within 15 working days.",
            "3.2",
        ),
        Block(
            "para",
            "This protocol is reviewed every three years by the Audit Committee, and any "
            "member may ask for an earlier review.",
        ),
    ),
)

QUESTIONS = Document(
    "question-rules",
    "Procedure Rules for Questions and Petitions from the Public at Meetings of the "
    "Thornby Moor Town Council",
    (
        Block("heading", "Document control"),
        _t(
            ("Version", "3.2"),
            ("Adopted by", "Full Council"),
            ("Date adopted", "16 July 2025"),
            ("Next review", "July 2028"),
            header=False,
        ),
        Block("heading", "Questions", "1."),
        Block(
            "clause",
            "At each ordinary meeting up to 20 minutes are set aside for questions from "
            "members of the public who live, work or study in the town, as rule 4.2 of "
            "the council's standing orders provides.",
            "1.1",
        ),
        Block(
            "clause",
            "A question must be sent to the Town Clerk by **noon three working days** "
            "before the meeting. The Clerk may reject a question that:",
            "1.2",
        ),
        Block("clause", "is not about a matter for which the council is responsible;", "(a)", 2),
        Block(
            "clause",
            "is *defamatory, frivolous or offensive*, or repeats a question answered "
            "in the last 6 months under rule 1.4; or",
            "(b)",
            2,
        ),
        Block(
            "clause",
            "would need the disclosure of exempt information under paragraph 3 of "
            "Schedule 12A to the Local Government Act 1972.",
            "(c)",
            2,
        ),
        Block(
            "clause",
            "The questioner may ask one supplementary question, which must arise from "
            "the reply. The chair may decline to answer it where the answer would need "
            "more work, and a written reply is then sent within 10 working days and "
            "published with the minutes of the meeting, together with any answer given "
            "at the meeting itself under rule 1.2 and any reply promised by a committee "
            "chair under rule 14.6 of the standing orders, so that the public record of "
            "each meeting holds every question asked and every answer given.",
            "1.3",
        ),
        Block("heading", "Petitions", "2."),
        Block("clause", "A petition is dealt with as the table shows.", "2.1"),
        _t(
            ("Signatures", "What happens"),
            (
                "Fewer than 50",
                "The Clerk acknowledges it and refers it to the officer responsible",
            ),
            (
                "50 to 499",
                "It is reported to the next meeting of the relevant committee, which "
                "decides what action to take",
            ),
            (
                "500 or more",
                "It is debated at a meeting of the full council, and the lead petitioner "
                "may speak for 5 minutes",
            ),
        ),
        Block(
            "clause",
            "The lead petitioner is told in writing of the outcome within 10 working "
            "days of the meeting, and of the right of review under paragraph 6.3 of the "
            "petition scheme.",
            "2.2",
        ),
        Block(
            "para",
            "These rules do not apply to questions from members of the council, which are "
            "dealt with under rule 12 of the standing orders.",
        ),
    ),
)

TUNING = {d.name: d for d in (FIRE, QUESTIONS)}


# --- held-out: written and printed before any change, scored once, never tuned on ---

FILMING = Document(
    "filming-code",
    "Code of Practice on the Recording and Filming of Meetings of the Wexcombe Valley "
    "National Park Authority",
    (
        Block("heading", "Revision history"),
        _t(
            ("Issue", "Approved", "Notes"),
            ("1", "30 September 2021", "Code agreed by the Authority"),
            (
                "2",
                "8 December 2025",
                "Rules on live streaming in paragraph 2.2 added and the table of areas revised",
            ),
        ),
        Block("heading", "Who may record", "1."),
        Block(
            "clause",
            "Any person present at a meeting open to the public may film, photograph or "
            "record it, as the Openness of Local Government Bodies Regulations 2014 allow, "
            "subject to paragraph 3.1 of this code and to any direction given by the "
            "chair under paragraph 4.2 of the standing orders.",
            "1.1",
        ),
        Block(
            "clause",
            "A person who wishes to record is asked, *but not required*, to tell the "
            "Democratic Services Officer before the meeting begins.",
            "1.2",
        ),
        Block("heading", "How recording is done", "2."),
        Block(
            "clause",
            "Recording must not disrupt the meeting. Flash photography, moving about the "
            "room during debate and recording from the area reserved for members are not "
            "allowed, and the chair may ask a person to stop if the recording is causing "
            "a disturbance or is being done in a way that prevents members, officers or "
            "the public from taking part. A person asked to stop who does not do so may "
            "be asked to leave the meeting, and the chair records the reason in the "
            "minutes together with the name of the person asked to leave, where it is "
            "known, and the time at which the recording stopped, so that the Authority "
            "can answer any later complaint about the matter under paragraph 5.2 of the "
            "complaints procedure.",
            "2.1",
        ),
        Block("clause", "Live streaming of a meeting is allowed only where:", "2.2"),
        Block("clause", "the stream shows the whole of each item recorded;", "(a)", 2),
        Block(
            "clause",
            "no member of the public who has asked not to be filmed is shown, in "
            "accordance with paragraph 3.1; and",
            "(b)",
            2,
        ),
        Block("clause", "the stream is **stopped** when the public are excluded.", "(c)", 2),
        Block("clause", "Places in the meeting room are used as follows.", "2.3"),
        _t(
            ("Area", "Use while recording"),
            (
                "The public seating at the back of the room",
                "Recording from a fixed position, without moving during an item",
            ),
            (
                "The press table beside the public seating",
                "Recording by accredited journalists, who may move between items",
            ),
            ("The members' table", "No recording by the public at any time"),
        ),
        Block("heading", "Exclusions", "3."),
        Block(
            "clause",
            "Members of the public who speak at the meeting and do not wish to be filmed "
            "say so to the officer before the meeting, and are not filmed.",
            "3.1",
        ),
        Block(
            "clause",
            "Recording stops when the meeting resolves to exclude the public under "
            "section 100A of the Local Government Act 1972.",
            "3.2",
        ),
    ),
)

GRANTS = Document(
    "grant-rules",
    "Rules for the Award of Community Grants by the Brackenford Harbour and Estuary Parish Council",
    (
        Block("heading", "Amendment record"),
        _t(
            ("Version", "Date", "Amendment"),
            ("1.1", "22 April 2024", "Limits in rule 2.1 raised"),
            (
                "1.2",
                "3 February 2026",
                "Rule 3.2 on reporting added, and the order of the rules changed to "
                "follow the year",
            ),
        ),
        Block("heading", "Eligibility", "1."),
        Block(
            "clause",
            "Grants are made to voluntary and community groups whose work benefits the "
            "people of the parish, as described in paragraph 2.3 of the council's "
            "strategy, and not to individuals or to political parties.",
            "1.1",
        ),
        Block(
            "clause",
            "A group that received a grant in the last year may apply again only when it "
            "has sent the report required by rule 3.2 and the Clerk has accepted it as "
            "complete. The Clerk may ask for receipts, photographs or the minutes of the "
            "group's own meetings, and a group that cannot show how the earlier grant was "
            "spent is told so in writing and may not apply again for 2 years. The "
            "Finance Committee may waive this rule for a group that has lost its records "
            "through no fault of its own, such as a fire or flood at the place where "
            "they were kept, on a report from the Clerk under rule 4.1 of the financial "
            "regulations.",
            "1.2",
        ),
        Block("heading", "Amounts", "2."),
        Block("clause", "The most that may be awarded is set out below.", "2.1"),
        _t(
            ("Kind of grant", "Limit"),
            ("Small grant for running costs", "Up to 400 pounds in any one year"),
            (
                "Project grant for equipment or an event open to the whole parish",
                "Up to 2,500 pounds, decided by the Finance Committee",
            ),
        ),
        Block(
            "clause",
            "A grant is paid only against an invoice or a signed estimate, and **not** in cash.",
            "2.2",
        ),
        Block("heading", "Conditions", "3."),
        Block(
            "clause",
            "The group acknowledges the council's support in its publicity, in the words "
            "set out in paragraph 1.5 of the publicity guidance.",
            "3.1",
        ),
        Block(
            "clause",
            "Within 12 months of the award the group reports on how the grant was spent, "
            "on the form in appendix 2 to these rules.",
            "3.2",
        ),
        Block(
            "para",
            "The council may recover a grant that was not spent on the purpose for which "
            "it was made.",
        ),
    ),
)

HELDOUT = {d.name: d for d in (FILMING, GRANTS)}


@dataclass(frozen=True)
class CliStyle:
    """How one print sets its page (in CSS: Chromium's command line has no options)."""

    page: str  # "A4", "A5", or "<w>mm <h>mm"
    margin: str = "18mm 14mm 16mm"  # "": Chromium's own margins (0.4 in)
    font: str = "'DejaVu Serif', serif"
    size: float = 10.0  # points
    title: float = 2.0  # the title's size, in body sizes
    numbers: str = "inline"  # inline | grid | marker | block (see the module's note)
    ruled: bool = True
    padding: str = "2pt 4pt"
    furniture: str = "margin-boxes"  # margin-boxes | corners | chromium
    justify: bool = False
    gap: str = "5pt"  # between paragraphs (0 in a hanging layout: Word's own)


def _number(block: Block, style: CliStyle) -> str:
    text = inline_html(block.text)
    number = html.escape(block.number or "")
    indent = "l2" if block.level > 1 else "l1"
    if style.numbers == "grid":
        return f"<div class='g {indent}'><span>{number}</span><div>{text}</div></div>"
    if style.numbers == "marker":
        marker = html.escape(f"{block.number}\u2002")
        return f"<ul class='m {indent}'><li style=\"list-style-type:'{marker}'\">{text}</li></ul>"
    if style.numbers == "block":
        return f"<p class='b {indent}'><span class=n>{number}</span>{text}</p>"
    return f"<p>{number} {text}</p>"


def document_html(document: Document, style: CliStyle, short_title: str) -> str:
    """The web page Chromium's command line prints."""
    rows = [f"<h1>{html.escape(document.title)}</h1>"]
    for block in document.blocks:
        if block.kind == "heading":
            label = f"{block.number} {block.text}" if block.number else block.text
            rows.append(f"<h2>{html.escape(label)}</h2>")
        elif block.kind == "table":
            lines = []
            for index, row in enumerate(block.rows):
                tag = "th" if block.header and index == 0 else "td"
                cells = "".join(f"<{tag}>{inline_html(c)}</{tag}>" for c in row)
                lines.append(f"<tr>{cells}</tr>")
            rows.append(f"<table>{''.join(lines)}</table>")
        elif block.number:
            rows.append(_number(block, style))
        else:
            rows.append(f"<p>{inline_html(block.text)}</p>")
    size = {"A4": "A4", "A5": "A5"}.get(style.page, style.page)
    head, foot = html.escape(short_title), "Issued for publication"
    page_rule = f"@page{{size:{size};" + (f"margin:{style.margin};" if style.margin else "")
    if style.furniture == "margin-boxes":
        page_rule += (
            f"@top-left{{content:'{head}';font-size:7pt;font-family:sans-serif}}"
            "@bottom-center{content:'Page ' counter(page) ' of ' counter(pages);"
            "font-size:7pt;font-family:sans-serif}"
        )
    elif style.furniture == "corners":
        page_rule += (
            "@top-right{content:counter(page);font-size:8pt}"
            f"@bottom-left{{content:'{head}';font-size:7pt;font-style:italic}}"
            f"@bottom-right{{content:'{foot}';font-size:7pt}}"
        )
    page_rule += "}"
    border = "0.6pt solid #000" if style.ruled else "none"
    css = (
        page_rule + f"body{{font-family:{style.font};font-size:{style.size}pt;margin:0}}"
        f"h1{{font-size:{style.size * style.title:.1f}pt;margin:0 0 9pt;line-height:1.15}}"
        f"h2{{font-size:{style.size * 1.25:.1f}pt;margin:9pt 0 4pt;break-after:avoid}}"
        f"p{{margin:0 0 {style.gap}}}"
        f"table{{border-collapse:collapse;width:100%;margin:2pt 0 7pt}}"
        f"td,th{{border:{border};padding:{style.padding};text-align:left;vertical-align:top}}"
        ".g{display:grid;grid-template-columns:11mm 1fr;margin:0 0 " + style.gap + "}"
        ".g.l2{margin-left:11mm}"
        ".m{margin:0 0 " + style.gap + ";padding-left:11mm}.m.l2{padding-left:22mm}"
        ".b.l1{padding-left:11mm;text-indent:-11mm}.b.l2{padding-left:22mm;text-indent:-11mm}"
        ".n{display:inline-block;width:11mm;text-indent:0}"
    )
    if style.justify:
        css += "p,.g div,li{text-align:justify}"
    return (
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{head}</title>"
        f"<style>{css}</style></head><body>{''.join(rows)}</body></html>"
    )


def print_cli(page_html: str, furniture: str = "margin-boxes") -> bytes:
    """`page_html` printed by Chromium's command line (its own header and footer only
    when `furniture` is "chromium")."""
    with tempfile.TemporaryDirectory() as scratch:
        source, out = Path(scratch) / "page.html", Path(scratch) / "page.pdf"
        source.write_text(page_html, encoding="utf-8")
        command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu"]
        if furniture != "chromium":
            command.append("--no-pdf-header-footer")
        command += [f"--print-to-pdf={out}", source.as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        return out.read_bytes()


def short_title(document: Document) -> str:
    return document.title.split(" of the ")[-1].split(" by the ")[-1].split(" from the ")[-1]


# (document, style): the tuning prints, then the held-out prints.
TUNING_PRINTS: dict[str, tuple[str, CliStyle]] = {
    "fire-a5-grid-margin-boxes": ("fire-protocol", CliStyle("A5", numbers="grid", size=9.5)),
    "fire-105mm-marker-corners": (
        "fire-protocol",
        CliStyle(
            "105mm 170mm",
            "16mm 9mm 14mm",
            "'DejaVu Sans', sans-serif",
            8,
            numbers="marker",
            ruled=False,
            padding="1pt 3pt",
            furniture="corners",
        ),
    ),
    "fire-a4-block-chromium-justified": (
        "fire-protocol",
        CliStyle(
            "A4",
            "20mm 40mm 18mm",
            size=11,
            numbers="block",
            furniture="chromium",
            justify=True,
            gap="0",
        ),
    ),
    "questions-a5-inline-unruled": (
        "question-rules",
        CliStyle("A5", "", "'DejaVu Sans', sans-serif", 9, ruled=False, padding="0"),
    ),
    "questions-110mm-grid-chromium": (
        "question-rules",
        CliStyle(
            "110mm 180mm",
            "17mm 10mm 15mm",
            size=8.5,
            title=2.2,
            numbers="grid",
            furniture="chromium",
            gap="0",
        ),
    ),
    "questions-a5-marker-ruled-corners": (
        "question-rules",
        CliStyle(
            "A5",
            "",
            "'DejaVu Serif Condensed', serif",
            9.5,
            numbers="marker",
            furniture="corners",
            justify=True,
        ),
    ),
}

HELDOUT_PRINTS: dict[str, tuple[str, CliStyle]] = {
    "filming-a5-marker-margin-boxes": (
        "filming-code",
        CliStyle("A5", "17mm 12mm 15mm", "'DejaVu Sans', sans-serif", 9, numbers="marker"),
    ),
    "filming-115mm-block-unruled-chromium": (
        "filming-code",
        CliStyle(
            "115mm 175mm",
            "16mm 10mm 14mm",
            size=8.5,
            title=2.3,
            numbers="block",
            ruled=False,
            padding="1pt 4pt 1pt 0",
            furniture="chromium",
            gap="0",
        ),
    ),
    "filming-a4-grid-corners-justified": (
        "filming-code",
        CliStyle(
            "A4", "22mm 35mm 20mm", size=11.5, numbers="grid", furniture="corners", justify=True
        ),
    ),
    "grants-a5-grid-unruled-chromium": (
        "grant-rules",
        CliStyle(
            "A5",
            "16mm 13mm 15mm",
            "'DejaVu Sans Condensed', sans-serif",
            9.5,
            numbers="grid",
            ruled=False,
            padding="0 6pt 0 0",
            furniture="chromium",
        ),
    ),
    "grants-105mm-inline-margin-boxes": (
        "grant-rules",
        CliStyle("105mm 165mm", "15mm 9mm 14mm", size=8, title=2.2),
    ),
    "grants-a5-marker-ruled-corners": (
        "grant-rules",
        CliStyle(
            "A5",
            font="'DejaVu Serif', serif",
            size=9,
            numbers="marker",
            furniture="corners",
            padding="3pt 3pt",
            gap="2pt",
        ),
    ),
}

SETS = {"cli-tuning": (TUNING, TUNING_PRINTS), "cli-heldout": (HELDOUT, HELDOUT_PRINTS)}
