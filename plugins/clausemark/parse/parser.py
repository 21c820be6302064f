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
from ..numbering.styles import (
    CLAUSE_STYLES,
    clause_path,
    clean_number,
    rank_of,
    read_number,
)
from ..readers.text import SourceText
from .above_title import over_title, page_code_first
from .bare_numbers import read_bare_numbers
from .clock_times import times_as_text
from .contents import (
    Candidate,
    HeadingIndex,
    candidate,
    cell_rows,
    entry_keys,
    entry_run,
    entry_text,
    group_runs,
    heading_shaped,
    is_contents_label,
    is_contents_word,
    is_label_entry,
    is_page_head,
    last_word,
    numbered_run,
    page_form,
    returning_entry,
    side_entries,
    starts_with_label,
)
from .document_label import labels_document, split_label_lines
from .drops import READER_KINDS, drop
from .flow import (
    _CLOSING_QUOTE,
    _accept_bare_letters,
    _in_order,
    _join_number_only,
    _quote_opens,
    _split_compound,
    _split_run_on,
    join_container_titles,
    join_control_rows,
    quote_in,
    quoted_report,
    settle_letter_i,
)
from .footnotes import _link_footnotes, take_footnotes
from .inline import strip_emphasis_wrapper
from .labels import is_location_label
from .letter_paths import letter_paths
from .letter_sections import mark_letter_sections
from .lines import Line, chunks, read_lines
from .lost_counter import back_to_run, inside_set_in_item, mark_counter_runs
from .metadata import council_name, extract_metadata
from .numbered_titles import heads_own
from .pages import (
    LonePages,
    apart_at_labels,
    names_pages,
    page_cell,
    page_cell_ahead,
    page_cells_of,
)
from .places import place_and_title, place_in_constitution
from .printed_first import bracketed_list
from .run_in_letters import split_run_in_letters
from .run_together import split_run_together
from .sections import (
    _is_heading_unit,
    _opens_section,
    bracket_headings,
    label_line,
    labels_restart,
    lead_in_apart,
    place_beside,
    restarts_at_heading_margin,
    set_labels_apart,
)
from .shapes import is_heading_text
from .signature import signature_start
from .structure import _Builder
from .title_lists import list_title_runs
from .titles import (
    aggregator_title,
    demote_above,
    item_title,
    names_kind,
    stamp_over_title,
    title_flow,
    titled_below,
)
from .top_furniture import mark_top_furniture
from .transcript import split_transcripts
from .units import (
    CUT_PARAGRAPH,
    Unit,
    _container_heading,
    _number_only,
    read_chunk,
    read_list,
    split_number,
)


