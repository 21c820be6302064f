"""The glossary: terms from a data file and terms the documents define for themselves.

A reader who meets "the Section 151 Officer" or "purdah" should be one click from a
plain-English definition. `load_glossary` reads the shared glossary, `find_defined_terms`
picks up the definitions a document makes itself ('known as "purdah"'), and `TermMatcher`
finds every use of any of them in clause text with one compiled regex per document, so a
build of thousands of clauses never loops over terms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ..support.limits import LimitError, most
from ..support.urls import slugify
from ..support.yaml_data import DataError, check_plain, load_yaml, read_text

# Single words that appear in nearly every sentence of a protocol: a link on each would
# drown the useful ones. They stay in the glossary but are never linked from the shared
# glossary; a document that defines one of them itself still gets it linked.
GENERIC_WORDS = frozenset(
    {
        "authority",
        "chair",
        "chairman",
        "committee",
        "council",
        "councillor",
        "decision",
        "employee",
        "group",
        "manager",
        "meeting",
        "member",
        "officer",
        "policy",
        "protocol",
        "report",
        "staff",
        "sub-committee",
    }
)

_ENTRY_KEYS = {
    "term",
    "aliases",
    "synonyms",
    "definition",
    "source",
    "see_also",
    "case_sensitive",
    "link",
    "only_with",
}
_QUOTES = "'\"‘’“”"
_OPEN_QUOTE = "[\"“'‘]"
_CLOSE_QUOTE = "[\"”'’]"
_HYPHENS = "-‐‑"
_CONNECTORS = {"of", "for", "to", "on", "in", "at", "under"}
_MINOR_WORDS = {"of", "and", "the", "for", "to", "in", "on", "&"}
_WORD_BEFORE = r"(?<![\w\-‐‑])"
_WORD_AFTER = r"(?![\w\-‐‑])"
_SPACE = r"[\s\u00a0]+"
# An abbreviation's full name is looked for only in this many characters before it, and
# a run of capitals longer than ABBREVIATION_LIMIT is not taken for an abbreviation: a
# clause of a thousand "(OO)" must not re-read everything before each one.
ABBREVIATION_LIMIT = 12
EXPANSION_WINDOW = 2000


class GlossaryError(ValueError):
    """A malformed glossary file; the message names the file, line and entry."""


@dataclass(frozen=True)
class Term:
    """A defined term: from the shared glossary (scope None) or from one document.

    A document's own definition records the document (`scope`), the clause that makes it
    (`anchor`) and the defining sentence as its `definition`; `refers_to` is the full name
    an abbreviation stands for ("Freedom of Information" for "FOI").
    """

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    source: str | None = None
    see_also: tuple[str, ...] = ()
    case_sensitive: bool = False
    link: bool = True
    scope: str | None = None
    anchor: str | None = None
    refers_to: str | None = None
    # Words one of which the clause must name for the term to be in its defined sense
    # ("exempt" beside the statutory "confidential information"); empty: any clause.
    only_with: tuple[str, ...] = ()
    # Plain-English words a reader may search with; never linked (search.py reads them).
    synonyms: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)

    @cached_property  # asked for at every use of the term on every page
    def slug(self) -> str:
        return term_slug(self.term)

    @cached_property
    def key(self) -> str:
        """Unique across the glossary and every document: the same text in two scopes differs."""
        return f"{self.scope}/{self.slug}" if self.scope else self.slug


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: Term


def term_slug(text: str) -> str:
    """'Members' Code of Conduct' -> 'members-code-of-conduct', usable as an HTML id."""
    return slugify(text, drop_apostrophes=True)


def normalise_form(form: str) -> str:
    """The comparison key of a name: case, quotes, apostrophes and spacing do not count."""
    stripped = "".join(ch for ch in form.casefold() if ch not in _QUOTES)
    return " ".join(re.sub(f"[{_HYPHENS}]", "-", stripped).split())


