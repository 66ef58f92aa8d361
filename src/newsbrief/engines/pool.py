"""A process pool for the per-article and per-story steps of the local engine.

The store stays single-writer: workers only run pure pipeline steps (clean + annotate a
chunk of raw articles, whose doubtful sentences are parsed in one batch; analyze + summarize +
brief one story) and hand records back; this process
writes them in input order, so a pooled run stores exactly what a one-process run stores.

Size: ``NEWSBRIEF_JOBS`` when set, else the machine's CPUs (``os.cpu_count()``); 1 runs
everything in this process without a pool. Workers are forked where the platform allows
(no re-import of the pipeline per worker) and spawned elsewhere.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any, TypeVar

from newsbrief.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")

# Items sent to a worker at once: enough to hide the pickling round trip, small enough that
# the last block of a run does not leave one core idle for long.
# Articles prepared in one call (``pipeline.prepare_articles``): their doubtful sentences go
# to the parser in one batch, about half the cost per sentence of one article's few alone
PARSE_CHUNK = 64
STORY_CHUNK = 2
WINDOW = 512  # items in flight at most, so memory stays bounded on a huge input


def default_jobs() -> int:
    """Workers to use: ``NEWSBRIEF_JOBS`` if set (>= 1), else ``os.cpu_count()``."""
    raw = os.environ.get("NEWSBRIEF_JOBS", "").strip()
    if raw:
        try:
            jobs = int(raw)
        except ValueError:
            jobs = 0
        if jobs < 1:
            raise ConfigError(f"NEWSBRIEF_JOBS must be a whole number >= 1, not {raw!r}")
        return jobs
    return max(1, os.cpu_count() or 1)


class Workers:
    """``map`` in order over a pool of ``jobs`` processes, or in this process when jobs is 1.

    Use as a context manager; the pool is started on first use, so a run with nothing to
    prepare never forks. ``before_fork`` runs once in this process just before forked
    workers start (not when they are spawned, nor with one job): what it loads, every
    worker inherits instead of loading its own copy.
    """

    def __init__(
        self, jobs: int | None = None, before_fork: Callable[[], object] | None = None
    ) -> None:
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self.before_fork = before_fork
        self._pool: Any = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def _get_pool(self) -> Any:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            method = "fork" if "fork" in methods else "spawn"
            if method == "fork" and self.before_fork is not None:
                self.before_fork()
            ctx = multiprocessing.get_context(method)
            self._pool = ctx.Pool(self.jobs)
        return self._pool

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], chunk: int = 1, window: int = WINDOW
    ) -> Iterator[R]:
        """``fn`` over ``items``, results in input order; lazily, ``window`` in flight."""
        if self.jobs == 1:
            yield from map(fn, items)
            return
        pool = self._get_pool()
        block: list[T] = []
        pending: Any = None
        for item in items:
            block.append(item)
            if len(block) >= max(1, window):
                # the next block is submitted before the previous one is consumed, so the
                # workers keep busy while this process stores results
                submitted = pool.map_async(fn, block, chunksize=chunk)
                if pending is not None:
                    yield from pending.get()
                pending, block = submitted, []
        # the last block as an ordered iterator: its first results come back while the
        # workers still run the rest (``brief_dirty`` loads the next stories meanwhile)
        last = pool.imap(fn, block, chunksize=chunk) if block else None
        if pending is not None:
            yield from pending.get()
        if last is not None:
            yield from last


def bind(fn: Callable[..., R], **kwargs: Any) -> Callable[..., R]:
    """``fn`` with keyword arguments fixed, picklable for the pool."""
    return partial(fn, **kwargs)
