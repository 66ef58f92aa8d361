"""A later batch regroups only the stored stories it touches (cluster/relink.py)."""

from __future__ import annotations

from test_cluster_batch import art  # type: ignore[import-not-found]

from newsbrief.cluster import StoryClusterer

# bodies long enough for batch linking (shorter batches are streamed one item at a time)
FLOOD = [
    (
        "Floods cut off Marrow valley villages",
        "Heavy rain flooded the Marrow valley and cut off four villages. Rescue teams used "
        "boats to reach families near the Marrow river. The regional council opened two "
        "shelters in Brentby school and asked drivers to keep off the valley road.",
    ),
    (
        "Marrow river floods strand families",
        "Families in the Marrow valley waited on rooftops as the river burst its banks. "
        "Rescue boats reached the flooded villages by evening. Brentby school now shelters "
        "more than two hundred people, the regional council said.",
    ),
]
CHESS = [
    (
        "Teenager wins Oskarsborg chess open",
        "A sixteen-year-old grandmaster won the Oskarsborg chess open on Sunday, beating the "
        "defending champion in the final round. She lost only one game in nine rounds and "
        "takes home the winner's trophy and a place in the Nordic masters.",
    ),
    (
        "Oskarsborg open: young grandmaster takes title",
        "The Oskarsborg chess open ended with a win for the sixteen-year-old grandmaster over "
        "the defending champion. Her nine rounds brought one loss, and the win gives her a "
        "seat at the Nordic masters next spring.",
    ),
]
ELECTION = [
    (
        "Harlow council vote count delayed",
        "Counting in the Harlow council election was delayed overnight after a recount was "
        "requested in two wards. The returning officer said results would follow on Friday.",
    ),
    (
        "Harlow recount pushes council result to Friday",
        "A recount in two Harlow wards held up the council election result, which the "
        "returning officer now expects on Friday.",
    ),
]


def stored(*stories: list[tuple[str, str]]) -> tuple[StoryClusterer, dict[str, str]]:
    """A clusterer restored from stored stories, one per list; article id -> story id."""
    one = StoryClusterer()
    arts = [art(*item) for items in stories for item in items]
    one.add_batch(arts)
    story_of = {aid: s.id for s in one.stories() for aid in s.article_ids}
    again = StoryClusterer()
    again.restore((a, story_of[a.id]) for a in arts)
    return again, story_of


def test_a_new_article_joins_its_story_and_leaves_the_others_alone() -> None:
    clusterer, story_of = stored(FLOOD[:1], CHESS, ELECTION)
    newcomer = art(*FLOOD[1])
    [sid] = clusterer.add_batch([newcomer])
    flood = story_of[art(*FLOOD[0]).id]
    assert sid == flood  # the stored story keeps its id
    assert clusterer.changed == {flood}  # the chess and election stories are not rewritten
    assert not clusterer.merges
    stories = {s.id: set(s.article_ids) for s in clusterer.stories()}
    assert len(stories) == 3 and stories[flood] == {art(*FLOOD[0]).id, newcomer.id}


def test_two_batches_equal_one_run_on_three_stories() -> None:
    items = [FLOOD[1], CHESS[0], ELECTION[1], FLOOD[0], CHESS[1], ELECTION[0]]
    whole = StoryClusterer()
    whole.add_batch([art(*x) for x in items])
    clusterer, _ = stored(items[:3])
    clusterer.add_batch([art(*x) for x in items[3:]])
    assert {frozenset(s.article_ids) for s in clusterer.stories()} == {
        frozenset(s.article_ids) for s in whole.stories()
    }
