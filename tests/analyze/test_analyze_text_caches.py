"""The per-text caches of analyze (stems, quantities, conflict sides) hand out fresh lists:
a caller changing what it got cannot change what the next caller gets."""

from __future__ import annotations

from newsbrief.analyze.attribution import claim_stems
from newsbrief.analyze.numbers import quantities
from newsbrief.analyze.text import content_stems

TEXT = "Officials said 3,000 people fled the flooded Iraqi town of Hit on Monday."


def test_cached_results_are_fresh_lists() -> None:
    for fn in (content_stems, claim_stems, quantities):
        first = fn(TEXT)
        assert first, fn.__name__
        expected = list(first)
        first.clear()
        again = fn(TEXT)
        assert again == expected and again is not first, fn.__name__


def test_claim_stems_keep_numbers_after_stems() -> None:
    stems = claim_stems(TEXT)
    assert stems[-1] == "#3000"
    assert "iraq" in stems  # the demonym folded to its country
