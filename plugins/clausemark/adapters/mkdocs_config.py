"""The clausemark plugin's settings in mkdocs.yml (`plugins: - clausemark: ...`)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ClausemarkConfig(base.Config):
    sources_dir = c.Type(str, default="sources")
    documents_file = c.Type(str, default="sources/documents.yml")
    glossary_file = c.Type(str, default="sources/glossary.yml")
    documents = c.ListOfItems(c.Type(dict), default=[])
    related_limit = c.Type(int, default=3)
    allow_warnings = c.ListOfItems(c.Type(str), default=[])
    # What the constitution calls each Part, for menus and the home page: {"Part 5": "..."}
    part_names = c.Type(dict, default={})
    # Converted documents kept between builds (relative to mkdocs.yml); "" keeps none.
    cache_dir = c.Type(str, default=".cache/clausemark")
    # Clause search: Material's search box answered by clausemark's worker and index.
    search = c.Type(bool, default=True)
    # The build report page (build-report/): every warning by document, what was left out
    # and what was repaired, linked from every page's footer.
    build_report = c.Type(bool, default=True)
