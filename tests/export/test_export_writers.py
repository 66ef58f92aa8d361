"""Export tables and writers: every record kind round-trips through CSV (read back with the
csv module) and Parquet (read back with pyarrow); non-finite floats are written as null."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief import export as exporting
from newsbrief.cli import EXIT_OK, main
from newsbrief.records import AlignedPair, Derivation
from newsbrief.store import Store

TABLE_KINDS = sorted(exporting.SCHEMAS)


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
