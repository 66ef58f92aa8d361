from __future__ import annotations

import json

from render_sample_brief import make_brief

from newsbrief.records import Brief
from newsbrief.render import brief_from_dict, brief_to_dict, render_json

TOP_KEYS = {
    "story": str,
    "headline": str,
    "articles": list,
    "derivations": list,
    "summary": list,
    "claims": list,
    "conflicts": list,
    "quotes": list,
    "timeline": list,
    "removed": list,
    "entities": list,
}


def test_every_contract_key_has_the_right_type() -> None:
    brief = make_brief()
    data = json.loads(render_json(brief))
    for key, kind in TOP_KEYS.items():
        assert isinstance(data[key], kind), key
    assert data["story"] == "s0123456789a"
    assert data["start"] == "2024-05-14" and data["end"] == "2024-05-16"

    article = data["articles"][0]
    assert {"id", "source", "outlet", "title", "published"} <= article.keys()
    assert article["source"] == "examples/courier.txt"
    assert data["articles"][3]["outlet"] is None

    derivation = data["derivations"][0]
    assert (derivation["child"], derivation["parent"], derivation["kind"]) == (
        "b2",
        "a1",
        "rewrite",
    )
    assert "pairs" not in derivation and "similarity" not in derivation
    assert derivation["evidence"]["similarity"] == 0.81
    pair = derivation["evidence"]["pairs"][1]
    assert pair == {
        "child_sentence": 3,
        "parent_sentence": 2,
        "similarity": 0.86,
        "child_only": ["1986"],
        "parent_only": ["1968"],
    }

    summary = data["summary"][0]
    assert isinstance(summary["text"], str)
    assert summary["citations"][0] == {
        "article": "a1",
        "sentence": 0,
        "text": summary["text"],
    }

    claim = data["claims"][1]
    assert claim["articles"] == ["a1", "b2", "c3"] and claim["independent_sources"] == 2
    assert isinstance(claim["members"], list) and claim["conflicts"] == [0]

    conflict = data["conflicts"][0]
    assert conflict["kind"] == "number" and isinstance(conflict["description"], str)
    assert conflict["values"][1]["value"] == "14" and conflict["values"][1]["articles"] == ["d4"]
    assert "sentences" in conflict["values"][0]

    quote = data["quotes"][0]
    assert quote["speaker"] == "Miriam Tollander"
    assert {"text", "article", "sentence", "kind", "cue"} <= quote.keys()

    event = data["timeline"][1]
    assert event["date"] == "2023-03" and event["inferred"] is True
    assert isinstance(event["articles"], list)

    assert data["removed"][0] == {
        "article": "a1",
        "text": "Share this article",
        "reason": "share-widget",
    }
    assert data["entities"][0]["roles"] == ["council spokesperson"]


def test_json_is_indented_and_keeps_non_ascii() -> None:
    brief = Brief(story="s1", headline="Überschwemmung in Köln — “Hochwasser”")
    text = render_json(brief)
    assert "Köln" in text and "“Hochwasser”" in text and "\\u" not in text
    assert text.startswith('{\n  "story": "s1"')


def test_empty_brief_still_has_every_key() -> None:
    data = brief_to_dict(Brief(story="s2", headline=""))
    assert set(TOP_KEYS) | {"start", "end"} <= data.keys()
    assert all(data[k] == [] for k in TOP_KEYS if TOP_KEYS[k] is list)


def test_round_trip_restores_the_brief() -> None:
    brief = make_brief()
    again = brief_from_dict(json.loads(render_json(brief)))
    assert again == brief


def test_coverage_counts_outlets_copies_and_originals():
    from render_sample_brief import make_brief

    from newsbrief.render import brief_to_dict

    brief = make_brief()
    cov = brief_to_dict(brief)["coverage"]
    assert cov["articles"] == len(brief.articles)
    assert sum(len(ids) for ids in cov["outlets"].values()) == len(brief.articles)
    assert sum(cov["copies"].values()) == len(brief.derivations)
    assert cov["originals"] == len(brief.articles) - len({d.child for d in brief.derivations})
