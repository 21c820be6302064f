"""Warnings a clerk can act on, and the build report page (site_builder/report.py,
pages/build_report.py), on the invented councils of tests/data/links/: no MkDocs."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from clausemark.site_builder import SiteBuilder, SiteSettings
from clausemark.site_builder.outputs import build_problems
from clausemark.site_builder.report import build_report, capped
from clausemark.support.limits import LIMITS
from clausemark.support.urls import BUILD_REPORT_PAGE

DATA = Path(__file__).parent.parent / "data" / "links"


def _site(root: Path, **options) -> SiteSettings:
    sources = root / "sources"
    shutil.copytree(DATA, sources)
    return SiteSettings.from_options({"cache_dir": "", **options}, root)


def test_a_reference_warning_names_the_line_the_cause_once_and_the_fix(tmp_path):
    build = SiteBuilder(_site(tmp_path)).build()
    messages = [w.message for w in build_problems(build)]
    [ambiguous] = [m for m in messages if "contract-rules" in m.split(":")[0]]
    assert ambiguous.startswith("sources/contract-rules.txt:9: ambiguous reference 'Part 3': ")
    assert ambiguous.count("Part 3") == 3  # the phrase, the cause, the fix: said once each
    assert "2 documents answer to it ('contract-rules', 'finance-rules')" in ambiguous
    assert 'Fix: add `reference_targets: ["Part 3 = <one of those ids>"]`' in ambiguous
    assert ambiguous.endswith("to sources/contract-rules.yml")
    other_council = [m for m in messages if m.startswith("sources/parish-protocol.txt:")]
    assert [m.split(":")[1] for m in other_council] == ["7", "9"]
    assert all('not_references: ["standing orders"]' in m.lower() for m in other_council)
    # statutes, modal words, lists and ranges give no warning at all
    assert not [m for m in messages if m.startswith("sources/standing-orders.txt")]


def test_the_build_report_lists_every_warning_by_document_escaped(tmp_path):
    settings = _site(tmp_path, allow_warnings=["reference 'Part 3'"])
    (settings.sources_dir / "code-of-conduct.txt").write_text(
        "Dunmallow Borough Council\n\nCode <script>alert(1)</script> of Conduct\n\n"
        "1. General\n\n1.1 A breach is reported.\n\n1.2 See paragraph 9.\n",
        encoding="utf-8",
    )
    build = SiteBuilder(settings).build()
    page = build.page(BUILD_REPORT_PAGE)
    assert page is not None
    text = page.markdown
    assert "## [Meetings Protocol](parish-protocol.md)" in text
    assert "## [Contract Procedure Rules](contract-rules.md)" in text
    assert "*(allowed)*" in text.split("## [Contract Procedure Rules]")[1].split("\n## ")[0]
    assert "<script>" not in text and "&lt;script&gt;" in text
    # every reference warning of the build is on the page, under its document
    for warning in build_problems(build):
        if warning.code == "reference":
            assert warning.message.split(": ", 1)[0].replace("_", "\\_") in text


def test_the_report_can_be_turned_off(tmp_path):
    build = SiteBuilder(_site(tmp_path, build_report=False)).build()
    assert build.page(BUILD_REPORT_PAGE) is None


def test_a_warning_in_a_word_file_names_its_paragraph(tmp_path):
    from format_fixtures import Item, Spec, spec_docx

    settings = _site(tmp_path)
    spec = Spec(
        "Finance Rules",
        [
            Item("heading", "Budgets", "1.", 0),
            Item("clause", "The budget follows paragraph 7.7 of these rules.", "1.1", 1),
        ],
    )
    (settings.sources_dir / "finance.docx").write_bytes(spec_docx(spec))
    build = SiteBuilder(settings).build()
    [warning] = [w.message for w in build_problems(build) if "finance.docx" in w.message]
    assert warning.startswith("sources/finance.docx (paragraph ")
    assert "there is no paragraph 7.7 in finance" in warning


def test_a_left_out_line_shows_its_words_not_the_readers_markup(tmp_path):
    """A web page's bold "On this page:" label over its list of links is left out as a
    contents list; the report names the words as the page printed them, with no `**`."""
    settings = _site(tmp_path)
    (settings.sources_dir / "visits.html").write_text(
        "<html><body><main><h1>Site Visits Protocol</h1>"
        "<p><strong>On this page:</strong></p>"
        '<ul><li><a href="#a">Purpose</a></li><li><a href="#b">Conduct</a></li></ul>'
        "<h2>1. Purpose</h2><p>1.1 Members visit sites in a group.</p>"
        "<h2>2. Conduct</h2><p>2.1 Members do not discuss the application.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )
    build = SiteBuilder(settings).build()
    page = build.page(BUILD_REPORT_PAGE)
    assert page is not None
    visits = page.markdown.split("## [Site Visits Protocol]")[1].split("\n## ")[0]
    assert "printed contents list: On this page:" in visits, visits
    assert "\\*\\*" not in visits and "**On" not in visits


def test_every_version_s_left_out_lines_are_on_the_report(tmp_path):
    """A folder of versions: the lines each version's text left out are listed, not only the
    current one's (trial6: 2025.txt's contents list was in the build log alone)."""
    settings = _site(tmp_path)
    folder = settings.sources_dir / "visits"
    folder.mkdir()
    for year in ("2025", "2026"):
        (folder / f"{year}.txt").write_text(
            "Site Visits Protocol\n\nContents\nPurpose\nConduct\n\n"
            f"1. Purpose\n\n1.1 Members visit sites ({year}).\n\n2. Conduct\n\n2.1 They listen.\n",
            encoding="utf-8",
        )
    build = SiteBuilder(settings).build()
    page = build.page(BUILD_REPORT_PAGE)
    assert page is not None
    visits = page.markdown.split("## [Site Visits Protocol]")[1].split("\n## ")[0]
    assert "sources/visits/2026.txt:3" in visits and "sources/visits/2025.txt:3" in visits, visits


def test_a_clause_of_another_document_is_fixed_by_registering_the_document(tmp_path):
    """'paragraph 4.8 of the Grounds Maintenance Rules': the fix registers the document by
    its name (the title documents.yml needs), not by the whole phrase with its paragraph."""
    settings = _site(tmp_path)
    (settings.sources_dir / "verges.txt").write_text(
        "Verge Cutting Scheme\n\n1. Cutting\n\n1.1 Verges are cut as set out in paragraph 4.8 "
        "of the Grounds Maintenance Rules.\n",
        encoding="utf-8",
    )
    build = SiteBuilder(settings).build()
    [warning] = [w.message for w in build_problems(build) if "verges.txt" in w.message]
    assert 'title: "Grounds Maintenance Rules", url: "<its address>"}' in warning, warning
    assert "title: paragraph 4.8" not in warning


def test_a_reference_in_a_table_of_no_clause_is_checked_like_any_other(tmp_path):
    """A definitions table under a heading, in no clause: a number that is not there is
    reported at the table's line (it was linked when right, silently left when wrong)."""
    settings = _site(tmp_path)
    (settings.sources_dir / "moorings.html").write_text(
        "<html><body><main><h1>Moorings Scheme</h1><h2>1. Meanings</h2>"
        "<table><tr><th>Word</th><th>Meaning</th></tr>"
        "<tr><td>Berth</td><td>A mooring let under paragraph 2.1.</td></tr>"
        "<tr><td>Visitor</td><td>A boat staying under paragraph 2.9.</td></tr></table>"
        "<h2>2. Letting</h2><p>2.1 Berths are let for a year.</p>"
        "<p>2.2 Visitors stay no more than two nights.</p></main></body></html>",
        encoding="utf-8",
    )
    build = SiteBuilder(settings).build()
    found = [w.message for w in build_problems(build) if "moorings.html" in w.message]
    assert len(found) == 1, found
    assert found[0].startswith(
        "sources/moorings.html (line 1): unresolved reference 'paragraph 2.9'"
    )
    assert build.index.referenced_by[("moorings", "sec_2__para_2-1")] == [
        ("moorings", "sec_1__table_1")
    ]


