"""Hostile input through `newsbrief run`: the exit codes the README defines (0 all read, 1
finished but some inputs were bad, 3 nothing could be done), each bad input printed once, no
traceback, and every good article around the bad one stored."""

from __future__ import annotations

import gzip
import json
import os
import random
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsbrief.cli import EXIT_FAILED, EXIT_PARTIAL, main

BODY = (
    "The council of Orrington approved the new tram budget on Tuesday after a long debate, "
    "officials said. Work on the line is due to start in the spring."
)


def _run(tmp_path: Path, *inputs: Path, env: dict[str, str] | None = None) -> Result:
    args = ["run", *map(str, inputs), "--db", str(tmp_path / "nb.db"), "--out", str(tmp_path / "o")]
    results: list[Result] = []
    worker = threading.Thread(
        target=lambda: results.append(CliRunner().invoke(main, args, env=env)), daemon=True
    )
    worker.start()
    worker.join(120)
    if worker.is_alive():
        for fifo in tmp_path.rglob("*"):
            if fifo.is_fifo():  # release a reader blocked on it so the test run goes on
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("newsbrief run hung")
    return results[0]


def _record(title: str, **fields: object) -> str:
    return json.dumps({"title": title, "text": f"{title}. {BODY}", **fields})


def _stored_titles(tmp_path: Path) -> list[str]:
    from newsbrief.store import Store

    with Store(tmp_path / "nb.db") as store:
        return sorted(a.title for a in store.articles())


def test_hostile_jsonl_lines_exit_1_and_every_good_line_is_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    lines = [
        _record("First report"),
        "[" * 50_000 + "]" * 50_000,
        _record("Second report", date=10**400),
        '{"text": "x", "n": ' + "1" * 5000 + "}",
        _record("Third report", score=float("nan")),
    ]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n")
    result = _run(tmp_path, corpus)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert result.exit_code == EXIT_PARTIAL, result.output
    assert result.output.count("feed.jsonl:2: not valid JSON: nested too deeply") == 1
    assert result.output.count("feed.jsonl:4: not valid JSON: a number with more than") == 1
    assert "3 new articles, 0 already stored, 2 skipped" in result.output
    assert _stored_titles(tmp_path) == ["First report", "Second report", "Third report"]


def test_a_long_line_in_a_gzip_is_reported_once_under_a_limit_from_the_environment(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feed.jsonl.gz"
    # varied words: a gzip of one word repeated would be stopped as a zip bomb first
    rng = random.Random(0)
    huge = json.dumps(
        {"title": "Huge", "text": " ".join(str(rng.random()) for _ in range(150_000))}
    )
    path.write_bytes(gzip.compress(f"{_record('Before')}\n{huge}\n{_record('After')}\n".encode()))
    result = _run(tmp_path, path, env={"NEWSBRIEF_MAX_LINE": "1M"})
    assert result.exit_code == EXIT_PARTIAL, result.output
    assert result.output.count("feed.jsonl.gz:2: line longer than the limit of 1 MB") == 1
    assert _stored_titles(tmp_path) == ["After", "Before"]


def test_a_folder_of_nothing_but_a_fifo_exits_3_without_hanging(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    os.mkfifo(corpus / "pipe.txt")
    result = _run(tmp_path, corpus)
    assert result.exit_code == EXIT_FAILED, result.output
    assert result.output.count("pipe.txt: a named pipe (FIFO), not a file") == 1
    assert "no article could be read" in result.output
