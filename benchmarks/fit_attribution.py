"""Fit the learned attribution tagger (``newsbrief.annotate.learned``) on the PolNeAR train file.

    PYTHONPATH=src nice python benchmarks/fit_attribution.py \
        ../shared/data/quote_attribution/polnear/train.jsonl

Every sentence of train is parsed once (and the default path's predictions computed once);
both are cached under /tmp (``--cache``). Four logistic regressions are fitted: the cue model
(is this verb/noun/adjective the head of a gold cue?), the content model (is this dependent
of a gold cue, or the clause it hangs on, inside the gold content?), the source model (does
this candidate head the gold source?) and the keep model (``annotate.keep``: is this reported
or attributed statement right in both content and source?), the last on the out-of-fold
statements of the first three. The cue threshold, the regularisation, the minimum feature
count and the keep threshold are chosen by five article folds of train, scoring the whole
pipeline (the default predictions plus the learned additions, filtered by the keep model)
with ``newsbrief eval quotes``'s scorer; the final models are refitted on all of train and
written to ``src/newsbrief/data/attribution_model.json`` (feature weights only, no text). Dev
is never read here."""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from newsbrief.annotate import learned as L
from newsbrief.annotate.keep import Meta
from newsbrief.eval import quotes as EQ
from newsbrief.records import Quote

# weights this small (|w| < 0.15, a probability moved by under 4 %) are dropped, so the shipped
# file stays small
PRUNE = 0.15
OUT = Path(__file__).resolve().parent.parent / "src/newsbrief/data/attribution_model.json"


def build_cache(path: Path, cache: Path) -> list[dict[str, Any]]:
    from newsbrief import parse as P
    from newsbrief.annotate import annotate
    from newsbrief.annotate.sentences import split_sentences
    from newsbrief.records import Article

    recs = EQ._load(path)
    nlp = P.nlp()
    out = []
    for rec in recs:
        text = rec["text"]
        sents = split_sentences(text)
        docs = nlp.pipe([s.text for s in sents], batch_size=128)
        a = Article(id=str(rec.get("id", "")), source="polnear", text=text)
        a.published = rec.get("publication_date")
        qs = annotate(a).quotes
        out.append(
            {
                "id": rec["id"],
                "sents": [(s.index, s.start, s.end, s.paragraph) for s in sents],
                "toks": [L.doc_tokens(d) for d in docs],
                "quotes": [
                    (q.text, q.kind, q.sentence, q.start, q.end, q.speaker, q.speaker_text, q.cue)
                    for q in qs
                ],
            }
        )
    with cache.open("wb") as fh:
        pickle.dump(out, fh)
    return out


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(x <= a and b <= y for x, y in spans)


def examples(recs: list[dict[str, Any]], cached: list[dict[str, Any]]) -> dict[str, list]:
    """Feature lists and labels of the three models, per article (for folds)."""
    out: dict[str, list] = {"cue": [], "content": [], "source": []}
    for rec, c in zip(recs, cached, strict=True):
        cues, per = [], []
        for att in rec["attributions"]:
            if not att.get("cue") or not att.get("content"):
                continue
            cue = [(s["start"], s["end"]) for s in att["cue"]]
            content = [(s["start"], s["end"]) for s in att["content"]]
            source = [(s["start"], s["end"]) for s in att.get("source") or []]
            cues.extend(cue)
            per.append((cue, content, source))
        cue_x, con_x, src_x = [], [], []
        for (_, start, _, _), toks in zip(c["sents"], c["toks"], strict=True):
            s = L.Sent.of([tuple(t[:8]) for t in toks])
            for i, t in enumerate(s.toks):
                if t[3] not in L.CUE_POS or s.quoted[i]:
                    continue
                a, b = start + t[0], start + t[0] + len(t[1])
                hit = next((p for p in per if _inside(a, b, p[0])), None)
                h = s.toks[t[6]]
                head_in = (
                    hit is not None
                    and t[6] != i
                    and _inside(start + h[0], start + h[0] + len(h[1]), hit[0])
                )
                y = hit is not None and not head_in
                cue_x.append((L.cue_features(s, i), y))
                if not y:
                    continue
                _, content, source = hit
                for _kind, sub, feats in L.content_candidates(s, i):
                    words = [j for j in sub if s.toks[j][3] != "PUNCT"]
                    if not words:
                        continue
                    n_in = sum(
                        _inside(start + s.toks[j][0], start + s.toks[j][0] + 1, content)
                        for j in words
                    )
                    con_x.append((feats, n_in / len(words) >= 0.5))
                for cand, feats in L.source_candidates(s, i):
                    ct = s.toks[cand]
                    src_x.append((feats, _inside(start + ct[0], start + ct[0] + 1, source)))
        out["cue"].append(cue_x)
        out["content"].append(con_x)
        out["source"].append(src_x)
    return out


