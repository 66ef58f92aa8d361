"""Paths to readable files: expanding folders and globs, gzip, and telling formats apart."""

from __future__ import annotations

import errno
import glob
import gzip
import io
import os
import stat
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


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def not_a_file(path: Path) -> str | None:
    """Why ``path`` is not a regular file that can be read, or None when it is one.

    Only stat is used: opening a FIFO blocks until someone writes to it, and a device such as
    /dev/zero never ends.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if os.path.islink(path):
            return "broken symbolic link"
        return f"cannot read file: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    for test, name in _KINDS:
        if test(mode):
            return f"{name}, not a file"
    return "not a regular file"


def _entries(folder: Path) -> tuple[list[os.DirEntry[str]], Problem | None]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name), None
    except OSError as exc:
        return [], Problem(str(folder), f"cannot read folder: {exc.strerror or exc}")


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symbolic links, as a walk of an article folder should
    except OSError:
        return False


def _walk(root: Path) -> Iterator[Path | Problem]:
    """Files under ``root`` in sorted order, skipping hidden files and folders; streams.

    Symbolic links are followed, but a folder is walked once however many paths lead to it,
    so a link loop ends; an unreadable folder and anything that is not a regular file (a
    FIFO, a socket, a device, a broken link) is one Problem each. The walk keeps its own
    stack, so no folder depth can exhaust Python's recursion limit.
    """
    walked: set[str] = {os.path.realpath(root)}
    stack: list[Iterator[os.DirEntry[str]]] = []
    entries, problem = _entries(root)
    if problem is not None:
        yield problem
    stack.append(iter(entries))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if is_hidden(entry.name):
            continue
        path = Path(entry.path)
        if _is_dir(entry):
            real = os.path.realpath(path)
            if real in walked:
                if entry.is_symlink() and _is_ancestor(real, path):
                    yield Problem(str(path), "symbolic link loop (links back to a parent folder)")
                continue  # the same folder through another path: its files are already read
            walked.add(real)
            entries, problem = _entries(path)
            if problem is not None:
                yield problem
            stack.append(iter(entries))
        elif not is_documentation(entry.name):
            reason = not_a_file(path)
            yield path if reason is None else Problem(str(path), reason)


def _is_ancestor(real: str, path: Path) -> bool:
    parent = os.path.realpath(path.parent)
    return parent == real or parent.startswith(real.rstrip(os.sep) + os.sep)


def _glob(pattern: str) -> Iterator[Path | Problem]:
    # glob's wildcards already skip hidden names, while a hidden folder the user spelled
    # out in the pattern is honoured.
    for match in sorted(glob.iglob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            yield from _walk(path)
        else:
            reason = not_a_file(path)
            yield path if reason is None else Problem(str(path), reason)


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Every file named by ``inputs`` (files, folders walked recursively, glob patterns), each
    once, in a stable order; a Problem for an input that names nothing, for a folder that
    cannot be read and for what is not a regular file. A file is one file by its resolved
    path: reached through a symbolic link or twice in the inputs, it is read once."""
    seen: set[str] = set()

    def fresh(path: Path | Problem) -> bool:
        # a file by its resolved path; a bad input named twice (walked and named) once
        if isinstance(path, Problem):
            key = f"{os.path.abspath(path.source)}\0{path.reason}"
        else:
            key = os.path.realpath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    for item in inputs:
        text = str(item)
        path = Path(item)
        if path.is_dir():
            count = 0
            for found_item in _walk(path):
                count += 1
                if fresh(found_item):
                    yield found_item
            if not count:
                yield Problem(text, "folder holds no files")
        elif os.path.lexists(path):
            reason = not_a_file(path)
            named: Path | Problem = path if reason is None else Problem(text, reason)
            if fresh(named):
                yield named
        elif _GLOB_CHARS & set(text):
            count = 0
            for found_item in _glob(text):
                count += 1
                if fresh(found_item):
                    yield found_item
            if not count:
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
