"""Compare two versions of one document clause by clause, and redline the words.

A council revises a protocol every year. Readers want to know which clauses were
added, removed, reworded, renumbered or moved, and to follow an old citation
("para 3.3") to where that clause lives now. A line diff of the whole text cannot
say that: one insertion at 3.2 would show every later clause as changed. So the
clauses are matched first, then compared.

Matching, in order (each step only sees clauses still unmatched):

1. identical wording that occurs once in each version (short texts excepted);
2. identical wording in the same stretch between two already matched clauses,
   in order (this pairs repeated items such as "Respect, dignity and courtesy.");
3. similar wording, level by level (top-level clauses, then their sub-clauses, so
   a sub-clause prefers the children of its matched parent), candidates coming
   from an inverted index of word pairs, never from comparing every pair;
4. the same, across levels (a sub-clause promoted to a clause);
5. the same number in the same stretch, when at least a quarter of the words are
   shared: where the numbering holds, 4.2 reworded is still 4.2 amended. Two clauses
   that share a number but hardly any words are a removal and an addition: a reader
   must not be told that an unrelated rule "amended" the old one.

Whatever is left is added or removed.

Status scheme (`ClauseChange.status`), one per clause, the first that applies:
  added, removed            — no counterpart;
  moved                     — matched, but out of the order the other matches keep;
  renumbered                — matched in order, under a different number or anchor;
  amended                   — same number and anchor, different wording;
  unchanged                 — same number, anchor and wording.
Flags say the rest: `amended` (wording changed, whatever the status, so
"renumbered and amended" is status "renumbered" with `amended=True`),
`renumbered` (number or anchor changed) and `presentation_only` (the printed text
or number differs only in presentation: quote style, dashes, spacing, 'a)' vs
'(a)', the case of the number, the final full stop or semicolon).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from ..model.document import ClauseRecord, Metadata
from ..numbering.styles import number_key
from ..support.escaping import html_text
from .sequences import longest_increasing, opcodes, ratio

ADDED = "added"
REMOVED = "removed"
MOVED = "moved"
RENUMBERED = "renumbered"
AMENDED = "amended"
UNCHANGED = "unchanged"
STATUSES = (UNCHANGED, AMENDED, RENUMBERED, MOVED, ADDED, REMOVED)

MIN_SIMILARITY = 0.5  # word-set Jaccard needed to pair clauses found anywhere
MIN_SIMILARITY_IN_PLACE = 0.3  # ...and when the clause sits where the old one stood
MIN_SHARED_FOR_SAME_NUMBER = 0.25  # share of the longer clause's words, to pair by number
MIN_WORDS_FOR_UNIQUE_PAIRING = 3  # shorter identical texts are paired by place instead
SR_CLASS = "cm-sr"  # visually hidden label read out by screen readers

_PARENT_BONUS = 0.1
_IN_PLACE_BONUS = 0.1
_CHILDREN_BONUS = 0.3
_CANDIDATES_PER_CLAUSE = 12
_NEARBY = 3
_COMMON_FEATURE = 40  # word pairs in more old clauses than this do not pick candidates
_EXACT_LCS_CELLS = 40_000


@dataclass(frozen=True)
class ClauseChange:
    """One clause of the comparison: its old and new form and what happened between them."""

    status: str
    old: ClauseRecord | None
    new: ClauseRecord | None
    amended: bool = False
    presentation_only: bool = False
    similarity: float = 0.0  # share of the wording kept, 1.0 when the wording is the same
    moved: bool = False

    @property
    def renumbered(self) -> bool:
        return self.old is not None and self.new is not None and _renumbered(self.old, self.new)

    @property
    def old_anchor(self) -> str | None:
        return self.old.anchor if self.old else None

    @property
    def new_anchor(self) -> str | None:
        return self.new.anchor if self.new else None


@dataclass(frozen=True)
class DocumentDiff:
    """Every clause of both versions, in new reading order, removed ones where they stood."""

    changes: list[ClauseChange]
    counts: dict[str, int]
    metadata_changes: dict[str, tuple[object, object]] = field(default_factory=dict)


# --- normalisation -------------------------------------------------------------------

_PRESENTATION = str.maketrans(
    {
        **dict.fromkeys("\"'‘’‚‛“”„‟′″`´«»‹›", "'"),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
        "…": "...",
    }
)
_SPACES = re.compile(r"\s+")
_SPACED_DASH = re.compile(r" ?- ?")
_SPACE_BEFORE_CLOSING = re.compile(r" (?=[,.;:!?)\]])")
_SPACE_AFTER_OPENING = re.compile(r"(?<=[(\[]) ")
_HALF_BRACKETED_MARKER = re.compile(r"(?<![\w(])\(?([a-z]{1,4}|\d{1,3})\)")
_FINAL_PUNCTUATION = re.compile(r"[.;,:]$")
_WORD = re.compile(r"\w+")
_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")


def presentation_form(text: str) -> str:
    """The wording with presentation removed, so that only real edits tell two texts apart.

    Quotes become one quote, dashes one dash with no spaces round it, runs of
    whitespace one space, no space before closing or after opening punctuation,
    'a)' becomes '(a)', and a final full stop, semicolon, comma or colon goes.
    Case is kept: "council" to "Council" is an edit.
    """
    text = _SPACES.sub(" ", text.translate(_PRESENTATION)).strip()
    text = _SPACED_DASH.sub("-", text)
    text = _SPACE_BEFORE_CLOSING.sub("", text)
    text = _SPACE_AFTER_OPENING.sub("", text)
    text = _HALF_BRACKETED_MARKER.sub(r"(\1)", text)
    return _FINAL_PUNCTUATION.sub("", text)


def _renumbered(old: ClauseRecord, new: ClauseRecord) -> bool:
    return old.anchor.casefold() != new.anchor.casefold() or number_key(old.number) != number_key(
        new.number
    )


def _shared(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the longer text's distinct words that the other text also has."""
    longer = max(len(a), len(b))
    return len(a & b) / longer if longer else 1.0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


