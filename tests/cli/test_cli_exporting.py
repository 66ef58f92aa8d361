"""`newsbrief export` from the command line (the formats themselves are tested in
tests/export/)."""

from __future__ import annotations

import json

from cli_corpus import write_corpus
from click.testing import CliRunner

from newsbrief.cli import EXIT_OK, main


def test_export_writes_one_json_record_a_line(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    db = tmp_path / "nb.db"
    runner = CliRunner()
    runner.invoke(main, ["run", str(corpus), "--db", str(db), "--out", str(tmp_path / "o")])
    for what, count in (("briefs", 2), ("stories", 2), ("articles", 3)):
        out = tmp_path / f"{what}.jsonl"
        result = runner.invoke(main, ["export", str(out), "--db", str(db), "--what", what])
        assert result.exit_code == EXIT_OK, result.output
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(rows) == count
    assert {"id", "source", "text", "sentences"} <= set(rows[0])  # the last export: articles
