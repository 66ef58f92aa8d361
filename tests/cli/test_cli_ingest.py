"""`newsbrief run` and `add`: briefs written, incremental updates, exit codes for bad
inputs, locks and failed runs."""

from __future__ import annotations

import json

from cli_corpus import STORY_A, write_corpus
from click.testing import CliRunner

from newsbrief.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, main


def test_run_writes_briefs_and_a_rerun_changes_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    db, out = tmp_path / "nb.db", tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(main, ["run", str(corpus), "--db", str(db), "--out", str(out)])
    assert first.exit_code == EXIT_OK, first.output
    briefs = sorted(out.glob("*.json"))
    assert len(briefs) == 2
    assert len(sorted(out.glob("*.md"))) == 2
    sizes = sorted(len(json.loads(p.read_text())["articles"]) for p in briefs)
    assert sizes == [1, 2]

    listing = runner.invoke(main, ["stories", "--db", str(db), "--json"])
    rows = json.loads(listing.output)
    assert sorted(r["size"] for r in rows) == [1, 2]

    again = runner.invoke(main, ["run", str(corpus), "--db", str(db), "--out", str(out)])
    assert again.exit_code == EXIT_OK
    assert "0 new articles, 3 already stored" in again.output
    assert json.loads(runner.invoke(main, ["stories", "--db", str(db), "--json"]).output) == rows

    story_id = max(rows, key=lambda r: r["size"])["id"]
    md = runner.invoke(main, ["brief", story_id, "--db", str(db)])
    assert md.exit_code == EXIT_OK and md.output.startswith("# ")
    js = runner.invoke(main, ["brief", story_id, "--db", str(db), "--format", "json"])
    assert json.loads(js.output)["story"] == story_id


