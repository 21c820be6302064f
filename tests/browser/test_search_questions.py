"""Search as readers use it: questions typed into the site's search box, scored in Chromium.

Six sets of questions a councillor, officer or resident would ask, each with the clauses
that answer it (read from sources/):

- tests/data/search_questions.yml, the TUNING set: the ranking was fitted on it;
- tests/data/search_questions_heldout.yml, HELD-OUT 1: written before the first ranking
  work, in readers' words, with typos and US spellings; since then used to choose which
  changes to keep, so now a development set;
- tests/data/search_questions_heldout2.yml, HELD-OUT 2: written by someone who never saw
  the ranking code, before the second round of ranking work; measured once at its end;
- tests/data/search_questions_heldout3.yml, HELD-OUT 3: written blind (no ranking code, no
  word list, no other set) before the everyday-words list was widened, measured once
  after it; the honest measure of that list;
- tests/data/search_questions_heldout4.yml, HELD-OUT 4: written blind at the start of the
  third session's ranking work, measured once before it and once after (78% / 60% with
  WordNet, as setup.sh builds the site), then
  added here: spent, like the others;
- tests/data/search_questions_heldout5.yml, HELD-OUT 5: written blind at the start of the
  fourth session's work, measured once before it and once after (85% / 75% -> 83% / 73%
  with WordNet), then added here: spent.
- tests/data/search_questions_heldout6.yml, HELD-OUT 6 (session 8's; not the held-out 6
  and 7 of earlier sessions, which were kept outside the repository): written at the start
  of the eighth session's ranking work from the clause texts alone, measured before it
  (48/59 and 40/59: 81% / 68%) and after it; its floor is the score it had when written.
- tests/data/search_questions_heldout7.yml, HELD-OUT 7 (session 11, search12): 49 natural
  questions over every document of the example (and 4 jargon, 4 citation, 8 typo), written
  before that session's ranking work; measured before it (50/65 and 40/65) and after each
  change, its misses never read; its floor is its score after the change kept (51/65, 41/65).

Each question is typed into the search box of the built site over http and of the
unzipped offline bundle over file://, and scored: is a right clause among the first three
results, is it the first, and is the first result a clause. Every set's table, with a
line per category, is printed (run with -s; the held-out sets by category only). Asserted:
every first result is a clause, and no set falls below the score it has now (FLOORS, a
guard against regressions); the issue's targets (TARGETS) are printed beside the
held-out scores.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from browser_support import (
    REPO_ROOT,
    WAIT_MS,
    format_violations,
    record_requests,
    run_axe,
    serve_directory,
)
from playwright.sync_api import expect
from test_browser_bundle import assert_stayed_inside
from test_browser_site import assert_in_view
from test_bundle import build_example_bundle

QUESTIONS_FILE = REPO_ROOT / "tests" / "data" / "search_questions.yml"
HELD_OUT_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout.yml"
HELD_OUT_2_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout2.yml"
HELD_OUT_3_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout3.yml"
HELD_OUT_4_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout4.yml"
HELD_OUT_5_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout5.yml"
HELD_OUT_6_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout6.yml"
HELD_OUT_7_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout7.yml"
HELD_OUT_9_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout9.yml"
HELD_OUT_11_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout11.yml"
HELD_OUT_12_FILE = REPO_ROOT / "tests" / "data" / "search_questions_heldout12.yml"
HELD_OUT = (
    "held-out",
    "held-out 2",
    "held-out 3",
    "held-out 4",
    "held-out 5",
    "held-out 6",
    "held-out 7",
    "held-out 9",
    "held-out 11",
    "held-out 12",
)
# Questions of each kind a held-out set has at least; held-out 7 is mostly natural questions
# (49 of 65), the kind the blind sets find hardest, with 4 of each other kind.
# Held-out 9 (session 12) is natural questions above all (51 of 61), 2 jargon, 2 citations.
# Held-out 11 (session 13): natural 36 of 49, 5 typos, 4 jargon, 4 citations.
# Held-out 12 (session 14): natural 34 of 48, 6 typos, 4 jargon, 4 citations.
KIND_MINIMUM = {"held-out 7": 4, "held-out 9": 2, "held-out 11": 4, "held-out 12": 4}
# (right clause in the top 3, right clause first): what each set scores now, which a
# change must not lower, and the target for the held-out sets.
# Sixth round (the rules' words for an everyday word counted by their own rarity, above
# all): every held-out set rose in the top 3 (+11 of 292) and first (+10), but the tuning
# set lost one first place (104 -> 103) and held-out 2 two (46 -> 44): those floors fell.
# Seventh round (a regular plural is its singular's, bullets are items, an item is scored
# with its clause's opening words): tuning first +1, held-out 5 +1 and +1, held-out 6
# (spent, not here) +2 and +3; held-out 3 lost three first places (45 -> 42: "names" now
# meets "name", so "staff call councillors by their first names" and "slagging off a
# named officer" also find clauses about names; a town protocol bullet on evenings now
# answers "jobs in the evenings") and held-out 4 one (41 -> 40): those floors fell.
# Session 11 (search12: "council", in two documents' names and most other documents'
# clauses, no longer names those two documents): held-out 7 (written first, not listed
# here: 4 jargon and 4 citation questions) 50/40 -> 51/41; the seven sets here 424/364
# -> 423/366; held-out 6 lost a top-3 place (48 -> 47: "can a councillor tell the
# builders on a council job to stop work" was answered by Newcastle's clause because
# "council" named Newcastle's protocol) and held-out 2 a first place (45 -> 44): those
# floors fell.
# Session 12 (search13: static word vectors fused with the ranking, the ranking's first kept
# first): held-out 9 (written first) 40/33 -> 43/33, held-out 8 24 -> 27, check set held-out
# 10 24 -> 25 in the top 3, no first place changed; held-out 3 and 4 lost a top-3 place each
# (51 -> 50, 50 -> 49: a clause near in meaning overtook the third): those floors fell.
# Session 13 (search14: meaning breaks the words' near-tie for the first place, the words'
# first kept second): firsts tuning 104 -> 106, held-out 4 41 -> 43, 6 42 -> 43, 11 30 -> 33,
# 9 and 10 unchanged, no top-3 place changed anywhere; held-out 3 lost two firsts (42 ->
# 40) and held-out 7 one (41 -> 40), each still in the top 3: those floors fell.
FLOORS = {
    "tuning": (0.96, 0.85),
    "held-out": (0.96, 0.82),
    "held-out 2": (0.88, 0.73),  # 44/60 first since session 11 (45 since WordNet phrases)
    "held-out 3": (0.83, 0.66),  # 51/60 top 3 until session 12, 50/60 since meaning (below);
    # 42/60 first until session 13, 40/60 since the near-tie rule
    "held-out 4": (0.81, 0.66),  # 50/60 top 3 until session 12, 49/60 since meaning
    "held-out 5": (0.9, 0.83),
    "held-out 6": (0.79, 0.67),  # 48/59 and 40/59 when written (session 8, main 5a31dd1),
    # 47/59 and 42/59 since session 11
    "held-out 7": (0.78, 0.61),  # 50/65 and 40/65 when written, 51/65 and 41/65 since c6c1884,
    # 40/65 first since the near-tie rule (session 13)
    "held-out 9": (0.7, 0.54),  # 40/61 and 33/61 when written (2eb8f31), 43/61 since meaning
    "held-out 11": (0.79, 0.67),  # 39/49 and 30/49 when written (780c5e2, session 13), 33/49
    # first since the near-tie rule
    "held-out 12": (0.64, 0.52),  # 31/48 and 25/48 when written (2938088, session 14)
}
TARGETS = {name: (0.9, 0.8) for name in HELD_OUT}
CATEGORY_TARGET = 0.8  # the issue's, each held-out category in the top 3
SCREENSHOT_DIR = Path("/tmp/clausemark-search-screenshots")
SCREENSHOT_QUESTIONS = (
    "can a councillor instruct an officer",
    "political assistants",
    "purdah",
    "Part E 4.8",
    "complaint about an officer",
)
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Marks the results on screen (and blanks the count), so that the next search's results
# can be told apart: Material rewrites the count and the list for every answer.
_MARK_OLD_JS = """() => {
    document.querySelectorAll('.md-search-result__item')
        .forEach((item) => item.setAttribute('data-test-old', ''));
    document.querySelector('.md-search-result__meta').textContent = '';
}"""
_NEW_RESULTS_JS = """() => {
    const meta = document.querySelector('.md-search-result__meta').textContent;
    const fresh = document.querySelector(
        '.md-search-result__list > .md-search-result__item:not([data-test-old])');
    const empty = !document.querySelector('.md-search-result__item:not([data-test-old])');
    return meta !== '' && (!!fresh || (empty && /no match/i.test(meta)));
}"""
# The result links in the order a reader sees them, one per place: a clause result's two
# links (its label line and its snippet) count once; links folded away under Material's
# "N more on this page" are not seen, so they do not count.
_RESULTS_JS = """() => {
    const seen = new Set();
    const results = [];
    for (const link of document.querySelectorAll('.md-search-result__item a')) {
        const folded = link.closest('details');
        if (seen.has(link.href) || (folded && !folded.open)) continue;
        seen.add(link.href);
        const item = link.closest('.md-search-result__item');
        results.push({
            href: link.href,
            heading: (item.querySelector('h1') || item.querySelector('h2')).textContent.trim(),
            snippet: (item.querySelector('article p') || {textContent: ''}).textContent.trim(),
        });
    }
    return results;
}"""


@dataclass(frozen=True)
class Question:
    query: str
    kind: str  # what it exercises; the held-out set's `category`
    expect: tuple[str, ...]  # "document#anchor"


@dataclass(frozen=True)
class Score:
    question: Question
    results: list[dict]
    top3: bool
    clause_first: bool
    right_first: bool = False


def load_questions(path: Path = QUESTIONS_FILE) -> list[Question]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Question(str(q["q"]), q.get("category") or q["kind"], tuple(q["expect"])) for q in data]


def question_sets() -> dict[str, list[Question]]:
    return {
        "tuning": load_questions(QUESTIONS_FILE),
        "held-out": load_questions(HELD_OUT_FILE),
        "held-out 2": load_questions(HELD_OUT_2_FILE),
        "held-out 3": load_questions(HELD_OUT_3_FILE),
        "held-out 4": load_questions(HELD_OUT_4_FILE),
        "held-out 5": load_questions(HELD_OUT_5_FILE),
        "held-out 6": load_questions(HELD_OUT_6_FILE),
        "held-out 7": load_questions(HELD_OUT_7_FILE),
        "held-out 9": load_questions(HELD_OUT_9_FILE),
        "held-out 11": load_questions(HELD_OUT_11_FILE),
        "held-out 12": load_questions(HELD_OUT_12_FILE),
    }


def location_of(href: str, base: str) -> tuple[str, str]:
    """(document id, fragment) of a result link, for http and file:// alike."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    base_path = unquote(urlsplit(base).path)
    relative = path[len(base_path) :] if path.startswith(base_path) else path
    page = re.sub(r"(/index\.html|\.html|/)$", "", relative.strip("/"))
    return page, parts.fragment


