"""HTML pages through trafilatura: body text with one paragraph per line, plus metadata."""

from __future__ import annotations

import re
from typing import Any

from newsbrief.read.fields import host_of, normalize_date, split_authors
from newsbrief.records import Article, Problem, article_id

# Below this much body text trafilatura has fallen back to menus and widgets, not an article.
_MIN_BODY_CHARS = 40
_META_FIELDS = ("hostname", "sitename", "description", "categories", "tags", "pagetype", "license")


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def article_from_html(
    content: bytes | str, source: str, url: str | None = None
) -> Article | Problem:
    """An Article from one HTML page, or a Problem when the page holds no article body."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            content,
            url=url,
            with_metadata=True,
            include_comments=True,
            include_tables=True,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        return Problem(source, f"HTML could not be parsed: {type(exc).__name__}")
    if doc is None:
        return Problem(source, "no article text found in HTML page")
    data: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    title = " ".join(str(data.get("title") or "").split())
    lines = _lines(data.get("text"))
    # trafilatura keeps the <h1> as the first body line; the title already holds it.
    if lines and title and _fold(lines[0]) == _fold(title):
        lines = lines[1:]
    text = "\n".join(lines)
    if len(text) < _MIN_BODY_CHARS:
        return Problem(source, "no article text found in HTML page")
    page_url = data.get("url") or url
    meta: dict[str, Any] = {"format": "html", "extractor": "trafilatura"}
    for key in _META_FIELDS:
        value = data.get(key)
        if value:
            meta[key] = value
    raw_date = data.get("date")
    published = normalize_date(raw_date)
    if raw_date and published is None:
        meta["raw_date"] = raw_date
    outlet = data.get("sitename") or host_of(page_url)
    return Article(
        id=article_id(source, text),
        source=source,
        text=text,
        title=title,
        outlet=str(outlet) if outlet else None,
        url=str(page_url) if page_url else None,
        authors=split_authors(data.get("author")),
        published=published,
        language=data.get("language") or None,
        meta=meta,
        comments=_lines(data.get("comments")),
    )
