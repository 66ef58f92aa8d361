"""Engines decide where stage code runs; the stages themselves never know."""

from __future__ import annotations

import os
from typing import Protocol

# One BLAS thread per process. The engines run stages in a process pool, so BLAS threads would
# only compete with the workers; and once a process has a second thread, glibc's malloc takes
# its arena lock on every call: spaCy's parser allocates per parse state, and the parse costs
# about a fifth more CPU in a process where numpy's OpenBLAS has started its thread pool (at
# import, one thread per core). Set before numpy is first imported (the engines are imported
# first on every path that runs the pipeline); a value the user set stands.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from newsbrief.records import Problem


class Reporter(Protocol):
    """How an engine tells its caller what it is doing (the CLI shows it, the API ignores it)."""

    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def problem(self, problem: Problem) -> None: ...


class SilentReporter:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def problem(self, problem: Problem) -> None:
        pass
