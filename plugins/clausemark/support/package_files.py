"""Where the package's own files are: one home, so a module that moves keeps finding them."""

import hashlib
import re
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


_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)


def loads_assets_by_plain_name(template: str) -> bool:
    """Whether a theme template loads one of the package's assets by its plain address
    ('assets/clausemark/material-inline.js'), not through the versioned addresses the
    plugin hands the theme (`config.extra.clausemark_assets`, read with `.get(name,
    plain address)`): an override copied by an earlier `clausemark init`, which lets a
    browser keep an earlier clausemark's file after an upgrade. A comment naming the
    file loads nothing."""
    text = _JINJA_COMMENT.sub("", template)
    for match in re.finditer(re.escape(f"{ASSETS_SITE_DIR}/"), text):
        opened = text.rfind("{{", 0, match.start())
        expression = text[opened : match.start()] if opened >= 0 else "}}"
        if "}}" in expression or ".get(" not in expression:
            return True
    return False
