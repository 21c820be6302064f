"""The search index: one entry per clause, written from the document model.

Readers search for an answer and cite it by clause ("Part E Code 3 · 4.8"), so the clause
is the unit of a result: its printed number, its document's short label, the heading it
sits under and its words exactly as the source prints them (items included). Pages that
are not converted documents (glossary, code hubs, the home page) keep the entries
Material's search plugin made from their HTML, as plain text without permalink marks.
The glossary's names, aliases and plain-English synonyms travel with the index, so the
browser can widen a query ("purdah" also finds "pre-election period").

Pure functions over plain data; the MkDocs adapter reads and writes the files.
"""

from __future__ import annotations

import base64
import functools
import json
import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from ..model.document import ClauseRecord, Document
from ..model.records import heading_records, text_records
from ..numbering.anchors import clean_number
from ..numbering.clause_names import (
    CROSS_HEADING,
    Containers,
    citation,
    citation_number,
    counted_number,
    printed_number,
    restarted_containers,
)
from ..parse.metadata import display_title
from ..support.disk_cache import DiskCache
from ..support.markdown_text import plain_text
from ..support.package_files import ASSETS_DIR
from ..support.urls import search_location
from ..support.yaml_data import DataError, load_yaml, load_yaml_file, read_text
from .glossary import Term
from .thesaurus import site_thesaurus, site_words

FORMAT = "clausemark-search"
FORMAT_VERSION = 3  # 3: synonyms' and concepts' names travel as their words (printed_words)


@dataclass(frozen=True)
class SearchEntry:
    """One search result as the browser shows it, and the words it is found by."""

    location: str  # page URL (as MkDocs writes it) and fragment
    title: str  # the first line of a result: "Part E Code 3 · 4.8"
    text: str  # plain text: the clause's own words, items included
    kind: str  # clause | note | section | document | page
    heading: str = ""  # the heading the clause sits under
    document: str = ""  # words that name its document: label, title, council
    number: str = ""  # the clause number to type ("4.8", "46"), counted where not printed
    # the number with its heading's, for an item restarting under it ("6.2" for para 2 of
    # section 6), where its own number is not unique and no clause prints this one (R47)
    cited: str = ""
    items: dict[str, str] = field(default_factory=dict)  # item number -> its anchor
    # where each item's words are in `text`: [item number, start, end], so that search can
    # score an item of a long clause on its own and show it
    spans: list[list] = field(default_factory=list)


_FIELDS = set(SearchEntry.__dataclass_fields__)
_FIELD_ORDER = tuple(SearchEntry.__dataclass_fields__)


def _entry_dict(entry: SearchEntry) -> dict:
    """`dataclasses.asdict` of an entry, its lists and mappings copied one level down (all
    an entry holds), without asdict's deep copy of every value."""
    found: dict = {}
    for name in _FIELD_ORDER:
        value = getattr(entry, name)
        if isinstance(value, dict):
            value = dict(value)
        elif isinstance(value, list):
            value = [list(part) if isinstance(part, list) else part for part in value]
        found[name] = value
    return found


def short_label(document: Document) -> str:
    """How a reader names the document: its title, with its label where the title does
    not already say it ("Member/Officer Relations Protocol (Part 5 Protocol 2)",
    "Part E Code 3 - Protocol on Member/Officer Relations"): documents whose labels look
    alike, or whose titles do, are told apart."""
    meta = document.metadata
    label = (meta.label or "").strip()
    title = display_title(meta.title).strip()
    if not label or label.lower() in title.lower():
        return title or label
    return f"{title} ({label})" if title else label


def searchable_number(record: ClauseRecord) -> str:
    """The number a reader types: as printed without its trailing dot, else the count."""
    return citation_number(record.number, record.anchor)


def shown_number(record: ClauseRecord) -> str:
    """The number in a result's first line: printed, "[12]" for a counted paragraph."""
    if record.number:
        return searchable_number(record)
    if record.kind == "note":
        return "unnumbered"
    number = searchable_number(record)
    return f"[{number}]" if number else ""


def document_words(document: Document) -> str:
    """Words a reader may name the document by, with the council's initials ("EMCCA")."""
    meta = document.metadata
    parts = [meta.label, display_title(meta.title), meta.council, initials(meta.council)]
    return " ".join(part for part in [*parts, meta.document_type] if part)


