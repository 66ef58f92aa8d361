"""The local engine's work per chunk does not grow with the store: open stories are
carried between chunks, briefing never loads the whole derivations table."""

from __future__ import annotations

import json
from datetime import datetime

from newsbrief.engines import SilentReporter
from newsbrief.engines.base import (
    OpenStories,
    RunResult,
    assign_pending,
    brief_dirty,
    brief_stories,
)
from newsbrief.engines.local import ingest
from newsbrief.records import Story
from newsbrief.store import Store

# invented reports: a ferry story and a market story, each told twice a month, in three
# months, plus a copy, so chunks of three close and reopen stories
FERRY = [
    "The Dunmore ferry stopped running on Monday after its engine failed in the harbour. "
    "Passengers were taken back to the quay by pilot boats, the ferry company said. "
    "Mechanics expect to repair the engine within a fortnight.",
    "An engine failure halted the Dunmore ferry in the harbour on Monday, and pilot boats "
    "brought the passengers back to the quay. The ferry company said repairs to the engine "
    "would take about two weeks.",
]
MARKET = [
    "The covered market of Lisk reopened on Saturday after a new glass roof was fitted. "
    "Stallholders returned to their pitches and the town council held a small ceremony. "
    "The roof cost the council nearly two million.",
    "Lisk's covered market has a new glass roof and opened again on Saturday with a council "
    "ceremony. Traders moved back into their stalls; the roof cost close to two million.",
]


def _corpus(path):
    rows = []
    for month, name in (("02", "February"), ("05", "May"), ("09", "September")):
        # a sentence of each month's own, so only the syndicated copy repeats a whole text
        own = f" It was the third such incident since {name}."
        for k, text in enumerate(FERRY):
            day = f"2021-{month}-0{k + 1}"
            rows.append({"title": "Ferry halted", "text": text + own, "published": day})
        for k, text in enumerate(MARKET):
            day = f"2021-{month}-1{k}"
            rows.append({"title": "Market reopens", "text": text + own, "published": day})
    copy = FERRY[0] + " It was the third such incident since May."
    rows.append(
        {"title": "Ferry", "text": copy, "url": "https://c.example/f", "published": "2021-05-02"}
    )
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def _result(db, corpus, forget_between_chunks):
    import newsbrief.engines.base as base

    real = base._assign_chunk

    def from_store_each_time(store, ids, published, carried=None):
        return real(store, ids, published, None)

    with Store(db) as store:
        result = RunResult()
        ingest([corpus], store, SilentReporter(), result)
        if forget_between_chunks:
            base._assign_chunk = from_store_each_time  # type: ignore[assignment]
        try:
            assign_pending(store, SilentReporter(), chunk_size=3)
        finally:
            base._assign_chunk = real  # type: ignore[assignment]
        stories = {frozenset(s.article_ids) for s in store.stories()}
        derivations = {(d.child, d.parent, d.kind) for d in store.derivations()}
        return stories, derivations


def test_carried_open_stories_give_what_the_store_gives(tmp_path):
    corpus = tmp_path / "c.jsonl"
    _corpus(corpus)
    carried = _result(tmp_path / "carried.db", corpus, forget_between_chunks=False)
    fresh = _result(tmp_path / "fresh.db", corpus, forget_between_chunks=True)
    assert carried == fresh
    stories, derivations = carried
    assert sum(len(s) for s in stories) == 13
    assert any(kind == "exact" for _, _, kind in derivations)


def test_open_stories_close_and_follow_merges():
    open_ = OpenStories()
    open_.update(
        [
            Story(id="a", article_ids=["1"], end="2021-01-01"),
            Story(id="b", article_ids=["2", "3"], end="2021-03-01"),
            Story(id="u", article_ids=["4"], end=None),
        ],
        [],
    )
    open_.update([Story(id="b", article_ids=["2", "3", "5"], end="2021-03-04")], [("x", "b")])
    open_.close(datetime(2021, 2, 1))
    assert open_.members == {"b": ["2", "3", "5"], "u": ["4"]}  # undated never closes
    open_.update([Story(id="u", article_ids=["4", "2", "3", "5"], end=None)], [("b", "u")])
    assert set(open_.end) == {"u"}


def test_briefing_loads_derivations_per_story_only(tmp_path):
    from newsbrief.dedup import find_derivations

    corpus = tmp_path / "c.jsonl"
    _corpus(corpus)
    with Store(tmp_path / "b.db") as store:
        result = RunResult()
        ingest([corpus], store, SilentReporter(), result)
        # stories by hand (topic and month), so the test does not rest on clustering quality
        groups: dict[tuple[bool, str], list[str]] = {}
        for a in store.articles():
            groups.setdefault(("Ferry" in a.title, a.published[:7]), []).append(a.id)
        store.save_stories(
            Story(id=f"s{i}", article_ids=ids) for i, ids in enumerate(groups.values())
        )
        store.add_derivations(find_derivations(list(store.articles())))
        story_of = {a: s.id for s in store.stories() for a in s.article_ids}
        inside = {
            (d.child, d.parent)
            for d in store.derivations()
            if story_of[d.child] == story_of[d.parent]
        }

        def no_full_scan(article_ids=None):
            raise AssertionError("brief_dirty loaded the whole derivations table")

        store.derivations = no_full_scan  # type: ignore[method-assign]
        brief_dirty(store, SilentReporter(), result, 60, brief_stories)
        assert store.dirty_stories() == []
        cited = {
            (d.child, d.parent)
            for sid in store.briefed_stories()
            for d in store.brief(sid).derivations
        }
    # every derivation between two articles of one story reaches that story's brief
    assert inside and cited == inside
