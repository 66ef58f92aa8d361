"""Feeds against a local HTTP server started by the test (never the internet): `add` of feed
URLs twice (the second adds nothing and only makes conditional requests), `watch` for two
polls picking up an entry published between them, robots.txt, retries, feed files."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli import EXIT_OK, EXIT_PARTIAL, main
from newsbrief.feeds import FeedReader, is_feed_input
from newsbrief.feeds.fetch import USER_AGENT, Fetcher
from newsbrief.records import Article, Problem
from newsbrief.store import Store

pytest.importorskip("feedparser")

LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)

EVENTS = {
    "ferry": (
        "Ferry runs aground off Kessling Point",
        "Harbour Gazette",
        "A passenger ferry ran aground off Kessling Point on Saturday morning with 212 people "
        "on board, the coastguard said. Nobody was hurt, and all passengers were taken ashore "
        "by lifeboat crews within three hours. The operator, Westmere Lines, said the vessel "
        "lost steering power shortly after leaving port. Divers inspected the hull in the "
        "afternoon and found a breach near the bow. The coastguard said an investigation into "
        "the cause would begin on Monday.",
    ),
    "library": (
        "Dunmore library reopens after two-year restoration",
        "Dunmore Post",
        "The Dunmore public library reopened on Sunday after a two-year restoration that cost "
        "4.3 million pounds, the town council said. The building, which dates from 1887, had "
        "been closed since a roof collapse in the winter storms. Head librarian Mara Quill "
        "said more than 900 residents visited on the first day. The council said the reading "
        "room now has step-free access and a new children's wing.",
    ),
    "orchard": (
        "Late frost destroys half of Pellam valley apple blossom",
        "Valley Courier",
        "A late frost on Wednesday night destroyed about half of the apple blossom in the "
        "Pellam valley, growers said on Thursday. Temperatures fell to minus four degrees "
        "shortly before dawn, the regional weather office said. The growers' association "
        "said the harvest would be the smallest in twenty years. Orchard owner Tobin Hale "
        "said frost fans had saved only the trees nearest his farmhouse.",
    ),
    "bridge": (
        "Rail bridge at Corran closed for repairs until June",
        "Corran Evening News",
        "The rail bridge at Corran will stay closed for repairs until June, the network "
        "operator said on Tuesday. Engineers found cracks in two of the bridge's steel "
        "girders during a routine inspection last week. Replacement buses will run between "
        "Corran and Ashby every twenty minutes. The operator said the repairs would cost "
        "about 12 million pounds and apologised to passengers for the disruption.",
    ),
}


def page(key: str) -> bytes:
    title, outlet, body = EVENTS[key]
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (
        f"<!doctype html><html><head><title>{title} | {outlet}</title>"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="2024-03-0{len(key) % 9}T09:00:00Z">'
        f"</head><body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paragraphs}"
        f"</article><footer>Copyright</footer></body></html>"
    ).encode()


def rss(entries: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{EVENTS[key][0]}</title><link>{link}</link>"
        f"<description>{EVENTS[key][2][:80]}…</description>"
        f"<pubDate>Sat, 02 Mar 2024 09:00:00 GMT</pubDate></item>"
        for key, link in entries
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title>'
        f"<link>http://example.invalid/</link>{items}</channel></rss>"
    ).encode()


def atom(keys: list[str]) -> bytes:
    entries = "".join(
        f"<entry><title>{EVENTS[k][0]}</title><id>urn:{k}</id>"
        f'<link href="http://example.invalid/{k}"/><updated>2024-03-02T10:00:00Z</updated>'
        f"<author><name>Staff</name></author>"
        f'<content type="html">&lt;p&gt;{EVENTS[k][2]}&lt;/p&gt;</content></entry>'
        for k in keys
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{EVENTS[keys[0]][1]}</title><id>urn:feed</id>"
        f"<updated>2024-03-02T10:00:00Z</updated>{entries}</feed>"
    ).encode()


@dataclass
class Site:
    """What the test server answers: path -> (content type, body or a function of the
    number of times the path was served before)."""

    routes: dict[str, tuple[str, bytes | Callable[[int], bytes | int]]] = field(
        default_factory=dict
    )
    log: list[dict[str, str | None]] = field(default_factory=list)
    served: dict[str, int] = field(default_factory=dict)
    base: str = ""

    def requests(self, path: str) -> list[dict[str, str | None]]:
        return [r for r in self.log if r["path"] == path]


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            state.log.append(
                {
                    "path": self.path,
                    "if_none_match": self.headers.get("If-None-Match"),
                    "if_modified_since": self.headers.get("If-Modified-Since"),
                    "user_agent": self.headers.get("User-Agent"),
                }
            )
            route = state.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            kind, body = route
            count = state.served.get(self.path, 0)
            state.served[self.path] = count + 1
            if callable(body):
                body = body(count)
            if isinstance(body, int):
                self.send_error(body)
                return
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


HTML, RSS, ATOM = "text/html; charset=utf-8", "application/rss+xml", "application/atom+xml"


def _add(db: Path, *inputs: str):
    return CliRunner().invoke(main, ["add", *inputs, "--db", str(db), "--delay", "0", "-q"])


def test_add_two_feed_urls_twice_second_run_is_conditional_and_adds_nothing(site, tmp_path):
    site.routes["/robots.txt"] = ("text/plain", b"User-agent: *\nDisallow: /private/\n")
    site.routes["/news.rss"] = (
        RSS,
        rss([("ferry", f"{site.base}/p/ferry.html"), ("library", f"{site.base}/p/library.html")]),
    )
    site.routes["/p/ferry.html"] = (HTML, page("ferry"))
    site.routes["/p/library.html"] = (HTML, page("library"))
    site.routes["/full.atom"] = (ATOM, atom(["orchard"]))
    db = tmp_path / "nb.db"
    feeds = [f"{site.base}/news.rss", f"{site.base}/full.atom"]

    first = _add(db, *feeds)
    assert first.exit_code == EXIT_OK, first.output
    with Store(db) as store:
        titles = sorted(a.title for a in store.articles())
        by_title = {a.title: a for a in store.articles()}
    assert titles == sorted(EVENTS[k][0] for k in ("ferry", "library", "orchard"))
    # the Atom feed carries full text: read from the feed, its page never requested
    assert by_title[EVENTS["orchard"][0]].meta["body_from"] == "feed"
    assert "minus four degrees" in by_title[EVENTS["orchard"][0]].text
    # the RSS feed has teasers: the pages were fetched and read as HTML
    assert by_title[EVENTS["ferry"][0]].outlet == "Harbour Gazette"
    assert "lifeboat crews" in by_title[EVENTS["ferry"][0]].text
    assert all(r["user_agent"] == USER_AGENT for r in site.log)
    assert len(site.requests("/robots.txt")) == 1  # once per host and run
    first_log = len(site.log)

    second = CliRunner().invoke(main, ["add", *feeds, "--db", str(db), "--delay", "0"])
    assert second.exit_code == EXIT_OK, second.output
    assert "0 new articles" in second.output
    later = site.log[first_log:]
    feed_requests = [r for r in later if r["path"] in ("/news.rss", "/full.atom")]
    assert len(feed_requests) == 2
    for r in feed_requests:
        assert r["if_none_match"] and r["if_modified_since"] == LAST_MODIFIED
    assert not [r for r in later if r["path"].startswith("/p/")]  # no page fetched again
    with Store(db) as store:
        assert store.count_articles() == 3


def test_watch_two_polls_picks_up_an_entry_published_between_them(site, tmp_path):
    site.routes["/robots.txt"] = ("text/plain", b"")
    first_entries = [("ferry", f"{site.base}/p/ferry.html")]
    both = [*first_entries, ("bridge", f"{site.base}/p/bridge.html")]
    # the feed gains an entry once it has been read once: published between the two polls
    site.routes["/news.rss"] = (RSS, lambda served: rss(first_entries if served == 0 else both))
    site.routes["/p/ferry.html"] = (HTML, page("ferry"))
    site.routes["/p/bridge.html"] = (HTML, page("bridge"))
    db = tmp_path / "nb.db"

    result = CliRunner().invoke(
        main,
        ["watch", f"{site.base}/news.rss", "--db", str(db), "--every", "0s", "--polls", "2"],
        env={"COLUMNS": "300"},
    )
    assert result.exit_code == EXIT_OK, result.output
    lines = result.output.splitlines()
    poll_1 = lines.index(next(x for x in lines if x.startswith("poll 1:")))
    assert any(EVENTS["ferry"][0] in x and x.startswith("new story") for x in lines[:poll_1])
    assert not any(EVENTS["bridge"][0] in x for x in lines[:poll_1])
    assert any(EVENTS["bridge"][0] in x and x.startswith("new story") for x in lines[poll_1:])
    assert "poll 2: 1 new article," in result.output
    assert len(site.requests("/p/ferry.html")) == 1  # the first entry's page is not refetched
    with Store(db) as store:
        assert store.count_articles() == 2


def test_watch_resumes_and_reports_nothing_new(site, tmp_path):
    site.routes["/news.rss"] = (RSS, rss([("library", f"{site.base}/p/library.html")]))
    site.routes["/p/library.html"] = (HTML, page("library"))
    db = tmp_path / "nb.db"
    args = ["watch", f"{site.base}/news.rss", "--db", str(db), "--every", "0", "--polls", "1"]
    first = CliRunner().invoke(main, [*args, "--delay", "0"])
    assert "new story" in first.stdout
    again = CliRunner().invoke(main, [*args, "--delay", "0"])
    assert again.exit_code == EXIT_OK, again.output
    assert again.stdout == ""  # nothing changed since the last watch
    assert "poll 1: 0 new articles" in again.output


def test_robots_txt_is_honoured_and_a_failed_page_is_retried_next_run(site, tmp_path):
    site.routes["/robots.txt"] = ("text/plain", b"User-agent: *\nDisallow: /private/\n")
    site.routes["/news.rss"] = (
        RSS,
        rss(
            [
                ("ferry", f"{site.base}/private/ferry.html"),
                ("library", f"{site.base}/p/library.html"),
                ("bridge", f"{site.base}/p/b.html"),
            ]
        ),
    )
    site.routes["/private/ferry.html"] = (HTML, page("ferry"))
    site.routes["/p/library.html"] = (HTML, page("library"))
    # the bridge page fails once (a server error), then works
    site.routes["/p/b.html"] = (HTML, lambda served: 503 if served == 0 else page("bridge"))
    db = tmp_path / "nb.db"

    first = _add(db, f"{site.base}/news.rss")
    assert first.exit_code == EXIT_PARTIAL, first.output
    assert "disallowed by the robots.txt of 127.0.0.1" in first.output
    assert "HTTP 503" in first.output and "tried again next run" in first.output
    assert not site.requests("/private/ferry.html")

    second = _add(db, f"{site.base}/news.rss")
    # the feed is unchanged (304) but the failed page is fetched again and now read
    assert site.requests("/news.rss")[-1]["if_none_match"]
    assert len(site.requests("/p/b.html")) == 2
    assert len(site.requests("/p/library.html")) == 1
    with Store(db) as store:
        assert [a.title for a in store.articles()] == [EVENTS[k][0] for k in ("library", "bridge")]
    assert "HTTP 503" not in second.output


def test_an_unreachable_feed_is_one_problem_and_nothing_is_created(tmp_path):
    db = tmp_path / "nb.db"
    # a port nobody listens on: connection refused, quickly and offline
    result = _add(db, "http://127.0.0.1:9/feed.rss")
    assert result.exit_code == 3, result.output
    assert result.output.count("http://127.0.0.1:9/") == 1
    assert not db.exists()


def test_a_feed_file_is_read_from_disk(tmp_path):
    feed = tmp_path / "local.atom"
    feed.write_bytes(atom(["orchard", "library"]))
    xml = tmp_path / "other.xml"
    xml.write_bytes(atom(["bridge"]))
    plain = tmp_path / "notes.xml"
    plain.write_text("<notes><n>not a feed</n></notes>")
    assert is_feed_input(str(feed)) and is_feed_input(str(xml))
    assert not is_feed_input(str(plain))
    db = tmp_path / "nb.db"
    result = _add(db, str(feed), str(xml))
    assert result.exit_code == EXIT_OK, result.output
    with Store(db) as store:
        articles = list(store.articles())
    assert sorted(a.title for a in articles) == sorted(
        EVENTS[k][0] for k in ("orchard", "library", "bridge")
    )
    assert {a.outlet for a in articles} == {EVENTS["orchard"][1], EVENTS["bridge"][1]}
    assert all(a.published and a.published.startswith("2024-03-02") for a in articles)


def test_the_fetcher_waits_between_requests_to_one_host(site):
    site.routes["/a"] = (HTML, b"a")
    site.routes["/b"] = (HTML, b"b")
    clock = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock[0] += seconds

    fetcher = Fetcher(delay=2.5, sleep=sleep, clock=lambda: clock[0])
    fetcher.get(f"{site.base}/a")  # robots.txt (404: no rules), then /a after a wait
    fetcher.get(f"{site.base}/b")
    assert waits == [2.5, 2.5]


def test_feed_reader_yields_a_problem_per_failed_url(site, tmp_path):
    site.routes["/news.rss"] = (RSS, rss([("ferry", f"{site.base}/gone.html")]))
    with Store(tmp_path / "x.db") as store:
        reader = FeedReader(store, Fetcher(delay=0))
        items = list(reader.read([f"{site.base}/news.rss", f"{site.base}/missing.rss"]))
        reader.commit()
        assert [type(i) for i in items] == [Problem, Problem]
        assert not any(isinstance(i, Article) for i in items)
        assert items[0].source == f"{site.base}/gone.html" and "HTTP 404" in items[0].reason
        assert items[1].source == f"{site.base}/missing.rss"
        assert [s["url"] for s in store.failed_fetches(f"{site.base}/news.rss")] == [
            f"{site.base}/gone.html"
        ]


SECOND_FERRY = (
    "Ferry aground at Kessling Point, passengers rescued",
    "Coast Herald",
    "A passenger ferry ran aground off Kessling Point on Saturday morning with 198 people on "
    "board, the coastguard said. Nobody was hurt, and all passengers were taken ashore by "
    "lifeboat crews. The operator, Westmere Lines, said the vessel lost steering power shortly "
    "after leaving port. The coastguard said an investigation would begin on Monday.",
)


def test_watch_prints_a_new_outlet_and_a_new_conflict_in_a_known_story(site, tmp_path):
    EVENTS["ferry2"] = SECOND_FERRY
    try:
        first = [("ferry", f"{site.base}/p/ferry.html")]
        both = [*first, ("ferry2", f"{site.base}/p/ferry2.html")]
        site.routes["/news.rss"] = (RSS, lambda served: rss(first if served == 0 else both))
        site.routes["/p/ferry.html"] = (HTML, page("ferry"))
        site.routes["/p/ferry2.html"] = (HTML, page("ferry2"))
        result = CliRunner().invoke(
            main,
            [
                "watch",
                f"{site.base}/news.rss",
                "--db",
                str(tmp_path / "nb.db"),
                "--every",
                "0",
                "--polls",
                "2",
                "--delay",
                "0",
            ],  # fmt: skip
            env={"COLUMNS": "300"},
        )
    finally:
        del EVENTS["ferry2"]
    assert result.exit_code == EXIT_OK, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("new story") and "Harbour Gazette" in lines[0]
    story = lines[0].split()[2].rstrip(":")
    assert f"story {story}: new outlet Coast Herald" in "\n".join(lines[1:])
    conflict = [x for x in lines[1:] if x.startswith(f"story {story}: new conflict")]
    assert conflict and "212" in conflict[0] and "198" in conflict[0]


def test_watch_stops_cleanly_on_ctrl_c(site, tmp_path, monkeypatch):
    import time

    site.routes["/news.rss"] = (RSS, rss([("library", f"{site.base}/p/library.html")]))
    site.routes["/p/library.html"] = (HTML, page("library"))

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", interrupted)  # Ctrl-C while waiting for the next poll
    db = tmp_path / "nb.db"
    result = CliRunner().invoke(
        main, ["watch", f"{site.base}/news.rss", "--db", str(db), "--every", "1h"]
    )
    assert result.exit_code == EXIT_OK, result.output
    assert "stopped after 1 poll; everything committed so far is kept" in result.output
    assert "Traceback" not in result.output
    with Store(db) as store:
        assert store.count_articles() == 1
