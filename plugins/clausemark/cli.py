"""The `clausemark` command: convert sources, export JSON, build the offline bundle, diff."""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from pathlib import Path

from .convert import convert_file, document_to_json
from .model.document import REPAIR_KINDS, Document, reported_issues
from .readers.text import SourceError
from .render.markdown_writer import render_document
from .site_builder.library import (
    FOLDER_DATA,
    SITE_DATA_FILES,
    ConversionCache,
    discover,
    load_versions,
    source_entry,
)
from .support.atomic import write_atomically
from .support.urls import document_path
from .versions.order import current_version

# C0 and C1 control characters other than tab: text from a source printed as it is
# could move the cursor, retitle the window or hide lines ("\x1b]0;...", "\x1b[2K").
_CONTROLS = dict.fromkeys([*range(0, 9), *range(10, 32), *range(0x7F, 0xA0)])


def _say(text: str, file=None) -> None:
    """Print a line of output whose words may come from a source, without its controls."""
    print(str(text).translate(_CONTROLS), file=file or sys.stdout)


def _error(message: str) -> int:
    _say(f"clausemark: error: {message}", sys.stderr)
    return 1


def _print_warnings(document) -> None:
    for warning in reported_issues(document.warnings):
        level = REPAIR_KINDS.get(warning.code, "warning")  # "info": a repair, told
        _say(f"{level}: {warning.format(document.path)}", sys.stderr)


# Warnings that make `convert` refuse a file: a value that breaks the file format's schema
# (a Word level "one"). The reader read on with the value left out, so a site build still
# shows the page (and names the place in its log); converting for keeps does not.
REFUSED_CODES = frozenset({"malformed"})


def _refusal(document: Document) -> str | None:
    """One line naming the file and the first place a refused value is, or None."""
    refused = [w for w in document.warnings if w.code in REFUSED_CODES]
    if not refused:
        return None
    more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
    return (
        f"{refused[0].format(document.path)}{more}; the file is damaged: "
        "open it in Word, let Word repair it and save it again"
    )


