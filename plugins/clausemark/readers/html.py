"""Web pages (.html, .htm): a council site's page or Word's 'Save as web page'.

Read with the standard library's HTMLParser, which never fails on broken markup. The
site's frame is left out: navigation, banners, headers and footers outside the main
content, cookie notices, asides, scripts and styles. When the page marks its main
content (<main>, role="main"), only that is read. Word's export keeps its printed
numbers as text (in spans padded with &nbsp;), so they come through as typed;
<ol> lists get the numbers a browser would show (type, start, value, list-style-type).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from ..support.escaping import LINE_BREAK, literal_words
from ..support.limits import LimitError, bounded_int, check_signed, most
from ..support.markdown_text import plain_text
from . import html_frame
from .html_broken import cdata_as_comments, comment_end, cut_at_the_end
from .html_counters import COUNTERS_CUT, Counters, item_counts
from .html_css import (
    BEFORE_PROPS,
    COUNTER_PROPS,
    NO_STATE,
    SHEET_CUT,
    CssState,
    Found,
    Stylesheet,
    css_number,
    element_state,
    inline_style,
    read_stylesheet,
    style_blocks,
)
from .html_frame import APART, APART_TAGS, ASIDE, ASIDES, FRAME, FrameText, shows_no_words
from .html_notes import BACK_ARROW, NOTE_TAGS, WebNotes, find_notes, merge_note_paragraphs
from .html_tables import Table, cell_span, grid
from .html_tokens import page_tokens
from .layout import PRE_LINE, TextLayout, clean, emphasise, link, preformatted_paragraphs
from .text import SourceError, SourceText, decode

# HTML's rules for parsing integers: leading white space, a sign, digits; what follows is
# ignored, so <li value="0x10"> is 0 and value="7th" is 7, as a browser counts them
_HTML_INTEGER = re.compile(r"[\t\n\f\r ]*([+-]?[0-9]+)")


def html_integer(text: str) -> int | None:
    """An `<ol start>` or `<li value>` as a browser reads it (None: no number, ignored)."""
    found = _HTML_INTEGER.match(text)
    return bounded_int(found.group(1)) if found else None


SKIPPED = {
    "script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object",
    "button", "select", "textarea", "dialog", "canvas", "map", "nav", "aside",
}  # fmt: skip
CHROME_OUTSIDE_MAIN = {"header", "footer"}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_CHROME_NAME = re.compile(
    r"(?:^|[\s_-])(cookie|consent|gdpr|breadcrumbs?|skip-?link|site-?(?:header|footer|nav)|"
    r"navbar|menu|sidebar|share|social|feedback|print-?link)(?:$|[\s_-])",
    re.I,
)
_CLAUSE_LINE = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.? +\S")  # '2. Minutes', '4.1 The ...'
_FOOTER_DIV = re.compile(r"^\s*(?:page-?)?footer\s*$", re.I)
BLOCKS = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "address", "figure",
    "figcaption", "dl", "dt", "dd", "center", "body", "html", "header", "footer", "hr",
    "fieldset", "legend", "details", "summary",
}  # fmt: skip
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CELLS = ("td", "th", "dt", "dd")  # a definitions list's term and definition are its cells
_ROW_STARTS = ("tr", "tbody", "thead", "tfoot")  # each closes the row and cell left open
VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
OL_TYPES = {
    "1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
}  # fmt: skip
_WORD_NOTE = re.compile(r"^#?_?(ftn|edn)(?:ref)?(\d+)$", re.I)
_NOTE_DIV = re.compile(r"^(ftn|edn)(\d+)$", re.I)
_NOTE_LABEL = re.compile(r"^\s*[\[(]?\s*[0-9a-zA-Z*†‡§]{0,4}\s*[\])]?\s*$")
_SUP_DIGITS = re.compile(r"^\s*(\d{1,3})\s*$")
INLINE = {"b", "strong", "i", "em", "cite", "u", "sup", "a", "q"}  # tags that write inline marks
_DEEP = {
    "list_depth": f"lists nested more than {most('list_depth')} deep are read at that depth",
    "inline_depth": f"bold, italic and links nested more than {most('inline_depth')} deep "
    "are read as plain words",
    "table_depth": f"tables nested more than {most('table_depth')} deep are read as paragraphs",
}


@dataclass
class _List:
    ordered: bool
    style: str
    next_value: int
    reversed_: bool = False
    item_open: bool = False  # its current item's first paragraph is written
    css: CssState = NO_STATE  # the selectors the list element matched (its items' parent)


@dataclass
class _Element:
    tag: str
    skip: bool = False
    closes: str = ""  # inline markup written when the element ends
    note_kind: str = ""  # footnote area (a Word export's <div id=ftn1>)
    main: bool = False  # the page's main content
    start: int = 0  # where its text begins in the paragraph's pieces (links, <sup>)
    target: str = ""  # a link's URL
    cell: bool = False  # a table cell whose blocks are being collected
    spans: tuple[int, int] = (1, 1)  # a cell's colspan and rowspan
    flat: bool = False  # a table element nested past the limit: read as a plain block
    banner: bool = False  # a <header> outside the main content, read aside (see `_banner_end`)
    definitions: bool = False  # a <dl> read as a table (see `_definition_list_part`)
    css: CssState = NO_STATE  # the stylesheet's selectors it matched (see html_css.py)
    unshown: bool = False  # skipped, and a browser shows none of its words (html_frame.py)
    note_mark: bool = False  # a footnote's mark or back-link, written as [^N]
    island: bool = False  # a web note read inside the frame (see `_note_island`)


class _PageReader(HTMLParser):
    def __init__(
        self, main_only: bool, item_counts: list[int] | None = None, sheet: Stylesheet | None = None
    ):
        super().__init__(convert_charrefs=True)
        self.web_notes = WebNotes()  # a web page's footnotes, found by their links
        self.main_only = main_only
        self.sheet = sheet or Stylesheet()
        self.css_found: Found = {}  # the opening tag's best rules, by property
        self.counters = Counters()  # the page's CSS counters (html_counters.py)
        self.item_number: int | None = None  # the last list item's own number
        # Each <ol>'s count of its own items, in the order the lists open: a reversed
        # list without a start counts down from it (see `html_counters.item_counts`).
        self.item_counts = item_counts or []
        self.lists_seen = 0
        # each block a browser shows apart (a paragraph, a list item, a row of a
        # one-column table) is set apart: never the rest of the text above
        self.layout = TextLayout(every_block_apart=True)
        self.stack: list[_Element] = []
        self.lists: list[_List] = []
        self.tables: list[Table] = []
        self.pieces: list[str] = []
        self.prefix = ""  # a list item's marker, written before its text
        self.indent = 0
        self.heading_level: int | None = None
        # Counts kept as elements open and close, so that no event looks down the
        # stack: a page of deeply nested tags is read in linear time.
        self.open_tags: Counter[str] = Counter()
        self.skipped = 0  # open elements that are site chrome
        self.unshown = 0  # open skipped elements whose words a browser does not show
        self.note_marks = 0  # open footnote marks: their label is the mark written
        self.frame = FrameText()  # the frame's words, listed as left out (html_frame.py)
        self.in_head = False  # a table's <thead> was opened (makes its table headed)
        # words a browser hides that the page's author may not mean to: (reason, words, place)
        self.hidden: list[tuple[str, str, str]] = []
        self.cells = 0  # open <td>/<th>
        self.note: tuple[str, str] | None = None  # (kind, label) of the footnote being read
        self.in_main = 0
        self.outer: list[TextLayout] = []  # the layouts a table cell's own layout sits in
        self.started = False  # the paragraph's pieces hold more than white space
        self.inline_open = 0  # open elements that write inline marks (bold, links ...)
        self.flat_tables = 0  # open tables nested past the limit (read as plain blocks)
        self.deep: set[str] = set()  # the nesting limits met (each said once)
        self.island = html_frame.NoteIsland()  # a web note read in the frame (html_frame.py)

    # state

    def _skipping(self) -> bool:
        if self.island.base is not None:  # inside a web note read in the frame
            return self.skipped > self.island.base
        return bool(self.skipped) or (self.main_only and not self.in_main)

    def _note_island(self, tag: str, attrs: dict[str, str], element: _Element) -> bool:
        """A web note standing in the frame is read as a note (html_frame.NoteIsland)."""
        label = tag in NOTE_TAGS and self.web_notes.labels.get(attrs.get("id", "").strip())
        free = self.note is None and self.island.base is None and not self.unshown
        if label and free and self._skipping() and not shows_no_words(tag, attrs):
            self.island.open(self.frame, self.skipped)
            element.island = True
        return element.island

    def _is_chrome(self, tag: str, attrs: dict[str, str]) -> bool:
        if tag == "aside" and self.getpos() in self.web_notes.asides:
            return False  # the page's footnotes (html_notes.py)
        if tag in SKIPPED or shows_no_words(tag, attrs):
            return True
        if tag in CHROME_OUTSIDE_MAIN and not self.in_main:
            return True
        if attrs.get("role", "").lower() in CHROME_ROLES:
            return True
        names = f"{attrs.get('id', '')} {attrs.get('class', '')}"
        return bool(_CHROME_NAME.search(names))

    # blocks

    def flush(self) -> None:
        text = "".join(self.pieces)
        self.pieces = []
        self.started = False
        for part in preformatted_paragraphs(text) if PRE_LINE in text else [clean(text)]:
            self._write(part)

    def _write(self, text: str) -> None:
        """One paragraph's words (a heading, a list item, a footnote's paragraph)."""
        if not text:
            # A list item's marker waits for its first words (<li><p>text</p>): a browser
            # shows it on the line of the item's first paragraph.
            return
        if self.note is not None:
            kind, label = self.note
            self.layout.footnote(label, text)
            self.note = (kind, f"{label}+")  # later paragraphs of the note join the text
            return
        if self.heading_level is not None and not self.prefix:
            self.layout.heading(text, self.heading_level)
        elif self.prefix:
            self.layout.paragraph(f"{self.prefix} {text}", self.indent, item=True)
            if self.lists:
                self.lists[-1].item_open = True
        elif self.lists and self.lists[-1].item_open:
            # A later paragraph of the same item sits under its text, as a browser shows it.
            self.layout.paragraph(text, self.indent + 4)
        else:
            self.layout.paragraph(text, self.indent)
        self.prefix = ""

    # parser events

    def handle_starttag(self, tag, attrs_list):
        if tag == "a" and self.open_tags["a"]:
            self.handle_endtag("a")  # a link never holds a link: a browser closes the first
        self._implied_ends(tag)
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        if tag == "ol":
            self.lists_seen += 1
        elif tag in ("thead", "table"):  # the cells of a <thead> are its headings
            self.in_head = tag == "thead"
        is_main = tag == "main" or attrs.get("role", "").lower() == "main"
        element = _Element(tag, main=is_main and tag not in VOID)
        if self.sheet.rules:
            element.css, self.css_found = element_state(
                self.sheet, self._css_parent(tag), tag, attrs
            )
        if tag not in VOID:
            self._push(element)
        if element.main:
            self.in_main += 1
            if self.in_main == 1 and not self.skipped:
                self.frame.end()  # the words before <main> are one run of the frame
        # '<div id="footer">': the page's footer as pages wrote it before HTML5 <footer>
        footer = tag == "div" and bool(_FOOTER_DIV.match(attrs.get("id") or ""))
        banner = (tag == "header" or footer) and not self.in_main and not self._skipping()
        if banner and not self._is_chrome("div", attrs):
            self.flush()  # read aside: kept only if it holds the page's title
            element.banner = True
            self.outer.append(self.layout)
            self.layout = TextLayout()
            return
        island = tag not in VOID and self._note_island(tag, attrs, element)
        if not island and self._is_chrome(tag, attrs) and not is_main:
            if tag not in VOID:
                self._frame_start(element, tag, attrs)
            self._skip(element)
            return
        if self._skipping():
            return
        note = _NOTE_DIV.match(attrs.get("id", ""))
        if tag == "div" and note:
            self.flush()
            kind = note.group(1).lower()
            self.note = (kind, self._note_label(kind, note.group(2)))
            element.note_kind = kind
            return
        web_label = self.web_notes.labels.get(attrs.get("id", "").strip())
        if tag in NOTE_TAGS and web_label and self.note is None:
            self.flush()  # a web page's note (html_notes.py)
            self.note, element.note_kind = ("web", web_label), "web"
            return
        if (
            tag in BLOCKS
            or tag in HEADINGS
            or tag in ("table", "tr", "td", "th", "ul", "ol", "li", "br", "caption")
        ):
            read_as = self._definition_list_part(tag)
            element.definitions = tag == "dl" and read_as == "table"
            tag = read_as
            self._block_start(tag, attrs, element)
        elif tag in INLINE and self.inline_open >= most("inline_depth"):
            self.deep.add("inline_depth")  # its words are kept, without more marks
        elif tag in ("b", "strong"):
            self.pieces.append("**")
            element.closes = "**"
        elif tag in ("i", "em", "cite"):
            self.pieces.append("*")
            element.closes = "*"
        elif tag == "u":
            self.pieces.append("<u>")
            element.closes = "</u>"
        elif tag == "sup":
            element.closes = "sup"
            element.start = len(self.pieces)
        elif tag == "q":  # drawn in quotation marks, ‘single’ inside “double” (English)
            self.pieces.append("“" if self.open_tags["q"] % 2 else "‘")  # this one counted
            element.closes = "q"
        elif tag == "a":
            self._anchor_start(attrs, element)
        if element.closes:
            self.started = self.started or element.closes in ("**", "*", "</u>")  # marks
            self.inline_open += 1
        if self.css_found and tag not in VOID and not element.skip:
            self._counted(tag)

    def _implied_ends(self, tag: str) -> None:
        """The end tags HTML lets a page leave out, closed where a browser closes them: a
        cell (td, th) when the next cell, row or table section starts, a row when the next
        row or section starts, a term or definition (dt, dd) when the next one starts.
        Without this each open cell held the next, and a table printed with no </td> and
        </tr> (hand-written and older council pages) came out as one row, its cells in
        reverse order. Only the innermost table is looked at (no walk down the stack)."""
        if not self.tables or self.flat_tables or self._skipping():
            return
        table = self.tables[-1]
        cells = ("dt", "dd") if table.definitions else ("td", "th")
        if tag in cells or (tag in _ROW_STARTS and not table.definitions):
            if table.open_cell in cells:
                self.handle_endtag(table.open_cell)
            if tag in _ROW_STARTS and table.row_open:
                self.handle_endtag("tr")

    def _css_parent(self, tag: str) -> CssState:
        """The open element the stylesheet sees as this one's parent: an <li>'s is its
        list (an <li> left open is closed by the next, as a browser does)."""
        if tag == "li" and self.lists:
            return self.lists[-1].css
        return self.stack[-1].css if self.stack else NO_STATE

    def _styled(self, attrs: dict[str, str], fallback: str) -> str:
        """The list style a browser gives the element: its `style` attribute, or the
        stylesheet's best rule, by the cascade (see html_css.py); else `fallback`."""
        found = inline_style(attrs["style"]) if "style" in attrs else None
        inline = ((int(found[1]), 1), found[0]) if found else None
        ranked = [pick for pick in (inline, self.css_found.get("list-style")) if pick is not None]
        return max(ranked)[1] if ranked else fallback

    def _definition_list_part(self, tag: str) -> str:
        """A definitions list (<dl>: each <dt> term with its <dd> definitions) is read as
        the two-column table a browser shows it as: a term and its definition side by
        side, in the section it stands in. Read as paragraphs, each term would be taken
        for a heading and close the section. A term with several definitions gets a row
        for each (its term once); a list of definitions with no terms is one column and
        is read as text, as a layout table is."""
        if tag not in ("dl", "dt", "dd") or self.flat_tables:
            return tag
        if tag == "dl":
            return "table"
        if not self.tables:
            return tag  # a stray <dt>/<dd> outside any list: a paragraph
        table = self.tables[-1]
        if tag == "dt" or not table.rows or len(table.rows[-1]) != 1 or table.term_done:
            table.rows.append([])
            table.spans.append([])
            if tag == "dd" and table.has_terms:  # a further definition of the term above
                table.rows[-1].append(TextLayout())
                table.spans[-1].append((1, 1))
        table.term_done = tag == "dd"
        table.has_terms = table.has_terms or tag == "dt"
        return "td"

    def _block_start(self, tag, attrs, element):
        if tag == "br":
            # kept inside a paragraph, list item or cell (an address); a heading's: a space
            self.pieces.append(" " if self.heading_level is not None else LINE_BREAK)
            return
        self.flush()
        if tag in ("table", "tr", "td", "th", "caption") and (
            self.flat_tables or (tag == "table" and len(self.tables) >= most("table_depth"))
        ):
            element.flat = True  # nested past the limit: its cells are read as paragraphs
            self.flat_tables += tag == "table"
            self.deep.add("table_depth")
            return
        if tag in ("td", "th", "caption"):
            if self.tables:  # the cell's blocks are laid out on their own
                self.tables[-1].headed |= tag == "th" or self.in_head
                element.cell = True
                element.spans = (cell_span(attrs.get("colspan")), cell_span(attrs.get("rowspan")))
                if tag != "caption":
                    self.tables[-1].open_cell = element.tag
                self.outer.append(self.layout)
                self.layout = TextLayout()
            return
        if tag in HEADINGS:
            self.heading_level = HEADINGS[tag]
        elif tag == "table":
            place = f"line {self.getpos()[0]}"
            self.tables.append(Table(place=place, definitions=element.definitions))
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
            self.tables[-1].spans.append([])
            self.tables[-1].row_open = True
        elif tag in ("ol", "ul"):
            self.lists.append(self._list(tag, attrs))
            self.lists[-1].css = element.css
            if tag == "ol" and "reversed" in attrs and not attrs.get("start", "").strip():
                index = self.lists_seen - 1
                if index < len(self.item_counts):
                    self.lists[-1].next_value = self.item_counts[index]
        elif tag == "li":
            self._list_item(attrs)

    def _list(self, tag: str, attrs: dict[str, str]) -> _List:
        style = "bullet" if tag == "ul" else OL_TYPES.get(attrs.get("type", "1"), "decimal")
        style = self._styled(attrs, style)  # a stylesheet's rule outranks the type hint
        value = html_integer(attrs.get("start", ""))
        return _List(tag == "ol", style, 1 if value is None else value, "reversed" in attrs)

    def _list_item(self, attrs: dict[str, str]) -> None:
        if not self.lists:
            self.lists.append(_List(False, "bullet", 1))
        current = self.lists[-1]
        value = html_integer(attrs.get("value", ""))
        if value is not None:
            current.next_value = value
        style = self._styled(attrs, OL_TYPES.get(attrs.get("type", ""), current.style))
        self.indent = self._list_indent()
        current.item_open = False
        if style == "bullet":
            self.prefix = "-"
        elif style == "none":
            self.prefix = ""
        else:  # a count run on past the limit is refused as a start past it is
            check_signed("list_number", current.next_value)
            self.prefix = f"{css_number(current.next_value, style)}."
        self.item_number = current.next_value
        current.next_value += -1 if current.reversed_ else 1

    def _counted(self, tag: str) -> None:
        """The element's CSS counters, then what its ::before shows with them: before an
        item's words as its marker (after the list's own, when it shows one), before
        any other element's words as they start."""
        depth = len(self.stack)
        place = f"line {self.getpos()[0]}"
        for prop in COUNTER_PROPS:
            if prop in self.css_found:
                self.counters.apply(prop, self.css_found[prop][1], depth, place)
        if "content" not in self.css_found:
            return
        for prop in COUNTER_PROPS:  # the ::before's own, as its element's first child
            if (before := BEFORE_PROPS[prop]) in self.css_found:
                self.counters.apply(prop, self.css_found[before][1], depth + 1, place)
        shown = clean(self.counters.content(self.css_found["content"][1], self.item_number))
        if not shown:
            return
        if tag == "li":
            self.prefix = f"{self.prefix} {literal_words(shown)}".strip()
        else:
            self.pieces.append(literal_words(shown) + " ")

    def _anchor_start(self, attrs, element):
        href = attrs.get("href", "")
        word_note = _WORD_NOTE.match(href.strip())
        web_mark = self.web_notes.marks.get(self.getpos())
        label = (
            self._note_label(word_note.group(1).lower(), word_note.group(2))
            if word_note
            else web_mark
        )
        if label and self.note is None:
            self.pieces.append(f"[^{label}]")
            self.started = True
        back = self.note is not None and href.strip()[1:] in self.web_notes.back_ids
        # its text ("[1]") is the mark just written, or the back-link in front of or after
        # a footnote's text: no words left out, so not listed as the page's frame
        if word_note or (web_mark and self.note is None) or back:
            self._skip(element)
            element.note_mark = True
            self.note_marks += 1
            return
        if href and not href.startswith("#"):
            element.target = href
            element.start = len(self.pieces)
            element.closes = "link"

    @staticmethod
    def _note_label(kind: str, number: str) -> str:
        return number if kind == "ftn" else f"e{number}"

    def _push(self, element: _Element) -> None:
        self.stack.append(element)
        self.open_tags[element.tag] += 1
        self.cells += element.tag in _CELLS

    def _skip(self, element: _Element) -> None:
        if not element.skip and element.tag not in VOID:  # an open element, on the stack
            self.skipped += 1
        element.skip = True

    def _frame_start(self, element: _Element, tag: str, attrs: dict[str, str]) -> None:
        """A skipped element opens: its words (if a browser shows them) are the frame's."""
        if not self.skipped:
            aside = tag in ASIDES or attrs.get("role", "").lower() == "complementary"
            inside = self.in_main or not self.main_only
            shown_apart = tag in APART_TAGS and inside
            self.frame.start(APART if shown_apart else ASIDE if aside and self.in_main else FRAME)
        if shows_no_words(tag, attrs):
            element.unshown = True
            self.unshown += 1

    def _pop(self) -> _Element:
        element = self.stack.pop()
        if self.counters.made:
            self.counters.close(len(self.stack) + 1)
        self.open_tags[element.tag] -= 1
        self.cells -= element.tag in _CELLS and not element.flat
        self.flat_tables -= element.flat and element.tag in ("table", "dl")
        self.inline_open -= bool(element.closes)
        if element.skip:
            self.skipped -= 1
            self.unshown -= element.unshown
            self.note_marks -= element.note_mark
            if not self.skipped and not (self.main_only and not self.in_main):
                self.frame.end()
        return element

    def handle_endtag(self, tag):
        if tag in VOID or not self.open_tags[tag]:
            return  # a stray end tag changes nothing
        while self.stack:
            element = self._pop()
            self._close(element)
            if element.tag == tag:
                break

    def _close(self, element: _Element) -> None:
        tag = element.tag
        if element.main:
            self.in_main -= 1
            if not self._skipping():
                self.flush()
            return
        if element.island:
            self.flush()
            self.note = None
            self.island.close(self.frame, lambda: self._skipping())
            return
        if element.skip or self._skipping():
            return
        if element.note_kind:
            self.flush()
            self.note = None
            return
        if element.closes == "sup":
            text = "".join(self.pieces[element.start :])
            digits = _SUP_DIGITS.match(text)
            if digits:
                del self.pieces[element.start :]
                self.pieces.append(f"[^{digits.group(1)}]")
        elif element.closes == "q":
            self.pieces.append("’" if self.open_tags["q"] % 2 else "”")
        elif element.closes == "link":
            text = "".join(self.pieces[element.start :])
            del self.pieces[element.start :]
            self.pieces.append(link(text, element.target))
        elif element.closes:
            self._close_emphasis(element.closes)
        elif element.flat:
            self.flush()
        elif element.cell and tag == "caption":
            self._caption_end()
        elif element.cell:
            self._cell_end(element.spans)
        elif element.banner:
            self._banner_end()
        elif tag in BLOCKS or tag in HEADINGS or tag in ("li", "tr", "table", "ol", "ul"):
            self._block_end("table" if element.definitions else tag)

    def _close_emphasis(self, mark: str) -> None:
        opening = {"**": "**", "*": "*", "</u>": "<u>"}[mark]
        for index in range(len(self.pieces) - 1, -1, -1):
            if self.pieces[index] == opening:
                inner = "".join(self.pieces[index + 1 :])
                del self.pieces[index:]
                self.pieces.append(
                    emphasise(inner, mark == "**", mark == "*", mark == "</u>") if inner else ""
                )
                return

    def _banner_end(self) -> None:
        """A <header> outside the main content is the site's banner, left out unless it
        holds a top-level heading: then it is the title block a browser shows above the text.
        A '<div id="footer">' is read the same way (a slide show's footer holding its title
        is kept; a site's footer line is left out, listed, never an item's text). One holding
        a numbered line ('2. Minutes') holds the text's own clauses: kept too."""
        self.flush()
        banner, self.layout = self.layout, self.outer.pop()
        if any(block.startswith("# ") or _CLAUSE_LINE.match(block) for block in banner.blocks):
            self.layout.take(banner)
            self.layout.footnotes += banner.footnotes
            self.layout.footnote_places += banner.footnote_places
        elif banner.blocks:  # left out, and listed
            words = plain_text(" ".join(banner.blocks))
            self.frame.found.append((FRAME, words, banner.place or f"line {self.getpos()[0]}"))

    def _cell_end(self, spans: tuple[int, int] = (1, 1)) -> None:
        self.flush()
        cell, self.layout = self.layout, self.outer.pop()
        self.layout.footnotes += cell.footnotes
        self.layout.footnote_places += cell.footnote_places
        if self.tables:
            table = self.tables[-1]
            table.open_cell = ""
            if not table.rows:
                table.rows.append([])
            while len(table.spans) < len(table.rows):
                table.spans.append([])
            table.rows[-1].append(cell)
            table.spans[-1].append(spans)

    def _caption_end(self) -> None:
        """A table's <caption> is its title, shown above its columns: read as a title row
        (one cell across every column, as Word draws one), which the parser keeps as the
        table's caption, where it stands."""
        self.flush()
        caption, self.layout = self.layout, self.outer.pop()
        self.layout.footnotes += caption.footnotes
        self.layout.footnote_places += caption.footnote_places
        if self.tables:  # a second <caption> (a browser shows the first) is kept too
            self.tables[-1].captions += caption.blocks

    def _block_end(self, tag: str) -> None:
        self.flush()
        if tag in HEADINGS:
            self.heading_level = None
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            if table.captions:  # its title row, first
                caption = " ".join(table.captions)
                title = TextLayout(blocks=[caption], block_places=[table.place])
                table.rows.insert(0, [title])
                table.spans.insert(0, [(1, 1)])
            if table.is_layout():
                for row in table.rows:
                    for cell in row:
                        self.layout.take(cell)
            elif (items := table.items()) is not None:
                self.layout.place = table.place
                self.layout.items(items)
            else:
                self.layout.place = table.place
                texts = [[" ".join(cell.blocks) for cell in row] for row in table.rows]
                # a definitions list is terms and their definitions: no header row; a
                # table of <td> alone shows its first row as a row, not as headings
                laid = grid(texts, table.spans)
                self.layout.table(laid, not table.definitions, table.headed)
        elif tag == "tr" and self.tables:
            self.tables[-1].row_open = False
        elif tag == "li":
            self.prefix = ""  # an item with no words: its number is counted, not shown
        elif tag in ("ol", "ul") and self.lists:
            self.lists.pop()
            self.indent = self._list_indent()

    def _list_indent(self) -> int:
        """Four spaces a level; a list nested past the limit is read at the limit's level
        (its words kept: the indent of every line is bounded, not the page's nesting)."""
        depth = max(0, len(self.lists) - 1)
        if depth >= most("list_depth"):
            self.deep.add("list_depth")
        return 4 * min(depth, most("list_depth") - 1)

    def _in_cell(self) -> bool:
        return self.cells > 0

    def handle_data(self, data):
        if self._skipping():
            if self.note_marks and (_NOTE_LABEL.match(data) or BACK_ARROW.match(data)):
                return  # "[1]": the footnote mark written as [^1]; other words are listed
            if not self.unshown:
                if not self.frame.reason:  # words outside <main>, in no skipped element
                    self.frame.start(FRAME)
                self.frame.add(data, f"line {self.getpos()[0] + _leading_lines(data)}")
            return
        if self.tables and not self._in_cell() and not data.strip():
            return
        if not self.started:  # a block's words start here
            self.layout.place = f"line {self.getpos()[0] + _leading_lines(data)}"
            self.started = bool(data.strip())
        words = literal_words(data.replace("\t", " "))
        if self.open_tags["pre"]:  # its line ends are kept (`preformatted_paragraphs`)
            words = words.replace(PRE_LINE, " ").replace("\n", PRE_LINE)
        self.pieces.append(words)

    def parse_comment(self, i, report=1):  # a comment's words are never shown
        return comment_end(self.rawdata, i)  # where a browser ends it (html_broken.py)

    def close(self):
        hidden = cut_at_the_end(self.rawdata, f"line {self.getpos()[0]}", self.cdata_elem)
        if hidden:  # a browser shows none of what the file leaves open at its end
            self.hidden.append(hidden)
            self.rawdata = ""
        super().close()
        while self.stack:
            self._close(self._pop())
        self.flush()
        self.frame.end()


