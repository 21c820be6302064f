"""Word (.docx): the document as Word shows it, with its automatic numbers printed.

The package is a zip of XML parts, read here with the standard library (zipfile and
ElementTree): python-docx exposes neither the numbering definitions nor footnotes,
tracked changes or fields, so a reader needs the raw XML anyway. Word's list numbers
exist only in word/numbering.xml; `numbering.py` renders them as Word displays them.

Tracked changes are read as accepted (insertions kept, deletions dropped), comments,
headers and footers are left out, and a table-of-contents field is dropped like a
printed contents list. Each of these is reported as a warning.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from clausemark.readers.layout import TextLayout, emphasise, link
from clausemark.readers.text import SourceError, SourceText

from .word_numbering import Numbering, roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNPACKED = 512 * 1024 * 1024  # a zip bomb is refused before it is unpacked
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_TOC_STYLE = re.compile(r"^(toc\s*\d|toc heading|table of figures)$", re.I)
_OFF = {"0", "false", "off", "none"}
# Elements that hold properties or marks, never text; any other element is read into.
NOT_CONTENT = {
    f"{W}{name}"
    for name in (
        "pPr", "rPr", "sdtPr", "sdtEndPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr",
        "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
        "permStart", "permEnd", "customXmlPr", "smartTagPr",
    )
}  # fmt: skip


def read(raw: bytes, path: str) -> SourceText:
    parts = _open_package(raw, path)
    reader = _DocumentReader(parts, path)
    text = reader.read()
    if not text.strip():
        raise SourceError(path, "the Word document has no text")
    dropped = [("table of contents field", line) for line in reader.counts.contents]
    places = reader.layout.places()
    return SourceText(path, text, warnings=reader.warnings(), dropped=dropped, places=places)


def _open_package(raw: bytes, path: str) -> dict[str, ElementTree.Element]:
    if raw.startswith(OLE_SIGNATURE):
        raise SourceError(
            path,
            "this is an old-format Word .doc (or other OLE) file, not .docx; "
            "open it in Word and save it as .docx",
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
        names = set(package.namelist())
        if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED:
            raise SourceError(path, "the Word document unpacks to more than 512 MB")
        if "word/document.xml" not in names:
            raise SourceError(path, "not a Word document (the zip has no word/document.xml)")
        parts: dict[str, ElementTree.Element] = {}
        for name in (
            "word/document.xml",
            "word/numbering.xml",
            "word/styles.xml",
            "word/footnotes.xml",
            "word/endnotes.xml",
            "word/comments.xml",
            "word/_rels/document.xml.rels",
        ):
            if name in names:
                parts[name] = ElementTree.fromstring(package.read(name))
        return parts
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile):
        raise SourceError(
            path, "the Word document is damaged or truncated (not a valid zip)"
        ) from None
    except ElementTree.ParseError as error:
        raise SourceError(path, f"the Word document is damaged (bad XML: {error})") from None
    except (OSError, ValueError, RuntimeError, NotImplementedError) as error:
        raise SourceError(path, f"the Word document cannot be read ({error})") from None


def _on(element: ElementTree.Element | None) -> bool:
    """A Word toggle property: present and not switched off."""
    return element is not None and element.get(f"{W}val", "1").lower() not in _OFF


@dataclass
class _Style:
    name: str
    based_on: str | None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None


def _read_styles(root: ElementTree.Element | None) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for element in root.iter(f"{W}style"):
        style_id = element.get(f"{W}styleId", "")
        name = element.find(f"{W}name")
        based = element.find(f"{W}basedOn")
        style = _Style(
            name=name.get(f"{W}val", style_id) if name is not None else style_id,
            based_on=based.get(f"{W}val") if based is not None else None,
        )
        ppr = element.find(f"{W}pPr")
        if ppr is not None:
            num_pr = ppr.find(f"{W}numPr")
            if num_pr is not None:
                num = num_pr.find(f"{W}numId")
                level = num_pr.find(f"{W}ilvl")
                style.num_id = num.get(f"{W}val") if num is not None else None
                style.ilvl = int(level.get(f"{W}val", "0")) if level is not None else None
            outline = ppr.find(f"{W}outlineLvl")
            if outline is not None:
                style.outline = int(outline.get(f"{W}val", "9"))
        styles[style_id] = style
    return styles


def _is_layout_table(rows: list[list]) -> bool:
    """A table that lays out the page (one column, or cells holding tables or several
    paragraphs): its cells are read as the document's own paragraphs."""
    if max(len(cells) for cells in rows) == 1:
        return True
    for cells in rows:
        for cell in cells:
            paragraphs = [p for p in cell.findall(f"{W}p") if "".join(p.itertext()).strip()]
            if len(paragraphs) > 2 or cell.find(f"{W}tbl") is not None:
                return True
    return False


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> list[tuple[str, _Style]]:
    chain, seen = [], set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        chain.append((style_id, styles[style_id]))
        style_id = styles[style_id].based_on
    return chain


