"""Rules of the search worker's ranking that hold whatever the question: run in Node on
the index of small invented texts (no question set is read).

- a clause is shown at its item when the item has as many of the query's words as the
  clause (an item's words include its own items', and it continues its clause's opening
  words), and never for the opening words alone;
- two words the site prints as one ("whistle blowing": "whistleblowing") are one word;
- a linking word ("between", "without") is scored but not counted among the words a
  clause must have;
- a word that most clauses of one document have counts less in that document, so that
  its short general clauses do not answer for another document's clause on the matter;
- a word of how often ("never", "always") asks, and is not searched; a word said twice
  is one word of the question (scored twice, counted once among those an answer has);
- a pronoun in a concept's phrase ("boss them about") stands for the words a reader puts
  in its place ("boss the gardeners about");
- synonyms' and concepts' names split at build time (printed_words) are searched as the
  same names given as strings, which the worker splits itself;
- a clause number with an item ("1.6(b)", "1.6 (b)") is shown as that item; a plain
  number a word follows is a count ("4 year old"), and one in a name the synonyms know
  ("section 5 notice") is that name's, not a clause;
- the particle of an everyday phrasal verb ("turned down") is not a word on its own;
- a clause is shown at the item that carries most of its answer, the word typed counting
  more there than a word WordNet relates to it;
- each of the rules' words an everyday word stands for counts by its own rarity;
- a bullet of a list is scored and shown as a numbered item is ("1.1, item [2]");
- a question of one word finds the clauses that have it before those that a concept or
  WordNet reaches alone.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from clausemark.index.search import SearchEntry, search_index
from search_worker_queries import result_locations, results, text_entries

HALL = """Hall Rules

1. Bookings

1.1 A hirer, or a member booking for a hirer, must:
(a) book a week ahead;
(b) leave the hall as the hirer found it, for example:
(i) by stacking the chairs; and
(ii) by locking the doors; and
(c) pay the fee.

1.2 Staff may raise a worry under the whistleblowing policy.

1.3 The steward keeps the whistle for the sports day.

1.4 Between races the steward rests.
"""

# Every clause of this one says "Wardens"; the other says it once, where it matters.
WARDENS = """Village Green Protocol

1. Roles

1.1 Wardens open the green gates at eight each morning in summer.

1.2 Wardens close the green gates at dusk and count the benches.

1.3 Wardens mow the grass on the green every second week.

1.4 Wardens mend the fences after storms and report the cost.

1.5 Wardens sweep the paths and empty the bins on market days.
"""

POND = """Pond Keeping Guidance

1. The pond

1.1 The pond is cleared each spring by volunteers.

1.2 Ducks are fed only with grain from the shop.

1.3 A warden who sees a sick bird calls the rescue line at once.

1.4 Fishing is not allowed from the jetty.

1.5 The pond is fenced in winter.

1.6 The jetty is closed at dusk.
"""

SHED = """Allotment Rules

1. Tools

1.1 The shed key hangs by the door.

1.2 Volunteers never work alone after dark.

1.3 Volunteers help.

1.4 Gardeners plant the beds in autumn.

1.5 The gardeners follow the instructions of the parish clerk.

1.6 Each gardener must:
(a) wash the tools; and
(b) hang the shed key by the door.
"""

# Plain numbers, a phrasal verb's words apart, a list whose answer is one item.
KIOSK = """Kiosk Rules

1. A stall that blocks the path is refused.

2. A stall that is refused must pull its shutter down.

3. A child may run a stall with a parent.

4. The caretaker keeps the keys.

5. Stallholders must:
(a) sweep the pitch;
(b) carry a fire blanket and a first aid box in the van; and
(c) pay the weekly rent.

6. Questions from stallholders go to the drop-in at the hall on Mondays.

7. A trader who spills oil cleans the pitch.

8. The caretaker may serve a closure notice on a stall.

9. Traders drop their rubbish in the skip.
"""

# "conduct" in most clauses, "bullied" in one: the everyday "picked on" stands for both.
MARKET = """Market Code

1. Conduct

1.1 Conduct at the market must be courteous.

1.2 Conduct towards customers must be fair.

1.3 Conduct in the car park must be careful.

