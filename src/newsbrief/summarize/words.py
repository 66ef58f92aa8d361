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

import re
from collections.abc import Callable
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
from newsbrief.text import _TOKENIZERS, STOP_WORDS, normalise, stem
from newsbrief.text import words as tokenize

# ``words(text, lower=True)``'s pattern (no hyphens, no numbers)
_CORE = _TOKENIZERS[(False, False)]

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


# The batch form of ``_chunk`` for ASCII chunks (lower-casing maps them character by
# character, and ``normalise`` leaves them alone): the chunks joined by newlines, which no
# token pattern matches, so one search over the joined text finds each chunk's tokens as a
# search of the chunk alone would, with a newline between chunks.
_WORD_OR_GAP = re.compile("\n|" + _WORD.pattern)
_CORE_OR_GAP = re.compile("\n|" + _CORE.pattern)
# Per ``_WORD`` token: bit 0 a capitalised content word, bit 1 a lower-case content word,
# bit 2 a boilerplate trigger, bit 3 a filler trigger (as ``_chunk`` counts them); the
# newline is the gap.
_GAP = 16
_WORD_KIND: dict[str, int] = {"\n": _GAP}
# Per core token: its ``_chunk`` value (stem number times 2, plus 1 for a stop word); the
# newline is -1. Emptied with ``_STEM_IDS``, whose numbers it holds.
_TOKEN_CODE: dict[str, int] = {"\n": -1}


def _word_kind(t: str) -> int:
    lower = t.lower()
    # a capitalised word counts when its lower case is no stop word, a lower-case one when
    # it is none as written (``_chunk``'s two counts)
    kind = int(lower not in STOP_WORDS) if t[0].isupper() else 2 * (t not in STOP_WORDS)
    pieces = lower.replace("’", "'").replace("-", "'").split("'")
    kind |= 4 * (not _BOILERPLATE_WORDS.isdisjoint(pieces))
    kind |= 8 * (not _FILLER_WORDS.isdisjoint(pieces))
    return kind


def _token_code(w: str) -> int:
    return 2 * _STEM_IDS.setdefault(stem(w), len(_STEM_IDS)) + (w in STOP_WORDS or len(w) < 2)


def _looked_up(memo: dict[str, int], found: list[str], make: Callable[[str], int]) -> np.ndarray:
    """``memo``'s value of every string of ``found``, made by ``make`` where missing."""
    values = list(map(memo.get, found))
    if None in values:
        for i, t in enumerate(found):
            if values[i] is None:
                values[i] = memo[t] = make(t)
    return np.array(values, dtype=np.int64)


def forget() -> None:
    """Empty the process's text, chunk, token and stem tables together (``_TOKEN_CODE``
    holds ``_STEM_IDS``' numbers, ``_CHUNKS`` and ``_TEXTS`` both)."""
    _CHUNKS.clear()
    _TEXTS.clear()
    _STEM_IDS.clear()
    _TOKEN_CODE.clear()
    _TOKEN_CODE["\n"] = -1
    _WORD_KIND.clear()
    _WORD_KIND["\n"] = _GAP


def _ascii_chunks(chunks: list[str]) -> list[bytes]:
    """``_chunk`` of each of many distinct ASCII chunks, as the bytes of its int64 array,
    found by two searches over the joined chunks and array sums per chunk."""
    joined = "\n".join(chunks)
    n = len(chunks)
    kind = _looked_up(_WORD_KIND, _WORD_OR_GAP.findall(joined), _word_kind)
    gap = kind == _GAP
    of = np.cumsum(gap)[~gap]  # each word's chunk
    kind = kind[~gap]

    def per_chunk(values: np.ndarray) -> np.ndarray:
        return np.bincount(of, weights=values, minlength=n).astype(np.int64)

    capital, plain = per_chunk(kind & 1), per_chunk(kind >> 1 & 1)
    code = (
        np.minimum(capital, _COUNT)
        | np.minimum(plain, _COUNT) << _BITS
        | _BOILER * (per_chunk(kind & 4) > 0)
        | _FILLER * (per_chunk(kind & 8) > 0)
        | _HUGE * (np.maximum(capital, plain) >= _COUNT)
    )
    token = _looked_up(_TOKEN_CODE, _CORE_OR_GAP.findall(joined.lower()), _token_code)
    gap = token < 0
    of = np.cumsum(gap)[~gap]  # each core token's chunk
    token = token[~gap]
    size = np.bincount(of, minlength=n)
    out = np.empty(len(token) + _HEAD * n, dtype=np.int64)
    head = np.cumsum(size + _HEAD) - (size + _HEAD)
    out[head], out[head + 1] = size, code
    out[np.arange(len(token)) + _HEAD * (of + 1)] = token
    buf = out.tobytes()
    ends = ((head + size + _HEAD) * _INT64).tolist()
    return [buf[a:b] for a, b in zip((head * _INT64).tolist(), ends, strict=True)]


