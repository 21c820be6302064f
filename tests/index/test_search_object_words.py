"""A word that names a JavaScript object's own method ("constructor", "toString",
"valueOf") is searched like any other word: the worker's maps keyed by words have no
prototype (on a {} "constructor" is Object's, counted as a string: found nothing)."""

from __future__ import annotations

from search_worker_queries import texts_asker

WORKS = (
    "Works Rules\n\n1. Tenders\n\nEvery constructor must tender in writing.\n\n"
    "2. Payments\n\nThe constructor is paid monthly; see the valueOf schedule.\n\n"
    "3. Quorum\n\nThe quorum is three members.\n"
)


def test_a_word_naming_an_objects_method_is_found_like_any_word(tmp_path_factory):
    ask = texts_asker(tmp_path_factory)
    found = ask({"works/": WORKS}, ["constructor", "valueof", "quorum"])
    assert sorted(found["constructor"]) == ["works/#sec_1__intro_1", "works/#sec_2__intro_1"]
    assert found["valueof"] == ["works/#sec_2__intro_1"]
    assert found["quorum"] == ["works/#sec_3__intro_1"]
