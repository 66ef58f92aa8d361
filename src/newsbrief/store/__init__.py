"""The SQLite store: the only package that talks to the database.

One file, WAL mode, FTS5 for search. Records are kept as JSON next to the columns that
queries need. Each ingest batch is one transaction, so a crash loses nothing already
committed and a rerun resumes. Schema changes are numbered migrations keyed on
``PRAGMA user_version``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsbrief.errors import NotFoundError
from newsbrief.records import (
    Article,
    Brief,
    Derivation,
    Story,
)
from newsbrief.store.browse import BrowseQueries, chunks
from newsbrief.store.codec import dump, load, to_json
from newsbrief.store.connection import BUSY_TIMEOUT, LOCK_RETRIES, RETRY_PAUSE, Database
from newsbrief.store.migrations import MIGRATIONS
from newsbrief.store.side_rows import SideRows


class Store(Database, SideRows, BrowseQueries):
    """A newsbrief database. ``Store(":memory:")`` gives a throwaway one.

    ``read_only=True`` opens the file through a ``mode=ro`` URI: nothing is written, no
    migration runs, and a database on a read-only file or folder can still be read. WAL
    readers need the ``-shm`` and ``-wal`` files next to the database; SQLite creates them
    when the folder is writable. When it is not and they do not exist, the database is opened
    ``immutable=1`` instead, which is right for a folder nobody can write to (a newsbrief
    writer could not change it either) and reads the main file only.
    """

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
                        to_json(dump(article)),
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
        return load(Article, json.loads(row[0]))

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles in ingest order (all of them, or those with the given ids)."""
        if ids is None:
            rows: Iterable[Any] = self.conn.execute("SELECT data FROM articles ORDER BY seq")
        else:
            wanted = list(ids)
            rows = []
            for chunk in chunks(wanted, 500):
                marks = ",".join("?" * len(chunk))
                rows.extend(
                    self.conn.execute(
                        f"SELECT data, seq FROM articles WHERE id IN ({marks})", chunk
                    ).fetchall()
                )
            rows = sorted(rows, key=lambda r: r[1])
        for row in rows:
            yield load(Article, json.loads(row[0]))

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # ------------------------------------------------------------------ derivations

    def add_derivations(self, derivations: Iterable[Derivation]) -> None:
        with self.transaction() as conn:
            for d in derivations:
                conn.execute(
                    "INSERT OR REPLACE INTO derivations (child, parent, kind, similarity, data) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (d.child, d.parent, d.kind, d.similarity, to_json(dump(d))),
                )

    def derivations(self, article_ids: Iterable[str] | None = None) -> list[Derivation]:
        rows = self.conn.execute("SELECT data FROM derivations ORDER BY child, parent").fetchall()
        found = [load(Derivation, json.loads(r[0])) for r in rows]
        if article_ids is None:
            return found
        wanted = set(article_ids)
        return [d for d in found if d.child in wanted or d.parent in wanted]

    # ------------------------------------------------------------------ stories

    def pending_heads(self) -> list[tuple[str, str | None, int]]:
        """(id, published, seq) of the stored articles in no story yet, in ingest order;
        no article bodies are loaded."""
        rows = self.conn.execute(
            "SELECT id, published, seq FROM articles WHERE id NOT IN "
            "(SELECT article FROM story_articles) ORDER BY seq"
        )
        return [(r[0], r[1], r[2]) for r in rows]

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
                    "INSERT INTO stories (id, label, start, end, size, dirty) "
                    "VALUES (?, ?, ?, ?, ?, 1) "
                    "ON CONFLICT(id) DO UPDATE SET label=excluded.label, start=excluded.start, "
                    "end=excluded.end, size=excluded.size, merged_into=NULL, dirty=1",
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
            # an article naming no outlet counts as its own source, as the web brief counts it
            "(SELECT COUNT(DISTINCT COALESCE(a.outlet, a.source)) FROM story_articles sa "
            " JOIN articles a ON a.id = sa.article WHERE sa.story = s.id) "
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
                (brief.story, to_json(dump(brief))),
            )
            # the brief's headline is a better story label than the clusterer's first guess
            conn.execute(
                "UPDATE stories SET conflicts=?, label=?, dirty=0, start=COALESCE(start, ?), "
                "end=COALESCE(end, ?) WHERE id=?",
                (len(brief.conflicts), brief.headline, brief.start, brief.end, brief.story),
            )
            # by rowid through an indexed table: a WHERE on the FTS table's unindexed story
            # column scans every claim of every story, once per brief
            old = conn.execute("SELECT row FROM claim_rows WHERE story=?", (brief.story,))
            conn.executemany("DELETE FROM claims_fts WHERE rowid=?", old.fetchall())
            conn.execute("DELETE FROM claim_rows WHERE story=?", (brief.story,))
            for i, c in enumerate(brief.claims):
                cur = conn.execute(
                    "INSERT INTO claims_fts (story, claim, text) VALUES (?, ?, ?)",
                    (brief.story, i, c.text),
                )
                conn.execute(
                    "INSERT INTO claim_rows (row, story) VALUES (?, ?)",
                    (cur.lastrowid, brief.story),
                )

    def brief(self, story_id: str) -> Brief:
        story = self.story(story_id)  # follows merges, raises NotFoundError
        row = self.conn.execute("SELECT data FROM briefs WHERE story=?", (story.id,)).fetchone()
        if row is None:
            raise NotFoundError(f"story {story_id!r} has no brief yet", hint="run `newsbrief run`")
        return load(Brief, json.loads(row[0]))

    def dirty_stories(self) -> list[str]:
        """Stories whose membership changed since their brief was last written."""
        rows = self.conn.execute(
            "SELECT id FROM stories WHERE dirty=1 AND merged_into IS NULL AND size > 0 ORDER BY id"
        )
        return [r[0] for r in rows]

    def briefed_stories(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT story FROM briefs ORDER BY story")]


__all__ = ["BUSY_TIMEOUT", "LOCK_RETRIES", "MIGRATIONS", "RETRY_PAUSE", "Store", "chunks"]
