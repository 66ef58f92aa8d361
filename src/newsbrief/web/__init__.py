"""The web UI: ``newsbrief serve``. Starlette + Jinja2, imported only when used (``web`` extra)."""

from __future__ import annotations

from typing import Any

from newsbrief.errors import require


def create_app(db: str, allow_ingest: bool = False, max_upload_bytes: int | None = None) -> Any:
    """The ASGI app over the database at ``db``; read-only unless ``allow_ingest``."""
    require("starlette", "web")
    require("jinja2", "web")
    require("python_multipart", "web")
    from newsbrief.web.app import MAX_UPLOAD_BYTES, build_app

    return build_app(db, allow_ingest, max_upload_bytes or MAX_UPLOAD_BYTES)


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False) -> None:
    """Serve the UI until interrupted (binds to localhost unless told otherwise)."""
    uvicorn = require("uvicorn", "web")
    app = create_app(db, allow_ingest=allow_ingest)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


__all__ = ["create_app", "serve"]
