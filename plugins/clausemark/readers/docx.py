"""Word (.docx): the document as Word shows it, with its automatic numbers printed.

The package is opened as Word opens it (`word_package.py`: the main part found by
relationship, Strict Open XML, encrypted files named) and its XML read with lxml, the
body as a stream of blocks, so a long document costs little memory. python-docx exposes
neither the numbering definitions nor footnotes, tracked changes or fields, so a reader
needs the raw XML anyway. Word's list numbers exist only in the numbering part;
`word_numbering.py` counts and prints them as Word does.

Tracked changes are read as accepted (insertions kept, deletions dropped), comments,
headers and footers are left out, and a table-of-contents field is dropped like a
printed contents list. Each of these is reported as a warning. A value that breaks the
schema (`w:ilvl w:val="one"`) is read as absent and reported with its paragraph, as a
"malformed" warning (`clausemark convert` refuses the file on it; see cli.py).
Ruby text (w:ruby, a reading printed above its base text) is kept after its base in
parentheses, the form HTML's <rp> fallback gives: no word of the source is dropped.
"""

from __future__ import annotations

from ..support.escaping import LINE_BREAK, literal_words
from ..support.limits import LimitError, check
from .layout import TextLayout, link
from .text import SourceError, SourceText
from .word_changes import PLACES_NAMED, comment_words, deleted_words, mark_struck
from .word_contents import TAB_MARK, contents_entry, tab_page
from .word_emphasis import PLAIN, Segment, merged
from .word_fields import (
    INSTRUCTION,
    MAX_OPEN_FIELDS,
    Field,
    bookmark_link,
    field_link,
    is_contents,
)
from .word_margins import margin_drops
from .word_math import MATH, math_text
from .word_numbering import Numbering, own_indent, roman
from .word_package import Package, R, W, open_package, outermost
from .word_styles import (
    _level_value,
    _read_styles,
    _Style,
    _StyleFacts,
    _too_deep,
    character_fonts,
    paragraph_props,
    style_facts,
)
from .word_symbols import (
    run_fonts,
    style_ids_in_symbol_fonts,
    sym_character,
    typed_in_symbol_font,
)
from .word_tables import first_row_is_header, grid_rows, is_layout_table
from .word_warnings import (
    COMMENT_WORDS,
    DELETED_WORDS,
    DRAWING_WORDS,
    HIDDEN_WORDS,
    MAX_MALFORMED_REPORTED,
    Counts,
    reader_warnings,
)

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_OFF = {"0", "false", "off", "none"}

# Tags, named once (the reader compares millions of them on a long document).
P, TBL, SDT, SDT_CONTENT = (f"{W}{n}" for n in ("p", "tbl", "sdt", "sdtContent"))
PPR, RPR, RUN, TEXT, HYPERLINK = (f"{W}{n}" for n in ("pPr", "rPr", "r", "t", "hyperlink"))
INS, MOVE_TO, DEL, MOVE_FROM = (f"{W}{n}" for n in ("ins", "moveTo", "del", "moveFrom"))
FLD_SIMPLE, FLD_CHAR, INSTR = (f"{W}{n}" for n in ("fldSimple", "fldChar", "instrText"))
ALT_CHUNK, ALTERNATE = f"{W}altChunk", f"{MC}AlternateContent"
RUBY, RUBY_BASE, RUBY_TEXT = f"{W}ruby", f"{W}rubyBase", f"{W}rt"
FOOTNOTE_REF, ENDNOTE_REF = f"{W}footnoteReference", f"{W}endnoteReference"
COMMENT_REF = f"{W}commentReference"
SPACE_TAGS = {f"{W}ptab"}
BREAKS = (f"{W}br", f"{W}cr")  # Shift+Enter, a carriage return: a line break, as <br> is
TAB, PTAB = f"{W}tab", f"{W}ptab"
FALLBACK, TEXT_BOX = f"{MC}Fallback", f"{W}txbxContent"
BOOKMARK, MAX_BOOKMARKS = f"{W}bookmarkStart", 10_000  # Word's own limit is far lower
DRAWN_ONLY = ", only the words of a chart or SmartArt diagram, which it shows as a picture"
BOX_TAGS = {f"{W}drawing", f"{W}pict"}
BOLD, ITALIC, UNDERLINE, VANISH, VERT_ALIGN, RFONTS, RSTYLE = (
    f"{W}{n}" for n in ("b", "i", "u", "vanish", "vertAlign", "rFonts", "rStyle")
)
VAL = f"{W}val"
PSTYLE, NUMPR, NUMID, ILVL, OUTLINE = (
    f"{W}{n}" for n in ("pStyle", "numPr", "numId", "ilvl", "outlineLvl")
)
# Elements that hold properties or marks, never text; any other element is read into.
NOT_CONTENT = {
    f"{W}{name}"
    for name in (
        "pPr", "rPr", "sdtPr", "sdtEndPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr",
        "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
        "permStart", "permEnd", "customXmlPr", "smartTagPr", "rubyPr",
    )
}  # fmt: skip


