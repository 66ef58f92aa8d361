"""`newsbrief eval cluster`: story clustering scored with B-cubed, NMI and ARI.

Reads the UCI News Aggregator and GoogleNews-TS clustering sets and pooled multi-document
summary sets (every article of every row in one pool, the row being its story). Rows:
"single-pass-tfidf" (each item joins the nearest cluster centroid by TF-IDF cosine when it
passes a threshold, else opens one; IDF fitted on the whole set) and "newsbrief".
"""

from __future__ import annotations

import dataclasses
import math
import random
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsbrief.cluster import StoryClusterer
from newsbrief.eval import EvalResult, SystemScore
from newsbrief.eval.loaders import LabelledItem, load_cluster_items

BASELINE_THRESHOLD = 0.2
SEED = 13


def bcubed(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    """Item-averaged B-cubed precision, recall and F1 (Amigó et al. 2009)."""
    if not gold:
        return 0.0, 0.0, 0.0
    joint = Counter(zip(gold, pred, strict=True))
    gsize, psize = Counter(gold), Counter(pred)
    p = sum(n * n / psize[pl] for (_, pl), n in joint.items()) / len(gold)
    r = sum(n * n / gsize[gl] for (gl, _), n in joint.items()) / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def cluster_metrics(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    p, r, f = bcubed(gold, pred)
    return {
        "bcubed_p": round(p, 4),
        "bcubed_r": round(r, 4),
        "bcubed_f1": round(f, 4),
        "nmi": round(float(normalized_mutual_info_score(gold, pred)), 4),
        "ari": round(float(adjusted_rand_score(gold, pred)), 4),
        "clusters": float(len(set(pred))),
    }


def replay_order(items: list[LabelledItem], stream: bool, seed: int = SEED) -> list[LabelledItem]:
    """Items in the order a system sees them.

    Unstreamed: one seeded shuffle (the files group stories together, which would make any
    single-pass method look better than it is). Streamed: time order, shuffled within equal
    timestamps; items without a time all share one timestamp.
    """
    rng = random.Random(seed)
    keyed = [(it.time if it.time is not None else -math.inf, rng.random(), it) for it in items]
    if not stream:
        keyed.sort(key=lambda k: k[1])
    else:
        keyed.sort(key=lambda k: (k[0], k[1]))
    return [k[2] for k in keyed]


def interleave_by_day(items: list[LabelledItem], seed: int = SEED) -> list[LabelledItem]:
    """A harder stream: within each day, items are dealt the day's timestamps at random.

    The UCI crawl fetched each story in one burst of seconds, so its time order hands a
    stream clusterer one story at a time. Re-timing keeps each day's content and time range
    but interleaves its stories, as a live feed would; returned in the new time order.
    """
    rng = random.Random(seed)
    days: dict[str, list[LabelledItem]] = defaultdict(list)
    for it in sorted(items, key=lambda it: (it.time or 0.0, it.article.id)):
        days[(it.article.published or "")[:10]].append(it)
    out: list[LabelledItem] = []
    for day in sorted(days):
        slots = days[day]
        dealt = slots[:]
        rng.shuffle(dealt)
        for slot, it in zip(slots, dealt, strict=True):
            moved = dataclasses.replace(it.article, published=slot.article.published)
            out.append(LabelledItem(moved, it.label, slot.time))
    return out


def single_pass_tfidf(texts: list[str], threshold: float = BASELINE_THRESHOLD) -> list[int]:
    """The naive baseline: nearest centroid by cosine, or a new cluster."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).tocsr()
    centroids: list[dict[int, float]] = []
    sq_norms: list[float] = []
    postings: dict[int, list[int]] = defaultdict(list)
    labels: list[int] = []
    for i in range(matrix.shape[0]):
        row = matrix.getrow(i)
        vec = dict(zip(row.indices.tolist(), row.data.tolist(), strict=True))
        dots: dict[int, float] = defaultdict(float)
        for t, w in vec.items():
            for c in postings[t]:
                dots[c] += w * centroids[c][t]
        best, best_sim = -1, threshold
        for c, dot in dots.items():
            sim = dot / math.sqrt(sq_norms[c]) if sq_norms[c] else 0.0
            if sim > best_sim:
                best, best_sim = c, sim
        if best < 0:
            best = len(centroids)
            centroids.append({})
            sq_norms.append(0.0)
        cent = centroids[best]
        # ||c + v||^2 = ||c||^2 + 2 c.v + ||v||^2, with ||v|| = 1 (TF-IDF rows are normalized)
        sq_norms[best] += 2 * dots.get(best, 0.0) + (1.0 if vec else 0.0)
        for t, w in vec.items():
            if t not in cent:
                postings[t].append(best)
            cent[t] = cent.get(t, 0.0) + w
        labels.append(best)
    return labels


def run_newsbrief(items: list[LabelledItem], batch: bool = False, **options: Any) -> list[str]:
    clusterer = StoryClusterer(**options)
    if batch:
        clusterer.add_batch(it.article for it in items)
    else:
        for it in items:
            clusterer.add(it.article)
    story_of = {aid: s.id for s in clusterer.stories() for aid in s.article_ids}
    return [story_of[it.article.id] for it in items]


def evaluate_cluster(path: str, stream: bool = False) -> EvalResult:
    """Score the baseline and newsbrief on a labelled clustering file, or on every JSONL file
    of a folder (rows named "<file>: <system>", each file clustered on its own)."""
    if Path(path).is_dir():
        return _evaluate_folder(Path(path), stream)
    return _evaluate_file(path, stream)


def _evaluate_folder(folder: Path, stream: bool) -> EvalResult:
    from newsbrief.errors import DataError

    files = sorted(p for p in folder.rglob("*") if p.name.endswith((".jsonl", ".jsonl.gz")))
    if not files:
        raise DataError(f"no .jsonl files under {folder}")
    result = EvalResult(task="cluster", data=str(folder), n=0)
    for file in files:
        one = _evaluate_file(str(file), stream)
        name = file.name.split(".")[0]
        result.n += one.n
        result.systems += [dataclasses.replace(s, name=f"{name}: {s.name}") for s in one.systems]
        result.notes += [f"{name}: {note}" for note in one.notes]
    return result


def _evaluate_file(path: str, stream: bool) -> EvalResult:
    items = replay_order(load_cluster_items(path), stream)
    gold = [it.label for it in items]
    result = EvalResult(task="cluster", data=str(Path(path)), n=len(items))

    t0 = time.perf_counter()
    texts = [f"{it.article.title}\n{it.article.text}" for it in items]
    base = [str(x) for x in single_pass_tfidf(texts)]
    result.systems.append(
        SystemScore("single-pass-tfidf", cluster_metrics(gold, base), time.perf_counter() - t0)
    )

    t0 = time.perf_counter()
    pred = run_newsbrief(items, batch=not stream)
    result.systems.append(
        SystemScore("newsbrief", cluster_metrics(gold, pred), time.perf_counter() - t0)
    )
    result.notes.append(
        f"{len(set(gold))} gold stories; order: {'time (stream)' if stream else 'seeded shuffle'}"
    )
    if stream and all(it.article.published for it in items):
        # Dated streams: also report a replay whose stories interleave within each day, so
        # that a gain from time-awareness is not only a gain from crawl order.
        mixed = interleave_by_day(items)
        p, r, f = bcubed([it.label for it in mixed], run_newsbrief(mixed))
        result.notes.append(
            f"newsbrief with each day's items interleaved (timestamps dealt at random within "
            f"the day): B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}"
        )
    if not stream and all(it.time is None for it in items):
        # A pooled summary set is what the batch pair scorer was fitted on: report the score it
        # gets on stories it was not fitted on, not only the in-sample row above.
        from newsbrief.eval.cluster_fit import two_fold

        halves = two_fold(items)
        figures = ", ".join(f"P {p:.3f} R {r:.3f} F1 {f:.3f}" for p, r, f in halves)
        mean = sum(f for _, _, f in halves) / len(halves)
        result.notes.append(
            f"pair scorer 2-fold (fit on half the stories by sha1 of the label, B-cubed on the "
            f"other half): {figures}; mean F1 {mean:.3f}"
        )
    return result
