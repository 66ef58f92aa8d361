"""What the round-12 speed-ups of claim alignment and conflicts rest on (issue 18).

``align_claims`` skips the band tests (containment, the paraphrase model) of a pair whose
cosine is under FIRM, because no such pair can corroborate; and the per-text helpers it asks
for every pair are cached, so they must give what the uncached functions give. Conflicts
skip comparing a statement with itself (same dates), which can find nothing.
"""

from __future__ import annotations

import re
import sys

import pytest

import newsbrief.analyze.claims as claims_mod
from newsbrief.analyze.attribution import claim_stems
from newsbrief.analyze.claim_pairs import (
    FIRM,
    HIGH,
    LOW,
    _corroborates,
    _name_stems,
    edge_from_cosine,
)
from newsbrief.analyze.claims import align_claims
from newsbrief.analyze.conflict_checks import (
    compare,
    date_findings,
    entity_findings,
    number_findings,
    polarity_findings,
)
from newsbrief.analyze.descriptions import drop_speaker_descriptions
from newsbrief.analyze.statements import _ANONYMITY, drop_anonymity, is_statement, said_stems
from newsbrief.analyze.text import _CREDIT, demonym_base, is_credit

A = "The council approved the new budget for the city's schools on Monday, the mayor said."
B = "A new budget for the schools was approved by the council, officials said on Tuesday."
TEXTS = [
    A,
    B,
    "Rami Abdel, head of the Syrian Observatory, said four rebels were killed.",
    "The ministry, speaking on condition of anonymity, said 3,000 people fled the town.",
    "Ola Brenn, a former safety officer, appears in the video.",
    "Short line.",
    "Read more: Calderwick celebrates its birthday",
]


@pytest.mark.parametrize("score", [0.0, 0.05, LOW, (LOW + HIGH) / 2, HIGH, 0.25, FIRM - 1e-9])
@pytest.mark.parametrize("contained", [0.0, 0.5, 1.0])
def test_no_score_under_firm_corroborates(score: float, contained: float) -> None:
    # the early exit of ``lexical_score``: under FIRM the pair fails whatever the band says
    def always(_a: str, _b: str) -> float:
        return 1.0

    edge = edge_from_cosine(A, B, score, lambda: contained, always)
    assert edge in (0.0, score)
    assert not _corroborates(edge, A, B, always, contained)


def test_paraphrase_model_cannot_change_claims(make_article, monkeypatch) -> None:
    lines = [
        "The council approved the new budget for the city's schools on Monday.",
        "The council approved a new budget for the schools of the city on Monday.",
        "Schools in the city will get more teachers under the budget, officials said.",
        "The city's schools will hire more teachers with the new budget, officials said.",
        "Parents had asked the council for smaller classes for several years.",
    ]
    arts = [make_article(f"a{k}", " ".join(lines[k % 2 :: 2])) for k in range(4)]
    sources = {a.id: a.id for a in arts}
    got = {}
    for value in (0.0, 1.0):
        monkeypatch.setattr(claims_mod, "paraphrase_fn", lambda v=value: lambda _a, _b: v)
        found = align_claims(arts, [], sources)
        got[value] = [(c.text, [(m.article, m.sentence) for m in c.members]) for c in found]
    assert got[0.0] == got[1.0]
    assert got[0.0], "the story has claims"


@pytest.mark.parametrize("text", TEXTS)
def test_cached_helpers_give_what_the_functions_compute(text: str) -> None:
    assert said_stems(text) == claim_stems(_ANONYMITY.sub("", text))
    assert drop_speaker_descriptions(text) == drop_speaker_descriptions.__wrapped__(text)
    assert is_statement(text) == is_statement.__wrapped__(text)
    assert _name_stems(text) == _name_stems.__wrapped__(text)


def test_said_stems_hands_out_fresh_lists() -> None:
    first = said_stems(TEXTS[3])
    expected = list(first)
    assert "#3000" in expected and "anonym" not in " ".join(expected)
    first.clear()
    assert said_stems(TEXTS[3]) == expected


def test_descriptions_and_statements_on_examples() -> None:
    assert drop_speaker_descriptions(TEXTS[2]) == "Rami Abdel said four rebels were killed."
    assert drop_speaker_descriptions(TEXTS[4]) == "Ola Brenn, appears in the video."
    assert [is_statement(t) for t in TEXTS] == [True, True, True, True, True, False, False]


SELF = [
    "The storm killed 12 people in Texas on Monday, not 20 as first reported.",
    "Police did not arrest the Iraqi ambassador, who left for Baghdad in March 2019.",
    "Turnout rose to 61 percent while the minority party lost 3 seats.",
]


