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


# --- round 2 (written together, before any change for them): version tables of two
# columns whose first cell reads like a clause number ('2.1' | its changes), items
# three levels deep, bold lead-in phrases, a version and date in the running footer.

PANEL = Document(
    "panel-terms",
    "Terms of Reference of the Joint Health Scrutiny Panel of the Oakhurst and Lydbrook "
    "District Councils",
    (
        Block("heading", "Changes to these terms"),
        _t(
            ("Version", "Summary of changes"),
            ("1.0", "Terms agreed by both councils at their annual meetings"),
            (
                "2.1",
                "Membership in paragraph 1.2 raised to eight, and the quorum in paragraph "
                "3.1 changed to match",
            ),
            ("2.2", "Paragraph 4.3 on co-opted members added"),
        ),
        Block("heading", "Membership", "1."),
        Block(
            "clause",
            "**Members.** The panel has eight members, four appointed by each council "
            "under paragraph 2.6 of its own constitution, and none of them may be a "
            "member of either council's executive.",
            "1.1",
        ),
        Block(
            "clause",
            "**Chair.** The chair is held by each council in turn for a year, starting "
            "with the council that did not hold it in the year before, as section 4 of "
            "the joint arrangements sets out.",
            "1.2",
        ),
        Block("heading", "Functions", "2."),
        Block("clause", "The panel may:", "2.1"),
        Block(
            "clause",
            "review any decision about health services that affects both districts;",
            "(a)",
            2,
        ),
        Block("clause", "require attendance from:", "(b)", 2),
        Block(
            "clause",
            "an officer of either council named in paragraph 5.1 of the protocol; or",
            "(i)",
            3,
        ),
        Block(
            "clause",
            "a representative of a health body, under the regulations made in 2013;",
            "(ii)",
            3,
        ),
        Block("clause", "make *recommendations* to either council or to both.", "(c)", 2),
        Block("heading", "Meetings", "3."),
        Block(
            "clause",
            "**Quorum.** The quorum is four members, at least one from each council. If "
            "there is no quorum after 15 minutes the meeting is adjourned to a date the "
            "chair fixes, and the clerk tells every member of the new date in writing "
            "within 3 working days, with the agenda of the adjourned meeting and any "
            "papers that were not sent before, so that the panel can deal with the "
            "business left over under paragraph 3.2 without a further notice.",
            "3.1",
        ),
        Block(
            "clause",
            "The panel meets at least four times a year, at places agreed by the two "
            "councils' monitoring officers.",
            "3.2",
        ),
    ),
)

ALLOTMENTS = Document(
    "allotment-orders",
    "Standing Orders for the Allotments and Open Spaces Committee of the Fernleigh Parish Council",
    (
        Block("heading", "Record of issues"),
        _t(
            ("Issue", "What changed"),
            ("3", "Orders renumbered and the rent table in order 2.2 brought up to date"),
            (
                "3.1",
                "Order 4.2 on the waiting list rewritten after complaints, with a new "
                "right of appeal",
            ),
        ),
        Block("heading", "The committee", "1."),
        Block(
            "clause",
            "**Membership.** The committee has five councillors, appointed at the annual "
            "meeting, and may co-opt up to two tenants who are not councillors.",
            "1.1",
        ),
        Block(
            "clause",
            "A co-opted tenant may speak and vote on any item except one under order "
            "3.1 or order 4.2 that concerns the tenant's own plot.",
            "1.2",
        ),
        Block("heading", "Plots and rents", "2."),
        Block("clause", "Plots are let on these terms:", "2.1"),
        Block("clause", "a tenancy runs from 1 October each year;", "(a)", 2),
        Block("clause", "the tenant must:", "(b)", 2),
        Block("clause", "keep the plot *cultivated and tidy*; and", "(i)", 3),
        Block(
            "clause",
            "not keep livestock other than hens, and those only with consent;",
            "(ii)",
            3,
        ),
        Block("clause", "rent is paid in advance by 31 October.", "(c)", 2),
        Block("clause", "The rents for the year are:", "2.2"),
        _t(
            ("Plot", "Rent a year"),
            ("Full plot of 250 square metres", "64 pounds"),
            ("Half plot", "34 pounds"),
            ("Raised bed beside the path, reserved for tenants with a disability", "12 pounds"),
        ),
        Block("heading", "Waiting list", "3."),
        Block(
            "clause",
            "**Order of the list.** The clerk keeps one waiting list in the order in "
            "which applications arrive, and offers each plot that falls vacant to the "
            "first person on the list who lives in the parish. A person who refuses two "
            "offers in a row goes to the foot of the list, and a person who cannot be "
            "reached at the address given within 14 days of an offer is taken off the "
            "list, after a letter to that address saying so and giving the right to ask "
            "for a review under order 4.2 within a further 14 days.",
            "3.1",
        ),
        Block(
            "para",
            "These orders are reviewed by the committee each September, before the new "
            "tenancy year.",
        ),
    ),
)

