"""A small site whose every source, data file and label carries script payloads.

Each payload calls alert(): the browser test counts dialogs, so one that runs anywhere
(on load, on hover, on click, from search) fails it. Built by the tests, never shipped.
"""

from __future__ import annotations

import json
from pathlib import Path

IMG = "<img src=x onerror=alert(1)>"
ENTITY_IMG = "&lt;img src=x onerror=alert(2)&gt;"
NUMERIC_IMG = "&#60;img src=x onerror=alert(8)&#x3E;"
SVG = '"><svg onload=alert(3)>'
QUOTE_IMG = "'><img src=x onerror=alert(4)>"
JS_URL = "javascript:alert(5)"
# A term's name may hold no brackets or quotes, so these call alert with a template string.
NAME_IMG = "<img src=x onerror=alert`6`>"
NAME_SVG = "<svg/onload=alert`7`>"


# Words the browser test types into search: each is in a clause next to a payload.
def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text)


SEARCH_WORDS = ("onerror", "Zanzibar")

MKDOCS_YML = """\
site_name: Hostile Council
site_url: ""
use_directory_urls: true
docs_dir: docs
theme:
  name: material
  custom_dir: {overrides}
  font: false
  language: en
  features:
    - navigation.top
    - search.highlight
    - content.tooltips
plugins:
  - search
  - clausemark:
      sources_dir: sources
      allow_warnings:{allowed}
extra:
  council: Hostile Council
  generator: false
markdown_extensions:
  - attr_list
  - md_in_html
  - footnotes
  - tables
  - abbr
  - toc:
      permalink: "¶"
      permalink_title: Link to this heading
  - clausemark
"""

FRONT_MATTER = f"""\
---
title: {q(f"Hostile {IMG} Protocol {SVG}")}
council: {q(f"Borough {SVG} {QUOTE_IMG}")}
label: {q(f"Part 4 {IMG}")}
version: {q(f"2026 {SVG}")}
document_type: {q(f"Protocol {IMG}")}
adopted: 2026-03-23
minute: {q(f"2026-1 {IMG}")}
next_review: 2027-03
---
"""

BODY = f"""\
# Protocol {IMG}

1. DEFINITIONS {IMG}

1.1 The chief officers of the council {IMG} (together referred to as
"the Chief {NAME_IMG} Officers") serve.
1.2 "Zanzibar Panel" means the panel that reads {IMG} and onerror in a sentence.
1.3 "Entity Board" means the board written as {ENTITY_IMG} in a Zanzibar sentence,
or as {NUMERIC_IMG}.
1.4 "Quoted {NAME_SVG} Term" means a term carrying {SVG} an attribute breaker.
1.5 The Freedom {NAME_IMG} of Information (FOI) rules and the Monitoring Team (MT) apply.

2. LINKS {ENTITY_IMG}

2.1 Read <a href="{JS_URL}">the anchor</a> and [the markdown]({JS_URL}) and
[the upper]( JAVASCRIPT:alert(6)) and <a href="java&#x09;script:alert(7)">the tab</a>.
2.2 Read [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==) and
<a href="vbscript:msgbox(9)">vb</a> and [a file](file:///etc/passwd) but keep
[the web](https://example.org/rules) and [a mail](mailto:clerk@example.org) and
<a href="other-page/">a relative page</a>.
2.3 Raw <script>alert(10)</script> and <iframe src="{JS_URL}"></iframe> and
<b onmouseover="alert(11)">bold</b> and <details open ontoggle=alert(12)>x</details>.
2.4 Markdown ![image](x" onerror="alert(13)) and <svg><a xlink:href="{JS_URL}">svg</a></svg>.
2.5 The Zanzibar Panel, the Entity Board, the FOI, the MT and the Chief {NAME_IMG} Officers apply.
2.6 This protocol follows the Hostile Code, the Payload Book and the Borough Rules.
2.7 A footnote marker¹ and a table follow.

Version	Date	Note
1 {IMG}	2026-01-01	{SVG}
2	2026-02-01	{ENTITY_IMG}

¹ A footnote with {IMG} and [a link]({JS_URL}).
"""

