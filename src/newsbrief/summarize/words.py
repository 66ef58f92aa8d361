"""One pass over a story's words for the summarizer: tokens, stems and the word-level
eligibility tests of every distinct sentence text.

A sentence's words are the words of its whitespace-separated chunks, taken in order: no
tokenizer of this package matches across whitespace, and what a tokenizer finds in a chunk
does not depend on the text around it. So each distinct chunk ("said", "Iraq's", "(AP)")
is tokenized, stemmed and checked once for the whole process (a cache, as ``text.stem``
is), and a story costs one dictionary look-up per chunk. Identical sentence texts (a story
of many articles repeats its sentences) are processed once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import cast

import numpy as np

from newsbrief.summarize.arrays import unique_inverse
from newsbrief.summarize.text import (
    _BOILERPLATE_WORDS,
    _FILLER_WORDS,
    _WORD,
    WordFlags,
)
from newsbrief.text import STOP_WORDS, normalise, stem
from newsbrief.text import words as tokenize

# Every stem seen by ``_chunk``, numbered: chunks keep their stems as these numbers, which a
# story renumbers in its own order.
_STEM_IDS: dict[str, int] = {}
# ``_chunk`` of every chunk seen, for the whole process (a plain dict: an LRU cache's
# bookkeeping cost three times the look-up); both are emptied when it passes ``_MAX_CHUNKS``.
# Kept as the bytes of an int64 array: a story's chunks are joined and read by numpy in
# two C calls, where converting their Python ints one by one was a third of the pass.
_CHUNKS: dict[str, bytes] = {}
_MAX_CHUNKS = 200_000
_HEAD = 2  # the fields of a chunk before its tokens
_INT64 = np.dtype(np.int64).itemsize
# Bit fields of a chunk's code: capital and plain word counts (saturated), the boilerplate
# and filler triggers, and whether a count saturated (its sentences are then tested alone).
_BITS = 20
_COUNT = (1 << _BITS) - 1
_BOILER, _FILLER, _HUGE = 1 << 2 * _BITS, 1 << 2 * _BITS + 1, 1 << 2 * _BITS + 2


def _chunk(chunk: str) -> tuple[int, ...]:
    """One whitespace-free chunk of text as a flat tuple of ints: its number of text-core
    tokens (``words(chunk, lower=True)``), a code holding the count of its capitalised and
    of its lower-case content words and whether it holds a boilerplate and a filler trigger
    word, then per token its stem's number in ``_STEM_IDS`` times 2, plus 1 for a stop word.

    The word counts are over the chunk's ``text._WORD`` tokens, as ``text._headline_like``
    counts them. A trigger word is a ``_WORD`` token, or a piece of one between hyphens and
    apostrophes, that is lower-cased a trigger: the whole words a pattern match holds (see
    ``text._BOILERPLATE_PARTS``), provided lower-casing maps the chunk character by
    character; when it does not ("İ" lower-cases to two characters) both triggers are set, so
    the pattern is searched.
    """
    capital = plain = 0
    boiler = filler = False
    low = chunk.lower()
    for t in _WORD.findall(chunk):
        lower = t.lower()
        if t[0].isupper():
            capital += lower not in STOP_WORDS
        elif t not in STOP_WORDS:
            plain += 1
        pieces = lower.replace("’", "'").replace("-", "'").split("'")
        boiler = boiler or not _BOILERPLATE_WORDS.isdisjoint(pieces)
        filler = filler or not _FILLER_WORDS.isdisjoint(pieces)
    if len(low) != len(chunk):
        boiler = filler = True
    core = tokenize(normalise(low))
    tokens = (
        2 * _STEM_IDS.setdefault(stem(w), len(_STEM_IDS)) + (w in STOP_WORDS or len(w) < 2)
        for w in core
    )
    huge = max(capital, plain) >= _COUNT
    code = (
        min(capital, _COUNT)
        | min(plain, _COUNT) << _BITS
        | _BOILER * boiler
        | _FILLER * filler
        | _HUGE * huge
    )
    return (len(core), code, *tokens)


@dataclass(slots=True)
class StoryWords:
    """The words of a story's distinct sentence texts."""

    texts: list[str]  # the distinct texts, in order of first occurrence
    of: np.ndarray  # per input sentence: the row of its text among the distinct texts
    n_words: list[int]  # per distinct text: whitespace-separated words
    flags: list[WordFlags | None]  # per distinct text (None: test the sentence alone)
    stems: np.ndarray  # per text-core token of the distinct texts, end to end: stem id
    stop: np.ndarray  # per token: a stop word or one letter
    sentence: np.ndarray  # per token: its distinct text's row
    n_stems: int
    # per distinct text: ``records.normalize_text`` of it (from the same whitespace split:
    # ``str.split`` splits where ``\s+`` matches, and a joined split has no ends to strip)
    keys: list[str] = field(default_factory=list)