1.4 A trader who is bullied tells the caretaker.
"""

# A list of bullets: each is scored and shown as a numbered item is.
FERRY = """Ferry Rules

1. The ferry

1.1 Passengers on the ferry may not:

\u2022 bring a bicycle on the upper deck;
\u2022 feed the gulls from the stern; or
\u2022 light a barbecue on board.

1.2 Passengers on the ferry buy a ticket at the pier.
"""

# Concept and synonym names with hyphens, particles, curly quotes and dashes.
CONCEPTS = [
    [["tell off", "tell-off"], ["report"]],
    [["sign-in", "co-opted\u2019s"], ["chairs"]],
    [["e mail", "open up \u2013 early"], ["green"]],
    [["boss them about"], ["instructions"]],
    [["push them"], ["instructions"]],
    [["turned down", "turn down"], ["refused"]],
    [["picked on"], ["conduct", "bullied"]],
    [["drop"], ["spills"]],
]
SYNONYMS = [["hirer", "hall user"], ["call-in", "warden"], ["closure notice", "section 5 notice"]]


QUERIES = [
    "locking the doors",
    "leave the hall stacking chairs",
    "hirer fee",
    "hirer stacking chairs",
    "hirer book fee",
    "member",
    "whistle blowing",
    "whistle between the steward",
    "warden",
    "tell off",
    "tell-off warning",
    "sign in",
    "co-opted chairs",
    "e mail",
    "open up early",
    "hall user",
    "call in",
    "the shed key",
    "never the shed key",
    "help the gardeners help in autumn",
    "boss the gardeners about",
    "boss them about",
    "push the wheelbarrow",
    "push them",
    "1.6(b)",
    "1.6",
    "1.6 (b)",
    "para 1.1 (b) (ii)",
    "stall turned down",
    "turned down",
    "can my 4 year old run a stall",
    "rule 4",
    "kiosk 4",
    "stallholders fire blanket first aid",
    "picked on",
    "drop-in on mondays",
    "drop in on mondays",
    "dropping in on mondays",
    "drop oil",
    "section 5 notice",
    "section 5",
    "feeding gulls on the ferry",
]


def _run(folder: Path, index: dict) -> dict[str, list[str]]:
    return {query: [r["location"] for r in shown] for query, shown in _shown(folder, index).items()}


def _shown(folder: Path, index: dict) -> dict[str, list[dict]]:
    return results(folder, index, QUERIES)


@pytest.fixture(scope="module")
def searched(tmp_path_factory):
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    folder = tmp_path_factory.mktemp("search")
    entries = text_entries(folder, "hall.txt", HALL, "hall/")
    entries += text_entries(folder, "wardens.txt", WARDENS, "green/")
    entries += text_entries(folder, "pond.txt", POND, "pond/")
    entries += text_entries(folder, "shed.txt", SHED, "shed/")
    entries += text_entries(folder, "kiosk.txt", KIOSK, "kiosk/")
    entries += text_entries(folder, "market.txt", MARKET, "market/")
    entries += text_entries(folder, "ferry.txt", FERRY, "ferry/")
    index = search_index(entries, {}, SYNONYMS, concepts=CONCEPTS)
    as_strings = json.loads(json.dumps(index))
    as_strings["config"]["clausemark"]["synonyms"] = SYNONYMS
    as_strings["config"]["clausemark"]["concepts"] = CONCEPTS
    shown = _shown(folder, index)
    found = {query: [r["location"] for r in each] for query, each in shown.items()}
    return found, _run(folder, as_strings), index, shown


def test_a_clause_is_shown_at_the_item_that_has_the_querys_words(searched):
    found = searched[0]
    assert found["locking the doors"][0] == "hall/#sec_1__para_1-1__subpara_b__item_ii"
    # item (b) holds its own items: "leave" is in (b), "stacking" in (b)(i)
    assert found["leave the hall stacking chairs"][0] == "hall/#sec_1__para_1-1__subpara_b"
    # an item continues its clause's opening words ("A hirer ... must: (c) pay the fee"):
    # "hirer" there and "fee" in (c) is (c); "stacking chairs" is in (b)(i)
    assert found["hirer fee"][0] == "hall/#sec_1__para_1-1__subpara_c"
    assert found["hirer stacking chairs"][0] == "hall/#sec_1__para_1-1__subpara_b__item_i"
    # words of two items are the clause's; the opening words alone show no item
    assert found["hirer book fee"][0] == "hall/#sec_1__para_1-1"
    assert found["member"][0] == "hall/#sec_1__para_1-1"


def test_two_words_the_site_prints_as_one_are_searched_as_that_word(searched):
    assert searched[0]["whistle blowing"][0] == "hall/#sec_1__para_1-2"


def test_a_linking_word_is_not_a_word_the_answer_must_have(searched):
    # 1.3 has "whistle" and "steward"; 1.4 has "between" and "steward", and is shorter
    assert searched[0]["whistle between the steward"][0] == "hall/#sec_1__para_1-3"


def test_a_word_in_most_clauses_of_one_document_counts_less_there(searched):
    found = searched[0]["warden"]
    assert found[0] == "pond/#sec_1__para_1-3"
    assert {location.split("#")[0] for location in found[1:6]} == {"green/"}


def test_names_split_at_build_time_search_as_the_same_names_as_strings(searched):
    split, as_strings, index = searched[:3]
    own = index["config"]["clausemark"]
    assert own["concepts"][1][0] == [["signin"], ["co", "opted", "coopted"]]
    assert own["synonyms"][1] == [["callin"], ["warden"]]
    assert split == as_strings
    assert split["tell off"][0] == "green/#sec_1__para_1-4"  # "report the cost"
    assert split["hall user"][0].startswith("hall/#sec_1__para_1-1")  # the hirer


def test_a_word_of_how_often_is_not_searched(searched):
    # "never" asks how often; 1.2 has it, but not the shed key the question is about
    found = searched[0]
    assert found["never the shed key"] == found["the shed key"]
    assert "shed/#sec_1__para_1-2" not in found["never the shed key"]


def test_a_word_said_twice_is_counted_once_among_the_words_an_answer_must_have(searched):
    # 1.3 has "help" (said twice) only; 1.4 has the gardeners and autumn
    assert searched[0]["help the gardeners help in autumn"][0] == "shed/#sec_1__para_1-4"


def test_a_pronoun_in_an_everyday_phrase_stands_for_the_words_put_in_its_place(searched):
    # "boss them about" -> "instructions": also with "the gardeners" where "them" was
    found = searched[0]
    assert found["boss them about"][0] == "shed/#sec_1__para_1-5"
    assert found["boss the gardeners about"][0] == "shed/#sec_1__para_1-5"
    # a pronoun that ends a phrase is itself: "push them" is not "push" and anything
    assert found["push them"][0] == "shed/#sec_1__para_1-5"
    assert "shed/#sec_1__para_1-5" not in found["push the wheelbarrow"]


def test_a_clause_number_with_an_item_goes_first_to_the_clause_that_has_the_item(searched):
    # the pond's 1.6 has no items and comes first in the index; the shed's 1.6 has (b)
    found = searched[0]
    assert found["1.6(b)"][0] == "shed/#sec_1__para_1-6__subpara_b"
    assert found["1.6(b)"][1] == "pond/#sec_1__para_1-6"
    assert found["1.6"][:2] == ["pond/#sec_1__para_1-6", "shed/#sec_1__para_1-6"]


def test_a_clause_number_with_an_item_is_shown_as_the_item(searched):
    # "1.6(b)" lands on (b), titled with it and showing its words, not the clause's first
    first = searched[3]["1.6(b)"][0]
    assert first["title"] == "Allotment Rules · 1.6 (b)"
    assert "hang the shed key by the door" in first["text"]
    assert "wash the tools" not in first["text"]
    # typed apart, as the title prints it
    assert searched[3]["1.6 (b)"][0] == first
    assert searched[3]["para 1.1 (b) (ii)"][0]["title"] == "Hall Rules · 1.1 (b)(ii)"
    assert searched[0]["para 1.1 (b) (ii)"][0] == "hall/#sec_1__para_1-1__subpara_b__item_ii"
    plain = searched[3]["1.6"][1]
    assert plain["title"] == "Allotment Rules · 1.6"
    assert "wash the tools" in plain["text"]


def test_the_variants_bench_scores_each_variant_and_names_a_replacement_it_cannot_make(
    searched, tmp_path
):
    from clausemark.adapters.mkdocs_plugin import LUNR
    from clausemark.index.search import search_worker_script

    bench = Path(__file__).resolve().parents[2] / "bench" / "search_questions_variants.js"
    (tmp_path / "worker.js").write_text(search_worker_script(LUNR), "utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "index.json").write_text(json.dumps(searched[2]), "utf-8")
    (tmp_path / "clausemark-index.json").write_text(json.dumps({"clauses": []}), "utf-8")
    sets = {"mine": [{"q": "boss the gardeners about", "expect": ["shed#sec_1__para_1-5"]}]}
    (tmp_path / "sets.json").write_text(json.dumps(sets), "utf-8")
    variants = [
        {"name": "as it is"},
        {"name": "no results", "replace": [["var MAX_RESULTS = 40;", "var MAX_RESULTS = 0;"]]},
    ]
    (tmp_path / "variants.json").write_text(json.dumps(variants), "utf-8")
    files = [str(tmp_path / name) for name in ("worker.js", "search/index.json", "sets.json")]
    run = subprocess.run(
        ["node", str(bench), *files, str(tmp_path / "variants.json")],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["as", "it", "is", "mine", "1/1", "|", "all", "1/1"]
    assert lines[1].split() == ["no", "results", "mine", "0/0", "|", "all", "0/0"]
    (tmp_path / "variants.json").write_text(
        json.dumps([{"name": "typo", "replace": [["no such text", "x"]]}]), "utf-8"
    )
    run = subprocess.run(
        ["node", str(bench), *files, str(tmp_path / "variants.json")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert run.stderr.strip() == 'typo: the worker has no "no such text"'


def test_the_particle_of_an_everyday_phrasal_verb_is_not_a_word_on_its_own(searched):
    # "turned down" is "refused": the clause that also says "down" is not the better answer
    found = searched[0]
    assert found["stall turned down"][:2] == ["kiosk/#para_1", "kiosk/#para_2"]
    assert found["turned down"][0] == "kiosk/#para_1"


def test_a_plain_number_a_word_follows_is_a_count_not_a_clause(searched):
    found = searched[0]
    assert found["can my 4 year old run a stall"][0] == "kiosk/#para_3"
    # a clause number all the same after a word for one, or before a document's name
    assert found["rule 4"] == ["kiosk/#para_4"]
    assert found["kiosk 4"] == ["kiosk/#para_4"]


def test_a_clause_is_shown_at_the_item_that_carries_most_of_its_answer(searched):
    # "stallholders" is in the opening words only, the rest in (b): (b) is shown
    assert searched[0]["stallholders fire blanket first aid"][0] == "kiosk/#para_5__subpara_b"


def test_each_word_an_everyday_word_stands_for_counts_by_its_own_rarity(searched):
    # "picked on" stands for "conduct" (three clauses) and "bullied" (one): the rare one tells
    assert searched[0]["picked on"][0] == "market/#sec_1__para_1-4"


def test_an_everyday_word_inside_a_word_the_site_prints_as_one_is_that_word(searched):
    # "drop in" is the site's "drop-in", not the everyday "drop" (what spills)
    found = searched[0]
    assert found["drop in on mondays"] == ["kiosk/#para_6"]
    assert found["drop-in on mondays"] == ["kiosk/#para_6"]
    # its verb inflected ("dropping in", "called in") is that word too
    assert found["dropping in on mondays"] == ["kiosk/#para_6"]
    assert found["drop oil"][0] == "kiosk/#para_7"


def test_a_number_in_a_name_the_synonyms_know_is_that_name_not_a_clause(searched):
    # "Section 5 notice" is another name of the closure notice (clause 8), not clause 5
    found = searched[0]
    assert found["section 5 notice"][0] == "kiosk/#para_8"
    assert found["section 5"] == ["kiosk/#para_5"]


def test_a_bullet_is_scored_and_shown_as_a_numbered_item_is(searched):
    shown = searched[3]["feeding gulls on the ferry"]
    assert shown[0]["location"] == "ferry/#sec_1__para_1-1__subpara_2"
    assert shown[0]["title"] == "Ferry Rules · 1.1, item [2]"
    assert "<mark>gulls</mark>" in shown[0]["text"] and "bicycle" not in shown[0]["text"]


# The worker set up on one clause of a preamble of n words and n items, its setup's least
# CPU ms of three (in one Node process: its start is not timed).
_SETUP_TIME = """
const fs = require("fs"), vm = require("vm");
const [workerFile, n] = [process.argv[2], Number(process.argv[3])];
let listener = null;
const context = { postMessage: () => {}, addEventListener: (t, f) => { listener = f; } };
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), context);
const words = [];
for (let i = 0; i < n; i++) words.push("pre" + i.toString(36));
let text = words.join(" ") + ":", spans = [], items = {};
for (let i = 0; i < n; i++) {
  const item = "(" + i + ") item" + i.toString(36) + ";";
  spans.push([String(i), text.length + 1, text.length + 1 + item.length]);
  items[String(i)] = "c__item_" + i;
  text += " " + item;
}
const doc = { location: "p/#c", title: "P · 1", text, kind: "clause", spans, items };
const index = { config: {}, docs: [doc] };
let least = Infinity;
for (let round = 0; round < 3; round++) {
  const start = process.cpuUsage();
  listener({ data: { type: 0, data: index } });
  const used = process.cpuUsage(start);
  least = Math.min(least, (used.user + used.system) / 1000);
}
console.log(least);
"""


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_items_continuing_a_long_preamble_are_set_up_in_linear_time(tmp_path):
    """Each item is scored with its clause's words before the list: only the last
    LEAD_WORDS of them, so a preamble of n words over n items is not n x n."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    from clausemark.adapters.mkdocs_plugin import LUNR
    from clausemark.index.search import search_worker_script
    from hostile_files import RATIO_LIMIT

    (tmp_path / "worker.js").write_text(search_worker_script(LUNR), "utf-8")
    (tmp_path / "time.js").write_text(_SETUP_TIME, "utf-8")

    def setup_ms(n: int) -> float:
        run = [str(tmp_path / name) for name in ("time.js", "worker.js")]
        done = subprocess.run(["node", *run, str(n)], capture_output=True, text=True, check=True)
        return float(done.stdout)

    ratio = 0.0
    for _ in range(4):  # a busy spell on the small size is measured again
        ratio = setup_ms(4000) / setup_ms(2000)
        if ratio < RATIO_LIMIT:
            break
    assert ratio < RATIO_LIMIT, ratio


