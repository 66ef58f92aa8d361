"""RSS and Atom through feedparser: the feed's title and, per entry, its link, title, date,
authors, summary and full text when the feed carries it."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from newsbrief.errors import InputError, require
from newsbrief.records import Article

# Below this much text (two or three sentences) an entry's content is a teaser, and its page
# is fetched instead.
FULL_TEXT_CHARS = 300
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a document are an RSS, Atom or RSS 1.0 (RDF) root."""
    return bool(_FEED_ROOT.search(head[:4096]))


@dataclass(slots=True)
class Entry:
    link: str | None
    title: str = ""
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    summary: str = ""  # HTML or text, as the feed has it
    content: str = ""  # the entry's full content (HTML or text), when the feed has one
    feed_title: str | None = None
    feed_link: str | None = None

    @property
    def full_text(self) -> bool:
        return len(_plain(self.content)) >= FULL_TEXT_CHARS

    @property
    def summary_text(self) -> str:
        return _plain(self.summary or self.content)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        known: dict[str, Any] = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def _record(self, text: str) -> dict[str, Any]:
        record: dict[str, Any] = {"text": text, "title": self.title}
        if self.link:
            record["url"] = self.link
        if self.published:
            record["published"] = self.published
        if self.feed_title:
            record["outlet"] = self.feed_title
        if self.authors:
            record["authors"] = self.authors
        return record

    def to_article(self, feed: str, note: str | None = None) -> Article:
        """The entry as an article read from the feed itself (full text or summary)."""
        from newsbrief.read import article_from_dict

        text = self.content if self.full_text else (self.summary or self.content)
        try:
            article = article_from_dict(self._record(text), self.link or feed)
        except InputError as exc:
            raise InputError(f"feed entry {self.title!r}: {exc.args[0]}") from exc
        meta = {k: v for k, v in article.meta.items() if k != "path"}
        meta.update(format="feed", feed=feed, body_from="feed" if self.full_text else "summary")
        if note:
            meta["note"] = note
        return replace(article, meta=meta)

    def complete(self, article: Article, feed: str) -> Article:
        """A page's article with what the feed knows and the page did not say."""
        meta = dict(article.meta, feed=feed)
        return replace(
            article,
            title=article.title or self.title,
            published=article.published or _date(self.published),
            authors=article.authors or list(self.authors),
            outlet=article.outlet or self.feed_title,
            meta=meta,
        )


@dataclass(slots=True)
class FeedDoc:
    title: str | None
    link: str | None
    entries: list[Entry]


def _plain(markup: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", markup or "").split())


def _date(value: str | None) -> str | None:
    from newsbrief.read.fields import normalize_date

    return normalize_date(value) if value else None


def parse_feed(data: bytes, base_url: str | None) -> FeedDoc:
    """The feed in ``data``; raises InputError when it is not a feed feedparser can read."""
    feedparser = require("feedparser", "feeds")
    parsed = feedparser.parse(data, response_headers={"content-location": base_url or ""})
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"not an RSS or Atom feed{f' ({reason})' if reason else ''}")
    info = parsed.get("feed", {})
    feed_title = " ".join(str(info.get("title") or "").split()) or None
    entries = []
    for item in parsed.entries:
        content = ""
        for part in item.get("content") or []:
            if len(part.get("value") or "") > len(content):
                content = part.get("value") or ""
        authors = [a.get("name") for a in item.get("authors") or [] if a.get("name")]
        if not authors and item.get("author"):
            authors = [item["author"]]
        entries.append(
            Entry(
                link=item.get("link") or None,
                title=" ".join(str(item.get("title") or "").split()),
                published=item.get("published") or item.get("updated") or None,
                authors=authors,
                summary=item.get("summary") or "",
                content=content,
                feed_title=feed_title,
                feed_link=info.get("link"),
            )
        )
    return FeedDoc(title=feed_title, link=info.get("link"), entries=entries)
