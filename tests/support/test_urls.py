"""The one home of slugs, page URLs and links between pages (clausemark.support.urls)."""

from __future__ import annotations

import posixpath

import pytest
from clausemark.support.urls import (
    GLOSSARY_PAGE,
    code_path,
    document_path,
    page_url,
    relative_md,
    relative_url,
    search_location,
    slugify,
)
from hypothesis import given
from hypothesis import strategies as st


def test_slugify_joins_words_with_single_hyphens():
    assert slugify("  Standing Orders -- Part 4 ") == "standing-orders-part-4"


def test_slugify_keeps_only_the_characters_asked_for():
    assert slugify("Version 2.1 (draft)") == "version-2-1-draft"
    assert slugify("Version 2.1 (draft)", keep=".") == "version-2.1-draft"
    assert slugify(".v2.", keep=".") == "v2"


def test_slugify_folds_accents_only_when_asked():
    assert slugify("Conseil Général") == "conseil-g-n-ral"
    assert slugify("Conseil Général", ascii_fold=True) == "conseil-general"


def test_slugify_drops_apostrophes_only_when_asked():
    assert slugify("Members’ Code") == "members-code"
    assert slugify("Officer's report") == "officer-s-report"
    assert slugify("Officer's report", drop_apostrophes=True) == "officers-report"


def test_slugify_cuts_before_trimming_and_falls_back():
    assert slugify("abc def", max_length=4) == "abc"
    assert slugify("???", fallback="site") == "site"
    assert slugify("???") == ""


@given(st.text(max_size=80))
def test_slugify_output_is_safe_in_urls_and_ids(text):
    slug = slugify(text, keep=".", max_length=64, fallback="version")
    assert slug and len(slug) <= 64
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-.")
    assert slug[0] not in "-." and slug[-1] not in "-." or slug == "version"


@pytest.mark.parametrize(
    ("path", "directory_urls", "url"),
    [
        ("index.md", True, ""),
        ("doc.md", True, "doc/"),
        ("doc/versions/v1.md", True, "doc/versions/v1/"),
        ("reviews/index.md", True, "reviews/"),
        ("doc.md", False, "doc.html"),
        ("index.md", False, "index.html"),
    ],
)
def test_page_url_is_the_url_mkdocs_gives(path, directory_urls, url):
    assert page_url(path, directory_urls) == url


def test_relative_url_between_pages_and_to_the_home_page():
    assert relative_url("doc.md", "doc/changes/a-to-b.md") == "changes/a-to-b/"
    assert relative_url("doc/versions/1.md", "doc.md") == "../../"
    assert relative_url("doc/versions/1.md", "index.md") == "../../.."  # the site root
    assert relative_url("doc.md", "doc.md") == "./"
    assert relative_url("doc/versions/1.md", "doc.md", directory_urls=False) == "../../doc.html"
    assert relative_url("doc/versions/1.md", "doc/versions/2.md", False) == "2.html"


def test_relative_md_is_the_shortest_path_between_source_files():
    assert relative_md("doc.md", "glossary.md") == "glossary.md"
    assert relative_md("codes/a.md", "codes/b.md") == "b.md"
    assert relative_md("doc/versions/1.md", "glossary.md") == "../../glossary.md"
    assert relative_md("", "doc.md") == "doc.md"


@given(
    st.lists(st.sampled_from(["a", "b", "doc", "versions"]), max_size=3),
    st.lists(st.sampled_from(["a", "b", "doc", "versions"]), max_size=3),
)
def test_relative_md_lands_on_its_target(from_dirs, to_dirs):
    source = posixpath.join(*from_dirs, "x.md") if from_dirs else "x.md"
    target = posixpath.join(*to_dirs, "y.md") if to_dirs else "y.md"
    landed = posixpath.normpath(
        posixpath.join(posixpath.dirname(source), relative_md(source, target))
    )
    assert landed == target


def test_search_location_names_the_home_page_as_material_does():
    assert search_location("./") == ""
    assert search_location(".") == ""
    assert search_location("./doc/") == "doc/"
    assert search_location("doc/") == "doc/"


def test_the_site_s_own_pages_and_their_urls():
    assert document_path("standing-orders") == "standing-orders.md"
    assert page_url(document_path("standing-orders")) == "standing-orders/"
    assert page_url(code_path("members-code"), directory_urls=False) == "codes/members-code.html"
    assert relative_md(code_path("members-code"), GLOSSARY_PAGE) == "../glossary.md"
