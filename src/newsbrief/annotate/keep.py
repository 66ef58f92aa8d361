"""Which statements beyond direct quotes to keep when every attribution is asked for.

A fourth logistic regression of the learned tagger (``annotate.learned``), fitted on the
PolNeAR train file only (``benchmarks/fit_attribution.py``, on the tagger's out-of-fold
predictions): for every reported or attributed statement (from the patterns or the tagger) it
estimates the chance that both its content and its source are right, from the statement's own
words: its kind and origin, the cue word, what its source is (none, a pronoun, a resolved name,
other words), the content's length and first word, the tagger's cue score, and whether it
holds or sits inside another statement. Statements under the threshold are dropped: a
statement whose source cannot be right only adds a wrong attribution. Direct quotes are never
touched. Only weights ship (``data/attribution_model.json``, key ``keep``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from newsbrief.annotate.learned_features import cue_stem
from newsbrief.records import Quote

_WORD = re.compile(r"\w+")
# per statement: origin, tagger cue score, source probability, the tagger's parse features
Meta = tuple[str, float | None, float | None, tuple[str, ...]]
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "one",
        "someone",
        "some",
        "others",
        "many",
    ]
)


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n <= 3 else "4" if n <= 9 else "10" if n <= 19 else "20"


def source_class(q: Quote) -> str:
    """none / pron:<word> / name (resolved) / cap (capitalised words) / low (other words)."""
    words = _WORD.findall(q.speaker_text or "")
    if not words and not q.speaker:
        return "none"
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return f"pron:{words[0].lower()}"
    if q.speaker:
        return "name"
    return "cap" if any(w[:1].isupper() for w in words) else "low"


def keep_features(
    text: str,
    q: Quote,
    origin: str,
    score: float | None,
    others: Sequence[Quote],
    source_p: float | None = None,
    parse: Sequence[str] = (),
) -> list[str]:
    """Features of statement ``q`` (``origin`` "p" for the patterns, "pt" for a pattern
    statement whose cue the tagger also found, "t" for the tagger)."""
    cue = (q.cue or "").split()
    cw = cue[0].lower() if cue else "<none>"
    words = _WORD.findall(q.text)
    first = words[0].lower() if words else "<none>"
    src = source_class(q)
    scls = src.split(":")[0]
    nsrc = len(_WORD.findall(q.speaker_text or ""))
    holds = any(o is not q and q.start <= o.start and o.end <= q.end for o in others)
    inside = any(o is not q and o.start <= q.start and q.end <= o.end for o in others)
    cross = any(
        o is not q
        and o.start < q.end
        and q.start < o.end
        and not (q.start <= o.start and o.end <= q.end or o.start <= q.start and q.end <= o.end)
        for o in others
    )
    after = text[q.end : q.end + 1]
    ends = after in ("", ".", "?", "!", "\n")
    multi = "\n" in q.text
    speaker_text = q.speaker_text or ""
    src_inside = bool(speaker_text) and speaker_text in q.text
    f = [
        "b",
        f"k={q.kind}|{origin}",
        f"s={src}",
        f"ks={q.kind}|{origin}|{scls}",
        f"ns={_bucket(nsrc)}|{scls}",
        f"cw={cw}",
        f"cwo={cw}|{origin}",
        f"cst={cue_stem(cw)}",
        f"cws={cw}|{scls}",
        f"cn={len(cue)}",
        f"n={_bucket(len(words))}",
        f"nk={_bucket(len(words))}|{q.kind}|{origin}",
        f"f={first}",
        f"fk={first}|{q.kind}",
        f"end={ends}",
        f"holds={holds}",
        f"inside={inside}",
        f"cross={cross}",
        f"multi={multi}",
        f"srcin={src_inside}",
    ]
    if score is not None:
        f.append(f"sc={min(9, int(score * 10))}")
    if source_p is not None:
        f.append(f"sp={min(9, int(source_p * 10))}|{scls}")
    # what the tagger's parse says: cue POS and label, content pieces, source relation
    f.extend(f"x{p}" for p in parse)
    f.extend(f"xk{p}|{scls}" for p in parse if p.startswith("src"))
    return f


def keep_prob(weights: dict[str, float], feats: list[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep_filter(
    text: str,
    quotes: Sequence[Quote],
    meta: Sequence[Meta],
    weights: dict[str, float],
    threshold: float,
) -> list[Quote]:
    """``quotes`` without the non-direct statements scored under ``threshold``; ``meta`` holds
    each statement's origin, tagger cue score and source probability."""
    if not weights:
        return list(quotes)
    out = []
    for q, (origin, score, source_p, parse) in zip(quotes, meta, strict=True):
        if q.kind == "direct":
            out.append(q)
            continue
        feats = keep_features(text, q, origin, score, quotes, source_p, parse)
        if keep_prob(weights, feats) >= threshold:
            out.append(q)
    return out
