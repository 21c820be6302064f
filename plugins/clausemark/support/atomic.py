"""The one way clausemark writes a file: whole or not at all.

A reader (a browser, `mkdocs serve`, the next build) never sees half a file: the data goes
to a temporary file beside the target, which then replaces it in one step. A failure at
any point, a full disk or an interrupt, leaves the old file as it was and no temporary.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write to; on success it becomes `path`, with the permissions a
    plain write would give (mkstemp makes 0600 files)."""
    path = Path(path)
    # Short, so that a target whose name is near the system's limit still has a temporary.
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name[:32]}.", suffix=".tmp"
    )
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write text (as UTF-8) or bytes to `path`, whole or not at all."""
    with replacing(path) as temporary:
        if isinstance(data, str):
            temporary.write_text(data, encoding="utf-8")
        else:
            temporary.write_bytes(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
