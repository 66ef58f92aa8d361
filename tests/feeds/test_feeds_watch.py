"""What `watch` prints between two polls: one line per new story, new outlet and new
conflict, and a count when a known story only grew."""

from __future__ import annotations

from newsbrief.feeds.watch import changes


def _state(articles: int, outlets: set[str], conflicts: dict | None = None) -> dict:
    return {
        "label": "Crane falls",
        "articles": articles,
        "outlets": outlets,
        "conflicts": conflicts or {},
    }


def test_a_new_story_is_one_line_with_its_outlets():
    after = {"s1": _state(2, {"Ledger", "Courier"})}
    assert changes({}, after) == ["new story s1: Crane falls (2 articles; Courier, Ledger)"]
    lone = {"s2": _state(1, set())}
    assert changes({}, lone) == ["new story s2: Crane falls (1 article; no outlet named)"]


def test_a_new_outlet_and_a_new_conflict_are_a_line_each():
    before = {"s1": _state(2, {"Ledger"}, {("number", frozenset({"2"})): "injured: 2"})}
    after = {
        "s1": _state(
            4,
            {"Ledger", "Courier"},
            {
                ("number", frozenset({"2"})): "injured: 2",
                ("number", frozenset({"2", "3"})): "injured: 2 or 3",
            },
        )
    }
    assert changes(before, after) == [
        "story s1: new outlet Courier (Crane falls)",
        "story s1: new conflict: injured: 2 or 3",
    ]


def test_a_story_that_only_grew_says_by_how_much_and_an_unchanged_one_nothing():
    before = {"s1": _state(2, {"Ledger"}), "s2": _state(1, {"Courier"})}
    after = {"s1": _state(3, {"Ledger"}), "s2": _state(1, {"Courier"})}
    assert changes(before, after) == ["story s1: 1 more article (Crane falls)"]