class _Version:
    """One version's clauses with what matching needs precomputed."""

    def __init__(self, records: list[ClauseRecord]):
        self.records = records
        self.forms = [presentation_form(r.text) for r in records]
        self.keys = [form.casefold() for form in self.forms]
        self.words = [_WORD.findall(key) for key in self.keys]
        self.word_sets = [frozenset(words) for words in self.words]
        position: dict[str, int] = {}
        for index, record in enumerate(records):
            position.setdefault(record.anchor, index)
        self.parents = [position.get(r.parent) if r.parent else None for r in records]
        self.children: dict[int, list[int]] = defaultdict(list)
        for index, parent in enumerate(self.parents):
            if parent is not None:
                self.children[parent].append(index)
        self.by_anchor: dict[tuple[str, str], int] = {}
        for index, record in enumerate(records):
            if record.number:
                self.by_anchor.setdefault(self._anchor_key(record), index)

    @staticmethod
    def _anchor_key(record: ClauseRecord) -> tuple[str, str]:
        return record.anchor.casefold(), number_key(record.number)

    def numbered_twin(self, record: ClauseRecord) -> int | None:
        """The clause printed with the same number under the same anchor, if any."""
        return self.by_anchor.get(self._anchor_key(record)) if record.number else None

    def features(self, index: int) -> set[str]:
        """Word pairs (single words for very short texts): what the candidate index keys on."""
        words = self.words[index]
        if len(words) < 3:
            return set(words)
        return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}

    def __len__(self) -> int:
        return len(self.records)