def test_the_fix_names_a_clause_by_its_id_where_its_number_is_printed_twice(tmp_path):
    """Item (a) of 1 and clause (a) of section 3 both print 'a': '@ a' would silence
    both, so the fix names the clause by its id, and that silences the one warning."""
    settings = _site(tmp_path)
    (settings.sources_dir / "powers.html").write_text(
        "<html><body><main><h1>Scheme of Powers</h1><h2>2. Limits</h2><ol>"
        "<li>No power is used where:<ol type='a'><li>Part 9Q reserves it;</li>"
        "<li>it breaks a policy.</li></ol></li></ol><h2>3. Powers</h2><ol type='a'>"
        "<li>hire staff under Part 9Q;</li><li>buy goods.</li></ol></main></body></html>",
        encoding="utf-8",
    )
    build = SiteBuilder(settings).build()
    found = [w.message for w in build_problems(build) if "powers.html" in w.message]
    assert len(found) == 2
    assert '(or "Part 9Q @ sec_2__para_1__subpara_a" for that clause only)' in found[0]
    assert '(or "Part 9Q @ sec_3__para_a" for that clause only)' in found[1]
    (settings.sources_dir / "powers.yml").write_text(
        'not_references: ["Part 9Q @ sec_2__para_1__subpara_a"]\n', encoding="utf-8"
    )
    build = SiteBuilder(settings).build()
    left = [w.message for w in build_problems(build) if "powers.html" in w.message]
    assert len(left) == 1 and "@ sec_3__para_a" in left[0]


