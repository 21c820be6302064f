"""Write the example site's Word and PDF sources from invented text (no council's wording).

    .venv/bin/python scripts/make_example_sources.py

- sources/planning-committee-protocol.docx: python-docx with Word's automatic
  multilevel numbering (1. / 1.1 / (a) / (i)), headings by style, a footnote, a table
  and an email link;
- sources/petitions-scheme.pdf: HTML printed by Chromium (page.pdf()) with a running
  header and page footer over several pages.

The files are committed; run this again only to change them.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402
from format_fixtures import (  # noqa: E402
    CLAUSE_LEVELS,
    Item,
    Spec,
    WordParts,
    abstract,
    build_docx,
    footnote_ref,
    hyperlink,
    num,
    para,
    print_html,
    run,
    spec_print_html,
    style,
    table,
)

PROTOCOL = [
    ("heading", "Purpose of this protocol"),
    (
        1,
        "This protocol guides councillors and officers of Example Council when the "
        "Planning Committee decides applications for planning permission.",
    ),
    (1, "It sits beside the Members' Code of Conduct and does not replace it."),
    ("heading", "Keeping an open mind"),
    (
        1,
        "A member of the Planning Committee must come to each meeting with an open mind "
        "and decide each application on its planning merits",
    ),
    (1, "A member may express a view before the meeting, provided that the member:"),
    (2, "makes clear that the view is provisional;"),
    (2, "listens to the officer's report and to every speaker; and"),
    (2, "does not vote where the member has already decided the outcome, for example:"),
    (3, "by campaigning for or against the application; or"),
    (3, "by signing a petition about it."),
    ("heading", "Lobbying"),
    (1, "Applicants, objectors and agents may write to members about an application."),
    (
        1,
        "A member who is lobbied should pass any written material to the planning officer "
        "so that it can be reported to the committee.",
    ),
    ("heading", "Site visits"),
    (
        1,
        "The committee may visit a site when the plans alone do not show the effect of a proposal.",
    ),
    (
        1,
        "No decision is taken on site, and members do not discuss the merits of the "
        "application with the applicant or objectors during the visit.",
    ),
    ("heading", "Speaking at the meeting"),
    (1, "Members of the public may speak at the meeting for the times shown below."),
]


def protocol_docx() -> bytes:
    parts = WordParts(
        numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)],
        styles=[style("SectionHeading", "Section Heading", num_id=1, ilvl=0)],
        footnotes={1: "The council's register of interests is kept by the Monitoring Officer."},
        links={"rId900": "mailto:planning@example.org"},
    )
    parts.body.append(para("Planning Committee Protocol", "Title"))
    parts.body.append(
        para("Adopted by Example Council, an invented council for this example site.")
    )
    for level, text in PROTOCOL:
        if level == "heading":
            parts.body.append(para(text, "SectionHeading"))
        elif text.endswith("merits"):
            runs = run(text) + footnote_ref(1) + run(".")
            parts.body.append(para(runs, None, 1, level))
        else:
            parts.body.append(para(text, None, 1, level))
    parts.body.append(
        table(
            [
                ["Speaker", "Time allowed"],
                ["Applicant or agent", "Three minutes"],
                ["Objectors, together", "Three minutes"],
                ["Ward councillor", "Five minutes"],
            ]
        )
    )
    parts.body.append(
        para(
            run("To register to speak, write to the ")
            + hyperlink("planning team", "rId900")
            + run(" by noon on the day before the meeting."),
            None,
            1,
            1,
        )
    )
    return build_docx(parts)


PETITIONS = Spec(
    "Petitions Scheme",
    [
        Item("heading", "Introduction", "1."),
        Item("clause", "Example Council welcomes petitions and recognises that they are one "
             "way in which people can let the council know their concerns.", "1.1", 1),
        Item("clause", "Anyone who lives, works or studies in the area may sign or organise "
             "a petition, including people under eighteen.", "1.2", 1),
        Item("heading", "What a petition must include", "2."),
        Item("clause", "A petition must include:", "2.1", 1),
        Item("clause", "a clear statement of what the petition asks the council to do;", "(a)", 2),
        Item("clause", "the name and address of each person who signs it; and", "(b)", 2),
        Item("clause", "contact details for the petition organiser.", "(c)", 2),
        Item("clause", "A petition that is abusive, or that names a member of staff, will not "
             "be accepted.", "2.2", 1),
        Item("heading", "How the council responds", "3."),
        Item("clause", "The council acknowledges a petition within ten working days.", "3.1", 1),
        Item("clause", "A petition signed by at least five hundred people is debated at a "
             "meeting of the full council.", "3.2", 1),
        Item("clause", "A petition signed by fewer people is answered in writing by the "
             "officer responsible, who may:", "3.3", 1),
        Item("clause", "take the action the petition asks for;", "(a)", 2),
        Item("clause", "refer it to a committee; or", "(b)", 2),
        Item("clause", "explain why the council will not act on it.", "(c)", 2),
        Item("heading", "Review", "4."),
        Item("clause", "If the organiser is not satisfied with the response, the organiser "
             "may ask for the matter to be reviewed by the Monitoring Officer.", "4.1", 1),
    ],
)  # fmt: skip


def petitions_pdf() -> bytes:
    from playwright.sync_api import sync_playwright

    page = spec_print_html(PETITIONS).replace(
        "p{margin:0 0 8pt}", "p{margin:0 0 8pt} h2{margin-top:40pt}"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        try:
            return print_html(browser, page, header="Example Council - Petitions Scheme")
        finally:
            browser.close()


def main() -> None:
    sources = REPO / "sources"
    (sources / "planning-committee-protocol.docx").write_bytes(protocol_docx())
    (sources / "petitions-scheme.pdf").write_bytes(petitions_pdf())
    print("wrote sources/planning-committee-protocol.docx and sources/petitions-scheme.pdf")


if __name__ == "__main__":
    main()
