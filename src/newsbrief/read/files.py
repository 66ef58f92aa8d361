"""Paths to readable files: expanding folders and globs, gzip, and telling formats apart."""

from __future__ import annotations

import glob
import gzip
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsbrief.records import Problem

# What a truncated or damaged .gz raises, depending on where the damage is.
GZIP_ERRORS: tuple[type[Exception], ...] = (EOFError, gzip.BadGzipFile, zlib.error)
GZIP_REASON = "truncated or corrupt gzip"

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
WARC_SUFFIXES = frozenset({".warc"})
UNSUPPORTED = {
    ".arc": "ARC archives are not supported by the reader yet",
    ".pdf": "binary file, not an article",
}
_GLOB_CHARS = frozenset("*?[")


# A folder of articles often carries its own documentation; walking a folder skips it
# (a file named explicitly is still read).
DOC_NAMES = frozenset({"readme", "license", "licence", "changelog", "notice", "copying"})
DOC_SUFFIXES = frozenset({".md", ".rst"})


def is_hidden(name: str) -> bool:
    return name.startswith(".") and name not in (".", "..")


def is_documentation(name: str) -> bool:
    stem, _, suffix = name.lower().partition(".")
    return stem in DOC_NAMES or os.path.splitext(name.lower())[1] in DOC_SUFFIXES


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted order, skipping hidden files and folders; streams."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not is_hidden(d))
        for name in sorted(filenames):
            if not is_hidden(name) and not is_documentation(name):
                yield Path(dirpath) / name


def _glob(pattern: str) -> Iterator[Path]:
    # glob's wildcards already skip hidden names, while a hidden folder the user spelled
    # out in the pattern is honoured.
    for match in sorted(glob.iglob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Every file named by ``inputs`` (files, folders walked recursively, glob patterns), each
    once, in a stable order; a Problem for an input that names nothing."""
    seen: set[Path] = set()

    def fresh(path: Path) -> bool:
        key = path.resolve()
        if key in seen:
            return False
        seen.add(key)
        return True

    for item in inputs:
        text = str(item)
        path = Path(item)
        found = 0
        if path.is_dir():
            for file in _walk(path):
                found += 1
                if fresh(file):
                    yield file
            if not found:
                yield Problem(text, "folder holds no files")
        elif path.exists():
            if fresh(path):
                yield path
        elif _GLOB_CHARS & set(text):
            for file in _glob(text):
                found += 1
                if fresh(file):
                    yield file
            if not found:
                yield Problem(text, "no files match this pattern")
        else:
            yield Problem(text, "no such file or directory")


def split_suffix(path: Path) -> tuple[str, bool]:
    """The format suffix (lower case, before any ``.gz``) and whether the file is gzipped."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] in (".gz", ".gzip")
    if gzipped:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gzipped


def open_binary(path: Path, gzipped: bool) -> io.BufferedIOBase:
    if gzipped:
        return gzip.open(path, "rb")
    return path.open("rb")


def read_all(path: Path, gzipped: bool, limit: int) -> bytes:
    """The (decompressed) bytes of a file, at most ``limit`` + 1 of them."""
    with open_binary(path, gzipped) as stream:
        return stream.read(limit + 1)