def fit(rows: list[tuple[list[str], bool]], c: float, min_count: int) -> dict[str, float]:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats, _ in rows for f in set(feats))
    vocab = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    ind, ptr = [], [0]
    for feats, _ in rows:
        ind.extend(sorted({vocab[f] for f in feats if f in vocab}))
        ptr.append(len(ind))
    x = csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows), len(vocab)))
    y = np.array([bool(lab) for _, lab in rows])
    clf = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
    clf.fit(x, y)
    names = sorted(vocab, key=vocab.get)  # type: ignore[arg-type]
    return {
        f: round(float(w), 3) for f, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= PRUNE
    }


class Memo(L.Model):
    """A model whose cue decisions are computed once at the lowest threshold tried, so the
    threshold grid filters them instead of tagging again."""

    def __init__(self, base: L.Model, floor: float) -> None:
        self.__dict__.update(base.__dict__)
        self.floor = floor
        self.memo: dict[int, list[L.Found]] = {}

    def tag(self, s: L.Sent, threshold: float | None = None) -> list[L.Found]:
        if id(s) not in self.memo:
            self.memo[id(s)] = L.Model.tag(self, s, self.floor)
        thr = self.cue_threshold if threshold is None else threshold
        return [f for f in self.memo[id(s)] if f.score >= thr]


def parsed_of(cached: dict[str, Any]) -> list[tuple[int, int, L.Sent]]:
    return [
        (idx, start, L.Sent.of([tuple(t[:8]) for t in toks]))
        for (idx, start, _, _), toks in zip(cached["sents"], cached["toks"], strict=True)
    ]


REVISE = {"on": False}


def predictions(
    cached: dict[str, Any], model: L.Model, text: str, thr: float, keep: float | None = None
) -> list[Quote]:
    """What ``learned.add_learned`` returns, from the cached parse and default predictions
    (``keep`` the keep model's threshold, None: the model's own; no keep table: none dropped)."""
    if "parsed" not in cached:
        cached["parsed"] = parsed_of(cached)
    base = base_quotes(cached)
    return L.learned_quotes(text, cached["parsed"], base, model, thr, REVISE["on"], keep)


def candidates(
    cached: dict[str, Any], model: L.Model, text: str, thr: float
) -> tuple[list[Quote], list[Meta]]:
    if "parsed" not in cached:
        cached["parsed"] = parsed_of(cached)
    return L.candidates(text, cached["parsed"], base_quotes(cached), model, thr, REVISE["on"])


def keep_labels(rec: dict[str, Any], quotes: list[Quote]) -> list[bool]:
    """Per statement: does it match a gold content (the scorer's matching) whose source it has
    right?"""
    text = rec["text"]
    gold = []
    for att in rec["attributions"]:
        spans = att.get("content") or []
        if spans:
            toks = frozenset().union(*(EQ._tokens(text, s["start"], s["end"]) for s in spans))
            gold.append((toks, " ".join(s["text"] for s in att.get("source") or [])))
    joined = EQ._merge_split(text, quotes)
    pred = [frozenset().union(*(EQ._tokens(text, a, b) for a, b in parts)) for _, parts in joined]
    ok: dict[int, bool] = {}
    for i, j in EQ._match(pred, [g[0] for g in gold]):
        q = joined[i][0]
        ok[id(q)] = bool(gold[j][1]) and EQ._speaker_ok(q, gold[j][1])
    return [ok.get(id(q), False) for q in quotes]


def keep_rows(recs, cached, models, thr) -> list[list[tuple[list[str], bool]]]:
    """Per article, the keep model's rows over the out-of-fold candidates (non-direct only)."""
    from newsbrief.annotate.keep import keep_features

    out = []
    for k, rec in enumerate(recs):
        qs, meta = candidates(cached[k], models[k], rec["text"], thr)
        labels = keep_labels(rec, qs)
        out.append(
            [
                (keep_features(rec["text"], q, o, sc, qs, sp, parse), y)
                for q, (o, sc, sp, parse), y in zip(qs, meta, labels, strict=True)
                if q.kind != "direct"
            ]
        )
    return out


def base_quotes(cached: dict[str, Any]) -> list[Quote]:
    return [Quote(*q) for q in cached["quotes"]]


def score(recs, cached, models, thr, keep: float | None = None) -> dict[str, float]:
    """The scorer over ``recs``, article k predicted with ``models[k]`` (None: default only)."""
    by_id = {r["id"]: k for k, r in enumerate(recs)}

    def predict(rec: dict[str, Any]) -> list[Quote]:
        k = by_id[rec["id"]]
        if models is None:
            return base_quotes(cached[k])
        return predictions(cached[k], models[k], rec["text"], thr, keep)

    return EQ._score(recs, predict)


THRESHOLDS: dict[str, Any] = {"content": 0.5, "source": 0.5, "nested": False}


