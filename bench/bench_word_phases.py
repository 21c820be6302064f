"""Where the 50-times-real .docx conversion's CPU time goes, part by part, in one process
(least of 2 runs each), with the floor of the reader's parts: unpacking, cutting the
layout tags, libxml2's parse, and the least Python walk that visits every run.

    .venv/bin/python bench/bench_word_phases.py [--times 50]

Issue 18 asks the conversion to be 5 times faster than the old one
(bench/bench_readers.py --only word prints both); a part whose floor alone is over a
fifth of the old time bounds what a faster walk can give. The text parser is timed pass
by pass too (`read_lines`, `read_flow`, ...: what one pass with the reader's walk could
save). With `--old SECONDS` (the old conversion's CPU s from bench_readers) the parts are
set against that budget, and so is the floor: the import, the reader's least walk, no
text parser at all, the page's Markdown and the nothing-lost proof.

    .venv/bin/python bench/bench_word_phases.py --designs

also times other ways to read the same body, each measured against the reader's design
(a stream of blocks, layout tags cut from the bytes, a Python walk) and slower or no
faster on this file: libxml2 handing over only the paragraph and text elements
(`iterparse` with a tag filter: an event and a Python object per element handed over),
a whole tree turned into one line of text per paragraph by an XSLT stylesheet in C
(which reads only styles, emphasis, text and link ids, a part of what the reader reads,
and holds the whole tree), and the cut's tag names as a trie-shaped pattern (Python's
`re` tries a match at each '<w:' whatever the alternation's shape).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from bench_readers import REAL_DOCX, repeated_docx
from clausemark.parse.parser import parse
from clausemark.readers import read_source
from clausemark.readers import word_package as package
from clausemark.readers.docx import HYPERLINK, INS, RPR, RUN, TEXT, P
from clausemark.render import fidelity
from clausemark.render.markdown_writer import render_document
from clausemark.support.markdown_text import word_string


def least(work: Callable[[], object], runs: int = 2) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        start = time.process_time()
        out = work()
        times.append(time.process_time() - start)
    return min(times), out


def reader_floor(raw: bytes) -> dict[str, float]:
    def unzip() -> None:
        with zipfile.ZipFile(io.BytesIO(raw)).open("word/document.xml") as stream:
            for _ in package._unpacked(stream, "x"):
                pass

    def cut() -> None:
        with zipfile.ZipFile(io.BytesIO(raw)).open("word/document.xml") as stream:
            for _ in package._chunks(stream, "x"):
                pass

    def parsed() -> None:
        package.open_package(raw, "x").body_blocks(lambda block: None)

    def runs(container, found: list[str]) -> None:
        for element in container:
            if element.tag == RUN:
                for child in element:
                    if child.tag == TEXT:
                        found.append(child.text or "")
                    elif child.tag == RPR:
                        for _prop in child:
                            pass
            elif element.tag in (HYPERLINK, INS):
                runs(element, found)

    def walk() -> None:
        def block(element) -> None:
            for paragraph in element.iter(P):
                found: list[str] = []
                runs(paragraph, found)

        package.open_package(raw, "x").body_blocks(block)

    return {
        "unpack": least(unzip)[0],
        "unpack, cut": least(cut)[0],
        "unpack, cut, parse, free": least(parsed)[0],
        "  and the least walk": least(walk)[0],
    }


def phases(path: Path) -> dict[str, float]:
    found: dict[str, float] = {}
    found["read"], source = least(lambda: read_source(path, None))
    found["parse"], document = least(lambda: parse(source, "big"))
    found["page's Markdown"], markdown = least(lambda: render_document(document))
    # the conversion's proof reads the page's words as written (no render: session 12)
    found["proof: words as written"], (body, _notes) = least(
        lambda: fidelity.written_words(markdown)
    )
    skip = fidelity._lines_not_in_body(document)
    found["proof: source words"], expected = least(
        lambda: fidelity._source_word_string(source, skip)
    )
    found["proof: page words"], actual = least(lambda: word_string(body))
    found["proof: comparison"], _ = least(lambda: fidelity.first_lost_at(expected, actual))
    found["proof: drop report"], _ = least(lambda: fidelity.unreported_drops(source, document))
    REPLACED["render"] = least(lambda: fidelity.rendered_text(markdown, True))[0]
    return found


REPLACED: dict[str, float] = {}  # what the proof no longer does, timed apart from "all"

# The text parser's passes over every line or unit (issue 18 asks whether the reader and
# these could be one pass): each wrapped where parse() calls it, CPU s of the least run.
PARSER_PASSES = ("read_lines", "read_flow", "split_run_together", "extract_metadata")


def parser_passes(source) -> dict[str, float]:
    import clausemark.parse.parser as parser_module

    spent: dict[str, float] = {}
    originals = {name: getattr(parser_module, name) for name in PARSER_PASSES}

    def timed(name: str, work: Callable) -> Callable:
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return work(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start

        return run

    best: dict[str, float] = {}
    try:
        for name, work in originals.items():
            setattr(parser_module, name, timed(name, work))
        for _ in range(2):
            spent.update(dict.fromkeys(PARSER_PASSES, 0.0))
            start = time.process_time()
            parser_module.parse(source, "big")
            whole = time.process_time() - start
            if not best or whole < best["parse"]:
                best = {"parse": whole, **spent}
    finally:
        for name, work in originals.items():
            setattr(parser_module, name, work)
    best["  the rest"] = best["parse"] - sum(best[name] for name in PARSER_PASSES)
    return {
        (name if name == "parse" or name.startswith(" ") else f"  {name}"): s
        for name, s in best.items()
    }


# Each paragraph as one line of text: its style, then each link's id and each run's
# emphasis and words, between noncharacters (XML 1.0 allows no control character, not
# even as a reference). Only a part of what the reader reads: a lower bound of such a
# design, before any Python reads the lines.
_XSLT = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
 xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<xsl:output method="text" encoding="utf-8"/>
<xsl:template match="/"><xsl:apply-templates select="//w:body/*"/></xsl:template>
<xsl:template match="w:p">&#xFDD0;<xsl:value-of select="w:pPr/w:pStyle/@w:val"/>&#xFDD1;<!--
 --><xsl:apply-templates select="w:r|w:hyperlink"/></xsl:template>
<xsl:template match="w:tbl">&#xFDD2;<xsl:apply-templates select=".//w:p"/></xsl:template>
<xsl:template match="w:hyperlink">&#xFDD3;<xsl:value-of select="@r:id"/>&#xFDD3;<!--
 --><xsl:apply-templates select="w:r"/>&#xFDD3;</xsl:template>
<xsl:template match="w:r">&#xFDD4;<xsl:if test="w:rPr/w:b">b</xsl:if><!--
 --><xsl:if test="w:rPr/w:i">i</xsl:if>&#xFDD5;<xsl:value-of select="w:t"/></xsl:template>
<xsl:template match="*"/>
</xsl:stylesheet>"""