# The page's own <title>, in its head: before <body>, so an <svg>'s <title> is never it
_PAGE_TITLE = re.compile(r"<title\b[^>]{0,200}>([^<]{1,300})</title\s*>", re.I)
_BODY_START = re.compile(r"<body\b", re.I)


def page_title(text: str) -> str | None:
    """'Officer Gifts Policy - Kestrelford Borough Council': the words of the page's
    <title> element, which names the site (often its council) the text may not name."""
    body = _BODY_START.search(text)
    title = _PAGE_TITLE.search(text, 0, body.start() if body else len(text))
    return " ".join(unescape(title.group(1)).split()) or None if title else None


def _charset_decode(raw: bytes, path: str) -> tuple[str, list[str]]:
    head = raw[:2048].decode("ascii", "replace")
    declared = re.search(r"charset\s*=\s*[\"']?([\w-]+)", head, re.I)
    if declared and declared.group(1).lower() in ("windows-1252", "cp1252", "iso-8859-1"):
        return raw.decode("cp1252", "replace"), []
    return decode(raw, path)


def read(raw: bytes, path: str) -> SourceText:
    text, notes = _charset_decode(raw, path)
    sheet = read_stylesheet(style_blocks(text))
    text, hidden_cdata = cdata_as_comments(text)
    reader = _PageReader(html_frame.has_main(text), item_counts(text), sheet)
    tokens = page_tokens(text)
    reader.web_notes = find_notes(text, tokens)
    try:
        if tokens is None:
            reader.feed(text)
        else:
            tokens.give(reader)
        reader.close()
    except LimitError as error:
        error.place = error.place or f"line {reader.getpos()[0]}"
        raise
    except AssertionError as error:  # HTMLParser's own "cannot read this markup"
        line = f"line {reader.getpos()[0]}"
        raise SourceError(path, f"{line}: markup that cannot be read ({error})") from None
    layout = reader.layout
    merged = merge_note_paragraphs(list(zip(layout.footnotes, layout.footnote_places, strict=True)))
    layout.footnotes = [note for note, _place in merged]
    layout.footnote_places = [place for _note, place in merged]
    body = layout.render()
    if not body.strip():
        raise SourceError(path, "the web page has no text outside its menus and banners")
    warnings = [("nesting", _DEEP[name]) for name in sorted(reader.deep)]
    if sheet.cut:
        warnings.append(("stylesheet", SHEET_CUT))
    if reader.counters.cut:
        warnings.append(("stylesheet", COUNTERS_CUT))
    frame = reader.frame.found + hidden_cdata + reader.hidden
    return SourceText(
        path,
        body,
        source_format="html",
        notes=notes,
        places=layout.places(),
        warnings=warnings,
        table_lines=layout.table_lines(),
        apart_lines=layout.apart_lines(),
        untitled_lines=layout.untitled_lines(),
        list_item_lines=layout.item_lines(),
        plain_first_rows=layout.plain_first_rows(),
        dropped=[(reason, words) for reason, words, _place in frame],
        dropped_places={index: place for index, (*_, place) in enumerate(frame)},
        page_title=page_title(text),
    )


def _leading_lines(data: str) -> int:
    """Line breaks before the first word of a text node (its position is where it starts)."""
    return data[: len(data) - len(data.lstrip())].count("\n")
