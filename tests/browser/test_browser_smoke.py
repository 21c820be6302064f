"""Prove the browser harness works: chromium launches, pages render, axe runs, logs catch leaks."""

from pathlib import Path

import pytest
from browser_support import format_violations, record_requests, run_axe, serve_directory
from site_builds import build_site, make_project

SCREENSHOT = Path("/tmp/clausemark-smoke.png")
MKDOCS_YML = """\
site_name: Smoke Protocol
theme:
  name: material
  font: false
nav:
  - Home: index.md
  - Protocol: protocol.md
"""


@pytest.fixture(scope="module")
def smoke_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throwaway stock Material site, independent of the project's own mkdocs.yml."""
    docs = {
        "index.md": "# Member/Officer Relations\n\nSee [the protocol](protocol.md#gifts).\n",
        "protocol.md": "# Protocol\n\n## Gifts\n\n4.8 Members shall not accept gifts.\n",
    }
    project = make_project(
        tmp_path_factory.mktemp("smoke_project"), mkdocs_yml=MKDOCS_YML, docs=docs
    )
    return build_site(project, project / "site").site_dir


def test_site_renders_over_http_with_axe_and_screenshot(page, smoke_site):
    with serve_directory(smoke_site) as base_url:
        log = record_requests(page)
        page.goto(base_url)
        assert page.title() == "Smoke Protocol"
        assert page.locator("article h1").inner_text() == "Member/Officer Relations"
        violations = run_axe(page)
        print(format_violations(violations))
        assert all({"id", "impact", "nodes"} <= violation.keys() for violation in violations)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        page.get_by_role("link", name="the protocol").click()
        page.wait_for_url(f"{base_url}protocol/#gifts")
        assert page.locator("#gifts").inner_text() == "Gifts"
    assert SCREENSHOT.read_bytes().startswith(b"\x89PNG")
    assert log.outside(origin=base_url) == []
    assert any(url.endswith(".css") for url in log.urls)


def test_run_axe_reports_a_missing_alt_text(page, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        '<body><main><img src="seal.png"></main></body></html>',
        encoding="utf-8",
    )
    with serve_directory(tmp_path) as base_url:
        page.goto(base_url)
        violations = run_axe(page)
    assert [violation["id"] for violation in violations] == ["image-alt"]
    assert "image-alt" in format_violations(violations)
    assert "seal.png" not in format_violations([])


def test_built_site_over_file_url_requests_nothing_outside_its_directory(page, smoke_site):
    log = record_requests(page)
    page.goto((smoke_site / "protocol" / "index.html").as_uri())
    assert page.locator("#gifts").inner_text() == "Gifts"
    assert len(log.urls) > 1, log.urls
    assert all(url.startswith("file://") for url in log.urls)
    assert log.outside(directory=smoke_site) == []


def test_request_log_catches_requests_that_leave_the_site(page, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><img alt="" src="https://tracker.example.invalid/p.png">'
        '<img alt="" src="local.png">',
        encoding="utf-8",
    )
    with serve_directory(tmp_path) as base_url:
        log = record_requests(page)
        page.goto(base_url)
        page.wait_for_load_state("networkidle")
    assert log.outside(origin=base_url) == ["https://tracker.example.invalid/p.png"]
    assert f"{base_url}local.png" in log.urls
    file_log = record_requests(page)
    page.goto((tmp_path / "index.html").as_uri())
    page.wait_for_load_state("networkidle")
    assert sorted(file_log.outside(directory=tmp_path / "elsewhere")) == [
        (tmp_path / "index.html").as_uri(),
        (tmp_path / "local.png").as_uri(),
        "https://tracker.example.invalid/p.png",
    ]
    assert file_log.outside(directory=tmp_path) == ["https://tracker.example.invalid/p.png"]
