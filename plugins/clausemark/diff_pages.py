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

import json
import re
from dataclasses import dataclass, field

import yaml

from .dates import format_date
from .diff import ADDED, REMOVED, STATUSES, DocumentDiff, diff_clauses, redline
from .diff import redline_html as word_redline_html
from .escaping import html_text, markdown_text
from .markdown_writer import render_document
from .model import ClauseRecord, Document
from .urls import document_path, relative_md, relative_url
from .versions import PublishedVersion, current_version
from .yaml_data import load_yaml

MOVES_SCRIPT_ID = "cm-anchor-moves"
COUNT_LABELS = (
    ("added", "added"),
    ("removed", "removed"),
    ("amended", "amended"),
    ("renumbered", "renumbered"),
    ("moved", "moved"),
    ("unchanged", "unchanged"),
)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


# --- paths and URLs ------------------------------------------------------------------


def version_path(doc_id: str, version: PublishedVersion) -> str:
    return f"{doc_id}/versions/{version.slug}.md"


def diff_path(doc_id: str, old: PublishedVersion, new: PublishedVersion) -> str:
    return f"{doc_id}/changes/{old.slug}-to-{new.slug}.md"


def review_path(year: str) -> str:
    return f"reviews/{year}.md"


# --- naming clauses ------------------------------------------------------------------


def clause_name(record: ClauseRecord | None, records: dict[str, ClauseRecord]) -> str:
    """'para 2.3', 'item (b) of para 4.1', 'paragraph 12' (counted, unnumbered)."""
    if record is None:
        return "—"
    own = _own_name(record)
    parent = records.get(record.parent) if record.parent else None
    if parent is None:
        return own
    return f"{'item ' + record.number if record.number else own} of {clause_name(parent, records)}"


def _own_name(record: ClauseRecord) -> str:
    if record.kind == "note":
        return "unnumbered text"
    if record.number:
        return f"para {record.number.rstrip('.')}"
    return (
        f"paragraph {record.anchor.rsplit('_', 1)[-1]}"
        if record.parent is None
        else (f"item {record.anchor.rsplit('_', 1)[-1]}")
    )


# --- counts --------------------------------------------------------------------------


def presentation_only_count(diff: DocumentDiff) -> int:
    """Clauses whose printed text changed only in presentation (quotes, dashes, spacing)."""
    return sum(
        1
        for change in diff.changes
        if change.old and change.new and not change.amended and change.old.text != change.new.text
    )


def counts_line(diff: DocumentDiff) -> str:
    parts = [f"{diff.counts.get(key, 0)} {label}" for key, label in COUNT_LABELS]
    parts.append(f"{presentation_only_count(diff)} changed in presentation only")
    return ", ".join(parts)


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


def _status_words(change) -> str:
    words = [change.status]
    if change.amended and change.status != "amended":
        words.append("amended")
    if change.status not in ("renumbered", ADDED, REMOVED) and change.renumbered:
        words.append("renumbered")
    if change.old and change.new and not change.amended and change.old.text != change.new.text:
        words.append("presentation only")
    return " and ".join(words)


def _counts_markdown(counts: dict[str, int], presentation_only: int) -> list[str]:
    lines = ['<dl class="cm-diff-counts">']
    for key, label in COUNT_LABELS:
        lines.append(f"<dt>{label.capitalize()}</dt><dd>{counts.get(key, 0)}</dd>")
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
    heading = f"{old_name} → {new_name}: {_status_words(change)}"
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
    lines += _counts_markdown(pair.diff.counts, presentation_only_count(pair.diff))
    lines += [_LEGEND, "{: .cm-diff-legend }", ""]
    lines += _meta_changes_markdown(pair.diff)
    lines += ["## Changed clauses {: #changed-clauses }", ""]
    changes = [change for change in pair.diff.changes if is_change(change)]
    if not changes:
        lines += ["No clause changed.", ""]
    for change in changes:
        lines += _change_markdown(pair, change, page, 3)
    return _join(meta, lines)


