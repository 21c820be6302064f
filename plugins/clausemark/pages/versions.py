"""Markdown for a versioned document: its version pages, diff pages and review pages.

Page paths (docs-relative, so MkDocs gives them their URLs):
  {doc}.md                          the current (newest adopted) version
  {doc}/versions/{slug}.md          every version, same fragment ids, kept out of search
  {doc}/changes/{old}-to-{new}.md   what changed between two consecutive versions
  reviews/{year}.md                 every document's changes in one year's review

A link written before a renumbering must still land on the clause it meant. Each
version's page carries, as inline JSON, where every anchor of the earlier versions
went; clausemark-anchors.js reads it when the URL's fragment is missing from the page.
Where an old anchor now names a different clause, that clause carries a short note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..model.document import ClauseRecord, Document
from ..numbering.clause_names import clause_name
from ..render.markdown_writer import page_markdown, render_document  # PageAnnotations(landings=...)
from ..render.page_contract import (
    AnchorLanding,
    ChangedClauses,
    ChangesLink,
    PageAnnotations,
    VersionLink,
    VersionOf,
)
from ..support.dates import format_date
from ..support.escaping import html_text, markdown_text
from ..support.urls import (
    changes_page,
    document_path,
    relative_md,
    relative_url,
    review_path,
    version_page,
)
from ..versions.diff import (
    COUNT_LABELS,
    DocumentDiff,
    also_amended,
    change_words,
    counts_line,
    diff_clauses,
    presentation_only_count,
    redline,
)
from ..versions.diff import redline_html as word_redline_html
from ..versions.order import PublishedVersion, current_version

# --- paths and URLs (their rule lives in urls.py) -----------------------------------


def version_path(doc_id: str, version: PublishedVersion) -> str:
    return version_page(doc_id, version.slug)


def diff_path(doc_id: str, old: PublishedVersion, new: PublishedVersion) -> str:
    return changes_page(doc_id, old.slug, new.slug)


# --- counts --------------------------------------------------------------------------


def plain_redline(old_text: str, new_text: str, context: int | None = None) -> str:
    """The word-level redline in plain text: [-deleted-]{+inserted+}.

    With `context`, unchanged runs keep only that many words either side of an edit,
    so a one-word change in a long clause still shows on one line.
    """
    parts = redline(old_text, new_text)
    if all(op == "equal" for op, _ in parts):
        return "".join(text for _, text in parts)
    marks = {"delete": "[-{}-]", "insert": "{{+{}+}}"}
    out = []
    for position, (op, text) in enumerate(parts):
        if op != "equal":
            out.append(marks[op].format(text))
            continue
        words = text.split()
        if context is None:
            out.append(text)
            continue
        keep_start = context if position > 0 else 0
        keep_end = context if position + 1 < len(parts) else 0
        if len(words) <= keep_start + keep_end + 1:
            out.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        kept = [" ".join(words[:keep_start]), "…", " ".join(words[len(words) - keep_end :])]
        out.append(lead + " ".join(part for part in kept if part) + trail)
    return "".join(out)


def is_change(change) -> bool:
    """Worth listing: anything but an unchanged clause with the same printed text."""
    if change.status != "unchanged":
        return True
    return change.old.text != change.new.text or change.old.number != change.new.number


# --- the diff page -------------------------------------------------------------------


@dataclass
class VersionPair:
    doc_id: str
    title: str
    old: PublishedVersion
    new: PublishedVersion
    diff: DocumentDiff
    old_records: dict[str, ClauseRecord] = field(default_factory=dict)
    new_records: dict[str, ClauseRecord] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return diff_path(self.doc_id, self.old, self.new)


def compare(doc_id: str, title: str, old: PublishedVersion, new: PublishedVersion) -> VersionPair:
    old_records, new_records = old.records(), new.records()
    diff = diff_clauses(old_records, new_records, old.document.metadata, new.document.metadata)
    return VersionPair(
        doc_id,
        title,
        old,
        new,
        diff,
        {r.anchor: r for r in old_records},
        {r.anchor: r for r in new_records},
    )


def _counts_markdown(diffs: list[DocumentDiff]) -> list[str]:
    """The summary counts_line says, as a list: one or several documents' diffs summed."""
    lines = ['<dl class="cm-diff-counts">']
    for key, label in COUNT_LABELS:
        count = sum(diff.counts.get(key, 0) for diff in diffs)
        also = sum(also_amended(diff, key) for diff in diffs)
        extra = f" ({also} also amended)" if also else ""
        lines.append(f"<dt>{label.capitalize()}</dt><dd>{count}{extra}</dd>")
    presentation_only = sum(presentation_only_count(diff) for diff in diffs)
    lines.append(f"<dt>Presentation only</dt><dd>{presentation_only}</dd>")
    lines += ["</dl>", ""]
    return lines


