"""The MkDocs adapter: a thin layer over the core package.

It converts sources/ into in-memory pages (never writing into docs/, which would make
`mkdocs serve` loop), registers the clausemark Markdown extension, watches sources/
under `mkdocs serve`, and logs the converter's warnings so that `--strict` fails on them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .library import ConversionCache, discover
from .markdown_writer import render_document
from .sources import SourceError

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
PACKAGE_ASSETS = ("clausemark.css", "clausemark.js")


class ClausemarkConfig(base.Config):
    sources_dir = c.Type(str, default="sources")
    allow_warnings = c.ListOfItems(c.Type(str), default=[])


class ClausemarkPlugin(BasePlugin[ClausemarkConfig]):
    def __init__(self):
        self.cache = ConversionCache()
        self.documents = []

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        self.sources_dir = (root / self.config.sources_dir).resolve()
        for name in ("attr_list", "footnotes", "md_in_html", "toc"):
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        if "clausemark" not in config.markdown_extensions:
            config.markdown_extensions.append("clausemark")
        config.extra_css.append("assets/clausemark/clausemark.css")
        config.extra_javascript.append("assets/clausemark/clausemark.js")
        return config

    def on_files(self, files: Files, config) -> Files:
        self.documents = []
        for name in PACKAGE_ASSETS:
            files.append(
                File.generated(config, f"assets/clausemark/{name}", abs_src_path=str(ASSETS / name))
            )
        for entry in discover(self.sources_dir):
            version = entry.versions[-1]
            try:
                document = self.cache.load(version, entry.doc_id)
            except SourceError as error:
                raise PluginError(str(error)) from None
            self.documents.append(document)
            for warning in document.warnings:
                self._report(warning.format(document.path), warning.code)
            files.append(
                File.generated(config, f"{entry.doc_id}.md", content=render_document(document))
            )
        return files

    def _report(self, message: str, code: str) -> None:
        """Known gaps in the sources are allow-listed in mkdocs.yml; anything new warns."""
        if any(allowed in message for allowed in self.config.allow_warnings):
            log.info(message)
        else:
            log.warning(message)

    def on_serve(self, server, config, builder):
        server.watch(str(self.sources_dir))
        return server
