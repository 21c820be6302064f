"""Time diff_clauses on synthetic two-version protocols, beside difflib baselines.

Run: .venv/bin/python bench/bench_diff.py [--runs N] [--sizes 500,5000] [--seed S]

Each size builds an old version (sections of numbered clauses, some with lettered
items) from protocol-like sentences, then a new version with clauses inserted,
deleted, amended, restyled (quotes, dashes) and moved, renumbered as a council
would publish it. It prints the median time of diff_clauses and, in the same run,
of two baselines a reader might reach for (difflib over the clause texts as lines,
and over the words of the whole text), plus how many clause pairings were right.
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import statistics
import time
from dataclasses import dataclass, field

from clausemark.model.document import ClauseRecord
from clausemark.numbering.anchors import clean_number, make_id
from clausemark.versions.diff import diff_clauses

SUBJECTS = [
    "Members",
    "Officers",
    "The Monitoring Officer",
    "The Chief Executive",
    "A group leader",
    "The chair of the committee",
    "Cabinet members",
    "Senior officers",
    "The Head of Paid Service",
    "Co-opted members",
    "The Section 151 Officer",
    "Ward councillors",
]
DUTIES = [
    "should seek the advice of",
    "must not apply undue pressure on",
    "will keep a written record of any request made to",
    "are expected to treat with courtesy and respect",
    "should give timely responses to enquiries from",
    "may raise a concern about the conduct of",
    "must respect the political neutrality of",
    "will provide a confidential briefing to",
    "should not seek to influence the advice of",
    "are entitled to information held by",
    "will refer any complaint about the 'need to know' test to",
    "must declare any close personal relationship with",
]
OBJECTS = [
    "the relevant director",
    "the member's political group",
    "officers of the council",
    "the scrutiny committee",
    "the portfolio holder",
    "individual ward members",
    "the planning committee",
    "members of the public",
    "the council's statutory officers",
    "junior officers",
    "partner agencies",
    "the standards committee",
]
QUALIFIERS = [
    "where a conflict of interest may arise",
    "before any decision is taken under delegated powers",
    "in accordance with the Access to Information Rules",
    "within ten working days of the request",
    "at all times, whether in person or in writing",
    "unless the matter is confidential or exempt",
    "when exercising a statutory function",
    "so far as the resources of the council allow",
    "during the pre-election period - including by-elections",
    "in line with the council's whistleblowing policy",
    "where the advice relates to a quasi-judicial matter",
    "and shall report any breach to the Monitoring Officer",
]
AMENDMENT_WORDS = ["promptly", "in writing", "normally", "where practicable", "in good faith"]
INTROS = [
    "In particular, members and officers should:",
    "Officers can expect from members:",
    "Members can expect from officers:",
]


@dataclass
class Clause:
    uid: int
    text: str
    items: list[Clause] = field(default_factory=list)


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(DUTIES)} {rng.choice(OBJECTS)} "
        f"{rng.choice(QUALIFIERS)}."
    )


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.next_uid = 0

    def clause(self, with_items: bool) -> Clause:
        self.next_uid += 1
        if not with_items:
            text = sentence(self.rng)
            if self.rng.random() < 0.4:
                text += " " + sentence(self.rng)
            return Clause(self.next_uid, text)
        parent = Clause(self.next_uid, self.rng.choice(INTROS))
        for _ in range(self.rng.randint(2, 4)):
            self.next_uid += 1
            item = sentence(self.rng)
            parent.items.append(Clause(self.next_uid, item[0].lower() + item[1:-1] + ";"))
        return parent

    def document(self, size: int) -> list[list[Clause]]:
        sections: list[list[Clause]] = []
        count = 0
        while count < size:
            section = []
            for _ in range(self.rng.randint(6, 14)):
                clause = self.clause(with_items=self.rng.random() < 0.25)
                section.append(clause)
                count += 1 + len(clause.items)
            sections.append(section)
        return sections

    def revise(self, sections: list[list[Clause]], rate: float) -> list[list[Clause]]:
        """A new version: about `rate` of clauses each inserted, deleted, amended; a few moved."""
        rng = self.rng
        revised = [[self._copy(c) for c in section] for section in sections]
        for section in revised:
            for clause in [*section]:
                roll = rng.random()
                if roll < rate:
                    section.remove(clause)
                elif roll < 2 * rate:
                    section.insert(section.index(clause), self.clause(rng.random() < 0.2))
                elif roll < 3 * rate:
                    clause.text = amend(clause.text, rng)
                elif roll < 3.5 * rate:
                    clause.text = clause.text.replace("'", "\u2019").replace(" - ", " \u2013 ")
                for item in [*clause.items]:
                    if rng.random() < rate:
                        clause.items.remove(item)
                    elif rng.random() < rate:
                        item.text = amend(item.text, rng)
        for _ in range(max(1, int(sum(map(len, revised)) * rate / 5))):
            source = rng.choice([s for s in revised if len(s) > 1])
            moving = source.pop(rng.randrange(len(source)))
            rng.choice(revised).insert(0, moving)
        return revised

    @staticmethod
    def _copy(clause: Clause) -> Clause:
        return Clause(clause.uid, clause.text, [Clause(i.uid, i.text) for i in clause.items])


def amend(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    position = rng.randrange(1, len(words))
    words.insert(position, rng.choice(AMENDMENT_WORDS))
    return " ".join(words)


def records(sections: list[list[Clause]]) -> tuple[list[ClauseRecord], list[int]]:
    """Published form: sections numbered 1.., clauses s.k, items a), b) ...; and their uids."""
    out, uids = [], []
    for s, section in enumerate(sections, start=1):
        section_id = make_id(None, "sec", str(s))
        for k, clause in enumerate(section, start=1):
            number = f"{s}.{k}"
            anchor = make_id(section_id, "para", clean_number(number))
            out.append(ClauseRecord("bench", anchor, number, None, clause.text, None, 0))
            uids.append(clause.uid)
            for letter, item in zip("abcdefghij", clause.items, strict=False):
                item_anchor = make_id(anchor, "subpara", letter)
                out.append(
                    ClauseRecord("bench", item_anchor, f"{letter})", anchor, item.text, None, 1)
                )
                uids.append(item.uid)
    return out, uids


def median_seconds(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def words_of(clauses: list[ClauseRecord]) -> list[str]:
    return re.findall(r"\S+", "\n".join(c.text for c in clauses))


def bench(size: int, runs: int, seed: int) -> None:
    generator = Generator(seed + size)
    old_sections = generator.document(size)
    new_sections = generator.revise(old_sections, rate=0.03)
    old, old_uids = records(old_sections)
    new, new_uids = records(new_sections)

    diff = diff_clauses(old, new)
    old_position = {record.anchor: i for i, record in enumerate(old)}
    new_position = {record.anchor: j for j, record in enumerate(new)}
    kept = set(old_uids) & set(new_uids)
    pairs = [
        (old_uids[old_position[c.old.anchor]], new_uids[new_position[c.new.anchor]])
        for c in diff.changes
        if c.old and c.new
    ]
    right = sum(a == b for a, b in pairs)
    replacements = sum(a != b and a not in kept and b not in kept for a, b in pairs)
    wrong = len(pairs) - right - replacements

    ours = median_seconds(lambda: diff_clauses(old, new), runs)
    old_lines, new_lines = [c.text for c in old], [c.text for c in new]
    lines = median_seconds(
        lambda: difflib.SequenceMatcher(None, old_lines, new_lines).ratio(), runs
    )
    old_words, new_words = words_of(old), words_of(new)
    words = median_seconds(
        lambda: difflib.SequenceMatcher(None, old_words, new_words).ratio(), runs
    )

    print(f"\n{len(old)} old clauses -> {len(new)} new clauses (median of {runs} runs)")
    print(f"  counts: {diff.counts}")
    print(
        f"  clauses kept {len(kept)}: paired right {right}, wrong {wrong};"
        f" a deleted clause paired with an inserted one (judgement call) {replacements}"
    )
    print(f"  {'diff_clauses':38}{ours * 1000:9.1f} ms")
    print(
        f"  {'baseline: difflib over clause lines':38}{lines * 1000:9.1f} ms   {ours / lines:6.1f}x"
    )
    print(f"  {'baseline: difflib over all words':38}{words * 1000:9.1f} ms   {ours / words:6.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="500,5000")
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    for size in (int(s) for s in arguments.sizes.split(",")):
        bench(size, arguments.runs, arguments.seed)


if __name__ == "__main__":
    main()
