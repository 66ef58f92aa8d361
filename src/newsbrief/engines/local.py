"""The local engine: this machine's cores, streaming ingest, batch commits.

It runs the steps of ``newsbrief.pipeline`` on this machine: the per-article steps (clean,
annotate) and the per-story steps (analyze, summarize, brief) on a process pool sized to
the CPUs (``engines.pool``; ``NEWSBRIEF_JOBS=1`` keeps everything in this process), dedup
and clustering here, and every write here, in input order, so the store is the same for any
pool size. The store side of a run (batches, chunks, resuming) is ``engines.base``. Each ingest batch is one
transaction. Articles that are stored but not yet in a story (a run killed between ingest and
clustering) are picked up by the next run, so a rerun finishes the job without duplicating
anything.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from os import PathLike
from typing import TypeVar

from newsbrief.engines import Reporter, SilentReporter
from newsbrief.engines.base import (
    ArticleWriter,
    BriefTask,
    RunResult,
    brief_or_problem,
    prepare_many_or_problem,
    report_problem,
    update_stories,
)
from newsbrief.engines.collector import fewer_collections
from newsbrief.engines.pool import PARSE_CHUNK, STORY_CHUNK, WINDOW, Workers, bind
from newsbrief.pipeline import DEFAULT_WORDS, read_inputs, write_briefs
from newsbrief.records import Article, Brief, Problem
from newsbrief.store import Store

T = TypeVar("T")


def _prepare(items: list[Article | Problem]) -> list[tuple[Article | Problem, Article | Problem]]:
    """On a worker: each read item of a chunk and what clean + annotate made of it (a
    Problem passes); the chunk's doubtful sentences are parsed in one batch."""
    articles = [item for item in items if isinstance(item, Article)]
    done = iter(prepare_many_or_problem(articles))
    return [(item, item if isinstance(item, Problem) else next(done)) for item in items]


def load_models() -> None:
    """Load the language identifier and the parser in this process, before the pool forks.

    Every worker needs both (annotate detects every article's language and parses its
    doubtful sentences; analyze parses claim frames): loaded here, the workers share one
    copy of the weights instead of each spending about 2 CPU-s (0.75 language, 1.2 parser)
    loading its own at its first chunk, at the same time as the others. Any failure here is
    left for the workers to meet and report per article, as without this.
    """
    from newsbrief import parse
    from newsbrief.language import detect_language

    with contextlib.suppress(Exception):
        detect_language("The language model is loaded before the workers start.")
    with contextlib.suppress(Exception):
        if parse.available():
            parse.fast_ruler()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    block: list[T] = []
    for item in items:
        block.append(item)
        if len(block) >= size:
            yield block
            block = []
    if block:
        yield block


def ingest(
    inputs: Iterable[str | PathLike[str]],
    store: Store,
    reporter: Reporter,
    result: RunResult,
    workers: Workers | None = None,
) -> None:
    """Read, clean, annotate and store every readable article; bad inputs become Problems.

    Articles already in the store are skipped as they are read. Whether an id repeated in
    the input was "already stored" is decided when results are written, in input order, so
    the outcome is the one-article-at-a-time outcome whatever the pool size.
    """
    reporter.stage("reading", None)
    writer = ArticleWriter(store, result)

    def fresh() -> Iterator[Article | Problem]:
        for item in read_inputs(inputs):
            reporter.advance()
            if isinstance(item, Article) and store.has_article(item.id):
                result.already_stored += 1
                continue
            yield item

    pool = workers if workers is not None else Workers(1)
    blocks = pool.map(_prepare, _chunks(fresh(), PARSE_CHUNK), 1, WINDOW // PARSE_CHUNK)
    for raw, outcome in (pair for block in blocks for pair in block):
        if isinstance(raw, Problem):
            report_problem(raw, result, reporter)
        elif writer.seen(raw.id):
            continue
        elif isinstance(outcome, Problem):
            report_problem(outcome, result, reporter)
        else:
            writer.add(outcome)
    writer.close()


def process(
    inputs: Iterable[str | PathLike[str]],
    store: Store,
    reporter: Reporter | None = None,
    words: int = DEFAULT_WORDS,
    jobs: int | None = None,
) -> RunResult:
    """Ingest ``inputs`` into ``store`` and bring every story they touch up to date.

    ``jobs``: worker processes (default ``NEWSBRIEF_JOBS`` or the CPU count; 1: none).
    """
    if isinstance(inputs, str | PathLike):
        inputs = [inputs]  # one path, not an iterable of characters
    reporter = reporter or SilentReporter()
    result = RunResult()
    with fewer_collections(), Workers(jobs, before_fork=load_models) as workers:

        def brief_all(tasks: list[BriefTask], words: int) -> Iterator[Brief | Problem]:
            return workers.map(bind(brief_or_problem, words=words), tasks, STORY_CHUNK)

        ingest(inputs, store, reporter, result, workers)
        update_stories(store, reporter, result, words, brief_all=brief_all)
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
