"""The builder makes the site, the plugin only hands it over: the example built by MkDocs
from `clausemark pages` (no clausemark plugin, the Markdown extension alone) has the same
HTML, byte for byte, as the plugin's build."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from clausemark.cli import main
from site_builds import REPO_ROOT, build_site

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def exported_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    assert main(["pages", "--config", str(REPO_ROOT / "mkdocs.yml"), "--out", str(out)]) == 0
    return build_site(out, out / "site").site_dir


def _pages(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_every_page_is_byte_identical_with_and_without_the_plugin(built_site, exported_site):
    with_plugin, without = _pages(built_site), _pages(exported_site)
    assert sorted(with_plugin) == sorted(without)
    differing = [name for name in with_plugin if with_plugin[name] != without[name]]
    # The build report alone differs: under the plugin it also lists what writing the
    # pages found (placeholder links, the word proofs), which no plugin-free build knows.
    assert differing == ["build-report/index.html"]
    assert b"Build report" in without["build-report/index.html"]
    assert len(with_plugin) > 15  # every document, version, change, code hub and review


def test_the_exported_config_has_no_clausemark_plugin(exported_site):
    config = yaml.safe_load((exported_site.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert "clausemark" not in plugins
    [extension] = [
        e for e in config["markdown_extensions"] if isinstance(e, dict) and "clausemark" in e
    ]
    assert Path(extension["clausemark"]["site"]["sources_dir"]) == (REPO_ROOT / "sources").resolve()
    assert config["nav"][0] == "index.md"


def test_pages_off_the_menu_link_no_previous_or_next_page(built_site):
    """A version or change page is reached from its document, not by paging through."""
    for page in ("versions/2026", "versions/2027", "changes/2026-to-2027"):
        html = built_site / "town-council-member-officer-relations-protocol" / page / "index.html"
        text = html.read_text(encoding="utf-8")
        assert '<link rel="prev"' not in text and '<link rel="next"' not in text
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="prev" href="../codes/employees-code/">' in glossary
