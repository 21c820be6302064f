"""Where the package's own files are: one home, so a module that moves keeps finding them."""

import hashlib
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = PACKAGE_ROOT / "assets"
SCAFFOLD_DIR = PACKAGE_ROOT / "scaffold"

# The package's own files every page of the site loads (under assets/clausemark/).
PACKAGE_ASSETS = (
    "clausemark.css",
    "clausemark.js",
    "clausemark-anchors.js",
    "clausemark-search-wording.js",  # search's count says "clauses" (overrides/main.html)
    "material-inline.js",  # the theme's inline scripts, which the CSP forbids inline
)

# Where the site serves them, and the offline bundle's worker shim (adapters/bundle.py).
ASSETS_SITE_DIR = "assets/clausemark"
SHIM = "iframe-worker.js"


def content_version(content: bytes) -> str:
    """A short hash of a file's bytes: the `v` of the address a page loads it by."""
    return hashlib.sha256(content).hexdigest()[:10]


def asset_url(name: str) -> str:
    """The site address a page loads one of the package's assets by, with its content's
    version as a query ('assets/clausemark/clausemark.js?v=3f2a9c01bd'): a browser that
    cached an earlier clausemark's copy asks for the new one after an upgrade (the query
    is part of the address a cache keeps; file:// reads the file and ignores it)."""
    return f"{ASSETS_SITE_DIR}/{name}?v={content_version((ASSETS_DIR / name).read_bytes())}"
