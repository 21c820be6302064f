"""The one n-and-2n measure every linear-time test uses (hostile_files.cpu_times): it
must tell linear work from quadratic on a busy machine, so each size is timed over a
window of equal work and at least WINDOW CPU seconds."""

from __future__ import annotations

import fast_loop
import pytest
from hostile_files import RATIO_LIMIT, WINDOW, assert_linear_cpu, cpu_times


def _linear(n: object) -> int:
    assert isinstance(n, int)
    return sum(range(n))


def _quadratic(n: object) -> int:
    assert isinstance(n, int)
    return sum(sum(range(i)) for i in range(n))


def test_each_size_is_timed_over_an_equal_window_of_at_least_the_least_cpu():
    """A call of a few milliseconds is repeated: the small size twice as often as the
    large, so both windows hold the same work and are hit alike by a busy host."""
    timing = cpu_times(_linear, 20_000, 40_000, repeats=1)
    least = fast_loop.size(*WINDOW)
    assert timing.calls[0] == 2 * timing.calls[1] > 2
    assert min(timing.windows) >= 0.8 * least, timing.windows
    assert timing.ratio < RATIO_LIMIT, (timing, timing.windows)


@pytest.mark.build  # about 2 CPU s of timed windows: runs with the builds
def test_quadratic_work_fails_and_linear_work_passes():
    with pytest.raises(AssertionError, match="ratio [3-9]"):
        assert_linear_cpu(_quadratic, 400, 800, repeats=1, most_repeats=1)
    assert assert_linear_cpu(_linear, 20_000, 40_000, repeats=1).windows[1] > 0
