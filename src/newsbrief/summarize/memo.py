"""Per-text answers of the sentence tests, kept for the process.

A story repeats its sentences (wire copies, rewrites), and so do the stories of a pile: the
eligibility and first-person tests are pure functions of the sentence text, so each text is
tested once, as ``reference.leans_on_context`` and ``text.stem`` are. The answers are the
functions' own; only the repeated work goes.
"""

from __future__ import annotations

from typing import Any

from newsbrief.summarize.text import (
    WordFlags,
    ineligible_reason,
    matches_title,
    speaks_in_first_person,
)

# ``ineligible_reason(text)`` without a title, per text; emptied when it passes ``_MAX_TEXTS``
# (a plain dict: an LRU cache's bookkeeping costs more than the look-up saves here).
_REASONS: dict[str, str] = {}
_FIRST_PERSON: dict[str, bool] = {}
_MAX_TEXTS = 100_000
# The reasons ``ineligible_reason`` gives before it compares the sentence with the title:
# when the title-free answer is one of them, the title changes nothing.
_BEFORE_TITLE = frozenset(["short", "long", "no-terminal-punctuation", "question"])


def _remember(memo: dict[str, Any], text: str, value: Any) -> None:
    if len(memo) >= _MAX_TEXTS:
        memo.clear()
    memo[text] = value


def sentence_reason(text: str, title: str, key: str, flags: WordFlags | None) -> str:
    """``ineligible_reason(text, title, key=key, flags=flags)`` (default word limits).

    The title is compared here, as ``ineligible_reason`` compares it (after the shape tests,
    before the others): the rest of the answer depends on the text alone and is kept.
    """
    found = _REASONS.get(text)
    if found is None:
        found = ineligible_reason(text, key=key, flags=flags)
        _remember(_REASONS, text, found)
    if found in _BEFORE_TITLE or not title:
        return found
    return "title" if matches_title(text, title, key) else found


def first_person(text: str) -> bool:
    """``speaks_in_first_person(text)``."""
    found = _FIRST_PERSON.get(text)
    if found is None:
        found = speaks_in_first_person(text)
        _remember(_FIRST_PERSON, text, found)
    return found
