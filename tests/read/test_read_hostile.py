"""Hostile input: every reader survives garbage and reports each bad input exactly once.

Property tests (hypothesis) feed random bytes, cut and corrupted gzip and WARC files and text
in odd encodings to ``iter_inputs``; example tests cover multi-megabyte lines, 10,000-level
HTML nesting and NUL bytes. ``iter_inputs`` must never raise, every Problem must carry a
reason, no Problem may repeat, and good records next to bad ones must still come through.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.read import Limits, iter_inputs
from newsbrief.records import Article, Problem

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SINGLE_DOCUMENT = [".txt", ".html", ".htm", ".json", ".txt.gz", ".html.gz", ".json.gz", ""]
BODY = "The council approved the new budget on Tuesday after a long debate, officials said."


@contextmanager
def folder() -> Iterator[Path]:
    # hypothesis runs many examples per test; a fresh folder each keeps them independent
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def read(*paths: Path, limits: Limits | None = None) -> list[Article | Problem]:
    """Every article and Problem of ``paths``; no Problem without a reason or reported twice."""
    found = list(iter_inputs(list(paths), limits=limits))
    problems = [x for x in found if isinstance(x, Problem)]
    assert all(p.reason.strip() for p in problems), problems
    keys = [(p.source, p.line, p.reason) for p in problems]
    assert len(keys) == len(set(keys)), f"a Problem was reported twice: {problems}"
    return found


def problems_of(found: list[Article | Problem]) -> list[Problem]:
    return [x for x in found if isinstance(x, Problem)]


def articles_of(found: list[Article | Problem]) -> list[Article]:
    return [x for x in found if isinstance(x, Article)]


# --------------------------------------------------------------------------- random bytes


@SETTINGS
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SINGLE_DOCUMENT))
def test_random_bytes_give_one_article_or_one_problem(data: bytes, suffix: str) -> None:
    with folder() as root:
        path = root / f"input{suffix}"
        path.write_bytes(data)
        found = read(path)
    if suffix.startswith(".json"):
        # a random byte string is almost never a JSON list; when it is, each item counts once
        assert len(found) >= 1
    else:
        assert len(found) == 1, found


def _jsonl_lines(data: bytes) -> int:
    """Items a JSONL file of these bytes yields: one per non-blank line, or one "empty file"."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # a UTF-16 byte-order mark makes the reader split decoded lines; a 0x0a byte inside
        # a character ("\u040a" is 0a 04) is not a line break there
        text = data.decode("utf-16", errors="replace")
        return sum(1 for line in text.split("\n") if line.strip()) or 1
    lines = data.split(b"\n")
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    return sum(1 for line in lines if line.strip()) or 1


@SETTINGS
@given(data=st.binary(max_size=4096))
def test_random_jsonl_bytes_give_one_item_per_line(data: bytes) -> None:
    with folder() as root:
        path = root / "feed.jsonl"
        path.write_bytes(data)
        found = read(path)
    assert len(found) == _jsonl_lines(data)


@SETTINGS
@given(
    data=st.binary(max_size=4096),
    suffix=st.sampled_from([".warc", ".warc.gz"]),
    gzipped=st.booleans(),
)
def test_random_bytes_named_warc_give_one_problem(data: bytes, suffix: str, gzipped: bool) -> None:
    with folder() as root:
        path = root / f"crawl{suffix}"
        path.write_bytes(gzip.compress(data) if gzipped else data)
        found = read(path)
    assert len(found) == 1 and isinstance(found[0], Problem), found


# --------------------------------------------------------------------------- gzip


def _jsonl_records(count: int) -> list[bytes]:
    return [
        json.dumps({"title": f"Record {i}", "text": f"{BODY} Item {i}."}).encode() + b"\n"
        for i in range(count)
    ]