def initials(name: str | None) -> str:
    """'East Midlands Combined County Authority' -> 'EMCCA' (capitalised words only)."""
    letters = [word[0] for word in re.findall(r"[A-Za-z][\w'-]*", name or "") if word[0].isupper()]
    return "".join(letters) if len(letters) > 1 else ""


def clause_entries(
    document: Document, records: Iterable[ClauseRecord], page_url: str
) -> list[SearchEntry]:
    """One entry per top-level clause and per note, in reading order.

    A clause's items are part of its text (a reader cites "4.8" and reads its items
    with it); their numbers are kept so that "4.8(iii)" can go to the item itself.
    """
    records = list(records)
    children: dict[str, list[ClauseRecord]] = {}
    for record in records:
        if record.parent:
            children.setdefault(record.parent, []).append(record)
    label = short_label(document)
    naming = document_words(document)
    containers = restarted_containers(records, heading_records(document))
    printed = {printed_number(r.number) for r in records if r.number}
    entries = []
    for record in records:
        if record.parent:
            continue
        descendants = list(_descendants(record, children))
        number, cited = _named_number(record, containers, printed)
        text, spans = _text_with_spans(record, descendants)
        entries.append(
            SearchEntry(
                location=f"{page_url}#{record.anchor}",
                title=f"{label} · {number}" if number else label,
                text=text,
                kind=record.kind,
                heading=record.heading or "",
                document=naming,
                number=searchable_number(record),
                cited=cited,
                items=_item_anchors(record, children),
                spans=spans,
            )
        )
    return entries


def _named_number(
    record: ClauseRecord, containers: Containers, printed: set[str]
) -> tuple[str, str]:
    """The number a result shows and the qualified number it is also found by: "4.8" and
    "" for a number unique in its document; "Rule 6, para 2" and "6.2" for para 2 of
    rule 6 where other rules have a para 2 too (the citation's words, R47), "" where a
    clause prints "6.2" itself."""
    container = containers.get((record.document, record.anchor))
    if container is None or not record.number:
        return shown_number(record), ""
    own = printed_number(record.number)
    qualified = f"{container.number}.{own}"
    # a number of its own levels ("13.2" misprinted under 12) gets no "12.13.2"
    cited = "" if "." in own or qualified in printed else qualified.lower()
    return citation(record, lambda _parent: None, containers), cited


def _text_with_spans(
    record: ClauseRecord, descendants: list[ClauseRecord]
) -> tuple[str, list[list]]:
    """The clause's words then its items' (numbered as printed), and where each numbered
    item's own words are in them."""
    parts = [record.text.strip()] if record.text.strip() else []
    spans: list[list] = []
    keys = _item_keys(record, descendants)
    span_of: dict[str, list] = {}
    parent_of = {child.anchor: child.parent for child in descendants}
    position = len(parts[0]) if parts else 0
    for child in descendants:
        words = _numbered_text(child).strip()
        if not words:
            continue
        start = position + (1 if parts else 0)
        parts.append(words)
        position = start + len(words)
        key = keys.get(child.anchor)
        if key:
            span_of[child.anchor] = [key, start, position]
            spans.append(span_of[child.anchor])
        # an item's words include its own items' ("(c) ... for example: (i) ... (ii) ...")
        ancestor = parent_of.get(child.anchor)
        while ancestor in parent_of:
            if ancestor in span_of:
                span_of[ancestor][2] = position
            ancestor = parent_of[ancestor]
    return " ".join(parts), spans


def _item_keys(record: ClauseRecord, descendants: list[ClauseRecord]) -> dict[str, str]:
    """Each numbered item's anchor -> its number as a reader types it after the clause's
    ("a", "b(i)"), the keys of `items`."""
    children: dict[str, list[ClauseRecord]] = {}
    for child in descendants:
        if child.parent:
            children.setdefault(child.parent, []).append(child)
    return {anchor: key for key, anchor in _item_anchors(record, children).items()}


def _numbered_text(record: ClauseRecord) -> str:
    """An item's words with its number as printed ("ii."), as the page shows it."""
    return f"{record.number} {record.text}" if record.number else record.text


def _descendants(record: ClauseRecord, children: Mapping[str, list[ClauseRecord]]):
    for child in children.get(record.anchor, []):
        yield child
        yield from _descendants(child, children)


