"""Features of a page's candidate lines for the fitted body-line model (see ``linecoef``).

A candidate is a non-empty line no rule removed. Its features come from the line itself
(length, stop words, punctuation, capitalisation, digits), from its neighbours (jusText-style
context: how much prose sits within a few lines) and from its place on the page (inside the
densest run of prose or not, how much prose comes before and after it). The first stage scores
each line from these; the second adds the first stage's scores of the neighbours (up to three
lines away, a mean over 3 and 10 lines, and whether the line lies in the page's best run of
high scores at three cut-offs), so a teaser list (headline, author, one paragraph, repeated)
reads differently from an article body. Rule evidence around the line counts too: a comment
widget above it, comment timestamps near it, how many of its neighbours rules removed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lines.py imports this module
    from newsbrief.clean.lines import LineInfo

GOOD, SHORT, BAD, HEADLINE = "good", "short", "bad", "headline"  # LineInfo.kind values

_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[^\W\d_]")

FEATURES_1 = (
    "bias",
    "log_words",
    "stop",
    "terminal",
    "title_case",
    "good",
    "headline",
    "short",
    "bad",
    "heuristic_kept",
    "digits",
    "upper",
    "comma",
    "repeated",
    "prose_before",
    "prose_after",
    "near_prose",
    "prev_words",
    "next_words",
    "prev_rule",
    "next_rule",
    "rel_pos",
    "after_comments",
    "timestamps_near",
    "rule_density",
)
NEIGHBOUR_FEATURES = (
    "p_prev",
    "p_next",
    "p_prev2",
    "p_next2",
    "p_prev3",
    "p_next3",
    "p_window",
    "p_wide",
    "p_block_loose",
    "p_block",
    "p_block_strict",
)
_COMMENT_WIDGETS = ("comment-widget", "comment-prompt")
_WIDE = 10  # lines each side for the wide neighbourhood mean
_BLOCK_CENTRES = (0.3, 0.5, 0.7)
FEATURES_2 = FEATURES_1 + NEIGHBOUR_FEATURES


def _nearest(
    infos: Sequence[LineInfo | None], reasons: Sequence[str | None], i: int, step: int
) -> tuple[float, float]:
    """(log words, removed by a rule) of the nearest non-blank line in direction ``step``."""
    j = i + step
    while 0 <= j < len(infos):
        info = infos[j]
        if info is not None:
            return math.log1p(info.n), 0.0
        if reasons[j] is not None:
            return 0.0, 1.0
        j += step
    return 0.0, 0.0


def stage1_features(
    reasons: Sequence[str | None], infos: Sequence[LineInfo | None], kept: Sequence[bool]
) -> dict[int, list[float]]:
    """Feature vectors (in ``FEATURES_1`` order) of the candidate lines, by line index."""
    total = len(reasons)
    prose = [float(i.n) if i is not None and i.kind == GOOD else 0.0 for i in infos]
    all_prose = sum(prose) or 1.0
    counts = Counter(i.text for i in infos if i is not None)
    # a comment widget that no rule could turn into a comment section still says that what
    # follows it is more likely readers' text than the article's
    first_widget = next((i for i, r in enumerate(reasons) if r in _COMMENT_WIDGETS), total)
    before = 0.0
    feats: dict[int, list[float]] = {}
    for idx, info in enumerate(infos):
        if info is None:
            continue
        text = info.text
        letters = len(_LETTER.findall(text)) or 1
        window = sum(prose[max(0, idx - 3) : idx + 4]) - prose[idx]
        prev_w, prev_rule = _nearest(infos, reasons, idx, -1)
        next_w, next_rule = _nearest(infos, reasons, idx, 1)
        feats[idx] = [
            1.0,
            math.log1p(info.n),
            info.stop,
            float(info.terminal),
            info.title_case,
            float(info.kind == GOOD),
            float(info.kind == HEADLINE),
            float(info.kind == SHORT),
            float(info.kind == BAD),
            float(kept[idx]),
            min(1.0, len(_DIGIT.findall(text)) / letters),
            len(_UPPER.findall(text)) / letters,
            min(1.0, text.count(",") / max(1, info.n) * 5),
            float(counts[text] > 1),
            before / all_prose,
            (all_prose - before - prose[idx]) / all_prose,
            math.log1p(window),
            prev_w,
            next_w,
            prev_rule,
            next_rule,
            idx / max(1, total - 1),
            float(idx > first_widget),
            sum(r == "timestamp" for r in reasons[max(0, idx - 3) : idx + 4]) / 3,
            _rule_density(reasons, infos, idx),
        ]
        before += prose[idx]
    return feats


def _rule_density(
    reasons: Sequence[str | None], infos: Sequence[LineInfo | None], idx: int, reach: int = 5
) -> float:
    """Share of the non-blank lines within ``reach`` that a rule removed (widget country)."""
    lo, hi = max(0, idx - reach), min(len(reasons), idx + reach + 1)
    lines = [r for r, i in zip(reasons[lo:hi], infos[lo:hi], strict=True) if r or i is not None]
    return sum(r is not None for r in lines) / max(1, len(lines))


def stage2_features(
    feats: dict[int, list[float]], probs: dict[int, float]
) -> dict[int, list[float]]:
    """Stage-one features plus the stage-one scores of the neighbouring candidates."""
    order = sorted(feats)
    scores = [probs[i] for i in order]
    blocks = [_best_block(scores, centre) for centre in _BLOCK_CENTRES]
    out: dict[int, list[float]] = {}
    for pos, idx in enumerate(order):
        near = [_at(scores, pos + step) for step in (-1, 1, -2, 2, -3, 3)]
        means = [_mean_around(scores, pos, reach) for reach in (3, _WIDE)]
        inside = [float(lo <= pos <= hi) for lo, hi in blocks]
        out[idx] = feats[idx] + near + means + inside
    return out


def _at(scores: list[float], pos: int) -> float:
    return scores[pos] if 0 <= pos < len(scores) else 0.0


def _mean_around(scores: list[float], pos: int, reach: int) -> float:
    around = scores[max(0, pos - reach) : pos] + scores[pos + 1 : pos + reach + 1]
    return sum(around) / len(around) if around else 0.0


def _best_block(scores: list[float], centre: float = 0.5) -> tuple[int, int]:
    """The maximum-sum run of (score - centre): the page's main block by stage-one scores."""
    best, span = 0.0, (0, -1)
    run, start = 0.0, 0
    for i, score in enumerate(scores):
        if run <= 0:
            run, start = 0.0, i
        run += score - centre
        if run > best:
            best, span = run, (start, i)
    return span


def logistic(weights: Sequence[float], x: Sequence[float]) -> float:
    z = sum(w * v for w, v in zip(weights, x, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
