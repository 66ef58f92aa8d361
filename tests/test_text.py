"""The text core: one tokenizer, stemmer, stop-word list, month and number table."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

import newsbrief
from newsbrief.text import (
    MONTH_PATTERN,
    MONTHS,
    NUMBER_WORDS,
    STOP_WORDS,
    content_stems,
    content_words,
    is_stop,
    normalise,
    parse_time,
    stem,
    words,
)

SENTENCE = "Iraq’s al-Abadi said 1,500 troops (3.5%) didn't enter Mosul's old-city on 10 July."


def test_words_keep_apostrophes_and_split_hyphens_and_numbers_by_default() -> None:
    assert words(SENTENCE) == [
        "Iraq’s", "al", "Abadi", "said", "1", "500", "troops", "3", "5", "didn't", "enter",
        "Mosul's", "old", "city", "on", "10", "July",
    ]  # fmt: skip


def test_words_options_are_parameters_of_one_tokenizer() -> None:
    assert words(SENTENCE, hyphens=True, numbers=True, possessive=False) == [
        "Iraq", "al-Abadi", "said", "1,500", "troops", "3.5", "didn't", "enter", "Mosul",
        "old-city", "on", "10", "July",
    ]  # fmt: skip
    assert words("Iraq’s ENVOY", lower=True) == ["iraq's", "envoy"]
    assert words("Iraq’s ENVOY", fold=True) == ["Iraq's", "ENVOY"]
    assert normalise("Iraq’s") == "Iraq's"
    # a number token stops at letters, so "3D" is a number and a word
    assert words("a 3D model", numbers=True) == ["a", "3", "D", "model"]
    assert words("Zürich café") == ["Zürich", "café"]


def test_one_stemmer_lowercases_and_is_cached() -> None:
    assert stem("Liberated") == stem("liberated") == "liber"
    assert stem("Running") == "run"
    assert stem.cache_info().maxsize is not None  # one process-wide cache


def test_stop_words_and_content_words() -> None:
    assert {"the", "said", "told", "mr", "s"} <= STOP_WORDS
    assert "iraq" not in STOP_WORDS
    assert is_stop("The") and is_stop("x") and not is_stop("7")
    assert content_words("The ambassador's visit to al-Anbar, he said, took 3 days.") == [
        "ambassador", "visit", "al-Anbar", "took", "3", "days",
    ]  # fmt: skip
    assert content_stems("Ambassadors visited") == ["ambassador", "visit"]


def test_months_and_number_words() -> None:
    assert MONTHS["sept"] == MONTHS["september"] == 9 and MONTHS["may"] == 5
    assert len(set(MONTHS.values())) == 12
    rx = re.compile(rf"^(?:{MONTH_PATTERN})$", re.IGNORECASE)
    assert all(rx.match(m) for m in MONTHS) and not rx.match("mayor")
    # longest first, so an alternation never stops at "mar" inside "march"
    assert re.match(rf"(?:{MONTH_PATTERN})", "march").group(0) == "march"  # type: ignore[union-attr]
    assert NUMBER_WORDS["twelve"] == 12 and NUMBER_WORDS["ninety"] == 90


def test_parse_time() -> None:
    assert parse_time("2024-05-14T11:02:00+02:00") == datetime(2024, 5, 14, 9, 2)
    assert parse_time("14 May 2024") == datetime(2024, 5, 14)
    assert parse_time("not a date") is None and parse_time(None) is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"^def words\(",
        r"^def stem\(",
        r"^_?STOP_?WORDS\s*(?::[^=]*)?=",
        r"^_?MONTHS\s*(?::[^=]*)?=",
        r"^_STEMMER\s*=",
        r"snowballstemmer\.stemmer\(",
    ],
)
def test_the_text_core_is_the_only_definition(pattern: str) -> None:
    # a stage that needs another word list or tokenizer gets a parameter here, not a copy
    root = Path(newsbrief.__file__).parent
    found = [
        str(p.relative_to(root))
        for p in sorted(root.rglob("*.py"))
        if re.search(pattern, p.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert found == ["text.py"]


def test_possessive_strip_matches_the_regex() -> None:
    # words(possessive=False) strips without a regex call per token; same tokens as the regex
    import re

    from newsbrief.text import content_words, is_stop, words

    pattern = re.compile(r"['’]s$", re.IGNORECASE)
    text = "Iraq's x'S a'ſ y’s O'Neill's don't it’S s Mr. Smith’s 3's 1,000's al-Assad's"
    for hyphens in (False, True):
        for numbers in (False, True):
            for lower in (False, True):
                kept = words(text, hyphens=hyphens, numbers=numbers, lower=lower)
                got = words(text, hyphens=hyphens, numbers=numbers, lower=lower, possessive=False)
                assert got == [pattern.sub("", w) for w in kept]
    plain = words(text, hyphens=True, possessive=False)
    assert content_words(text) == [w for w in plain if not is_stop(w)]
