"""Feeds into the pipeline: the articles the feed reader yields go through the same
per-article stages and batch writer as files do, then the stories they touch are updated."""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike, fspath

from newsbrief.engines import Reporter, SilentReporter
from newsbrief.engines.base import (
    ArticleWriter,
    RunResult,
    ingest_item,
    update_stories,
)
from newsbrief.engines.local import ingest
from newsbrief.feeds import FeedReader, Fetcher, is_feed_input
from newsbrief.pipeline import DEFAULT_WORDS
from newsbrief.store import Store


def split_inputs(inputs: Iterable[str | PathLike[str]]) -> tuple[list[str], list[str]]:
    """(paths for the file readers, feeds for the feed reader), each in the order given."""
    paths: list[str] = []
    feeds: list[str] = []
    for item in inputs:
        value = fspath(item)
        (feeds if is_feed_input(value) else paths).append(value)
    return paths, feeds


def ingest_feeds(
    feeds: list[str], store: Store, reporter: Reporter, result: RunResult, fetcher: Fetcher
) -> None:
    """Read, prepare and store every new entry of ``feeds``; a failed URL is one Problem."""
    reporter.stage("reading feeds", None)
    reader = FeedReader(store, fetcher)
    writer = ArticleWriter(store, result)
    for item in reader.read(feeds):
        reporter.advance()
        ingest_item(item, writer, result, reporter)
    writer.close()
    # only now that the articles are committed: a run killed before this refetches them
    reader.commit()


def process_inputs(
    inputs: Iterable[str | PathLike[str]],
    store: Store,
    reporter: Reporter | None = None,
    words: int = DEFAULT_WORDS,
    fetcher: Fetcher | None = None,
) -> RunResult:
    """Like ``engines.local.process``, with feed files and URLs among the inputs."""
    paths, feeds = split_inputs(inputs)
    reporter = reporter or SilentReporter()
    result = RunResult()
    if paths:
        ingest(paths, store, reporter, result)
    if feeds:
        ingest_feeds(feeds, store, reporter, result, fetcher or Fetcher())
    update_stories(store, reporter, result, words)
    return result
