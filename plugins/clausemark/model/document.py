"""The document model: plain dataclasses, no MkDocs, no I/O.

A source text becomes a `Document`: metadata, a tree of blocks in reading order,
footnotes, and the warnings and deliberate drops the parser made on the way, so
that nothing it did is invisible to the person who maintains the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The names a front matter or sidecar key may use for each Metadata field.
FRONT_MATTER_KEYS = {
    "title": "title",
    "council": "council",
    "document_type": "document_type",
    "type": "document_type",
    "version": "version",
    "adopted": "adopted",
    "adoption_date": "adopted",
    "date_of_adoption": "adopted",
    "adopted_by": "adopted_by",
    "minute": "minute",
    "minute_reference": "minute",
    "next_review": "next_review",
    "review_date": "next_review",
    "label": "label",
    "part": "label",
    "status": "status",
    "illustrative": "illustrative",
    "issue_date": "issue_date",
    "issued": "issue_date",
    "owner": "owner",
    "document_owner": "owner",
}
DATE_FIELDS = {"adopted", "next_review", "issue_date"}
# What else a front matter or sidecar may say, kept in Metadata.extra for the stage that
# reads it: lines agreed left out, other names, the reference and glossary rules, and the
# maintainer's own notes (never shown). Any other key is refused as a typo.
OTHER_KEYS = frozenset(
    {"dropped", "aliases", "not_references", "not_terms", "reference_targets"}
    | {"note", "notes", "comment", "comments"}
)
STATUSES = ("adopted", "draft")  # what `status` may say, in any case


@dataclass
class Metadata:
    """What a reader needs to know about the document before its first clause."""

    title: str = "Untitled document"
    council: str | None = None
    document_type: str = "Protocol"
    version: str | None = None
    adopted: str | None = None  # ISO date (YYYY-MM-DD or YYYY-MM), as far as the text gives it
    adopted_by: str | None = None
    minute: str | None = None
    next_review: str | None = None  # ISO date or YYYY-MM
    issue_date: str | None = None  # ISO date: when this version was issued (not adopted)
    owner: str | None = None  # the officer or body responsible for the document
    label: str | None = None  # where it sits in the constitution: "Appendix 20", "Part E Code 3"
    status: str = "adopted"  # adopted | draft
    # whether the text or its sidecar says so (a status, an adoption date): a page shows
    # "Adopted" only then, never for a text that prints no adoption
    status_stated: bool = False
    illustrative: bool = False
    extra: dict = field(default_factory=dict)


@dataclass
class Footnote:
    label: str  # the marker as printed: "1", "²"
    text: str  # inline Markdown; empty when the source lost it
    line: int
    missing: bool = False
    last_line: int = 0  # a footnote's text may run over several lines


@dataclass
class Clause:
    """A numbered (or counted) provision: a paragraph, sub-paragraph or item.

    `number` is exactly as printed ("3.5", "a)", "(i)", "46.") or None when the
    source prints none; `text` is the first paragraph as inline Markdown,
    `paragraphs` further paragraphs before its sub-clauses and `tail` those after.
    """

    number: str | None
    text: str
    line: int
    element: str = "para"  # para | subpara | item
    anchor: str = ""
    paragraphs: list[str] = field(default_factory=list)
    children: list[Clause] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    # Tables printed after the clause's text (a quorum table under "The quorum of each
    # committee is:"): part of the clause, shown after it, compared and searched with it.
    tables: tuple[Table, ...] = ()
    # The first item of a list that starts again under a new lead-in inside the same
    # clause (each definition's own "a.", "b."): its repeated id is printed so, no mistake.
    restarts: bool = False
    # Printed with a bullet and no number where no clause is open (a list before clause 1,
    # Word bullets set beside a numbered item): counted like a paragraph, read as a bullet.
    bullet: bool = False


@dataclass
class Heading:
    """A heading. Numbered headings open sections; unnumbered ones are cross-headings."""

    title: str
    line: int
    number: str | None = None
    level: int = 2
    anchor: str = ""
    # footnote markers printed in the heading ("Interests[12]"): shown after it and linked,
    # kept out of its title (menu, contents, search titles)
    notes: list[str] = field(default_factory=list)
    # the council's minute reference printed before the item's number ("C048/23 1. APOLOGIES"):
    # shown with the heading, in its text; not part of its number or its id
    reference: str | None = None


@dataclass
class Table:
    """A table kept from the source, such as a version history."""

    header: list[str]
    rows: list[list[str]]
    line: int
    caption: str | None = None
    anchor: str = ""
    kind: str = "table"  # table | version-history
    # False: the source prints no row of headings (a web table of <td> cells alone): the
    # header still names the columns (a version table's roles), shown as the first row
    header_shown: bool = True


@dataclass
class Note:
    """An unnumbered paragraph that belongs to no clause (a preamble, a closing line)."""

    text: str
    line: int
    anchor: str = ""


@dataclass
class Section:
    heading: Heading
    blocks: list[Block] = field(default_factory=list)


Block = Section | Heading | Clause | Table | Note


@dataclass
class Issue:
    """A warning about the source, naming the line, for the person who maintains it."""

    line: int | None
    message: str
    code: str = "warning"
    # What a reader of the page is told beside the clause (a printed numbering error),
    # in words for a reader rather than for the person who maintains the source.
    reader_note: str | None = None
    # Where the line is in a file whose lines are not the text's ("page 3" of a PDF).
    place: str | None = None

    def format(self, path: str) -> str:
        if self.place:
            return f"{path} ({self.place}): {self.message}"
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.message}"


# How many warnings of one kind a document's report names one by one. A number printed
# 100,000 times is 99,999 warnings of one kind: the terminal and the build report name the
# first ones and count the rest in one line of the same kind (so --strict still fails),
# while each clause keeps its own note on the page.
MOST_REPORTED_PER_KIND = 20


def reported_issues(issues: list[Issue], most: int = MOST_REPORTED_PER_KIND) -> list[Issue]:
    """The issues a person is shown: the first `most` of each code in order, then one
    issue per code that had more, counting the rest and naming the last one's place."""
    shown: list[Issue] = []
    left: dict[str, list[Issue]] = {}
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.code] = counts.get(issue.code, 0) + 1
        if counts[issue.code] <= most:
            shown.append(issue)
        else:
            left.setdefault(issue.code, []).append(issue)
    for code, rest in left.items():
        last = rest[-1]
        where = last.place or (f"line {last.line}" if last.line else "the file")
        shown.append(
            Issue(
                last.line,
                f"and {len(rest):,} more like this ({code}), the last at {where}",
                code,
                place=last.place,
            )
        )
    return shown


