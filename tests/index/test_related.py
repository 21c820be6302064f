"""Related clauses, on real wording from two protocols that share a model text.

Seed 000 prints the model text as unnumbered paragraphs, seed 004 numbers it 1.1, 1.2...
and seed 003 (another council) words some of the same rules its own way. The texts
below are copied from the seeds so the suite runs without them.
"""

import random

import pytest
from clausemark.index import related as related_module
from clausemark.index.related import (
    Related,
    RelatedMemory,
    best_related,
    build_related,
    clause_vectors,
    cosine,
    related_clauses,
    tokens,
)
from clausemark.model.document import ClauseRecord
from fast_loop import examples
from hypothesis import given, settings
from hypothesis import strategies as st

UNNUMBERED_000 = [
    "The objectives of this protocol are to guide members and officers of the council in their "
    "relations with one another in such a way as to ensure the smooth running of the council in "
    "a transparent and accountable way, and to foster good working relationships.",
    "Members are not authorised to initiate or certify financial transactions, or to enter into "
    "a contract on behalf of the council.",
    "Members must avoid taking actions which are unlawful, financially improper, in breach of "
    "the council's own policies or procedures, or likely to amount to maladministration.",
    "Officers are responsible for giving advice to members to enable them to fulfil their roles. "
    "In doing so, officers will take into account all available relevant factors.",
    "Officers have a contractual and legal duty to be impartial. They must not allow their "
    "professional judgement and advice to be influenced by their own personal views.",
    "Some members may be appointed to represent the council on local, regional or national bodies.",
    "Some officers may be appointed to local, regional or national bodies because of their "
    "particular skills and expertise. They may be appointed specifically to represent the "
    "council or in their personal capacity.",
    "Correspondence between an individual member and an officer should not normally be copied "
    "(by the officer) to any other member. Where it is necessary to copy the correspondence to "
    "another member, this should be made clear to the original member. In other words, a system "
    "of 'silent copies' should not be employed.",
    "This support can take many forms, ranging from a briefing meeting with a group leader to a "
    "presentation at a political group meeting. It is an important principle that such support "
    "is available to all political groups. Requests for such support should be made in the "
    "first instance to the relevant director or chief executive.",
    "for personal use.",
]

NUMBERED_004 = {
    "1.1": "The objectives of this protocol are to guide members and officers of the Council in "
    "their relations with one another in such a way as to ensure the smooth running of the "
    "Council and to foster good working relationships.",
    "2.9": "Members are not authorised to initiate or certify financial transactions, or to "
    "enter into a contract on behalf of the council, although they may be consulted on them.",
    "2.10": "Members must avoid taking actions which are unlawful, financially improper, or "
    "likely to amount to maladministration.",
    "3.1": "Officers are responsible for giving advice to members to enable them to fulfil their "
    "roles. In doing so, officers will take into account all available relevant factors.",
    "3.4": "Officers have a contractual and legal duty to be impartial. They must not allow "
    "their professional judgement and advice to be influenced by their own personal views.",
    "3.8": "Some officers may be appointed to local, regional or national bodies because of "
    "their particular skills and expertise. They may be appointed specifically to represent the "
    "Council or in their personal capacity.",
    "7.3": "The support provided by officers can take many forms. Whilst in practice such "
    "officer support is likely to be in most demand from whichever political group is for the "
    "time being in control of the council, such support is available to all political groups.",
    "10.10": "Members should not question officers in a way which could be interpreted as "
    "harassment or bullying.",
    "10.11": "Scrutiny proceedings must not be used to question the capability or competence of "
    "officers. Members need to make a distinction between reviewing the policies and "
    "performance of the council and its services, and appraising the personal performance of "
    "officers.",
    "17.1": "Officers have the right to enter council land and premises to carry out their work. "
    "Some officers may have the legal power to enter property in the ownership of others. "
    "Members have a right of access to council land and premises to fulfil their duties.",
    "18.3 vi": "for personal use.",
}

NUMBERED_003 = {
    "6.6": "In scrutiny proceedings, the capability or competence of officers must not be "
    "questioned. A distinction needs to be drawn between reviewing the policies and performance "
    "of the Council and its services, and appraising the personal performance of officers.",
    "12.1": "Where an elected Member is dissatisfied with the conduct, behaviour or performance "
    "of an officer, the matter should be raised with the appropriate Executive Director.",
}


