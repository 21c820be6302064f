"""A built site is replaced whole or not at all.

The build writes into a fresh folder beside the site (`.site.partial-<pid>`), and only a
build that succeeded (under `--strict`, with no warning) swaps it in: the old site is
renamed away (`.site.old-<pid>`), the new one renamed into its place, and the old one
deleted. A build that fails, is stopped by `--strict` or is killed (SIGKILL included)
leaves the last good site as it was. What a killed build left beside it is cleared by
the next build; a build killed between the two renames left the old site under its
`.old` name, and the next build puts it back first.

MkDocs keeps a site's hidden entries (`.git`, `.nojekyll`) when it empties the folder;
the swap carries them over into the new site the same way.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?P<kind>partial|old)-(?P<pid>\d+)")


def _beside(final: Path, kind: str, pid: int | None = None) -> Path:
    return final.parent / f".{final.name}.{kind}-{os.getpid() if pid is None else pid}"


def target(site_dir: str | os.PathLike) -> Path:
    """The folder a site lives in, through a symbolic link to it (a web server's folder)."""
    return Path(os.path.realpath(os.path.abspath(site_dir)))


def begin(final: Path) -> Path:
    """Clear what killed builds left beside `final`, then make a fresh folder to build in."""
    final.parent.mkdir(parents=True, exist_ok=True)
    recover(final)
    partial = _beside(final, "partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    return partial


def recover(final: Path) -> None:
    """Put back an old site a killed swap left renamed away; remove every other leftover
    of a build that is no longer running."""
    for leftover in sorted(final.parent.iterdir()) if final.parent.is_dir() else ():
        match = _LEFTOVER.fullmatch(leftover.name)
        if match is None or match["name"] != final.name:
            continue
        pid = int(match["pid"])
        if pid != os.getpid() and _running(pid):
            continue  # another build of this site, still at work
        if match["kind"] == "old" and not os.path.lexists(final):
            os.rename(leftover, final)
        else:
            _remove(leftover)


def publish(partial: Path, final: Path) -> None:
    """Swap the finished `partial` in for `final`: rename away, rename in, delete the old."""
    old = _beside(final, "old")
    _remove(old)
    if os.path.lexists(final):
        if final.is_dir():
            for entry in final.iterdir():  # hidden entries MkDocs would have kept
                if entry.name.startswith(".") and not os.path.lexists(partial / entry.name):
                    os.rename(entry, partial / entry.name)
        os.rename(final, old)
    os.rename(partial, final)
    _remove(old)


def discard(partial: Path) -> None:
    _remove(partial)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True
