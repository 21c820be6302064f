"""Reading raw source files: bytes to text, front matter split off, nothing else.

Council exports arrive as UTF-8, UTF-8 with a byte-order mark, UTF-16 from Word,
or Windows-1252 with smart quotes; with LF, CRLF or CR line ends. Anything we cannot
read becomes a `SourceError` naming the file and, where it applies, the line.
"""

from __future__ import annotations

import codecs
import difflib
import re
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model.document import DATE_FIELDS, FRONT_MATTER_KEYS, OTHER_KEYS, STATUSES
from ..support.dates import LOOKS_LIKE_A_DATE, parse_date
from ..support.escaping import LINE_BREAK
from ..support.limits import LimitError, check, read_within
from ..support.yaml_data import DataError, YamlData, check_mapping, load_yaml, read_text

# Labels that name pages and fill menus and citations: longer is a mistake, not a label.
LIMITS = {"version": 64, "label": 200, "title": 500}

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")


class SourceError(Exception):
    """A source that cannot be converted; str() is the one-line message for the user."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # raised in a child process (support/child_process.py)
        return (type(self), (self.path, self.message, self.line))


@dataclass
class SourceText:
    path: str
    text: str  # body after front matter, LF line ends
    front_matter: dict = field(default_factory=dict)
    first_line: int = 1  # line number in the file of the body's first line
    notes: list[str] = field(default_factory=list)  # how it was decoded, when unusual
    # The reader that made the text (see readers/): in "text" (a .txt file) a backslash
    # is a character as printed; every other reader writes its text as light Markdown
    # (escaping.literal_words), and a Markdown source is Markdown.
    source_format: str = "text"
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message) of the reader
    # (reason, text) a reader left out on purpose: a PDF's running headers, a contents field
    dropped: list[tuple[str, str]] = field(default_factory=list)
    dropped_places: dict[int, str] = field(default_factory=dict)  # index in dropped -> place
    # A line of `text` -> where it is in the file, for formats whose lines are not the
    # file's: "page 3" of a PDF, "paragraph 12" of a Word file, "line 40" of a web page.
    places: dict[int, str] = field(default_factory=dict)
    # Lines of `text` (from 1) that are rows of a table the reader read as one (a web or
    # Word table, a PDF's ruled table): rows whatever their count, never a paragraph.
    table_lines: frozenset[int] = frozenset()
    # Lines that start a block the reader set apart (a row of a one-column table, a list
    # item, a web page's or Word file's paragraph): never the rest of the text above.
    apart_lines: frozenset[int] = frozenset()
    # The first row of each table the reader knows has no header row (a definitions list).
    untitled_lines: frozenset[int] = frozenset()
    # Bullets Word prints beside the numbered item above, at its indent (a list of their
    # own, never that item's: trial11, session 10)
    beside_lines: frozenset[int] = frozenset()
    # each line a web page printed as an item of its list (its marker the browser's, R40)
    list_item_lines: frozenset[int] = frozenset()
    # The first row of each table printed with no row of headings (a web table of <td>
    # cells alone): its words name the columns, but the page shows it as a row.
    plain_first_rows: frozenset[int] = frozenset()
    # A Word bookmark's name -> the line of `text` its paragraph starts (a link to it,
    # "#cm-bookmark-NAME", is made a link to the clause there: parse/bookmarks.py).
    bookmarks: dict[str, int] = field(default_factory=dict)
    # A web page's <title>, the browser tab's words, never shown in the page: read only
    # for what the text does not say (the council, parse/parser._council_in_frame).
    page_title: str | None = None


_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}

# Half of a UTF-16 surrogate pair on its own (a Word symbol "D800", a PDF font's map, a file
# name that is not UTF-8): Python holds it, but no file, cache entry or page can store it.
_UNWRITABLE = re.compile("[\ud800-\udfff]")


def printable_name(name: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 shown as '\\xff'."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("ascii")


def check_name(path: Path, shown: str) -> None:
    """A file whose name is not UTF-8 stops here, before anything tries to store its name."""
    if _UNWRITABLE.search(shown) or _UNWRITABLE.search(path.name):
        raise SourceError(printable_name(shown), "the file name is not UTF-8 text; rename the file")


def check_writable(source: SourceText) -> None:
    """Every character the reader made can be stored: one that cannot (a lone surrogate)
    stops the file with its place, before the build writes anything."""
    found = _UNWRITABLE.search(source.text)
    if found is None:
        for _reason, text in source.dropped:
            if _UNWRITABLE.search(text):
                raise SourceError(source.path, _unwritable(_UNWRITABLE.search(text)))
        return
    line = source.text.count("\n", 0, found.start()) + 1
    place = source.places.get(line)
    if place:
        raise SourceError(f"{source.path} ({place})", _unwritable(found))
    raise SourceError(source.path, _unwritable(found), line + source.first_line - 1)


def _unwritable(found: re.Match | None) -> str:
    code = ord(found.group(0)) if found else 0xD800
    return (
        f"holds U+{code:04X}, half of a UTF-16 surrogate pair on its own, which is not a "
        "character and cannot be stored; correct the source"
    )


def check_text_size(text: str, path: str) -> None:
    """A source's text within the limit every later stage is sized for (one line if not)."""
    try:
        check("text_characters", len(text))
    except LimitError as error:
        raise SourceError(path, error.message) from None


