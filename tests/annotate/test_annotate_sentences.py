from __future__ import annotations

import re
from typing import Any

import pytest

from newsbrief.annotate import sentences, split_sentences


def _texts(text: str) -> list[str]:
    sents = split_sentences(text)
    for s in sents:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sents]


def test_abbreviations_initials_and_decimals_do_not_split() -> None:
    text = "Mr. Smith met Gen. John A. Doe on Jan. 5 in the U.S. capital. Prices rose 3.5 percent."
    assert _texts(text) == [
        "Mr. Smith met Gen. John A. Doe on Jan. 5 in the U.S. capital.",
        "Prices rose 3.5 percent.",
    ]


def test_quote_closing_after_period_and_ellipsis() -> None:
    text = 'He said "yes." Then he left... After that, nothing.'
    assert _texts(text) == ['He said "yes."', "Then he left...", "After that, nothing."]


def test_dotted_acronym_ends_sentence_before_common_opener() -> None:
    assert _texts("He moved to the U.S. The move was hard.") == [
        "He moved to the U.S.",
        "The move was hard.",
    ]


def test_every_newline_is_a_boundary_and_paragraphs_count_lines() -> None:
    sents = split_sentences("First line without stop\nSecond. Third!\n\nFourth?")
    assert [s.text for s in sents] == ["First line without stop", "Second.", "Third!", "Fourth?"]
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]
    assert [s.index for s in sents] == [0, 1, 2, 3]


def test_lowercase_after_period_is_not_a_boundary() -> None:
    assert len(split_sentences("Use e.g. this one. Fine.")) == 2


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n  \n") == []


# --------------------------------------------------------------------------- linear time


class _CountingPattern:
    """A compiled pattern that adds to ``cost`` the span each call may scan (``endpos - pos``)."""

    def __init__(self, pattern: Any, cost: list[int]) -> None:
        self.pattern, self.cost = pattern, cost

    def _charge(self, string: str, pos: int = 0, endpos: int | None = None) -> None:
        self.cost[0] += (len(string) if endpos is None else min(endpos, len(string))) - pos

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.pattern, name)

        def counted(string: str, *args: int) -> Any:
            self._charge(string, *args)
            return method(string, *args)

        return counted


class _CountingSet(frozenset[str]):
    cost: list[int]

    def __contains__(self, item: object) -> bool:
        self.cost[0] += 1
        return frozenset.__contains__(self, item)


def _split_cost(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Characters the splitter may scan on ``text``: every regex call's span plus every
    character looked at one by one. Deterministic, unlike a clock."""
    cost = [0]
    with monkeypatch.context() as patch:
        for name in dir(sentences):
            value = getattr(sentences, name)
            if isinstance(value, re.Pattern):
                patch.setattr(sentences, name, _CountingPattern(value, cost))
        if hasattr(sentences, "_WORD_CHARS"):
            chars = _CountingSet(sentences._WORD_CHARS)
            chars.cost = cost
            patch.setattr(sentences, "_WORD_CHARS", chars)
        split_sentences(text)
    return cost[0]


def _paragraph(size: int) -> str:
    """One line of ``size`` characters of news-like sentences, with the abbreviations,
    initials and acronyms that make the splitter look at the word before a period."""
    sentence = (
        "Mr. Smith of Acme Inc. told the U.S. envoy on Jan. 5 that J. Doe would stay. "
        "Officials said the talks went well! Did they? Prices rose 3.5 percent... "
    )
    return (sentence * (size // len(sentence) + 1))[:size]


def test_splitting_a_one_megabyte_paragraph_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    # small sizes first, so that a quadratic splitter fails in seconds rather than minutes
    small, large = _split_cost(_paragraph(20_000), monkeypatch), 0
    large = _split_cost(_paragraph(80_000), monkeypatch)
    # 4x the text: 4x the work when linear, 16x when quadratic
    assert large < 5 * small, (small, large)
    megabyte = _paragraph(1_000_000)
    assert _split_cost(megabyte, monkeypatch) < 10 * len(megabyte)
    sents = split_sentences(megabyte)
    assert sum(len(s.text) for s in sents) > 0.95 * len(megabyte)
    assert "Officials said the talks went well!" in {s.text for s in sents}


def test_a_long_run_of_punctuation_or_of_one_word_is_linear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for unit in ("!", "a", "a.", " . ", "! "):
        small = _split_cost("Start " + unit * 20_000 + " End.", monkeypatch)
        large = _split_cost("Start " + unit * 80_000 + " End.", monkeypatch)
        assert large < 5 * small, (unit, small, large)
