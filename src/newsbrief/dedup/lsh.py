"""Banded LSH over MinHash signatures (``dedup.minhash``), as datasketch's ``MinHashLSH``.

``query`` returns the keys whose signatures agree with the query on every row of at least
one band; the bands and rows are chosen as datasketch chooses them (``optimal_bands``).
"""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np

from newsbrief.errors import ConfigError


def _collision_areas(threshold: float, b: int, r: int, grid: np.ndarray) -> tuple[float, float]:
    """Areas of false positives below ``threshold`` and false negatives above it."""
    p = 1.0 - (1.0 - grid**r) ** b
    below, above = grid <= threshold, grid >= threshold
    return _trapezoid(p[below], grid[below]), _trapezoid(1.0 - p[above], grid[above])


def _trapezoid(y: np.ndarray, x: np.ndarray) -> float:
    return float(np.sum((y[1:] + y[:-1]) * np.diff(x)) / 2.0)


def optimal_bands(
    threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5
) -> tuple[int, int]:
    """(bands, rows) minimising the weighted false positive and false negative areas.

    The same criterion as datasketch's ``MinHashLSH``; integrated on a grid that includes
    ``threshold`` exactly, so the split of the two areas is where it should be.
    """
    grid = np.union1d(np.linspace(0.0, 1.0, 2001), [threshold])
    best, choice = float("inf"), (1, num_perm)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp, fn = _collision_areas(threshold, b, r, grid)
            error = fp * fp_weight + fn * fn_weight
            if error < best:
                best, choice = error, (b, r)
    return choice


class MinHashLSHIndex:
    """Banded LSH over ``MinHasher`` signatures: ``query`` returns the keys whose
    signatures agree with the query on every row of at least one band (the candidates
    whose Jaccard similarity is likely at or above ``threshold``), in insertion order."""

    def __init__(
        self,
        threshold: float = 0.5,
        num_perm: int = 64,
        weights: tuple[float, float] = (0.5, 0.5),
        params: tuple[int, int] | None = None,
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ConfigError(f"threshold must be in [0.0, 1.0], got {threshold!r}")
        if isinstance(num_perm, bool) or not isinstance(num_perm, int) or num_perm < 2:
            raise ConfigError(f"num_perm must be an integer of at least 2, got {num_perm!r}")
        if len(weights) != 2 or min(weights) < 0 or abs(sum(weights) - 1.0) > 1e-9:
            raise ConfigError(
                f"weights must be two non-negative numbers summing to 1, got {weights!r}"
            )
        if params is not None:
            b, r = params
            if b < 1 or r < 1 or b * r > num_perm:
                raise ConfigError(
                    f"params (bands, rows) = {params!r} need bands * rows <= num_perm ({num_perm})"
                )
        else:
            b, r = optimal_bands(threshold, num_perm, *weights)
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = b, r
        self._buckets: list[dict[bytes, dict[Hashable, None]]] = [{} for _ in range(b)]
        self._keys: dict[Hashable, tuple[int, list[bytes]]] = {}  # key -> (order, band keys)
        self._inserted = 0

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def _band_keys(self, sig: np.ndarray) -> list[bytes]:
        if sig.shape != (self.num_perm,):
            raise ConfigError(
                f"expected a signature of {self.num_perm} values, got shape {sig.shape}",
                hint="use a MinHasher with the same num_perm as the index",
            )
        flat = np.ascontiguousarray(sig[: self.bands * self.rows]).view(np.uint8)
        width = flat.size // self.bands
        raw = flat.tobytes()
        return [raw[i * width : (i + 1) * width] for i in range(self.bands)]

    def insert(self, key: Hashable, sig: np.ndarray) -> None:
        """Index ``sig`` under ``key`` (a key may be inserted once)."""
        if key in self._keys:
            raise ConfigError(f"key {key!r} is already in the index", hint="remove it first")
        bands = self._band_keys(sig)
        self._keys[key] = (self._inserted, bands)
        self._inserted += 1
        for table, band in zip(self._buckets, bands, strict=True):
            table.setdefault(band, {})[key] = None

    def query(self, sig: np.ndarray) -> list[Hashable]:
        """Keys sharing at least one band with ``sig``, in the order they were inserted."""
        found: dict[Hashable, None] = {}
        for table, band in zip(self._buckets, self._band_keys(sig), strict=True):
            bucket = table.get(band)
            if bucket:
                found.update(bucket)
        return sorted(found, key=lambda k: self._keys[k][0])

    def remove(self, key: Hashable) -> None:
        """Drop ``key`` from the index."""
        if key not in self._keys:
            raise ConfigError(f"key {key!r} is not in the index")
        _, bands = self._keys.pop(key)
        for table, band in zip(self._buckets, bands, strict=True):
            bucket = table[band]
            del bucket[key]
            if not bucket:
                del table[band]