def test_a_slip_is_matched_to_a_lemma_the_site_prints_only_inflected(tmp_path):
    """'maling' is one letter from 'mailing', the lemma of the only form the text prints
    ('mailings'), and two from that form: it finds the clause."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    from test_thesaurus import write_wordnet

    folder = tmp_path / "wordnet"
    synsets = [{"id": "mailing", "pos": "n", "words": ["mailing"]}]
    write_wordnet(folder, synsets, {("mailing", "n"): {"senses": ["mailing"]}})
    text = "Leaflet Rules\n\n1. Post\n\n1.1 Mass mailings are paid for by the sender.\n"
    entries = text_entries(tmp_path, "leaflets.txt", text, "leaflets/")
    index = search_index(entries, {}, [], wordnet=folder)
    assert index["config"]["clausemark"]["lemmas"]["mailings"] == "mailing"
    found = results(tmp_path, index, ["maling ", "mai"])
    assert [r["location"] for r in found["maling "]] == ["leaflets/#sec_1__para_1-1"]
    # the word being typed still completes (to the term, once for its forms and lemma)
    assert [r["location"] for r in found["mai"]] == ["leaflets/#sec_1__para_1-1"]


def test_an_item_with_the_word_typed_is_shown_before_one_with_a_related_word(tmp_path):
    """Two items each have one word of the query that the opening words lack: (a) the
    word typed ("school"), (b) only a word WordNet relates to another ("issue" for
    "problem"). The word typed tells which item answers: (a) is shown, not the clause."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    from test_thesaurus import write_wordnet

    folder = tmp_path / "wordnet"
    synsets = [{"id": "problem", "pos": "n", "words": ["problem", "issue"]}]
    lemmas = {("problem", "n"): {"senses": ["problem"]}, ("issue", "n"): {"senses": ["problem"]}}
    write_wordnet(folder, synsets, lemmas)
    text = (
        "Ward Rules\n\n1. Briefings\n\n1.1 Wardens are briefed on changes in their ward."
        " These may include:\n(a) school matters;\n(b) a local issue the press asks about.\n"
    )
    entries = text_entries(tmp_path, "ward.txt", text, "ward/")
    index = search_index(entries, {}, [], wordnet=folder)
    assert ["issue", 1.0] in index["config"]["clausemark"]["thesaurus"]["problem"]
    found = results(tmp_path, index, ["school problem in my ward", "issue in my ward"])
    assert found["school problem in my ward"][0]["location"] == "ward/#sec_1__para_1-1__subpara_a"
    # the word typed in (b) shows (b)
    assert found["issue in my ward"][0]["location"] == "ward/#sec_1__para_1-1__subpara_b"