def answers(question: Question, document: str, fragment: str, clauses: dict | None = None) -> bool:
    """The result is an expected clause, or an item inside one: inside by its id
    ('para_4__subpara_b' in 'para_4'), or by the site index's parent chain, since an item
    named by its printed letter ('para_b', ANCHORS.md) carries no prefix of its clause."""
    enclosing = {fragment}
    place = (document, fragment)
    while clauses and clauses.get(place) and len(enclosing) < 32:
        place = (document, clauses[place])
        enclosing.add(place[1])
    for expected in question.expect:
        doc, anchor = expected.split("#", 1)
        if document == doc and (
            anchor in enclosing or any(f.startswith(anchor + "__") for f in enclosing)
        ):
            return True
    return False


def clause_locations(index: dict) -> set[tuple[str, str]]:
    """(document id, anchor) of every clause entry in the built search index."""
    found = set()
    for doc in index["docs"]:
        if doc.get("kind") == "clause" and "#" in doc["location"]:
            page, fragment = doc["location"].split("#", 1)
            found.add((re.sub(r"(\.html|/)$", "", page), fragment))
    return found


def site_clauses(site: Path) -> dict[tuple[str, str], str | None]:
    """(document id, anchor) of every clause the site publishes (clausemark-index.json),
    whatever search index the site was built with."""
    data = json.loads((site / "clausemark-index.json").read_text("utf-8"))
    return {
        (c["document"], c["anchor"]): c.get("parent")
        for c in data["clauses"]
        if c.get("kind") == "clause"
    }


