"""The `newsbrief` command: a thin layer over the library that talks to people.

Exit codes: 0 everything worked; 1 the job finished but some inputs were bad (each one is
reported); 2 the command line was wrong; 3 nothing could be done (the message says why).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsbrief.errors import NewsbriefError
from newsbrief.records import Problem

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


def _quote_parse_default() -> bool:
    from newsbrief.annotate.speakers import quote_parse_wanted

    return quote_parse_wanted()


_quote_parse_option = click.option(
    "--quote-parse/--no-quote-parse",
    default=_quote_parse_default,
    show_default="on, unless NEWSBRIEF_QUOTE_PARSE=0",
    help="Find speakers with the dependency parse (most of the per-article cost); "
    "--no-quote-parse uses the word patterns alone, for large crawls.",
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
        f"{_plural(result.added, 'new article')}, {result.already_stored} already stored, "
        f"{len(result.problems)} skipped"
    )


def _nothing_read(result: Any) -> bool:
    return bool(result.problems) and not (result.added or result.already_stored)


def _discard_new_db(db: str, existed: bool) -> None:
    """Remove a database this command created when nothing could be read: a failed first
    run leaves nothing behind."""
    if existed or db == ":memory:":
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(db + suffix).unlink(missing_ok=True)


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
@_quote_parse_option
def run(
    inputs: tuple[str, ...],
    db: str,
    out_dir: str,
    words: int,
    quiet: bool,
    engine: str,
    address: str | None,
    quote_parse: bool,
) -> None:
    """Ingest INPUTS (files, folders, globs), process them and write every story's brief."""
    from newsbrief.annotate.speakers import set_quote_parse
    from newsbrief.pipeline import FORMATS, write_briefs
    from newsbrief.store import Store

    set_quote_parse(quote_parse)

    if address is not None and engine != "ray":
        raise click.UsageError("--address needs --engine ray")
    existed = Path(db).exists()
    with Store(db) as store, CliReporter(quiet) as reporter:
        if engine == "ray":
            from newsbrief.engines.ray import process as process_on_ray

            result = process_on_ray(inputs, store, reporter, words=words, address=address)
        else:
            from newsbrief.engines.local import process

            result = process(inputs, store, reporter, words=words)
        folder = Path(out_dir)
        if _nothing_read(result):
            store.close()
            _discard_new_db(db, existed)
            sys.exit(_exit_code(result))  # no table, no folder: the error is the whole story
        folder.mkdir(parents=True, exist_ok=True)
        briefed = set(store.briefed_stories())
        # one brief at a time from the store: a large corpus's briefs never sit in memory
        briefs = (store.brief(s.id) for s in store.stories() if s.id in briefed)
        written = len(write_briefs(briefs, folder, FORMATS)) // len(FORMATS)
        rows = store.story_rows()
    if not quiet:
        _stories_table(rows)
        err.print(f"{_counts(result)}; {_plural(written, 'brief')} in {folder}/", markup=False)
    sys.exit(_exit_code(result))


