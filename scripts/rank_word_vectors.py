"""Put the committed word vectors' most common English words first (a DEVELOPER tool).

A site ships only the vectors it can use (index/search.py `site_vectors`): its own words and
the common English words a reader may type. "Common" is a frequency list's order, stored in
the vectors file itself: its words (and their rows) are reordered so that the words of the
list come first, most frequent first, and `common` says how many do. The build then cuts
that prefix at `COMMON_WORDS`, with no frequency list at build time and no new dependency.

The list: wordfreq 3.1.1's English `top_n_list` (https://github.com/rspeer/wordfreq; code
Apache-2.0, data CC BY-SA 4.0, named in word_vectors.NOTICE); only its ORDER is used, and only
for words the vectors already have. Needs `pip install wordfreq==3.1.1` (not a dependency).

    python3 scripts/rank_word_vectors.py plugins/clausemark/index/word_vectors.json.gz

The rows themselves are unchanged (the same bytes, moved with their word), so a word's
vector is the same before and after.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
from pathlib import Path

LIST_LENGTH = 100_000  # how far down wordfreq's list to read (well past any cut)


def ranked(table: dict, order: list[str]) -> dict:
    """`table` with its words (and rows) in `order`'s order first, the rest as they were."""
    words = table["words"].split(" ")
    dims = int(table["dims"])
    rows = base64.b64decode(table["vectors"])
    assert len(rows) == len(words) * dims, "rows do not match the words"
    place = {word: i for i, word in enumerate(words)}
    first = [word for word in dict.fromkeys(order) if word in place]
    chosen = set(first)
    rest = [word for word in words if word not in chosen]
    new = first + rest
    data = b"".join(rows[place[w] * dims : (place[w] + 1) * dims] for w in new)
    out = dict(table)
    out.update(words=" ".join(new), vectors=base64.b64encode(data).decode("ascii"))
    out["common"] = len(first)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vectors", type=Path)
    args = parser.parse_args()
    import wordfreq  # a developer's tool: not a dependency of clausemark

    table = json.loads(gzip.decompress(args.vectors.read_bytes()))
    table = ranked(table, wordfreq.top_n_list("en", LIST_LENGTH))
    text = json.dumps(table, separators=(",", ":")).encode("utf-8")
    args.vectors.write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    print(f"{args.vectors}: {table['common']} of {len(table['words'].split())} words ranked")


if __name__ == "__main__":
    main()