def _item_anchors(
    record: ClauseRecord, children: Mapping[str, list[ClauseRecord]], prefix: str = ""
) -> dict[str, str]:
    """'a' -> its anchor, and 'b(i)' for an item within item b; an item printed without a
    number (a bullet) by its count in brackets, as its citation names it ("item [2]"):
    '[2]', 'b[2]'. A bullet's key is never typed; with it search scores and shows the
    bullet that answers, as it does a numbered item."""
    found = {}
    for child in children.get(record.anchor, []):
        if child.number:
            number = clean_number(child.number)
            key = f"{prefix}({number})" if prefix else number
        else:
            count = counted_number(child)
            if not count:
                continue
            key = f"{prefix}[{count}]"
        found[key.lower()] = child.anchor
        found.update(_item_anchors(child, children, key))
    return found


def heading_entries(
    document: Document, records: Iterable[ClauseRecord], page_url: str
) -> list[SearchEntry]:
    """The headings: numbered sections, for "section 7", found by number only and shown
    with their title and the words of their first clause (kind "section"); and every
    heading no clause, note or table sits under (one followed straight by another
    heading), found by its own words, which are in no other entry (kind "heading", a
    numbered one found by its number too): every word of a page can be searched."""
    first_text: dict[str, str] = {}
    for record in records:
        if record.heading and not record.parent:
            first_text.setdefault(record.heading, record.text)
    label = short_label(document)
    naming = document_words(document)
    entries = []
    for heading in heading_records(document):
        carried = heading.title in first_text
        if heading.number:
            number = re.sub(r"\.0$", "", heading.number.strip().rstrip("."))
            title = f"{label} · section {number}"
        elif carried:
            continue
        else:
            number, title = "", f"{label} · {CROSS_HEADING}"
        entries.append(
            SearchEntry(
                location=f"{page_url}#{heading.anchor}",
                title=title,
                text=first_text[heading.title] if carried else heading.title,
                kind="section" if carried else "heading",
                heading=heading.title,
                document=naming,
                number=number,
            )
        )
    return entries


def document_entry(document: Document, page_url: str) -> SearchEntry:
    """The document itself, found by its name ("Newcastle protocol", "Appendix 20") and
    its council; not by its first clause's words, which are that clause's own entry (with
    them, a search for the clause listed the page beside it with the same text)."""
    meta = document.metadata
    return SearchEntry(
        location=page_url,
        title=short_label(document),
        text=meta.council or "",
        kind="document",
        heading=display_title(meta.title),
        document=document_words(document),
    )


def footnote_entries(document: Document, page_url: str) -> list[SearchEntry]:
    """Each footnote the source gives, at its place in the page's footnotes (`fn:5`): a
    note cites an Act or explains a term in words no clause holds ("Localism Act 2011,
    section 27"), so it answers on its own, weighted as a note (below clauses)."""
    label = short_label(document)
    naming = document_words(document)
    return [
        SearchEntry(
            location=f"{page_url}#fn:{footnote.label}",
            title=f"{label} · footnote {footnote.label}",
            text=plain_text(footnote.text),
            kind="footnote",
            document=naming,
        )
        for footnote in document.footnotes
        if not footnote.missing and footnote.text.strip()
    ]


EVERYDAY_SYNONYMS = Path(__file__).parent / "search_synonyms.yml"


def everyday_synonyms(path: Path = EVERYDAY_SYNONYMS) -> list[list[str]]:
    """Everyday words for the words constitutions use (package data, see the file)."""
    data = load_yaml_file(path).value or []
    if not isinstance(data, list):
        raise DataError(str(path), "must be a list of groups of words that mean the same")
    return [[str(word) for word in group] for group in data]


EVERYDAY_CONCEPTS = Path(__file__).parent / "search_concepts.yml"


def everyday_concepts(path: Path = EVERYDAY_CONCEPTS) -> list[list[list[str]]]:
    """Everyday words readers ask with -> the words the rules use for that matter (the
    package's file, or a council's own in its format), as [[ask...], [find...]] pairs.
    A file that is not that is refused with one line naming the file and entry's line.
    A text read before is not parsed again (`mkdocs serve` asks on every rebuild)."""
    pairs = _concepts(str(path), read_text(path, str(path)))
    return [[list(ask), list(find)] for ask, find in pairs]