@dataclass
class _Field:
    instruction: str = ""
    in_result: bool = False


@dataclass
class _Counts:
    insertions: int = 0
    deletions: int = 0
    comments: int = 0
    contents: list[str] = field(default_factory=list)  # paragraphs of a contents field
    unknown_numbering: set[str] = field(default_factory=set)
    embedded: int = 0  # altChunk: a document of another format inside this one


class _DocumentReader:
    def __init__(self, parts: dict[str, ElementTree.Element], path: str):
        self.path = path
        self.parts = parts
        self.styles = _read_styles(parts.get("word/styles.xml"))
        self.numbering = Numbering.from_xml(parts.get("word/numbering.xml"), W)
        self.numbering.link_list_styles(
            {style_id: s.num_id for style_id, s in self.styles.items() if s.num_id}
        )
        self.links = self._relationships(parts.get("word/_rels/document.xml.rels"))
        self.notes = {
            "footnote": self._notes(parts.get("word/footnotes.xml"), "footnote"),
            "endnote": self._notes(parts.get("word/endnotes.xml"), "endnote"),
        }
        self.note_labels: dict[tuple[str, str], str] = {}
        self.layout = TextLayout()
        self.paragraphs = 0  # the body's paragraphs read so far: a warning names its own
        self.fields: list[_Field] = []
        self.text_boxes: list[str] = []  # paragraphs of text boxes, laid out after their own
        self.counts = _Counts()
        comments = parts.get("word/comments.xml")
        self.counts.comments = len(comments.findall(f"{W}comment")) if comments is not None else 0

    @staticmethod
    def _relationships(root) -> dict[str, str]:
        if root is None:
            return {}
        return {
            rel.get("Id", ""): rel.get("Target", "")
            for rel in root.iter(f"{REL}Relationship")
            if rel.get("Type", "").endswith("/hyperlink")
        }

    @staticmethod
    def _notes(root, kind: str) -> dict[str, ElementTree.Element]:
        if root is None:
            return {}
        return {
            note.get(f"{W}id", ""): note
            for note in root.iter(f"{W}{kind}")
            if note.get(f"{W}type") in (None, "normal")
        }

    def read(self) -> str:
        body = self.parts["word/document.xml"].find(f"{W}body")
        if body is None:
            raise SourceError(self.path, "the Word document has no body")
        self._blocks(body)
        self._footnotes()
        return self.layout.render()

    def warnings(self) -> list[tuple[str, str]]:
        found = []
        changes = self.counts.insertions + self.counts.deletions
        if changes:
            found.append(
                (
                    "tracked-changes",
                    f"{changes} tracked changes read as accepted "
                    f"({self.counts.insertions} insertions kept, "
                    f"{self.counts.deletions} deletions dropped)",
                )
            )
        if self.counts.embedded:
            found.append(
                (
                    "embedded",
                    f"{self.counts.embedded} embedded documents (altChunk) not read; "
                    "open the file in Word and save it again to merge them",
                )
            )
        if self.counts.comments:
            found.append(("comments", f"{self.counts.comments} comments ignored"))
        for num_id in sorted(self.counts.unknown_numbering):
            found.append(
                ("numbering", f"list {num_id} is not defined in numbering.xml; numbers left out")
            )
        return found

    # blocks

    def _blocks(self, container) -> None:
        for element in container:
            tag = element.tag
            if tag == f"{W}p":
                self._paragraph(element)
            elif tag == f"{W}tbl":
                self._table(element)
            elif tag == f"{W}sdt":
                if self._is_contents_control(element):
                    self.counts.contents += [
                        "".join(t.text or "" for t in p.iter(f"{W}t"))
                        for p in element.iter(f"{W}p")
                    ]
                    continue
                content = element.find(f"{W}sdtContent")
                if content is not None:
                    self._blocks(content)
            elif tag == f"{W}altChunk":
                self.counts.embedded += 1
            elif tag == f"{MC}AlternateContent":
                if len(element):
                    self._blocks(element[0])  # its Choice; the Fallback repeats it
            elif tag not in NOT_CONTENT:
                self._blocks(element)  # any other wrapper (customXml, ins ...): its content

    @staticmethod
    def _is_contents_control(sdt) -> bool:
        gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        return gallery is not None and "contents" in gallery.get(f"{W}val", "").lower()

    def _paragraph_style(self, ppr) -> str | None:
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        return style.get(f"{W}val") if style is not None else None

    def _paragraph(self, paragraph) -> None:
        self.paragraphs += 1
        self.layout.place = f"paragraph {self.paragraphs}"
        # A field's code never runs past its paragraph: a broken one hides no more text.
        self.fields = [f for f in self.fields if f.in_result]
        ppr = paragraph.find(f"{W}pPr")
        style_id = self._paragraph_style(ppr)
        chain = _style_chain(self.styles, style_id)
        starts_in_contents = any(
            f.instruction.strip().upper().startswith("TOC") for f in self.fields
        )
        text = self._inline(paragraph, chain)
        in_contents = starts_in_contents or any(
            f.instruction.strip().upper().startswith("TOC") for f in self.fields
        )
        if in_contents or any(_TOC_STYLE.match(s.name) for _, s in chain[:1]):
            if text.strip():
                self.counts.contents.append(text.strip())
            return
        number, level, bullet = self._number(ppr, style_id, chain)
        heading = self._heading_level(ppr, chain)
        if text.strip():  # an empty numbered paragraph still counts, as in Word
            self._lay_out(text, number, level, bullet, heading)
        for box_text in self.text_boxes:
            self.layout.paragraph(box_text)
        self.text_boxes = []

    def _lay_out(self, text, number, level, bullet, heading) -> None:
        if bullet:
            self.layout.paragraph(f"- {text}", indent=4 * level)
        elif number is not None:
            self.layout.paragraph(f"{number}{text.lstrip()}")
        elif heading is not None:
            self.layout.heading(text, heading)
        else:
            self.layout.paragraph(text)

    def _heading_level(self, ppr, chain) -> int | None:
        """1 for a Title, 2.. for Heading 1.. (or an outline level): the '#' count."""
        outline = ppr.find(f"{W}outlineLvl") if ppr is not None else None
        if outline is not None:
            value = int(outline.get(f"{W}val", "9"))
            return value + 2 if value < 9 else None
        for _style_id, style in chain:
            if style.name.lower() == "title":
                return 1
            match = _HEADING_STYLE.match(style.name)
            if match:
                return int(match.group(1)) + 1
            if style.outline is not None:
                return style.outline + 2 if style.outline < 9 else None
        return None

    def _number(self, ppr, style_id, chain) -> tuple[str | None, int, bool]:
        """The list number Word prints before this paragraph, with its suffix."""
        num_id, ilvl = None, None
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        if num_pr is not None:
            num = num_pr.find(f"{W}numId")
            level = num_pr.find(f"{W}ilvl")
            num_id = num.get(f"{W}val") if num is not None else None
            ilvl = int(level.get(f"{W}val", "0")) if level is not None else None
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
            self.counts.unknown_numbering.add(num_id)
            return None, 0, False
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, style_id or "")
        printed = self.numbering.next(num_id, ilvl)
        if printed is None or not (printed.text or printed.bullet):
            return None, ilvl, False  # a level that prints no number ('none', empty text)
        if printed.bullet:
            return None, ilvl, True
        return printed.text + printed.suffix, ilvl, False

    def _table(self, table) -> None:
        rows = [
            row.findall(f"{W}tc") + row.findall(f"{W}sdt/{W}sdtContent/{W}tc")
            for row in table.findall(f"{W}tr") + table.findall(f"{W}sdt/{W}sdtContent/{W}tr")
        ]
        rows = [cells for cells in rows if cells]
        if not rows:
            return
        if _is_layout_table(rows):
            for cells in rows:
                for cell in cells:
                    self._blocks(cell)  # its paragraphs, numbers and headings as any others
            return
        self.layout.table([[" ".join(self._cell_texts(cell)) for cell in cells] for cells in rows])

    def _cell_texts(self, cell) -> list[str]:
        """A data cell's paragraphs, each with the list number Word shows before it."""
        texts = []
        for paragraph in cell.iter(f"{W}p"):
            ppr = paragraph.find(f"{W}pPr")
            style_id = self._paragraph_style(ppr)
            number, _level, _bullet = self._number(
                ppr, style_id, _style_chain(self.styles, style_id)
            )
            text = self._inline(paragraph, []).strip()
            if text:
                texts.append(f"{number}{text}" if number else text)
        return texts

    # inline

    def _inline(self, paragraph, chain) -> str:
        """The paragraph's text; emphasis set on its runs (a style's own bold, as in
        every heading style, is presentation, not emphasis in the text)."""
        pieces: list[str] = []
        self._runs(paragraph, pieces, (False, False))
        return "".join(pieces)

    def _runs(self, container, pieces: list[str], style: tuple[bool, bool]) -> None:
        for element in container:
            tag = element.tag
            if tag == f"{W}r":
                pieces.append(self._run(element, style))
            elif tag == f"{W}hyperlink":
                inner: list[str] = []
                self._runs(element, inner, style)
                target = self.links.get(element.get(f"{R}id", ""), "")
                text = "".join(inner)
                pieces.append(link(text, target) if target else text)
            elif tag in (f"{W}ins", f"{W}moveTo"):
                self.counts.insertions += 1
                self._runs(element, pieces, style)
            elif tag in (f"{W}del", f"{W}moveFrom"):
                self.counts.deletions += 1
            elif tag == f"{W}fldSimple":
                instruction = element.get(f"{W}instr", "").strip().upper()
                if not instruction.startswith("TOC"):
                    self._runs(element, pieces, style)
            elif tag == f"{MC}AlternateContent":
                if len(element):
                    self._runs(element[0], pieces, style)
            elif tag not in NOT_CONTENT:
                self._runs(element, pieces, style)  # smartTag, sdt, dir, bdo ...: content

    def _run(self, run, style: tuple[bool, bool]) -> str:
        rpr = run.find(f"{W}rPr")
        bold, italic, underline, superscript = style[0], style[1], False, False
        if rpr is not None:
            if rpr.find(f"{W}b") is not None:
                bold = _on(rpr.find(f"{W}b"))
            if rpr.find(f"{W}i") is not None:
                italic = _on(rpr.find(f"{W}i"))
            u = rpr.find(f"{W}u")
            underline = u is not None and u.get(f"{W}val", "single") != "none"
            align = rpr.find(f"{W}vertAlign")
            superscript = align is not None and align.get(f"{W}val") == "superscript"
            if _on(rpr.find(f"{W}vanish")):
                return ""
        text = []
        for child in run:
            tag = child.tag
            if tag == f"{W}fldChar":
                self._field_char(child.get(f"{W}fldCharType", ""))
            elif tag == f"{W}instrText":
                if self.fields:
                    self.fields[-1].instruction += child.text or ""
            elif self._hidden_by_field():
                continue
            elif tag == f"{W}t":
                text.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}ptab", f"{W}cr"):
                text.append(" ")
            elif tag == f"{W}br":
                text.append(" " if child.get(f"{W}type", "textWrapping") == "textWrapping" else "")
            elif tag == f"{W}noBreakHyphen":
                text.append("-")
            elif tag == f"{W}sym":
                text.append(chr(int(child.get(f"{W}char", "20"), 16) % 0xF000 or 0x20))
            elif tag in (f"{W}drawing", f"{W}pict", f"{MC}AlternateContent"):
                self._text_boxes(child)
            elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                kind = "footnote" if tag == f"{W}footnoteReference" else "endnote"
                text.append(f"[^{self._note_label(kind, child.get(f'{W}id', ''))}]")
                superscript = False
        joined = "".join(text)
        if superscript and joined.strip():
            return joined  # a mark set by hand; footnote marks are references above
        return emphasise(joined, bold, italic, underline)

    def _text_boxes(self, element) -> None:
        """Text in a shape or text box, read once (of an AlternateContent, its Choice)."""
        if element.tag == f"{MC}AlternateContent":
            element = element[0] if len(element) else element
        for box in element.iter(f"{W}txbxContent"):
            for paragraph in box.iter(f"{W}p"):
                text = self._inline(paragraph, [])
                if text.strip():
                    self.text_boxes.append(text)

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            self.fields[-1].in_result = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _hidden_by_field(self) -> bool:
        """Field codes are never shown; a table of contents' result is dropped too."""
        return any(not f.in_result for f in self.fields)

    # notes

    def _note_label(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self.note_labels:
            count = sum(1 for k, _ in self.note_labels if k == kind) + 1
            self.note_labels[key] = str(count) if kind == "footnote" else roman(count).lower()
        return self.note_labels[key]

    def _footnotes(self) -> None:
        for (kind, note_id), label in self.note_labels.items():
            note = self.notes[kind].get(note_id)
            if note is None:
                continue
            texts = []
            for paragraph in note.iter(f"{W}p"):
                for mark in paragraph.iter(f"{W}r"):
                    for ref in mark.findall(f"{W}{kind}Ref"):
                        mark.remove(ref)
                texts.append(self._inline(paragraph, []))
            self.layout.place = f"{kind} {label}"
            self.layout.footnote(label, " ".join(texts))
