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


def test_an_article_or_story_that_fails_becomes_a_problem_with_its_traceback_logged(
    tmp_path, monkeypatch, caplog
):
    import logging

    from newsbrief import pipeline

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Pass closed\n\n" + GOOD)
    (tmp_path / "in" / "bad.txt").write_text("Pass reopened\n\nThe pass reopened on Monday.")
    real_clean = pipeline.clean_article

    def clean_fails_on_bad(article):
        if article.source.endswith("bad.txt"):
            raise ValueError("unreadable layout")
        return real_clean(article)

    monkeypatch.setattr(pipeline, "clean_article", clean_fails_on_bad)
    # one process: a pool worker's debug log record would not reach caplog here
    monkeypatch.setenv("NEWSBRIEF_JOBS", "1")
    with caplog.at_level(logging.DEBUG, logger="newsbrief.engines"), Store(":memory:") as store:
        result = process([tmp_path / "in"], store)
        assert result.added == 1 and store.count_articles() == 1
    (problem,) = result.problems
    assert problem.source.endswith("bad.txt")
    assert problem.reason == "could not process article: ValueError('unreadable layout')"
    (record,) = [r for r in caplog.records if r.exc_info]
    assert "bad.txt" in record.getMessage() and record.levelno == logging.DEBUG

    def brief_fails(*args, **kwargs):
        raise RuntimeError("no summary")

    monkeypatch.setattr(pipeline, "summarize", brief_fails)
    with Store(":memory:") as store:
        result = process([tmp_path / "in" / "good.txt"], store)
        assert store.story_rows() and store.briefed_stories() == []
    (problem,) = result.problems
    assert problem.source.startswith("story:")
    assert problem.reason == "could not brief: RuntimeError('no summary')"
