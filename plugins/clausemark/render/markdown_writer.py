"""Document model and page annotations to structured Markdown any Python-Markdown can render.

Only standard syntax plus `attr_list` and `footnotes`: every clause carries its id in
an attribute list, numbered clauses are headings (so each is its own search entry and
table-of-contents anchor), and one clause is one block, so that a git diff of two
outputs shows clause-sized changes.

This is the one module that writes clausemark's markup into a page: the `cm-` classes,
the `data-cm-*` attributes, and what `page_contract.PageAnnotations` asks a page to show
beside the text (version banner, change marks, notes on reused anchors, the moves
script). Nothing after it edits the Markdown.
"""

from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

import yaml
from markdown.util import BLOCK_LEVEL_ELEMENTS

from ..model.document import (
    REPAIR_KINDS,
    Clause,
    Document,
    Footnote,
    Heading,
    Note,
    Section,
    Table,
)
from ..numbering.clause_names import UNNUMBERED_TEXT, citation_number, first_words
from ..parse.metadata import display_title
from ..support.dates import due_phrase, format_date, is_iso_date, review_overdue
from ..support.escaping import (
    html_text,
    line_breaks,
    markdown_block,
    markdown_inline,
    markdown_text,
    site_words,
)
from ..support.markdown_text import plain_text, words
from .markdown_guard import defuse_brackets
from .page_contract import AnchorLanding, ChangedClauses, PageAnnotations, VersionOf
from .page_header import header_html

EDITORIAL = "cm-editorial"  # the site's words beside the adopted text (see editorial.py)
CHANGED = "cm-changed"  # a clause the review into this version changed
MOVES_SCRIPT_ID = "cm-anchor-moves"  # read by clausemark-anchors.js
_CHANGE_WORDS = {
    "amended": "Amended",
    "added": "Added",
    "renumbered": "Renumbered",
    "moved": "Moved",
}


def escape_block(text: str) -> str:
    """Keep a paragraph a paragraph: no line of it may read as block syntax (escaping.py)."""
    block = markdown_block(defuse_brackets(text).replace("{", "\\{").replace("}", "\\}"))
    return line_breaks(block)


def escape_heading(text: str) -> str:
    """Heading text may not end the line with '#' or hold '{' (attribute-list syntax)."""
    escaped = defuse_brackets(text).replace("{", "\\{").replace("}", "\\}")
    return markdown_inline(escaped.rstrip("#").rstrip() or text)


# --- the writer's Markdown read back as words, for the conversion's nothing-lost proof ---
# Python-Markdown's escapes (its ESCAPED_CHARS with the tables extension's '|'), its
# character references (anything else with '&' is text), and what hides words from the
# reader: a link's target and title, an attribute list, an ordered list's number.
_WRITTEN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!|])")
_NOT_REFERENCE = re.compile(r"&(?!#[0-9]+;|#x[0-9a-f]+;|[0-9a-z]+;)", re.I)
_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);", re.I)
_WRITTEN_LINK_TARGET = re.compile(r"\]\((?:[^()\[\]\n]|\([^()\[\]\n]*\))*\)")
_FROM_BRACE = re.compile(r"\{[^\n]*")  # a line from its first '{': one look a line
# after a line break, what may open lists in lists: '1. 2. text', '-   1. text'
_LIST_NUMBERS = re.compile(r"\n(?:[ \t>]|[-+*](?=[ \t])|\d+\.(?=[ \t]))*\d+\.(?=[ \t])")
_DIGITS = re.compile(r"\d")
_RAW_TEXT_TAG = re.compile(r"<(?:script|style)", re.I)
_TAG_OPENING = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)|<[!?]")
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)
_TABLE_RULE = re.compile(r"[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?")
_RULE_LINE = re.compile(r"\n[ \t|:]*-[ \t|:-]*(?=\n|$)")  # a rule's characters, a '-


