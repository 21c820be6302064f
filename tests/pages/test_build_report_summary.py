"""The build report's first line says what the build log said: an allowed repair (a
tracked change the site accepts) is counted as allowed, and one is 'one', not 'ones'."""

from __future__ import annotations

from clausemark.pages.build_report import (
    BuildReport,
    ReportDocument,
    ReportLine,
    build_report_body,
)


def _summary(report: BuildReport) -> str:
    return build_report_body(report).split("\n")[2]


def test_an_allowed_repair_is_counted_as_allowed_in_the_summary():
    rules = ReportDocument(
        "tender-rules",
        "Tender Rules",
        repaired=[
            ReportLine("sources/tender-rules.docx", "1 tracked change read as accepted", True)
        ],
    )
    assert _summary(BuildReport([rules])) == (
        "0 warnings, 0 lines left out on purpose, 1 repair (allowed in the site's settings)."
    )


def test_the_summary_counts_one_of_each_in_the_singular():
    code = ReportDocument(
        "code",
        "Code of Conduct",
        warnings=[ReportLine("sources/code.txt:4", "unresolved reference 'para 9.9'", True)],
        left_out=[ReportLine("sources/code.txt:1", "page number: 3")],
        repaired=[ReportLine("sources/code.txt", "read as Windows-1252")],
    )
    assert _summary(BuildReport([code])) == (
        "1 warning (allowed in the site's settings), 1 line left out on purpose, 1 repair."
    )


def test_several_warnings_say_how_many_are_allowed():
    lines = [ReportLine("sources/a.txt:1", "x", True), ReportLine("sources/a.txt:2", "y")]
    a = ReportDocument("a", "A", warnings=lines)
    assert _summary(BuildReport([a])).startswith(
        "2 warnings (1 of them allowed in the site's settings), 0 lines left out"
    )
