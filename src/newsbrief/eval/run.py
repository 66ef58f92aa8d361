"""Dispatch `newsbrief eval TASK`: each task lives in its own module, imported on demand."""

from __future__ import annotations

from pathlib import Path

from newsbrief.errors import ConfigError, DataError
from newsbrief.eval import EvalResult


def run_task(
    task: str,
    data: str,
    *,
    words: int = 260,
    metric: str = "f1",
    stream: bool = False,
    semantic: bool = False,
) -> EvalResult:
    if not Path(data).exists():
        raise DataError(f"no dataset at {data!r}")
    if task == "summarize":
        from newsbrief.eval.summarize import evaluate_summarize

        return evaluate_summarize(data, words=words, metric=metric)
    if task == "cluster":
        from newsbrief.eval.cluster import evaluate_cluster

        return evaluate_cluster(data, stream=stream)
    if task == "boilerplate":
        from newsbrief.eval.boilerplate import evaluate_boilerplate

        return evaluate_boilerplate(data)
    if task == "paraphrase":
        from newsbrief.eval.paraphrase import evaluate_paraphrase

        return evaluate_paraphrase(data)
    if task == "quotes":
        from newsbrief.eval.quotes import evaluate_quotes

        return evaluate_quotes(data)
    if task == "extract":
        from newsbrief.eval.extract import evaluate_extract

        return evaluate_extract(data)
    if task == "align":
        from newsbrief.eval.align import evaluate_align

        return evaluate_align(data, semantic=semantic)
    if task == "conflict":
        from newsbrief.eval.conflict import evaluate_conflict

        return evaluate_conflict(data, semantic=semantic)
    raise ConfigError(f"unknown evaluation task {task!r}")
