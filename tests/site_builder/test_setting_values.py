"""A setting of the clausemark plugin with a value it cannot use is refused in one line
naming mkdocs.yml, never a traceback (attack12, session 11: `related_limit: 0` or `-1`
made the related-clause index raise ValueError out of the build)."""

from __future__ import annotations

import pytest
from clausemark.site_builder import SiteSettings
from clausemark.support.yaml_data import DataError
from site_builds import MKDOCS_YML, build_site, make_project


@pytest.mark.parametrize("value", [0, -1, "three", True, 2.5])
def test_a_related_limit_that_is_no_count_is_refused_in_one_line(tmp_path, value):
    with pytest.raises(DataError) as raised:
        SiteSettings.from_options({"related_limit": value}, tmp_path)
    message = str(raised.value)
    assert message.startswith(str(tmp_path)) and "\n" not in message
    assert "related_limit must be a whole number, at least 1" in message


def test_a_related_limit_of_one_or_more_is_kept(tmp_path):
    assert SiteSettings.from_options({"related_limit": 1}, tmp_path).related_limit == 1
    assert SiteSettings.from_options({"related_limit": "5"}, tmp_path).related_limit == 5
    assert SiteSettings.from_options({}, tmp_path).related_limit == 3


@pytest.mark.build
def test_the_build_refuses_a_related_limit_of_0_in_one_line(tmp_path):
    config = MKDOCS_YML.replace("{cache_dir: ''}", "{cache_dir: '', related_limit: 0}")
    assert config != MKDOCS_YML
    project = make_project(tmp_path / "p", {"rules.txt": "Rules\n\n1. Scope\n\n1.1 Members.\n"})
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build_site(project, expect_failure=True)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    [line] = [text for text in result.output.splitlines() if "related_limit" in text]
    assert "mkdocs.yml: the clausemark setting related_limit must be a whole number" in line
