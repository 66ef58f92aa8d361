"""Shared fixtures. Tests that need ../shared/data skip cleanly when it is absent."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

from newsbrief.brief import check_all_citations

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
def fit_cues() -> ModuleType:
    """``benchmarks/fit_cues.py``, a fitting script kept outside the package, as a module."""
    return load_script(REPO / "benchmarks" / "fit_cues.py")


def load_script(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def benchmark_script():  # type: ignore[no-untyped-def]
    """Loads ``benchmarks/NAME.py`` as a module: ``benchmark_script("dev_pile")``."""
    return lambda name: load_script(REPO / "benchmarks" / f"{name}.py")


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
# (newsbrief.brief.citation_errors); a wrong citation fails the test that built it. Tests
# that build briefs in another process turn the check on there too (tests/engines).
check_all_citations()
