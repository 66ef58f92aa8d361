"""JSON and JSONL records: one article per object, whatever the crawler called its fields."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from newsbrief.errors import InputError
from newsbrief.read.fields import host_of, normalize_date, outlet_name, split_authors
from newsbrief.records import Article, Problem, article_id

TEXT_KEYS = ("text", "body", "content", "article", "maintext")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link")
DATE_KEYS = ("date", "published", "published_at", "publish_date", "pubDate", "datePublished")
OUTLET_KEYS = ("outlet", "source", "site", "site_name", "publisher", "domain")
AUTHOR_KEYS = ("author", "authors", "byline")
# Wrapper objects from news APIs ({"status": "ok", "articles": [...]}) hold the records here.
LIST_KEYS = ("articles", "items", "results", "data", "documents", "docs")

_HTML_TAG = re.compile(r"<(?:p|div|br|span|a|h[1-6]|li|article|section)\b[^>]*>", re.IGNORECASE)


def _first(obj: dict[str, Any], keys: Iterable[str]) -> tuple[str | None, Any]:
    """The first key of ``keys`` present with a non-empty value (case-insensitive)."""
    lowered = {k.lower(): k for k in obj}
    for key in keys:
        real = key if key in obj else lowered.get(key.lower())
        if real is None:
            continue
        value = obj[real]
        if value not in (None, "", [], {}):
            return real, value
    return None, None


def _html_to_text(markup: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(markup)
    except Exception:  # malformed fragments: keep the raw string rather than lose the record
        return markup
    for node in root.iter("br"):
        node.tail = "\n" + (node.tail or "")
    for node in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"):
        node.tail = "\n" + (node.tail or "")
    return str(root.text_content())


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        # Some crawlers store the body as a list of paragraphs.
        return "\n".join(_as_text(v) for v in value if v not in (None, ""))
    if isinstance(value, dict):
        _, inner = _first(value, TEXT_KEYS)
        return _as_text(inner) if inner is not None else ""
    text = str(value)
    if _HTML_TAG.search(text):
        text = _html_to_text(text)
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def article_from_dict(obj: dict[str, Any], source: str) -> Article:
    """An Article from a JSON-like record; ``source`` is used when the record has no URL.

    Raises InputError (its message is a short reason) when the record has no usable text.
    """
    if not isinstance(obj, dict):
        raise InputError(f"not a JSON object but {type(obj).__name__}")
    text_key, raw_text = _first(obj, TEXT_KEYS)
    if text_key is None:
        raise InputError(f"no text field (expected one of {'/'.join(TEXT_KEYS)})")
    text = _as_text(raw_text)
    if not text:
        raise InputError(f"empty text in field {text_key!r}")
    used = {text_key}
    title_key, title = _first(obj, TITLE_KEYS)
    url_key, url = _first(obj, URL_KEYS)
    date_key, raw_date = _first(obj, DATE_KEYS)
    outlet_key, outlet = _first(obj, OUTLET_KEYS)
    author_key, authors = _first(obj, AUTHOR_KEYS)
    used.update(k for k in (title_key, url_key, date_key, outlet_key, author_key) if k)
    meta: dict[str, Any] = {k: v for k, v in obj.items() if k not in used}
    url_str = str(url).strip() if isinstance(url, str) and url.strip() else None
    published = normalize_date(raw_date)
    if raw_date is not None and published is None:
        meta["raw_date"] = raw_date
    outlet_str = outlet_name(outlet)
    if outlet_str is None and url_str:
        outlet_str = host_of(url_str)
        if outlet_str:
            meta["outlet_from"] = "url"
    language = meta.get("language") or meta.get("lang")
    record_source = url_str or source
    if url_str:
        meta.setdefault("path", source)
    return Article(
        id=article_id(record_source, text),
        source=record_source,
        text=text,
        title=" ".join(str(title).split()) if title is not None else "",
        outlet=outlet_str,
        url=url_str,
        authors=split_authors(authors, outlet_str),
        published=published,
        language=str(language) if isinstance(language, str) else None,
        meta=meta,
    )


def _record(obj: Any, source: str, path: str, line: int | None, where: str) -> Article | Problem:
    try:
        return article_from_dict(obj, source)
    except InputError as exc:
        return Problem(path, f"{where}{exc.args[0]}", line)


def _json_error(exc: json.JSONDecodeError, with_line: bool) -> str:
    where = f"line {exc.lineno}, col {exc.colno}" if with_line else f"col {exc.colno}"
    return f"not valid JSON: {exc.msg} ({where})"


def iter_jsonl_lines(lines: Iterable[bytes], path: str) -> Iterator[Article | Problem]:
    """Records of a JSONL stream, one line at a time; a bad line becomes one Problem."""
    blank = True
    for number, raw in enumerate(lines, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        blank = False
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(path, _json_error(exc, with_line=False), number)
            continue
        yield _record(obj, f"{path}#L{number}", path, number, "")
    if blank:
        yield Problem(path, "empty file")


def records_from_json(data: str, path: str) -> Iterator[Article | Problem]:
    """Records of a JSON document: one object, a list of objects, or an API wrapper object."""
    try:
        obj = json.loads(data)
    except json.JSONDecodeError as exc:
        yield Problem(path, _json_error(exc, with_line=True), exc.lineno)
        return
    if isinstance(obj, dict) and _first(obj, TEXT_KEYS)[0] is None:
        key, inner = _first(obj, LIST_KEYS)
        if key is not None and isinstance(inner, list):
            obj = inner
    if isinstance(obj, list):
        if not obj:
            yield Problem(path, "empty JSON list")
        for index, item in enumerate(obj):
            yield _record(item, f"{path}#{index}", path, None, f"item {index}: ")
        return
    if isinstance(obj, dict):
        yield _record(obj, path, path, None, "")
        return
    yield Problem(path, f"JSON holds a {type(obj).__name__}, not an article object")
