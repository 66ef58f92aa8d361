from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsbrief.errors import NotFoundError, StoreError
from newsbrief.records import (
    Article,
    Brief,
    Derivation,
    Problem,
    Removed,
    SentenceRef,
    Story,
    SummarySentence,
)
from newsbrief.store import MIGRATIONS, Store


def _article(n: int, text: str = "Body text.") -> Article:
    return Article(
        id=f"a{n}",
        source=f"f{n}.txt",
        title=f"Title {n}",
        text=f"{text} number {n}",
        removed=[Removed("Back to top", "navigation", 4)],
    )


def test_articles_round_trip_and_are_not_duplicated(tmp_path):
    with Store(tmp_path / "x.db") as store:
        assert [a.id for a in store.add_articles([_article(1), _article(2)])] == ["a1", "a2"]
        assert store.add_articles([_article(1)]) == []
        assert store.count_articles() == 2
        assert store.article("a1") == _article(1)
        assert [a.id for a in store.articles()] == ["a1", "a2"]
        assert [a.id for a in store.articles(["a2"])] == ["a2"]


def test_data_survives_reopening(tmp_path):
    path = tmp_path / "x.db"
    with Store(path) as store:
        store.add_articles([_article(1)])
        store.add_problems([Problem("bad.jsonl", "not valid JSON", line=3)])
    with Store(path) as store:
        assert store.count_articles() == 1
        assert store.problems() == [Problem("bad.jsonl", "not valid JSON", line=3)]
        (version,) = store.conn.execute("PRAGMA user_version").fetchone()
        assert version == len(MIGRATIONS)


def test_stories_merges_and_briefs():
    store = Store(":memory:")
    store.add_articles([_article(1), _article(2), _article(3)])
    store.save_stories([Story("s1", ["a1"], label="one"), Story("s2", ["a2", "a3"], label="two")])
    assert [s.id for s in store.stories()] == ["s2", "s1"]
    brief = Brief(
        story="s2",
        headline="Two",
        summary=[SummarySentence("x", [SentenceRef("a2", 0, "x")])],
    )
    store.save_brief(brief)
    assert store.brief("s2") == brief
    # s1 is absorbed into s2: asking for s1 now leads to s2
    store.save_stories([Story("s2", ["a1", "a2", "a3"], label="two")], merges=[("s1", "s2")])
    assert [s.id for s in store.stories()] == ["s2"]
    assert store.story("s1").id == "s2"
    assert dict(store.assignments()) == {"a1": "s2", "a2": "s2", "a3": "s2"}
    with pytest.raises(NotFoundError):
        store.story("nope")


def test_derivations_and_search():
    store = Store(":memory:")
    store.add_articles([_article(1, "Floods hit the valley."), _article(2, "Markets rose today.")])
    store.add_derivations([Derivation("a2", "a1", "rewrite", 0.8)])
    store.add_derivations([Derivation("a2", "a1", "rewrite", 0.9)])  # replaces, no duplicate
    assert [d.similarity for d in store.derivations()] == [0.9]
    assert store.derivations(["a1"])[0].child == "a2"
    hits = store.search("floods")
    assert [h[0] for h in hits] == ["a1"]
    assert store.search('unbalanced "quote') == []  # bad FTS syntax falls back to words


def test_transaction_rolls_back_on_error():
    store = Store(":memory:")
    with pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute("INSERT INTO problems (source, line, reason) VALUES ('x', 1, 'y')")
        raise RuntimeError("boom")
    assert store.problems() == []


