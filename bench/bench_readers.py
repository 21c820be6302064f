"""A large constitution in every format: convert time of a ~300-page PDF and its .docx;
and the Word reader against the old one on a 50-times-real .docx.

Makes one invented protocol of numbered sections, clauses and lettered items, then
writes it as text, as Word (automatic numbering) and as a PDF printed by Chromium with
a running header and footer, and times `convert_file` (read, parse, nothing-lost
proof) on each, in one run, side by side. The target (issue 11): under 15 s each.
Wall-clock and CPU seconds are both printed, with the load average: on a shared
machine the wall clock also counts other processes' turns; conversion is
single-threaded, so its CPU time is what it takes on an idle machine.

    .venv/bin/python bench/bench_readers.py [--sections 420] [--runs 3]
    .venv/bin/python bench/bench_readers.py --only word [--times 50] [--runs 3]
    .venv/bin/python bench/bench_readers.py --only pdf [--pdf-sections 490] [--runs 3]

The Word part (issue 18) repeats the body of a real document (Apache POI's
bug59058.docx from tests/corpus: tables, numbered references, links; 1.35 MB of XML)
50 times into one .docx (3.9 MB, 68 MB of XML) and prints, each in a fresh process,
CPU seconds and peak memory (the process's own VmHWM) side by side: the old reader
(bench/old_word_reader, the reader as it was at tag layout-moved) and the new one; the
old whole conversion (the package at that tag, from `git archive`) and the new one
(`convert_file` then the page's Markdown, what `clausemark convert --out` does: read,
parse, nothing-lost proof, write); the ratios, and issue 18's target (convert 5x
faster, under 300 MB); then the XML parsers alone (ElementTree vs lxml, whole tree vs
stream) on the same part, which is how the reader's parser was chosen.

The PDF part (issue 18) prints the ~300-page PDF above and reads it with the old reader
(bench/old_pdf_reader, the reader as it was at tag layout-moved: lines by baselines
only) and the new one (geometry: edges, indents, rules, tables, bold and italic), each
in a fresh process, CPU seconds and peak memory side by side, then `convert_file` with
the new reader.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402
from clausemark.convert import convert_file  # noqa: E402
from clausemark.model.records import clause_records
from format_fixtures import (  # noqa: E402
    long_spec,
    print_html,
    spec_docx,
    spec_print_html,
    spec_text,
    word_export_html,
)

TARGET_SECONDS = 15.0
ROOT = Path(__file__).resolve().parent.parent
REAL_DOCX = ROOT / "tests/corpus/poi/test-data/document/bug59058.docx"


def write_formats(folder: Path, sections: int) -> dict[str, Path]:
    from playwright.sync_api import sync_playwright

    spec = long_spec(sections)
    paths = {
        "txt": folder / "constitution.txt",
        "docx": folder / "constitution.docx",
        "html": folder / "constitution.html",
        "pdf": folder / "constitution.pdf",
    }
    paths["txt"].write_text(spec_text(spec), encoding="utf-8")
    paths["docx"].write_bytes(spec_docx(spec))
    paths["html"].write_text(word_export_html(spec), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        page = spec_print_html(spec, contents=True)
        paths["pdf"].write_bytes(print_html(browser, page, header="Example Council Protocol"))
        browser.close()
    return paths


def repeated_docx(source: Path, target: Path, times: int) -> None:
    """`source` with its body repeated `times` times (every other part as it is)."""
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index(">", text.index("<w:body")) + 1
                end = text.rindex("<w:sectPr")
                data = (text[:start] + text[start:end] * times + text[end:]).encode("utf-8")
            new.writestr(info, data)


# Each measurement runs in a fresh interpreter, so that its peak memory is its own.
MEASURE = """
import sys, time
sys.path.insert(0, {bench!r})
data = open({path!r}, "rb").read()
kind = {kind!r}
before = time.process_time()
if kind == "old reader":
    from old_word_reader import docx
    size = len(docx.read(data, "big.docx").text)
elif kind == "new reader":
    from clausemark.readers import docx
    size = len(docx.read(data, "big.docx").text)
elif kind.startswith("convert"):  # the package on sys.path: this one, or the old tree
    # what `clausemark convert --out` does: convert (read, parse, nothing-lost proof),
    # then write the page's Markdown
    from clausemark.convert import convert_file
    from clausemark.render.markdown_writer import render_document
    size = len(render_document(convert_file({path!r})))
else:
    import io, zipfile
    from xml.etree import ElementTree
    from lxml import etree
    part = zipfile.ZipFile(io.BytesIO(data)).open("word/document.xml")
    size = 0
    if kind == "ElementTree tree":
        size = len(ElementTree.fromstring(part.read()))
    elif kind == "ElementTree stream":
        for _event, element in ElementTree.iterparse(part, events=("end",)):
            size += 1
            element.clear()
    elif kind == "lxml tree":
        size = len(etree.fromstring(part.read(), etree.XMLParser(resolve_entities=False)))
    elif kind == "lxml stream":
        from clausemark.readers.word_package import open_package
        open_package(data, "big.docx").body_blocks(lambda block: None)
