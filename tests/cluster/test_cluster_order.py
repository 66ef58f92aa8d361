"""Same stories whatever the input order, and through `add` in two batches as in one run."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from grouping_helpers import group  # type: ignore[import-not-found]
from pages_data import PAGES  # type: ignore[import-not-found]

MULTINEWS = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "mds" / "multinews" / "dev.jsonl"
)


def fixture_rows() -> list[dict[str, str]]:
    return [
        {"title": title, "text": " ".join(paragraphs)}
        for items in PAGES.values()
        for title, paragraphs in items
    ]


def multinews_rows(stories: int) -> list[dict[str, str]]:
    rows = []
    with MULTINEWS.open(encoding="utf-8") as fh:
        for line, _ in zip(fh, range(stories), strict=False):
            cluster = json.loads(line)
            rows += [
                {"title": "", "text": a["text"]}
                for a in cluster["articles"]
                if len(a["text"].split()) >= 40
            ]
    return rows


def partition(rows: list[dict[str, str]], tmp: Path, name: str, batches: int = 1) -> set:
    folder = tmp / name
    folder.mkdir()
    cut = [rows[i * len(rows) // batches : (i + 1) * len(rows) // batches] for i in range(batches)]
    files = []
    for n, part in enumerate(cut):
        path = folder / f"part{n}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        files.append(path)
    stories, store = group(files, folder / "nb.db")
    store.close()
    # articles are known by their text: ids name the input line, which moves with the order
    return {frozenset(a.text for a in members) for members in stories}


def check_orders(rows: list[dict[str, str]], tmp: Path) -> None:
    rng = random.Random(5)
    orders = [rows, rows[::-1], rng.sample(rows, len(rows))]
    found = [partition(order, tmp, f"order{n}") for n, order in enumerate(orders)]
    # two successive `add` runs, the second half first: the stored stories the second batch
    # touches are regrouped with it
    found.append(partition(orders[2], tmp, "adds", batches=2))
    assert found[0] == found[1] == found[2] == found[3]
    assert len(found[0]) > 1  # several stories, not one heap


def test_same_stories_in_three_orders_and_two_adds(tmp_path: Path) -> None:
    check_orders(fixture_rows(), tmp_path)


@pytest.mark.skipif(not MULTINEWS.exists(), reason="shared data absent")
def test_same_stories_on_a_multinews_slice(tmp_path: Path) -> None:
    check_orders(multinews_rows(25), tmp_path)
