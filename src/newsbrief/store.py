"""The SQLite store: the only module that talks to the database.

One file, WAL mode, FTS5 for search. Records are kept as JSON next to the columns that
queries need. Each ingest batch is one transaction, so a crash loses nothing already
committed and a rerun resumes. Schema changes are numbered migrations keyed on
``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsbrief.errors import NotFoundError, StoreError
from newsbrief.records import (
    Article,
    Brief,
    Derivation,
    Problem,
    Story,
    from_dict,
    to_dict,
)

MIGRATIONS: list[str] = [
    # 1: the initial schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        source TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        published TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX articles_seq ON articles(seq);
    CREATE TABLE derivations (
        child TEXT NOT NULL,
        parent TEXT NOT NULL,
        kind TEXT NOT NULL,
        similarity REAL NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (child, parent)
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT,
        start TEXT,
        end TEXT,
        size INTEGER NOT NULL DEFAULT 0,
        conflicts INTEGER NOT NULL DEFAULT 0,
        merged_into TEXT
    );
    CREATE TABLE story_articles (
        article TEXT PRIMARY KEY,
        story TEXT NOT NULL
    );
    CREATE INDEX story_articles_story ON story_articles(story);
    CREATE TABLE briefs (
        story TEXT PRIMARY KEY,
        data TEXT NOT NULL
    );
    CREATE TABLE problems (
        source TEXT NOT NULL,
        line INTEGER NOT NULL DEFAULT -1,
        reason TEXT NOT NULL,
        PRIMARY KEY (source, line)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text);
    """,
    # 2: claim search for the web UI (kept in step by save_brief), and derivations by parent
    """
    CREATE VIRTUAL TABLE claims_fts USING fts5(story UNINDEXED, claim UNINDEXED, text);
    INSERT INTO claims_fts (story, claim, text)
        SELECT b.story, CAST(j.key AS INTEGER), json_extract(j.value, '$.text')
        FROM briefs b, json_each(b.data, '$.claims') j;
    CREATE INDEX derivations_parent ON derivations(parent);
    """,
]