def written_text(markdown: str) -> str | None:
    """The text of the page `markdown` (a page's body as `render_document` writes it)
    renders to, still as HTML (its tags and character references are the caller's to
    read: fidelity.html_text), with every Markdown construct undone: escapes, links,
    attribute lists; or None where the page holds a construct this does not read (an
    image, a link whose target is not plain, a table row longer than its header), and
    only a render can say what shows.

    The nothing-lost proof reads a converted page this way in place of rendering it (the
    lead's ruling of session 12): a pass must be a pass of the render's words, so this
    never shows a word Python-Markdown (with attr_list, footnotes, tables, md_in_html)
    would hide, and where the two could differ it shows fewer words, never more:
    - an escape ('\\*') is the character, written as a character reference so nothing
      after reads it as syntax (in a code block Python-Markdown shows the backslash too);
    - '&' that opens no reference Python-Markdown keeps is '&amp;' ('&copy' shows as
      written); STX and ETX, which Python-Markdown removes, are removed; a page with a
      reference to a letter or digit ('&#65;', which a code block shows as '65'), or a
      code span ('`': no escape or reference is read in it), is rendered, and so is one
      with '<script' or '<style' (a code block shows it as written, never as an element
      whose text is shown raw);
    - a page with what may be a reference or footnote definition ('[r]:' or '[^1]:' at
      a line's start, after any indent, quote or list marker: the definition hides its
      target and moves its note, and a reference link hides its name) is rendered;
    - a link's target and title (']( ... )' with at most one level of parentheses, what
      the writer and the text reader write) are dropped; any other '](' is a page to
      render, and so is an image ('![': its alt text is an attribute, never shown);
    - an attribute list (from a '{' the writer wrote, every source '{' being escaped, to
      the line's last '}') is dropped, and so are the numbers of what could read as
      ordered list items (the writer writes a source's '1.' at a line's start '1&#46;');
    - a table drops the cells of a row past its header's count: a page with a row of
      more cells than its header (never the writer's) is rendered;
    - raw HTML is the writer's own (a source's '<' is written '&lt;'): block-level tags
      on lines that open with one, closed as often as opened, no comment or declaration;
      any other is rendered (Python-Markdown reads such HTML in ways of its own).
    Emphasis, headings' '#', list markers, rules and tables' pipes are no words.
    """
    text = _NOT_REFERENCE.sub("&amp;", markdown.replace("\x02", "").replace("\x03", ""))
    if any(map(_shows_a_word, set(_REFERENCE.findall(text)))):
        return None
    text = _WRITTEN_ESCAPE.sub(lambda m: f"&#{ord(m.group(1))};", text)
    if "![" in text or "`" in text or _RAW_TEXT_TAG.search(text):
        return None
    if "<" in text and not _blocks_as_written(text):
        return None
    if "]:" in text and _may_define(text):
        return None
    text = _WRITTEN_LINK_TARGET.sub("] ", text)
    if "](" in text or ("-" in text and not _rows_within_header(text)):
        return None
    text = _FROM_BRACE.sub(_without_attributes, text) if "{" in text else text
    return _LIST_NUMBERS.sub(lambda m: _DIGITS.sub(" ", m.group()), "\n" + text)


_LINE_START = re.compile(r"(?:[ \t>]|[-+*](?=[ \t])|\d+[.)](?=[ \t]))*")  # indents, markers


def _may_define(text: str) -> bool:
    """Whether some ']:' in `text` may end a definition's label opened at a line's start:
    a reference's ('[' and no bracket before ']:') or a footnote's ('[^' and no ']').
    Each ']:' looks back only to the ']' before it: linear."""
    end = text.find("]:")
    while end != -1:
        after = text.rfind("]", 0, end) + 1
        opener = text.rfind("[", after, end)
        openers = [opener] if opener != -1 else []
        footnote = text.find("[^", after, end)
        while footnote != -1:
            openers.append(footnote)
            footnote = text.find("[^", footnote + 2, end)
        for at in openers:
            start = text.rfind("\n", 0, at) + 1
            if _LINE_START.fullmatch(text, start, at):
                return True
        end = text.find("]:", end + 2)
    return False