TUNING_2 = {PANEL.name: PANEL}
HELDOUT_2 = {ALLOTMENTS.name: ALLOTMENTS}


# --- round 3 (held-out written first, then the tuning document): one-page documents
# under Chromium's own header and footer, and two-column version tables whose header
# cells sit close (a space or nothing between 'Version' and its neighbour).

GIFTS = Document(
    "gifts-protocol",
    "Protocol on Gifts and Hospitality Offered to Members of the Ravensmoor Town Council",
    (
        Block("heading", "Revisions"),
        _t(
            ("Rev.", "Description"),
            ("2.0", "Limit for declaring a gift lowered to 40 pounds"),
            ("2.1", "Register to be published on the council's website each quarter"),
        ),
        Block("heading", "Declaring gifts", "1."),
        Block(
            "clause",
            "A member who accepts a gift or hospitality worth **40 pounds or more** "
            "declares it to the Town Clerk within 28 days, as paragraph 9.2 of the Code "
            "of Conduct requires.",
            "1.1",
        ),
        Block(
            "clause",
            "A member should *refuse* any offer from a person who is seeking a decision "
            "from the council, whatever its value.",
            "1.2",
        ),
        Block("heading", "The register", "2."),
        Block(
            "clause",
            "The Town Clerk keeps the register of declarations and makes it available "
            "for inspection at the council offices.",
            "2.1",
        ),
    ),
)

BOARD = Document(
    "board-rules",
    "Procedure Rules of the Coastal Access Partnership Board of the Saltmarsh Cove "
    "and Wendle Councils",
    (
        Block("heading", "Versions"),
        _t(
            ("Version", "Changes made"),
            ("1.0", "Rules adopted when the Board was set up"),
            (
                "1.2",
                "Rule 2.3 on substitutes added and the notice period in rule 1.1 "
                "shortened to five clear days",
            ),
            ("2.0", "Rules reviewed in full"),
        ),
        Block("heading", "Meetings", "1."),
        Block(
            "clause",
            "The Board meets at least three times a year. Notice of each meeting is "
            "sent to every member **five clear days** before it, with the agenda and "
            "the papers for each item, under rule 4.4 of the partnership agreement.",
            "1.1",
        ),
        Block("clause", "A special meeting may be called by:", "1.2"),
        Block("clause", "the chair; or", "(a)", 2),
        Block("clause", "any three members, writing to the secretary.", "(b)", 2),
        Block("heading", "Voting", "2."),
        Block(
            "clause",
            "Each council has one vote on the Board, cast by the member it names for "
            "the meeting, and the chair has no *second or casting* vote.",
            "2.1",
        ),
        Block(
            "clause",
            "A matter on which the councils' votes are equal is referred to each "
            "council's cabinet under rule 6.1, and the Board acts on their joint answer.",
            "2.2",
        ),
    ),
)