# What a left-out line is, and how loudly it is reported: page furniture and a contents
# list every entry of which comes back as a heading are "info"; anything the converter
# only guesses is "warning" (fails --strict) until the sidecar acknowledges it.
DROP_KINDS = {
    "page-number": "info",
    "page-break": "info",
    "running-header": "info",
    "title-repeat": "info",
    "web-furniture": "info",  # 'Skip to content', 'Back to top': a web page's controls
    "viewer-line": "info",  # 'You are on page 1of 16', '3,118 views': a document site's viewer
    "heading-repeat": "info",  # a heading line printed twice in a row
    "contents": "info",  # a contents list whose every entry comes back as a heading
    "contents-field": "info",  # Word's table-of-contents field, made from its headings
    "contents-guessed": "warning",  # looks like a contents list; entries do not come back
    "table-rule": "info",  # '| --- | --- |' under a pipe table's header row: no words
    "margin-text": "warning",  # a Word header/footer paragraph longer than a running head
    "site-frame": "info",  # a web page's menus, banners, footers: around the text, listed
    "aside-text": "warning",  # an <aside> inside a web page's main text: may be its note
    "shown-apart": "warning",  # a web page's drawing, object fallback or form control words
    "hidden-markup": "warning",  # words broken markup hides in a browser (an open comment)
    "white-text": "warning",  # a PDF's words in white on the white page: no reader sees them
    "off-page-text": "warning",  # a PDF's words placed outside the page: no reader sees them
    "annotation-text": "warning",  # a PDF form field's value or added text box: not in the text
    "hidden-text": "info",  # Word's hidden text: not shown by Word (a warning counts the runs)
    "drawing-text": "warning",  # a Word chart's or SmartArt's words: a picture, not text
    "tracked-deletion": "info",  # Word's deleted words, changes accepted (a warning counts them)
    "comment-text": "info",  # a Word comment's words: not the text (a warning counts them)
}


