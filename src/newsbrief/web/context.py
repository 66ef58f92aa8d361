"""State the handlers share: database path, per-thread stores, templates, settings."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse

from newsbrief.store import Store
from newsbrief.web import present

HERE = Path(__file__).resolve().parent


class Context:
    """What handlers share: the database path, templates and settings.

    sqlite3 connections belong to the thread that opened them and Starlette runs sync
    handlers in a thread pool, so each thread gets its own Store.
    """

    def __init__(self, db: str, allow_ingest: bool, max_upload_bytes: int) -> None:
        self.db = db
        self.allow_ingest = allow_ingest
        self.max_upload_bytes = max_upload_bytes
        self._local = threading.local()
        self.ingest_lock = threading.Lock()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,  # every template, whatever its name
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            safe_url=present.safe_url,
            span=present.span,
            source_label=present.source_label,
            allow_ingest=allow_ingest,
        )

    def store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db)
            if not self.allow_ingest:
                # Read-only unless ingest is on: the connection itself refuses writes.
                store.conn.execute("PRAGMA query_only=ON")
            self._local.store = store
        return store

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status)


def ctx(request: Request) -> Context:
    context: Context = request.app.state.ctx
    return context