STANDARDS = Document(
    "standards-rules",
    "Rules of Procedure of the Standards Hearing Panel of the Kestrel Fen District Council",
    (
        Block("heading", "History"),
        _t(
            ("Issue", "Change"),
            ("1.0", "Rules first made by the Standards Committee"),
            ("1.1", "Rule 2.2 on the attendance of witnesses added"),
        ),
        Block("heading", "The hearing", "1."),
        Block(
            "clause",
            "The panel hears a complaint referred to it by the Monitoring Officer under "
            "paragraph 5.4 of the arrangements, in public unless it decides otherwise.",
            "1.1",
        ),
        Block(
            "clause",
            "The member complained about may be represented by a *lawyer or a friend*, "
            "and may call witnesses.",
            "1.2",
        ),
        Block("heading", "Decisions", "2."),
        Block(
            "clause",
            "The panel decides on the balance of probabilities, and gives its reasons "
            "in writing within 10 working days.",
            "2.1",
        ),
    ),
)

HELDOUT_3 = {d.name: d for d in (GIFTS, BOARD)}
TUNING_3 = {STANDARDS.name: STANDARDS, PANEL.name: PANEL}


# --- round 4 (held-out, written before it was printed or scored): two-column version
# tables with cells set close, under other header words.

TREES = Document(
    "tree-policy",
    "Policy on Trees in Council Ownership of the Highcombe and Vale Borough Council",
    (
        Block("heading", "Edition history"),
        _t(
            ("Edition", "Notes"),
            ("1.1", "Policy agreed by the Environment Committee"),
            ("1.3", "Section 2 on requests to fell rewritten after the survey of 2024"),
        ),
        Block("heading", "Inspections", "1."),
        Block(
            "clause",
            "Every tree on council land is inspected at least once in **three years**, "
            "and trees beside roads and play areas every year, under paragraph 4.2 of "
            "the risk framework.",
            "1.1",
        ),
        Block(
            "clause",
            "The results are kept on the tree register, which any person may ask to see.",
            "1.2",
        ),
        Block("heading", "Requests to fell", "2."),
        Block("clause", "The council does not fell a healthy tree because it:", "2.1"),
        Block("clause", "blocks light to a garden or a house;", "(a)", 2),
        Block("clause", "drops leaves, fruit or *sap*; or", "(b)", 2),
        Block("clause", "interferes with a television signal.", "(c)", 2),
        Block(
            "clause",
            "A tree that is dead, dying or dangerous is felled as soon as an inspection "
            "under paragraph 1.1 finds it so.",
            "2.2",
        ),
    ),
)

HALLS = Document(
    "hall-rules",
    "Rules for the Hire of Village Halls Managed by the Pennock Green Parish Council",
    (
        Block("heading", "Amendments"),
        _t(
            ("No.", "Amendment"),
            ("2.0", "Charges moved to a schedule agreed each year"),
            ("2.1", "Rule 3.2 on alcohol added"),
            ("2.2", "Deposit in rule 2.1 raised"),
        ),
        Block("heading", "Booking", "1."),
        Block(
            "clause",
            "A hall is booked through the clerk, who confirms the booking in writing "
            "and may refuse it under rule 4.1 where the use is unsuitable.",
            "1.1",
        ),
        Block(
            "clause",
            "Bookings are taken up to *twelve months* ahead and are not transferred.",
            "1.2",
        ),
        Block("heading", "Payment", "2."),
        Block(
            "clause",
            "A deposit of **50 pounds** is paid with each booking and returned after "
            "the hall has been checked.",
            "2.1",
        ),
        Block("heading", "Use of the hall", "3."),
        Block(
            "clause",
            "The hirer leaves the hall clean and tidy, and reports any damage to the "
            "clerk the next day.",
            "3.1",
        ),
        Block(
            "clause",
            "Alcohol is sold only under a licence held for the event, and never to "
            "anyone under 18.",
            "3.2",
        ),
    ),
)

HELDOUT_4 = {d.name: d for d in (TREES, HALLS)}


# --- round 5 (held-out written first): long two-column tables over a page break, their
# header row repeated on each page (<thead>), bold phrases that wrap.


def _powers(*rows: tuple[str, str]) -> Block:
    return _t(("Function", "Delegated to"), *rows)


