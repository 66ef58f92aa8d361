"""What every `newsbrief` command shares: the command group, exit codes, the consoles,
progress reporting, one-line errors, the common options and the stories table."""

from __future__ import annotations

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


db_option = click.option(
    "--db",
    default="newsbrief.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database to keep articles, stories and briefs in.",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bars or tables.")
words_option = click.option(
    "--words",
    default=150,
    show_default=True,
    type=click.IntRange(20, 2000),
    help="Word budget of each summary.",
)


def _quote_parse_default() -> bool:
    from newsbrief.annotate.speakers import quote_parse_wanted

    return quote_parse_wanted()


quote_parse_option = click.option(
    "--quote-parse/--no-quote-parse",
    default=_quote_parse_default,
    show_default="on, unless NEWSBRIEF_QUOTE_PARSE=0",
    help="Find speakers with the dependency parse (most of the per-article cost); "
    "--no-quote-parse uses the word patterns alone, for large crawls.",
)


delay_option = click.option(
    "--delay",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0, 3600),
    help="Feeds: seconds between two requests to the same host (robots.txt may ask for more).",
)


def exit_code(result: Any) -> int:
    if result.problems and not (result.added or result.already_stored):
        err.print(
            "newsbrief: error: no article could be read from the inputs "
            "(hint: each input's problem is listed above)",
            markup=False,
        )
        return EXIT_FAILED
    return EXIT_PARTIAL if result.problems else EXIT_OK


def counts(result: Any) -> str:
    return (
        f"{plural(result.added, 'new article')}, {result.already_stored} already stored, "
        f"{len(result.problems)} skipped"
    )


def nothing_read(result: Any) -> bool:
    return bool(result.problems) and not (result.added or result.already_stored)


def discard_new_db(db: str, existed: bool) -> None:
    """Remove a database this command created when nothing could be read: a failed first
    run leaves nothing behind."""
    if existed or db == ":memory:":
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(db + suffix).unlink(missing_ok=True)


def plural(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 story", "2 stories": the count with the noun in the form it takes."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def require_db(db: str) -> None:
    if not Path(db).exists():
        from newsbrief.errors import StoreError

        raise StoreError(
            f"no database at {db!r}", hint="run `newsbrief run INPUT...` first, or pass --db"
        )


def stories_table(rows: list[dict[str, Any]]) -> None:
    if not rows:
        out.print("no stories yet", markup=False)
        return
    table = Table(title=plural(len(rows), "story", "stories"))
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
