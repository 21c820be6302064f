"""Two sequences of words matched in time that grows with their length, not its cube.

difflib's SequenceMatcher finds the longest matching block, then does so again on each
side of it; each search looks at every position of each word of one side in the other.
In a clause whose words repeat (and between every two words stands a space, the most
repeated token of all) that is the square of the length for each block found, so a
long clause reworded throughout costs the cube: 1,000 words took 4 s of CPU, 2,000 took
33 s (attack12, session 11). Texts as short as nearly every clause are still matched by
difflib itself, so their redlines are exactly as before; a longer pair is first cut
where it agrees - its common start and end, then the words that occur once on each
side, in an order both keep (patience diff) - and difflib matches each stretch between
those once it is short. A long stretch with no such word left (after `_MOST_ROUNDS`
rounds of cutting) is cut into pieces of `_BAND` tokens a side, each matched with its
counterpart (`_banded`): every word is still shown, kept, deleted or inserted, and the
work stays bounded.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Sequence
from difflib import SequenceMatcher

# Cells (len(a) * len(b)) difflib is given at once: 200 tokens a side (a 100-word
# clause with its spaces) costs it a few milliseconds at worst.
_DIFFLIB_CELLS = 40_000
_MOST_ROUNDS = 8  # rounds of cutting at unique words within one stretch
_BAND = 200  # tokens a side of each piece of a long stretch with no unique word

Block = tuple[int, int, int]  # (start in a, start in b, length), as difflib's Match


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Block]:
    """The runs of `a` and `b` that match, in order, as difflib's get_matching_blocks
    gives them (adjacent runs joined, ending with the sentinel (len(a), len(b), 0))."""
    found: list[Block] = []
    _match(a, 0, len(a), b, 0, len(b), found, 0)
    joined: list[Block] = []
    for i, j, size in found:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            start_i, start_j, length = joined[-1]
            joined[-1] = (start_i, start_j, length + size)
        elif size:
            joined.append((i, j, size))
    joined.append((len(a), len(b), 0))
    return joined


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """The edits turning `a` into `b`, as difflib's get_opcodes gives them."""
    answer = []
    i = j = 0
    for start_a, start_b, size in matching_blocks(a, b):
        if i < start_a and j < start_b:
            answer.append(("replace", i, start_a, j, start_b))
        elif i < start_a:
            answer.append(("delete", i, start_a, j, start_b))
        elif j < start_b:
            answer.append(("insert", i, start_a, j, start_b))
        i, j = start_a + size, start_b + size
        if size:
            answer.append(("equal", start_a, i, start_b, j))
    return answer


def ratio(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """How much of the two sequences match, 0 to 1, as difflib's ratio()."""
    if not a and not b:
        return 1.0
    matched = sum(size for _i, _j, size in matching_blocks(a, b))
    return 2.0 * matched / (len(a) + len(b))


def _match(a, low_a: int, high_a: int, b, low_b: int, high_b: int, found: list, rounds: int):
    if (high_a - low_a) * (high_b - low_b) <= _DIFFLIB_CELLS:
        _difflib(a, low_a, high_a, b, low_b, high_b, found)
        return
    head = 0
    while low_a + head < high_a and low_b + head < high_b and a[low_a + head] == b[low_b + head]:
        head += 1
    if head:
        found.append((low_a, low_b, head))
        low_a, low_b = low_a + head, low_b + head
    tail = 0
    while (
        high_a - tail > low_a
        and high_b - tail > low_b
        and a[high_a - 1 - tail] == b[high_b - 1 - tail]
    ):
        tail += 1
    end_a, end_b = high_a - tail, high_b - tail
    if low_a < end_a and low_b < end_b:
        if (end_a - low_a) * (end_b - low_b) <= _DIFFLIB_CELLS:
            _difflib(a, low_a, end_a, b, low_b, end_b, found)
        else:
            unique = []
            if rounds < _MOST_ROUNDS:
                unique = _unique_in_order(a, low_a, end_a, b, low_b, end_b)
            if not unique:
                _banded(a, low_a, end_a, b, low_b, end_b, found)
            at_a, at_b = low_a, low_b
            for i, j in unique:
                _match(a, at_a, i, b, at_b, j, found, rounds + 1)
                found.append((i, j, 1))
                at_a, at_b = i + 1, j + 1
            if unique:
                _match(a, at_a, end_a, b, at_b, end_b, found, rounds + 1)
    if tail:
        found.append((end_a, end_b, tail))


def _difflib(a, low_a: int, high_a: int, b, low_b: int, high_b: int, found: list) -> None:
    matcher = SequenceMatcher(None, a[low_a:high_a], b[low_b:high_b], autojunk=False)
    found.extend((low_a + i, low_b + j, size) for i, j, size in matcher.get_matching_blocks())


def _banded(a, low_a: int, high_a: int, b, low_b: int, high_b: int, found: list) -> None:
    """A long stretch with no word found once on each side, cut into as many pieces a
    side as make each pair of pieces short for difflib, the k-th piece of one matched
    with the k-th of the other: a stretch reworded in place (the usual edit) is matched
    word by word; one with words moved far is shown with more deleted and inserted."""
    length_a, length_b = high_a - low_a, high_b - low_b
    pieces = -(-max(length_a, length_b) // _BAND)
    for k in range(pieces):
        _difflib(
            a,
            low_a + length_a * k // pieces,
            low_a + length_a * (k + 1) // pieces,
            b,
            low_b + length_b * k // pieces,
            low_b + length_b * (k + 1) // pieces,
            found,
        )


def _unique_in_order(a, low_a: int, high_a: int, b, low_b: int, high_b: int) -> list:
    """(i, j) of the tokens found exactly once in each stretch, the longest run of them
    whose order both sides keep (longest increasing subsequence, by patience sorting)."""
    in_a = Counter(a[low_a:high_a])
    in_b = Counter(b[low_b:high_b])
    where_b = {b[j]: j for j in range(low_b, high_b) if in_b[b[j]] == 1}
    pairs = [
        (i, where_b[a[i]]) for i in range(low_a, high_a) if in_a[a[i]] == 1 and a[i] in where_b
    ]
    return longest_increasing(pairs)


def longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of (i, j) pairs whose j increase, by patience sorting in
    n log n: one home for the word diff's anchors and the version diff's kept clauses."""
    tails: list[int] = []  # the j ending the best run of each length
    tail_at: list[int] = []  # index into pairs of that run's last pair
    previous = [-1] * len(pairs)  # each pair's predecessor in its run (-1: none)
    for index, (_i, j) in enumerate(pairs):
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_at.append(index)
        else:
            tails[length], tail_at[length] = j, index
        previous[index] = tail_at[length - 1] if length else -1
    run = []
    index = tail_at[-1] if tail_at else -1
    while index != -1:
        run.append(pairs[index])
        index = previous[index]
    return run[::-1]