class _Matching:
    def __init__(self, old: _Version, new: _Version):
        self.old = old
        self.new = new
        self.old_to_new: dict[int, int] = {}
        self.new_to_old: dict[int, int] = {}

    def pair(self, old_index: int, new_index: int) -> None:
        self.old_to_new[old_index] = new_index
        self.new_to_old[new_index] = old_index

    def unmatched_old(self) -> list[int]:
        return [i for i in range(len(self.old)) if i not in self.old_to_new]

    def unmatched_new(self) -> list[int]:
        return [j for j in range(len(self.new)) if j not in self.new_to_old]

    def backbone(self) -> _Backbone:
        return _Backbone(self.new_to_old)

    def parents_correspond(self, old_index: int, new_index: int) -> bool:
        old_parent = self.old.parents[old_index]
        new_parent = self.new.parents[new_index]
        if old_parent is None or new_parent is None:
            return old_parent is None and new_parent is None
        return self.new_to_old.get(new_parent) == old_parent


class _Backbone:
    """The longest run of matches that keeps reading order; everything else has moved.

    Between two consecutive backbone matches lies a "stretch": the unmatched old
    and new clauses there stood in the same place.
    """

    def __init__(self, new_to_old: Mapping[int, int]):
        pairs = sorted(new_to_old.items())
        kept = longest_increasing(pairs)
        self.new_positions = [j for j, _ in kept]
        self.old_positions = [i for _, i in kept]
        self.members = set(self.new_positions)

    def stretch(self, new_index: int, old_count: int) -> tuple[int, int, int]:
        """(old lower bound, old upper bound, new lower bound), bounds exclusive."""
        k = bisect_left(self.new_positions, new_index)
        old_low = self.old_positions[k - 1] if k else -1
        new_low = self.new_positions[k - 1] if k else -1
        old_high = self.old_positions[k] if k < len(self.old_positions) else old_count
        return old_low, old_high, new_low

    def stretches(self, old_count: int, new_count: int) -> Iterable[tuple[range, range]]:
        bounds = list(zip(self.old_positions, self.new_positions, strict=True))
        previous_old, previous_new = -1, -1
        for old_index, new_index in [*bounds, (old_count, new_count)]:
            yield range(previous_old + 1, old_index), range(previous_new + 1, new_index)
            previous_old, previous_new = old_index, new_index


# --- matching ------------------------------------------------------------------------


def _pair_unique_identical(match: _Matching) -> None:
    old_groups: dict[str, list[int]] = defaultdict(list)
    new_groups: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(match.old.keys):
        old_groups[key].append(index)
    for index, key in enumerate(match.new.keys):
        new_groups[key].append(index)
    for key, new_indexes in new_groups.items():
        old_indexes = old_groups.get(key, [])
        unique = len(old_indexes) == 1 == len(new_indexes)
        if unique and len(match.old.words[old_indexes[0]]) >= MIN_WORDS_FOR_UNIQUE_PAIRING:
            match.pair(old_indexes[0], new_indexes[0])


def _pair_identical_in_place(match: _Matching) -> None:
    backbone = match.backbone()
    for old_range, new_range in backbone.stretches(len(match.old), len(match.new)):
        old_free = [i for i in old_range if i not in match.old_to_new]
        new_free = [j for j in new_range if j not in match.new_to_old]
        if not old_free or not new_free:
            continue
        old_keys = [match.old.keys[i] for i in old_free]
        new_keys = [match.new.keys[j] for j in new_free]
        for a, b in _common_in_order(old_keys, new_keys):
            i, j = old_free[a], new_free[b]
            agreement = _children_agreement(match, j)
            if not agreement or i in agreement:
                match.pair(i, j)