LICENSING = Document(
    "licensing-delegation",
    "Scheme of Delegation for Licensing Functions of the Marlow Heath District Council",
    (
        Block("heading", "Delegation", "1."),
        Block(
            "clause",
            "The functions below are delegated as shown, and the officer named may act "
            "through another officer authorised in writing under paragraph 3.2 of the "
            "**scheme of delegation to officers** agreed in 2023.",
            "1.1",
        ),
        _powers(
            (
                "Granting a premises licence where no relevant representation is made",
                "Licensing Manager",
            ),
            (
                "Granting a premises licence where representations are made and not withdrawn",
                "Licensing Sub-Committee",
            ),
            (
                "Deciding whether a representation is frivolous or vexatious",
                "Licensing Manager, after asking the Head of Legal Services",
            ),
            ("Granting a personal licence", "Licensing Officer"),
            ("Revoking a personal licence after a conviction", "Licensing Sub-Committee"),
            ("Granting a temporary event notice with no objection", "Licensing Officer"),
            (
                "Deciding a temporary event notice after an objection from the police",
                "Licensing Sub-Committee",
            ),
            (
                "Setting fees for licences not fixed by regulations",
                "Cabinet, on the advice of the Licensing Manager",
            ),
            ("Granting a street trading consent for a market stall", "Licensing Officer"),
            (
                "Refusing a street trading consent",
                "Licensing Manager, who reports each refusal to the committee",
            ),
        ),
        Block(
            "clause",
            "An officer who decides a matter under this scheme records the decision and "
            "the reasons, and the record is open to inspection.",
            "1.2",
        ),
        Block("heading", "Reporting", "2."),
        Block(
            "clause",
            "The Licensing Manager reports the decisions taken under this scheme to each "
            "meeting of the Licensing Committee.",
            "2.1",
        ),
    ),
)

HIGHWAYS = Document(
    "highway-delegation",
    "Scheme of Delegation for Highway Functions of the Tollerby Moor County Council",
    (
        Block("heading", "Delegation", "1."),
        Block(
            "clause",
            "The functions in the table are delegated as it shows, subject to the "
            "**budget and policy framework** in rule 4.1 of the constitution.",
            "1.1",
        ),
        _powers(
            ("Making a temporary traffic order for road works", "Head of Highways"),
            (
                "Making a permanent traffic order with no objection outstanding",
                "Head of Highways, after asking the local member",
            ),
            (
                "Making a permanent traffic order where objections are outstanding",
                "Cabinet Member for Highways",
            ),
            ("Approving the annual programme of resurfacing", "Cabinet"),
            ("Closing a road in an emergency", "Any highways officer on duty"),
            ("Licensing scaffolding and skips on the highway", "Street Works Manager"),
            ("Agreeing the adoption of a new estate road under section 38", "Head of Highways"),
            (
                "Settling a claim for damage to a vehicle under 5,000 pounds",
                "Insurance Manager, after asking the Head of Highways",
            ),
        ),
        Block(
            "clause",
            "A member may ask for any decision in the table to be taken by the Cabinet "
            "Member instead, by writing to the Head of Highways before it is made.",
            "1.2",
        ),
    ),
)

HELDOUT_5 = {LICENSING.name: LICENSING}
TUNING_5 = {HIGHWAYS.name: HIGHWAYS}


# --- round 6 (held-out written first): section numbers hung in the numbers' column,
# a clause wholly in italic, bold phrases over a line's end, items 'a)' and '(1)'.

MARKETS = Document(
    "market-rules",
    "Byelaws and Rules for the Charter Market of the Eastbrook Quay Town Council",
    (
        Block("heading", "Issues"),
        _t(
            ("Issue", "Date", "Notes"),
            ("4", "2 April 2025", "Stall rents in rule 2.2 revised and a new rule 3.3 added"),
        ),
        Block("heading", "Trading", "1."),
        Block(
            "clause",
            "The market is held every **Wednesday and Saturday from eight in the morning "
            "until four in the afternoon**, and on other days the council names.",
            "1.1",
        ),
        Block(
            "clause",
            "*No stall may be let to a trader who has not shown proof of insurance.*",
            "1.2",
        ),
        Block("heading", "Stalls", "2."),
        Block("clause", "A stallholder must:", "2.1"),
        Block("clause", "set up only in the pitch allocated;", "a)", 2),
        Block("clause", "keep the pitch clear of litter; and", "b)", 2),
        Block("clause", "leave by five in the afternoon.", "c)", 2),
        Block(
            "clause",
            "Rents are payable in advance, at the rates agreed each year under rule 3.1 "
            "of the council's financial regulations.",
            "2.2",
        ),
        Block("heading", "Enforcement", "3."),
        Block(
            "clause",
            "The market officer may remove a trader who breaks these rules, after a "
            "warning in writing, and the trader may appeal to the Town Clerk within 7 "
            "days under rule 3.2.",
            "3.1",
        ),
    ),
)

