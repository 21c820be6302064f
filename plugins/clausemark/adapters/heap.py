"""Python's garbage collector kept off a build's long-lived objects.

At each full collection the collector walks every container object it tracks; at 10x
the example a build holds some 300,000 (the converted documents, the site index, the
menu), and rendering 431 pages runs a dozen full collections, each walking them all.
Frozen (`gc.freeze`) they are left out of those walks. Nothing is lost or kept longer:
a frozen object is still freed when its last reference goes, and everything is
unfrozen when the build ends. Under `mkdocs serve` a thread then collects the finished
build's garbage and freezes what is left (the plugin's memory) while the server waits
for the next save, so the next rebuild's collections walk only what it makes.

A process where something else froze objects (the test suite, after collecting) is left
as it is.
"""

from __future__ import annotations

import gc
import threading


class Heap:
    def __init__(self) -> None:
        self.owned = False  # the frozen objects are this build's (nobody else froze any)
        self.settling: threading.Thread | None = None

    def freeze(self) -> None:
        """Freeze what the build has made so far (its model: the pages are rendered next)."""
        self._wait()
        if self.owned or gc.get_freeze_count() == 0:
            gc.freeze()
            self.owned = True

    def after_build(self, serving: bool) -> None:
        """A build ended: unfreeze; when serving, collect and freeze again in a thread."""
        self._wait()
        if not self.owned:
            return
        if not serving:
            self.release()
            return
        self.settling = threading.Thread(target=_collect_and_freeze, daemon=True)
        self.settling.start()

    def release(self) -> None:
        """Unfreeze everything this build froze (a failed build, the server stopping)."""
        self._wait()
        if self.owned:
            gc.unfreeze()
            self.owned = False

    def _wait(self) -> None:
        if self.settling is not None:
            self.settling.join()
            self.settling = None


def _collect_and_freeze() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()
