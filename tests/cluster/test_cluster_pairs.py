from __future__ import annotations

import math

import pytest

from newsbrief.annotate import split_sentences
from newsbrief.cluster import StoryClusterer
from newsbrief.cluster.batch import neighbour_lists
from newsbrief.cluster.pairs import FEATURES, pair_cosines, pair_features, probabilities
from newsbrief.eval.cluster_fit import bcubed_on, fit_pair_model, fold_of, two_fold
from newsbrief.eval.loaders import LabelledItem
from newsbrief.records import Article, article_id

STORIES = {
    "flood": [
        (
            "Floods cut off Marrow valley villages",
            "Heavy rain flooded the Marrow valley and cut off four villages near the river. Rescue teams used boats to reach families.",
        ),
        (
            "Marrow river floods strand families",
            "Families in the Marrow valley waited on rooftops as the river burst its banks. Rescue boats reached the flooded villages.",
        ),
        (
            "Rescuers reach flooded Marrow villages",
            "Boats carrying rescue teams reached four Marrow valley villages cut off by the flooded river.",
        ),
    ],
    "chess": [
        (
            "Teenager wins Oskarsborg chess open",
            "A sixteen-year-old grandmaster won the Oskarsborg chess open on Sunday, beating the defending champion in the final round.",
        ),
        (
            "Oskarsborg open: young grandmaster takes title",
            "The Oskarsborg chess open ended with a win for the sixteen-year-old grandmaster over the defending champion.",
        ),
    ],
    "budget": [
        (
            "Velden council passes school budget",
            "The Velden town council passed the school budget after a long night session, adding money for teachers and buses.",
        ),
        (
            "Velden schools get more teachers in new budget",
            "Teachers and school buses get more money in the budget the Velden council passed overnight.",
        ),
    ],
}


def art(title: str, text: str) -> Article:
    a = Article(id=article_id(title, text), source=title, title=title, text=text)
    a.sentences = split_sentences(text)
    return a


def test_pair_features_ranks_and_ratios() -> None:
    lists = [[(1, 0.6), (2, 0.3)], [(0, 0.6)], [(0, 0.3), (1, 0.2)]]
    views = [[{"a": 1.0}, {"a": 1.0}, {"b": 1.0}]]
    pairs, rows = pair_features(lists, views, [1.0, 2.0, 4.0], k=10)
    assert pairs == [(0, 1), (0, 2), (1, 2)]
    by = dict(zip(pairs, rows, strict=True))
    # mutual nearest neighbours, each the other's best link
    assert by[(0, 1)] == pytest.approx([0.6, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0])
    assert by[(0, 2)] == pytest.approx([0.3, 0.0, 0.0, math.log1p(1), 0.5, 1.0, 1.0, 3.0])
    # 2 lists 1 second; 1 does not list 2 at all, so that rank is k
    assert by[(1, 2)] == pytest.approx(
        [0.2, 0.0, math.log1p(1), math.log1p(10), 0.2 / 0.6, 0.2 / 0.3, 2.0, 2.0]
    )


def test_pair_cosines_match_hand_values() -> None:
    vecs = [{"a": 1.0, "b": 1.0}, {"a": 1.0}, {}]
    sims = pair_cosines(vecs, [(0, 1), (1, 2)])
    assert sims[0] == pytest.approx(1 / math.sqrt(2)) and sims[1] == 0.0


def test_probabilities_rise_with_cosine() -> None:
    base = [0.1, 0.1, 0.1, 0.1, 0.0, 0.0, 1.0, 1.0, 3.0, 0.0]
    high = [0.6, 0.6, 0.6, 0.6, 0.0, 0.0, 1.0, 1.0, 3.0, 0.0]
    low, hi = probabilities([base, high])
    assert len(base) == len(FEATURES) and 0.0 < low < hi < 1.0


def test_neighbour_lists_best_first() -> None:
    vecs = [{"a": 1.0, "b": 1.0}, {"a": 1.0}, {"a": 1.0, "c": 3.0}]
    lists = neighbour_lists(vecs, k=2)
    assert [j for j, _ in lists[0]] == [1, 2]
    assert lists[0][0][1] > lists[0][1][1]


def test_learned_and_cosine_paths_both_separate_stories() -> None:
    arts = [art(t, x) for pieces in STORIES.values() for t, x in pieces]
    for learned in (True, False):
        ids = StoryClusterer(learned=learned).add_batch(arts)
        assert ids[0] == ids[1] == ids[2]
        assert ids[3] == ids[4] != ids[0]
        assert ids[5] == ids[6] not in {ids[0], ids[3]}


def test_fit_pair_model_learns_cosine_direction() -> None:
    pairs = [(0, 1), (2, 3), (0, 2), (1, 3), (0, 3), (1, 2)]
    labels = ["a", "a", "b", "b"]
    rows = [[0.8 if labels[i] == labels[j] else 0.1] + [0.0] * 9 for i, j in pairs]
    coef, intercept = fit_pair_model(pairs, rows, labels)
    assert coef[0] > 0
    same, other = probabilities([rows[0], rows[2]], coef, intercept)
    assert same > 0.5 > other


def test_bcubed_on_scores_masked_items_only() -> None:
    gold = ["a", "a", "b", "b"]
    pred = ["x", "x", "x", "y"]
    p, r, _ = bcubed_on(gold, pred, [True, True, False, False])
    assert p == pytest.approx(2 / 3) and r == 1.0
    assert bcubed_on(gold, pred, [False] * 4) == (0.0, 0.0, 0.0)


def test_two_fold_reports_each_half() -> None:
    items = [
        LabelledItem(art(t, x), label, None) for label, pieces in STORIES.items() for t, x in pieces
    ]
    halves = two_fold(items)
    assert len(halves) == 2
    assert all(0.0 <= f <= 1.0 for _, _, f in halves)
    assert {fold_of(label) for label in STORIES} <= {0, 1}
