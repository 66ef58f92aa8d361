"""The Starlette app: routes, security headers, per-thread store connections, templates.

Pages are rendered on the server with Jinja2 (autoescape always on); the only script is a
static file, so the Content-Security-Policy can forbid inline script outright.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsbrief.errors import (
    NewsbriefError,
    NotFoundError,
    QueryError,
    StoreError,
    StoreLockedError,
)
from newsbrief.web import api, ingest, pages
from newsbrief.web.context import (
    HERE,
    LOCAL_HOSTS,
    Context,
    JSONResponse,
    ctx,
    host_allowed,
    host_name,
)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Pure ASGI middleware: every response, static files and errors included, gets them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


def allowed_hosts(bound: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a request may carry: local names, the bound address, and ``extra``."""
    names = {*LOCAL_HOSTS, *(host_name(h) for h in extra)}
    if bound:
        try:
            wildcard = ipaddress.ip_address(bound).is_unspecified
        except ValueError:
            wildcard = False
        if not wildcard:  # 0.0.0.0 is nobody's name: such setups list theirs with --allowed-host
            names.add(host_name(bound))
    return frozenset(n for n in names if n)


class HostCheck:
    """Pure ASGI middleware: a request whose Host is not on the allow-list gets a 400."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str]) -> None:
        self.app, self.allowed = app, allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            if not host_allowed(host_name(host), self.allowed):
                response = PlainTextResponse(
                    "400 Bad Request: this server only answers to its own host names "
                    "(see `newsbrief serve --allowed-host`)",
                    status_code=400,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _not_found(request: Request, exc: Exception) -> Response:
    message = str(exc) if isinstance(exc, NewsbriefError) else "not found"
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=404)
    return ctx(request).render("error.html", status=404, title="Not found", message=message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if _wants_json(request):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
    if exc.status_code == 404:
        return await _not_found(request, exc)
    return ctx(request).render(
        "error.html", status=exc.status_code, title=str(exc.status_code), message=exc.detail
    )


async def _bad_query(request: Request, exc: Exception) -> Response:
    message = str(exc)
    if isinstance(exc, NewsbriefError) and exc.hint:
        message += f" ({exc.hint})"
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=400)
    return ctx(request).render("error.html", status=400, title="Bad search", message=message)


async def _busy(request: Request, exc: Exception) -> Response:
    # an upload that met another writer's lock past the retries: nothing half-stored
    message = f"{exc} — try again in a moment"
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=503)
    return ctx(request).render("error.html", status=503, title="Busy", message=message)


async def _server_error(request: Request, exc: Exception) -> Response:
    # No traceback or exception text to the page: it may quote stored (hostile) content.
    if _wants_json(request):
        return JSONResponse({"error": "internal error"}, status_code=500)
    return PlainTextResponse("500 Internal Server Error", status_code=500)


class _App(Starlette):
    """Starlette with the security headers and the Host check outside everything else,
    so the 500 answers of its ServerErrorMiddleware get the headers too."""

    allowed: frozenset[str] = frozenset(LOCAL_HOSTS)

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(HostCheck(super().build_middleware_stack(), self.allowed))


async def _healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


def build_app(
    db: str,
    allow_ingest: bool = False,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    hosts: frozenset[str] = frozenset(LOCAL_HOSTS),
) -> Starlette:
    if not allow_ingest and db != ":memory:" and not Path(db).is_file():
        raise StoreError(
            f"no database at {db!r}", hint="create one with `newsbrief run INPUTS --db PATH`"
        )
    if db == ":memory:":
        raise StoreError("the web UI needs a database file, not ':memory:'")
    context = Context(db, allow_ingest, max_upload_bytes, hosts)
    context.store()  # opens once now, so a bad file (or an old schema, read-only) fails here
    routes: list[Route | Mount] = [
        Route("/", pages.stories),
        Route("/story/{id}", pages.story),
        Route("/article/{id}", pages.article),
        Route("/diff/{child}/{parent}", pages.diff),
        Route("/search", pages.search),
        Route("/healthz", _healthz),
        *api.routes(),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    if allow_ingest:
        routes += ingest.routes()
    app = _App(
        routes=routes,
        exception_handlers={
            NotFoundError: _not_found,
            QueryError: _bad_query,
            StoreLockedError: _busy,
            HTTPException: _http_error,
            500: _server_error,
        },
    )
    app.allowed = hosts
    app.state.ctx = context
    return app