def is_generic_form(form: str) -> bool:
    """True for a single everyday word such as 'Members' or "officer's"."""
    word = re.sub(r"['’]s?$", "", normalise_form(form))
    if " " in word:
        return False
    return word in GENERIC_WORDS or (word.endswith("s") and word[:-1] in GENERIC_WORDS)


# --- loading ---------------------------------------------------------------------------


def load_glossary(path: str | Path) -> list[Term]:
    """Read and check a glossary file: a YAML list of {term, aliases, definition, source}.

    Parsed once per text (a build reads it twice, `mkdocs serve` on every save)."""
    try:
        text = read_text(Path(path), str(path))
    except DataError as error:
        raise GlossaryError(str(error)) from None
    return list(_glossary_terms(str(path), text))


@lru_cache(maxsize=4)
def _glossary_terms(path: str, text: str) -> tuple[Term, ...]:
    """The terms of a glossary's text (Terms are frozen: the same ones serve every read)."""
    try:
        loaded = load_yaml(text, path)
    except DataError as error:
        raise GlossaryError(str(error)) from None
    data, root = loaded.value, loaded.node
    if not isinstance(data, list) or root is None:
        raise GlossaryError(f"{path}: the glossary must be a YAML list of entries")
    if len(data) > most("glossary_terms"):
        raise GlossaryError(f"{path}: {LimitError('glossary_terms', len(data))}")

    terms: list[Term] = []
    owners: dict[str, str] = {}
    for index, (entry, node) in enumerate(zip(data, root.value, strict=True), start=1):
        where = f"{path}:{node.start_mark.line + 1}"
        try:
            for key, value in entry.items() if isinstance(entry, dict) else ():
                check_plain(value, str(path), node.start_mark.line + 1, str(key))
        except DataError as error:
            raise GlossaryError(str(error)) from None
        term = _entry_to_term(entry, index, where)
        label = f"{where}: glossary entry '{term.term}'"
        for form in term.forms:
            key = normalise_form(form)
            if key in owners:
                owner = owners[key]
                already = "this entry" if owner == term.term else f"entry '{owner}'"
                raise GlossaryError(f"{label}: '{form}' is already used by {already}")
            owners[key] = term.term
        terms.append(term)

    known = {normalise_form(term.term) for term in terms}
    for term, node in zip(terms, root.value, strict=True):
        for other in term.see_also:
            if normalise_form(other) not in known:
                where = f"{path}:{node.start_mark.line + 1}"
                raise GlossaryError(
                    f"{where}: glossary entry '{term.term}': see_also names '{other}', "
                    "which is not a term in the glossary"
                )
    return tuple(terms)


def _entry_to_term(entry: object, index: int, where: str) -> Term:
    if not isinstance(entry, dict):
        raise GlossaryError(
            f"{where}: glossary entry {index}: expected a mapping with 'term' and 'definition'"
        )
    name = entry.get("term")
    if not isinstance(name, str) or not name.strip():
        raise GlossaryError(f"{where}: glossary entry {index}: missing 'term'")
    label = f"{where}: glossary entry '{name}'"
    unknown = sorted(set(entry) - _ENTRY_KEYS, key=str)
    if unknown:
        allowed = ", ".join(sorted(_ENTRY_KEYS))
        raise GlossaryError(f"{label}: unknown key '{unknown[0]}' (allowed: {allowed})")
    definition = entry.get("definition")
    if not isinstance(definition, str) or not definition.strip():
        raise GlossaryError(f"{label}: missing 'definition'")
    source = entry.get("source")
    if source is not None and not isinstance(source, str):
        raise GlossaryError(f"{label}: 'source' must be text")
    flags = {}
    for flag in ("case_sensitive", "link"):
        if flag in entry and not isinstance(entry[flag], bool):
            raise GlossaryError(f"{label}: '{flag}' must be true or false")
        flags[flag] = entry.get(flag, flag == "link")
    return Term(
        term=name.strip(),
        definition=" ".join(definition.split()),
        aliases=_string_list(entry, "aliases", label),
        source=" ".join(source.split()) if source else None,
        see_also=_string_list(entry, "see_also", label),
        only_with=_string_list(entry, "only_with", label),
        synonyms=_string_list(entry, "synonyms", label),
        **flags,
    )


