"""The `newsbrief` command: a thin layer over the library that talks to people.

Exit codes: 0 everything worked; 1 the job finished but some inputs were bad (each one is
reported); 2 the command line was wrong; 3 nothing could be done (the message says why).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsbrief.errors import NewsbriefError
from newsbrief.records import Problem, to_dict

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


class CliReporter:
    """Shows engine progress as rich bars on stderr and bad inputs as one line each."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.progress = Progress(
            TextColumn("{task.description:<16}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=quiet,
        )
        self.task: Any = None

    def __enter__(self) -> CliReporter:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def stage(self, name: str, total: int | None = None) -> None:
        if self.task is not None:
            self.progress.update(self.task, visible=False)
        self.task = self.progress.add_task(name, total=total)

    def advance(self, n: int = 1) -> None:
        if self.task is not None:
            self.progress.advance(self.task, n)

    def problem(self, problem: Problem) -> None:
        # Problems are printed even with --quiet: losing input silently is worse than noise.
        # file names and reasons are untrusted text: escaped so "[...]" is not rich markup
        self.progress.console.print(f"[yellow]skipped[/] {escape(str(problem))}", markup=True)


def _fail(exc: NewsbriefError) -> None:
    hint = f" (hint: {exc.hint})" if exc.hint else ""
    err.print(f"newsbrief: error: {exc}{hint}", markup=False)
    sys.exit(EXIT_FAILED)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsbriefError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            err.print("newsbrief: interrupted; everything committed so far is kept")
            sys.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsbrief")
def main() -> None:
    """Turn news articles into one cited brief per story.

    \b
    Quick start:
      newsbrief run examples/ --out briefs/     ingest, process, write briefs
      newsbrief stories                         list stories in newsbrief.db
      newsbrief brief STORY_ID                  print one brief
    """


_db_option = click.option(
    "--db",
    default="newsbrief.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database to keep articles, stories and briefs in.",
)
_quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bars or tables.")
_words_option = click.option(
    "--words",
    default=150,
    show_default=True,
    type=click.IntRange(20, 2000),
    help="Word budget of each summary.",
)


def _exit_code(result: Any) -> int:
    if result.problems and not (result.added or result.already_stored):
        err.print(
            "newsbrief: error: no article could be read from the inputs "
            "(hint: each input's problem is listed above)",
            markup=False,
        )
        return EXIT_FAILED
    return EXIT_PARTIAL if result.problems else EXIT_OK


def _counts(result: Any) -> str:
    return (
        f"{result.added} new articles, {result.already_stored} already stored, "
        f"{len(result.problems)} skipped"
    )


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@click.option(
    "--out",
    "out_dir",
    default="briefs",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for one .md and one .json brief per story.",
)
@_words_option
@_quiet_option
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where the stages run: this process, or Ray (pip install 'newsbrief[ray]').",
)
@click.option("--address", default=None, help="Ray cluster to join, e.g. 'auto' (--engine ray).")
def run(
    inputs: tuple[str, ...],
    db: str,
    out_dir: str,
    words: int,
    quiet: bool,
    engine: str,
    address: str | None,
) -> None:
    """Ingest INPUTS (files, folders, globs), process them and write every story's brief."""
    from newsbrief.pipeline import FORMATS, write_briefs
    from newsbrief.store import Store

    if address is not None and engine != "ray":
        raise click.UsageError("--address needs --engine ray")
    with Store(db) as store, CliReporter(quiet) as reporter:
        if engine == "ray":
            from newsbrief.engines.ray import process as process_on_ray

            result = process_on_ray(inputs, store, reporter, words=words, address=address)
        else:
            from newsbrief.engines.local import process

            result = process(inputs, store, reporter, words=words)
        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        briefed = set(store.briefed_stories())
        # one brief at a time from the store: a large corpus's briefs never sit in memory
        briefs = (store.brief(s.id) for s in store.stories() if s.id in briefed)
        written = len(write_briefs(briefs, folder, FORMATS)) // len(FORMATS)
        rows = store.story_rows()
    if not quiet:
        _stories_table(rows)
        err.print(f"{_counts(result)}; {written} briefs in {folder}/", markup=False)
    sys.exit(_exit_code(result))


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@_words_option
@_quiet_option
def add(inputs: tuple[str, ...], db: str, words: int, quiet: bool) -> None:
    """Add INPUTS to the database incrementally, updating only the stories they touch."""
    from newsbrief.engines.local import process
    from newsbrief.store import Store

    with Store(db) as store, CliReporter(quiet) as reporter:
        result = process(inputs, store, reporter, words=words)
    if not quiet:
        updated = len(result.stories_changed)
        err.print(f"{_counts(result)}; {updated} stories updated", markup=False)
    sys.exit(_exit_code(result))


@main.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stories(db: str, as_json: bool) -> None:
    """List the stories in the database, largest first."""
    from newsbrief.store import Store

    _require_db(db)
    with Store(db) as store:
        rows = store.story_rows()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _stories_table(rows)


