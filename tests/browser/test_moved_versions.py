"""A renamed version's old address still lands, in the built site and the offline bundle.

sources/anchors.json records the versions of `rules` as "2025" and "2026" (the keys a
build gave them before control rows "Version | 3" were read); the texts print versions 3
and 4, so their pages are /rules/versions/3/ and /4/. The old addresses must still lead
there: over http, and from the unzipped bundle on file://, with no script needed and no
request leaving the site.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from browser_support import record_requests, serve_directory
from clausemark.convert import convert_file
from clausemark.model.records import clause_records
from renamed_version_texts import NEW, OLD
from site_builds import REPO_ROOT, build_site, make_project, run_clausemark

CONFIG = (
    "site_name: Renamed\n"
    f"theme: {{name: material, font: false, custom_dir: '{REPO_ROOT / 'overrides'}'}}\n"
    "plugins: [search, {clausemark: {cache_dir: ''}}]\n"
)
SCREENSHOT = Path("/tmp/clausemark-moved-version.png")
_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def _anchors_by_year(sources: Path) -> dict:
    """anchors.json as a build that did not read "Version | 3" wrote it."""
    versions = []
    for year in ("2025", "2026"):
        document = convert_file(sources / "rules" / f"{year}.txt", "rules")
        anchors = [r.anchor for r in clause_records(document)]
        versions.append({"version": year, "anchors": {a: a for a in anchors}})
    return {
        "format": "clausemark-anchors",
        "version": 1,
        "documents": {"rules": {"versions": versions, "removed": {}}},
    }


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory) -> tuple[Path, Path]:
    """The site built --strict, and the offline bundle unzipped: (site dir, bundle dir)."""
    root = tmp_path_factory.mktemp("renamed")
    project = make_project(
        root / "project", {"rules/2025.txt": OLD, "rules/2026.txt": NEW}, mkdocs_yml=CONFIG
    )
    registry = _anchors_by_year(project / "sources")
    (project / "sources" / "anchors.json").write_text(json.dumps(registry), encoding="utf-8")
    built = build_site(project)
    out = root / "dist"
    run_clausemark("bundle", "--out", str(out), cwd=project, expect_failure=False)
    (archive,) = out.glob("*.zip")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(root / "unzipped")
    assert built.site_dir is not None
    return built.site_dir, root / "unzipped" / archive.stem


def _refresh(page: Path) -> str:
    found = _REFRESH.search(page.read_text(encoding="utf-8"))
    assert found, f"no refresh in {page}"
    return found.group(1)


def test_the_old_version_address_exists_and_points_at_the_new_one(renamed_site):
    site, bundle = renamed_site
    assert (site / "rules/versions/3/index.html").is_file()
    old = site / "rules/versions/2025/index.html"
    assert _refresh(old) == "../3/"
    assert 'href="../3/"' in old.read_text(encoding="utf-8")  # the link, for any browser
    assert _refresh(site / "rules/versions/2026/index.html") == "../4/"
    assert _refresh(site / "rules/changes/2025-to-2026/index.html") == "../3-to-4/"
    assert (site / "rules/changes/3-to-4/index.html").is_file()
    # the offline bundle: files, not folders
    assert _refresh(bundle / "rules/versions/2025.html") == "3.html"
    assert (bundle / "rules/versions/3.html").is_file()
    assert 'href="3.html"' in (bundle / "rules/versions/2025.html").read_text(encoding="utf-8")


def test_a_browser_at_the_old_address_lands_on_the_new_version(renamed_site, page):
    site, bundle = renamed_site
    with serve_directory(site) as base:
        log = record_requests(page)
        page.goto(f"{base}rules/versions/2025/")
        page.wait_for_url(f"{base}rules/versions/3/")
        assert "four times a year" in page.inner_text("article")
        page.screenshot(path=str(SCREENSHOT))
        assert log.outside(origin=base) == []
    log = record_requests(page)
    page.goto((bundle / "rules/versions/2025.html").as_uri())
    page.wait_for_url((bundle / "rules/versions/3.html").as_uri())
    assert "four times a year" in page.inner_text("article")
    page.goto((bundle / "rules/changes/2025-to-2026.html").as_uri())
    page.wait_for_url((bundle / "rules/changes/3-to-4.html").as_uri())
    assert log.outside(directory=bundle.resolve()) == []