def numbered_anchor(number: str) -> str:
    section, _, rest = number.partition(".")
    clause, _, item = rest.partition(" ")
    anchor = f"sec_{section}__para_{section}-{clause}"
    return f"{anchor}__subpara_{item}" if item else anchor


def seed_records() -> list[ClauseRecord]:
    records = [
        ClauseRecord("000", f"para_{n}", None, None, text)
        for n, text in enumerate(UNNUMBERED_000, start=1)
    ]
    for document, clauses in (("004", NUMBERED_004), ("003", NUMBERED_003)):
        records += [
            ClauseRecord(document, numbered_anchor(number), number, None, text)
            for number, text in clauses.items()
        ]
    return records


@pytest.fixture(scope="module")
def related():
    return build_related(seed_records())


def targets(related, document, anchor):
    return [(r.document, r.anchor) for r in related.get((document, anchor), [])]


@pytest.mark.parametrize(
    ("paragraph", "counterpart"),
    [
        ("para_1", "sec_1__para_1-1"),
        ("para_2", "sec_2__para_2-9"),  # financial transactions
        ("para_3", "sec_2__para_2-10"),
        ("para_4", "sec_3__para_3-1"),
        ("para_5", "sec_3__para_3-4"),  # officers' duty to be impartial
        ("para_6", "sec_3__para_3-8"),  # members on outside bodies, nearest to officers on them
        ("para_7", "sec_3__para_3-8"),
        ("para_8", None),  # "silent copies": no rule like it in 004
        ("para_9", "sec_7__para_7-3"),  # the same rule, half reworded
    ],
)
def test_model_paragraphs_find_their_numbered_counterparts(related, paragraph, counterpart):
    expected = [("004", counterpart)] if counterpart else []
    assert targets(related, "000", paragraph) == expected


def test_counterparts_link_both_ways(related):
    assert targets(related, "004", "sec_2__para_2-9") == [("000", "para_2")]
    assert targets(related, "004", "sec_3__para_3-4") == [("000", "para_5")]


def test_identical_wording_scores_one_and_rewording_less(related):
    assert related[("004", "sec_3__para_3-4")] == [Related("000", "para_5", 1.0)]
    (financial,) = related[("004", "sec_2__para_2-9")]
    assert 0.5 < financial.score < 1


def test_another_councils_wording_of_the_same_rule_is_found(related):
    assert targets(related, "003", "sec_6__para_6-6") == [("004", "sec_10__para_10-11")]
    assert targets(related, "004", "sec_10__para_10-11") == [("003", "sec_6__para_6-6")]


def test_clauses_with_no_counterpart_get_nothing(related):
    assert ("004", "sec_17__para_17-1") not in related  # access to premises
    assert ("004", "sec_10__para_10-10") not in related  # harassment or bullying
    assert ("003", "sec_12__para_12-1") not in related


def test_short_items_do_not_take_part(related):
    assert ("000", "para_10") not in related
    assert ("004", "sec_18__para_18-3__subpara_vi") not in related


def test_nothing_is_related_within_its_own_document(related):
    for (document, _anchor), matches in related.items():
        assert all(match.document != document for match in matches)


def test_near_twins_in_one_document_are_not_related():
    text = NUMBERED_004["3.4"]
    records = [
        ClauseRecord("004", "a", None, None, text),
        ClauseRecord("004", "b", None, None, text),
    ]
    assert build_related(records) == {}


def test_scores_are_cosines_in_range(related):
    scores = [match.score for matches in related.values() for match in matches]
    assert scores and all(0 < score <= 1 for score in scores)


def test_result_does_not_depend_on_input_order(related):
    records = seed_records()
    random.Random(7).shuffle(records)
    assert build_related(records) == related
    assert list(build_related(records)) == list(related)


def test_equal_scores_rank_by_document_and_limit_applies():
    text = NUMBERED_004["3.4"]
    records = [ClauseRecord(doc, "x", None, None, text) for doc in ("d", "b", "c", "a", "e")]
    matches = build_related(records)[("c", "x")]
    assert [m.document for m in matches] == ["a", "b", "d"]
    assert [m.document for m in build_related(records, limit=1)[("c", "x")]] == ["a"]


