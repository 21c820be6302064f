"""Conversion throughput on its own: source text to Markdown, in MB/s (target >= 5).

Converts the five seeds and the layout corpus (tests/layouts/), each text as it is and
repeated into one long text, so that nothing in the parser grows faster than the text.
Prints one row per set, side by side: MB/s without and with the nothing-lost proof, and
the ratio to the 5 MB/s target.

With `--against COMMIT` (or a checkout's directory) it converts the same texts with that
commit's parser too, each parser in its own subprocess, the two taken in turn round after
round, and prints CPU seconds side by side with old / new (>= 1.00: the new parser is at
least as fast) and whether the two wrote the same Markdown.

Run: .venv/bin/python bench/conversion_speed.py [--repeat 20] [--runs 3]
     .venv/bin/python bench/conversion_speed.py --against 73ff571 [--rounds 5] [--proof]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB_S = 5.0


def texts(pattern_root: Path, pattern: str) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(pattern_root.glob(pattern))]


def text_sets(seeds_dir: Path, repeat: int) -> dict[str, list[str]]:
    """The sets every row converts, by label: the same texts for the old and new parser."""
    seeds = texts(seeds_dir, "**/*.txt")
    corpus = texts(ROOT / "tests" / "layouts", "*.txt")
    return {
        "seeds, each file": seeds,
        "layout corpus, each file": corpus,
        f"seeds x{repeat}, one text each": [text * repeat for text in seeds],
        "layout corpus as one long text": ["\n\n".join(corpus * max(1, repeat // 4))],
    }


def seconds(sources: list[str], proof: bool, digest: hashlib._Hash | None = None) -> float:
    """CPU seconds to parse and render `sources` (and prove nothing lost, with `proof`)."""
    # Imported here so that a worker for an older checkout imports that checkout's package.
    from clausemark.parse.parser import parse
    from clausemark.readers.text import SourceText
    from clausemark.render.fidelity import lost_words
    from clausemark.render.markdown_writer import render_document

    start = time.process_time()  # CPU time: other work on a shared machine does not count
    for number, text in enumerate(sources):
        source = SourceText(f"bench-{number}.txt", text)
        document = parse(source, f"bench-{number}")
        markdown = render_document(document)
        if proof:
            lost_words(source, document)
        if digest is not None:
            digest.update(markdown.encode("utf-8"))
    return time.process_time() - start


def row(label: str, sources: list[str], runs: int) -> str:
    size = sum(len(text.encode("utf-8")) for text in sources) / 1e6
    plain = statistics.median(seconds(sources, False) for _ in range(runs))
    proved = statistics.median(seconds(sources, True) for _ in range(runs))
    fast, slow = size / plain, size / proved
    return (
        f"| {label} | {size * 1000:,.0f} kB | {fast:.1f} | {slow:.1f} | "
        f"{fast / TARGET_MB_S:.1f}x | {slow / TARGET_MB_S:.1f}x |"
    )


def worker(args: argparse.Namespace) -> int:
    """One side of a comparison: time one set in this process, print JSON to stdout."""
    sys.path.insert(0, str(args.plugins))
    import clausemark

    package = Path(clausemark.__file__).resolve().parent
    if package != (args.plugins / "clausemark").resolve():
        raise SystemExit(f"worker imported {package}, not {args.plugins}")
    sources = text_sets(args.seeds, args.repeat)[args.set]
    digest = hashlib.sha256()
    seconds(sources, args.proof, digest)  # warm-up: regexes compiled, caches filled
    times = [seconds(sources, args.proof) for _ in range(args.runs)]
    print(json.dumps({"times": times, "markdown": digest.hexdigest()}))
    return 0


def checkout(against: str) -> Path:
    """The `plugins/` folder of a directory, or of COMMIT unpacked once into a temp folder."""
    if (Path(against) / "plugins" / "clausemark").is_dir():
        return Path(against) / "plugins"
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{against}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    target = Path(tempfile.gettempdir()) / f"clausemark-bench-{commit[:12]}"
    if not (target / "plugins" / "clausemark").is_dir():
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "plugins"],
            capture_output=True,
            check=True,
        ).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
    return target / "plugins"


def run_worker(plugins: Path, label: str, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--worker", "--plugins", str(plugins), "--set", label]
    command += ["--seeds", str(args.seeds), "--repeat", str(args.repeat), "--runs", str(args.runs)]
    command += ["--proof"] if args.proof else []
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"worker for {plugins} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def compare(args: argparse.Namespace) -> int:
    """Old and new parser side by side, each set timed in alternating subprocesses."""
    old_plugins, new_plugins = checkout(args.against), ROOT / "plugins"
    sets = text_sets(args.seeds, args.repeat)
    proof = "with the nothing-lost proof" if args.proof else "without the nothing-lost proof"
    print(f"old: {old_plugins}  new: {new_plugins}  ({proof})")
    print(f"CPU seconds per pass, median of {args.rounds} rounds x {args.runs} runs each side;")
    print(f"load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| Texts | Size | old s | new s | old / new | same Markdown |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, sources in sets.items():
        if args.only and args.only not in label:
            continue
        size = sum(len(text.encode("utf-8")) for text in sources) / 1000
        old_times: list[float] = []
        new_times: list[float] = []
        digests = set()
        for _ in range(args.rounds):
            for plugins, times in ((old_plugins, old_times), (new_plugins, new_times)):
                result = run_worker(plugins, label, args)
                times.extend(result["times"])
                digests.add((plugins, result["markdown"]))
        old, new = statistics.median(old_times), statistics.median(new_times)
        same = "yes" if len({digest for _, digest in digests}) == 1 else "no"
        print(f"| {label} | {size:,.0f} kB | {old:.3f} | {new:.3f} | {old / new:.2f} | {same} |")
    print(f"load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies in the long texts")
    parser.add_argument("--runs", type=int, default=3, help="runs per row (median)")
    parser.add_argument("--seeds", type=Path, default=ROOT / "sources", help="the seeds' folder")
    parser.add_argument("--against", help="an older COMMIT (or checkout) to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="with --against: turns each")
    parser.add_argument("--proof", action="store_true", help="with --against: time the proof")
    parser.add_argument("--only", help="with --against: the sets whose label holds this")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--plugins", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--set", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)
    if args.against:
        return compare(args)
    sets = text_sets(args.seeds, args.repeat)
    print("| Texts | Size | MB/s | MB/s with proof | vs 5 MB/s | with proof |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, sources in sets.items():
        print(row(label, sources, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
