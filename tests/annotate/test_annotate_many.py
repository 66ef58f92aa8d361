"""Annotating a chunk of articles parses their doubtful sentences in one batch and gives
exactly what annotating them one by one gives."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from newsbrief import parse, pipeline
from newsbrief.annotate import annotate, annotate_many, speakers
from newsbrief.engines.base import prepare_many_or_problem, prepare_or_problem
from newsbrief.records import Article, Problem, to_dict

TEXTS = [
    "Mara Quill spent the weekend clearing the harbour wall.\n"
    "Flood water reached the old mill on Sunday, a spokesman for Rivermoor council told reporters.\n"
    '"Nobody warned us about the pumps," she said.\n',
    "Ada Brennick chairs the roads committee of the Rivermoor council.\n"
    '"The pumps are old," Brennick said.\n'
    "A spokesman for the water board, which runs the pumps, said the repairs would take a month.\n"
    "Officials at the depot, speaking on Tuesday, said the road would stay shut.\n",
    "The ferry service resumed on Friday after a week of storms.\n"
    '"We lost three sailings a day," the harbour master, Tom Vell, told the Gazette.\n'
    "Passengers, according to the operator, were offered refunds.\n",
]


@pytest.fixture(autouse=True)
def _parse_on(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(speakers.QUOTE_PARSE_ENV, "1")
    before = speakers.PARSED["on"]
    speakers.PARSED["on"] = True
    yield
    speakers.PARSED["on"] = before


def _articles(examples_dir: Path) -> list[Article]:
    arts = [Article(id=f"t{i}", source=f"t{i}.txt", text=t) for i, t in enumerate(TEXTS)]
    raw = [a for a in pipeline.read_inputs([examples_dir]) if isinstance(a, Article)]
    return arts + [pipeline.clean_article(a) for a in raw[:6]]


@pytest.mark.skipif(not parse.available(), reason="the spaCy model is not installed")
def test_a_chunk_gives_what_one_by_one_gives_in_one_parse_call(
    monkeypatch, examples_dir, pipe_calls
):
    arts = _articles(examples_dir)
    calls = pipe_calls
    parse.clear_cache()
    one = [to_dict(annotate(copy.deepcopy(a))) for a in arts]
    alone = list(calls)
    calls.clear()
    parse.clear_cache()
    many = [to_dict(a) for a in annotate_many([copy.deepcopy(a) for a in arts])]
    assert many == one
    assert len(alone) > 1
    assert calls[0] > max(alone)  # the chunk's batch holds more than any one article's
    assert len(calls) < len(alone)


@pytest.mark.skipif(not parse.available(), reason="the spaCy model is not installed")
def test_the_parse_of_a_sentence_does_not_depend_on_its_batch():
    texts = [s for t in TEXTS for s in t.splitlines()]
    model = parse.nlp()

    def view(doc):
        return [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_) for t in doc]

    batch = [view(d) for d in model.pipe(texts)]
    alone = [view(model(t)) for t in texts]
    assert batch == alone


def test_one_bad_article_is_its_own_problem_and_the_chunk_goes_on(monkeypatch, examples_dir):
    arts = [Article(id=f"t{i}", source=f"t{i}.txt", text=t) for i, t in enumerate(TEXTS)]
    from newsbrief.annotate import quotes

    real = quotes.plan_quotes

    def failing(text, *args, **kw):
        if "ferry" in text:
            raise ValueError("odd article")
        return real(text, *args, **kw)

    monkeypatch.setattr("newsbrief.annotate.plan_quotes", failing)
    monkeypatch.setattr("newsbrief.annotate.quotes.plan_quotes", failing)
    one = [prepare_or_problem(copy.deepcopy(a)) for a in arts]
    many = prepare_many_or_problem([copy.deepcopy(a) for a in arts])
    assert isinstance(many[2], Problem) and "odd article" in many[2].reason
    assert [to_dict(x) for x in many] == [to_dict(x) for x in one]


def test_a_failure_after_the_plan_falls_back_to_the_article_alone(monkeypatch):
    arts = [Article(id=f"t{i}", source=f"t{i}.txt", text=t) for i, t in enumerate(TEXTS)]
    import newsbrief.pipeline as pl

    def failing(planned, attributions=None):
        raise RuntimeError("finish failed")

    monkeypatch.setattr(pl, "finish_annotate", failing)
    many = prepare_many_or_problem([copy.deepcopy(a) for a in arts])
    one = [prepare_or_problem(copy.deepcopy(a)) for a in arts]
    assert all(isinstance(x, Article) for x in many)  # annotate alone succeeded for each
    assert [to_dict(x) for x in many] == [to_dict(x) for x in one]