def read_flow(groups: list[list[Line]], dropped: list[Dropped]) -> list[Unit | Table]:
    """Every chunk as units and tables in reading order, printed contents lists left out
    (see contents.py): a chunk that may be one is held until the headings after it are
    known, then left out, or read as text after all."""
    flow: list[Unit | Table | Candidate] = []
    held: list[Candidate] = []
    body_started = False
    seen: dict[int, str | None] = {}  # each one-line paragraph read as an entry once
    tried = 0  # unlabelled runs are looked for from here on: each paragraph in one run
    cells_tried = 0  # and indexes one cell a line
    numbers = [  # lone page numbers the lines pass took for page furniture
        d
        for d in dropped
        if d.kind in ("page-number", "running-header") and d.line and page_cell(d.text) is not None
    ]
    lone = LonePages([d.line for d in numbers], {d.line: d.text for d in numbers})
    position = -1
    while position + 1 < len(groups):
        position += 1
        chunk = groups[position]
        found = None
        if len(chunk) == 1 and position > 0:
            previous = flow[-1] if flow else None
            label = None
            if isinstance(previous, Unit) and previous.alone and is_contents_label(previous.text):
                label = Line(previous.line, previous.text, previous.indent)
            head, over = _page_head_under_label(flow) if label is not None else (None, None)
            if over is not None:  # 'INDEX' over 'PAGE(S)' over the entries: its label
                label = over
            rows = None
            if position >= cells_tried and page_cell_ahead(groups, position, lone):
                rows, cells_tried = cell_rows(groups, position, lone)
            if rows is not None and (
                label is not None or rows.ranges * 2 >= len(rows.entries) or not body_started
            ):
                lines = [line for group in rows.groups for line in group]
                found = Candidate(
                    len(flow), [*([head] if head else []), *lines], label, rows.entries, "cells"
                )
                found.groups = rows.groups
                position += len(rows.groups) - 1
                found.first = False
                held.append(found)
                flow.append(found)
                continue
            run = []
            if label is not None:
                worded = is_contents_word(label.text)
                # several lines to a paragraph ('• minutes' under an entry); a page column's
                # head ('Pages') is read next, under the label (`_page_head_under_label`)
                many = not is_page_head(chunk[0].text)
                run = entry_run(groups, position, seen, many, lone=lone, worded=worded)
            elif position >= tried and (not body_started or _dotted(chunk[0])):
                run = entry_run(groups, position, seen, lone=lone)
                start = returning_entry(groups, position, run)
                # unlabelled: only the entries from the one the next heading opens with;
                # the paragraphs before it, and a run with no such entry, read as any;
                # entries with dot leaders and page numbers say what they are anywhere
                numbered = numbered_run(run) if start is None and not body_started else 0
                tried = position + (numbered or (len(run) if start is None else start))
                if start is None and not numbered and not body_started:
                    tried = position + _first_entry_one(run, len(run))  # under the title
                if numbered:  # "1. Rules 2. Voting" ... over an "Introduction" first
                    run = run[:numbered]
                else:
                    run = run if start == 0 or _mostly_dotted(run) else []
            if len(run) >= 2:  # entries a paragraph each (Word, a web page): one list
                lines = [line for group in run for line in group]
                found = candidate(
                    [*([head] if head else []), *lines], label, body_started, len(flow)
                )
            if found is not None:
                found.groups = run
                found.numbered = label is None and numbered_run(run) == len(run)
                found.lead_in = (
                    label is None
                    and isinstance(previous, Unit)
                    and (previous.text.rstrip().endswith((":", ":-", "–", "—")))
                )
                position += len(run) - 1
        elif len(chunk) > 1:
            previous = flow[-1] if flow else None
            label = None
            if isinstance(previous, Unit) and previous.alone and is_contents_label(previous.text):
                label = Line(previous.line, previous.text, previous.indent)
            run = entry_run(groups, position, labelled=True, lone=lone) if label is not None else []
            if len(run) > 1:  # "INDEX" over paragraphs of entries, several to a paragraph
                found = candidate([line for group in run for line in group], label, True, len(flow))
                if found is not None:
                    found.groups = run
                    position += len(run) - 1
                    position += _group_runs(found, groups, position)
                    found.first = False
                    held.append(found)
                    flow.append(found)
                    continue
            found = candidate(chunk, label, body_started or position == 0, len(flow))
            if found is not None and isinstance(previous, Unit):
                found.lead_in = previous.text.rstrip().endswith((":", ":-", "–", "—"))
            if found is not None and label is None and found.form is None:
                found.numbered = numbered_run([[line] for line in chunk]) == len(chunk)
        if found is not None:
            found.first = position == 0
            position += _group_runs(found, groups, position)
            held.append(found)
            flow.append(found)
            continue
        result = read_chunk(chunk, first=position == 0, over_text=not body_started)
        if position == 0:
            for first in result.units:
                if first.number or first.bullet:
                    break
                first.alone, first.title_candidate = True, True
        body_started = body_started or any(_body_text(unit) for unit in result.units)
        flow.extend(_in_order(result))
    if not held:
        return flow  # type: ignore[return-value]
    # Only a line ending on the last word of some entry can be that entry again: the
    # rest of the document is not looked at twice.
    entries = [entry for held_list in held for entry in held_list.entry_texts()]
    endings = {last_word(entry) for entry in entries}
    titles = {entry_keys(entry)[1] for entry in entries}
    labels = any(is_label_entry(entry) for entry in entries)  # "Schedule 1": any title
    headings = HeadingIndex.build(
        [
            (position, f"{item.number} {item.text}" if item.number else item.text)
            for position, item in enumerate(flow)
            if isinstance(item, Unit)
            and not item.bullet
            and len(item.text) <= 160
            and (last_word(item.text) in endings or (labels and starts_with_label(item.text)))
            and heading_shaped(item.text, bool(item.number), titles)
        ]
    )
    result_flow: list[Unit | Table] = []
    gone: set[int] = set()
    for item in flow:
        if not isinstance(item, Candidate):
            result_flow.append(item)
            continue
        item.next_heading = _next_heading(flow, item.position)
        kind = item.verdict(headings)
        if kind is None:
            result_flow.extend(_reread(item))
            continue
        lines = item.chunk
        if item.tail and item.groups:  # paragraphs after the list: read as text
            kept = item.groups[-item.tail :]
            lines = [line for group in item.groups[: -item.tail] for line in group]
            result_flow.extend(unit for group in kept for unit in _reread(_one_chunk(item, group)))
        if item.label is not None and item.label not in item.chunk:
            lines = [item.label, *lines]
            gone.add(item.label.number)
        left = [
            drop(line.number, line.text, _line_kind(item, line, kind, headings)) for line in lines
        ]
        gone.update(line.number for line in lines)  # a column head read as its own ('PAGE(S)')
        if item.form == "cells" and kind != "contents":  # its page cells are the list's too
            cells = page_cells_of(numbers, lines[0].number, lines[-1].number, kind)
            taken = {id(cell) for cell in cells}
            dropped[:] = [d for d in dropped if id(d) not in taken]
            left = sorted([*left, *cells], key=lambda d: d.line)
        dropped.extend(left)
    if gone:
        result_flow = [u for u in result_flow if not (isinstance(u, Unit) and u.line in gone)]
    return result_flow


