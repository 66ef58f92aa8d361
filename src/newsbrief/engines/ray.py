"""The Ray engine: the steps of ``newsbrief.pipeline``, run on Ray Data.

- read -> clean -> annotate: the read stage is a ``flat_map`` over input files, clean and
  annotate a ``map_batches`` over the articles read (small blocks, so one large JSONL file
  is still spread over every worker).
- dedup and clustering run on the driver, over the stored records, with exactly the code
  the local engine runs (``engines.base.assign_pending``). Both are order-dependent: an
  article's derivations are judged against the articles indexed before it, and a pending
  batch is clustered among itself and then placed against the existing stories. Sharding
  them by LSH band and time window would give different stories and derivations than
  ``--engine local`` on the same input, and the two engines must agree; they are also the
  cheap part (signatures and candidate look-ups, no parsing or annotation).
- analysis, summary and brief: one ``map_batches`` over the dirty stories.

Results go into the same Store, through the driver, in the local engine's order, so a
store written by either engine is the same store.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from os import PathLike, fspath
from typing import Any

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
from newsbrief.errors import NoInputError, require
from newsbrief.pipeline import DEFAULT_WORDS, read_file
from newsbrief.records import Article, Brief, Derivation, Problem, Story, from_dict, to_dict
from newsbrief.store import Store

ARTICLES_PER_BATCH = 32  # articles per clean+annotate call on a worker
STORIES_PER_BATCH = 4  # stories per brief call on a worker
# Ray Data splits an operator's output into blocks of about this size; small blocks let one
# big input file feed every worker instead of one.
BLOCK_BYTES = 1 << 20


def process(
    inputs: Iterable[str | PathLike[str]],
    store: Store,
    reporter: Reporter | None = None,
    words: int = DEFAULT_WORDS,
    address: str | None = None,
) -> RunResult:
    """Like ``engines.local.process``, on Ray.

    Uses the Ray runtime this process is already connected to; otherwise connects to
    ``address`` ("auto" for a running cluster) or, without one, starts a local Ray and shuts
    it down afterwards.
    """
    ray = require("ray", "ray")
    if isinstance(inputs, str | PathLike):
        inputs = [inputs]
    reporter = reporter or SilentReporter()
    started = not ray.is_initialized()
    if started:
        ray.init(
            address=address,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
            # a cluster's workers do not inherit this process's environment: pass on the
            # switches the stages read (run --no-quote-parse)
            runtime_env={"env_vars": _stage_env()},
        )
    try:
        _configure(ray)
        result = RunResult()
        ingest(inputs, store, reporter, result)
        update_stories(store, reporter, result, words, brief_all=_brief_on_ray)
        return result
    finally:
        if started:
            ray.shutdown()


def _stage_env() -> dict[str, str]:
    from newsbrief.annotate.speakers import QUOTE_PARSE_ENV, quote_parse_wanted

    return {QUOTE_PARSE_ENV: "1" if quote_parse_wanted() else "0"}


def _configure(ray: Any) -> None:
    ctx = ray.data.DataContext.get_current()
    # the store must receive articles in input order, as the local engine writes them
    ctx.execution_options.preserve_order = True
    ctx.target_max_block_size = BLOCK_BYTES
    ctx.enable_progress_bars = False


def ingest(
    inputs: Iterable[str | PathLike[str]], store: Store, reporter: Reporter, result: RunResult
) -> None:
    """Read, clean and annotate on Ray; store new articles in batches on the driver."""
    ray = require("ray", "ray")
    from newsbrief.read.files import expand_inputs

    items = [fspath(p) for p in inputs]
    if not items:
        raise NoInputError("no input files given")
    reporter.stage("reading", None)
    files: list[dict[str, str]] = []
    for target in expand_inputs(items):
        if isinstance(target, Problem):
            report_problem(target, result, reporter)
        else:
            files.append({"path": str(target)})
    if not files:
        store.add_problems(result.problems)
        return
    ds = ray.data.from_items(files, override_num_blocks=len(files))
    ds = ds.flat_map(_read_file)
    ds = ds.map_batches(_prepare_batch, batch_size=ARTICLES_PER_BATCH, batch_format="pyarrow")

    writer = ArticleWriter(store, result)
    for row in ds.iter_rows():
        reporter.advance()
        if row["kind"] == "problem":
            report_problem(from_dict(Problem, json.loads(row["data"])), result, reporter)
            continue
        # the same skip rule as the local engine: ids repeated in the input or stored earlier
        if not writer.seen(row["id"]):
            writer.add(from_dict(Article, json.loads(row["data"])))
    writer.close()


# ---------------------------------------------------------------------- worker functions


def _row(kind: str, record: Any, record_id: str = "") -> dict[str, str]:
    data = json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))
    return {"kind": kind, "id": record_id, "data": data}


def _read_file(row: dict[str, Any]) -> list[dict[str, str]]:
    """The read stage for one file: raw articles and Problems, as JSON rows."""
    out = []
    for item in read_file(row["path"]):
        if isinstance(item, Problem):
            out.append(_row("problem", item))
        else:
            out.append(_row("raw", item, item.id))
    return out


def _prepare_batch(batch: Any) -> Any:
    """Clean and annotate a batch of raw articles; Problems pass through."""
    import pyarrow as pa

    kinds, ids, data = [], [], []
    rows = list(
        zip(
            batch.column("kind").to_pylist(),
            batch.column("id").to_pylist(),
            batch.column("data").to_pylist(),
            strict=True,
        )
    )
    # the batch's doubtful sentences are parsed in one call (pipeline.prepare_articles)
    raws = [from_dict(Article, json.loads(text)) for kind, _, text in rows if kind == "raw"]
    done = iter(prepare_many_or_problem(raws))
    for kind, record_id, text in rows:
        out = {"kind": kind, "id": record_id, "data": text}
        if kind == "raw":
            prepared = next(done)
            if isinstance(prepared, Problem):
                out = _row("problem", prepared)
            else:
                out = _row("article", prepared, record_id)
        kinds.append(out["kind"])
        ids.append(out["id"])
        data.append(out["data"])
    return pa.table({"kind": kinds, "id": ids, "data": data})


def _brief_on_ray(tasks: list[BriefTask], words: int) -> Iterator[Brief | Problem]:
    """A ``BriefMapper`` that briefs the stories in parallel on Ray Data."""
    ray = require("ray", "ray")
    if not tasks:
        return
    rows = [
        {
            "task": json.dumps(
                {
                    "story": to_dict(t.story),
                    "articles": to_dict(t.articles),
                    "derivations": to_dict(t.derivations),
                },
                ensure_ascii=False,
            )
        }
        for t in tasks
    ]
    blocks = max(1, len(rows) // STORIES_PER_BATCH)
    ds = ray.data.from_items(rows, override_num_blocks=blocks)
    ds = ds.map_batches(
        _brief_batch,
        batch_size=STORIES_PER_BATCH,
        batch_format="pyarrow",
        fn_kwargs={"words": words},
    )
    for row in ds.iter_rows():
        data = json.loads(row["data"])
        yield from_dict(Brief, data) if row["kind"] == "brief" else from_dict(Problem, data)


def _brief_batch(batch: Any, words: int) -> Any:
    import pyarrow as pa

    kinds, data = [], []
    for text in batch.column("task").to_pylist():
        obj = json.loads(text)
        task = BriefTask(
            from_dict(Story, obj["story"]),
            [from_dict(Article, a) for a in obj["articles"]],
            [from_dict(Derivation, d) for d in obj["derivations"]],
        )
        outcome = brief_or_problem(task, words)
        kinds.append("brief" if isinstance(outcome, Brief) else "problem")
        data.append(json.dumps(to_dict(outcome), ensure_ascii=False, separators=(",", ":")))
    return pa.table({"kind": kinds, "data": data})