def is_clause(clauses: Iterable[tuple[str, str]], document: str, fragment: str) -> bool:
    return any(
        document == doc and (fragment == anchor or fragment.startswith(anchor + "__"))
        for doc, anchor in clauses
    )


def search_for(page, query: str) -> list[dict]:
    """Type the query into Material's search box (one keyup) and read the new results."""
    search_input = page.locator(".md-search__input")
    if not search_input.is_visible():
        page.locator('label.md-header__button[for="__search"]').click()
    page.evaluate(_MARK_OLD_JS)
    search_input.fill(query)
    search_input.press("End")
    page.wait_for_function(_NEW_RESULTS_JS, timeout=WAIT_MS)
    return page.evaluate(_RESULTS_JS)


def score_all(page, questions: list[Question], base: str, clauses) -> list[Score]:
    scores = []
    for question in questions:
        results = search_for(page, question.query)
        places = [location_of(r["href"], base) for r in results]
        scores.append(
            Score(
                question,
                results,
                top3=any(answers(question, *place, clauses) for place in places[:3]),
                clause_first=bool(places) and is_clause(clauses, *places[0]),
                right_first=bool(places) and answers(question, *places[0], clauses),
            )
        )
    return scores


def _share(scores: list[Score], attribute: str) -> str:
    count = sum(getattr(s, attribute) for s in scores)
    return f"{count}/{len(scores)} ({count / len(scores):.0%})"