CEMETERY = Document(
    "cemetery-rules",
    "Regulations for the Management of Cemeteries of the Dunholme and Askern Parish Council",
    (
        Block("heading", "Revisions"),
        _t(
            ("Revision", "Approved", "Summary"),
            ("2", "7 March 2024", "Fees moved to a schedule and rule 2.3 on memorials added"),
        ),
        Block("heading", "Burials", "1."),
        Block(
            "clause",
            "A burial takes place only with the **written consent of the Clerk, given after "
            "the fee is paid**, and at a time the Clerk agrees.",
            "1.1",
        ),
        Block("clause", "*The council does not permit burials on a Sunday.*", "1.2"),
        Block("heading", "Memorials", "2."),
        Block("clause", "A memorial may be placed only if:", "2.1"),
        Block("clause", "its design has been approved;", "a)", 2),
        Block("clause", "it is fixed by a registered mason; and", "b)", 2),
        Block("clause", "the fee has been paid.", "c)", 2),
        Block(
            "clause",
            "The council may move a memorial that has become unsafe, after telling the "
            "owner of the right of burial under rule 2.3.",
            "2.2",
        ),
    ),
)

HELDOUT_6 = {MARKETS.name: MARKETS}
TUNING_6 = {CEMETERY.name: CEMETERY}


# --- round 7 (held-out, written before the rule for round 6's miss): version tables of
# one or two entries whose header cells sit a space apart.


def _short_rules(name: str, title: str, table: Block, subject: str) -> Document:
    return Document(
        name,
        title,
        (
            Block("heading", "Document history"),
            table,
            Block("heading", "Scope", "1."),
            Block(
                "clause",
                f"These rules apply to {subject}, and are read with paragraph 6.2 of the "
                "council's standing orders.",
                "1.1",
            ),
            Block("clause", "They may be *suspended* only by a resolution of the council.", "1.2"),
            Block("heading", "Review", "2."),
            Block("clause", "The clerk reviews them **every two years**.", "2.1"),
        ),
    )


PLAYING = _short_rules(
    "playing-fields",
    "Rules for the Use of Playing Fields of the Crossgate Minster Town Council",
    _t(("Issue", "Made", "Remarks"), ("5", "11 June 2025", "Rule 1.2 on suspension added")),
    "every playing field the council owns or manages",
)
ARCHIVE = _short_rules(
    "archive-rules",
    "Rules for Access to the Records of the Upper Wick Parish Council",
    _t(
        ("Ver.", "Agreed", "Reason"),
        ("1.0", "3 May 2022", "First rules"),
        ("1.1", "8 May 2025", "Review period changed"),
    ),
    "the council's minutes, accounts and correspondence",
)
HELDOUT_7 = {d.name: d for d in (PLAYING, ARCHIVE)}


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
    furniture: str = "margin-boxes"  # margin-boxes | corners | chromium | version
    justify: bool = False
    gap: str = "5pt"  # between paragraphs (0 in a hanging layout: Word's own)
    thead: bool = False  # header rows in <thead>: Chromium repeats them on each page
    hung_headings: bool = False  # a heading's number in the numbers' column too


