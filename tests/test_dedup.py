from __future__ import annotations

import pytest

from newsbrief import paraphrase as pairmodel
from newsbrief.annotate import split_sentences
from newsbrief.dedup import (
    DedupIndex,
    find_derivations,
    is_paraphrase,
    paraphrase_score,
    quoted_fraction,
    word_diff,
)
from newsbrief.paraphrase import overlap_score
from newsbrief.records import Article

ORIGINAL = (
    "The harbour authority of Port Velna closed the northern dock on Monday after a crane "
    "collapsed onto a cargo ship. Three workers were taken to the regional hospital with "
    "minor injuries, the authority said in a statement. Inspectors from the transport ministry "
    "arrived in the afternoon to examine the crane and its foundations. The dock handles about "
    "a fifth of the port's container traffic and is expected to stay shut until Friday. "
    "Shipping companies were told to divert vessels to the southern terminal in the meantime. "
    "The crane was installed in 2009 and last serviced in March, according to port records."
)

REWRITE = (
    "Breaking: a crane fell onto a cargo vessel at Port Velna on Monday and the harbour "
    "authority shut the northern dock. Four workers were taken to the regional hospital with "
    "light injuries, according to the authority. Transport ministry inspectors came in the "
    "afternoon to examine the crane and its foundation. The dock, which handles a fifth of "
    "container traffic at the port, will stay shut until Friday. Shipping firms must divert "
    "their vessels to the southern terminal for now."
)

INDEPENDENT = (
    "Port Velna's northern dock was quiet on Tuesday, a day after the accident. Union leaders "
    'demanded an independent review of maintenance practices at the port. "We warned about '
    'that crane for two years and nobody listened to us at all," said union chair Dora Keil. '
    "Local shops near the dock said trade had fallen sharply since the closure. The mayor "
    "promised to meet dock workers later this week to discuss compensation."
)

SECOND_WITH_QUOTE = (
    "Dock workers in Port Velna gathered outside the harbour office on Tuesday morning. "
    '"We warned about that crane for two years and nobody listened to us at all," said union '
    "chair Dora Keil. Some carried signs calling for better safety checks. A spokesman for the "
    "harbour office declined to comment on the protest. Police said the gathering was peaceful "
    "and ended before noon."
)


def art(aid: str, text: str, published: str | None = None, title: str = "") -> Article:
    a = Article(id=aid, source=f"{aid}.txt", text=text, title=title, published=published)
    a.sentences = split_sentences(text)
    return a


def test_exact_copy_with_whitespace_and_case_changes() -> None:
    copy = ORIGINAL.upper().replace(". ", ".  ")
    ds = find_derivations([art("a", ORIGINAL, "2024-01-01"), art("b", copy, "2024-01-02")])
    assert len(ds) == 1
    assert (ds[0].child, ds[0].parent, ds[0].kind) == ("b", "a", "exact")


def test_near_duplicate_keeps_changed_words_as_evidence() -> None:
    near = ORIGINAL.replace("Three workers", "Five workers").replace("Friday", "Saturday")
    ds = find_derivations([art("late", near, "2024-01-03"), art("early", ORIGINAL, "2024-01-02")])
    assert len(ds) == 1
    d = ds[0]
    assert (d.child, d.parent, d.kind) == ("late", "early", "near")
    child_words = {w for p in d.pairs for w in p.child_only}
    parent_words = {w for p in d.pairs for w in p.parent_only}
    assert {"Five", "Saturday"} <= child_words
    assert {"Three", "Friday"} <= parent_words


def test_sloppy_rewrite_is_found_with_the_changed_fact() -> None:
    ds = find_derivations([art("orig", ORIGINAL, "2024-01-01"), art("rw", REWRITE, "2024-01-02")])
    assert len(ds) == 1
    d = ds[0]
    assert (d.child, d.parent, d.kind) == ("rw", "orig", "rewrite")
    assert len(d.pairs) >= 3
    workers = [p for p in d.pairs if "Four" in p.child_only]
    assert workers and "Three" in workers[0].parent_only


def test_direction_without_dates_prefers_the_text_the_other_reuses() -> None:
    # The excerpt's words all come from the original; the original has more of its own.
    # (five of six sentences: shingle Jaccard 0.85, far from the 0.6 cut whatever the
    # MinHash estimate's noise, about 0.06 at 64 permutations)
    excerpt = " ".join(ORIGINAL.split(". ")[:5]) + "."
    ds = find_derivations([art("x", excerpt), art("o", ORIGINAL)])
    assert len(ds) == 1 and ds[0].child == "x" and ds[0].parent == "o"


def test_independent_articles_sharing_a_quote_are_not_rewrites() -> None:
    ds = find_derivations([art("a", INDEPENDENT), art("b", SECOND_WITH_QUOTE), art("c", ORIGINAL)])
    assert ds == []