def change_id(change) -> str:
    """A diff page's id for one change: stable, from the clause's anchor, not its position."""
    if change.new is not None:
        return f"change-{change.new.anchor}"
    return f"removed-{change.old.anchor}"


def _change_markdown(pair: VersionPair, change, page: str, level: int) -> list[str]:
    old_name = clause_name(change.old, pair.old_records) if change.old else "(none)"
    new_name = clause_name(change.new, pair.new_records) if change.new else "(none)"
    heading = f"{old_name} → {new_name}: {change_words(change)}"
    lines = [f"{'#' * level} {markdown_text(heading)} {{: #{change_id(change)} }}", ""]
    links = []
    if change.old:
        target = relative_md(page, version_path(pair.doc_id, pair.old))
        label = markdown_text(f"{old_name} in version {pair.old.label}")
        links.append(f"[{label}]({target}#{change.old.anchor})")
    if change.new:
        target = relative_md(page, version_path(pair.doc_id, pair.new))
        label = markdown_text(f"{new_name} in version {pair.new.label}")
        links.append(f"[{label}]({target}#{change.new.anchor})")
    lines += [" · ".join(links), "{: .cm-diff-links }", ""]
    old_text = change.old.text if change.old else ""
    new_text = change.new.text if change.new else ""
    lines += [
        f'<p class="cm-redline" data-cm-status="{change.status}">'
        f"{word_redline_html(old_text, new_text)}</p>",
        "",
    ]
    return lines


_META_NAMES = {
    "adopted": "Adopted",
    "adopted_by": "Adopted by",
    "next_review": "Next review",
    "illustrative": "Illustrative (not adopted text)",
    "document_type": "Type",
}


