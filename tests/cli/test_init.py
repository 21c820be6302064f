"""`clausemark init DIR`: a new site that builds with --strict at once, never over other files."""

from __future__ import annotations

import contextlib
import os
import shutil

import pytest
from clausemark import scaffold
from clausemark.scaffold import ScaffoldError, create_site
from site_builds import REPO_ROOT, BuildResult, build_site, clausemark_here

EXAMPLE_DOC = "example-member-officer-protocol"
EXAMPLE_CLAUSE = "sec_2__para_2-2"  # clause 2.2 of the example protocol
EXAMPLE_ITEM = "sec_2__para_2-2__subpara_a"


def run_init(*args: str, cwd=REPO_ROOT) -> BuildResult:
    return clausemark_here("init", *args, cwd=cwd)


@pytest.mark.build
def test_init_creates_a_site_that_builds_strict_and_shows_the_example(tmp_path):
    site_dir = tmp_path / "council-site"
    result = run_init(str(site_dir))
    assert result.returncode == 0, result.stderr
    assert "created mkdocs.yml" in result.stdout.splitlines()
    assert (site_dir / "sources" / "README.md").is_file()
    assert (site_dir / "sources" / f"{EXAMPLE_DOC}.txt").is_file()
    assert (site_dir / "docs" / "index.md").is_file()
    assert (site_dir / "overrides").is_dir()
    ignored = (site_dir / ".gitignore").read_text(encoding="utf-8").split()
    assert {"site/", "dist/", ".cache/"} <= set(ignored)

    built = build_site(site_dir, tmp_path / "built").site_dir
    page = (built / EXAMPLE_DOC / "index.html").read_text(encoding="utf-8")
    assert f'id="{EXAMPLE_CLAUSE}"' in page
    assert f'id="{EXAMPLE_ITEM}"' in page
    assert f'data-cm-anchor="{EXAMPLE_CLAUSE}"' in page
    assert 'href="../glossary/#monitoring-officer"' in page
    assert not (built / "README").exists(), "the guide in sources/ must not be published"
    assert "fonts.googleapis.com" not in page
    # Material's end-of-life notice is for a terminal, never the site
    assert "end of life" not in page.lower() and "zensical" not in page.lower()
    assert (built / "build-report" / "index.html").is_file()
    assert 'href="../build-report/">Build report</a>' in page


