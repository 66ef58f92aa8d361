"""What a sentence says, without who said it: the unit claims are compared on.

Two outlets quoting the same official share the speaker's name, title and "said" whatever
they report; counted as content, those words make "X said the operation went smoothly" look
like "According to X, the first crew arrived within minutes". Attribution spans (cue verb,
the speaker's name and title, "told reporters") are therefore dropped before similarity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsbrief.analyze.names import HONORIFICS, ROLE_WORDS
from newsbrief.analyze.text import content_stems
from newsbrief.text import wordset

CUES = wordset("""said says say saying told tells tell according added adds stated states
    noted notes explained explains insisted insists argued argues commented comments remarked
    remarks claimed claims asserted asserts stressed stresses emphasised emphasized recalled
    recalls acknowledged acknowledges""")
# Addressees of a cue ("told reporters"): part of the attribution, not of the content.
_AUDIENCE = wordset("""reporters journalists press media correspondents audience crowd lawmakers
    parliament agency news newspaper television radio interview conference statement""")
_LINKS = wordset("of the for to at and de al el bin von van der la le du")
_SPEAKERS = wordset("he she they it we i who officials official police authorities")
_TITLES = ROLE_WORDS | HONORIFICS

_TOKEN = re.compile(r"[A-Za-z][\w'’.\-]*[A-Za-z0-9]|[A-Za-z]|\d[\d,.]*\d|\d|[^\w\s]")
MIN_LEFT = 3  # content stems that must survive, otherwise the sentence is kept whole


def _is_name_part(tok: str) -> bool:
    low = tok.lower().strip(".")
    # "al-Abadi", "bin Salman": a particle-led name still carries a capital
    return tok[:1].isupper() or low in _TITLES or (tok[:1].isalpha() and not tok.islower())


def attribution_mask(tokens: list[str]) -> list[bool]:
    """True for tokens that belong to an attribution (cue, speaker, audience)."""
    mask = [False] * len(tokens)
    low = [t.lower().replace("’", "'") for t in tokens]
    for i, word in enumerate(low):
        if word not in CUES:
            continue
        mask[i] = True
        if word == "according" and i + 1 < len(tokens) and low[i + 1] == "to":
            mask[i + 1] = True
            _mark(mask, _run(tokens, low, i + 2, +1))
            continue
        _mark(mask, _run(tokens, low, i - 1, -1))  # "Commander Pieter Vance said"
        after = _run(tokens, low, i + 1, +1)
        end = after[-1] + 1 if after else i + 1
        if word in {"told", "tells", "tell"}:
            # "told reporters", "told the BBC": the addressee, then maybe its name
            k = end + 1 if end < len(tokens) and low[end] == "the" else end
            if k < len(tokens) and (low[k] in _AUDIENCE or tokens[k][:1].isupper()):
                _mark(mask, range(end, k + 1))
                end = k + 1
        elif after and end < len(tokens) and tokens[end][:1].isalnum():
            after = []  # "said Iraq had won": the name starts what is said
        _mark(mask, after)
        if end < len(tokens) and low[end] == "that":
            mask[end] = True
    return mask


def _mark(mask: list[bool], idx: range | list[int]) -> None:
    for j in idx:
        mask[j] = True


def _run(tokens: list[str], low: list[str], start: int, step: int) -> list[int]:
    """Indices of a speaker run (name and title words, or one pronoun) from ``start``."""
    out: list[int] = []
    i = start
    while 0 <= i < len(tokens):
        if _is_name_part(tokens[i]) or (out and low[i] in _LINKS):
            out.append(i)
        elif not out and low[i] in _SPEAKERS:
            return [i]
        else:
            break
        i += step
    while out and low[out[-1]] in _LINKS:
        out.pop()  # a run ending on "of the" gives those words back
    return sorted(out)


@lru_cache(maxsize=16_384)  # claims and conflicts ask again for every pair a sentence is in
def said_text(text: str) -> str:
    """``text`` with its attribution words removed ("X said that Y" -> "Y")."""
    tokens = [m.group(0) for m in _TOKEN.finditer(text)]
    mask = attribution_mask(tokens)
    return " ".join(t for t, m in zip(tokens, mask, strict=True) if not m)


_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def claim_stems(text: str) -> list[str]:
    """Content stems and numbers of what is said; the whole sentence when too little is left.

    Numbers count: two reports giving the same "3,000 people" share more than a word.
    """
    return list(_claim_stems(text))


@lru_cache(maxsize=16_384)
def _claim_stems(text: str) -> tuple[str, ...]:
    said = said_text(text)
    kept = content_stems(said)
    if len(kept) < MIN_LEFT:
        said = text
        kept = content_stems(text)
    return (*kept, *("#" + m.group(0).replace(",", "") for m in _NUMBER.finditer(said)))
