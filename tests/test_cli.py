from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsbrief.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main

STORY_A = [
    (
        "Harbour crane collapses in Port Alder",
        "A container crane collapsed at the harbour of Port Alder on Monday, injuring two "
        "dock workers, the port authority said.\n"
        "The crane had been inspected in March, according to harbour master Lena Okafor.\n"
        '"We are investigating every possible cause," Okafor told reporters.\n',
    ),
    (
        "Two hurt as crane falls at Port Alder harbour",
        "Two dock workers were injured when a container crane collapsed at Port Alder "
        "harbour on Monday.\n"
        "Harbour master Lena Okafor said the crane had passed an inspection in March.\n"
        "Shipping was suspended for the rest of the day while engineers examined the site.\n",
    ),
]
STORY_B = (
    "Chess prodigy wins national title",
    "A fourteen-year-old chess player won the national championship in Brenmoor on Sunday, "
    "beating the defending champion in the final round.\n"
    "The tournament drew more than two hundred players from across the country.\n",
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for n, (title, body) in enumerate([*STORY_A, STORY_B]):
        (folder / f"{n}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    return folder


def test_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "add", "stories", "brief", "eval"):
        assert command in result.output


def test_run_writes_briefs_and_a_rerun_changes_nothing(tmp_path):
    corpus = _corpus(tmp_path / "in")
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
    corpus = _corpus(tmp_path / "in")
    (corpus / "broken.jsonl").write_text('{"title": "ok", "text": "Fine text here."}\n{oops\n')
    result = CliRunner().invoke(
        main, ["run", str(corpus), "--db", str(tmp_path / "nb.db"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == EXIT_PARTIAL
    assert "broken.jsonl:2" in result.output


def test_errors_are_one_line_with_a_hint(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["stories", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == EXIT_FAILED
    assert missing.output.count("\n") == 1 and "hint:" in missing.output
    db = tmp_path / "nb.db"
    runner.invoke(
        main, ["run", str(_corpus(tmp_path / "in")), "--db", str(db), "--out", str(tmp_path / "o")]
    )
    unknown = runner.invoke(main, ["brief", "nope", "--db", str(db)])
    assert unknown.exit_code == EXIT_FAILED and "newsbrief stories" in unknown.output
    usage = runner.invoke(main, ["run"])
    assert usage.exit_code == EXIT_USAGE


def test_json_brief_citations_point_at_the_cited_sentences(tmp_path):
    from newsbrief.store import Store

    corpus = _corpus(tmp_path / "in")
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


def test_export_writes_one_json_record_a_line(tmp_path):
    corpus = _corpus(tmp_path / "in")
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


def test_a_bad_file_name_with_brackets_is_reported_as_written(tmp_path):
    corpus = _corpus(tmp_path / "in")
    (corpus / "[bold]odd[red].jsonl").write_text("{not json\n")
    result = CliRunner().invoke(
        main, ["run", str(corpus), "--db", str(tmp_path / "x.db"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == EXIT_PARTIAL, result.output
    assert "[bold]odd[red].jsonl:1" in result.output


def test_a_headline_with_brackets_is_shown_as_written(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    title = "Council [bold]votes[/] on the [red] budget"
    (corpus / "a.txt").write_text(
        f"{title}\n\nThe council voted on the budget on Monday, the mayor said.\n"
    )
    result = CliRunner().invoke(
        main,
        ["run", str(corpus), "--db", str(tmp_path / "x.db"), "--out", str(tmp_path / "o")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == EXIT_OK, result.output
    assert "[bold]votes[/]" in result.output


# ---------------------------------------------------------------- locks and read-only databases


def test_a_lock_held_too_long_is_one_line_and_exit_3_and_a_rerun_stores_all(tmp_path, monkeypatch):
    import sqlite3

    import newsbrief.store as store_module

    corpus = _corpus(tmp_path / "in")
    db = tmp_path / "nb.db"
    store_module.Store(db).close()
    # seconds of waiting scaled down: each attempt waits 10 ms, and the pauses are skipped
    # (raising=False: without these settings the default waits apply, as on older code)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.01, raising=False)
    monkeypatch.setattr(store_module, "LOCK_RETRIES", 2, raising=False)
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


def _read_only_mount(folder: Path) -> list[str]:
    """A command prefix that runs its command with ``folder`` mounted read-only.

    Tests run as root here, and root ignores file permissions, so chmod proves nothing; a
    read-only bind mount in a private mount namespace refuses even root's writes (EROFS).
    """
    import os
    import shutil
    import subprocess

    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && "$@"'
    prefix = ["unshare", "--mount", "sh", "-c", script, "sh", str(folder)]
    if os.geteuid() != 0:
        folder.chmod(0o555)  # an ordinary user is stopped by permissions alone
        for f in folder.iterdir():
            f.chmod(0o444)
        return []
    if shutil.which("unshare") is None:
        import pytest

        pytest.skip("needs unshare to mount a folder read-only")
    probe = subprocess.run([*prefix, "touch", str(folder / "probe")], capture_output=True)
    if b"Read-only file system" not in probe.stderr:
        import pytest

        pytest.skip("cannot make a read-only mount here (no mount namespace)")
    return prefix


def test_stories_brief_export_on_a_read_only_folder(tmp_path):
    """The database and its folder cannot be written (read-only mount): listing, briefs
    and export still work, through mode=ro and the immutable fallback."""
    import os
    import subprocess
    import sys

    corpus = _corpus(tmp_path / "in")
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "nb.db"
    made = CliRunner().invoke(
        main, ["run", str(corpus), "--db", str(db), "--out", str(tmp_path / "o"), "--quiet"]
    )
    assert made.exit_code == EXIT_OK, made.output
    assert sorted(p.name for p in folder.iterdir()) == ["nb.db"]  # WAL checkpointed away
    before = db.read_bytes()
    prefix = _read_only_mount(folder)
    cli = [sys.executable, "-c", "from newsbrief.cli import main; main()"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, *cli, *args], capture_output=True, text=True, env=env)

    listing = run("stories", "--db", str(db), "--json")
    assert listing.returncode == EXIT_OK, listing.stderr
    rows = json.loads(listing.stdout)
    assert sorted(r["size"] for r in rows) == [1, 2]
    brief = run("brief", rows[0]["id"], "--db", str(db), "--format", "json")
    assert brief.returncode == EXIT_OK, brief.stderr
    assert json.loads(brief.stdout)["story"] == rows[0]["id"]
    export = run("export", "-", "--db", str(db), "--what", "articles")
    assert export.returncode == EXIT_OK, export.stderr
    assert len(export.stdout.splitlines()) == 3
    written = run("add", str(corpus), "--db", str(db), "--quiet")  # a writer is refused
    assert written.returncode == EXIT_FAILED and "Traceback" not in written.stderr
    assert db.read_bytes() == before


# ------------------------------------------------------------------ rough edges (issue 19)


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
        main, ["run", str(_corpus(tmp_path / "in")), "--db", str(db), "--out", str(tmp_path / "o")]
    )
    added = runner.invoke(main, ["add", str(tmp_path / "missing"), "--db", str(db)])
    assert added.exit_code == EXIT_FAILED
    listing = runner.invoke(main, ["stories", "--db", str(db), "--json"])
    assert len(json.loads(listing.output)) == 2


def test_every_option_of_every_command_has_help_text():
    import click

    missing = [
        f"{name} {'/'.join(param.opts)}"
        for name, command in main.commands.items()
        for param in command.params
        if isinstance(param, click.Option) and not (param.help or "").strip()
    ]
    assert missing == []


def test_eval_data_help_names_no_file_a_fresh_clone_lacks(repo_root):
    result = CliRunner().invoke(main, ["eval", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == EXIT_OK
    assert "../shared" not in result.output and "README.md" not in result.output
    assert "Evaluation section" in result.output
    assert "## The command line" in (repo_root / "README.md").read_text()
    assert "### Evaluation" in (repo_root / "README.md").read_text()
