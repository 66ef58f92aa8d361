"""`newsbrief export`: the database's records as JSON Lines, CSV or Parquet files."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from newsbrief.cli.common import EXIT_FAILED, db_option, err, main, plural, require_db


@main.command(short_help="Export records as JSON Lines, CSV or Parquet.")
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
@db_option
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
    require_db(db)
    with Store(db, read_only=True) as store:
        if out == "-":
            count = _export_to_stdout(store, what, fmt)
        else:
            # a spinner on stderr while a large store is written; nothing when not a terminal
            with err.status(f"exporting {what} to {out}"):
                count = exporting.export(store, what, out, fmt, force=force, db=db)
    if out != "-":
        noun = "conflict values" if what == "conflicts" else what
        err.print(f"{plural(count, _SINGULAR[what], noun)} written to {out}", markup=False)


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
