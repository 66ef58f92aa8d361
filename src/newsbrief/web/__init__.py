"""The web UI: ``newsbrief serve``. Starlette + Jinja2, imported only when used (``web`` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsbrief.errors import require


def create_app(
    db: str,
    allow_ingest: bool = False,
    max_upload_bytes: int | None = None,
    allowed_hosts: Iterable[str] = (),
    bound_host: str | None = None,
) -> Any:
    """The ASGI app over the database at ``db``; read-only unless ``allow_ingest``.

    Requests must carry a Host of this machine (localhost, 127.0.0.1, ::1, ``bound_host``)
    or one of ``allowed_hosts``; any other gets a 400, which stops DNS-rebinding pages.
    """
    require("starlette", "web")
    require("jinja2", "web")
    require("python_multipart", "web")
    from newsbrief.web.app import MAX_UPLOAD_BYTES, build_app
    from newsbrief.web.app import allowed_hosts as host_list

    hosts = host_list(bound_host, allowed_hosts)
    return build_app(db, allow_ingest, max_upload_bytes or MAX_UPLOAD_BYTES, hosts)


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_ingest: bool = False,
    allowed_hosts: Iterable[str] = (),
) -> None:
    """Serve the UI until interrupted (binds to localhost unless told otherwise)."""
    uvicorn = require("uvicorn", "web")
    app = create_app(db, allow_ingest=allow_ingest, allowed_hosts=allowed_hosts, bound_host=host)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


__all__ = ["create_app", "serve"]