def test_a_document_defining_terms_past_the_limit_is_reported_under_it_as_such(
    tmp_path, monkeypatch
):
    """The defined-terms warning is about one document's definitions: it is listed under
    that document, as kind "defined-terms", never as an unsafe link of the site's data
    files (trial5 T5). The limit is lowered to 3 to keep the text short."""
    monkeypatch.setitem(LIMITS, "defined_terms", replace(LIMITS["defined_terms"], most=3))
    settings = _site(tmp_path)
    (settings.sources_dir / "gadget-rules.txt").write_text(
        "Gadget Rules\n\n1. Definitions\n\n"
        + "\n\n".join(f'1.{i + 1} "Gadget{i}" means the gadget number {i}.' for i in range(5))
        + "\n",
        encoding="utf-8",
    )
    build = SiteBuilder(settings).build()
    line = (
        "sources/gadget-rules.txt: defines 5 terms; the first 3 link to their definitions, "
        "the others are shown as text"
    )
    [warning] = [w for w in build_problems(build) if "defines" in w.message]
    assert (warning.message, warning.code, warning.document) == (
        line,
        "defined-terms",
        "gadget-rules",
    )
    report = {entry.doc_id: entry for entry in build_report(build).documents}
    where, text = line.split(": ", 1)
    assert [(r.where, r.text) for r in report["gadget-rules"].warnings] == [(where, text)]
    assert not [r for r in report[None].warnings if "defines" in r.text]


def test_a_clause_number_cut_out_of_a_line_is_a_repair_on_the_report_told_at_info(tmp_path):
    # 1.1 then 1.3 printed: the '1.2' inside 1.1's line is read as a clause of its own,
    # which may be a citation; every such cut is listed as a repair, never a failure
    settings = _site(tmp_path)
    (settings.sources_dir / "meeting-rules.txt").write_text(
        "Meeting Rules\n\n1. Meetings\n\n"
        "1.1 The chair opens each meeting; 1.2 The Clerk reads the minutes.\n\n"
        "1.3 Members vote.\n",
        encoding="utf-8",
    )
    build = SiteBuilder(settings).build()
    report = {entry.doc_id: entry for entry in build_report(build).documents}
    [repair] = report["meeting-rules"].repaired
    assert repair.where == "sources/meeting-rules.txt:5"
    assert "clause number 1.2 " in repair.text
    assert not report["meeting-rules"].warnings
    [told] = [w for w in build.warnings if w.code == "run-together-cut"]
    assert told.level == "info"


