"""State the handlers share: database path, per-thread stores, templates, settings."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.responses import JSONResponse as StarletteJSONResponse

from newsbrief.export import finite
from newsbrief.store import Store
from newsbrief.web import present

HERE = Path(__file__).resolve().parent


class JSONResponse(StarletteJSONResponse):
    """Starlette's JSONResponse, with non-finite floats written as null."""

    def render(self, content: Any) -> bytes:
        return super().render(finite(content))


# Names a browser only ever resolves to this machine; anything else in a Host header may be a
# DNS-rebinding page (attacker.example pointed at 127.0.0.1) reading the store.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def host_allowed(name: str, allowed: frozenset[str]) -> bool:
    """Whether a Host name (see ``host_name``) is on the allow-list; ``*.localhost`` always
    is, since browsers resolve those names to this machine only."""
    return name in allowed or name.endswith(".localhost")


_HOST = re.compile(r"^(?:\[(?P<v6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9_.-]+))(?::\d{1,5})?$")


def host_name(host: str) -> str:
    """The name part of a Host header or address, lower-cased: no port, no IPv6 brackets;
    "" for anything that is not a plain name or address (userinfo, paths, spaces)."""
    host = host.strip().lower()
    if host.count(":") > 1 and not host.startswith("["):
        return host if re.fullmatch(r"[0-9a-f:.]+", host) else ""  # a bare IPv6 address
    match = _HOST.match(host)
    if match is None:
        return ""
    return (match.group("v6") or match.group("name")).rstrip(".")


class Context:
    """What handlers share: the database path, templates and settings.

    sqlite3 connections belong to the thread that opened them and Starlette runs sync
    handlers in a thread pool, so each thread gets its own Store.
    """

    def __init__(
        self,
        db: str,
        allow_ingest: bool,
        max_upload_bytes: int,
        hosts: frozenset[str] = frozenset(LOCAL_HOSTS),
    ) -> None:
        self.db = db
        self.hosts = hosts  # the Host allow-list; the upload Origin check uses it too
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
            # Read-only unless ingest is on: opened mode=ro, so the connection refuses writes
            # and a database on a read-only file or folder can be served.
            store = Store(self.db, read_only=not self.allow_ingest)
            self._local.store = store
        return store

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status)


def ctx(request: Request) -> Context:
    context: Context = request.app.state.ctx
    return context


def wants_comments(request: Request) -> bool:
    """Reader comments are hidden unless the request asks for them with ``?comments=1``."""
    return request.query_params.get("comments") == "1"
