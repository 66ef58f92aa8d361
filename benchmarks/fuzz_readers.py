"""Fuzzing the readers: mutated real-shaped files through ``read_path``, counting tracebacks
and hangs.

    nice python benchmarks/fuzz_readers.py [--files 12000] [--seed 14] [--timeout 20]
                                           [--workers 2] [--keep DIR]

Every file starts from the project's own examples (``examples/``: text, HTML, JSONL) or from a
WARC built of them, in one of ten formats (.txt, .html, .json, .jsonl, each also gzipped, and
.warc, .warc.gz), then gets one to three mutations: byte flips, cuts, inserted or repeated
chunks, BOMs and foreign encodings, NUL bytes, huge and 5,000-digit numbers, NaN and
Infinity, deep nesting, long lines, cut or corrupt gzip. Each file is read in a worker process
under ``signal.alarm``; the parent also waits at most ``--timeout`` + 10 s for an answer and
replaces the whole pool when one never comes. The sentence splitter then runs on every article
that got through. A traceback is an exception that escapes ``read_path`` (whose contract is
Problems, never exceptions) or the splitter; a hang is a file not read within the time limit;
a broken contract is a Problem without a reason or one reported twice, or a file that gives
neither an article nor a Problem (a WARC may: "no page" counts those); "last resort" counts
files that only ``read_path``'s catch-all handler kept from a traceback ("could not read:
<exception>"), an exception no reader expected.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import logging
import multiprocessing as mp
import os
import random
import signal
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FORMATS = [
    ".txt",
    ".html",
    ".json",
    ".jsonl",
    ".txt.gz",
    ".html.gz",
    ".json.gz",
    ".jsonl.gz",
    ".warc",
    ".warc.gz",
]


# --------------------------------------------------------------------------- seeds


def _seeds() -> dict[str, list[bytes]]:
    texts = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.txt"))]
    pages = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.html"))]
    records = [
        json.loads(line)
        for line in (EXAMPLES / "wires.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    # HTML pages also from the plain texts, so WARCs and HTML files have more than one shape
    for raw in texts:
        title, _, body = raw.decode("utf-8").partition("\n")
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
        pages.append(
            f"<!doctype html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{paragraphs}</article></body></html>".encode()
        )
    jsonl = [json.dumps(r, ensure_ascii=False).encode() for r in records]
    return {"text": texts, "html": pages, "record": jsonl}


def _warc_record(kind: str, uri: str, block: bytes, n: int) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{n:032x}>\r\n"
        f"WARC-Date: 2024-05-14T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def _http(rng: random.Random, page: bytes) -> bytes:
    coding = rng.choice(["plain", "plain", "gzip", "chunked"])
    if coding == "gzip":
        payload = gzip.compress(page)
        extra = f"Content-Encoding: gzip\r\nContent-Length: {len(payload)}\r\n"
    elif coding == "chunked":
        step = rng.randint(50, 2000)
        payload = b"".join(
            b"%x\r\n" % len(page[i : i + step]) + page[i : i + step] + b"\r\n"
            for i in range(0, len(page), step)
        )
        payload += b"0\r\n\r\n"
        extra = "Transfer-Encoding: chunked\r\n"
    else:
        payload = page
        extra = f"Content-Length: {len(page)}\r\n"
    charset = rng.choice(["", "; charset=utf-8", "; charset=iso-8859-1", "; charset=bogus"])
    status = rng.choice(["200 OK"] * 5 + ["404 Not Found", "301 Moved"])
    head = f"HTTP/1.1 {status}\r\nContent-Type: text/html{charset}\r\n{extra}\r\n"
    return head.encode() + payload


def _warc(rng: random.Random, pages: list[bytes], gzipped: bool) -> bytes:
    out = []
    for n in range(rng.randint(1, 4)):
        uri = f"https://site{n}.example/article/{rng.randint(1, 10**6)}"
        out.append(_warc_record("request", uri, b"GET / HTTP/1.1\r\n\r\n", 2 * n))
        out.append(_warc_record("response", uri, _http(rng, rng.choice(pages)), 2 * n + 1))
    if gzipped:
        return b"".join(gzip.compress(r) for r in out)
    return b"".join(out)


# --------------------------------------------------------------------------- mutations

_BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]


def _flip(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if buf:
            buf[rng.randrange(len(buf))] ^= rng.randint(1, 255)
    return bytes(buf)


def _cut(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randint(0, len(data))]


def _insert(rng: random.Random, data: bytes) -> bytes:
    at = rng.randint(0, len(data))
    chunk = rng.choice(
        [
            os.urandom(rng.randint(1, 300)),
            b"\x00" * rng.randint(1, 100),
            b"\n" * rng.randint(1, 50),
            "é ü “quoted” – Ω 漢字 😀".encode(rng.choice(["utf-8", "utf-16", "utf-32"])),
            b"\xff\xfe\xfd",
            data[: rng.randint(0, len(data))],
        ]
    )
    return data[:at] + chunk + data[at:]


def _repeat(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 200))
    return data[:a] + data[a:b] * rng.randint(2, 400) + data[b:]


def _bom(rng: random.Random, data: bytes) -> bytes:
    return rng.choice(_BOMS) + data


def _encode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "shift_jis"])
    return text.encode(encoding, errors="replace")


def _json_value(rng: random.Random) -> str:
    return rng.choice(
        [
            "NaN",
            "Infinity",
            "-Infinity",
            "1e400",
            "-1e999",
            str(10**400),
            "9" * rng.randint(4301, 6000),
            "[" * rng.randint(50, 3000) + "]" * rng.randint(0, 3000),
            '{"a":' * rng.randint(50, 2000) + "1" + "}" * rng.randint(0, 2000),
            '"' + "x" * rng.randint(10_000, 300_000) + '"',
            "null",
            "true",
            '"\\ud800"',
            '"\\u0000"',
        ]
    )


def _json_field(rng: random.Random, data: bytes) -> bytes:
    """A hostile value in place of, or next to, one field of a JSON record."""
    text = data.decode("utf-8", errors="replace")
    key = rng.choice(["date", "published", "title", "text", "author", "url", "outlet", "extra"])
    value = _json_value(rng)
    where = text.find("{")
    if where < 0:
        return data
    return (text[: where + 1] + f'"{key}": {value}, ' + text[where + 1 :]).encode("utf-8")


def _long_line(rng: random.Random, data: bytes) -> bytes:
    return data + b" " + b"word " * rng.randint(10_000, 60_000) + b"\n"


MUTATIONS = [_flip, _cut, _insert, _repeat, _bom, _encode, _json_field, _long_line]


def _gzip_damage(rng: random.Random, data: bytes) -> bytes:
    packed = gzip.compress(data)
    choice = rng.random()
    if choice < 0.5:
        return packed
    if choice < 0.75:
        return packed[: rng.randint(0, len(packed))]
    return _flip(rng, packed)


def make_file(rng: random.Random, seeds: dict[str, list[bytes]], fmt: str) -> bytes:
    base = fmt.removesuffix(".gz")
    gz = fmt.endswith(".gz") and base != ".warc"
    if base == ".txt":
        data = rng.choice(seeds["text"])
    elif base == ".html":
        data = rng.choice(seeds["html"])
    elif base == ".jsonl":
        data = b"\n".join(rng.choice(seeds["record"]) for _ in range(rng.randint(1, 6))) + b"\n"
    elif base == ".json":
        records = [rng.choice(seeds["record"]) for _ in range(rng.randint(1, 3))]
        data = records[0] if len(records) == 1 else b"[" + b",".join(records) + b"]"
    else:
        data = _warc(rng, seeds["html"], gzipped=fmt == ".warc.gz")
    for _ in range(rng.randint(1, 3)):
        if base in (".json", ".jsonl") and rng.random() < 0.5:
            data = _json_field(rng, data)
        else:
            data = rng.choice(MUTATIONS)(rng, data)
    return _gzip_damage(rng, data) if gz else data


# --------------------------------------------------------------------------- running


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def read_one(task: tuple[str, int]) -> tuple[str, str, str]:
    """(path, outcome, detail): outcome is ok, traceback, hang or contract."""
    path, timeout = task
    logging.disable(logging.CRITICAL)  # trafilatura logs every page it cannot parse
    from newsbrief.annotate.sentences import split_sentences
    from newsbrief.read import read_path
    from newsbrief.records import Article, Problem

    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    try:
        found = list(read_path(path))
        for item in found:
            if isinstance(item, Article):
                split_sentences(item.text)  # the next stage, on whatever text got through
    except _Timeout:
        return path, "hang", f"not read in {timeout} s"
    except BaseException:
        return path, "traceback", traceback.format_exc(limit=8)
    finally:
        signal.alarm(0)
    problems = [x for x in found if isinstance(x, Problem)]
    keys = [(p.source, p.line, p.reason) for p in problems]
    if any(not p.reason.strip() for p in problems) or len(keys) != len(set(keys)):
        return path, "contract", repr(problems[:5])
    if not found:
        if path.endswith((".warc", ".warc.gz")):
            # requests, metadata, non-HTML and non-200 responses are skipped silently by design;
            # a flipped byte can leave an archive with nothing else ("WARC-Type: res\x1eonse")
            return path, "silent", "no HTML page in the archive, nothing reported"
        return path, "contract", "nothing read and nothing reported"
    # read_path's last-resort handler: an exception no reader expected, reported for the file
    caught = [p.reason for p in problems if p.reason.startswith("could not read:")]
    if caught:
        return path, "caught", caught[0][:300]
    return path, "ok", f"{len(found) - len(problems)} articles, {len(problems)} problems"


def run(tasks: list[tuple[str, int]], workers: int, timeout: int) -> list[tuple[str, str, str]]:
    results: list[tuple[str, str, str]] = []
    pending = list(tasks)
    while pending:
        with mp.get_context("fork").Pool(workers, maxtasksperchild=500) as pool:
            futures = [(task, pool.apply_async(read_one, (task,))) for task in pending]
            pending = []
            for i, (task, future) in enumerate(futures):
                try:
                    results.append(future.get(timeout + 10))
                except mp.TimeoutError:
                    # stuck below Python (no alarm could fire): count it, restart the pool
                    results.append((task[0], "hang", f"no answer in {timeout + 10} s"))
                    pending = [t for t, _ in futures[i + 1 :]]
                    pool.terminate()
                    break
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--timeout", type=int, default=20, help="seconds per file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    seeds = _seeds()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fuzz_readers_"))
    folder.mkdir(parents=True, exist_ok=True)
    tasks = []
    sizes = 0
    for n in range(args.files):
        fmt = FORMATS[n % len(FORMATS)]
        data = make_file(rng, seeds, fmt)
        sizes += len(data)
        path = folder / f"{n:05d}{fmt}"
        path.write_bytes(data)
        tasks.append((str(path), args.timeout))
    print(f"{len(tasks)} files, {sizes / 1e6:.1f} MB in {folder}")
    start = time.perf_counter()
    results = run(tasks, args.workers, args.timeout)
    elapsed = time.perf_counter() - start

    by_format: dict[str, Counter[str]] = {fmt: Counter() for fmt in FORMATS}
    for path, outcome, _ in results:
        fmt = next(f for f in sorted(FORMATS, key=len, reverse=True) if path.endswith(f))
        by_format[fmt][outcome] += 1
    print(
        "\n| format | files | read | no page | tracebacks | hangs | broken contract | last resort |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    total: Counter[str] = Counter()
    for fmt, counts in by_format.items():
        total.update(counts)
        print(
            f"| {fmt} | {sum(counts.values())} | {counts['ok']} | {counts['silent']} "
            f"| {counts['traceback']} "
            f"| {counts['hang']} | {counts['contract']} | {counts['caught']} |"
        )
    print(
        f"| all | {sum(total.values())} | {total['ok']} | {total['silent']} "
        f"| {total['traceback']} "
        f"| {total['hang']} | {total['contract']} | {total['caught']} |"
    )
    print(f"\n{elapsed:.0f} s wall with {args.workers} workers")
    shown: Counter[str] = Counter()
    for path, outcome, detail in results:
        if outcome not in ("ok", "silent") and shown[outcome] < 20:
            shown[outcome] += 1
            print(f"\n{outcome}: {path}\n{detail}")
    if not args.keep:
        for path, _ in tasks:
            Path(path).unlink(missing_ok=True)
        folder.rmdir()


if __name__ == "__main__":
    main()
