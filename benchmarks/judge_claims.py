"""Judged sample of claims and conflicts on a pile's briefs (issue 16).

Verdicts live in benchmarks/judged/claims.tsv as ``kind<TAB>id<TAB>label`` (no article text):
kind is ``conflict``, ``claim`` or ``update``; label is ``true`` (a real disagreement / the
members state the same fact / a later report really raised the count) or ``false``. An id is a hash of the sentences an output rests on (their
normalised text, sorted), so it survives reruns, other pile folders and other article ids.

    python benchmarks/judge_claims.py show /tmp/NAME-pile/briefs [--claims N]   # to read
    python benchmarks/judge_claims.py score /tmp/NAME-pile/briefs               # to rescore

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


def outputs(briefs: Path) -> list[tuple[str, str, str, dict]]:
    """(kind, id, story, record) for every conflict and every multi-outlet claim."""
    out = []
    for f in sorted(briefs.glob("*.json")):
        d = json.loads(f.read_text())
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


def show(briefs: Path, claims: int) -> None:
    done = load()
    n_claims = 0
    for kind, oid, story, rec in outputs(briefs):
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


def score(briefs: Path) -> None:
    done = load()
    for kind in ("conflict", "claim", "update"):
        items = [(oid, story) for k, oid, story, _ in outputs(briefs) if k == kind]
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
    args = ap.parse_args()
    show(args.briefs, args.claims) if args.action == "show" else score(args.briefs)


if __name__ == "__main__":
    main()
