"""The core imports no MkDocs: only the adapters may, so the build outlives MkDocs 1.x."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "clausemark"
# The MkDocs adapter, its settings, the plugin-free export, and the offline bundle.
ADAPTERS = {"mkdocs_plugin.py", "mkdocs_config.py", "mkdocs_export.py", "bundle.py"}
FRAMEWORKS = ("mkdocs", "material")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def core_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).as_posix() not in ADAPTERS
    )


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_module_imports_no_mkdocs(path):
    frameworks = {m for m in imported_modules(path) if m.split(".")[0] in FRAMEWORKS}
    assert not frameworks, f"{path.name} imports {sorted(frameworks)}"


def test_the_check_sees_an_import_inside_a_function(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def build():\n    from mkdocs.config import load_config\n")
    assert "mkdocs.config" in imported_modules(sample)


# What the site is made of belongs to the builder: the adapter reaches it only through
# site_builder and the few helpers that name MkDocs' own things (URLs, assets, link check).
BUILD_MODULES = {
    "parser",
    "convert",
    "library",
    "markdown_writer",
    "diff_pages",
    "site_index",
    "glossary",
    "references",
    "generated_pages",
    "directory",
    "anchor_registry",
    "versions",
    "fidelity",
}
HANDLER_LINES = 30


def _relative_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1
    }


def test_the_mkdocs_plugin_holds_no_build_logic():
    plugin = PACKAGE / "mkdocs_plugin.py"
    assert not _relative_imports(plugin) & BUILD_MODULES
    tree = ast.parse(plugin.read_text(encoding="utf-8"))
    [plugin_class] = [
        n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "ClausemarkPlugin"
    ]
    long = {
        node.name: node.end_lineno - node.lineno + 1
        for node in plugin_class.body
        if isinstance(node, ast.FunctionDef)
        and node.name.startswith("on_")
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > HANDLER_LINES
    }
    assert long == {}
