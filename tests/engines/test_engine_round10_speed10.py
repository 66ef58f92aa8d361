"""Round 10, speed10: the cycle collector runs less often during an engine run, and only then."""

from __future__ import annotations

import gc

import pytest

from newsbrief.engines import local
from newsbrief.engines.collector import RUN_THRESHOLDS, fewer_collections
from newsbrief.store import Store

TEXT = "Rain closed the mountain pass on Friday, the road agency said. Crews expect to reopen it."


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_thresholds_are_raised_inside_and_restored_after(thresholds):
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == RUN_THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_when_the_block_fails(thresholds):
    gc.set_threshold(700, 10, 10)
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("stage failed")
    assert gc.get_threshold() == (700, 10, 10)


def test_higher_thresholds_of_the_program_are_kept(thresholds):
    gc.set_threshold(100_000, 5, 1_000)
    with fewer_collections():
        assert gc.get_threshold() == (100_000, RUN_THRESHOLDS[1], 1_000)


def test_a_switched_off_collector_stays_off(thresholds):
    gc.set_threshold(0, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0


def test_the_local_engine_prepares_articles_with_the_run_thresholds(
    thresholds, tmp_path, monkeypatch
):
    gc.set_threshold(700, 10, 10)
    seen = []
    prepare = local.prepare_many_or_problem

    def recording(articles):
        seen.append(gc.get_threshold())
        return prepare(articles)

    monkeypatch.setattr(local, "prepare_many_or_problem", recording)
    (tmp_path / "a.txt").write_text("Pass closed\n\n" + TEXT)
    with Store(tmp_path / "nb.db") as store:
        local.process([tmp_path / "a.txt"], store, jobs=1)
    assert seen == [RUN_THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)
