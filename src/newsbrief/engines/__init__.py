"""Engines decide where stage code runs; the stages themselves never know."""

from __future__ import annotations

from typing import Protocol

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
