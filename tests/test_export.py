"""Exports: every record kind round-trips through CSV (read back with the csv module) and
Parquet (read back with pyarrow); the CLI never destroys a file it was not told to replace
and reports output errors in one line with exit code 3."""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief import export as exporting
from newsbrief.cli import EXIT_FAILED, EXIT_OK, main
from newsbrief.errors import OutputError
from newsbrief.records import AlignedPair, Derivation
from newsbrief.store import Store

TABLE_KINDS = sorted(exporting.SCHEMAS)


@pytest.fixture(scope="module")
def db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    path = folder / "nb.db"
    result = CliRunner().invoke(
        main, ["run", str(examples_dir), "--db", str(path), "--out", str(folder / "b"), "-q"]
    )
    assert result.exit_code == EXIT_OK, result.output
    return path


def _rows(db: Path, kind: str) -> list[dict]:
    with Store(db) as store:
        return list(exporting.records(store, kind, "csv"))


def _blank_is_null(row: dict, schema: dict[str, str]) -> dict:
    # CSV has one empty cell for null and for "": the documented reading is null
    return {k: (None if schema[k] == "str" and v == "" else v) for k, v in row.items()}


@pytest.mark.parametrize("kind", TABLE_KINDS)
def test_csv_round_trips_every_kind(db, tmp_path, kind):
    expected = _rows(db, kind)
    assert expected, f"the examples corpus should give some {kind}"
    out = tmp_path / f"{kind}.csv"
    result = CliRunner().invoke(main, ["export", str(out), "--db", str(db), "--what", kind])
    assert result.exit_code == EXIT_OK, result.output
    schema = exporting.SCHEMAS[kind]
    with out.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == list(schema)
        back = [{k: exporting.parse_csv_cell(v, schema[k]) for k, v in r.items()} for r in reader]
    assert back == [_blank_is_null(r, schema) for r in expected]


@pytest.mark.parametrize("kind", TABLE_KINDS)
def test_parquet_round_trips_every_kind(db, tmp_path, kind):
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs the `parquet` extra")
    expected = _rows(db, kind)
    out = tmp_path / f"{kind}.parquet"
    result = CliRunner().invoke(main, ["export", str(out), "--db", str(db), "--what", kind])
    assert result.exit_code == EXIT_OK, result.output
    table = pq.read_table(out)
    assert table.schema.names == list(exporting.SCHEMAS[kind])
    assert table.to_pylist() == expected


def test_format_option_wins_over_the_extension(db, tmp_path):
    out = tmp_path / "quotes.txt"
    result = CliRunner().invoke(
        main, ["export", str(out), "--db", str(db), "--what", "quotes", "--format", "csv"]
    )
    assert result.exit_code == EXIT_OK, result.output
    assert out.read_text(encoding="utf-8").startswith("story,speaker,text,")


def test_non_finite_floats_are_written_as_null(tmp_path):
    store = Store(tmp_path / "nan.db")
    store.add_derivations(
        [
            Derivation(
                "c1", "p1", "rewrite", float("inf"), [AlignedPair(0, 0, float("nan"), ["a"], [])]
            )
        ]
    )
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"d.{fmt}"
        assert exporting.export(store, "derivations", out, fmt) == 1
        text = out.read_text(encoding="utf-8")
        assert "NaN" not in text and "Infinity" not in text
    row = json.loads((tmp_path / "d.jsonl").read_text())
    assert row["similarity"] is None and row["pairs"][0]["similarity"] is None
    assert list(csv.DictReader((tmp_path / "d.csv").open()))[0]["similarity"] == ""
    assert math.isinf(store.derivations()[0].similarity)  # the store itself is untouched
    store.close()


def test_briefs_as_a_table_is_a_usage_error(db, tmp_path):
    result = CliRunner().invoke(main, ["export", str(tmp_path / "b.csv"), "--db", str(db)])
    assert result.exit_code == 2
    assert not (tmp_path / "b.csv").exists()


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

    monkeypatch.setattr(exporting, "write", boom)
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