@functools.lru_cache(maxsize=8)
def _concepts(path: str, text: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    data = load_yaml(text, path)
    entries = data.value or []
    if not isinstance(entries, list):
        raise DataError(str(path), "must be a list of entries, each with `ask` and `find`")
    nodes = data.node.value if isinstance(data.node, yaml.SequenceNode) else []
    pairs = []
    for number, entry in enumerate(entries):
        node = nodes[number] if number < len(nodes) else None
        ask = _words(entry, "ask")
        find = _words(entry, "find")
        if ask is None or find is None:
            raise DataError(
                str(path),
                "an entry needs `ask` and `find`, each a list of words",
                data.line_of(node),
            )
        pairs.append((tuple(_as_written(node, "ask", ask)), tuple(_as_written(node, "find", find))))
    return tuple(pairs)


def site_concepts(extra: Path | None = None) -> list[list[list[str]]]:
    """The package's everyday words, then a council's own (`extra`, when it exists)."""
    own = everyday_concepts(extra) if extra is not None and extra.is_file() else []
    return everyday_concepts() + own


def _words(entry: object, key: str) -> list[str] | None:
    value = entry.get(key) if isinstance(entry, dict) else None
    if not isinstance(value, list) or not value:
        return None
    words = [str(word).strip() for word in value if isinstance(word, str | int)]
    return words if len(words) == len(value) and all(words) else None


def _as_written(node: yaml.Node | None, key: str, words: list[str]) -> list[str]:
    """An entry's words as the file spells them: YAML reads `no`, `on` or `0800` as
    something else (false, true, 800), a word list means the word."""
    if not isinstance(node, yaml.MappingNode):
        return words
    for key_node, value_node in node.value:
        if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
            written = [item.value.strip() for item in value_node.value]
            if len(written) == len(words) and all(
                isinstance(item, yaml.ScalarNode) for item in value_node.value
            ):
                return written
    return words


def synonym_groups(terms: Iterable[Term]) -> list[list[str]]:
    """Names that mean the same: a shared glossary entry's term, aliases and synonyms,
    then the everyday words of `search_synonyms.yml`."""
    groups = []
    for term in terms:
        if term.scope is not None:
            continue
        names = list(dict.fromkeys(n.strip() for n in (*term.forms, *term.synonyms)))
        names = [n.strip("'\"‘’“” ") for n in names if n.strip("'\"‘’“” ")]
        if len(names) > 1:
            groups.append(names)
    return groups + everyday_synonyms()


def page_entries(
    material_docs: Iterable[dict], skip_pages: set[str], mark: str
) -> list[SearchEntry]:
    """Material's entries for pages that are not converted documents, as plain text.

    `skip_pages` are page URLs replaced by clause entries; `mark` is the permalink
    text that Material's HTML carries into its entries ("¶"), removed.
    """
    docs = [d for d in material_docs if _page_of(d) not in skip_pages]
    titles = {
        str(d.get("location", "")): _without_mark(html_to_text(str(d.get("title", ""))), mark)
        for d in docs
    }
    entries = []
    for doc in docs:
        location = str(doc.get("location", ""))
        if "kind" in doc:  # an entry of this index already (kept by a dirty build)
            entries.append(SearchEntry(**{k: v for k, v in doc.items() if k in _FIELDS}))
            continue
        page, _, fragment = location.partition("#")
        title = titles[location]
        entries.append(
            SearchEntry(
                location=location,
                # A section of a page reads "Glossary", then "purdah", like a clause.
                title=titles.get(page, title) if fragment else title,
                heading=title if fragment else "",
                text=_without_mark(html_to_text(str(doc.get("text", ""))), mark),
                kind="page",
            )
        )
    return entries


def _page_of(doc: Mapping) -> str:
    return str(doc.get("location", "")).split("#", 1)[0]


def _without_mark(text: str, mark: str) -> str:
    if mark:
        text = text.replace(mark, " ")
    return " ".join(text.split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag, attrs) -> None:
        self.parts.append(" ")

    def handle_endtag(self, tag) -> None:
        self.parts.append(" ")


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def search_index(
    entries: Iterable[SearchEntry],
    material_config: Mapping,
    synonyms: list[list[str]],
    wordnet: Path | None = None,
    concepts: list[list[list[str]]] | None = None,
    disk: DiskCache | None = None,
    vectors_file: Path | None = None,
) -> dict:
    """The index file's content: Material's shape ({config, docs}), clausemark's entries.

    Material's page script hands `config` and `docs` to the search worker unread, so
    the worker (clausemark's) finds its synonyms, and WordNet's lemmas and related words
    cut to the entries' words (when a WordNet folder is given), under `config.clausemark`.
    `disk` keeps the thesaurus of a set of words between builds (site_thesaurus);
    `vectors_file`, the word vectors (the package's, WORD_VECTORS, when not given).
    """
    always = ("location", "text")
    docs = [
        {key: value for key, value in _entry_dict(entry).items() if value or key in always}
        for entry in entries
    ]
    config = dict(material_config)
    own: dict = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "synonyms": [[_printed_name(name) for name in group] for group in synonyms],
    }
    if concepts:
        own["concepts"] = [
            [[_printed_name(name) for name in names] for names in pair] for pair in concepts
        ]
    if wordnet is not None:
        words = site_words(str(doc.get(key, "")) for doc in docs for key in _WORDED)
        own.update(site_thesaurus(wordnet, words, disk))
    vectors = word_vectors(vectors_file or WORD_VECTORS)
    if vectors:
        said = said_words(str(doc.get(key, "")) for doc in docs for key in _WORDED)
        own["vectors"] = site_vectors(vectors, said)
    config["clausemark"] = own
    return {"config": config, "docs": docs}