@pytest.mark.parametrize("text", SELF)
def test_a_statement_never_conflicts_with_itself(text: str) -> None:
    # what ``compare``'s and ``find_conflicts``' shortcut for a text against itself rests on
    dates = [("2019-03", "March 2019"), ("2019-03-04", "Monday")]
    assert entity_findings(text, text) == []
    assert number_findings(text, text) == []
    assert polarity_findings(text, text) == []
    assert date_findings(dates, dates) == []
    assert compare(text, text, dates, dates) == []


def test_a_statement_still_conflicts_with_another() -> None:
    a, b = SELF[0], SELF[0].replace("12 people", "14 people")
    assert [f.kind for f in compare(a, b, [], [])] == ["number"]
    assert compare(a, a, [("2019-03", "March")], [("2018-01", "January")])[0].kind == "date"


def test_content_stems_per_word_cache_gives_the_uncached_stems() -> None:
    from newsbrief.analyze.text import _WORD_STEMS, content_stems
    from newsbrief.text import STOP_WORDS, stem, words

    text = "The Iraqi council's 3,000 members, and the city's mayors, met Syrians in U.S. towns."
    expected = []
    for w in words(text, fold=True, hyphens=True, numbers=True):
        low = w.lower().removesuffix("'s")
        if low in STOP_WORDS or len(low) < 2 or low.replace(",", "").replace(".", "").isdigit():
            continue
        expected.append(stem(demonym_base(low) if w[0].isupper() else low))
    _WORD_STEMS.clear()
    assert content_stems(text) == expected
    assert "iraq" in expected and "syria" in expected and "council" in expected


ANONYMOUS = [
    "The mayor, who asked not to be named, said the bridge will close.",
    "An official, speaking on condition of anonymity, said 40 people were held.",
    "The ministry, because he was not authorized to speak, declined to comment.",
    "A source WHO SPOKE ON CONDITION OF ANONYMITY said the plan failed.",
    "A source, speaking on condıtion of anonymity, said the plan failed.",  # dotless i
    "The council approved the budget on Monday.",
]


@pytest.mark.parametrize("text", ANONYMOUS)
def test_drop_anonymity_is_the_regex(text: str) -> None:
    assert drop_anonymity(text) == _ANONYMITY.sub("", text)
    assert said_stems(text) == claim_stems(_ANONYMITY.sub("", text))


def test_drop_anonymity_drops_the_introduction() -> None:
    assert "condıtion" not in drop_anonymity(ANONYMOUS[4])  # the regex ignores case so
    assert drop_anonymity(ANONYMOUS[5]) == ANONYMOUS[5]


CREDITS = [
    "Image courtesy of the city council.",
    "Copyright 2019 The Daily Record.",
    "© Reuters, all rights reserved.",
    "(AP Photo/John Smith) Crowds gathered outside the court.",
    "A post shared by Ann Vale (@annvale) on Jun 3, 2019 at 4:12pm PDT",
    "Eds: Updates with 4th graf on the vote.",
    "Click here to sign up for our newsletter.",
    "Clıck here to sign up for our newsletter.",  # dotless i: the regex ignores case so
    "Follow him on Twitter at @annvale.",
    "The council noted that the photo of the bridge was taken in 2019.",
    "The council approved the new budget on Monday.",
]


@pytest.mark.parametrize("text", CREDITS)
def test_is_credit_is_the_regex(text: str) -> None:
    assert is_credit(text) == (_CREDIT.search(text) is not None)


def test_is_credit_on_examples() -> None:
    assert [is_credit(t) for t in CREDITS] == [True] * 9 + [False, False]


def test_only_the_listed_characters_fold_to_ascii() -> None:
    # ``may_hold``'s premise: no other character is matched to an ASCII letter or digit when
    # case is ignored, nor lower-cased to one or to two characters
    from newsbrief.analyze.text import _FOLDS_TO_ASCII

    ascii_class = re.compile(r"[a-z0-9]", re.IGNORECASE)
    found = set()
    for cp in range(128, sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        low = c.lower()
        if ascii_class.fullmatch(c) or len(low) != 1 or low.isascii():
            found.add(c)
    assert found == _FOLDS_TO_ASCII


def test_may_hold() -> None:
    from newsbrief.analyze.text import may_hold

    assert may_hold("Speaking on CONDITION of anonymity", ("condition",))
    assert may_hold("on condıtion of anonymity", ("condition",))  # dotless i: searched
    assert not may_hold("The council met on Monday.", ("condition", "who"))
    assert not may_hold("“Quoted” words, no match.", ("condition",))
