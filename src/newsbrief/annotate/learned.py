"""A learned attribution tagger over the parse, for the attributions the patterns miss.

Linear models fitted on the PolNeAR train file only (``benchmarks/fit_attribution.py``) read
one parsed sentence at a time (features in ``annotate.learned_features``): the cue model scores every verb, noun and adjective as the
head of an attribution cue ("won", "vetoed", "are concerned", nominal "his decision"); for a cue
above its threshold the content model decides which of the cue's dependents (and whether the
clause it hangs on, for "…, according to X" and "…, he said") make up what was attributed, and
the source model picks the dependent that is its source (a subject, a "by" agent, a possessor;
the clause subject for a participle, or of a verb up a chain of coordinated ones). A fourth,
the keep model (``annotate.keep``), then drops the reported and attributed statements, the
patterns' and the tagger's, whose content and source are unlikely to both be right. Only
feature weights are shipped
(``newsbrief/data/attribution_model.json``); scoring is a sum of weights, no scikit-learn at run time.

It needs every sentence parsed, so it runs only when every attribution is asked for
(``annotate(article, attributions="all")``, used by ``newsbrief eval quotes``); briefs show only
speech, which the patterns find without it.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsbrief import parse as nlp_parse
from newsbrief.annotate.keep import Meta, keep_filter
from newsbrief.annotate.learned_features import (  # noqa: F401 (the fit script reads them here)
    CUE_POS,
    Sent,
    Tok,
    content_candidates,
    cue_features,
    doc_tokens,
    source_candidates,
)
from newsbrief.annotate.speakers import PARSED
from newsbrief.errors import ConfigError, ParseUnavailableError
from newsbrief.records import Quote, Sentence

# "speech" (the default: the patterns only, as briefs show) or "all" (every sentence parsed and
# tagged); `NEWSBRIEF_ATTRIBUTIONS=all newsbrief run` turns it on for a run
ATTRIBUTIONS_ENV = "NEWSBRIEF_ATTRIBUTIONS"
MODES = ("speech", "all")


def attributions_mode(mode: str | None = None) -> str:
    """The attribution mode asked for (the argument, else the environment, else "speech")."""
    mode = (mode or os.environ.get(ATTRIBUTIONS_ENV) or "speech").strip().lower()
    if mode not in MODES:
        raise ConfigError(
            f"attributions (or {ATTRIBUTIONS_ENV}) must be one of {', '.join(MODES)}, not {mode!r}"
        )
    return mode


@dataclass(slots=True)
class Found:
    cue: tuple[int, int]  # character spans relative to the sentence
    content: tuple[int, int]
    source: tuple[int, int] | None
    score: float
    source_p: float = 0.0  # the source model's probability of the chosen source
    # what the parse says of it, for the keep model: the cue's POS and label, the labels of
    # the content's pieces, the chosen source's relation and entity type
    parse: tuple[str, ...] = ()


def _span(s: Sent, idx: list[int]) -> tuple[int, int] | None:
    idx = [j for j in idx if s.toks[j][3] != "PUNCT"]
    if not idx:
        return None
    lo, hi = min(idx), max(idx)
    return s.toks[lo][0], s.toks[hi][0] + len(s.toks[hi][1])


class Model:
    """The four weight tables (cue, content, source, keep) and their thresholds."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.cue: dict[str, float] = data["cue"]
        self.content: dict[str, float] = data["content"]
        self.source: dict[str, float] = data["source"]
        self.cue_threshold: float = data["cue_threshold"]
        self.content_threshold: float = data.get("content_threshold", 0.5)
        self.source_threshold: float = data.get("source_threshold", 0.5)
        self.revise: bool = bool(data.get("revise", False))
        # the fourth model (``annotate.keep``): which non-direct statements to keep
        self.keep: dict[str, float] = data.get("keep", {})
        self.keep_threshold: float = data.get("keep_threshold", 0.0)
        # the tagger may add a statement nested inside another's content (cue and content
        # inside it: "X said the plan *would fail, critics argued*")
        self.nested: bool = bool(data.get("nested", False))

    @staticmethod
    def _prob(weights: dict[str, float], feats: list[str]) -> float:
        z = sum(weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def cue_prob(self, s: Sent, i: int) -> float:
        return self._prob(self.cue, cue_features(s, i))

    def tag(self, s: Sent, threshold: float | None = None) -> list[Found]:
        """Attributions of one parsed sentence, best cue first; none inside quotation marks."""
        thr = self.cue_threshold if threshold is None else threshold
        out: list[Found] = []
        for i, t in enumerate(s.toks):
            if t[3] not in CUE_POS or s.quoted[i]:
                continue
            p = self.cue_prob(s, i)
            if p < thr:
                continue
            found = self.expand(s, i, p)
            if found is not None:
                out.append(found)
        return sorted(out, key=lambda f: -f.score)

    def expand(self, s: Sent, i: int, score: float) -> Found | None:
        idx: list[int] = []
        pieces: list[str] = []
        for kind, sub, feats in content_candidates(s, i):
            if self._prob(self.content, feats) >= self.content_threshold:
                idx.extend(sub)
                pieces.append(next((f[2:] for f in feats if f.startswith("d=")), kind))
        best, best_p, rel = None, self.source_threshold, "none"
        for c, feats in source_candidates(s, i):
            p = self._prob(self.source, feats)
            if p >= best_p:
                best, best_p = c, p
                rel = next((f[3:] for f in feats if f.startswith("rs=")), "none")
        src: list[int] = []
        if best is not None:
            # the cue's own clause is never part of its source ("the senator, who criticized …")
            # nor anything past it: the run of the source's words around its head
            sub = s.subtree(best)
            own = set() if best in set(s.subtree(i)) else set(s.subtree(i))
            keep = {j for j in sub if j not in own}
            lo = hi = best
            while lo - 1 in keep:
                lo -= 1
            while hi + 1 in keep:
                hi += 1
            src = list(range(lo, hi + 1))
            idx = [j for j in idx if j not in keep]
        content = _span(s, [j for j in idx if j != i])
        if content is None:
            return None
        t = s.toks[i]
        cue = (t[0], t[0] + len(t[1]))
        source = _span(s, src) if src else None
        parse = (
            f"cue={t[3]}|{t[5]}",
            f"pieces={'+'.join(sorted(set(pieces)))}",
            f"src={rel}",
            f"srce={(s.toks[best][7] or '-') if best is not None else 'none'}",
        )
        return Found(cue, content, source, score, best_p if best is not None else 0.0, parse)


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, loaded once per process."""
    raw = resources.files("newsbrief").joinpath("data/attribution_model.json").read_text()
    return Model(json.loads(raw))


def tag_article(
    text: str,
    parsed: Sequence[tuple[int, int, Sent]],
    quotes: Sequence[Quote],
    m: Model,
    threshold: float | None = None,
    revise: bool = False,
) -> list[Quote]:
    """The tagger's attributions over ``parsed`` (sentence index, start, parse) that none of
    ``quotes`` covers: content overlapping a found statement, or a cue inside one, is left to
    the patterns. Their source is the surface words ("the senator", "he"), not resolved to a
    name: no brief shows them."""
    return [q for q, _ in tag_article_scored(text, parsed, quotes, m, threshold, revise)]


def tag_article_scored(
    text: str,
    parsed: Sequence[tuple[int, int, Sent]],
    quotes: Sequence[Quote],
    m: Model,
    threshold: float | None = None,
    revise: bool = False,
) -> list[tuple[Quote, Found]]:
    """``tag_article`` with what the tagger found for each attribution (its scores)."""
    if revise:
        _revise(text, parsed, quotes, m, threshold)
    taken = [(q.start, q.end) for q in quotes]
    out: list[tuple[Quote, Found]] = []
    for index, st, sent in parsed:
        for f in m.tag(sent, threshold):
            a, b, ca = st + f.content[0], st + f.content[1], st + f.cue[0]
            if any(
                (x < b and a < y or x <= ca < y)
                and not (m.nested and x <= a and b <= y and x <= ca and (a, b) != (x, y))
                for x, y in taken
            ):
                continue
            taken.append((a, b))
            src = text[st + f.source[0] : st + f.source[1]] if f.source else None
            cue = text[ca : st + f.cue[1]]
            out.append((Quote(text[a:b], "attributed", index, a, b, None, src, cue), f))
    return out


def candidates(
    text: str,
    parsed: Sequence[tuple[int, int, Sent]],
    quotes: Sequence[Quote],
    m: Model,
    threshold: float | None = None,
    revise: bool | None = None,
) -> tuple[list[Quote], list[Meta]]:
    """``quotes`` (revised) plus the tagger's, with each one's origin ("p" the patterns, "pt"
    a pattern statement whose cue the tagger also found, "t" the tagger), the tagger's cue
    score, its source model's probability and what the parse says of it, before the keep
    model."""
    rev = m.revise if revise is None else revise
    confirmed = _revise(text, parsed, quotes, m, threshold) if rev else {}
    added = tag_article_scored(text, parsed, quotes, m, threshold)
    out = list(quotes) + [q for q, _ in added]
    meta: list[Meta] = []
    for q in quotes:
        f = confirmed.get(id(q))
        meta.append(("p", None, None, ()) if f is None else ("pt", f.score, f.source_p, f.parse))
    meta += [("t", f.score, f.source_p, f.parse) for _, f in added]
    return out, meta


def learned_quotes(
    text: str,
    parsed: Sequence[tuple[int, int, Sent]],
    quotes: Sequence[Quote],
    m: Model,
    threshold: float | None = None,
    revise: bool | None = None,
    keep_threshold: float | None = None,
) -> list[Quote]:
    """Every statement when all attributions are asked for: ``candidates`` without those the
    keep model drops (``annotate.keep``), in text order."""
    out, meta = candidates(text, parsed, quotes, m, threshold, revise)
    thr = m.keep_threshold if keep_threshold is None else keep_threshold
    out = keep_filter(text, out, meta, m.keep, thr)
    out.sort(key=lambda q: q.start)
    return out


def _revise(
    text: str,
    parsed: Sequence[tuple[int, int, Sent]],
    quotes: Sequence[Quote],
    m: Model,
    threshold: float | None,
) -> dict[int, Found]:
    """A pattern statement (not a direct quote) whose cue the tagger also found takes the
    tagger's content span, where that overlaps no other statement, and its source when the
    patterns found none. Returns what the tagger found for each such statement (by ``id``)."""
    found: dict[int, Found] = {}
    by_index = {index: (st, sent) for index, st, sent in parsed}
    for q in quotes:
        if q.kind == "direct" or not q.cue or q.sentence not in by_index:
            continue
        st, sent = by_index[q.sentence]
        word = q.cue.split()[0].lower()
        for f in m.tag(sent, threshold):
            a, b = st + f.content[0], st + f.content[1]
            if text[st + f.cue[0] : st + f.cue[1]].lower() != word or not (
                a < q.end and q.start < b
            ):
                continue
            if not any(o is not q and o.start < b and a < o.end for o in quotes):
                q.start, q.end, q.text = a, b, text[a:b]
            if q.speaker_text is None and f.source is not None:
                q.speaker_text = text[st + f.source[0] : st + f.source[1]]
            found[id(q)] = f
            break
    return found


def add_learned(text: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Quote]:
    """``quotes`` plus the tagger's attributions (``tag_article``); every sentence is parsed."""
    if not sentences or not PARSED["on"]:  # NEWSBRIEF_QUOTE_PARSE=0: nothing is parsed
        return quotes
    try:
        docs = nlp_parse.parse([s.text for s in sentences])
    except ParseUnavailableError:
        return quotes
    parsed = [
        (s.index, s.start, Sent.of(doc_tokens(d))) for s, d in zip(sentences, docs, strict=True)
    ]
    return learned_quotes(text, parsed, quotes, model())
