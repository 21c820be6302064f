"""The keys references and their targets are compared by.

Numbers go through the one normaliser, `numbering.styles.number_key`; a section key
only adds that '5.0' is section 5. Titles and document names are compared by their
words, so quoting, emphasis, case and plurals do not stop a link.
"""

from __future__ import annotations

import re

from ..numbering.styles import number_key


def section_key(number: str) -> str:
    """'5.0' and '5' are both section 5."""
    key = number_key(number)
    stripped = re.sub(r"(?:-0+)+$", "", key)
    return stripped or key


def title_key(title: str) -> str:
    """Compare titles ignoring case, quotes, apostrophes and Markdown emphasis."""
    text = re.sub(r"[*_`'’‘\"“”]", "", title).replace("&", " and ")
    return " ".join(re.findall(r"\w+", text.lower()))


def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def name_key(name: str) -> str:
    """Compare document names ignoring case, apostrophes, a leading 'the' and plurals.

    So 'contract procedure rules' finds 'the Contracts Procedure Rules'.
    """
    text = re.sub(r"['’‘]s\b|['’‘]", "", name.lower())
    words = re.findall(r"[a-z0-9]+", text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(singular(word) for word in words)


def label_key(label: str) -> str:
    """'PART  4' and 'Part 4' are one label."""
    return " ".join(label.lower().split())