def review_page_markdown(year: str, pairs: list[VersionPair]) -> str:
    """One year's review across the constitution: each document's counts and changes."""
    page = review_path(year)
    drafts = all(pair.new.is_draft for pair in pairs)
    state = " (draft)" if drafts else ""
    meta = {"title": html_text(f"Review {year}{state}"), "search": {"exclude": True}}
    lines = [f"# {markdown_text(f'Changes in the {year} review{state}')} {{: #title }}", ""]
    total = {key: sum(p.diff.counts.get(key, 0) for p in pairs) for key in STATUSES}
    lines += _counts_markdown(total, sum(presentation_only_count(p.diff) for p in pairs))
    lines += [_LEGEND, "{: .cm-diff-legend }", ""]
    for number, pair in enumerate(pairs, 1):
        heading = f"{pair.title}: version {pair.old.label} to {pair.new.label}"
        lines += [f"## {markdown_text(heading)} {{: #document-{number} }}", ""]
        lines += _standing_notes(pair.new)
        lines += [f"{counts_line(pair.diff)}. [All changes]({relative_md(page, pair.path)})", ""]
        changes = [change for change in pair.diff.changes if is_change(change)]
        for change in changes:
            lines += _change_markdown(pair, change, page, 3)
    return _join(meta, lines)


# --- version pages and anchor landing ------------------------------------------------


@dataclass
class AnchorLanding:
    """Where an anchor of an earlier version leads on a later version's page."""

    anchor: str
    to: str | None
    note: str
    diff_url: str | None = None
    reused: bool = False  # the anchor exists on the page but names a different clause


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


def moves_script(landings: dict[str, AnchorLanding]) -> str:
    """The inline JSON the anchor resolver reads: old anchor -> {to, note, diff}."""
    data = {
        anchor: {"to": landing.to, "note": landing.note, "diff": landing.diff_url}
        for anchor, landing in sorted(landings.items())
        if not landing.reused
    }
    # no '<' at all: nothing in the data can close the element or open a comment in it
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="{MOVES_SCRIPT_ID}">{text}</script>'


def _note_html(landing: AnchorLanding) -> str:
    text = html_text(landing.note)
    if landing.to:
        text += f' <a href="#{html_text(landing.to)}">Go to it</a>.'
    elif landing.diff_url:
        text += f' <a href="{html_text(landing.diff_url)}">See the change</a>.'
    return f'<p class="cm-anchor-note" data-search-exclude>{text}</p>'


def add_reuse_notes(markdown: str, landings: dict[str, AnchorLanding]) -> str:
    """Under each top-level clause whose anchor once named another clause, say where that went.

    Only clauses written at the left margin (numbered clause headings, counted
    paragraphs) get the note as a block; an item's anchor is left to the JSON map.
    """
    notes = {a: landing for a, landing in landings.items() if landing.reused}
    if not notes:
        return markdown
    out = []
    for line in markdown.split("\n"):
        out.append(line)
        found = re.search(r"\{: #([\w-]+)[ }]", line)
        if found and not line.startswith(" ") and found.group(1) in notes:
            out += ["", _note_html(notes[found.group(1)])]
    return "\n".join(out)


def split_page(markdown: str) -> tuple[dict, str]:
    match = _FRONT.match(markdown)
    if not match:
        return {}, markdown
    meta = load_yaml(match.group(1), "the page's front matter").value
    return (meta if isinstance(meta, dict) else {}), markdown[match.end() :]


def _join(meta: dict, lines: list[str] | str) -> str:
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True).rstrip()
    body = lines if isinstance(lines, str) else "\n".join(lines)
    return f"---\n{head}\n---\n\n{body.strip()}\n"


def changes_links(
    doc_id: str, pairs: list[VersionPair], page: str, directory_urls: bool = True
) -> list[dict]:
    """`clausemark.changes` for the page header template: label and page-relative URL."""
    return [
        {
            "label": f"Changes from {pair.old.label} to {pair.new.label}",
            "url": relative_url(page, pair.path, directory_urls),
        }
        for pair in pairs
    ]


def changed_in(pair: VersionPair | None) -> dict:
    """`clausemark.changed`: this version's clauses that the diff into it changed, by status."""
    if pair is None:
        return {}
    marks = {}
    for change in pair.diff.changes:
        if change.new is None or change.status == "unchanged":
            continue
        marks[change.new.anchor] = "amended" if change.amended else change.status
    return marks


@dataclass
class DocumentPages:
    current: str  # Markdown for {doc}.md
    pages: dict[str, str]  # path -> Markdown: version pages and diff pages
    pairs: list[VersionPair]
    versions: list[PublishedVersion] = field(default_factory=list)  # in adoption order

    def version_pages(self, doc_id: str) -> dict[str, Document]:
        """Each version's page and the version's text, for the linker to read it against."""
        return {version_path(doc_id, version): version.document for version in self.versions}