def _group_runs(found: Candidate, groups: list[list[Line]], position: int) -> int:
    """A labelled list going on past a group line into a second run of entries (see
    contents.group_runs): its lines join the list; how many paragraphs they take."""
    if found.label is None or not is_contents_word(found.label.text):
        return 0
    more = group_runs(groups, position + 1, found.entries)
    lines = [line for group in groups[position + 1 : position + 1 + more] for line in group]
    found.chunk, found.entries = [*found.chunk, *lines], [*found.entries, *lines]
    if found.groups:
        found.groups = [*found.groups, *groups[position + 1 : position + 1 + more]]
    return more


def _page_head_under_label(flow: list) -> tuple[Line | None, Line | None]:
    """'PAGE(S)' under 'INDEX TO THE RULES', each alone: the page column's head, left out
    with the list its label heads, and the label (as lines), or (None, None)."""
    if len(flow) < 2:
        return None, None
    head, label = flow[-1], flow[-2]
    if not (isinstance(head, Unit) and isinstance(label, Unit) and head.alone and label.alone):
        return None, None
    if not is_page_head(head.text) or not is_contents_word(label.text):
        return None, None
    return Line(head.line, head.text, head.indent), Line(label.line, label.text, label.indent)


def _first_entry_one(run: list[list[Line]], otherwise: int) -> int:
    """Where an entry numbered 1 stands in a run after its first paragraph ('STANDING
    ORDERS' over '1. Rules of Debate 2. Voting'): an unlabelled list may start there."""
    for index, group in enumerate(run[1:], 1):
        found = read_number(group[0].text)
        if found is not None and "integer" in found.styles and found.number[:2] in ("1.", "1)"):
            return index
    return otherwise


def _line_kind(held: Candidate, line: Line, kind: str, headings: HeadingIndex) -> str:
    """A guessed list numbered 1, 2, 3 ...: its lines whose entries come back as headings
    are left out as contents (INFO), the others as a guess (WARNING)."""
    if kind != "contents-guessed" or not held.numbered:
        return kind
    entries = side_entries(entry_text(line.text))
    back = all(headings.next_after(entry, held.position) is not None for entry in entries)
    return "contents" if back else kind


def _next_heading(flow: list, position: int, within: int = 40) -> int | None:
    """Where the first heading-like line after a held list stands (a few paragraphs on
    at most): a list whose first entry comes back there ends where the text begins."""
    for index in range(position + 1, min(len(flow), position + 1 + within)):
        item = flow[index]
        if isinstance(item, Candidate):
            return None
        if isinstance(item, Unit) and not item.bullet and len(item.text) <= 160:
            text = f"{item.number} {item.text}" if item.number else item.text
            if is_heading_text(text) or (item.number and heading_shaped(item.text, True)):
                return index
    return None


