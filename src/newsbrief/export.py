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
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from newsbrief.errors import ConfigError, OutputError
from newsbrief.records import to_dict

if TYPE_CHECKING:
    from newsbrief.store import Store

FORMATS = ("jsonl", "csv", "parquet")
KINDS = ("briefs", "stories", "articles", "claims", "conflicts", "quotes", "derivations")
# the kinds whose JSON Lines form is the full record (kept as it was before tables existed)
FULL_RECORD_KINDS = ("briefs", "stories", "articles", "derivations")
_SUFFIX_FORMAT = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}

# column -> type: "str" (nullable text), "int", "float", "bool", "list[str]", "list[int]"
SCHEMAS: dict[str, dict[str, str]] = {
    "stories": {
        "id": "str",
        "label": "str",
        "start": "str",
        "end": "str",
        "articles": "int",
        "outlets": "int",
        "conflicts": "int",
        "article_ids": "list[str]",
    },
    "articles": {
        "id": "str",
        "story": "str",
        "source": "str",
        "url": "str",
        "outlet": "str",
        "title": "str",
        "authors": "list[str]",
        "published": "str",
        "published_inferred": "bool",
        "language": "str",
        "sentences": "int",
        "text": "str",
    },
    "claims": {
        "story": "str",
        "claim": "int",
        "text": "str",
        "articles": "list[str]",
        "independent_sources": "int",
        "sentences": "int",
        "conflicts": "list[int]",
    },
    "conflicts": {
        "story": "str",
        "conflict": "int",
        "kind": "str",
        "claim": "int",
        "description": "str",
        "value": "str",
        "articles": "list[str]",
    },
    "quotes": {
        "story": "str",
        "speaker": "str",
        "text": "str",
        "article": "str",
        "sentence": "int",
        "kind": "str",
        "cue": "str",
        "entity": "str",
    },
    "derivations": {
        "child": "str",
        "parent": "str",
        "kind": "str",
        "similarity": "float",
        "aligned_sentences": "int",
        "child_only": "list[str]",
        "parent_only": "list[str]",
    },
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


def finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None, recursively."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


# ---------------------------------------------------------------------- rows


def records(store: Store, kind: str, fmt: str = "jsonl") -> Iterator[dict[str, Any]]:
    """The rows of one kind: full records for JSON Lines where they exist, else table rows."""
    if kind not in KINDS:
        raise ConfigError(f"unknown record kind {kind!r} (expected one of {KINDS})")
    if kind == "briefs":
        if fmt != "jsonl":
            raise ConfigError(
                "briefs are nested records and are exported as JSON Lines only",
                hint="export stories, claims, conflicts, quotes or derivations as tables",
            )
        from newsbrief.render import brief_to_dict

        for story in store.briefed_stories():
            yield finite(brief_to_dict(store.brief(story)))
        return
    if fmt == "jsonl" and kind in FULL_RECORD_KINDS:
        source: Iterable[Any]
        if kind == "stories":
            source = store.stories()
        elif kind == "articles":
            source = store.articles()
        else:
            source = store.derivations()
        for record in source:
            yield finite(to_dict(record))
        return
    yield from (finite(row) for row in _TABLES[kind](store))


def _story_rows(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.story_rows():
        story = store.story(row["id"])
        yield {
            "id": row["id"],
            "label": row["label"],
            "start": row["start"],
            "end": row["end"],
            "articles": row["size"],
            "outlets": row["outlets"],
            "conflicts": row["conflicts"],
            "article_ids": list(story.article_ids),
        }


def _article_rows(store: Store) -> Iterator[dict[str, Any]]:
    story_of = dict(store.assignments())
    for a in store.articles():
        yield {
            "id": a.id,
            "story": story_of.get(a.id),
            "source": a.source,
            "url": a.url,
            "outlet": a.outlet,
            "title": a.title,
            "authors": list(a.authors),
            "published": a.published,
            "published_inferred": a.published_inferred,
            "language": a.language,
            "sentences": len(a.sentences),
            "text": a.text,
        }


def _briefs(store: Store) -> Iterator[Any]:
    for story in store.briefed_stories():
        yield store.brief(story)


def _claim_rows(store: Store) -> Iterator[dict[str, Any]]:
    for brief in _briefs(store):
        for i, c in enumerate(brief.claims):
            yield {
                "story": brief.story,
                "claim": i,
                "text": c.text,
                "articles": list(c.articles),
                "independent_sources": c.independent_sources,
                "sentences": len(c.members),
                "conflicts": list(c.conflicts),
            }


def _conflict_rows(store: Store) -> Iterator[dict[str, Any]]:
    # one row per value, so "who holds which version" stays one flat row
    for brief in _briefs(store):
        for i, c in enumerate(brief.conflicts):
            for v in c.values:
                yield {
                    "story": brief.story,
                    "conflict": i,
                    "kind": c.kind,
                    "claim": c.claim,
                    "description": c.description,
                    "value": v.value,
                    "articles": list(v.articles),
                }


def _quote_rows(store: Store) -> Iterator[dict[str, Any]]:
    for brief in _briefs(store):
        for q in brief.quotes:
            yield {
                "story": brief.story,
                "speaker": q.speaker,
                "text": q.text,
                "article": q.article,
                "sentence": q.sentence,
                "kind": q.kind,
                "cue": q.cue,
                "entity": q.entity,
            }


def _derivation_rows(store: Store) -> Iterator[dict[str, Any]]:
    for d in store.derivations():
        yield {
            "child": d.child,
            "parent": d.parent,
            "kind": d.kind,
            "similarity": d.similarity,
            "aligned_sentences": len(d.pairs),
            "child_only": list(dict.fromkeys(w for p in d.pairs for w in p.child_only)),
            "parent_only": list(dict.fromkeys(w for p in d.pairs for w in p.parent_only)),
        }


_TABLES: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "stories": _story_rows,
    "articles": _article_rows,
    "claims": _claim_rows,
    "conflicts": _conflict_rows,
    "quotes": _quote_rows,
    "derivations": _derivation_rows,
}


# ---------------------------------------------------------------------- writers


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


# ---------------------------------------------------------------------- files


def check_target(out: str | Path, db: str | Path | None = None, force: bool = False) -> None:
    """Raise OutputError when writing ``out`` would destroy something: the database being
    read (or its WAL files), ever; any other existing regular file, unless ``force``."""
    target = Path(out)
    if db is not None and str(db) != ":memory:":
        db_path = Path(db)
        for guarded in (db_path, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
            if _same_file(target, guarded):
                raise OutputError(
                    f"refusing to overwrite the database being exported: {out}",
                    hint="give a different output file",
                )
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(mode):
        raise OutputError(f"cannot write {out}: it is a folder", hint="give a file name")
    if stat.S_ISREG(mode) and not force:
        raise OutputError(
            f"{out} already exists", hint="pass --force to replace it, or give another name"
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def export(
    store: Store,
    kind: str,
    out: str | Path,
    fmt: str | None = None,
    force: bool = False,
    db: str | Path | None = None,
) -> int:
    """Write every record of ``kind`` to the file ``out``; returns how many were written.

    Raises OutputError (nothing written, the target untouched) when the target exists and
    ``force`` is not set, is the database ``db``, or cannot be written (a missing folder, a
    full disk); ConfigError for a kind the format cannot hold.
    """
    fmt = infer_format(out, fmt)
    check_target(out, db if db is not None else store.path, force)
    rows = records(store, kind, fmt)
    target = Path(out)
    try:
        special = target.exists() and not stat.S_ISREG(target.stat().st_mode)
        if special:
            # a device or pipe (/dev/stdout, a FIFO) cannot be renamed over: written directly
            with open(target, "wb" if fmt == "parquet" else "w", encoding=_enc(fmt)) as handle:
                return write(rows, kind, fmt, handle)
        return _write_atomically(target, lambda handle: write(rows, kind, fmt, handle), fmt)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc


def _enc(fmt: str) -> str | None:
    return None if fmt == "parquet" else "utf-8"


def _write_atomically(target: Path, body: Callable[[IO[Any]], int], fmt: str) -> int:
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(
            f"cannot write {target}: no folder {folder}", hint="create the folder first"
        )
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as raw:
            handle: IO[Any] = raw
            if fmt != "parquet":
                handle = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            count = body(handle)
            handle.flush()
            os.fsync(raw.fileno())
            if handle is not raw:
                handle.detach()  # type: ignore[attr-defined]
        # mkstemp makes the file private; an export gets the permissions any new file gets
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
        return count
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
