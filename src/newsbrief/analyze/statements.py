"""Statements of a story's articles: which sentences are worth aligning as claims, and the
stems claims compare (what is said, without how an unnamed source is introduced).

Split from ``analyze.claim_pairs``, which decides whether two statements say the same thing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsbrief.analyze.attribution import claim_stems
from newsbrief.analyze.text import is_credit, may_hold
from newsbrief.text import STOP_WORDS, words

MIN_WORDS = 6  # tokens a statement needs (shorter lines are headings and stubs)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    r"do|does|did|\w+ed|\w+s)\b"
)


# How an unnamed source is introduced ("who asked not to be named", "speaking on condition of
# anonymity"): part of the attribution, not of what is said. Two unrelated quotes of two
# anonymous sources share these words, which made them one claim (issue 16 judged sample).
_ANONYMITY = re.compile(
    r",?\s*(?:who\s+(?:asked|requested|spoke|declined|did\s+not\s+want|didn't\s+want)\b"
    r"[^,.;:]*?\b(?:named|identified|identify|anonymity|authorized|authorised|publicly)"
    r"|(?:speaking\s+)?on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|that\s+(?:he|she|they)"
    r"\s+not\s+be\s+(?:named|identified))"
    r"|\s*(?:because|as|since)\s+(?:he|she|they)\s+(?:was|were|is|are|wasn't|weren't)\s+(?:not\s+)?"
    r"authori[sz]ed\s+to\s+[^,.;:]*)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=16_384)  # a story briefed again asks again for each of its sentences
def is_statement(text: str) -> bool:
    """A body sentence worth aligning: long enough and not a heading or a caption stub."""
    toks = words(text, fold=True, hyphens=True, numbers=True)
    if len(toks) < MIN_WORDS or is_credit(text):
        return False  # too short, or a credit, caption or editors' note
    if text.rstrip(" \"'”’").endswith("?"):
        return False  # a question states nothing to corroborate
    if _RELATED_LINK.match(text):
        return False  # "More: Calderwick celebrates ...": a link to another story, not a statement
    content = [t for t in toks if len(t) > 3 and t.lower() not in STOP_WORDS]
    capitalised = sum(1 for t in content if t[:1].isupper())
    if not text.rstrip().endswith(_ENDINGS) and capitalised >= 0.7 * max(1, len(content)):
        return False  # a Title Case Headline without final punctuation
    return bool(_VERBISH.search(text.lower()))


# Page furniture pointing to other stories ("More: ...", "Read more: ...", "Related: ...").
_RELATED_LINK = re.compile(
    r"\s*(?:more|read more|related|related coverage|see also|also read|read also|recommended)"
    r"\s*:",
    re.IGNORECASE,
)
_ENDINGS = (".", "!", "?", '"', "'", "”", "’", ")", "…")


def said_stems(text: str) -> list[str]:
    """``claim_stems`` of a statement with how an unnamed source is introduced dropped
    (:func:`drop_anonymity`): the stems claims compare."""
    return list(_said_stems(text))


@lru_cache(maxsize=16_384)  # asked again for every pair a statement is in
def _said_stems(text: str) -> tuple[str, ...]:
    return tuple(claim_stems(drop_anonymity(text)))


def drop_anonymity(text: str) -> str:
    """``text`` without how an unnamed source is introduced (``_ANONYMITY``).

    Every match of ``_ANONYMITY`` holds "who", "condition" or "authori" in some case: a
    text that cannot hold them (``text.may_hold``) is returned as it is.
    """
    if not may_hold(text, ("who", "condition", "authori")):
        return text
    return _ANONYMITY.sub("", text)