def _dotted(line: Line) -> bool:
    return line.text[-1:].isdigit() and page_form(line) == "dots"


def _mostly_dotted(run: list[list[Line]]) -> bool:
    """A run of one-line paragraphs most of which end in a dot leader and page number."""
    dotted = sum(_dotted(group[0]) for group in run)
    return dotted >= 2 and dotted * 5 >= len(run) * 3


def _reread(held: Candidate) -> list[Unit | Table]:
    """A candidate that is not a contents list, read as text: a labelled list of titles as
    printed lines (its 'Appendix A' entries open nothing); a list numbered as clauses
    ('List of committees:' over '1. Planning', '2. Licensing'), and anything else, as any
    chunk, its numbers found."""
    contents = held.label is not None and held.form is None and is_contents_word(held.label.text)
    if held.groups and contents:  # "Contents" over entries a paragraph each: as printed
        return [*read_list([line for group in held.groups for line in group])]
    if held.groups:  # entries a paragraph each: each read as the paragraph it was
        return [item for group in held.groups for item in _reread(_one_chunk(held, group))]
    numbered = sum(read_number(line.text) is not None for line in held.entries)
    if contents or (
        held.label is not None and held.form is None and numbered * 2 <= len(held.entries)
    ):
        return [*read_list(held.chunk)]
    result = read_chunk(held.chunk, first=held.first)
    if held.first:
        for first in result.units:
            if first.number or first.bullet:
                break
            first.alone, first.title_candidate = True, True
    return _in_order(result)


def _one_chunk(held: Candidate, group: list[Line]) -> Candidate:
    return Candidate(held.position, group, None, group, None)  # a run never opens the text


def _as_label(container, builder: _Builder, flow: list, index: int, next_paths: list) -> bool:
    """Whether a container heading is the document's label and title ("Section 16: A
    Protocol for ..."): first, before any text, nothing numbered under it, the only one;
    or, bare ("Appendix B"), right under the title: the label of the page."""
    rank = rank_of(container.word.element)
    text = strip_emphasis_wrapper(flow[index].text)
    combined = bool(container.rest) and is_location_label(text)  # "Part 5 Protocol 4"
    after_title = (
        builder.title_taken
        and not builder.doc.blocks
        and ((not container.rest and rank != 1) or combined)
    )  # "Appendix B", "Section 9", "Part 5 Protocol 4" under the title; never "Part 5",
    # which holds the rest
    # "SECTION 3 - MEMBER OFFICER PROTOCOL" under "PART 5 - CODES AND PROTOCOLS" taken
    # first: the Part says where the document sits, this line what it is
    under_label = (
        rank >= 2 and bool(container.rest) and not builder.doc.blocks and builder.title_is_label()
    )
    return (
        (rank >= 2 or after_title)
        and (not builder.title_taken or after_title or under_label)
        and not builder.content_started
        and not _numbers_under(next_paths[index], container.number)
        and _headings_with(flow, container.word.element) < 2
    )


def _places_under_collection(container, flow: list, index: int, next_path) -> bool:
    """'PART 5 - CODES AND PROTOCOLS' under 'Constitution' taken first, over a line
    naming a kind of document ('Member Officer Protocol'): the only Part, nothing
    numbered under it, where the document sits (its label, the line under it the title),
    as when it comes first. A Part over its rules ('Rule 1 – ...') holds them."""
    following = flow[index + 1] if index + 1 < len(flow) else None
    return (
        container is not None
        and bool(container.rest)
        and isinstance(following, Unit)
        and not (following.number or following.bullet or following.listed)
        and _container_heading(following.text.strip()) is None
        and is_heading_text(following.text)
        and names_kind(following.text)
        and not _numbers_under(next_path, container.number)
        and _headings_with(flow, container.word.element) < 2
    )