def story_words(texts: list[str], collapse: bool = True) -> StoryWords:
    """Tokens, stems and ``WordFlags`` of a story's sentences, each distinct text once
    (``collapse=False``: each sentence, repeated or not).

    Stem ids are numbered in order of first occurrence, as a pass over every sentence in
    order would number them (the order in which similarities and concept weights are
    summed, so it is kept).
    """
    if collapse:
        distinct = list(dict.fromkeys(texts))
        row = {t: i for i, t in enumerate(distinct)}
        of = np.fromiter(map(row.__getitem__, texts), dtype=np.int64, count=len(texts))
    else:
        distinct, of = list(texts), np.arange(len(texts))
    split = list(map(str.split, distinct))
    n_words = list(map(len, split))
    flat = list(chain.from_iterable(split))
    if len(_CHUNKS) + len(flat) > _MAX_CHUNKS:
        _CHUNKS.clear()
        _STEM_IDS.clear()
    found = list(map(_CHUNKS.get, flat))
    if None in found:
        for i, c in enumerate(flat):
            if found[i] is None:
                found[i] = _CHUNKS[c] = np.array(_chunk(c), dtype=np.int64).tobytes()
    info = cast(list[bytes], found)
    every = np.frombuffer(b"".join(info), dtype=np.int64)
    length = np.fromiter(map(len, info), dtype=np.int64, count=len(info)) // _INT64
    head = np.cumsum(length) - length
    size = every[head]

    m = len(distinct)
    chunk_row = np.repeat(np.arange(m), n_words)

    code = every[head + 1]

    def per_text(values: np.ndarray) -> np.ndarray:
        return np.bincount(chunk_row, weights=values, minlength=m)

    capital, plain = per_text(code & _COUNT), per_text(code >> _BITS & _COUNT)
    # text._headline_like on the sentence's counts
    headline = (capital + plain >= 4) & (capital >= 0.8 * (capital + plain))
    flags: list[WordFlags | None] = list(
        map(
            WordFlags,
            n_words,
            headline.tolist(),
            (per_text(code & _BOILER) > 0).tolist(),
            (per_text(code & _FILLER) > 0).tolist(),
        )
    )
    for u in np.flatnonzero(per_text(code & _HUGE)).tolist():
        flags[u] = None  # a count saturated: the sentence is tested on its own
    is_token = np.ones(len(every), dtype=bool)
    is_token[(head[:, None] + np.arange(_HEAD)).ravel()] = False
    token = every[is_token]
    gid = token >> 1
    # renumbered in order of first occurrence in this story
    uniq, first, inverse = unique_inverse(gid)
    rank = np.empty(len(uniq), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(len(uniq))
    return StoryWords(
        texts=distinct,
        of=of,
        n_words=n_words,
        flags=flags,
        stems=rank[inverse].reshape(-1),
        stop=(token & 1).astype(bool),
        sentence=np.repeat(chunk_row, size),
        n_stems=len(uniq),
        keys=[" ".join(x).lower() for x in split],
    )
