"""Judged sample of claims and conflicts on a pile's briefs (issue 16).

Verdicts live in benchmarks/judged/claims.tsv as ``kind<TAB>id<TAB>label`` (no article text):
kind is ``conflict``, ``claim`` or ``update``; label is ``true`` (a real disagreement / the
members state the same fact / a later report really raised the count) or ``false``. An id is a hash of the sentences an output rests on (their
normalised text, sorted), so it survives reruns, other pile folders and other article ids.

    python benchmarks/judge_claims.py show /tmp/NAME-pile/briefs [--claims N]   # to read
    python benchmarks/judge_claims.py score /tmp/NAME-pile/briefs               # to rescore
    python benchmarks/judge_claims.py score PILE/briefs --stories 61-90  # a range of stories

``score`` prints precision over judged outputs and lists outputs not yet judged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

VERDICTS = Path(__file__).parent / "judged" / "claims.tsv"


def _id(texts: list[str]) -> str:
    norm = sorted({" ".join(t.lower().split()) for t in texts})
    return hashlib.sha1("\n".join(norm).encode()).hexdigest()[:12]


def story_rank(briefs: Path, brief: dict) -> int:
    """1-based rank (in pile order) of the Multi-News story most of a brief's articles are
    from, read from the pile's ``pile.jsonl`` and ``gold.json`` (``benchmarks/dev_pile.py``);
    0 when they are absent."""
    pile, gold_f = briefs.parent / "pile.jsonl", briefs.parent / "gold.json"
    if not pile.exists() or not gold_f.exists():
        return 0
    gold = json.loads(gold_f.read_text())
    ids = [json.loads(ln)["id"] for ln in pile.read_text().splitlines() if ln.strip()]
    rank: dict[str, int] = {}
    for cid in gold.values():
        rank.setdefault(cid, len(rank) + 1)
    votes: dict[int, int] = {}
    for a in brief.get("articles", []):
        line = str(a.get("source", "")).rpartition("#L")[2]
        if line.isdigit() and 0 < int(line) <= len(ids):
            r = rank[gold[ids[int(line) - 1]]]
            votes[r] = votes.get(r, 0) + 1
    return max(sorted(votes), key=lambda r: votes[r]) if votes else 0


def outputs(
    briefs: Path, stories: tuple[int, int] | None = None
) -> list[tuple[str, str, str, dict]]:
    """(kind, id, story, record) for every conflict and every multi-outlet claim; with
    ``stories`` (first, last) only briefs whose main Multi-News story is in that range."""
    out = []
    for f in sorted(briefs.glob("*.json")):
        d = json.loads(f.read_text())
        if stories is not None and not stories[0] <= story_rank(briefs, d) <= stories[1]:
            continue
        story = str(d.get("story", f.stem))
        for c in d.get("conflicts", []):
            texts = [s["text"] for v in c["values"] for s in v["sentences"]]
            out.append(("conflict", _id(texts), story, c))
        for c in d.get("claims", []):
            if c.get("independent_sources", 0) >= 2:
                texts = [m["text"] for m in c["members"]]
                out.append(("claim", _id(texts), story, c))
            for u in c.get("updates", []):
                texts = [s["text"] for v in u["values"] for s in v["sentences"]]
                out.append(("update", _id(texts), story, u))
    return out


def load() -> dict[tuple[str, str], str]:
    if not VERDICTS.exists():
        return {}
    rows = [ln.split("\t") for ln in VERDICTS.read_text().splitlines() if ln and ln[0] != "#"]
    return {(k, i): lab for k, i, lab in rows}


def show(briefs: Path, claims: int, stories: tuple[int, int] | None = None) -> None:
    done = load()
    n_claims = 0
    for kind, oid, story, rec in outputs(briefs, stories):
        if (kind, oid) in done:
            continue
        if kind == "claim":
            n_claims += 1
            if n_claims > claims:
                continue
            print(f"\n## claim {oid} ({story}) sources={rec['independent_sources']}")
            for m in rec["members"]:
                print(f"  [{m['article']}:{m['sentence']}] {m['text']}")
        else:
            print(f"\n## {kind} {oid} ({story}) {rec['description']}")
            for v in rec["values"]:
                for s in v["sentences"]:
                    print(f"  <{v['value']}> [{s['article']}:{s['sentence']}] {s['text']}")
            for v, day in zip(rec["values"], rec.get("dates", []), strict=False):
                print(f"  <{v['value']}> first reported {day}")


def score(briefs: Path, stories: tuple[int, int] | None = None) -> None:
    done = load()
    found = outputs(briefs, stories)
    for kind in ("conflict", "claim", "update"):
        items = [(oid, story) for k, oid, story, _ in found if k == kind]
        judged = [done[(kind, oid)] for oid, _ in items if (kind, oid) in done]
        true = sum(1 for lab in judged if lab == "true")
        prec = true / len(judged) if judged else 0.0
        print(
            f"{kind}s: {len(items)} output, {len(judged)} judged, {true} true, precision {prec:.3f}"
        )
        for oid, story in items:
            if (kind, oid) not in done:
                print(f"  not yet judged: {kind} {oid} ({story})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["show", "score"])
    ap.add_argument("briefs", type=Path)
    ap.add_argument("--claims", type=int, default=80, help="show: at most this many claims")
    ap.add_argument(
        "--stories", help="FIRST-LAST: only these Multi-News stories (1-based, pile order)"
    )
    args = ap.parse_args()
    rng = None
    if args.stories:
        first, _, last = args.stories.partition("-")
        rng = (int(first), int(last or first))
    if args.action == "show":
        show(args.briefs, args.claims, rng)
    else:
        score(args.briefs, rng)


if __name__ == "__main__":
    main()
