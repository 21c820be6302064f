"""One parser for every council's layout: source text in, `Document` out.

It works in three passes, each a set of general rules rather than knowledge of any
one council's file:

1. lines: presentational HTML to Markdown; page-break marks, page numbers and running
   page headers and footers dropped;
2. units: blank-line chunks split into tables, contents lists, document-control tables
   and text units, each unit with its list marker, printed number and numbering style
   (read by the style table in numbering/styles.py); hard-wrapped lines joined, a number
   alone on its line joined to its text, a number inside a wrapped sentence left as text;
3. structure: headings (numbered, or in words: Part, Article, Rule, Schedule ...) open
   containers or cross-headings, numbers open clauses under their printed prefix,
   markers open sub-clauses and items, a quoted provision stays in its quoting clause,
   and a paragraph that a page break cut in two is joined back.
"""

from __future__ import annotations

from ..model.document import Document, Dropped, Heading, Issue, Section, Table
from ..numbering import check_numbering
from ..numbering.anchors import assign_anchors
from ..numbering.styles import CLAUSE_STYLES, clause_path
from ..readers.text import SourceText
from .contents import _CONTENTS_TITLE
from .flow import (
    _CLOSING_QUOTE,
    _QUOTE_CHARS,
    _accept_bare_letters,
    _drop_plain_contents,
    _in_order,
    _join_number_only,
    _quote_opens,
    _split_compound,
)
from .footnotes import _link_footnotes, _take_footnote
from .inline import strip_emphasis_wrapper
from .lines import chunks, read_lines
from .metadata import extract_metadata
from .shapes import is_heading_text
from .structure import _Builder, _is_heading_unit, _opens_section
from .units import _INTEGER_BARE, Unit, _container_heading, _number_only, read_chunk, split_number


def parse(source: SourceText, doc_id: str) -> Document:
    from ..model.document import Metadata

    document = Document(doc_id=doc_id, path=source.path, metadata=Metadata())
    lines = read_lines(source, document.dropped, document.warnings)
    flow: list[Unit | Table] = []  # units and tables in reading order
    previous_heading: Unit | None = None
    for position, chunk in enumerate(chunks(lines)):
        result = read_chunk(chunk, document.dropped, first=position == 0)
        if position == 0:
            for first in result.units:
                if first.number or first.bullet:
                    break
                first.alone, first.title_candidate = True, True
        if result.contents:
            if previous_heading is not None and _CONTENTS_TITLE.match(
                strip_emphasis_wrapper(previous_heading.text)
            ):
                flow.remove(previous_heading)
                document.dropped.append(
                    Dropped(previous_heading.line, previous_heading.text, "printed contents list")
                )
            continue
        flow.extend(_in_order(result))
        previous_heading = result.units[-1] if result.units else None
    flow = _drop_plain_contents(flow, document.dropped)
    flow = _join_number_only(flow)
    for item in flow:
        if isinstance(item, Unit) and item.number is None and not item.md_level:
            number, styles, rest = split_number(item.text, item.bullet)
            if number is not None and _number_only(item.text.split(" ", 1)[0]):
                item.number, item.styles, item.text = number, styles, rest
    units = [item for item in flow if isinstance(item, Unit)]
    for index, bare in enumerate(units):
        if bare.number is None and not bare.bullet and not bare.md_level:
            match = _INTEGER_BARE.match(bare.text)
            if match:
                following = units[index + 1] if index + 1 < len(units) else None
                next_path = clause_path(following.number) if following else None
                heads_next = bool(
                    next_path and len(next_path) > 1 and next_path[0] == match.group(1)
                )
                heading = bare.alone and is_heading_text(bare.text[match.end() :])
                if heading or heads_next:  # "1 MEETINGS" alone, "1 The council ..." over 1(a)
                    bare.number, bare.styles = match.group(1), ("integer-bare",)
                    bare.text = bare.text[match.end() :]
    flow = _split_compound(flow) if any(isinstance(i, Unit) and i.number for i in flow) else flow
    units = [item for item in flow if isinstance(item, Unit)]
    tables = [item for item in flow if isinstance(item, Table)]
    _accept_bare_letters(units)
    notes = {id(u) for u in units if _take_footnote(u, document.footnotes)}
    flow = [item for item in flow if id(item) not in notes]
    units = [u for u in units if id(u) not in notes]
    numbered = any(set(u.styles) & CLAUSE_STYLES and not u.md_level for u in units if u.number)
    next_paths: list[tuple[str, ...] | None] = [None] * len(flow)
    upcoming = None
    for index in range(len(flow) - 1, -1, -1):
        next_paths[index] = upcoming
        item = flow[index]
        if isinstance(item, Unit) and item.number and set(item.styles) & CLAUSE_STYLES:
            upcoming = clause_path(item.number)
    builder = _Builder(document, numbered)
    quoted = False
    for index, unit in enumerate(flow):
        if isinstance(unit, Table):
            builder.close_clause()
            builder.container.append(unit)
            builder.append_text = None
            builder.content_started = True  # a title above the page would reorder the text
            continue
        text = unit.text.strip()
        whole = f"{unit.number} {text}" if unit.number else text
        if quoted:  # a quoted provision of an amending text belongs to the quoting clause
            builder.paragraph(unit, whole)
            quoted = not _CLOSING_QUOTE.search(whole)
            continue
        quoted = _quote_opens(whole) if _QUOTE_CHARS & set(whole) else False
        container = None if unit.number or unit.bullet else _container_heading(text)
        if quoted and not unit.md_level:  # "4. After paragraph 5 insert— “5A. ...": a clause
            if unit.number and set(unit.styles) & CLAUSE_STYLES:
                builder.top_clause(unit, text)
            elif unit.bullet or unit.number:
                builder.item(unit, text)
            else:
                builder.paragraph(unit, text)
        elif container is not None and not unit.md_level:
            builder.heading(unit, text, container)
        elif _is_heading_unit(unit, index + 1 < len(flow)):
            builder.heading(unit, text, next_path=next_paths[index])
        elif _opens_section(
            unit,
            next_paths[index],
            builder,
            flow[index + 1] if index + 1 < len(flow) else None,
        ):
            builder.heading(unit, text, section=True)
        elif unit.number and set(unit.styles) & CLAUSE_STYLES and not builder.numbered_item(unit):
            builder.top_clause(unit, text)
        elif unit.bullet or unit.number:
            builder.item(unit, text)
        else:
            builder.paragraph(unit, text)
    if not units and not tables:
        document.warnings.append(
            Issue(None, "no text is left once page numbers and page-break marks are removed")
        )
    structured = numbered or any(u.bullet for u in units)
    if not structured and not any(isinstance(b, (Heading, Section)) for b in document.blocks):
        document.warnings.append(
            Issue(None, "no headings or clause numbers found; each paragraph is a clause")
        )
    _link_footnotes(document)
    extract_metadata(document, source.front_matter)
    assign_anchors(document)
    check_numbering(document)
    return document