def score_table(scores: list[Score], where: str, name: str = "tuning", detail: bool = True) -> str:
    lines = [
        f"\nsearch questions, {name} set, over {where}: right clause in top 3 | right first | "
        "first result a clause"
    ]
    for score in scores if detail else []:
        first = score.results[0]["heading"] if score.results else "(no results)"
        lines.append(
            f"  {'ok ' if score.top3 else 'MISS'} {'1st' if score.right_first else '---'} "
            f"{'clause' if score.clause_first else 'OTHER '}"
            f"  {score.question.query[:48]:48}  first: {first[:40]}"
        )
    target = TARGETS.get(name)
    wanted = f" (target {target[0]:.0%} and {target[1]:.0%})" if target else ""
    lines.append(
        f"  {name}: top 3 {_share(scores, 'top3')}; right first {_share(scores, 'right_first')}; "
        f"clause first {_share(scores, 'clause_first')}{wanted}"
    )
    for kind in dict.fromkeys(s.question.kind for s in scores):
        these = [s for s in scores if s.question.kind == kind]
        top3, first = _share(these, "top3"), _share(these, "right_first")
        aim = f" (target {CATEGORY_TARGET:.0%} in the top 3)" if target else ""
        lines.append(f"    {kind:9} top 3 {top3}; right first {first}{aim}")
    return "\n".join(lines)


def assert_floors(scores: list[Score], name: str) -> None:
    """Every first result a clause, and no lower than the set scores now (FLOORS)."""
    hidden = name in HELD_OUT  # a held-out set's questions are never shown
    not_clause = [s.question.query for s in scores if not s.clause_first]
    assert not not_clause, f"first result is not a clause for {len(not_clause)}: " + (
        "(held out)" if hidden else str(not_clause)
    )
    top3 = sum(s.top3 for s in scores) / len(scores)
    first = sum(s.right_first for s in scores) / len(scores)
    floor3, floor1 = FLOORS[name]
    misses = "(held out)" if hidden else [s.question.query for s in scores if not s.top3]
    assert top3 >= floor3, f"{name}: top-3 {top3:.0%} below {floor3:.0%}; missed: {misses}"
    assert first >= floor1, f"{name}: right first {first:.0%} below {floor1:.0%}"


def score_sets(page, base: str, clauses, where: str) -> dict[str, list[Score]]:
    """Every set typed and scored; the tables printed (the tuning set's questions one by
    one; the held-out sets' by category only, so that nobody tunes on their questions)."""
    scored = {}
    for name, questions in question_sets().items():
        scored[name] = score_all(page, questions, base, clauses)
        print(score_table(scored[name], where, name, detail=name not in HELD_OUT))
    return scored


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve_directory(built_site) as base_url:
        yield base_url


