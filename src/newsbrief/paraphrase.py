"""Whether two sentences say the same thing: pair features and the fitted logistic model.

Claim alignment (analyze) asks it for a second opinion and ``newsbrief eval paraphrase``
scores it; it lives outside the stages (it grew inside dedup, which does not use it).

Every feature is symmetric in the two sentences (the smaller / larger of two directed
values), so ``probability(a, b) == probability(b, a)``. The weights are a constant table
fitted by ``newsbrief.eval.paraphrase.fit_pair_model`` on the MRPC dev pairs whose
sha1(pair_id) first byte is even (the "fit half"); the other half is only ever scored.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from newsbrief.text import STOP_WORDS, content_stems, stem, words

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = frozenset(
    ["not", "no", "never", "nothing", "nobody", "none", "nor", "cannot", "without", "neither"]
)


@dataclass(frozen=True, slots=True)
class _Side:
    """What the features need from one sentence, computed once per distinct sentence."""

    tokens: tuple[str, ...]  # lower-cased word and number tokens in order
    stems: tuple[str, ...]  # stems of content tokens in order
    bigrams: frozenset[tuple[str, str]]
    trigrams: frozenset[str]  # character 3-grams of the lower-cased, space-joined tokens
    numbers: frozenset[str]
    names: frozenset[str]  # capitalised words not at the start of the sentence, lower-cased
    negated: bool


def _negated(text: str, tokens: tuple[str, ...]) -> bool:
    # contractions stay one token ("didn't"), so they are found in the text instead
    if any(t in _NEGATION for t in tokens):
        return True
    lowered = text.lower()
    return "n't" in lowered or "n’t" in lowered


@lru_cache(maxsize=20_000)
def _side(text: str) -> _Side:
    raw = words(text, hyphens=True, numbers=True)
    tokens = tuple(t.lower() for t in raw)
    content = [t for t in tokens if t not in STOP_WORDS and (len(t) > 1 or t.isdigit())]
    stems = tuple(stem(t) for t in content)
    joined = " ".join(tokens)
    names = frozenset(
        t.lower()
        for k, t in enumerate(raw)
        if k > 0 and t[:1].isupper() and t.lower() not in STOP_WORDS
    )
    return _Side(
        tokens=tokens,
        stems=stems,
        bigrams=frozenset(zip(stems, stems[1:], strict=False)),
        trigrams=frozenset(joined[i : i + 3] for i in range(max(0, len(joined) - 2))),
        numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(text)),
        names=names,
        negated=_negated(text, tokens),
    )


def _jaccard(a: frozenset[object] | set[object], b: frozenset[object] | set[object]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 1.0


def _containments(a: frozenset[object], b: frozenset[object]) -> tuple[float, float]:
    """(smaller, larger) of |a∩b|/|a| and |a∩b|/|b|; 1.0 for an empty side."""
    shared = len(a & b)
    ca = shared / len(a) if a else 1.0
    cb = shared / len(b) if b else 1.0
    return min(ca, cb), max(ca, cb)


def _lcs(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _ngram_precision(a: tuple[str, ...], b: tuple[str, ...], n: int) -> float:
    """The smaller of the two directed shares of n-grams found on the other side."""
    ga = {a[i : i + n] for i in range(len(a) - n + 1)}
    gb = {b[i : i + n] for i in range(len(b) - n + 1)}
    if not ga or not gb:
        return float(ga == gb)
    shared = len(ga & gb)
    return min(shared / len(ga), shared / len(gb))


FEATURE_NAMES: tuple[str, ...] = (
    "token_jaccard",
    "token_contain_min",
    "token_contain_max",
    "stem_jaccard",
    "stem_contain_min",
    "stem_contain_max",
    "bigram_jaccard",
    "trigram_jaccard",
    "trigram_contain_min",
    "lcs_ratio",
    "length_ratio",
    "log_length_diff",
    "number_unmatched",
    "number_mismatch",
    "name_unmatched",
    "name_jaccard",
    "negation_mismatch",
    "unmatched_stems",
    "ngram2_prec_min",
    "ngram4_prec_min",
    "stem_unmatched_short",
    "stem_unmatched_long",
    "number_unmatched_short",
    "name_unmatched_short",
    "token_ratio",
)


# Logistic regression over raw feature values: ``fit_pair_model(fit_half, c=1.0)`` in
# newsbrief.eval.paraphrase on the 2,056 MRPC dev pairs whose sha1(pair_id) first byte is
# even (features standardised for the L2 penalty, scaling folded back in). The features
# overlap heavily, so single weights (even their signs) mean little on their own; refit
# with that function after changing any feature.
WEIGHTS: dict[str, float] = {
    "token_jaccard": 5.4840,
    "token_contain_min": -1.3256,
    "token_contain_max": -6.0472,
    "stem_jaccard": 7.1038,
    "stem_contain_min": -4.6190,
    "stem_contain_max": 0.2177,
    "bigram_jaccard": -3.7175,
    "trigram_jaccard": 3.4358,
    "trigram_contain_min": 4.4121,
    "lcs_ratio": -1.0920,
    "length_ratio": 0.5653,
    "log_length_diff": -0.2762,
    "number_unmatched": -0.1972,
    "number_mismatch": -0.1466,
    "name_unmatched": 0.4015,
    "name_jaccard": 0.1016,
    "negation_mismatch": -1.3205,
    "unmatched_stems": -2.3462,
    "ngram2_prec_min": -1.9268,
    "ngram4_prec_min": -2.1620,
    "stem_unmatched_short": 1.0225,
    "stem_unmatched_long": 0.9854,
    "number_unmatched_short": -0.5498,
    "name_unmatched_short": -0.5598,
    "token_ratio": 6.7561,
}
INTERCEPT = -1.0583
_WEIGHT_VECTOR = tuple(WEIGHTS[name] for name in FEATURE_NAMES)


def probability(a: str, b: str) -> float:
    """Model probability that ``a`` and ``b`` are paraphrases (MRPC sense)."""
    z = INTERCEPT + sum(w * f for w, f in zip(_WEIGHT_VECTOR, features(a, b), strict=True))
    if z < -30.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def shares_content(a: str, b: str) -> bool:
    """Cheap prefilter: two sentences without a shared content stem never paraphrase."""
    return not frozenset(_side(a).stems).isdisjoint(_side(b).stems)


def features(a: str, b: str) -> list[float]:
    """The feature vector of a sentence pair, in ``FEATURE_NAMES`` order."""
    x, y = _side(a), _side(b)
    tx, ty = frozenset(x.tokens), frozenset(y.tokens)
    sx, sy = frozenset(x.stems), frozenset(y.stems)
    nx, ny = len(x.tokens), len(y.tokens)
    t_min, t_max = _containments(tx, ty)
    s_min, s_max = _containments(sx, sy)
    c_min, _ = _containments(x.trigrams, y.trigrams)
    lcs = _lcs(x.stems, y.stems) / max(1, min(len(x.stems), len(y.stems)))
    # A number on one side only usually means a different figure, the commonest way two
    # near-identical MRPC sentences fail to be paraphrases.
    num_unmatched = len(x.numbers ^ y.numbers)
    short, long = (x, y) if nx <= ny else (y, x)
    short_s, long_s = frozenset(short.stems), frozenset(long.stems)
    return [
        _jaccard(tx, ty),
        t_min,
        t_max,
        _jaccard(sx, sy),
        s_min,
        s_max,
        _jaccard(x.bigrams, y.bigrams),
        _jaccard(x.trigrams, y.trigrams),
        c_min,
        lcs,
        min(nx, ny) / max(1, nx, ny),
        math.log1p(abs(nx - ny)),
        math.log1p(num_unmatched),
        float(num_unmatched > 0),
        math.log1p(len(x.names ^ y.names)),
        _jaccard(x.names, y.names),
        float(x.negated != y.negated),
        math.log1p(len(sx ^ sy)),
        _ngram_precision(x.tokens, y.tokens, 2),
        _ngram_precision(x.tokens, y.tokens, 4),
        math.log1p(len(short_s - long_s)),
        math.log1p(len(long_s - short_s)),
        math.log1p(len(short.numbers - long.numbers)),
        math.log1p(len(short.names - long.names)),
        SequenceMatcher(None, x.tokens, y.tokens, autojunk=False).ratio(),
    ]


# ---------------------------------------------------------------- the decision

PARAPHRASE_THRESHOLD = 0.5


def overlap_score(a: str, b: str) -> float:
    """Cheap word-level similarity in [0, 1], robust to rewording.

    The mean of the set cosine and the containment of the smaller sentence in the larger
    over stemmed content words: containment keeps a condensed rewrite ("X, ambassador of Y,
    says ...") close to its longer original, cosine keeps one shared name from making a
    short sentence look like a long one. (This was ``paraphrase_score`` before the fitted
    model; MRPC accuracy 0.699 against the model's 0.755, see ``eval.paraphrase``.)
    """
    sa, sb = set(content_stems(a)), set(content_stems(b))
    if not sa or not sb:
        return 1.0 if a.strip().lower() == b.strip().lower() and a.strip() else 0.0
    shared = len(sa & sb)
    cosine = shared / math.sqrt(len(sa) * len(sb))
    containment = shared / min(len(sa), len(sb))
    return 0.5 * (cosine + containment)


def paraphrase_score(a: str, b: str) -> float:
    """Probability in [0, 1] that two sentences say the same thing.

    A logistic model over overlap, order, length, number, name and negation features
    (above), fitted on half of the MRPC dev pairs. Sentences without a shared
    content stem skip the model: they are never paraphrases, and most candidate pairs in
    an alignment are of that kind.
    """
    if not a.strip() or not b.strip():
        return 0.0
    if a.strip().lower() == b.strip().lower():
        return 1.0
    if not shares_content(a, b):
        return 0.0
    return probability(a, b)


def is_paraphrase(a: str, b: str, threshold: float = PARAPHRASE_THRESHOLD) -> bool:
    """Whether two sentences say the same thing: model probability at least ``threshold``."""
    return paraphrase_score(a, b) >= threshold
