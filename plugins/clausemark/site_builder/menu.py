"""The site's menu as plain data: documents grouped by Part of the constitution, then the
codes of conduct, the glossary and the annual reviews. Versions and change pages stay off
the menu (each document's page links to them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..index.parts import constitution_part, nav_titles, part_heading, part_order
from ..support.escaping import html_text
from ..support.urls import GLOSSARY_PAGE, HOME_PAGE, document_path
from .site_build import SiteBuild


@dataclass
class MenuPage:
    path: str  # docs-relative .md path
    title: str | None = None  # as HTML; None: the page's own title


@dataclass
class MenuSection:
    title: str  # as HTML
    children: list[MenuPage] = field(default_factory=list)


def site_menu(build: SiteBuild) -> list[MenuPage | MenuSection]:
    pages = {page.path for page in build.pages}
    documents = build.current_documents
    items: list[MenuPage | MenuSection] = [MenuPage(HOME_PAGE)] if HOME_PAGE in pages else []
    groups: dict[str, list[MenuPage]] = {}
    titles = nav_titles(documents)
    for document in documents:
        path = document_path(document.doc_id)
        if path in pages:
            title = html_text(titles[document.doc_id])
            part = constitution_part(document.metadata.label)
            groups.setdefault(part, []).append(MenuPage(path, title))
    for name in sorted(groups, key=part_order):
        heading = part_heading(name, dict(build.settings.part_names))
        items.append(MenuSection(html_text(heading), groups[name]))
    index = build.index
    codes = [MenuPage(path) for code, path in index.pages.items() if code in index.codes]
    if codes:
        items.append(MenuSection("Codes of Conduct", codes))
    if GLOSSARY_PAGE in pages:
        items.append(MenuPage(GLOSSARY_PAGE))
    reviews = sorted((p for p in pages if p.startswith("reviews/")), reverse=True)
    if reviews:
        items.append(MenuSection("Annual reviews", [MenuPage(p) for p in reviews]))
    return items
