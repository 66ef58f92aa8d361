from __future__ import annotations

from datetime import datetime, timedelta

from newsbrief.annotate import split_sentences
from newsbrief.cluster import StoryClusterer
from newsbrief.cluster.batch import average_link, gate_by_time, neighbour_graph
from newsbrief.records import Article, article_id

FLOOD = [
    (
        "Floods cut off Marrow valley villages",
        "Heavy rain flooded the Marrow valley and cut off four villages. Rescue teams used boats to reach families near the Marrow river.",
    ),
    (
        "Marrow river floods strand families",
        "Families in the Marrow valley waited on rooftops as the river burst its banks. Rescue boats reached the flooded villages.",
    ),
]
CHESS = [
    (
        "Teenager wins Oskarsborg chess open",
        "A sixteen-year-old grandmaster won the Oskarsborg chess open on Sunday, beating the defending champion.",
    ),
    (
        "Oskarsborg open: young grandmaster takes title",
        "The Oskarsborg chess open ended with a win for the sixteen-year-old grandmaster over the defending champion.",
    ),
]


def art(title: str, text: str, published: str | None = None) -> Article:
    a = Article(id=article_id(title, text), source=title, title=title, text=text)
    a.published = published
    a.sentences = split_sentences(text)
    return a


def test_neighbour_graph_keeps_top_k() -> None:
    vecs = [{"a": 1.0, "b": 1.0}, {"a": 1.0}, {"b": 1.0}, {"c": 1.0}]
    edges = neighbour_graph(vecs, k=1)
    assert (0, 3) not in edges and (1, 2) not in edges
    assert edges[(0, 1)] > 0.7 and all(i < j for i, j in edges)


def test_average_link_uses_all_pairs() -> None:
    # 0-1 close, 2 close to 1 only: average over {0,1} vs 2 is (0 + 0.5) / 2 = 0.25
    edges = {(0, 1): 0.9, (1, 2): 0.5}
    labels = average_link(3, edges, threshold=0.3)
    assert labels[0] == labels[1] != labels[2]
    labels = average_link(3, edges, threshold=0.2)
    assert len(set(labels)) == 1


def test_time_gate_drops_distant_pairs() -> None:
    t = datetime(2020, 1, 1)
    edges = {(0, 1): 0.9, (0, 2): 0.9}
    kept = gate_by_time(edges, [t, t + timedelta(days=30), None], timedelta(days=7))
    assert kept == {(0, 2): 0.9}


def test_batch_groups_and_joins_existing_story() -> None:
    c = StoryClusterer()
    first = art(*FLOOD[0])
    sid = c.add(first)
    batch = [art(*FLOOD[1]), art(*CHESS[0]), art(*CHESS[1])]
    ids = c.add_batch(batch)
    assert ids[0] == sid  # the new flood article joins the story opened incrementally
    assert ids[1] == ids[2] != sid
    stories = {s.id: set(s.article_ids) for s in c.stories()}
    assert stories[sid] == {first.id, batch[0].id}


def test_batch_stub_stays_alone() -> None:
    stub = art("", "Please try again later.")
    ids = StoryClusterer().add_batch([art(*FLOOD[0]), art(*FLOOD[1]), stub])
    assert ids[0] == ids[1] != ids[2]


def test_a_batch_of_headlines_is_clustered_as_a_stream() -> None:
    from newsbrief.cluster import StoryClusterer
    from newsbrief.records import Article

    titles = [
        "Storm floods coastal town of Merrow",
        "Merrow floods: coastal town under water after storm",
        "Storm leaves Merrow coastal town flooded",
        "Central bank raises interest rates again",
        "Interest rates raised again by central bank",
    ]
    items = [Article(id=f"h{i}", source=f"h{i}", title=t) for i, t in enumerate(titles)]
    labels = StoryClusterer().add_batch(items)
    assert len(set(labels[:3])) == 1 and len(set(labels[3:])) == 1
    assert labels[0] != labels[3]