@functools.lru_cache(maxsize=1024)
def _shows_a_word(reference: str) -> bool:
    """Whether a character reference stands for a letter or digit ('&#65;', '&eacute;'),
    which a code block shows as the reference's own characters ('65')."""
    return bool(words(html.unescape(reference)))


def _without_attributes(rest: re.Match) -> str:
    """A line's text from its first '{' with all up to its last '}' left out: what an
    attribute list may hide (Python-Markdown's reads from a '{' to a '}' ending a line)."""
    text = rest.group()
    end = text.rfind("}")
    return text if end == -1 else " " + text[end + 1 :]


def _blocks_as_written(text: str) -> bool:
    """Whether every block-level tag in `text` is on a line that opens with one (as the
    writer writes raw HTML: at a line's start), each opened as often as closed, with no
    comment, declaration or processing instruction."""
    balance: dict[str, int] = {}
    for tag in _TAG_OPENING.finditer(text):
        name = (tag.group(2) or "!").lower()
        if name == "!":
            return False
        if name in _BLOCK_LEVEL:
            line = _TAG_OPENING.match(text, text.rfind("\n", 0, tag.start()) + 1)
            if not line or (line.group(2) or "").lower() not in _BLOCK_LEVEL:
                return False
            balance[name] = balance.get(name, 0) + (-1 if tag.group(1) else 1)
    return not any(balance.values())


def _rows_within_header(text: str) -> bool:
    """No table Python-Markdown could read in `text` has a row of more cells than its
    header (escaped pipes already references): a line that could be a header's rule is
    checked with the line over it and the lines under it up to a blank line, and the
    next rule looked for after them (a table's rule is its block's second line)."""
    line = _RULE_LINE.search(text)
    while line:
        start, end = line.start() + 1, line.end()
        header = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
        if "|" in header and _TABLE_RULE.fullmatch(text, start, end):
            stop = text.find("\n\n", end)
            end = len(text) if stop == -1 else stop
            most = _cells(header)
            if any(_cells(row) > most for row in text[line.end() : end].split("\n")):
                return False
        line = _RULE_LINE.search(text, end)
    return True


def _cells(row: str) -> int:
    row = row.strip()
    return row.removeprefix("|").removesuffix("|").count("|") + 1


_ATTRIBUTE_UNSAFE = str.maketrans("", "", '"{}')  # no printed number holds them; never let one


def _attrs(anchor: str, *classes: str, number: str | None = None) -> str:
    names = "".join(f" .{c}" for c in classes)
    # The number a citation uses, for the extension to read: never read back from text.
    data = f' data-cm-number="{number.translate(_ATTRIBUTE_UNSAFE)}"' if number is not None else ""
    return f"{{: #{anchor}{names}{data} }}"


def _editorial(text: str) -> str:
    return f'<span class="{EDITORIAL}" data-search-exclude>{text}</span>'


