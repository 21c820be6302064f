"""What the build writes beside the pages once they are rendered: the machine-readable
site index, the clause search index, and the problems found on the way."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from ..index.search import build_search_index, merge_search_index
from ..pages.hubs import site_data
from ..support.atomic import write_atomically
from ..support.disk_cache import cache_key
from .builder import INDEXES_KEPT, BuildWarning, SiteBuild, SiteBuilder
from .report import reference_warnings

SITE_DATA = "clausemark-index.json"
SEARCH_INDEX = "search/search_index.json"  # where Material's search reads its index


def build_problems(build: SiteBuild) -> list[BuildWarning]:
    """References that did not resolve, links a page could not make, unsafe data."""
    warnings = reference_warnings(build)
    warnings += [
        BuildWarning(f"{p.document}#{p.anchor}: {p.message}", "page-link", p.document)
        for p in build.linker.problems
    ]
    warnings += [BuildWarning(message, "unsafe-link") for message in build.index.config_warnings]
    return warnings


def keep_index(build: SiteBuild, builder: SiteBuilder) -> None:
    """The pages' own texts (split by inline markup) are read once, then kept too."""
    saved = builder.memory.index_saved
    if build.index.texts_read() > saved.get(build.index_key, -1):
        kept = replace(build.index, documents={})
        builder.disk.put(build.index_key, kept, keep=INDEXES_KEPT)
        saved[build.index_key] = build.index.texts_read()


def write_site_data(build: SiteBuild, builder: SiteBuilder, site_dir: Path) -> None:
    """The machine-readable index says what the site index holds: made once per index."""
    key = cache_key("site-data", build.index_key)
    text = builder.disk.get(key)
    if not isinstance(text, str):
        # Compact: only the C encoder is fast, and it does not indent.
        text = json.dumps(site_data(build.index), ensure_ascii=False, separators=(",", ":"))
        builder.disk.put(key, text, keep=INDEXES_KEPT)
    write_atomically(site_dir / SITE_DATA, text)


def write_clause_search(
    build: SiteBuild, site_dir: Path, page_urls: dict[str, str], mark: str
) -> None:
    """Clause entries from the model replace the theme's for the documents' pages.
    `page_urls`: each document's page URL, as the search index names pages."""
    material = read_json(site_dir / SEARCH_INDEX)
    if material is None:
        return
    documents = build.current_documents
    index = build_search_index(documents, page_urls, build.index.terms, material, mark)
    _write_json(site_dir / SEARCH_INDEX, index)


def merge_dirty_search(
    site_dir: Path, before: dict | None, built: dict[str, set[str]], pages: set[str]
) -> None:
    """After a dirty build: the entries of the pages just built, the earlier build's for
    the others (see search_index.merge_search_index)."""
    after = read_json(site_dir / SEARCH_INDEX)
    if after is not None:
        _write_json(site_dir / SEARCH_INDEX, merge_search_index(before, after, built, pages))


def read_json(path: Path) -> dict | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def _write_json(path: Path, data: dict) -> None:
    write_atomically(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
