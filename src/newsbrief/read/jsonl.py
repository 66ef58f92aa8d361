"""JSON and JSONL records: one article per object, whatever the crawler called its fields."""

from __future__ import annotations

import codecs
import io
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from newsbrief import outlets
from newsbrief.errors import InputError
from newsbrief.read.fields import normalize_date, outlet_name, split_authors
from newsbrief.read.limits import Limits, human, text_over_limit
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
    # a named outlet unless it is a platform, a URL or a headline; else the URL's domain
    outlet_str = outlets.outlet_name([outlet_name(outlet)])
    if outlet_str is None and url_str:
        outlet_str = outlets.outlet_name([], url_str)
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


def _record(
    obj: Any, source: str, path: str, line: int | None, where: str, limits: Limits, odd: list[str]
) -> Article | Problem:
    try:
        if _depth_over(obj, MAX_DEPTH):
            return Problem(path, f"{where}record nested more than {MAX_DEPTH} levels deep", line)
        article = article_from_dict(obj, source)
    except InputError as exc:
        return Problem(path, f"{where}{exc.args[0]}", line)
    except Exception as exc:  # one odd record must never end the file it sits in
        return Problem(path, f"{where}could not read the record: {_exception(exc)}", line)
    too_long = text_over_limit(article.text, limits)
    if too_long is not None:
        return Problem(path, f"{where}{too_long}", line)
    if odd:
        # strict JSON has no such numbers; stored as they are they would break every export
        article.meta["nulled"] = f"{', '.join(sorted(set(odd)))} read as null (not JSON numbers)"
    return article


# Deeper than this is no article record; deep values would also strain every later stage that
# walks the record (storing it as JSON, exporting it).
MAX_DEPTH = 64


def _depth_over(obj: Any, limit: int) -> bool:
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            if depth > limit:
                return True
            stack.extend((v, depth + 1) for v in value if isinstance(v, dict | list))
    return False


def _exception(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    text = str(exc)
    if isinstance(exc, ValueError) and "integer string conversion" in text:
        return "a number with more than 4,300 digits"
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _loads(text: str) -> tuple[Any, list[str]]:
    """The JSON value of ``text`` and the NaN/Infinity (or overflowing) numbers read as null.

    Python's json accepts NaN and Infinity, and reads 1e400 as infinity; strict parsers reject
    both, so they never reach a record.
    """
    odd: list[str] = []

    def constant(name: str) -> None:
        odd.append(name)

    def number(literal: str) -> float | None:
        value = float(literal)
        if math.isfinite(value):
            return value
        odd.append(literal if len(literal) <= 20 else literal[:17] + "...")
        return None

    return json.loads(text, parse_constant=constant, parse_float=number), odd


def _parse(
    text: str, path: str, line: int | None, with_line: bool
) -> tuple[Any, list[str]] | Problem:
    try:
        return _loads(text)
    except json.JSONDecodeError as exc:
        return Problem(path, _json_error(exc, with_line), exc.lineno if with_line else line)
    except Exception as exc:  # RecursionError, a 5,000-digit integer, ...
        return Problem(path, f"not valid JSON: {_exception(exc)}", line)


def _json_error(exc: json.JSONDecodeError, with_line: bool) -> str:
    where = f"line {exc.lineno}, col {exc.colno}" if with_line else f"col {exc.colno}"
    return f"not valid JSON: {exc.msg} ({where})"


_WIDE_BOMS = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SKIP_CHUNK = 1 << 20


def _wide_encoding(head: bytes) -> str | None:
    return next((name for bom, name in _WIDE_BOMS if head.startswith(bom)), None)


def _peek(stream: BinaryIO | io.BufferedIOBase, size: int) -> bytes:
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(size))[:size]
    return b""


def iter_jsonl_lines(
    stream: BinaryIO | io.BufferedIOBase,
    path: str,
    limits: Limits | None = None,
    compressed: int | None = None,
) -> Iterator[Article | Problem]:
    """Records of a JSONL stream, one line at a time; a bad line becomes one Problem with its
    number, and the lines after it are still read.

    A line longer than ``limits.line`` is skipped without being held in memory; a gzipped
    stream (``compressed`` is then the file's size) stops once more bytes have come out of it
    than ``limits.expansion`` allows. UTF-8 (with or without
    BOM) is the norm; a UTF-16 or UTF-32 BOM switches the whole file to that encoding.
    """
    limits = limits or Limits()
    # a plain file's size is known and bounded by the disk; only gzip may run away
    cap, cap_text = limits.expansion(compressed) if compressed is not None else (sys.maxsize, "")
    wide = _wide_encoding(_peek(stream, 4))
    reader: Any = stream
    width = 1
    if wide is not None:
        # newline="\n": lines end at "\n" only, as in the byte path (a lone "\r" is no break)
        reader = io.TextIOWrapper(stream, encoding=wide, errors="replace", newline="\n")
        width = 4 if wide == "utf-32" else 2
    newline: bytes | str = "\n" if wide else b"\n"
    blank, total, number = True, 0, 0
    while True:
        raw = reader.readline(limits.line + 1)
        if not raw:
            break
        number += 1
        total += len(raw) * width
        if len(raw) > limits.line and not raw.endswith(newline):
            blank = False
            yield Problem(path, f"line longer than the limit of {human(limits.line)}", number)
            total = _skip_line(reader, newline, total, width, cap)
        elif raw.strip():
            blank = False
            yield _line_record(raw, path, number, limits)
        if total > cap:
            yield Problem(
                path,
                f"decompressed size over the limit of {cap_text}: the rest of the file was not read",
                number,
            )
            return
    if blank:
        yield Problem(path, "empty file")


def _skip_line(reader: Any, newline: bytes | str, total: int, width: int, limit: int) -> int:
    """Reads past the rest of an over-long line in bounded chunks (or up to ``limit`` bytes
    in all); returns how many bytes have been read from the file."""
    while total <= limit:
        chunk = reader.readline(_SKIP_CHUNK)
        total += len(chunk) * width
        if not chunk or chunk.endswith(newline):
            break
    return total


def _line_record(raw: bytes | str, path: str, number: int, limits: Limits) -> Article | Problem:
    if isinstance(raw, bytes):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
    else:
        line = raw
    parsed = _parse(line, path, number, with_line=False)
    if isinstance(parsed, Problem):
        return parsed
    obj, odd = parsed
    return _record(obj, f"{path}#L{number}", path, number, "", limits, odd)


def records_from_json(
    data: str, path: str, limits: Limits | None = None
) -> Iterator[Article | Problem]:
    """Records of a JSON document: one object, a list of objects, or an API wrapper object."""
    limits = limits or Limits()
    parsed = _parse(data, path, None, with_line=True)
    if isinstance(parsed, Problem):
        yield parsed
        return
    obj, odd = parsed
    if isinstance(obj, dict) and _first(obj, TEXT_KEYS)[0] is None:
        key, inner = _first(obj, LIST_KEYS)
        if key is not None and isinstance(inner, list):
            obj = inner
    if isinstance(obj, list):
        if not obj:
            yield Problem(path, "empty JSON list")
        for index, item in enumerate(obj):
            yield _record(item, f"{path}#{index}", path, None, f"item {index}: ", limits, odd)
        return
    if isinstance(obj, dict):
        yield _record(obj, path, path, None, "", limits, odd)
        return
    yield Problem(path, f"JSON holds a {type(obj).__name__}, not an article object")
