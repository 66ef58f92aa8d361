"""The quality gate: run every `newsbrief eval` task in-process and compare with the floors.

    python benchmarks/gate.py                 # full gate: every dev set whole (~4 CPU minutes)
    python benchmarks/gate.py --fast          # CI subset (~70 CPU seconds)
    python benchmarks/gate.py --write docs/benchmarks.md     # also put the table in the docs
    python benchmarks/gate.py --update-floors # set floors to today's figures minus margins

Floors live in benchmarks/quality_floors.toml (format: newsbrief.eval.gate). Prints a Markdown
table and exits 1 if any figure is below its floor, a relative check fails, a metric is
missing or a run fails; exits 0 with "SKIPPED: shared data absent" when ../shared/data (or
$NEWSBRIEF_SHARED_DATA) is not there. --update-floors prints every floor that moved (a
lowered floor must be named in the commit message) and the diff of the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import gzip
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsbrief.eval import EvalResult
from newsbrief.eval.gate import (
    compare,
    dump_floors,
    floor_changes,
    header_of,
    load_floors,
    markdown_table,
    updated,
)

REPO = Path(__file__).resolve().parent.parent
FLOORS = REPO / "benchmarks" / "quality_floors.toml"
SHARED_DATA = Path(os.environ.get("NEWSBRIEF_SHARED_DATA", REPO.parent / "shared" / "data"))

Figures = dict[tuple[str, str], float]


@dataclass(slots=True)
class Run:
    id: str
    data: str  # relative to the shared data folder
    measure: Callable[[Path, Path], Figures]  # (data path, scratch folder) -> figures


# --------------------------------------------------------------------------- figures


def flatten(result: EvalResult) -> Figures:
    return {(s.name, k): float(v) for s in result.systems for k, v in s.metrics.items()}


_TWO_FOLD = re.compile(r"pair scorer 2-fold.*mean F1 ([0-9.]+)")
_INTERLEAVED = re.compile(r"^(?:(.+): )?newsbrief with each day's items interleaved.*F1 ([0-9.]+)")


def cluster_figures(result: EvalResult) -> Figures:
    """The eval's rows plus the two figures it prints only as notes: the pair scorer's 2-fold
    B-cubed F1 of a pooled summary set and the day-interleaved replay of a dated stream."""
    figures = flatten(result)
    for note in result.notes:
        if m := _TWO_FOLD.search(note):
            figures[("newsbrief", "bcubed_f1_2fold")] = float(m.group(1))
        if m := _INTERLEAVED.search(note):
            system = f"{m.group(1)}: newsbrief" if m.group(1) else "newsbrief"
            figures[(system, "bcubed_f1_interleaved")] = float(m.group(2))
    return figures


def boilerplate_site_groups(path: Path) -> float:
    """Pooled held-out shingle F1 of the line model under leave-site-group-out, as
    benchmarks/fit_linemodel.py computes it (the eval itself scores the shipped, in-sample
    coefficients)."""
    if str(REPO / "benchmarks") not in sys.path:
        sys.path.insert(0, str(REPO / "benchmarks"))
    import fit_linemodel as flm  # type: ignore[import-not-found]

    return float(flm.site_group_f1(path))


# --------------------------------------------------------------------------- subsets


def in_sample(key: str, every: int) -> bool:
    """A fixed 1-in-``every`` sample by sha1 of ``key`` (whole stories or pages, not a prefix
    of a file that is sorted by story or site)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % every == 0


