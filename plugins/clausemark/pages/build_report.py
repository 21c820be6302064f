"""The build report page: every warning of the build by document, what was left out and
what was repaired, so a clerk reads it in the site (under `mkdocs serve` too), not only
in a terminal.

Plain data in (`BuildReport`, filled by site_builder/report.py from what the build holds
in memory), Markdown out. Every string from a source or a data file is escaped once,
here, with `markdown_text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..support.escaping import markdown_text
from ..support.urls import BUILD_REPORT_PAGE, document_path, relative_md

# At most this many lines of one kind per document on the page; the rest are counted.
SHOWN_PER_LIST = 300


@dataclass(frozen=True)
class ReportLine:
    where: str  # "sources/x.txt:12", "sources/x.pdf (page 3)"
    text: str  # the cause, and the fix after "Fix:"
    allowed: bool = False  # matched by allow_warnings in the site's settings


@dataclass
class ReportDocument:
    doc_id: str | None  # None: the site's own data files (documents.yml, glossary.yml)
    title: str
    warnings: list[ReportLine] = field(default_factory=list)
    left_out: list[ReportLine] = field(default_factory=list)
    repaired: list[ReportLine] = field(default_factory=list)


@dataclass
class BuildReport:
    documents: list[ReportDocument]
    later: str = ""  # what the page cannot list, said once


def _lines(lines: list[ReportLine]) -> list[str]:
    out = []
    for line in lines[:SHOWN_PER_LIST]:
        allowed = " *(allowed)*" if line.allowed else ""
        out.append(f"- **{markdown_text(line.where)}**: {markdown_text(line.text)}{allowed}")
    if len(lines) > SHOWN_PER_LIST:
        out.append(f"- … and {len(lines) - SHOWN_PER_LIST} more (see the build log)")
    return out


FRONT_MATTER = "---\ntitle: Build report\nsearch:\n  exclude: true\n---\n\n"


def _counted(found: list[ReportLine], noun: str) -> str:
    """'2 warnings (1 of them allowed in the site's settings)', '1 repair (allowed ...)'."""
    count, allowed = len(found), sum(1 for line in found if line.allowed)
    said = f"{count} {noun}" + ("" if count == 1 else "s")
    if not allowed:
        return said
    if allowed == count:
        return f"{said} (allowed in the site's settings)"
    return f"{said} ({allowed} of them allowed in the site's settings)"


def build_report_markdown(report: BuildReport) -> str:
    """The whole page: its front matter, then `build_report_body`."""
    return FRONT_MATTER + build_report_body(report)


def build_report_body(report: BuildReport) -> str:
    """The page without its front matter (what MkDocs renders once it has read that)."""
    page = BUILD_REPORT_PAGE
    total = sum(len(d.warnings) for d in report.documents)
    lines = [
        "# Build report",
        "",
        f"{_counted([w for d in report.documents for w in d.warnings], 'warning')}, "
        f"{_counted([x for d in report.documents for x in d.left_out], 'line')} left out on "
        f"purpose, {_counted([r for d in report.documents for r in d.repaired], 'repair')}.",
        "",
    ]
    if report.later:
        lines += [markdown_text(report.later), ""]
    for document in report.documents:
        if not (document.warnings or document.left_out or document.repaired):
            continue
        if document.doc_id is None:
            lines += [f"## {markdown_text(document.title)}", ""]
        else:
            href = relative_md(page, document_path(document.doc_id))
            lines += [f"## [{markdown_text(document.title)}]({href})", ""]
        for heading, found in (
            ("Warnings", document.warnings),
            ("Left out", document.left_out),
            ("Repaired", document.repaired),
        ):
            if found:
                lines += [f"### {heading} ({len(found)})", "", *_lines(found), ""]
    if total == 0 and not any(d.left_out or d.repaired for d in report.documents):
        lines += ["The build found nothing to report.", ""]
    return "\n".join(lines)