def _names_document(
    unit: Unit, text: str, container, flow: list, next_path: tuple[str, ...] | None
) -> bool:
    """A heading line naming a kind of document ('Drybrook Parish Council Standing
    Orders'; 'Section 16: A Protocol for ...' when it is the only heading of its kind
    and nothing numbers under it): the title under a breadcrumb line."""
    if unit.number or unit.bullet or len(text) > 160 or not is_heading_text(text):
        return False
    if container is not None and (
        not container.rest
        or rank_of(container.word.element) < 2
        or _headings_with(flow, container.word.element) >= 2
        or _numbers_under(next_path, container.number)
    ):
        return False
    return names_kind(text)  # "Complaints Procedure" under "Policies and Procedures" too


def _places_document(text: str, builder, flow: list, container) -> bool:
    """A line over the text that says where the document sits in the constitution ('PART
    4.2 OF THE COUNCIL'S CONSTITUTION', as 'Part 4F of the Constitution of ...' in
    sentence case): the document's label (parse/metadata), not a container over its
    sections, when no other heading of the document opens that kind of container."""
    return (
        not builder.content_started
        and place_in_constitution(text) is not None
        and _headings_with(flow, container.word.element) < 2
    )


def _entry_under_lead_in(builder: _Builder, unit: Unit, text: str) -> bool:
    """'1.1 The following are never delegated:' then lines 'Setting the budget', 'Adopting
    the constitution' with no number or bullet (a copy lost its bullets, a web page's rows):
    entries of the clause's list, each a paragraph of it, never cross-headings (which would
    take the clauses after them under them). The entries go on while nothing else comes
    between; a line in capitals after them is a heading again."""
    if unit.number or unit.bullet or unit.md_level:
        return False
    if builder.leads_in():
        return True
    return (
        builder.entry_text is not None
        and builder.clause is not None
        and builder.last_text == builder.entry_text
        and not text.isupper()
    )


def _place_line(builder: _Builder, unit: Unit, text: str) -> bool:
    """'Part 4A of the Constitution of Brackley Council' under the title, before the text:
    where the document sits, printed as a label line with the title, never a heading of
    its own. False for any other line (left to be read as any line)."""
    if builder.content_started or not builder.title_taken or builder.doc.blocks or unit.number:
        return False
    title = strip_emphasis_wrapper(text)
    place = place_in_constitution(title) if title[:1] in "PpSsAa" else None
    if place is None or unit.bullet or builder._title_is_council_only():
        return False
    builder.doc.metadata.label = builder.doc.metadata.label or place
    lines = builder.doc.title_lines
    if place_and_title(title) is not None and not any(
        k == "title" and place_and_title(t) for k, _l, t in lines
    ):
        # 'Part 3 of the Constitution: Powers and Delegation' under a line taken for the
        # title: this line says what the document is; the line above is a breadcrumb
        lines[:] = [("label" if kind == "title" else kind, at, was) for kind, at, was in lines]
        builder.doc.metadata.extra["printed_title"] = title
        lines.append(("title", unit.line, title))
        return True
    lines.append(("label", unit.line, title))
    return True


def _over_drops_only(builder: _Builder) -> bool:
    """Whether the last line of the text is a line of its title over lines left out (a
    cover over a contents list and nothing else): a heading, as if text followed."""
    return not builder.content_started and not builder.doc.blocks and bool(builder.doc.dropped)


def _headings_with(flow: list, element: str) -> int:
    """How many headings of the document open a container of this kind (Section ...)."""
    count = 0
    for item in flow:
        if not isinstance(item, Unit) or item.number or item.bullet or item.listed:
            continue
        found = _container_heading(item.text.strip())
        count += found is not None and found.word.element == element
    return count


def _numbers_under(path: tuple[str, ...] | None, number: str) -> bool:
    """Whether the next clause numbers under a heading's number (16.1 under Section 16)."""
    return bool(path) and path is not None and path[0] == clean_number(number)


