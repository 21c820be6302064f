"""The site as plain files, built with no clausemark plugin: `clausemark pages`.

Writes the builder's pages beside a copy of docs/, clausemark's assets, and a mkdocs.yml
that names the menu and the Markdown extension (with the site's settings, so it links
pages by itself) but no clausemark plugin. MkDocs builds that folder to the same HTML as
the plugin does (tests/test_builder_export.py). Zensical, which reads mkdocs.yml and runs
Python-Markdown extensions but not MkDocs plugins, builds it too, in its own theme (tried
by hand with zensical 0.0.73). What the plugin adds after the pages (clause search, the site index
file, the proofs and the link check) is not part of such a build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from ..site_builder import BuildError, SiteBuilder
from ..site_builder.menu import MenuPage, MenuSection, site_menu
from ..support.atomic import write_atomically
from ..support.package_files import ASSETS_DIR, PACKAGE_ASSETS
from ..support.urls import BUILD_REPORT_PAGE, page_url
from .mkdocs_config import ASSET_URLS, asset_urls, site_settings

NEEDED_EXTENSIONS = ("attr_list", "footnotes", "md_in_html", "toc")
HOOKS_FILE = Path(__file__).with_name("mkdocs_hooks.py")  # what the plugin does to the theme


class ExportError(Exception):
    """str() is the one-line message."""


def export_site(config_file: Path, out_dir: Path) -> Path:
    """Write the site's pages and a plugin-free mkdocs.yml into `out_dir`; its mkdocs.yml."""
    try:
        config = load_config(str(config_file))
        with open(config_file, encoding="utf-8") as file:
            raw = yaml_load(file) or {}
    except (ConfigurationError, OSError, yaml.YAMLError) as error:
        raise ExportError(f"{config_file}: {' '.join(str(error).split())}") from None
    plugin = config.plugins.get("clausemark")
    if plugin is None:
        raise ExportError(f"{config_file}: the clausemark plugin is not in its plugins")
    settings = site_settings(plugin.config, config)
    try:
        build = SiteBuilder(settings).build()
    except BuildError as error:
        raise ExportError(str(error)) from None
    docs = out_dir / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(config.docs_dir, docs)
    for name in PACKAGE_ASSETS:
        target = docs / "assets" / "clausemark" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS_DIR / name, target)
    for page in build.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, page.markdown)
    site_options = {
        "sources_dir": str(settings.sources_dir),
        "documents_file": str(settings.documents_file),
        "glossary_file": str(settings.glossary_file),
        "documents": list(settings.documents),
        "related_limit": settings.related_limit,
        "use_directory_urls": settings.use_directory_urls,
        "cache_dir": str(settings.cache_dir) if settings.cache_dir else "",
        "build_report": settings.build_report,
        "legislation_links": settings.legislation_links,
    }
    written = _plain_config(raw, Path(config_file).resolve().parent, docs, site_options)
    # the footer's link to the build report, as the plugin sets it
    report = page_url(BUILD_REPORT_PAGE, settings.use_directory_urls)
    written.setdefault("extra", {})["clausemark_build_report"] = (
        report if settings.build_report else None
    )
    written["extra"][ASSET_URLS] = assets = asset_urls()  # as the plugin names them
    written["extra_css"] = [*(raw.get("extra_css") or []), assets["clausemark.css"]]
    written["extra_javascript"] = [
        *(raw.get("extra_javascript") or []),
        assets["clausemark.js"],
        assets["clausemark-anchors.js"],
    ]
    written["nav"] = [_nav_entry(item) for item in site_menu(build)]
    target = out_dir / "mkdocs.yml"
    write_atomically(target, yaml.safe_dump(written, sort_keys=False, allow_unicode=True))
    return target


def _plain_config(raw: dict, root: Path, docs: Path, site_options: dict) -> dict:
    config = dict(raw)
    config["docs_dir"] = docs.name  # beside the written mkdocs.yml (an absolute one stops Zensical)
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        config["theme"] = {**theme, "custom_dir": str(root / theme["custom_dir"])}
    config["plugins"] = [
        entry for entry in config.get("plugins") or [] if _name(entry) != "clausemark"
    ]
    config["hooks"] = [*(config.get("hooks") or []), str(HOOKS_FILE)]
    extensions = [
        entry for entry in config.get("markdown_extensions") or [] if _name(entry) != "clausemark"
    ]
    named = {_name(entry) for entry in extensions}
    extensions += [name for name in NEEDED_EXTENSIONS if name not in named]
    extensions.append({"clausemark": {"site": site_options}})
    config["markdown_extensions"] = extensions
    return config


def _name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def _nav_entry(item: MenuPage | MenuSection):
    if isinstance(item, MenuSection):
        return {item.title: [_nav_entry(child) for child in item.children]}
    return {item.title: item.path} if item.title is not None else item.path