@dataclass
class _Page:
    """What the writer knows beside the block it writes: notes for the reader by source
    line, and the annotations the page was asked to carry."""

    reader_notes: dict[int, list[str]] = field(default_factory=dict)
    annotations: PageAnnotations = field(default_factory=PageAnnotations)
    reused: dict[str, AnchorLanding] = field(init=False)
    changed: dict[str, str] = field(init=False)  # anchor -> status

    def __post_init__(self) -> None:
        self.reused = self.annotations.reused_anchor_notes()
        changed = self.annotations.changed
        self.changed = changed.statuses if changed is not None else {}

    def attrs(self, anchor: str, kind: str, *classes: str, number: str | None = None) -> str:
        """A clause's or note's attribute list: `cm-changed` after its kind if it changed."""
        changed = (CHANGED,) if anchor in self.changed else ()
        return _attrs(anchor, kind, *changed, *classes, number=number)

    def beside(self, anchor: str, indent: str = "", what: str = "") -> list[str]:
        """What follows an element's attribute list: the note on a reused anchor (blocks at
        the left margin only; an item's is left to the moves script), then the change mark.

        Each starts with a blank line: an attribute list must end its block to stay one.
        """
        lines = []
        if not indent and anchor in self.reused:
            lines += ["", _reuse_note(self.reused[anchor])]
        if anchor in self.changed:
            lines += ["", indent + self._change_mark(anchor, bool(indent), what)]
        return lines

    def change_mark(self, anchor: str, what: str = "") -> str:
        """The change mark of a block at the left margin (a heading's or a table's, under
        it); `what` names a block that is no clause ("the table above")."""
        return self._change_mark(anchor, False, what)

    def _change_mark(self, anchor: str, inline: bool, what: str = "") -> str:
        """The change said in words, not by colour alone, with a link to it on the diff page.

        A clause only renumbered carries a small "was para 3.3" (the page says once, at
        the top, how many were renumbered); another change names the old number in its
        mark. Indented as its item's attribute list it stays inside the item, where raw
        HTML is not a block to Python-Markdown but a span in a paragraph.
        """
        changed = self.annotations.changed
        assert changed is not None
        status = self.changed[anchor]
        tag = "span" if inline else "p"
        href = f"{html_text(changed.diff_url)}#change-{html_text(anchor)}"
        was = changed.was.get(anchor)
        if status == "renumbered" and was:
            return (
                f'<{tag} class="cm-change-mark cm-changed-renumbered cm-was" data-search-exclude>'
                f'<a href="{href}">was {site_words(was)}</a></{tag}>'
            )
        word = _CHANGE_WORDS.get(status, status.capitalize())
        before = f", was {site_words(was)}" if was else ""
        named = f": {site_words(what)}" if what else ""
        return (
            f'<{tag} class="cm-change-mark cm-changed-{status}" data-search-exclude>'
            f"{word} in the review since version {site_words(changed.since)}{before}{named} "
            f'(<a href="{href}">see the change</a>)</{tag}>'
        )


TABLE_MARKED = "the table above"


def _note_marked(text: str) -> str:
    """'the unnumbered text “Approved by Full Council on 11 March…”': a note's change mark
    names it, or a reader takes it for the clause printed above the note (trial17 F8,
    R48); the words are escaped by the mark as a version label is."""
    return f"the {UNNUMBERED_TEXT} “{first_words(plain_text(text))}”"


def _reuse_note(landing: AnchorLanding) -> str:
    text = site_words(landing.note)
    if landing.to:
        text += f' <a href="#{html_text(landing.to)}">Go to it</a>.'
    elif landing.diff_url:
        text += f' <a href="{html_text(landing.diff_url)}">See the change</a>.'
    # shown only to a visitor whose link names this id (CSS :target): the top of the page
    # says once how many clauses were renumbered
    return f'<p class="cm-anchor-note cm-anchor-note--reused" data-search-exclude>{text}</p>'


def renumbering_summary(changed: ChangedClauses | None) -> list[str]:
    """Once, under the title: how many clauses the review renumbered, and where to read it."""
    if changed is None or not changed.was:
        return []
    count = len(changed.was)
    clauses = "clause was" if count == 1 else "clauses were"
    return [
        f'<p class="cm-renumbered-summary" data-search-exclude>{count} {clauses} renumbered '
        f"in the review since version {site_words(changed.since)}; each shows the number "
        f'it had. <a href="{html_text(changed.diff_url)}">See the changes</a>.</p>',
        "",
    ]


def moves_script(landings: dict[str, AnchorLanding]) -> str:
    """The inline JSON the anchor resolver reads: old anchor -> {to, note, diff}."""
    data = {
        anchor: {"to": landing.to, "note": landing.note, "diff": landing.diff_url}
        for anchor, landing in sorted(landings.items())
        if not landing.reused
    }
    # no '<' at all: nothing in the data can close the element or open a comment in it
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="{MOVES_SCRIPT_ID}">{text}</script>'


