"""Adding articles from the browser; the routes exist only when the app allows ingest.

Uploads are size-checked before the body is parsed (Content-Length) and after (the files
actually received), written under fresh names to a temporary folder and handed to the local
engine. No uploaded name is ever used as a path: only a cleaned-up suffix survives, because
the readers choose their format by it.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from newsbrief.web.context import Context, ctx

MAX_FILES = 200
_NAME_PART = re.compile(r"[^A-Za-z0-9_-]+")
_SUFFIX = re.compile(r"(\.[A-Za-z0-9]{1,8}){1,2}$")


def safe_name(index: int, filename: str | None) -> str:
    """A name we made for upload number ``index``: a slug of the stem plus its suffix."""
    base = PurePath((filename or "").replace("\\", "/")).name
    match = _SUFFIX.search(base)
    suffix = match.group(0).lower() if match else ".txt"
    stem = _NAME_PART.sub("-", base[: len(base) - len(suffix)] if match else base).strip("-")
    return f"{index:03d}-{stem[:60] or 'upload'}{suffix}"


def form(request: Request) -> Response:
    c = ctx(request)
    return c.render("ingest.html", limit_mb=c.max_upload_bytes // (1024 * 1024), result=None)


async def upload(request: Request) -> Response:
    c = ctx(request)
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        # Another site's page posting into a local server: refuse (there are no cookies,
        # so this header check is the whole cross-site defence).
        raise HTTPException(403, "cross-site upload refused")
    length = request.headers.get("content-length")
    if length is None:
        raise HTTPException(411, "uploads need a Content-Length")
    if not length.isdigit() or int(length) > c.max_upload_bytes:
        raise HTTPException(413, f"uploads are limited to {c.max_upload_bytes} bytes")
    data = await request.form(max_files=MAX_FILES, max_fields=10)
    files = [f for f in data.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        raise HTTPException(400, "choose at least one file")
    contents: list[tuple[str, bytes]] = []
    total = 0
    for index, upload_file in enumerate(files):
        body = await upload_file.read()
        total += len(body)
        if total > c.max_upload_bytes:
            raise HTTPException(413, f"uploads are limited to {c.max_upload_bytes} bytes")
        contents.append((safe_name(index, upload_file.filename), body))
    await data.close()
    result = await run_in_threadpool(_process, c, contents)
    if result["stories"] and len(result["stories"]) == 1:
        return RedirectResponse(f"/story/{result['stories'][0]}", status_code=303)
    return c.render("ingest.html", limit_mb=c.max_upload_bytes // (1024 * 1024), result=result)


def _process(c: Context, contents: list[tuple[str, bytes]]) -> dict[str, Any]:
    from newsbrief.engines.local import process

    # One ingest at a time: the engine's batches are transactions on one database.
    with c.ingest_lock, tempfile.TemporaryDirectory(prefix="newsbrief-upload-") as tmp:
        folder = Path(tmp)
        for name, body in contents:
            (folder / name).write_bytes(body)
        run = process([folder], c.store())
    return {
        "added": run.added,
        "already_stored": run.already_stored,
        "problems": [f"{Path(p.source).name}: {p.reason}" for p in run.problems],
        "stories": run.stories_changed,
    }


def routes() -> list[Route]:
    return [Route("/ingest", form, methods=["GET"]), Route("/ingest", upload, methods=["POST"])]
