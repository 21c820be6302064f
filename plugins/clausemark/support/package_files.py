"""Where the package's own files are: one home, so a module that moves keeps finding them."""

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = PACKAGE_ROOT / "assets"
SCAFFOLD_DIR = PACKAGE_ROOT / "scaffold"
