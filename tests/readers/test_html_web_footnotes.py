"""A web page's footnotes written the usual web way (issue 23 item 5, issue 18 item 5): a
marker linking to a note in a list at the end, the note linking back. Each is the page's
footnote, its marker the footnote's mark; never a numbered clause, never 'missing'.
Invented wording; the markup shapes are pandoc's, WordPress's and Python-Markdown's."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses
from clausemark.render.markdown_writer import render_document
from fast_loop import size
from hostile_files import assert_reads_linearly

BODY = """<!DOCTYPE html><html><head><title>Lantern Vale Town Council</title></head><body>
<main><h1>Scheme for Community Requests</h1>
<h2>1. Who may ask</h2>
<p>1.1 Any resident may send a community request{m1} to the clerk.</p>
<p>1.2 A request about moorings{m2} goes to the waterways panel.</p>
<h2>2. Answers</h2>
<p>2.1 The clerk answers within twenty working days.</p>
{notes}
</main></body></html>
"""

PANDOC = {
    "m1": '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>',
    "m2": '<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a>',
    "notes": """<aside id="footnotes" class="footnotes footnotes-end-of-document"
role="doc-endnotes"><hr /><ol>
<li id="fn1"><p>Including lantern keepers living on the towpath.<a href="#fnref1"
class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>Moorings east of the old lock only.<a href="#fnref2"
class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol></aside>""",
}

WORDPRESS = {
    "m1": '<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>',
    "m2": '<sup><a href="#footnote-2" id="footnote-ref-2">[2]</a></sup>',
    "notes": """<div class="footnotes"><ol>
<li id="footnote-1">Including lantern keepers living on the towpath. <a
href="#footnote-ref-1">↩</a></li>
<li id="footnote-2">Moorings east of the old lock only. <a href="#footnote-ref-2">↩</a></li>
</ol></div>""",
}

MARKDOWN = {
    "m1": '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>',
    "m2": '<sup id="fnref:2"><a class="footnote-ref" href="#fn:2">2</a></sup>',
    "notes": """<div class="footnote"><hr><ol>
<li id="fn:1"><p>Including lantern keepers living on the towpath.&#160;<a
class="footnote-backref" href="#fnref:1" title="Back">&#8617;</a></p></li>
<li id="fn:2"><p>Moorings east of the old lock only.&#160;<a
class="footnote-backref" href="#fnref:2" title="Back">&#8617;</a></p></li>
</ol></div>""",
}


def _convert(tmp_path, shape):
    path = tmp_path / "requests.html"
    path.write_text(BODY.format(**shape), encoding="utf-8")
    return convert_file(path)


def assert_two_towpath_notes(document) -> None:
    """The fixture's two notes read whole, with no footnote or lost-words warning."""
    notes = [(n.label, n.text, n.missing) for n in document.footnotes]
    assert notes == [
        ("1", "Including lantern keepers living on the towpath.", False),
        ("2", "Moorings east of the old lock only.", False),
    ]
    assert not [w for w in document.warnings if w.code in ("footnote", "lost-words")]


@pytest.mark.parametrize("shape", [PANDOC, WORDPRESS, MARKDOWN], ids=["pandoc", "wp", "md"])
def test_web_footnotes_are_the_pages_footnotes(tmp_path, shape):
    document = _convert(tmp_path, shape)
    clauses = [(c.number, c.text) for c, *_ in iter_clauses(document.blocks)]
    assert [n for n, _t in clauses] == ["1.1", "1.2", "2.1"]  # no invented clause "1."
    assert not any("lantern keepers" in t or "↩" in t for _n, t in clauses)
    assert_two_towpath_notes(document)
    page = render_document(document)
    assert "Including lantern keepers living on the towpath." in page
    assert page.count("↩") == 2  # the site's arrows dropped: the two are the page's own
    assert "text is missing" not in page.lower()
    # the mark links to its note and the note back to the mark
    assert 'href="#fn:1"' in page and 'id="fnref:1"' in page
    assert 'id="fn:1"' in page and 'href="#fnref:1"' in page
    assert "send a community request" in page and "waterways panel" in page


def test_a_raised_link_to_an_item_that_does_not_link_back_is_a_footnote(tmp_path):
    shape = {
        "m1": '<sup><a href="#fn1">1</a></sup>',
        "m2": "",
        "notes": '<ol><li id="fn1">Lantern keepers are residents too.</li></ol>',
    }
    document = _convert(tmp_path, shape)
    assert [(n.label, n.text) for n in document.footnotes] == [
        ("1", "Lantern keepers are residents too.")
    ]
    page = render_document(document)
    assert "Lantern keepers are residents too." in page
    assert "send a community request" in page


def test_a_marker_whose_note_is_missing_is_warned_once(tmp_path):
    shape = {"m1": '<sup><a href="#fn9" id="fnref9">9</a></sup>', "m2": "", "notes": ""}
    document = _convert(tmp_path, shape)
    said = [w for w in document.warnings if "9" in w.message and w.code == "footnote"]
    assert len(said) == 1
    assert "send a community request" in render_document(document)


def _many_notes(count: int) -> bytes:
    marks = "".join(f'<sup><a href="#n{i}" id="r{i}">{i % 999}</a></sup> ' for i in range(count))
    items = "".join(f'<li id="n{i}">Note {i}. <a href="#r{i}">↩</a></li>' for i in range(count))
    return f"<html><body><p>1.1 Text {marks}</p><ol>{items}</ol></body></html>".encode()


