"""newsbrief: one cited brief per story from a pile of news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from os import PathLike
    from pathlib import Path

    from newsbrief.records import Brief


def run(
    paths: Iterable[str | PathLike[str]],
    db: str | None = None,
    out: str | PathLike[str] | None = None,
) -> list[Brief]:
    """Read, process and brief ``paths``; returns one Brief per story.

    With ``db`` the articles, stories and briefs are also kept in that SQLite file; with
    ``out`` each brief is also written there as ``<story id>.md`` and ``<story id>.json``.
    """
    from newsbrief.engines.local import run_paths

    return run_paths(paths, db=db, out=out).briefs


def write_briefs(
    briefs: Iterable[Brief],
    out_dir: str | PathLike[str],
    formats: Sequence[str] = ("md", "json"),
) -> list[Path]:
    """Write each brief as ``<story id>.<format>`` into ``out_dir``; returns the paths."""
    from newsbrief.pipeline import write_briefs as write

    return write(briefs, out_dir, formats)


__all__ = ["run", "write_briefs", "__version__"]
