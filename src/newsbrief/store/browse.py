"""Read-only queries for browsing: search, paged story lists, article heads (used by the web UI).

A mixin of ``Store``: it only reads through ``self.conn`` and holds no state of its own.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsbrief.errors import NotFoundError, QueryError
from newsbrief.records import Derivation
from newsbrief.store.codec import load

if TYPE_CHECKING:
    from newsbrief.records import Story


# Limits on one full-text query. FTS5 does most of a query's work inside single VM
# instructions, so the progress handler alone cannot stop one row's worth of combinatorial
# matching (``NEAR(t* t* t* ..., 100000)`` runs for tens of seconds): the query's shape is
# checked first, and the handler then bounds how many instructions the statement may run.
FTS_MAX_CHARS = 200
FTS_MAX_TERMS = 12  # words, phrases and operators together
FTS_MAX_PREFIX = 3  # prefix terms (``pier*``): each one expands to every matching word
FTS_MAX_NEAR = 50  # the largest NEAR distance
FTS_TICK = 1000  # VM instructions between progress-handler calls
FTS_MAX_TICKS = 20_000  # so at most 20 million instructions per statement
FTS_MAX_SECONDS = 2.0  # and a wall-clock bound too, checked at the same calls

_FTS_TOKEN = re.compile(r'"[^"]*"?|[^\s(),"]+')
_FTS_NEAR = re.compile(r"\bNEAR\s*\(([^)]*)\)", re.IGNORECASE)


def check_fts_query(query: str) -> None:
    """Raise QueryError when a query is over the limits above; the message says which."""
    if len(query) > FTS_MAX_CHARS:
        raise QueryError(f"search query longer than {FTS_MAX_CHARS} characters")
    # "NEAR(" tokenizes as the word NEAR; numbers (a NEAR distance) are not counted
    terms = [t for t in _FTS_TOKEN.findall(query) if not t.isdigit()]
    if len(terms) > FTS_MAX_TERMS:
        raise QueryError(f"search query with more than {FTS_MAX_TERMS} words and operators")
    prefixes = sum(1 for t in terms if t.endswith("*"))
    if prefixes > FTS_MAX_PREFIX:
        raise QueryError(f"search query with more than {FTS_MAX_PREFIX} prefix (*) terms")
    for group in _FTS_NEAR.findall(query):
        _, comma, distance = group.rpartition(",")
        if comma and distance.strip().isdigit() and int(distance) > FTS_MAX_NEAR:
            raise QueryError(f"NEAR distance above {FTS_MAX_NEAR}")


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """Slices small enough for SQLite's limit on bound parameters."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


