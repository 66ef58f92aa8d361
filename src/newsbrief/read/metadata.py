"""Page metadata from the markup a publisher writes for machines: JSON-LD, OpenGraph, meta tags.

Structured fields are what the publisher's CMS filled in for the article itself, so they beat
text found on the page (a sidebar date, a "More from this author" box). Each value comes with
where it was found, e.g. ``("jsonld:datePublished", "2023-04-12T08:30:00+02:00")``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# schema.org types whose instance is the page's article (not a breadcrumb, site or person).
_ARTICLE_TYPES = frozenset(
    [
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "socialmediaposting",
        "liveblogposting",
        "techarticle",
        "scholarlyarticle",
        "report",
        "webpage",
        "itempage",
        "medicalwebpage",
        "howto",
        "recipe",
        "review",
    ]
)
# The page itself is a weaker match than a real article object: only used when no article is.
_PAGE_TYPES = frozenset({"webpage", "itempage", "medicalwebpage"})

_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published-date",
    "cxenseparse:recs:publishtime",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "cxenseparse:author",
)


@dataclass(slots=True)
class PageMeta:
    """Candidates for each field, best first, as (provenance, value)."""

    titles: list[tuple[str, str]] = field(default_factory=list)
    authors: list[tuple[str, list[str]]] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    outlets: list[tuple[str, str]] = field(default_factory=list)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    items = value if isinstance(value, list) else [value]
    return {str(t).lower().rsplit("/", 1)[-1] for t in items if t}


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON-LD document, @graph members included."""
    if isinstance(value, list):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in value:
                yield from _walk(value[key])


def _jsonld_objects(tree: Any) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            # CMSs often leave raw newlines or a trailing comma inside the JSON
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.replace("\n", " ")))
            except ValueError:
                continue
        objects.extend(_walk(data))
    return objects


def _names(value: Any) -> list[str]:
    """Person and organisation names from a JSON-LD author value."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() and not value.startswith(("http", "/")) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            return [str(n) for n in name if n]
        if name:
            return [str(name)]
        given, family = value.get("givenName"), value.get("familyName")
        if given or family:
            return [" ".join(str(x) for x in (given, family) if x)]
    return []


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return " ".join(str(value or "").split())


def _completeness(obj: dict[str, Any]) -> int:
    return -(bool(obj.get("headline")) + bool(obj.get("datePublished")))


def _article_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    articles = [o for o in objects if _types(o) & (_ARTICLE_TYPES - _PAGE_TYPES)]
    pages = [o for o in objects if _types(o) & _PAGE_TYPES]
    for candidates in (articles, pages):
        # the object that carries a headline and a date is the article, not a teaser stub
        for obj in sorted(candidates, key=_completeness):
            return obj
    return None


def _meta_tags(tree: Any) -> dict[str, str]:
    """First value of each <meta name|property|itemprop> key, lower-cased keys."""
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), " ".join(content.split()))
    return tags


def read_page_meta(tree: Any) -> PageMeta:
    """Title, author, date and outlet candidates from an lxml tree of the page."""
    out = PageMeta()
    objects = _jsonld_objects(tree)
    article = _article_object(objects)
    if article is not None:
        if headline := _text(article.get("headline")) or _text(article.get("name")):
            out.titles.append(("jsonld:headline", headline))
        if names := _names(article.get("author")) or _names(article.get("creator")):
            out.authors.append(("jsonld:author", names))
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if value := _text(article.get(key)):
                out.dates.append((f"jsonld:{key}", value))
                break
        if publisher := _text(article.get("publisher")):
            out.outlets.append(("jsonld:publisher", publisher))
    tags = _meta_tags(tree)
    for key in ("og:title", "twitter:title"):
        if tag := tags.get(key, ""):
            out.titles.append((key, tag))
    for key in _AUTHOR_META:
        tag = tags.get(key, "")
        if tag and not tag.startswith(("http", "/")) and "@" not in tag.split()[0]:
            out.authors.append((f"meta:{key}", [tag]))
    for key in _DATE_META:
        if tag := tags.get(key, ""):
            out.dates.append((f"meta:{key}", tag))
    for time_el in tree.iter("time"):
        stamp = str(time_el.get("datetime") or "")
        if (time_el.get("itemprop") or "").lower() == "datepublished" and stamp:
            out.dates.append(("itemprop:datePublished", stamp))
            break
    if tag := tags.get("og:site_name", ""):
        out.outlets.append(("og:site_name", tag))
    sites = (o for o in objects if _types(o) & {"organization", "newsmediaorganization", "website"})
    for obj in sites:
        if name := _text(obj.get("name")):
            out.outlets.append(("jsonld:" + sorted(_types(obj))[0], name))
            break
    return out
