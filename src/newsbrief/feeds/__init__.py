"""Feeds: RSS and Atom files and URLs as input, read politely and incrementally.

An entry whose feed carries its full text (``content:encoded``, Atom ``content``) is read
from the feed; otherwise the entry's page is fetched and read like any HTML page
(``newsbrief.read.article_from_html``). Feeds are fetched with conditional requests, so an
unchanged feed costs one 304; a page already fetched is not fetched again; a page that could
not be fetched is remembered in the store and tried again on the next run, even when the
feed itself has not changed. What was fetched is only recorded once the articles it gave
are committed, so a run killed half-way refetches rather than loses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsbrief.errors import FetchError, InputError
from newsbrief.feeds.fetch import Fetcher, Response
from newsbrief.feeds.parse import Entry, FeedDoc, looks_like_feed, parse_feed
from newsbrief.records import Article, Problem

__all__ = [
    "Entry",
    "FeedReader",
    "Fetcher",
    "is_feed_input",
    "is_url",
    "parse_feed",
]

FEED_SUFFIXES = (".rss", ".atom")


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def is_feed_input(value: str) -> bool:
    """Whether a command-line input is for the feed reader: a URL, or a local RSS/Atom file
    (``.rss``, ``.atom``, or an ``.xml`` file whose root element is a feed)."""
    if is_url(value):
        return True
    path = Path(value)
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    if suffix == ".xml" and path.is_file():
        try:
            with path.open("rb") as handle:
                return looks_like_feed(handle.read(4096))
        except OSError:
            return False
    return False


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedReader:
    """Reads feeds (URLs or files) into Articles and Problems, one Problem per failed URL.

    Call ``commit()`` after the articles yielded are stored: it records the fetches
    (validators of each feed, pages fetched, pages to retry) in the store.
    """

    def __init__(self, store: Any, fetcher: Fetcher | None = None) -> None:
        self.store = store
        self.fetcher = fetcher or Fetcher()
        self.pending: list[dict[str, Any]] = []

    def read(self, feeds: Iterable[str]) -> Iterator[Article | Problem]:
        for feed in feeds:
            yield from self.read_feed(feed)

    def commit(self) -> None:
        if self.pending:
            self.store.save_fetches(self.pending)
        self.pending = []

    # ------------------------------------------------------------------ one feed

    def read_feed(self, feed: str) -> Iterator[Article | Problem]:
        # pages that failed on an earlier run come first: the feed may answer 304 now
        retried: set[str] = set()
        for state in self.store.failed_fetches(feed):
            if state["entry"] is None:
                continue
            retried.add(state["url"])
            yield from self._read_entry(feed, Entry.from_dict(state["entry"]))
        doc = self._fetch_feed(feed) if is_url(feed) else self._read_feed_file(feed)
        if isinstance(doc, Problem):
            yield doc
            return
        if doc is None:  # 304: nothing new
            return
        if isinstance(doc, Article):  # the URL was a page, not a feed
            yield doc
            return
        for entry in doc.entries:
            if entry.link in retried:
                continue
            yield from self._read_entry(feed, entry)

    def _fetch_feed(self, url: str) -> FeedDoc | Article | Problem | None:
        state = self.store.fetch_state(url)
        try:
            answer = self._get(
                url,
                state["etag"] if state and not state["error"] else None,
                state["last_modified"] if state and not state["error"] else None,
            )
        except FetchError as exc:
            self._record(url, None, error=str(exc.args[0]))
            return Problem(url, f"feed not fetched: {exc.args[0]}")
        if answer.not_modified:
            return None
        self._record(url, None, answer=answer)
        if not looks_like_feed(answer.body) and "html" in answer.content_type.lower():
            # `newsbrief add https://example.org/some-article.html`: one page
            from newsbrief.read import article_from_html

            return article_from_html(answer.body, answer.url, url=answer.url)
        try:
            return parse_feed(answer.body, answer.url)
        except InputError as exc:
            return Problem(url, str(exc.args[0]))

    def _read_feed_file(self, path: str) -> FeedDoc | Problem:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            return Problem(path, f"cannot read file: {exc.strerror or exc}")
        try:
            return parse_feed(data, None)
        except InputError as exc:
            return Problem(path, str(exc.args[0]))

    def _read_entry(self, feed: str, entry: Entry) -> Iterator[Article | Problem]:
        if entry.full_text:
            try:
                yield entry.to_article(feed)
            except InputError as exc:
                yield Problem(entry.link or feed, str(exc.args[0]))
            return
        if not entry.link:
            yield Problem(feed, f"entry {entry.title!r} has neither full text nor a link")
            return
        state = self.store.fetch_state(entry.link)
        if state is not None and not state["error"]:
            return  # fetched and stored on an earlier run
        try:
            answer = self._get(entry.link)
        except FetchError as exc:
            self._record(entry.link, feed, error=str(exc.args[0]), entry=entry)
            yield Problem(entry.link, f"page not fetched (tried again next run): {exc.args[0]}")
            return
        from newsbrief.read import article_from_html

        read = article_from_html(answer.body, entry.link, url=answer.url)
        self._record(entry.link, feed, answer=answer)
        if isinstance(read, Problem):
            yield read
            return
        yield entry.complete(read, feed)

    # ------------------------------------------------------------------ plumbing

    def _get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        return self.fetcher.get(url, etag=etag, last_modified=last_modified)

    def _record(
        self,
        url: str,
        feed: str | None,
        answer: Response | None = None,
        error: str | None = None,
        entry: Entry | None = None,
    ) -> None:
        self.pending.append(
            {
                "url": url,
                "feed": feed,
                "etag": answer.etag if answer else None,
                "last_modified": answer.last_modified if answer else None,
                "fetched": _now(),
                "error": error,
                "entry": entry.to_dict() if entry is not None else None,
            }
        )