@SETTINGS
@given(count=st.integers(1, 30), fraction=st.floats(0.0, 0.95))
def test_a_cut_jsonl_gz_reports_once_and_keeps_a_prefix(count: int, fraction: float) -> None:
    whole = gzip.compress(b"".join(_jsonl_records(count)))
    # the last 8 bytes are the gzip trailer: every cut before them loses data; a cut at 0
    # leaves an empty file, which Python's gzip reads as empty, not as damaged
    cut = 1 + int(fraction * (len(whole) - 9))
    with folder() as root:
        path = root / "feed.jsonl.gz"
        path.write_bytes(whole[:cut])
        found = read(path)
    problems = problems_of(found)
    assert len(problems) == 1 and "gzip" in problems[0].reason, problems
    titles = [a.title for a in articles_of(found)]
    assert titles == [f"Record {i}" for i in range(len(titles))]
    assert len(titles) < count


@SETTINGS
@given(
    count=st.integers(1, 20),
    flips=st.lists(st.tuples(st.floats(0.0, 0.999), st.integers(1, 255)), min_size=1, max_size=5),
    suffix=st.sampled_from([".jsonl.gz", ".txt.gz", ".html.gz"]),
)
def test_corrupt_gzip_never_raises(count: int, flips: list[tuple[float, int]], suffix: str) -> None:
    data = bytearray(gzip.compress(b"".join(_jsonl_records(count))))
    for where, xor in flips:
        data[int(where * len(data))] ^= xor
    with folder() as root:
        path = root / f"damaged{suffix}"
        path.write_bytes(bytes(data))
        found = read(path)
    assert found  # either records, or a Problem saying why there are none


# --------------------------------------------------------------------------- WARC


def _page(n: int) -> bytes:
    paragraphs = "".join(
        f"<p>Page {n}: residents of the district told reporters on Monday what they had "
        f"seen, paragraph {k}, and officials confirmed the account later.</p>"
        for k in range(3)
    )
    return (
        f"<html><head><title>Page number {n}</title></head><body><article>"
        f"<h1>Page number {n}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _record(kind: str, uri: str, block: bytes, n: int) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{n:032x}>\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\n"
        f"WARC-Date: 2020-05-01T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def _warc_records(pages: int) -> list[tuple[bytes, bool]]:
    """(record, is an HTML page) pairs: a request before each response, as crawlers write."""
    out: list[tuple[bytes, bool]] = []
    for n in range(pages):
        uri = f"https://site.example/{n}"
        out.append((_record("request", uri, b"GET / HTTP/1.1\r\n\r\n", 2 * n), False))
        body = _page(n)
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        out.append((_record("response", uri, http, 2 * n + 1), True))
    return out


@SETTINGS
@given(
    pages=st.integers(1, 3),
    at=st.integers(0, 10),
    fraction=st.floats(0.0, 0.8),
    gzipped=st.booleans(),
)
def test_a_cut_warc_reports_once_and_keeps_every_whole_page_before_the_cut(
    pages: int, at: int, fraction: float, gzipped: bool
) -> None:
    records = _warc_records(pages)
    at %= len(records)
    blobs = [gzip.compress(r) if gzipped else r for r, _ in records]
    # cut inside record ``at``: within its first 80%, so data is lost whatever the format
    keep = b"".join(blobs[:at]) + blobs[at][: 1 + int(fraction * len(blobs[at]))]
    with folder() as root:
        path = root / ("crawl.warc.gz" if gzipped else "crawl.warc")
        path.write_bytes(keep)
        found = read(path)
    expected = sum(1 for _, page in records[:at] if page)
    assert len(articles_of(found)) == expected
    assert len(problems_of(found)) == 1, found


@SETTINGS
@given(
    pages=st.integers(1, 3),
    flips=st.lists(st.tuples(st.floats(0.0, 0.999), st.integers(1, 255)), min_size=1, max_size=4),
    gzipped=st.booleans(),
)
def test_a_corrupt_warc_never_raises(
    pages: int, flips: list[tuple[float, int]], gzipped: bool
) -> None:
    blobs = [gzip.compress(r) if gzipped else r for r, _ in _warc_records(pages)]
    data = bytearray(b"".join(blobs))
    for where, xor in flips:
        data[int(where * len(data))] ^= xor
    with folder() as root:
        path = root / ("crawl.warc.gz" if gzipped else "crawl.warc")
        path.write_bytes(bytes(data))
        found = read(path)
    # a flipped byte in a plain page body (or in a gzip header's timestamp) can go
    # unnoticed; a page lost to damaged compressed data never goes unreported
    assert len(articles_of(found)) <= pages
    if gzipped and len(articles_of(found)) < pages:
        assert problems_of(found)


# --------------------------------------------------------------------------- encodings


@SETTINGS
@given(
    text=st.text(min_size=1, max_size=400),
    encoding=st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-16", "cp1252", "latin-1"]),
    suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl"]),
)
def test_text_in_odd_encodings_gives_an_item_per_input(
    text: str, encoding: str, suffix: str
) -> None:
    data = text.encode(encoding, errors="ignore")
    with folder() as root:
        path = root / f"odd{suffix}"
        path.write_bytes(data)
        found = read(path)
    if suffix == ".jsonl":
        assert len(found) == _jsonl_lines(data)
    else:
        assert len(found) >= 1
        assert len(found) == 1 or suffix == ".json"


def test_mixed_encodings_in_one_file_are_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Café owners protest\n".encode("cp1252") + f"{BODY} Naïve résumé €.\n".encode()
    )
    (article,) = read(path)
    assert isinstance(article, Article)
    assert "council approved" in article.text


