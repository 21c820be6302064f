"""Related clauses: the same rule as worded in other documents of the constitution.

Councils copy model protocols and codes, so a clause often has near-twins in other
documents. Each clause becomes a TF-IDF vector over its content words; pairs are
scored by cosine similarity. To stay fast with thousands of clauses we never compare
every pair: an inverted index over each vector's *prefix* (its rarest tokens,
see `candidate_scores`) proposes candidates, and only candidates are scored. The prefix
is chosen so that no pair at or above the threshold can be missed, so the result is
exactly what comparing all pairs would give.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..model.document import ClauseRecord

# Tuned on the seed protocols: copies of one model text score 0.75-1.0, the same rule in
# another council's words 0.37-0.6, clauses that merely share a topic stay below 0.33.
DEFAULT_THRESHOLD = 0.35
MIN_TOKENS = 6  # content words; shorter sub-items ("for personal use.") match noise
# Bounds on the index's work per token, so that thousands of near-identical clauses (a
# generated or pasted text) cost time in proportion to their number, not its square.
# A token listed under more clauses than this, or under more clauses of one document,
# is as common as a stop word there: later clauses are not listed under it. Real texts
# stay far below both, so for them the result is still exactly the all-pairs one.
MAX_POSTINGS = 500
MAX_POSTINGS_PER_DOCUMENT = 16

Vector = dict[int, float]  # token id -> weight; unit length; ids ascending, rarest token first
Key = tuple[str, str]  # (document, anchor)
# per clause, what it is listed under in the index (token, weight, the vector's length
# after it); and where its unlisted rest begins (token id, or inf) and that rest's length
Entries = tuple[list[list[tuple[int, float, float]]], list[float], list[float]]

_STOP_WORD_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can cannot could did do does doing down during
    each either etc few for from further had has have having he her here hers herself him
    himself his how however i if in into is it its itself just may me might more most must
    my myself neither no nor not now of off on once only or other otherwise ought our ours
    ourselves out over own per same shall she should so some such than that the their
    theirs them themselves then there therefore these they this those through thus to too
    under until up upon us very was we were what when where whether which while who whom
    whose why will with within without would you your yours yourself yourselves
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


@dataclass(frozen=True)
class Related:
    """Another document's clause that reads like this one; `score` is cosine, in (0, 1]."""

    document: str
    anchor: str
    score: float


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Fold plurals and possessives so "officer's", "officers" and "officer" meet."""
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Content words of a clause: lower-cased, stemmed, stop-words and short words dropped."""
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    stems = (stem(word) for word in _WORD.findall(text) if word not in STOP_WORDS)
    return [word for word in stems if len(word) > 2 and word not in STOP_WORDS]


def clause_vectors(
    records: Iterable[ClauseRecord], min_tokens: int = MIN_TOKENS
) -> tuple[list[ClauseRecord], list[Vector]]:
    """TF-IDF vectors (sublinear tf, unit length) for clauses with enough words to compare.

    Records come back sorted by (document, anchor). Tokens become ids numbered rarest
    first (ties alphabetical), and vectors keep their ids in ascending order: the index
    relies on that order, and summing in it makes scores independent of input order.
    Sub-items that are a few words long ("for personal use.") drop out here: they match
    anything with the same few words, which is noise rather than a counterpart.
    """
    kept, counts = clause_tokens(records, min_tokens)
    return _vectors(kept, counts)


def clause_tokens(
    records: Iterable[ClauseRecord],
    min_tokens: int = MIN_TOKENS,
    seen: dict[str, Counter[str]] | None = None,
) -> tuple[list[ClauseRecord], list[Counter[str]]]:
    """The clauses with enough content words to compare, sorted by (document, anchor),
    and their words counted: all that the related clauses are made from. `seen`: texts
    counted before (never changed here)."""
    kept: list[ClauseRecord] = []
    counts: list[Counter[str]] = []
    for record in sorted(records, key=lambda r: (r.document, r.anchor)):
        count = (seen or {}).get(record.text)
        if count is None:
            count = Counter(tokens(record.text))
        if count.total() >= min_tokens:
            kept.append(record)
            counts.append(count)
    return kept, counts


def _vectors(
    kept: list[ClauseRecord], counts: list[Counter[str]]
) -> tuple[list[ClauseRecord], list[Vector]]:
    return kept, _weighed(counts)[0]


