"""WARC parsing speed: FastWARC (resiliparse) against warcio on the same archive.

    nice python benchmarks/bench_warc.py [--pages N] [--repeat R]

Builds a WARC with warcio from N synthetic HTML pages (each response record preceded by its
request record, as crawlers write them), plain and gzipped per record, then times how long
each library takes to walk it and pull out what newsbrief's reader needs from every HTML
response: target URI, WARC-Date, HTTP status, content type and the payload bytes. Only the
parsing is timed; HTML extraction is the same for both and would drown the difference.
Prints records per second and the ratio; best of R runs.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_WORDS = "the minister said talks would resume on monday after a week of protests in the capital"


def _page(number: int) -> bytes:
    words = _WORDS.split()
    paragraphs = "".join(
        f"<p>{' '.join(words[(number + k) % len(words) :] + words)}.</p>" for k in range(12)
    )
    return (
        f"<!doctype html><html><head><title>Story {number}</title></head><body>"
        f"<nav>Home | World | Sport</nav><article><h1>Story {number}</h1>{paragraphs}"
        f"</article><footer>Copyright</footer></body></html>"
    ).encode()


def build_warc(path: Path, pages: int, gzipped: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as sink:
        writer = WARCWriter(sink, gzip=gzipped)
        for number in range(pages):
            url = f"https://news.example/{number}"
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
            body = _page(number)
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    found = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response):
            status = record.http_headers.status_code
            kind = record.http_content_type or ""
            url = record.headers.get("WARC-Target-URI")
            date = record.headers.get("WARC-Date")
            body = record.reader.read()
            found += bool(status == 200 and "html" in kind and url and date and body)
    return found


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    found = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            status = record.http_headers.get_statuscode()
            kind = record.http_headers.get_header("Content-Type") or ""
            url = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
            body = record.content_stream().read()
            found += bool(status == "200" and "html" in kind and url and date and body)
    return found


def _best(reader: Callable[[Path], int], path: Path, repeat: int, pages: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        assert reader(path) == pages, f"{reader.__name__} missed records"
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'archive':<10}{'pages':>7}{'fastwarc rec/s':>16}{'warcio rec/s':>14}{'speed-up':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for gzipped in (False, True):
            path = Path(folder) / ("bench.warc.gz" if gzipped else "bench.warc")
            build_warc(path, args.pages, gzipped)
            fast = _best(read_fastwarc, path, args.repeat, args.pages)
            slow = _best(read_warcio, path, args.repeat, args.pages)
            records = 2 * args.pages  # request + response
            print(
                f"{path.name:<10}{args.pages:>7}{records / fast:>16,.0f}"
                f"{records / slow:>14,.0f}{slow / fast:>9.1f}x"
            )


if __name__ == "__main__":
    main()
