"""The database the export tests read: the examples corpus, run once per test module."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli import EXIT_OK, main


@pytest.fixture(scope="module")
def db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    path = folder / "nb.db"
    result = CliRunner().invoke(
        main, ["run", str(examples_dir), "--db", str(path), "--out", str(folder / "b"), "-q"]
    )
    assert result.exit_code == EXIT_OK, result.output
    return path