_WORDED = ("text", "heading", "title", "document")

# Static word vectors distilled from a sentence model (scripts/distil_word_vectors.py; its
# licence in word_vectors.NOTICE): what a word means, so that the worker finds a clause
# that says the reader's everyday words in its own ("rude": courtesy, respect).
WORD_VECTORS = Path(__file__).with_name("word_vectors.json.gz")
VECTORS_FORMAT = "clausemark-word-vectors"


# The committed file is ~1.4 MB compressed, ~4 MB as JSON: a file past these is not it.
VECTORS_MOST_BYTES = 16 * 2**20
VECTORS_MOST_DIMS = 1024
VECTORS_MISSING = (
    "{path}: the search vectors file is missing: search ranks by the words alone (questions "
    "in everyday words find their clause less often); reinstall clausemark"
)


@functools.cache
def word_vectors(path: Path = WORD_VECTORS) -> dict:
    """The committed vectors as the worker reads them: {dims, words (space-separated),
    vectors (base64 int8, a row per word)}; {} when the file is absent (a trimmed
    install: the build says so, VECTORS_MISSING, and search ranks by the words alone).
    A file that is there but not whole (not gzip, cut short, not the format, rows not
    words x dims, past the size bounds) is refused in one line naming it (DataError):
    the worker would otherwise drop meaning silently, or the build end in a traceback."""
    try:
        packed = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise DataError(str(path), f"cannot read the search vectors: {error.strerror}") from None
    if len(packed) > VECTORS_MOST_BYTES:
        raise DataError(str(path), f"not a {VECTORS_FORMAT} file: past {VECTORS_MOST_BYTES} bytes")
    unpack = zlib.decompressobj(wbits=31)  # gzip, read no further than the bound
    try:
        raw = unpack.decompress(packed, VECTORS_MOST_BYTES)
    except zlib.error:
        raise DataError(str(path), f"not a {VECTORS_FORMAT} file: not gzip") from None
    if unpack.unconsumed_tail:
        raise DataError(str(path), f"not a {VECTORS_FORMAT} file: past {VECTORS_MOST_BYTES} bytes")
    if not unpack.eof:
        raise DataError(str(path), f"not a {VECTORS_FORMAT} file: cut short")
    try:
        table = json.loads(raw)
    except (ValueError, RecursionError):  # bad JSON, not UTF-8, or nested past the stack
        raise DataError(str(path), f"not a {VECTORS_FORMAT} file: not JSON") from None
    if not isinstance(table, dict) or table.get("format") != VECTORS_FORMAT:
        raise DataError(str(path), f"not a {VECTORS_FORMAT} file")
    return _checked_vectors(path, table)


