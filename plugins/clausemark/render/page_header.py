"""The status block under a document's title: what the text is, whether it is in force,
and when it is due for review.

Written by the writer right after the title, as one raw HTML block, from the facts the
page's front matter carries (`markdown_writer.front_matter`), so the theme only wraps the
page and no step cuts the rendered page at its `<h1>`. It is the site's words, not the
source's: `cm-docinfo` is outside the nothing-lost and nothing-added proofs.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..support.escaping import site_words

DRAFT_NOTICE = (
    "<p><strong>Draft for committee.</strong> This text has not been adopted and may change "
    "before it is. Do not rely on it as the council's current policy.</p>"
)
ILLUSTRATIVE_NOTICE = "<p>Illustrative revision made for this example; not adopted text.</p>"


def _text(value: object) -> str:
    return site_words(value)


def _fact(kind: str, name: str, value: str) -> str:
    return f'<div class="cm-fact cm-fact--{kind}"><dt>{name}</dt><dd>{value}</dd></div>'


def _iso(value: object) -> str:
    return str(value)[:10] if value else ""


def header_html(facts: Mapping) -> str:
    """The block for a page whose front matter says `clausemark: facts`; one line per
    element and no blank line, so Python-Markdown passes it through as one HTML block."""
    draft = str(facts.get("status", "")).lower() == "draft"
    shown = facts.get("shown") or {}
    adopted, next_review = _iso(facts.get("adopted")), _iso(facts.get("next_review"))
    state = "draft" if draft else "adopted"
    status = "Draft for committee" if draft else "Adopted"
    lines: list[str] = []  # the facts; the block around them is added below, if any
    # "Adopted" only where the text or its sidecar says so: a text that prints no adoption
    # (no date, no status) is not called adopted
    if draft or facts.get("status_stated", True) or adopted:
        status_html = f'<span class="cm-status cm-status--{state}">{status}</span>'
        lines.append(_fact("status", "Status", status_html))
    if facts.get("version"):
        lines.append(_fact("version", "Version", _text(facts["version"])))
    if shown.get("adopted"):
        when = f'<time datetime="{_text(adopted)}">{_text(shown["adopted"])}</time>'
        lines.append(_fact("adopted", "Dated" if draft else "Adopted", when))
    elif adopted and not draft:
        lines.append(_fact("adopted", "Adopted", _text(facts["adopted"])))
    if facts.get("adopted_by") and not draft:
        lines.append(_fact("adopted-by", "Adopted by", _text(facts["adopted_by"])))
    if facts.get("minute"):
        lines.append(_fact("minute", "Minute", _text(facts["minute"])))
    if facts.get("issue_date"):
        lines.append(_fact("issued", "Issued", _text(facts["issue_date"])))
    if facts.get("owner"):
        lines.append(_fact("owner", "Owner", _text(facts["owner"])))
    if next_review:
        due = (
            f'<time datetime="{_text(next_review)}">{_text(shown["next_review"])}</time>'
            if shown.get("next_review")
            else _text(facts["next_review"])  # free text ("after the elections"), whole
        )
        lines.append(_fact("review", "Next review", due))
    # a text that prints none of these facts gets no empty box under its title
    facts_list = ['<dl class="cm-facts">', *lines, "</dl>"] if lines else []
    lines = [f'<div class="cm-docinfo{" cm-docinfo--draft" if draft else ""}">', *facts_list]
    lines += _versions_and_changes(facts)
    if draft:
        lines.append(f'<div class="cm-notice cm-notice--draft">{DRAFT_NOTICE}</div>')
    if facts.get("illustrative"):
        lines.append(f'<div class="cm-notice cm-notice--illustrative">{ILLUSTRATIVE_NOTICE}</div>')
    if shown.get("review_due"):
        hidden = "" if shown.get("review_overdue") else " hidden data-search-exclude"
        lines.append(
            f'<div class="cm-notice cm-notice--overdue" data-cm-overdue-notice{hidden}>'
            "<p><strong>Review overdue:</strong> this document was due for review "
            f"{_text(shown['review_due'])}.</p></div>"
        )
    lines.append("</div>")
    return "\n".join(lines)


def _versions_and_changes(facts: Mapping) -> list[str]:
    versions = facts.get("versions") or []
    changes = facts.get("changes") or []
    if len(versions) <= 1 and not changes:
        return []
    lines = ['<nav class="cm-versions" aria-label="Versions and changes of this document">']
    if len(versions) > 1:
        links = []
        for version in versions:
            current = version["label"] == facts.get("version") and not facts.get("version_page")
            here = ' aria-current="page"' if current else ""
            draft = " (draft)" if version.get("status") == "draft" else ""
            links.append(
                f'<a href="{_text(version["url"])}"{here}>{_text(version["label"])}{draft}</a>'
            )
        lines.append(f"<p><strong>Versions:</strong> {' · '.join(links)}</p>")
    if changes:
        links = [f'<a href="{_text(c["url"])}">{_text(c["label"])}</a>' for c in changes]
        lines.append(f"<p><strong>Changes:</strong> {' · '.join(links)}</p>")
    lines.append("</nav>")
    return lines
