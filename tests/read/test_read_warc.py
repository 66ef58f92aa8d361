"""WARC input: HTML responses become articles; everything else is skipped or reported once.

The archives are written by hand (the WARC/1.0 format is a header block and a payload per
record, each record its own gzip member in a .warc.gz), so the tests control every byte.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

from newsbrief.read import iter_inputs, iter_warc
from newsbrief.records import Article, Problem

pytest.importorskip("fastwarc")

DATE = "2017-07-11T08:30:00Z"


def page(title: str, published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paragraphs = "".join(
        f"<p>{title} was confirmed by officials on the ground, paragraph {k}, "
        f"and residents described the scene in some detail to reporters.</p>"
        for k in range(4)
    )
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def http(
    body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK"
) -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def record(kind: str, uri: str, block: bytes, date: str = DATE, length: str | None = None) -> bytes:
    content_type = {"response": "application/http; msgtype=response"}.get(kind, "text/plain")
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash((kind, uri, block))):032x}>\r\n"
        f"WARC-Date: {date}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {length if length is not None else len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def response(uri: str, body: bytes, **kwargs: str) -> bytes:
    return record("response", uri, http(body, **kwargs))


def write(path: Path, records: list[bytes]) -> Path:
    if path.name.endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(r) for r in records))
    else:
        path.write_bytes(b"".join(records))
    return path


def crawl() -> list[bytes]:
    return [
        record("warcinfo", "", b"software: hand-written\r\n"),
        record("request", "https://a.example/one", b"GET /one HTTP/1.1\r\nHost: a.example\r\n\r\n"),
        response("https://a.example/one", page("Bridge reopens after repairs", "2017-07-10")),
        response(
            "https://a.example/logo.png",
            b"\x89PNG\r\n\x1a\n" + bytes(200),
            content_type="image/png",
        ),
        response("https://a.example/gone", page("Missing"), status="404 Not Found"),
        response("https://b.example/two", page("Flood waters recede in the valley")),
        record("metadata", "https://b.example/two", b"fetchTimeMs: 120\r\n"),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles_and_the_rest_is_skipped_silently(
    tmp_path: Path, name: str
) -> None:
    found = list(iter_inputs([write(tmp_path / name, crawl())]))
    assert [type(x) for x in found] == [Article, Article], found
    one, two = found
    assert isinstance(one, Article) and isinstance(two, Article)
    assert one.source == one.url == "https://a.example/one"
    assert one.title == "Bridge reopens after repairs"
    assert "residents described the scene" in one.text
    assert one.meta["fetched"].startswith("2017-07-11T08:30:00")
    # the page's own date wins; the fetch date only stands in when the page gives none
    assert one.published is not None and one.published.startswith("2017-07-10")
    assert one.meta["published_from"] != "warc-date"
    assert two.source == "https://b.example/two"
    assert two.published == two.meta["fetched"]
    assert two.meta["published_from"] == "warc-date"


def test_the_http_charset_decodes_a_page_without_its_own(tmp_path: Path) -> None:
    body = page("Café reopens on the main square").replace(b"Caf\xc3\xa9", "Café".encode("cp1252"))
    archive = write(
        tmp_path / "latin.warc",
        [response("https://c.example/cafe", body, content_type="text/html; charset=windows-1252")],
    )
    (article,) = list(iter_warc(archive))
    assert isinstance(article, Article)
    assert article.title == "Café reopens on the main square"


def test_a_broken_record_is_reported_once_with_its_number_and_reading_goes_on(
    tmp_path: Path,
) -> None:
    records = crawl()
    broken = record("response", "https://a.example/bad", http(page("Bad")), length="many")
    records.insert(3, broken)
    found = list(iter_warc(write(tmp_path / "broken.warc", records)))
    problems = [x for x in found if isinstance(x, Problem)]
    assert len(problems) == 1
    assert problems[0].reason.startswith("record 4:")
    assert [x.source for x in found if isinstance(x, Article)][-1] == "https://b.example/two"


def test_a_truncated_warc_gz_reports_once_and_keeps_what_came_before(tmp_path: Path) -> None:
    members = [gzip.compress(r) for r in crawl()]
    cut_in = 5  # the second HTML page's member
    data = b"".join(members[:cut_in]) + members[cut_in][: len(members[cut_in]) // 2]
    archive = tmp_path / "cut.warc.gz"
    archive.write_bytes(data)
    found = list(iter_inputs([archive]))
    articles = [x for x in found if isinstance(x, Article)]
    problems = [x for x in found if isinstance(x, Problem)]
    assert [a.source for a in articles] == ["https://a.example/one"]
    assert len(problems) == 1 and problems[0].source == str(archive)
    assert "record 6" in problems[0].reason


def test_a_plain_warc_cut_inside_a_page_reports_the_cut(tmp_path: Path) -> None:
    data = b"".join(crawl()[:3])
    archive = tmp_path / "cut.warc"
    archive.write_bytes(data[: len(data) - 300])
    found = list(iter_warc(archive))
    assert len(found) == 1 and isinstance(found[0], Problem)
    assert (
        found[0].reason == "record 3 (https://a.example/one): record cut short (truncated archive)"
    )


def test_a_file_that_is_not_a_warc_is_one_problem(tmp_path: Path) -> None:
    archive = tmp_path / "fake.warc.gz"
    archive.write_bytes(gzip.compress(b"<html>not an archive</html>" * 20))
    (problem,) = list(iter_inputs([archive]))
    assert isinstance(problem, Problem)
    assert problem.reason.startswith("not a WARC archive")


def test_an_html_response_without_article_text_is_reported_with_its_record(tmp_path: Path) -> None:
    empty = b"<html><body><nav>Home</nav></body></html>"
    archive = write(tmp_path / "thin.warc", [response("https://d.example/", empty)])
    (problem,) = list(iter_warc(archive))
    assert isinstance(problem, Problem)
    assert problem.source == str(archive)
    assert problem.reason == "record 1 (https://d.example/): no article text found in HTML page"


def test_a_corrupt_member_in_the_middle_is_reported_once_and_later_pages_come_through(
    tmp_path: Path,
) -> None:
    members = [gzip.compress(r) for r in crawl()]
    damaged = bytearray(members[2])  # the first HTML page
    for at in range(20, len(damaged) - 20, 7):
        damaged[at] ^= 0x5A
    members[2] = bytes(damaged)
    archive = tmp_path / "damaged.warc.gz"
    archive.write_bytes(b"".join(members))
    found = list(iter_warc(archive))
    problems = [x for x in found if isinstance(x, Problem)]
    assert len(problems) == 1 and problems[0].reason.startswith("record 3"), problems
    assert [x.source for x in found if isinstance(x, Article)] == ["https://b.example/two"]


def test_without_fastwarc_each_warc_is_one_problem_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)  # makes the import fail
    archive = write(tmp_path / "crawl.warc", crawl())
    (problem,) = list(iter_inputs([archive]))
    assert isinstance(problem, Problem)
    assert "newsbrief[warc]" in problem.reason
