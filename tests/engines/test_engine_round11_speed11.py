"""Round 11 (speed11): what the pool loads before it forks, every worker inherits."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from newsbrief.engines import local
from newsbrief.engines.pool import Workers

_loaded_by: list[int] = []  # pids of the processes that ran the hook


def _load() -> None:
    _loaded_by.append(os.getpid())


def _seen(_: object) -> tuple[int, ...]:
    return tuple(_loaded_by)


needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are spawned here"
)


@needs_fork
def test_the_hook_runs_once_in_this_process_before_the_workers_fork() -> None:
    _loaded_by.clear()
    with Workers(2, before_fork=_load) as workers:
        seen = set(workers.map(_seen, range(8)))
        assert _loaded_by == [os.getpid()]  # once, here, not in the workers
        list(workers.map(_seen, range(8)))  # the pool is reused: not run again
    assert seen == {(os.getpid(),)}  # every worker holds what this process loaded
    assert _loaded_by == [os.getpid()]


def test_one_job_runs_no_hook() -> None:
    _loaded_by.clear()
    with Workers(1, before_fork=_load) as workers:
        assert list(workers.map(abs, [-1, 2])) == [1, 2]
    assert _loaded_by == []


@needs_fork
def test_a_pooled_run_loads_the_models_before_forking(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(local, "load_models", lambda: calls.append(os.getpid()))
    from newsbrief.store import Store

    jsonl = os.path.join(str(tmp_path), "in.jsonl")
    with open(jsonl, "w", encoding="utf-8") as fh:
        fh.write('{"id": "a", "title": "Rain", "text": "It rained in the town all day."}\n')
    with Store(":memory:") as store:
        local.process([jsonl], store, jobs=2)
    assert calls == [os.getpid()]


def test_loading_the_models_never_fails_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief import language, parse

    def broken(*_: object) -> None:
        raise RuntimeError("no model here")

    monkeypatch.setattr(language, "detect_language", broken)
    monkeypatch.setattr(parse, "available", broken)
    local.load_models()  # the workers meet the failure per article instead
