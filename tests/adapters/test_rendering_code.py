"""The code that renders a page is named in every render's key (rendered_pages.py): the
version of each distribution a Markdown extension comes from. Finding a module's
distribution reads what every installed distribution lists; that is done once a
process, not once a module (it was 40% of a warm build at 1x)."""

from __future__ import annotations

from importlib import metadata

import pytest
from clausemark.adapters import rendered_pages

# Extensions as a site names them: each from a distribution, several from one
EXTENSIONS = [
    "markdown.extensions.abbr",
    "markdown.extensions.toc",
    "pymdownx.superfences",
    "pymdownx.details",
    "material.extensions.emoji",
    "clausemark.extension.markdown_extension",
]


@pytest.fixture
def fresh_lookups():
    rendered_pages._module_distributions.cache_clear()
    rendered_pages._code_of.cache_clear()
    yield
    rendered_pages._module_distributions.cache_clear()
    rendered_pages._code_of.cache_clear()


def test_each_module_is_found_in_the_distributions_importlib_finds_it_in(fresh_lookups):
    expected = {m: tuple(names) for m, names in metadata.packages_distributions().items()}
    assert rendered_pages._module_distributions() == expected
    assert {"markdown", "mkdocs", "material", "pymdownx"} <= set(expected)


def test_the_rendering_code_names_each_distributions_version(fresh_lookups):
    code = rendered_pages._rendering_code(EXTENSIONS)
    assert code.split(",") == [
        f"clausemark={metadata.version('clausemark')}",
        f"Markdown={metadata.version('markdown')}",
        f"mkdocs-material={metadata.version('mkdocs-material')}",
        f"mkdocs={metadata.version('mkdocs')}",
        f"pymdown-extensions={metadata.version('pymdown-extensions')}",
    ]


def test_the_installed_distributions_are_read_once_for_every_module(fresh_lookups, monkeypatch):
    reads = []
    listing = metadata.distributions

    def counted(**kwargs):
        reads.append(kwargs)
        return listing(**kwargs)

    monkeypatch.setattr(metadata, "distributions", counted)
    rendered_pages._rendering_code(EXTENSIONS)
    rendered_pages._rendering_code([*EXTENSIONS, "footnotes"])
    assert len(reads) == 1
