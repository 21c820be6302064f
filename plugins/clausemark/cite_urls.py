"""Where a citation points: the cited version's own page, at the site's public address.

A current page cites the page of the version it shows (which stays when a later
version becomes current); with `site_url` set that address is absolute, also in the
offline bundle, whose own file:// paths would mean nothing in a report.
"""

from __future__ import annotations

from .diff_pages import version_path
from .urls import document_path, page_url, relative_url
from .versions import current_version

# Set by the bundle before it switches to file URLs: the public site's URL style.
CANONICAL_DIRECTORY_URLS = "clausemark_canonical_directory_urls"


def cited_pages(doc_id: str, versions: list, has_version_pages: bool) -> dict[str, str]:
    """Each page of a document -> the page its citations name (docs-relative .md paths)."""
    page = document_path(doc_id)
    if not has_version_pages:
        return {page: page}
    own = {version_path(doc_id, v): version_path(doc_id, v) for v in versions}
    return {**own, page: version_path(doc_id, current_version(versions))}


def cite_url(config, page: str, cited: str) -> str:
    """Absolute when the site has a public address; else relative to `page`."""
    directory_urls = config.extra.get(CANONICAL_DIRECTORY_URLS, config.use_directory_urls)
    site_url = (config.site_url or "").strip()
    if site_url:
        return site_url.rstrip("/") + "/" + page_url(cited, directory_urls)
    return relative_url(page, cited, config.use_directory_urls)