def _cell(text: str) -> str:
    cell = line_breaks(markdown_inline(defuse_brackets(text)))
    return cell.replace("|", "\\|").replace("{", "\\{").replace("}", "\\}") or " "


_HISTORY_CAPTION = "Version history"


def render_table(table: Table, under: str = "") -> list[str]:
    """A table; `under`: the heading printed right over it, when nothing stands between."""
    lines: list[str] = []
    # A caption or header the source does not print is the site's, marked as editorial.
    caption = table.caption
    if caption:
        lines += [f"**{markdown_inline(caption)}**", _attrs(table.anchor, "cm-table-caption"), ""]
    elif table.kind == "version-history" and under.strip().lower() == _HISTORY_CAPTION.lower():
        # the text's own heading "Version history" over it: no second one (session-9
        # trial), the table's id where the caption would hold it
        caption = _HISTORY_CAPTION
        lines += [f'<span id="{table.anchor}"></span>', ""]
    elif table.kind == "version-history":
        caption = _HISTORY_CAPTION
        lines += [f"**{caption}**", _attrs(table.anchor, "cm-table-caption", EDITORIAL), ""]
    header = [_cell(c) for c in table.header]
    rows = table.rows
    if not table.header_shown:  # printed as a row: shown as one, under no headings
        header, rows = [_cell("")] * len(header), [table.header, *rows]
    if not any(table.header) and table.kind != "table":  # a control table's columns
        named = [_editorial(c) for c in ["Item", "Detail"][: len(table.header)]]
        header = named + header[len(named) :]  # a third column keeps its cells
    if len(header) < 2:
        header = [*header, ""]
    width = len(header)
    # an empty header row (Markdown's tables must have one) is taken out of the page
    # by headerless.HeaderlessTables: a table the source prints with none shows none
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join(" --- " for _ in range(width)) + "|")
    for row in rows:
        cells = (row + [""] * width)[:width]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if not caption:
        lines += ["", f'<span id="{table.anchor}"></span>']
    lines.append("")
    return lines


def _number_prefix(clause: Clause) -> str:
    return f"**{markdown_inline(clause.number)}** " if clause.number else ""


def render_item(item: Clause, indent: int, page: _Page | None = None) -> list[str]:
    page = page or _Page()
    pad = " " * indent
    inner = " " * (indent + 4)
    lines = [
        f"{pad}-   {_number_prefix(item)}{escape_block(item.text)}",
        f"{inner}{page.attrs(item.anchor, 'cm-item')}",
        *page.beside(item.anchor, inner),
        "",
    ]
    for paragraph in item.paragraphs:
        lines += [f"{inner}{escape_block(paragraph)}", ""]
    for child in item.children:
        lines += render_item(child, indent + 4, page)
    for paragraph in item.tail:
        lines += [f"{inner}{escape_block(paragraph)}", ""]
    return lines


def reader_note(text: str) -> str:
    """A printed error told to the reader beside the clause, marked as the site's note."""
    return (
        f'<aside class="{EDITORIAL} cm-editorial-note cm-numbering-note" data-search-exclude '
        'aria-label="Editorial note on the numbering"><p>'
        f'<span class="cm-editorial-label">Editorial note</span> {html.escape(text)}</p></aside>'
    )


def render_clause(clause: Clause, level: int, page: _Page | None = None) -> list[str]:
    page = page or _Page()
    number = citation_number(clause.number, clause.anchor)
    lines: list[str] = []
    if clause.bullet:  # a bulleted list's item, with its children, as printed
        lines += render_item(clause, 0, page)
    elif clause.number:
        attrs = page.attrs(clause.anchor, "cm-clause", number=number)
        heading = f"{'#' * level} {markdown_inline(clause.number)} {attrs}"
        lines += [heading, *page.beside(clause.anchor), ""]
        lines += [escape_block(clause.text), ""]
    else:
        attrs = page.attrs(clause.anchor, "cm-clause", "cm-unnumbered", number=number)
        lines += [escape_block(clause.text), attrs, *page.beside(clause.anchor), ""]
    for text in page.reader_notes.get(clause.line, []):
        lines += [reader_note(text), ""]
    if not clause.bullet:
        for paragraph in clause.paragraphs:
            lines += [escape_block(paragraph), ""]
        for child in clause.children:
            lines += render_item(child, 0, page)
        for paragraph in clause.tail:
            lines += [escape_block(paragraph), "{: .cm-clause-tail }", ""]
    for table in clause.tables:
        lines += render_table(table)
    return lines


