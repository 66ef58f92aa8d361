from __future__ import annotations

import sqlite3

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
