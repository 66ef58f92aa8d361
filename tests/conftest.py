"""Shared fixtures. Tests that need ../shared/data skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("NEWSBRIEF_SHARED_DATA", REPO.parent / "shared" / "data"))
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_data_path() -> Path:
    """Where the shared data would be, for tests that use it only when it is there."""
    return SHARED_DATA


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seeds_dir(shared_data: Path) -> Path:
    seeds = shared_data / "seeds"
    if not seeds.is_dir():
        pytest.skip("seed articles not found")
    return seeds


# Every brief built anywhere in the test suite has its summary citations verified
# (newsbrief.brief.citation_errors); a wrong citation fails the test that built it.
os.environ["NEWSBRIEF_CHECK_CITATIONS"] = "1"
