"""Placeholder links a source already has, '[employees](#)', resolved by their words.

Word exports often keep a link's words but not its target; the words and the sentence
around them say which document was meant.
"""

from __future__ import annotations

import re

from .codes import code_for_side
from .registry import DocumentEntry, Registry

_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")


def resolve_placeholder(
    link_text: str, context_text: str, registry: Registry
) -> DocumentEntry | None:
    """The document a placeholder link `[text](#)` means, judged by its words, or None.

    "[employees](#)" in "codes of conduct for both [employees](#) and [members](#)" is
    the employees' code; "[contract procedure rules](#)" is whatever the registry knows
    by that name; "[functions](#) scheme" tries "functions scheme" too. The caller turns
    an unresolved placeholder into plain text and reports it.
    """
    words = " ".join(link_text.split())
    if not words:
        return None
    context = " ".join(_MARKDOWN_LINK.sub(r"\1", context_text).split())
    code = code_for_side(words, context)
    if code is not None:
        found = registry.find_by_name(code)
        if found is not None:
            return found
    found = registry.find_by_name(words)
    if found is not None:
        return found
    for phrase in _phrases_around(words, context):
        found = registry.find_by_name(phrase)
        if found is not None:
            return found
    return None


def _phrases_around(words: str, context: str) -> list[str]:
    """Longer names the link text may be part of: a few words either side of it."""
    phrases: set[str] = set()
    for m in re.finditer(re.escape(words), context, re.IGNORECASE):
        before = re.findall(r"[\w'’-]+", context[: m.start()])[-3:]
        after = re.findall(r"[\w'’-]+", context[m.end() :])[:6]
        for take_before in range(len(before) + 1):
            for take_after in range(len(after) + 1):
                if take_before == take_after == 0:
                    continue
                left = before[len(before) - take_before :]
                phrases.add(" ".join([*left, m.group(), *after[:take_after]]))
    return sorted(phrases, key=len, reverse=True)
