"""The pages left at a renamed version's old addresses: they send the reader on.

A version published under one label and now under another (versions/renames.py says
which) keeps a small page at each old address: its version page
(`{doc}/versions/{old}.md`) and the change pages named by it
(`{doc}/changes/{a}-to-{b}.md`). The page says plainly that the version is now published
under its new label, with a link; a `<meta http-equiv="refresh">` (overrides/main.html,
from the front matter's `clausemark_moved`) takes the browser there at once, over http and
from the offline bundle on file://, with no script and no request outside the site. A
label that names no version now (its file taken out of sources/) leads to the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..render.markdown_writer import page_markdown
from ..support.escaping import html_text, markdown_text
from ..support.urls import changes_page, document_path, relative_md, relative_url, version_page
from ..versions.anchor_registry import DocumentAnchors
from ..versions.order import PublishedVersion, current_version, version_slug
from ..versions.renames import renamed_versions
from .versions import diff_path, version_path

# Names of one recorded version looked at for its old change pages: its label and its
# latest earlier ones (anchors.json is the site's own file, but bounded all the same).
_NAMES = 8


def moved_version_pages(
    doc_id: str,
    title: str,
    versions: list[PublishedVersion],
    anchors: DocumentAnchors | None,
    made: set[str],
    directory_urls: bool = True,
) -> dict[str, str]:
    """Path -> Markdown of a landing page for every old address of a renamed version that
    no page in `made` (the document's pages) holds now. None for a document whose
    versions anchors.json records by the labels they have."""
    if anchors is None or len(anchors.versions) < 2:
        return {}  # one version recorded: it had no version or change page to keep
    renamed = renamed_versions(anchors, versions)
    if not renamed:
        return {}
    by_label = {version.label: version for version in versions}
    current = current_version(versions)
    pages: dict[str, str] = {}
    for old, became in renamed.items():
        path = version_page(doc_id, version_slug(old))
        if path in made or path in pages:
            continue
        if became is None:
            moved = Moved(f"version {old}", "is no longer published", None, "")
        elif len(versions) > 1:
            moved = Moved(
                f"version {old}",
                f"is now version {became.label}",
                version_path(doc_id, became),
                f"version {became.label}",
            )
        else:  # one version now: it has no version page, the document's page shows it
            moved = Moved(
                f"version {old}", f"is now version {became.label}", document_path(doc_id), title
            )
        pages[path] = _landing(path, title, moved, current, directory_urls)
    position = {version.label: index for index, version in enumerate(versions)}
    recorded = anchors.versions
    for before, after in zip(recorded, recorded[1:], strict=False):
        for first in [before.version, *before.was[-_NAMES:]]:
            for second in [after.version, *after.was[-_NAMES:]]:
                path = changes_page(doc_id, version_slug(first), version_slug(second))
                if path in made or path in pages:
                    continue
                start = by_label.get(first) or renamed.get(first)
                end = by_label.get(second) or renamed.get(second)
                if start is None or end is None or position[end.label] != position[start.label] + 1:
                    continue
                moved = Moved(
                    f"the changes from version {first} to {second}",
                    f"are now the changes from version {start.label} to {end.label}",
                    diff_path(doc_id, start, end),
                    f"changes from version {start.label} to {end.label}",
                )
                pages[path] = _landing(path, title, moved, current, directory_urls)
    return pages


@dataclass(frozen=True)
class Moved:
    """What an old address showed, what became of it, and where it is now."""

    what: str  # "version 2025"
    now: str  # "is now version 3"
    target: str | None  # the docs path that shows it now; None when nothing does
    link: str  # the link's words


def _landing(
    path: str, title: str, moved: Moved, current: PublishedVersion, directory_urls: bool
) -> str:
    """One landing page: what the address showed, where it is now, and the link."""
    heading = f"{title}: {moved.what} {moved.now}"
    said = f"This address showed {moved.what} of {title}, which {moved.now}"
    lines = [f"# {markdown_text(heading)} {{: #title }}", ""]
    meta: dict = {"title": html_text(heading), "search": {"exclude": True}}
    if moved.target is not None:
        link = relative_md(path, moved.target)
        lines += [f"{markdown_text(said)}: [{markdown_text(moved.link)}]({link}).", ""]
        meta["clausemark_moved"] = relative_url(path, moved.target, directory_urls)
    else:
        lines += [f"{markdown_text(said)}.", ""]
    document = relative_md(path, document_path(current.document.doc_id))
    lines += [f"The current version is [version {markdown_text(current.label)}]({document}).", ""]
    return page_markdown(meta, lines)
