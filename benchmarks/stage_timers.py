"""Per-stage CPU timers for the benchmarks: wrap the pipeline's stage functions in place.

``install()`` before the engine runs; ``read(shares)`` afterwards gives CPU seconds per
stage. Time is exclusive: a stage called inside another (the store loading articles while
the engine briefs) is charged to the inner one only. The totals live in a shared
``multiprocessing`` array, so pool workers forked after ``install()`` add into the same
figures. Benchmark-only: nothing in ``src/`` imports it.
"""

from __future__ import annotations

import functools
import multiprocessing
import time
from collections.abc import Callable, Iterator
from typing import Any

STAGES = (
    "read",
    "clean",
    "annotate",
    "parse",
    "dedup",
    "cluster",
    "analyze",
    "summarize",
    "brief",
    "store",
)
# parse counters, after the stage totals in the same shared array: texts asked of
# ``newsbrief.parse.parse``, distinct texts it had to parse (cache misses), tokens parsed
COUNTERS = ("parse_requests", "parsed_texts", "parsed_words")
_stack: list[list[Any]] = []  # [stage index, start] of the stages open in this process
_shares: Any = None


def _enter(stage: int) -> None:
    now = time.process_time()
    if _stack:
        top = _stack[-1]
        _shares[top[0]] += now - top[1]
    _stack.append([stage, now])


def _leave() -> None:
    now = time.process_time()
    stage, start = _stack.pop()
    _shares[stage] += now - start
    if _stack:
        _stack[-1][1] = now


def _timed(stage: int, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _enter(stage)
        try:
            return fn(*args, **kwargs)
        finally:
            _leave()

    return wrapper


def _timed_iter(stage: int, fn: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = _timed(stage, fn)(*args, **kwargs)
        while True:
            _enter(stage)
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                _leave()
            yield item

    return wrapper


def install() -> Any:
    global _shares
    import newsbrief.pipeline as pipeline
    from newsbrief.cluster import StoryClusterer
    from newsbrief.dedup import DedupIndex
    from newsbrief.store import Store

    _shares = multiprocessing.Array("d", len(STAGES) + len(COUNTERS), lock=False)
    ix = {name: i for i, name in enumerate(STAGES)}
    pipeline.iter_inputs = _timed_iter(ix["read"], pipeline.iter_inputs)
    pipeline.read_path = _timed_iter(ix["read"], pipeline.read_path)
    for name, stage in (
        ("clean_article", "clean"),
        ("annotate", "annotate"),
        # annotate of a chunk (pipeline.prepare_articles): plan, one parse, finish
        ("plan_annotate", "annotate"),
        ("parse_planned", "annotate"),
        ("finish_annotate", "annotate"),
        ("analyze_story", "analyze"),
        ("summarize", "summarize"),
        ("build_brief", "brief"),
    ):
        if hasattr(pipeline, name):  # older builds have no chunked annotate
            setattr(pipeline, name, _timed(ix[stage], getattr(pipeline, name)))
    _count_parse(ix["parse"])
    DedupIndex.add = _timed(ix["dedup"], DedupIndex.add)
    for name in ("add_batch", "restore"):
        setattr(StoryClusterer, name, _timed(ix["cluster"], getattr(StoryClusterer, name)))
    for name in dir(Store):
        if name.startswith("_") or name in ("transaction",):
            continue
        attr = getattr(Store, name)
        if not callable(attr):
            continue
        if name in ("articles", "assignments"):
            setattr(Store, name, _timed_iter(ix["store"], attr))
        else:
            setattr(Store, name, _timed(ix["store"], attr))
    return _shares


def _count_parse(stage: int) -> None:
    """Time ``newsbrief.parse.parse`` as its own stage (the parse inside annotate and analyze)
    and count what it was asked and what it parsed; works on builds without these counters
    (it reads only the module's cache)."""
    try:
        import newsbrief.parse as nlp_parse
    except ImportError:  # pragma: no cover
        return
    base = len(STAGES)
    parse = nlp_parse.parse

    def counted(texts: Any) -> Any:
        cache = nlp_parse._cache
        _shares[base] += len(texts)
        new = len({t for t in texts if t not in cache.docs})
        words = cache.parsed_words
        try:
            return parse(texts)
        finally:
            _shares[base + 1] += new
            _shares[base + 2] += cache.parsed_words - words

    nlp_parse.parse = _timed(stage, functools.wraps(parse)(counted))


def read(shares: Any) -> dict[str, float]:
    out = {name: shares[i] for i, name in enumerate(STAGES)}
    out.update({name: shares[len(STAGES) + i] for i, name in enumerate(COUNTERS)})
    return out
