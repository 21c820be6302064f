"""A footnote answers on its own: its words (an Act cited, a term explained) are in no
clause, so each footnote the source gives is an entry at its place on the page (`#fn:1`),
weighted below clauses; a footnote whose text the source lost is not an entry."""

from __future__ import annotations

import shutil

import pytest
from clausemark.convert import convert_file
from clausemark.index.search import build_search_index
from search_worker_queries import result_locations

VISITS = """\
Ashvale Parish Council Protocol on Site Visits

1. Purpose

1.1 Members attend site visits in a group.[^1]

1.2 Members keep to the public path on a visit.

[^1]: Under section 27 of the Localism Act 2011 the council keeps a register.
"""


def _index(tmp_path):
    (tmp_path / "visits.txt").write_text(VISITS, encoding="utf-8")
    document = convert_file(tmp_path / "visits.txt")
    return build_search_index([document], {document.doc_id: "visits/"}, [], {}, concepts=[])


def test_each_footnote_is_an_entry_at_its_place_on_the_page(tmp_path):
    docs = _index(tmp_path)["docs"]
    notes = [doc for doc in docs if doc["kind"] == "footnote"]
    assert [(n["location"], n["text"]) for n in notes] == [
        ("visits/#fn:1", "Under section 27 of the Localism Act 2011 the council keeps a register.")
    ]
    assert notes[0]["title"].endswith("· footnote 1")


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node to run the worker")
def test_a_question_only_a_footnote_answers_finds_it(tmp_path):
    found = result_locations(tmp_path, _index(tmp_path), ["localism act", "public path"])
    assert found["localism act"][0] == "visits/#fn:1"
    assert found["public path"][0] == "visits/#sec_1__para_1-2"  # a clause outranks it
