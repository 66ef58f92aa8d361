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

from lxml import etree

# schema.org types whose instance is the page's article (not a breadcrumb, site or person).
_ARTICLE_TEXT = """
    article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle
    reviewnewsarticle backgroundnewsarticle blogposting socialmediaposting liveblogposting
    techarticle scholarlyarticle report webpage itempage medicalwebpage howto recipe review
"""
_ARTICLE_TYPES = frozenset(_ARTICLE_TEXT.split())
# The page itself is a weaker match than a real article object: only used when no article is.
_PAGE_TYPES = frozenset({"webpage", "itempage", "medicalwebpage"})

_DATE_TEXT = """
    article:published_time og:article:published_time datepublished publishdate publish-date
    publish_date pubdate date dc.date dc.date.issued dcterms.created dcterms.date sailthru.date
    parsely-pub-date article.published published-date cxenseparse:recs:publishtime
"""
_DATE_META = tuple(_DATE_TEXT.split())
# Scholarly tags come one per author, so they hold the whole list where dc.creator or a
# single "author" tag holds only the first name.
_AUTHOR_TEXT = """
    citation_author citation_authors author article:author dc.creator parsely-author
    sailthru.author byl cxenseparse:author
"""
_AUTHOR_META = tuple(_AUTHOR_TEXT.split())
# Author tags written once per author; a repeated "author" tag is as often a photo credit.
_LIST_META = frozenset({"citation_author", "citation_authors", "dc.creator"})


@dataclass(slots=True)
class PageMeta:
    """Candidates for each field, best first, as (provenance, value)."""

    titles: list[tuple[str, str]] = field(default_factory=list)
    authors: list[tuple[str, list[str]]] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    outlets: list[tuple[str, str]] = field(default_factory=list)
    # names the markup itself calls organisations (publisher, site, author objects typed
    # Organization), folded: an "author" among them is the outlet, not the writer
    organisations: set[str] = field(default_factory=set)


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


_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "website"})


def _org_names(value: Any) -> list[str]:
    """Names in a JSON-LD author value that are typed as organisations."""
    items = value if isinstance(value, list) else [value]
    return [n for v in items if isinstance(v, dict) and _types(v) & _ORG_TYPES for n in _names(v)]


def fold_name(text: str) -> str:
    """Lower-cased letters and digits only: "USA TODAY" and "usatoday" compare equal."""
    return re.sub(r"\W+", "", text.lower())


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


def _meta_tags(tree: Any) -> dict[str, list[str]]:
    """Every value of each <meta name|property|itemprop> key in page order, lower-cased keys."""
    tags: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
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
            out.organisations.update(fold_name(n) for n in _org_names(article.get("author")))
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if value := _text(article.get(key)):
                out.dates.append((f"jsonld:{key}", value))
                break
        if publisher := _text(article.get("publisher")):
            out.outlets.append(("jsonld:publisher", publisher))
    all_tags = _meta_tags(tree)
    tags = {key: values[0] for key, values in all_tags.items()}
    for key in ("og:title", "twitter:title"):
        if tag := tags.get(key, ""):
            out.titles.append((key, tag))
    for key in _AUTHOR_META:
        # article:author is often a profile URL; a user handle is no byline
        values = [
            v
            for v in dict.fromkeys(all_tags.get(key, [])[: None if key in _LIST_META else 1])
            if not v.startswith(("http", "/")) and "@" not in v.split()[0]
        ]
        if values:
            out.authors.append((f"meta:{key}", values))
    for number in "1234":
        # Yoast and similar plugins write "Written by" / <name> as Slack's label/data pair
        label = tags.get(f"twitter:label{number}", "").lower()
        if label in ("written by", "author", "by") and tags.get(f"twitter:data{number}"):
            out.authors.append(("meta:twitter:data", [tags[f"twitter:data{number}"]]))
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
    out.organisations.update(fold_name(name) for _, name in out.outlets)
    out.organisations.discard("")
    return out


# --------------------------------------------------------------------------- visible byline

# Path segments under which sites give each writer a page ("/author/jane-doe/").
_AUTHOR_PATH = re.compile(
    r"/(?:authors?|autor(?:en|in)?|auteurs?|writers?|journalists?|reporters?|columnists?"
    r"|contributors?|staff|people|profiles?|redaktion|team)/(?:[^/?#]+/)*?([^/?#]+)/?(?:[?#]|$)",
    re.IGNORECASE,
)
# Containers whose author links belong to other articles or to readers, not to this one. Matched
# per class token; tokens of layout wrappers ("content-sidebar-wrap", Tailwind's
# "[--sidebar-width:...]") hold the article too and do not count.
_OTHER_CONTAINER = re.compile(
    r"(?:^|[-_])(?:comments?|related|recommend\w*|popular|trending|footer|sidebar|teasers?"
    r"|more-?from|menu|nav|navigation|newsletter|signup|share|social)(?:$|[-_])",
    re.IGNORECASE,
)
_LAYOUT_TOKEN = re.compile(r"wrap|content|main|layout|container|page|[:\[]", re.IGNORECASE)
# class/id tokens of byline elements; "author-bio"/"-avatar"/"-desc" hold other things.
_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:author|byline)s?(?:[_-]?name|[_-]?link)?(?=$|[\s_-])", re.I
)
_NOT_BYLINE_CLASS = re.compile(
    r"avatar|image|img|photo|pic|bio|desc|date|time|social|comment", re.I
)
_BY_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|reported|text)\s+)?(?:by|von|par|por|door|av)\b[:\s]*", re.I
)
_MAX_BYLINE_CHARS = 80
# Dates, counters and bullets sit in byline blocks beside the name but are never part of it.
_NOT_A_NAME = re.compile(r"\d|[•()|]")
# A short block that reads "By Jane Doe": the name is two to five capitalised words.
_BY_TEXT = re.compile(
    r"^(?i:by|von|par|por|door)\s+((?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*\s+){1,4}[A-ZÀ-ÞĀ-Ž][\w'’.-]*)$"
)
_BY_TEXT_XPATH = etree.XPath(
    "//text()[starts-with(normalize-space(.), 'By') or starts-with(normalize-space(.), 'by')]"
)
_HREF_MARKS_TEXT = """
    uthor autor auteur writer staff journalist reporter people columnist contributor team
    profile redaktion
"""
_HREF_MARKS = _HREF_MARKS_TEXT.split()
# One pass over the page: author-page links, itemprop/rel "author", byline-like class or id.
_BYLINE_XPATH = etree.XPath(
    "//*[@itemprop='author' or contains(@rel, 'author') or contains(@class, 'uthor')"
    " or contains(@class, 'yline') or contains(@id, 'uthor') or (self::a and ("
    + " or ".join(f"contains(@href, '{mark}')" for mark in _HREF_MARKS)
    + "))]"
)


