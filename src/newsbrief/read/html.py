"""HTML pages through trafilatura: body text with one paragraph per line, plus metadata."""

from __future__ import annotations

import re
from typing import Any

from newsbrief.read.fields import host_of, normalize_date, split_authors
from newsbrief.records import Article, Problem, article_id

# Below this much body text trafilatura has fallen back to menus and widgets, not an article.
_MIN_BODY_CHARS = 40
# Separators between a headline and the site name in <title>/og:title ("Headline | Site").
_SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")
_META_FIELDS = ("hostname", "sitename", "description", "categories", "tags", "pagetype", "license")


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _strip_site_name(title: str, sitename: str | None, host: str | None) -> str:
    """The title without a leading or trailing segment that names the site."""
    parts = _SITE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    names = {_fold(sitename or ""), _fold(host or ""), _fold((host or "").split(".")[0])} - {""}
    squeezed = {n.replace(" ", "") for n in names}
    last, first = parts[-1], parts[0]
    if _fold(last) in names or any(n in _fold(last).replace(" ", "") for n in squeezed):
        return title[: title.rfind(last)].rstrip(" |-–—:·»")
    if _fold(first) in names:
        return title[len(first) :].lstrip(" |-–—:·»")
    return title


def pick_title(meta_title: str, headings: list[str], sitename: str | None, host: str | None) -> str:
    """The headline: an <h1> when the metadata title is that heading plus decoration (site
    name, section, slogan), else the metadata title without a site-name segment. A different
    <h1> is not preferred: on news pages it is as often a teaser as the headline (measured on
    the extraction dev sets)."""
    title = " ".join(meta_title.split())
    folded = _fold(title)
    for heading in headings:
        key = _fold(heading)
        if len(key.split()) >= 2 and key in folded:
            return heading
    return _strip_site_name(title, sitename, host)


def _headings(tree: Any) -> list[str]:
    return [" ".join(h.text_content().split()) for h in tree.iter("h1")]


def article_from_html(
    content: bytes | str, source: str, url: str | None = None
) -> Article | Problem:
    """An Article from one HTML page, or a Problem when the page holds no article body."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    try:
        tree = load_html(content)
        if tree is None:
            return Problem(source, "no article text found in HTML page")
        headings = _headings(tree)
        doc = bare_extraction(
            tree,
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
    page_url = data.get("url") or url
    title = pick_title(
        str(data.get("title") or ""), headings, data.get("sitename"), host_of(page_url)
    )
    lines = _lines(data.get("text"))
    # trafilatura keeps the <h1> as the first body line; the title already holds it.
    if lines and title and _fold(lines[0]) in (_fold(title), _fold(str(data.get("title")))):
        lines = lines[1:]
    text = "\n".join(lines)
    if len(text) < _MIN_BODY_CHARS:
        return Problem(source, "no article text found in HTML page")
    meta: dict[str, Any] = {"format": "html", "extractor": "trafilatura"}
    if data.get("title") and data["title"] != title:
        meta["page_title"] = data["title"]
    for key in _META_FIELDS:
        value = data.get(key)
        if value:
            meta[key] = value
    raw_date = data.get("date")
    published = normalize_date(raw_date)
    if raw_date and published is None:
        meta["raw_date"] = raw_date
    outlet = data.get("sitename") or host_of(page_url)
    outlet = str(outlet) if outlet else None
    return Article(
        id=article_id(source, text),
        source=source,
        text=text,
        title=title,
        outlet=outlet,
        url=str(page_url) if page_url else None,
        authors=split_authors(data.get("author"), outlet),
        published=published,
        language=data.get("language") or None,
        meta=meta,
        comments=_lines(data.get("comments")),
    )
