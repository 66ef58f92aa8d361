from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import DataError
from newsbrief.eval.cluster import (
    bcubed,
    cluster_metrics,
    evaluate_cluster,
    interleave_by_day,
    replay_order,
)
from newsbrief.eval.loaders import LabelledItem, load_cluster_items
from newsbrief.records import Article

HEADLINES = [
    ("Storm floods Marrow valley villages", "a", 3000),
    ("Marrow valley villages flooded by storm", "a", 1000),
    ("Storm flooding cuts off Marrow valley villages", "a", 2000),
    ("Teenager wins Oskarsborg chess open", "b", 1000),
    ("Teenage grandmaster wins Oskarsborg chess open", "b", 1500),
]


def test_bcubed_by_hand() -> None:
    gold = ["a", "a", "b", "b"]
    assert bcubed(gold, ["x", "x", "y", "y"]) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(gold, ["x", "x", "x", "x"])
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    p, r, _ = bcubed(gold, ["1", "2", "3", "4"])
    assert (p, r) == (1.0, 0.5)


def test_metrics_keys() -> None:
    m = cluster_metrics(["a", "a", "b"], ["x", "x", "y"])
    assert {"bcubed_p", "bcubed_r", "bcubed_f1", "nmi", "ari"} <= set(m)
    assert m["nmi"] == 1.0 and m["ari"] == 1.0


def test_stream_order_follows_time() -> None:
    items = [
        LabelledItem(Article(id=str(i), source="s"), "a", t)
        for i, t in enumerate([3.0, 1.0, 2.0, 1.0])
    ]
    times = [it.time for it in replay_order(items, stream=True)]
    assert times == [1.0, 1.0, 2.0, 3.0]
    assert sorted(it.article.id for it in replay_order(items, stream=False)) == ["0", "1", "2", "3"]


def test_evaluate_headline_file(tmp_path: Path) -> None:
    path = tmp_path / "heads.jsonl"
    with path.open("w") as fh:
        for n, (title, label, ts) in enumerate(HEADLINES):
            row = {"id": n, "title": title, "text": None, "cluster_id": label, "timestamp_ms": ts}
            fh.write(json.dumps(row) + "\n")
    for stream in (False, True):
        result = evaluate_cluster(str(path), stream=stream)
        assert result.task == "cluster" and result.n == 5
        names = [s.name for s in result.systems]
        assert names == ["single-pass-tfidf", "newsbrief"]
        assert result.systems[1].metrics["bcubed_f1"] == 1.0


def test_interleave_by_day_deals_times_within_each_day() -> None:
    days = ["2031-05-04", "2031-05-04", "2031-05-04", "2031-05-04", "2031-05-05", "2031-05-05"]
    items = [
        LabelledItem(
            Article(id=str(n), source="s", title=f"headline {n}", published=f"{day}T0{n}:00:00"),
            "ab"[n % 2],
            float(n),
        )
        for n, day in enumerate(days)
    ]
    mixed = interleave_by_day(items, seed=3)
    # same items and labels, in the new time order, each keeping its own day
    assert sorted(it.article.id for it in mixed) == [str(n) for n in range(6)]
    assert [it.time for it in mixed] == [float(n) for n in range(6)]
    for it in mixed:
        n = int(it.article.id)
        assert it.label == "ab"[n % 2]
        assert it.article.published is not None
        assert it.article.published[:10] == days[n]
        assert it.article.published == items[int(it.time or 0)].article.published
    assert [it.article.id for it in mixed[:4]] != ["0", "1", "2", "3"]


def test_multidoc_rows_are_pooled(tmp_path: Path) -> None:
    path = tmp_path / "mds.jsonl"
    rows = [
        {
            "id": "r1",
            "articles": [
                {
                    "doc_id": "r1-d0",
                    "text": "The harbour authority closed the northern dock on Monday after a crane collapsed onto a cargo ship in the port.",
                },
                {"doc_id": "r1-d1", "text": "Three."},
            ],
        },
        {"id": "r2", "articles": [{"doc_id": "r2-d0", "text": "Four."}]},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    items = load_cluster_items(path)
    assert [it.label for it in items] == ["r1", "r1", "r2"]
    assert items[0].article.sentences  # annotated as the pipeline would


def test_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"x": 1}\n')
    with pytest.raises(DataError):
        load_cluster_items(path)


def test_a_folder_scores_each_file_on_its_own(tmp_path: Path) -> None:
    sets = tmp_path / "sets"
    (sets / "more").mkdir(parents=True)
    for path, rows in (
        (sets / "one.jsonl", HEADLINES[:3]),
        (sets / "more" / "two.jsonl", HEADLINES[3:]),
    ):
        with path.open("w") as fh:
            for n, (title, label, ts) in enumerate(rows):
                row = {"id": n, "title": title, "cluster_id": label, "timestamp_ms": ts}
                fh.write(json.dumps(row) + "\n")
    (sets / "README.md").write_text("not a data file\n")
    result = evaluate_cluster(str(sets), stream=True)
    assert result.n == 5
    assert [s.name for s in result.systems] == [
        "two: single-pass-tfidf",
        "two: newsbrief",
        "one: single-pass-tfidf",
        "one: newsbrief",
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DataError):
        evaluate_cluster(str(empty))
