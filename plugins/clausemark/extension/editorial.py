"""Editorial notes: what the site says about a text, kept apart from the text itself.

A page may add information beside the adopted words (a counted number, a numbering
error, the documents a plural mention names), never inside them. Everything made here
carries the `cm-editorial` class (visually distinct, and skipped by the nothing-added
proof) and `data-search-exclude` (kept out of the search index).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from ..support.escaping import tree_text

EDITORIAL_CLASS = "cm-editorial"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def editorial_attrs(*classes: str, label: str | None = None) -> dict[str, str]:
    attrs = {"class": " ".join([EDITORIAL_CLASS, *classes]), "data-search-exclude": ""}
    if label:
        attrs["aria-label"] = label
    return attrs


def note_element(label: str, *classes: str) -> tuple[etree.Element, etree.Element]:
    """An editorial note beside a clause: (the aside, the paragraph to fill)."""
    aside = etree.Element("aside", editorial_attrs("cm-editorial-note", *classes, label=label))
    paragraph = etree.SubElement(aside, "p")
    badge = etree.SubElement(paragraph, "span", {"class": "cm-editorial-label"})
    badge.text = "Editorial note"
    badge.tail = " "
    return aside, paragraph


def mention_note(phrases: list[str], links: list[dict], titles: list[str]) -> etree.Element:
    """'“Codes of Conduct” here means both A and B.', with a link to each document.

    `phrases` are the page's own words (already tree text); `titles` are data, escaped."""
    aside, paragraph = note_element("Editorial note: documents this clause names")
    for position, words in enumerate(phrases):
        if position:
            paragraph[-1].tail = _joiner(position, len(phrases))
        quoted = etree.SubElement(paragraph, "q")
        quoted.text = words
    verb = "mean" if len(phrases) > 1 else "means"
    paragraph[-1].tail = f" here {verb} " + ("both " if len(links) == 2 else "all of ")
    for position, (attrs, title) in enumerate(zip(links, titles, strict=True)):
        link = etree.SubElement(paragraph, "a", {"href": attrs["href"], "class": "cm-ref"})
        link.text = tree_text(title)
        link.tail = _joiner(position + 1, len(links)) if position + 1 < len(links) else "."
    return aside


def _joiner(position: int, count: int) -> str:
    """The words before item `position` of `count` in a list: ', ' or ' and '."""
    return " and " if position == count - 1 else ", "


def insert_beside(root: etree.Element, anchor: str, note: etree.Element) -> bool:
    """Put `note` after the clause `anchor`: after its text (and items) when the clause
    is a heading, else right after the element that carries the id."""
    for parent in root.iter():
        children = list(parent)
        for position, child in enumerate(children):
            if child.get("id") != anchor:
                continue
            end = position + 1
            if child.tag in HEADINGS:
                while end < len(children) and children[end].tag not in HEADINGS:
                    end += 1
            parent.insert(end, note)
            return True
    return False


def add_mention_notes(root: etree.Element, notes: dict, title_of) -> None:
    """One note per clause and set of documents, quoting each phrase that names them."""
    for anchor, mentions in notes.items():
        if anchor is None:
            continue
        grouped: dict[tuple, tuple[list[str], list[dict]]] = {}
        for words, links, documents in mentions:
            phrases, _ = grouped.setdefault(tuple(documents), ([], links))
            phrase = " ".join(words.split())
            if phrase.lower() not in {p.lower() for p in phrases}:
                phrases.append(phrase)
        for documents, (phrases, links) in grouped.items():
            titles = [title_of(d) for d in documents]
            insert_beside(root, anchor, mention_note(phrases, links, titles))
