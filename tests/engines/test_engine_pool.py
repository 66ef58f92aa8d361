"""The local engine's process pool changes where steps run, never what the store holds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsbrief.engines import base
from newsbrief.engines.local import process
from newsbrief.engines.pool import Workers, default_jobs
from newsbrief.errors import ConfigError
from newsbrief.render import render_json
from newsbrief.store import Store

TABLES = ("articles", "derivations", "stories", "story_articles", "briefs", "problems")


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}
    finally:
        conn.close()


def _run(inputs: list[str], db: Path, jobs: int) -> list[str]:
    with Store(db) as store:
        process(inputs, store, jobs=jobs)
        return [render_json(store.brief(sid)) for sid in store.briefed_stories()]


def test_pool_and_one_process_give_identical_stores_and_briefs(
    tmp_path: Path, examples_dir: Path, shared_data_path: Path
) -> None:
    inputs = [str(examples_dir)]
    source = shared_data_path / "mds" / "multinews" / "dev.jsonl"
    if source.is_file():  # real articles, a repeated id and an unreadable line too
        feed = tmp_path / "feed.jsonl"
        with source.open() as rows, feed.open("w") as out:
            for n, line in enumerate(rows):
                if n == 25:
                    break
                for a in json.loads(line)["articles"]:
                    out.write(json.dumps({"url": a["doc_id"], "text": a["text"]}) + "\n")
                if n == 3:
                    out.write(json.dumps({"url": a["doc_id"], "text": a["text"]}) + "\n")
                    out.write("{not json\n")
        inputs.append(str(feed))
    one = _run(inputs, tmp_path / "one.db", jobs=1)
    pooled = _run(inputs, tmp_path / "pool.db", jobs=2)
    assert one and one == pooled
    first, second = _dump(tmp_path / "one.db"), _dump(tmp_path / "pool.db")
    assert first["articles"] and first["briefs"]
    assert first == second


def test_briefing_the_next_chunk_while_loading_gives_the_same_store(
    tmp_path: Path, examples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``brief_dirty`` loads the next chunk of stories while the pool briefs this one: with
    one story a chunk (every story overlapped), the store is the one-chunk run's."""
    one = _run([str(examples_dir)], tmp_path / "one.db", jobs=1)
    monkeypatch.setattr(base, "BRIEF_CHUNK", 1)
    pooled = _run([str(examples_dir)], tmp_path / "pool.db", jobs=2)
    alone = _run([str(examples_dir)], tmp_path / "alone.db", jobs=1)
    assert len(one) >= 2 and one == pooled == alone
    first = _dump(tmp_path / "one.db")
    assert first == _dump(tmp_path / "pool.db") == _dump(tmp_path / "alone.db")


def test_pool_map_keeps_input_order_across_blocks() -> None:
    items = list(range(1300))  # more than two in-flight windows
    with Workers(2) as workers:
        assert list(workers.map(abs, (-i for i in items), chunk=7)) == items


def test_jobs_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_JOBS", "3")
    assert default_jobs() == 3
    monkeypatch.setenv("NEWSBRIEF_JOBS", "0")
    with pytest.raises(ConfigError):
        default_jobs()
    monkeypatch.delenv("NEWSBRIEF_JOBS")
    assert default_jobs() >= 1
