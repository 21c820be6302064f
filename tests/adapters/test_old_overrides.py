"""A site whose overrides/ came from an earlier `clausemark init` loads clausemark's files by
their plain names ('assets/clausemark/material-inline.js'), not by the content version the
plugin gives (`config.extra.clausemark_assets`): a browser that cached an earlier copy keeps
it after an upgrade. The build says so in one line naming the override files, so the
maintainer copies overrides/ again; the site's own overrides are never rewritten."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from clausemark.adapters.mkdocs_plugin import _old_overrides
from clausemark.support.package_files import loads_assets_by_plain_name
from site_builds import REPO_ROOT, build_site, make_project

# overrides/partials/javascripts/base.html as `clausemark init` copied it before 094aae8
OLD_BASE = (
    "{#- clausemark: Material's inline script as a file (assets/clausemark/material-inline.js),"
    " so\n    that the Content-Security-Policy in main.html can forbid inline script. -#}\n"
    '<script src="{{ \'assets/clausemark/material-inline.js\' | url }}" data-md-part="base" '
    'data-md-scope="{{ (config.extra.scope | d(base_url)) | e }}"></script>\n'
)


def test_a_template_naming_an_asset_plainly_is_told_from_one_using_its_version():
    assert loads_assets_by_plain_name(OLD_BASE)
    assert loads_assets_by_plain_name('<link rel="stylesheet" href="assets/clausemark/x.css">')
    assert loads_assets_by_plain_name("{{ base_url }}/assets/clausemark/clausemark.js")
    for template in sorted((REPO_ROOT / "overrides").rglob("*.html")):  # as init copies now
        assert not loads_assets_by_plain_name(template.read_text(encoding="utf-8")), template
    # a comment naming the file is no loading
    assert not loads_assets_by_plain_name("{# see assets/clausemark/clausemark.js #}<p>x</p>")


def test_a_folder_named_like_a_template_is_no_template(tmp_path):
    """overrides/ may hold a folder whose name ends '.html' (a site's own layout): the check
    reads files only, and a template in it is still read (attack14: IsADirectoryError before)."""
    custom = tmp_path / "overrides"
    (custom / "partials" / "odd.html").mkdir(parents=True)
    (custom / "partials" / "odd.html" / "base.html").write_text(OLD_BASE, encoding="utf-8")
    config = SimpleNamespace(
        theme=SimpleNamespace(custom_dir=str(custom)), config_file_path=str(tmp_path / "mkdocs.yml")
    )
    (warning,) = _old_overrides(config)
    assert "overrides/partials/odd.html/base.html" in warning.message


@pytest.mark.smoke
@pytest.mark.build
def test_overrides_from_an_earlier_init_fail_a_strict_build_in_one_line(tmp_path):
    config = (
        "site_name: Test\n"
        "theme: {name: material, font: false, custom_dir: overrides}\n"
        "plugins: [search, {clausemark: {cache_dir: ''}}]\n"
    )
    project = make_project(
        tmp_path / "project", {"rules.txt": "Rules\n\n1. Scope\n\n1.1 Words.\n"}, mkdocs_yml=config
    )
    shutil.copytree(REPO_ROOT / "overrides", project / "overrides")
    old = project / "overrides" / "partials" / "javascripts" / "base.html"
    old.write_text(OLD_BASE, encoding="utf-8")
    result = build_site(project, tmp_path / "site", expect_failure=None)
    assert result.returncode != 0
    told = [line for line in result.stderr.splitlines() if "plain name" in line]
    assert len(told) == 1, result.stderr
    assert "WARNING" in told[0] and "overrides/partials/javascripts/base.html" in told[0]
    assert "overrides/main.html" not in told[0]  # the current ones are not named
    assert "clausemark init" in told[0]
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert warnings == told, result.stderr
