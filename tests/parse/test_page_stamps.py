"""A web page's own date ('Page last updated: 3 March 2026', 'Last modified', 'Published')
is no adoption: the document shows no 'Adopted' and no version from it; the line stays
printed as a line of its own, never the last clause's words (trial7 T5)."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_notes
from clausemark.model.records import clause_records

STAMPS = [
    "Page last updated: 3 March 2026",
    "Page last updated 3 March 2026",
    "Page updated: 3 March 2026",
    "Last updated: 3 March 2026",
    "Last updated 3 March 2026",
    "Last modified: 3 March 2026",
    "Published 3 March 2026",
    "First published on 3 March 2026",
]


@pytest.mark.parametrize("stamp", STAMPS)
@pytest.mark.parametrize("where", ["over", "after"])
def test_a_page_date_is_no_adoption(tmp_path, stamp, where):
    body = "1. Scope\n\n1.1 Residents may ask for a bin.\n\n1.2 A bin is delivered in a week."
    text = (
        f"Waste Collection Scheme\n\n{stamp}\n\n{body}\n"
        if where == "over"
        else f"Waste Collection Scheme\n\n{body}\n\n{stamp}\n"
    )
    path = tmp_path / "scheme.txt"
    path.write_text(text, "utf-8")
    document = convert_file(path)
    meta = document.metadata
    assert (meta.adopted, meta.version, meta.status_stated) == (None, None, False)
    assert clause_records(document)[-1].text == "A bin is delivered in a week."
    if where == "after" and stamp.startswith(("Page", "Published")):  # a line of its own
        assert stamp in [note.text for note, _heading in iter_notes(document.blocks)]


def test_a_web_pages_update_line_inside_main_is_no_adoption(tmp_path):
    path = tmp_path / "petitions.html"
    path.write_text(
        "<html><body><header>Site</header><main><h1>Petitions Scheme</h1>"
        "<h2>1. Who may petition</h2><p>1.1 Anyone who lives or works here.</p>"
        "<p>Page last updated: 3 March 2026</p></main><footer>Footer</footer></body></html>",
        "utf-8",
    )
    meta = convert_file(path).metadata
    assert (meta.adopted, meta.version, meta.status_stated) == (None, None, False)


@pytest.mark.parametrize(
    ("line", "adopted", "version"),
    [
        ("Last updated 4 January 2022, version 3", "2022-01-04", "3"),  # the document's record
        ("Adopted by the Council on 4 January 2022", "2022-01-04", None),
    ],
)
def test_a_dated_line_that_names_a_version_or_an_adoption_is_still_read(
    tmp_path, line, adopted, version
):
    path = tmp_path / "scheme.txt"
    path.write_text(f"Waste Collection Scheme\n\n{line}\n\n1. Scope\n\n1.1 It applies.\n", "utf-8")
    meta = convert_file(path).metadata
    assert (meta.adopted, meta.version, meta.status_stated) == (adopted, version, True)
