"""Fixtures for the web tests (the records themselves are in web_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_fixtures import fill_store

pytest.importorskip("starlette")
pytest.importorskip("jinja2")


@pytest.fixture()
def web_db(tmp_path: Path) -> str:
    path = tmp_path / "web.db"
    fill_store(path).close()
    return str(path)