def _heading_notes(heading: Heading, changed: bool = False) -> str:
    """A heading's footnote markers after its title, and its anchor (with `cm-changed`
    when the review into this version changed it); the contents and menu read the title
    without the markers (`data-toc-label`)."""
    classes = f" .{CHANGED}" if changed else ""
    if not heading.notes and "[^" not in heading.title:  # 'Positions[^13] etc.': a label
        return f" {{: #{heading.anchor}{classes} }}"
    markers = "".join(f"[^{label}]" for label in heading.notes)
    number = f"{heading.number} " if heading.number else ""
    label = html.escape(f"{number}{plain_text(heading.title)}", quote=True).translate(
        _ATTRIBUTE_UNSAFE
    )
    return f'{markers} {{: #{heading.anchor}{classes} data-toc-label="{label}" }}'


def _render_heading(heading: Heading, level: int, title: str, page: _Page) -> list[str]:
    """A heading line, then, when the review into this version changed its words (a
    section renamed, a cross-heading reworded, one added), the change said as a clause's
    is: the changes page lists it, and the page itself marks it where it stands."""
    changed = bool(heading.anchor) and heading.anchor in page.changed
    lines = [f"{'#' * level} {title}{_heading_notes(heading, changed)}", ""]
    if changed:
        lines += [page.change_mark(heading.anchor), ""]
    return lines


def render_blocks(blocks, level: int, page: _Page | None = None) -> list[str]:
    page = page or _Page()
    lines: list[str] = []
    clause_level = level
    previous: object = None
    for block in blocks:
        under, previous = (previous.title if isinstance(previous, Heading) else ""), block
        if isinstance(block, Section):
            heading = block.heading
            title = f"{markdown_inline(f'{heading.number}')} {escape_heading(heading.title)}"
            if heading.reference:  # "C048/23 1. APOLOGIES": the minute's reference first
                title = f"{markdown_inline(heading.reference)} {title}"
            lines += _render_heading(heading, 2, title, page)
            lines += render_blocks(block.blocks, 3, page)
        elif isinstance(block, Heading):
            lines += _render_heading(block, block.level, escape_heading(block.title), page)
            clause_level = min(block.level + 1, 6)
        elif isinstance(block, Clause):
            lines += render_clause(block, clause_level, page)
        elif isinstance(block, Table):
            lines += render_table(block, under)
            if block.anchor and block.anchor in page.changed:  # a table in no clause
                lines += [page.change_mark(block.anchor, TABLE_MARKED), ""]
        elif isinstance(block, Note):
            attrs = page.attrs(block.anchor, "cm-note")
            # its change mark names it, or it reads as the clause above's (R48)
            beside = page.beside(block.anchor, what=_note_marked(block.text))
            lines += [escape_block(block.text), attrs, *beside, ""]
    return lines


_FOOTNOTE_REF = re.compile(r"\[\^(\w+)\]")


def link_footnote_refs(text: str, seen: dict[str, int]) -> str:
    """'[^5]' -> a marker that shows 5, as printed (Markdown's footnotes would renumber it)."""

    def marker(match: re.Match) -> str:
        label = match.group(1)
        seen[label] = seen.get(label, 0) + 1
        ref_id = f"fnref:{label}" if seen[label] == 1 else f"fnref{seen[label]}:{label}"
        return (
            f'<sup class="cm-fnref" id="{ref_id}"><a href="#fn:{label}" '
            f'aria-label="Footnote {label}">{label}</a></sup>'
        )

    return _FOOTNOTE_REF.sub(marker, text)


