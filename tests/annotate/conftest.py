from __future__ import annotations

import pytest

from newsbrief import parse
from newsbrief.annotate import speakers


@pytest.fixture
def pipe_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every ``nlp.pipe`` call the test makes, in order (the model is wrapped)."""
    model = parse.nlp()
    calls: list[int] = []
    pipe = model.pipe

    def counted(texts, **kw):
        texts = list(texts)
        calls.append(len(texts))
        return pipe(texts, **kw)

    monkeypatch.setattr(model, "pipe", counted)
    return calls


@pytest.fixture
def parse_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Speaker resolution reads the parse, whatever the environment says (the rule tests of
    each round use it: ``pytestmark = pytest.mark.usefixtures("parse_on")``)."""
    monkeypatch.setitem(speakers.PARSED, "on", True)