def test_one_match_per_document_unless_asked():
    text = NUMBERED_004["3.4"]
    records = [
        ClauseRecord("000", "para_5", None, None, text),
        ClauseRecord("004", "sec_9__para_9-2", "9.2", None, text),
        ClauseRecord("004", "sec_3__para_3-4", "3.4", None, text),
    ]
    assert targets(build_related(records), "000", "para_5") == [("004", "sec_3__para_3-4")]
    wider = build_related(records, per_document=2)
    assert targets(wider, "000", "para_5") == [
        ("004", "sec_3__para_3-4"),
        ("004", "sec_9__para_9-2"),
    ]


def test_threshold_decides_what_counts_as_related():
    records = seed_records()
    strict = build_related(records, threshold=0.99)
    assert strict[("000", "para_5")] == [Related("004", "sec_3__para_3-4", 1.0)]
    assert ("000", "para_2") not in strict  # 2.9 adds "although they may be consulted on them"


def test_rejects_meaningless_settings():
    with pytest.raises(ValueError):
        build_related(seed_records(), limit=0)
    with pytest.raises(ValueError):
        build_related(seed_records(), threshold=0)


def test_tokens_fold_case_plurals_and_possessives_and_drop_stop_words():
    assert tokens("The Officer's officers, policies and the Council's rules.") == [
        "officer",
        "officer",
        "policy",
        "council",
        "rule",
    ]
    assert tokens("to be or not to be") == []


def all_pairs(records, limit, threshold):
    kept, vectors = clause_vectors(records)
    scored = {}
    for i in range(len(kept)):
        for j in range(len(kept)):
            if kept[i].document != kept[j].document:
                score = cosine(vectors[i], vectors[j])
                if score >= threshold:
                    scored.setdefault(i, []).append((score, j))
    return best_related(kept, scored, limit, per_document=1)


WORDS = ["officer", "member", "council", "protocol", "advice", "scrutiny", "group", "budget"]
WORDS += ["premises", "ward", "impartial", "contract", "resource", "media", "complaint", "duty"]


@settings(max_examples=examples(150), deadline=None)
@given(
    clauses=st.lists(
        st.tuples(
            st.sampled_from("abcd"),
            st.lists(st.sampled_from(WORDS), min_size=6, max_size=14),
        ),
        max_size=30,
    ),
    threshold=st.floats(0.2, 0.95),
)
def test_index_finds_exactly_what_comparing_every_pair_finds(clauses, threshold):
    records = [
        ClauseRecord(document, f"para_{n}", None, None, " ".join(words))
        for n, (document, words) in enumerate(clauses)
    ]
    assert build_related(records, threshold=threshold) == all_pairs(records, 3, threshold)


def test_related_clauses_are_made_again_only_when_a_compared_clauses_words_change():
    """`mkdocs serve` hands the last result back in; it is used only for the same input."""
    records = seed_records()
    memory = related_clauses(records)
    assert memory.result == build_related(records) and memory.result
    fake = RelatedMemory(memory.key, {("x", "y"): []})  # told apart from a fresh one
    short = ClauseRecord("000", "para_99", None, None, "Added to test it.")  # < 6 words
    assert related_clauses([*records, short], known=fake) is fake
    assert related_clauses(records, limit=2, known=fake).result == build_related(records, limit=2)
    reworded = [
        r
        if r.anchor != records[0].anchor
        else ClauseRecord(
            r.document, r.anchor, r.number, r.parent, r.text + " Reviewed annually by auditors."
        )
        for r in records
    ]
    again = related_clauses(reworded, known=fake)
    assert again.key != memory.key and again.result == build_related(reworded)


# Words of every frequency, so that vectors have long and short indexed prefixes
COMMON = ["officer", "member", "council"]
RARE = [f"{stem}{suffix}" for stem in ("audit", "ward", "grant", "media") for suffix in "xyz"]