def test_the_question_sets_are_large_mixed_and_name_real_clauses(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    # a clause the search indexes, or an item the site publishes ('para_b' of para 20)
    clauses = clause_locations(index) | set(site_clauses(built_site))
    sets = question_sets()
    assert len(sets["tuning"]) >= 30
    assert {"natural", "keyword", "synonym", "plural", "number", "document"} <= {
        q.kind for q in sets["tuning"]
    }
    tuned = {q.query.lower() for q in sets["tuning"]}
    for name in HELD_OUT:
        held_out = sets[name]
        assert len(held_out) >= 48
        kinds = [q.kind for q in held_out]
        least = KIND_MINIMUM.get(name, 6)
        assert all(kinds.count(kind) >= least for kind in ("natural", "jargon", "citation", "typo"))
        # Written apart from the tuning set: only a bare term ("purdah", "RFO") may be
        # typed by both writers (held-out 2 shares three such lookups).
        shared = [q for q in held_out if q.query.lower() in tuned]
        assert all(q.kind == "jargon" and len(q.query.split()) <= 3 for q in shared), [
            q.query for q in shared
        ]
    for question in [q for questions in sets.values() for q in questions]:
        for expected in question.expect:  # a clause, or an item of one ("…__subpara_h")
            page, anchor = expected.split("#", 1)
            assert is_clause(clauses, page, anchor), expected  # (held-out questions unshown)


def test_search_answers_the_questions_over_http(page, site_url, built_site, capsys):
    page.goto(site_url)
    with capsys.disabled():
        scored = score_sets(page, site_url, site_clauses(built_site), "http")
    for name, scores in scored.items():
        assert_floors(scores, name)


@pytest.mark.build  # builds the bundle through `request`
def test_offline_bundle_answers_the_same_questions_over_file(page, request, capsys):
    bundle = build_example_bundle(request)
    log = record_requests(page)
    page.goto((bundle.root / "index.html").as_uri())
    base = bundle.root.as_uri() + "/"
    with capsys.disabled():
        scored = score_sets(page, base, site_clauses(bundle.root), "file:// (offline bundle)")
    for name, scores in scored.items():
        assert_floors(scores, name)
    assert_stayed_inside(log, bundle.root)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_results_show_label_number_and_snippet(browser, site_url, viewport, capsys):
    """Each result: "<document label> · <clause number>", then a snippet with the words
    marked; screenshots of five questions are written for a person to look at."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    try:
        page = context.new_page()
        page.goto(site_url)
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        for number, query in enumerate(SCREENSHOT_QUESTIONS, start=1):
            results = search_for(page, query)
            first = page.locator(".md-search-result__item").first
            expect(first).to_be_visible()
            assert re.search(r" · (\d|\[)", results[0]["heading"]), results[0]
            assert results[0]["snippet"], results[0]
            if not re.search(r"\d", query):
                expect(first.locator("mark").first).to_be_visible()
            slug = re.sub(r"\W+", "-", query).strip("-")
            path = SCREENSHOT_DIR / f"{viewport}-{number}-{slug}.png"
            page.screenshot(path=str(path))
        with capsys.disabled():
            print(f"\n[search] {viewport} screenshots in {SCREENSHOT_DIR}")
    finally:
        context.close()


def test_number_queries_go_straight_to_the_clause(page, site_url):
    page.goto(site_url)
    for query in ("4.8", "para 4.8", "Part E 4.8", "Part E Code 3 para 4.8"):
        results = search_for(page, query)
        assert location_of(results[0]["href"], site_url) == (
            "part-e-code-3-member-officer-relations",
            "sec_4-0__para_4-8",
        ), (query, results[:2])
    results = search_for(page, "Part E section 10")
    assert location_of(results[0]["href"], site_url) == (
        "part-e-code-3-member-officer-relations",
        "sec_10",
    ), results[:2]
    results = search_for(page, "3.10(a)")
    assert location_of(results[0]["href"], site_url) == (
        "newcastle-under-lyme-member-officer-relations-protocol",
        "sec_3__para_3-10__subpara_a",
    )


def test_a_document_label_is_not_read_as_a_clause_number(page, site_url):
    results = search_for_page(page, site_url, "Appendix 20")
    assert location_of(results[0]["href"], site_url) == (
        "newcastle-under-lyme-member-officer-relations-protocol",
        "",
    ), results[:2]


def test_a_citation_of_no_clause_and_words_of_no_clause_find_no_match(page, site_url):
    """ "para 99.9" (the site has no clause 99.9) says no clause matches, not the clauses
    that happen to say "para"; "banana" (no word of the site) likewise, not the clauses
    nearest in meaning (attack13's F10)."""
    page.goto(site_url)
    for query in ("para 99.9", "EMCCA para 99.9", "banana"):
        assert search_for(page, query) == [], query
        meta = page.locator(".md-search-result__meta").text_content() or ""
        assert meta.strip() == "No matching clauses", (query, meta)


def search_for_page(page, site_url: str, query: str) -> list[dict]:
    page.goto(site_url)
    return search_for(page, query)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_search_results_meet_wcag_aa(browser, site_url, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    try:
        page = context.new_page()
        page.goto(site_url)
        search_for(page, "can a councillor instruct an officer")
        violations = run_axe(page)  # once the results have faded in (run_axe waits)
        assert violations == [], format_violations(violations)
    finally:
        context.close()


def test_search_works_when_scripts_may_only_come_from_the_site(page, site_url):
    """Under `script-src 'self'` (no inline scripts, no eval) the worker still answers.

    (The site carries that policy itself, in main.html; here it is sent as a header too.
    Only a refusal of search's own code would fail this test.)"""
    refused = []
    page.on("console", lambda message: refused.append(message.text))

    def with_policy(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": "script-src 'self'"}
        route.fulfill(response=response, headers=headers)

    page.route(re.compile(r"/$|\.html$"), with_policy)
    page.goto(site_url)
    results = search_for(page, "political assistants")
    assert location_of(results[0]["href"], site_url) == (
        "emcca-member-officer-protocol",
        "para_34",
    )
    inline_ran = page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.cmInlineRan = true'; document.body.appendChild(s);
                   return window.cmInlineRan === true; }"""
    )
    assert not inline_ran, "the policy was not applied"
    policy = [text for text in refused if "Content Security Policy" in text]
    assert [t for t in policy if re.search(r"worker|eval|search", t, re.I)] == []


def test_a_word_every_document_is_named_by_is_answered_with_clauses(page, site_url, built_site):
    """ "members" is in most documents' titles; it must not put documents first."""
    page.goto(site_url)
    for query in ("members", "protocol"):
        results = search_for(page, query)
        assert is_clause(site_clauses(built_site), *location_of(results[0]["href"], site_url))
    results = search_for(page, "Newcastle protocol")
    assert location_of(results[0]["href"], site_url) == (
        "newcastle-under-lyme-member-officer-relations-protocol",
        "",
    )


def test_enter_opens_the_first_result(page, site_url):
    """A number typed and Enter: the reader lands on the clause, in view."""
    page.goto(site_url)
    search_for(page, "para 4.8")
    page.locator(".md-search__input").press("Enter")
    page.wait_for_url("**/part-e-code-3-member-officer-relations/**#sec_4-0__para_4-8")
    assert_in_view(page, "sec_4-0__para_4-8")


def test_synonyms_and_stems_find_clauses_that_use_other_words(page, site_url):
    """ "councillors instructing" finds "Members are not authorised to instruct" (2.8),
    "political assistants" finds "political adviser" (EMCCA 34), "pre-election period"
    finds 'Purdah' (Appendix 20 2.4): none of them has the words typed."""
    page.goto(site_url)
    cases = {
        "councillors instructing officers": (
            "part-e-code-3-member-officer-relations",
            "sec_2-0__para_2-8",
        ),
        "political assistants": ("emcca-member-officer-protocol", "para_34"),
        "pre-election period": (
            "newcastle-under-lyme-member-officer-relations-protocol",
            "sec_2__para_2-4",
        ),
    }
    for query, expected in cases.items():
        results = search_for(page, query)
        places = [location_of(r["href"], site_url) for r in results[:3]]
        assert expected in places, (query, places)
        first_words = results[places.index(expected)]["snippet"].lower()
        assert not all(word in first_words for word in query.lower().split()), first_words


def test_everyday_words_find_the_words_the_rules_use(page, site_url):
    """ "rude" and "boss around" are in no clause: search_concepts.yml takes them to what
    the rules say ("respect", "courtesy"; "undue pressure", "instruct"), below the word
    typed, and the words found are marked; a slip in such a word ("nastey") still gets
    there."""
    page.goto(site_url)
    snippets = [r["snippet"].lower() for r in search_for(page, "councillor rude to an officer")]
    assert not any("rude" in snippet for snippet in snippets)
    assert any(re.search(r"courtesy|respect", snippet) for snippet in snippets[:3]), snippets[:3]
    marked = page.locator(".md-search-result__item").first.locator("mark").all_text_contents()
    assert marked, "the words found are marked"
    slipped = [r["snippet"].lower() for r in search_for(page, "councillor nastey to an officer")]
    assert any(re.search(r"courtesy|respect", snippet) for snippet in slipped[:3]), slipped[:3]
    # since the ranking is fused with meaning (session 12), clauses near "boss staff" in
    # meaning (officers answer to the chief executive, a member's complaint about an
    # officer) come before the concept's clause, found 3rd by the words, now 6th
    snippets = [r["snippet"].lower() for r in search_for(page, "can councillors boss staff around")]
    assert any(re.search(r"undue pressure|instruct", s) for s in snippets[:6]), snippets[:6]


def test_results_tell_documents_apart_count_clauses_and_mark_the_item(page, site_url):
    """A result names its document by title and label; the count says "clauses"; a clause
    found by one of its items links to the item, its snippet the item, words marked."""
    page.goto(site_url)
    results = search_for(page, "take up the concern privately")
    # two protocols print these words as an item: Part E 4.8 (iv) and the model's
    # paragraph 37, its fourth bullet; each is shown as that item, under its title
    items = {
        ("part-e-code-3-member-officer-relations", "sec_4-0__para_4-8__subpara_iv"): (
            "Protocol on Member/Officer Relations (Part E Code 3) · 4.8 (iv)",
            "… iv. take up the concern",
        ),
        ("model-member-officer-relations-protocol", "para_37__subpara_4"): (
            "Model Member/Officer Relations Protocol (Part 5 Protocol 1) · [37], item [4]",
            "… take up the concern",
        ),
    }
    shown = {location_of(r["href"], site_url): r for r in results[:2]}
    assert set(shown) == set(items), list(shown)
    for place, (title, words) in items.items():
        assert shown[place]["heading"].startswith(title), shown[place]["heading"]
        assert shown[place]["snippet"].startswith(words), shown[place]["snippet"]
    marked = page.locator(".md-search-result__item").first.locator("mark")
    assert "privately" in " ".join(marked.all_text_contents()).lower()
    meta = page.locator(".md-search-result__meta").text_content() or ""
    assert re.fullmatch(r"\d+ matching clauses?", meta.strip()), meta
    town = search_for(page, "town council grievance")[0]["heading"]
    assert town.startswith("Member/Officer Relations Protocol (Part 5 Protocol 2) · "), town


def test_call_is_not_call_in_and_a_slip_of_the_keys_still_finds(page, site_url):
    page.goto(site_url)
    call_in = {
        ("part-e-code-3-member-officer-relations", "sec_4-0__para_4-10"),
        ("part-e-code-3-member-officer-relations", "sec_10__para_10-2"),
        ("model-member-officer-relations-protocol", "para_39"),
    }
    found = [location_of(r["href"], site_url) for r in search_for(page, "call")]
    assert not call_in & set(found[:10]), found[:10]
    found = [location_of(r["href"], site_url) for r in search_for(page, "call in")]
    assert set(found[:3]) <= call_in | {("model-member-officer-relations-protocol", "para_68")}
    for typed, meant in (("cheif executive", "chief executive"), ("councilor", "councillor")):
        slipped = location_of(search_for(page, typed)[0]["href"], site_url)
        right = [location_of(r["href"], site_url) for r in search_for(page, meant)[:3]]
        assert slipped in right, (typed, slipped, right)