def _trie(words: list[str]) -> str:
    """The words as one pattern shaped as a trie ('s(?:z(?:Cs)?|pacing)')."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(letter) + pattern(node[letter]) for letter in sorted(node) if letter]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if ends else body

    return pattern(tree)


def designs(raw: bytes) -> dict[str, float]:
    """Other ways to read the body (see the module), each to its end, least of 2."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(raw)).open("word/document.xml") as stream:
        cut = list(package._chunks(stream, "x"))
    with zipfile.ZipFile(io.BytesIO(raw)).open("word/document.xml") as stream:
        uncut = list(package._unpacked(stream, "x"))

    def blocks() -> None:
        parser = etree.XMLPullParser(
            events=("start",), tag=f"{package.W}body", **package._PARSER_OPTIONS
        )
        body = None
        for chunk in cut:
            parser.feed(chunk)
            for _event, element in parser.read_events():
                body = element
            if body is not None and len(body) > 1:
                package._hand_over(body, len(body) - 1, lambda block: None)
        parser.close()

    def events() -> None:
        parser = etree.XMLPullParser(events=("end",), tag=(P, TEXT), **package._PARSER_OPTIONS)
        for chunk in cut:
            parser.feed(chunk)
            for _event, element in parser.read_events():
                if element.tag == P:
                    element.clear()
        parser.close()

    transform = etree.XSLT(etree.XML(_XSLT.encode()))

    def xslt() -> None:
        tree = etree.fromstring(b"".join(cut), etree.XMLParser(**package._PARSER_OPTIONS))
        for line in str(transform(tree)).split("\ufdd0"):
            line.split("\ufdd4")

    flat = package._UNREAD
    trie = re.compile(
        rb"<w:(?:"
        + _trie(package.UNREAD_EMPTY).encode()
        + rb"|rFonts"
        + package._SYMBOL_FONT
        + rb")(?=[\s/])[^<>]*/>"
    )

    def cut_by(pattern: re.Pattern) -> Callable[[], list[bytes]]:
        return lambda: [pattern.sub(b"", chunk) for chunk in uncut]

    return {
        "libxml2's parse of the cut body, blocks handed over": least(blocks)[0],
        "  the same, events for w:p and w:t only": least(events)[0],
        "  whole tree, then XSLT: a line per paragraph": least(xslt)[0],
        "the cut's tag names as one alternation": least(cut_by(flat))[0],
        "  the same as a trie": least(cut_by(trie))[0],
    }


