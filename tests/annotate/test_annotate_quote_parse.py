"""The attribution parse can be switched off for large crawls, and then costs nothing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsbrief import parse
from newsbrief.annotate import annotate, speakers
from newsbrief.cli import main
from newsbrief.records import Article

TEXT = (
    "The council met on Monday to discuss the flooded underpass on Mill Road.\n"
    "Councillor Ada Brennick, who chairs the roads committee, opened the meeting.\n"
    '"We will not reopen the underpass until the pumps have been replaced," she said.\n'
    "The Rivermoor Water Board, according to its chief engineer, ordered two new pumps.\n"
)


@pytest.fixture(autouse=True)
def _restore(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(speakers.QUOTE_PARSE_ENV, "1")
    before = speakers.PARSED["on"]
    yield
    speakers.PARSED["on"] = before


def _annotate_cost(on: bool) -> tuple[int, list[str | None]]:
    speakers.set_quote_parse(on)
    parse.clear_cache()
    words = parse.parsed_words()
    art = annotate(Article(id="a", source="a.txt", text=TEXT))
    return parse.parsed_words() - words, [q.speaker for q in art.quotes]


@pytest.mark.skipif(not parse.available(), reason="the spaCy model is not installed")
def test_switching_the_quote_parse_off_parses_nothing_and_keeps_pattern_speakers():
    parsed_on, speakers_on = _annotate_cost(True)
    parsed_off, speakers_off = _annotate_cost(False)
    assert parsed_on > 0
    assert parsed_off == 0
    # "she" goes back to the councillor with or without the parse
    assert any(s and s.endswith("Ada Brennick") for s in speakers_on)
    assert any(s and s.endswith("Ada Brennick") for s in speakers_off)


def test_the_environment_variable_sets_the_default(monkeypatch: pytest.MonkeyPatch):
    for value, wanted in (("0", False), ("off", False), ("1", True), ("", True)):
        monkeypatch.setenv(speakers.QUOTE_PARSE_ENV, value)
        assert speakers.quote_parse_wanted() is wanted


def test_run_no_quote_parse_switches_it_off_for_the_run_and_its_workers(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Underpass stays shut\n\n" + TEXT, encoding="utf-8")
    args = ["run", str(folder), "--db", str(tmp_path / "n.db"), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(main, [*args, "-q", "--no-quote-parse"])
    assert result.exit_code == 0, result.output
    assert speakers.PARSED["on"] is False
    assert speakers.quote_parse_wanted() is False  # what a worker process reads
