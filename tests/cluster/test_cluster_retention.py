"""StoryClusterer's bounded state: closed stories are forgotten, sentence counts pruned."""

from __future__ import annotations

from newsbrief.annotate import split_sentences
from newsbrief.cluster import StoryClusterer
from newsbrief.cluster.state import SentenceCounts
from newsbrief.records import Article, article_id

BRIDGE = (
    "Engineers reopened the Tollan footbridge over the Sarre canal after a week of repairs "
    "to its cracked steel deck. The footbridge carries walkers between the Tollan market and "
    "the canal station."
)
BRIDGE2 = (
    "The Tollan footbridge across the Sarre canal is open again, the canal authority said, "
    "after engineers repaired cracks in the steel deck between the market and the station."
)
CHOIR = (
    "The Ardwen youth choir won the northern festival cup with a programme of old sea songs. "
    "Its conductor said the singers had rehearsed every evening in the Ardwen chapel."
)


def art(text: str, published: str, n: int) -> Article:
    a = Article(id=article_id(f"a{n}", text), source=f"s{n}", title=text[:30], text=text)
    a.published = published
    a.sentences = split_sentences(text)
    return a


def test_closed_stories_leave_memory_and_postings() -> None:
    from datetime import datetime

    c = StoryClusterer(window_days=7)
    first = c.add(art(BRIDGE, "2021-05-01", 1))
    c.add(art(CHOIR, "2021-05-20", 2))
    closed = c.close_before(datetime(2021, 5, 20))
    assert [s.id for s in closed] == [first] and closed[0].end == "2021-05-01"
    assert first not in {s.id for s in c.stories()}
    assert all(first not in ids for ids in c._postings.values())
    # a later report on the same bridge opens a story of its own, with a new id
    later = c.add(art(BRIDGE2, "2021-05-21", 3))
    assert later != first and len(c.stories()) == 2


def test_undated_and_recent_stories_stay_open() -> None:
    from datetime import datetime

    c = StoryClusterer(window_days=7)
    undated = Article(id="u", source="u", title="Choir", text=CHOIR)
    undated.sentences = split_sentences(CHOIR)
    c.add(undated)
    recent = c.add(art(BRIDGE, "2021-05-18", 1))
    assert c.close_before(datetime(2021, 5, 20)) == []
    assert {s.id for s in c.stories()} >= {recent}
    assert len(c.stories()) == 2


def test_sentence_counts_prune_rare_keys_past_the_limit() -> None:
    counts = SentenceCounts()
    counts.LIMIT = 10  # type: ignore[misc]
    counts.update(["template"] * 3)
    counts.update(["twice", "twice"])
    counts.update(f"once {i}" for i in range(9))
    # past the limit: keys seen once go first, the frequent template sentence stays
    assert len(counts) <= 5
    assert counts["template"] == 3
    assert not any(k.startswith("once") for k in counts)
