"""summarize.arrays gives np.unique's arrays (values, first index, inverse) exactly."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from newsbrief.summarize.arrays import unique, unique_inverse

_INTS = st.lists(st.integers(min_value=-(2**40), max_value=2**40), max_size=300)
_FEW = st.lists(st.integers(min_value=0, max_value=6), max_size=60)  # many repeats


@given(st.one_of(_INTS, _FEW))
def test_unique_is_np_unique(values: list[int]) -> None:
    arr = np.array(values, dtype=np.int64)
    got = unique(arr)
    want = np.unique(arr)
    assert got.dtype == want.dtype
    assert np.array_equal(got, want)


@given(st.one_of(_INTS, _FEW))
def test_unique_inverse_is_np_unique(values: list[int]) -> None:
    arr = np.array(values, dtype=np.int64)
    got = unique_inverse(arr)
    want = np.unique(arr, return_index=True, return_inverse=True)
    for g, w in zip(got, want, strict=True):
        assert g.dtype == w.dtype
        assert np.array_equal(g, w.reshape(-1))
    # the inverse rebuilds the input and the index points at each value's first occurrence
    assert np.array_equal(got[0][got[2]], arr)
    assert [values.index(v) for v in got[0].tolist()] == got[1].tolist()
