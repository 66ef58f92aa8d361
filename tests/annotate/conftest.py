from __future__ import annotations

import pytest

from newsbrief import parse


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