def _drop_repeated_lines(flow: list, dropped: list[Dropped]) -> list:
    """A heading line printed twice in a row ('Appendix B' / 'Appendix B', a web page's
    title over the same heading): the second is left out, with an INFO line."""
    result: list = []
    previous_text = None
    for item in flow:
        text = item.text if isinstance(item, Unit) else None
        repeated, previous_text = text is not None and text == previous_text, text
        if not repeated:
            result.append(item)
            continue
        previous = result[-1]
        if (
            isinstance(item, Unit)
            and isinstance(previous, Unit)
            and item.alone
            and previous.alone
            and not item.bullet
            and not item.number
            and not previous.number
            and item.md_level == previous.md_level
            and len(item.text) <= 80
            and item.text.strip() == previous.text.strip()
            and is_heading_text(item.text)
        ):
            for line in [item.line, *item.joined_lines]:
                dropped.append(drop(line, item.text.strip(), "heading-repeat"))
            continue
        result.append(item)
    return result


def _body_text(unit: Unit) -> bool:
    """A unit of the document's text, not a title line: the body has started."""
    return bool(unit.number) or unit.bullet or not is_heading_text(unit.text)


def _council_in_frame(source: SourceText) -> str | None:
    """The council a web page names only in its <title> ('Gifts Policy - Kestrelford
    Borough Council', trial11) or its frame ('© 2025 Ashby Fold Town Council. All rights
    reserved.' in its footer), which its reader left out: read as the text's own council
    lines are (`metadata.council_name`), where the text names none."""
    frame = (text for reason, text in source.dropped if READER_KINDS.get(reason) == "site-frame")
    texts = [source.page_title] if source.page_title else []
    return next(
        (name for text in (*texts, *frame) if len(text) <= 300 and (name := council_name(text))),
        None,
    )