def read(raw: bytes, path: str) -> SourceText:
    return read_numbered(raw, path)[0]


def read_numbered(raw: bytes, path: str) -> tuple[SourceText, list[tuple[str, str]]]:
    """The source text, and (number Word shows, paragraph text) of every numbered
    paragraph in order: what the corpus test (tests/corpus/word_numbers.yml) checks."""
    package = open_package(raw, path)
    reader = _DocumentReader(package, path)
    try:
        text = reader.read()
        unended = reader.unended_contents()
        if unended:  # read again, each such field ending after its own entries
            reader = _DocumentReader(package, path, unended)
            text = reader.read()
    except LimitError as error:
        error.place = error.place or reader.layout.place
        raise
    if not text.strip():
        drawn = any(reason == DRAWING_WORDS for reason, _words, _place in reader.counts.skipped)
        raise SourceError(path, "the Word document has no text" + (DRAWN_ONLY if drawn else ""))
    counts = reader.counts
    dropped = [("table of contents field", line) for line, _place in counts.contents]
    dropped += [("printed contents list", line) for line, _place in counts.typed_contents]
    left_out = [place for _line, place in [*counts.contents, *counts.typed_contents]]
    dropped += [(reason, words) for reason, words, _place in counts.skipped]
    left_out += [place for _reason, _words, place in counts.skipped]
    margins = margin_drops(package)  # page headers and footers: listed, never the text
    dropped += [(reason, words) for reason, words, _place in margins]
    left_out += [place for _reason, _words, place in margins]
    dropped_places = {index: place for index, place in enumerate(left_out) if place}
    places = reader.layout.places()
    source = SourceText(
        path,
        text,
        source_format="docx",
        warnings=reader.warnings(),
        dropped=dropped,
        places=places,
        dropped_places=dropped_places,
        table_lines=reader.layout.table_lines(),
        apart_lines=reader.layout.apart_lines(),
        plain_first_rows=reader.layout.plain_first_rows(),
        bookmarks=reader.layout.block_lines(reader.bookmarks),
        beside_lines=reader.layout.beside_lines(),
    )
    return source, reader.numbered


def _on(element) -> bool:
    """A Word toggle property: present and not switched off."""
    return element is not None and element.get(VAL, "1").lower() not in _OFF


def _child(element, tag: str):
    """The first child with this tag, or None. Compared here, not by iterchildren(tag)
    or find(): lxml builds a tag matcher (or an ElementPath) on every such call, which
    costs more than stepping past the few children before the one wanted."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def _properties(paragraph):
    """The paragraph's w:pPr, or None: its first child, where Word writes it."""
    if len(paragraph):
        first = paragraph[0]
        if first.tag == PPR:
            return first
    return _child(paragraph, PPR)


