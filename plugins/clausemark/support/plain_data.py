"""clausemark's own objects as plain JSON data, and back, without running stored code.

The disk cache keeps converted documents and indexes between builds. A pickle would
run whatever a poisoned cache holds (one restored in CI from another branch, say);
this format can only ever make the types listed here: JSON's own values, tuples, sets,
dicts with any keys, and the dataclasses (and the few `__getstate__` classes) of the
clausemark package itself, rebuilt through their constructors.

Encoding: JSON scalars and lists stay as they are; anything else is a one-key object:
{"t": [...]} tuple, {"s": [...]} set, {"f": [...]} frozenset, {"d": [[k, v], ...]} dict,
{"c": "module:Class", "v": {field: value}} dataclass, {"o": "module:Class", "v": state}.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
from functools import cache
from typing import Any

PACKAGE = __name__.split(".", 1)[0]


class NotPlainData(ValueError):
    """A value this format does not hold, or stored data that is not what it wrote."""


def encode(value):
    kind: type = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return [encode(item) for item in value]
    fields = _dataclass_fields(kind)
    if fields is not None:
        return {"c": fields[0], "v": {name: encode(getattr(value, name)) for name in fields[1]}}
    return _encode_other(value)


_SCALARS = frozenset({type(None), bool, int, float, str})
_DATACLASS_KEYS = frozenset({"c", "v"})


@cache
def _dataclass_fields(kind: type) -> tuple[str, tuple[str, ...]] | None:
    """(stored name, fields) for a dataclass of this package; None for any other type."""
    name = f"{kind.__module__}:{kind.__qualname__}"
    if not (dataclasses.is_dataclass(kind) and _allowed(name)):
        return None
    return name, tuple(f.name for f in _init_fields(kind))


def _encode_other(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, tuple):
        return {"t": [encode(item) for item in value]}
    if isinstance(value, dict):
        return {"d": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, frozenset):
        return {"f": [encode(item) for item in value]}
    if isinstance(value, set):
        return {"s": [encode(item) for item in value]}
    kind: type = type(value)
    name = f"{kind.__module__}:{kind.__qualname__}"
    if hasattr(kind, "__getstate__") and "__getstate__" in vars(kind) and _allowed(name):
        return {"o": name, "v": encode(value.__getstate__())}
    raise NotPlainData(f"cannot store a {name}")


def decode(data):
    kind = type(data)  # what JSON reads is these exact types: the common cases first
    if kind in _SCALARS:
        return data
    if kind is list:
        return [decode(item) for item in data]
    if kind is dict and data.keys() == _DATACLASS_KEYS and type(data["c"]) is str:
        made, names = _dataclass_named(data["c"])
        stored = data["v"]
        if type(stored) is not dict or stored.keys() != names:
            raise NotPlainData(f"{data['c']}: fields differ")
        return made(**{name: decode(value) for name, value in stored.items()})
    return _decode_other(data)


@cache
def _dataclass_named(name: str) -> tuple[type, frozenset[str]]:
    """The dataclass of this package stored under `name`, and its fields' names."""
    kind = _class(name)
    if not dataclasses.is_dataclass(kind):
        raise NotPlainData(f"{name} is not a dataclass")
    return kind, frozenset(f.name for f in _init_fields(kind))


def _decode_other(data):
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise NotPlainData("not an encoded value")
    if "t" in data:
        return tuple(decode(item) for item in data["t"])
    if "d" in data:
        return {decode(k): decode(v) for k, v in data["d"]}
    if "f" in data:
        return frozenset(decode(item) for item in data["f"])
    if "s" in data:
        return {decode(item) for item in data["s"]}
    if "c" in data:
        kind = _class(data["c"])
        if not dataclasses.is_dataclass(kind):
            raise NotPlainData(f"{data['c']} is not a dataclass")
        stored = data["v"]
        if not isinstance(stored, dict) or set(stored) != {f.name for f in _init_fields(kind)}:
            raise NotPlainData(f"{data['c']}: fields differ")
        return kind(**{name: decode(value) for name, value in stored.items()})
    if "o" in data:
        kind = _class(data["o"])
        state = decode(data["v"])
        if "__getstate__" not in vars(kind) or not isinstance(state, dict):
            raise NotPlainData(f"{data['o']} cannot be restored")
        value: Any = object.__new__(kind)  # as unpickling does: no __init__, state set below
        value.__dict__.update(state)
        return value
    raise NotPlainData("unknown encoding")


@cache
def _init_fields(kind: type) -> tuple[dataclasses.Field, ...]:
    return tuple(f for f in dataclasses.fields(kind) if f.init)


def _allowed(name: str) -> bool:
    module = name.split(":", 1)[0]
    return module == PACKAGE or module.startswith(f"{PACKAGE}.")


@cache
def _class(name: str) -> type:
    """A class of this package by name; any other name is refused, never imported."""
    if not isinstance(name, str) or ":" not in name or not _allowed(name):
        raise NotPlainData(f"{name!r} is not a clausemark class")
    module_name, qualname = name.split(":", 1)
    module = sys.modules.get(module_name) or importlib.import_module(module_name)
    kind: object = module
    for part in qualname.split("."):
        kind = getattr(kind, part, None)
    if not isinstance(kind, type) or kind.__module__ != module_name:
        raise NotPlainData(f"{name} is not a clausemark class")
    return kind