def _string_list(entry: dict, key: str, label: str) -> tuple[str, ...]:
    values = entry.get(key) or []
    if not isinstance(values, list) or not all(
        isinstance(value, str) and value.strip() for value in values
    ):
        raise GlossaryError(f"{label}: '{key}' must be a list of names")
    return tuple(value.strip() for value in values)


# --- definitions made by the documents themselves ---------------------------------------

_NAME = rf"(?P<name>[^{_QUOTES}()\n.;:]{{1,80}}?)"
_DEFINITION_PATTERNS = (
    # together referred to ... as "Members"; commonly referred to as the 'need to know'
    # principle; known as 'purdah'; (often referred to as 'Councillors)  <- unclosed quote
    re.compile(
        rf"\b(?:referred\s+to|known)\b[^.;:(){_QUOTES}]{{0,80}}?\bas\s+(?:the\s+)?"
        rf"{_OPEN_QUOTE}(?:the\s+)?{_NAME}(?:{_CLOSE_QUOTE}|(?=\)))",
        re.IGNORECASE,
    ),
    # (hereafter 'the Council'); hereinafter referred to as "the Act"
    re.compile(
        rf"\bhere(?:in)?after(?:\s+(?:called|known\s+as))?[\s,]+(?:the\s+)?"
        rf"{_OPEN_QUOTE}(?:the\s+)?{_NAME}{_CLOSE_QUOTE}",
        re.IGNORECASE,
    ),
    # ... Borough Council ("the Council")
    re.compile(
        rf"\(\s*(?:the\s+)?{_OPEN_QUOTE}(?:the\s+)?{_NAME}{_CLOSE_QUOTE}\s*\)", re.IGNORECASE
    ),
    # "Member" means ...; 'Officer' includes ...
    re.compile(
        rf"{_OPEN_QUOTE}{_NAME}{_CLOSE_QUOTE}\s+"
        r"(?:means|shall\s+mean|includes|has\s+the\s+meaning|refers\s+to)\b",
        re.IGNORECASE,
    ),
)
_ABBREVIATION = re.compile(r"\((?P<name>[A-Z][A-Z0-9&]*[A-Z])s?\)")
_SENTENCE_END = re.compile(rf"[.!?][{_QUOTES})\]]*\s+(?=[{_QUOTES}(\[]*[A-Z0-9])")
_NOT_SENTENCE_END = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|cf|viz|para|paras|no|nos|s|ss|reg|art|sch|pt|vol|p|pp|mr|mrs|ms|dr|"
    r"st|cllr)|\b[A-Z])\.$",
    re.IGNORECASE,
)


def find_defined_terms(doc_id: str, text_blocks: Sequence[tuple[str | None, str]]) -> list[Term]:
    """Terms a document defines itself, scoped to it; the first definition of a name wins.

    `text_blocks` are (anchor, plain text) pairs in reading order. Recognised forms:
    '(together) referred to ... as "X"', "known as 'X'", '(hereafter "X")', '("X")',
    '"X" means ...' and abbreviations such as "Freedom of Information (FOI)".
    """
    found: dict[str, Term] = {}
    for anchor, text in text_blocks:
        ends = None
        for start, name, refers_to in _definitions_in(text):
            key = normalise_form(name)
            if key in found:
                continue
            ends = ends or _sentence_ends(text)
            found[key] = Term(
                term=name,
                definition=_sentence_around(text, start, ends),
                case_sensitive=name[:1].isupper(),
                scope=doc_id,
                anchor=anchor,
                refers_to=refers_to,
            )
    return list(found.values())


