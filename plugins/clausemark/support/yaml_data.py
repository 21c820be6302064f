"""The one way clausemark reads YAML: plain data, with the line of every value.

Front matter, sidecars, document.yml, glossary.yml and documents.yml are written by
hand and may come from anywhere, so they are read as plain data only:

- anchors and aliases (`&a`, `*a`) are refused before anything is built, so a few
  hundred bytes cannot expand into gigabytes ("billion laughs");
- dates stay text (clausemark reads dates itself, and an impossible one such as
  2026-02-30 is an error naming its line, not a traceback from the YAML library);
- a file that is not UTF-8 is an error naming the line of the first bad byte.

Every problem is a `DataError` whose message is one line: `file:line: what is wrong`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .limits import LimitError, read_within

if TYPE_CHECKING:
    _Base = yaml.SafeLoader
else:
    _Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
_PARSER = _Base


class _KeyTwice(Exception):
    """A mapping giving one key twice: the key, and the lines (0-based) of both."""

    def __init__(self, key: str, first: int, again: int):
        super().__init__(key)
        self.key, self.first, self.again = key, first, again


class _Loader(_Base):
    """Safe loading without the implicit timestamp type: dates are read as text; a key
    given twice in one mapping is refused (YAML libraries keep the last one unsaid: a
    second `url` or `adopted` left in by hand would win over the first)."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, _value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    line = key.start_mark.line
                    if key.value in seen:
                        raise _KeyTwice(key.value, seen[key.value], line)
                    seen[key.value] = line
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}

SCALARS = (str, int, float, bool, type(None))


class DataError(ValueError):
    """A data file or front matter that cannot be used; str() is one line for the user."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


@dataclass(frozen=True)
class YamlData:
    """A parsed YAML document: its value and, for lines, its node tree."""

    value: object
    node: yaml.Node | None
    path: str
    first_line: int = 1  # the file line of the YAML text's first line

    def line_of(self, node: yaml.Node | None) -> int | None:
        return node.start_mark.line + self.first_line if node is not None else None

    def items(self) -> list[tuple[object, yaml.Node]]:
        """A list's items with their nodes (empty when the value is not a list)."""
        if not isinstance(self.node, yaml.SequenceNode) or not isinstance(self.value, list):
            return []
        return list(zip(self.value, self.node.value, strict=True))

    def key_lines(self, node: yaml.Node | None = None) -> dict[str, int]:
        """Each key of a mapping (the root, or `node`) and the line its value starts on."""
        node = self.node if node is None else node
        if not isinstance(node, yaml.MappingNode):
            return {}
        return {
            str(key.value): value.start_mark.line + self.first_line for key, value in node.value
        }


def read_text(path: Path, shown: str | None = None) -> str:
    """A data file's text; not UTF-8 is an error naming the line of the first bad byte."""
    shown = shown or str(path)
    try:
        raw = read_within(path, "data_file_bytes")
    except OSError as error:
        raise DataError(shown, f"cannot read the file ({error.strerror or error})") from None
    except LimitError as error:
        raise DataError(shown, error.message) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise DataError(
            shown, f"not UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8", line
        ) from None


def load_yaml(text: str, path: str, first_line: int = 1, subject: str = "") -> YamlData:
    """Parse one YAML document as plain data; see the module's docstring.

    `subject` names the text in messages ("front matter is not valid YAML")."""
    invalid = f"{subject} is not valid YAML" if subject else "not valid YAML"
    try:
        # An anchor is written `&name`, an alias `*name`: a text with neither character
        # has neither, and is parsed once, not twice (40% of reading the package's
        # search_concepts.yml, which every build reads).
        for event in yaml.parse(text, Loader=_PARSER) if "&" in text or "*" in text else ():
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                line = mark.line + first_line if mark is not None else None
                raise DataError(
                    path, "YAML anchors and aliases (&name, *name) are not allowed", line
                )
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            value = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except DataError:
        raise
    except _KeyTwice as twice:
        first, again = twice.first + first_line, twice.again + first_line
        message = f"the key '{twice.key}' is given twice (lines {first} and {again}); keep one"
        raise DataError(path, message, again) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        line = text.count("\n", 0, error.position) + first_line
        problem = f"character {error.character!r} is not allowed"
        raise DataError(path, f"{invalid}: {problem}", line) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        line = mark.line + first_line if mark is not None else None
        raise DataError(path, f"{invalid}: {problem}", line) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        raise DataError(path, f"{invalid}: {error}") from None
    return YamlData(value, node, path, first_line)


def load_yaml_file(path: Path, shown: str | None = None) -> YamlData:
    shown = shown or str(path)
    return load_yaml(read_text(path, shown), shown)


def check_mapping(data: YamlData, what: str) -> dict:
    """The document as a mapping of text keys to plain values (scalars, lists of scalars)."""
    if data.value is None:
        return {}
    if not isinstance(data.value, dict):
        raise DataError(data.path, f"{what} must be a set of 'key: value' lines", data.first_line)
    lines = data.key_lines()
    for key, value in data.value.items():
        line = lines.get(str(key), data.first_line)
        if not isinstance(key, str):
            raise DataError(data.path, f"the key {key!r} must be a word", line)
        check_plain(value, data.path, line, key)
    return data.value


def check_plain(value: object, path: str, line: int | None, key: str) -> None:
    """A value must be a scalar or a list of scalars, with no control characters."""
    values = value if isinstance(value, list) else [value]
    for item in values:
        if not isinstance(item, SCALARS):
            raise DataError(path, f"'{key}' must be text, a number or a list of them", line)
        if isinstance(item, str) and has_control_characters(item):
            raise DataError(path, f"'{key}' holds a control character (such as NUL)", line)
        if isinstance(item, str) and any(0xD800 <= ord(ch) < 0xE000 for ch in item):
            # "\ud800" in a YAML without libyaml: not a character, and no file can hold it
            raise DataError(path, f"'{key}' holds half of a UTF-16 surrogate pair", line)


def has_control_characters(text: str) -> bool:
    """C0 and C1 controls other than tab and line ends, which no title or label needs."""
    return any((ord(ch) < 32 and ch not in "\t\n\r") or 0x7F <= ord(ch) < 0xA0 for ch in text)