def test_two_words_wordnet_has_as_one_phrase_stand_for_its_synonyms(tmp_path):
    """WordNet's phrase "turn_down" is "refuse": "turned down" finds the clause that says
    "refused" before the one that has "turn" alone (the verb inflected; the particle is
    in the phrase's meaning, and the verb alone counts less)."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    from test_thesaurus import write_wordnet

    folder = tmp_path / "wordnet"
    synsets = [{"id": "refuse", "pos": "v", "words": ["refuse", "turn_down"]}]
    lemmas = {("refuse", "v"): {"senses": ["refuse"]}, ("turn_down", "v"): {"senses": ["refuse"]}}
    write_wordnet(folder, synsets, lemmas)
    text = (
        "Kiosk Rules\n\n1. Stalls\n\n1.1 A stall that blocks the path is refused.\n\n"
        "1.2 Traders turn their awnings towards the sun.\n"
    )
    entries = text_entries(tmp_path, "kiosk.txt", text, "kiosk/")
    index = search_index(entries, {}, [], wordnet=folder)
    assert index["config"]["clausemark"]["thesaurus"]["turn_down"] == [["refuse", 1.0]]
    found = results(tmp_path, index, ["why was it turned down", "turning down"])
    for query in ("why was it turned down", "turning down"):
        assert [r["location"] for r in found[query]][:1] == ["kiosk/#sec_1__para_1-1"], query


def test_the_question_benches_count_an_item_for_its_clause_by_the_site_indexs_parent_chain(
    searched, tmp_path
):
    # Since the anchor ruling an item named by its printed letter ('para_b' of para 59)
    # carries no prefix of its clause: the offline benches read the parent chain from the
    # site's clausemark-index.json beside the search index, as the browser test does.
    from clausemark.adapters.mkdocs_plugin import LUNR
    from clausemark.index.search import search_worker_script

    bench = Path(__file__).resolve().parents[2] / "bench"
    (tmp_path / "worker.js").write_text(search_worker_script(LUNR), "utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "index.json").write_text(json.dumps(searched[2]), "utf-8")
    question = {"q": "boss the gardeners about", "category": "natural", "expect": ["shed#sec_9"]}
    (tmp_path / "sets.json").write_text(json.dumps({"mine": [question]}), "utf-8")
    (tmp_path / "variants.json").write_text(json.dumps([{"name": "as it is"}]), "utf-8")
    files = [str(tmp_path / name) for name in ("worker.js", "search/index.json", "sets.json")]

    def run(script: str, *more: str) -> list[str]:
        done = subprocess.run(
            ["node", str(bench / script), *files, *more], capture_output=True, text=True, check=True
        )
        return done.stdout.splitlines()

    # the site says the first result (shed 1.5) sits in a clause 'sec_9' its id does not name
    chain = [
        {"document": "shed", "anchor": "sec_1__para_1-5", "parent": "sec_9", "kind": "clause"},
        {"document": "shed", "anchor": "sec_9", "parent": None, "kind": "clause"},
    ]
    (tmp_path / "clausemark-index.json").write_text(json.dumps({"clauses": chain}), "utf-8")
    assert run("search_questions_node.js")[0].startswith("mine: top 3 1/1 (100%); right first 1/1")
    assert run("search_questions_variants.js", str(tmp_path / "variants.json"))[0].split() == [
        "as",
        "it",
        "is",
        "mine",
        "1/1",
        "|",
        "all",
        "1/1",
    ]
    # without the chain the item is not in sec_9
    chain[0]["parent"] = None
    (tmp_path / "clausemark-index.json").write_text(json.dumps({"clauses": chain}), "utf-8")
    assert run("search_questions_node.js")[0].startswith("mine: top 3 0/1 (0%); right first 0/1")


def _named_entries(url: str, naming: str, title: str, texts: list[str]) -> list[SearchEntry]:
    """A document entry named `naming` and its clauses 1.1, 1.2 ... (kind clause)."""
    found = [SearchEntry(location=url, title=title, text="", kind="document", document=naming)]
    for number, text in enumerate(texts, start=1):
        found.append(
            SearchEntry(
                location=f"{url}#para_1-{number}",
                title=f"{title} · 1.{number}",
                text=text,
                kind="clause",
                heading="General",
                document=naming,
                number=f"1.{number}",
            )
        )
    return found


def test_a_word_of_a_documents_name_that_other_documents_use_everywhere_names_nothing(
    tmp_path,
):
    """The harbour protocol's name has its council's ("Example Harbour Council"); the
    moorings guide says "the council" in every clause. A question saying "council" asks
    about the council, not about the harbour protocol: the guide's clause with all the
    words in fewer comes first (before, "council" named the protocol and lifted its
    longer clause above it). "harbour", in no other document's clauses, still names it."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    harbour = _named_entries(
        "harbour/",
        "Harbour Protocol Example Harbour Council",
        "Harbour Protocol",
        [
            "Boats moor at the quay on the tide and keep their lines tidy at all times.",
            "The council takes rubbish away from the quay.",
        ],
    )
    moorings = _named_entries(
        "moorings/",
        "Moorings Guide",
        "Moorings Guide",
        [
            "The council sets the mooring fees each year.",
            "The council repairs the slipway.",
            "The council clears quay rubbish.",
        ],
    )
    beach = _named_entries(
        "beach/",
        "Beach Code",
        "Beach Code",
        ["Dogs stay off the sands in summer.", "Lifeguards mark the bathing zone with flags."],
    )
    index = search_index(harbour + moorings + beach, {}, [])
    found = result_locations(tmp_path, index, ["council rubbish quay", "harbour moor"])
    assert found["council rubbish quay"][0] == "moorings/#para_1-3"
    assert found["harbour moor"][0] == "harbour/#para_1-1"