class BrowseQueries:
    conn: sqlite3.Connection
    fts_ticks: int = 0

    if TYPE_CHECKING:

        def story(self, story_id: str) -> Story: ...

    # ------------------------------------------------------------------ search

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(article id, highlighted snippet) for an FTS5 query; bad syntax searches words."""
        return self._fts(
            "SELECT id, snippet(articles_fts, 2, '[', ']', '…', 12) FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            query,
            limit,
        )

    # ------------------------------------------------------------------ web UI queries

    STORY_ORDER = {
        "size": "s.size DESC, s.end DESC, s.id",
        "recent": "COALESCE(s.end, s.start) DESC, s.size DESC, s.id",
        "conflicts": "s.conflicts DESC, s.size DESC, s.id",
    }

    def count_stories(self) -> int:
        row = self.conn.execute(
            "SELECT COUNT(*) FROM stories WHERE merged_into IS NULL AND size > 0"
        ).fetchone()
        return int(row[0])

    def story_page(
        self, sort: str = "size", limit: int = 50, offset: int = 0
    ) -> list[dict[str, Any]]:
        """One page of the stories table, with outlet names; no article bodies are loaded."""
        order = self.STORY_ORDER.get(sort, self.STORY_ORDER["size"])
        # Page first, then look up outlets for that page only.
        rows = self.conn.execute(
            "SELECT s.id, s.label, s.start, s.end, s.size, s.conflicts, "
            "(SELECT json_group_array(DISTINCT a.outlet) FROM story_articles sa "
            " JOIN articles a ON a.id = sa.article WHERE sa.story = s.id "
            " AND a.outlet IS NOT NULL), "
            "EXISTS (SELECT 1 FROM briefs b WHERE b.story = s.id) "
            "FROM (SELECT s.* FROM stories s WHERE s.merged_into IS NULL AND s.size > 0 "
            f"ORDER BY {order} LIMIT ? OFFSET ?) s ORDER BY {order}",
            (limit, offset),
        ).fetchall()
        keys = ("id", "label", "start", "end", "size", "conflicts", "outlets", "briefed")
        found = [dict(zip(keys, r, strict=True)) for r in rows]
        for row in found:
            row["outlets"] = sorted(json.loads(row["outlets"] or "[]"))
            # a story clustered by a running ingest has no brief yet: no link to a 404
            row["briefed"] = bool(row["briefed"])
        return found

    def has_brief(self, story_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM briefs WHERE story=?", (story_id,)).fetchone()
        return row is not None

    def story_of(self, article_id: str) -> str | None:
        """The (unmerged) story an article belongs to, if it has been clustered."""
        row = self.conn.execute(
            "SELECT story FROM story_articles WHERE article=?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        try:
            return self.story(row[0]).id  # follows merges
        except NotFoundError:
            return None

    def derivations_of(self, article_id: str) -> list[Derivation]:
        """Derivations where the article is the child or the parent (indexed, no full scan)."""
        rows = self.conn.execute(
            "SELECT data FROM derivations WHERE child=? UNION ALL "
            "SELECT data FROM derivations WHERE parent=? AND child<>?",
            (article_id, article_id, article_id),
        ).fetchall()
        return [load(Derivation, json.loads(r[0])) for r in rows]

    def article_heads(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """id -> {title, outlet, published, source} without loading article bodies."""
        found: dict[str, dict[str, Any]] = {}
        for chunk in chunks(list(dict.fromkeys(ids)), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT id, title, outlet, published, source FROM articles WHERE id IN ({marks})",
                chunk,
            ):
                found[row[0]] = dict(
                    zip(("id", "title", "outlet", "published", "source"), row, strict=True)
                )
        return found

    def search_marked(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Like ``search`` but hits are wrapped in U+0002/U+0003, which never occur in text
        a reader produces, so a UI can mark them up without trusting brackets in the text."""
        return self._fts(
            "SELECT id, snippet(articles_fts, 2, char(2), char(3), '…', 16) FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            query,
            limit,
        )

    def search_claims(self, query: str, limit: int = 20) -> list[tuple[str, int, str]]:
        """(story id, claim index, marked snippet) of claims matching an FTS5 query."""
        rows = self._fts(
            "SELECT c.story, c.claim, snippet(claims_fts, 2, char(2), char(3), '…', 24) "
            "FROM claims_fts c JOIN stories s ON s.id = c.story AND s.merged_into IS NULL "
            "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
            query,
            limit,
        )
        return [(r[0], int(r[1]), r[2]) for r in rows]

    def _fts(self, sql: str, query: str, limit: int) -> list[Any]:
        """Rows of an FTS5 query within the limits; bad syntax searches the words instead."""
        check_fts_query(query)
        try:
            return self._bounded(sql, (query, limit))
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryError("search query too expensive for this database") from exc
        words = " ".join('"' + w.replace('"', "") + '"' for w in query.split())
        if not words:
            return []
        try:
            return self._bounded(sql, (words, limit))
        except sqlite3.OperationalError as exc:
            raise QueryError("search query too expensive for this database") from exc

    def _bounded(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """Run a statement under the progress handler's instruction and time budget."""
        ticks = self.fts_ticks = 0
        deadline = time.monotonic() + FTS_MAX_SECONDS

        def progress() -> int:
            nonlocal ticks
            ticks += 1
            self.fts_ticks = ticks  # what the last statement cost, for tests and tuning
            return int(ticks > FTS_MAX_TICKS or time.monotonic() > deadline)

        self.conn.set_progress_handler(progress, FTS_TICK)
        try:
            return list(self.conn.execute(sql, params))
        finally:
            self.conn.set_progress_handler(None, 0)