def _edited(records, edit, rng):
    """`records` with one edit: a clause reworded (a word repeated), added, dropped or cut
    short."""
    records = list(records)
    if edit == "drop" and len(records) < 2:
        edit = "add"
    position = rng.randrange(len(records))
    old = records[position]
    words = old.text.split()
    twice = [n for n, word in enumerate(words) if words.count(word) > 1]
    if edit == "repeat" and twice and len(set(words)) > 1:
        # a word the clause has twice becomes another of its words: no word is in more or
        # fewer clauses, yet the clause's weights change, and with them what later
        # clauses of its document are listed under
        n = rng.choice(twice)
        words[n] = rng.choice(sorted(set(words) - {words[n]}))
        records[position] = ClauseRecord(old.document, old.anchor, None, None, " ".join(words))
    elif edit in ("reword", "repeat"):
        words[rng.randrange(len(words))] = rng.choice(COMMON + RARE)
        records[position] = ClauseRecord(old.document, old.anchor, None, None, " ".join(words))
    elif edit == "add":
        words = " ".join(rng.choice(COMMON + RARE) for _ in range(8))
        records.append(ClauseRecord(old.document, f"para_new_{position}", None, None, words))
    elif edit == "drop":
        del records[position]
    else:
        records[position] = ClauseRecord(old.document, old.anchor, None, None, "too short")
    return records


@pytest.mark.parametrize("caps", [(500, 16), (6, 2)])
def test_related_clauses_after_edits_equal_a_fresh_run(caps):
    """Under serve only the pairs with a touched clause are scored again; every score,
    pair and list equals a run from nothing, also where the index's caps list a clause
    under fewer words than its prefix (small caps here: a clause whose words and weights
    are as before is listed under other words when an earlier clause's weights change)."""
    saved = (related_module.MAX_POSTINGS, related_module.MAX_POSTINGS_PER_DOCUMENT)
    related_module.MAX_POSTINGS, related_module.MAX_POSTINGS_PER_DOCUMENT = caps
    words = COMMON + RARE
    try:
        for trial in range(examples(100)):
            rng = random.Random(trial)
            records = [
                ClauseRecord(
                    rng.choice("abc"),
                    f"para_{n:03d}",
                    None,
                    None,
                    # each clause from the first few words of the list: word frequencies
                    # of every size, so vectors have prefixes of every length
                    " ".join(
                        rng.choice(words[: rng.randrange(4, len(words))])
                        for _ in range(rng.randrange(6, 12))
                    ),
                )
                for n in range(rng.randrange(2, 40))
            ]
            memory = related_clauses(records, threshold=0.3)
            for edit in rng.choices(["reword", "repeat", "add", "drop", "short"], k=3):
                records = _edited(records, edit, rng)
                memory = related_clauses(records, threshold=0.3, known=memory)
                fresh = related_clauses(records, threshold=0.3)
                assert memory.pairs == fresh.pairs, (trial, edit)
                assert memory.result == fresh.result, (trial, edit)
                assert list(memory.result) == list(fresh.result)  # the site's JSON order
    finally:
        related_module.MAX_POSTINGS, related_module.MAX_POSTINGS_PER_DOCUMENT = saved


def test_a_reworded_clause_scores_again_only_the_pairs_it_is_in(monkeypatch):
    """A word no other clause has added to a clause (a copy of another document's): its
    own pairs are scored again, not the site's (a fresh run scores every candidate), and
    the lists equal a fresh run's."""
    rng = random.Random(7)
    records = [
        ClauseRecord(
            document,
            f"para_{n}",
            None,
            None,
            " ".join(rng.choice(COMMON + RARE[:6]) for _ in range(rng.randrange(6, 12))),
        )
        for n in range(60)
        for document in ["abc"[n % 3]]
    ]
    records[5] = ClauseRecord("c", "para_5", None, None, records[6].text)
    memory = related_clauses(records)
    edited = list(records)
    edited[5] = ClauseRecord("c", "para_5", None, None, records[6].text + " ballot")
    scored: list[tuple] = []
    real_cosine = related_module.cosine

    def counted(a, b):
        scored.append((a, b))
        return real_cosine(a, b)

    monkeypatch.setattr(related_module, "cosine", counted)
    fresh = related_clauses(edited)
    everything = len(scored)
    scored.clear()
    again = related_clauses(edited, known=memory)
    assert again.result == fresh.result and again.pairs == fresh.pairs
    assert 0 < len(scored) < everything / 10, (len(scored), everything)
