"""Benchmark the related-clauses index against a naive all-pairs comparison.

Builds synthetic constitutions of 1x, 10x and 50x the example size (about 800 clauses
at 1x) by perturbing the seed sentences the way councils reword a model protocol:
words dropped, swapped for other words of the corpus, clauses left out, council
names changed. Prints the time of `build_related` and, in the same run, of comparing
every pair of clauses with the same vectors, and checks that both give the same answer.

    .venv/bin/python bench/bench_related.py [--seeds DIR] [--naive-up-to 10] [--scales 1 10 50]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from clausemark.index.related import (
    DEFAULT_THRESHOLD,
    MIN_TOKENS,
    best_related,
    build_related,
    candidate_scores,
    clause_vectors,
    cosine,
)
from clausemark.model.document import ClauseRecord

ROOT = Path(__file__).resolve().parent.parent
SEED_DIRS = (ROOT / "sources", ROOT.parent / "shared" / "seeds")
CLAUSES_PER_DOCUMENT = 100  # 10 documents of ~80 clauses make the ~800-clause 1x corpus
DOCUMENTS_AT_1X = 10
_MARKER = re.compile(r"^\s*(?:[-*]\s+)?(?:\(?[0-9ivxlc]+(?:\.[0-9]+)*[.)]?\s+|\(?[a-z]\)\s+)?")
COUNCILS = ("Ashford", "Barnsley", "Carlisle", "Dudley", "Exeter", "Fylde", "Gosport", "Hyndburn")


def seed_sentences(directory: Path) -> list[list[str]]:
    """Each seed file as a list of clause-like lines, numbering and list markers removed."""
    documents = []
    for path in sorted(directory.glob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        lines = [_MARKER.sub("", line).strip() for line in path.read_text().splitlines()]
        documents.append([line for line in lines if len(line.split()) >= 8])
    return [lines for lines in documents if lines]


def perturb(text: str, vocabulary: list[str], rng: random.Random, replace: float = 0.08) -> str:
    """Reword a clause: drop 5% of words, replace a share of them, add a word now and then."""
    words = []
    for word in text.split():
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.05 + replace:
            word = rng.choice(vocabulary)
        words.append(word)
        if rng.random() < 0.02:
            words.append(rng.choice(vocabulary))
    return " ".join(words).replace("council", rng.choice(COUNCILS))


def model_texts(
    seeds: list[list[str]], count: int, vocabulary: list[str], rng: random.Random
) -> list[list[str]]:
    """The seeds, then as many further model texts as asked: seeds with most words replaced."""
    models = list(seeds[:count])
    while len(models) < count:
        seed = seeds[len(models) % len(seeds)]
        models.append([perturb(line, vocabulary, rng, replace=0.6) for line in seed])
    return models


def synthetic_corpus(
    seeds: list[list[str]], scale: int, shape: str, rng: random.Random
) -> list[ClauseRecord]:
    """`scale` x ~800 clauses in 10 x `scale` documents, each a light rewording of a model.

    shape "copies": every document rewords one of the seeds, so at 10x each clause has
    about 20 near-twins (many councils adopting one model: the dense, slow case).
    shape "distinct": each model text is adopted by two documents and new model texts
    are added as the corpus grows (one council's constitution: each rule in a few places).
    """
    # every occurrence, so replacement words keep the corpus's word frequencies
    vocabulary = [word for lines in seeds for line in lines for word in line.split()]
    documents = DOCUMENTS_AT_1X * scale
    count = len(seeds) if shape == "copies" else max(len(seeds), documents // 2)
    models = model_texts(seeds, count, vocabulary, rng)
    records = []
    for number in range(documents):
        lines = models[number % len(models)]
        chosen = [line for line in lines if rng.random() < 0.9]
        rng.shuffle(chosen)
        for position, line in enumerate(chosen[:CLAUSES_PER_DOCUMENT], start=1):
            records.append(
                ClauseRecord(
                    document=f"doc{number:03d}",
                    anchor=f"para_{position}",
                    number=f"{position}.",
                    parent=None,
                    text=perturb(line, vocabulary, rng),
                )
            )
    return records


def naive_related(records: list[ClauseRecord], limit: int = 3, threshold=DEFAULT_THRESHOLD):
    """The baseline: the same vectors and ranking, but every pair of clauses compared."""
    kept, vectors = clause_vectors(records, MIN_TOKENS)
    scored: dict[int, list[tuple[float, int]]] = {}
    for i in range(len(kept)):
        for j in range(i + 1, len(kept)):
            if kept[i].document == kept[j].document:
                continue
            score = cosine(vectors[i], vectors[j])
            if score >= threshold:
                scored.setdefault(i, []).append((score, j))
                scored.setdefault(j, []).append((score, i))
    return best_related(kept, scored, limit, per_document=1)


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, help="directory of seed texts")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--shapes", nargs="+", default=["distinct", "copies"])
    parser.add_argument(
        "--naive-up-to", type=int, default=10, help="largest scale to run the naive baseline on"
    )
    arguments = parser.parse_args(argv)
    directories = [arguments.seeds] if arguments.seeds else SEED_DIRS
    seeds = next((s for d in directories if d.is_dir() and (s := seed_sentences(d))), None)
    if not seeds:
        print(f"no seed texts found in {', '.join(map(str, directories))}", file=sys.stderr)
        return 1

    print(f"threshold {DEFAULT_THRESHOLD}, limit 3, {len(seeds)} seed documents")
    header = f"{'shape':>8} {'scale':>5} {'docs':>5} {'clauses':>8} {'index s':>8}"
    print(f"{header} {'naive s':>8} {'naive/index':>11} {'same':>5} {'pairs >= t':>11}")
    for shape in arguments.shapes:
        for scale in arguments.scales:
            records = synthetic_corpus(seeds, scale, shape, random.Random(scale))
            related, index_seconds = timed(build_related, records)
            kept, vectors = clause_vectors(records)
            pairs = sum(map(len, candidate_scores(kept, vectors, DEFAULT_THRESHOLD).values()))
            documents = len({r.document for r in records})
            line = f"{shape:>8} {scale:>4}x {documents:>5} {len(records):>8} {index_seconds:>8.2f}"
            if scale <= arguments.naive_up_to:
                baseline, naive_seconds = timed(naive_related, records)
                ratio = naive_seconds / index_seconds
                line += f" {naive_seconds:>8.2f} {ratio:>10.1f}x {str(baseline == related):>5}"
            else:
                line += f" {'-':>8} {'-':>11} {'-':>5}"
            print(f"{line} {pairs // 2:>11}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
