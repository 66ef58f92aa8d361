"""The local engine: one process, streaming ingest, batch commits.

It runs the steps of ``newsbrief.pipeline`` in this process, one record after another; the
store side of a run (batches, chunks, resuming) is ``engines.base``. Each ingest batch is one
transaction. Articles that are stored but not yet in a story (a run killed between ingest and
clustering) are picked up by the next run, so a rerun finishes the job without duplicating
anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike

from newsbrief.engines import Reporter, SilentReporter
from newsbrief.engines.base import (
    ArticleWriter,
    RunResult,
    ingest_item,
    update_stories,
)
from newsbrief.pipeline import DEFAULT_WORDS, read_inputs, write_briefs
from newsbrief.store import Store


def ingest(
    inputs: Iterable[str | PathLike[str]], store: Store, reporter: Reporter, result: RunResult
) -> None:
    """Read, clean, annotate and store every readable article; bad inputs become Problems."""
    reporter.stage("reading", None)
    writer = ArticleWriter(store, result)
    for item in read_inputs(inputs):
        reporter.advance()
        ingest_item(item, writer, result, reporter)
    writer.close()


def process(
    inputs: Iterable[str | PathLike[str]],
    store: Store,
    reporter: Reporter | None = None,
    words: int = DEFAULT_WORDS,
) -> RunResult:
    """Ingest ``inputs`` into ``store`` and bring every story they touch up to date."""
    if isinstance(inputs, str | PathLike):
        inputs = [inputs]  # one path, not an iterable of characters
    reporter = reporter or SilentReporter()
    result = RunResult()
    ingest(inputs, store, reporter, result)
    update_stories(store, reporter, result, words)
    return result


def run_paths(
    inputs: Iterable[str | PathLike[str]],
    db: str | None = None,
    words: int = DEFAULT_WORDS,
    out: str | PathLike[str] | None = None,
) -> RunResult:
    """``newsbrief.run``: process and return the briefs of every story in the store, and
    write them (Markdown and JSON) into the folder ``out`` when one is given."""
    store = Store(db or ":memory:")
    try:
        result = process(inputs, store, words=words)
        stories = store.stories()
        briefed = {row["id"] for row in store.story_rows()} & set(store.briefed_stories())
        result.briefs = [store.brief(s.id) for s in stories if s.id in briefed]
    finally:
        store.close()
    if out is not None:
        write_briefs(result.briefs, out)
    return result