# 'In this Code "you" means a member': a code speaking to its reader, not a term to
# explain; linked, every clause's first "You" would carry the same tooltip.
_PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
    ]
)


def _definitions_in(text: str) -> list[tuple[int, str, str | None]]:
    """(position, name, full name for an abbreviation) for each definition, in text order."""
    hits: list[tuple[int, str, str | None]] = []
    for pattern in _DEFINITION_PATTERNS:
        for match in pattern.finditer(text):
            name = " ".join(match["name"].split())
            if name.lower() in _PRONOUNS:
                continue
            if name and len(name.split()) <= 6:
                hits.append((match.start(), name, None))
    for match in _ABBREVIATION.finditer(text):
        if len(match["name"]) > ABBREVIATION_LIMIT:
            continue
        before = text[max(0, match.start() - EXPANSION_WINDOW) : match.start()]
        expansion = _expansion_before(before, match["name"])
        if expansion:
            hits.append((match.start(), match["name"], expansion))
    return sorted(hits, key=lambda hit: hit[0])


def _expansion_before(text: str, abbreviation: str) -> str | None:
    """The shortest run of words just before '(ABC)' whose initials spell ABC, if any."""
    letters = [ch for ch in abbreviation.upper() if ch.isalpha()]
    tail = re.split(r"[,;:.()\[\]\n]", text)[-1]
    words = tail.split()
    for count in range(1, min(len(words), 2 * len(letters) + 1) + 1):
        phrase = words[-count:]
        if phrase[0].lower() in _MINOR_WORDS:
            continue
        if _initials_match(phrase, letters):
            return " ".join(phrase)
    return None


def _initials_match(words: list[str], letters: list[str]) -> bool:
    """Each main word gives its initial in order; minor words ('of', 'and') may or may not.

    Walks the words once, keeping the set of letter positions reachable so far, so a long
    run of minor words costs words x letters steps rather than two ways per minor word.
    """
    reachable = {0}
    for word in words:
        minor = word.lower() in _MINOR_WORDS
        initial = word[0].upper()
        advanced = {k + 1 for k in reachable if k < len(letters) and letters[k] == initial}
        reachable = (reachable | advanced) if minor else advanced
        if not reachable:
            return False
    return len(letters) in reachable