def _common_in_order(old_keys: list[str], new_keys: list[str]) -> list[tuple[int, int]]:
    """Positions of a longest common subsequence: exact for small stretches, else difflib's.

    difflib takes the longest block first, which can strand a repeated text
    (A B A B against A A B); the exact table costs len(old) * len(new), so only
    stretches of modest size get it.
    """
    if len(old_keys) * len(new_keys) > _EXACT_LCS_CELLS:
        matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        return [
            (block.a + k, block.b + k)
            for block in matcher.get_matching_blocks()
            for k in range(block.size)
        ]
    rows, cols = len(old_keys), len(new_keys)
    longest = [[0] * (cols + 1) for _ in range(rows + 1)]
    for a in range(rows - 1, -1, -1):
        below, here = longest[a + 1], longest[a]
        for b in range(cols - 1, -1, -1):
            if old_keys[a] == new_keys[b]:
                here[b] = below[b + 1] + 1
            else:
                here[b] = max(below[b], here[b + 1])
    pairs = []
    a = b = 0
    while a < rows and b < cols:
        if old_keys[a] == new_keys[b] and longest[a][b] == longest[a + 1][b + 1] + 1:
            pairs.append((a, b))
            a, b = a + 1, b + 1
        elif longest[a + 1][b] >= longest[a][b + 1]:
            a += 1
        else:
            b += 1
    return pairs


def _children_agreement(match: _Matching, new_index: int) -> dict[int, float]:
    """Old clauses whose sub-clauses are already matched to this clause's, and how many.

    An introduction such as "Officers can expect from members:" may recur many times;
    its items tell the copies apart.
    """
    children = match.new.children.get(new_index)
    if not children:
        return {}
    parents = Counter(
        match.old.parents[match.new_to_old[child]]
        for child in children
        if child in match.new_to_old
    )
    return {
        i: shared / max(len(children), len(match.old.children.get(i, ())))
        for i, shared in parents.items()
        if i is not None
    }


def _pair_similar(match: _Matching, new_indexes: list[int], old_indexes: list[int]) -> None:
    """Pair by wording similarity, candidates drawn from an index, best pairs first.

    Candidates for a new clause: the old clauses sharing the most uncommon word
    pairs with it, the free old clauses standing where it stands, the free children
    of its parent's counterpart, and old clauses holding its matched sub-clauses.
    Each pair is scored by word-set Jaccard plus bonuses for standing in place,
    for matching parents and for agreeing sub-clauses, then taken best first.
    """
    if not new_indexes or not old_indexes:
        return
    old, new = match.old, match.new
    index: dict[str, list[int]] = defaultdict(list)
    for i in old_indexes:
        for feature in old.features(i):
            index[feature].append(i)
    free_old = sorted(old_indexes)
    free_set = set(old_indexes)
    backbone = match.backbone()
    scored = []
    for j in new_indexes:
        shared: Counter[int] = Counter()
        for feature in new.features(j):
            posting = index.get(feature)
            if posting and len(posting) <= _COMMON_FEATURE:
                shared.update(posting)
        candidates = {i for i, _ in shared.most_common(_CANDIDATES_PER_CLAUSE)}
        old_low, old_high, new_low = backbone.stretch(j, len(old))
        expected = old_low + (j - new_low)
        k = bisect_left(free_old, expected)
        candidates.update(
            i for i in free_old[max(0, k - _NEARBY) : k + _NEARBY] if old_low < i < old_high
        )
        new_parent = new.parents[j]
        if new_parent in match.new_to_old:
            candidates.update(old.children.get(match.new_to_old[new_parent], []))
        agreement = _children_agreement(match, j)
        candidates.update(agreement)
        for i in candidates & free_set:
            similarity = _jaccard(old.word_sets[i], new.word_sets[j])
            in_place = old_low < i < old_high
            agreeing = agreement.get(i, 0.0)
            vouched = in_place or agreeing >= 0.5
            if similarity < (MIN_SIMILARITY_IN_PLACE if vouched else MIN_SIMILARITY):
                continue
            score = similarity + _CHILDREN_BONUS * agreeing
            if in_place:
                score += _IN_PLACE_BONUS
            if match.parents_correspond(i, j):
                score += _PARENT_BONUS
            distance = abs((i - old_low) - (j - new_low))
            scored.append((-score, distance, j, i))
    scored.sort()
    for _, _, j, i in scored:
        if i not in match.old_to_new and j not in match.new_to_old:
            match.pair(i, j)


