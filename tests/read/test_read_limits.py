"""The hostile-input probes of issue 14, scaled down: size limits, one bad line in a JSON file,
odd folders, a cut WARC. Each asserts no traceback, every good article around the bad input
read, and each bad input reported once with its reason.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import re
import socket
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_read_hostile import read

from newsbrief.errors import ConfigError
from newsbrief.read import Limits, iter_inputs
from newsbrief.read.fields import normalize_date
from newsbrief.records import Article, Problem, article_id

BODY = "The council approved the new budget on Tuesday after a long debate, officials said."
MB = 1 << 20


def titles(found: list[Article | Problem]) -> list[str]:
    return [a.title for a in found if isinstance(a, Article)]


def problems(found: list[Article | Problem]) -> list[Problem]:
    return [p for p in found if isinstance(p, Problem)]


def prose(chars: int, seed: int = 0) -> str:
    """Words in random order: compresses about as well as news text does (3-4 times), so a
    gzip of it is no zip bomb."""
    rng = random.Random(seed)
    words = (BODY + " Orrington tram budget council vote 2024 residents").split()
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(words) + str(rng.randint(0, 999))
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:chars]


def line(title: str, **fields: object) -> str:
    return json.dumps({"title": title, "text": f"{BODY} ({title})", **fields})


# --------------------------------------------------------------------------- size limits


def test_a_jsonl_line_over_the_limit_is_reported_and_the_lines_around_it_are_read(
    tmp_path: Path,
) -> None:
    # the 50 MB text field of the issue, at 1/25 scale against a 1 MB line limit
    huge = json.dumps({"title": "Huge", "text": prose(2 * MB)})
    for name in ("feed.jsonl", "feed.jsonl.gz"):
        data = "\n".join([line("Before"), huge, line("After")]) + "\n"
        path = tmp_path / name
        path.write_bytes(gzip.compress(data.encode()) if name.endswith(".gz") else data.encode())
        found = read(path, limits=Limits(line=MB))
        assert titles(found) == ["Before", "After"]
        (problem,) = problems(found)
        assert problem.line == 2 and problem.reason == "line longer than the limit of 1 MB"


def test_a_long_line_is_never_held_in_memory_whole(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wb") as stream:
        stream.write((line("Before") + "\n").encode())
        stream.write(b'{"text": "' + prose(40 * MB).encode() + b'"}\n')
        stream.write((line("After") + "\n").encode())
    tracemalloc.start()
    try:
        found = read(path, limits=Limits(line=MB))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert titles(found) == ["Before", "After"] and len(problems(found)) == 1
    assert peak < 10 * MB, f"peak {peak / MB:.0f} MB for a 40 MB line and a 1 MB limit"


def test_a_gzip_bomb_stops_at_the_decompressed_limit(tmp_path: Path) -> None:
    # a 1 MB .jsonl.gz that expands to 1 GB, at 1/32 scale: 32 MB of short valid lines
    path = tmp_path / "bomb.jsonl.gz"
    record = (line("Same") + "\n").encode()
    with gzip.open(path, "wb") as stream:
        stream.write((line("First") + "\n").encode())
        stream.write(record * (32 * MB // len(record)))
    assert path.stat().st_size < MB
    found = read(path, limits=Limits(decompressed=2 * MB))
    assert titles(found)[0] == "First"
    assert len(titles(found)) < 2 * MB // len(record) + 2
    (problem,) = problems(found)
    assert problem.reason.startswith("decompressed size over the limit of 2 MB")
    assert problem.line is not None


def test_a_gzip_expanding_past_its_ratio_stops_whatever_its_absolute_size(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    record = (line("Same") + "\n").encode()
    with gzip.open(path, "wb") as stream:
        stream.write(record * (16 * MB // len(record)))
    size = path.stat().st_size
    limits = Limits(ratio=20, line=64 * 1024)
    found = read(path, limits=limits)
    (problem,) = problems(found)
    cap = 20 * size
    assert problem.reason.startswith("decompressed size over the limit of 20 times the compressed")
    # the lines read fit the cap, give or take the line that crossed it
    assert abs(len(titles(found)) * len(record) - cap) <= len(record)
    # a real news file compresses 3-8 times: the ratio never stops it
    news = tmp_path / "news.jsonl.gz"
    records = [json.dumps({"title": f"Report {n}", "text": prose(3000, n)}) for n in range(300)]
    news.write_bytes(gzip.compress("\n".join(records).encode()))
    assert len(titles(read(news, limits=Limits(ratio=20, line=4096)))) == 300


def test_an_article_text_over_the_limit_is_reported_in_every_format(tmp_path: Path) -> None:
    long_text = ("word " * 8000).strip()  # 39,999 characters
    (tmp_path / "a_long.txt").write_text(f"Long title\n{long_text}\n")
    (tmp_path / "b_short.txt").write_text(f"Short title\n{BODY}\n")
    (tmp_path / "c_feed.jsonl").write_text(
        "\n".join([line("Before"), json.dumps({"title": "Long", "text": long_text}), line("After")])
    )
    (tmp_path / "d_doc.json").write_text(json.dumps([{"title": "Long", "text": long_text}]))
    found = read(tmp_path, limits=Limits(text=10_000))
    assert titles(found) == ["Short title", "Before", "After"]
    reasons = [(Path(p.source).name, p.line, p.reason) for p in problems(found)]
    over = "article text of 39,999 characters is over the limit of 10,000"
    assert reasons == [
        ("a_long.txt", None, over),
        ("c_feed.jsonl", 2, over),
        ("d_doc.json", None, f"item 0: {over}"),
    ]


def test_limits_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([line("Short"), line("Long", extra="x" * 2000)]) + "\n")
    monkeypatch.setenv("NEWSBRIEF_MAX_LINE", "1K")
    found = list(iter_inputs([path]))
    assert titles(found) == ["Short"]
    assert [(p.line, p.reason) for p in problems(found)] == [
        (2, "line longer than the limit of 1 KB")
    ]
    monkeypatch.setenv("NEWSBRIEF_MAX_LINE", "lots")
    with pytest.raises(ConfigError):
        list(iter_inputs([path]))


# --------------------------------------------------------------------------- one bad JSON line


HOSTILE_LINES = {
    "an integer date above 1e308": line("Overflow date", date=10**400),
    "an integer of 5,000 digits": '{"text": "x", "n": ' + "7" * 5000 + "}",
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "a deeply nested record": json.dumps({"text": BODY, "meta": [[[[[[[[[[[[[[]]]]]]]]]]]]]]})
    .replace("[[", "[" * 80)
    .replace("]]", "]" * 80),
    "NaN and Infinity": '{"title": "Not numbers", "text": "' + BODY + '", "score": NaN, '
    '"rank": -Infinity, "weight": 1e400, "date": Infinity}',
}


def test_each_hostile_line_is_isolated_and_later_lines_are_read(tmp_path: Path) -> None:
    lines = []
    for n, hostile in enumerate(HOSTILE_LINES.values()):
        lines += [line(f"Good {n}"), hostile]
    lines.append(line("Last"))
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    found = read(path)
    assert titles(found) == [
        "Good 0",
        "Overflow date",
        "Good 1",
        "Good 2",
        "Good 3",
        "Good 4",
        "Not numbers",
        "Last",
    ]
    reasons = {p.line: p.reason for p in problems(found)}
    assert reasons == {
        4: "not valid JSON: a number with more than 4,300 digits",
        6: "not valid JSON: nested too deeply",
        8: "record nested more than 64 levels deep",
    }
    by_title = {a.title: a for a in found if isinstance(a, Article)}
    assert by_title["Overflow date"].published is None
    odd = by_title["Not numbers"]
    assert odd.published is None
    # strict JSON from here on: nothing that an export or an API answer would choke on
    json.dumps(odd.meta, allow_nan=False)
    assert odd.meta["score"] is None and odd.meta["rank"] is None and odd.meta["weight"] is None
    assert "NaN" in odd.meta["nulled"] and "-Infinity" in odd.meta["nulled"]


def test_nan_and_infinity_in_a_json_document_are_read_as_null(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text("[" + HOSTILE_LINES["NaN and Infinity"] + "," + line("Plain") + "]")
    found = read(path)
    assert titles(found) == ["Not numbers", "Plain"]
    for article in found:
        assert isinstance(article, Article)
        json.dumps(article.meta, allow_nan=False)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_jsonl_with_a_utf16_or_utf32_bom_is_read(tmp_path: Path, encoding: str) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[encoding]
    text = "\r\n".join([line("Café reopens"), "{broken", line("Naïve résumé")]) + "\r\n"
    path = tmp_path / "feed.jsonl"
    path.write_bytes(bom + text.encode(encoding))
    found = read(path)
    assert titles(found) == ["Café reopens", "Naïve résumé"]
    assert [p.line for p in problems(found)] == [2]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_a_lone_carriage_return_in_a_wide_jsonl_line_does_not_split_it(
    tmp_path: Path, encoding: str
) -> None:
    # "\r" is JSON whitespace between tokens; lines end at "\n", as in a UTF-8 file
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-32-be": codecs.BOM_UTF32_BE}[encoding]
    record = line("Café reopens").replace(", ", ",\r", 1)
    assert "\r" in record and json.loads(record)
    path = tmp_path / "feed.jsonl"
    path.write_bytes(bom + (record + "\n" + line("Plain") + "\n").encode(encoding))
    found = read(path)
    assert titles(found) == ["Café reopens", "Plain"]
    assert not problems(found)


def test_dates_that_are_no_timestamps_are_none() -> None:
    assert normalize_date(10**400) is None
    assert normalize_date(float("nan")) is None
    assert normalize_date("²" * 10) is None
    assert normalize_date(1_500_000_000) == "2017-07-14T02:40:00+00:00"


# --------------------------------------------------------------------------- folders


def test_a_symlink_loop_is_walked_once_and_reported(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(f"Title A\n{BODY}\n")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    found = read(folder)
    assert titles(found) == ["Title A"]
    (problem,) = problems(found)
    assert problem.source == str(folder / "sub" / "loop") and "loop" in problem.reason


def test_a_link_to_itself_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "a.txt").write_text(f"Title A\n{BODY}\n")
    found = read(tmp_path, tmp_path / "self")
    assert titles(found) == ["Title A"]
    assert [p.reason for p in problems(found)] == ["symbolic link loop"]


def _read_with_timeout(*paths: Path, fifo: Path) -> list[Article | Problem]:
    result: list[list[Article | Problem]] = []
    worker = threading.Thread(target=lambda: result.append(read(*paths)), daemon=True)
    worker.start()
    worker.join(30)
    if worker.is_alive():
        # release the reader blocked on the FIFO so the test run can go on
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
        pytest.fail("reading a folder with a FIFO hung")
    return result[0]


def test_fifos_sockets_and_devices_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Title A\n{BODY}\n")
    fifo = tmp_path / "b_pipe.txt"
    os.mkfifo(fifo)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "c_socket.txt"))
        (tmp_path / "d_zero.txt").symlink_to("/dev/zero")
        (tmp_path / "e.txt").write_text(f"Title E\n{BODY}\n")
        found = _read_with_timeout(tmp_path, fifo=fifo)
        again = _read_with_timeout(fifo, Path("/dev/zero"), fifo=fifo)
    finally:
        server.close()
    assert titles(found) == ["Title A", "Title E"]
    assert [(Path(p.source).name, p.reason) for p in problems(found)] == [
        ("b_pipe.txt", "a named pipe (FIFO), not a file"),
        ("c_socket.txt", "a socket, not a file"),
        ("d_zero.txt", "a character device, not a file"),
    ]
    assert [p.reason for p in again] == [
        "a named pipe (FIFO), not a file",
        "a character device, not a file",
    ]


def test_an_unreadable_subfolder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod cannot lock root out, so the refusal is simulated where every walk asks for it
    (tmp_path / "a.txt").write_text(f"Title A\n{BODY}\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(f"Title B\n{BODY}\n")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> Iterator[os.DirEntry[str]]:
        if os.fspath(path).rstrip("/") == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)  # type: ignore[return-value]

    monkeypatch.setattr(os, "scandir", scandir)
    found = read(tmp_path)
    assert titles(found) == ["Title A"]
    assert [(p.source, p.reason) for p in problems(found)] == [
        (str(locked), "cannot read folder: Permission denied")
    ]


def test_a_folder_through_a_symlinked_path_adds_no_duplicates(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(f"Title A\n{BODY}\n")
    (real / "alias").symlink_to(real / "sub", target_is_directory=True)
    (real / "sub").mkdir()
    (real / "sub" / "b.txt").write_text(f"Title B\n{BODY}\n")
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    found = read(real, link, link / "a.txt")
    assert sorted(titles(found)) == ["Title A", "Title B"] and not problems(found)
    # read on another day through the link, the same file is the same article
    (through_link,) = read(link / "a.txt")
    (direct,) = [a for a in found if isinstance(a, Article) and a.title == "Title A"]
    assert isinstance(through_link, Article) and through_link.id == direct.id
    text = through_link.text
    assert article_id(str(link / "a.txt"), text) == article_id(str(real / "a.txt"), text)


# --------------------------------------------------------------------------- WARC


def _page(title: str) -> bytes:
    paragraphs = "".join(
        f"<p>{title}: residents told reporters on Monday what they had seen, paragraph {k}, "
        "and officials confirmed the account later that day.</p>"
        for k in range(4)
    )
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def _response(n: int, coding: str) -> bytes:
    body = _page(f"Page number {n}")
    if coding == "gzip":
        payload = gzip.compress(body)
        head = f"Content-Encoding: gzip\r\nContent-Length: {len(payload)}\r\n"
    else:
        payload = b"".join(
            b"%x\r\n" % len(body[i : i + 100]) + body[i : i + 100] + b"\r\n"
            for i in range(0, len(body), 100)
        )
        payload += b"0\r\n\r\n"
        head = "Transfer-Encoding: chunked\r\n"
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{head}\r\n".encode() + payload
    warc = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{n:032x}>\r\n"
        f"WARC-Date: 2020-05-01T10:00:00Z\r\nWARC-Target-URI: https://site.example/{n}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return warc.encode() + http + b"\r\n\r\n"


@pytest.mark.parametrize("coding", ["gzip", "chunked"])
@pytest.mark.parametrize("fraction", [0.5, 0.8, 0.95])
def test_a_plain_warc_cut_in_a_coded_page_stores_nothing_of_it(
    tmp_path: Path, coding: str, fraction: float
) -> None:
    pytest.importorskip("fastwarc")
    first, second = _response(1, coding), _response(2, coding)
    path = tmp_path / "cut.warc"
    path.write_bytes(first + second[: int(fraction * len(second))])
    found = read(path)
    assert titles(found) == ["Page number 1"]
    assert [p.reason for p in problems(found)] == [
        "record 2 (https://site.example/2): record cut short (truncated archive)"
    ]


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_a_warc_gz_cut_in_its_second_record_names_the_second_record(
    tmp_path: Path, fraction: float
) -> None:
    pytest.importorskip("fastwarc")
    first, second = gzip.compress(_response(1, "gzip")), gzip.compress(_response(2, "gzip"))
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(first + second[: int(fraction * len(second))])
    found = read(path)
    assert titles(found) == ["Page number 1"]
    (problem,) = problems(found)
    # the address is known once the cut record's header could be read
    cut = r"record 2( \(https://site\.example/2\))?: record cut short \(truncated archive\)"
    assert re.fullmatch(cut, problem.reason), problem.reason


def test_warc_pages_over_the_limits_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(_response(n, "gzip") for n in range(1, 4)))
    # the page body of record 2 is longer than its gzip-coded payload; a limit between the two
    assert titles(read(path)) == ["Page number 1", "Page number 2", "Page number 3"]
    found = read(path, limits=Limits(text=100))
    assert titles(found) == []
    over = re.compile(
        r"record (\d) \(https://site\.example/\1\): "
        r"article text of [\d,]+ characters is over the limit of 100"
    )
    assert [bool(over.fullmatch(p.reason)) for p in problems(found)] == [True] * 3
    found = read(path, limits=Limits(line=100))
    assert [p.reason for p in problems(found)] == [
        f"record {n} (https://site.example/{n}): page larger than the limit of 100 bytes"
        for n in range(1, 4)
    ]
