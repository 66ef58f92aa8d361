"""A polite HTTP fetcher: it names itself, asks robots.txt, waits between requests to one
host, gives up after a timeout, and makes conditional requests with the validators
(ETag, Last-Modified) of the last answer, so an unchanged feed costs the server a 304."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from newsbrief.errors import FetchError

USER_AGENT = "newsbrief/0.1 (+https://github.com/newsbrief/newsbrief; feed reader)"
# the name robots.txt rules are matched against
ROBOTS_AGENT = "newsbrief"
DEFAULT_DELAY = 1.0  # seconds between two requests to the same host
DEFAULT_TIMEOUT = 20.0
# a page or feed larger than this is not news; reading stops there
MAX_BYTES = 16 * 1024 * 1024


@dataclass(slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators still hold
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """GETs URLs politely. ``sleep`` and ``clock`` are injectable for tests."""

    def __init__(
        self,
        user_agent: str = USER_AGENT,
        delay: float = DEFAULT_DELAY,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = MAX_BYTES,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.user_agent, self.delay, self.timeout = user_agent, delay, timeout
        self.max_bytes = max_bytes
        self.sleep, self.clock = sleep, clock
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | FetchError | None] = {}
        # no automatic redirects to other schemes than http(s): urllib's default opener
        # also follows ftp: and file: would not be reachable from http, but be explicit
        self._opener = urllib.request.build_opener()

    # ------------------------------------------------------------------ public

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The answer to a GET of ``url``; 304 when ``etag``/``last_modified`` still hold.

        Raises FetchError for a URL robots.txt disallows, an HTTP error status, a timeout
        or a network failure; the message says which.
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"not an http(s) URL: {url}")
        if not self.allowed(url):
            raise FetchError(f"disallowed by the robots.txt of {parts.netloc}")
        headers = {"User-Agent": self.user_agent, "Accept": "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers)

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets newsbrief fetch ``url`` (fetched once a host).

        Raises FetchError when robots.txt cannot be had: the host is unreachable, or it
        answers with a server error or "forbidden", which RFC 9309 asks crawlers to read as
        "keep out" (the next run asks again).
        """
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            try:
                self._robots[key] = self._read_robots(key)
            except FetchError as exc:
                self._robots[key] = exc
        rules = self._robots[key]
        if isinstance(rules, FetchError):
            raise rules
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    # ------------------------------------------------------------------ plumbing

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's rules; None (everything allowed) when it has no robots.txt."""
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            answer = self._request(f"{origin}/robots.txt", {"User-Agent": self.user_agent})
        except FetchError as exc:
            status = getattr(exc, "status", None)
            if status is not None and 400 <= status < 500 and status not in (401, 403):
                return None  # no robots.txt: no rules
            raise FetchError(f"robots.txt of {urlsplit(origin).netloc}: {exc.args[0]}") from exc
        rules.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        return rules

    def _wait_for(self, host: str) -> None:
        delay = self.delay
        rules = self._robots.get(host)
        if isinstance(rules, urllib.robotparser.RobotFileParser):
            crawl_delay = rules.crawl_delay(ROBOTS_AGENT)
            if crawl_delay:
                delay = max(delay, float(crawl_delay))
        last = self._last.get(host)
        if last is not None:
            wait = delay - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        parts = urlsplit(url)
        self._wait_for(f"{parts.scheme}://{parts.netloc}")
        request = urllib.request.Request(url, headers=headers)
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                body = answer.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise FetchError(f"larger than {self.max_bytes >> 20} MB")
                return _response(answer.geturl(), answer.status, body, answer.headers)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return _response(url, 304, b"", exc.headers)
            error = FetchError(f"HTTP {exc.code} {exc.reason}")
            error.status = exc.code  # type: ignore[attr-defined]
            raise error from exc
        except urllib.error.URLError as exc:
            raise FetchError(f"no connection ({exc.reason})") from exc
        except TimeoutError as exc:
            raise FetchError(f"no answer within {self.timeout:g} s") from exc
        except OSError as exc:  # connection reset and the like
            raise FetchError(f"connection failed ({exc.strerror or exc})") from exc
        except http.client.HTTPException as exc:  # a truncated or malformed answer
            raise FetchError(f"bad HTTP answer ({type(exc).__name__})") from exc


def _response(url: str, status: int, body: bytes, headers: Message) -> Response:
    return Response(
        url=url,
        status=status,
        body=body,
        content_type=headers.get("Content-Type", "") if headers else "",
        etag=headers.get("ETag") if headers else None,
        last_modified=headers.get("Last-Modified") if headers else None,
    )
