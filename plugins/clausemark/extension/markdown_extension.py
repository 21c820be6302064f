"""Python-Markdown extension: per-page clause presentation, links, terms and lists.

It runs wherever Python-Markdown runs (MkDocs today, Zensical tomorrow), so everything a
page needs is done here; the MkDocs plugin only hands it the build-wide `SiteIndex`.

Order inside the tree: attr_list (8) gives clauses their ids; `ClauseTreeprocessor` (6)
gives unnumbered clauses a heading, so each clause is its own search entry, and links
references and glossary terms before toc (5) and before any search index sees the
text; `ClauseToolsTreeprocessor` (4) adds permalink labels and "copy citation" buttons
after toc, and takes clause headings out of the table of contents.
"""

from __future__ import annotations

import functools
import json
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..render.headerless import HeaderlessTables
from ..render.long_text import LongTextTreeprocessor, keep_linear
from ..support.escaping import tooltip, tree_text

CLAUSE_CLASS = "cm-clause"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The number a clause is cited by, as the writer put it on the clause (never read back out
# of the heading's text); for a clause printed without a number, its count.
NUMBER = "data-cm-number"


def _classes(element: etree.Element) -> set[str]:
    return set((element.get("class") or "").split())


def _counted_label(count: str) -> str:
    """'12' -> '12 (unnumbered)': an unnumbered paragraph is named by its count."""
    return f"{count} (unnumbered)"


class ClauseTreeprocessor(Treeprocessor):
    """Turn unnumbered clause paragraphs into heading + paragraph, then link text."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            # One pass over the children, in order (the heading level before each is
            # known as it comes), and one rebuild: no rescan or insert per paragraph.
            children, level, changed = [], 2, False
            for child in parent:
                if child.tag in HEADINGS and CLAUSE_CLASS not in _classes(child):
                    level = int(child.tag[1])
                if child.tag == "p" and "cm-unnumbered" in _classes(child):
                    children.append(self._heading_for(child, min(level + 1, 6)))
                    changed = True
                children.append(child)
            if changed:
                parent[:] = children
        linker = self.extension.linker()
        if callable(linker):
            linker(root, self.md)

    def _heading_for(self, paragraph: etree.Element, level: int) -> etree.Element:
        anchor = paragraph.attrib.pop("id")
        count = paragraph.attrib.pop(NUMBER, "")
        paragraph.set("class", "cm-clause-text")
        heading = etree.Element(
            f"h{level}", {"id": anchor, "class": f"{CLAUSE_CLASS} cm-unnumbered", NUMBER: count}
        )
        label = etree.SubElement(heading, "span", {"class": "cm-sr"})
        label.text = f"Paragraph {_counted_label(count)}"
        # The count is on the page, so the number a citation uses can be found; it is
        # the site's, not the source's: marked editorial, and read once (from the label).
        counted = etree.SubElement(
            heading,
            "span",
            {
                "class": "cm-editorial cm-counted",
                "aria-hidden": "true",
                "data-search-exclude": "",
                "title": "Counted paragraph: the source prints no number",
            },
        )
        counted.text = f"[{count}]"
        return heading


class ClauseToolsTreeprocessor(Treeprocessor):
    """Label permalinks, add 'copy citation', keep clause headings out of the TOC."""

    def run(self, root: etree.Element) -> None:
        clause_ids: set[str] = set()
        for parent in list(root.iter()):
            children, changed = [], False
            for child in parent:
                children.append(child)
                if child.tag in HEADINGS and CLAUSE_CLASS in _classes(child):
                    clause_ids.add(child.get("id", ""))
                    children.append(self._tools(child))
                    changed = True
            if changed:
                parent[:] = children  # one rebuild, not an insert per clause
        for item in list(root.iter()):
            anchor = item.get("id")
            if item.tag in {"p", "li"} and "cm-item" in _classes(item) and anchor:
                self._item_permalink(item, anchor)
        tokens = getattr(self.md, "toc_tokens", None)
        if tokens is not None:
            self.md.toc_tokens = _without(tokens, clause_ids)

    @staticmethod
    def _tools(heading: etree.Element) -> etree.Element:
        anchor = heading.get("id", "")
        cited = heading.attrib.pop(NUMBER, "")
        unnumbered = "cm-unnumbered" in _classes(heading)
        label = _counted_label(cited) if unnumbered else cited
        number = "" if unnumbered else cited  # a count is not a number the source prints
        # a clause cited with its heading ("section 12, para 13.2", R47) is said so, as
        # its citation is: "paragraph 13.2" alone names two clauses of the page
        # (the attribute is tree text already, as data-cm-label takes it)
        citing = heading.get("data-cm-cite", "")
        qualified = bool(citing) and not citing.startswith("para ")
        spoken = citing if qualified else tree_text(f"paragraph {label}")
        for link in heading.iter("a"):
            if "headerlink" in _classes(link):
                link.set("aria-label", f"Permalink to {spoken}")
                link.set("title", tooltip(f"Link to paragraph {label}"))
        tools = etree.Element("div", {"class": "cm-clause-tools"})
        button = etree.SubElement(
            tools,
            "button",
            {
                "type": "button",
                "class": "cm-cite",
                "data-cm-anchor": anchor,
                "data-cm-number": tree_text(number),
                "data-cm-label": heading.get("data-cm-cite", ""),
                "aria-label": f"Copy citation for {spoken}",
                "title": "Copy citation",
            },
        )
        button.text = ""
        heading.attrib.pop("data-cm-cite", None)
        return tools

    @staticmethod
    def _item_permalink(item: etree.Element, anchor: str) -> None:
        strong = item.find("strong")
        label = strong.text.strip() if strong is not None and strong.text else ""
        link = etree.Element(
            "a",
            {
                "class": "cm-item-link",
                "href": f"#{anchor}",
                "aria-label": tree_text(f"Permalink to item {label}".strip()),
                "title": "Link to this item",
            },
        )
        link.text = "¶"
        item.append(link)
        # Items are cited as printed too: "para 3.10(a)".
        cite = item.attrib.pop("data-cm-cite", "")
        if cite:
            button = etree.SubElement(
                item,
                "button",
                {
                    "type": "button",
                    "class": "cm-cite cm-cite-item",
                    "data-cm-anchor": anchor,
                    "data-cm-label": cite,
                    "aria-label": f"Copy citation for {cite}",
                    "title": "Copy citation",
                },
            )
            button.text = ""


def _without(tokens: list[dict], drop: set[str]) -> list[dict]:
    kept: list[dict] = []
    for token in tokens:
        children = _without(token.get("children", []), drop)
        if token.get("id") in drop:
            kept.extend(children)
        else:
            kept.append({**token, "children": children})
    return kept


class ClausemarkExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            # A default of None would make Python-Markdown coerce the callable to a bool.
            "linker": ["", "callable(root, md) that links references and terms in a page"],
            # Without a framework's plugin to hand it a linker (Zensical, plain
            # Python-Markdown), the extension builds the site itself from these settings:
            # site_builder.SiteSettings.from_options, paths relative to the working folder.
            "site": [{}, "the site's settings, to build the linker without a plugin"],
        }
        super().__init__(**kwargs)

    def linker(self):
        given = self.getConfig("linker")
        if callable(given) or not self.getConfig("site"):
            return given
        return site_linker(json.dumps(self.getConfig("site"), sort_keys=True))

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API name)
        md.treeprocessors.register(LongTextTreeprocessor(md), "clausemark_long_text", 21)
        md.treeprocessors.register(ClauseTreeprocessor(md, self), "clausemark_clauses", 6)
        md.treeprocessors.register(HeaderlessTables(md), "clausemark_headerless", 5.5)
        md.treeprocessors.register(ClauseToolsTreeprocessor(md), "clausemark_tools", 4)
        keep_linear(md)


@functools.lru_cache(maxsize=1)
def site_linker(options: str):
    """The linker of the site these settings build, made once for all its pages (Markdown
    makes a new extension for each page). The build reads what the disk cache holds."""
    from ..site_builder import SiteBuilder, SiteSettings

    settings = SiteSettings.from_options(json.loads(options), Path.cwd())
    return SiteBuilder(settings).build().linker


def makeExtension(**kwargs):  # noqa: N802
    return ClausemarkExtension(**kwargs)