SIDECAR = f"""\
title: {q(f"Sidecar {IMG} Rules {SVG}")}
council: {q(f"Sidecar Council {SVG}")}
label: {q(f"Part 5 {IMG}")}
document_type: {q(f"Rules {SVG}")}
"""

SIDECAR_BODY = f"""\
Sidecar Rules

1. PURPOSE

1.1 The Hostile Code applies to every Zanzibar member, with {SVG} shown as text.
"""

DOCUMENT_YML = f"""\
council: {q(f"Folder Council {SVG}")}
label: {q(f"Part 6 {IMG}")}
title: {q(f"Folder {IMG} Protocol")}
"""

VERSION_1 = f"""\
---
version: {q(f"2025 {IMG}")}
adopted: 2025-03-20
---
Folder Protocol

1. SCOPE

1.1 Members follow the Hostile Code in every Zanzibar meeting.
1.2 Officers keep records.
"""

VERSION_2 = f"""\
---
version: {q(f"2026 {SVG}")}
adopted: 2026-03-20
---
Folder Protocol

1. SCOPE

1.1 Members follow the Hostile Code in every Zanzibar meeting {IMG}.
1.2 Officers keep full records.
1.3 A new clause {ENTITY_IMG}.
"""

GLOSSARY_YML = f"""\
- term: {q(f"Gloss {IMG} Term")}
  aliases: [{q(f"Alias {SVG}")}, Zanzibar Council]
  definition: {q(f"A definition with {IMG} and {SVG} and {ENTITY_IMG}.")}
  source: {q(f"Act {IMG}")}
- term: Borough Rules
  definition: {q(f"Rules {SVG} {QUOTE_IMG}")}
"""

DOCUMENTS_YML = f"""\
- id: hostile-code
  code: true
  title: Hostile Code
  aliases: [{q(f"Code {IMG}")}]
  label: {q(f"Appendix 9 {IMG}")}
  description: {q(f"A description with {IMG} and {SVG}.")}
- id: payload-book
  code: true
  title: {q(f"Rule {IMG} Book")}
  aliases: [Payload Book]
  description: {q(f"Its title carries {SVG}.")}
  url: {q("https://example.org/rule-book")}
- id: evil-link
  title: Borough Rules
  url: {q(JS_URL)}
  description: {q(f"Linked with a script URL {IMG}.")}
"""

INDEX_MD = """\
# Hostile Council

Every page of this site is built from sources carrying script payloads.
"""


# What the hostile sources are expected to be warned about; --strict fails on any other.
EXPECTED_WARNINGS = (
    "is not an http, https, mailto or relative address",
    "reference 'Borough Rules'",
    # the source's relative link leads to no file of the site: shown as its words and
    # reported at its source line (page_links), not left for the built site's check
    "link 'other-page/' leads to no page or file of this site",
)


def write_hostile_project(
    root: Path, overrides: Path, allowed: tuple[str, ...] = EXPECTED_WARNINGS
) -> Path:
    """Write mkdocs.yml, docs/ and sources/ under ``root``; return ``root``.

    ``allowed``: the warnings that --strict lets through (none: every warning fails it).
    """
    sources = root / "sources"
    folder = sources / "folder-protocol"
    folder.mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(INDEX_MD, encoding="utf-8")
    allow = "".join(f"\n        - {q(text)}" for text in allowed) or " []"
    config = MKDOCS_YML.format(overrides=overrides, allowed=allow)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (sources / "hostile-protocol.txt").write_text(FRONT_MATTER + BODY, encoding="utf-8")
    (sources / "sidecar-rules.txt").write_text(SIDECAR_BODY, encoding="utf-8")
    (sources / "sidecar-rules.yml").write_text(SIDECAR, encoding="utf-8")
    (folder / "document.yml").write_text(DOCUMENT_YML, encoding="utf-8")
    (folder / "2025.txt").write_text(VERSION_1, encoding="utf-8")
    (folder / "2026.txt").write_text(VERSION_2, encoding="utf-8")
    (sources / "glossary.yml").write_text(GLOSSARY_YML, encoding="utf-8")
    (sources / "documents.yml").write_text(DOCUMENTS_YML, encoding="utf-8")
    return root
