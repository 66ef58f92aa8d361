"""Extraction time per page: newsbrief's reader (+ clean stage) against plain trafilatura.

    nice python benchmarks/bench_extract.py [FOLDER ...] [--limit N]

FOLDER defaults to the three dev sets in ../shared/data/extraction/. Both systems run on the
same pages, interleaved page by page so load on the machine hits both alike; the table gives
milliseconds per page and the ratio newsbrief / trafilatura (target: at most 1.5).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsbrief.eval.extract import SYSTEMS, load_pages

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"
DEFAULT = ["zyte-aeb", "wcxb-articles", "fundus-news"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(DATA / name) for name in DEFAULT])
    parser.add_argument("--limit", type=int, default=0, help="pages per folder (0 = all)")
    args = parser.parse_args()
    print(f"{'folder':<16}{'pages':>6}{'trafilatura ms':>16}{'newsbrief ms':>14}{'ratio':>7}")
    totals = {name: 0.0 for name in SYSTEMS}
    count = 0
    for folder in args.folders:
        pages = load_pages(folder)
        if args.limit:
            pages = pages[: args.limit]
        spent = {name: 0.0 for name in SYSTEMS}
        for page in pages:
            for name, system in SYSTEMS.items():
                started = time.perf_counter()
                system(page)
                spent[name] += time.perf_counter() - started
        for name in SYSTEMS:
            totals[name] += spent[name]
        count += len(pages)
        traf, ours = spent["trafilatura"], spent["newsbrief"]
        print(
            f"{Path(folder).name:<16}{len(pages):>6}{1000 * traf / len(pages):>16.1f}"
            f"{1000 * ours / len(pages):>14.1f}{ours / traf:>7.2f}"
        )
    traf, ours = totals["trafilatura"], totals["newsbrief"]
    print(
        f"{'all':<16}{count:>6}{1000 * traf / count:>16.1f}{1000 * ours / count:>14.1f}{ours / traf:>7.2f}"
    )


if __name__ == "__main__":
    main()
