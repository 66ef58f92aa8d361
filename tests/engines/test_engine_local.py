from __future__ import annotations

import gzip
import json

from click.testing import CliRunner

from newsbrief.cli import EXIT_OK, EXIT_PARTIAL, main
from newsbrief.engines.local import process, run_paths
from newsbrief.store import Store

GOOD = (
    "Rain closed the mountain pass on Friday, the road agency said. Crews expect to reopen it soon."
)


def _hostile_folder(folder):
    folder.mkdir()
    (folder / "photo.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes(
        "Café owners protest new rules\n\nThe café owners of the old town said the rules "
        "would ruin them.".encode("latin-1")
    )
    whole = gzip.compress(json.dumps({"title": "Gz", "text": GOOD}).encode() * 20)
    (folder / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    lines = [
        json.dumps({"title": "First", "text": GOOD, "url": "https://example.org/1"}),
        '{"title": "Broken", "text": ',
        json.dumps(
            {"headline": "Third", "body": "Snow fell in the valley overnight, residents said."}
        ),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_bad_inputs_are_reported_once_and_good_ones_kept(tmp_path):
    folder = _hostile_folder(tmp_path / "in")
    db = tmp_path / "nb.db"
    with Store(db) as store:
        result = process([folder], store)
        titles = sorted(a.title for a in store.articles())
    assert "Café owners protest new rules" in titles
    assert {"First", "Third"} <= set(titles)
    reported = [(p.source.rsplit("/", 1)[-1], p.line) for p in result.problems]
    assert len(reported) == len(set(reported)), "each bad input once"
    names = {name for name, _ in reported}
    assert {"photo.bin", "empty.txt", "cut.jsonl.gz", "feed.jsonl"} <= names
    assert ("feed.jsonl", 2) in reported
    assert all(p.reason for p in result.problems)

    runner = CliRunner()
    args = ["run", str(folder), "--db", str(db), "--out", str(tmp_path / "o")]
    again = runner.invoke(main, args)
    assert again.exit_code == EXIT_PARTIAL
    assert "0 new articles" in again.output
    with Store(db) as store:
        assert sorted(a.title for a in store.articles()) == titles


def test_clean_folder_exits_zero(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Pass closed\n\n" + GOOD)
    result = CliRunner().invoke(
        main, ["run", str(folder), "--db", str(tmp_path / "x.db"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == EXIT_OK, result.output


def test_run_paths_returns_briefs_without_a_database(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Pass closed\n\n" + GOOD)
    result = run_paths([folder])
    assert len(result.briefs) == 1
    assert result.briefs[0].articles[0].title == "Pass closed"
    assert not (tmp_path / "newsbrief.db").exists()


def test_a_run_killed_before_briefing_is_finished_by_the_next(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Pass closed\n\n" + GOOD)
    db = tmp_path / "nb.db"
    with Store(db) as store:
        process([folder], store)
        (story,) = store.stories()
        expected = store.brief(story.id)
        # what a kill between clustering and briefing leaves behind
        with store.transaction() as conn:
            conn.execute("DELETE FROM briefs")
            conn.execute("UPDATE stories SET dirty=1")
    with Store(db) as store:
        result = process([folder], store)
        assert result.added == 0 and result.stories_changed == [story.id]
        assert store.brief(story.id) == expected
        assert store.dirty_stories() == []
