"""Rows beside the records: the feed fetch cache and the problems of a run.

A mixin of ``Store``: it reads and writes through ``self.conn`` and ``self.transaction``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any

from newsbrief.records import Problem
from newsbrief.store.codec import to_json


class SideRows:
    conn: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    # ------------------------------------------------------------------ fetch cache (feeds)

    def fetch_state(self, url: str) -> dict[str, Any] | None:
        """The last fetch of ``url``: feed, etag, last_modified, fetched, error, entry."""
        row = self.conn.execute(
            "SELECT url, feed, etag, last_modified, fetched, error, entry FROM fetches WHERE url=?",
            (url,),
        ).fetchone()
        return None if row is None else _fetch_row(row)

    def failed_fetches(self, feed: str) -> list[dict[str, Any]]:
        """The entries of ``feed`` whose last fetch failed, oldest first."""
        rows = self.conn.execute(
            "SELECT url, feed, etag, last_modified, fetched, error, entry FROM fetches "
            "WHERE feed=? AND error IS NOT NULL ORDER BY fetched, url",
            (feed,),
        )
        return [_fetch_row(r) for r in rows]

    def save_fetches(self, states: Iterable[dict[str, Any]]) -> None:
        """Record fetches (keys as ``fetch_state`` returns them), in one transaction."""
        with self.transaction() as conn:
            for s in states:
                conn.execute(
                    "INSERT OR REPLACE INTO fetches "
                    "(url, feed, etag, last_modified, fetched, error, entry) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        s["url"],
                        s.get("feed"),
                        s.get("etag"),
                        s.get("last_modified"),
                        s["fetched"],
                        s.get("error"),
                        None if s.get("entry") is None else to_json(s["entry"]),
                    ),
                )

    # ------------------------------------------------------------------ problems

    def add_problems(self, problems: Iterable[Problem]) -> None:
        with self.transaction() as conn:
            for p in problems:
                conn.execute(
                    "INSERT OR REPLACE INTO problems (source, line, reason) VALUES (?, ?, ?)",
                    (p.source, -1 if p.line is None else p.line, p.reason),
                )

    def problems(self) -> list[Problem]:
        rows = self.conn.execute("SELECT source, line, reason FROM problems ORDER BY source, line")
        return [Problem(source=s, reason=r, line=None if ln < 0 else ln) for s, ln, r in rows]


def _fetch_row(row: Any) -> dict[str, Any]:
    keys = ("url", "feed", "etag", "last_modified", "fetched", "error", "entry")
    state = dict(zip(keys, row, strict=True))
    state["entry"] = None if state["entry"] is None else json.loads(state["entry"])
    return state