_PETITIONS = (
    "Petition Scheme\n\n1. Debates\n\n1.1 The lead petitioner speaks as paragraph 4.3 of the "
    "Council Standing Orders allows.\n\n1.2 Fees are listed in Appendix B.\n"
)
_ORDERS = "Meeting Procedure Rules\n\n4. Debate\n\n4.3 No speech exceeds five minutes.\n"


def _fixes(root: Path, files: dict[str, str]) -> list[str]:
    (root / "sources").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / "sources" / name).write_text(text, encoding="utf-8")
    build = SiteBuilder(SiteSettings.from_options({"cache_dir": ""}, root)).build()
    return [
        w.message.split("Fix: ", 1)[1]
        for w in build_problems(build)
        if w.code == "reference" and w.message.startswith("sources/petitions.txt")
    ]


def _pasted(fix: str) -> list[str]:
    """What each way of the fix says to paste: the parts between "add `" and "`"."""
    return [part.split("`")[0] for part in fix.split("add `")[1:]]


def test_the_fix_of_an_unknown_document_works_as_printed(tmp_path):
    """Each way the warning offers, pasted as printed, resolves the reference: a
    documents.yml entry of a title alone was refused ('needs both id and title'), and a
    document of the site is named in its own sidecar (found by the session-9 trial)."""
    sources = {"petitions.txt": _PETITIONS, "orders.txt": _ORDERS}
    fixes = _fixes(tmp_path / "before", sources)
    assert len(fixes) == 2, fixes
    title, label = sorted(fixes, key=lambda fix: "Appendix B" in fix)
    assert _pasted(title) == [
        'aliases: ["Council Standing Orders"]',
        '- {id: council-standing-orders, title: "Council Standing Orders", url: "<its address>"}',
        'not_references: ["paragraph 4.3 of the Council Standing Orders"]',
    ]
    assert _pasted(label)[:2] == [
        'label: "Appendix B"',
        '- {id: appendix-b, title: "Appendix B", label: "Appendix B", url: "<its address>"}',
    ]
    # a document of the site: its sidecar takes the name, and that warning goes
    alias = {**sources, "orders.yml": _pasted(title)[0] + "\n"}
    assert _fixes(tmp_path / "alias", alias) == [label]
    # published elsewhere: the entries, their addresses filled in, are taken and link
    registry = "".join(
        _pasted(fix)[1].replace("<its address>", f"https://example.org/{n}") + "\n"
        for n, fix in enumerate((title, label))
    )
    assert _fixes(tmp_path / "elsewhere", {**sources, "documents.yml": registry}) == []


def test_a_clause_of_a_scheme_nobody_registered_is_reported_and_its_fix_links_it(tmp_path):
    """trial16 F4: 'paragraph 2.1 of the Scheme of Delegation' (a name ending in no
    Rules/Policy/Protocol word) gave no link and NO warning, while 'the Contract
    Procedure Rules' warned with its fix. It warns the same way now, and the alias the
    fix prints links it to the scheme's clause."""
    petitions = (
        "Petition Scheme\n\n1. Debates\n\n1.1 Officers decide as paragraph 2.1 of the "
        "Scheme of Delegation allows.\n"
    )
    scheme = "Delegations to Officers\n\n2. Officers\n\n2.1 Officers decide petitions.\n"
    sources = {"petitions.txt": petitions, "scheme.txt": scheme}
    [fix] = _fixes(tmp_path / "before", sources)
    alias = _pasted(fix)[0]
    assert alias == 'aliases: ["Scheme of Delegation"]'
    assert _fixes(tmp_path / "alias", {**sources, "scheme.yml": alias + "\n"}) == []