def read_rows(path: Path) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_rows(rows: list[dict[str, Any]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


# --------------------------------------------------------------------------- runs


def _task(task: str, **options: Any) -> Callable[[Path, Path], Figures]:
    def measure(data: Path, _scratch: Path) -> Figures:
        from newsbrief.eval.run import run_task

        return flatten(run_task(task, str(data), **options))

    return measure


def _cluster(stream: bool) -> Callable[[Path, Path], Figures]:
    def measure(data: Path, _scratch: Path) -> Figures:
        from newsbrief.eval.run import run_task

        return cluster_figures(run_task("cluster", str(data), stream=stream))

    return measure


def _boilerplate(data: Path, _scratch: Path) -> Figures:
    from newsbrief.eval.run import run_task

    figures = flatten(run_task("boilerplate", str(data)))
    figures[("newsbrief", "f1_sites")] = boilerplate_site_groups(data)
    return figures


FULL = [
    Run("summarize 260w F1", "mds/multinews/dev.jsonl", _task("summarize", words=260)),
    Run(
        "summarize 100w recall",
        "mds/multinews/dev.jsonl",
        _task("summarize", words=100, metric="recall"),
    ),
    Run("cluster Multi-News pooled", "mds/multinews/dev.jsonl", _cluster(stream=False)),
    Run("cluster streams", "clustering", _cluster(stream=True)),
    Run("paraphrase MRPC", "dedup/mrpc/mrpc_dev.jsonl", _task("paraphrase")),
    Run("align SuperPAL", "claim_alignment/superpal_multinews/dev.jsonl", _task("align")),
    Run("conflict SummEdits", "claim_conflict/summedits_news/dev.jsonl", _task("conflict")),
    Run("quotes PolNeAR", "quote_attribution/polnear/dev.jsonl", _task("quotes")),
    Run("boilerplate Zyte", "extraction/zyte-aeb/plaintext_lines.jsonl.gz", _boilerplate),
    Run("extract zyte-aeb", "extraction/zyte-aeb", _task("extract")),
    Run("extract wcxb-articles", "extraction/wcxb-articles", _task("extract")),
    Run("extract fundus-news", "extraction/fundus-news", _task("extract")),
]

# The fast subset: fixed samples small enough for CI, chosen by what each task costs (CPU
# seconds of the full run on this machine): summarize about 60 per setting, pooled clustering
# 27, streams 23, extraction 13 / 46 / 22 (zyte / wcxb / fundus), the rest under 5 each (those
# run whole). Extraction pages are sampled by sha1 of their id, one in 3 (zyte, fundus) or 6
# (wcxb), so every set keeps its relative check against trafilatura.
FAST_CLUSTERS = 40  # first Multi-News dev clusters summarized
FAST_POOL = 80  # first Multi-News dev rows pooled for clustering (2-fold included)
FAST_STREAM_EVERY = 8  # 1 story in 8 of each clustering stream (by sha1 of its label)


def _fast_summarize(words: int, metric: str) -> Callable[[Path, Path], Figures]:
    def measure(data: Path, _scratch: Path) -> Figures:
        from newsbrief.eval.summarize import evaluate_summarize

        result = evaluate_summarize(str(data), words=words, metric=metric, limit=FAST_CLUSTERS)
        return flatten(result)

    return measure


def _fast_pool(data: Path, scratch: Path) -> Figures:
    from newsbrief.eval.run import run_task

    sample = write_rows(read_rows(data)[:FAST_POOL], scratch / "pool.jsonl")
    return cluster_figures(run_task("cluster", str(sample)))


def _fast_streams(data: Path, scratch: Path) -> Figures:
    from newsbrief.eval.run import run_task

    for file in sorted(p for p in data.rglob("*") if p.name.endswith((".jsonl", ".jsonl.gz"))):
        rows = [r for r in read_rows(file) if in_sample(str(r["cluster_id"]), FAST_STREAM_EVERY)]
        write_rows(rows, scratch / "streams" / file.name.removesuffix(".gz"))
    return cluster_figures(run_task("cluster", str(scratch / "streams"), stream=True))


def _fast_extract(every: int) -> Callable[[Path, Path], Figures]:
    def measure(data: Path, scratch: Path) -> Figures:
        from newsbrief.eval.run import run_task

        rows = [r for r in read_rows(data / "ground_truth.jsonl") if in_sample(str(r["id"]), every)]
        for row in rows:  # the sample file lives elsewhere: point it at the pages themselves
            row["html_path"] = str((data / row["html_path"]).resolve())
        sample = write_rows(rows, scratch / "extract" / "ground_truth.jsonl")
        return flatten(run_task("extract", str(sample.parent)))

    return measure


FAST = [
    Run(
        "summarize 260w F1, 40 clusters",
        "mds/multinews/dev.jsonl",
        _fast_summarize(260, "f1"),
    ),
    Run(
        "summarize 100w recall, 40 clusters",
        "mds/multinews/dev.jsonl",
        _fast_summarize(100, "recall"),
    ),
    Run("cluster Multi-News pooled, 80 rows", "mds/multinews/dev.jsonl", _fast_pool),
    Run("cluster streams, 1 story in 8", "clustering", _fast_streams),
    Run("paraphrase MRPC", "dedup/mrpc/mrpc_dev.jsonl", _task("paraphrase")),
    Run("align SuperPAL", "claim_alignment/superpal_multinews/dev.jsonl", _task("align")),
    Run("conflict SummEdits", "claim_conflict/summedits_news/dev.jsonl", _task("conflict")),
    Run("quotes PolNeAR", "quote_attribution/polnear/dev.jsonl", _task("quotes")),
    Run("boilerplate Zyte", "extraction/zyte-aeb/plaintext_lines.jsonl.gz", _boilerplate),
    Run("extract zyte-aeb, 1 page in 3", "extraction/zyte-aeb", _fast_extract(3)),
    Run("extract wcxb-articles, 1 page in 6", "extraction/wcxb-articles", _fast_extract(6)),
    Run("extract fundus-news, 1 page in 3", "extraction/fundus-news", _fast_extract(3)),
]


def measure(runs: list[Run], shared: Path, only: set[str] | None) -> tuple[dict, dict, dict]:
    scores: dict[str, Figures] = {}
    errors: dict[str, str] = {}
    seconds: dict[str, tuple[float, float]] = {}  # run -> (wall, CPU)
    with tempfile.TemporaryDirectory(prefix="newsbrief-gate-") as tmp:
        for n, run in enumerate(runs):
            if only and run.id not in only:
                continue
            data = shared / run.data
            t0, c0 = time.perf_counter(), time.process_time()
            print(f"[gate] {run.id} ...", file=sys.stderr, flush=True)
            try:
                if not data.exists():
                    raise FileNotFoundError(f"no dataset at {data}")
                scratch = Path(tmp) / str(n)
                scratch.mkdir()
                scores[run.id] = run.measure(data, scratch)
            except Exception as exc:  # one broken task must not hide the others' figures
                traceback.print_exc()
                errors[run.id] = f"{type(exc).__name__}: {exc}".replace("|", "/")[:200]
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            seconds[run.id] = (wall, cpu)
            print(f"[gate] {run.id}: {wall:.1f}s wall, {cpu:.1f}s CPU", file=sys.stderr, flush=True)
    return scores, errors, seconds


# --------------------------------------------------------------------------- docs


def _git(*args: str) -> str:
    out = subprocess.run(
        ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def _commit() -> str:
    """The commit measured, and whether code differed from it (docs edits do not count: the
    tables are written into docs/benchmarks.md, so the docs are often dirty on purpose)."""
    try:
        head = _git("rev-parse", "--short", "HEAD")
        dirty = _git("status", "--porcelain", "--", "src", "benchmarks", "pyproject.toml")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    if dirty:
        return f"{head} with uncommitted changes to {len(dirty.splitlines())} code file(s)"
    return head


def write_section(doc: Path, suite: str, body: str) -> None:
    """Replace the text between the suite's gate markers in ``doc`` (appending them if absent)."""
    start, end = f"<!-- gate:{suite}:start -->", f"<!-- gate:{suite}:end -->"
    text = doc.read_text(encoding="utf-8") if doc.exists() else ""
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--fast", action="store_true", help="the CI subset and its own floors")
    ap.add_argument("--floors", type=Path, default=FLOORS, help="floors file (TOML)")
    ap.add_argument("--data", type=Path, default=SHARED_DATA, help="the shared data folder")
    ap.add_argument(
        "--write", type=Path, metavar="MD", help="put the table in this doc's gate section"
    )
    ap.add_argument("--only", action="append", metavar="RUN", help="only this run id (repeatable)")
    ap.add_argument(
        "--update-floors",
        action="store_true",
        help="rewrite figures and floors (figure - margin) from this run; prints the diff",
    )
    args = ap.parse_args(argv)
    suite = "fast" if args.fast else "full"

    if not args.data.is_dir():
        print(f"SKIPPED: shared data absent (no folder {args.data})")
        return 0

    checks = load_floors(args.floors)
    runs = FAST if args.fast else FULL
    only = set(args.only) if args.only else None
    known = {r.id for r in runs}
    if only and only - known:
        ap.error(f"unknown run(s) {sorted(only - known)}; runs: {sorted(known)}")
    mine = [c for c in checks if c.suite == suite and (not only or c.run in only)]
    orphans = {c.run for c in mine} - known
    if orphans:
        ap.error(f"floors name runs that {suite} does not have: {sorted(orphans)}")

    t0, cpu0 = time.perf_counter(), time.process_time()
    scores, errors, seconds = measure(runs, args.data, only)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if args.update_floors:
        if errors:
            print(f"not updating floors: runs failed: {sorted(errors)}", file=sys.stderr)
            return 1
        # read again: another suite's update may have rewritten the file while this one ran
        old_text = args.floors.read_text(encoding="utf-8")
        checks = load_floors(args.floors)
        mine = [c for c in checks if c.suite == suite and (not only or c.run in only)]
        fresh = updated(mine, scores)
        by_key = {id(c): n for c, n in zip(mine, fresh, strict=True)}
        new_checks = [by_key.get(id(c), c) for c in checks]
        new_text = dump_floors(header_of(old_text), new_checks)
        for line in floor_changes(checks, new_checks):
            print(line)
        sys.stdout.writelines(
            difflib.unified_diff(
                old_text.splitlines(keepends=True),
                new_text.splitlines(keepends=True),
                str(args.floors),
                f"{args.floors} (updated)",
            )
        )
        args.floors.write_text(new_text, encoding="utf-8")
        mine = fresh

    outcomes = compare(mine, scores, errors)
    table = markdown_table(outcomes)
    failed = [o for o in outcomes if not o.ok]
    command = "python benchmarks/gate.py" + (" --fast" if args.fast else "")
    command += "".join(f" --only '{run}'" for run in args.only or [])
    summary = (
        f"{len(outcomes) - len(failed)} of {len(outcomes)} checks pass"
        + (f", **{len(failed)} FAIL**" if failed else "")
        + f"; {wall:.0f} s wall, {cpu:.0f} s CPU, peak RSS {peak_mb:.0f} MB "
        f"(CPU s per run: {', '.join(f'{k} {v[1]:.0f}' for k, v in seconds.items())})"
    )
    print(table)
    print()
    print(summary)
    for o in failed:
        c = o.check
        print(f"FAIL [{suite}] {c.run} / {c.system} / {c.metric}: {o.reason}")

    if args.write:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        body = f"`nice {command}` on commit {_commit()}, {stamp}:\n\n{table}\n\n{summary}.\n"
        write_section(args.write, suite, body)
    print("PASS" if not failed else "FAIL", f"({suite} gate)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
