"""The documents registry: `sources/documents.yml` and the plugin's `documents` setting.

Every document the constitution names (its id, title, aliases, label, url), whether or
not its text is on the site, and the codes of conduct that get hub pages. Each entry is
checked with its file and line; a url that is not http(s), mailto or relative is
dropped with a warning.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..references import Registry, registry_from_config
from ..references.registry import CONFIG_KEYS
from ..support.escaping import refused_link, safe_link
from ..support.limits import LimitError, most
from ..support.yaml_data import DataError, check_plain, load_yaml_file


class ConfigError(ValueError):
    """A data file (documents.yml, glossary.yml) that cannot be used; str() names it."""


# Where a document entry that is not in documents.yml was given.
SETTINGS_ORIGIN = "mkdocs.yml (clausemark: documents)"


def load_registry(
    path: Path | None, extra: list[dict], warnings: list[str] | None = None
) -> tuple[Registry, dict[str, dict]]:
    """documents.yml and the documents' own entries; a refused url is dropped with a warning."""
    warnings = [] if warnings is None else warnings
    _check_extra(list(extra))
    from_file = _registry_items(path) if path is not None and path.is_file() else []
    if len(from_file) + len(extra) > most("registry_documents"):
        where = path if from_file else SETTINGS_ORIGIN
        raise ConfigError(
            f"{where}: {LimitError('registry_documents', len(from_file) + len(extra))}"
        )
    items = [(f"{path}:{line}" if line else str(path), item) for item, line in from_file]
    items += [(SETTINGS_ORIGIN, item) for item in extra]
    codes = {}
    plain = []
    for origin, item in items:
        item = dict(item)
        url = item.get("url")
        if url is not None and not safe_link(str(url)):
            item.pop("url")
            where = f"{origin}: document '{item.get('id') or item.get('doc_id')}'"
            warnings.append(f"{where}: url {refused_link(str(url))}; the document is not linked")
        code_id = item.get("id") or item.get("doc_id")
        if item.pop("code", False) and code_id is not None:
            codes[code_id] = dict(item)
        item.pop("description", None)
        plain.append(item)
    try:
        return registry_from_config(plain), codes
    except ValueError as error:
        raise ConfigError(f"{path or 'mkdocs.yml'}: {error}") from None


_HUB_KEYS = {"code", "description"}  # documents.yml keys for code hubs, not the registry
# An id becomes a page address (a code's hub page): letters, digits and dashes only.
_DOCUMENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def _registry_items(path: Path) -> list[tuple[dict, int | None]]:
    """documents.yml: a list of mappings of plain values, each checked with its line; each
    comes with the line of its url, so a url refused later is named where it is."""
    try:
        data = load_yaml_file(path)
        if data.value is None:
            return []
        if not isinstance(data.value, list):
            raise DataError(str(path), "must be a list of documents (- id: ...)", 1)
        first_of: dict[str, int] = {}
        checked: list[tuple[dict, int | None]] = []
        for position, (item, node) in enumerate(data.items(), start=1):
            lines = data.key_lines(node)
            _check_keys(item, str(path), data.line_of(node), lines)
            _check_item(item, str(path), position, data.line_of(node), lines)
            _check_unique_id(item, str(path), position, data.line_of(node), first_of)
            assert isinstance(item, dict)  # _check_item refused any other
            checked.append((item, lines.get("url", data.line_of(node))))
    except DataError as error:
        raise ConfigError(str(error)) from None
    return checked


def _check_keys(item: object, path: str, line: int | None, lines: dict) -> None:
    """A key nothing reads, named on its own line with the key it was likely meant for."""
    known = sorted(CONFIG_KEYS | _HUB_KEYS)
    for key in item if isinstance(item, dict) else ():
        if str(key) in known:
            continue
        if key == "site":
            # marks the site's own documents (the builder's entries): here it would make a
            # name the site's own unsaid (trial11, session 10)
            what = (
                "'site' is set by clausemark for the site's own documents, never in documents.yml"
            )
        else:
            close = difflib.get_close_matches(str(key).lower(), known, n=1, cutoff=0.7)
            what = f"unknown key '{key}'" + (f" (did you mean '{close[0]}'?)" if close else "")
        message = f"{what}; the keys read are {', '.join(known)}"
        raise DataError(path, message, lines.get(str(key), line))


def _check_unique_id(
    item: object, path: str, position: int, line: int | None, first_of: dict[str, int]
) -> None:
    """An id given twice: an entry copied and its id left, the later one replacing the
    earlier one's code hub and names unsaid (trial11, session 10)."""
    if not isinstance(item, dict):
        return  # _check_item refused it
    doc_id = str(item.get("id") or item.get("doc_id") or "")
    if doc_id in first_of:
        raise DataError(
            path,
            f"document entry {position} has the id '{doc_id}' of entry {first_of[doc_id]}; "
            "give each entry its own id",
            line,
        )
    first_of[doc_id] = position


def _check_extra(extra: list) -> None:
    """The `documents` of the plugin's settings in mkdocs.yml, checked as documents.yml is.

    MkDocs has read that file already, so an alias shows only as one object met twice."""
    where = "mkdocs.yml (clausemark: documents)"
    try:
        seen: set[int] = set()
        for position, item in enumerate(extra, start=1):
            containers = [item, *(v for v in getattr(item, "values", list)() if _is_container(v))]
            if any(id(container) in seen for container in containers):
                raise DataError(where, f"document entry {position} repeats another (a YAML alias)")
            seen.update(id(container) for container in containers)
            _check_item(item, where, position, None, {})
    except DataError as error:
        raise ConfigError(str(error)) from None


def _is_container(value) -> bool:
    return isinstance(value, list | dict)


def _check_item(item, path: str, position: int, line: int | None, lines: dict) -> None:
    """One document entry: a mapping of plain values, an id fit for an address."""
    if not isinstance(item, dict):
        raise DataError(path, f"document entry {position} must be 'key: value' lines", line)
    for key, value in item.items():
        check_plain(value, path, lines.get(str(key), line), str(key))
    if "code" in item and not isinstance(item["code"], bool):
        # `code: ture` or `code: "no"` was read as true: a hub made or lost unsaid
        raise DataError(path, "'code' must be true or false", lines.get("code", line))
    doc_id = str(item.get("id") or item.get("doc_id") or "")
    if doc_id and not _DOCUMENT_ID.match(doc_id):
        raise DataError(path, f"id '{doc_id}' may hold only letters, digits, '-' and '_'", line)
    try:
        registry_from_config([{k: v for k, v in item.items() if k not in _HUB_KEYS}])
    except ValueError as error:
        message = str(error).replace("document entry 1", f"document entry {position}")
        raise DataError(path, message, line) from None
