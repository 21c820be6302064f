"""The baseline of every overhead measure: the plugin's own pages, built without it.

The clausemark plugin is run once, in this process, up to its navigation; every page it
would build (documents, versions, diffs, reviews, glossary, code hubs, plus docs/) is
written as Markdown to a new project whose mkdocs.yml is the original one without the
clausemark plugin and Markdown extension, with the same theme (overrides included) and
the same navigation written out. Plain MkDocs + Material then builds the same pages.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import Link, Section, get_navigation


def write_plain_project(config_file: Path, work: Path) -> int:
    """Write the plain project into `work`; returns the number of Markdown pages."""
    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)  # where the plugin checks its inputs
    files = config.plugins.on_files(get_files(config), config=config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    docs = work / "docs"
    pages = 0
    for file in files:
        if file.src_uri.startswith("assets/clausemark/"):
            continue  # the plugin's own stylesheet and scripts
        target = docs / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content_bytes)
        pages += file.src_uri.endswith(".md")
    settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    settings["docs_dir"] = "docs"
    settings["plugins"] = [p for p in settings.get("plugins", []) if "clausemark" not in _names(p)]
    settings["markdown_extensions"] = [
        e for e in settings.get("markdown_extensions", []) if "clausemark" not in _names(e)
    ]
    theme = settings.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((config_file.parent / theme["custom_dir"]).resolve())
    settings["nav"] = [_nav_entry(item) for item in nav.items]
    text = yaml.safe_dump(settings, sort_keys=False, allow_unicode=True)
    (work / "mkdocs.yml").write_text(text, encoding="utf-8")
    return pages


def _names(entry) -> set[str]:
    return set(entry) if isinstance(entry, dict) else {entry}


def _nav_entry(item):
    if isinstance(item, Section):
        return {item.title: [_nav_entry(child) for child in item.children]}
    if isinstance(item, Link):
        return {item.title: item.url}
    return {item.title: item.file.src_uri} if item.title else item.file.src_uri


if __name__ == "__main__":
    import sys

    config_file, work = (Path(argument).resolve() for argument in sys.argv[1:3])
    print(f"{write_plain_project(config_file, work)} pages written to {work}")
