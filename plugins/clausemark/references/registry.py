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


@dataclass(frozen=True, eq=False)
class Registry:
    """The documents references can point at, found by id, label or any of their names."""

    entries: tuple[DocumentEntry, ...] = ()
    _by_id: dict[str, DocumentEntry] = field(init=False, repr=False)
    _by_label: dict[str, DocumentEntry] = field(init=False, repr=False)
    _by_name: dict[str, DocumentEntry] = field(init=False, repr=False)
    name_pattern: re.Pattern = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_id: dict[str, DocumentEntry] = {}
        by_label: dict[str, DocumentEntry] = {}
        by_name: dict[str, DocumentEntry] = {}

        def claim(table: dict, key: str, entry: DocumentEntry, what: str) -> None:
            owner = table.setdefault(key, entry)
            if owner.doc_id != entry.doc_id:
                raise ValueError(
                    f"documents '{owner.doc_id}' and '{entry.doc_id}' both answer to {what}"
                )

        names: list[str] = []
        for entry in self.entries:
            claim(by_id, entry.doc_id, entry, f"the id '{entry.doc_id}'")
            if entry.label:
                claim(by_label, label_key(entry.label), entry, f"the label '{entry.label}'")
            for name in (entry.title, *entry.aliases):
                names.append(name)
                claim(by_name, name_key(name), entry, f"the name '{name}'")
        for entry in self.entries:
            for name in (entry.title, *entry.aliases):
                for code in canonical_code_names(name):
                    by_name.setdefault(name_key(code), entry)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_by_label", by_label)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "name_pattern", _names_pattern(names))

    def get(self, doc_id: str) -> DocumentEntry | None:
        return self._by_id.get(doc_id)

    def find_by_label(self, label: str) -> DocumentEntry | None:
        return self._by_label.get(label_key(label))

    def find_by_name(self, name: str) -> DocumentEntry | None:
        """By title or alias; a code of conduct by any spelling its entry answers to."""
        found = self._by_name.get(name_key(name))
        if found is not None:
            return found
        for code in canonical_code_names(name):
            found = self._by_name.get(name_key(code))
            if found is not None:
                return found
        return None


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


_CONFIG_KEYS = {"id", "doc_id", "title", "aliases", "label", "url"}


def registry_from_config(items: Iterable[dict]) -> Registry:
    """Build the registry from plain dicts, as read from YAML.

    Each needs `id` (or `doc_id`) and `title`; `aliases` (a list or one string), `label`
    and `url` are optional. Unknown keys are an error, so a typo does not go unnoticed.
    """
    entries = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"document entry {position} is not a mapping: {item!r}")
        unknown = set(item) - _CONFIG_KEYS
        if unknown:
            raise ValueError(
                f"document entry {position} has unknown keys {sorted(unknown)}; "
                f"allowed: {sorted(_CONFIG_KEYS)}"
            )
        doc_id = item.get("id") or item.get("doc_id")
        title = item.get("title")
        if not doc_id or not title:
            raise ValueError(f"document entry {position} needs both 'id' and 'title'")
        aliases = item.get("aliases") or ()
        if isinstance(aliases, str):
            aliases = (aliases,)
        entries.append(
            DocumentEntry(
                doc_id=str(doc_id),
                title=str(title),
                aliases=tuple(str(alias) for alias in aliases),
                label=str(item["label"]) if item.get("label") else None,
                url=str(item["url"]) if item.get("url") else None,
            )
        )
    return Registry(tuple(entries))
