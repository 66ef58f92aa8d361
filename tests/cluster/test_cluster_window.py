"""A day of headlines is regrouped order-free when its window closes (cluster/window.py)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from newsbrief.cluster import StoryClusterer
from newsbrief.cluster.window import average_link, window_key
from newsbrief.records import Article, article_id

DAY = datetime(2031, 5, 4, 6, 0, 0)

# three stories of one day, invented; the first two share a generic word ("storm")
STORIES = {
    "ferry": [
        "Ferry runs aground off Marlow Point in storm",
        "Marlow Point ferry aground, passengers taken off",
        "Coast guard frees Marlow Point ferry",
        "Marlow Point ferry operator suspends crossings",
    ],
    "grid": [
        "Storm knocks out Halden power grid",
        "Halden grid outage leaves thousands without power",
        "Halden power restored after grid failure",
        "Halden grid operator blames substation fault",
    ],
    "trial": [
        "Jury selected in Brennick fraud trial",
        "Brennick fraud trial opens with testimony",
        "Brennick lawyers challenge fraud evidence",
        "Brennick fraud trial hears from former partner",
    ],
}


def pile() -> list[tuple[str, Article]]:
    out = []
    for label, titles in STORIES.items():
        for title in titles:
            out.append((label, Article(id=article_id("feed", title), source="feed", title=title)))
    return out


def replay(order: list[tuple[str, Article]]) -> list[frozenset[str]]:
    """Feed the pile through ``add``, timestamps dealt in order over one day."""
    clusterer = StoryClusterer()
    for k, (_, article) in enumerate(order):
        when = DAY + timedelta(minutes=37 * k)
        clusterer.add(replace(article, published=when.isoformat()))
    return sorted((frozenset(s.article_ids) for s in clusterer.stories()), key=sorted)


def test_interleaved_day_gives_the_same_stories_in_any_order() -> None:
    items = pile()
    gold = sorted(
        (frozenset(a.id for lab, a in items if lab == label) for label in STORIES), key=sorted
    )
    by_story = replay(items)  # one story after another, as a crawl fetches them
    assert by_story == gold
    for seed in (1, 2, 3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)  # the stories interleave within the day
        assert replay(shuffled) == gold


def test_add_batch_of_headlines_returns_the_regrouped_stories() -> None:
    items = pile()
    articles = [
        replace(a, published=(DAY + timedelta(minutes=37 * k)).isoformat())
        for k, (_, a) in enumerate(reversed(items))
    ]
    clusterer = StoryClusterer()
    ids = clusterer.add_batch(articles)
    listed = {aid: s.id for s in clusterer.stories() for aid in s.article_ids}
    assert ids == [listed[a.id] for a in articles]
    assert len(set(ids)) == len(STORIES)


def test_average_link_walls_languages_and_needs_the_group_to_agree() -> None:
    a = {"halden": 1.0, "grid": 1.0}
    b = {"halden": 1.0, "power": 1.0}
    c = {"brennick": 1.0, "trial": 1.0}
    assert average_link([a, b, c], [None, None, None], 0.3) == [1, 1, 2]
    # the same two texts tagged with two known languages are never linked
    labels = average_link([a, dict(a)], ["en", "de"], 0.3)
    assert labels[0] != labels[1]


def test_window_key_is_the_day_and_undated_items_are_not_windowed() -> None:
    assert window_key(DAY) == window_key(DAY + timedelta(hours=17)) == "2031-05-04"
    assert window_key(None) == ""
