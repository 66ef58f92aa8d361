from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest

from newsbrief.cluster import StoryClusterer
from newsbrief.cluster.burst import BurstTracker
from newsbrief.records import Article, article_id

T0 = datetime(2031, 5, 4, 9, 0, 0)

VOLCANO = [
    "Volcano erupts near Kestrel Bay, ash cloud grounds flights",
    "Kestrel Bay volcano eruption grounds flights across the region",
    "Ash from Kestrel Bay volcano eruption halts flights",
]
# shares only the place name with the story: below the text-only bar for headlines (0.3)
FOLLOW_UP = "Parents in Kestrel Bay keep children home"


def headline(title: str, when: datetime | None) -> Article:
    return Article(
        id=article_id("feed", title + str(when)),
        source="feed",
        title=title,
        published=when.isoformat() if when else None,
    )


def test_recency_unknown_stream_is_off() -> None:
    tracker = BurstTracker()
    assert tracker.recency(T0, T0, T0, 1) == 0.0
    tracker.observe(T0)
    assert tracker.stream_gap() == 0.0  # one arrival: no gap yet
    assert tracker.recency(T0, T0, T0, 1) == 0.0


def test_recency_decays_in_units_of_the_story_gap() -> None:
    tracker = BurstTracker(gaps=10.0)
    for k in range(5):
        tracker.observe(T0 + timedelta(seconds=60 * k))
    assert tracker.stream_gap() == 60.0
    # inside the story's span: the item is part of the burst
    assert tracker.recency(T0 + timedelta(minutes=1), T0, T0 + timedelta(minutes=2), 3) == 1.0
    fast_end = T0 + timedelta(minutes=4)  # five articles a minute apart
    slow_end = T0 + timedelta(hours=4)  # five articles an hour apart
    later = slow_end + timedelta(minutes=30)
    fast = tracker.recency(later, T0, fast_end, 5)
    slow = tracker.recency(later, T0, slow_end, 5)
    # half an hour of silence ends a story arriving every minute, not one arriving hourly
    assert fast < 0.05 < 0.9 < slow < 1.0
    # five articles in one second: the story's gap counts as a tenth of the stream's (6 s),
    # so two minutes later it is 2 scales (10 x 6 s) past its burst
    burst = tracker.recency(T0 + timedelta(seconds=120), T0, T0, 5)
    assert burst == pytest.approx(math.exp(-2.0))


def test_bursting_story_takes_a_weakly_related_headline() -> None:
    # the arrival-time decision of ``add`` alone (no window regrouping, test_cluster_window.py)
    clusterer = StoryClusterer(window_link=None)
    ids = [
        clusterer.add(headline(t, T0 + timedelta(seconds=20 * k))) for k, t in enumerate(VOLCANO)
    ]
    assert len(set(ids)) == 1
    joined = clusterer.add(headline(FOLLOW_UP, T0 + timedelta(seconds=60)))
    assert joined == ids[0]
    # the same stream without the prior (nor the clear-winner rule, which acts on text
    # alone, see test_cluster_relax.py): the headline opens a story of its own
    text_only = StoryClusterer(burst_bonus=0.0, relax=0.0, window_link=None)
    for k, title in enumerate(VOLCANO):
        text_only.add(headline(title, T0 + timedelta(seconds=20 * k)))
    alone = text_only.add(headline(FOLLOW_UP, T0 + timedelta(seconds=60)))
    assert len([s for s in text_only.stories() if alone == s.id]) == 1
    assert len(text_only.stories()) == 2


def test_quiet_story_needs_more_text() -> None:
    clusterer = StoryClusterer(window_link=None)
    ids = [
        clusterer.add(headline(t, T0 + timedelta(seconds=20 * k))) for k, t in enumerate(VOLCANO)
    ]
    # two days later the volcano story is long quiet: one shared name is not enough
    late = clusterer.add(headline(FOLLOW_UP, T0 + timedelta(days=2)))
    assert late != ids[0]
    assert len(clusterer.stories()) == 2


def test_prior_off_without_times() -> None:
    with_prior = StoryClusterer()
    without = StoryClusterer(burst_bonus=0.0)
    for clusterer in (with_prior, without):
        for title in [*VOLCANO, FOLLOW_UP]:
            clusterer.add(headline(title, None))
    # undated headlines take the text-only path, prior or not
    sizes = sorted(len(s.article_ids) for s in with_prior.stories())
    assert sizes == sorted(len(s.article_ids) for s in without.stories())
    assert sum(sizes) == 4
