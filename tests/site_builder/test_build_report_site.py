"""The build report in a real `mkdocs build`: allowed warnings counted in one line of the
log, every warning (those found while pages are written too) on the page, the page
linked from the footer, and gone when `build_report: false`."""

from __future__ import annotations

import html
import re
from pathlib import Path

DATA = Path(__file__).parent.parent / "data" / "links"
ALLOWED = ["reference 'Part 3'", "reference 'standing orders'", "reference 'Standing Orders'"]


def _sources() -> dict[str, str]:
    sources = {path.name: path.read_text(encoding="utf-8") for path in DATA.iterdir()}
    # a placeholder link naming no document: found only while the page is written
    sources["code-of-conduct.txt"] += "\n1.3 Members read the [members' handbook](#).\n"
    return sources


def _config(**options) -> dict:
    settings = {"cache_dir": "", "allow_warnings": ALLOWED + ["placeholder link"], **options}
    return {
        "site_name": "Dunmallow",
        "theme": {"name": "material", "font": False, "custom_dir": str(_overrides())},
        "plugins": ["search", {"clausemark": settings}],
    }


def _overrides() -> Path:
    return Path(__file__).resolve().parents[2] / "overrides"


def _text(page: Path) -> str:
    article = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>")[0]
    return html.unescape(re.sub(r"<[^>]+>", "", article))


def test_the_report_lists_every_warning_and_the_log_counts_the_allowed(new_site):
    result = new_site(_sources(), mkdocs_yml=_config())
    assert result.returncode == 0, result.stderr
    counted = re.findall(r"(\d+) known warnings allowed by allow_warnings", result.stderr)
    assert counted == ["4"], result.stderr  # one line, not four
    assert "reference 'Part 3'" not in result.stderr
    report = _text(result.site_dir / "build-report" / "index.html")
    assert "4 warnings (allowed in the site's settings)" in report
    assert "sources/contract-rules.txt:9: ambiguous reference 'Part 3'" in report
    assert (
        "sources/parish-protocol.txt:7: unresolved-external reference 'standing orders'" in report
    )
    # found only while the code's page was written, yet on the report
    assert "sources/code-of-conduct.txt:11: placeholder link '[members' handbook](#)'" in report
    page = result.page("standing-orders/index.html")
    assert '<a href="../build-report/">Build report</a>' in page


def test_build_report_false_leaves_no_page_and_no_footer_link(new_site):
    result = new_site(_sources(), mkdocs_yml=_config(build_report=False))
    assert result.returncode == 0, result.stderr
    assert not (result.site_dir / "build-report").exists()
    assert "Build report" not in result.page("standing-orders/index.html")
    assert re.search(r"4 known warnings allowed by allow_warnings in mkdocs.yml\n", result.stderr)


def test_many_missing_clauses_give_the_log_the_first_ones_and_a_count(new_site):
    """300 citations of missing clauses were 300 WARNING lines: now 20 and a count line
    (which still fails --strict); the 100 allowed ones are counted, none in that line."""
    sources = _sources()
    cited = "\n\n".join(f"1.{i + 1} See paragraph 9.{100 + i}." for i in range(300))
    sources["code-of-conduct.txt"] = (
        f"Dunmallow Borough Council\n\nCode of Conduct\n\n1. General\n\n{cited}\n"
    )
    config = _config()
    config["plugins"][1]["clausemark"]["allow_warnings"] += ["reference 'paragraph 9.2"]
    result = new_site(sources, mkdocs_yml=config, expect_failure=True)  # --strict
    lines = [
        line
        for line in result.stderr.splitlines()
        if line.startswith("WARNING") and "code-of-conduct.txt" in line
    ]
    assert len(lines) == 21, result.stderr
    assert (
        "and 180 more like this (reference), the last at sources/code-of-conduct.txt:"
        in (lines[-1])
    )
    assert not [line for line in lines[:20] if "paragraph 9.2" in line]
    assert re.search(r"103 known warnings allowed by allow_warnings", result.stderr)