def _new_chunks(flat: list[str], found: list[bytes | None]) -> None:
    """Fill ``found`` (``_CHUNKS``' entry per chunk of ``flat``, None where missing) and
    ``_CHUNKS`` with the missing chunks' ``_chunk`` bytes: the ASCII ones in one batch."""
    missing = list(dict.fromkeys(c for c, f in zip(flat, found, strict=True) if f is None))
    plain = [c for c in missing if c.isascii()]
    made = dict(zip(plain, _ascii_chunks(plain), strict=True)) if plain else {}
    for c in missing:
        if c not in made:
            made[c] = np.array(_chunk(c), dtype=np.int64).tobytes()
    _CHUNKS.update(made)
    for i, c in enumerate(flat):
        if found[i] is None:
            found[i] = made[c]


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


# What a story needs of one sentence text, kept per distinct text for the process (a story
# briefed again, or a sentence that recurs, costs a look-up): its whitespace-separated word
# count, ``WordFlags``, ``records.normalize_text`` key and its tokens as the bytes of an
# int64 array (``_chunk``'s token values, so they hold ``_STEM_IDS``' numbers).
_Text = tuple[int, WordFlags | None, str, bytes]
_TEXTS: dict[str, _Text] = {}
_MAX_TEXTS = 20_000


def _new_texts(texts: list[str]) -> list[_Text]:
    """The ``_Text`` of each of ``texts``, from their chunks (``_CHUNKS``, made where new)."""
    split = list(map(str.split, texts))
    n_words = list(map(len, split))
    flat = list(chain.from_iterable(split))
    found = list(map(_CHUNKS.get, flat))
    if None in found:
        _new_chunks(flat, found)
    info = cast(list[bytes], found)
    every = np.frombuffer(b"".join(info), dtype=np.int64)
    length = np.fromiter(map(len, info), dtype=np.int64, count=len(info)) // _INT64
    head = np.cumsum(length) - length
    m = len(texts)
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
    buf = every[is_token].tobytes()
    width = per_text(every[head]).astype(np.int64) * _INT64  # each text's tokens, in bytes
    ends = np.cumsum(width)
    tokens = [buf[a:b] for a, b in zip((ends - width).tolist(), ends.tolist(), strict=True)]
    keys = [" ".join(x).lower() for x in split]
    return list(zip(n_words, flags, keys, tokens, strict=True))


def _texts_of(distinct: list[str]) -> list[_Text]:
    """The ``_Text`` of each distinct text: kept ones looked up, the others made.

    When the new chunks would overfill the chunk table, every table is emptied first and
    every text made, so one story's stem numbers always come from one numbering; when only
    the text table would overflow, it alone is emptied (the stem numbers stay valid, and
    the chunks, which recur far more across stories than sentences do, are kept).
    """
    found = list(map(_TEXTS.get, distinct))
    if None not in found:
        return cast(list[_Text], found)
    missing = list(dict.fromkeys(t for t, f in zip(distinct, found, strict=True) if f is None))
    chunks = sum(map(len, map(str.split, missing)))
    if len(_CHUNKS) + chunks > _MAX_CHUNKS:
        forget()
        missing, found = list(dict.fromkeys(distinct)), [None] * len(distinct)
    elif len(_TEXTS) + len(missing) > _MAX_TEXTS:
        _TEXTS.clear()
    made = dict(zip(missing, _new_texts(missing), strict=True))
    _TEXTS.update(made)
    return [made[t] if f is None else f for t, f in zip(distinct, found, strict=True)]


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
    known = _texts_of(distinct)
    m = len(distinct)
    pieces = [k[3] for k in known]
    token = np.frombuffer(b"".join(pieces), dtype=np.int64)
    size = np.fromiter(map(len, pieces), dtype=np.int64, count=m) // _INT64
    gid = token >> 1
    # renumbered in order of first occurrence in this story
    uniq, first, inverse = unique_inverse(gid)
    rank = np.empty(len(uniq), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(uniq))  # distinct: no ties
    return StoryWords(
        texts=distinct,
        of=of,
        n_words=[k[0] for k in known],
        flags=[k[1] for k in known],
        stems=rank[inverse].reshape(-1),
        stop=(token & 1).astype(bool),
        sentence=np.repeat(np.arange(m), size),
        n_stems=len(uniq),
        keys=[k[2] for k in known],
    )
