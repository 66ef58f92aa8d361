"""Every brief of the dev pile: summaries that read on their own, clean headlines.

Builds the pile (``benchmarks/dev_pile.py``: Multi-News dev stories pooled and run through
`newsbrief run`) in a temporary directory and checks every brief with
``benchmarks/summary_check.py``, a detector written apart from the summarizer's own. Skips
when the shared data is absent. Opt-in (NEWSBRIEF_PILE_TEST=1 builds the pile;
NEWSBRIEF_PILE_BRIEFS=DIR checks a pile built before).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

MAX_UNRESOLVED_SHARE = 0.03


@pytest.fixture(scope="module")
def pile_briefs(
    tmp_path_factory: pytest.TempPathFactory,
    shared_data: Path,
    benchmark_script: Callable[[str], ModuleType],
) -> Path:
    # an already built pile's briefs are checked as they are (a second or so)
    built = os.environ.get("NEWSBRIEF_PILE_BRIEFS")
    if built:
        if not any(Path(built).glob("*.json")):
            pytest.skip(f"no briefs in {built}")
        return Path(built)
    # building the pile runs `newsbrief run` over 169 articles (over 10 CPU-minutes with the
    # parse layer on this machine, far past the suite's budget): opt in with
    # NEWSBRIEF_PILE_TEST=1
    if os.environ.get("NEWSBRIEF_PILE_TEST") != "1":
        pytest.skip("set NEWSBRIEF_PILE_TEST=1 to build and check the dev pile")
    if not (shared_data / "mds" / "multinews" / "dev.jsonl").is_file():
        pytest.skip("Multi-News dev split not found")
    out = tmp_path_factory.mktemp("summary-pile")
    dev_pile = benchmark_script("dev_pile")
    assert dev_pile.main([str(out)]) == 0
    briefs = out / "briefs"
    assert any(briefs.glob("*.json"))
    return briefs


def test_pile_summaries_and_headlines(
    pile_briefs: Path, benchmark_script: Callable[[str], ModuleType]
) -> None:
    check = benchmark_script("summary_check")
    total = check.check_dir(pile_briefs)
    n = len(total["sentences"])
    assert n > 100  # the pile's 60 stories give several hundred summary sentences
    assert len(total["reference"]) <= MAX_UNRESOLVED_SHARE * n, total["reference"]
    assert total["residue"] == []
    assert total["headline"] == []
