"""Search's thesaurus: WordNet's lemmas and related words, cut to a site's words.

A tiny WordNet in WordNet's own file format (invented synsets, real layout: byte offsets,
sense order, pointers) shows the rules; the vendored WordNet, when present, shows that
the words the issue names stay apart.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from clausemark.index import thesaurus as thesaurus_module
from clausemark.index.thesaurus import (
    WordNetError,
    WordNetIndex,
    build_thesaurus,
    find_wordnet,
    lemma_of,
    site_thesaurus,
    site_words,
    thesaurus_data,
)
from clausemark.support.disk_cache import DiskCache

POS_NAMES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
LICENCE = "  1 This is an invented WordNet for tests.  \n"


def write_wordnet(folder: Path, synsets: list[dict], lemmas: dict[tuple[str, str], dict]):
    """Data files with each synset at its byte offset, and index files listing each
    lemma's synsets in sense order. synsets: {id, pos, words, pointers: [(symbol, id,
    source, target)]}; lemmas: (word, pos) -> {senses: [id...], tagged: int}."""
    folder.mkdir(parents=True, exist_ok=True)
    offsets: dict[str, int] = {}
    by_pos: dict[str, list[dict]] = {pos: [] for pos in POS_NAMES}
    for synset in synsets:
        by_pos[synset["pos"]].append(synset)
    # Offsets depend on line lengths, which hold offsets: fixed-width (8 digits) settles it.
    for found in by_pos.values():
        position = len(LICENCE.encode())
        for synset in found:
            offsets[synset["id"]] = position
            position += len(_data_line(synset, {k: 0 for k in offsets}, by_id={}).encode())
    ids = {s["id"]: s for s in synsets}
    for pos, found in by_pos.items():
        text = LICENCE + "".join(_data_line(s, offsets, ids) for s in found)
        (folder / f"data.{POS_NAMES[pos]}").write_text(text, encoding="latin-1")
        lines = [LICENCE]
        for (word, lemma_pos), entry in sorted(lemmas.items()):
            if lemma_pos != pos:
                continue
            senses = " ".join(f"{offsets[i]:08d}" for i in entry["senses"])
            count = len(entry["senses"])
            lines.append(f"{word} {pos} {count} 0 {count} {entry.get('tagged', 1)} {senses}  \n")
        (folder / f"index.{POS_NAMES[pos]}").write_text("".join(lines), encoding="latin-1")


def _data_line(synset: dict, offsets: dict, by_id: dict) -> str:
    words = " ".join(f"{w} 0" for w in synset["words"])
    pointers = []
    for symbol, other, source, target in synset.get("pointers", []):
        other_pos = by_id[other]["pos"] if other in by_id else "n"
        where = f"{offsets.get(other, 0):08d} {other_pos}"
        pointers.append(f"{symbol} {where} {source:02x}{target:02x}")
    offset = offsets.get(synset["id"], 0)
    return (
        f"{offset:08d} 00 {synset['pos']} {len(synset['words']):02x} {words} "
        f"{len(pointers):03d} {' '.join(pointers)} | gloss  \n"
    )


@pytest.fixture
def wordnet(tmp_path: Path) -> Path:
    synsets = [
        {"id": "officer", "pos": "n", "words": ["officer", "officeholder"]},
        {"id": "meeting", "pos": "n", "words": ["meeting", "get-together"]},
        {"id": "meet", "pos": "v", "words": ["meet", "gather"]},
        {"id": "interpret", "pos": "v", "words": ["interpret", "construe"]},
        {"id": "interpreted", "pos": "a", "words": ["interpreted"]},
        {
            "id": "complain",
            "pos": "v",
            "words": ["complain", "kvetch"],
            "pointers": [("+", "complaint", 1, 1)],
        },
        # WordNet records a derivation both ways
        {
            "id": "complaint",
            "pos": "n",
            "words": ["complaint"],
            "pointers": [("+", "complain", 1, 1)],
        },
        {"id": "complainant", "pos": "n", "words": ["complainant", "plaintiff"]},
        # a rare sense of "member": far down its list, so never a synonym of it
        {"id": "member", "pos": "n", "words": ["member"]},
        {"id": "member2", "pos": "n", "words": ["member", "fellow"]},
        {"id": "member3", "pos": "n", "words": ["member", "associate"]},
        {"id": "member4", "pos": "n", "words": ["member", "limb"]},
        {"id": "bounder", "pos": "a", "words": ["rude", "bounderish"]},
        # a plural WordNet lists as a noun of its own ("the leaders": a body of them)
        {"id": "leader", "pos": "n", "words": ["leader"]},
        {"id": "leaders", "pos": "n", "words": ["leaders", "leadership"]},
        # "pass" is no plural of "pas" (a dance step), "news" none of anything
        {"id": "pass", "pos": "n", "words": ["pass"]},
        {"id": "pas", "pos": "n", "words": ["pas"]},
        {"id": "news", "pos": "n", "words": ["news"]},
    ]
    lemmas = {
        ("officer", "n"): {"senses": ["officer"]},
        ("officeholder", "n"): {"senses": ["officer"]},
        ("meeting", "n"): {"senses": ["meeting"]},
        ("get-together", "n"): {"senses": ["meeting"]},
        ("meet", "v"): {"senses": ["meet"]},
        ("gather", "v"): {"senses": ["meet"]},
        ("interpret", "v"): {"senses": ["interpret"]},
        ("construe", "v"): {"senses": ["interpret"]},
        ("interpreted", "a"): {"senses": ["interpreted"]},
        ("complain", "v"): {"senses": ["complain"]},
        ("kvetch", "v"): {"senses": ["complain"]},
        ("complaint", "n"): {"senses": ["complaint"]},
        ("complainant", "n"): {"senses": ["complainant"]},
        ("plaintiff", "n"): {"senses": ["complainant"]},
        ("member", "n"): {"senses": ["member", "member2", "member3", "member4"]},
        ("fellow", "n"): {"senses": ["member2"]},
        ("associate", "n"): {"senses": ["member3"]},
        ("limb", "n"): {"senses": ["member4"]},
        ("rude", "a"): {"senses": ["bounder"]},
        ("bounderish", "a"): {"senses": ["bounder"], "tagged": 0},
        ("leader", "n"): {"senses": ["leader"]},
        ("leaders", "n"): {"senses": ["leaders"]},
        ("leadership", "n"): {"senses": ["leaders"]},
        ("pass", "n"): {"senses": ["pass"]},
        ("pas", "n"): {"senses": ["pas"]},
        ("news", "n"): {"senses": ["news"]},
    }
    folder = tmp_path / "wordnet"
    write_wordnet(folder, synsets, lemmas)
    return folder


def test_lemmas_are_wordnets_inflections_and_different_words_stay_apart(wordnet):
    index = WordNetIndex(wordnet)
    assert lemma_of("officers", index) == "officer"
    assert lemma_of("meeting", index) == "meeting"  # a noun of its own, not "meet"
    assert lemma_of("meetings", index) == "meeting"
    assert lemma_of("interpreted", index) == "interpret"  # only an adjective: the verb's
    assert lemma_of("complainant", index) == "complainant"  # never "complain"
    assert lemma_of("complained", index) == "complain"
    assert lemma_of("councillors", index) == "councillors"  # unknown: as it is


def test_a_plural_wordnet_lists_as_a_noun_of_its_own_is_still_its_singulars(wordnet):
    index = WordNetIndex(wordnet)
    assert lemma_of("leaders", index) == "leader"
    assert lemma_of("leader", index) == "leader"
    assert lemma_of("complainants", index) == "complainant"  # never "complain"
    assert lemma_of("pass", index) == "pass"  # no plural: never "pas"
    assert lemma_of("news", index) == "news"
    thesaurus = build_thesaurus(wordnet, site_words(["The leaders' meeting."]))
    assert thesaurus.lemmas["leaders"] == "leader"


def test_related_words_are_cut_to_the_site_and_to_common_senses(wordnet):
    words = site_words(["The officers' meetings: a complaint, a complainant, a member."])
    thesaurus = build_thesaurus(wordnet, words)
    assert thesaurus.lemmas["officers"] == "officer"
    assert thesaurus.lemmas["meetings"] == "meeting"
    related = thesaurus.related
    assert related["officeholder"] == [("officer", 1.0)]  # a synonym in its first sense
    assert related["get-together"] == [("meeting", 1.0)]
    # derived, not the same: weighed below a synonym
    assert related["complain"] == [("complaint", 0.8)]
    assert "complainant" not in dict(related.get("complain", []))
    assert related["plaintiff"] == [("complainant", 1.0)]
    # "member"'s fourth sense is rare: "limb" does not lead to it; "fellow" (2nd) does
    assert "limb" not in related
    assert related["fellow"] == [("member", 1.0)]
    # only words that lead to the site's words are kept
    assert "gather" not in related and "construe" not in related


def test_a_word_wordnet_has_not_seen_in_use_is_left_out(wordnet):
    thesaurus = build_thesaurus(wordnet, site_words(["Rude words."]))
    assert "bounderish" not in thesaurus.related


def test_the_index_carries_compact_lists(wordnet):
    data = thesaurus_data(build_thesaurus(wordnet, {"officers"}))
    assert data["lemmas"] == {"officers": "officer"}
    assert data["thesaurus"]["officeholder"] == [["officer", 1.0]]


def test_a_sites_thesaurus_is_kept_while_its_words_and_wordnet_are_unchanged(
    wordnet, tmp_path, monkeypatch
):
    """A warm build reads the thesaurus of the same words back; other words, a changed
    WordNet file or a damaged entry walk WordNet again, and every answer equals a walk."""
    disk = DiskCache(tmp_path / "cache")
    words = site_words(["The officers' meetings: a complaint."])
    made = site_thesaurus(wordnet, words, disk)
    assert made == thesaurus_data(build_thesaurus(wordnet, words))
    assert made["thesaurus"]["officeholder"] == [["officer", 1.0]]
    walks: list[set[str]] = []
    walk = thesaurus_module.build_thesaurus

    def counted(folder, given):
        walks.append(given)
        return walk(folder, given)

    monkeypatch.setattr(thesaurus_module, "build_thesaurus", counted)
    assert site_thesaurus(wordnet, words, disk) == made and walks == []
    more = words | {"member"}
    assert site_thesaurus(wordnet, more, disk) == thesaurus_data(walk(wordnet, more))
    assert walks == [more]
    stat = (wordnet / "index.noun").stat()
    os.utime(wordnet / "index.noun", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert site_thesaurus(wordnet, words, disk) == made and walks == [more, words]
    for entry in (tmp_path / "cache").glob("thesaurus-*"):
        entry.write_bytes(entry.read_bytes()[:-5])
    assert site_thesaurus(wordnet, words, disk) == made and len(walks) == 3


def test_a_damaged_index_line_is_refused_naming_the_file(wordnet):
    path = wordnet / "index.noun"
    path.write_text(LICENCE + "officer n x\n", encoding="latin-1")
    with pytest.raises(WordNetError, match=r"index\.noun: not a WordNet index line for 'officer'"):
        WordNetIndex(wordnet).get("officer")


def test_wordnet_is_found_where_it_is_complete(tmp_path, wordnet):
    assert find_wordnet([tmp_path / "missing", wordnet]) == wordnet
    (wordnet / "data.adv").unlink()
    assert find_wordnet([wordnet]) is None


# --- the vendored WordNet (scripts/setup.sh) -----------------------------------------------

VENDORED = find_wordnet()


@pytest.mark.skipif(VENDORED is None, reason="WordNet is not vendored (run scripts/setup.sh)")
def test_real_wordnet_keeps_the_words_the_issue_names_apart():
    assert VENDORED is not None
    words = site_words(["complainant complaint councillors council call-in call criticism"])
    thesaurus = build_thesaurus(VENDORED, words)
    lemma = {w: thesaurus.lemmas.get(w, w) for w in words}
    assert lemma["complainant"] == "complainant"
    assert lemma["councillors"] == "councillor"
    assert lemma["council"] == "council"
    plurals = site_words(["leaders letters minutes conditions works pass news means"])
    lemmas = build_thesaurus(VENDORED, plurals).lemmas
    assert {w: lemmas.get(w, w) for w in plurals} == {
        "leaders": "leader",
        "letters": "letter",
        "minutes": "minute",
        "conditions": "condition",
        "works": "work",
        "pass": "pass",
        "news": "news",
        "means": "mean",
    }
    related = dict(thesaurus.related.get("criticise", []))
    assert "criticism" in related  # derived: found, weighed below the word itself
    assert "councillor" not in dict(thesaurus.related.get("council", []))
