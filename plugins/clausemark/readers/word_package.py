"""A Word package opened as Word and LibreOffice open it, and its XML read safely.

- The main part is the target of the package's officeDocument relationship
  (`_rels/.rels`), not a fixed name; the parts it uses (styles, numbering, footnotes,
  endnotes, comments, hyperlinks) are found through its own relationships.
- Strict Open XML (ISO/IEC 29500 Strict, namespaces under http://purl.oclc.org/ooxml/)
  is read as the transitional form: the namespace declarations are translated as the
  bytes stream in, so the reader knows one vocabulary.
- An encrypted (password-protected) file is an OLE compound file holding an
  "EncryptedPackage" stream; it is named as such, not as an old-format .doc.
- XML is parsed by lxml with no entity resolution, no network, no DTD (a part that
  declares one is refused: Word never writes one) and libxml2's size limits on. The
  body is read as a stream: its blocks are handed over as they complete and freed, so
  memory stays flat however long the document (see bench/bench_readers.py).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from lxml import etree

from ..support.limits import check
from .text import SourceError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # a directory entry's name
MAX_UNPACKED = 512 * 1024 * 1024  # a zip bomb is refused before it is unpacked
MAX_RELATIONSHIPS_PART = 8 * 1024 * 1024
# a damaged zip or deflate stream
ZIP_ERRORS = (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, zlib.error)
_MOST_LOOKED = 50  # symbol-font styles looked for in the body (more: the first 50)
CHUNK = 1 << 20  # bytes of the body parsed between two hand-overs of its blocks

# Strict -> transitional, only in a namespace declaration (xmlns="..." or xmlns:p="...")
# inside a start tag, so that no text of the document is ever changed (text cannot hold
# an unescaped '<', so a span from '<' to '>' without either inside is a tag).
_TAG_WITH_STRICT = re.compile(rb"<[^<>]*http://purl\.oclc\.org/ooxml/[^<>]*>")
_STRICT_NAMESPACE = re.compile(
    rb"""(\sxmlns(?::[A-Za-z_][\w.-]*)?\s*=\s*["'])http://purl\.oclc\.org/ooxml/"""
    rb"""(wordprocessingml/main|officeDocument/relationships)(?=["'])"""
)
_TRANSITIONAL = {
    b"wordprocessingml/main": b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"officeDocument/relationships": (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
}
MAX_HELD_TAG = 1 << 20  # a start tag longer than this is passed on as it is

# Empty elements of the body that only lay out or proof the text (fonts, sizes, colours,
# spacing, borders, proofing marks), which the reader never reads: most of
# a real body's elements (POI's bug59058.docx: 60%). Cut from the bytes before libxml2
# sees them, the body parses in about half the time. Only whole empty tags
# ('<w:sz w:val="24"/>') are cut: text cannot hold a raw '<', nor an attribute value,
# so such a span is always markup, except inside a CDATA section (Word never writes
# one): from the first '<![CDATA[' of a part on, nothing is cut. A tag cut in two by a
# chunk's end is left whole. tests/readers/test_word_reader.py checks that the reader
# names none of them.
UNREAD_EMPTY = [
    *("sz", "szCs", "color", "lang", "spacing", "jc", "ind", "kern", "noProof"),
    *("bCs", "iCs", "shd", "proofErr", "lastRenderedPageBreak", "tcW", "top", "left"),
    *("bottom", "right", "start", "end", "insideH", "insideV", "vAlign", "hideMark"),
    *("gridCol", "tblW", "tblInd", "tblLayout", "tblCellSpacing", "webHidden"),
    *("keepNext", "keepLines", "widowControl", "contextualSpacing", "snapToGrid"),
    *("position", "w", "highlight", "bookmarkEnd", "cantSplit", "trHeight"),
    *("tblStyle", "rStyle"),
]
# A run's fonts are cut too, but for a symbol font's (Symbol, Wingdings ...): text typed
# in one shows that font's glyphs (readers/word_symbols.py), so the reader reads it. Word
# and LibreOffice write w:ascii first, then w:hAnsi: a check of those two costs nothing,
# where a search of every rFonts tag's attributes doubled the cut's time.
_SYMBOL_FONT = (
    rb'(?!(?: w:ascii="[^"<>]*")? w:(?:ascii|hAnsi)="'
    rb"(?:Symbol|Wingdings|Webdings|Marlett|MT Extra|Zapf ?Dingbats))"
)
_UNREAD = re.compile(
    rb"<w:(?:"
    + "|".join(UNREAD_EMPTY).encode()
    + rb"|rFonts"
    + _SYMBOL_FONT
    + rb")(?=[\s/])[^<>]*/>"
)
# When a style sets a symbol font (word_symbols.styles_set_symbol_fonts), a run's
# character style and its own text font decide whether its text shows glyphs: both kept.
KEPT_FOR_SYMBOL_STYLES = {"rStyle"}  # and every rFonts
_UNREAD_FONTS_KEPT = re.compile(
    rb"<w:(?:"
    + "|".join(name for name in UNREAD_EMPTY if name not in KEPT_FOR_SYMBOL_STYLES).encode()
    + rb")(?=[\s/])[^<>]*/>"
)
# then the property holders those leave empty ('<w:rPr></w:rPr>')
_EMPTIED = re.compile(
    rb"<w:(rPr|pPr|tcPr|trPr|tblPr|tcBorders|tcMar|tblCellMar|tblBorders)></w:\1>"
)
_CDATA = b"<![CDATA["
STRICT_ROOT = b"http://purl.oclc.org/ooxml/"
STRICT_SNIFF = 1 << 16
_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
    "remove_comments": True,
    "remove_pis": True,
}


def _translate(data: bytes) -> bytes:
    def declarations(tag: re.Match) -> bytes:
        return _STRICT_NAMESPACE.sub(lambda m: m[1] + _TRANSITIONAL[m[2]], tag[0])

    return _TAG_WITH_STRICT.sub(declarations, data)


def _unpacked(stream: IO[bytes], part: str) -> Iterator[bytes]:
    """A part's bytes as they are unpacked, counted: past the limit it is refused there,
    whatever size the zip's own (forgeable) fields give it (support/limits.py)."""
    size = 0
    while data := stream.read(CHUNK):
        size = check("zip_member_bytes", size + len(data), part)
        yield data


def read_member(package: zipfile.ZipFile, name: str) -> bytes:
    """A whole (small) part, read through `_unpacked`: never more than the limit."""
    with package.open(name) as stream:
        return b"".join(_unpacked(stream, name))


def _chunks(stream: IO[bytes], part: str = "", keep_fonts: bool = False) -> Iterator[bytes]:
    """The part's bytes in chunks, Strict namespaces translated: whatever follows the
    last '<' of a chunk (a tag perhaps cut in two) waits for the next chunk. Whether the
    part is Strict is told by its first 64 KB (the root declares the namespaces)."""
    unread = _UNREAD_FONTS_KEPT if keep_fonts else _UNREAD
    yield from _cut_unread(_strict_translated(stream, part), unread)


def _cut_unread(chunks: Iterator[bytes], unread: re.Pattern = _UNREAD) -> Iterator[bytes]:
    """The chunks without the empty tags the reader never reads (UNREAD_EMPTY), until
    a CDATA section opens (its text may hold anything, '<' too)."""
    tail = b""
    cutting = True
    for data in chunks:
        if cutting and _CDATA in tail + data[: len(_CDATA)] or _CDATA in data:
            cutting = False
        tail = data[-len(_CDATA) :]
        yield _EMPTIED.sub(b"", unread.sub(b"", data)) if cutting else data


def _strict_translated(stream: IO[bytes], part: str) -> Iterator[bytes]:
    pending = b""
    strict = None
    for data in _unpacked(stream, part):
        pending += data
        if strict is None:
            if len(pending) < STRICT_SNIFF:
                continue
            strict = STRICT_ROOT in pending
        if not strict:
            yield pending
            pending = b""
            continue
        cut = pending.rfind(b"<")
        if cut == -1 or len(pending) - cut > MAX_HELD_TAG:
            cut = len(pending)
        if cut:
            yield _translate(pending[:cut])
            pending = pending[cut:]
    if pending:
        yield _translate(pending) if strict or STRICT_ROOT in pending else pending


def _refuse_dtd(tree, path: str, part: str) -> None:
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise SourceError(
            path, f"the Word document's {part} declares a DTD, which Word never writes; refused"
        )


# libxml's own limits, which a hostile file reaches and Word never does, said in words a
# clerk can act on (libxml's advice, "use XML_PARSE_HUGE", is for programmers).
_XML_LIMITS = (
    ("Excessive depth", "nests its elements more than 256 deep (Word never does)"),
    ("amplification", "has entities that multiply its text (Word never writes any)"),
    ("entity reference loop", "has entities that refer to themselves"),
    ("limit exceeded", "holds one piece of text or markup too large to read"),
    ("huge text node", "holds one piece of text too large to read"),
)


def xml_error_words(error: Exception, part: str | None = None) -> str:
    """What is wrong with a part that is not XML the reader can read, after "the Word
    document ...": a limit of the XML parser in plain words, else "is damaged (bad XML)"."""
    # lxml's `msg` is str(error) without "(<string>, line 1)", no place in the user's file
    message = getattr(error, "msg", None) or str(error)
    where = f" ({part})" if part else ""
    for found, words in _XML_LIMITS:
        if found in message:
            return f"{words}{where}; refused"
    inside = f"{part}: " if part else ""
    return f"is damaged ({inside}bad XML: {message})"


def parse_part(data: bytes, path: str, part: str):
    """A small part (styles, numbering, notes, relationships) as a tree."""
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(_translate(data), parser)
    except etree.XMLSyntaxError as error:
        raise SourceError(path, f"the Word document {xml_error_words(error, part)}") from None
    _refuse_dtd(root.getroottree(), path, part)
    return root


@dataclass
class Package:
    """The parts a reader needs, by role; the main part is read as a stream."""

    path: str
    zip: zipfile.ZipFile
    main: str  # the main document part's name in the zip
    parts: dict[str, Any] = field(default_factory=dict)  # role -> parsed root (lxml)
    hyperlinks: dict[str, str] = field(default_factory=dict)  # relationship id -> URL
    # the page headers and footers ("header"/"footer", parsed root), in the order named
    margins: list[tuple[str, Any]] = field(default_factory=list)
    # a chart's or SmartArt diagram's part by relationship id (read when a drawing names it)
    drawings: dict[str, str] = field(default_factory=dict)
    drawn: set[str] = field(default_factory=set)  # those parts read
    keep_fonts: bool = False  # a style sets a symbol font: runs' fonts and styles kept

    def drawn_words(self, drawing) -> list[str]:
        """The words of each chart and SmartArt diagram a drawing holds (their parts'),
        and of WordArt (a VML text path's string): a picture on the page, not text."""
        found = []
        for data in drawing.iter(_GRAPHIC_DATA):
            for ref in data.iter(_DIAGRAM_IDS, _CHART):
                found.append(self.drawing_words(ref.get(f"{R}dm") or ref.get(f"{R}id") or ""))
        found += [path.get("string") or "" for path in drawing.iter(_TEXT_PATH)]
        return [" ".join(words.split()) for words in found if words.strip()]

    def drawing_words(self, rel_id: str) -> str:
        """The words a chart or SmartArt diagram shows (its a:t and c:v texts), or '';
        each part read once: a part drawn again gives '' (its words are listed once)."""
        name = self.drawings.pop(rel_id, None)
        if name is None or name in self.drawn:
            return ""
        self.drawn.add(name)
        try:
            root = parse_part(read_member(self.zip, name), self.path, name)
        except (SourceError, *ZIP_ERRORS, OSError, ValueError, RuntimeError):
            return ""  # a damaged drawing: its words are not known, the text is read on
        texts = (e.text or "" for e in root.iter(f"{_A}t", f"{_C}v"))
        return " ".join(" ".join(texts).split())

    def main_uses_styles(self, style_ids: list[str]) -> bool:
        """Whether the main part names one of these styles (w:pStyle or w:rStyle), by a
        look through its bytes as they unpack (a few hundredths of a second a 68 MB
        body), before the body is parsed."""
        needles = [f'Style w:val="{style_id}"'.encode() for style_id in style_ids[:_MOST_LOOKED]]
        overlap = max(map(len, needles), default=0)
        tail = b""
        try:
            with self.zip.open(self.main) as stream:
                for data in _unpacked(stream, self.main):
                    window = tail + data
                    if any(needle in window for needle in needles):
                        return True
                    tail = window[-overlap:]
        except (*ZIP_ERRORS, OSError, RuntimeError):
            return True  # read as the body is, which says what is wrong
        return False

    def body_blocks(self, handle: Callable[[object], None]) -> bool:
        """Hand each child of the body to `handle` as it completes, then free it.
        False when the main part has no body."""
        parser = etree.XMLPullParser(events=("start",), tag=f"{W}body", **_PARSER_OPTIONS)
        body = None
        checked = False
        blocks = 0  # the body's paragraphs and tables handed over so far
        try:
            with self.zip.open(self.main) as stream:
                for chunk in _chunks(stream, self.main, self.keep_fonts):
                    parser.feed(chunk)
                    for _event, element in parser.read_events():
                        body = element if body is None else body
                    if not checked and body is not None:
                        _refuse_dtd(body.getroottree(), self.path, "main part")
                        checked = True
                    if body is not None and len(body) > 1:
                        done = len(body) - 1  # the last child may still be open
                        blocks = check("paragraphs", blocks + done, self.main)
                        _hand_over(body, done, handle)
                root = parser.close()
        except etree.XMLSyntaxError as error:
            raise SourceError(self.path, f"the Word document {xml_error_words(error)}") from None
        except (
            zipfile.BadZipFile,
            EOFError,
            zipfile.LargeZipFile,
            OSError,
            RuntimeError,
            zlib.error,
        ) as error:
            raise SourceError(
                self.path, f"the Word document is damaged or truncated ({error})"
            ) from None
        if body is None:
            return False
        if not checked:
            _refuse_dtd(root.getroottree(), self.path, "main part")
        _hand_over(body, len(body), handle)
        return True


def _hand_over(body, count: int, handle: Callable[[object], None]) -> None:
    """Hand the body's first `count` children to `handle`, then free them. No Python
    object may still refer to one when it goes: lxml frees such a node at once, but
    moves one still referred to into a document of its own, in time growing with the
    square of its descendants (one paragraph of 100,000 runs: 6 s; a loop variable left
    on the last child was enough). The children are walked, never indexed: lxml finds
    `body[i]` by stepping from the first child, so indexing each of a chunk's 170,000
    empty paragraphs took 12 s for 80,000 and 93 s for 160,000."""
    for handed, element in enumerate(body):
        if handed == count:
            break
        handle(element)
    element = None  # noqa: F841 (the loop's last child, released before the cut)
    del body[:count]


def _is_encrypted(raw: bytes) -> bool:
    return raw.startswith(OLE_SIGNATURE) and ENCRYPTED_STREAM in raw


def _target(source_part: str, target: str) -> str:
    """A relationship's target as a part name in the zip (no leading '/')."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target)).lstrip("/")


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


_PART_ROLES = ("styles", "numbering", "footnotes", "endnotes", "comments")
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_GRAPHIC_DATA, _CHART = f"{_A}graphicData", f"{_C}chart"
_DIAGRAM_IDS = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
_TEXT_PATH = "{urn:schemas-microsoft-com:vml}textpath"


def _named_twice(infos: list[zipfile.ZipInfo]) -> str:
    """The first part name (any case) that a package holds twice."""
    seen: set[str] = set()
    for info in infos:
        if info.filename.lower() in seen:
            return info.filename
        seen.add(info.filename.lower())
    return ""


def open_package(raw: bytes, path: str) -> Package:
    if _is_encrypted(raw):
        raise SourceError(
            path,
            "the Word document is password-protected (encrypted); open it in Word, "
            "remove the password (File > Info > Protect Document) and save it again",
        )
    if raw.startswith(OLE_SIGNATURE):
        raise SourceError(
            path,
            "this is an old-format Word .doc (or other OLE) file, not .docx; "
            "open it in Word and save it as .docx",
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
        infos = package.infolist()
        if any(info.flag_bits & 0x1 for info in infos):  # bit 0: the entry is encrypted
            raise SourceError(
                path,
                "the Word document is password-protected (its zip was locked by an archiver, "
                "not by Word); unzip it with its password, or save an unlocked copy from Word",
            )
        if sum(info.file_size for info in infos) > MAX_UNPACKED:
            raise SourceError(path, "the Word document unpacks to more than 512 MB")
        # Part names are case-insensitive in a package (OPC), zip names are not.
        names = {info.filename.lower(): info.filename for info in infos}
        if len(names) < len(infos):
            # Two parts of one name (OPC forbids it): which text is the document's would
            # be a guess, and the other copy's words would be lost unsaid (trial5)
            twice = _named_twice(infos)
            raise SourceError(
                path, f"the Word document is damaged: it holds the part {twice} twice"
            )

        def relationships(part: str) -> list:
            name = names.get(_rels_name(part).lower())
            if name is None:
                return []
            if package.getinfo(name).file_size > MAX_RELATIONSHIPS_PART:
                raise SourceError(path, f"the Word document's {name} is too large")
            return parse_part(read_member(package, name), path, name).findall(f"{REL}Relationship")

        main = None
        for rel in relationships(""):
            kind = rel.get("Type", "")
            if kind.endswith("/officeDocument") and rel.get("TargetMode") != "External":
                main = names.get(_target("", rel.get("Target", "")).lower())
                if main:
                    break
        main = main or names.get("word/document.xml")
        if main is None:
            raise SourceError(path, "not a Word document (the package names no main document part)")
        found = Package(path, package, main)
        seen: set[str] = set()  # header and footer parts read (one part may be named twice)
        for rel in relationships(main):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind == "hyperlink":
                found.hyperlinks[rel.get("Id", "")] = rel.get("Target", "")
            elif kind in ("diagramData", "chart") and rel.get("TargetMode") != "External":
                name = names.get(_target(main, rel.get("Target", "")).lower())
                if name:
                    found.drawings[rel.get("Id", "")] = name
            elif kind in _PART_ROLES and rel.get("TargetMode") != "External":
                name = names.get(_target(main, rel.get("Target", "")).lower())
                if name and kind not in found.parts:
                    found.parts[kind] = parse_part(read_member(package, name), path, name)
            elif kind in ("header", "footer") and rel.get("TargetMode") != "External":
                name = names.get(_target(main, rel.get("Target", "")).lower())
                if name and name not in seen:
                    seen.add(name)
                    found.margins.append((kind, parse_part(read_member(package, name), path, name)))
        return found
    except ZIP_ERRORS:
        raise SourceError(
            path, "the Word document is damaged or truncated (not a valid zip)"
        ) from None
    except (OSError, ValueError, RuntimeError, NotImplementedError) as error:
        raise SourceError(path, f"the Word document cannot be read ({error})") from None


def outermost(root, tag: str) -> Iterator:
    """The elements with `tag` under `root` in document order, not those inside another
    (the walk stops at each one found): every element is visited once. Where there is
    none (most drawings hold no text box), lxml's own look through them says so in C."""
    if next(root.iterdescendants(tag), None) is None:
        return
    stack = list(reversed(root))
    while stack:
        element = stack.pop()
        if element.tag == tag:
            yield element
        else:
            stack.extend(reversed(element))