def render_footnotes(footnotes: list[Footnote]) -> list[str]:
    lines = ['<div class="footnote cm-footnotes" markdown>', "", "## Footnotes {: #footnotes }", ""]
    for footnote in footnotes:
        attrs = 'class="cm-footnote"'
        if footnote.missing:  # the whole entry is the site's note: the source has no text
            text = f"The text of footnote {footnote.label} is missing from the source document."
            attrs = f'class="cm-footnote {EDITORIAL}" data-search-exclude'
        else:
            text = escape_block(footnote.text)
        lines += [
            f'<p id="fn:{footnote.label}" {attrs} markdown="span">'
            f'<span class="cm-footnote-label">{footnote.label}</span> {text} '
            f'<a class="footnote-backref" href="#fnref:{footnote.label}" '
            f'aria-label="Back to the text of footnote {footnote.label}">↩</a></p>',
            "",
        ]
    lines += ["</div>", ""]
    return lines


def shown_dates(
    adopted: object, next_review: object, build_date: str | None, review_notice: bool = True
) -> dict:
    """The dates the page header prints, written by dates.py (the one place dates are
    written for readers), so the templates only print them. `review_notice` False (a
    version a later one replaced, or a draft): the review date is printed, but no notice
    says the review is due or overdue, since that review is the later version."""
    adopted_text = str(adopted)[:10] if adopted else ""
    review_text = str(next_review)[:10] if next_review else ""
    shown: dict[str, Any] = {}
    if is_iso_date(adopted_text):
        shown["adopted"] = format_date(adopted_text)
    if is_iso_date(review_text):
        shown["next_review"] = format_date(review_text)
        if review_notice:
            shown["review_due"] = due_phrase(review_text)
            shown["review_overdue"] = review_overdue(review_text, build_date)
    return shown


def _same_words(kind: str | None, title: str | None) -> bool:
    """Whether a kind of document and a title are the same words, whatever their case or
    punctuation ('Code of Conduct' and 'CODE OF CONDUCT')."""
    return bool(kind and title) and words(kind or "") == words(display_title(title or ""))


def front_matter(document: Document, annotations: PageAnnotations | None = None) -> dict:
    meta = document.metadata
    annotations = annotations or PageAnnotations()
    version_of = annotations.version_of
    title = html_text(display_title(meta.title))  # MkDocs and Material read it as HTML
    if version_of is not None:
        title = f"{title} (version {html_text(version_of.label)})"
    facts: dict[str, Any] = {
        "document": document.doc_id,
        "source": document.path,
        "council": meta.council,
        "document_type": meta.document_type,
        "label": meta.label,
        "version": meta.version,
        "status": meta.status,
        "status_stated": meta.status_stated,
        "adopted": meta.adopted,
        "adopted_by": meta.adopted_by,
        "minute": meta.minute,
        "next_review": meta.next_review,
        "issue_date": meta.issue_date,
        "owner": meta.owner,
        "illustrative": meta.illustrative,
        "warnings": sum(REPAIR_KINDS.get(w.code) != "info" for w in document.warnings),
    }
    facts = {k: v for k, v in facts.items() if v not in (None, "")}
    # What the page templates read: the diff pages, the version menu, this page's changes.
    if annotations.changes:
        facts["changes"] = [asdict(link) for link in annotations.changes]
    if annotations.versions:
        facts["versions"] = [asdict(link) for link in annotations.versions]
    changed = annotations.changed
    if changed is not None and changed.statuses:
        facts["changed"] = {
            "since": changed.since,
            "diff": changed.diff_url,
            "anchors": dict(changed.statuses),
        }
    superseded = version_of is not None and (
        version_of.draft or version_of.label != version_of.current_label
    )
    shown = shown_dates(
        meta.adopted, meta.next_review, annotations.build_date, review_notice=not superseded
    )
    if shown:
        facts["shown"] = shown
    data: dict[str, Any] = {"title": title, "clausemark": facts}
    if version_of is not None:  # an earlier version or a draft is not what a search finds
        data["search"] = {"exclude": True}
        facts["version_page"] = True
    if annotations.cite_url:
        facts["cite_url"] = annotations.cite_url
    return data