def test_add_updates_only_touched_stories(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    title, body = STORY_A[0]
    (corpus / "a.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    db = tmp_path / "nb.db"
    runner = CliRunner()
    assert runner.invoke(main, ["add", str(corpus / "a.txt"), "--db", str(db)]).exit_code == 0
    title, body = STORY_A[1]
    (corpus / "b.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    result = runner.invoke(main, ["add", str(corpus / "b.txt"), "--db", str(db)])
    assert result.exit_code == 0
    assert "1 new article," in result.output
    rows = json.loads(runner.invoke(main, ["stories", "--db", str(db), "--json"]).output)
    assert [r["size"] for r in rows] == [2]


def test_bad_inputs_are_reported_and_set_the_exit_code(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    (corpus / "broken.jsonl").write_text('{"title": "ok", "text": "Fine text here."}\n{oops\n')
    result = CliRunner().invoke(
        main, ["run", str(corpus), "--db", str(tmp_path / "nb.db"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == EXIT_PARTIAL
    assert "broken.jsonl:2" in result.output


def test_json_brief_citations_point_at_the_cited_sentences(tmp_path):
    from newsbrief.store import Store

    corpus = write_corpus(tmp_path / "in")
    db, out = tmp_path / "nb.db", tmp_path / "out"
    assert (
        CliRunner().invoke(main, ["run", str(corpus), "--db", str(db), "--out", str(out)]).exit_code
        == 0
    )
    checked = 0
    with Store(db) as store:
        for path in out.glob("*.json"):
            brief = json.loads(path.read_text())
            assert brief["summary"], path
            for item in brief["summary"]:
                assert item["citations"][0]["text"] == item["text"]
                for c in item["citations"]:
                    article = store.article(c["article"])
                    assert article.sentences[c["sentence"]].text == c["text"]
                    checked += 1
    assert checked >= 3


def test_nothing_readable_is_a_failure_not_a_partial_run(tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "run",
            str(tmp_path / "missing"),
            "--db",
            str(tmp_path / "x.db"),
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == EXIT_FAILED
    assert "no such file or directory" in result.output
    assert "no article could be read" in result.output


def test_a_lock_held_too_long_is_one_line_and_exit_3_and_a_rerun_stores_all(tmp_path, monkeypatch):
    import sqlite3

    import newsbrief.store as store_module

    corpus = write_corpus(tmp_path / "in")
    db = tmp_path / "nb.db"
    store_module.Store(db).close()
    # seconds of waiting scaled down: each attempt waits 10 ms, and the pauses are skipped
    # (raising=False: without these settings the default waits apply, as on older code)
    monkeypatch.setattr(store_module.connection, "BUSY_TIMEOUT", 0.01, raising=False)
    monkeypatch.setattr(store_module.connection, "LOCK_RETRIES", 2, raising=False)
    monkeypatch.setattr(store_module.Store, "_sleep", lambda self, s: None, raising=False)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer that never lets go
    runner = CliRunner()
    held = runner.invoke(main, ["add", str(corpus), "--db", str(db), "--quiet"])
    assert held.exit_code == EXIT_FAILED, held.output
    assert "Traceback" not in held.output and isinstance(held.exception, SystemExit)
    lines = held.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsbrief: error: [E012]")
    assert "locked" in lines[0] and "hint: another newsbrief process" in lines[0]
    other.execute("COMMIT")
    other.close()
    rerun = runner.invoke(main, ["add", str(corpus), "--db", str(db), "--quiet"])
    assert rerun.exit_code == EXIT_OK, rerun.output
    listing = json.loads(runner.invoke(main, ["stories", "--db", str(db), "--json"]).output)
    assert sum(row["size"] for row in listing) == 3  # nothing from the held batch was lost


def test_counts_use_the_singular_for_one(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    title, body = STORY_A[0]
    (corpus / "a.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    db = tmp_path / "nb.db"
    runner = CliRunner()
    ran = runner.invoke(main, ["run", str(corpus), "--db", str(db), "--out", str(tmp_path / "o")])
    assert ran.exit_code == EXIT_OK, ran.output
    assert "1 new article," in ran.output and "1 brief in" in ran.output
    assert "1 story\n" in ran.output  # the table's title
    assert "1 stories" not in ran.output and "1 briefs" not in ran.output
    title, body = STORY_A[1]
    (corpus / "b.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    added = runner.invoke(main, ["add", str(corpus / "b.txt"), "--db", str(db)])
    assert "1 story updated" in added.output
    exported = runner.invoke(
        main, ["export", str(tmp_path / "s.jsonl"), "--db", str(db), "--what", "stories"]
    )
    assert "1 story written" in exported.output


def test_nothing_read_creates_nothing_and_says_only_the_error(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "o"
    runner = CliRunner()
    ran = runner.invoke(
        main, ["run", str(tmp_path / "missing"), "--db", str(db), "--out", str(out)]
    )
    assert ran.exit_code == EXIT_FAILED
    assert "no stories yet" not in ran.output
    assert "no article could be read" in ran.output
    added = runner.invoke(main, ["add", str(tmp_path / "missing"), "--db", str(db)])
    assert added.exit_code == EXIT_FAILED
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no database, no folder


def test_a_failed_add_keeps_an_existing_database(tmp_path):
    db = tmp_path / "nb.db"
    runner = CliRunner()
    runner.invoke(
        main,
        ["run", str(write_corpus(tmp_path / "in")), "--db", str(db), "--out", str(tmp_path / "o")],
    )
    added = runner.invoke(main, ["add", str(tmp_path / "missing"), "--db", str(db)])
    assert added.exit_code == EXIT_FAILED
    listing = runner.invoke(main, ["stories", "--db", str(db), "--json"])
    assert len(json.loads(listing.output)) == 2


def test_an_out_folder_that_cannot_be_made_fails_in_one_line_before_any_work(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    (tmp_path / "notes.txt").write_text("a file, not a folder\n")
    db = tmp_path / "nb.db"
    result = CliRunner().invoke(
        main, ["run", str(corpus), "--db", str(db), "--out", str(tmp_path / "notes.txt" / "b")]
    )
    assert result.exit_code == EXIT_FAILED
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsbrief: error: [E014] cannot write briefs")
    assert "hint: pass --out a folder" in lines[0]
    assert not db.exists()  # refused before the database was opened


def test_the_commands_that_ingest_all_take_quote_parse():
    for name in ("run", "add", "watch"):
        assert any("--no-quote-parse" in p.secondary_opts for p in main.commands[name].params), name
