"""The Starlette app: routes, security headers, per-thread store connections, templates.

Pages are rendered on the server with Jinja2 (autoescape always on); the only script is a
static file, so the Content-Security-Policy can forbid inline script outright.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsbrief.errors import NewsbriefError, NotFoundError, StoreError
from newsbrief.web import api, ingest, pages
from newsbrief.web.context import HERE, Context, ctx

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


async def _healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


def build_app(
    db: str, allow_ingest: bool = False, max_upload_bytes: int = MAX_UPLOAD_BYTES
) -> Starlette:
    if not allow_ingest and db != ":memory:" and not Path(db).is_file():
        raise StoreError(
            f"no database at {db!r}", hint="create one with `newsbrief run INPUTS --db PATH`"
        )
    if db == ":memory:":
        raise StoreError("the web UI needs a database file, not ':memory:'")
    context = Context(db, allow_ingest, max_upload_bytes)
    context.store()  # opens (and migrates) once now, so a bad file fails at startup
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
    app = Starlette(
        routes=routes,
        exception_handlers={NotFoundError: _not_found, HTTPException: _http_error},
    )
    app.state.ctx = context
    app.add_middleware(SecurityHeaders)
    return app
