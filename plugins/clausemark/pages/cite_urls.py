"""Where a citation points: the cited version's own page, at the site's public address.

A current page cites the page of the version it shows (which stays when a later
version becomes current); with `site_url` set that address is absolute, also in the
offline bundle, whose own file:// paths would mean nothing in a report.
"""

from __future__ import annotations

from ..support.urls import document_path, page_url, relative_url, version_page
from ..versions.order import current_version

# Set by the bundle before it switches to file URLs: the public site's URL style.
CANONICAL_DIRECTORY_URLS = "clausemark_canonical_directory_urls"


def cited_pages(doc_id: str, versions: list, has_version_pages: bool) -> dict[str, str]:
    """Each page of a document -> the page its citations name (docs-relative .md paths)."""
    page = document_path(doc_id)
    if not has_version_pages:
        return {page: page}
    own = {version_page(doc_id, v.slug): version_page(doc_id, v.slug) for v in versions}
    return {**own, page: version_page(doc_id, current_version(versions).slug)}


def cite_url(
    page: str,
    cited: str,
    *,
    site_url: str,
    directory_urls: bool,
    canonical_directory_urls: bool | None = None,
) -> str:
    """Absolute when the site has a public address (in the public site's URL style);
    else relative to `page`."""
    site_url = site_url.strip()
    if site_url:
        canonical = directory_urls if canonical_directory_urls is None else canonical_directory_urls
        return site_url.rstrip("/") + "/" + page_url(cited, canonical)
    return relative_url(page, cited, directory_urls)
