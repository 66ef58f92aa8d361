"""The clear-winner rule of the streamed join (``StoryClusterer(relax=...)``).

An item whose best candidate story scores at least twice the runner-up joins it at a
lower bar; one torn between two stories keeps the full bar. Undated headlines, so the
text-only threshold (0.3) applies and the burst prior is off.
"""

from __future__ import annotations

from newsbrief.cluster import StoryClusterer
from newsbrief.records import Article, article_id

BACKGROUND = [
    "Council approves new budget for schools",
    "Storm warning issued for northern coast",
    "Football club signs young striker",
    "Bank raises interest rates again",
    "Museum opens exhibit on ancient coins",
    "Election campaign enters final week",
]
VOLCANO = [
    "Volcano erupts near Kestrel Bay, ash cloud grounds flights",
    "Kestrel Bay volcano eruption grounds flights across the region",
]
STRIKE = [
    "Harbour strike in Dunmore enters third week",
    "Dunmore dock workers extend harbour strike",
]
# cosine just under 0.3 to the volcano story, no other candidate
ONLY_VOLCANO = "Parents in Kestrel Bay keep worried children home"
# cosine just under 0.3 to the volcano story and about 0.18 to the strike story
TORN = "Kestrel Bay and Dunmore parents keep worried children home from school"


def headline(title: str) -> Article:
    return Article(id=article_id("feed", title), source="feed", title=title)


def stream(relax: float) -> tuple[StoryClusterer, str]:
    clusterer = StoryClusterer(relax=relax)
    for title in BACKGROUND + STRIKE:
        clusterer.add(headline(title))
    volcano = {clusterer.add(headline(title)) for title in VOLCANO}
    assert len(volcano) == 1
    return clusterer, volcano.pop()


def test_clear_winner_joins_below_the_full_bar() -> None:
    clusterer, volcano = stream(relax=0.2)
    assert clusterer.add(headline(ONLY_VOLCANO)) == volcano
    # the same stream without the rule: the cosine is under the headline bar
    clusterer, volcano = stream(relax=0.0)
    assert clusterer.add(headline(ONLY_VOLCANO)) != volcano


def test_two_close_candidates_keep_the_full_bar() -> None:
    clusterer, volcano = stream(relax=0.2)
    torn = clusterer.add(headline(TORN))
    assert torn != volcano
    sizes = {s.id: len(s.article_ids) for s in clusterer.stories()}
    assert sizes[torn] == 1


def test_relaxed_factor_is_scale_free() -> None:
    clusterer = StoryClusterer(relax=0.2)
    assert clusterer._relaxed([]) == 1.0
    assert clusterer._relaxed([(0.05, "a")]) == 0.8  # alone: a clear winner at any scale
    assert clusterer._relaxed([(0.6, "a"), (0.3, "b")]) == 0.8
    assert clusterer._relaxed([(0.006, "a"), (0.003, "b")]) == 0.8
    assert clusterer._relaxed([(0.6, "a"), (0.31, "b")]) == 1.0