@main.command()
@click.argument("story_id")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
def brief(story_id: str, db: str, fmt: str) -> None:
    """Print the brief of STORY_ID (see `newsbrief stories`)."""
    from newsbrief.render import render_json, render_markdown
    from newsbrief.store import Store

    _require_db(db)
    with Store(db) as store:
        record = store.brief(story_id)
    click.echo(render_json(record) if fmt == "json" else render_markdown(record))


@main.command()
@_db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind; keep 127.0.0.1 unless you mean to share the page.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--allow-ingest", is_flag=True, help="Allow adding articles from the page (default: read-only)."
)
def serve(db: str, host: str, port: int, allow_ingest: bool) -> None:
    """Browse stories and briefs in a web page (needs the `web` extra)."""
    from newsbrief.errors import require

    for module in ("starlette", "jinja2", "uvicorn"):
        require(module, "web")
    from newsbrief.web import serve as run_server

    err.print(f"serving {db} on http://{host}:{port}/ (Ctrl-C to stop)", markup=False)
    run_server(db, host=host, port=port, allow_ingest=allow_ingest)


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
@_db_option
@click.option(
    "--what",
    type=click.Choice(["briefs", "stories", "articles", "derivations"]),
    default="briefs",
    show_default=True,
    help="Which records to export.",
)
def export(out: str, db: str, what: str) -> None:
    """Export records as JSON Lines to OUT (`-` for standard output), one record a line."""
    from newsbrief.render import brief_to_dict
    from newsbrief.store import Store

    _require_db(db)
    with Store(db) as store:
        if what == "briefs":
            rows: Iterable[dict[str, Any]] = (
                brief_to_dict(store.brief(s)) for s in store.briefed_stories()
            )
        elif what == "stories":
            rows = (to_dict(s) for s in store.stories())
        elif what == "articles":
            rows = (to_dict(a) for a in store.articles())
        else:
            rows = (to_dict(d) for d in store.derivations())
        count = 0
        with click.open_file(out, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    if out != "-":
        err.print(f"{count} {what} written to {out}", markup=False)


EVAL_TASKS = [
    "summarize",
    "cluster",
    "paraphrase",
    "quotes",
    "align",
    "conflict",
    "boilerplate",
    "extract",
]


@main.command(name="eval")
@click.argument("task", type=click.Choice(EVAL_TASKS))
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True),
    help="Dataset file or folder (see ../shared/data/README.md).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option(
    "--words",
    default=260,
    show_default=True,
    type=click.IntRange(10, 5000),
    help="summarize: word budget.",
)
@click.option(
    "--metric",
    type=click.Choice(["f1", "recall"]),
    default="f1",
    show_default=True,
    help="summarize: ROUGE F1, or recall on output truncated to --words.",
)
@click.option(
    "--stream", is_flag=True, help="cluster: replay items in time order through incremental add."
)
@click.option(
    "--semantic",
    is_flag=True,
    help="align, conflict: add rows that use sentence embeddings (the `embeddings` extra).",
)
def eval_(
    task: str, data: str, as_json: bool, words: int, metric: str, stream: bool, semantic: bool
) -> None:
    """Score newsbrief and the task's baselines on a labelled dataset."""
    from newsbrief.eval.run import run_task

    result = run_task(task, data, words=words, metric=metric, stream=stream, semantic=semantic)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    metrics = list(dict.fromkeys(k for s in result.systems for k in s.metrics))
    table = Table(title=f"{task} on {data} (n={result.n})")
    table.add_column("system")
    for key in metrics:
        table.add_column(key, justify="right")
    table.add_column("seconds", justify="right")
    for system in result.systems:
        cells = [_fmt(system.metrics.get(k)) for k in metrics]
        table.add_row(system.name, *cells, f"{system.seconds:.1f}")
    out.print(table)
    for note in result.notes:
        out.print(note, markup=False)


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if abs(value) >= 1.5 else f"{value:.3f}"


def _require_db(db: str) -> None:
    if not Path(db).exists():
        from newsbrief.errors import StoreError

        raise StoreError(
            f"no database at {db!r}", hint="run `newsbrief run INPUT...` first, or pass --db"
        )


def _stories_table(rows: list[dict[str, Any]]) -> None:
    if not rows:
        out.print("no stories yet", markup=False)
        return
    table = Table(title=f"{len(rows)} stories")
    table.add_column("id", no_wrap=True, min_width=12)
    for col in ("articles", "outlets", "conflicts"):
        table.add_column(col, justify="right", no_wrap=True, min_width=len(col))
    table.add_column("span", no_wrap=True, min_width=23)
    table.add_column("label", no_wrap=True, overflow="ellipsis", max_width=40)
    for r in rows:
        span = " – ".join(dict.fromkeys(x[:10] for x in (r["start"], r["end"]) if x))
        label = escape(r["label"] or "")  # a headline is untrusted text, not rich markup
        table.add_row(r["id"], str(r["size"]), str(r["outlets"]), str(r["conflicts"]), span, label)
    out.print(table)


if __name__ == "__main__":
    main()
