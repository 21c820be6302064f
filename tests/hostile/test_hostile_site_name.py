"""T12: the site's name (mkdocs.yml `site_name`, the council's own) reaches HTML through
the theme's templates, which write it unescaped: the tab's title, the header, the menu,
the logo's accessible name and the home page's heading. A hostile name shows literally
everywhere, on the site and in the offline bundle, and opens no element."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml
from clausemark.support.html_tree import parse_html
from lxml import etree
from site_builds import REPO_ROOT, build_site, make_project, run_clausemark

HOSTILE_NAME = "Evil </title><script>alert(1)</script> \"Q\" & 'A' <b>Bold</b> &amp; Council"
SOURCE = "Hostile Name Standing Orders\n\n1. Meetings\n\n1.1 The council meets in May.\n"


def _project(root: Path) -> Path:
    config = {
        "site_name": HOSTILE_NAME,
        "theme": {"name": "material", "font": False, "custom_dir": str(REPO_ROOT / "overrides")},
        "plugins": ["search", {"clausemark": {"cache_dir": ""}}],
        "extra": {"generator": False},
        "markdown_extensions": ["attr_list", "md_in_html", "footnotes", "toc", "clausemark"],
    }
    return make_project(
        root,
        {"hostile-name.txt": SOURCE},
        mkdocs_yml=yaml.safe_dump(config, sort_keys=False),
        docs={},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, Path, Path]:
    """The site, the unzipped bundle, the zip and the site `clausemark pages` exports."""
    root = tmp_path_factory.mktemp("hostile-name")
    project = _project(root / "project")
    site = build_site(project).site_dir
    assert site is not None
    run_clausemark("bundle", "--out", str(root / "dist"), cwd=project, expect_failure=False)
    (archive,) = sorted((root / "dist").glob("*.zip"))
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(root / "unzipped")
    out = root / "pages"
    run_clausemark("pages", "--out", str(out), cwd=project, expect_failure=False)
    exported = build_site(out, out / "site").site_dir
    assert exported is not None
    return site, root / "unzipped" / archive.stem, archive, exported


def _pages(folder: Path) -> list[Path]:
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) >= 3
    return pages


def _text(element) -> str:
    return " ".join("".join(element.itertext()).replace("¶", "").split())


@pytest.mark.build
@pytest.mark.parametrize("where", ["site", "bundle", "exported"])
def test_a_hostile_site_name_shows_literally_and_opens_nothing(built, where):
    folder = {"site": built[0], "bundle": built[1], "exported": built[3]}[where]
    shown = " ".join(HOSTILE_NAME.split())
    for path in _pages(folder):
        tree = parse_html(path.read_text(encoding="utf-8"))
        assert tree is not None
        where_is = path.relative_to(folder)
        assert not tree.xpath("//b"), where_is  # the name's <b> opened nothing
        scripts = [etree.tostring(s, encoding="unicode") for s in tree.xpath("//script")]
        assert not [s for s in scripts if "alert(1)" in s], where_is
        (title,) = tree.xpath("//head/title")
        assert _text(title).endswith(shown), (where_is, _text(title))
        for logo in tree.xpath("//a[contains(@class, 'md-logo')]"):
            assert logo.get("aria-label") == HOSTILE_NAME, where_is
            assert logo.get("title") == HOSTILE_NAME, where_is
        topics = tree.xpath("//*[contains(@class, 'md-header__topic')][1]//span")
        assert topics and _text(topics[0]) == shown, where_is
    home = parse_html((folder / "index.html").read_text(encoding="utf-8"))
    assert home is not None
    (heading,) = home.xpath("//article//h1")
    assert _text(heading) == shown


@pytest.mark.build
def test_the_bundle_is_named_by_the_words_of_the_name(built):
    """The zip's name is made from the name as written, not from its HTML escapes."""
    assert built[2].name.startswith("evil-title-script-alert-1-script-q-a-b-bold-b-amp-council-")
