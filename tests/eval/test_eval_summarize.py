from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import ConfigError, DataError, InputError
from newsbrief.eval.baselines import lead_baseline, lexrank_baseline
from newsbrief.eval.summarize import cut_sentences, cut_words, evaluate_summarize
from newsbrief.records import Article, Sentence

CLUSTERS = [
    {
        "id": "c1",
        "articles": [
            {
                "doc_id": "c1-d0",
                "title": None,
                "text": "The harbour bridge in Eastport closed on Monday after engineers found cracks "
                "in two steel cables. Commuters were told to use the ferry service instead. "
                "The city expects repairs to take at least six weeks.",
                "url": None,
                "date": None,
            },
            {
                "doc_id": "c1-d1",
                "text": "Engineers discovered cracks in two steel cables of the Eastport harbour bridge, "
                "which was closed on Monday. Extra ferries will run every fifteen minutes during "
                "the morning rush hour.",
            },
        ],
        "summaries": [
            "Eastport closed its harbour bridge on Monday after engineers found cracked steel "
            "cables. Extra ferries will carry commuters while repairs last about six weeks."
        ],
    },
    {
        "id": "c2",
        "articles": [
            {
                "doc_id": "c2-d0",
                "text": "A small bakery in Northvale won the national bread award on Saturday with a "
                "rye loaf baked in a wood oven. The owner started the bakery in her garage ten "
                "years ago. She plans to hire two more bakers next year.",
            }
        ],
        "summaries": [
            "A Northvale bakery won the national bread award with a wood-oven rye loaf.",
            "The national bread award went to a rye loaf from a small Northvale bakery.",
        ],
    },
]


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in CLUSTERS) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("metric", ["f1", "recall"])
def test_tiny_file_gives_five_rows(tiny: Path, metric: str) -> None:
    result = evaluate_summarize(str(tiny), words=30, metric=metric)
    assert result.task == "summarize" and result.n == 2
    names = [s.name for s in result.systems]
    assert names == ["random", "lead", "centroid", "lexrank", "newsbrief"]
    for s in result.systems:
        assert set(s.metrics) == {"rouge1", "rouge2", "rougeL"}
        assert all(0.0 <= v <= 100.0 for v in s.metrics.values())
        assert s.seconds >= 0.0
    # Every system extracts from the right cluster, so unigram overlap is substantial.
    assert all(s.metrics["rouge1"] > 20.0 for s in result.systems)
    assert result.to_dict()["systems"][4]["name"] == "newsbrief"


def test_systems_subset_and_errors(tiny: Path, tmp_path: Path) -> None:
    result = evaluate_summarize(str(tiny), words=30, systems=["lead"])
    assert [s.name for s in result.systems] == ["lead"]
    with pytest.raises(ConfigError):
        evaluate_summarize(str(tiny), metric="precision")
    with pytest.raises(ConfigError):
        evaluate_summarize(str(tiny), systems=["oracle"])
    with pytest.raises(InputError):
        evaluate_summarize(str(tmp_path / "missing.jsonl"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "articles": []}\n', encoding="utf-8")
    with pytest.raises(DataError):
        evaluate_summarize(str(bad))


def test_cuts() -> None:
    sents = ["one two three.", "four five six seven.", "eight."]
    assert cut_sentences(sents, 5) == "one two three."  # stops at the first that does not fit
    assert cut_sentences(sents, 8) == " ".join(sents)
    assert cut_words(sents, 5) == "one two three. four five"


def _article(aid: str, texts: list[str]) -> Article:
    sents = [Sentence(i, t, 0, len(t)) for i, t in enumerate(texts)]
    return Article(id=aid, source=aid, text=" ".join(texts), sentences=sents)


def test_lead_is_round_robin_and_lexrank_drops_repeats() -> None:
    a = _article("a", ["A1 sentence here.", "A2 sentence here."])
    b = _article("b", ["B1 sentence here.", "B2 sentence here.", "B3 sentence here."])
    assert lead_baseline([a, b]) == [
        "A1 sentence here.",
        "B1 sentence here.",
        "A2 sentence here.",
        "B2 sentence here.",
        "B3 sentence here.",
    ]
    same = "The river dam near Millbrook burst after heavy rain on Tuesday."
    c = _article("c", [same, "Volunteers brought blankets and food to the village."])
    d = _article("d", [same, "Forecasters expect the storms to ease by Thursday."])
    ranked = lexrank_baseline([c, d])
    assert ranked.count(same) == 1 and len(ranked) == 3


def test_dev_file_first_clusters(shared_data: Path) -> None:
    path = shared_data / "mds" / "multinews" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("multinews dev file not found")
    result = evaluate_summarize(str(path), words=260, limit=10)
    scores = {s.name: s.metrics for s in result.systems}
    assert result.n == 10
    assert scores["newsbrief"]["rouge1"] > 30.0
    assert scores["newsbrief"]["rouge2"] > scores["random"]["rouge2"]


def test_recall_reads_the_budget_summary_first() -> None:
    from newsbrief.eval.summarize import _newsbrief
    from newsbrief.summarize import summarize

    a = _article(
        "a",
        [
            "The harbour bridge in Eastport closed on Monday after engineers found cracked cables.",
            "Commuters were told to use the ferry service while the Eastport bridge is shut.",
            "The city of Eastport expects the bridge repairs to take at least six weeks.",
            "Extra ferries will run every fifteen minutes during the Eastport morning rush.",
        ],
    )
    b = _article(
        "b",
        [
            "Engineers found cracks in two steel cables of the Eastport harbour bridge on Monday.",
            "Shop owners near the Eastport bridge fear losing customers during the repairs.",
        ],
    )
    exact = [s.text for s in summarize([a, b], words=30)]
    padded = _newsbrief(30, slack=40)([a, b], "seed")
    # The 30-word summary leads, and a longer budget only appends sentences after it.
    assert padded[: len(exact)] == exact
    assert len(padded) > len(exact) and len(set(padded)) == len(padded)
    assert _newsbrief(30)([a, b], "seed") == exact
