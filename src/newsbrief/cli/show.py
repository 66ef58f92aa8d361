"""`newsbrief stories`, `brief` and `serve`: reading what the database holds."""

from __future__ import annotations

import json

import click

from newsbrief.cli.common import db_option, err, main, require_db, stories_table


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stories(db: str, as_json: bool) -> None:
    """List the stories in the database, largest first."""
    from newsbrief.store import Store

    require_db(db)
    with Store(db, read_only=True) as store:
        rows = store.story_rows()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        stories_table(rows)


@main.command()
@click.argument("story_id")
@db_option
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

    require_db(db)
    with Store(db, read_only=True) as store:
        record = store.brief(story_id)
    click.echo(render_json(record) if fmt == "json" else render_markdown(record))


@main.command()
@db_option
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

    require_db(db)  # before "serving …" is announced: nothing would be served
    err.print(f"serving {db} on http://{host}:{port}/ (Ctrl-C to stop)", markup=False)
    run_server(db, host=host, port=port, allow_ingest=allow_ingest, allowed_hosts=allowed_hosts)
