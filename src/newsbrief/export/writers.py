"""Export writers: rows of one kind written to an open handle as JSON Lines, CSV or Parquet.

In CSV a list cell holds a JSON array and an empty cell is null; in Parquet lists are list
columns. Non-finite floats are written as null in every format: strict parsers reject them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from newsbrief.errors import ConfigError
from newsbrief.export.tables import SCHEMAS, finite

FORMATS = ("jsonl", "csv", "parquet")
_SUFFIX_FORMAT = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}


def infer_format(out: str | Path, fmt: str | None = None) -> str:
    """The format asked for, else the one the file name's extension names, else JSON Lines."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise ConfigError(f"unknown export format {fmt!r} (expected one of {FORMATS})")
        return fmt
    if str(out) == "-":
        return "jsonl"
    return _SUFFIX_FORMAT.get(Path(str(out)).suffix.lower(), "jsonl")


def write_jsonl(rows: Iterable[dict[str, Any]], handle: IO[str]) -> int:
    count = 0
    for row in rows:
        handle.write(json.dumps(finite(row), ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count


def csv_cell(value: Any, kind: str) -> str:
    """One CSV cell: null is empty, a bool is true/false, a list is a JSON array."""
    value = finite(value)
    if value is None:
        return ""
    if kind.startswith("list"):
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    if kind == "bool":
        return "true" if value else "false"
    return str(value)


def parse_csv_cell(cell: str, kind: str) -> Any:
    """The value a CSV cell written by ``csv_cell`` stands for (empty text reads as null)."""
    if cell == "":
        return None
    if kind.startswith("list"):
        return json.loads(cell)
    if kind == "int":
        return int(cell)
    if kind == "float":
        return float(cell)
    if kind == "bool":
        return cell == "true"
    return cell


def write_csv(rows: Iterable[dict[str, Any]], kind: str, handle: IO[str]) -> int:
    schema = _schema(kind)
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(list(schema))
    count = 0
    for row in rows:
        writer.writerow([csv_cell(row.get(col), t) for col, t in schema.items()])
        count += 1
    return count


def arrow_schema(kind: str) -> Any:
    import pyarrow as pa

    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "list[str]": pa.list_(pa.string()),
        "list[int]": pa.list_(pa.int64()),
    }
    return pa.schema([(col, types[t]) for col, t in _schema(kind).items()])


def write_parquet(rows: Iterable[dict[str, Any]], kind: str, handle: IO[bytes]) -> int:
    from newsbrief.errors import require

    pa = require("pyarrow", "parquet")
    import pyarrow.parquet as pq

    schema = arrow_schema(kind)
    columns: dict[str, list[Any]] = {col: [] for col in schema.names}
    count = 0
    for row in rows:
        for col in columns:
            columns[col].append(finite(row.get(col)))
        count += 1
    pq.write_table(pa.table(columns, schema=schema), handle)
    return count


def _schema(kind: str) -> dict[str, str]:
    if kind not in SCHEMAS:
        raise ConfigError(f"{kind} have no table form", hint="export them as JSON Lines (.jsonl)")
    return SCHEMAS[kind]


def write(rows: Iterable[dict[str, Any]], kind: str, fmt: str, handle: IO[Any]) -> int:
    """Write rows of one kind in one format to an open handle (binary for Parquet)."""
    if fmt == "jsonl":
        return write_jsonl(rows, handle)
    if fmt == "csv":
        return write_csv(rows, kind, handle)
    return write_parquet(rows, kind, handle)
