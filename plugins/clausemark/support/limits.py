"""Every count and size a source may reach, named once, with the error that names it.

A source is untrusted: a 772-byte Word file can ask for a list numbered from 10^18 in
Roman numerals, an 87 KB one for ten million paragraphs. Each reader checks the amount
against its limit here BEFORE doing the work, and a source beyond one is refused with
one line naming the file, the place and what was too large (`LimitError`; the readers
turn it into the `SourceError` every command reports). The three nesting depths of a
web page (lists, inline tags, tables) are not refused: what is nested deeper is read at
the limit, every word kept, with a warning. Each limit is far above what any council
constitution uses (the reason is beside it), so no real text meets one.

One rule for list numbers, in every reader: a number the reader COUNTS (a Word list's
start or override, a web page's <ol start> or <li value>, and every number counted on
from them) is at most `list_number`; a file whose list would show a larger one is
refused in one line naming the file and the paragraph or line (readers/word_numbering.py
as a paragraph's number is printed, readers/html.py as an item's is; `number_digits`
first, so a 5,000-digit start is never converted). A number TYPED in the text (.txt,
.md, a PDF, a Word paragraph's own typed "12.") is the source's words: the parser reads
it as printed and it costs no more than its own characters, so it is shown as typed.

Where each is checked: `list_number`, `number_digits` (above), `number_template`
(readers/word_numbering.py), `link_target` (readers/layout.py, every reader's links),
`text_box_depth` (readers/docx.py), `pdf_pages` (readers/pdf_extract.py, before a page is
read), `pdf_memory` (readers/pdf.py: the PDF library reads in a child process that may
take so much more memory), `pdf_cpu_seconds` and `pdf_cpu_seconds_per_mb` (readers/pdf.py:
that child's CPU time, by the file's size), `pdf_stream_bytes` and `pdf_streams_bytes`
(readers/pdf_streams.py, before the PDF is opened), `paragraphs` and `zip_member_bytes`
(readers/word_package.py, as the parts unpack), `style_depth` (readers/docx.py, read at
the limit with a warning), `text_characters` (readers/layout.py
as blocks are laid out, readers/docx.py for link targets written into many links,
readers/text.py and readers/__init__.py for every reader's text), the depths
(readers/html.py), the stylesheet's size and rules (readers/html_css.py),
`table_tries` (readers/pdf_tables.py: past it a run of rows is read as lines, not refused),
`glossary_terms` (index/glossary.py, glossary.yml refused), `registry_documents`
(index/documents.py, documents.yml and mkdocs.yml's documents together, refused) and
`defined_terms`
(index/site_index.py: the first ones link, a warning names the document), `clause_depth`
and `number_parts` (convert.py, once the text is parsed: numbers typed to any depth,
"1.1.1.1...", nest, and each number's parts are in its id),
`source_bytes` and `data_file_bytes` (read_within, where every source, sidecar and data
file is read: readers/, site_builder/library.py, support/yaml_data.py,
versions/anchor_registry.py),
`run_together_numbers` (parse/run_together.py: past it the rest of a paragraph stays
words, with a warning).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limit:
    most: int
    what: str  # what was too large, as the error line names it
    unit: str = ""  # of the amount: "characters", "deep" ...
    why: str = ""  # why this bound: far above any constitution, far below harm


LIMITS: dict[str, Limit] = {
    "list_number": Limit(
        10_000,
        "a list number",
        why="a constitution's longest list runs to a few hundred items; Roman numerals past "
        "3,999 and letters past 'zzz' are not numbering anyone cites; refused, never "
        "clamped: a number shown other than the source counts it would misquote it",
    ),
    "number_digits": Limit(
        6,
        "a list number",
        "digits",
        why="read before the number is converted: a 5,000-digit start is refused unparsed",
    ),
    "number_template": Limit(
        200,
        "a Word list's number template (lvlText)",
        "characters",
        why="Word's longest templates ('Article %1.%2.%3.%4.%5.%6.%7.%8.%9') are under 40",
    ),
    "link_target": Limit(
        4_096,
        "a link target",
        "characters",
        why="SharePoint and legislation links reach a few hundred characters; browsers "
        "and servers reject far longer ones",
    ),
    "text_box_depth": Limit(
        8,
        "text boxes nested",
        "deep",
        why="Word puts a text box in a group or canvas at most; each box is read once",
    ),
    "paragraphs": Limit(
        200_000,
        "paragraphs and tables in the Word document's body",
        why="a 1,000-page constitution has under 50,000; counted as the body streams in",
    ),
    "pdf_pages": Limit(
        5_000,
        "pages in the PDF",
        why="a council's whole constitution runs to a few hundred pages, a thousand at most; "
        "a PDF's page tree may list one page object many times over, so 1.4 KB can ask "
        "for a million pages (minutes and gigabytes): counted before any page is read",
    ),
    "pdf_memory": Limit(
        1024,
        "memory the PDF library needs to read the file",
        "MB",
        why="a 1,000-page constitution reads in some hundreds of MB (each page is read and "
        "let go); a few bytes of a PDF's structure can ask the library for gigabytes (one "
        "form drawn 20,000 times, a font mapping each glyph to 10,000 characters), which "
        "no count made beforehand foresees: the reading runs in a child process that may "
        "take this much more (support/child_process.py)",
    ),
    "pdf_cpu_seconds": Limit(
        30,
        "CPU time the PDF library needs to read the file",
        "seconds",
        why="the floor of the CPU time the child reading a PDF may use (RLIMIT_CPU; more "
        "for a larger file: pdf_cpu_seconds_per_mb): of 971 real PDFs (pdf.js's test files) "
        "the slowest took 3.7 s (a 352-page book, 2.5 MB) and council prints 0.05 s; a "
        "page listed a thousand times in a 17 KB file, its content operators that draw "
        "nothing, reads in flat memory for minutes, which no count made beforehand bounds "
        "(support/child_process.py)",
    ),
    "pdf_cpu_seconds_per_mb": Limit(
        15,
        "CPU time the PDF library needs to read a MB of the file",
        "seconds",
        why="ten times the slowest real PDF's per MB (pdf.js's freeculture.pdf, 1.5 s a MB; "
        "the most of any of its 971 test files of 100 KB or more): a file of N MB may take "
        "the larger of pdf_cpu_seconds and this times N",
    ),
    "pdf_stream_bytes": Limit(
        64 * MB,
        "a compressed stream of the PDF (page text, a font), unpacked",
        "bytes",
        why="a page's text is some kilobytes unpacked and a font a few megabytes; the PDF "
        "library unpacks a page's stream whole in memory, so 300 KB of file can ask for "
        "300 MB: counted as it is unpacked, before the library opens the file "
        "(readers/pdf_streams.py; images, never decoded, are not counted)",
    ),
    "pdf_streams_bytes": Limit(
        1024 * MB,
        "the compressed streams of the PDF (page text, fonts), unpacked together",
        "bytes",
        why="a 1,000-page constitution's text and fonts unpack to some tens of MB; bounds "
        "the work of counting many copies of one stream",
    ),
    "zip_member_bytes": Limit(
        128 * MB,
        "a part of the Word document, unpacked",
        "bytes",
        why="the text of a 1,000-page document is under 30 MB of XML, but Word repeats "
        "formatting on every run (issue 18's benchmark, a real file's body 50 times, is 68 MB); "
        "the body streams (memory stays flat) and the text it yields is bounded by "
        "text_characters; counted as it is unpacked, never read from the zip's own "
        "(forgeable) size fields",
    ),
    "source_bytes": Limit(
        512,
        "the file",
        "MB",
        why="a 1,000-page constitution's PDF with its pictures is some tens of MB; read no "
        "further than this (support/limits.read_within): a sparse file claims 100 GB in no "
        "disk space, and every source was read whole, into memory, before any check",
    ),
    "data_file_bytes": Limit(
        32,
        "the data file",
        "MB",
        why="documents.yml, glossary.yml, a sidecar or anchors.json is some kilobytes, a "
        "large site's anchors.json a few MB; read no further than this",
    ),
    "text_characters": Limit(
        32 * MB,
        "the text read from the file",
        "characters",
        why="a 1,000-page constitution is about 3 million characters",
    ),
    "style_depth": Limit(
        32,
        "Word styles based on one another",
        "deep",
        why="Word's own styles chain three or four deep; ancestors deeper are read as absent "
        "(only their numbering and heading level; every word is kept), with a warning",
    ),
    "table_tries": Limit(
        100,
        "rows of a PDF page tried as a table's first row and rejected since its last table",
        "rows",
        why="a rejected run of rows of parts is tried again from each next row (a table may "
        "start lower down); an A4 page of 10 pt type has about 60 lines, so a real page never "
        "meets this; past it the rest of that run is read as lines, so a page of thousands "
        "of tiny cells is looked at in time that grows with its rows, not their square",
    ),
    "paragraph_lines": Limit(
        1_000,
        "lines run together into one paragraph",
        "lines",
        why="a constitution's longest paragraph wraps over a few dozen lines; past this a "
        "paragraph goes on as a new one in the same clause, with a warning, so that each "
        "line is joined in time that does not grow with the lines before it",
    ),
    "run_together_numbers": Limit(
        400,
        "clause numbers run into one paragraph",
        "numbers",
        why="a copy that lost its line breaks runs a part's numbers into a few lines, and a "
        "part has a few hundred at most; past this the rest of the paragraph stays the "
        "last clause's words (every word kept), with a warning (parse/run_together.py)",
    ),
    "list_depth": Limit(
        16,
        "lists nested",
        "deep",
        why="constitutions nest four or five levels; deeper lists are read at this depth",
    ),
    "clause_depth": Limit(
        32,
        "clauses nested",
        "deep",
        why="constitutions nest five to seven levels (section, clause, sub-clause, item, "
        "sub-item); every id repeats the numbers above it, so depth costs its square in ids, "
        "pages and the page's render: a text nested deeper is refused, naming the line",
    ),
    "number_parts": Limit(
        40,
        "parts in one printed number",
        "parts",
        why="constitutions print at most five or six ('5.1.2.1.3'); a decimal number nests "
        "one level a part, so clause_depth's levels under a Part and a Section fit; an id "
        "holds the number's parts, so they bound its length (400 parts made an 800-character "
        "id, repeated in every id under it): a longer number is refused, naming the line",
    ),
    "inline_depth": Limit(
        32,
        "inline tags (bold, italic, links ...) nested",
        "deep",
        why="a phrase is at most bold, italic, underlined and linked; deeper marks are dropped "
        "and their words kept",
    ),
    "table_depth": Limit(
        8,
        "tables nested",
        "deep",
        why="layout tables hold a data table or two; deeper ones are read as plain text",
    ),
    "css_characters": Limit(
        MB,
        "a web page's stylesheets",
        "characters",
        why="a Word export's <style> block is 50-150 KB (read in under 0.1 s; a full sheet in "
        "about a second); a sheet past this is read up to it "
        "(only list numbers come from it; every word is kept), with a warning",
    ),
    "css_rules": Limit(
        500,
        "a web page's list-style rules",
        why="a page styles its lists with a handful of rules; later ones are left out, with "
        "a warning (the list keeps what its HTML says)",
    ),
    "css_selector_characters": Limit(
        4000,
        "one rule's selectors",
        "characters",
        why="a Word export's longest selector list is a few hundred characters; a longer "
        "one is left out unparsed (cssselect's time grows faster than its length)",
    ),
    "glossary_terms": Limit(
        2_000,
        "glossary terms",
        why="a council's glossary explains tens of terms, a few hundred at most; every term "
        "is looked for in every clause, so their number multiplies the site's text (trial5: "
        "8,000 terms took 80 s, 4,000 took 15)",
    ),
    "registry_documents": Limit(
        2_000,
        "documents in documents.yml",
        why="a constitution has tens of documents, a council's policy library a few hundred; "
        "each entry's names are matched in every page's references and the site index keeps "
        "them all (trial6: 20,000 entries took 76 s of CPU and 950 MB for a one-page site)",
    ),
    "defined_terms": Limit(
        1_000,
        "terms one document defines",
        why="a definitions clause defines tens of terms, a few hundred at most; each is looked "
        "for in each of the document's clauses, so past this many a document's further "
        "definitions are kept as text but not linked, with a warning (4,000 took 51 s)",
    ),
    "css_counters": Limit(
        10_000,
        "CSS counters in scope at once",
        why="a page of nested lists keeps one counter a level; more are not made (with a "
        "warning), so a rule on every element of a deep page costs no more than the page",
    ),
    "css_content": Limit(
        200,
        "one ::before's text",
        "characters",
        why="a list marker drawn by a stylesheet ('1.2.3. ', '(a) ') is a few characters; a "
        "longer one is not shown (with a warning): a rule on every element cannot multiply "
        "the page",
    ),
    "css_selector_parts": Limit(
        16,
        "parts of one selector",
        why="'main ol.x > li' has three; a longer selector is left out",
    ),
}


class LimitError(Exception):
    """A source holds more of something than its limit: str() is the one-line message.

    Raised where the amount is found (the place, when known: "paragraph 12"); the reader
    boundary adds the file (`in_file`) and reports it as a SourceError."""

    def __init__(
        self, name: str, amount: int | None, place: str | None = None, most: int | None = None
    ):
        """`most`: the bound this file was given, where it grows with the file's size
        (`pdf_cpu_seconds`); the limit's own by default."""
        self.limit = LIMITS[name]
        self.name = name
        self.amount = amount
        self.place = place
        self.most = self.limit.most if most is None else most
        super().__init__(self.message)

    def __reduce__(self):  # raised in a child process (support/child_process.py)
        return (LimitError, (self.name, self.amount, self.place, self.most))

    @property
    def message(self) -> str:
        limit = self.limit
        unit = f" {limit.unit}" if limit.unit else ""
        if self.amount is None or abs(self.amount) >= 10**24:
            amount = f"more than {self.most:,}{unit}"
        else:
            amount = f"{self.amount:,}{unit}"
        where = f"{self.place}: " if self.place else ""
        return f"{where}too large: {limit.what} ({amount}; at most {self.most:,}{unit})"


