"""Adding articles from the browser; the routes exist only when the app allows ingest.

Uploads are size-checked before the body is parsed (Content-Length) and after (the files
actually received), written under fresh names to a temporary folder and read from there.
No uploaded name is ever used as a path: only a cleaned-up suffix survives, because the
readers choose their format by it. An upload is identified by its content: its articles get
the source ``upload://<sha256 of the bytes>/<name>`` instead of the temporary path, so the
same file uploaded again adds nothing new.
"""

from __future__ import annotations

import dataclasses
import hashlib
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

from newsbrief.records import Article, Problem, article_id
from newsbrief.web.context import Context, ctx, host_allowed, host_name

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
    if origin is not None and not _same_site(origin, request.headers.get("host", ""), c):
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


def _same_site(origin: str, host: str, c: Context) -> bool:
    """The Origin names this server: a host on the allow-list, and the very host:port the
    request was sent to (so another local server's page cannot post either)."""
    try:
        netloc = urlsplit(origin).netloc
    except ValueError:
        return False
    return bool(netloc) and netloc == host and host_allowed(host_name(netloc), c.hosts)


def upload_source(digest: str, name: str) -> str:
    """The stable source of an uploaded file: its content hash and the name we gave it."""
    return f"upload://{digest}/{name}"


def _restamp(item: Article | Problem, path: str, source: str) -> Article | Problem:
    """``item`` as if read from ``source`` instead of the temporary ``path``."""

    def swap(value: str) -> str:
        return source + value[len(path) :] if value.startswith(path) else value

    if isinstance(item, Problem):
        return dataclasses.replace(item, source=swap(item.source))
    if not item.source.startswith(path):
        return item  # a record with its own URL keeps it, and its id
    meta = dict(item.meta)
    if isinstance(meta.get("path"), str):
        meta["path"] = swap(meta["path"])
    new_source = swap(item.source)
    return dataclasses.replace(
        item, source=new_source, id=article_id(new_source, item.text), meta=meta
    )


def _process(c: Context, contents: list[tuple[str, bytes]]) -> dict[str, Any]:
    from newsbrief.engines import SilentReporter
    from newsbrief.engines.base import (
        ArticleWriter,
        RunResult,
        ingest_item,
        update_stories,
    )
    from newsbrief.pipeline import DEFAULT_WORDS
    from newsbrief.read import read_path

    store, result, reporter = c.store(), RunResult(), SilentReporter()
    # One ingest at a time: the engine's batches are transactions on one database. The
    # loop is the engine's ingest, read file by file so each article's source can be set.
    with c.ingest_lock, tempfile.TemporaryDirectory(prefix="newsbrief-upload-") as tmp:
        writer = ArticleWriter(store, result)
        for name, body in contents:
            path = Path(tmp) / name
            path.write_bytes(body)
            # name[4:] drops safe_name's "NNN-" position, which says nothing about the file
            source = upload_source(hashlib.sha256(body).hexdigest(), name[4:])
            for raw in read_path(path):
                ingest_item(_restamp(raw, str(path), source), writer, result, reporter)
        writer.close()
        update_stories(store, reporter, result, DEFAULT_WORDS)
    return {
        "added": result.added,
        "already_stored": result.already_stored,
        "problems": [f"{_display(p.source)}: {p.reason}" for p in result.problems],
        "stories": result.stories_changed,
    }


def _display(source: str) -> str:
    return source.rsplit("/", 1)[-1]


def routes() -> list[Route]:
    return [Route("/ingest", form, methods=["GET"]), Route("/ingest", upload, methods=["POST"])]