# What the converter repaired in the text, and how loudly it is told: a repair to bytes
# (an encoding guessed, Word's tracked changes accepted) is a "warning"; a repair that
# keeps every printed word ('; 1.2 The' cut into a clause of its own, zero-width
# characters a web copy carries removed) is "info". All are listed on the build report.
REPAIR_KINDS = {
    "encoding": "warning",
    "tracked-changes": "warning",
    "run-together-cut": "info",
    "zero-width": "info",
    "column-mark": "info",
}


@dataclass
class Dropped:
    """A line left out of the document's text, and why (page numbers, contents lists...).

    `line` is the line of the text the parser read (0: left out by the reader, before
    the parser saw it); `place` says where it is in a Word or PDF file ("page 3"); `text`
    is its words as printed; `kind` one of DROP_KINDS and `level` "info" or "warning"
    ("acknowledged" once the sidecar's `dropped:` names it).
    """

    line: int
    text: str
    reason: str
    kind: str = ""
    level: str = "info"
    place: str | None = None

    def where(self, path: str) -> str:
        if self.place:
            return f"{path} ({self.place})"
        return f"{path}:{self.line}" if self.line else path


@dataclass
class Document:
    doc_id: str
    path: str
    metadata: Metadata
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    history: Table | None = None
    title_lines: list[tuple[str, int, str]] = field(default_factory=list)  # (kind, line, text)
    source_format: str = "text"  # text | markdown | docx | pdf | html (see readers/)
    # a line of the text read -> where it is in a file whose lines are not the text's
    # ("page 3" of a PDF, "paragraph 12" of a .docx), so a warning can name the place
    places: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ClauseRecord:
    """The flat, exportable view of one clause; other modules work on lists of these."""

    document: str
    anchor: str
    number: str | None
    parent: str | None
    text: str  # plain text, no Markdown
    heading: str | None = None  # title of the nearest heading above it
    depth: int = 0
    # The plain text of each of its paragraphs, one by one as the page shows them.
    units: tuple[str, ...] = ()
    # "note": a paragraph outside every clause (a preamble, a closing line), which has
    # no number to cite it by but is read, referenced from and changed like a clause.
    kind: str = "clause"
    # How many of `units` (the last ones) are rows of its tables: a changes page shows
    # them row by row, as the table prints them.
    rows: int = 0
    # A bullet counted at the top of its container (`Clause.bullet`): named "bullet 2",
    # as the page shows it, not "paragraph 2".
    bullet: bool = False


def iter_clauses(blocks: list[Block]):
    """Yield (clause, parent_clause_or_None, nearest_heading_title, depth) in reading order."""

    def walk(items, heading):
        for block in items:
            if isinstance(block, Section):
                yield from walk(block.blocks, block.heading.title)
            elif isinstance(block, Heading):
                heading = block.title
            elif isinstance(block, Clause):
                yield from walk_clause(block, None, heading, 0)

    def walk_clause(clause, parent, heading, depth):
        yield clause, parent, heading, depth
        for child in clause.children:
            yield from walk_clause(child, clause, heading, depth + 1)

    yield from walk(blocks, None)


def iter_tables(blocks: list[Block]):
    """Yield every table in reading order: those standing alone and those printed after
    a clause (sub-clauses' included)."""

    def clause_tables(clause: Clause):
        yield from clause.tables
        for child in clause.children:
            yield from clause_tables(child)

    for block in blocks:
        if isinstance(block, Section):
            yield from iter_tables(block.blocks)
        elif isinstance(block, Table):
            yield block
        elif isinstance(block, Clause):
            yield from clause_tables(block)


def iter_notes(blocks: list[Block], heading: str | None = None):
    """Yield (note, nearest_heading_title) in reading order."""
    for block in blocks:
        if isinstance(block, Section):
            yield from iter_notes(block.blocks, block.heading.title)
        elif isinstance(block, Heading):
            heading = block.title
        elif isinstance(block, Note):
            yield block, heading


def iter_headings(blocks: list[Block]):
    for block in blocks:
        if isinstance(block, Section):
            yield block.heading
            yield from iter_headings(block.blocks)
        elif isinstance(block, Heading):
            yield block


@dataclass(frozen=True)
class HeadingRecord:
    """The flat view of a heading: sections (numbered) and cross-headings (not)."""

    document: str
    anchor: str
    number: str | None
    title: str
