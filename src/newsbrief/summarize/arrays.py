"""Sorted distinct values of an integer array, as ``np.unique`` gives them, by one sort.

numpy 2.4's ``np.unique`` finds the distinct values by hashing and then sorts them: at a
story's sizes (a few thousand ids) that was three times the cost of one sort, and the
summarizer calls it five times per story. The arrays returned are the same as
``np.unique``'s (values, index of each value's first occurrence, inverse).

Every sort here is numpy's stable one: integers sort to the same array whatever the
algorithm, and on a story's arrays (1,500 to 3,000 int64 values) the stable sort took a third
to a half of the default quicksort's time (17 against 47 us, 63 against 147).
"""

from __future__ import annotations

import numpy as np


def _starts(ordered: np.ndarray) -> np.ndarray:
    """Per position of a sorted array: whether it holds a new value."""
    new = np.empty(len(ordered), dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    return new


def unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-D integer array."""
    ordered = np.sort(values, kind="stable")
    return ordered[_starts(ordered)]


def unique_inverse(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``np.unique(values, return_index=True, return_inverse=True)`` of a 1-D array."""
    # stable, so the first position of each run is the value's first occurrence (np.unique
    # sorts with mergesort for its return_index, for the same reason)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new = _starts(ordered)
    inverse = np.empty(len(values), dtype=np.intp)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], order[new], inverse


def unique_counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_counts=True)`` of a 1-D integer array."""
    ordered = np.sort(values, kind="stable")
    starts = np.flatnonzero(_starts(ordered))
    return ordered[starts], np.diff(np.append(starts, len(ordered)))