def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence of `text` stops and the next one starts, ignoring stops after
    'e.g.' and the like: found once per text, however many definitions it holds."""
    stops, starts = [], []
    for boundary in _SENTENCE_END.finditer(text):
        stop = boundary.start() + 1
        # Only the last few characters can be an abbreviation: never rescan the text.
        if _NOT_SENTENCE_END.search(text, max(0, stop - 12), stop):
            continue
        stops.append(stop)
        starts.append(boundary.end())
    return stops, starts


def _sentence_around(text: str, position: int, ends=None) -> str:
    """The sentence of `text` that contains `position` (`ends` from `_sentence_ends`)."""
    stops, starts = ends or _sentence_ends(text)
    after = bisect_right(starts, position)  # the first sentence starting after `position`
    start = starts[after - 1] if after else 0
    end = stops[after] if after < len(stops) else len(text)
    return " ".join(text[start:end].split())


# --- matching --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Form:
    pattern: str
    term: Term
    text: str  # normalised, for comparing names
    first: str  # the character a match starts with, "'" for any quotation mark


class TermMatcher:
    """Finds uses of terms in text: whole words, longest first, a document's own terms first.

    Built once per build. Each pattern is one alternation sorted longest first, so "Chief
    Finance Officer" beats "Officer" and "Members' Code of Conduct" beats "Members".
    """

    def __init__(self, terms: Iterable[Term]):
        self._shared: list[_Form] = []
        self._scoped: dict[str, list[_Form]] = {}
        self._shared_by_form: dict[str, Term] = {}
        self._shared_compiled: tuple[re.Pattern[str], list[Term]] | None = None
        self._shared_texts: list[str] = []
        self._own_compiled: dict[str | None, tuple[re.Pattern[str], list[Term]]] = {}
        for term in terms:
            for form in term.forms:
                if term.scope is None:
                    self._shared_by_form.setdefault(normalise_form(form), term)
                    if not term.link or is_generic_form(form):
                        continue
                text = normalise_form(form)
                first = "'" if _is_quoted(form) else text[:1]
                entry = _Form(_form_pattern(form, term.case_sensitive), term, text, first)
                if term.scope is None:
                    self._shared.append(entry)
                else:
                    self._scoped.setdefault(term.scope, []).append(entry)
        # A document's own name hides the shared one; a capitalised own name ("Chief
        # Executive") leaves the shared one to catch other capitalisations.
        self._hidden: dict[str, frozenset[str]] = {
            doc_id: frozenset(form.text for form in own if not form.term.case_sensitive)
            for doc_id, own in self._scoped.items()
        }

    def __getstate__(self) -> dict:
        """Kept between builds without its compiled patterns: unpickling a pattern compiles
        it again, and a build whose every text is already read needs none."""
        return {
            **self.__dict__,
            "_shared_compiled": None,
            "_shared_texts": [],
            "_own_compiled": {},
        }

    def find(self, text: str, doc_id: str | None = None) -> list[TermMatch]:
        """Every term used in `text`, left to right, never overlapping.

        A document's own terms and the shared ones are two patterns (the shared one is
        compiled once per build); where their matches overlap, the earlier start wins,
        then the longer, then the document's own. A shared name the document defines
        for itself is hidden: it is the document's own term that links.
        """
        hidden = self._hidden.get(doc_id, ()) if doc_id is not None else ()
        found = []
        for rank, (pattern, terms) in enumerate(
            (self._own_pattern(doc_id), self._shared_pattern())
        ):
            for match in self._matches(pattern, text, hidden if rank else ()) if terms else ():
                term = terms[_matched_name(match)]
                found.append((match.start(), -(match.end() - match.start()), rank, term))
        kept: list[TermMatch] = []
        for start, negative_length, _rank, term in sorted(found, key=lambda f: f[:3]):
            if not kept or start >= kept[-1].end:
                kept.append(TermMatch(start, start - negative_length, term))
        return kept

    def _matches(self, pattern: re.Pattern[str], text: str, hidden):
        """Matches left to right; a hidden name is passed over without using up its text,
        so a shared name overlapping it ("Gamma Delta" after "Beta Gamma") is still found."""
        if not hidden:
            yield from pattern.finditer(text)
            return
        position = 0
        while (match := pattern.search(text, position)) is not None:
            if self._shared_texts[_matched_name(match)] in hidden:
                position = match.start() + 1
                continue
            yield match
            position = max(match.end(), match.start() + 1)

    def _shared_pattern(self) -> tuple[re.Pattern[str], list[Term]]:
        if self._shared_compiled is None:
            self._shared_compiled, self._shared_texts = _compile(self._shared)
        return self._shared_compiled

    def _own_pattern(self, doc_id: str | None) -> tuple[re.Pattern[str], list[Term]]:
        if doc_id not in self._own_compiled:
            own = self._scoped.get(doc_id, []) if doc_id is not None else []
            self._own_compiled[doc_id] = _compile(own)[0]
        return self._own_compiled[doc_id]


_COMPILED: dict[str, re.Pattern[str]] = {}


def _matched_name(match: re.Match[str]) -> int:
    """Which name of a `_compile` pattern matched: one capturing group per name."""
    if match.lastindex is None:
        raise ValueError(f"a term pattern matched no name: {match.re.pattern[:60]!r}")
    return match.lastindex - 1


def _compile(forms: list[_Form]) -> tuple[tuple[re.Pattern[str], list[Term]], list[str]]:
    """One alternation, longest name first, grouped by first character for speed.

    Each name is one capturing group, so `match.lastindex` says which term matched (and,
    in the second list, which name); the lookahead on the first character lets the
    engine skip whole groups at once.
    """
    by_first: dict[str, list[_Form]] = {}
    # Stable sort: longest first; at equal length the document's own term first.
    for form in sorted(forms, key=lambda form: -len(form.text)):
        by_first.setdefault(form.first, []).append(form)
    branches, ordered = [], []
    for first, group in by_first.items():
        starts = _QUOTES if first == "'" else {first, first.upper()}
        lookahead = "[" + "".join(re.escape(ch) for ch in sorted(starts)) + "]"
        alternatives = "|".join(f"({form.pattern})" for form in group)
        branches.append(f"(?={lookahead})(?:{alternatives})")
        ordered.extend(group)
    body = "|".join(branches) or "(?!)"
    source = f"{_WORD_BEFORE}(?:{body}){_WORD_AFTER}"
    if source not in _COMPILED:  # compiling is slow; `mkdocs serve` rebuilds keep it
        if len(_COMPILED) > 256:
            _COMPILED.clear()
        _COMPILED[source] = re.compile(source)
    return (_COMPILED[source], [form.term for form in ordered]), [form.text for form in ordered]


def first_uses(matches: Iterable[TermMatch], seen: set[str] | None = None) -> list[TermMatch]:
    """Only the first match of each term, so a term is linked once, not at every use.

    Pass the same `seen` set for every clause of a scope to link once per that scope;
    a fresh set per clause links the first use in each clause.
    """
    seen = set() if seen is None else seen
    kept = []
    for match in matches:
        if match.term.key not in seen:
            seen.add(match.term.key)
            kept.append(match)
    return kept


def _form_pattern(form: str, case_sensitive: bool) -> str:
    """The regex for one name, allowing plurals on its head noun and "'s" at its end."""
    quoted = _is_quoted(form)
    words = (form[1:-1] if quoted else form).split()
    head = len(words) - 1
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in _CONNECTORS:
            head = index - 1
            break
    parts = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        parts.append(
            _word_pattern(
                word,
                plural=index == head and not quoted,
                possessive=last and not quoted,
                case_sensitive=case_sensitive or _is_abbreviation(word),
            )
        )
    body = _SPACE.join(parts)
    return f"{_OPEN_QUOTE}{body}{_CLOSE_QUOTE}" if quoted else body


def _word_pattern(word: str, *, plural: bool, possessive: bool, case_sensitive: bool) -> str:
    apostrophe = re.search(r"(?:s['’]|['’]s)$", word)
    base = word[: apostrophe.start()] if apostrophe else word
    stem, ending = _escape(base), ""
    lowered = base.lower()
    if apostrophe:
        # "Members'" in a name also matches "Member", "Members", "Member's".
        ending = "(?:s['’]?|['’]s)?"
    elif plural and any(ch.isalpha() for ch in base):
        if re.search(r"[^aeiou]y$", lowered):
            stem, ending = _escape(base[:-1]), "(?:y|ies)"
        elif lowered.endswith("man"):
            stem, ending = _escape(base[:-2]), "[ae]n"
        elif re.search(r"(?:s|x|z|ch|sh)$", lowered):
            ending = "(?:es)?"
        else:
            ending = "s?"
    if possessive and not apostrophe:
        ending += "(?:['’]s)?"
    if case_sensitive:
        return stem + ending
    return f"(?i:{stem}{ending})"


def _is_quoted(form: str) -> bool:
    """A name written in quotes ("'need to know'") matches only where the text quotes it."""
    return len(form) > 2 and form[0] in _QUOTES and form[-1] in _QUOTES


def _escape(word: str) -> str:
    return "".join(f"[{_HYPHENS}]" if ch in _HYPHENS else re.escape(ch) for ch in word)


def _is_abbreviation(word: str) -> bool:
    """'FOI', 'RFO', 'S151': capitals (and digits) only, matched exactly as written."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(word) >= 2 and bool(letters) and all(ch.isupper() for ch in letters)
