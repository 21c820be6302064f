"""No source is silently lost: one page per address, no link out of sources/, no
overwritten output, and every internal link of a build lands (or --strict fails)."""

from __future__ import annotations

import json
import os

import pytest
from clausemark.site_builder.library import RESERVED_ADDRESSES
from site_builds import build_site, make_project, run_clausemark

pytestmark = pytest.mark.build  # every test here runs `mkdocs build` or the CLI on a site

TEXT = "1. Scope\n\n1.1 {} applies to every member.\n"


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "ERROR" in line or "error:" in line]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Member Protocol.txt", "member-protocol.txt"),
        ("-.txt", "日本語.txt"),
        ("rules.txt", "rules.md"),
        ("rules.txt", "rules/2024.txt"),
    ],
)
def test_two_sources_with_one_address_fail_naming_both(tmp_path, first, second):
    project = make_project(tmp_path, {first: TEXT.format("First"), second: TEXT.format("Second")})
    result = build_site(project, strict=False, expect_failure=True)
    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    shown = {first, second.split("/")[0]}
    assert all(f"sources/{name}" in line for name in shown), line
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", sorted(RESERVED_ADDRESSES))
def test_a_source_may_not_take_an_address_the_site_keeps(tmp_path, name):
    project = make_project(tmp_path, {f"{name}.txt": TEXT.format("It"), "b.txt": TEXT.format("B")})
    result = build_site(project, strict=False, expect_failure=True)
    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    assert f"sources/{name}.txt" in line and "keeps for its own page" in line


def test_a_link_out_of_sources_is_refused_and_never_published(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("1. Secret\n\n1.1 The password is swordfish.\n", encoding="utf-8")
    project = make_project(tmp_path / "site-project", {"a.txt": TEXT.format("A")})
    os.symlink(secret, project / "sources" / "leak.txt")
    (project / "sources" / "folder").mkdir()
    (project / "sources" / "folder" / "2024.txt").write_text(TEXT.format("F"), encoding="utf-8")
    result = build_site(project, strict=False, expect_failure=True)
    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    assert "sources/leak.txt" in line and "outside sources/" in line
    site = project / "site"
    published = [p.read_text(errors="replace") for p in site.rglob("*") if p.is_file()]
    assert not any("swordfish" in text for text in published)

    os.unlink(project / "sources" / "leak.txt")
    os.symlink(secret, project / "sources" / "folder" / "2025.txt")
    result = build_site(project, strict=False, expect_failure=True)
    assert result.returncode == 1 and "sources/folder/2025.txt" in result.stderr


def test_a_sidecar_linked_out_of_sources_is_refused(tmp_path):
    outside = tmp_path / "outside.yml"
    outside.write_text("title: Secret Title From Elsewhere\n", encoding="utf-8")
    project = make_project(tmp_path / "site-project", {"a.txt": TEXT.format("A")})
    os.symlink(outside, project / "sources" / "a.yml")
    result = build_site(project, strict=False, expect_failure=True)
    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    assert "sources/a.yml" in line and "outside sources/" in line


def test_a_link_inside_sources_is_followed(tmp_path):
    project = make_project(tmp_path, {"shared/original.txt": TEXT.format("Shared")})
    os.symlink(project / "sources" / "shared" / "original.txt", project / "sources" / "a.txt")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    index = json.loads((project / "site" / "search" / "search_index.json").read_text())
    assert any("Shared applies" in entry["text"] for entry in index["docs"])


def test_convert_out_refuses_to_overwrite_what_it_wrote_in_the_same_run(tmp_path):
    (tmp_path / "Member Protocol.txt").write_text(TEXT.format("First"), encoding="utf-8")
    (tmp_path / "member-protocol.txt").write_text(TEXT.format("Second"), encoding="utf-8")
    result = run_clausemark(
        "convert", "Member Protocol.txt", "member-protocol.txt", "--out", "out", cwd=tmp_path
    )
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "member-protocol.txt" in line and "Member Protocol.txt" in line
    assert not (tmp_path / "out").exists()


def test_a_broken_internal_link_fails_a_strict_build(tmp_path):
    project = make_project(tmp_path, {"a.txt": TEXT.format("A")})
    (project / "docs" / "index.md").write_text(
        '# Home\n\n<a href="a/#no-such-clause">a</a> <a href="gone/">b</a>\n', encoding="utf-8"
    )
    result = build_site(project, expect_failure=True)
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if "broken link" in line]
    assert any("a/#no-such-clause" in w and "missing anchor" in w for w in warnings)
    assert any("gone/" in w for w in warnings)
    assert build_site(project, strict=False).returncode == 0  # without --strict, a warning only