def document_pages(
    doc_id: str, versions: list[PublishedVersion], directory_urls: bool = True
) -> DocumentPages:
    """All pages of a document that has several versions, `versions` in adoption order."""
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
            markdown = _version_markdown(
                version, current, pairs, into, landings, path, is_current, directory_urls
            )
            if is_current:
                current_markdown = markdown
            else:
                pages[path] = markdown
    return DocumentPages(current_markdown, pages, pairs, list(versions))


def _version_markdown(
    version: PublishedVersion,
    current: PublishedVersion,
    pairs: list[VersionPair],
    into: VersionPair | None,
    landings: dict[str, AnchorLanding],
    path: str,
    is_current: bool,
    directory_urls: bool,
) -> str:
    doc_id = version.document.doc_id
    meta, body = split_page(render_document(version.document))
    extra = meta.setdefault("clausemark", {})
    extra["changes"] = changes_links(doc_id, pairs, path, directory_urls)
    extra["versions"] = [
        {
            "label": pair_version.label,
            "status": pair_version.document.metadata.status,
            "url": relative_url(path, version_path(doc_id, pair_version), directory_urls),
        }
        for pair_version in _all_versions(pairs, version)
    ]
    marks = changed_in(into)
    if into is not None and marks:
        extra["changed"] = {
            "since": into.old.label,
            "diff": relative_url(path, into.path, directory_urls),
            "anchors": marks,
        }
    if not is_current:
        meta["title"] = f"{meta.get('title', doc_id)} (version {html_text(version.label)})"
        meta["search"] = {"exclude": True}
        extra["version_page"] = True
        body = body.replace(
            f'data-cm-document="{doc_id}"',
            f'data-cm-version-of="{doc_id}" data-cm-page="{path}"',
            1,
        )
        current_url = relative_url(path, document_path(doc_id), directory_urls)
        state = "draft" if version.is_draft else "adopted"
        banner = (
            f"This is version {html_text(version.label)} ({state}). "
            f'<a href="{current_url}">The current version is {html_text(current.label)}</a>.'
        )
        body = f'<p class="cm-version-banner" data-search-exclude>{banner}</p>\n\n{body}'
    if into is not None and marks:
        body = mark_changed_clauses(body, marks, into.old.label, extra["changed"]["diff"])
    body = add_reuse_notes(body, landings)
    if landings:
        body = body.rstrip() + "\n\n" + moves_script(landings) + "\n"
    return _join(meta, body)


_CHANGE_WORDS = {
    "amended": "Amended",
    "added": "Added",
    "renumbered": "Renumbered",
    "moved": "Moved",
}


def mark_changed_clauses(body: str, marks: dict[str, str], since: str, diff_url: str) -> str:
    """Label each clause the last review changed, in words and with a class for styling.

    The label follows the clause's heading (numbered clauses) or its attribute line
    (items, counted paragraphs), so it is read with the clause, not by colour alone.
    """
    lines = body.split("\n")
    out: list[str] = []
    for line in lines:
        out.append(line)
        match = re.search(r"\{: #([\w-]+) (\.cm-[\w-]+)", line)
        if not match or match.group(1) not in marks:
            continue
        anchor, status = match.group(1), marks[match.group(1)]
        out[-1] = line.replace(
            f"{{: #{anchor} {match.group(2)}", f"{{: #{anchor} {match.group(2)} .cm-changed", 1
        )
        word = _CHANGE_WORDS.get(status, status.capitalize())
        # A blank line first: an attribute list must end its block to stay one. The note
        # indented as the attribute line stays inside the item it describes, where raw
        # HTML is not a block to Python-Markdown: there it is a span in a paragraph.
        indent = line[: len(line) - len(line.lstrip())]
        tag = "span" if indent else "p"
        note = (
            f'<{tag} class="cm-change-mark cm-changed-{status}" data-search-exclude>'
            f"{word} in the review since version {html_text(since)} "
            f'(<a href="{diff_url}#change-{html_text(anchor)}">see the change</a>)</{tag}>'
        )
        out += ["", indent + note]
    return "\n".join(out)


def _all_versions(pairs: list[VersionPair], only: PublishedVersion) -> list[PublishedVersion]:
    if not pairs:
        return [only]
    return [pairs[0].old, *(pair.new for pair in pairs)]