_delay_option = click.option(
    "--delay",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0, 3600),
    help="Feeds: seconds between two requests to the same host (robots.txt may ask for more).",
)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@_words_option
@_quiet_option
@_delay_option
@_quote_parse_option
def add(
    inputs: tuple[str, ...], db: str, words: int, quiet: bool, delay: float, quote_parse: bool
) -> None:
    """Add INPUTS to the database incrementally, updating only the stories they touch.

    INPUTS are files, folders, globs, RSS/Atom feed files (.rss, .atom, .xml) and feed or
    page URLs. A feed is fetched with conditional requests; an entry's page is fetched once,
    and one that failed is tried again on the next run.
    """
    from newsbrief.annotate.speakers import set_quote_parse
    from newsbrief.feeds.fetch import Fetcher
    from newsbrief.feeds.ingest import process_inputs
    from newsbrief.store import Store

    set_quote_parse(quote_parse)
    existed = Path(db).exists()
    with Store(db) as store, CliReporter(quiet) as reporter:
        result = process_inputs(inputs, store, reporter, words=words, fetcher=Fetcher(delay=delay))
    if _nothing_read(result):
        _discard_new_db(db, existed)
    elif not quiet:
        updated = len(result.stories_changed)
        err.print(
            f"{_counts(result)}; {_plural(updated, 'story', 'stories')} updated", markup=False
        )
    sys.exit(_exit_code(result))


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@click.option(
    "--every",
    default="15m",
    show_default=True,
    help="Time between polls: seconds, or a number with s, m, h (30s, 15m, 1h).",
)
@click.option(
    "--polls",
    type=click.IntRange(1),
    default=None,
    help="Stop after this many polls (default: run until Ctrl-C).",
)
@_words_option
@_quiet_option
@_delay_option
def watch(
    inputs: tuple[str, ...],
    db: str,
    every: str,
    polls: int | None,
    words: int,
    quiet: bool,
    delay: float,
) -> None:
    """Poll INPUTS (feeds, feed URLs, folders) and add what is new, printing what changed.

    Each poll updates only the stories its new articles touch and prints one line per new
    story, new conflict and new outlet. Ctrl-C stops cleanly; everything committed is kept,
    and a later `watch` carries on where this one stopped.
    """
    import time

    from newsbrief.feeds.fetch import Fetcher
    from newsbrief.feeds.ingest import process_inputs
    from newsbrief.store import Store

    seconds = _duration(every)
    code = EXIT_OK
    with Store(db) as store:
        known = _story_states(store, store.briefed_stories())
        done = 0
        try:
            while True:
                done += 1
                with CliReporter(quiet) as reporter:
                    result = process_inputs(
                        inputs, store, reporter, words=words, fetcher=Fetcher(delay=delay)
                    )
                changed = dict.fromkeys(result.stories_changed)
                now = _story_states(store, list(changed))
                for line in _changes(known, now):
                    out.print(line, markup=False)
                known.update(now)
                code = EXIT_PARTIAL if result.problems else EXIT_OK
                if not quiet:
                    updated = _plural(len(changed), "story", "stories")
                    err.print(f"poll {done}: {_counts(result)}; {updated} updated", markup=False)
                if polls is not None and done >= polls:
                    break
                time.sleep(seconds)
        except KeyboardInterrupt:
            err.print(
                f"stopped after {_plural(done, 'poll')}; everything committed so far is kept",
                markup=False,
            )
            code = EXIT_OK
    sys.exit(code)


def _duration(text: str) -> float:
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text.lower())
    if not match:
        raise click.BadParameter(
            f"{text!r} is not a duration like 30s, 15m or 1h", param_hint="--every"
        )
    return float(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600}[match[2]]


def _story_states(store: Any, story_ids: list[str]) -> dict[str, dict[str, Any]]:
    """What `watch` compares between polls: each briefed story's label, size, outlets and
    conflicts (a conflict is its kind and the values held, not its wording)."""
    from newsbrief.errors import NotFoundError

    states: dict[str, dict[str, Any]] = {}
    for sid in story_ids:
        try:
            b = store.brief(sid)
        except NotFoundError:
            continue
        states[b.story] = {
            "label": b.headline,
            "articles": len(b.articles),
            "outlets": {a.outlet for a in b.articles if a.outlet},
            "conflicts": {
                (c.kind, frozenset(v.value for v in c.values)): c.description for c in b.conflicts
            },
        }
    return states


def _changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> list[str]:
    lines = []
    for sid, now in after.items():
        old = before.get(sid)
        if old is None:
            outlets = ", ".join(sorted(now["outlets"])) or "no outlet named"
            lines.append(
                f"new story {sid}: {now['label']} "
                f"({_plural(now['articles'], 'article')}; {outlets})"
            )
            continue
        story_lines = [
            f"story {sid}: new outlet {outlet} ({now['label']})"
            for outlet in sorted(now["outlets"] - old["outlets"])
        ]
        story_lines += [
            f"story {sid}: new conflict: {description}"
            for key, description in now["conflicts"].items()
            if key not in old["conflicts"]
        ]
        if not story_lines and now["articles"] > old["articles"]:
            grown = now["articles"] - old["articles"]
            story_lines.append(f"story {sid}: {_plural(grown, 'more article')} ({now['label']})")
        lines += story_lines
    return lines


@main.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stories(db: str, as_json: bool) -> None:
    """List the stories in the database, largest first."""
    from newsbrief.store import Store

    _require_db(db)
    with Store(db, read_only=True) as store:
        rows = store.story_rows()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _stories_table(rows)


