"""Markdown of what changed between a document's versions: its diff (changes) pages and
the review pages across documents.

Page paths (docs-relative, so MkDocs gives them their URLs):
  {doc}/changes/{old}-to-{new}.md   what changed between two consecutive versions
  reviews/{year}.md                 every document's changes in one year's review

The document's own pages (current and each version) are `pages/document.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..model.document import ClauseRecord
from ..numbering.clause_names import clause_name
from ..render.markdown_writer import page_markdown
from ..support.dates import format_date
from ..support.escaping import html_text, markdown_text
from ..support.urls import changes_page, relative_md, review_path, version_page
from ..versions.diff import (
    COUNT_LABELS,
    DocumentDiff,
    also_amended,
    change_words,
    counts_line,
    diff_prepared,
    prepared,
    presentation_only_count,
    redline,
)
from ..versions.diff import redline_html as word_redline_html
from ..versions.order import PublishedVersion

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

    @property
    def path(self) -> str:
        return diff_path(self.doc_id, self.old, self.new)

    @cached_property
    def old_records(self) -> dict[str, ClauseRecord]:
        return {record.anchor: record for record in self.old.records()}

    @cached_property
    def new_records(self) -> dict[str, ClauseRecord]:
        return {record.anchor: record for record in self.new.records()}


def compare(doc_id: str, title: str, old: PublishedVersion, new: PublishedVersion) -> VersionPair:
    return compare_all(doc_id, title, [old, new])[0]


def compare_all(doc_id: str, title: str, versions: list[PublishedVersion]) -> list[VersionPair]:
    """Each version against the next, `versions` in adoption order. A version between two
    others is read (its records, their presentation forms) once for both of its diffs:
    that reading is most of a diff's cost."""
    records = [version.records() for version in versions]
    texts = [prepared(each) for each in records]
    pairs = []
    for at, (old, new) in enumerate(zip(versions, versions[1:], strict=False)):
        meta = (old.document.metadata, new.document.metadata)
        pair = VersionPair(doc_id, title, old, new, diff_prepared(texts[at], texts[at + 1], *meta))
        pair.old_records = {r.anchor: r for r in records[at]}  # read once, kept for the pages
        pair.new_records = {r.anchor: r for r in records[at + 1]}
        pairs.append(pair)
    return pairs


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
    # a note amended where it stood is named once (its number-less name is long)
    old_place = (change.old.kind, change.old.heading) if change.old else None
    same_note = old_place == ("note", change.new.heading if change.new else None)
    names = new_name if same_note else f"{old_name} → {new_name}"
    heading = f"{names}: {change_words(change)}"
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
    old_text, old_rows = _text_and_rows(change.old)
    new_text, new_rows = _text_and_rows(change.new)
    if old_text or new_text or not (old_rows or new_rows):
        lines += [
            f'<p class="cm-redline" data-cm-status="{change.status}">'
            f"{word_redline_html(old_text, new_text)}</p>",
            "",
        ]
    if old_rows or new_rows:  # a table's rows as rows, each changed cell marked in its row
        lines.append(f'<div class="cm-redline-rows" data-cm-status="{change.status}">')
        lines += [
            f'<p class="cm-redline cm-redline-row">{word_redline_html(old, new)}</p>'
            for old, new in paired_rows(old_rows, new_rows)
        ]
        lines += ["</div>", ""]
    return lines


def _text_and_rows(record: ClauseRecord | None) -> tuple[str, list[str]]:
    """A record's text before its tables, and its tables' rows ('Planning | 5')."""
    if record is None:
        return "", []
    if not record.rows or len(record.units) < record.rows:
        return record.text, []
    split = len(record.units) - record.rows
    return " ".join(record.units[:split]), list(record.units[split:])


def paired_rows(old: list[str], new: list[str]) -> list[tuple[str, str]]:
    """Old and new rows side by side ('' where a row is added or removed), in one pass:
    equal rows pair; a row whose next neighbour on the other side is equal was added or
    removed; a changed row pairs with the row in its place when as many are left on
    both sides or both start with the same cell (its label: 'Morning | £25' and
    'Morning | £30'); otherwise the side with more rows left loses or gains one."""
    pairs: list[tuple[str, str]] = []
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            pairs.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif j + 1 < len(new) and old[i] == new[j + 1]:
            pairs.append(("", new[j]))
            j += 1
        elif i + 1 < len(old) and old[i + 1] == new[j]:
            pairs.append((old[i], ""))
            i += 1
        elif len(old) - i == len(new) - j or _label(old[i]) == _label(new[j]):
            pairs.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif len(old) - i > len(new) - j:
            pairs.append((old[i], ""))
            i += 1
        else:
            pairs.append(("", new[j]))
            j += 1
    return pairs + [(row, "") for row in old[i:]] + [("", row) for row in new[j:]]


def _label(row: str) -> str:
    return row.split(" | ", 1)[0]


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


def review_page_markdown(
    year: str,
    pairs: list[VersionPair],
    section: Callable[[str, int, VersionPair], list[str]] | None = None,
) -> str:
    """One year's review across the constitution: each document's counts and changes.

    `section` makes a document's part (`review_section`, or one that keeps them)."""
    drafts = all(pair.new.is_draft for pair in pairs)
    state = " (draft)" if drafts else ""
    meta = {"title": html_text(f"Review {year}{state}"), "search": {"exclude": True}}
    lines = [f"# {markdown_text(f'Changes in the {year} review{state}')} {{: #title }}", ""]
    lines += _counts_markdown([p.diff for p in pairs])
    lines += [_LEGEND, "{: .cm-diff-legend }", ""]
    for number, pair in enumerate(pairs, 1):
        lines += (section or review_section)(year, number, pair)
    return page_markdown(meta, lines)


def review_section(year: str, number: int, pair: VersionPair) -> list[str]:
    """The part of a year's review for one document (the `number`th on the page): what
    its pair of versions alone decides."""
    page = review_path(year)
    heading = f"{pair.title}: version {pair.old.label} to {pair.new.label}"
    lines = [f"## {markdown_text(heading)} {{: #document-{number} }}", ""]
    lines += _standing_notes(pair.new)
    lines += [f"{counts_line(pair.diff)}. [All changes]({relative_md(page, pair.path)})", ""]
    changes = [change for change in pair.diff.changes if is_change(change)]
    for change in changes:
        lines += _change_markdown(pair, change, page, 3)
    return lines
