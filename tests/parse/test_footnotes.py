"""Footnotes: markers found wherever the text is, and lost footnote words reported."""

from __future__ import annotations

import markdown
from clausemark.model.document import iter_notes
from clausemark.parse.parser import parse
from clausemark.readers.text import SourceText
from clausemark.render.fidelity import lost_words
from clausemark.render.markdown_writer import render_document

NOTE_IN_SECTION = """\
Ashvale Parish Council Protocol on Site Visits

1. Purpose

This protocol guides members on site visits.[^1]

1.1 Members attend site visits in a group.

[^1]: Adopted by the Planning Committee.
"""


def _parsed(text: str):
    return parse(SourceText("visits.txt", text), "visits")


def test_marker_in_a_note_inside_a_section_refers_to_its_footnote():
    document = _parsed(NOTE_IN_SECTION)
    notes = [note.text for note, _heading in iter_notes(document.blocks)]
    assert any("[^1]" in text for text in notes), notes
    messages = [w.message for w in document.warnings]
    assert not any("never referred to" in m for m in messages), messages
    assert [f.label for f in document.footnotes if not f.missing] == ["1"]


def test_a_footnote_whose_first_word_is_lost_is_reported():
    source = SourceText("visits.txt", NOTE_IN_SECTION)
    document = parse(source, "visits")
    markdown_text = render_document(document)
    page = markdown.markdown(
        markdown_text.split("\n---\n", 1)[1], extensions=["attr_list", "footnotes", "md_in_html"]
    )
    assert lost_words(source, document, page) == []
    first_word_lost = page.replace("Adopted by the", "by the")
    assert first_word_lost != page
    assert lost_words(source, document, first_word_lost) == ["footnote 1 lost words"]


MARKER_IN_A_TABLE_CELL = """\
Brackenford Council Protocol on Enquiries

1. Replies

1.1 Officers will aim to reply within these times:

Kind of enquiry\tFirst reply
Casework\t2 working days
A request made as a councillor[^2]\t5 working days

1.2 Replies go to the councillor who asked.[^1]

[^1]: By email where the councillor has one.

[^2]: A councillor has no wider right than the public under the Act.
"""


def test_a_marker_in_a_table_cell_refers_to_its_footnote():
    document = _parsed(MARKER_IN_A_TABLE_CELL)
    messages = [w.message for w in document.warnings]
    assert not any("footnote" in m for m in messages), messages
    assert [f.label for f in document.footnotes if not f.missing] == ["1", "2"]
    page = render_document(document)
    assert 'as a councillor<sup class="cm-fnref" id="fnref:2"><a href="#fn:2"' in page
    assert '<p id="fn:2" class="cm-footnote"' in page


def test_a_footnote_no_cell_or_clause_refers_to_is_still_reported():
    text = MARKER_IN_A_TABLE_CELL.replace("councillor[^2]", "councillor")
    messages = [w.message for w in _parsed(text).warnings]
    assert "footnote 2 is never referred to" in messages, messages