def _pair_similar_by_level(match: _Matching) -> None:
    depths = sorted({r.depth for r in match.new.records})
    for depth in depths:
        new_free = [j for j in match.unmatched_new() if match.new.records[j].depth == depth]
        old_free = [i for i in match.unmatched_old() if match.old.records[i].depth == depth]
        _pair_similar(match, new_free, old_free)
    _pair_similar(match, match.unmatched_new(), match.unmatched_old())


def _pair_same_number_in_place(match: _Matching) -> None:
    backbone = match.backbone()
    for j in match.unmatched_new():
        i = match.old.numbered_twin(match.new.records[j])
        if i is None or i in match.old_to_new:
            continue
        old_low, old_high, _ = backbone.stretch(j, len(match.old))
        shared = _shared(match.old.word_sets[i], match.new.word_sets[j])
        if old_low < i < old_high and shared >= MIN_SHARED_FOR_SAME_NUMBER:
            match.pair(i, j)


def _match(old: _Version, new: _Version) -> _Matching:
    match = _Matching(old, new)
    _pair_unique_identical(match)
    _pair_identical_in_place(match)
    _pair_similar_by_level(match)
    _pair_same_number_in_place(match)
    return match


# --- comparison ----------------------------------------------------------------------


def _wording_kept(old_form: str, new_form: str) -> float:
    if old_form == new_form:
        return 1.0
    return round(ratio(_WORD_OR_MARK.findall(old_form), _WORD_OR_MARK.findall(new_form)), 4)


def _compare(match: _Matching, i: int, j: int, moved: bool) -> ClauseChange:
    old_record, new_record = match.old.records[i], match.new.records[j]
    old_form, new_form = match.old.forms[i], match.new.forms[j]
    amended = old_form != new_form
    presentation_only = not amended and (
        old_record.text != new_record.text or (old_record.number or "") != (new_record.number or "")
    )
    if moved:
        status = MOVED
    elif _renumbered(old_record, new_record):
        status = RENUMBERED
    elif amended:
        status = AMENDED
    else:
        status = UNCHANGED
    return ClauseChange(
        status=status,
        old=old_record,
        new=new_record,
        amended=amended,
        presentation_only=presentation_only,
        similarity=_wording_kept(old_form, new_form),
        moved=moved,
    )


def _as_mapping(meta: Mapping | Metadata) -> Mapping:
    if isinstance(meta, Mapping):
        return meta
    return asdict(meta)


def metadata_changes(
    old_meta: Mapping | Metadata | None, new_meta: Mapping | Metadata | None
) -> dict[str, tuple[object, object]]:
    """Fields whose value differs, as field -> (old, new); a missing field counts as None.

    Accepts dicts or `Metadata` objects. Nothing is reported unless both sides are given.
    """
    if old_meta is None or new_meta is None:
        return {}
    old_map, new_map = _as_mapping(old_meta), _as_mapping(new_meta)
    changes = {}
    for key in sorted(set(old_map) | set(new_map)):
        before, after = old_map.get(key), new_map.get(key)
        if before != after:
            changes[key] = (before, after)
    return changes


def diff_clauses(
    old: list[ClauseRecord],
    new: list[ClauseRecord],
    old_meta: Mapping | Metadata | None = None,
    new_meta: Mapping | Metadata | None = None,
) -> DocumentDiff:
    """Match the clauses of two versions and say what happened to each (see module doc)."""
    return diff_prepared(prepared(old), prepared(new), old_meta, new_meta)


def prepared(records: list[ClauseRecord]) -> _Version:
    """A version's clauses with what matching reads of them (each text's presentation
    form, words and word set): made once for a version diffed with both neighbours."""
    return _Version(records)


