"""What a maintainer says about one document's links, in its sidecar or front matter.

Three keys, each a list of phrases (or one phrase):

    not_references:              # never a reference in this document
      - Appendix 6
      - Part 3 @ 4.2             # only in clause 4.2 (its printed number, or its id)
    not_terms:                   # never a glossary link in this document
      - Clerk @ 1.1
    reference_targets:           # where an ambiguous (or unknown) name leads
      - Part 3 = finance-rules   # a document's id
      - the Code = members-code#para_3 @ 2.4

A phrase matches a reference or term whose words contain it, whole words, ignoring case
and spacing. Plain data in, a frozen `Overrides` out: `overrides_from(extra, where)`
raises ValueError with one line naming the key and the entry when one cannot be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KEYS = ("not_references", "not_terms", "reference_targets")
MAX_ENTRIES = 500  # per key and document
MAX_PHRASE = 200  # characters


@dataclass(frozen=True)
class Rule:
    phrase: str  # normalised: lower case, single spaces
    clause: str | None  # a printed number ("4.2") or an id; None: the whole document


@dataclass(frozen=True)
class Target:
    rule: Rule
    document: str
    anchor: str | None


@dataclass(frozen=True)
class Overrides:
    not_references: tuple[Rule, ...] = ()
    not_terms: tuple[Rule, ...] = ()
    targets: tuple[Target, ...] = ()

    def skips_reference(self, words: str, number: str | None, anchor: str | None) -> bool:
        return any(_applies(rule, words, number, anchor) for rule in self.not_references)

    def skips_term(self, words: str, number: str | None, anchor: str | None) -> bool:
        return any(_applies(rule, words, number, anchor) for rule in self.not_terms)

    def target_for(self, words: str, number: str | None, anchor: str | None) -> Target | None:
        return next((t for t in self.targets if _applies(t.rule, words, number, anchor)), None)


NONE = Overrides()


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _clause_key(text: str) -> str:
    return text.strip().strip(".").lower()


def _applies(rule: Rule, words: str, number: str | None, anchor: str | None) -> bool:
    if rule.clause is not None and rule.clause not in (
        _clause_key(number or ""),
        (anchor or "").lower(),
    ):
        return False
    found = _normal(words)
    if found == rule.phrase:
        return True
    return re.search(rf"(?<!\w){re.escape(rule.phrase)}(?!\w)", found) is not None


def _rule(entry: str) -> Rule:
    phrase, _at, clause = entry.partition(" @ ")
    return Rule(_normal(phrase), _clause_key(clause) if clause.strip() else None)


def _entries(extra: dict, key: str, where: str) -> list[str]:
    value = extra.get(key)
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"{where}: '{key}' must be a list of phrases")
    if len(items) > MAX_ENTRIES:
        raise ValueError(f"{where}: '{key}' has {len(items)} entries; at most {MAX_ENTRIES}")
    for item in items:
        if not item.strip() or len(item) > MAX_PHRASE:
            raise ValueError(
                f"{where}: '{key}' entry '{item[:40]}' must be 1 to {MAX_PHRASE} characters"
            )
    return items


def overrides_from(extra: dict, where: str) -> Overrides:
    """The overrides a document's metadata (`Metadata.extra`) gives; `where` names it."""
    if not any(key in extra for key in KEYS):
        return NONE
    targets = []
    for entry in _entries(extra, "reference_targets", where):
        head, equals, rest = entry.partition(" = ")
        destination, _at, clause = rest.partition(" @ ")
        document, _hash, anchor = destination.strip().partition("#")
        if not equals or not head.strip() or not re.fullmatch(r"[A-Za-z0-9][\w-]*", document):
            raise ValueError(
                f"{where}: 'reference_targets' entry '{entry}' must read 'phrase = document-id' "
                "(optionally '#anchor' after the id and ' @ clause' at the end)"
            )
        rule = _rule(f"{head} @ {clause}" if clause.strip() else head)
        targets.append(Target(rule, document, anchor.strip() or None))
    return Overrides(
        tuple(_rule(e) for e in _entries(extra, "not_references", where)),
        tuple(_rule(e) for e in _entries(extra, "not_terms", where)),
        tuple(targets),
    )
