"""`newsbrief run`, `add` and `watch`: the commands that read articles into the database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsbrief.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    CliReporter,
    counts,
    db_option,
    delay_option,
    discard_new_db,
    err,
    exit_code,
    main,
    nothing_read,
    out,
    plural,
    quiet_option,
    quote_parse_option,
    stories_table,
    words_option,
)
from newsbrief.errors import OutputError


@main.command(short_help="Ingest INPUTS, process them and write every story's brief.")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option(
    "--out",
    "out_dir",
    default="briefs",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for one .md and one .json brief per story.",
)
@words_option
@quiet_option
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where the stages run: this process, or Ray (pip install 'newsbrief[ray]').",
)
@click.option("--address", default=None, help="Ray cluster to join, e.g. 'auto' (--engine ray).")
@quote_parse_option
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
    folder = Path(out_dir)
    _check_out_dir(folder)  # before the work, which can take hours, not after it
    existed = Path(db).exists()
    with Store(db) as store, CliReporter(quiet) as reporter:
        if engine == "ray":
            from newsbrief.engines.ray import process as process_on_ray

            result = process_on_ray(inputs, store, reporter, words=words, address=address)
        else:
            from newsbrief.engines.local import process

            result = process(inputs, store, reporter, words=words)
        if nothing_read(result):
            store.close()
            discard_new_db(db, existed)
            sys.exit(exit_code(result))  # no table, no folder: the error is the whole story
        briefed = set(store.briefed_stories())
        # one brief at a time from the store: a large corpus's briefs never sit in memory
        briefs = (store.brief(s.id) for s in store.stories() if s.id in briefed)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            written = len(write_briefs(briefs, folder, FORMATS)) // len(FORMATS)
        except OSError as exc:
            raise OutputError(
                f"cannot write briefs to {folder}: {exc.strerror or exc}",
                hint="the articles are stored: pass --out a folder you can write to, and run again",
            ) from exc
        rows = store.story_rows()
    if not quiet:
        stories_table(rows)
        err.print(f"{counts(result)}; {plural(written, 'brief')} in {folder}/", markup=False)
    sys.exit(exit_code(result))


@main.command(short_help="Add INPUTS, updating only the stories they touch.")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@words_option
@quiet_option
@delay_option
@quote_parse_option
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
    if nothing_read(result):
        discard_new_db(db, existed)
    elif not quiet:
        updated = len(result.stories_changed)
        err.print(f"{counts(result)}; {plural(updated, 'story', 'stories')} updated", markup=False)
    sys.exit(exit_code(result))


@main.command(short_help="Poll INPUTS and add what is new, printing what changed.")
@click.argument("inputs", nargs=-1, required=True)
@db_option
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
@words_option
@quiet_option
@delay_option
@quote_parse_option
def watch(
    inputs: tuple[str, ...],
    db: str,
    every: str,
    polls: int | None,
    words: int,
    quiet: bool,
    delay: float,
    quote_parse: bool,
) -> None:
    """Poll INPUTS (feeds, feed URLs, folders) and add what is new, printing what changed.

    Each poll updates only the stories its new articles touch and prints one line per new
    story, new conflict and new outlet. Ctrl-C stops cleanly; everything committed is kept,
    and a later `watch` carries on where this one stopped.
    """
    import time

    from newsbrief.annotate.speakers import set_quote_parse
    from newsbrief.feeds.fetch import Fetcher
    from newsbrief.feeds.ingest import process_inputs
    from newsbrief.feeds.watch import changes, story_states
    from newsbrief.store import Store

    seconds = _duration(every)
    set_quote_parse(quote_parse)
    code = EXIT_OK
    with Store(db) as store:
        known = story_states(store, store.briefed_stories())
        done = 0
        try:
            while True:
                done += 1
                with CliReporter(quiet) as reporter:
                    result = process_inputs(
                        inputs, store, reporter, words=words, fetcher=Fetcher(delay=delay)
                    )
                changed = dict.fromkeys(result.stories_changed)
                now = story_states(store, list(changed))
                for line in changes(known, now):
                    out.print(line, markup=False)
                known.update(now)
                code = EXIT_PARTIAL if result.problems else EXIT_OK
                if not quiet:
                    updated = plural(len(changed), "story", "stories")
                    err.print(f"poll {done}: {counts(result)}; {updated} updated", markup=False)
                if polls is not None and done >= polls:
                    break
                time.sleep(seconds)
        except KeyboardInterrupt:
            err.print(
                f"stopped after {plural(done, 'poll')}; everything committed so far is kept",
                markup=False,
            )
            code = EXIT_OK
    sys.exit(code)


def _check_out_dir(folder: Path) -> None:
    """Raise OutputError when the briefs folder cannot be made: a part of its path is a
    file (``--out notes.txt/briefs``, ``--out /dev/null/x``)."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(
            f"cannot write briefs to {folder}: {existing} is not a folder",
            hint="pass --out a folder, or a path where one can be made",
        )


def _duration(text: str) -> float:
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text.lower())
    if not match:
        raise click.BadParameter(
            f"{text!r} is not a duration like 30s, 15m or 1h", param_hint="--every"
        )
    return float(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600}[match[2]]
