"""Round 13's faster summarizer paths give exactly what the paths they replace give."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsbrief.summarize as summarize_module
from newsbrief.records import Article
from newsbrief.summarize import summarize
from newsbrief.summarize import words as words_module
from newsbrief.summarize.arrays import unique_counts
from newsbrief.summarize.memo import first_person, sentence_reason
from newsbrief.summarize.text import ineligible_reason, speaks_in_first_person
from newsbrief.summarize.words import _ascii_chunks, _chunk, story_words

# chunks that reach every branch of ``_chunk``: trigger words whole and inside compounds,
# capitals, stop words, digits, punctuation only, apostrophes and hyphens
CHUNKS = [
    "click", "Click", "here,", "pre-click", "o'click", "un-subscribe", "newsletter.",
    "declined", "Declined", "no", "No,", "reached", "immediately", "The", "the", "Mayor",
    "Roth's", "al-Abadi", "COVID-19", "1,000", "3.5", "(AP)", "--", "...", "|", "@handle",
    "it's", "a", "I", "x-ray", "don't", "''", "'", "-", "A.B.C.", "river", "dam's", "2019.",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CHUNKS) | st.text("abcXY '-.,1_", min_size=1), min_size=1))
def test_ascii_batch_matches_one_chunk_at_a_time(chunks: list[str]) -> None:
    chunks = list(dict.fromkeys(c for c in chunks if c.split() == [c]))
    if not chunks:
        return
    batch = _ascii_chunks(chunks)
    assert batch == [np.array(_chunk(c), dtype=np.int64).tobytes() for c in chunks]


def test_ascii_batch_counts_capitals_and_triggers() -> None:
    size, code, *tokens = np.frombuffer(_ascii_chunks(["Mayor", "pre-click"])[1], np.int64)
    assert size == 2 and len(tokens) == 2  # "pre", "click"
    assert code & words_module._BOILER and not code & words_module._FILLER
    size, code = np.frombuffer(_ascii_chunks(["Mayor", "the"])[0], np.int64)[:2]
    assert size == 1 and code & words_module._COUNT == 1  # one capitalised content word


def test_story_words_the_same_with_non_ascii_chunks_among_new_ones() -> None:
    texts = ["Iraq’s new dam at Mosul was finished on İstanbul time.", "The dam held."]
    words_module.forget()
    fresh = story_words(texts)
    words_module._TEXTS.clear()
    from_chunks = story_words(texts)  # every chunk from the chunk table now
    from_texts = story_words(texts)  # every text from the text table
    for again in (from_chunks, from_texts):
        assert fresh.stems.tolist() == again.stems.tolist()
        assert fresh.stop.tolist() == again.stop.tolist()
        assert fresh.flags == again.flags and fresh.keys == again.keys
        assert fresh.sentence.tolist() == again.sentence.tolist()


def test_story_words_the_same_when_the_tables_overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["The dam at the river held.", "Officials said the river rose.", "The dam held."]
    words_module.forget()
    want = story_words(texts)
    story_words(["Some other story about a harbor wall."])
    # the next story's new text overflows the text table: it alone is emptied
    monkeypatch.setattr(words_module, "_MAX_TEXTS", 4)
    got = story_words([*texts, "A new sentence about the dam."])
    assert got.stems[: len(want.stems)].tolist() == want.stems.tolist()
    assert got.flags[:3] == want.flags and len(words_module._TEXTS) == 1
    assert words_module._CHUNKS  # the chunks are kept
    # the new chunks overflow the chunk table: every table is emptied, every text made
    monkeypatch.setattr(words_module, "_MAX_CHUNKS", len(words_module._CHUNKS) + 1)
    again = story_words([*texts, "Yet another sentence, about a levee."])
    assert again.stems[: len(want.stems)].tolist() == want.stems.tolist()
    assert again.flags[:3] == want.flags and len(words_module._TEXTS) == 4


@pytest.mark.parametrize("n", [0, 1, 7, 100])
def test_unique_counts_is_numpys(n: int) -> None:
    values = np.random.default_rng(n).integers(0, 9, size=n)
    got, counts = unique_counts(values)
    want, want_counts = np.unique(values, return_counts=True)
    assert got.tolist() == want.tolist() and counts.tolist() == want_counts.tolist()


SENTENCES = [
    "Officials said the bridge over the river will reopen on Monday.",
    "Bridge reopens on Monday.",
    "Why would a town on the river need to move?",
    "Too short.",
    "We will rebuild the harbor wall before the winter storms, the mayor said.",
    "We will rebuild the harbor wall before the winter storms arrive here.",
    "Click here to sign up for our newsletter about the harbor town.",
]


@pytest.mark.parametrize("title", ["", "Bridge reopens on Monday", "Another title altogether"])
def test_memo_reason_is_ineligible_reason(title: str) -> None:
    for text in SENTENCES:
        key = " ".join(text.split()).lower()
        for _ in range(2):  # the second answer comes from the memo
            assert sentence_reason(text, title, key, None) == ineligible_reason(text, title)


def test_memo_first_person_is_speaks_in_first_person() -> None:
    for text in SENTENCES:
        for _ in range(2):
            assert first_person(text) == speaks_in_first_person(text)
    assert first_person(SENTENCES[5]) and not first_person(SENTENCES[4])


def _coo_similarity(texts: list[str]) -> np.ndarray:
    """The similarity as round 12 built it: a COO matrix of ones, duplicates summed."""
    from scipy.sparse import csr_matrix

    words = story_words(texts)
    content = ~words.stop
    rows, cols = words.sentence[content], words.stems[content]
    n, v = len(words.texts), words.n_stems
    mat = csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(n, max(1, v)))
    mat.sum_duplicates()
    row_of = np.repeat(np.arange(n), np.diff(mat.indptr))
    norms = np.sqrt(np.bincount(row_of, weights=mat.data**2, minlength=n))
    mat.data /= np.where(norms == 0, 1.0, norms)[row_of].astype(np.float32)
    return np.asarray((mat @ mat.T).toarray(), dtype=np.float32)


@pytest.mark.parametrize("dense", [True, False])
def test_similarity_is_the_coo_built_one(dense: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = SENTENCES + ["The the the of a.", "River river river town, river town."]
    monkeypatch.setattr(summarize_module, "DENSE_SENTENCES", 3000 if dense else 1)
    sim = summarize_module._similarity(story_words(texts))
    got = sim.matrix if dense else sim.matrix.toarray()
    assert got.tobytes() == _coo_similarity(texts).tobytes()


def test_summary_unchanged_when_chunks_are_new_or_cached() -> None:
    text = " ".join(SENTENCES[:2] + SENTENCES[4:6]) + " The harbor wall cost three million."
    from newsbrief.annotate import annotate
    from newsbrief.clean import clean_article

    arts = [
        annotate(clean_article(Article(id=f"a{i}", source=f"s{i}", text=text + f" Item {i}.")))
        for i in range(2)
    ]
    words_module.forget()
    first = summarize(arts, words=60)
    assert first == summarize(arts, words=60)
    assert first