def test_index_is_incremental_and_skips_headline_only_items() -> None:
    index = DedupIndex()
    assert index.add(art("a", ORIGINAL)) == []
    assert index.add(Article(id="h", source="h", title="Crane collapses")) == []
    assert index.add(Article(id="h2", source="h2", title="Crane collapses")) == []
    ds = index.add(art("b", ORIGINAL))
    assert [(d.child, d.parent, d.kind) for d in ds] == [("b", "a", "exact")]


def test_word_diff_is_a_multiset_difference() -> None:
    parent = "The Ambassador of Iraq said Iraq received help."
    child = "The Ambassador of Iran said Iraq received help."
    child_only, parent_only = word_diff(child, parent)
    assert child_only == ["Iran"]
    assert parent_only == ["Iraq"]


def test_paraphrase_score_separates_rewording_from_unrelated() -> None:
    a = "Three workers were taken to hospital with minor injuries, the authority said."
    b = "The authority said three workers went to hospital with minor injuries."
    c = "The mayor promised to meet dock workers later this week."
    assert paraphrase_score(a, b) > 0.7
    assert paraphrase_score(a, c) < 0.3
    assert is_paraphrase(a, b) and not is_paraphrase(a, c)


def test_quoted_fraction() -> None:
    assert quoted_fraction('"All of this is quoted," he said.') > 0.6
    assert quoted_fraction("Nothing quoted here.") == 0.0


def test_dates_of_different_precision_on_the_same_day_do_not_decide_the_original() -> None:
    # the original carries a time, the rewrite only the day: same day, so the text decides
    ds = find_derivations(
        [art("orig", ORIGINAL, "2024-01-01T09:30:00"), art("rw", REWRITE, "2024-01-01")]
    )
    assert [(d.child, d.parent) for d in ds] == [("rw", "orig")]


def test_a_rewrite_is_found_whatever_came_before_it() -> None:
    # other indexed articles shift document frequencies; the rewrite must still be a candidate
    others = [
        art(f"o{i}", INDEPENDENT.replace("Tuesday", day))
        for i, day in enumerate(["Monday", "Sunday"])
    ]
    ds = find_derivations(
        [*others, art("orig", ORIGINAL), art("q", SECOND_WITH_QUOTE), art("rw", REWRITE)]
    )
    assert ("rw", "orig", "rewrite") in {(d.child, d.parent, d.kind) for d in ds}


def test_paraphrase_score_edge_cases() -> None:
    s = "The dock will stay shut until Friday, the port said."
    assert paraphrase_score(s, s) == 1.0
    assert paraphrase_score(s, "  " + s.upper()) == 1.0
    assert paraphrase_score("", s) == 0.0 and paraphrase_score(s, "   ") == 0.0
    # no shared content word: the prefilter answers without the model
    assert paraphrase_score(s, "Rain is expected over the hills.") == 0.0


def test_paraphrase_score_is_symmetric_probability() -> None:
    a = "Shares of the bakery chain rose 4 percent to $12.50 in early trading on Tuesday."
    b = "In early Tuesday trading the bakery chain's shares climbed 4 percent to $12.50."
    p = paraphrase_score(a, b)
    assert 0.0 <= p <= 1.0
    assert p == pytest.approx(paraphrase_score(b, a))
    assert p > 0.5


def test_a_different_number_lowers_the_probability() -> None:
    a = "The council approved a budget of 40 million for the new tram line on Monday."
    same = "On Monday the council approved a budget of 40 million for the new tram line."
    other = "On Monday the council approved a budget of 65 million for the new tram line."
    assert paraphrase_score(a, other) < paraphrase_score(a, same)
    fa, fo = pairmodel.features(a, other), pairmodel.features(a, same)
    k = pairmodel.FEATURE_NAMES.index("number_unmatched")
    assert fa[k] > 0 and fo[k] == 0


def test_negation_mismatch_lowers_the_probability() -> None:
    a = "The minister said the plant would close before the end of the year."
    b = "The minister said the plant would close before the year ends."
    neg = "The minister said the plant would not close before the year ends."
    assert paraphrase_score(a, neg) < paraphrase_score(a, b)
    k = pairmodel.FEATURE_NAMES.index("negation_mismatch")
    assert pairmodel.features(a, neg)[k] == 1.0 and pairmodel.features(a, b)[k] == 0.0


def test_model_table_matches_features() -> None:
    assert set(pairmodel.WEIGHTS) == set(pairmodel.FEATURE_NAMES)
    assert len(pairmodel.features("One short line here.", "Another line here.")) == len(
        pairmodel.FEATURE_NAMES
    )


def test_overlap_score_keeps_the_cheap_word_measure() -> None:
    a = "Three workers were taken to hospital with minor injuries."
    b = "Three workers went to hospital with minor injuries."
    assert overlap_score(a, b) == pytest.approx(5 / 6)  # 5 of 6 stems shared on both sides
    assert overlap_score("", "") == 0.0
