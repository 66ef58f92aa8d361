from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsbrief.errors import DataError
from newsbrief.eval.extract import (
    Extraction,
    Page,
    author_key,
    body_scores,
    evaluate_extract,
    field_hits,
    load_pages,
    page_counts,
    scores_of,
)

TEXT = "the river rose by two metres overnight and the bridge was closed to all traffic"


def test_body_scores_perfect_partial_and_empty() -> None:
    assert body_scores([(TEXT, TEXT)])["f1"] == pytest.approx(1.0)
    half = body_scores([(TEXT, TEXT + " subscribe now to our newsletter for more news today")])
    assert half["recall"] == pytest.approx(1.0)
    assert 0.5 < half["precision"] < 1.0
    # an empty prediction counts for recall only; both empty is a perfect page
    empty = body_scores([(TEXT, ""), ("", "")])
    assert empty["precision"] == pytest.approx(1.0)
    assert empty["recall"] == pytest.approx(0.5)


def test_page_counts_add_up_to_body_scores() -> None:
    pairs = [(TEXT, TEXT), (TEXT, TEXT + " read more stories like this one here"), (TEXT, "")]
    sums = [sum(c) for c in zip(*(page_counts(t, p) for t, p in pairs), strict=True)]
    assert scores_of(*sums) == pytest.approx(body_scores(pairs))
    assert page_counts("", "") == (1.0, 0.0, 1.0, 0.0)


def test_author_key_ignores_case_separators_and_degrees() -> None:
    assert author_key(["Maria & Katerina"]) == author_key(["maria", "Katerina"])
    assert author_key(["Jane Doe, Ph.D."]) == author_key(["Dr. Jane Doe"])
    assert author_key(["Jane Doe"]) != author_key(["Jane Doe", "Li Wen"])


def test_field_hits_day_precision_and_folded_title() -> None:
    page = Page("1", None, b"", "", "Bridge closed!", ["Li Wen"], "2024-03-05T23:50:00+01:00")
    got = Extraction(title="bridge   CLOSED", authors=("LI WEN",), date="2024-03-05")
    assert field_hits(page, got) == {"title_exact": True, "author_exact": True, "date_exact": True}
    assert not field_hits(page, Extraction())["date_exact"]


def _write_set(root: Path) -> None:
    body = (
        "<p>The river rose by two metres overnight and the old bridge was closed to all "
        "traffic, the county roads office said on Sunday morning.</p>\n"
        "<p>Engineers will inspect the pillars once the water falls, which forecasters "
        "expect to happen by the middle of the week at the earliest.</p>\n"
        "<p>Families living along the lower bank were offered rooms in the sports hall, "
        "and volunteers brought blankets and hot food through the night.</p>"
    )
    html = (
        "<html><head><title>River closes old bridge | Valley Post</title>"
        '<meta name="author" content="Ines Moreau">'
        '<meta property="article:published_time" content="2024-03-03T07:00:00Z">'
        f"</head><body><nav>Home News Sport</nav><article><h1>River closes old bridge</h1>"
        f"{body}</article></body></html>"
    )
    (root / "html").mkdir()
    (root / "html" / "a.html.gz").write_bytes(gzip.compress(html.encode()))
    truth = {
        "id": "a",
        "url": "https://valley.example/a",
        "html_path": "html/a.html.gz",
        "body": "\n\n".join(p.split(">", 1)[1].split("<")[0] for p in body.split("\n")),
        "title": "River closes old bridge",
        "author": "Ines Moreau",
        "authors": ["Ines Moreau"],
        "date": "2024-03-03",
    }
    (root / "ground_truth.jsonl").write_text(json.dumps(truth) + "\n")


def test_evaluate_extract_scores_both_systems(tmp_path: Path) -> None:
    _write_set(tmp_path)
    result = evaluate_extract(str(tmp_path))
    assert result.task == "extract" and result.n == 1
    assert [s.name for s in result.systems] == ["trafilatura", "newsbrief"]
    ours = result.systems[1].metrics
    assert ours["f1"] > 0.9
    assert ours["title_exact"] == 1.0
    assert ours["author_exact"] == 1.0
    assert ours["date_exact"] == 1.0


def test_load_pages_keeps_the_site_for_grouping(tmp_path: Path) -> None:
    _write_set(tmp_path)
    record = json.loads((tmp_path / "ground_truth.jsonl").read_text())
    record |= {"domain": "valley.example", "dataset": "toy"}
    (tmp_path / "ground_truth.jsonl").write_text(json.dumps(record) + "\n")
    (page,) = load_pages(tmp_path)
    assert (page.domain, page.dataset) == ("valley.example", "toy")


def test_evaluate_extract_rejects_a_folder_without_ground_truth(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        evaluate_extract(str(tmp_path))


def test_zyte_dev_newsbrief_beats_plain_trafilatura(shared_data: Path) -> None:
    folder = shared_data / "extraction" / "zyte-aeb"
    if not folder.is_dir():
        pytest.skip("zyte-aeb not found")
    result = evaluate_extract(str(folder))
    traf, ours = (s.metrics for s in result.systems)
    assert ours["f1"] > traf["f1"]
    assert ours["f1"] >= 0.965
