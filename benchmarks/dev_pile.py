"""Build the dev pile: Multi-News dev stories pooled into one JSONL, briefed by `newsbrief run`.

nice python benchmarks/dev_pile.py OUT_DIR [--stories 60] [--min-articles 2] [--dates SEED]
                                   [--spread-days 60] [--no-run]

The pile is what the judged samples (quotes, claims, conflicts, summary sentences) are read
from and rescored on, and what the date-spread grouping eval feeds to `newsbrief run`. It is
built at run time from `../shared/data/mds/multinews/dev.jsonl` and never committed.

Writes into OUT_DIR:
- ``pile.jsonl``: one article per line (``id`` = the Multi-News doc id, ``text``; with
  ``--dates`` a ``date``: each story gets a seeded start day in 2020 and its articles seeded
  days within ``--spread-days`` of it);
- ``gold.json``: doc id -> Multi-News cluster id (the true story);
- unless ``--no-run``: ``newsbrief.db`` and ``briefs/`` from `newsbrief run`.

Stories are the first ``--stories`` clusters (in file order) with at least ``--min-articles``
articles of 40+ words; the choice depends on nothing but the file, so verdicts keyed by ids
stay valid from run to run.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"
MIN_WORDS = 40


def pile_rows(
    stories: int, min_articles: int, dates_seed: int | None, spread_days: int
) -> tuple[list[dict], dict[str, str]]:
    rng = random.Random(dates_seed)
    rows: list[dict] = []
    gold: dict[str, str] = {}
    taken = 0
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            if taken >= stories:
                break
            cluster = json.loads(line)
            arts = [
                a for a in cluster["articles"] if len((a.get("text") or "").split()) >= MIN_WORDS
            ]
            if len(arts) < min_articles:
                continue
            taken += 1
            start = date(2020, 1, 1) + timedelta(days=rng.randrange(366))
            for art in arts:
                row = {"id": art["doc_id"], "text": art["text"]}
                if dates_seed is not None:
                    row["date"] = (
                        start + timedelta(days=rng.randrange(spread_days + 1))
                    ).isoformat()
                rows.append(row)
                gold[art["doc_id"]] = cluster["id"]
    return rows, gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--stories", type=int, default=60)
    parser.add_argument("--min-articles", type=int, default=2)
    parser.add_argument("--dates", type=int, default=None, metavar="SEED")
    parser.add_argument("--spread-days", type=int, default=60)
    parser.add_argument("--no-run", action="store_true")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"SKIPPED: shared data absent ({DATA})")
        return 0
    rows, gold = pile_rows(args.stories, args.min_articles, args.dates, args.spread_days)
    args.out.mkdir(parents=True, exist_ok=True)
    pile = args.out / "pile.jsonl"
    with pile.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    (args.out / "gold.json").write_text(json.dumps(gold, indent=0), encoding="utf-8")
    print(f"{len(rows)} articles in {len(set(gold.values()))} stories -> {pile}")
    if args.no_run:
        return 0
    db = args.out / "newsbrief.db"
    db.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "newsbrief.cli", "run", str(pile), "--db", str(db)]
    cmd += ["--out", str(args.out / "briefs"), "--quiet"]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
