"""MinHash signatures of word shingles, vectorized with numpy (the banded LSH index over
them is ``dedup.lsh``).

A drop-in for the part of datasketch that dedup uses (``MinHash`` over word 3-shingles,
``MinHashLSH``), several times faster because no per-shingle Python work remains:

- tokens are hashed all at once: the texts' characters as UTF-32 code points, each times a
  constant that depends on its position in the token, summed per token (a linear hash,
  universal over fixed-length strings) and avalanched with the MurmurHash3 64-bit finalizer;
- a shingle's hash is a linear combination of its tokens' hashes, avalanched again, so
  shingle strings are never built;
- the ``num_perm`` permutations are affine maps ``a * h + b`` on uint64 (``a`` odd, so each is
  a bijection; the hardware wrap-around is the modulo), applied to every shingle of a batch
  in one array operation, and each text's minimum is taken with ``np.minimum.reduceat``.

This is datasketch's "affine64" scheme with a different input hash. Every constant comes from
a fixed splitmix64 stream, never from Python's ``hash()`` or numpy's random generators, so
signatures are the same in every process, on every platform and numpy version. Signatures are
the high 32 bits of each minimum (uint32): half the memory, and two different minima agree
on them with probability 2^-32.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain

import numpy as np

from newsbrief.errors import ConfigError

_MASK64 = (1 << 64) - 1
_CHAR_POSITIONS = 64  # per-position character multipliers; longer tokens wrap around
_CHUNK = 1 << 13  # shingles per permutation block: num_perm x 8k uint32 (2 MB) stays in cache
_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)
_S32 = np.uint64(32)
_SEP = "\x00"
_TOKEN_BLOCK = 1 << 15  # tokens hashed per block (about 200k characters)
_TEXT_BLOCK = 1 << 13  # tokens of whole texts taken through every step at once
_CACHE_SIZE = 1 << 18  # token hashes kept for one-text calls (about 30 MB at most)
EMPTY = np.uint32(0xFFFFFFFF)  # every slot of the signature of a text without tokens


def _splitmix64(seed: int, count: int) -> np.ndarray:
    """``count`` pseudo-random uint64 from ``seed`` (Vigna's splitmix64, pure Python)."""
    out = np.empty(count, dtype=np.uint64)
    state = seed & _MASK64
    for i in range(count):
        state = (state + 0x9E3779B97F4A7C15) & _MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        out[i] = z ^ (z >> 31)
    return out


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: a bijection that spreads every input bit."""
    h = h ^ (h >> _S33)
    h = h * _M1
    h = h ^ (h >> _S33)
    h = h * _M2
    return h ^ (h >> _S33)


class MinHasher:
    """MinHash signatures of word ``shingle``-grams with ``num_perm`` permutations.

    ``signature(tokens)`` is one text's signature (uint32, length ``num_perm``);
    ``signatures(token_lists)`` computes many at once and is the fast path. Texts shorter
    than ``shingle`` tokens have one shingle made of all their tokens (as dedup's string
    shingles do); a text without tokens gets a signature of ``EMPTY`` values.
    """

    def __init__(self, num_perm: int = 64, seed: int = 1, shingle: int = 3) -> None:
        if isinstance(num_perm, bool) or not isinstance(num_perm, int) or num_perm < 2:
            raise ConfigError(f"num_perm must be an integer of at least 2, got {num_perm!r}")
        if isinstance(shingle, bool) or not isinstance(shingle, int) or shingle < 1:
            raise ConfigError(f"shingle must be a positive integer, got {shingle!r}")
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise ConfigError(f"seed must be an integer, got {seed!r}")
        self.num_perm = num_perm
        self.seed = seed
        self.shingle = shingle
        stream = _splitmix64(seed, 2 * num_perm + _CHAR_POSITIONS + shingle + 2)
        # odd multipliers: each permutation is a bijection on uint32
        self._a = (stream[:num_perm] | np.uint64(1)).astype(np.uint32)[:, None]
        self._b = stream[num_perm : 2 * num_perm].astype(np.uint32)[:, None]
        rest = stream[2 * num_perm :]
        self._chars = rest[:_CHAR_POSITIONS] | np.uint64(1)
        self._grams = rest[_CHAR_POSITIONS : _CHAR_POSITIONS + shingle] | np.uint64(1)
        self._length = rest[-2]  # token length term: "ab" and "ab\0" differ
        self._short = rest[-1]  # shingle-count term: a 2-token text differs from a 3-gram
        self._cache: dict[str, int] = {}

    # ------------------------------------------------------------------ public

    def signature(self, tokens: Sequence[str]) -> np.ndarray:
        """The signature of one token sequence (uint32, shape ``(num_perm,)``)."""
        n = len(tokens)
        if n < self.shingle:
            return self.signatures([tokens])[0]
        # One text at a time (dedup's incremental path) is dominated by fixed numpy costs,
        # so token hashes come from a cache (news reuses its vocabulary) and the shingle
        # hashing and column minimum run without the batch bookkeeping.
        hashes = self._cached_hashes(tokens)
        shingles = (_fmix64(self._combine(hashes, n)) >> _S32).astype(np.uint32)
        out = self._permute(shingles[:_CHUNK]).min(axis=1)
        for lo in range(_CHUNK, shingles.size, _CHUNK):
            np.minimum(out, self._permute(shingles[lo : lo + _CHUNK]).min(axis=1), out=out)
        return out

    def _cached_hashes(self, tokens: Sequence[str]) -> np.ndarray:
        cache = self._cache
        found = [cache.get(t) for t in tokens]
        if None in found:
            missing = list(
                dict.fromkeys(t for t, h in zip(tokens, found, strict=True) if h is None)
            )
            computed = dict(
                zip(missing, self._token_hashes([missing], len(missing)).tolist(), strict=True)
            )
            found = [computed[t] if h is None else h for t, h in zip(tokens, found, strict=True)]
            if len(cache) + len(computed) > _CACHE_SIZE:
                cache.clear()  # the hash is a pure function: forgetting costs time only
            cache.update(computed)
        return np.array(found, dtype=np.uint64)

    def signatures(self, token_lists: Iterable[Sequence[str]]) -> np.ndarray:
        """Signatures of many token sequences (uint32, shape ``(len(token_lists), num_perm)``)."""
        lists = token_lists if isinstance(token_lists, list) else list(token_lists)
        out = np.full((len(lists), self.num_perm), EMPTY, dtype=np.uint32)
        counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        if not counts.any():
            return out
        # Blocks of whole texts (about _TEXT_BLOCK tokens) go through every step at once: a
        # text's signature depends on its tokens only, and a block's arrays (at most a few
        # hundred kB) are reused from the allocator's heap, where a whole batch's arrays of
        # several MB were freshly mapped and page-faulted in on every call (7-10k page faults,
        # nearly a third of the time on 690 articles). One permutation buffer (at most 2 MB)
        # serves every block of the call; a shingle never outnumbers its tokens.
        buffer = np.empty((self.num_perm, min(_CHUNK, int(counts.sum()))), dtype=np.uint32)
        lo, size = 0, 0
        for i, count in enumerate(counts.tolist()):
            size += count
            if size >= _TEXT_BLOCK:
                self._fill(lists[lo : i + 1], counts[lo : i + 1], size, out[lo : i + 1], buffer)
                lo, size = i + 1, 0
        if size:
            self._fill(lists[lo:], counts[lo:], size, out[lo:], buffer)
        return out

    def _fill(
        self,
        lists: list[Sequence[str]],
        counts: np.ndarray,
        total: int,
        out: np.ndarray,
        buffer: np.ndarray,
    ) -> None:
        """Write the signatures of ``lists`` (``total`` > 0 tokens) into ``out``."""
        token_hashes = self._token_hashes(lists, total)
        shingles, owners = self._shingle_hashes(token_hashes, counts)
        out[counts > 0] = self._minima(shingles, owners, buffer)

    def hash_tokens(self, tokens: Sequence[str]) -> np.ndarray:
        """The 64-bit hash of each token (stable; exposed for tests and other indexes)."""
        return self._token_hashes([tokens], len(tokens))

    # ------------------------------------------------------------------ steps

    def _token_hashes(self, lists: list[Sequence[str]], total: int) -> np.ndarray:
        """The hash of every token of ``lists`` (``total`` tokens), in order.

        A large batch is hashed a block of texts at a time: a token's hash depends on that
        token only, and arrays of a few hundred kB stay in cache and are not page-faulted in
        afresh as the many-MB arrays of a whole batch are."""
        if total <= _TOKEN_BLOCK:
            return self._block_hashes(lists, total)
        parts, block, size = [], [], 0
        for tokens in lists:
            block.append(tokens)
            size += len(tokens)
            if size >= _TOKEN_BLOCK:
                parts.append(self._block_hashes(block, size))
                block, size = [], 0
        if block:
            parts.append(self._block_hashes(block, size))
        return np.concatenate(parts)

    def _block_hashes(self, lists: list[Sequence[str]], total: int) -> np.ndarray:
        # One string for the whole batch, tokens separated by NUL: a character that word
        # tokens never hold, so token boundaries are found by one array comparison instead
        # of a len() call per token. One array element per character: its code point, from
        # the bytes when the batch is ASCII (most news is; 1-byte codes, no UTF-32 encoding,
        # and the same products, since a code enters the hash only as a number).
        joined = _SEP.join([_SEP.join(tokens) for tokens in lists if tokens])
        codes: np.ndarray = (
            np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
            if joined.isascii()
            else np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        )
        ends = np.flatnonzero(codes == 0)
        if ends.size != total - 1:  # a token holds NUL itself: measure tokens one by one
            lengths = np.fromiter(map(len, chain.from_iterable(lists)), np.int64, total)
            codes = np.frombuffer(
                "".join(chain.from_iterable(lists)).encode("utf-32-le"), np.uint32
            )
            ends = np.cumsum(lengths)
            starts = ends - lengths
        else:
            ends = np.append(ends, codes.size)
            starts = np.empty_like(ends)
            starts[0] = 0
            starts[1:] = ends[:-1] + 1
            lengths = ends - starts
        # each character's position in its token, as a running sum of ones that drops back
        # to 0 at every token start (a separator's position is garbage, but its code is 0
        # and so is its term); intp, the index type: np.take with it is a plain gather, 2x
        # faster than indexing with int32 that numpy casts first
        step = np.ones(codes.size, dtype=np.intp)
        if codes.size:
            step[0] = 0
            prev, later = starts[:-1], starts[1:]
            # a token that starts where the one before it does (no separators) or at the very
            # end is empty: it resets nothing
            reset = (later > prev) & (later < codes.size)
            step[later[reset]] = (prev + 1 - later)[reset]
        position = np.cumsum(step, out=step)
        np.bitwise_and(position, _CHAR_POSITIONS - 1, out=position)
        # per-token sums as differences of a running sum (exact under uint64 wrap-around;
        # zero-length tokens need no special case), accumulated in place behind a leading 0
        # rather than concatenated to it: one array instead of two
        running = np.empty(codes.size + 1, dtype=np.uint64)
        running[0] = 0
        np.multiply(np.take(self._chars, position), codes, out=running[1:])
        np.cumsum(running, out=running)
        sums = running[ends] - running[starts]
        return _fmix64(sums + lengths.astype(np.uint64) * self._length)

    def _shingle_hashes(
        self, token_hashes: np.ndarray, counts: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """32-bit hashes of every shingle of the texts with tokens, and for each the index of
        its text among those (sorted)."""
        k = self.shingle
        n = token_hashes.size
        counts = counts[counts > 0]
        ends = np.cumsum(counts)
        starts = ends - counts
        docs = np.arange(counts.size)
        if counts.size == 1 and n >= k:  # one text: its shingles are all the windows
            combined = self._combine(token_hashes, n)
            return (_fmix64(combined) >> _S32).astype(np.uint32), np.zeros(n - k + 1, np.int64)
        parts: list[np.ndarray] = []
        owners: list[np.ndarray] = []
        if n >= k:
            combined = self._combine(token_hashes, n)
            full = np.maximum(counts - k + 1, 0)
            # shingles that start in one text and end in the next are dropped here
            index = np.repeat(starts - np.cumsum(full) + full, full) + np.arange(full.sum())
            parts.append(combined[index])
            owners.append(np.repeat(docs, full))
        short = docs[counts < k]
        if short.size:
            acc = np.zeros(short.size, dtype=np.uint64)
            for j in range(k - 1):
                has = counts[short] > j
                acc[has] += token_hashes[starts[short][has] + j] * self._grams[j]
            parts.append(acc + counts[short].astype(np.uint64) * self._short)
            owners.append(short)
        hashes = np.concatenate(parts)
        owner = np.concatenate(owners)
        if short.size:
            order = np.argsort(owner, kind="stable")
            hashes, owner = hashes[order], owner[order]
        return (_fmix64(hashes) >> _S32).astype(np.uint32), owner

    def _combine(self, token_hashes: np.ndarray, n: int) -> np.ndarray:
        """The hash of every window of ``shingle`` consecutive tokens (before mixing)."""
        k = self.shingle
        combined = token_hashes[: n - k + 1] * self._grams[0]
        for j in range(1, k):
            combined += token_hashes[j : n - k + 1 + j] * self._grams[j]
        return combined

    def _permute(self, shingles: np.ndarray) -> np.ndarray:
        """Every permutation of every shingle, shape ``(num_perm, len(shingles))``."""
        permuted = self._a * shingles[None, :]
        permuted += self._b
        return permuted

    def _minima(self, shingles: np.ndarray, owners: np.ndarray, buffer: np.ndarray) -> np.ndarray:
        """Per text (owners sorted, each text at least one shingle), the minimum of every
        permutation."""
        bounds = np.flatnonzero(np.diff(owners)) + 1
        seg_starts = np.concatenate(([0], bounds))
        seg_ends = np.concatenate((bounds, [owners.size]))
        result = np.empty((seg_starts.size, self.num_perm), dtype=np.uint32)
        # ``buffer`` (num_perm rows) serves every block: a fresh multi-MB array per block is
        # page-faulted in anew
        done = 0
        while done < seg_starts.size:
            # a block of whole texts, about _CHUNK shingles (a longer text is its own block)
            stop = int(np.searchsorted(seg_ends, seg_starts[done] + _CHUNK, side="right"))
            stop = max(stop, done + 1)
            lo, hi = int(seg_starts[done]), int(seg_ends[stop - 1])
            if hi - lo <= buffer.shape[1]:
                permuted = buffer[:, : hi - lo]
                np.multiply(self._a, shingles[None, lo:hi], out=permuted)
                permuted += self._b
            else:
                permuted = self._permute(shingles[lo:hi])
            result[done:stop] = np.minimum.reduceat(permuted, seg_starts[done:stop] - lo, axis=1).T
            done = stop
        return result


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two sets behind two signatures.

    The share of equal slots, as datasketch estimates it (two empty texts give 1.0).
    """
    if sig_a.shape != sig_b.shape:
        raise ConfigError(
            f"cannot compare signatures of different shapes {sig_a.shape} and {sig_b.shape}",
            hint="compute both with the same MinHasher (same num_perm)",
        )
    if sig_a.size == 0:
        raise ConfigError("cannot compare empty signatures")
    return float(np.count_nonzero(sig_a == sig_b)) / sig_a.size
