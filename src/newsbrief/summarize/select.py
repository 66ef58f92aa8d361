"""Sentence candidates, concept weights and budgeted greedy selection.

The objective is weighted concept coverage (Gillick & Favre 2009) plus a small per-sentence
prior for lead position and independent support, maximised greedily under a word budget with
the cost-scaled rule of Lin & Bilmes (2010). Coverage is submodular, so a concept already said
earns nothing twice; an explicit similarity ceiling also keeps near-paraphrases out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from newsbrief.records import Sentence


@dataclass(slots=True)
class Candidate:
    article: int  # position of the article in the input list
    sentence: Sentence
    words: int
    concepts: set[str]
    rank: int  # position among the article's eligible sentences (0 = its lead)
    row: int  # row in the similarity matrix
    group: int  # independent-source group of the article
    eligible: bool = True
    support: set[int] = field(default_factory=set)  # groups with a sentence stating the same


@dataclass(frozen=True, slots=True)
class Params:
    """Knobs of the objective; defaults were tuned on the Multi-News dev split only."""

    bigram_weight: float = 1.0
    unigram_weight: float = 0.5
    position_decay: float = 4.0  # concept occurrences in an article's first sentences count more
    tf_weight: float = 0.3  # repeated mentions inside one source add a little
    lead_bonus: float = 1.0  # per-sentence prior for being early in its article
    support_bonus: float = 0.5  # per extra independent source stating the sentence
    cost_exponent: float = 1.0  # gain / words**r
    redundancy: float = 0.5  # cosine above which two sentences say the same thing
    min_df_ratio: float = 0.0


def position_weight(rank: int, decay: float) -> float:
    return 1.0 + decay / (rank + 1.0)


def concept_weights(cands: list[Candidate], params: Params) -> dict[str, float]:
    """Each concept weighs the number of independent sources carrying it, lead-weighted."""
    per_group: dict[str, dict[int, float]] = {}
    tf: dict[str, int] = {}
    for c in cands:
        if not c.eligible:
            continue
        pw = position_weight(c.rank, params.position_decay)
        for k in c.concepts:
            groups = per_group.setdefault(k, {})
            groups[c.group] = max(groups.get(c.group, 0.0), pw)
            tf[k] = tf.get(k, 0) + 1
    weights: dict[str, float] = {}
    for k, groups in per_group.items():
        kind = params.bigram_weight if " " in k else params.unigram_weight
        base = sum(groups.values())
        weights[k] = kind * base * (1.0 + params.tf_weight * math.log(tf[k]))
    return weights


def greedy_select(
    cands: list[Candidate],
    sim: np.ndarray,
    weights: dict[str, float],
    budget: int,
    params: Params,
) -> list[Candidate]:
    """Budgeted greedy maximisation; never two sentences above the redundancy ceiling."""
    pool = [c for c in cands if c.eligible and c.words <= budget]
    prior = {
        id(c): params.lead_bonus * position_weight(c.rank, params.position_decay)
        + params.support_bonus * max(0, len(c.support) - 1)
        for c in pool
    }
    covered: set[str] = set()
    chosen: list[Candidate] = []
    used = 0
    while pool:
        best: Candidate | None = None
        best_score = 0.0
        for c in pool:
            gain = sum(weights.get(k, 0.0) for k in c.concepts - covered) + prior[id(c)]
            score = gain / (c.words**params.cost_exponent)
            # Ties break on input order, so the result is deterministic.
            if score > best_score:
                best, best_score = c, score
        if best is None:
            break
        chosen.append(best)
        used += best.words
        covered |= best.concepts
        rows = [c.row for c in chosen]
        pool = [
            c
            for c in pool
            if c is not best
            and c.words <= budget - used
            and float(sim[c.row, rows].max()) < params.redundancy
        ]
    return chosen