def _version_banner(version_of: VersionOf) -> list[str]:
    state = "draft" if version_of.draft else "adopted"
    banner = (
        f"This is version {site_words(version_of.label)} ({state}). "
        f'<a href="{html_text(version_of.current_url)}">'
        f"The current version is {site_words(version_of.current_label)}</a>."
    )
    return [f'<p class="cm-version-banner" data-search-exclude>{banner}</p>', ""]


def _title_data(document: Document, version_of: VersionOf | None) -> str:
    """The title's data attributes: which document the page is, and whether it is the
    document's own page (cross-linked as the current text) or an earlier version's."""
    if version_of is None:
        return f'data-cm-document="{document.doc_id}"'
    return f'data-cm-version-of="{document.doc_id}" data-cm-page="{version_of.page}"'


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: faster


def page_markdown(meta: dict, lines: list[str]) -> str:
    """A page as MkDocs reads it: YAML front matter, a blank line, the Markdown body."""
    head = yaml.dump(meta, Dumper=_DUMPER, sort_keys=False, allow_unicode=True).rstrip()
    body = "\n".join(lines).strip()
    return f"---\n{head}\n---\n\n{body}\n"


def render_document(document: Document, annotations: PageAnnotations | None = None) -> str:
    """The page for `document`, with what `annotations` asks it to show beside the text."""
    annotations = annotations or PageAnnotations()
    version_of = annotations.version_of
    lines = _version_banner(version_of) if version_of is not None else []
    printed = next((t for k, _l, t in document.title_lines if k == "title"), None)
    heading = escape_heading(printed) if printed else markdown_text(document.metadata.title)
    # A title the source does not print (taken from metadata or the file name) is the site's.
    marked = "" if printed else f" .{EDITORIAL}"
    data = _title_data(document, version_of)
    meta = front_matter(document, annotations)
    # The status block follows the title: read after it, never skipped by a jump to it.
    title_line = [
        f"# {heading} {{: #title{marked} {data} }}",
        "",
        header_html(meta["clausemark"]),
        "",
    ]
    above: set[str] = set()  # kinds of line printed above the title
    for kind, _line, text in document.title_lines:  # as printed: a council line may follow
        if kind == "title" and title_line:
            lines += title_line
            title_line = []
        elif kind in ("label", "council", "status"):
            if title_line:
                above.add(kind)
            lines += [escape_block(text), "{: .cm-label }", ""]
    lines += title_line
    lines += renumbering_summary(annotations.changed)
    # the page prints its label (or its council) above the title: the theme's kicker
    # does not say it again just above that line (trial8 R7, trial9: the council twice)
    if above:
        meta["clausemark"]["label_above_title"] = True
    if "council" in above:
        meta["clausemark"]["council_above_title"] = True
    # the title is the kind of document ('Code of Conduct'): the kicker's 'CODE OF CONDUCT'
    # over it would say the same words twice (closing note of session 9)
    if _same_words(document.metadata.document_type, document.metadata.title):
        meta["clausemark"]["type_is_title"] = True
    notes: dict[int, list[str]] = {}
    for issue in document.warnings:
        if issue.reader_note and issue.line:
            notes.setdefault(issue.line, []).append(issue.reader_note)
    lines += render_blocks(document.blocks, 2, _Page(notes, annotations))
    if document.footnotes:
        lines += render_footnotes(document.footnotes)
        seen: dict[str, int] = {}
        lines = [link_footnote_refs(line, seen) if "[^" in line else line for line in lines]
    if annotations.landings:
        lines += ["", moves_script(annotations.landings)]
    return page_markdown(meta, lines)