def test_utf16_without_bom_is_one_item(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(f"A headline\n{BODY}\n".encode("utf-16-le"))
    (item,) = read(path)
    # without a BOM the NUL bytes make it look binary; reporting that once is acceptable
    assert isinstance(item, Article | Problem)


# --------------------------------------------------------------------------- size and depth


def test_a_line_of_several_megabytes_is_read_or_reported(tmp_path: Path) -> None:
    huge = ("word " * 380_000).strip()  # 1.9 MB on one line, under the 2 M-character limit
    (tmp_path / "huge.txt").write_text(f"A title\n{huge}\n")
    records = [
        json.dumps({"title": "Before", "text": BODY}),
        json.dumps({"title": "Huge", "text": huge}),
        json.dumps({"title": "After", "text": BODY}),
    ]
    (tmp_path / "huge.jsonl").write_text("\n".join(records) + "\n")
    (tmp_path / "huge.json").write_text(json.dumps({"title": "Big", "text": huge}))
    found = read(tmp_path)
    titles = sorted(a.title for a in articles_of(found))
    assert titles == ["A title", "After", "Before", "Big", "Huge"]
    assert not problems_of(found)


def test_deeply_nested_html_is_one_item(tmp_path: Path) -> None:
    depth = 10_000
    deep = "<div>" * depth + f"<p>{BODY}</p>" + "</div>" * depth
    (tmp_path / "deep.html").write_text(f"<html><body>{deep}</body></html>")
    deep_json = json.dumps({"title": "Deep", "text": deep})
    (tmp_path / "deep.jsonl").write_text(deep_json + "\n")
    found = read(tmp_path)
    assert len(found) == 2, found


@pytest.mark.parametrize("suffix", [".txt", ".html", ".json", ".jsonl"])
def test_nul_bytes_are_one_item_per_input(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"nul{suffix}"
    record = json.dumps({"title": "Nul", "text": BODY + "\x00"}).encode()
    path.write_bytes(record + b"\n\x00\x00\x00\n" + record + b"\n")
    found = read(path)
    if suffix == ".jsonl":
        assert len(found) == 3 and len(articles_of(found)) == 2
    else:
        assert len(found) == 1


def test_good_files_come_through_next_to_hostile_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(f"Good title\n{BODY}\n")
    (tmp_path / "noise.html").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "noise.warc.gz").write_bytes(b"\x1f\x8b" + bytes(100))
    whole = gzip.compress(b"".join(_jsonl_records(200)))
    (tmp_path / "noise.jsonl.gz").write_bytes(whole[:20])  # cut inside the first record
    found = read(tmp_path)
    assert [a.title for a in articles_of(found)] == ["Good title"]
    assert len(problems_of(found)) == 3