def test_a_one_word_question_finds_the_clauses_that_have_the_word_first(tmp_path):
    """A concept stands for a word of the question ("apologies": a sanction's apology ->
    "breach", "sanctions"); a clause reached by the concept alone is still found, but
    below the clause that has the word itself, however short and dense in the concept's
    words it is (trial14 F4: the clause on breaches came before the agenda's apologies)."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    text = (
        "Meeting Rules\n\n1. Meetings\n\n1.1 At the start of each meeting the chair reads out"
        " the names of those present, notes the apologies received, and asks whether anyone"
        " has an interest to declare in any item on the agenda for that meeting.\n\n"
        "1.2 A breach of the code may lead to sanctions, censure or disciplinary action.\n\n"
        "1.3 The minutes are signed by the chair.\n"
    )
    concepts = [[["apologies", "apology"], ["sanctions", "censure", "breach", "disciplinary"]]]
    entries = text_entries(tmp_path, "rules.txt", text, "rules/")
    index = search_index(entries, {}, [], concepts=concepts)
    found = results(tmp_path, index, ["apologies", "apologies received", "censure"])
    assert [r["location"] for r in found["apologies"]] == [
        "rules/#sec_1__para_1-1",
        "rules/#sec_1__para_1-2",
    ]
    # a question of more words is ranked as before; the concept's own word is found as ever
    assert found["apologies received"][0]["location"] == "rules/#sec_1__para_1-1"
    assert found["censure"][0]["location"] == "rules/#sec_1__para_1-2"
