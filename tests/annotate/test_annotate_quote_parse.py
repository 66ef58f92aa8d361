"""The attribution parse can be switched off for large crawls, and then costs nothing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsbrief import parse
from newsbrief.annotate import annotate, speakers
from newsbrief.annotate.entities import extract_mentions
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


DOUBTFUL = (
    "Ada Brennick chairs the roads committee of the Rivermoor council.\n"
    '"The pumps are old," Brennick said.\n'
    "A spokesman for the water board, which runs the pumps, said the repairs would take a month.\n"
    "Officials at the depot, speaking on Tuesday, said the road would stay shut.\n"
)


@pytest.mark.skipif(not parse.available(), reason="the spaCy model is not installed")
def test_only_doubtful_subjects_are_parsed_and_in_one_batch(monkeypatch: pytest.MonkeyPatch):
    speakers.set_quote_parse(True)
    parse.clear_cache()
    batches: list[list[str]] = []
    real = parse.parse

    def counting(texts):
        todo = [t for t in texts if parse._cache.get(t) is None]
        if todo:
            batches.append(todo)
        return real(texts)

    monkeypatch.setattr(parse, "parse", counting)
    art = annotate(Article(id="a", source="a.txt", text=DOUBTFUL))
    assert [q.speaker for q in art.quotes if q.kind == "direct"] == ["Ada Brennick"]
    parsed = [t for batch in batches for t in batch]
    # "Brennick said": an exact person mention with a speech verb needs no parse; the two
    # nominal subjects do, and they go in one batch
    assert not any("Brennick said" in t for t in parsed)
    assert any("spokesman for the water board" in t for t in parsed)
    assert any("Officials at the depot" in t for t in parsed)
    assert len(batches) == 1


def test_sure_subjects_are_exact_mentions_lone_pronouns_and_generic_plurals():
    from newsbrief.annotate.entities import extract_mentions
    from newsbrief.annotate.sentences import split_sentences

    text = "Sen. Ada Brennick spoke. She said so. Two officials said so. Brennick's aide said so."
    sents = split_sentences(text)
    mentions, roles = extract_mentions(text, sents)
    res = speakers.Resolver(text, sents, mentions, roles)

    def sure(subj: str) -> bool:
        at = text.index(subj)
        return res.sure(subj, at, at + len(subj))

    assert sure("Sen. Ada Brennick")
    assert sure("She")
    assert sure("Two officials")
    assert not sure("Brennick's aide")  # the possessor is not the speaker: parse


def test_a_name_after_a_preposition_is_the_tail_of_a_longer_subject_and_needs_the_parse():
    from newsbrief.annotate.entities import extract_mentions
    from newsbrief.annotate.sentences import split_sentences

    text = "Rep. Ada Brennick spoke. A spokesperson for Brennick said so."
    sents = split_sentences(text)
    mentions, roles = extract_mentions(text, sents)
    res = speakers.Resolver(text, sents, mentions, roles)
    at = text.rindex("Brennick")
    assert not res.sure("Brennick", at, at + len("Brennick"))


def test_ray_workers_are_told_the_switch():
    from newsbrief.engines.ray import _stage_env

    speakers.set_quote_parse(False)
    assert _stage_env() == {speakers.QUOTE_PARSE_ENV: "0"}
    speakers.set_quote_parse(True)
    assert _stage_env() == {speakers.QUOTE_PARSE_ENV: "1"}


ANTECEDENT = (
    "Mara Quill spent the weekend clearing the harbour wall.\n"
    "Flood water reached the old mill on Sunday, a spokesman for Rivermoor council told reporters.\n"
    '"Nobody warned us about the pumps," she said.\n'
)


@pytest.mark.skipif(not parse.available(), reason="the spaCy model is not installed")
def test_the_pronoun_antecedent_is_parsed_in_the_attribution_batch(monkeypatch, pipe_calls):
    speakers.set_quote_parse(True)
    calls = pipe_calls
    parse.clear_cache()
    batched = [(q.speaker, q.speaker_text) for q in annotate(Article("a", "a", ANTECEDENT)).quotes]
    assert calls == [2]  # the attribution sentence and the antecedent of "she", one call
    # without the dry run the antecedent is parsed on its own when "she" is resolved: the
    # same speakers, one call more
    monkeypatch.setattr(speakers.Resolver, "_antecedent_sentences", lambda self, r: set())
    calls.clear()
    parse.clear_cache()
    alone = [(q.speaker, q.speaker_text) for q in annotate(Article("a", "a", ANTECEDENT)).quotes]
    assert calls == [1, 1]
    assert alone == batched
    assert ("Mara Quill", "she") in batched


@pytest.mark.skipif(not parse.available(), reason="the spaCy model is not installed")
def test_the_dry_run_leaves_the_resolver_as_it_found_it():
    speakers.set_quote_parse(True)
    art = annotate(Article("a", "a", ANTECEDENT))
    mentions, roles = extract_mentions(ANTECEDENT, art.sentences)
    resolver = speakers.Resolver(ANTECEDENT, art.sentences, mentions, roles)
    before = (list(resolver.salient), set(resolver._vouched), dict(resolver._animate_memo))
    she = ANTECEDENT.index("she said")
    assert resolver._antecedent_sentences([("she", she, she + 3)]) == {0}
    after = (list(resolver.salient), set(resolver._vouched), dict(resolver._animate_memo))
    assert after == before
    assert resolver._asked is None