def cmd_convert(args) -> int:
    if args.json:
        if len(args.sources) != 1:
            return _error("--json takes exactly one source file")
        try:
            document = _load_one(args.sources[0])
        except SourceError as error:
            return _error(str(error))
        refusal = _refusal(document)
        if refusal:
            return _error(refusal)
        _print_warnings(document)
        json.dump(document_to_json(document), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not args.out:
        return _error("convert needs --out DIR (or --json for one file)")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _error(f"{out}: --out must be a folder, and this is a file")
    documents: list[Document] = []
    sources: dict[str, str] = {}
    named = _documents_named(args.sources)
    try:
        found = [(source, doc) for source in named for doc in _load_documents(source)]
    except SourceError as error:
        return _error(str(error))
    for source, document in found:
        if document.doc_id in sources:
            return _error(
                f"{source}: would be written to {out / document_path(document.doc_id)}, "
                f"as {sources[document.doc_id]} is; rename one of them"
            )
        sources[document.doc_id] = source
        documents.append(document)
        refusal = _refusal(document)
        if refusal:
            return _error(refusal)
    written = []
    for document in documents:
        _print_warnings(document)
        written.append((out / document_path(document.doc_id), render_document(document)))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _error(f"{out}: cannot create the folder ({error.strerror or error})")
    for path, text in written:
        try:
            write_atomically(path, text)
        except OSError as error:
            return _error(f"{path}: cannot write the file ({error.strerror or error})")
        _say(f"wrote {path}")
    return 0


def cmd_bundle(args) -> int:
    from .adapters.bundle import BundleError, build_bundle, format_size

    try:
        result = build_bundle(Path(args.config), Path(args.out))
    except BundleError as error:
        return _error(str(error))
    print(f"wrote {result.zip_path} ({format_size(result.size)}, {result.size} bytes)")
    if result.kept is not None:
        print(f"kept the earlier bundle {result.kept}: a bundle never replaces another")
    return 0


def cmd_pages(args) -> int:
    from .adapters.mkdocs_export import ExportError, export_site

    try:
        written = export_site(Path(args.config), Path(args.out))
    except ExportError as error:
        return _error(str(error))
    _say(f"wrote {written} and its pages; build it with: mkdocs build -f {written}")
    return 0


def cmd_init(args) -> int:
    from .scaffold import ScaffoldError, create_site

    try:
        written = create_site(Path(args.directory))
    except ScaffoldError as error:
        return _error(str(error))
    for path in written:
        print(f"created {path}")
    for line in next_steps(args.directory):
        _say(line)
    return 0


def next_steps(directory: str) -> list[str]:
    """Commands that work as printed, pasted in order into one shell: one `cd` into the new
    site (a `cd` on every line failed from the second on, already inside it), then the
    build and the bundle, and the server last (it runs until stopped). The mkdocs installed
    beside this clausemark (a virtual environment's bin/ is seldom on PATH), without
    Material's end-of-life notice."""
    import os
    import shlex
    import shutil

    beside = Path(sys.executable).parent / ("mkdocs.exe" if os.name == "nt" else "mkdocs")
    found = shutil.which("mkdocs")
    if beside.is_file():
        mkdocs = shlex.quote(str(beside.absolute()))
    elif found:
        mkdocs = shlex.quote(found)
    else:
        mkdocs = f"{shlex.quote(sys.executable)} -m mkdocs"
    run = f"NO_MKDOCS_2_WARNING=1 {mkdocs}"
    clausemark = beside.with_name("clausemark.exe" if os.name == "nt" else "clausemark")
    bundle = (
        shlex.quote(str(clausemark.absolute()))
        if clausemark.is_file()
        else f"{shlex.quote(sys.executable)} -m clausemark.cli"
    )
    folder = shlex.quote(directory)
    return [
        "next (read sources/README.md first):",
        f"  cd {folder}",
        f"  {run} build --strict   # the site, in site/",
        f"  {bundle} bundle   # the offline copy, in dist/",
        f"  {run} serve   # then open http://127.0.0.1:8000 (Ctrl+C stops it)",
    ]


def _load_documents(path: str) -> list[Document]:
    """A source, a document's folder of versions, or a whole sources/ folder (one with
    subfolders or data files: every document in it, as the site finds them)."""
    folder = Path(path)
    if folder.is_dir() and _holds_documents(folder):
        conversions = ConversionCache()
        return [
            current_version(load_versions(entry, conversions, check_fidelity=True)).document
            for entry in discover(folder)
        ]
    return [_load_source(path)]


def _holds_documents(folder: Path) -> bool:
    """A folder of documents, unless it is plainly one document's versions: its
    `document.yml` and texts, nothing else. Read the other way round, unrelated texts
    would be taken for versions of one document and all but one left out."""
    items = [item for item in folder.iterdir() if not item.name.startswith((".", "_"))]
    if not any(item.name == FOLDER_DATA for item in items):
        return True
    return any(item.is_dir() or item.name in SITE_DATA_FILES for item in items)


def _load_one(path: str) -> Document:
    """One document: a source, or a document's folder of versions (never a sources/
    folder of several, which would leave all but one unsaid)."""
    documents = _load_documents(path)
    if len(documents) != 1:
        raise SourceError(path, f"holds {len(documents)} documents; name one of them{_hint(path)}")
    return documents[0]


def _hint(path: str) -> str:
    """A folder of texts only, as sources/NAME/ holds a document's versions: the site reads
    them so, the command line only with the folder's document.yml (never guessing)."""
    folder = Path(path)
    items = [item for item in folder.iterdir() if not item.name.startswith((".", "_"))]
    if any(item.is_dir() or item.name in SITE_DATA_FILES for item in items):
        return ""
    return (
        f" (if they are versions of one document, add {FOLDER_DATA} to the folder, "
        "as a command reads a folder of versions only with it)"
    )


def _load_source(path: str) -> Document:
    """A source file with its sidecar, or a versioned folder of sources/ (its current
    version): read by the same rules as the site (library.source_entry)."""
    entry = source_entry(Path(path))
    if entry is None:
        if Path(path).is_dir():
            raise SourceError(path, "the folder holds no source texts")
        data = _data_file(Path(path))
        if data:
            raise SourceError(path, data)
        return convert_file(path)
    versions = load_versions(entry, ConversionCache(), check_fidelity=True)
    return current_version(versions).document


def _documents_named(paths: list[str]) -> list[str]:
    """The documents among the files named: `convert sources/*`, as every user types it,
    names each sidecar and data file beside the texts; each is left out with one line
    saying what it is (attack17 A17-17: one sidecar stopped the whole command). Named
    alone, a data file is still refused (by `_load_source`)."""
    kept = []
    for path in paths:
        reason = _data_file(Path(path)) if not Path(path).is_dir() else None
        if reason is None:
            kept.append(path)
        else:
            _say(f"{path}: {reason}; left out")
    return kept or paths


_DATA_SUFFIXES = (".yml", ".yaml", ".json")  # settings, never a text (any other file is tried)


def _data_file(path: Path) -> str | None:
    """Why a sidecar or data file named on the command line is no document (None for any
    other file): read as text, `convert sources/*` published rules.yml as a document
    'rules' and then told the user to rename one of the two (trial17)."""
    if path.suffix.lower() not in _DATA_SUFFIXES:
        return None
    texts = [
        found
        for found in sorted(path.parent.glob(f"{glob.escape(path.stem)}.*"))
        if found != path and source_entry(found) is not None
    ]
    if texts:
        return f"the sidecar of {texts[0]}, read with it: convert {texts[0]} instead"
    if path.name in SITE_DATA_FILES or path.name == FOLDER_DATA:
        return "a data file of the site, read with the documents, not a document"
    return "a data file, not a document: clausemark reads .txt, .md, .docx, .pdf and .html"


def cmd_diff(args) -> int:
    from .model.records import text_records
    from .pages.versions import clause_name, is_change, plain_redline
    from .versions.diff import change_words, counts_line, diff_clauses, diff_to_json

    try:
        old = _load_one(args.old)
        new = _load_one(args.new)
    except SourceError as error:
        return _error(str(error))
    # the clauses, the paragraphs, tables and headings between them, as the changes page
    old_records = text_records(old, tables=True, headings=True)
    new_records = text_records(new, tables=True, headings=True)
    diff = diff_clauses(old_records, new_records, old.metadata, new.metadata)
    if args.json:
        data = diff_to_json(diff)
        data["old"] = {"source": old.path, "version": old.metadata.version}
        data["new"] = {"source": new.path, "version": new.metadata.version}
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
        return 0
    old_by_anchor = {r.anchor: r for r in old_records}
    new_by_anchor = {r.anchor: r for r in new_records}
    _say(f"{old.path} -> {new.path}")
    _say(counts_line(diff))
    for key, (before, after) in diff.metadata_changes.items():
        if key != "extra":
            _say(f"metadata {key}: {before} -> {after}")
    for change in diff.changes:
        if not is_change(change):
            continue
        was = clause_name(change.old, old_by_anchor) if change.old else "(none)"
        now = clause_name(change.new, new_by_anchor) if change.new else "(none)"
        old_text = change.old.text if change.old else ""
        new_text = change.new.text if change.new else ""
        text = plain_redline(old_text, new_text, context=6)
        if not change.amended and old_text == new_text:
            text = _shorten(text, 70)
        _say(f"{change_words(change)}: {was} -> {now}: {text}")
    return 0


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def cmd_anchors(args) -> int:
    from .pages.versions import compare
    from .site_builder.library import discover
    from .versions.anchor_registry import (
        AnchorRegistryError,
        dropped_addresses,
        load_registry,
        save_registry,
        update_document,
    )
    from .versions.renames import renamed_labels

    sources = Path(args.sources)
    target = Path(args.file) if args.file else sources / "anchors.json"
    try:
        registry = load_registry(target)
    except AnchorRegistryError as error:
        return _error(str(error))
    cache = ConversionCache()
    for entry in discover(sources):
        versions = load_versions(entry, cache, check_fidelity=True)
        title = versions[-1].document.metadata.title
        diffs = [
            compare(entry.doc_id, title, a, b).diff
            for a, b in zip(versions, versions[1:], strict=False)
        ]
        labels = [
            (v.label, [r.anchor for r in v.records() if r.kind == "clause"]) for v in versions
        ]
        recorded = registry.get(entry.doc_id)
        renamed = renamed_labels(recorded, versions)  # "2025" read as "Version 3" now
        registry[entry.doc_id] = update_document(recorded, labels, diffs, renamed)
        _say(f"{entry.doc_id}: {', '.join(v.label for v in versions)}")
        if dropped := dropped_addresses(recorded, registry[entry.doc_id]):
            shown = ", ".join(f"#{anchor}" for anchor in dropped[:10])
            more = f" and {len(dropped) - 10} more" if len(dropped) > 10 else ""
            _say(
                f"{entry.doc_id}: {len(dropped)} published address(es) now lead nowhere "
                f"({shown}{more}): the clauses of a recorded version changed in number, so "
                "their old ids could not be paired with the new ones; check them before "
                "committing anchors.json",
                file=sys.stderr,
            )
    save_registry(target, registry)
    print(f"wrote {target}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clausemark",
        description="Turn council constitution texts into a cross-linked, searchable site.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser(
        "convert",
        help="convert source texts to structured Markdown",
        # one of --out and --json is needed (cmd_convert says so in one line, exit 1)
        usage="%(prog)s SOURCE [SOURCE ...] (--out DIR | --json)",
    )
    convert.add_argument("sources", nargs="+", metavar="SOURCE")
    convert.add_argument(
        "--out", metavar="DIR", help="write one Markdown file per source here (or use --json)"
    )
    convert.add_argument(
        "--json", action="store_true", help="print the document model of one source as JSON"
    )
    convert.set_defaults(run=cmd_convert)
    bundle = commands.add_parser(
        "bundle", help="build the site for file:// use and zip it (works with no network)"
    )
    bundle.add_argument(
        "--config", default="mkdocs.yml", metavar="FILE", help="mkdocs.yml (default: %(default)s)"
    )
    bundle.add_argument(
        "--out", default="dist", metavar="DIR", help="write the zip here (default: %(default)s)"
    )
    bundle.set_defaults(run=cmd_bundle)
    pages = commands.add_parser(
        "pages",
        help="write the site's pages and a mkdocs.yml that builds them with no clausemark plugin",
    )
    pages.add_argument(
        "--config", default="mkdocs.yml", metavar="FILE", help="mkdocs.yml (default: %(default)s)"
    )
    pages.add_argument("--out", required=True, metavar="DIR", help="write the pages here")
    pages.set_defaults(run=cmd_pages)
    init = commands.add_parser("init", help="create a new site directory that builds at once")
    init.add_argument("directory", metavar="DIR", help="a new or empty directory")
    init.set_defaults(run=cmd_init)
    diff = commands.add_parser("diff", help="compare two versions of a document clause by clause")
    diff.add_argument("old", metavar="OLD", help="the earlier source file")
    diff.add_argument("new", metavar="NEW", help="the later source file")
    diff.add_argument("--json", action="store_true", help="print the comparison as JSON")
    diff.set_defaults(run=cmd_diff)
    anchors = commands.add_parser(
        "anchors", help="keep sources/anchors.json, the permanent clause ids, up to date"
    )
    anchors.add_argument("action", choices=["update"], help="update: record every version")
    anchors.add_argument("--sources", default="sources", metavar="DIR")
    anchors.add_argument("--file", metavar="FILE", help="default: SOURCES/anchors.json")
    anchors.set_defaults(run=cmd_anchors)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SourceError as error:
        return _error(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `clausemark convert --json x.txt | head`: the reader left
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit fails no more
        return 1


if __name__ == "__main__":
    sys.exit(main())
