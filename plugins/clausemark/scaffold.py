"""`clausemark init DIR`: a new site directory that builds with `mkdocs build --strict` at once.

The starting files live in ``scaffold/`` beside this module (a mkdocs.yml with the
branding to change, a guide and one short example protocol in sources/, a home page).
The site is assembled in a temporary directory beside DIR and renamed into place, so an
interrupted run never leaves a half-made site that a second run would refuse.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .support.package_files import SCAFFOLD_DIR

# In a source checkout the repository's own page templates sit two levels up.
CHECKOUT_OVERRIDES = Path(__file__).resolve().parent.parent.parent / "overrides"


class ScaffoldError(Exception):
    """Why a site cannot be created there; the message is one line."""


def check_target(target: Path) -> None:
    """Refuse anything but a new path or an empty directory: never mix with existing files."""
    if not target.exists():
        return
    if not target.is_dir():
        raise ScaffoldError(f"{target} exists and is not a directory")
    if any(target.iterdir()):
        raise ScaffoldError(f"{target} is not empty; choose a new or empty directory")


def create_site(
    target: Path,
    *,
    scaffold_dir: Path = SCAFFOLD_DIR,
    overrides_dir: Path | None = CHECKOUT_OVERRIDES,
) -> list[Path]:
    """Create the site at ``target``; return the files created, relative to it, sorted."""
    check_target(target)
    if not (scaffold_dir / "mkdocs.yml").is_file():
        raise ScaffoldError(f"the starting files are missing from {scaffold_dir}")
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}."))
    except OSError as error:
        raise ScaffoldError(f"cannot create {target}: {error.strerror}") from None
    try:
        _fill(staging, scaffold_dir, overrides_dir)
        os.chmod(staging, 0o777 & ~_current_umask())
        os.replace(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise ScaffoldError(f"cannot create {target}: {error.strerror or error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(path.relative_to(target) for path in target.rglob("*") if path.is_file())


def _fill(site: Path, scaffold_dir: Path, overrides_dir: Path | None) -> None:
    shutil.copytree(scaffold_dir, site, dirs_exist_ok=True, ignore=_ignore_caches)
    overrides = site / "overrides"
    if overrides_dir is not None and (overrides_dir / "main.html").is_file():
        shutil.copytree(overrides_dir, overrides, dirs_exist_ok=True, ignore=_ignore_caches)
    else:
        overrides.mkdir(exist_ok=True)
        (overrides / ".gitkeep").write_text("", encoding="utf-8")
    # What a build writes is not the council's text: keep it out of version control.
    (site / ".gitignore").write_text(GITIGNORE, encoding="utf-8")


GITIGNORE = "# written by builds (mkdocs build, clausemark bundle)\nsite/\ndist/\n.cache/\n"


def _ignore_caches(directory: str, names: list[str]) -> set[str]:
    return {name for name in names if name in {"__pycache__", ".DS_Store"}}


def _current_umask() -> int:
    """mkdtemp makes a 0700 directory; the site should get the permissions mkdir would."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
