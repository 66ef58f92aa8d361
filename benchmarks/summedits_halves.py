"""SummEdits news dev per half of its documents: a reading half and a check half.

Usage: python benchmarks/summedits_halves.py [PATH.jsonl] [--half reading|check|both]
       [--errors]

Runs the same scorer as ``newsbrief eval conflict`` (``eval.conflict.judge`` and
``balanced_accuracy``), so the "all" row equals that command's "newsbrief" figure. The
documents (field ``doc_id``) are sorted; the first half of them is the **reading half**, whose
errors may be read while rules are written; the rest is the **check half**, scored only
when a rule is finished and never read item by item. ``--errors`` prints the misjudged items
of the reading half only (statement, gold label, edit types, reasons); it refuses the check
half.

Per half: balanced accuracy, the share of consistent statements flagged (false alarms), and
the share of inconsistent statements caught per edit type (an item with two edit types counts
under both).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from newsbrief.eval.conflict import balanced_accuracy, judge
from newsbrief.eval.loaders import read_jsonl

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "claim_conflict"
    / "summedits_news"
    / "dev.jsonl"
)


def halves(rows: list[dict]) -> dict[str, list[dict]]:
    """Reading half: the first half of the sorted doc_ids; check half: the rest."""
    doc_ids = sorted({str(r["doc_id"]) for r in rows})
    reading = set(doc_ids[: len(doc_ids) // 2])
    return {
        "reading": [r for r in rows if str(r["doc_id"]) in reading],
        "check": [r for r in rows if str(r["doc_id"]) not in reading],
    }


def score(rows: list[dict]) -> tuple[dict[str, str], list[tuple[dict, bool, list[str]]]]:
    """Figures of one set of rows, and each row's (row, predicted consistent, reasons)."""
    judged = []
    for r in rows:
        ok, reasons = judge(str(r["summary"]), str(r["doc"]))
        judged.append((r, ok, reasons))
    gold = [int(r["label"]) for r, _, _ in judged]
    pred = [int(ok) for _, ok, _ in judged]
    consistent = [ok for r, ok, _ in judged if int(r["label"]) == 1]
    caught: dict[str, list[bool]] = defaultdict(list)
    for r, ok, _ in judged:
        if int(r["label"]) == 0:
            for kind in r.get("edit_types") or ["(none)"]:
                caught[kind].append(not ok)
    out = {
        "n": str(len(rows)),
        "balanced accuracy": f"{balanced_accuracy(gold, pred):.2f}",
        "consistent flagged": f"{sum(not ok for ok in consistent)} / {len(consistent)}",
    }
    for kind in sorted(caught):
        out[f"caught {kind}"] = f"{sum(caught[kind])} / {len(caught[kind])}"
    return out, judged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--half", choices=("reading", "check", "both"), default="reading")
    ap.add_argument("--errors", action="store_true", help="misjudged reading-half items")
    args = ap.parse_args()
    if not Path(args.path).is_file():
        sys.exit(f"no data at {args.path}")
    rows = read_jsonl(args.path)
    parts = halves(rows)
    if args.errors and args.half != "reading":
        sys.exit("--errors reads the reading half only")
    names = ["reading", "check"] if args.half == "both" else [args.half]
    table: dict[str, dict[str, str]] = {}
    judged_reading = []
    for name in names:
        table[name], judged = score(parts[name])
        if name == "reading":
            judged_reading = judged
    if args.half == "both":
        table["all"], _ = score(rows)
    keys = sorted({k for col in table.values() for k in col}, key=lambda k: (k != "n", k))
    print(f"| measure | {' | '.join(table)} |")
    print(f"|---|{'---:|' * len(table)}")
    for k in keys:
        print(f"| {k} | {' | '.join(col.get(k, '') for col in table.values())} |")
    if args.errors:
        for r, ok, reasons in judged_reading:
            if ok != bool(int(r["label"])):
                print(f"\n[{r['id']}] gold={r['label_name']} edits={r.get('edit_types')}")
                print(f"  statement: {r['summary']}")
                print(f"  original:  {r['original_summary']}")
                print(f"  reasons:   {reasons}")


if __name__ == "__main__":
    main()