def _weighed(counts: list[Counter[str]]) -> tuple[list[Vector], Counter[str], list[str]]:
    """The vectors, each word's document frequency, and the words by token id."""
    document_frequency: Counter[str] = Counter()
    for count in counts:
        document_frequency.update(count.keys())
    total = len(counts)
    words = sorted(document_frequency, key=lambda t: (document_frequency[t], t))
    token_id = {token: position for position, token in enumerate(words)}
    vectors = []
    for count in counts:
        weights = {
            token_id[token]: (1 + math.log(tf)) * math.log((1 + total) / document_frequency[token])
            for token, tf in count.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({token: weights[token] / norm for token in sorted(weights)})
    return vectors, document_frequency, words


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two unit vectors, summed in global token order for stable floats."""
    if len(b) < len(a):
        a, b = b, a
    total = 0.0
    for token, weight in a.items():
        total += weight * b.get(token, 0.0)
    return min(1.0, total)


def tail_lengths(vector: Vector) -> list[float]:
    """tails[k] is the length of the vector without its first k tokens; tails[-1] is 0."""
    remaining = 1.0
    tails = [1.0]
    for weight in vector.values():
        remaining -= weight * weight
        tails.append(math.sqrt(max(remaining, 0.0)))
    return tails


def candidate_scores(
    records: list[ClauseRecord],
    vectors: list[Vector],
    threshold: float,
    *,
    dirty: list[bool] | None = None,
    entries: Entries | None = None,
) -> dict[int, list[tuple[float, int]]]:
    """Every cross-document pair scoring at least `threshold`, without comparing all pairs.

    The bounds below all follow from Cauchy-Schwarz: over any set of tokens, the dot
    product of two unit vectors is at most the product of their lengths on that set.
    Token ids rise from rarest to commonest, and common tokens ("council", "officer")
    carry little weight, so:

    - only a vector's prefix is indexed: its rarest tokens, up to where the rest is
      shorter than `threshold`. Two vectors scoring at least `threshold` must share a
      token before either's rest begins, so the pair meets in the index there;
    - a new vector admits a candidate at a shared token only if that token's product
      plus the two vectors' lengths after it can still reach `threshold`, and stops
      admitting once its own rest is shorter than `threshold`;
    - a candidate is scored in full only if the part of the dot product found in the
      index, plus what the two rests could still add, reaches `threshold`.

    Full scores come from `cosine`, so the result equals comparing every pair, unless a
    token is listed under more than `MAX_POSTINGS` clauses (or `MAX_POSTINGS_PER_DOCUMENT`
    of one document): past that, clauses are no longer listed under it, which bounds the
    work per clause on repetitive texts.

    `dirty` (one flag per clause; `related_clauses` under `mkdocs serve`): only the pairs
    with a dirty clause in them are looked for. Whether a pair is found and its score
    depend on the two vectors and on what the earlier one is listed under, nothing else,
    so a pair of clean clauses is as the last run found it. `entries`: `index_entries`
    of these vectors, if the caller has them.
    """
    bound = _bound(threshold)
    documents = [record.document for record in records]
    listed, rest_start, rest_length = entries or index_entries(documents, vectors, bound)
    postings: dict[int, list[tuple[int, float, float]]] = defaultdict(list)  # j, weight, tail
    fresh: dict[int, list[tuple[int, float, float]]] = defaultdict(list)  # dirty clauses'
    scored: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        everyone = dirty is None or dirty[i]
        if everyone or any(token in fresh for token in vector):
            ids = list(vector)
            tails = tail_lengths(vector)
            partial: dict[int, float] = {}
            for position, token in enumerate(ids):
                weight = vector[token]
                listed_here = (postings if everyone else fresh).get(token, ())
                if tails[position] >= bound:
                    after = tails[position + 1]
                    for j, other, other_after in listed_here:
                        if j in partial:
                            partial[j] += weight * other
                        elif weight * other + after * other_after >= bound:
                            partial[j] = weight * other
                else:
                    for j, other, _ in listed_here:
                        if j in partial:
                            partial[j] += weight * other
            document = documents[i]
            for j in sorted(partial):
                if documents[j] == document:
                    continue
                if partial[j] + tails[bisect_left(ids, rest_start[j])] * rest_length[j] < bound:
                    continue
                score = cosine(vector, vectors[j])
                if score >= threshold:
                    scored[i].append((score, j))
                    scored[j].append((score, i))
        for token, weight, after in listed[i]:
            postings[token].append((i, weight, after))
            if dirty is not None and dirty[i]:
                fresh[token].append((i, weight, after))
    return scored


def _bound(threshold: float) -> float:
    return threshold * (1 - 1e-9)  # float slack: never lose a pair to rounding


def index_entries(documents: list[str], vectors: list[Vector], bound: float) -> Entries:
    """What each clause is listed under in `candidate_scores`' index (token, weight, the
    vector's length after it), where its unlisted rest begins (token id, or inf) and that
    rest's length. Listing depends only on the clause's vector and on how many earlier
    clauses (of its document) are listed under a token, never on any score."""
    listed: list[list[tuple[int, float, float]]] = []
    rest_start: list[float] = []
    rest_length: list[float] = []
    under: Counter[int] = Counter()  # clauses listed under a token
    per_document: Counter[tuple[str, int]] = Counter()  # ... of one document
    for document, vector in zip(documents, vectors, strict=True):
        ids = list(vector)
        tails = tail_lengths(vector)
        indexed = next((k for k, tail in enumerate(tails) if tail < bound), len(ids))
        entries = []
        for position, token in enumerate(ids[:indexed]):
            if under[token] < MAX_POSTINGS and per_document[document, token] < (
                MAX_POSTINGS_PER_DOCUMENT
            ):
                entries.append((token, vector[token], tails[position + 1]))
                under[token] += 1
                per_document[document, token] += 1
        listed.append(entries)
        rest_start.append(ids[indexed] if indexed < len(ids) else math.inf)
        rest_length.append(tails[indexed])
    return listed, rest_start, rest_length


def best_related(
    records: list[ClauseRecord],
    scored: dict[int, list[tuple[float, int]]],
    limit: int,
    per_document: int,
) -> dict[Key, list[Related]]:
    """The top `limit` matches per clause, at most `per_document` from any one document.

    Scores are rounded to four places before ranking so that float noise never decides
    the order; ties go to document, then anchor.
    """
    result: dict[Key, list[Related]] = {}
    for i in sorted(scored):
        ranked = sorted(
            (
                Related(records[j].document, records[j].anchor, round(score, 4))
                for score, j in scored[i]
            ),
            key=lambda r: (-r.score, r.document, r.anchor),
        )
        chosen: list[Related] = []
        taken: Counter[str] = Counter()
        for related in ranked:
            if taken[related.document] < per_document:
                chosen.append(related)
                taken[related.document] += 1
                if len(chosen) == limit:
                    break
        if chosen:
            result[(records[i].document, records[i].anchor)] = chosen
    return result


def build_related(
    records: list[ClauseRecord],
    limit: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    min_tokens: int = MIN_TOKENS,
    per_document: int = 1,
) -> dict[Key, list[Related]]:
    """For each clause, its most similar clauses in other documents, best first.

    Only clauses with at least one match at or above `threshold` appear as keys.
    `per_document` caps matches from one document, so that the list shows the rule
    across several councils rather than three neighbouring clauses of one.
    """
    return related_clauses(
        records, limit, threshold, min_tokens=min_tokens, per_document=per_document
    ).result


@dataclass(frozen=True)
class RelatedMemory:
    """What one run of `related_clauses` read and found, for the next under `mkdocs serve`.

    `key` hashes all it was made from; `result` is what `build_related` gives. The rest
    lets the next run score again only the clauses an edit touched (`related_clauses`).
    """

    key: str
    result: dict[Key, list[Related]]
    settings: tuple = ()
    total: int = 0  # how many clauses were compared: a part of every word's weight
    frequency: dict[str, int] = field(default_factory=dict)  # clauses each word is in
    texts: dict[Key, str] = field(default_factory=dict)  # each compared clause's text
    listed: dict[Key, tuple[str, ...]] = field(default_factory=dict)  # words it is listed under
    pairs: dict[tuple[Key, Key], float] = field(default_factory=dict)  # (later, earlier) -> score
    counts: dict[str, Counter[str]] = field(default_factory=dict)  # a text's words, counted


def related_clauses(
    records: list[ClauseRecord],
    limit: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    min_tokens: int = MIN_TOKENS,
    per_document: int = 1,
    known: RelatedMemory | None = None,
) -> RelatedMemory:
    """`build_related` (its `result`), with what it was made from: given the memory of an
    earlier call (`known`: `mkdocs serve`, after an edit), the same key gives that memory
    back, and otherwise only the pairs with a clause the edit touched are scored again.

    A clause is untouched when its text, the number of clauses compared and the
    frequency of each of its words are as before (so its weights are the same floats)
    and it is listed under the same words in the index. Whether a pair scores and how
    much reads only its two clauses, so a pair of untouched clauses keeps its score and
    the result equals a fresh run's. A clause added or dropped changes every weight:
    then every pair is scored again.
    """
    if limit < 1 or not 0 < threshold <= 1:
        raise ValueError("limit must be at least 1 and threshold in (0, 1]")
    settings = (limit, threshold, min_tokens, per_document)
    seen = known.counts if known is not None else None
    kept, counts = clause_tokens(records, min_tokens, seen)
    digest = hashlib.sha256(repr((limit, threshold, per_document)).encode())
    for record, count in zip(kept, counts, strict=True):
        digest.update(repr((record.document, record.anchor, sorted(count.items()))).encode())
    key = digest.hexdigest()
    if known is not None and known.key == key:
        return known
    vectors, frequency, words = _weighed(counts)
    documents = [record.document for record in kept]
    entries = index_entries(documents, vectors, _bound(threshold))
    listed = [tuple(words[token] for token, _, _ in listing) for listing in entries[0]]
    keys = [(record.document, record.anchor) for record in kept]
    dirty = _touched(known, settings, kept, counts, frequency, listed)
    scored = candidate_scores(kept, vectors, threshold, dirty=dirty, entries=entries)
    if dirty is None or known is None:
        result = best_related(kept, scored, limit, per_document)
        pairs = {(keys[i], keys[j]): score for i in scored for score, j in scored[i] if j < i}
    else:
        result, pairs = _merged(known, kept, keys, dirty, scored, limit, per_document)
    return RelatedMemory(
        key=key,
        result=result,
        settings=settings,
        total=len(kept),
        frequency=dict(frequency),
        texts={k: record.text for k, record in zip(keys, kept, strict=True)},
        listed=dict(zip(keys, listed, strict=True)),
        pairs=pairs,
        counts={record.text: count for record, count in zip(kept, counts, strict=True)},
    )


def _merged(
    known: RelatedMemory,
    kept: list[ClauseRecord],
    keys: list[Key],
    dirty: list[bool],
    scored: dict[int, list[tuple[float, int]]],
    limit: int,
    per_document: int,
) -> tuple[dict[Key, list[Related]], dict[tuple[Key, Key], float]]:
    """The result and pairs of a run that scored only the pairs with a touched clause
    (`scored`): the earlier run's pairs of untouched clauses join them, and a clause's
    list is made again only where one of its pairs, before or now, has a touched clause."""
    clean = {key for key, touched in zip(keys, dirty, strict=True) if not touched}
    pairs: dict[tuple[Key, Key], float] = {}
    affected = {key for key, touched in zip(keys, dirty, strict=True) if touched}
    for (later, earlier), score in known.pairs.items():
        if later in clean and earlier in clean:
            pairs[later, earlier] = score
        else:
            affected.update({later, earlier} & clean)
    for i, found in scored.items():
        affected.add(keys[i])
        for score, j in found:
            if j < i:
                pairs[keys[i], keys[j]] = score
    position = {key: i for i, key in enumerate(keys)}
    lists: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (later, earlier), score in pairs.items():
        if later in affected:
            lists[position[later]].append((score, position[earlier]))
        if earlier in affected:
            lists[position[earlier]].append((score, position[later]))
    made = best_related(kept, lists, limit, per_document)
    result = {
        key: lists_of
        for key in keys
        if (lists_of := made.get(key) if key in affected else known.result.get(key))
    }
    return result, pairs


def _touched(
    known: RelatedMemory | None,
    settings: tuple,
    kept: list[ClauseRecord],
    counts: list[Counter[str]],
    frequency: Counter[str],
    listed: list[tuple[str, ...]],
) -> list[bool] | None:
    """Per clause, whether its pairs must be scored again (see `related_clauses`); None
    when all must (no earlier run, other settings, or another number of clauses)."""
    if known is None or known.settings != settings or known.total != len(kept):
        return None
    return [
        known.texts.get(key) != record.text
        or known.listed.get(key) != words_listed
        or any(known.frequency.get(word) != frequency[word] for word in count)
        for record, count, words_listed in zip(kept, counts, listed, strict=True)
        for key in [(record.document, record.anchor)]
    ]
