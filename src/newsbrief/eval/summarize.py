"""Multi-document summarization: ROUGE of newsbrief and simple baselines on the same clusters.

Input: JSONL, one cluster per line, ``{"id", "articles": [{"doc_id", "title", "text", ...}],
"summaries": [reference, ...]}`` (the Multi-News layout of ../shared/data/mds). Every system
reads the same cleaned, annotated sentences and gets the same word budget. With ``metric="f1"``
a system keeps whole sentences while they fit; with ``metric="recall"`` its text is cut at
exactly ``words`` words, as DUC scoring does.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsbrief.errors import ConfigError, DataError, InputError
from newsbrief.eval import EvalResult, SystemScore
from newsbrief.eval.baselines import (
    centroid_baseline,
    lead_baseline,
    lexrank_baseline,
    random_baseline,
)
from newsbrief.records import Article, article_id

SYSTEMS = ("random", "lead", "centroid", "lexrank", "newsbrief")
METRICS = ("f1", "recall")
ROUGE_KEYS = ("rouge1", "rouge2", "rougeL")
# Recall cuts every text at exactly N words. newsbrief's summary for N words is read first,
# then the sentences a longer budget would add, so the cut falls on its least important text
# (as the baselines' ranked lists do) instead of on whatever the time order puts last.
RECALL_SLACK = 40


def load_clusters(path: str | Path) -> list[dict[str, Any]]:
    """The clusters of a multi-document summary JSONL file, checked for the fields used."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no such file: {p}")
    rows: list[dict[str, Any]] = []
    with p.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"{p}:{no}: not JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or not isinstance(row.get("articles"), list):
                raise DataError(f"{p}:{no}: expected an object with an 'articles' list")
            refs = row.get("summaries")
            if not isinstance(refs, list) or not refs or not all(isinstance(r, str) for r in refs):
                raise DataError(f"{p}:{no}: expected 'summaries', a non-empty list of strings")
            rows.append(row)
    if not rows:
        raise DataError(f"{p}: no clusters")
    return rows


def prepare_articles(row: dict[str, Any]) -> list[Article]:
    """The cluster's articles through the pipeline's clean and annotate stages."""
    from newsbrief.annotate import annotate
    from newsbrief.clean import clean_article

    out: list[Article] = []
    for k, doc in enumerate(row["articles"]):
        text = doc.get("text") or ""
        source = str(doc.get("doc_id") or f"{row.get('id', '')}-d{k}")
        art = Article(
            id=article_id(source, text),
            source=source,
            title=doc.get("title") or "",
            text=text,
            url=doc.get("url"),
            published=doc.get("date"),
        )
        out.append(annotate(clean_article(art)))
    return out


def cut_sentences(sentences: list[str], words: int) -> str:
    """Whole sentences in order while they fit in ``words``; stops at the first that does not."""
    kept: list[str] = []
    used = 0
    for s in sentences:
        n = len(s.split())
        if used + n > words:
            break
        kept.append(s)
        used += n
    return " ".join(kept)


def cut_words(sentences: list[str], words: int) -> str:
    return " ".join(" ".join(sentences).split()[:words])


def _newsbrief(words: int, slack: int = 0) -> Callable[[list[Article], str], list[str]]:
    from newsbrief.summarize import summarize

    def run(articles: list[Article], _seed: str) -> list[str]:
        texts = [s.text for s in summarize(articles, words=words)]
        if slack:
            have = set(texts)
            more = summarize(articles, words=words + slack)
            texts += [s.text for s in more if s.text not in have]
        return texts

    return run


def evaluate_summarize(
    path: str,
    words: int = 260,
    metric: str = "f1",
    systems: list[str] | None = None,
    limit: int | None = None,
) -> EvalResult:
    """ROUGE-1/2/L (percent, mean over clusters, mean over references) per system."""
    from rouge_score import rouge_scorer

    if metric not in METRICS:
        raise ConfigError(f"unknown metric {metric!r}; use one of {', '.join(METRICS)}")
    if words <= 0:
        raise ConfigError(f"--words must be positive, got {words}")
    names = list(systems) if systems else list(SYSTEMS)
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise ConfigError(f"unknown system(s) {', '.join(unknown)}; use {', '.join(SYSTEMS)}")
    rows = load_clusters(path)[:limit] if limit else load_clusters(path)

    slack = RECALL_SLACK if metric == "recall" else 0
    runners: dict[str, Callable[[list[Article], str], list[str]]] = {
        "random": lambda arts, seed: random_baseline(arts, seed),
        "lead": lambda arts, _seed: lead_baseline(arts),
        "centroid": lambda arts, _seed: centroid_baseline(arts),
        "lexrank": lambda arts, _seed: lexrank_baseline(arts),
    }
    if "newsbrief" in names:
        runners["newsbrief"] = _newsbrief(words, slack)
    cut = cut_sentences if metric == "f1" else cut_words
    field = "fmeasure" if metric == "f1" else "recall"
    scorer = rouge_scorer.RougeScorer(list(ROUGE_KEYS), use_stemmer=True)

    totals = {n: dict.fromkeys(ROUGE_KEYS, 0.0) for n in names}
    seconds = dict.fromkeys(names, 0.0)
    prep = 0.0
    for i, row in enumerate(rows):
        t0 = time.perf_counter()
        articles = prepare_articles(row)
        prep += time.perf_counter() - t0
        seed = str(row.get("id", i))
        for name in names:
            t0 = time.perf_counter()
            text = cut(runners[name](articles, seed), words)
            seconds[name] += time.perf_counter() - t0
            refs = row["summaries"]
            for ref in refs:
                scores = scorer.score(ref, text)
                for key in ROUGE_KEYS:
                    totals[name][key] += getattr(scores[key], field) / len(refs)
    n = len(rows)
    result = EvalResult(task="summarize", data=str(path), n=n)
    for name in names:
        metrics = {k: round(100.0 * v / n, 2) for k, v in totals[name].items()}
        result.systems.append(SystemScore(name, metrics, seconds[name]))
    result.notes.append(
        f"ROUGE {metric} at {words} words, rouge-score with stemming, mean over {n} clusters; "
        f"clean+annotate took {prep:.1f}s, shared by all systems"
    )
    return result


__all__ = ["cut_sentences", "cut_words", "evaluate_summarize", "load_clusters", "prepare_articles"]
