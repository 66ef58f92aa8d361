"""The read stage: files, folders and globs in; raw Articles (and a Problem per bad input) out.

Formats: plain text (.txt; also any text file without a known extension), HTML (.html/.htm,
through trafilatura), JSON (.json: an object, a list, or an API wrapper with "articles") and
JSONL (.jsonl/.ndjson), each optionally gzipped (.gz), and WARC archives (.warc/.warc.gz, the
HTML responses in them). Everything streams: JSONL is read line
by line, folders are walked lazily, one bad input never stops the run. Every reader applies
the same size limits (``Limits``: line, document, article text, decompressed size).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsbrief.errors import NoInputError
from newsbrief.read.files import (
    GZIP_ERRORS,
    GZIP_REASON,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    UNSUPPORTED,
    WARC_SUFFIXES,
    expand_inputs,
    not_a_file,
    open_binary,
    read_all,
    split_suffix,
)
from newsbrief.read.html import article_from_html
from newsbrief.read.jsonl import article_from_dict, iter_jsonl_lines, records_from_json
from newsbrief.read.limits import Limits, human, text_over_limit
from newsbrief.read.text import article_from_text, decode_bytes, is_binary
from newsbrief.read.warc import iter_warc
from newsbrief.records import Article, Problem

__all__ = [
    "Limits",
    "article_from_dict",
    "article_from_html",
    "article_from_text",
    "iter_inputs",
    "iter_warc",
    "read_path",
]


def iter_inputs(
    inputs: Iterable[str | Path], limits: Limits | None = None
) -> Iterator[Article | Problem]:
    """Articles from files, folders (recursive, sorted, hidden entries skipped) and globs.

    Yields exactly one Problem per bad input (missing path, binary or empty file, bad JSON
    line, corrupt gzip, page without text, an input over one of the ``limits``; by default
    ``Limits.from_env()``) and carries on. Raises NoInputError when ``inputs`` is empty.
    """
    limits = limits or Limits.from_env()
    items = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    if not items:
        raise NoInputError("no input files given")
    for target in expand_inputs(items):
        if isinstance(target, Problem):
            yield target
        else:
            yield from read_path(target, limits)


def read_path(path: str | Path, limits: Limits | None = None) -> Iterator[Article | Problem]:
    """Articles from one file, whatever its format; Problems instead of exceptions."""
    limits = limits or Limits.from_env()
    path = Path(path)
    source = str(path)
    suffix, gzipped = split_suffix(path)
    not_file = not_a_file(path)  # a FIFO or a device would hang the read
    if not_file is not None:
        yield Problem(source, not_file)
        return
    if suffix in UNSUPPORTED:
        yield Problem(source, UNSUPPORTED[suffix])
        return
    if suffix in WARC_SUFFIXES:
        # gzip is detected from the bytes; the reader turns every failure into one Problem
        yield from iter_warc(path, limits)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, source, gzipped, limits)
        else:
            yield from _read_document(path, source, suffix, gzipped, limits)
    except GZIP_ERRORS:
        yield Problem(source, GZIP_REASON)
    except OSError as exc:
        yield Problem(source, f"cannot read file: {exc.strerror or exc}")
    except Exception as exc:  # a single odd file must not end a million-file run
        yield Problem(source, f"could not read: {type(exc).__name__}: {exc}")


def _read_jsonl(
    path: Path, source: str, gzipped: bool, limits: Limits
) -> Iterator[Article | Problem]:
    with open_binary(path, gzipped) as stream:
        compressed = path.stat().st_size if gzipped else None
        yield from iter_jsonl_lines(stream, source, limits, compressed)


def _read_document(
    path: Path, source: str, suffix: str, gzipped: bool, limits: Limits
) -> Iterator[Article | Problem]:
    for item in _document(path, source, suffix, gzipped, limits):
        if isinstance(item, Article) and (too_long := text_over_limit(item.text, limits)):
            yield Problem(source, too_long)
        else:
            yield item


def _document(
    path: Path, source: str, suffix: str, gzipped: bool, limits: Limits
) -> Iterator[Article | Problem]:
    # one article is one document: a file this large is a mis-named dump, not an article
    size = limits.document
    if gzipped:
        size = min(size, limits.expansion(path.stat().st_size)[0])
    data = read_all(path, gzipped, size)
    if len(data) > size:
        yield Problem(source, f"file larger than the limit of {human(size)}, not one article")
        return
    if not data.strip():
        yield Problem(source, "empty file")
        return
    if is_binary(data):
        yield Problem(source, "binary file, not an article")
        return
    if suffix in HTML_SUFFIXES:
        # trafilatura reads the charset from the page itself; bytes keep that possible.
        yield article_from_html(data, source)
        return
    text, encoding = decode_bytes(data)
    if suffix in JSON_SUFFIXES:
        yield from records_from_json(text, source, limits)
    elif suffix not in TEXT_SUFFIXES and _looks_like_html(text):
        yield article_from_html(text, source)
    else:
        yield article_from_text(text, source, encoding)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<html" in head and "<body" in text)