def _meta_value(key: str, value: object) -> str:
    """What a reader sees for one metadata value: dates in UK form, yes/no, never 'True'."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if key == "status":
        return str(value).capitalize()
    return format_date(str(value))


def _meta_changes_markdown(diff: DocumentDiff) -> list[str]:
    rows = [
        (key, before, after)
        for key, (before, after) in diff.metadata_changes.items()
        if key != "extra" and before != after
    ]
    if not rows:
        return []
    lines = ["| Detail | Before | After |", "| --- | --- | --- |"]
    for key, before, after in rows:
        name = _META_NAMES.get(key, key.replace("_", " ").capitalize())
        cells = [name, _meta_value(key, before), _meta_value(key, after)]
        lines.append("| " + " | ".join(markdown_text(c) for c in cells) + " |")
    return lines + [""]


_LEGEND = (
    "Struck-through words were deleted and underlined words inserted; "
    "each change is also labelled in words for screen readers."
)


def _standing_notes(version: PublishedVersion) -> list[str]:
    """A draft or illustrative version says so wherever its changes are shown."""
    lines = []
    if version.is_draft:
        draft = markdown_text(f"Version {version.label} is a draft, not yet adopted.")
        lines += [draft, "{: .cm-draft-note }", ""]
    if version.document.metadata.illustrative:
        illustrative = markdown_text(
            f"Version {version.label} is an illustrative revision made for this example; "
            "it is not adopted text."
        )
        lines += [illustrative, "{: .cm-draft-note .cm-illustrative-note }", ""]
    return lines


def diff_page_markdown(pair: VersionPair) -> str:
    """Counts first, then every changed clause with its redline and links into both versions."""
    page = pair.path
    old, new = pair.old, pair.new
    title = f"{pair.title}: changes from version {old.label} to {new.label}"
    meta = {
        "title": html_text(title),
        "search": {"exclude": True},
        "clausemark_diff": {"document": pair.doc_id, "old": old.label, "new": new.label},
    }
    lines = [f"# {markdown_text(title)} {{: #title }}", ""]
    lines += _standing_notes(new)
    lines += _counts_markdown([pair.diff])
    lines += [_LEGEND, "{: .cm-diff-legend }", ""]
    lines += _meta_changes_markdown(pair.diff)
    lines += ["## Changed clauses {: #changed-clauses }", ""]
    changes = [change for change in pair.diff.changes if is_change(change)]
    if not changes:
        lines += ["No clause changed.", ""]
    for change in changes:
        lines += _change_markdown(pair, change, page, 3)
    return page_markdown(meta, lines)


def review_page_markdown(year: str, pairs: list[VersionPair]) -> str:
    """One year's review across the constitution: each document's counts and changes."""
    page = review_path(year)
    drafts = all(pair.new.is_draft for pair in pairs)
    state = " (draft)" if drafts else ""
    meta = {"title": html_text(f"Review {year}{state}"), "search": {"exclude": True}}
    lines = [f"# {markdown_text(f'Changes in the {year} review{state}')} {{: #title }}", ""]
    lines += _counts_markdown([p.diff for p in pairs])
    lines += [_LEGEND, "{: .cm-diff-legend }", ""]
    for number, pair in enumerate(pairs, 1):
        heading = f"{pair.title}: version {pair.old.label} to {pair.new.label}"
        lines += [f"## {markdown_text(heading)} {{: #document-{number} }}", ""]
        lines += _standing_notes(pair.new)
        lines += [f"{counts_line(pair.diff)}. [All changes]({relative_md(page, pair.path)})", ""]
        changes = [change for change in pair.diff.changes if is_change(change)]
        for change in changes:
            lines += _change_markdown(pair, change, page, 3)
    return page_markdown(meta, lines)


# --- version pages and anchor landing ------------------------------------------------


def anchor_landings(
    pairs: list[VersionPair], target: int, page: str, directory_urls: bool = True
) -> dict[str, AnchorLanding]:
    """For the version `pairs[target - 1].new`: every anchor of every earlier version.

    The moves of consecutive diffs are followed to this version; the nearest earlier
    version wins when two disagree about one anchor. Anchors still naming the same
    clause are left out.
    """
    landings: dict[str, AnchorLanding] = {}
    here = pairs[target - 1].new_records
    for start in range(target):
        origin = pairs[start]
        position: dict[str, str | None] = {a: a for a in origin.old_records}
        removed_by: dict[str, tuple[VersionPair, str]] = {}
        for pair in pairs[start:target]:
            moves = {c.old.anchor: c.new_anchor for c in pair.diff.changes if c.old}
            for anchor, now in list(position.items()):
                if now is None:
                    continue
                position[anchor] = moves.get(now)
                if position[anchor] is None:
                    removed_by[anchor] = (pair, now)
        for anchor, now in position.items():
            if now == anchor:
                continue
            old_name = clause_name(origin.old_records[anchor], origin.old_records)
            version = origin.old.label
            if now is None:
                pair, last_anchor = removed_by[anchor]
                note = f"{old_name} of version {version} was removed in version {pair.new.label}."
                url = f"{relative_url(page, pair.path, directory_urls)}#removed-{last_anchor}"
                landing = AnchorLanding(anchor, None, note, url, anchor in here)
            else:
                new_name = clause_name(here.get(now), here)
                note = f"{old_name} of version {version} is now {new_name}."
                landing = AnchorLanding(anchor, now, note, None, anchor in here)
            landings[anchor] = landing
    return landings


def corrected_landings(corrected: dict[str, str]) -> dict[str, AnchorLanding]:
    """Landings for addresses a converter correction changed (anchor_registry.corrected_anchors)."""
    return {
        old: AnchorLanding(old, now, f"This link's earlier address (#{old}) now leads here.")
        for old, now in corrected.items()
    }


def changes_links(
    doc_id: str, pairs: list[VersionPair], page: str, directory_urls: bool = True
) -> tuple[ChangesLink, ...]:
    """`clausemark.changes` for the page header template: label and page-relative URL."""
    return tuple(
        ChangesLink(
            f"Changes from {pair.old.label} to {pair.new.label}",
            relative_url(page, pair.path, directory_urls),
        )
        for pair in pairs
    )


def changed_in(pair: VersionPair | None) -> dict[str, str]:
    """`clausemark.changed`: this version's clauses that the diff into it changed, by status."""
    if pair is None:
        return {}
    marks = {}
    for change in pair.diff.changes:
        if change.new is None or change.status == "unchanged":
            continue
        marks[change.new.anchor] = "amended" if change.amended else change.status
    return marks


