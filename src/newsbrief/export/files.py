"""Export files: a whole export written through a temporary file in the same folder and
renamed over the target only when complete, so a failed export never leaves half a file;
an existing file is only replaced with ``force=True``, and the database being read never is.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from newsbrief.errors import OutputError
from newsbrief.export.tables import records
from newsbrief.export.writers import infer_format, write

if TYPE_CHECKING:
    from newsbrief.store import Store


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
