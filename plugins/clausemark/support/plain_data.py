"""clausemark's own objects as plain JSON data, and back, without running stored code.

The disk cache keeps converted documents and indexes between builds. A pickle would
run whatever a poisoned cache holds (one restored in CI from another branch, say);
this format can only ever make the types listed here: JSON's own values, tuples, sets,
dicts with any keys, and the dataclasses (and the few `__getstate__` classes) of the
clausemark package itself, rebuilt through their constructors.

Encoding: JSON scalars and lists stay as they are; anything else is a small object:
{"t": [...]} tuple, {"s": [...]} set, {"f": [...]} frozenset, {"d": [[k, v], ...]} dict,
{"c": "module:Class", "v": [value of each field, in the constructor's order]} dataclass,
{"o": "module:Class", "v": state}. Every JSON object is one of these (a dataclass's
fields are a list, a dict's items pairs), so `loads` restores each object as json reads
it (its `object_hook`, innermost first), and lists and scalars never pass through Python.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
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
        return {"c": fields[0], "v": [encode(getattr(value, name)) for name in fields[1]]}
    return _encode_other(value)


_SCALARS = frozenset({type(None), bool, int, float, str})


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


def loads(text: str | bytes):
    """The value `json.dumps(encode(value))` wrote; NotPlainData for anything it did not."""
    return json.loads(text, object_hook=_restore)


def decode(data):
    """The value of `encode`'s data (as json read it back without `loads`)."""
    kind = type(data)
    if kind is list:
        return [decode(item) for item in data]
    if kind is dict:
        return _restore({key: decode(item) for key, item in data.items()})
    return data


def _restore(data: dict):
    """One encoded object, its contents already restored."""
    if len(data) == 2:
        stored = data.get("v")
        if "c" in data:
            made, names, by_name = _dataclass_named(data["c"])
            if type(stored) is not list or len(stored) != len(names):
                raise NotPlainData(f"{data['c']}: fields differ")
            return made(**dict(zip(names, stored, strict=True))) if by_name else made(*stored)
        if "o" in data:
            kind = _class(data["o"])
            if "__getstate__" not in vars(kind) or type(stored) is not dict:
                raise NotPlainData(f"{data['o']} cannot be restored")
            value: Any = object.__new__(kind)  # as unpickling does: no __init__, state set
            value.__dict__.update(stored)
            return value
    elif len(data) == 1:
        ((form, items),) = data.items()
        if type(items) is list:
            if form == "t":
                return tuple(items)
            if form == "d":
                return {key: item for key, item in items}
            if form == "f":
                return frozenset(items)
            if form == "s":
                return set(items)
    raise NotPlainData("not an encoded value")


@cache
def _dataclass_named(name: str) -> tuple[type, tuple[str, ...], bool]:
    """The dataclass of this package stored under `name`, its fields' names in the
    constructor's order, and whether a keyword-only field means it is made by name."""
    kind = _class(name)
    if not dataclasses.is_dataclass(kind):
        raise NotPlainData(f"{name} is not a dataclass")
    fields = _init_fields(kind)
    return kind, tuple(f.name for f in fields), any(f.kw_only for f in fields)


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
