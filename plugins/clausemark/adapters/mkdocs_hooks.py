"""MkDocs hooks named by the mkdocs.yml `clausemark pages` writes: a site built with no
clausemark plugin still needs what the plugin does to the theme's settings, or the theme
would write the site's name into every page as markup (`site_name_as_html`)."""

from __future__ import annotations

from clausemark.adapters.mkdocs_config import site_name_as_html  # a hook loads as a file


def on_config(config):
    """The site's name handed to the theme as HTML text, as the plugin hands it."""
    site_name_as_html(config)
    return config