def read_within(path, name: str) -> bytes:
    """The bytes of the file at `path`, read no further than the named limit (in MB):
    past it a LimitError, before the rest is read. The callers turn OSError and the
    LimitError into their own one-line errors naming the file."""
    most = LIMITS[name].most * MB
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > most:  # refused unread (a file may yet
            raise LimitError(name, None)  # grow as it is read: the read is bounded too)
        data = handle.read(most + 1)
    if len(data) > most:
        raise LimitError(name, None)
    return data


def check(name: str, amount: int, place: str | None = None) -> int:
    """`amount`, when within the named limit; a LimitError before any work otherwise."""
    if amount > LIMITS[name].most:
        raise LimitError(name, amount, place)
    return amount


def check_signed(name: str, value: int, place: str | None = None) -> int:
    """A signed `value` (a list number may count down past zero): its size checked, the
    error showing it with its sign."""
    if abs(value) > LIMITS[name].most:
        raise LimitError(name, value, place)
    return value


def most(name: str) -> int:
    return LIMITS[name].most


def bounded_int(text: str, place: str | None = None) -> int | None:
    """A list number as written ("12", "-3"): its digits counted before it is converted,
    its value checked (`list_number`); None when it is not a whole number."""
    digits = text.strip()
    body = digits[1:] if digits[:1] in "+-" else digits
    if not body or not body.isascii() or not body.isdigit():
        return None
    check("number_digits", len(body.lstrip("0")), place)
    return check_signed("list_number", int(digits), place)
