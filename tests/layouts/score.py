"""Score the converter against the hand-written layout corpus (issue 10).

Each fixture `<name>.txt` has an oracle `<name>.oracle.yml`, written by hand from the
printed text: its title, council, status, the document-control values it prints, the
layouts it exercises, and every printed number in reading order with the printed number
of its enclosing numbered element and the anchor the anchor contract
(plugins/clausemark/numbering/ANCHORS.md) gives it.

Run: `.venv/bin/python tests/layouts/score.py` (add fixture names to score only those,
`-v` to list every miss). It prints one table row per layout and one overall.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from clausemark.convert import convert_file
from clausemark.model.document import Clause, Heading, Section, iter_clauses, iter_headings
from clausemark.readers.text import SourceError
from clausemark.support.markdown_text import plain_text

HERE = Path(__file__).resolve().parent
METADATA_FIELDS = ("version", "adopted", "minute", "next_review")

# A structural word printed before a heading's number: matching compares the number only,
# since the anchor already says which element the word made.
_NUMBER_WORD = re.compile(
    r"^(?:standing\s+orders?|procedure\s+rules?|section|part|chapter|article|rule|schedule|"
    r"appendix|annexe?|paragraph|para|clause|regulation)\s+"
    r"|^(?:CPR|SO|CSO|FPR|FR|EPR|OSPR|AIR|AIPR|BPFR|OEPR)\s+(?=\d)"  # "CPR 1": a rule
    # "Contract Standing Order 1", "Financial Regulation 3": a rule after its set's name
    r"|^(?:[A-Z][\w'’-]*\s+(?:(?:and|to|of|for|&)\s+)?){1,5}?"
    r"(?:standing\s+orders?|procedure\s+rules?|regulations?|rules?)\s+(?=\d)",
    re.I,
)
_TRAILING = re.compile(r"[\s.:—–-]+$")


def number_key(number: str | None) -> str | None:
    """The form two printed numbers are compared in: no spaces, no trailing dot or dash."""
    if number is None:
        return None
    text = _NUMBER_WORD.sub("", number.strip())
    return _TRAILING.sub("", re.sub(r"\s+", "", text))


@dataclass(frozen=True)
class Numbered:
    number: str
    parent: str | None  # the printed number of the enclosing numbered element
    anchor: str


@dataclass
class FixtureScore:
    name: str
    layouts: list[str]
    printed: int = 0
    found: int = 0
    made: int = 0
    real: int = 0
    parents: int = 0
    anchors: int = 0
    lost: bool = False
    title: bool = False
    council: bool = False
    status: bool = False
    metadata: bool = False
    joined: bool | None = None  # None: the oracle names no hard-wrapped text to check
    drops: bool = False  # the converter dropped every page artefact and nothing else
    structure: bool = True  # the oracle's tables, footnotes and heading titles are right
    misses: list[str] = field(default_factory=list)


def numbered_elements(blocks, enclosing: str | None = None) -> list[Numbered]:
    """Every element the converter gave a printed number, in reading order, with the
    printed number of the nearest numbered element around it."""
    found: list[Numbered] = []
    for block in blocks:
        if isinstance(block, Section):
            heading = block.heading
            inner = enclosing
            if heading.number:
                found.append(Numbered(heading.number, enclosing, heading.anchor))
                inner = heading.number
            found.extend(numbered_elements(block.blocks, inner))
        elif isinstance(block, Heading) and block.number:
            found.append(Numbered(block.number, enclosing, block.anchor))
        elif isinstance(block, Clause):
            found.extend(_clause_elements(block, enclosing))
    return found


def _clause_elements(clause: Clause, enclosing: str | None) -> list[Numbered]:
    found = []
    inner = enclosing
    if clause.number:
        found.append(Numbered(clause.number, enclosing, clause.anchor))
        inner = clause.number
    for child in clause.children:
        found.extend(_clause_elements(child, inner))
    return found


def align(expected: list[str | None], actual: list[str | None]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence: repeated numbers pair in order, and
    an invented or a missed number does not shift every pair after it."""
    rows, cols = len(expected), len(actual)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if expected[i] == actual[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < rows and j < cols:
        if expected[i] == actual[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


# libyaml's loader when PyYAML has it (its wheels do): the same data, a tenth of the time
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_oracle(path: Path) -> dict:
    oracle = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    oracle["numbers"] = [
        Numbered(str(n["number"]), None if n["parent"] is None else str(n["parent"]), n["anchor"])
        for n in oracle.get("numbers") or []
    ]
    return oracle


def _same_text(left: str | None, right: str | None) -> bool:
    def norm(text):
        if text is None:
            return None
        text = text.replace("’", "'").replace("–", "-").replace("—", "-")
        return re.sub(r"\s+", " ", text).strip().casefold()

    return norm(left) == norm(right)


def _title_right(expected, actual: str) -> bool:
    accepted = expected if isinstance(expected, list) else [expected]
    return any(_same_text(title, actual) for title in accepted)


def score_fixture(text_path: Path) -> FixtureScore:
    oracle = load_oracle(text_path.with_suffix(".oracle.yml"))
    result = FixtureScore(text_path.stem, list(oracle.get("layouts") or []))
    expected: list[Numbered] = oracle["numbers"]
    result.printed = len(expected)
    try:
        document = convert_file(text_path)
    except SourceError as error:
        result.lost = True
        result.misses.append(f"not converted: {error}")
        return result
    actual = numbered_elements(document.blocks)
    result.made = len(actual)
    pairs = align([number_key(n.number) for n in expected], [number_key(n.number) for n in actual])
    result.found = result.real = len(pairs)
    matched = dict(pairs)
    for index, want in enumerate(expected):
        if index not in matched:
            result.misses.append(f"missed {want.number!r} (want {want.anchor})")
            continue
        got = actual[matched[index]]
        if number_key(got.parent) == number_key(want.parent):
            result.parents += 1
        else:
            result.misses.append(f"{want.number!r}: parent {got.parent!r}, want {want.parent!r}")
        if got.anchor == want.anchor:
            result.anchors += 1
        else:
            result.misses.append(f"{want.number!r}: anchor {got.anchor}, want {want.anchor}")
    made_real = {j for _i, j in pairs}
    for j, got in enumerate(actual):
        if j not in made_real:
            result.misses.append(f"invented {got.number!r} ({got.anchor})")
    lost = [w.message for w in document.warnings if w.code == "lost-words"]
    result.lost = bool(lost)
    result.misses.extend(lost)
    meta = document.metadata
    result.title = _title_right(oracle.get("title"), meta.title)
    if not result.title:
        result.misses.append(f"title {meta.title!r}, want {oracle.get('title')!r}")
    result.council = _same_text(oracle.get("council"), meta.council)
    if not result.council:
        result.misses.append(f"council {meta.council!r}, want {oracle.get('council')!r}")
    result.status = meta.status == oracle.get("status", "adopted")
    if not result.status:
        result.misses.append(f"status {meta.status!r}, want {oracle.get('status')!r}")
    wrong = [
        f"{key} {getattr(meta, key, None)!r}, want {value!r}"
        for key, value in (oracle.get("metadata") or {}).items()
        if str(getattr(meta, key, None)) != str(value)
    ]
    result.metadata = not wrong
    result.misses.extend(wrong)
    must_drop = set(oracle.get("dropped") or [])
    may_drop = must_drop | set(oracle.get("may_drop") or [])
    dropped = {d.line: d.text for d in document.dropped}
    kept = sorted(must_drop - set(dropped))
    over = sorted(set(dropped) - may_drop)
    result.drops = not kept and not over
    result.misses.extend(f"kept page artefact on line {line}" for line in kept)
    result.misses.extend(f"dropped line {line} {dropped[line]!r}" for line in over)
    levels = {d.line: getattr(d, "level", "info") for d in document.dropped}
    for line, level in (oracle.get("drop_levels") or {}).items():
        if levels.get(line) != level:
            result.drops = False
            result.misses.append(f"line {line} dropped as {levels.get(line)!r}, want {level!r}")
    structure = _structure_misses(oracle, document)
    result.structure = not structure
    result.misses.extend(structure)
    if oracle.get("shows_adopted") is not None:
        shows = _shows_adopted(document)
        if shows != oracle["shows_adopted"]:
            result.metadata = False
            result.misses.append(f"page shows 'Adopted': {shows}, want {oracle['shows_adopted']}")
    if oracle.get("joined"):
        # The clause the converter made for that printed number, whatever its anchor.
        texts = {c.anchor: plain_text(c.text) for c, *_ in iter_clauses(document.blocks)}
        made_for = {
            want.anchor: texts.get(actual[matched[i]].anchor)
            for i, want in enumerate(expected)
            if i in matched
        }
        unjoined = [
            f"text of {anchor} is {made_for.get(anchor)!r}"
            for anchor, want in oracle["joined"].items()
            if not _same_text(made_for.get(anchor), want)
        ]
        result.joined = not unjoined
        result.misses.extend(unjoined)
    return result


def _table_words(table) -> list[str]:
    return [cell for row in [table.header, *table.rows] for cell in row if cell]


def _structure_misses(oracle: dict, document) -> list[str]:
    """The oracle's optional `tables` (clause anchor -> the cells of the tables inside that
    clause, in reading order), `footnotes` (label -> text) and `headings` (anchor -> the
    title without footnote markers)."""
    misses = []
    clauses = {c.anchor: c for c, *_ in iter_clauses(document.blocks)}
    for anchor, cells in (oracle.get("tables") or {}).items():
        clause = clauses.get(anchor)
        got = (
            [w for t in getattr(clause, "tables", []) for w in _table_words(t)] if clause else None
        )
        if got != [str(c) for c in cells]:
            misses.append(f"tables of {anchor}: {got!r}, want {cells!r}")
    notes = {f.label: plain_text(f.text) for f in document.footnotes if not f.missing}
    for label, text in (oracle.get("footnotes") or {}).items():
        if not _same_text(notes.get(str(label)), text):
            misses.append(f"footnote {label}: {notes.get(str(label))!r}, want {text!r}")
    headings = {h.anchor: plain_text(h.title) for h in iter_headings(document.blocks)}
    for anchor, title in (oracle.get("headings") or {}).items():
        if not _same_text(headings.get(anchor), title):
            misses.append(f"heading {anchor}: {headings.get(anchor)!r}, want {title!r}")
    return misses


def _shows_adopted(document) -> bool:
    from clausemark.render.markdown_writer import render_document

    return "cm-status--adopted" in render_document(document)


HELDOUT = HERE / "heldout"


def fixture_paths(names: list[str] | None = None, folder: Path = HERE) -> list[Path]:
    paths = sorted(p for p in folder.glob("*.txt") if p.with_suffix(".oracle.yml").exists())
    if names:
        paths = [p for p in paths if p.stem in names]
    return paths


def score_corpus(names: list[str] | None = None, folder: Path = HERE) -> list[FixtureScore]:
    return [score_fixture(path) for path in fixture_paths(names, folder)]


@dataclass
class Totals:
    label: str
    fixtures: int = 0
    printed: int = 0
    found: int = 0
    made: int = 0
    real: int = 0
    parents: int = 0
    anchors: int = 0
    lost: int = 0
    titles: int = 0
    councils: int = 0
    statuses: int = 0
    metadata: int = 0
    joined: int = 0
    joins_checked: int = 0
    drops: int = 0
    structure: int = 0

    def add(self, score: FixtureScore) -> None:
        self.fixtures += 1
        for name in ("printed", "found", "made", "real", "parents", "anchors"):
            setattr(self, name, getattr(self, name) + getattr(score, name))
        self.lost += score.lost
        self.titles += score.title
        self.councils += score.council
        self.statuses += score.status
        self.metadata += score.metadata
        self.drops += score.drops
        self.structure += score.structure
        if score.joined is not None:
            self.joins_checked += 1
            self.joined += score.joined

    @property
    def recall(self) -> float:
        return self.found / self.printed if self.printed else 1.0

    @property
    def precision(self) -> float:
        return self.real / self.made if self.made else 1.0

    @property
    def perfect(self) -> bool:
        """The issue's targets: recall and precision >= 99%, everything else exact."""
        return (
            self.recall >= 0.99
            and self.precision >= 0.99
            and self.parents == self.printed
            and self.anchors == self.printed
            and self.lost == 0
            and self.titles == self.councils == self.statuses == self.metadata == self.fixtures
            and self.joined == self.joins_checked
            and self.drops == self.fixtures
            and self.structure == self.fixtures
        )


def totals(scores: list[FixtureScore]) -> tuple[list[Totals], Totals]:
    by_layout: dict[str, Totals] = {}
    overall = Totals("OVERALL")
    for score in scores:
        overall.add(score)
        for layout in score.layouts:
            by_layout.setdefault(layout, Totals(layout)).add(score)
    return [by_layout[k] for k in sorted(by_layout)], overall


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    - "


def table(scores: list[FixtureScore], per_fixture: bool = False) -> str:
    """One row per layout (or per fixture) and one overall."""
    rows, overall = totals(scores)
    if per_fixture:
        rows = []
        for score in scores:
            rows.append(Totals(score.name))
            rows[-1].add(score)
    header = (
        f"{'layout':<22}{'files':>6}{'printed':>8}{'recall':>8}{'made':>6}{'precis':>8}"
        f"{'parents':>9}{'anchors':>9}{'lost':>6}{'title':>7}{'council':>8}{'status':>7}"
        f"{'meta':>6}{'joined':>7}{'drops':>7}{'struct':>7}"
    )
    lines = [header, "-" * len(header)]
    for row in [*rows, overall]:
        if row is overall:
            lines.append("-" * len(header))
        lines.append(
            f"{row.label:<22}{row.fixtures:>6}{row.printed:>8}{_pct(row.found, row.printed):>8}"
            f"{row.made:>6}{_pct(row.real, row.made):>8}{_pct(row.parents, row.printed):>9}"
            f"{_pct(row.anchors, row.printed):>9}{row.lost:>6}"
            f"{f'{row.titles}/{row.fixtures}':>7}{f'{row.councils}/{row.fixtures}':>8}"
            f"{f'{row.statuses}/{row.fixtures}':>7}{f'{row.metadata}/{row.fixtures}':>6}"
            f"{f'{row.joined}/{row.joins_checked}':>7}{f'{row.drops}/{row.fixtures}':>7}"
            f"{f'{row.structure}/{row.fixtures}':>7}"
        )
    return "\n".join(lines)


def misses_report(scores: list[FixtureScore]) -> str:
    return "\n".join(f"{s.name}: " + "; ".join(s.misses) for s in scores if s.misses)


BASELINE = HERE / "baseline.yml"
PROPERTIES = (
    "converts",
    "no-lost-word",
    "title",
    "council",
    "status",
    "metadata",
    "all-found",
    "none-invented",
    "parents",
    "anchors",
    "joined",
    "drops",
    "structure",
)


def properties_met(score: FixtureScore) -> list[str]:
    """The properties of one fixture the converter meets, for the ratchet in baseline.yml."""
    met = {
        "converts": not any(m.startswith("not converted") for m in score.misses),
        "no-lost-word": not score.lost,
        "title": score.title,
        "council": score.council,
        "status": score.status,
        "metadata": score.metadata,
        "all-found": score.found == score.printed,
        "none-invented": score.real == score.made,
        "parents": score.parents == score.printed,
        "anchors": score.anchors == score.printed,
        "joined": score.joined is not False,
        "drops": score.drops,
        "structure": score.structure,
    }
    return [name for name in PROPERTIES if met[name]]


def write_baseline(scores: list[FixtureScore]) -> None:
    """Record what the converter meets today; tests keep every recorded property met."""
    data = {s.name: properties_met(s) for s in scores}
    BASELINE.write_text(
        "# Written by `score.py --write-baseline`: per fixture, the properties the converter\n"
        "# met when it was written. tests/parse/test_layout_corpus.py fails if one is lost.\n"
        + yaml.safe_dump(data, sort_keys=True, default_flow_style=None, width=100),
        encoding="utf-8",
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")]
    folder = HELDOUT if "--heldout" in argv else HERE
    scores = score_corpus(names or None, folder)
    print(table(scores, per_fixture="--fixtures" in argv))
    if "--write-baseline" in argv and not names and folder == HERE:
        write_baseline(scores)
    if verbose:
        print()
        print(misses_report(scores))
    return 0 if totals(scores)[1].perfect else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