def import_seconds() -> float:
    """CPU s to import what a conversion uses, in a fresh interpreter."""
    code = (
        "import time; start = time.process_time(); import clausemark.convert, "
        "clausemark.render.markdown_writer; print(time.process_time() - start)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, default=50)
    parser.add_argument("--old", type=float, help="the old conversion's CPU s (bench_readers)")
    parser.add_argument("--designs", action="store_true", help="also time other designs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{args.times}.docx"
        repeated_docx(REAL_DOCX, path, args.times)

        print(f"load average {os.getloadavg()[0]:.1f}; CPU s, least of 2")
        print("the reader's floor:")
        floor = reader_floor(path.read_bytes())
        for name, seconds in floor.items():
            print(f"  {name:28}{seconds:6.2f}")
        print("the conversion, part by part:")
        parts = phases(path)
        for name, seconds in parts.items():
            print(f"  {name:28}{seconds:6.2f}")
        print(f"  {'all':28}{sum(parts.values()):6.2f}")
        print(f"  {'(the render it replaced)':28}{REPLACED['render']:6.2f}")
        imported = import_seconds()
        print(f"  {'and the import, apart':28}{imported:6.2f}")
        print("the text parser, by pass:")
        for name, seconds in parser_passes(read_source(path, None)).items():
            print(f"  {name:28}{seconds:6.2f}")
        if args.old:
            budget = args.old / 5
            spent = imported + sum(parts.values())
            print(
                f"5 times faster than {args.old:.2f} s: at most {budget:.2f} s, import "
                f"included; these parts take {spent:.2f} s ({args.old / spent:.1f}x)"
            )
            # the floor: the reader at its least walk (no rule read), a text parser that
            # costs nothing, the page's Markdown and the nothing-lost proof as they are
            least_walk = floor["  and the least walk"]
            rest = sum(s for name, s in parts.items() if name not in ("read", "parse"))
            lowest = imported + least_walk + rest
            print(
                f"floor: the import, the reader's least walk, no parser, the Markdown and "
                f"the proof: {lowest:.2f} s ({args.old / lowest:.1f}x at most)"
            )
        if args.designs:
            print("other designs, the same body:")
            for name, seconds in designs(path.read_bytes()).items():
                print(f"  {name:52}{seconds:6.2f}")


if __name__ == "__main__":
    main()