def _slug_words(text: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", text.lower()) if w]


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _in_other_container(el: Any) -> bool:
    for anc in el.iterancestors():
        if anc.tag in ("nav", "aside"):
            return True
        # a <footer> of an <article> carries its byline; the page's own footer does not
        if anc.tag == "footer" and next(anc.iterancestors("article"), None) is None:
            return True
        if anc.tag in ("body", "html"):
            break
        for token in f"{anc.get('class') or ''} {anc.get('id') or ''}".split():
            if _OTHER_CONTAINER.search(token) and not _LAYOUT_TOKEN.search(token):
                return True
    return False


def _name_from_link(text: str, href: str) -> tuple[str, bool] | None:
    """The name a writer's page link shows, and whether it matches the link's slug.

    "Written by Jane Doe Staff Writer" linking to /author/jane-doe gives "Jane Doe": the slug
    says which words are the name.
    """
    match = _AUTHOR_PATH.search(href)
    if match is None:
        return None
    text = _BY_PREFIX.sub("", text)
    slug = set(_slug_words(re.sub(r"\.\w{2,5}$", "", match.group(1))))
    words = text.split()
    lower = [" ".join(_slug_words(w)) for w in words]
    hits = [i for i, w in enumerate(lower) if w and w in slug]
    if slug and len(hits) >= 2 and set(lower[i] for i in hits) >= slug - {""}:
        start, end = hits[0], hits[-1] + 1
        # a comma tail ("Jane Doe, MD") is part of how the page names the writer
        if end < len(words) and not words[end - 1].endswith(","):
            words = words[:end]
        return " ".join(words[start:]), True
    return text, False


def _itemprop_name(el: Any) -> str:
    for sub in el.iterdescendants():
        if (sub.get("itemprop") or "").lower() == "name":
            return _squeeze(sub.get("content") or sub.text_content())
    return _squeeze(el.get("content") or el.text_content())


def _byline_candidate(el: Any) -> tuple[str, bool] | None:
    """(name text, strong) for one element, or None when it names no writer."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if (el.get("itemprop") or "").lower() == "author":
        return _itemprop_name(el), True
    text = _squeeze(el.text_content())
    if not text or len(text) > _MAX_BYLINE_CHARS:
        return None
    if tag == "a":
        if "author" in (el.get("rel") or "").lower():
            return _BY_PREFIX.sub("", text), True
        href = el.get("href") or ""
        if found := _name_from_link(text, href):
            return found[0], True
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    if _BYLINE_CLASS.search(marks) and not _NOT_BYLINE_CLASS.search(marks):
        return _BY_PREFIX.sub("", text), False
    return None


def visible_bylines(tree: Any) -> list[tuple[str, list[str]]]:
    """Writer names from the byline the page shows, as candidates best first.

    The first author link or ``itemprop=author`` element in page order is the article's own
    byline (related-article cards and reader comments come later and are skipped by their
    containers); names linked in the same short block ("By A and B") join it. A class named
    like a byline is weaker evidence and only a later candidate.
    """
    strong: list[tuple[Any, str]] = []
    weak: list[str] = []
    try:
        elements = _BYLINE_XPATH(tree)
    except Exception:  # a tree lxml cannot query has no byline to offer
        return []
    parent = None
    for el in elements:
        if parent is not None and el.getparent() is not parent:
            continue  # "By <a>A</a> and <a>B</a>": only links side by side join the first
        found = _byline_candidate(el)
        if found is None or not found[0] or len(found[0]) > _MAX_BYLINE_CHARS:
            continue
        if _NOT_A_NAME.search(found[0]):
            continue
        if found[1] and (parent is not None or not _in_other_container(el)):
            strong.append((el, found[0]))
            parent = el.getparent()
        elif not found[1] and not weak and parent is None and not _in_other_container(el):
            weak.append(found[0])
    out: list[tuple[str, list[str]]] = []
    if strong:
        # an "expert reviewer" or "editor" box beside the byline is a block of its own
        out.append(("byline:link", list(dict.fromkeys(name for _, name in strong))))
    if text_byline := _by_text(tree):
        out.append(("byline:text", [text_byline]))
    if weak:
        out.append(("byline:class", weak))
    return out


def _by_text(tree: Any) -> str | None:
    """The name in the first short "By Jane Doe" block outside related and comment boxes."""
    for node in _BY_TEXT_XPATH(tree):
        el = node.getparent()
        for _ in range(3):
            if el is None:
                break
            text = _squeeze(el.text_content())
            if len(text) > _MAX_BYLINE_CHARS:
                break
            match = _BY_TEXT.match(text)
            if match and not _in_other_container(el):
                return match.group(1)
            el = el.getparent()
    return None
