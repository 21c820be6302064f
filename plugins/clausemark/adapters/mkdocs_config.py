"""The clausemark plugin's settings in mkdocs.yml (`plugins: - clausemark: ...`), and the
site builder's settings made from them (for the plugin and the export alike)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import mkdocs.contrib.search
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from ..index.search import search_worker_script
from ..pages.cite_urls import CANONICAL_DIRECTORY_URLS
from ..site_builder import SiteSettings
from ..site_builder.builder import file_bytes
from ..support.escaping import INLINE_MARKUP, html_text
from ..support.package_files import PACKAGE_ASSETS, SHIM, asset_url, content_version
from ..support.yaml_data import DataError

# lunr.js 2.3.9, as MkDocs ships it for its own search: the package needs no npm step.
LUNR = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
# config.extra's entry the theme's templates (overrides/) load clausemark's files by
ASSET_URLS = "clausemark_assets"
SEARCH_WORKER = "search-worker"


class ClausemarkConfig(base.Config):
    sources_dir = c.Type(str, default="sources")
    documents_file = c.Type(str, default="sources/documents.yml")
    glossary_file = c.Type(str, default="sources/glossary.yml")
    # A council's own everyday words for search (index/search_concepts.yml's format)
    search_concepts_file = c.Type(str, default="sources/search_concepts.yml")
    documents = c.ListOfItems(c.Type(dict), default=[])
    related_limit = c.Type(int, default=3)
    # Link an Act the statute table knows for certain to legislation.gov.uk (off by default)
    legislation_links = c.Type(bool, default=False)
    allow_warnings = c.ListOfItems(c.Type(str), default=[])
    # What the constitution calls each Part, for menus and the home page: {"Part 5": "..."}
    part_names = c.Type(dict, default={})
    # Converted documents kept between builds (relative to mkdocs.yml); "" keeps none.
    cache_dir = c.Type(str, default=".cache/clausemark")
    # Clause search: Material's search box answered by clausemark's worker and index.
    search = c.Type(bool, default=True)
    # The build report page (build-report/): every warning by document, what was left out
    # and what was repaired, linked from every page's footer.
    build_report = c.Type(bool, default=True)


def clause_search_worker() -> str:
    """The search worker clausemark serves in place of Material's (lunr.js, then
    clausemark's worker); a missing part stops the build with one line."""
    try:
        return search_worker_script(LUNR)
    except FileNotFoundError as error:
        raise PluginError(f"{error.filename} is missing; reinstall clausemark") from None


def asset_urls() -> dict[str, str]:
    """The addresses a page loads clausemark's files by, each with its content's version
    (`asset_url`), by file name; and under "search-worker" the version of the search
    worker, which keeps Material's file name (its page script names it) and is loaded
    with this query (clausemark-search-wording.js adds it): after an upgrade a browser
    that cached the old worker, and so the old ranking, fetches the new one. A plugin-free
    build of `clausemark pages` names the same, so its pages are the plugin's."""
    urls = {name: asset_url(name) for name in (*PACKAGE_ASSETS, SHIM)}
    urls[SEARCH_WORKER] = f"v={content_version(clause_search_worker().encode('utf-8'))}"
    return urls


def site_name_as_html(config) -> None:
    """Hand the theme the site's name as HTML text. MkDocs and Material write
    `config.site_name` into the page unescaped (the tab's title, the header, the menu, the
    logo's accessible name), so a name such as "Bath & North East Somerset" or one holding
    '<' would be read as markup. As `Markup` it is escaped text that the templates' own
    `| e` leaves as it is, so it shows once, as written, everywhere."""
    if not isinstance(config.site_name, Markup):
        config.site_name = Markup(html_text(config.site_name))


def site_name_text(config) -> str:
    """The site's name as written in mkdocs.yml (for the home page and the bundle's name)."""
    name = config.site_name
    return name.unescape() if isinstance(name, Markup) else str(name or "")


def inline_markup_extensions(config) -> list[str]:
    """The enabled extensions that would read a source's characters as inline markup
    (arithmatex limited to display maths, `inline_syntax: []`, reads none): the site
    builder writes their openers in source text as character references."""
    found = []
    for name in config.markdown_extensions:
        options = config.mdx_configs.get(name) or {}
        if name == "pymdownx.arithmatex" and options.get("inline_syntax") == []:
            continue
        if name in INLINE_MARKUP:
            found.append(name)
    return found


def site_settings(options: ClausemarkConfig, config) -> SiteSettings:
    """The builder's settings from mkdocs.yml (paths relative to it)."""
    config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
    try:
        settings = _from_options(options, config, config_file)
    except DataError as error:  # a setting out of range: one line naming mkdocs.yml
        raise PluginError(f"{config_file}: {error.message}") from None
    canonical = config.extra.get(CANONICAL_DIRECTORY_URLS)
    return replace(
        settings,
        inline_markup=tuple(inline_markup_extensions(config)),
        settings_text=file_bytes(config_file),
        canonical_directory_urls=canonical if isinstance(canonical, bool) else None,
    )


def _from_options(options: ClausemarkConfig, config, config_file: Path) -> SiteSettings:
    return SiteSettings.from_options(
        {
            "sources_dir": options.sources_dir,
            "documents_file": options.documents_file,
            "glossary_file": options.glossary_file,
            "search_concepts_file": options.search_concepts_file,
            "docs_dir": config.docs_dir,
            "documents": options.documents,
            "related_limit": options.related_limit,
            "legislation_links": options.legislation_links,
            "part_names": options.part_names,
            "site_name": site_name_text(config),
            "council": config.extra.get("council"),
            "build_date": config.extra.get("build_date"),
            "use_directory_urls": config.use_directory_urls,
            "site_url": config.site_url,
            "cache_dir": options.cache_dir,
            "build_report": options.build_report,
            "allow_warnings": options.allow_warnings,
        },
        config_file.parent,
    )
