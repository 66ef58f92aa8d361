"""The parser's faster BLIS kernel: the same bits as thinc's own gemm, the same parses."""

from __future__ import annotations

import numpy
import pytest

from newsbrief import parse, parse_gemm

pytestmark = pytest.mark.skipif(not parse.available(), reason="spaCy model not installed")

needs_fast = pytest.mark.skipif(
    parse_gemm.fast_gemm() is None,
    reason="BLIS runs its own fast kernel here (or is another build)",
)


@needs_fast
@pytest.mark.parametrize("trans", [(False, True), (False, False), (True, False)])
def test_fast_gemm_gives_the_bits_of_blis_default_kernel(trans: tuple[bool, bool]) -> None:
    import blis.py

    gemm = parse_gemm.fast_gemm()
    assert gemm is not None
    rng = numpy.random.default_rng(3)
    t1, t2 = trans
    for m, k, n in [(1, 288, 288), (130, 288, 288), (41, 576, 96), (7, 700, 33), (64, 255, 9)]:
        x = rng.standard_normal((k, m) if t1 else (m, k)).astype("float32")
        y = rng.standard_normal((n, k) if t2 else (k, n)).astype("float32")
        want = blis.py.gemm(x, y, trans1=t1, trans2=t2, beta=0.0)
        got = gemm(x, y, trans1=t1, trans2=t2)
        assert got.shape == want.shape
        assert numpy.array_equal(got, want)
    out = numpy.empty((3, 4), dtype="float32")
    x = rng.standard_normal((3, 5)).astype("float32")
    y = rng.standard_normal((5, 4)).astype("float32")
    assert gemm(x, y, out=out) is out
    assert numpy.array_equal(out, blis.py.gemm(x, y, beta=0.0))


@needs_fast
def test_the_model_multiplies_through_the_fast_kernel_and_parses_the_same() -> None:
    import spacy

    model = parse.nlp()
    tok2vec = model.get_pipe("tok2vec").model
    assert type(tok2vec.ops).__name__ == "FastOps"
    plain = spacy.load(parse.MODEL, exclude=["lemmatizer"])
    assert type(plain.get_pipe("tok2vec").model.ops).__name__ == "NumpyOps"
    texts = [
        "The mayor of Springfield, Ann Lee, said on Friday that the bridge would reopen.",
        "“We are not going anywhere,” the union's president, Dora M. Keller, told reporters.",
        "Shares of Acme Corp. fell 3.5 percent in New York after the company cut 1,200 jobs.",
        "Officials in Ankara and Brussels declined to comment, according to two diplomats.",
        "",
        "Yes.",
    ]

    def rows(doc: object) -> list:
        return [
            (
                t.text,
                t.tag_,
                t.pos_,
                str(t.morph),
                t.lemma_,
                t.dep_,
                t.head.i,
                t.ent_type_,
                t.ent_iob_,
            )
            for t in doc  # type: ignore[attr-defined]
        ] + [(e.start, e.end, e.label_) for e in doc.ents]  # type: ignore[attr-defined]

    fast = list(parse._pipe(model, texts))
    ruler = parse.fast_ruler()
    slow = list(plain.pipe(texts, disable=["attribute_ruler"] if ruler else []))
    if ruler is not None:
        slow = [ruler(d) for d in slow]
    assert [rows(d) for d in fast] == [rows(d) for d in slow]
    # the tok2vec output itself, float for float
    plain_vecs = plain.get_pipe("tok2vec").model.predict(slow)
    for a, b in zip(tok2vec.predict(fast), plain_vecs, strict=True):
        assert numpy.array_equal(a, b)


def test_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parse_gemm.ENV, "0")
    parse_gemm.fast_gemm.cache_clear()
    try:
        assert parse_gemm.fast_gemm() is None
    finally:
        monkeypatch.delenv(parse_gemm.ENV)
        parse_gemm.fast_gemm.cache_clear()
    # back on: the check runs again and gives the same answer as at start-up
    assert (parse_gemm.fast_gemm() is None) == (
        type(parse.nlp().get_pipe("tok2vec").model.ops).__name__ == "NumpyOps"
    )