def parse(source: SourceText, doc_id: str) -> Document:
    from ..model.document import Metadata

    document = Document(doc_id=doc_id, path=source.path, metadata=Metadata())
    lines = read_lines(source, document.dropped, document.warnings)
    flow = quoted_report(read_flow(apart_at_labels(chunks(lines)), document.dropped))
    document.warnings += [
        Issue(item.line, CUT_PARAGRAPH, "long-paragraph")
        for item in flow
        if isinstance(item, Unit) and item.cut
    ]
    flow = page_code_first(_drop_repeated_lines(flow, document.dropped), document.dropped)
    flow = mark_top_furniture(flow, document.dropped)  # a site's menu, a running head
    flow = _join_number_only(flow)  # after a minute book's page code ('A1') is left out
    flow = title_flow(flow)  # the title's lines joined and parted as printed (titles.py)
    counts = {item.line for item in document.dropped if item.kind == "page-number"}
    if shown := aggregator_title(flow, counts):  # a document site's header: its title
        document.metadata.extra["printed_title"] = shown
    flow = join_control_rows(join_container_titles(flow))
    for item in flow:
        if isinstance(item, Unit) and item.number is None and not item.md_level and not item.listed:
            number, styles, rest = split_number(item.text, item.bullet)
            if number is not None and _number_only(item.text.split(" ", 1)[0]):
                item.number, item.styles, item.text = number, styles, rest
    units = [item for item in flow if isinstance(item, Unit)]
    read_bare_numbers(units)  # R23 runs
    times_as_text(units)  # R24: '7.00 Welcome', '7.10 Minutes' ... a programme's times
    flow = split_transcripts(flow, document.warnings)  # a whole file run into one line
    flow = split_run_together(flow, document.warnings)  # '... the meeting. 2.3 The Chair ...'
    flow = split_run_in_letters(flow)  # '2) MATTERS ARISING a) ... b) ...' (R45)
    if any(isinstance(i, Unit) and i.number for i in flow):
        flow = _split_run_on(_split_compound(letter_paths(flow)))  # '(d)(ii)' too
    units = [item for item in flow if isinstance(item, Unit)]
    tables = [item for item in flow if isinstance(item, Table)]
    _accept_bare_letters(units)
    settle_letter_i(units)
    notes = take_footnotes(units, document.footnotes)
    flow = list_title_runs([item for item in flow if id(item) not in notes], document.dropped)
    flow = split_label_lines(flow)  # 'APPENDIX B' run into the heading under it (R46)
    units = [item for item in flow if isinstance(item, Unit)]  # a list's lines as printed
    mark_counter_runs(units, source.list_item_lines)  # R40: a list printing '1.' each time
    mark_letter_sections(units)  # R41: 'A.', 'B.' over '1.' lists are all sections
    numbered = any(set(u.styles) & CLAUSE_STYLES and not u.md_level for u in units if u.number)
    next_paths: list[tuple[str, ...] | None] = [None] * len(flow)
    upcoming = None
    for index in range(len(flow) - 1, -1, -1):
        next_paths[index] = upcoming
        item = flow[index]
        if isinstance(item, Unit) and item.number and set(item.styles) & CLAUSE_STYLES:
            upcoming = clause_path(item.number)
    bracketed = bracket_headings(flow)  # '(2) Interests' over '(1)': sections
    numbered = numbered or bool(bracketed) or bracketed_list(units)  # R10: "(1)" after notes
    set_labels_apart(units)  # 'Present: Cllr A Smith, ...' is a line of its own
    builder = _Builder(document, numbered)
    builder.integers = {clean_number(u.number) for u in units if u.number and "integer" in u.styles}
    signed = signature_start(flow)  # 'J Smith' / 'Town Clerk' / a date after the last clause
    quoted, beside = False, None
    for index, unit in enumerate(flow):
        builder.next_path = next_paths[index]  # the number of the next clause, if any
        if isinstance(unit, Table):
            if builder.chain and unit.kind == "table":
                builder.chain[0].tables += (unit,)  # "The quorum ... is:" and its table
            else:
                builder.container.append(unit)
            builder.close_clause()
            builder.append_text = None
            builder.content_started = True  # a title above the page would reorder the text
            continue
        text = unit.text.strip()
        if (
            unit.listed and not unit.furniture
        ) or index >= signed:  # a list that only looked like contents, or
            # the signature block: its lines as printed, a number read from one kept
            builder.listed_line(unit, f"{unit.number} {text}" if unit.number else text)
            continue
        if unit.plain:  # a line as printed ('7.00 Welcome' in a programme, R24): no heading
            builder.paragraph(unit, text)
            continue
        whole = f"{unit.number} {text}" if unit.number else text
        below = flow[index + 1] if index + 1 < signed else None  # a signature is no one's
        if quoted:  # a quoted provision of an amending text belongs to the quoting clause
            builder.paragraph(unit, whole)
            quoted = not _CLOSING_QUOTE.search(whole)
            continue
        quoted = _quote_opens(whole) if quote_in(whole) else False
        container = None if unit.number or unit.bullet else _container_heading(text)
        if container is not None and names_pages(container.rest):
            container = None  # 'Part I: Chairmanship – pages 3 – 12': an index's entry
        if container is not None and _places_document(text, builder, flow, container):
            container = None  # "PART 4.2 OF THE COUNCIL'S CONSTITUTION": its label, no Part
        if container is None and _place_line(builder, unit, text):
            continue  # "Part 4A of the Constitution of ..." under the title: a label line
        if stamp_over_title(builder, unit, text):
            continue  # "Updated 12 March 2024" over the title
        if not (builder.content_started or builder.doc.blocks) and over_title(builder, unit, text):
            continue  # 'To: ALL MEMBERS ...' over 'AGENDA'; 'Present: ...' first (R34, R35)
        if item_title(builder, unit, text):
            continue  # under 'Agenda item': the item's title, a sentence too
        if titled_below(builder, unit, flow):
            demote_above(builder)  # a council's name over Word's Title paragraph, an <h1>
        if (
            builder.title_taken
            and not builder.content_started
            and builder.title_is_collection()
            and (
                _names_document(unit, text, container, flow, next_paths[index])
                or _places_under_collection(container, flow, index, next_paths[index])
            )
        ):
            builder.demote_collection_title()  # 'Constitution' over 'Section 16: A Protocol'
        if (
            container is not None
            and builder.title_is_council()
            and _headings_with(flow, container.word.element) < 2
        ):
            builder.demote_council_title()  # the council over 'Part 4.1 – Procedure Rules'
        # "Section 16: A Protocol for ..." first, nothing numbered under it: its label and
        # title, whether a plain line, a Markdown '# ' heading or a web page's <h1>
        as_label = container is not None and _as_label(container, builder, flow, index, next_paths)
        back_to_run(builder, unit)  # R40: the next '1.' of a lost counter, where the first is
        if restarts_at_heading_margin(unit, builder):  # Word's numbering started again
            builder.containers.clear()
            builder.close_clause()
        if quoted and not unit.md_level:  # "4. After paragraph 5 insert— “5A. ...": a clause
            if unit.number and set(unit.styles) & CLAUSE_STYLES:
                builder.top_clause(unit, text)
            elif unit.bullet or unit.number:
                builder.item(unit, text)
            else:
                builder.paragraph(unit, text)
        elif container is not None and not as_label and labels_document(flow, index):
            builder.paragraph(unit, text)  # 'APPENDIX B' over the whole document (R46)
        elif container is not None and (not unit.md_level or as_label or builder.title_taken):
            builder.heading(unit, text, container, as_label=as_label)
        elif (
            titled := heads_own(unit, flow[index - 1] if index else None, below, builder)
        ) is not None:
            if titled:  # R8: '2. Declarations of Interest' over a) b): a numbered heading
                builder.heading(unit, text, section=True)
            else:  # '9. Meeting closed at 9pm' last: a clause
                builder.top_clause(unit, text)
        elif unit.number and "integer" in unit.styles and builder.lists_on(unit, next_paths[index]):
            builder.top_clause(unit, text)  # "2. The Annual Meeting" over (a), (b), then 3.
        elif _is_heading_unit(
            unit,
            index + 1 < len(flow) or _over_drops_only(builder),
            nothing_placed=not (builder.containers or builder.doc.blocks),
        ) and not (
            builder.lists_under(unit)
            or label_line(builder, unit)
            or inside_set_in_item(builder, unit)
        ):
            if _entry_under_lead_in(builder, unit, text):
                unit.set_apart = True  # an entry of its own, never the rest of the one above
                builder.paragraph(unit, text)
                builder.entry_text = builder.last_text  # "Setting the budget": one entry
            else:
                builder.heading(unit, text, next_path=next_paths[index])
        elif index in bracketed or _opens_section(
            unit,
            next_paths[index],
            builder,
            flow[index + 1] if index + 1 < len(flow) else None,
        ):
            builder.heading(unit, text, section=True)
        elif unit.number and set(unit.styles) & CLAUSE_STYLES and not builder.numbered_item(unit):
            builder.top_clause(unit, text)
        elif unit.bullet or unit.number:
            beside = place_beside(builder, unit, text, index, source.beside_lines, beside)
        elif labels_restart(unit, flow[index + 1] if index + 1 < len(flow) else None, builder):
            lead_in_apart(builder, unit, text)  # 'Delegations:' over a list that starts again
        elif not builder.control_line(unit, text):
            builder.paragraph(unit, text)
    if not units and not tables:
        document.warnings.append(Issue(None, _nothing_left(document.dropped)))
    structured = numbered or any(u.bullet or u.number or u.listed for u in units)  # (i), (a) too
    if (
        (units or tables)
        and not structured
        and not any(isinstance(b, (Heading, Section)) for b in document.blocks)
    ):
        document.warnings.append(
            Issue(None, "no headings or clause numbers found; each paragraph is a clause")
        )
    if document.footnotes or any(line is not None and "[^" in line.text for line in lines):
        _link_footnotes(document, builder.noted_headings)  # a text with no marker: no walk
    extract_metadata(document, source.front_matter)
    if document.metadata.council is None and (council := _council_in_frame(source)):
        document.metadata.council = council  # a web page's footer: '© 2025 Ashby Fold ...'
    assign_anchors(document)
    check_numbering(document)
    return document


def _nothing_left(dropped: list[Dropped]) -> str:
    """Why a text with words has nothing left to convert, naming what its lines were: a
    file of a web page's controls only ('Download', 'Skip to main content') is not a text
    with "no headings", it is the site's lines with the document missing."""
    if not dropped:
        return "no text is left once page numbers and page-break marks are removed"
    first = dropped[0]
    where = f"line {first.line} " if first.line else ""
    words = first.text if len(first.text) <= 60 else first.text[:57] + "..."
    lines = "its one line was" if len(dropped) == 1 else f"all {len(dropped)} lines were"
    return (
        f"no text is left: {lines} left out as not the document's own ({where}'{words}': "
        f"{first.reason}); is the document itself missing from the file?"
    )