class Store:
    """A newsbrief database. ``Store(":memory:")`` gives a throwaway one."""

    def __init__(self, path: str | Path = "newsbrief.db") -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path!r}: {exc}") from exc

    # ------------------------------------------------------------------ plumbing

    def _migrate(self) -> None:
        (version,) = self.conn.execute("PRAGMA user_version").fetchone()
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path!r} was written by a newer newsbrief (schema {version})",
                hint="upgrade newsbrief: pip install -U newsbrief",
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in script.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ articles

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone()
        return row is not None

    def add_articles(self, articles: Iterable[Article]) -> list[Article]:
        """Insert the articles not yet stored, in one transaction; returns those inserted."""
        inserted: list[Article] = []
        with self.transaction() as conn:
            (seq,) = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()
            for article in articles:
                if self.has_article(article.id):
                    continue
                seq += 1
                conn.execute(
                    "INSERT INTO articles (id, seq, source, outlet, title, published, data) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        seq,
                        article.source,
                        article.outlet,
                        article.title,
                        article.published,
                        _dumps(to_dict(article)),
                    ),
                )
                conn.execute(
                    "INSERT INTO articles_fts (id, title, text) VALUES (?, ?, ?)",
                    (article.id, article.title, article.text),
                )
                inserted.append(article)
        return inserted

    def article(self, article_id: str) -> Article:
        row = self.conn.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return from_dict(Article, json.loads(row[0]))

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles in ingest order (all of them, or those with the given ids)."""
        if ids is None:
            rows: Iterable[Any] = self.conn.execute("SELECT data FROM articles ORDER BY seq")
        else:
            wanted = list(ids)
            rows = []
            for chunk in _chunks(wanted, 500):
                marks = ",".join("?" * len(chunk))
                rows.extend(
                    self.conn.execute(
                        f"SELECT data, seq FROM articles WHERE id IN ({marks})", chunk
                    ).fetchall()
                )
            rows = sorted(rows, key=lambda r: r[1])
        for row in rows:
            yield from_dict(Article, json.loads(row[0]))

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # ------------------------------------------------------------------ derivations

    def add_derivations(self, derivations: Iterable[Derivation]) -> None:
        with self.transaction() as conn:
            for d in derivations:
                conn.execute(
                    "INSERT OR REPLACE INTO derivations (child, parent, kind, similarity, data) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (d.child, d.parent, d.kind, d.similarity, _dumps(to_dict(d))),
                )

    def derivations(self, article_ids: Iterable[str] | None = None) -> list[Derivation]:
        rows = self.conn.execute("SELECT data FROM derivations ORDER BY child, parent").fetchall()
        found = [from_dict(Derivation, json.loads(r[0])) for r in rows]
        if article_ids is None:
            return found
        wanted = set(article_ids)
        return [d for d in found if d.child in wanted or d.parent in wanted]

    # ------------------------------------------------------------------ stories

    def assignments(self) -> Iterator[tuple[str, str]]:
        """(article id, story id) in ingest order."""
        yield from self.conn.execute(
            "SELECT sa.article, sa.story FROM story_articles sa "
            "JOIN articles a ON a.id = sa.article ORDER BY a.seq"
        )

    def save_stories(
        self, stories: Iterable[Story], merges: Iterable[tuple[str, str]] = ()
    ) -> None:
        """Replace the membership of the given stories; record merged-away stories."""
        with self.transaction() as conn:
            for absorbed, into in merges:
                conn.execute(
                    "INSERT INTO stories (id, size, merged_into) VALUES (?, 0, ?) "
                    "ON CONFLICT(id) DO UPDATE SET size=0, merged_into=excluded.merged_into",
                    (absorbed, into),
                )
                conn.execute("DELETE FROM briefs WHERE story=?", (absorbed,))
            for story in stories:
                conn.execute(
                    "INSERT INTO stories (id, label, start, end, size) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET label=excluded.label, start=excluded.start, "
                    "end=excluded.end, size=excluded.size, merged_into=NULL",
                    (story.id, story.label, story.start, story.end, len(story.article_ids)),
                )
                for article_id in story.article_ids:
                    conn.execute(
                        "INSERT OR REPLACE INTO story_articles (article, story) VALUES (?, ?)",
                        (article_id, story.id),
                    )

    def story(self, story_id: str) -> Story:
        row = self.conn.execute(
            "SELECT id, label, start, end, merged_into FROM stories WHERE id=?", (story_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no story with id {story_id!r}")
        if row[4]:
            return self.story(row[4])
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT sa.article FROM story_articles sa JOIN articles a ON a.id = sa.article "
                "WHERE sa.story=? ORDER BY a.seq",
                (story_id,),
            )
        ]
        return Story(id=row[0], article_ids=ids, start=row[2], end=row[3], label=row[1] or "")

    def stories(self) -> list[Story]:
        rows = self.conn.execute(
            "SELECT id FROM stories WHERE merged_into IS NULL AND size > 0 "
            "ORDER BY size DESC, start DESC, id"
        ).fetchall()
        return [self.story(r[0]) for r in rows]

    def story_rows(self) -> list[dict[str, Any]]:
        """Listing data for the stories table: no article bodies are loaded."""
        rows = self.conn.execute(
            "SELECT s.id, s.label, s.start, s.end, s.size, s.conflicts, "
            "(SELECT COUNT(DISTINCT a.outlet) FROM story_articles sa JOIN articles a "
            " ON a.id = sa.article WHERE sa.story = s.id AND a.outlet IS NOT NULL) "
            "FROM stories s WHERE s.merged_into IS NULL AND s.size > 0 "
            "ORDER BY s.size DESC, s.start DESC, s.id"
        ).fetchall()
        keys = ("id", "label", "start", "end", "size", "conflicts", "outlets")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    # ------------------------------------------------------------------ briefs

    def save_brief(self, brief: Brief) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO briefs (story, data) VALUES (?, ?)",
                (brief.story, _dumps(to_dict(brief))),
            )
            # the brief's headline is a better story label than the clusterer's first guess
            conn.execute(
                "UPDATE stories SET conflicts=?, label=? WHERE id=?",
                (len(brief.conflicts), brief.headline, brief.story),
            )
            conn.execute("DELETE FROM claims_fts WHERE story=?", (brief.story,))
            conn.executemany(
                "INSERT INTO claims_fts (story, claim, text) VALUES (?, ?, ?)",
                [(brief.story, i, c.text) for i, c in enumerate(brief.claims)],
            )

    def brief(self, story_id: str) -> Brief:
        story = self.story(story_id)  # follows merges, raises NotFoundError
        row = self.conn.execute("SELECT data FROM briefs WHERE story=?", (story.id,)).fetchone()
        if row is None:
            raise NotFoundError(f"story {story_id!r} has no brief yet", hint="run `newsbrief run`")
        return from_dict(Brief, json.loads(row[0]))

    def briefed_stories(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT story FROM briefs ORDER BY story")]

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

    # ------------------------------------------------------------------ search

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(article id, highlighted snippet) for an FTS5 query; bad syntax searches words."""
        sql = (
            "SELECT id, snippet(articles_fts, 2, '[', ']', '…', 12) FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            return list(self.conn.execute(sql, (query, limit)))
        except sqlite3.OperationalError:
            words = " ".join('"' + w.replace('"', "") + '"' for w in query.split())
            return list(self.conn.execute(sql, (words, limit))) if words else []

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
            " AND a.outlet IS NOT NULL) "
            "FROM (SELECT s.* FROM stories s WHERE s.merged_into IS NULL AND s.size > 0 "
            f"ORDER BY {order} LIMIT ? OFFSET ?) s ORDER BY {order}",
            (limit, offset),
        ).fetchall()
        keys = ("id", "label", "start", "end", "size", "conflicts", "outlets")
        found = [dict(zip(keys, r, strict=True)) for r in rows]
        for row in found:
            row["outlets"] = sorted(json.loads(row["outlets"] or "[]"))
        return found

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
        return [from_dict(Derivation, json.loads(r[0])) for r in rows]

    def article_heads(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """id -> {title, outlet, published, source} without loading article bodies."""
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), 500):
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
        try:
            return list(self.conn.execute(sql, (query, limit)))
        except sqlite3.OperationalError:
            words = " ".join('"' + w.replace('"', "") + '"' for w in query.split())
            return list(self.conn.execute(sql, (words, limit))) if words else []


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
