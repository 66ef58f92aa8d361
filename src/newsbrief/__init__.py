"""newsbrief: one cited brief per story from a pile of news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from collections.abc import Iterable
    from os import PathLike

    from newsbrief.records import Brief


def run(paths: Iterable[str | PathLike[str]], db: str | None = None) -> list[Brief]:
    """Read, process and brief ``paths``; returns one Brief per story.

    With ``db`` the articles, stories and briefs are also kept in that SQLite file.
    """
    from newsbrief.engines.local import run_paths

    return run_paths(paths, db=db).briefs


__all__ = ["run", "__version__"]