class _DocumentReader:
    def __init__(self, package: Package, path: str, unended: frozenset[int] = frozenset()):
        self.path = path
        # the paragraphs where a contents field begins that is never ended (read again)
        self.unended = unended
        self.package = package
        self.counts = Counts()
        parts = package.parts
        self.styles = _read_styles(parts.get("styles"), self.counts.malformed.append)
        self.paragraph_fonts: tuple[str, str] | None = None  # its style's symbol font
        self.numbering = Numbering.from_xml(parts.get("numbering"), W)
        self.counts.malformed += [f"numbering: {p}" for p in self.numbering.problems]
        self.numbering.link_list_styles(
            {style_id: s.num_id for style_id, s in self.styles.items() if s.num_id}
        )
        self.links = package.hyperlinks
        self.produced = 0  # characters of link targets written so far (support/limits.py)
        self.box_depth = 0  # text boxes open around the one being read
        self.notes = {
            "footnote": self._notes(parts.get("footnotes"), "footnote"),
            "endnote": self._notes(parts.get("endnotes"), "endnote"),
        }
        self.note_labels: dict[tuple[str, str], str] = {}
        self.note_counts: dict[str, int] = {}
        self.note_order: list[tuple[str, str]] = []  # note_labels' keys, as a list
        # each Word paragraph is set apart, as Word shows it: never the rest of the one
        # above, however that one ends (see TextLayout.apart_blocks)
        self.layout = TextLayout(every_block_apart=True)
        self.paragraphs = 0  # the body's paragraphs read so far: a warning names its own
        self.fields: list[Field] = []
        self.bookmarks: dict[str, int] = {}  # name -> index of the block it is on
        self.field_hidden: list[str] = []  # words hidden by a field's code, until it ends
        # paragraphs of text boxes (style, numPr, text), laid out after the paragraph
        # that holds them and numbered then, after it
        self.text_boxes: list[tuple[str | None, object, str]] = []
        self.numbered: list[tuple[str, str]] = []  # (number shown, text), for the corpus test
        self.chains: dict[str | None, _StyleFacts] = {}  # style id -> what its chain says
        symbol_styles = style_ids_in_symbol_fonts(self.styles, self._style)
        package.keep_fonts = bool(symbol_styles) and package.main_uses_styles(symbol_styles)
        self.in_cell = False  # reading a data table's cell (its paragraphs are not counted)
        # words of paragraphs whose mark is a tracked deletion, run on into the next one
        # (a list, joined once: a string added to a thousand times is copied each time)
        self.joined: list[str] = []
        self.links_heading = False  # the paragraph holds a _Toc link or a PAGEREF field
        self.leader_tab = False  # the paragraph holds a positional tab with a leader
        comments = parts.get("comments")
        self.counts.comments = len(comments.findall(f"{W}comment")) if comments is not None else 0
        # each comment's words by id: listed as left out where it is referred to
        self.comments = comment_words(comments)

    @staticmethod
    def _notes(root, kind: str) -> dict:
        if root is None:
            return {}
        return {
            note.get(f"{W}id", ""): note
            for note in root.iter(f"{W}{kind}")
            if note.get(f"{W}type") in (None, "normal")
        }

    def read(self) -> str:
        if not self.package.body_blocks(self._block):
            raise SourceError(self.path, "the Word document has no body")
        self._lay_out_joined()
        self._footnotes()
        self.layout.place = "the comments"  # comments no paragraph refers to
        for words in self.comments.values():
            self._skip(COMMENT_WORDS, None, words)
        return self.layout.render()

    def unended_contents(self) -> frozenset[int]:
        """The paragraphs where a table of contents field begins that the body never
        ends: read so, all that follows it would be left out as its entries."""
        return frozenset(f.begun for f in self.fields if is_contents(f.instruction))

    def _where(self) -> str:
        where = f"paragraph {self.paragraphs}"
        return where + " (in the table after it)" if self.in_cell else where

    def _complain(self, message: str) -> None:
        self.counts.malformed.append(f"{self._where()}: {message}")

    def _change_at(self) -> None:
        """Where a tracked change is: the first few paragraphs are named in the warning."""
        places = self.counts.change_places
        place = self.layout.place or "the notes"
        if len(places) <= PLACES_NAMED and (not places or places[-1] != place):
            places.append(place)

    def warnings(self) -> list[tuple[str, str]]:
        return reader_warnings(self.counts, self.numbering.unknown_formats, _too_deep(self.styles))

    # blocks

    def _block(self, element) -> None:
        self._blocks((element,))

    def _blocks(self, container) -> None:
        for element in container:
            tag = element.tag
            if tag == P:
                self._paragraph(element)
            elif tag == TBL:
                self._table(element)
            elif tag == SDT:
                if self._is_contents_control(element):
                    self.counts.contents += [
                        ("".join(t.text or "" for t in p.iter(TEXT)), None) for p in element.iter(P)
                    ]
                    continue
                content = _child(element, SDT_CONTENT)
                if content is not None:
                    self._blocks(content)
            elif tag == ALT_CHUNK:
                self.counts.embedded += 1
            elif tag == BOOKMARK:
                self._bookmark(element)
            elif tag == ALTERNATE:
                if len(element):
                    self._blocks(element[0])  # its Choice; the Fallback repeats it
            elif tag not in NOT_CONTENT:
                self._blocks(element)  # any other wrapper (customXml, ins ...): its content

    @staticmethod
    def _is_contents_control(sdt) -> bool:
        gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        return gallery is not None and "contents" in gallery.get(VAL, "").lower()

    def _in_contents(self) -> bool:
        return any(is_contents(f.instruction) for f in self.fields)

    def _past_entries(self, text: str, facts: _StyleFacts) -> bool:
        """Whether this paragraph ends a contents field that is never ended: the first
        after its begin that is no entry (no contents style, no tab and page number)."""
        if facts.contents or tab_page(text) is not None:
            return False
        ended = [f for f in self.fields if f.begun in self.unended and f.begun < self.paragraphs]
        if not ended:
            return False
        self.fields = [f for f in self.fields if f not in ended]
        self.counts.unended_contents.append(f"paragraph {ended[0].begun}")
        return not self._in_contents()

    def _style(self, style_id: str | None) -> _StyleFacts:
        """What a paragraph style says, read once per style, not once per paragraph."""
        facts = self.chains.get(style_id)
        if facts is None:
            facts = self.chains[style_id] = style_facts(self.styles, style_id)
        return facts

    def _chain(self, style_id: str | None) -> list[tuple[str, _Style]]:
        """The style and those it is based on, nearest first."""
        return self._style(style_id).chain

    def _paragraph(self, paragraph) -> None:
        self.paragraphs += 1
        self.layout.place = f"paragraph {self.paragraphs}"
        # A field's code never runs past its paragraph: a broken one hides no more text.
        if self.fields:
            self.fields = [f for f in self.fields if f.in_result]
        ppr = _properties(paragraph)
        style_id, num_pr, outline = paragraph_props(ppr)
        facts = self._style(style_id)
        chain = facts.chain
        starts_in_contents = bool(self.fields) and self._in_contents()
        self.links_heading = self.leader_tab = False
        self.paragraph_fonts = facts.symbol_fonts
        text = self._inline(paragraph, tabs=True)
        self.paragraph_fonts = None
        in_contents = starts_in_contents or (bool(self.fields) and self._in_contents())
        if in_contents and self.unended and self._past_entries(text, facts):
            in_contents = False
        if in_contents or facts.contents:
            if text.strip():
                self.counts.contents.append(
                    (text.replace(TAB_MARK, "\t").strip(), self.layout.place)
                )
            return
        entry = self._contents_entry(ppr, text, facts)
        if entry is None:
            return
        text = entry
        if mark_struck(ppr) and not self.in_cell:
            # Struck out whole, words and mark: gone once accepted, with its number. Only
            # its mark struck out: its words run on into the next paragraph, whose mark
            # (style, number) the two then share, as Word joins them.
            if text.strip():
                self.joined.append(text)
                self.counts.deletions += 1  # the mark: named in the tracked-changes warning
                self._change_at()
            return
        if self.joined and not self.in_cell:
            text, self.joined = "".join(self.joined) + text, []
        number, level, bullet = self._number(num_pr, style_id, chain)
        heading = self._heading_level(
            _level_value(outline, "w:outlineLvl", self._complain, 9), facts
        )
        if text.strip():  # an empty numbered paragraph still counts, as in Word
            self._lay_out(text, number, level, bullet, heading, (own_indent(ppr), facts.indent))
        self._lay_out_text_boxes()

    def _contents_entry(self, ppr, text: str, facts: _StyleFacts) -> str | None:
        """The paragraph's text, tabs as spaces, or as a contents entry (see
        word_contents.py); None when it is left out here as one."""
        leader = self.leader_tab or facts.leader
        laid, entry = contents_entry(text, ppr, leader, self.links_heading)
        if entry is not None:
            self.counts.typed_contents.append((entry, self.layout.place))
        return laid

    def _lay_out(self, text, number, level, bullet, heading, indents) -> None:
        if bullet:
            beside = self.numbering.beside_item(level)
            self.layout.paragraph(f"- {text}", indent=4 * level, beside=beside)
            return
        set_in = self.numbering.after_paragraph(number, *indents)
        if number is not None:
            self.numbered.append((number.strip(), text.strip()))
            self.layout.paragraph(f"{number}{text.lstrip()}", indent=set_in)
        elif heading is not None:
            self.layout.heading(text, heading)
        else:
            self.layout.paragraph(text)

    @staticmethod
    def _heading_level(outline: int | None, facts: _StyleFacts) -> int | None:
        """1 for a Title, 2.. for Heading 1.. (or an outline level): the '#' count; the
        paragraph's own outline level first, else its style's."""
        if outline is not None:
            return outline + 2 if outline < 9 else None
        return facts.heading

    def _number(self, num_pr, style_id, chain) -> tuple[str | None, int, bool]:
        """The list number Word prints before this paragraph, with its suffix."""
        num_id, ilvl = None, None
        if num_pr is not None:
            num = _child(num_pr, NUMID)
            num_id = num.get(VAL) if num is not None else None
            ilvl = _level_value(_child(num_pr, ILVL), "w:ilvl", self._complain, 8)
        if num_id is None:  # numbered by its style; a level set on the paragraph wins
            for chained_id, style in chain:
                if style.num_id is not None:
                    num_id = style.num_id
                    if ilvl is None:
                        ilvl = style.ilvl
                    if ilvl is None:
                        ilvl = self.numbering.level_of_style(num_id, chained_id)
                    break
        if num_id is None or num_id == "0":
            return None, 0, False
        if not self.numbering.defines(num_id):
            if len(self.counts.unknown_numbering) < MAX_MALFORMED_REPORTED:
                self.counts.unknown_numbering.add(num_id[:20])
            return None, 0, False
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, style_id or "")
        printed = self.numbering.next(num_id, ilvl)
        if printed is None or not (printed.text or printed.bullet):
            return None, ilvl, False  # a level that prints no number ('none', empty text)
        if printed.bullet:
            return None, ilvl, True
        return printed.text + printed.suffix, ilvl, False

    def _lay_out_joined(self) -> None:
        """Words whose paragraph mark was struck out with no paragraph after them to join
        (a table or the end comes next): a paragraph of their own, never lost; and the
        text boxes of such a paragraph (or of one left out), laid out after it."""
        if self.joined:
            self.layout.paragraph("".join(self.joined))
            self.joined = []
        self._lay_out_text_boxes()

    def _table(self, table) -> None:
        if not self.in_cell:
            self._lay_out_joined()
        rows = grid_rows(table)
        if not rows:
            return
        if is_layout_table(rows):
            for cells in rows:
                for cell in cells:
                    if cell is not None:
                        self._blocks(cell)  # its paragraphs, numbers and headings as any others
            return
        cells = [[self._cell_texts(c) if c is not None else [] for c in r] for r in rows]
        self.layout.cells(cells, shown=first_row_is_header(table))  # or the items it lists

    def _cell_texts(self, cell) -> list[str]:
        """A data cell's paragraphs, each with the list number Word shows before it."""
        texts = []
        self.in_cell = True
        for paragraph in cell.iter(P):
            style_id, num_pr, outline = paragraph_props(_properties(paragraph))
            _level_value(outline, "w:outlineLvl", self._complain, 9)  # named if malformed
            number, _level, _bullet = self._number(num_pr, style_id, self._chain(style_id))
            text = self._inline(paragraph).strip()
            if text:
                if number:
                    self.numbered.append((number.strip(), text))
                texts.append(f"{number}{text}" if number else text)
        self.in_cell = False
        return texts

    # inline

    def _inline(self, paragraph, tabs: bool = False) -> str:
        """The paragraph's text; emphasis set on its runs (a style's own bold, as in
        every heading style, is presentation, not emphasis in the text). Tabs are spaces,
        or TAB_MARK with `tabs`."""
        segments: list[Segment] = []
        self._runs(paragraph, segments)
        if self.fields and not self.box_depth and self._hidden_by_field():
            self._unended_code(segments)
        text = merged(segments)
        return text if tabs else text.replace(TAB_MARK, " ")

    def _runs(self, container, segments: list[Segment]) -> None:
        for element in container:
            tag = element.tag
            if tag == RUN:
                # most runs: one w:t, plain
                if len(element) == 1 and not self.fields and self.paragraph_fonts is None:
                    only = element[0]
                    if only.tag == TEXT:
                        text = literal_words(only.text or "")
                        if text:
                            segments.append((text, PLAIN))
                        continue
                self._run(element, segments)
            elif tag == HYPERLINK:
                anchor = element.get(f"{W}anchor", "")
                if anchor.startswith("_Toc"):
                    self.links_heading = True  # Word's link from a contents entry
                inner: list[Segment] = []
                self._runs(element, inner)
                target = self.links.get(element.get(f"{R}id", ""), "")
                if target and anchor:  # a place in the linked page, as a \l switch is
                    target = f"{target.partition('#')[0]}#{anchor}"
                elif anchor and not element.get(f"{R}id"):  # a bookmark: its clause's
                    target = bookmark_link(anchor)
                self._link(merged(inner), target, segments)
            elif tag == BOOKMARK:
                self._bookmark(element)
            elif tag in (INS, MOVE_TO):
                self.counts.insertions += 1
                self._change_at()
                self._runs(element, segments)
            elif tag in (DEL, MOVE_FROM):
                self.counts.deletions += 1
                self._change_at()  # counted and placed; its words are no longer the text
                if tag == DEL:  # listed (moved words stand where they were moved to)
                    self._skip(DELETED_WORDS, None, deleted_words(element))
            elif tag == FLD_SIMPLE:
                instruction = element.get(f"{W}instr", "")
                if is_contents(instruction):  # its result: left out, and listed so
                    words = "".join(t.text or "" for t in element.iter(TEXT)).strip()
                    if words:
                        self.counts.contents.append((words, self.layout.place))
                    continue
                target = self._field_link(instruction)
                inner = [] if target else segments
                self._runs(element, inner)
                if target:
                    self._link(merged(inner), target, segments)
            elif tag == ALTERNATE:
                if len(element):
                    self._runs(element[0], segments)
            elif tag in MATH:  # an equation: its text, as word_math.py reads it
                segments.append((literal_words(math_text(element)), PLAIN))
            elif tag not in NOT_CONTENT and isinstance(tag, str):
                self._runs(element, segments)  # smartTag, sdt, dir, bdo ...: content

    def _run(self, run, segments: list[Segment]) -> None:
        bold = italic = underline = superscript = hidden = False
        # a symbol font the run is typed in (word_symbols.run_fonts): its own w:rFonts,
        # else its character style's, else its paragraph style's, as Word decides
        fonts = self.paragraph_fonts
        text: list[str] = []
        for child in run:
            tag = child.tag
            if tag == TEXT:
                words = child.text or ""
                if fonts is not None:
                    words = typed_in_symbol_font(words, fonts, self.counts.symbols)
                if self.fields and self._hidden_by_field():
                    self.field_hidden.append(literal_words(words))  # kept if it never ends
                else:
                    text.append(literal_words(words))
            elif tag == RPR:
                # only the few properties that are emphasis; compared here, as lxml's
                # iterchildren(tags) builds a tag matcher per call (9 us a run)
                for prop in child:
                    tag = prop.tag
                    if tag == BOLD:
                        bold = _on(prop)
                    elif tag == ITALIC:
                        italic = _on(prop)
                    elif tag == UNDERLINE:
                        underline = prop.get(VAL, "single") != "none"
                    elif tag == VERT_ALIGN:
                        superscript = prop.get(VAL) == "superscript"
                    elif tag == VANISH:
                        hidden = _on(prop)
                    elif tag == RFONTS:
                        fonts = run_fonts(prop, fonts)
                    elif tag == RSTYLE:
                        fonts = character_fonts(self._style(prop.get(VAL)), fonts)
                if hidden:
                    self.counts.hidden += 1
                    self._skip(HIDDEN_WORDS, run)
                    return
            elif tag == FLD_CHAR:
                if text:  # the run's words before the mark are outside what follows it
                    segments.append(("".join(text), (bold, italic, underline)))
                    text = []
                self._field_char(child.get(f"{W}fldCharType", ""), segments)
            elif tag == INSTR:
                field_code = self.fields[-1] if self.fields else None
                if field_code is not None and len(field_code.instruction) < INSTRUCTION:
                    field_code.instruction += (child.text or "")[:INSTRUCTION]
            elif self.fields and self._hidden_by_field():
                continue
            elif tag == TAB:
                text.append(TAB_MARK)
            elif tag == PTAB and child.get(f"{W}leader", "none") != "none":
                text.append(TAB_MARK)  # a positional tab with its own leader
                self.leader_tab = True
            elif tag in SPACE_TAGS:
                text.append(" ")
            elif tag in BREAKS:  # a page or column break: a space, never glued words
                wraps = child.get(f"{W}type", "textWrapping") == "textWrapping"
                text.append(LINE_BREAK if wraps else " ")
            elif tag == f"{W}noBreakHyphen":
                text.append("-")
            elif tag == f"{W}sym":
                text.append(
                    literal_words(sym_character(child, self._complain, self.counts.symbols))
                )
            elif tag == RUBY:
                text.append(self._ruby(child))
            elif tag in BOX_TAGS:
                self._text_boxes(child)
            elif tag == ALTERNATE:
                text.append(self._alternate_in_run(child))
            elif tag == COMMENT_REF:
                self._skip(COMMENT_WORDS, None, self.comments.pop(child.get(f"{W}id", ""), ""))
            elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
                kind = "footnote" if tag == FOOTNOTE_REF else "endnote"
                if text:
                    segments.append(("".join(text), (bold, italic, underline)))
                    text = []
                segments.append((f"[^{self._note_label(kind, child.get(f'{W}id', ''))}]", None))
                superscript = False
        joined = "".join(text)
        if not joined:
            return
        if superscript and joined.strip():
            segments.append((joined, None))  # a mark set by hand; footnote marks are above
        elif bold or italic or underline:
            segments.append((joined, (bold, italic, underline)))
        else:
            segments.append((joined, PLAIN))

    def _ruby(self, ruby) -> str:
        """Base text, then the ruby (reading) text in parentheses, as <rp> falls back."""
        parts = []
        for role in (RUBY_BASE, RUBY_TEXT):
            holder = ruby.find(role)
            if holder is not None:
                inner: list[Segment] = []
                self._runs(holder, inner)
                parts.append(merged(inner).strip())
        base = parts[0] if parts else ""
        reading = parts[1] if len(parts) > 1 else ""
        return f"{base}({reading})" if base and reading else base or reading

    def _alternate_in_run(self, element) -> str:
        """Content with a fallback inside a run: a text box (read from its Choice, once),
        or a character Word 2016 writes as a symbol extension (w16se:symEx), whose
        Fallback holds the same character as plain text."""
        choice = element[0] if len(element) else None
        if choice is not None and next(choice.iter(TEXT_BOX), None) is not None:
            self._text_boxes(element)
            return ""
        fallback = element.find(FALLBACK)
        if fallback is None:
            return ""
        return literal_words("".join(t.text or "" for t in fallback.iter(TEXT)))

    def _text_boxes(self, element) -> None:
        """Text in a shape or text box, read once (of an AlternateContent, its Choice):
        only the outermost boxes and their own paragraphs, so a box inside a box is read
        once, when its paragraph's runs are, not once per box around it."""
        if element.tag == ALTERNATE:
            element = element[0] if len(element) else element
        for words in self.package.drawn_words(element):  # a chart, SmartArt, WordArt
            self._skip(DRAWING_WORDS, None, words)
        for box in outermost(element, TEXT_BOX):
            self.box_depth = check("text_box_depth", self.box_depth + 1, self.layout.place)
            try:
                for paragraph in outermost(box, P):
                    style_id, num_pr, _outline = paragraph_props(_properties(paragraph))
                    self.text_boxes.append((style_id, num_pr, self._inline(paragraph)))
            finally:
                self.box_depth -= 1

    def _lay_out_text_boxes(self) -> None:
        """The text boxes' paragraphs, after the paragraph holding them, with the numbers
        their lists give them there (a list in a text box counts on with its list)."""
        boxes, self.text_boxes = self.text_boxes, []
        for style_id, num_pr, text in boxes:
            chain = self._chain(style_id)
            number, _level, bullet = self._number(num_pr, style_id, chain)
            if not text.strip():
                continue
            if number:
                self.numbered.append((number.strip(), text.strip()))
                text = f"{number}{text.lstrip()}"
            elif bullet:
                text = f"- {text.lstrip()}"
            self.layout.paragraph(text)

    def _field_char(self, kind: str, segments: list[Segment]) -> None:
        if kind == "begin":
            if len(self.fields) < MAX_OPEN_FIELDS:  # Word nests a few; a flood is ignored
                self.fields.append(Field(begun=self.paragraphs))
        elif kind == "separate" and self.fields:
            field_code = self.fields[-1]
            field_code.in_result = True
            if field_code.instruction.strip().upper().startswith("PAGEREF"):
                self.links_heading = True
            field_code.target = self._field_link(field_code.instruction)
            if field_code.target:  # the result's words, from here to the field's end
                field_code.start, field_code.segments = len(segments), segments
        elif kind == "end" and self.fields:
            field_code = self.fields.pop()
            start = field_code.start
            # a link is made of a result within one paragraph; else its words stay words
            if start is not None and field_code.segments is segments:
                inner = segments[start:]
                del segments[start:]
                self._link(merged(inner), field_code.target, segments)
        if self.field_hidden and not self._hidden_by_field():
            self.field_hidden = []  # words of a code that ended: hidden, as Word hides them

    def _field_link(self, instruction: str) -> str:
        """A HYPERLINK field's address ('' for none); one to a contents entry's heading
        marks the paragraph as a contents entry, as a _Toc w:hyperlink does."""
        target, self.links_heading = field_link(instruction, self.links_heading)
        return target

    def _link(self, text: str, target: str, segments: list[Segment]) -> None:
        """Words that link (a w:hyperlink, a HYPERLINK field): kept as a Markdown link
        whatever the address (parse/inline.py keeps only http(s), mailto and relative
        ones, and says which it refused); the words alone where there is none."""
        # one target may be written into every link: counted as it is made
        self.produced = check("text_characters", self.produced + len(target))
        segments.append((link(text, target) if target else text, None))

    def _bookmark(self, element) -> None:
        """Where a bookmark is: the block laid out next (its paragraph's, when it stands
        in one), for links to it (parse/bookmarks.py)."""
        name = element.get(f"{W}name", "")
        if name and len(self.bookmarks) < MAX_BOOKMARKS:
            self.bookmarks.setdefault(name, len(self.layout.blocks))

    def _skip(self, reason: str, element, words: str = "") -> None:
        """Words the reader leaves out (hidden text, as Word does; a chart's): listed with
        their paragraph, so what was left out is in the drop report."""
        if element is not None:
            words = "".join(t.text or "" for t in element.iter(TEXT)).strip()
        if words:
            skipped, place = self.counts.skipped, self.layout.place or "the notes"
            if skipped and skipped[-1][0] == reason and skipped[-1][2] == place:
                skipped[-1] = (reason, f"{skipped[-1][1]} {words}", place)
            else:
                skipped.append((reason, words, place))

    def _unended_code(self, segments: list[Segment]) -> None:
        """A field whose code runs to the end of its paragraph (no separate or end mark):
        a code never runs past its paragraph, so the words it hid there are read as
        text, and the paragraph is named in a warning (never a silent loss)."""
        self.fields = [f for f in self.fields if f.in_result]
        if self.field_hidden:
            segments.append(("".join(self.field_hidden), PLAIN))
            self.field_hidden = []
        counts = self.counts
        counts.unended_field_at = counts.unended_field_at or self._where()
        counts.unended_fields += 1

    def _hidden_by_field(self) -> bool:
        """Field codes are never shown; a table of contents' result is dropped too."""
        return any(not f.in_result for f in self.fields)

    # notes

    def _note_label(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self.note_labels:
            count = self.note_counts.get(kind, 0) + 1
            self.note_counts[kind] = count
            self.note_labels[key] = str(count) if kind == "footnote" else roman(count).lower()
            self.note_order.append(key)
        return self.note_labels[key]

    def _footnotes(self) -> None:
        """Each note referenced, once, in the order of its first reference; a note that
        references another (read here) adds that one to the end."""
        done = 0
        while done < len(self.note_order):  # grows while notes are read
            kind, note_id = self.note_order[done]
            label = self.note_labels[kind, note_id]
            done += 1
            note = self.notes[kind].get(note_id)
            if note is None:
                continue
            texts = []
            for paragraph in note.iter(P):
                for mark in paragraph.iter(RUN):
                    for ref in mark.findall(f"{W}{kind}Ref"):
                        mark.remove(ref)
                texts.append(self._inline(paragraph))
            self.layout.place = f"{kind} {label}"
            self.layout.footnote(label, " ".join(texts))
