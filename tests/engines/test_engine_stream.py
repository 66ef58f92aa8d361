"""Bounded streaming in the local engine: chunks in publish order, closed stories stay out."""

from __future__ import annotations

import contextlib
import json

from newsbrief.engines import SilentReporter
from newsbrief.engines.base import RunResult, assign_pending, brief_dirty, brief_stories
from newsbrief.engines.local import ingest
from newsbrief.store import Store

PIER = [
    "The harbour authority closed the northern pier on Monday after a crane collapsed onto "
    "the quay. Engineers said repairs to the crane rails would take several weeks. Ferries "
    "will dock at the southern pier until the inspection of the quay is finished.",
    "A crane collapsed onto the northern pier of the harbour on Monday, and the harbour "
    "authority closed the pier. Inspectors are examining the quay and the crane rails. "
    "Ferry passengers were told to use the southern pier for several weeks.",
]
VOTE = [
    "Voters in the river district elected a new mayor on Sunday after a long campaign about "
    "flood defences. Turnout was the highest in two decades, the election office said. The "
    "new mayor promised to raise the dykes along the river before winter.",
    "The river district chose a new mayor on Sunday in an election dominated by flood "
    "defences. The election office said turnout was the highest in twenty years. Raising "
    "the dykes before winter was the winner's main promise.",
]


def _corpus(path):
    rows = []
    # the same pier story twice, months apart: two stories, never one
    for month in ("01", "06"):
        for k, text in enumerate(PIER):
            rows.append(
                {"title": "Pier closed", "text": text, "published": f"2020-{month}-0{k + 1}"}
            )
        rows.append({"title": "Mayor elected", "text": VOTE[0], "published": f"2020-{month}-02"})
        rows.append({"title": "New mayor", "text": VOTE[1], "published": f"2020-{month}-03"})
    # an exact copy of the first pier article on another site, a day later
    rows.append(
        {
            "title": "Pier closed",
            "text": PIER[0],
            "url": "https://copy.example/p",
            "published": "2020-01-02",
        }
    )
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def _run(db, corpus, chunk_size, loaded=None):
    with Store(db) as store:
        result = RunResult()
        ingest([corpus], store, SilentReporter(), result)
        fetch = store.articles
        if loaded is not None:

            def spy(ids=None):
                wanted = None if ids is None else list(ids)
                loaded.append(set(wanted) if wanted is not None else {"<all>"})
                return fetch(wanted)

            store.articles = spy  # type: ignore[method-assign]
        assign_pending(store, SilentReporter(), chunk_size=chunk_size)
        store.articles = fetch  # type: ignore[method-assign]
        brief_dirty(store, SilentReporter(), result, 60, brief_stories)
        assert store.dirty_stories() == []
        assert not result.problems
        stories = store.stories()
        heads = store.article_heads(a for s in stories for a in s.article_ids)
        return (
            {frozenset(s.article_ids) for s in stories},
            {(d.child, d.parent, d.kind) for d in store.derivations()},
            [{heads[a]["published"][:7] for a in s.article_ids} for s in stories],
        )


def test_chunks_keep_stories_apart_in_time_and_find_copies(tmp_path):
    corpus = tmp_path / "c.jsonl"
    _corpus(corpus)
    stories, derivations, months = _run(tmp_path / "chunked.db", corpus, chunk_size=3)
    assert sum(len(s) for s in stories) == 9  # every article in exactly one story
    assert len(set().union(*stories)) == 9
    # no story spans the January and the June reports
    assert all(len(m) == 1 for m in months)
    assert any(kind == "exact" for _, _, kind in derivations)
    # the mayor reports of one month form one story
    assert sum(1 for s, m in zip(stories, months, strict=True) if len(s) >= 2) >= 2


def test_a_killed_chunked_run_resumes_to_the_same_stories(tmp_path, monkeypatch):
    import newsbrief.engines.base as base

    corpus = tmp_path / "c.jsonl"
    _corpus(corpus)
    clean = _run(tmp_path / "clean.db", corpus, chunk_size=3)

    real = base._assign_chunk
    calls = []

    def dies_after_two(*args):
        if len(calls) == 2:
            raise KeyboardInterrupt  # as a kill between two committed chunks
        calls.append(args)
        real(*args)

    db = tmp_path / "killed.db"
    with Store(db) as store:
        ingest([corpus], store, SilentReporter(), RunResult())
        monkeypatch.setattr(base, "_assign_chunk", dies_after_two)
        with contextlib.suppress(KeyboardInterrupt):
            assign_pending(store, SilentReporter(), chunk_size=3)
        monkeypatch.setattr(base, "_assign_chunk", real)
        assert len(calls) == 2
    assert _run(db, corpus, chunk_size=3) == clean


def test_closed_stories_are_not_loaded_again(tmp_path):
    corpus = tmp_path / "c.jsonl"
    _corpus(corpus)
    loaded: list[set[str]] = []
    # five January articles, then four June ones: one chunk per month
    _run(tmp_path / "s.db", corpus, chunk_size=5, loaded=loaded)
    with Store(tmp_path / "s.db") as store:
        january = {a.id for a in store.articles() if a.published.startswith("2020-01")}
        june = {a.id for a in store.articles() if a.published.startswith("2020-06")}
    assert "<all>" not in set().union(*loaded), "never the whole corpus"
    with_june = [ids for ids in loaded if ids & june]
    assert with_june, "June's chunks were loaded"
    # by June the January stories are closed: clustering June never brings them back
    assert all(not ids & january for ids in with_june)
