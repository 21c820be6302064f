"""Pass 3, structure: headings (numbered, or in words: Part, Article, Rule, Schedule ...)
open containers or cross-headings, numbers open clauses under their printed prefix,
markers open sub-clauses and items, and a paragraph that a page break cut in two is
joined back."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model.document import Clause, Document, Heading, Issue, Note, Section, Table
from ..numbering.styles import (
    clause_path,
    clean_number,
    container_word,
    element_for_heading,
    follows,
    in_sequence,
    rank_of,
    strip_container_word,
    token_of,
)
from ..support.limits import most
from ..support.markdown_text import plain_text
from .closing_notes import close_the_record, closes_the_record
from .drops import drop
from .inline import strip_emphasis_wrapper
from .labels import (
    _COLLECTION_LINE,
    _KIND_OF_COUNCIL,
    _LABEL,
    _label_line,
    _title_case_label,
    _titled_label,
    names_kind,
    places_document,
)
from .meeting_titles import meeting_description
from .metadata import council_name, is_doc_control_line
from .minute_refs import reference_apart, referenced
from .places import place_and_title, place_in_constitution
from .sections import (
    _FIRST_TOKENS,
    _section_number,
    back_to_top,
    carries_on,
    continues_list,
    goes_on,
    part_not_begun,
)
from .sequence import inner_goes_on, next_section_number, past_section, under_title
from .shapes import (
    _CONTINUING_WORDS,
    _EDITORIAL,
    _INTRODUCES_LIST,
    _TERMINAL,
    _ends_open,
    titled,
    trailing_markers,
)
from .site_lines import file_link, never_title, trail_last_step
from .titles import control_title
from .units import CUT_PARAGRAPH, Unit

_DRAFT_LINE = re.compile(r"^draft(?:\s+for\s+(?:consultation|comment))?$", re.I)


_LEADING_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(?=\S)")


class _Builder:
    """Assembles units into the document tree; keeps the state that reading order implies."""

    def __init__(self, document: Document, numbered: bool):
        self.doc = document
        self.numbered = numbered
        self.containers: list[Section] = []  # open sections, parts, rules ... outermost first
        self.chain: list[Clause] = []  # open numbered clauses, each inside the one before
        self.clause: Clause | None = None
        self.levels: list[dict] = []  # open sub-clause levels: style, indent, items
        self.item_top: str | None = None  # the style of an item standing as a top clause
        self.item_top_indent = 0  # the margin of that item
        # (style, number) of the last item read: '(x)' after '(ix)' and a cross-heading or
        # a lead-in is the roman ten, its list going on
        self.item_read: tuple[str, str] | None = None
        self.next_path: tuple[str, ...] | None = None  # the next clause's number (parser)
        self.integers: set[str] = set()  # every whole number printed in the text (parser)
        self.clause_indent = 0  # the margin of the open top clause
        self.heading_margin: int | None = None  # the first numbered section heading's
        self.append_text: Callable[..., None] | None = None  # extends the last text a unit gave
        self.last_text = ""
        self.joined_lines = 0  # lines run into the last text: past `paragraph_lines`, cut
        self.title_end = 0  # the last line of the clause last opened, as printed
        self.entry_text: str | None = None  # the last unmarked entry under a lead-in
        self.plain_opened: set[int] = set()  # containers opened by a line, not a '#' heading
        self.title_taken = False
        self.content_started = False
        self.text_started = False  # a clause or paragraph (not a table) has been read
        self.heading_notes: list[str] = []  # footnote markers of the heading being made
        self.noted_headings: list[Heading] = []  # the headings that print footnote markers
        self.scans: dict = {}  # id of a container's blocks -> its sections.BlockScan

    @property
    def section(self) -> Section | None:
        return self.containers[-1] if self.containers else None

    @property
    def container(self) -> list:
        return self.section.blocks if self.section else self.doc.blocks

    def continues_clause_list(self, number: str) -> bool:
        """Whether `number` comes next after the last numbered clause of the container."""
        return continues_list(self, number)

    def lists_on(self, unit: Unit, next_path: tuple[str, ...] | None) -> bool:
        """'2.    The Statutory Annual Meeting' over its items (a), (b), between the clauses
        1. and 3. of one list (or after 1. and last): a clause whose text is short, not a
        section heading (one in capitals is a heading)."""
        if unit.md_level or "integer" not in unit.styles or not unit.number or unit.text.isupper():
            return False
        number = token_of(unit.number)
        return (
            number.isdigit()
            and next_path in (None, (str(int(number) + 1),))
            and self.continues_clause_list(unit.number)
            and not self.nested_item(unit)
            and not inner_goes_on(self, unit)  # R13(c): a sentence goes on the inner list
        )

    def nested_item(self, unit: Unit) -> bool:
        """'2.' set in under '1. the council, except:' and its own '1.': the next item of
        the list nested in the open clause (an <ol> inside an <li>), not the next clause."""
        if self.clause is None or not unit.number or unit.indent <= self.clause_indent:
            return False
        return any(
            level["style"] in unit.styles
            and level["indent"] == unit.indent
            and follows(level["style"], level["last"], unit.number)
            for level in self.levels
        )

    def _set_in(self, unit: Unit) -> bool:
        """'1.' set in a list's step (four spaces; two under a clause a saved page set in
        itself, R40) deeper than the open numbered clause, right after its words: a list
        nested in it, whatever its words end with."""
        clause = self.clause
        return bool(
            clause is not None
            and clause.number
            and not clause.tail
            and not self.levels
            and unit.indent >= self.clause_indent + (_LIST_STEP if self.clause_indent < 2 else 2)
        )

    def open_section_number(self) -> str | None:
        """The printed number of the innermost open section numbered by a bare number."""
        if not self.containers:
            return None
        number = self.containers[-1].heading.number or ""
        path = clause_path(number)
        return number if path and len(path) == 1 and number[:1].isdigit() else None

    def open_container(self, unit: Unit, printed: str | None, element: str, title: str) -> None:
        """A numbered heading closes every open container of its rank or an inner one."""
        rank = rank_of(element)
        while self.containers and (rank == 0 or rank_of(_element_of(self.containers[-1])) >= rank):
            self.containers.pop()
        level = min(2 + len(self.containers), 6)
        heading = Heading(title, unit.line, printed, level, reference=unit.reference)
        if self.heading_notes:
            heading.notes, self.heading_notes = self.heading_notes, []
            self.noted_headings.append(heading)
        section = Section(heading)
        self.container.append(section)
        self.containers.append(section)
        if self.heading_margin is None and "integer" in unit.styles:
            self.heading_margin = unit.indent
        if unit.md_level is None:
            self.plain_opened.add(id(section))
        self.content_started = True  # a later heading can no longer be the title

    def _track(self, getter, setter):
        def append(extra: str, joiner: str = " "):
            setter(f"{getter()}{joiner}{extra}")

        self.append_text = append
        self.last_text = getter()
        self.joined_lines = 0

    def close_clause(self):
        self.clause = None
        self.item_top = None
        self.chain = []
        self.levels = []

    # headings
    def heading(
        self,
        unit: Unit,
        text: str,
        container=None,
        section: bool = False,
        next_path: tuple[str, ...] | None = None,
        as_label: bool = False,
    ):
        start = trailing_markers(text)
        if start < len(text) and self.title_taken:  # "Site Visits[^3]": the marker apart
            text, notes = text[:start].rstrip(), text[start:]
            if container is not None:
                container = container_word(text)
            self.heading_notes = re.findall(r"\[\^(\w+)\]", notes)
        else:
            self.heading_notes = []
        title = strip_emphasis_wrapper(text)
        meta = self.doc.metadata
        section = section or (bool(unit.number) and _section_number(unit))
        # "Article 1 – The Constitution" first: a container, never the title ("Part 4 – ..."
        # or "Appendix 20 ..." first is where the document sits: its label); so is
        # "Section 16: A Protocol for ..." when nothing numbers under it (`as_label`)
        opens_section = section or (
            container is not None
            and not as_label
            and (self.title_taken or rank_of(container.word.element) >= 2)
        )
        if not self.text_started and not unit.number and _DRAFT_LINE.match(title):
            meta.extra["printed_status"] = "draft"  # "DRAFT" printed above the title
            self.doc.title_lines.append(("status", unit.line, title))
            return
        if (
            not self.content_started
            and not self.doc.blocks
            and not unit.number
            and never_title(title, self.title_taken)
        ):
            self.doc.title_lines.append(("label", unit.line, title))  # "8 August 2012"
            return  # a date printed with the title, above or under it: never its title
        if (
            as_label
            and container is not None
            and container.rest
            and not self.content_started
            and self.title_is_label()
        ):
            # "SECTION 3 - MEMBER OFFICER PROTOCOL" under "PART 5 - CODES AND PROTOCOLS":
            # the Part line a label line over it, this line the label and the title
            kind, line, above = self.doc.title_lines.pop()
            self.doc.title_lines.append(("label", line, above))
            meta.label = meta.label or _title_case_label(container.printed)
            meta.extra["printed_title"] = strip_emphasis_wrapper(container.rest)
            self.doc.title_lines.append(("title", unit.line, title))
            return
        if as_label and self.title_taken and container is not None:
            # "Appendix B", "Part 5 Protocol 4" under the title: the page's label
            printed = container.printed if not container.rest else title
            meta.label = meta.label or _title_case_label(printed)
            self.doc.title_lines.append(("label", unit.line, title))  # "Appendix B" under it
            return
        if not self.content_started and not self.title_taken and not opens_section:
            place = place_in_constitution(title) if place_and_title(title) is None else None
            if place is not None:  # "Part 4 of the Constitution" over the title: a label
                meta.label = meta.label or place  # line, the title the next line
                self.doc.title_lines.append(("label", unit.line, title))
                return
            if as_label and container is not None:
                meta.label = meta.label or _title_case_label(container.printed)
                rest = strip_emphasis_wrapper(container.rest)
                if not rest:  # "SECTION 15" over its title: the title is the next line
                    self.doc.title_lines.append(("label", unit.line, title))
                    return
                meta.extra.setdefault("printed_title", rest)
                self.doc.title_lines.append(("title", unit.line, title))
                self.title_taken = True
                return
            label = _LABEL.match(title)
            if label and label.end() == len(title):
                meta.label = meta.label or _title_case_label(label.group(1))
                self.doc.title_lines.append(("label", unit.line, title))
                return
            leading = _LEADING_NUMBER.match(title)
            if leading and unit.md_level:
                meta.label = meta.label or leading.group(1)
                self.doc.title_lines.append(("label", unit.line, leading.group(1)))
                title = title[leading.end() :]
            elif label:  # "PART 5 - MEMBERS' ALLOWANCES SCHEME": Part 5, and its title
                meta.label = meta.label or _title_case_label(label.group(1))
                meta.extra.setdefault("printed_title", title[label.end() :])
            elif (part := container or container_word(title)) and places_document(part):
                # "Part 4A Council Procedure Rules", no dash; a PDF's "# Part 3 Scheme of ..."
                meta.label = meta.label or _title_case_label(part.printed)
                meta.extra.setdefault("printed_title", strip_emphasis_wrapper(part.rest))
            meta.extra.setdefault("printed_title", title.removesuffix(":"))
            self.doc.title_lines.append(("title", unit.line, title))
            self.title_taken = True
            return
        if not (self.title_taken or self.text_started or opens_section or unit.number):
            self.title_taken = control_title(self.doc, title)  # after "Reviewed April 2023"
        if (
            self.title_taken
            and not self.text_started
            and not opens_section
            and not unit.number
            and plain_text(title).strip()  # '## <sup>2</sup>': a note mark alone, no title
            and (at := self._title_is_council_only()) is not None
            and (names_kind(title) or not _titled_label(self.doc.title_lines[at][2]))
            and not meeting_description(title, self.doc.title_lines[at][2])  # R35
        ):
            _kind, line, council = self.doc.title_lines[at]  # trail lines may follow (R34)
            kind = "label" if _label_line(council) else "council"
            self.doc.title_lines[at] = (kind, line, council)
            meta.extra["printed_title"] = title
            if not self.content_started:
                self.doc.title_lines.append(("title", unit.line, title))
                return
            # after a document-control table: the title, shown where it is printed
        if (
            self.title_taken
            and not self.content_started
            and not opens_section
            and not unit.number
            and not any(kind == "council" for kind, _line, _text in self.doc.title_lines)
            and not self.doc.blocks  # a council line after headings stays where printed
            and council_name(title, whole=True) is not None
        ):
            self.doc.title_lines.append(("council", unit.line, title))  # under the title
            return
        if (
            self.title_taken
            and not unit.number
            and not unit.parted  # its line goes on with what is kept: no line to leave out
            and title.casefold() == (meta.extra.get("printed_title") or "").casefold()
            and all(isinstance(block, Table) for block in self.doc.blocks)  # no text between
        ) and any(kind == "title" for kind, _line, _text in self.doc.title_lines):
            for line in [unit.line, *unit.joined_lines]:
                self.doc.dropped.append(drop(line, title, "title-repeat"))
            return
        self.close_clause()
        self.append_text = None
        if container is not None:
            title = strip_emphasis_wrapper(container.rest)
            self.open_container(unit, container.printed, container.word.element, title)
            return
        if section:
            self.open_container(unit, unit.number, "sec", title)
            return
        if unit.number:
            title = referenced(unit, f"{unit.number} {title}")
        if not (self._numbering_goes_on(next_path) or self._just_opened() or self._under(unit)):
            # an unnumbered heading closes the numbered sections above it, but not the
            # schedule or annex whose own numbering starts after it ("Introduction", 1.)
            starts_afresh = bool(next_path and next_path[0] == "1")
            while self.containers and not (
                starts_afresh and rank_of(_element_of(self.containers[-1])) == 0
            ):
                if starts_afresh and part_not_begun(self):
                    break  # 'PART 1', a note, 'BASIC PRINCIPLES', '1.': the Part's own
                self.containers.pop()
        level = max(2 + len(self.containers), unit.md_level or 2)
        heading = Heading(title=title, line=unit.line, level=min(level, 6))
        if self.heading_notes:
            heading.notes, self.heading_notes = self.heading_notes, []
            self.noted_headings.append(heading)
        self.container.append(heading)

    def _under_heading(self) -> bool:
        """Whether the container's last block is a heading, or its lead-in paragraphs
        ('The order of business is:') follow one right before."""
        blocks = self.container
        for block in blocks[-1:-4:-1]:
            if not isinstance(block, Note):
                return isinstance(block, Heading)
        return False

    def _under(self, unit: Unit) -> bool:
        """'### Annual Meeting' (a web page's <h3>, Word's Heading 3) under '4. Order of
        Business' (a numbered heading read as a line, its own level not printed): a
        heading below the section's, inside it; only '#'/'##' close such a section."""
        return (
            (unit.md_level or 0) >= 3
            and bool(self.containers)
            and id(self.containers[-1]) in self.plain_opened
        )

    def _just_opened(self) -> bool:
        """'11 MANAGEMENT OF INFORMATION' with nothing under it yet: a heading right below
        it is its first line, and cannot close it."""
        return bool(self.containers) and not self.containers[-1].blocks

    def _numbering_goes_on(self, next_path: tuple[str, ...] | None) -> bool:
        """'My Responsibilities' between 'Section 1' and 1.1 is inside section 1: the
        clauses after it go on numbering under the section."""
        if not self.containers or next_path is None:
            return False
        if len(next_path) == 1:  # "Disclosure of Interests" between 10 and 11 of Part 3
            rank = rank_of(_element_of(self.containers[-1]))
            return rank in (1, 2) and self.continues_clause_list(next_path[0])
        if len(next_path) < 2:
            return False
        if rank_of(_element_of(self.containers[-1])) in (1, 2) and goes_on(self, next_path):
            return True  # 'Quorum' between 5.2 and 5.3 of Part 2: inside the Part
        own = clause_path(strip_container_word(self.containers[-1].heading.number or ""))
        if own and len(own) == 2 and own[1].strip("0") == "":
            own = own[:1]  # "4.0 THE RELATIONSHIP" numbers 4.1, 4.2 ...
        return bool(own and next_path[: len(own)] == own and len(next_path) > len(own))

    def title_is_collection(self) -> bool:
        """'Constitution' or 'Documents' taken as the title, before anything else: a web
        page's breadcrumb, which a following title line puts in its place."""
        return (
            self.title_taken
            and not self.content_started
            and not self.doc.blocks
            # first (a breadcrumb's label lines and a council's name above it aside)
            and all(kind in ("label", "council") for kind, _l, _t in self.doc.title_lines[:-1])
            and self.doc.title_lines[-1][0] == "title"
            and bool(_COLLECTION_LINE.match(self.doc.title_lines[-1][2].strip()))
        )

    def demote_collection_title(self) -> None:
        """The breadcrumb becomes a label line, printed where it stands above the title."""
        _kind, line, text = self.doc.title_lines.pop()
        self.doc.title_lines.append(("label", line, text))
        self.title_taken = False
        self.doc.metadata.extra.pop("printed_title", None)

    def title_is_label(self) -> bool:
        """'PART 5 - CODES AND PROTOCOLS' taken as the title, before any text: a label
        line (where the document sits) that a title under it puts in its place."""
        return (
            self.title_taken
            and not self.content_started
            and not self.doc.blocks
            and bool(self.doc.title_lines)
            and self.doc.title_lines[-1][0] == "title"
            and _label_line(self.doc.title_lines[-1][2])
        )

    def title_is_council(self) -> bool:
        """'Fenwold District Council' taken as the title, before anything else: over a
        'Part 4.1 – Council Procedure Rules' line it is the council, that line the label
        and title (as when that line comes first)."""
        if self.content_started or self.doc.blocks or len(self.doc.title_lines) != 1:
            return False
        kind, _line, printed = self.doc.title_lines[0]
        return (
            kind == "title"
            and self.title_taken
            and (
                council_name(printed, whole=True) is not None
                or bool(_KIND_OF_COUNCIL.match(printed.strip()))
            )
        )

    def demote_council_title(self) -> None:
        """The council line stays printed where it stands, above the title."""
        _kind, line, text = self.doc.title_lines.pop()
        self.doc.title_lines.append(("council", line, text))
        self.title_taken = False
        self.doc.metadata.extra.pop("printed_title", None)

    def _title_is_council_only(self) -> int | None:
        """Where 'ASHVALE PARISH COUNCIL' or 'PART 4 – RULES ...' over 'Standing Orders' (a
        trail between, R34) stands in the title lines: where the document sits, or None."""
        lines = self.doc.title_lines
        at = len(lines) - 1
        while at > 0 and lines[at][0] == "label" and trail_last_step(lines[at][2]):
            at -= 1  # 'Home | Meetings' under the council's name
        if at < 0 or lines[at][0] != "title":
            return None
        printed = lines[at][2]
        if council_name(printed, whole=True) is not None or _label_line(printed):
            return at
        return at if _KIND_OF_COUNCIL.match(printed.strip()) else None

    # clauses
    def top_clause(self, unit: Unit, text: str):
        """A clause numbered by value: under the open clause its printed number extends
        (1.6.1 inside 1.6), else at the top of its container."""
        self.content_started = self.text_started = True
        clause = Clause(number=unit.number, text=referenced(unit, text), line=unit.line)
        clause.bullet = bool(unit.bullet) and not unit.number
        self.title_end = unit.joined_lines[-1] if unit.joined_lines else unit.line
        path = clause_path(unit.number)
        parent_at = None
        if path is not None:
            for index in range(len(self.chain) - 1, -1, -1):
                open_path = clause_path(self.chain[index].number)
                if open_path and len(open_path) < len(path) and path[: len(open_path)] == open_path:
                    parent_at = index
                    break
        if parent_at is not None and not self.chain[parent_at].tail:
            self.chain[parent_at].children.append(clause)
            self.chain = [*self.chain[: parent_at + 1], clause]
        else:
            if path is not None and len(path) == 1 and next_section_number(self, path):
                self.containers.pop()  # '2. In these regulations ...' after section 1's 1.5
            elif path is not None and past_section(self, path):
                self.containers.pop()  # '2.1' after section '1.' (R9), '7a' after 7's text (R30)
            if token_of(unit.number or "").lower() in _FIRST_TOKENS and self._under_heading():
                clause.restarts = True  # a list starting again under a heading: printed so
            clause.text = reference_apart(self.container, len(self.containers), unit, text)
            self.container.append(clause)
            self.chain = [clause]
        self.clause, self.clause_indent = clause, unit.indent
        self.levels = []
        self.item_top = None
        self._track(lambda: clause.text, lambda v: setattr(clause, "text", v))

    def _choose_style(self, unit: Unit) -> str:
        styles = unit.styles or ("bullet",)
        if len(styles) == 1:
            return styles[0]
        number = unit.number or ""  # several styles: a number was read
        first_roman = clean_number(number).lower() == "i"
        last_item = (
            self.levels[-1]["items"][-1] if self.levels and self.levels[-1]["items"] else None
        )
        if first_roman and last_item and _INTRODUCES_LIST.search(last_item.text):
            return "roman"  # "(h) the following:" then "(i)": the first of its items
        for level in reversed(self.levels):
            if level["style"] in styles and follows(level["style"], level["last"], number):
                return level["style"]
        if self._next_top_item(unit, styles) and not (
            first_roman and _INTRODUCES_LIST.search(self.last_text)
        ):
            return self.item_top or "letter"  # "h." then "i." at its margin: the ninth letter
        top = self.item_read
        if not first_roman and top and top[0] in styles and follows(top[0], top[1], number):
            return top[0]  # '(ix)', 'Regulatory Framework:', '(x)': the roman list goes on
        return "roman" if first_roman else "letter"

    def _next_top_item(self, unit: Unit, styles: tuple[str, ...]) -> bool:
        """Whether `unit` numbers next after the item standing as the open top clause, at
        its margin or left of it ("h. ..." then "i. ...": the letter after h)."""
        top = self.chain[0] if self.chain else None
        return bool(
            self.item_top in styles
            and top is not None
            and top.number
            and unit.indent <= self.item_top_indent
            and follows(self.item_top or "", top.number, unit.number or "")
        )

    def numbered_item(self, unit: Unit) -> bool:
        """'1. in April;' after '3.2 The Clerk shall inspect the plots:' is an item of 3.2,
        and '2.' after it the next one: a list that starts again at 1 under a lead-in."""
        if "integer" not in unit.styles or self.clause is None or unit.number is None:
            return False
        for level in self.levels:
            if level["style"] == "integer":  # not from left of a saved list's margin (R40)
                back = 2 <= unit.indent < level["indent"]
                return follows("integer", level["last"], unit.number) and not back
        if clause_path(unit.number) != ("1",) or self.clause.number is None:
            return False
        if self._set_in(unit) or under_title(self, unit):
            return True  # set in under the clause, or right under its title (R13)
        lead_in = (self.last_text or self.clause.text)[-8:]  # only its end says it leads in
        return bool(_INTRODUCES_LIST.search(lead_in)) and not in_sequence(
            self.clause.number, unit.number
        )

    def item(self, unit: Unit, text: str):
        style = self._choose_style(unit)
        sibling = self.item_top == style and not any(lv["style"] == style for lv in self.levels)
        forced = None
        if self.clause is not None and self.clause.tail and unit.number:
            forced = self._list_goes_on(style, unit.number)
        if not sibling and self.item_top == style and back_to_top(self, style, unit):
            sibling = True  # '(2) The chair ...' after (1)'s own '(1) ...', '(2) ...'
        carried = sibling and carries_on(self, unit)
        if carried:
            sibling = False  # '(1) The committee has nine members' then '(1) who ...': its own
        if self.clause is None or self.clause.tail or sibling:
            restarts = sibling and self._restarts_under_lead_in(unit.number)
            self.top_clause(unit, text)  # (a), (b), (c) after a lead-in are siblings
            self.item_top, self.item_top_indent = style, unit.indent
            self.item_read = (style, unit.number) if unit.number else self.item_read
            if restarts and self.clause is not None:
                self.clause.restarts = True  # '"Meeting" means —' then a), b) again
            return
        item = Clause(number=unit.number, text=text, line=unit.line)
        self.title_end = unit.joined_lines[-1] if unit.joined_lines else unit.line
        place = self._place(style, unit.indent, unit.number) if forced is None else forced
        item.restarts = forced is not None and forced != _NEW_LEVEL
        if place == _NEW_LEVEL:
            place = None
        if place is None:
            parent = self.levels[-1]["items"][-1] if self.levels else self.clause
            self.levels.append({"style": style, "indent": unit.indent, "items": [], "last": ""})
            level = self.levels[-1]
            if carried:
                level["carried"] = True  # its sentence's end ends it (see back_to_top)
        else:
            self.levels = self.levels[: place + 1]
            level = self.levels[-1]
            parent = self.levels[-2]["items"][-1] if len(self.levels) > 1 else self.clause
        parent.children.append(item)
        level["items"].append(item)
        level["last"] = unit.number or ""
        self.item_read = (style, unit.number) if unit.number else self.item_read
        self._track(lambda: item.text, lambda v: setattr(item, "text", v))

    def _restarts_under_lead_in(self, number: str | None) -> bool:
        """Whether a list standing as top clauses starts again ('a)') right after a
        paragraph that leads into it ('"Meeting" means —'), not after an item's text."""
        clause = self.clause
        if clause is None or not number or token_of(number).lower() not in _FIRST_TOKENS:
            return False
        said = clause.tail or clause.paragraphs
        lead = said[-1] if said else ""
        return (
            bool(lead)
            and lead == self.last_text
            and (bool(_INTRODUCES_LIST.search(lead)) or _ends_open(lead))
        )

    def _list_goes_on(self, style: str, number: str) -> int | None:
        """A paragraph between two items of one clause is an item's own paragraph, and the
        list goes on ('iii …;', 'See also standing order 23;', 'iv …'; '(1) …', its items, a
        paragraph of (1), '(2)'), also over an editorial line ('[Note: (b) is omitted.]'
        between (a) and (c)). After an open lead-in ('"meeting" means any meeting —') a
        list that starts again at 'a' stands where the first one did (the definitions of
        one sub-paragraph), and '(aa)' opens a list under the item above it. Returns the
        level the item is placed at when this decides it (_NEW_LEVEL: a deeper one)."""
        assert self.clause is not None
        tail = self.clause.tail
        at = next(
            (i for i in range(len(self.levels) - 1, -1, -1)
             if self.levels[i]["style"] == style and self.levels[i]["items"]),
            None,
        )  # fmt: skip
        if at is not None and (
            follows(style, self.levels[at]["last"], number)
            or all(_EDITORIAL.match(text) for text in tail)
        ):
            self._keep_with(self.levels[at]["items"][-1], tail)
            return None
        token = token_of(number).lower()
        if not self.levels or not (_INTRODUCES_LIST.search(tail[-1]) or _ends_open(tail[-1])):
            return None
        if at is not None and token in _FIRST_TOKENS:
            self._keep_with(self._last_item(), tail)
            return at
        if token == "aa" and style == "letter":
            self._keep_with(self._last_item(), tail)
            return _NEW_LEVEL
        return None

    def _last_item(self) -> Clause:
        """The last item of the open clause, read last (the deepest last child)."""
        assert self.clause is not None
        item = self.clause
        while item.children:
            item = item.children[-1]
        return item

    @staticmethod
    def _keep_with(holder: Clause, texts: list[str]) -> None:
        """`texts`, printed after `holder` and what it holds, become its own paragraphs."""
        (holder.tail if holder.children else holder.paragraphs).extend(texts)
        texts.clear()

    def _place(self, style: str, indent: int, number: str | None = None) -> int | None:
        """Index of the open level this item continues, or None to open a deeper one."""
        if not self.levels:
            return None
        top = self.levels[-1]
        last_text = top["items"][-1].text if top["items"] else ""
        introduces = bool(_INTRODUCES_LIST.search(last_text))
        if introduces and number and token_of(number).lower() in _OPENING_TOKENS:
            return None  # "... as follows:-" then "(a)": a new list under that line
        if style == "bullet":
            if top["style"] == "bullet" and indent > top["indent"] and introduces:
                return None
            for index in range(len(self.levels) - 1, -1, -1):
                level = self.levels[index]
                if level["style"] == "bullet" and level["indent"] <= indent:
                    return index
            if top["style"] != "bullet" and (introduces or indent > top["indent"]):
                return None  # bullets set in under '4. Terms of reference': its own list
            for index in range(len(self.levels) - 1, -1, -1):
                if self.levels[index]["style"] == "bullet":
                    return index
            return len(self.levels) - 1
        for index in range(len(self.levels) - 1, -1, -1):
            if self.levels[index]["style"] == style:
                return index
        return None

    # paragraphs
    def paragraph(self, unit: Unit, text: str):
        if unit.closes_run:  # after a run of titles only: the document's note (R16)
            self.close_clause()
            self.append_text = None
        elif closes_the_record(self, unit):  # 'Date of next meeting ...' (R16, R28)
            close_the_record(self)
        if (
            self.append_text
            and not unit.set_apart
            and not unit.cut
            and self._continues(text, unit.line)
        ):
            if self.joined_lines < most("paragraph_lines"):
                # each join copies the text so far: bounded, never n joins of a growing one
                self.joined_lines += 1 + len(unit.joined_lines)
                self.append_text(text)
                self.last_text = f"{self.last_text} {text}"
                return
            self.doc.warnings.append(Issue(unit.line, CUT_PARAGRAPH, "long-paragraph"))
        if not self.numbered:
            self.close_clause()
            self.top_clause(unit, text)
            return
        if self.clause is not None:
            clause = self.clause
            target = clause.tail if clause.children else clause.paragraphs
            target.append(text)
            index = len(target) - 1
            self._track(lambda: target[index], lambda v: target.__setitem__(index, v))
            return
        self.content_started = self.text_started = True
        note = Note(text=text, line=unit.line)
        self.container.append(note)
        self._track(lambda: note.text, lambda v: setattr(note, "text", v))
        if text[-1:].isdigit() and is_doc_control_line(text):
            self.append_text = None  # "Reviewed 25 June 2018": no sentence runs on from it

    def control_line(self, unit: Unit, text: str) -> bool:
        """'Last updated 3 May 2024, version 4' after a clause: document control, a
        paragraph of its own, never the clause's text (a new date would amend the
        clause). False for any other line, and for one before the first clause."""
        if unit.number or unit.bullet or self.clause is None or not is_doc_control_line(text):
            return False
        self.close_clause()
        self.append_text = None
        self.container.append(Note(text=text, line=unit.line))
        return True

    def listed_line(self, unit: Unit, text: str) -> None:
        """A line of a list that looked like contents and is not: a paragraph of its own,
        never a heading, container or clause ('Appendix A' in it opens nothing)."""
        self.close_clause()
        self.content_started = self.text_started = True
        note = Note(text=text, line=unit.line)
        self.container.append(note)
        self.append_text = None

    def lists_under(self, unit: Unit) -> bool:
        """'1. Fewer than half the seats are filled' after '2.2 The Council may co-opt
        members when:', and '2.' after it: items of that clause's list, never headings."""
        return (
            bool(unit.number)
            and self.clause is not None
            and (
                self.numbered_item(unit)
                or (token_of(unit.number or "").lower() in _FIRST_TOKENS and self.leads_in())
            )
        )

    def leads_in(self) -> bool:
        """Whether the last text read is a numbered clause's lead-in to a list ('4.1 The
        Council shall be composed of:'): a first number after it opens that list."""
        return (
            self.append_text is not None
            and self.clause is not None
            and self.clause.number is not None
            and bool(_INTRODUCES_LIST.search(self.last_text[-8:]))
        )

    def _continues(self, text: str, line: int = 0) -> bool:
        # only its end is read: a clause of many paragraphs costs the same to go on
        previous = self.last_text[-200:].rstrip()
        if not previous or _TERMINAL.search(previous) or file_link(previous):
            return False  # "... PDF 75 KB": a link to a file runs on into no sentence
        first = next((ch for ch in text if ch.isalpha()), "")
        if first.islower():
            return True
        if self.numbered and previous[-1].isalnum() and self.clause is not None:
            # (a note, no clause open, runs on only as any text does: into a lower-case
            # word or after 'and', 'of' ...; 'Present: Cllr A' is no half of a sentence)
            # "(i) Ordinary Meeting", a blank line, its first sentence: the clause's title
            return not (
                line > self.title_end + 1
                and self.clause is not None
                and previous == self.clause.text
                and titled(previous)
            )
        last_word = re.findall(r"[A-Za-z']+", previous[-30:])
        return bool(last_word) and last_word[-1].lower() in _CONTINUING_WORDS


def _element_of(section: Section) -> str:
    return element_for_heading(section.heading.number)


_OPENING_TOKENS = _FIRST_TOKENS | {"aa"}  # "(ix) any —" then "(aa)": a list under (ix)
_NEW_LEVEL = -1  # an item placed one level deeper than any open one
_LIST_STEP = 4  # the spaces a reader sets a nested list in by (readers/html.py)
