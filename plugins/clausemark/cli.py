"""The `clausemark` command: convert sources, export JSON, build the offline bundle, diff."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from .convert import convert_file, document_to_json, to_markdown
from .sources import SourceError


def _error(message: str) -> int:
    print(f"clausemark: error: {message}", file=sys.stderr)
    return 1


def _print_warnings(document) -> None:
    for warning in document.warnings:
        print(f"warning: {warning.format(document.path)}", file=sys.stderr)


def cmd_convert(args) -> int:
    if args.json:
        if len(args.sources) != 1:
            return _error("--json takes exactly one source file")
        try:
            document = convert_file(args.sources[0])
        except SourceError as error:
            return _error(str(error))
        _print_warnings(document)
        json.dump(document_to_json(document), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not args.out:
        return _error("convert needs --out DIR (or --json for one file)")
    documents = []
    for source in args.sources:
        try:
            documents.append(convert_file(source))
        except SourceError as error:
            return _error(str(error))
    out = Path(args.out)
    written = []
    for document in documents:
        _print_warnings(document)
        written.append((out / f"{document.doc_id}.md", to_markdown(document)))
    out.mkdir(parents=True, exist_ok=True)
    for path, text in written:
        _write_atomically(path, text)
        print(f"wrote {path}")
    return 0


def _write_atomically(path: Path, text: str) -> None:
    """Never leave a half-written file where a reader (or mkdocs serve) can see it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, path)


def cmd_bundle(args) -> int:
    from .bundle import BundleError, build_bundle, format_size

    try:
        result = build_bundle(Path(args.config), Path(args.out))
    except BundleError as error:
        return _error(str(error))
    print(f"wrote {result.zip_path} ({format_size(result.size)}, {result.size} bytes)")
    return 0


def cmd_init(args) -> int:
    from .scaffold import ScaffoldError, create_site

    try:
        written = create_site(Path(args.directory))
    except ScaffoldError as error:
        return _error(str(error))
    for path in written:
        print(f"created {path}")
    print(f"next: cd {args.directory} && mkdocs serve   (read sources/README.md first)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clausemark",
        description="Turn council constitution texts into a cross-linked, searchable site.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert source texts to structured Markdown")
    convert.add_argument("sources", nargs="+", metavar="SOURCE")
    convert.add_argument("--out", metavar="DIR", help="write one Markdown file per source here")
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
    init = commands.add_parser("init", help="create a new site directory that builds at once")
    init.add_argument("directory", metavar="DIR", help="a new or empty directory")
    init.set_defaults(run=cmd_init)
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


if __name__ == "__main__":
    sys.exit(main())
