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
from dataclasses import dataclass
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
    records: Iterable[ClauseRecord], min_tokens: int = MIN_TOKENS
) -> tuple[list[ClauseRecord], list[Counter[str]]]:
    """The clauses with enough content words to compare, sorted by (document, anchor),
    and their words counted: all that the related clauses are made from."""
    kept: list[ClauseRecord] = []
    counts: list[Counter[str]] = []
    for record in sorted(records, key=lambda r: (r.document, r.anchor)):
        words = tokens(record.text)
        if len(words) >= min_tokens:
            kept.append(record)
            counts.append(Counter(words))
    return kept, counts


def _vectors(
    kept: list[ClauseRecord], counts: list[Counter[str]]
) -> tuple[list[ClauseRecord], list[Vector]]:
    document_frequency: Counter[str] = Counter()
    for count in counts:
        document_frequency.update(count.keys())
    total = len(counts)
    token_id = {
        token: position
        for position, token in enumerate(
            sorted(document_frequency, key=lambda t: (document_frequency[t], t))
        )
    }
    vectors = []
    for count in counts:
        weights = {
            token_id[token]: (1 + math.log(tf)) * math.log((1 + total) / document_frequency[token])
            for token, tf in count.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({token: weights[token] / norm for token in sorted(weights)})
    return kept, vectors


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
    records: list[ClauseRecord], vectors: list[Vector], threshold: float
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
    """
    bound = threshold * (1 - 1e-9)  # float slack: never lose a pair to rounding
    documents = [record.document for record in records]
    postings: dict[int, list[tuple[int, float, float]]] = defaultdict(list)  # j, weight, tail
    rest_start: list[float] = []  # id of the first token not indexed (inf if none)
    rest_length: list[float] = []
    scored: dict[int, list[tuple[float, int]]] = defaultdict(list)
    per_document: Counter[tuple[str, int]] = Counter()  # clauses listed under a token
    for i, vector in enumerate(vectors):
        ids = list(vector)
        tails = tail_lengths(vector)
        partial: dict[int, float] = {}
        for position, token in enumerate(ids):
            weight = vector[token]
            if tails[position] >= bound:
                after = tails[position + 1]
                for j, other, other_after in postings.get(token, ()):
                    if j in partial:
                        partial[j] += weight * other
                    elif weight * other + after * other_after >= bound:
                        partial[j] = weight * other
            else:
                for j, other, _ in postings.get(token, ()):
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
        indexed = next((k for k, tail in enumerate(tails) if tail < bound), len(ids))
        for position, token in enumerate(ids[:indexed]):
            listed = postings[token]
            if len(listed) < MAX_POSTINGS and per_document[document, token] < (
                MAX_POSTINGS_PER_DOCUMENT
            ):
                listed.append((i, vector[token], tails[position + 1]))
                per_document[document, token] += 1
        rest_start.append(ids[indexed] if indexed < len(ids) else math.inf)
        rest_length.append(tails[indexed])
    return scored


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
    )[1]


def related_clauses(
    records: list[ClauseRecord],
    limit: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    min_tokens: int = MIN_TOKENS,
    per_document: int = 1,
    known: tuple[str, dict[Key, list[Related]]] | None = None,
) -> tuple[str, dict[Key, list[Related]]]:
    """`build_related`, with a key of all it is made from (each compared clause's place
    and words, and the settings): given the key and result of an earlier call (`known`,
    `mkdocs serve` after an edit that changed no compared clause's words), the same key
    gives that result back."""
    if limit < 1 or not 0 < threshold <= 1:
        raise ValueError("limit must be at least 1 and threshold in (0, 1]")
    kept, counts = clause_tokens(records, min_tokens)
    digest = hashlib.sha256(repr((limit, threshold, per_document)).encode())
    for record, count in zip(kept, counts, strict=True):
        digest.update(repr((record.document, record.anchor, sorted(count.items()))).encode())
    key = digest.hexdigest()
    if known is not None and known[0] == key:
        return known
    kept, vectors = _vectors(kept, counts)
    scored = candidate_scores(kept, vectors, threshold)
    return key, best_related(kept, scored, limit, per_document)
