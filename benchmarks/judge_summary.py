"""Judged sample of summary sentences on a pile's briefs (issue 17), read as a fact-checker.

Verdicts live in benchmarks/judged/summary.tsv as ``id<TAB>label`` (no article text). The
label is ``ok`` or the defect: ``reference`` (opens on or leans on something the summary never
said), ``repeat`` (a fact an earlier summary sentence already states), ``filler`` (adds
nothing: what is not known, who did not answer), ``offtopic`` (not about the story),
``stale`` (an earlier phase presented as news), ``residue`` (dateline, credit or page text).
A sentence is judged in its place: the id hashes its normalised text together with the
summary sentence before it (none for the first), so a verdict survives reruns, other pile
folders and other article ids, and a sentence that moves next to a different predecessor
comes back as not judged.

    python benchmarks/judge_summary.py show /tmp/NAME-pile/briefs [--n 60 --seed 0]  # to read
    python benchmarks/judge_summary.py score /tmp/NAME-pile/briefs                   # to rescore
    python benchmarks/judge_summary.py show-headlines PILE/briefs [--n 40 --seed 1]   # to read
    python benchmarks/judge_summary.py score-headlines PILE/briefs                   # to rescore

``show`` prints a seeded sample of sentences not judged yet, each with its brief's headline
and the summary up to it. ``score`` prints the defect rate over the judged sentences of this
run, per label, how many of the run's sentences are not judged yet, and the automatic
figures of ``summary_check.py`` (unresolved-reference openings, dateline residue, cut or
furniture headlines).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import Counter
from pathlib import Path

from summary_check import LABELS, check_dir

VERDICTS = Path(__file__).parent / "judged" / "summary.tsv"
# Headlines: ``id<TAB>label``, the id a hash of the normalised headline, the label ``ok`` (it
# says what the story is and reads alone) or ``bad``.
HEADLINES = Path(__file__).parent / "judged" / "headlines.tsv"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def sentence_key(prev: str | None, text: str) -> str:
    return hashlib.sha1(f"{_norm(prev or '')}\n{_norm(text)}".encode()).hexdigest()[:12]


def outputs(briefs: Path) -> list[tuple[str, str, int, dict]]:
    """(id, story, position, brief) for every summary sentence of every brief."""
    out = []
    for f in sorted(briefs.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        story = str(d.get("story", f.stem))
        prev = None
        for n, item in enumerate(d.get("summary", [])):
            out.append((sentence_key(prev, item["text"]), story, n, d))
            prev = item["text"]
    return out


def load() -> dict[str, str]:
    if not VERDICTS.exists():
        return {}
    verdicts: dict[str, str] = {}
    for line in VERDICTS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sid, label = line.split("\t")[:2]
        if label not in LABELS:
            raise SystemExit(f"{VERDICTS}: unknown label {label!r} for {sid}")
        verdicts[sid] = label
    return verdicts


def show(briefs: Path, n: int, seed: int) -> None:
    done = load()
    todo = [o for o in outputs(briefs) if o[0] not in done]
    for sid, story, pos, brief in sorted(random.Random(seed).sample(todo, min(n, len(todo)))):
        print(f"\n## {sid} (story {story}, sentence {pos + 1}) headline: {brief['headline']}")
        for k, item in enumerate(brief["summary"][: pos + 1]):
            cite = item["citations"][0]
            mark = ">>" if k == pos else "  "
            print(f"{mark} [{cite['article'][:8]}#{cite['sentence']}] {item['text']}")


def score(briefs: Path) -> None:
    done = load()
    run = outputs(briefs)
    judged = [done[sid] for sid, *_ in run if sid in done]
    labels = Counter(judged)
    bad = len(judged) - labels["ok"]
    print(
        f"summary sentences: {len(run)}; judged {len(judged)}: ok {labels['ok']}, "
        f"defects {bad} ({100 * bad / max(1, len(judged)):.1f}%)"
    )
    for label in LABELS[1:]:
        if labels[label]:
            print(f"  {label}: {labels[label]}")
    missing = [(sid, story) for sid, story, *_ in run if sid not in done]
    print(f"not judged yet: {len(missing)} of {len(run)}")
    total = check_dir(briefs)
    n, ref = len(total["sentences"]), len(total["reference"])
    print(
        f"automatic: unresolved-reference openings {ref}/{n} ({100 * ref / max(1, n):.1f}%), "
        f"dateline residue {len(total['residue'])}, cut or furniture headlines "
        f"{len(total['headline'])}"
    )


def headline_key(text: str) -> str:
    return hashlib.sha1(_norm(text).encode()).hexdigest()[:12]


def _headlines(briefs: Path) -> list[tuple[str, str, dict]]:
    """(id, source, brief) per brief; source is "summary" when the headline is a summary
    sentence, else "title"."""
    out = []
    for f in sorted(briefs.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        texts = [item["text"] for item in d.get("summary", [])]
        source = "summary" if d["headline"] in texts else "title"
        out.append((headline_key(d["headline"]), source, d))
    return out


def _headline_verdicts() -> dict[str, str]:
    if not HEADLINES.exists():
        return {}
    rows = (ln.split("\t") for ln in HEADLINES.read_text(encoding="utf-8").splitlines())
    return {r[0]: r[1] for r in rows if r and r[0] and not r[0].startswith("#")}


def show_headlines(briefs: Path, n: int, seed: int) -> None:
    done = _headline_verdicts()
    todo = [h for h in _headlines(briefs) if h[0] not in done]
    for hid, source, d in random.Random(seed).sample(todo, min(n, len(todo))):
        print(f"\n## {hid} ({source}) {d['headline']}")
        for item in d.get("summary", [])[:3]:
            print(f"   {item['text'][:200]}")


def score_headlines(briefs: Path) -> None:
    done = _headline_verdicts()
    run = _headlines(briefs)
    judged = [(done[hid], source) for hid, source, _ in run if hid in done]
    for source in ("summary", "title", "all"):
        labels = [lab for lab, src in judged if source in ("all", src)]
        ok = labels.count("ok")
        print(
            f"headlines from {source}: judged {len(labels)}, ok {ok} "
            f"({100 * ok / max(1, len(labels)):.1f}%)"
        )
    print(f"not judged yet: {len(run) - len(judged)} of {len(run)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["show", "score", "show-headlines", "score-headlines"])
    ap.add_argument("briefs", type=Path)
    ap.add_argument("--n", type=int, default=60, help="show: how many sentences")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    actions = {
        "show": lambda: show(args.briefs, args.n, args.seed),
        "score": lambda: score(args.briefs),
        "show-headlines": lambda: show_headlines(args.briefs, args.n, args.seed),
        "score-headlines": lambda: score_headlines(args.briefs),
    }
    actions[args.action]()


if __name__ == "__main__":
    main()