@main.command()
@click.argument("story_id")
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Markdown for reading, or the JSON brief (its keys are listed in the README).",
)
def brief(story_id: str, db: str, fmt: str) -> None:
    """Print the brief of STORY_ID (see `newsbrief stories`)."""
    from newsbrief.render import render_json, render_markdown
    from newsbrief.store import Store

    _require_db(db)
    with Store(db, read_only=True) as store:
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
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
@click.option(
    "--allow-ingest", is_flag=True, help="Allow adding articles from the page (default: read-only)."
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this host name (repeatable). By default only localhost, "
    "127.0.0.1, ::1 and the --host address are answered; other Host headers get a 400.",
)
def serve(
    db: str, host: str, port: int, allow_ingest: bool, allowed_hosts: tuple[str, ...]
) -> None:
    """Browse stories and briefs in a web page (needs the `web` extra).

    Read-only unless --allow-ingest: the database is opened read-only, so a file or folder
    you cannot write to can be served.
    """
    from newsbrief.errors import require

    for module in ("starlette", "jinja2", "uvicorn"):
        require(module, "web")
    from newsbrief.web import serve as run_server

    err.print(f"serving {db} on http://{host}:{port}/ (Ctrl-C to stop)", markup=False)
    run_server(db, host=host, port=port, allow_ingest=allow_ingest, allowed_hosts=allowed_hosts)


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
@_db_option
@click.option(
    "--what",
    type=click.Choice(
        ["briefs", "stories", "articles", "claims", "conflicts", "quotes", "derivations"]
    ),
    default="briefs",
    show_default=True,
    help="Which records to export (briefs: JSON Lines only).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default=None,
    help="Output format; default: from OUT's extension (.csv, .parquet), else JSON Lines. "
    "Parquet needs the `parquet` extra.",
)
@click.option("--force", is_flag=True, help="Replace OUT if it already exists.")
def export(out: str, db: str, what: str, fmt: str | None, force: bool) -> None:
    """Export records to OUT (`-` for standard output) as JSON Lines, CSV or Parquet.

    The columns of each table are listed in docs/export.md. An existing OUT is replaced only
    with --force, and never when it is the database itself.
    """
    from newsbrief import export as exporting
    from newsbrief.store import Store

    fmt = exporting.infer_format(out, fmt)
    if what == "briefs" and fmt != "jsonl":
        raise click.UsageError("briefs are nested records: export them as JSON Lines (.jsonl)")
    if out != "-":
        # before the database is opened: the target may be the database
        exporting.check_target(out, db, force)
    _require_db(db)
    with Store(db, read_only=True) as store:
        if out == "-":
            count = _export_to_stdout(store, what, fmt)
        else:
            count = exporting.export(store, what, out, fmt, force=force, db=db)
    if out != "-":
        noun = "conflict values" if what == "conflicts" else what
        err.print(f"{_plural(count, _SINGULAR[what], noun)} written to {out}", markup=False)


_SINGULAR = {
    "briefs": "brief",
    "stories": "story",
    "articles": "article",
    "claims": "claim",
    "conflicts": "conflict value",
    "quotes": "quote",
    "derivations": "derivation",
}


def _export_to_stdout(store: Any, what: str, fmt: str) -> int:
    from newsbrief import export as exporting

    rows = exporting.records(store, what, fmt)
    try:
        if fmt == "parquet":
            count = exporting.write(rows, what, fmt, sys.stdout.buffer)
        else:
            count = exporting.write(rows, what, fmt, sys.stdout)
        sys.stdout.flush()
        return count
    except BrokenPipeError:
        # the reader went away (`| head`): nothing more can be written, and Python's own
        # flush at exit must not fail on the dead pipe either
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        err.print(
            "newsbrief: error: standard output closed before the export finished", markup=False
        )
        sys.exit(EXIT_FAILED)
    except OSError as exc:
        err.print(
            f"newsbrief: error: cannot write standard output: {exc.strerror or exc}", markup=False
        )
        sys.exit(EXIT_FAILED)


def _plural(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 story", "2 stories": the count with the noun in the form it takes."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


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
    help="Labelled dataset file or folder, in the task's format (see the README's "
    "Evaluation section).",
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
    table = Table(title=_plural(len(rows), "story", "stories"))
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
