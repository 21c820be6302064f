"""What a build of the site is made from: folders, data files and the settings that shape pages.

Plain data, filled in by whoever starts the build (the MkDocs adapter from mkdocs.yml, the
Markdown extension from its own options, the CLI), so the builder never reads a
framework's configuration.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from ..support.yaml_data import DataError


@dataclass(frozen=True)
class SiteSettings:
    sources_dir: Path
    documents_file: Path
    glossary_file: Path
    # a council's own everyday words -> the rules' words for search, added to the package's
    # (index/search_concepts.yml's format); used only when the file exists
    search_concepts_file: Path | None = None
    docs_dir: Path | None = None  # hand-written pages; its index.md opens the home page
    documents: tuple[dict, ...] = ()  # documents.yml entries given in the site's settings
    related_limit: int = 3
    part_names: Mapping[str, str] = field(default_factory=dict)
    site_name: str = ""
    council: str | None = None
    build_date: str | None = None
    use_directory_urls: bool = True
    # Where citations point: the public address, in the public site's URL style (the
    # offline bundle builds with file URLs but cites the site as published).
    site_url: str = ""
    canonical_directory_urls: bool | None = None
    cache_dir: Path | None = None
    # The build report page (build-report/), linked from every page's footer.
    build_report: bool = True
    # an Act the statute table knows links to legislation.gov.uk (references/statutes.py)
    legislation_links: bool = False
    # allow_warnings: known warnings, counted in one line and marked on the build report
    allow_warnings: tuple[str, ...] = ()
    # The site's Markdown extensions that read a source's characters as inline markup
    # (support/escaping.INLINE_MARKUP): their openers in source text become references.
    inline_markup: tuple[str, ...] = ()
    # Bytes of the site's own settings file: a change to it rebuilds every page (--dirty).
    settings_text: bytes = b""

    def shown(self, message: str) -> str:
        """A line naming a data file as sources' files are named (`sources/glossary.yml:21`),
        not by its absolute path on this machine."""
        root = f"{self.sources_dir.parent}/"
        return message[len(root) :] if message.startswith(root) else message

    @classmethod
    def from_options(cls, options: Mapping, root: Path) -> SiteSettings:
        """Settings from plain options (mkdocs.yml's plugin entry or the extension's `site`
        option), paths relative to `root`: what a site without the MkDocs plugin writes."""
        unknown = set(options) - _OPTION_KEYS
        if unknown:
            raise DataError(str(root), f"unknown clausemark setting '{sorted(unknown)[0]}'")

        def path(key: str, default: str) -> Path:
            return (root / str(options.get(key) or default)).resolve()

        cache = options.get("cache_dir", ".cache/clausemark")
        docs = options.get("docs_dir")
        return cls(
            sources_dir=path("sources_dir", "sources"),
            documents_file=path("documents_file", "sources/documents.yml"),
            glossary_file=path("glossary_file", "sources/glossary.yml"),
            search_concepts_file=path("search_concepts_file", "sources/search_concepts.yml"),
            docs_dir=(root / str(docs)).resolve() if docs else None,
            documents=tuple(options.get("documents") or ()),
            related_limit=_related_limit(options.get("related_limit", 3), root),
            part_names=dict(options.get("part_names") or {}),
            site_name=str(options.get("site_name") or ""),
            council=options.get("council"),
            build_date=str(options["build_date"]) if options.get("build_date") else None,
            use_directory_urls=bool(options.get("use_directory_urls", True)),
            site_url=str(options.get("site_url") or ""),
            cache_dir=(root / str(cache)).resolve() if cache else None,
            build_report=bool(options.get("build_report", True)),
            legislation_links=bool(options.get("legislation_links", False)),
            allow_warnings=tuple(str(text) for text in options.get("allow_warnings") or ()),
            inline_markup=tuple(str(name) for name in options.get("inline_markup") or ()),
        )


def _related_limit(value: object, root: Path) -> int:
    """How many related clauses a clause lists: a whole number, at least 1 (0 or -1
    made the related-clause index raise, a traceback out of the build: attack12)."""
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value)
    if number is None or number < 1:
        raise DataError(
            str(root),
            f"the clausemark setting related_limit must be a whole number, at least 1, "
            f"not {value!r}",
        )
    return number


# What a site's options may set: every setting but those the adapter fills in itself.
_OPTION_KEYS = {f.name for f in fields(SiteSettings)} - {
    "settings_text",
    "canonical_directory_urls",
}