def test_refuses_a_database_from_a_newer_version(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError):
        Store(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_rewriting_a_brief_replaces_its_searchable_claims():
    from newsbrief.records import Claim

    store = Store(":memory:")
    store.add_articles([_article(1), _article(2)])
    store.save_stories([Story("s1", ["a1"], label="one"), Story("s2", ["a2"], label="two")])
    for sid, word in (("s1", "turbines"), ("s2", "orchards")):
        store.save_brief(Brief(story=sid, headline=sid, claims=[Claim(f"New {word} open.")]))
    store.save_brief(Brief(story="s1", headline="s1", claims=[Claim("Old turbines stay.")]))
    hits = store.search_claims("turbines")
    assert [(sid, text) for sid, _, text in hits] == [("s1", "Old \x02turbines\x03 stay.")]
    assert [sid for sid, _, _ in store.search_claims("orchards")] == ["s2"]


# ------------------------------------------------------------------ locks and read-only opens


def _blocker(path) -> sqlite3.Connection:
    """Another process's writer: holds the write lock until told to commit."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO problems (source, line, reason) VALUES ('other', -1, 'held')")
    return conn


def test_writer_retries_while_another_holds_the_lock_and_keeps_its_batch(tmp_path):
    path = tmp_path / "lock.db"
    Store(path).close()
    blocker = _blocker(path)
    store = Store(path, busy_timeout=0.01, lock_retries=3)
    pauses: list[float] = []

    def pause(seconds: float) -> None:  # the other writer finishes during our first pause
        pauses.append(seconds)
        if blocker.in_transaction:
            blocker.execute("COMMIT")

    store._sleep = pause  # type: ignore[method-assign]
    assert [a.id for a in store.add_articles([_article(1), _article(2)])] == ["a1", "a2"]
    assert len(pauses) == 1  # one busy attempt, then the retry went through
    assert store.count_articles() == 2 and len(store.problems()) == 1  # both writers kept
    store.close()
    blocker.close()


def test_lock_held_past_the_limit_is_a_store_locked_error_and_stores_nothing(tmp_path):
    from newsbrief.errors import StoreLockedError

    path = tmp_path / "lock.db"
    Store(path).close()
    blocker = _blocker(path)
    store = Store(path, busy_timeout=0.01, lock_retries=2)
    pauses: list[float] = []
    store._sleep = pauses.append  # type: ignore[method-assign,assignment]
    with pytest.raises(StoreLockedError) as info:
        store.add_articles([_article(1), _article(2)])
    assert isinstance(info.value, StoreError) and "locked" in str(info.value)
    assert "run the command again" in info.value.hint
    assert pauses == [0.5, 1.0]  # two retries, growing pauses, then it gives up
    assert not store.conn.in_transaction
    blocker.execute("COMMIT")
    assert store.count_articles() == 0  # no half batch
    assert len(store.add_articles([_article(1), _article(2)])) == 2  # a rerun stores it whole
    store.close()
    blocker.close()


def _filled(path) -> None:
    with Store(path) as store:
        store.add_articles([_article(1), _article(2)])
        store.save_stories([Story("s1", ["a1", "a2"], None, None, "One")])
        brief = Brief(story="s1", headline="One", summary=[SummarySentence("x", [])])
        store.save_brief(brief)


def test_read_only_store_reads_and_never_writes(tmp_path):
    path = tmp_path / "ro.db"
    _filled(path)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    with Store(path, read_only=True) as store:
        assert [s.id for s in store.stories()] == ["s1"]
        assert store.brief("s1").headline == "One"
        assert [r["id"] for r in store.story_page()] == ["s1"]
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
            store.conn.execute("DELETE FROM articles")
        with pytest.raises(sqlite3.OperationalError):
            store.add_articles([_article(3)])
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime


def test_read_only_open_does_not_migrate_an_older_schema(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version=1;")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="schema 1, older") as info:
        Store(path, read_only=True)
    assert "upgrade" in info.value.hint
    assert path.read_bytes() == before  # not upgraded behind the reader's back
    with Store(path) as store:  # a writable open still upgrades it
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_read_only_store_of_a_missing_file_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "absent.db", read_only=True)
    assert not (tmp_path / "absent.db").exists()


def test_codec_matches_records_to_dict_and_from_dict(examples_dir: Path) -> None:
    """The store's compiled (de)serializer gives exactly what records' reflective one gives."""
    import json as _json

    from newsbrief.engines.local import run_paths
    from newsbrief.records import Article, Brief, from_dict, to_dict
    from newsbrief.store.codec import dump, load

    briefs = run_paths([str(examples_dir)]).briefs
    assert briefs
    with Store(":memory:") as store:
        from newsbrief.engines.local import process

        process([str(examples_dir)], store)
        articles = list(store.articles())
    assert articles
    for cls, records in ((Article, articles), (Brief, briefs)):
        for record in records:
            plain = to_dict(record)
            assert dump(record) == plain
            data = _json.loads(_json.dumps(plain))
            assert load(cls, data) == from_dict(cls, data)
            assert to_dict(load(cls, data)) == plain


def test_a_new_database_in_a_folder_not_made_yet(tmp_path):
    path = tmp_path / "runs" / "flood" / "nb.db"
    store = Store(path)
    store.add_articles([_article(1)])
    assert path.exists()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store(blocker / "nb.db")
