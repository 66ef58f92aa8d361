"""Whether two builds give the same output: every stored row and every rendered brief.

    python benchmarks/same_output.py run CODE_DIR INPUT.jsonl OUT_DIR [--parse on|off] [--jobs N]
    python benchmarks/same_output.py compare OUT_A OUT_B

``run`` runs ``newsbrief run`` (``NEWSBRIEF_JOBS=1`` unless ``--jobs`` says otherwise, the
code of CODE_DIR/src) on INPUT into
OUT_DIR (``newsbrief.db``, ``briefs/``) and prints its CPU seconds. Run both builds on the same
INPUT path (the article ids and sources hold the path). ``compare`` checks every table of the
two stores row by row (sorted, so only content counts) and every brief file byte for byte;
it prints what differs and exits 1 on any difference.

A corpus: ``benchmarks/scale.py``'s ``write_corpus(500, path, cluster_paragraphs())``, or the
dev pile (``benchmarks/dev_pile.py DIR --no-run``, then DIR/pile.jsonl).
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path


def run(code: Path, data: Path, out: Path, parse: str, jobs: int = 1) -> int:
    out.mkdir(parents=True, exist_ok=True)
    db = out / "newsbrief.db"
    db.unlink(missing_ok=True)
    env = dict(os.environ, NEWSBRIEF_JOBS=str(jobs), PYTHONPATH=str(code.resolve() / "src"))
    env["NEWSBRIEF_QUOTE_PARSE"] = "1" if parse == "on" else "0"
    cmd = [sys.executable, "-m", "newsbrief.cli", "run", str(data), "--db", str(db)]
    cmd += ["--out", str(out / "briefs"), "--quiet"]
    rc = subprocess.call(cmd, env=env)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{code}: rc {rc}, {usage.ru_utime + usage.ru_stime:.1f} CPU s")
    return rc


def _tables(db: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(db)
    names = [
        r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
    ]
    out = {}
    for name in names:
        try:
            rows = con.execute(f'SELECT * FROM "{name}"').fetchall()
        except sqlite3.DatabaseError:  # an FTS shadow table that cannot be read directly
            continue
        out[name] = sorted(rows, key=repr)
    con.close()
    return out


def compare(a: Path, b: Path) -> int:
    bad = 0
    ta, tb = _tables(a / "newsbrief.db"), _tables(b / "newsbrief.db")
    if set(ta) != set(tb):
        print("tables differ:", sorted(set(ta) ^ set(tb)))
        bad += 1
    for name in sorted(set(ta) & set(tb)):
        ra, rb = ta[name], tb[name]
        if ra != rb:
            diff = len(set(map(repr, ra)) ^ set(map(repr, rb)))
            print(f"table {name}: {len(ra)} vs {len(rb)} rows, {diff} differing")
            bad += 1
        else:
            print(f"table {name}: {len(ra)} rows identical")
    fa = {p.relative_to(a / "briefs"): p for p in (a / "briefs").rglob("*") if p.is_file()}
    fb = {p.relative_to(b / "briefs"): p for p in (b / "briefs").rglob("*") if p.is_file()}
    if set(fa) != set(fb):
        print("brief files differ:", len(set(fa) ^ set(fb)))
        bad += 1
    same = sum(fa[k].read_bytes() == fb[k].read_bytes() for k in set(fa) & set(fb))
    print(f"briefs: {same} of {len(fa)} files byte-identical")
    bad += same != len(fa) or len(fa) != len(fb)
    print("SAME OUTPUT" if not bad else "DIFFERENT OUTPUT")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("code", type=Path)
    r.add_argument("data", type=Path)
    r.add_argument("out", type=Path)
    r.add_argument("--parse", choices=("on", "off"), default="on")
    r.add_argument("--jobs", type=int, default=1, help="NEWSBRIEF_JOBS (the pool's workers)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "run":
        return run(args.code, args.data, args.out, args.parse, args.jobs)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
