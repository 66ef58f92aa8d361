"""benchmarks/scale.py's corpus: replicas of a real story are other events, not copies."""

from __future__ import annotations

import json
from pathlib import Path

# three tiny "real" clusters, each of two articles of paragraphs (text written for this test)
CLUSTERS = [
    [
        [
            "Marta Olsen said the Harbour Council approved 42 new homes on Monday.",
            "Residents of Kettleby welcomed the decision after months of debate.",
        ],
        [
            "The Harbour Council voted for the housing plan, Olsen told reporters.",
            "Builders expect the first families to move in by spring.",
        ],
    ],
    [
        [
            "Flooding closed the Riverside bridge for 3 days, police said on Tuesday.",
            "Engineers inspected the damaged pillars and found deep cracks.",
        ],
        [
            "Drivers faced long detours while the bridge stayed shut.",
        ],
    ],
    [
        [
            "A local bakery in Dunmore won the national bread award in 2019.",
            "Owner Priya Nair thanked her staff and her loyal customers.",
        ],
    ],
]


def _articles(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_varied_replicas_keep_cues_and_dates_but_differ_across_stories(
    tmp_path: Path, benchmark_script
) -> None:  # type: ignore[no-untyped-def]
    scale = benchmark_script("scale")
    made = scale.write_corpus(300, tmp_path / "v.jsonl", CLUSTERS, varied=True)
    again = scale.write_corpus(300, tmp_path / "w.jsonl", CLUSTERS, varied=True)
    scale.write_corpus(300, tmp_path / "r.jsonl", CLUSTERS)
    assert made == again and made["written"] == 300
    assert (tmp_path / "v.jsonl").read_bytes() == (tmp_path / "w.jsonl").read_bytes()
    varied, recycled = _articles(tmp_path / "v.jsonl"), _articles(tmp_path / "r.jsonl")

    def paragraphs(rows: list[dict[str, str]]) -> list[str]:
        return [p for r in rows for p in r["text"].split(" \n \n ")]

    # the recycled corpus repeats the real paragraphs word for word; the varied one rarely
    assert len(set(paragraphs(recycled))) <= 9
    assert len(set(paragraphs(varied))) > 10 * len(set(paragraphs(recycled)))
    # stop words, cue words, weekdays and years stay; other figures are redrawn
    said = [p for p in paragraphs(varied) if p.endswith("on Monday.")]
    assert said and all(" said the " in p for p in said)
    assert any(" in 2019." in p for p in paragraphs(varied))
    assert not all(" 42 " in p for p in said)
    # one story's articles share one variant: a paragraph repeated within a story is the
    # same text in each article that holds it
    by_story: dict[str, list[str]] = {}
    for row in varied:
        by_story.setdefault(row["url"].split("/")[3], []).extend(paragraphs([row]))
    shared = sum(len(ps) - len(set(ps)) for ps in by_story.values())
    assert shared > 0
