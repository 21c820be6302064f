"""Warnings a clerk can act on, and the build report page made from them.

Each reference warning names the file and line (or the page or paragraph of a PDF or
Word file), says its cause once and the fix: an entry in documents.yml, or an override
in the document's sidecar (references/overrides.py). `build_report` gathers, from what
the build holds in memory, every warning by document, the lines left out on purpose and
the repairs, for pages/build_report.py.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..index.site_index import ReferenceUse
from ..model.document import (
    MOST_REPORTED_PER_KIND,
    REPAIR_KINDS,
    Document,
    iter_clauses,
    iter_notes,
    iter_tables,
)
from ..pages.build_report import BuildReport, ReportDocument, ReportLine
from ..references import RefMatch
from ..support.markdown_text import plain_text
from ..support.urls import slugify
from .site_build import BuildWarning, DocumentBuild, SiteBuild

# Converter warnings that say what the reader repaired rather than what is wrong.
REPAIR_CODES = frozenset(REPAIR_KINDS)


def is_allowed(message: str, allowed: tuple[str, ...]) -> bool:
    """Whether `allow_warnings` (case-insensitive fragments) accepts the warning."""
    lowered = message.lower()
    return any(text.lower() in lowered for text in allowed)


def capped(
    warnings: list[BuildWarning], allowed: tuple[str, ...], most: int = MOST_REPORTED_PER_KIND
) -> list[tuple[BuildWarning, bool]]:
    """The warnings as a person is shown them, each with whether `allow_warnings` accepts
    it. The allow-list is read first, on every warning: then, of each document's warnings
    of one kind, allowed and not apart, the first `most` are named and the rest
    counted in one line of that kind (so --strict still fails, and a count line never
    holds a warning the allow-list did not accept). Every kind is capped here, the
    converter's and the site's (one per citation: 300 missing clauses cited is 300), so
    a number printed 100,000 times is 21 lines, and allowing "is printed" allows them all."""
    shown: list[tuple[BuildWarning, bool]] = []
    counts: Counter[tuple[str | None, str, bool]] = Counter()
    rest: dict[tuple[str | None, str, bool], list[BuildWarning]] = {}
    for warning in warnings:
        accepted = warning.level != "info" and is_allowed(warning.message, allowed)
        key = (warning.document, warning.code, accepted)
        counts[key] += 1
        if counts[key] <= most:
            shown.append((warning, accepted))
        else:
            rest.setdefault(key, []).append(warning)
    for (document, code, accepted), left in rest.items():
        where = left[-1].message.partition(": ")[0]
        message = f"{where}: and {len(left):,} more like this ({code}), the last at {where}"
        shown.append((BuildWarning(message, code, left[-1].level, document), accepted))
    return shown


def _shown(path: Path | None, root: Path) -> str:
    if path is None:
        return ""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _clause_lines(document: Document) -> dict[str, int]:
    lines = {clause.anchor: clause.line for clause, *_ in iter_clauses(document.blocks)}
    lines.update({note.anchor: note.line for note, _heading in iter_notes(document.blocks)})
    lines.update({table.anchor: table.line for table in iter_tables(document.blocks)})
    return lines


def _where(document: Document, line: int | None) -> str:
    if line and line in document.places:
        return f"{document.path} ({document.places[line]})"
    return f"{document.path}:{line}" if line else document.path


def _phrase(match: RefMatch) -> str:
    """What an override names: the label or name, else the words themselves."""
    for target in match.targets:
        if target.label:
            return target.label
        if target.names and match.kind == "document" and not target.number:
            return target.names[0]
    return match.text


def _registered_name(match: RefMatch, phrase: str) -> str:
    """The name documents.yml would give the cited document: its label, else its name as
    the text prints it ('Grounds Maintenance Rules' of 'paragraph 4.8 of the Grounds
    Maintenance Rules'), else the phrase."""
    for target in match.targets:
        if target.label:
            return target.label
        printed = [name for name in target.names if name.lower() in match.text.lower()]
        if printed or target.names:
            return (printed or list(target.names))[0]
    return phrase


def _register(match: RefMatch, phrase: str, documents_file: str) -> str:
    """How to make the cited document known, each way whole as it is to be pasted: a
    document of the site answers to another name by its sidecar (its `aliases`, or its
    `label`); one published elsewhere is a documents.yml entry, which needs an id and a
    title besides its url (an entry of the title alone is refused)."""
    name = _registered_name(match, phrase)
    quoted = json.dumps(name, ensure_ascii=False)
    labelled = any(target.label for target in match.targets)
    own = f"label: {quoted}" if labelled else f"aliases: [{quoted}]"
    label = f", label: {quoted}" if labelled else ""
    entry = (
        f"- {{id: {slugify(name, fallback='document')}, title: {quoted}{label}, "
        'url: "<its address>"}'
    )
    return (
        f"if it is one of this site's documents, add `{own}` to that document's sidecar; "
        f"if it is published elsewhere, add `{entry}` to {documents_file}"
    )


def _fix(use: ReferenceUse, number: str | None, sidecar: str, documents_file: str) -> str:
    match = use.resolution.match
    phrase = _phrase(match)
    only = f' (or "{phrase} @ {number.rstrip(".")}" for that clause only)' if number else ""
    skip = f'add `not_references: ["{phrase}"]`{only} to {sidecar}'
    message = use.message
    if use.status == "ambiguous" and not use.resolution.links:
        return f'add `reference_targets: ["{phrase} = <one of those ids>"]` to {sidecar}'
    if use.status == "ambiguous":
        return f"correct the number in the text, or {skip}"
    if "names only" in message:
        return f"add that council's document to the site (council: in its sidecar), or {skip}"
    if "is registered but" in message:
        return f"give it a url in {documents_file}, or add its text to sources/"
    if use.status == "unresolved-external":
        return f"{_register(match, phrase, documents_file)}; or {skip}"
    return f"correct the number in the text if it is mistyped, or {skip}"


def reference_warnings(build: SiteBuild) -> list[BuildWarning]:
    """One warning per reference that did not resolve, at the line that cites it."""
    root = build.settings.sources_dir.parent
    documents_file = _shown(build.settings.documents_file, root)
    by_id = {built.entry.doc_id: built for built in build.documents}
    lines = {doc_id: _clause_lines(built.document) for doc_id, built in by_id.items()}
    # a number printed by two clauses of one document ('a' of 2 and 'a' of section 3)
    # cannot name one of them: the fix names that clause by its id
    printed = Counter((r.document, r.number) for r in build.index.records if r.number)
    warnings = []
    for use in build.index.problems():
        built = by_id.get(use.source_document)
        if built is None:
            continue
        document = built.document
        record = build.index.record(use.source_document, use.source_anchor or "")
        line = lines[use.source_document].get(use.source_anchor or "")
        sidecar = _shown(built.entry.versions[-1].sidecar, root) or f"{document.path} (a sidecar)"
        number = record.number if record else None
        if record is not None and number and printed[(record.document, number)] > 1:
            number = record.anchor
        fix = _fix(use, number, sidecar, documents_file)
        text = f"{use.status} reference '{use.text}': {use.message}. Fix: {fix}"
        warnings.append(
            BuildWarning(
                f"{_where(document, line)}: {text}", "reference", document=built.entry.doc_id
            )
        )
    return warnings


def page_link_warnings(build: SiteBuild) -> list[BuildWarning]:
    """What the page linker could not link (a placeholder naming no document, an unsafe
    target), at the line of the clause it stands in."""
    by_id = {built.entry.doc_id: built.document for built in build.documents}
    lines: dict[str, dict[str, int]] = {}
    warnings = []
    for problem in build.linker.problems:
        document = by_id.get(problem.document)
        if document is None:
            where = f"{problem.document}#{problem.anchor}"
        else:
            if problem.document not in lines:
                lines[problem.document] = _clause_lines(document)
            where = _where(document, lines[problem.document].get(problem.anchor or ""))
        message = f"{where}: {problem.message}"
        warnings.append(BuildWarning(message, "page-link", document=problem.document))
    return warnings


def index_warnings(build: SiteBuild) -> list[BuildWarning]:
    """What building the site index found: data files' links refused ("unsafe-link"), and
    documents defining more terms than are linked ("defined-terms", under the document)."""
    refused = [build.settings.shown(message) for message in build.index.config_warnings]
    return [BuildWarning(message, "unsafe-link") for message in refused] + [
        BuildWarning(message, "defined-terms", document=doc_id)
        for doc_id, message in build.index.term_warnings
    ]


def build_report(build: SiteBuild, written: list[BuildWarning] | None = None) -> BuildReport:
    """The report page's data, from the build in memory: every warning known before the
    pages are written and, when `written` is given (the MkDocs adapter renders this page
    after every other), those found while they were (the linker's, the word proofs')."""
    allowed = build.settings.allow_warnings
    found = [*build.warnings, *reference_warnings(build)]
    if written is not None:
        found += page_link_warnings(build) + written
    found += index_warnings(build)
    documents: list[ReportDocument] = []
    by_id: dict[str | None, ReportDocument] = {}
    for built in build.documents:
        entry = ReportDocument(built.entry.doc_id, build.index.title_of(built.entry.doc_id))
        by_id[built.entry.doc_id] = entry
        documents.append(entry)
        entry.left_out = _left_out(built)
    site = ReportDocument(None, "The site's data files")
    documents.append(site)
    for warning, accepted in capped(found, allowed):
        if warning.level == "info" and warning.code not in REPAIR_CODES:
            continue  # a count of lines the page lists one by one below
        where, _colon, text = warning.message.partition(": ")
        line = ReportLine(where, text, accepted)
        target = by_id.get(warning.document, site)
        (target.repaired if warning.code in REPAIR_CODES else target.warnings).append(line)
    if written is None:
        later = (
            "Warnings found while the pages are written (placeholder links, the check that "
            "every word reached its page, broken links) are in the build log."
        )
    else:
        later = "Broken links are checked once the site is written: they are in the build log."
    return BuildReport(documents, later)


def _left_out(built: DocumentBuild) -> list[ReportLine]:
    """The lines every version's text left out (each names its own file), current first."""
    current = built.document
    documents = [current, *(v.document for v in built.versions if v.document is not current)]
    return [
        ReportLine(
            f"{document.path} ({dropped.place})"
            if dropped.place
            else _where(document, dropped.line),
            f"{dropped.reason}: {plain_text(dropped.text)}",  # the words, not the reader's **
        )
        for document in documents
        for dropped in document.dropped
    ]
