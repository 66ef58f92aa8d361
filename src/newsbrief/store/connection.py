"""The connection under ``Store``: opening (read-write or read-only), schema migrations,
write transactions that wait out another writer's lock, and closing.

``Store`` adds the record tables on top; nothing here knows a record.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsbrief.errors import StoreError, StoreLockedError
from newsbrief.store.migrations import MIGRATIONS

# How long a writer waits for another process's write lock: SQLite's busy handler waits up
# to BUSY_TIMEOUT seconds per attempt, and a transaction that still cannot start is retried
# LOCK_RETRIES more times after a growing pause, so a batch survives a writer that holds the
# lock for a while (another `newsbrief add`, a backup) and fails cleanly when it never lets go.
BUSY_TIMEOUT = 5.0
LOCK_RETRIES = 3
RETRY_PAUSE = 0.5  # seconds before the first retry, doubled for each further one


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


class Database:
    """One SQLite connection: WAL for writers; ``read_only=True`` opens the file through a
    ``mode=ro`` URI (nothing written, no migration), falling back to ``immutable=1`` when the
    folder cannot hold the WAL's ``-shm`` file (see ``Store``)."""

    def __init__(
        self,
        path: str | Path = "newsbrief.db",
        *,
        read_only: bool = False,
        busy_timeout: float | None = None,
        lock_retries: int | None = None,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.busy_timeout = BUSY_TIMEOUT if busy_timeout is None else busy_timeout
        self.lock_retries = LOCK_RETRIES if lock_retries is None else lock_retries
        try:
            if read_only:
                self.conn = self._connect_read_only()
            else:
                self._make_folder()
                self.conn = sqlite3.connect(
                    self.path, isolation_level=None, timeout=self.busy_timeout
                )
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.OperationalError as exc:
            if _is_locked(exc):
                raise self._locked_error(exc) from exc
            raise StoreError(f"cannot open database {self.path!r}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path!r}: {exc}") from exc

    def _make_folder(self) -> None:
        """A new database may name a folder that does not exist yet (``--db runs/x.db``)."""
        if self.path == ":memory:" or self.path.startswith("file:"):
            return
        folder = Path(self.path).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder of database {self.path!r}: {exc}") from exc

    def _connect_read_only(self) -> sqlite3.Connection:
        if self.path == ":memory:":
            raise StoreError("a read-only store needs a database file, not ':memory:'")
        if not Path(self.path).is_file():
            raise StoreError(
                f"no database at {self.path!r}",
                hint="run `newsbrief run INPUT...` first, or pass --db",
            )
        uri = "file:" + quote(str(Path(self.path).resolve())) + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=self.busy_timeout)
        try:
            conn.execute("PRAGMA user_version").fetchone()
        except sqlite3.OperationalError:
            # A WAL database in a folder we cannot write: SQLite cannot create the -shm
            # file it coordinates readers with. Nobody can write there, so read it immutable.
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
            conn.execute("PRAGMA user_version").fetchone()
        conn.execute("PRAGMA query_only=ON")
        return conn

    def _locked_error(self, exc: Exception) -> StoreLockedError:
        waited = self.busy_timeout * (self.lock_retries + 1) + RETRY_PAUSE * (
            2**self.lock_retries - 1
        )
        return StoreLockedError(
            f"database {self.path!r} stayed locked by another process for about "
            f"{waited:.0f} s ({exc})"
        )

    def _migrate(self) -> None:
        (version,) = self.conn.execute("PRAGMA user_version").fetchone()
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path!r} was written by a newer newsbrief (schema {version})",
                hint="upgrade newsbrief: pip install -U newsbrief",
            )
        if self.read_only:
            if version < len(MIGRATIONS):
                # Upgrading is a write; a read-only open must leave the file as it is.
                raise StoreError(
                    f"{self.path!r} has schema {version}, older than this newsbrief's "
                    f"{len(MIGRATIONS)}, and a read-only open does not upgrade it",
                    hint="run any writing command once (e.g. `newsbrief add`) on a writable "
                    "copy to upgrade it",
                )
            return
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in script.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={number}")

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def _retry_locked(self, sql: str) -> None:
        """Run ``sql`` (BEGIN IMMEDIATE or COMMIT), retrying while another writer holds the
        lock; each attempt already waits ``busy_timeout`` in SQLite's busy handler."""
        pause = RETRY_PAUSE
        for attempt in range(self.lock_retries + 1):
            try:
                self.conn.execute(sql)
                return
            except sqlite3.OperationalError as exc:
                if not _is_locked(exc):
                    raise
                if attempt == self.lock_retries:
                    raise self._locked_error(exc) from exc
            self._sleep(pause)
            pause *= 2

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. Taking the write lock up front (IMMEDIATE) means the body
        never meets a busy database halfway; a COMMIT refused as busy stays open and is
        retried, so a batch is either stored whole or, if the lock never frees, not at all."""
        self._retry_locked("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self._retry_locked("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