def _checked_vectors(path: Path, table: dict) -> dict:
    """The worker's keys of a vectors table, each checked: dims a whole number in bounds,
    words and vectors text, the rows exactly words x dims bytes."""
    dims, words, vectors = table.get("dims"), table.get("words"), table.get("vectors")
    if type(dims) is not int or not 1 <= dims <= VECTORS_MOST_DIMS:
        raise DataError(str(path), f"'dims' must be a whole number from 1 to {VECTORS_MOST_DIMS}")
    if not isinstance(words, str) or not words or not isinstance(vectors, str):
        raise DataError(str(path), "'words' and 'vectors' must be text")
    try:
        rows = base64.b64decode(vectors, validate=True)
    except ValueError:
        raise DataError(str(path), "'vectors' is not base64") from None
    count = len(words.split(" "))
    if len(rows) != count * dims:
        raise DataError(
            str(path), f"{len(rows)} bytes of vectors for {count} words of {dims}: not a row each"
        )
    if "common" in table and type(table["common"]) is not int:
        raise DataError(str(path), "'common' must be a whole number")
    return {key: table[key] for key in ("dims", "words", "vectors", "common") if key in table}


# How many of the vectors' most common English words every site ships (the file puts them
# first: scripts/rank_word_vectors.py), besides its own words: the words a reader may type.
# Measured in the commit that set it (every question set's rankings, the bundle's size).
COMMON_WORDS = 10_000
# The plain endings the worker takes off a word it has no row for (clausemark-search-worker.js
# MEANING_ENDINGS, in its order), each tried as the base, base + "e", base + "y".
MEANING_ENDINGS = ("ies", "es", "s", "ed", "ing", "ly", "er")


def vector_row(word: str, rows: Mapping[str, int]) -> str | None:
    """The word whose row the worker uses for `word` (its `rowOf`): the word itself, else it
    with a plain ending taken off; None when the vectors have neither."""
    if word in rows:
        return word
    for end in MEANING_ENDINGS:
        if len(word) - len(end) < 3 or not word.endswith(end):
            continue
        base = word[: -len(end)]
        for form in (base, base + "e", base + "y"):
            if form in rows:
                return form
    return None


def site_vectors(vectors: Mapping, words: Iterable[str], common: int = COMMON_WORDS) -> dict:
    """The vectors a site can use, in the worker's form: the rows its own words are read by
    (`vector_row`, so a clause's vector is the same as with the whole file) and the file's
    `common` most frequent words (a question's everyday words), in the file's order. Why: the
    whole vocabulary (~22,000 words, with the model's names and places) is most of the
    bundle's search index and of its opening time."""
    dims = int(vectors["dims"])
    listed = str(vectors["words"]).split(" ")
    place = {word: i for i, word in enumerate(listed)}
    wanted = set(listed[: min(common, int(vectors.get("common", len(listed))))])
    wanted.update(row for row in (vector_row(word, place) for word in words) if row)
    rows = base64.b64decode(str(vectors["vectors"]))
    kept = [word for word in listed if word in wanted]
    data = b"".join(rows[place[word] * dims : (place[word] + 1) * dims] for word in kept)
    return {"dims": dims, "words": " ".join(kept), "vectors": base64.b64encode(data).decode()}


# The search worker's word splitting (clausemark-search-worker.js `printedWords`), done
# here for the synonyms' and concepts' names, so that the reader's browser does not split
# thousands of names before the first search (it still accepts a name as one string).
_CURLY = re.compile("[\u2018\u2019\u02bc]")
_CHUNK = re.compile(r"[\s/\u2013\u2014]+")
_ALNUM = re.compile("[a-z0-9]")
_HYPHEN = re.compile("[-\u2010\u2011\u2012]+")
_NOT_WORD = re.compile("[^a-z0-9]")
_POSSESSIVE = re.compile(r"'s$|'$")
# A compound ending in one of these is one word only ("call-in": "callin", never "call").
PARTICLES = ("in", "out", "up", "off", "on", "down", "over", "back", "away")


def _trimmed(word: str) -> str:
    """The word from its first letter or digit to its last (in linear time: a pattern
    anchored at the end would try every position of a long run of punctuation)."""
    first = _ALNUM.search(word)
    if first is None:
        return ""
    last = _ALNUM.search(word[::-1])
    return word[first.start() : len(word) - (last.start() if last else 0)]


def _chunks(text: str) -> list[str]:
    """The text cut where search cuts words (spaces, slashes, dashes), lower case."""
    return _CHUNK.split(_CURLY.sub("'", text.lower()))


def _chunk_words(chunk: str, out: list[str]) -> None:
    """Append the words search reads in one chunk (see printed_words) to `out`."""
    word = _trimmed(_POSSESSIVE.sub("", chunk))
    if not word:
        return
    parts = [part for part in (_NOT_WORD.sub("", p) for p in _HYPHEN.split(word)) if part]
    if len(parts) > 1:
        if parts[-1] not in PARTICLES:
            out.extend(parts)
        out.append("".join(parts))
    elif parts:
        out.append(parts[0])