def train_models(ex, idx, c, min_count) -> L.Model:
    rows = {k: [r for i in idx for r in ex[k][i]] for k in ex}
    return L.Model(
        {
            "cue": fit(rows["cue"], c, min_count),
            "content": fit(rows["content"], c, min_count),
            "source": fit(rows["source"], c, min_count),
            "cue_threshold": 0.5,
            "content_threshold": THRESHOLDS["content"],
            "source_threshold": THRESHOLDS["source"],
            "nested": THRESHOLDS["nested"],
        }
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("train", type=Path)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsbrief-polnear-train.pkl"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, nargs="*", default=[0.3])
    ap.add_argument("--min-count", type=int, nargs="*", default=[10])
    ap.add_argument("--thresholds", type=float, nargs="*", default=[0.3, 0.4])
    ap.add_argument("--content-threshold", type=float, default=0.5)
    ap.add_argument("--source-threshold", type=float, default=0.3)
    ap.add_argument("--nested", action="store_true")
    ap.add_argument(
        "--revise", choices=("both", "on", "off"), default="both", help="revise settings tried"
    )
    ap.add_argument("--keep-c", type=float, nargs="*", default=[1.0])
    ap.add_argument("--keep-min", type=int, default=5)
    ap.add_argument(
        "--keep-thresholds", type=float, nargs="*", default=[0.0, 0.2, 0.25, 0.3, 0.35, 0.4]
    )
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    t0 = time.time()
    recs = EQ._load(args.train)
    THRESHOLDS.update(
        content=args.content_threshold, source=args.source_threshold, nested=args.nested
    )
    if args.cache.exists():
        with args.cache.open("rb") as fh:
            cached = pickle.load(fh)
    else:
        cached = build_cache(args.train, args.cache)
    print(f"cache ready {time.time() - t0:.0f}s", flush=True)
    ex = examples(recs, cached)
    print({k: sum(map(len, v)) for k, v in ex.items()}, flush=True)
    print("default path:", score(recs, cached, None, 0), flush=True)
    fold_of = {i: k for k in range(args.folds) for i in range(k, len(recs), args.folds)}
    best: tuple[float, float, int, float, bool, float, float, list] | None = None
    for c in args.c:
        for mc in args.min_count:
            models = [
                Memo(
                    train_models(ex, [i for i in range(len(recs)) if fold_of[i] != k], c, mc),
                    min(args.thresholds),
                )
                for k in range(args.folds)
            ]
            per_article = [models[fold_of[i]] for i in range(len(recs))]
            for thr in args.thresholds:
                by_rev = {}
                tried = {"both": (False, True), "on": (True,), "off": (False,)}[args.revise]
                for rev in tried:
                    REVISE["on"] = rev
                    for m in models:
                        m.keep = {}
                    r = score(recs, cached, per_article, thr)
                    print(f"C={c} min_count={mc} thr={thr} revise={rev}:", r, flush=True)
                    by_rev[rev] = r["all_source_f1"]
                rev = by_rev.get(True, -1.0) >= by_rev.get(False, -1.0)
                REVISE["on"] = rev
                # the keep model, fitted on these models' out-of-fold statements, its threshold
                # chosen by the same folds (fold k filtered by a keep model fitted on the others)
                rows = keep_rows(recs, cached, per_article, thr)
                print(
                    "  keep rows:",
                    sum(map(len, rows)),
                    "positive:",
                    sum(y for r in rows for _, y in r),
                    flush=True,
                )
                for kc in args.keep_c:
                    for k, m in enumerate(models):
                        m.keep = fit(
                            [r for i in range(len(recs)) if fold_of[i] != k for r in rows[i]],
                            kc,
                            args.keep_min,
                        )
                    for kt in args.keep_thresholds:
                        r = score(recs, cached, per_article, thr, kt)
                        print(f"  revise={rev} keep C={kc} threshold={kt}:", r, flush=True)
                        if best is None or r["all_source_f1"] > best[0]:
                            best = (r["all_source_f1"], c, mc, thr, rev, kc, kt, rows)
    assert best is not None
    _, c, mc, thr, rev, kc, kt, rows = best
    final = train_models(ex, range(len(recs)), c, mc)
    keep = fit([r for rs in rows for r in rs], kc, args.keep_min) if kt > 0 else {}
    data = {
        "cue": final.cue,
        "content": final.content,
        "source": final.source,
        "keep": keep,
        "content_threshold": args.content_threshold,
        "source_threshold": args.source_threshold,
        "nested": args.nested,
        "keep_threshold": kt,
        "cue_threshold": thr,
        "revise": rev,
        "fitted": f"PolNeAR train, {args.folds}-fold CV: C={c}, min_count={mc}, threshold={thr}"
        f", revise={rev}, content/source thresholds {args.content_threshold}/"
        f"{args.source_threshold}, nested={args.nested}, keep C={kc}, keep threshold={kt}",
    }
    args.out.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes): {data['fitted']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
