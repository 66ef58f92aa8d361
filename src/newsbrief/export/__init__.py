"""Exports: the store's records as JSON Lines, CSV or Parquet, for the tools analysts use.

Two shapes. ``briefs`` (JSON Lines only) and, in JSON Lines, ``stories``, ``articles`` and
``derivations`` are the full records of ``newsbrief.records``. Every other combination is a
flat table whose columns are fixed by ``SCHEMAS`` (documented in docs/export.md): one row
per story, article, claim, conflict value, quote or derivation. In CSV a list cell holds a
JSON array and an empty cell is null; in Parquet lists are list columns. Non-finite floats
(NaN, infinities) are written as null in every format: strict parsers reject them.

A file is written through a temporary file in the same folder, renamed over the target
only when complete, so a failed export never leaves half a file; an existing file is only
replaced with ``force=True``, and the database being read never is.

``tables`` turns the store's records into rows, ``writers`` writes rows in each format to
an open handle, and ``files`` writes a whole export to a file safely.
"""

from __future__ import annotations

from newsbrief.export.files import check_target, export
from newsbrief.export.tables import FULL_RECORD_KINDS, KINDS, SCHEMAS, finite, records
from newsbrief.export.writers import (
    FORMATS,
    arrow_schema,
    csv_cell,
    infer_format,
    parse_csv_cell,
    write,
    write_csv,
    write_jsonl,
    write_parquet,
)

__all__ = [
    "FORMATS",
    "FULL_RECORD_KINDS",
    "KINDS",
    "SCHEMAS",
    "arrow_schema",
    "check_target",
    "csv_cell",
    "export",
    "finite",
    "infer_format",
    "parse_csv_cell",
    "records",
    "write",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]