def printed_words(text: str) -> list[str]:
    """The words search reads in a text, lower case: a hyphenated word gives its parts
    and the whole ("co-opted": co, opted, coopted); one ending in a particle only the
    whole ("call-in": callin)."""
    out: list[str] = []
    for chunk in _chunks(text):
        _chunk_words(chunk, out)
    return out


def said_words(texts: Iterable[str]) -> set[str]:
    """Every word search reads in the texts (printed_words of each), as a set. Each distinct
    chunk is read once: a site says a few thousand words a million times, and reading each
    occurrence was most of the index's build time (0.71 -> ~0.1 CPU s at 10x the example)."""
    chunks: set[str] = set()
    for text in texts:
        chunks.update(_chunks(text))
    out: list[str] = []
    for chunk in chunks:
        _chunk_words(chunk, out)
    return set(out)


@functools.lru_cache(maxsize=1 << 16)  # the same names every build
def _printed_words_of(name: str) -> tuple[str, ...]:
    return tuple(printed_words(name))


def _printed_name(name: str) -> list[str]:
    """A synonym's or concept's name as the words search reads (a fresh list)."""
    return list(_printed_words_of(name))


def build_search_index(
    documents: Iterable[Document],
    page_urls: Mapping[str, str],
    terms: Iterable[Term],
    material_index: Mapping,
    mark: str = "",
    wordnet: Path | None = None,
    concepts: list[list[list[str]]] | None = None,
    disk: DiskCache | None = None,
    vectors_file: Path | None = None,
) -> dict:
    """The whole index: each document (current version) and its clauses, then every
    other page as Material indexed it. `page_urls` maps document id -> page URL;
    `wordnet`, WordNet's folder (see thesaurus.py); `concepts`, everyday words -> the
    rules' words (the package's list when not given); `disk` and `vectors_file`, see
    search_index."""
    entries: list[SearchEntry] = []
    for document in documents:
        url = page_urls.get(document.doc_id)
        if url is None:
            continue
        records = text_records(document, tables=True)  # a table under a heading too
        entries.append(document_entry(document, url))
        entries.extend(clause_entries(document, records, url))
        entries.extend(heading_entries(document, records, url))
        entries.extend(footnote_entries(document, url))
    skip = set(page_urls.values())
    entries.extend(page_entries(material_index.get("docs", []), skip, mark))
    config = material_index.get("config", {})
    concepts = everyday_concepts() if concepts is None else concepts
    groups = synonym_groups(terms)
    return search_index(entries, config, groups, wordnet, concepts, disk, vectors_file)


def merge_search_index(
    before: dict | None, after: dict, built: dict[str, set[str]], pages: set[str]
) -> dict:
    """The search index of a dirty build: the entries for the pages just built (and, of
    those, only sections whose ids the page still has), and the earlier build's entries
    for every other page that still exists. `built` maps each page built to its ids.

    (Material keeps only one rebuilt page's entries up to date, and only in one `serve`.)
    """

    def page_of(entry: dict) -> str:
        return search_location(str(entry.get("location", "")).split("#", 1)[0])

    def current(entry: dict) -> bool:
        location = str(entry.get("location", ""))
        return "#" not in location or location.split("#", 1)[1] in built[page_of(entry)]

    kept = [e for e in (before or {}).get("docs", []) if page_of(e) not in built]
    fresh = [e for e in after.get("docs", []) if page_of(e) in built and current(e)]
    entries = {e.get("location"): e for e in kept + fresh if page_of(e) in pages}
    return {**after, "docs": list(entries.values())}


ASSETS = ASSETS_DIR
# clausemark's part of the clause search worker; lunr goes before it.
SEARCH_WORKER = ASSETS / "clausemark-search-worker.js"


def search_worker_script(lunr: Path) -> str:
    """The worker Material's search page runs, as one script: `lunr` (lunr.js 2.3.9: the
    adapter names the copy MkDocs ships), then clausemark's worker (FileNotFoundError
    names a missing part)."""
    parts = (lunr, SEARCH_WORKER)
    for path in parts:
        if not path.is_file():
            raise FileNotFoundError(2, "missing", str(path))
    return "\n".join(path.read_text(encoding="utf-8") for path in parts)
