"""Records to JSON-safe values and back, fast: the store's (de)serializer.

``records.to_dict`` / ``records.from_dict`` inspect every field by reflection on every call
(``dataclasses.fields``, ``typing.get_origin``): 4M calls for 2,000 articles. Here each
record class is compiled once into a small loader and dumper; the output is the same
(``tests/test_store.py`` checks both against ``records``).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
Loader = Callable[[Any], Any]

_PLAIN = (str, int, float, bool, type(None))
_LOADERS: dict[type, Callable[[dict[str, Any]], Any]] = {}
_DUMPERS: dict[type, Callable[[Any], Any]] = {}


def _value_loader(tp: Any) -> Loader | None:
    """How to rebuild a value of type ``tp`` from JSON, or None when it is kept as is
    (called only with a value that is not None)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _value_loader(args[0]) if len(args) == 1 else None
    if origin is list:
        (item,) = typing.get_args(tp)
        inner = _value_loader(item)
        if inner is None:
            return None
        return lambda value: [None if v is None else inner(v) for v in value]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        cls = tp
        return lambda value: load(cls, value)
    return None


def _compile_loader(cls: type) -> Callable[[dict[str, Any]], Any]:
    hints = typing.get_type_hints(cls)
    steps = [(f.name, _value_loader(hints[f.name])) for f in dataclasses.fields(cls)]
    names = frozenset(name for name, _ in steps)
    if all(convert is None for _, convert in steps):
        # every field is kept as JSON gives it: the record straight from the dict when it
        # holds only field names (what the store writes), else from the known keys
        def plain(data: dict[str, Any]) -> Any:
            if data.keys() <= names:
                return cls(**data)
            return cls(**{k: v for k, v in data.items() if k in names})

        return plain
    # one function per class, each field read by name: no loop over (name, converter) pairs
    lines = ["def loader(data):", "    kwargs = {}"]
    env: dict[str, Any] = {"cls": cls}
    for n, (name, convert) in enumerate(steps):
        lines.append(f"    if {name!r} in data:")
        if convert is None:
            lines.append(f"        kwargs[{name!r}] = data[{name!r}]")
        else:
            env[f"c{n}"] = convert
            lines.append(f"        v = data[{name!r}]")
            lines.append(f"        kwargs[{name!r}] = v if v is None else c{n}(v)")
    lines.append("    return cls(**kwargs)")
    exec("\n".join(lines), env)  # noqa: S102 - code built from the class's own field names
    loader: Callable[[dict[str, Any]], Any] = env["loader"]
    return loader


def load(cls: type[T], data: dict[str, Any]) -> T:
    """``records.from_dict(cls, data)``: unknown keys are ignored, missing ones defaulted."""
    loader = _LOADERS.get(cls)
    if loader is None:
        loader = _LOADERS[cls] = _compile_loader(cls)
    result: T = loader(data)
    return result


def _compile_dumper(tp: type) -> Callable[[Any], Any]:
    if dataclasses.is_dataclass(tp):
        names = tuple(f.name for f in dataclasses.fields(tp))
        # one function per class, each field read by name; most fields are plain values,
        # tested inline rather than through a call of dump
        reads = "".join(f"    v{n} = record.{name}\n" for n, name in enumerate(names))
        items = ", ".join(
            f"{name!r}: v{n} if type(v{n}) in plain else dump(v{n})" for n, name in enumerate(names)
        )
        env: dict[str, Any] = {"plain": frozenset(_PLAIN), "dump": dump}
        exec(f"def dumper(record):\n{reads}    return {{{items}}}\n", env)  # noqa: S102
        dumper: Callable[[Any], Any] = env["dumper"]
        return dumper
    if issubclass(tp, list | tuple):
        return lambda seq: [v if type(v) in _PLAIN else dump(v) for v in seq]
    if issubclass(tp, dict):
        return lambda mapping: {str(k): dump(v) for k, v in mapping.items()}
    return lambda value: value


def dump(record: Any) -> Any:
    """``records.to_dict(record)``: dataclasses become dicts, recursively."""
    tp = type(record)
    if tp in _PLAIN:
        return record
    dumper = _DUMPERS.get(tp)
    if dumper is None:
        dumper = _DUMPERS[tp] = _compile_dumper(tp)
    return dumper(record)


def to_json(obj: Any) -> str:
    """The compact JSON a record (or any value) is stored as."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
