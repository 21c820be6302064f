"""Where the package's own files are: one home, so a module that moves keeps finding them."""

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