cpu = time.process_time() - before
# VmHWM: this process's own peak (ru_maxrss would carry the parent's over fork and exec)
peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM")]
print(cpu, int(peak[0].split()[1]) // 1024, size)
"""


def measure(kind: str, path: Path, runs: int, package: Path | None = None) -> tuple[float, int]:
    import subprocess

    code = MEASURE.format(bench=str(Path(__file__).parent), path=str(path), kind=kind)
    if package is not None:  # another tree of the package first on the path
        code = f"import sys; sys.path.insert(0, {str(package)!r})\n" + code
    cpus, peaks = [], []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        cpu, peak, _size = result.stdout.split()
        cpus.append(float(cpu))
        peaks.append(int(peak))
    return statistics.median(cpus), max(peaks)


def word_comparison(times: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{times}.docx"
        repeated_docx(REAL_DOCX, path, times)
        import zipfile

        xml = zipfile.ZipFile(path).getinfo("word/document.xml").file_size
        print(
            f"\nWord: {REAL_DOCX.name} x{times}: {path.stat().st_size / 1e6:.1f} MB .docx, "
            f"{xml / 1e6:.0f} MB of XML; CPU s median of {runs}, peak MB the largest"
        )
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        old_tree = _old_package(Path(tmp))
        _compiled(ROOT / "plugins")  # the new package, and the old reader kept in bench/
        _compiled(Path(__file__).parent / "old_word_reader")
        rows = [
            ("old reader", measure("old reader", path, runs)),
            ("new reader", measure("new reader", path, runs)),
        ]
        if old_tree is not None:
            rows.append(("old convert", measure("convert (old)", path, runs, old_tree)))
        rows.append(("new convert", measure("convert (new)", path, runs)))
        print(f"{'':14}{'cpu s':>8}{'peak MB':>9}   new vs old")
        found = dict(rows)
        for name, (cpu, peak) in rows:
            versus = ""
            old = found.get(name.replace("new", "old"))
            if name.startswith("new") and old:
                versus = f"   {old[0] / cpu:.1f}x faster, {old[1] / peak:.1f}x less memory"
            print(f"{name:14}{cpu:>8.2f}{peak:>9}{versus}")
        print(
            "  reader: the Word reader alone (old: bench/old_word_reader); convert: "
            f"convert_file, read + parse + nothing-lost proof (old: the package at {OLD_TAG})"
        )
        if "old convert" in found:
            (old_cpu, _), (new_cpu, new_peak) = found["old convert"], found["new convert"]
            met = old_cpu / new_cpu >= 5 and new_peak < 300
            print(
                f"issue 18 target, convert >= 5x faster and < 300 MB: "
                f"{old_cpu / new_cpu:.1f}x, {new_peak} MB: {'MET' if met else 'MISSED'}"
            )
        print("the XML parsers alone, on the same part:")
        for kind in ("ElementTree tree", "ElementTree stream", "lxml tree", "lxml stream"):
            cpu, peak = measure(kind, path, runs)
            print(f"  {kind:20}{cpu:>8.2f}{peak:>9}")


OLD_TAG = "layout-moved"  # the package before issue 18's Word reader
# the tag's commit, for a clone that has the history but not the tag (tags are not
# always fetched, and the tag was lost once with the notes)
OLD_COMMIT = "cacbdfe"


def _old_package(folder: Path) -> Path | None:
    """The package's plugins folder as at OLD_TAG (or its commit, git archive), or None
    without git or either (a shallow clone): then only the new convert is timed."""
    import subprocess

    for name in (OLD_TAG, OLD_COMMIT):
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", name, "plugins/clausemark"],
            capture_output=True,
        )
        if archive.returncode == 0:
            break
    else:
        return None
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder / "old", filter="data")
    _compiled(folder / "old")
    return folder / "old" / "plugins"


def _compiled(folder: Path) -> None:
    """Each module's bytecode written beside it, as an installed package has it: timed
    imports then compile nothing. Without it a tree with no __pycache__ (the old one, from
    git archive, or any under PYTHONDONTWRITEBYTECODE) compiled every module it imports
    inside each measured run (the old package's first imports: 0.24 CPU s, compiled 0.17)."""
    import compileall

    compileall.compile_dir(str(folder), quiet=2)


# --- the PDF reader, old and new (issue 18) ----------------------------------------

PDF_MEASURE = """
import sys, time
sys.path.insert(0, {bench!r})
data = open({path!r}, "rb").read()
kind = {kind!r}
import resource
def cpu_now():  # this process's and its waited-for children's: the reader forks PDFium
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime
before = cpu_now()
if kind == "old reader":
    from old_pdf_reader import pdf
    size = len(pdf.read(data, "big.pdf").text)
elif kind == "new reader":
    from clausemark.readers import pdf
    size = len(pdf.read(data, "big.pdf").text)
else:
    from clausemark.convert import convert_file
    size = len(convert_file({path!r}).blocks)
cpu = cpu_now() - before
peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM")]
child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024  # PDFium's child
print(cpu, max(int(peak[0].split()[1]) // 1024, child_mb), size)
"""


def measure_pdf(kind: str, path: Path, runs: int) -> tuple[float, int]:
    import subprocess

    code = PDF_MEASURE.format(bench=str(Path(__file__).parent), path=str(path), kind=kind)
    cpus, peaks = [], []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        cpu, peak, _size = result.stdout.split()
        cpus.append(float(cpu))
        peaks.append(int(peak))
    return statistics.median(cpus), max(peaks)


def print_pdf(folder: Path, sections: int) -> Path:
    """The long invented protocol printed by Chromium (contents page, header, footer)."""
    from playwright.sync_api import sync_playwright

    path = folder / "constitution.pdf"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        page = spec_print_html(long_spec(sections), contents=True)
        path.write_bytes(print_html(browser, page, header="Example Council Protocol"))
        browser.close()
    return path


def pdf_comparison(sections: int, runs: int, path: Path | None = None) -> None:
    import pypdfium2

    with tempfile.TemporaryDirectory() as tmp:
        path = path or print_pdf(Path(tmp), sections)
        pages = len(pypdfium2.PdfDocument(str(path)))
        print(
            f"\nPDF: {pages} pages, {path.stat().st_size / 1e6:.1f} MB; CPU s median of {runs}, "
            "peak MB the largest"
        )
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        old_cpu, old_peak = measure_pdf("old reader", path, runs)
        new_cpu, new_peak = measure_pdf("new reader", path, runs)
        print(f"{'':22}{'cpu s':>8}{'peak MB':>9}{'s / 100 pages':>15}")
        for name, cpu, peak in (
            ("old reader", old_cpu, old_peak),
            ("new reader", new_cpu, new_peak),
        ):
            print(f"{name:22}{cpu:>8.2f}{peak:>9}{100 * cpu / pages:>15.2f}")
        print(f"{'new / old':22}{new_cpu / old_cpu:>8.2f}{new_peak / old_peak:>9.2f}")
        cpu, peak = measure_pdf("convert (new)", path, 1)
        print(f"{'convert_file (new)':22}{cpu:>8.2f}{peak:>9}   read, parse, nothing-lost proof")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sections", type=int, default=420)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--times", type=int, default=50, help="repeats of the real .docx body")
    parser.add_argument("--only", choices=["all", "word", "pdf"], default="all")
    parser.add_argument(
        "--pdf-sections", type=int, default=490, help="sections of the PDF (490: ~300 pages)"
    )
    args = parser.parse_args()
    if args.only == "word":
        word_comparison(args.times, args.runs)
        return
    if args.only == "pdf":
        pdf_comparison(args.pdf_sections, args.runs)
        return
    import pypdfium2

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_formats(Path(tmp), args.sections)
        pages = len(pypdfium2.PdfDocument(str(paths["pdf"])))
        print(f"{args.sections} sections; the PDF has {pages} pages; median of {args.runs} runs")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(
            f"{'format':8}{'size':>10}{'clauses':>9}{'wall s':>9}{'cpu s':>8}{'x text':>8}  "
            "target (cpu)"
        )
        baseline = None
        for kind, path in paths.items():
            walls, cpus = [], []
            for _ in range(args.runs):
                wall, cpu = time.perf_counter(), _cpu_with_children()
                document = convert_file(path)
                walls.append(time.perf_counter() - wall)
                cpus.append(_cpu_with_children() - cpu)
            seconds, cpu_seconds = statistics.median(walls), statistics.median(cpus)
            baseline = baseline or cpu_seconds
            clauses = len(clause_records(document))
            verdict = "PASS" if cpu_seconds < TARGET_SECONDS else "MISS"
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            print(
                f"{kind:8}{size:>10}{clauses:>9}{seconds:>9.2f}{cpu_seconds:>8.2f}"
                f"{cpu_seconds / baseline:>8.1f}  {verdict} (< {TARGET_SECONDS:.0f} s)"
            )
        pdf_comparison(args.sections, args.runs, paths["pdf"])
    word_comparison(args.times, args.runs)


def _cpu_with_children() -> float:
    """CPU seconds of this process and its waited-for children (the PDF reader reads in a
    child process: support/child_process.py)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