def diff_prepared(
    old_version: _Version,
    new_version: _Version,
    old_meta: Mapping | Metadata | None = None,
    new_meta: Mapping | Metadata | None = None,
) -> DocumentDiff:
    """`diff_clauses` of two `prepared` versions."""
    old, new = old_version.records, new_version.records
    match = _match(old_version, new_version)
    backbone = match.backbone()
    placed: list[tuple[tuple[int, int, int], ClauseChange]] = []
    for j, record in enumerate(new):
        i = match.new_to_old.get(j)
        if i is None:
            change = ClauseChange(ADDED, None, record)
        else:
            change = _compare(match, i, j, moved=j not in backbone.members)
        placed.append(((j, 0, 0), change))
    kept_old = dict(zip(backbone.old_positions, backbone.new_positions, strict=True))
    anchor_new = -1
    for i, record in enumerate(old):
        if i in kept_old:
            anchor_new = kept_old[i]
        elif i not in match.old_to_new:
            placed.append(((anchor_new, 1, i), ClauseChange(REMOVED, record, None)))
    placed.sort(key=lambda item: item[0])
    changes = [change for _, change in placed]
    counts = dict.fromkeys(STATUSES, 0)
    for change in changes:
        counts[change.status] += 1
    return DocumentDiff(changes, counts, metadata_changes(old_meta, new_meta))


def diff_to_json(diff: DocumentDiff) -> dict:
    """The comparison as plain JSON data: the documented exchange format for a version diff.

    Shape::

        {
          "format": "clausemark-diff",
          "version": 1,
          "counts": {"unchanged": int, "amended": int, "renumbered": int,
                     "moved": int, "added": int, "removed": int},
          "metadata_changes": {field: {"old": value, "new": value}, ...},
          "clauses": [
            {
              "status": "unchanged" | "amended" | "renumbered" | "moved" | "added" | "removed",
              "old_number": str | null,  "old_anchor": str | null,
              "new_number": str | null,  "new_anchor": str | null,
              "amended": bool,            # the wording changed
              "renumbered": bool,         # the number or anchor changed
              "moved": bool,              # out of the order the other clauses keep
              "presentation_only": bool,  # differs only in quotes, dashes, spacing...
              "similarity": float         # share of wording kept, 0..1 (0 if unmatched)
            }, ...
          ]
        }

    `clauses` is in new reading order, removed clauses where they stood. Numbers are
    as printed; anchors are the ids that links use. A clause present in only one
    version has null for the other side.
    """
    clauses = []
    for change in diff.changes:
        clauses.append(
            {
                "status": change.status,
                "old_number": change.old.number if change.old else None,
                "old_anchor": change.old_anchor,
                "new_number": change.new.number if change.new else None,
                "new_anchor": change.new_anchor,
                "amended": change.amended,
                "renumbered": change.renumbered,
                "moved": change.moved,
                "presentation_only": change.presentation_only,
                "similarity": change.similarity,
            }
        )
    return {
        "format": "clausemark-diff",
        "version": 1,
        "counts": dict(diff.counts),
        "metadata_changes": {
            key: {"old": before, "new": after}
            for key, (before, after) in diff.metadata_changes.items()
        },
        "clauses": clauses,
    }


def anchor_moves(diff: DocumentDiff) -> dict[str, str | None]:
    """Where every old anchor went: its new anchor (itself if unchanged), None if removed.

    Pages use this so that an old link (#sec_3__para_3-3) still lands on the clause it
    meant after the clause became 3.4.
    """
    return {change.old.anchor: change.new_anchor for change in diff.changes if change.old}


# --- redline -------------------------------------------------------------------------

# A number with dots, commas or colons inside ("2.3", "7.30pm", "1,000", "10:30") is one
# token: split at its dot, "para 2.3" -> "2.4" was redlined "2.[-3-]{+4+}", read as "2.34".
_REDLINE_TOKEN = re.compile(r"\s+|\d+(?:[.,:]\d+)+\w*|\w+(?:['’]\w+)*|[^\w\s]")


