"""The Ray engine gives the local engine's stories, derivations and briefs.

A real two-CPU Ray runtime processes a few hundred Multi-News dev articles (written to a
JSONL file in tmp, one publish day per Multi-News cluster so the time window matters); the
local engine processes the same file; the two stores must agree.

Both sides pin ``PYTHONHASHSEED``: parts of the analysis still iterate over sets of strings
(analyze/claims.py, analyze/entities.py), so a brief can differ between two *local* runs in
different processes. Pinning the seed isolates what this test is about, the engine.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsbrief.records import Problem
from newsbrief.render import render_json
from newsbrief.store import Store

ray = pytest.importorskip(
    "ray", reason="the Ray engine tests need the `ray` extra: pip install -e '.[ray]'"
)

ARTICLES = 260
HASH_SEED = "0"


def _write_corpus(shared_data: Path, out: Path, size: int = ARTICLES) -> int:
    written = 0
    with (
        (shared_data / "mds" / "multinews" / "dev.jsonl").open(encoding="utf-8") as lines,
        out.open("w", encoding="utf-8") as sink,
    ):
        for n, line in enumerate(lines):
            cluster = json.loads(line)
            for k, doc in enumerate(cluster["articles"]):
                record = {
                    "title": doc.get("title") or "",
                    "text": doc["text"],
                    "url": f"https://outlet{k}.example/{n}/{k}",
                    "published": f"2021-{1 + n // 28:02d}-{1 + n % 28:02d}",
                }
                sink.write(json.dumps(record) + "\n")
                written += 1
            if written >= size:
                return written
    return written


def _snapshot(db: Path) -> dict[str, Any]:
    with Store(db) as store:
        stories = store.stories()
        return {
            "stories": {frozenset(s.article_ids) for s in stories},
            "derivations": sorted(
                (d.child, d.parent, d.kind, d.similarity, len(d.pairs)) for d in store.derivations()
            ),
            "briefs": {frozenset(s.article_ids): render_json(store.brief(s.id)) for s in stories},
            "articles": [a.id for a in store.articles()],
        }


def _first_diff(a: dict[Any, str], b: dict[Any, str], keys: list[Any]) -> str:
    if not keys:
        return ""
    lines = difflib.unified_diff(
        a[keys[0]].splitlines(), b[keys[0]].splitlines(), "local", "ray", lineterm="", n=1
    )
    return f"{len(keys)} briefs differ; the first:\n" + "\n".join(list(lines)[:40])


@pytest.fixture(scope="module")
def ray_runtime():
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={
            "env_vars": {"PYTHONHASHSEED": HASH_SEED},
            # every brief a worker builds has its citations verified, as in this process
            "worker_process_setup_hook": "newsbrief.brief.check_all_citations",
        },
    )
    yield ray
    ray.shutdown()


def test_ray_engine_equals_local_engine(shared_data, tmp_path, ray_runtime):
    from newsbrief.engines.ray import process

    corpus = tmp_path / "corpus.jsonl"
    assert _write_corpus(shared_data, corpus) >= 200

    local_db = tmp_path / "local.db"
    code = (
        "import sys; from newsbrief.engines.local import process; "
        "from newsbrief.brief import check_all_citations; check_all_citations(); "
        "from newsbrief.store import Store; "
        "s = Store(sys.argv[2]); r = process([sys.argv[1]], s); s.close(); print(r.added)"
    )
    env = {**os.environ, "PYTHONHASHSEED": HASH_SEED}
    done = subprocess.run(
        [sys.executable, "-c", code, str(corpus), str(local_db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    local_added = int(done.stdout.split()[-1])

    ray_db = tmp_path / "ray.db"
    with Store(ray_db) as store:
        result = process([corpus], store)
    assert result.added == local_added > 0
    assert result.problems == []

    local, remote = _snapshot(local_db), _snapshot(ray_db)
    assert remote["articles"] == local["articles"]  # same ingest order, same ids
    assert len(local["stories"]) > 10
    assert remote["stories"] == local["stories"]
    assert local["derivations"], "the corpus should hold some copies"
    assert remote["derivations"] == local["derivations"]
    assert remote["briefs"].keys() == local["briefs"].keys()
    differing = [k for k in local["briefs"] if remote["briefs"][k] != local["briefs"][k]]
    assert differing == [], _first_diff(local["briefs"], remote["briefs"], differing)


def test_ray_engine_reports_bad_inputs_and_skips_stored(tmp_path, ray_runtime):
    from newsbrief.engines.ray import process

    good = (
        "The harbour authority closed the northern pier on Monday after a crane collapsed. "
        "Engineers said repairs would take several weeks. Ferries will use the southern pier."
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pier.txt").write_text("Pier closed\n\n" + good)
    (tmp_path / "in" / "blob.bin").write_bytes(bytes(range(256)) * 4)
    feed = tmp_path / "in" / "feed.jsonl"
    feed.write_text(json.dumps({"title": "Pier", "text": good}) + "\n{broken\n")
    inputs = [tmp_path / "in", tmp_path / "missing.txt"]
    with Store(":memory:") as store:
        first = process(inputs, store)
        again = process(inputs, store)
        assert store.count_articles() == 2
        assert len(store.stories()) >= 1
        assert all(store.brief(s.id).story == s.id for s in store.stories())
    assert first.added == 2
    places = {(Path(p.source).name, p.line) for p in first.problems}
    assert ("missing.txt", None) in places
    assert ("feed.jsonl", 2) in places
    assert ("blob.bin", None) in places
    assert all(isinstance(p, Problem) for p in first.problems)
    assert again.added == 0 and again.already_stored == 2