def test_a_page_of_many_web_notes_reads_in_linear_time():
    # 10,000 notes (3.3 CPU s a round at n and 2n) in the full suite, 2,500 in the fast loop
    n = size(10_000, 2_500)
    text = assert_reads_linearly(_many_notes, ".html", n=n)
    assert f"Note {n - 1}." in text and "↩" not in text


def test_a_note_no_marker_links_to_is_kept_as_a_footnote_and_warned(tmp_path):
    shape = dict(WORDPRESS)
    shape["notes"] = shape["notes"].replace(
        "</ol>",
        '<li id="footnote-3">Lanterns are lit at dusk. <a href="#footnote-ref-3">↩</a></li></ol>',
    )
    document = _convert(tmp_path, shape)
    assert [c.number for c, *_ in iter_clauses(document.blocks)] == ["1.1", "1.2", "2.1"]
    assert [(n.label, n.text) for n in document.footnotes][2] == ("3", "Lanterns are lit at dusk.")
    said = [w.message for w in document.warnings if w.code == "footnote"]
    assert said == ["footnote 3 is never referred to"]
    assert "Lanterns are lit at dusk." in render_document(document)


def test_a_note_whose_paragraph_has_its_own_id_is_still_a_note(tmp_path):
    shape = dict(MARKDOWN)
    shape["notes"] = shape["notes"].replace('<li id="fn:1"><p>', '<li id="fn:1"><p id="keep">')
    document = _convert(tmp_path, shape)
    assert [n.text for n in document.footnotes][0] == (
        "Including lantern keepers living on the towpath."
    )
    assert [c.number for c, *_ in iter_clauses(document.blocks)] == ["1.1", "1.2", "2.1"]


def test_notes_before_their_markers_are_found_too(tmp_path):
    path = tmp_path / "notes-first.html"
    shape = dict(PANDOC)
    page = BODY.format(m1=shape["m1"], m2=shape["m2"], notes="")
    page = page.replace("<h2>1. Who may ask</h2>", shape["notes"] + "<h2>1. Who may ask</h2>")
    path.write_text(page, encoding="utf-8")
    document = convert_file(path)
    assert [n.label for n in document.footnotes] == ["1", "2"]
    assert not [w for w in document.warnings if w.code == "footnote"]


# Notes with no link back (issue 18 brief item 4): a raised label ("¹", "[1]") linking to
# an element of the page is a footnote mark as surely as one whose note links back; a
# plain link whose words are a number ("see paragraph 3") is a reference, never a note.
NO_BACK_LINK = {
    "m1": '<sup><a href="#note-1">1</a></sup>',
    "m2": '<a href="#note-2"><sup>[2]</sup></a>',
    "notes": """<section class="endnotes"><h3>Notes</h3><ol>
<li id="note-1">Including lantern keepers living on the towpath.</li>
<li id="note-2">Moorings east of the old lock only.</li>
</ol></section>""",
}


def test_a_raised_marker_to_a_note_with_no_link_back_is_a_footnote(tmp_path):
    document = _convert(tmp_path, NO_BACK_LINK)
    assert [c.number for c, *_ in iter_clauses(document.blocks)] == ["1.1", "1.2", "2.1"]
    assert_two_towpath_notes(document)
    page = render_document(document)
    assert 'community request<sup class="cm-fnref" id="fnref:1"><a href="#fn:1"' in page
    assert 'moorings<sup class="cm-fnref" id="fnref:2"><a href="#fn:2"' in page


def test_notes_with_no_link_back_in_an_aside_are_read_not_left_out(tmp_path):
    shape = dict(NO_BACK_LINK)
    shape["notes"] = shape["notes"].replace("<section", "<aside").replace("</section>", "</aside>")
    document = _convert(tmp_path, shape)
    assert [n.text for n in document.footnotes] == [
        "Including lantern keepers living on the towpath.",
        "Moorings east of the old lock only.",
    ]
    assert not [w for w in document.warnings if "lantern keepers" in w.message]
    assert not [d.text for d in document.dropped if "lantern" in d.text]


def test_a_plain_numbered_link_to_a_list_item_stays_a_link(tmp_path):
    shape = {
        "m1": ' (see <a href="#item-2">2</a>)',
        "m2": "",
        "notes": '<ol><li id="item-1">First item.</li><li id="item-2">Second item.</li></ol>',
    }
    document = _convert(tmp_path, shape)
    assert document.footnotes == []
    page = render_document(document)
    assert "Second item." in page and "[^" not in page


def test_notes_in_a_footer_outside_main_are_read_as_notes(tmp_path):
    path = tmp_path / "footer-notes.html"
    for shape in (PANDOC, NO_BACK_LINK):
        notes = shape["notes"]
        page = BODY.format(m1=shape["m1"], m2=shape["m2"], notes="").replace(
            "</main>",
            f"</main><footer><p>Lantern Vale Town Council, The Old Lock House</p>{notes}"
            "<p>Copyright the council</p></footer>",
        )
        path.write_text(page, encoding="utf-8")
        document = convert_file(path)
        assert [(n.label, n.text, n.missing) for n in document.footnotes] == [
            ("1", "Including lantern keepers living on the towpath.", False),
            ("2", "Moorings east of the old lock only.", False),
        ]
        assert not [w for w in document.warnings if w.code in ("footnote", "lost-words")]
        dropped = " ".join(d.text for d in document.dropped)
        assert "The Old Lock House" in dropped and "Copyright the council" in dropped
        assert "lantern keepers" not in dropped and "old lock only" not in dropped
        page_text = render_document(document)
        assert "The Old Lock House" not in page_text