def redline(old_text: str, new_text: str) -> list[tuple[str, str]]:
    """Word-level edits turning old into new, as ("equal" | "delete" | "insert", text).

    Joining the equal and insert parts gives the new text exactly; the equal and
    delete parts give the old text up to the width of its spaces, since a change of
    spacing alone is not an edit (equal parts carry the new spacing). Spaces and
    punctuation standing alone between two edits are folded into them, so a
    reworded phrase reads as one deletion and one insertion, not word by word.
    """
    old_tokens = _REDLINE_TOKEN.findall(old_text)
    new_tokens = _REDLINE_TOKEN.findall(new_text)
    raw: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in opcodes(_spacing_blind(old_tokens), _spacing_blind(new_tokens)):
        if tag == "equal":
            raw.append(("equal", "".join(new_tokens[j1:j2])))
            continue
        if i2 > i1:
            raw.append(("delete", "".join(old_tokens[i1:i2])))
        if j2 > j1:
            raw.append(("insert", "".join(new_tokens[j1:j2])))
    return _group_edits(raw)


def _spacing_blind(tokens: list[str]) -> list[str]:
    return [" " if token.isspace() else token for token in tokens]


def _group_edits(raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    grouped: list[tuple[str, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            grouped.append(("delete", "".join(deleted)))
        if inserted:
            grouped.append(("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for position, (op, text) in enumerate(raw):
        if op == "delete":
            deleted.append(text)
        elif op == "insert":
            inserted.append(text)
        elif (
            (deleted or inserted)
            and not _WORD.search(text)
            and position + 1 < len(raw)
            and raw[position + 1][0] != "equal"
        ):
            deleted.append(text)
            inserted.append(text)
        else:
            flush()
            grouped.append((op, text))
    flush()
    return grouped


@lru_cache(maxsize=4096)  # a change's redline is on its changes page and its review page
def redline_html(old_text: str, new_text: str) -> str:
    """The redline as HTML: <del> and <ins>, each opened by a label for screen readers.

    Strike-through and underline (the browser's defaults for del and ins) carry the
    meaning without colour; the `cm-sr` label, hidden visually by the stylesheet,
    says "deleted:" / "inserted:" aloud. All text is escaped.
    """
    parts = []
    for op, text in redline(old_text, new_text):
        escaped = html_text(text)
        if op == "delete":
            parts.append(f'<del><span class="{SR_CLASS}">deleted: </span>{escaped}</del>')
        elif op == "insert":
            parts.append(f'<ins><span class="{SR_CLASS}">inserted: </span>{escaped}</ins>')
        else:
            parts.append(escaped)
    return "".join(parts)


# --- the one summary: the changes page and `clausemark diff` both say it -------------

COUNT_LABELS = (
    ("added", "added"),
    ("removed", "removed"),
    ("amended", "amended"),
    ("renumbered", "renumbered"),
    ("moved", "moved"),
    ("unchanged", "unchanged"),
)


def change_words(change: ClauseChange) -> str:
    """How one change is named: its status and its flags ("renumbered and amended")."""
    words = [change.status]
    if change.amended and change.status != AMENDED:
        words.append("amended")
    if change.status not in (RENUMBERED, ADDED, REMOVED) and change.renumbered:
        words.append("renumbered")
    if change.old and change.new and not change.amended and change.old.text != change.new.text:
        words.append("presentation only")
    return " and ".join(words)


def presentation_only_count(diff: DocumentDiff) -> int:
    """Clauses whose printed text changed only in presentation (quotes, dashes, spacing)."""
    return sum(
        1
        for change in diff.changes
        if change.old and change.new and not change.amended and change.old.text != change.new.text
    )


def also_amended(diff: DocumentDiff, status: str) -> int:
    """Changes of `status` (renumbered, moved) whose wording changed too."""
    return sum(1 for c in diff.changes if c.status == status and c.amended and status != AMENDED)


def counts_line(diff: DocumentDiff) -> str:
    """The summary in one line: each status counted once, with those also amended."""
    parts = []
    for key, label in COUNT_LABELS:
        part = f"{diff.counts.get(key, 0)} {label}"
        if also_amended(diff, key):
            part += f" ({also_amended(diff, key)} also amended)"
        parts.append(part)
    parts.append(f"{presentation_only_count(diff)} changed in presentation only")
    return ", ".join(parts)
