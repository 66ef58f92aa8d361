"""Build the web pile: real article pages of many sites, run through `newsbrief run` from HTML.

    nice python benchmarks/web_pile.py OUT [--pages /tmp/webpile/in] [--no-run]

The dev pile (``dev_pile.py``) is Multi-News text, mostly newswire. Users bring pages of every
kind of site, so quotes are also judged on this pile: the HTML of the extraction sets in
``../shared/data/extraction`` (zyte-aeb, the English-language country groups of fundus-news,
and the wcxb-articles pages typed ``article``), decompressed into ``OUT/in`` and ingested
with the whole pipeline, extraction included. Most stories are one page, so the pile says
nothing about grouping or corroboration; it is a quote and summary sample from other sites.
Judge its quotes with ``judge_quotes.py OUT --verdicts benchmarks/judged/quotes_web.tsv``.
An article id hashes the page's resolved path, and a quote id its article id: the verdicts in
``quotes_web.tsv`` hold for pages read from ``/tmp/webpile/in`` (the default of ``--pages``),
whatever OUT is.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRACTION = ROOT.parent / "shared" / "data" / "extraction"
# fundus-news country groups whose pages are in English
ENGLISH_GROUPS = {"us", "uk", "za", "au", "ca", "in", "ie", "nz", "ng", "gb", "ke", "sg", "ph"}


def wanted(dataset: str, row: dict) -> bool:
    if dataset == "fundus-news":
        return row.get("country_group") in ENGLISH_GROUPS
    if dataset == "wcxb-articles":
        return row.get("page_type") == "article"
    return True


def write_pages(out: Path) -> int:
    """Decompress every wanted page into ``out``; the count written."""
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for dataset in ("zyte-aeb", "fundus-news", "wcxb-articles"):
        folder = EXTRACTION / dataset
        for line in (folder / "ground_truth.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if not wanted(dataset, row):
                continue
            with gzip.open(folder / row["html_path"], "rb") as fh:
                (out / f"{dataset[:5]}_{row['id'][:40]}.html").write_bytes(fh.read())
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=Path, default=Path("/tmp/webpile/in"))
    ap.add_argument("--no-run", action="store_true", help="only write the pages")
    args = ap.parse_args()
    if not EXTRACTION.is_dir():
        sys.exit(f"no extraction data at {EXTRACTION} (the shared data sits beside the repo)")
    n = write_pages(args.pages)
    print(f"{n} pages -> {args.pages}")
    if args.no_run:
        return
    cmd = [sys.executable, "-m", "newsbrief.cli", "run", str(args.pages), "-q"]
    cmd += ["--db", str(args.out / "newsbrief.db"), "--out", str(args.out / "briefs")]
    subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
