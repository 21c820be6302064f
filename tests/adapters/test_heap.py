"""The build's objects are frozen out of the collector's walks while it renders, and
nothing stays frozen, or uncollected, after it (adapters/heap.py)."""

from __future__ import annotations

import gc
import weakref

import pytest
from clausemark.adapters.heap import Heap


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def unfrozen():
    """A process where nothing is frozen (the suite freezes what it collected: put back)."""
    gc.unfreeze()
    yield
    gc.freeze()


def test_a_build_freezes_its_model_and_unfreezes_it_at_the_end(unfrozen):
    heap = Heap()
    heap.freeze()
    assert gc.get_freeze_count() > 0
    heap.after_build(serving=False)
    assert gc.get_freeze_count() == 0


def test_a_served_build_collects_its_garbage_and_freezes_what_is_left(unfrozen):
    heap = Heap()
    garbage = _Cycle()
    gone = weakref.ref(garbage)
    heap.freeze()  # the cycle is frozen with the model
    del garbage
    heap.after_build(serving=True)  # a thread unfreezes, collects and freezes again
    heap.freeze()  # the next build waits for it first
    assert gone() is None
    assert gc.get_freeze_count() > 0
    heap.release()  # the server stops
    assert gc.get_freeze_count() == 0


def test_objects_another_froze_are_left_alone(unfrozen):
    gc.freeze()
    frozen = gc.get_freeze_count()
    heap = Heap()
    heap.freeze()
    heap.after_build(serving=True)
    heap.release()
    assert gc.get_freeze_count() == frozen
