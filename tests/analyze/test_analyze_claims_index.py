"""The candidate index of claim alignment leaves out no pair that could corroborate."""

from __future__ import annotations

import random

from newsbrief.analyze.claim_pairs import FIRM, candidate_pairs
from newsbrief.analyze.claims import align_claims
from newsbrief.analyze.text import cosine, idf_weights


def test_candidate_pairs_hold_every_pair_reaching_the_threshold() -> None:
    rng = random.Random(3)
    # a Zipf-like vocabulary: a few words in most lists, many rare ones
    vocab = [f"w{i}" for i in range(300)]
    weights = [1.0 / (i + 1) for i in range(300)]
    lists = [rng.choices(vocab, weights, k=rng.randint(3, 14)) for _ in range(400)]
    idf = idf_weights(lists)
    for threshold in (0.1, FIRM, 0.5):
        found = set(candidate_pairs(lists, idf, threshold))
        needed = {
            (i, j)
            for i in range(len(lists))
            for j in range(i + 1, len(lists))
            if cosine(lists[i], lists[j], idf) >= threshold
        }
        assert needed, "the sample must hold pairs above the threshold"
        assert needed <= found
        # the index prunes: far fewer candidates than the pairs sharing any word
        sharing = sum(
            1
            for i in range(len(lists))
            for j in range(i + 1, len(lists))
            if set(lists[i]) & set(lists[j])
        )
        if threshold >= FIRM:
            assert len(found) < sharing / 2


def test_copies_of_one_statement_form_one_claim(make_article) -> None:
    line = "Iraqi forces freed the city of Mosul after a long military campaign."
    other = "Officials in the capital opened a new bridge across the river today."
    arts = [make_article(f"a{k}", f"{line} {other if k % 2 else ''}") for k in range(90)]
    claims = align_claims(arts, [], {a.id: a.id for a in arts})
    by_text = {c.text: c for c in claims}
    assert sorted(by_text) == sorted([line, other])
    assert by_text[line].articles == [a.id for a in arts]
    assert by_text[other].articles == [a.id for a in arts[1::2]]
