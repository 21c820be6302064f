"""Hostile sources at n and 2n: CPU time in one process, and peak memory; ratios side by side.

Run: .venv/bin/python bench/bench_hostile.py [--scale 1] [--only NAME] [--repeats 3]
     .venv/bin/python bench/bench_hostile.py --memory      # also each case's peak RSS
     .venv/bin/python bench/bench_hostile.py --mkdocs      # the older whole-build cases

Every case of issue 22 (tests/hostile/hostile_files.py: tiny Word and web-page files
that hung or exhausted memory, ordinary-sized files that were quadratic) and the hostile
lines of issue 13 (`HOSTILE_LINES`) is made at size n and 2n and taken through the
pipeline a page goes through, in this process: read, parse, nothing-lost proof, site
index, Markdown, and Python-Markdown with the site's extensions (abbr and clausemark
included). A refused file counts its refusal. CPU time is `time.process_time`, the least
of `--repeats` runs per size (other work on a shared machine only adds time); linear
work shows as a ratio near 2, and `tests/hostile/test_hostile_bounds.py` holds it under
2.2. `--memory` runs each case once more in a fresh process and prints its peak RSS
(VmHWM), less that of a process that converts a one-line text.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"
for folder in (TESTS, TESTS / "hostile", HERE.parent / "plugins"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from hostile_files import CASES, Case, cpu_times, txt_line  # noqa: E402

# The lines of issue 13 (tests/hostile/test_hostile_inputs.py), at sizes whose CPU time
# is well above the timer's noise.
LINE_CASES: dict[str, Case] = {
    "line: emphasis": Case(txt_line("*a "), ".txt", 20_000, kept="a"),
    "line: unclosed links": Case(txt_line("[x]( "), ".txt", 10_000, kept="[x]("),
    "line: open brackets": Case(txt_line("[ "), ".txt", 10_000, kept="["),
    "line: unclosed autolinks": Case(txt_line("<http://a "), ".txt", 10_000, kept="<http://a"),
    "line: inline matches": Case(txt_line("**a** b "), ".txt", 10_000, kept="a b"),
    "line: sentences": Case(txt_line('The board ("Board") meets. '), ".txt", 2_000),
    # backslashes (each written escaped), escaped stars, braces, code, emphasis, brackets
    "line: markup characters": Case(
        txt_line("C:\\Users\\x a \\* b {c} `d` _e_ [f] & "), ".txt", 1_500, kept="Users"
    ),
    "line: initials": Case(
        lambda n: f"1. Scope\n\n1.1 Oak {'of ' * n}Zed ({'O' * 12}) applies.\n".encode(),
        ".txt",
        5_000,
        kept="Zed",
    ),
}
ALL_CASES: dict[str, Case] = {**CASES, **LINE_CASES}


def _markdown_pipeline() -> Callable[[Path], str]:
    import markdown
    from clausemark.convert import convert_file
    from clausemark.extension.page_links import PageLinker
    from clausemark.index.site_index import build_site_index
    from clausemark.readers.text import SourceError
    from clausemark.render.markdown_writer import render_document
    from page_layer import EXTENSIONS, TOC, body

    def run(path: Path) -> str:
        """The page's HTML, or the one-line error of a refused file."""
        try:
            document = convert_file(path)
        except SourceError as error:
            return f"refused: {error}"
        index = build_site_index([document])
        md = markdown.Markdown(
            extensions=[*EXTENSIONS, "abbr"],
            extension_configs={"clausemark": {"linker": PageLinker(index)}, "toc": TOC},
        )
        return md.convert(body(render_document(document)))

    return run


def write_case(case: Case, n: int, folder: Path) -> Path:
    path = folder / f"hostile-{n}{case.suffix}"
    path.write_bytes(case.make(n))
    return path


def measure(case: Case, n: int, repeats: int, folder: Path) -> tuple[float, float, str]:
    """CPU seconds at n and 2n (least of `repeats`, interleaved), and the outcome at 2n."""
    run = _markdown_pipeline()
    small, large = write_case(case, n, folder), write_case(case, 2 * n, folder)
    first, second = cpu_times(run, small, large, repeats)  # type: ignore[arg-type]
    return first, second, run(large)


def peak_rss_mb(path: Path) -> float:
    """Peak resident memory (MB) of a fresh process converting the file at `path` (made
    here, so that making it is not counted)."""
    command = [sys.executable, str(Path(__file__)), "--peak", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"{path}: the measuring process failed:\n{result.stderr[-2000:]}")
    return float(result.stdout.strip().splitlines()[-1])


def case_peak_mb(case: Case, n: int, folder: Path) -> float:
    return peak_rss_mb(write_case(case, n, folder))


def _peak(path: Path) -> None:
    """Convert one file and print the peak RSS in MB: VmHWM, the high-water mark of this
    process's own memory (ru_maxrss would start from the parent's), or that of a child
    it made (the PDF reader reads in one: support/child_process.py), if higher."""
    _markdown_pipeline()(path)
    status = Path("/proc/self/status").read_text(encoding="ascii")
    peak_kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(max(int(peak_kb), child_kb) / 1024)


def outcome(result: str) -> str:
    if result.startswith("refused: "):
        return result.split(": ", 2)[-1][:60]
    return f"converted ({len(result):,} chars of HTML)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every n")
    parser.add_argument("--only", action="append", choices=sorted(ALL_CASES))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="also peak RSS per case")
    parser.add_argument("--mkdocs", action="store_true", help="the whole-build cases")
    parser.add_argument("--peak", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        _peak(Path(args.peak))
        return
    if args.mkdocs:
        from bench_hostile_builds import main as builds

        builds(args.scale)
        return
    base = 0.0
    if args.memory:
        with tempfile.TemporaryDirectory() as folder:
            baseline = Path(folder) / "baseline.txt"
            baseline.write_text("1. Scope\n\n1.1 One clause.\n", encoding="utf-8")
            base = peak_rss_mb(baseline)
    header = f"{'case':<32}{'n':>9}{'CPU n s':>9}{'CPU 2n s':>10}{'ratio':>7}"
    if args.memory:
        header += f"{'MB n':>8}{'MB 2n':>8}"
    print(header + "  outcome at 2n")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.only or ALL_CASES:
            case = ALL_CASES[name]
            n = max(1, int(case.n * args.scale))
            first, second, result = measure(case, n, args.repeats, Path(folder))
            row = f"{name:<32}{n:>9}{first:>9.3f}{second:>10.3f}{second / max(first, 1e-3):>7.2f}"
            if args.memory:
                small, large = (case_peak_mb(case, size, Path(folder)) for size in (n, 2 * n))
                row += f"{small - base:>8.0f}{large - base:>8.0f}"
            print(f"{row}  {outcome(result)}", flush=True)
            for path in Path(folder).iterdir():
                path.unlink()
    if args.memory:
        print(f"(memory: peak RSS less {base:.0f} MB, a process converting a one-line text)")


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    main()