def decode(raw: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes to str, reporting any decoding that a maintainer should know about."""
    if not raw.strip():
        raise SourceError(path, "the file is empty")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            # the mark says the encoding for certain (Word's "Unicode" text): no warning
            return raw.decode("utf-16"), []
        except UnicodeDecodeError as error:
            raise SourceError(path, f"invalid UTF-16 text ({error.reason})") from None
    if b"\x00" in raw[:8192]:
        encoding = _utf16_without_bom(raw)
        if encoding is None:
            line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1  # where a stray one is
            message = (
                "this is a binary file, not text (it contains NUL bytes, the first on this line)"
            )
            raise SourceError(path, message, line)
        try:
            return raw.decode(encoding), [f"decoded as {encoding.upper()} (no byte-order mark)"]
        except UnicodeDecodeError as error:
            raise SourceError(path, f"invalid UTF-16 text ({error.reason})") from None
    try:
        return raw.decode("utf-8-sig"), []  # a mark (Word's UTF-8 text) says it for certain
    except UnicodeDecodeError as error:
        bad = error.start
    line = raw.count(b"\n", 0, bad) + 1
    if _mostly_utf8(raw):
        return _mixed(raw, path)
    if any(b in _CP1252_UNDEFINED for b in raw):
        raise SourceError(
            path,
            f"not UTF-8 (byte 0x{raw[bad]:02x}) and not Windows-1252 either; "
            "save the file as UTF-8 and convert again",
            line,
        )
    text = raw.decode("cp1252")
    return text, [f"not UTF-8 (first odd byte on line {line}); decoded as Windows-1252"]


# A character of UTF-8 beyond ASCII, as no Windows-1252 text writes it but by mojibake.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


_HIGH = bytes(range(0x80, 0x100))


def _mostly_utf8(raw: bytes) -> bool:
    """Whether the text's characters beyond ASCII are mostly UTF-8's: more UTF-8 sequences
    than bytes outside them. A Windows-1252 text may hold a pair that reads as one by
    chance ('CAFÉ’S': 0xC9 0x92 is UTF-8's 'ɒ'), among its many lone bytes (review7 R10)."""
    sequences = length = 0
    for found in _UTF8_SEQUENCE.finditer(raw):
        sequences += 1
        length += found.end() - found.start()
    if not sequences:
        return False
    odd = len(raw) - len(raw.translate(None, _HIGH)) - length
    return sequences > odd


def _mixed(raw: bytes, path: str) -> tuple[str, list[str]]:
    """A UTF-8 text with bytes that are not (a line pasted from a Windows-1252 one): its
    UTF-8 read as UTF-8, each odd byte as Windows-1252. Read whole as Windows-1252, every
    smart quote of the rest would show as three letters ("councillorâ€™s")."""
    odd: list[int] = []
    _ODD.found = odd
    try:
        text = raw.decode("utf-8-sig", errors=_AS_1252)
    except _Undefined as error:  # a byte Windows-1252 does not define either
        at = error.at
        raise SourceError(
            path,
            f"not UTF-8 (byte 0x{raw[at]:02x}) and not Windows-1252 either; "
            "save the file as UTF-8 and convert again",
            raw.count(b"\n", 0, at) + 1,
        ) from None
    lines = sorted({raw.count(b"\n", 0, at) + 1 for at in odd[:_MOST_ODD_NAMED]})
    more = " and more" if len(odd) > _MOST_ODD_NAMED else ""
    shown = ", ".join(str(number) for number in lines) + more
    return text, [
        f"not UTF-8 throughout: the bytes that are not, on line {shown}, read as "
        "Windows-1252, the rest as UTF-8"
    ]


def _as_1252(error: UnicodeError) -> tuple[str, int]:
    """The error handler `_mixed` decodes with: the odd bytes as Windows-1252, noted."""
    assert isinstance(error, UnicodeDecodeError)
    piece = bytes(error.object[error.start : error.end])
    for offset, byte in enumerate(piece):
        if byte in _CP1252_UNDEFINED:
            raise _Undefined(error.start + offset)
    _ODD.found.append(error.start)
    return piece.decode("cp1252"), error.end


class _Undefined(Exception):
    def __init__(self, at: int):
        super().__init__(at)
        self.at = at


_ODD = threading.local()  # the odd bytes' offsets of the decode running in this thread
_AS_1252 = "clausemark-windows-1252"
codecs.register_error(_AS_1252, _as_1252)


_MOST_ODD_NAMED = 5


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the start is NUL, as in mostly
    Latin text that Word saved as UTF-16 without its byte-order mark."""
    sample = raw[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(_BINARY_CONTROL.findall(sample))
    return controls > max(8, len(sample) // 50)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_LINE = re.compile(r"^[A-Za-z_][\w -]*:(\s|$)")


_OPENING = re.compile(r"\A---[ \t]*\n")


def split_front_matter(text: str, path: str) -> tuple[dict, str, int]:
    """Split YAML front matter off when the file clearly has some.

    A leading '---' is also how PDF exports mark a page break, so only a block whose
    first line is a `key:` is treated as front matter; such a block must be closed.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        opening = _OPENING.match(text)
        if opening and _KEY_LINE.match(text[opening.end() :]):
            raise SourceError(path, "front matter opened here is never closed with '---'", 1)
        return {}, text, 1
    if not _KEY_LINE.match(match.group(1)):
        return {}, text, 1
    try:
        data = check_metadata(load_yaml(match.group(1), path, 2, "front matter"), "front matter")
    except DataError as error:
        raise SourceError(error.path, error.message, error.line) from None
    body = text[match.end() :]
    return data, body, text.count("\n", 0, match.end()) + 1


def check_metadata(data: YamlData, what: str) -> dict:
    """Plain values only, and a date field holding a date that exists."""
    values = check_mapping(data, what)
    lines = data.key_lines()
    for key, value in values.items():
        name = key.lower().replace(" ", "_").replace("-", "_")
        field_name = FRONT_MATTER_KEYS.get(name)
        if field_name is None and name not in OTHER_KEYS:
            raise DataError(data.path, _unknown_key(key), lines.get(key))
        if field_name == "status" and str(value).strip().lower() not in STATUSES:
            raise DataError(
                data.path,
                f"'{key}' is '{value}'; it must be {' or '.join(STATUSES)}",
                lines.get(key),
            )
        if field_name in LIMITS and len(str(value)) > LIMITS[field_name]:
            raise DataError(
                data.path,
                f"'{key}' is {len(str(value))} characters long; at most {LIMITS[field_name]}",
                lines.get(key),
            )
        if field_name in DATE_FIELDS and isinstance(value, str | int):
            text = str(value)
            if LOOKS_LIKE_A_DATE.match(text) and parse_date(text) is None:
                raise DataError(data.path, f"'{key}' is not a real date: {text}", lines.get(key))
    return values


def _unknown_key(key: str) -> str:
    """A key no stage reads is a typo ('adoptd'): taken silently, the page would go out
    without what it meant to set."""
    known = sorted({*FRONT_MATTER_KEYS, *OTHER_KEYS})
    close = difflib.get_close_matches(key.lower().replace(" ", "_"), known, n=1, cutoff=0.7)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key '{key}'{hint}; the keys read are {', '.join(known)}"


def read_sidecar(path: Path, display: str) -> dict:
    """Metadata kept beside a source (NAME.yml), so the text itself stays as received."""
    if not path.is_file():
        return {}
    try:
        return check_metadata(load_yaml(read_text(path, display), display), "metadata")
    except DataError as error:
        raise SourceError(error.path, error.message, error.line) from None


def read_source(path: Path | str, display: str | None = None) -> SourceText:
    """A text or Markdown file; readers/ picks the reader for any other format."""
    path = Path(path)
    shown = display or str(path)
    try:
        raw = read_within(path, "source_bytes")
    except OSError as error:
        raise SourceError(shown, f"cannot read the file ({error.strerror})") from None
    except LimitError as error:
        raise SourceError(shown, error.message) from None
    text, notes = decode(raw, shown)
    check_text_size(text, shown)
    if _looks_binary(text):
        raise SourceError(shown, "this looks like a binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x85" in text:  # NEL, Unicode's "next line": a line break inside the block, as U+2028
        text = text.replace("\x85", LINE_BREAK)
    front, body, first_line = split_front_matter(text, shown)
    if not body.strip():
        if not text.strip():
            raise SourceError(shown, "the file is empty")
        raise SourceError(shown, "the file has front matter but no text")
    source = SourceText(shown, body, front, first_line, notes)
    if path.suffix.lower() in MARKDOWN_SUFFIXES:  # Markdown: its backslashes escape
        source.source_format = "markdown"
    return source


# Characters that print nothing, as a web page copied to text carries them ('1\u200b.1'
# unmakes a printed number): a zero-width space, word joiner or byte-order mark anywhere,
# a zero-width (non-)joiner beside a Latin character or space (between two letters of a
# script that joins, Persian or an emoji sequence, it shapes them and stays). Chromium
# prints a joiner into a PDF's text layer ('1\u200d.1'): the PDF reader drops the glyphs
# this finds in a page's text, before it makes lines of them (pdf_extract.py).
ZERO_WIDTH = re.compile(  # the class first, its context after: a fast scan of long text
    "[\u200b-\u200d\u2060\ufeff]"
    "(?:(?<=[\u200b\u2060\ufeff])"  # a space, word joiner or mark: anywhere
    "|(?<![^\x00-\x7f][\u200c\u200d])"  # a (non-)joiner after ASCII or at the start
    "|(?![^\x00-\x7f]))"  # or before ASCII or at the end
)
ZERO_WIDTH_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff"


def zero_width_repair(count: int, where: str) -> tuple[str, str]:
    """The INFO repair told once per file: how many zero-width characters were removed
    and where the first was (a line, page or paragraph)."""
    word = "character" if count == 1 else "characters"
    return (
        "zero-width",
        f"{count:,} zero-width {word} (U+200B, U+FEFF ...; they print nothing) removed, "
        f"the first at {where}",
    )


def without_zero_width(source: SourceText) -> SourceText:
    """`source` without the zero-width characters that print nothing (no printed word
    changes), and the repair that says so. Every reader's text passes here
    (readers.read_source): one home for the rule, whatever the format. The front
    matter's values too: a version '2\u200b.1' is never another than '2.1'."""
    front, in_front = front_without_zero_width(source.front_matter)
    first = ZERO_WIDTH.search(source.text)
    if first is None and not in_front:
        return source
    text, count = ZERO_WIDTH.subn("", source.text)
    if first is None:
        where = "the front matter"
    else:
        line = source.text.count("\n", 0, first.start()) + 1
        where = source.places.get(line) or f"line {line + source.first_line - 1}"
    warnings = [*source.warnings, zero_width_repair(count + in_front, where)]
    return replace(source, text=text, front_matter=front, warnings=warnings)


def front_without_zero_width(value):
    """(value, characters removed) of a front matter value: its strings, keys included."""
    if isinstance(value, str):
        return ZERO_WIDTH.subn("", value)
    if isinstance(value, list):
        pairs = [front_without_zero_width(item) for item in value]
        return [item for item, _ in pairs], sum(count for _, count in pairs)
    if isinstance(value, dict):
        cleaned, total = {}, 0
        for key, item in value.items():
            new_key, key_count = front_without_zero_width(key)
            cleaned[new_key], item_count = front_without_zero_width(item)
            total += key_count + item_count
        return cleaned, total
    return value, 0