def test_init_config_has_the_branding_to_change_and_no_web_fonts(tmp_path):
    create_site(tmp_path / "site")
    config = (tmp_path / "site" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_name: " in config
    assert "\n  council: " in config
    assert "\n  font: false" in config
    assert "\n  # logo: " in config
    assert "\n  palette:\n" in config
    assert "- clausemark:" in config


@pytest.mark.build
def test_pages_render_without_the_checkout_templates(tmp_path):
    """An installed package has no repository overrides/: the site must still build."""
    site_dir = tmp_path / "site"
    created = create_site(site_dir, overrides_dir=None)
    assert [str(path) for path in created if path.parts[0] == "overrides"] == [
        os.path.join("overrides", ".gitkeep")
    ]
    built = build_site(site_dir, tmp_path / "built").site_dir
    assert f'id="{EXAMPLE_CLAUSE}"' in (built / EXAMPLE_DOC / "index.html").read_text("utf-8")


def test_checkout_templates_are_copied_when_present(tmp_path):
    create_site(tmp_path / "site", overrides_dir=REPO_ROOT / "overrides")
    copied = tmp_path / "site" / "overrides" / "main.html"
    assert copied.read_bytes() == (REPO_ROOT / "overrides" / "main.html").read_bytes()


def test_init_into_an_empty_directory_works(tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    created = create_site(target, overrides_dir=None)
    assert (target / "mkdocs.yml").is_file()
    assert sorted(created) == created
    assert [path.name for path in tmp_path.iterdir()] == ["empty"]


def test_init_refuses_a_directory_that_is_not_empty(tmp_path):
    target = tmp_path / "existing"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run_init(str(target))
    assert result.returncode == 1
    assert result.stderr == (
        f"clausemark: error: {target} is not empty; choose a new or empty directory\n"
    )
    assert [path.name for path in target.iterdir()] == ["notes.txt"]
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_init_refuses_a_file(tmp_path):
    target = tmp_path / "mkdocs.yml"
    target.write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="exists and is not a directory"):
        create_site(target)


def test_a_failed_init_leaves_nothing_behind(tmp_path, monkeypatch):
    real_copytree = shutil.copytree

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(scaffold.shutil, "copytree", fail)
    with pytest.raises(ScaffoldError, match="No space left on device"):
        create_site(tmp_path / "site")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(scaffold.shutil, "copytree", real_copytree)
    create_site(tmp_path / "site")
    assert (tmp_path / "site" / "mkdocs.yml").is_file()


def test_init_prints_commands_that_work_as_printed(tmp_path, capsys):
    """The mkdocs beside this clausemark (a venv's bin/ is seldom on PATH), with
    NO_MKDOCS_2_WARNING=1 so Material's end-of-life notice stays out of the way."""
    import shlex
    import sys
    from pathlib import Path

    from clausemark.cli import main

    assert main(["init", str(tmp_path / "my site")]) == 0
    out = capsys.readouterr().out
    [serve] = [line for line in out.splitlines() if line.split("#")[0].rstrip().endswith(" serve")]
    words = shlex.split(serve.split("#")[0])
    assert words[0] == "NO_MKDOCS_2_WARNING=1"
    mkdocs = Path(words[words.index("NO_MKDOCS_2_WARNING=1") + 1])
    assert mkdocs.is_absolute() and mkdocs.is_file()
    assert mkdocs.parent == Path(sys.executable).parent


@pytest.mark.build
def test_the_printed_steps_work_pasted_in_order_into_one_shell(tmp_path, capsys):
    """trial14: each step began 'cd my-constitution && ...', so the second failed in the
    shell the first had left inside the site. One 'cd', then the build and the bundle,
    the server last (it runs until stopped: checked here for its place, not run)."""
    import subprocess

    from clausemark.cli import main
    from site_builds import MKDOCS_ENV

    with contextlib.chdir(tmp_path):
        assert main(["init", "my site"]) == 0
    out = capsys.readouterr().out.splitlines()
    start = next(index for index, line in enumerate(out) if line.startswith("next")) + 1
    steps = [line.split("#")[0].strip() for line in out[start:]]
    assert steps[0] == "cd 'my site'" and steps[-1].endswith(" serve")
    shell = subprocess.run(
        ["bash", "-e", "-c", "\n".join(steps[:-1])],
        cwd=tmp_path,
        env={**os.environ, **MKDOCS_ENV},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert shell.returncode == 0, shell.stderr[-2000:]
    assert (tmp_path / "my site" / "site" / "index.html").is_file()
    assert list((tmp_path / "my site" / "dist").glob("*.zip"))


def test_the_scaffold_guide_matches_the_rules():
    guide = (
        REPO_ROOT / "plugins" / "clausemark" / "scaffold" / "sources" / "README.md"
    ).read_text()
    assert "The last one is published" not in guide
    assert "is never the current page" in guide  # a draft, however new
    assert "clausemark anchors update" in guide
    assert "not_references" in guide and "reference_targets" in guide


def test_init_prints_the_bundle_command_too(tmp_path, capsys):
    """The README's third command after init: the offline copy, with the clausemark
    installed beside this one."""
    import shlex
    import sys
    from pathlib import Path

    from clausemark.cli import main

    assert main(["init", str(tmp_path / "my site")]) == 0
    out = capsys.readouterr().out
    [bundle] = [ln for ln in out.splitlines() if ln.split("#")[0].rstrip().endswith(" bundle")]
    words = shlex.split(bundle.split("#")[0])
    clausemark = Path(words[0])
    assert clausemark.is_absolute() and clausemark.is_file()
    assert clausemark.parent == Path(sys.executable).parent


def test_the_new_home_page_is_named_by_site_name_alone(tmp_path):
    """The guide says to set site_name in mkdocs.yml: the home page then carries it, with
    no example council's name left in docs/index.md."""
    from clausemark.site_builder import SiteBuilder, SiteSettings

    site_dir = tmp_path / "council-site"
    create_site(site_dir)
    written = (site_dir / "docs" / "index.md").read_text(encoding="utf-8")
    assert "Example" not in written
    settings = SiteSettings.from_options(
        {"docs_dir": "docs", "cache_dir": "", "site_name": "Brackenholt Borough Constitution"},
        site_dir,
    )
    home = SiteBuilder(settings).build().page("index.md")
    assert home is not None and home.markdown.startswith("# Brackenholt Borough Constitution\n")
