"""A sentence left out of the summary only for readability still counts for the concepts."""

from __future__ import annotations

import numpy as np

from newsbrief.records import Article, Sentence
from newsbrief.summarize import _candidates
from newsbrief.summarize.select import Params, concept_weights


def make(aid: str, sentences: list[str]) -> Article:
    text = ""
    sents: list[Sentence] = []
    for i, s in enumerate(sentences):
        start = len(text)
        text += s + " "
        sents.append(Sentence(i, s, start, start + len(s)))
    return Article(id=aid, source=aid, text=text.strip(), sentences=sents)


A = [
    "Flood update",  # a heading: not eligible, so the next sentence has no antecedent
    "They said the flooded market square in Millbrook would reopen on Friday.",
    "Engineers will inspect the remaining embankments once the water recedes.",
]
B = [
    "The flooded market square in Millbrook will reopen on Friday, the mayor said.",
    "Volunteers brought blankets, food and drinking water to the town school.",
]


def test_a_referring_sentence_without_antecedent_counts_but_is_not_eligible() -> None:
    cands, _, bigram = _candidates([make("a", A), make("b", B)], None, [])
    referring = next(c for c in cands if c.sentence.text.startswith("They said"))
    assert not referring.eligible and referring.needs is None
    assert referring.counted and len(referring.ids) > 0
    heading = next(c for c in cands if c.sentence.text == "Flood update")
    assert not heading.counted and len(heading.ids) == 0

    with_it = concept_weights(cands, bigram, Params())
    referring.counted = False
    without = concept_weights(cands, bigram, Params())
    shared = np.intersect1d(referring.ids, next(c for c in cands if c.article == 1).ids)
    assert len(shared) > 0
    # a second source carries the shared concepts, so they weigh more with it counted
    assert np.all(with_it[shared] > without[shared])
    # concepts no other sentence has are untouched elsewhere: weights never fall
    assert np.all(with_it >= without)
