"""review7 R5: a line holding many numbers that could each come next, none standing
after a sentence's end ('... and see 2. The rule and see 2. The rule ...'), is read in
time linear in the line: each number's word before it is read from a window, never
from a copy of all the line before it (the whole conversion took 0.18 / 0.44 / 1.51 s
of CPU at 10,000 / 20,000 / 40,000 such numbers before)."""

from __future__ import annotations

from clausemark.parse.run_together import split_run_together
from clausemark.parse.units import Unit
from hostile_files import assert_linear_cpu


def _flow(n: int) -> list:
    first = Unit(1, 0, "Start " + "and see 2. The rule " * n)
    first.number, first.styles = "1.", ("integer",)
    last = Unit(3, 0, "End.")
    last.number, last.styles = "3.", ("integer",)
    return [first, last]


def _split(n: int) -> list:
    return split_run_together(_flow(n))


def test_a_line_of_many_numbers_that_could_come_next_is_read_in_linear_time():
    assert_linear_cpu(_split, 20_000, 40_000)
    kept = _split(20_000)
    assert len(kept) == 2 and kept[0].text.count("and see 2. The rule") == 20_000
