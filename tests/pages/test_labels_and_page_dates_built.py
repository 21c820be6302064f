"""Built end to end (trial7 T4-T6): a document labelled 'Part 5 Protocol 4' under its
title is listed under Part 5 with no Part id; a web page's 'Page last updated' date is no
adoption on the home page or its page; a closing line of control fields is read as
document control and shown apart from the last clause."""

from __future__ import annotations

import html
import re

import pytest
from site_builds import build_site, run_clausemark

pytestmark = pytest.mark.build

PROTOCOL = (
    "Elmcote District Council\n\nSite Visits Protocol\n\nPart 5 Protocol 4\n\n1. Purpose\n\n"
    "1.1 This protocol applies to every site visit.\n\n1.2 Visits are arranged by the clerk.\n\n"
    "Version 2 · Approved by the Planning Committee on 12 January 2026 · Next review January 2028\n"
)
PAGE = (
    "<html><body><header>Elmcote</header><main><h1>Petitions Scheme</h1>"
    "<p>Part 5 Appendix 2</p><h2>1. Who may petition</h2>"
    "<p>1.1 Anyone who lives, works or studies in the district.</p>"
    "<p>Page last updated: 3 March 2026</p></main><footer>Footer</footer></body></html>"
)


def _text(path) -> str:
    page = re.sub(r"<script.*?</script>|<style.*?</style>", "", path.read_text("utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_labels_page_dates_and_control_fields_in_a_built_site(tmp_path):
    project = tmp_path / "project"
    assert run_clausemark("init", str(project)).returncode == 0
    sources = project / "sources"
    for example in sources.glob("*.txt"):
        example.unlink()
    (sources / "site-visits-protocol.txt").write_text(PROTOCOL, "utf-8")
    (sources / "petitions-scheme.html").write_text(PAGE, "utf-8")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    protocol = (site / "site-visits-protocol" / "index.html").read_text("utf-8")
    assert 'id="sec_1__para_1-2"' in protocol and "part_5__" not in protocol
    home = _text(site / "index.html")
    part = home[home.index("Part 5 ¶") :]
    assert "Site Visits Protocol" in part and "Petitions Scheme" in part
    assert "Other documents" not in home
    petitions = _text(site / "petitions-scheme" / "index.html")
    assert "Page last updated: 3 March 2026" in petitions
    assert "Adopted" not in petitions
    shown = _text(site / "site-visits-protocol" / "index.html")
    assert "Version 2 Adopted 12 January 2026" in shown and "Next review January 2028" in shown
    clause = shown[shown.index("Visits are arranged by the clerk.") :]
    assert clause.startswith("Visits are arranged by the clerk. ")
    assert "Version 2 · Approved by the Planning Committee" in shown
