"""The documents references can point at, found by id, label or any of their names.

Built from documents.yml and the site's own documents (`registry_from_config`); a name
is matched ignoring case, apostrophes, a leading 'the' and plurals, and a code of
conduct answers to every spelling of its canonical name (codes.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .codes import canonical_code_names
from .keys import label_key, name_key, singular


@dataclass(frozen=True)
class DocumentEntry:
    """Another document of the constitution that references can link to."""

    doc_id: str
    title: str
    aliases: tuple[str, ...] = ()
    label: str | None = None  # "Part 4", "Appendix 11"
    url: str | None = None  # where it lives when it is not part of this site
    council: str | None = None  # whose document it is: a generic name finds its own council's
    # A document of the site, registered from its own metadata: sharing a title or label
    # with another makes a reference to it ambiguous, not the data wrong.
    site: bool = False


@dataclass(frozen=True, eq=False)
class Registry:
    """The documents references can point at, found by id, label or any of their names."""

    entries: tuple[DocumentEntry, ...] = ()
    # link an Act the statute table knows to legislation.gov.uk (statutes.py); off by default
    legislation_links: bool = False
    _by_id: dict[str, DocumentEntry] = field(init=False, repr=False)
    _by_label: dict[str, list[DocumentEntry]] = field(init=False, repr=False)
    _by_name: dict[str, list[DocumentEntry]] = field(init=False, repr=False)
    name_pattern: re.Pattern = field(init=False, repr=False)
    _councils: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_id: dict[str, DocumentEntry] = {}
        by_label: dict[str, list[DocumentEntry]] = {}
        by_name: dict[str, list[DocumentEntry]] = {}

        def claim(table: dict, key: str, entry: DocumentEntry, what: str) -> None:
            owners = table.setdefault(key, [])
            for owner in owners:
                if owner.doc_id == entry.doc_id:
                    return
                # two entries of documents.yml for one council: a mistake in the data
                if not (owner.site or entry.site) and owner.council == entry.council:
                    raise ValueError(
                        f"documents '{owner.doc_id}' and '{entry.doc_id}' both answer to {what}"
                    )
            owners.append(entry)

        names: list[str] = []
        for entry in self.entries:
            by_id.setdefault(entry.doc_id, entry)
            if entry.label:
                claim(by_label, label_key(entry.label), entry, f"the label '{entry.label}'")
            for name in (entry.title, *entry.aliases):
                names.append(name)
                claim(by_name, name_key(name), entry, f"the name '{name}'")
        for entry in self.entries:
            for name in (entry.title, *entry.aliases):
                for code in canonical_code_names(name):
                    owners = by_name.setdefault(name_key(code), [])
                    if all(owner.doc_id != entry.doc_id for owner in owners):
                        owners.append(entry)
        councils: dict[str, str] = {}
        for entry in self.entries:
            if entry.council:
                councils.setdefault(entry.doc_id, entry.council)
        object.__setattr__(self, "_councils", councils)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_by_label", by_label)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "name_pattern", _names_pattern(names))

    def __eq__(self, other: object) -> bool:
        """Two registries of the same entries find the same names (the tables and the
        pattern are made from the entries alone): `mkdocs serve` keeps what the finders
        read when an edit leaves the registry as it was (site_index._take_over_reading)."""
        if not isinstance(other, Registry):
            return NotImplemented
        return (self.entries, self.legislation_links) == (other.entries, other.legislation_links)

    def __hash__(self) -> int:
        return hash((self.entries, self.legislation_links))

    def get(self, doc_id: str) -> DocumentEntry | None:
        return self._by_id.get(doc_id)

    def council_of(self, doc_id: str) -> str | None:
        """The council a document belongs to, as its metadata or documents.yml says."""
        return self._councils.get(doc_id)

    def find_by_label(self, label: str) -> DocumentEntry | None:
        """The one document with that label (None when none, or several, have it)."""
        found = self.label_candidates(label)
        return found[0] if len(found) == 1 else None

    def find_by_name(self, name: str) -> DocumentEntry | None:
        """By title or alias; a code of conduct by any spelling its entry answers to
        (None when no document, or several, answer to it)."""
        found = self.name_candidates(name)
        return found[0] if len(found) == 1 else None

    def label_candidates(self, label: str) -> list[DocumentEntry]:
        """Every document with that label, in the order they were registered."""
        return list(self._by_label.get(label_key(label), ()))

    def name_candidates(self, name: str) -> list[DocumentEntry]:
        """Every document answering to that name (title, alias, a code's spellings)."""
        found = self._by_name.get(name_key(name))
        if found:
            return list(found)
        for code in canonical_code_names(name):
            found = self._by_name.get(name_key(code))
            if found:
                return list(found)
        return []


def _names_pattern(names: Sequence[str]) -> re.Pattern:
    """One regex finding any registered name, apostrophes, spacing and plurals aside."""

    def flexible(name: str) -> str:
        words = re.findall(r"[A-Za-z0-9]+", re.sub(r"['’‘]s\b|['’‘]", "", name))
        if words and words[0].lower() == "the":
            words = words[1:]
        parts = [re.escape(singular(word.lower())) + r"(?:['’]?s['’]?|['’])?" for word in words]
        return r"\s+".join(parts)

    alternatives = sorted({flexible(name) for name in names if name.strip()}, key=len, reverse=True)
    alternatives = [alternative for alternative in alternatives if alternative]
    if not alternatives:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


# The keys of a document entry (documents.yml also reads index/documents.py's hub keys).
CONFIG_KEYS = frozenset({"id", "doc_id", "title", "aliases", "label", "url", "council"})


def registry_from_config(items: Iterable[dict]) -> Registry:
    """Build the registry from plain dicts, as read from YAML.

    Each needs `id` (or `doc_id`) and `title`; `aliases` (a list or one string), `label`,
    `url` and `council` are optional. `site: true` marks a document of the site itself
    (the builder's own entries, never documents.yml). Unknown keys are an error, so a
    typo does not go unnoticed.
    """
    entries = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"document entry {position} is not a mapping: {item!r}")
        unknown = set(item) - CONFIG_KEYS - {"site"}
        if unknown:
            raise ValueError(
                f"document entry {position} has unknown keys {sorted(unknown)}; "
                f"allowed: {sorted(CONFIG_KEYS)}"
            )
        doc_id = item.get("id") or item.get("doc_id")
        title = item.get("title")
        if not doc_id or not title:
            raise ValueError(f"document entry {position} needs both 'id' and 'title'")
        if isinstance(title, list | dict):
            raise ValueError(f"document entry {position}: 'title' must be text")
        aliases = item.get("aliases") or ()
        if isinstance(aliases, str):
            aliases = (aliases,)
        if not isinstance(aliases, list | tuple):
            raise ValueError(f"document entry {position}: 'aliases' must be a name or a list")
        entries.append(
            DocumentEntry(
                doc_id=str(doc_id),
                title=str(title),
                aliases=tuple(str(alias) for alias in aliases),
                label=str(item["label"]) if item.get("label") else None,
                url=str(item["url"]) if item.get("url") else None,
                council=str(item["council"]) if item.get("council") else None,
                site=item.get("site") is True,
            )
        )
    return Registry(tuple(entries))