def _number(block: Block, style: CliStyle) -> str:
    text = inline_html(block.text)
    number = html.escape(block.number or "")
    indent = f"l{min(block.level, 3)}"
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
        if block.kind == "heading" and style.hung_headings and block.number:
            rows.append(
                f"<h2 class=g><span>{html.escape(block.number)}</span>"
                f"<span>{html.escape(block.text)}</span></h2>"
            )
        elif block.kind == "heading":
            label = f"{block.number} {block.text}" if block.number else block.text
            rows.append(f"<h2>{html.escape(label)}</h2>")
        elif block.kind == "table":
            lines = []
            for index, row in enumerate(block.rows):
                tag = "th" if block.header and index == 0 else "td"
                cells = "".join(f"<{tag}>{inline_html(c)}</{tag}>" for c in row)
                lines.append(f"<tr>{cells}</tr>")
            if style.thead and block.header:
                lines = [f"<thead>{lines[0]}</thead><tbody>", *lines[1:], "</tbody>"]
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
    elif style.furniture == "version":
        page_rule += (
            "@bottom-left{content:'Version 2.1, March 2026';font-size:7pt}"
            "@bottom-right{content:'Page ' counter(page);font-size:7pt}"
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
        ".g.l2{margin-left:11mm}.g.l3{margin-left:22mm}"
        ".m{margin:0 0 " + style.gap + ";padding-left:11mm}.m.l2{padding-left:22mm}"
        ".m.l3{padding-left:33mm}"
        ".b.l1{padding-left:11mm;text-indent:-11mm}.b.l2{padding-left:22mm;text-indent:-11mm}"
        ".b.l3{padding-left:33mm;text-indent:-11mm}"
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

TUNING_PRINTS_2: dict[str, tuple[str, CliStyle]] = {
    "panel-a5-grid-unruled-version": (
        "panel-terms",
        CliStyle(
            "A5",
            "16mm 12mm 15mm",
            "'DejaVu Sans', sans-serif",
            9,
            numbers="grid",
            ruled=False,
            padding="1pt 6pt 1pt 0",
            furniture="version",
        ),
    ),
    "panel-110mm-marker-ruled-chromium": (
        "panel-terms",
        CliStyle(
            "110mm 175mm",
            "16mm 9mm 14mm",
            size=8.5,
            title=2.2,
            numbers="marker",
            furniture="chromium",
            gap="2pt",
        ),
    ),
    "panel-a4-inline-unruled-margin-boxes": (
        "panel-terms",
        CliStyle("A4", "", "'DejaVu Serif', serif", 11, ruled=False, padding="0"),
    ),
}

HELDOUT_PRINTS_2: dict[str, tuple[str, CliStyle]] = {
    "allotments-a5-block-unruled-version": (
        "allotment-orders",
        CliStyle(
            "A5",
            "17mm 13mm 15mm",
            size=9,
            numbers="block",
            ruled=False,
            padding="1pt 5pt 1pt 0",
            furniture="version",
            gap="1pt",
        ),
    ),
    "allotments-105mm-grid-ruled-corners": (
        "allotment-orders",
        CliStyle(
            "105mm 170mm",
            "15mm 8mm 14mm",
            "'DejaVu Sans', sans-serif",
            8,
            title=2.1,
            numbers="grid",
            furniture="corners",
        ),
    ),
    "allotments-a4-marker-unruled-chromium": (
        "allotment-orders",
        CliStyle(
            "A4",
            "",
            "'DejaVu Sans Condensed', sans-serif",
            10.5,
            numbers="marker",
            ruled=False,
            padding="0 4pt 0 0",
            furniture="chromium",
            justify=True,
        ),
    ),
}

HELDOUT_PRINTS_3: dict[str, tuple[str, CliStyle]] = {
    "gifts-a4-one-page-chromium": (
        "gifts-protocol",
        CliStyle(
            "A4",
            "",
            "'DejaVu Serif', serif",
            10.5,
            numbers="block",
            ruled=False,
            padding="0 3pt 0 0",
            furniture="chromium",
            gap="3pt",
        ),
    ),
    "gifts-a5-grid-unruled-chromium": (
        "gifts-protocol",
        CliStyle(
            "A5",
            "14mm 11mm",
            "'DejaVu Sans', sans-serif",
            8.5,
            numbers="grid",
            ruled=False,
            padding="0",
            furniture="chromium",
        ),
    ),
    "board-a5-inline-unruled-margin-boxes": (
        "board-rules",
        CliStyle(
            "A5",
            "16mm 12mm 15mm",
            "'DejaVu Serif Condensed', serif",
            9.5,
            ruled=False,
            padding="0 2pt 0 0",
        ),
    ),
    "board-115mm-marker-unruled-version": (
        "board-rules",
        CliStyle(
            "115mm 175mm",
            "15mm 9mm 14mm",
            "'DejaVu Sans', sans-serif",
            8.5,
            title=2.2,
            numbers="marker",
            ruled=False,
            padding="1pt 0",
            furniture="version",
        ),
    ),
}

TUNING_PRINTS_3: dict[str, tuple[str, CliStyle]] = {
    "standards-a5-inline-unruled-close-cells": (
        "standards-rules",
        CliStyle(
            "A5", "15mm 12mm 15mm", "'DejaVu Sans', sans-serif", 9, ruled=False, padding="0 2pt 0 0"
        ),
    ),
    "panel-a5-inline-unruled-close-cells": (
        "panel-terms",
        CliStyle(
            "A5", "15mm 12mm 15mm", "'DejaVu Serif', serif", 9, ruled=False, padding="0 3pt 0 0"
        ),
    ),
    "standards-a4-one-page-chromium": (
        "standards-rules",
        CliStyle(
            "A4",
            "",
            "'DejaVu Sans', sans-serif",
            10,
            numbers="grid",
            ruled=False,
            padding="0 3pt 0 0",
            furniture="chromium",
        ),
    ),
    "standards-a5-block-unruled-chromium": (
        "standards-rules",
        CliStyle(
            "A5",
            "15mm 12mm",
            "'DejaVu Serif', serif",
            9,
            numbers="block",
            ruled=False,
            padding="0 1pt 0 0",
            furniture="chromium",
            gap="2pt",
        ),
    ),
    "standards-120mm-inline-unruled-corners": (
        "standards-rules",
        CliStyle(
            "120mm 170mm",
            "15mm 10mm 14mm",
            "'DejaVu Serif Condensed', serif",
            9,
            ruled=False,
            padding="1pt 2pt 1pt 0",
            furniture="corners",
        ),
    ),
}

HELDOUT_PRINTS_4: dict[str, tuple[str, CliStyle]] = {
    "trees-a5-inline-unruled-close": (
        "tree-policy",
        CliStyle(
            "A5", "16mm 13mm 15mm", "'DejaVu Serif', serif", 9.5, ruled=False, padding="0 2pt 0 0"
        ),
    ),
    "trees-110mm-grid-unruled-glued-chromium": (
        "tree-policy",
        CliStyle(
            "110mm 170mm",
            "15mm 9mm 14mm",
            "'DejaVu Sans', sans-serif",
            8.5,
            numbers="grid",
            ruled=False,
            padding="0",
            furniture="chromium",
        ),
    ),
    "halls-a4-block-unruled-close-corners": (
        "hall-rules",
        CliStyle(
            "A4",
            "20mm 25mm 18mm",
            "'DejaVu Sans Condensed', sans-serif",
            11,
            numbers="block",
            ruled=False,
            padding="0 4pt 0 0",
            furniture="corners",
        ),
    ),
    "halls-a5-marker-unruled-glued-version": (
        "hall-rules",
        CliStyle(
            "A5",
            "15mm 12mm 15mm",
            "'DejaVu Serif Condensed', serif",
            9,
            numbers="marker",
            ruled=False,
            padding="0",
            furniture="version",
        ),
    ),
}

HELDOUT_PRINTS_5: dict[str, tuple[str, CliStyle]] = {
    "licensing-a5-thead-ruled": (
        "licensing-delegation",
        CliStyle("A5", "16mm 12mm 15mm", "'DejaVu Serif', serif", 9.5, thead=True),
    ),
    "licensing-110mm-thead-unruled-chromium": (
        "licensing-delegation",
        CliStyle(
            "110mm 160mm",
            "15mm 9mm 14mm",
            "'DejaVu Sans', sans-serif",
            8.5,
            numbers="grid",
            ruled=False,
            padding="2pt 4pt 2pt 0",
            furniture="chromium",
            thead=True,
        ),
    ),
}

TUNING_PRINTS_5: dict[str, tuple[str, CliStyle]] = {
    "highways-a5-thead-ruled": (
        "highway-delegation",
        CliStyle("A5", "16mm 12mm 15mm", "'DejaVu Sans', sans-serif", 9.5, thead=True),
    ),
    "highways-105mm-thead-unruled-corners": (
        "highway-delegation",
        CliStyle(
            "105mm 150mm",
            "15mm 9mm 14mm",
            "'DejaVu Serif', serif",
            8.5,
            numbers="marker",
            ruled=False,
            padding="2pt 4pt 2pt 0",
            furniture="corners",
            thead=True,
        ),
    ),
}

HELDOUT_PRINTS_6: dict[str, tuple[str, CliStyle]] = {
    "markets-a5-grid-hung-headings": (
        "market-rules",
        CliStyle(
            "A5",
            "16mm 12mm 15mm",
            "'DejaVu Serif', serif",
            9.5,
            numbers="grid",
            hung_headings=True,
            ruled=False,
            padding="1pt 4pt 1pt 0",
        ),
    ),
    "markets-110mm-block-hung-headings-chromium": (
        "market-rules",
        CliStyle(
            "110mm 170mm",
            "15mm 9mm 14mm",
            "'DejaVu Sans', sans-serif",
            8.5,
            numbers="block",
            hung_headings=True,
            furniture="chromium",
        ),
    ),
}

TUNING_PRINTS_6: dict[str, tuple[str, CliStyle]] = {
    "cemetery-a5-grid-hung-headings": (
        "cemetery-rules",
        CliStyle(
            "A5",
            "16mm 12mm 15mm",
            "'DejaVu Sans', sans-serif",
            9.5,
            numbers="grid",
            hung_headings=True,
            ruled=False,
            padding="1pt 4pt 1pt 0",
        ),
    ),
    "cemetery-105mm-block-hung-headings-corners": (
        "cemetery-rules",
        CliStyle(
            "105mm 160mm",
            "15mm 9mm 14mm",
            "'DejaVu Serif', serif",
            8.5,
            numbers="block",
            hung_headings=True,
            furniture="corners",
        ),
    ),
}

HELDOUT_PRINTS_7: dict[str, tuple[str, CliStyle]] = {
    "playing-a5-grid-unruled-close": (
        "playing-fields",
        CliStyle(
            "A5",
            "16mm 12mm 15mm",
            "'DejaVu Sans', sans-serif",
            9.5,
            numbers="grid",
            ruled=False,
            padding="1pt 4pt 1pt 0",
        ),
    ),
    "archive-a5-inline-unruled-close": (
        "archive-rules",
        CliStyle(
            "A5", "16mm 12mm 15mm", "'DejaVu Serif', serif", 9.5, ruled=False, padding="0 4pt 0 0"
        ),
    ),
}

SETS = {
    "cli-tuning": (TUNING, TUNING_PRINTS),
    "cli-heldout": (HELDOUT, HELDOUT_PRINTS),
    "cli-tuning2": (TUNING_2, TUNING_PRINTS_2),
    "cli-heldout2": (HELDOUT_2, HELDOUT_PRINTS_2),
    "cli-tuning3": (TUNING_3, TUNING_PRINTS_3),
    "cli-heldout3": (HELDOUT_3, HELDOUT_PRINTS_3),
    "cli-heldout4": (HELDOUT_4, HELDOUT_PRINTS_4),
    "cli-tuning5": (TUNING_5, TUNING_PRINTS_5),
    "cli-heldout5": (HELDOUT_5, HELDOUT_PRINTS_5),
    "cli-tuning6": (TUNING_6, TUNING_PRINTS_6),
    "cli-heldout6": (HELDOUT_6, HELDOUT_PRINTS_6),
    "cli-heldout7": (HELDOUT_7, HELDOUT_PRINTS_7),
}
