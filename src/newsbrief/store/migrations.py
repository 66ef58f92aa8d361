"""The numbered schema migrations; ``PRAGMA user_version`` records how many have run.

Append, never edit: a database written by an older newsbrief is brought up to date by
running the migrations it has not seen, in order.
"""

from __future__ import annotations

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
    # 3: a story whose membership changed is dirty until its brief is rewritten, so a run
    # killed between clustering and briefing is finished by the next one
    """
    ALTER TABLE stories ADD COLUMN dirty INTEGER NOT NULL DEFAULT 0;
    UPDATE stories SET dirty = 1
        WHERE merged_into IS NULL AND size > 0 AND id NOT IN (SELECT story FROM briefs);
    """,
    # 4: claims_fts rows by story, so rewriting one brief does not scan every claim
    """
    CREATE TABLE claim_rows (row INTEGER PRIMARY KEY, story TEXT NOT NULL);
    CREATE INDEX claim_rows_story ON claim_rows(story);
    INSERT INTO claim_rows (row, story) SELECT rowid, story FROM claims_fts;
    """,
    # 5: the feed fetcher's cache: validators for conditional requests, and the entries whose
    # page could not be fetched, retried on the next run
    """
    CREATE TABLE fetches (
        url TEXT PRIMARY KEY,
        feed TEXT,
        etag TEXT,
        last_modified TEXT,
        fetched TEXT NOT NULL,
        error TEXT,
        entry TEXT
    );
    CREATE INDEX fetches_feed ON fetches(feed);
    """,
]