def test_a_number_printed_many_times_is_reported_by_its_first_ones_and_a_count(tmp_path):
    """A number printed 300 times was 299 warning lines in the terminal and on the report
    (100,000 times: 99,999): the first 20 of a kind are named, the rest counted in one
    line of the same kind, which still fails --strict; each clause keeps its page note.
    Allowing the warning's words allows the count line too (fix10 found it did not)."""
    settings = _site(tmp_path)
    clauses = "1.1 The same words again.\n\n" * 300
    (settings.sources_dir / "code-of-conduct.txt").write_text(
        f"Dunmallow Borough Council\n\nCode of Conduct\n\n1. General\n\n{clauses}",
        encoding="utf-8",
    )
    build = SiteBuilder(settings).build()

    def repeats(allowed: tuple[str, ...]) -> list[tuple[str, bool]]:
        return [
            (w.message, accepted)
            for w, accepted in capped(build.warnings, allowed)
            if w.code == "duplicate-number" and w.message.startswith("sources/code-of-conduct")
        ]

    shown = repeats(())
    assert len(shown) == 21 and not any(accepted for _message, accepted in shown)
    assert shown[-1][0] == (
        "sources/code-of-conduct.txt:605: and 279 more like this (duplicate-number), "
        "the last at sources/code-of-conduct.txt:605"
    )
    assert all(accepted for _message, accepted in repeats(("is printed",)))
    page = build.page("code-of-conduct.md")
    assert page is not None and page.markdown.count("is printed") >= 299


def _citing(settings: SiteSettings, first: int, count: int) -> None:
    """A code of conduct whose one clause cites `count` different clauses it lacks."""
    cited = "\n\n".join(f"1.{i + 1} See paragraph 9.{first + i}." for i in range(count))
    (settings.sources_dir / "code-of-conduct.txt").write_text(
        f"Dunmallow Borough Council\n\nCode of Conduct\n\n1. General\n\n{cited}\n",
        encoding="utf-8",
    )


def test_many_missing_clauses_are_reported_by_the_first_ones_and_a_count(tmp_path):
    """300 citations of missing clauses were 300 lines on the report page and in the log:
    the first 20 of a document are named and the rest counted in one line of the kind,
    after the allow-list, so an allowed warning is never inside a count that is not."""
    settings = _site(tmp_path, allow_warnings=["reference 'paragraph 9.2"])
    _citing(settings, 100, 300)  # paragraphs 9.100-9.399; 9.200-9.299 allowed
    build = SiteBuilder(settings).build()
    cited = [
        w
        for w in build_problems(build)
        if w.code == "reference" and w.document == "code-of-conduct"
    ]
    assert len(cited) == 300  # every one is still found
    page = build_report(build)
    [code] = [d for d in page.documents if d.doc_id == "code-of-conduct"]
    refused = [line for line in code.warnings if not line.allowed]
    allowed = [line for line in code.warnings if line.allowed]
    assert len(refused) == 21 and len(allowed) == 21
    assert refused[-1].text.startswith("and 180 more like this (reference), the last at ")
    assert allowed[-1].text.startswith("and 80 more like this (reference), the last at ")
    assert all("paragraph 9.2" not in line.text for line in refused[:20])
    assert all("paragraph 9.2" in line.text for line in allowed[:20])


def test_a_refused_documents_url_is_named_as_the_sources_are(tmp_path):
    """trial11 (session 10): this one warning named documents.yml by its absolute path on
    the machine (`/tmp/.../sources/documents.yml: ...`) where every other line says
    `sources/documents.yml`."""
    settings = _site(tmp_path)
    registry = settings.sources_dir / "documents.yml"
    text = registry.read_text(encoding="utf-8") if registry.is_file() else ""
    registry.write_text(
        text + "\n- id: gifts-register\n  title: Register of Gifts\n  url: htps://x.example/g\n",
        encoding="utf-8",
    )
    build = SiteBuilder(settings).build()
    [refused] = [w.message for w in build_problems(build) if "gifts-register" in w.message]
    line = text.count("\n") + 4  # the url's own line (trial11: no line was named)
    assert refused.startswith(
        f"sources/documents.yml:{line}: document 'gifts-register': url 'htps:"
    )