def renumbered_from(pair: VersionPair) -> dict[str, str]:
    """Each clause of the new version whose number changed -> its name before."""
    return {
        change.new.anchor: clause_name(change.old, pair.old_records)
        for change in pair.diff.changes
        if change.old is not None and change.new is not None and change.renumbered
    }


@dataclass
class DocumentPages:
    current: str  # Markdown for {doc}.md
    pages: dict[str, str]  # path -> Markdown: version pages and diff pages
    pairs: list[VersionPair]
    versions: list[PublishedVersion] = field(default_factory=list)  # in adoption order
    citations: dict[str, str] = field(default_factory=dict)  # page -> address it cites

    def version_pages(self, doc_id: str) -> dict[str, Document]:
        """Each version's page and the version's text, for the linker to read it against."""
        return {version_path(doc_id, version): version.document for version in self.versions}


def document_pages(
    doc_id: str,
    versions: list[PublishedVersion],
    directory_urls: bool = True,
    cite_url: Callable[[str], str | None] | None = None,
    build_date: str | None = None,
) -> DocumentPages:
    """All pages of a document that has several versions, `versions` in adoption order.

    `cite_url`: the address a citation of each page (by its docs path) names, if the
    site says (see cite_urls.py); each page carries it in its front matter.
    `build_date`: when known, the pages say at build whether a review is overdue.
    """
    current = current_version(versions)
    title = current.document.metadata.title
    pairs = [
        compare(doc_id, title, old, new) for old, new in zip(versions, versions[1:], strict=False)
    ]
    pages: dict[str, str] = {}
    for pair in pairs:
        pages[pair.path] = diff_page_markdown(pair)
    current_markdown = ""
    for position, version in enumerate(versions):
        into = pairs[position - 1] if position else None
        for path, is_current in (
            (version_path(doc_id, version), False),
            (document_path(doc_id), True),
        ):
            if is_current and version is not current:
                continue
            landings = anchor_landings(pairs, position, path, directory_urls) if position else {}
            annotations = version_annotations(
                version, current, pairs, into, landings, path, is_current, directory_urls
            )
            annotations = replace(
                annotations,
                cite_url=cite_url(path) if cite_url is not None else None,
                build_date=build_date,
            )
            markdown = render_document(version.document, annotations)
            if is_current:
                current_markdown = markdown
            else:
                pages[path] = markdown
    return DocumentPages(current_markdown, pages, pairs, list(versions))


def version_annotations(
    version: PublishedVersion,
    current: PublishedVersion,
    pairs: list[VersionPair],
    into: VersionPair | None,
    landings: dict[str, AnchorLanding],
    path: str,
    is_current: bool,
    directory_urls: bool,
) -> PageAnnotations:
    """What one version's page shows beside its text: the other versions, the diff pages,
    the clauses the last review changed, where earlier anchors went and, on an earlier
    version's own page, that it is not the current one."""
    doc_id = version.document.doc_id
    versions = tuple(
        VersionLink(
            shown.label,
            shown.document.metadata.status,
            relative_url(path, version_path(doc_id, shown), directory_urls),
        )
        for shown in _all_versions(pairs, version)
    )
    changed = None
    if into is not None:
        diff_url = relative_url(path, into.path, directory_urls)
        changed = ChangedClauses(into.old.label, diff_url, changed_in(into), renumbered_from(into))
    version_of = None
    if not is_current:
        version_of = VersionOf(
            page=path,
            label=version.label,
            draft=version.is_draft,
            current_label=current.label,
            current_url=relative_url(path, document_path(doc_id), directory_urls),
        )
    return PageAnnotations(
        version_of=version_of,
        changed=changed,
        landings=landings,
        changes=changes_links(doc_id, pairs, path, directory_urls),
        versions=versions,
    )


def _all_versions(pairs: list[VersionPair], only: PublishedVersion) -> list[PublishedVersion]:
    if not pairs:
        return [only]
    return [pairs[0].old, *(pair.new for pair in pairs)]
