"""Export files: the CLI never destroys a file it was not told to replace, a failed write
leaves the old file and no temporary, and output errors are one line with exit code 3."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief import export as exporting
from newsbrief.cli import EXIT_FAILED, EXIT_OK, main
from newsbrief.errors import OutputError
from newsbrief.store import Store

# ------------------------------------------------------------------ issue 14, item 1


def test_export_refuses_to_overwrite_the_database_it_reads(db, tmp_path):
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    before = copy.read_bytes()
    for extra in ([], ["--force"]):
        result = CliRunner().invoke(
            main, ["export", str(copy), "--db", str(copy), "--what", "stories", *extra]
        )
        assert result.exit_code == EXIT_FAILED, result.output
        assert "refusing to overwrite the database" in result.output
    assert copy.read_bytes() == before
    listing = CliRunner().invoke(main, ["stories", "--db", str(copy), "--json"])
    assert listing.exit_code == EXIT_OK and len(json.loads(listing.output)) == 2


def test_export_replaces_an_existing_file_only_with_force(db, tmp_path):
    out = tmp_path / "stories.jsonl"
    out.write_text("keep me\n")
    runner = CliRunner()
    refused = runner.invoke(main, ["export", str(out), "--db", str(db), "--what", "stories"])
    assert refused.exit_code == EXIT_FAILED
    assert "already exists" in refused.output and "--force" in refused.output
    assert out.read_text() == "keep me\n"
    forced = runner.invoke(
        main, ["export", str(out), "--db", str(db), "--what", "stories", "--force"]
    )
    assert forced.exit_code == EXIT_OK, forced.output
    assert len(out.read_text().splitlines()) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["stories.jsonl"]  # no temporary left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(db, tmp_path, monkeypatch):
    out = tmp_path / "stories.csv"
    out.write_text("old\n")

    def boom(rows, kind, fmt, handle):
        handle.write("half a ")
        raise OSError(28, "No space left on device")

    # `export` looks `write` up in the module that writes files
    monkeypatch.setattr(exporting.files, "write", boom)
    with Store(db) as store, pytest.raises(OutputError, match="No space left"):
        exporting.export(store, "stories", out, force=True)
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["stories.csv"]


# ------------------------------------------------------------------ issue 14, item 9


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsbrief.cli", *args], capture_output=True, text=True, **kwargs
    )


def test_export_into_a_missing_folder_is_one_line_and_exit_3(db, tmp_path):
    result = _run(
        ["export", str(tmp_path / "nope" / "x.csv"), "--db", str(db), "--what", "stories"]
    )
    assert result.returncode == EXIT_FAILED
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "no folder" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_a_full_disk_is_one_line_and_exit_3(db):
    result = _run(["export", "/dev/full", "--db", str(db), "--what", "articles"])
    assert result.returncode == EXIT_FAILED
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "newsbrief: error: [E014] cannot write /dev/full: No space left on device "
        "(hint: check the output path)"
    ]


def test_export_to_a_closed_pipe_is_one_line_and_exit_3(db):
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsbrief.cli",
            "export",
            "-",
            "--db",
            str(db),
            "--what",
            "articles",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line is written
    stderr = proc.stderr.read()
    assert proc.wait() == EXIT_FAILED
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert stderr.strip().splitlines() == [
        "newsbrief: error: standard output closed before the export finished"
    ]
