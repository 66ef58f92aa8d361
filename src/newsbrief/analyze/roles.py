"""Titles and offices a text gives people ("chief executive", "founder", "prosecutor").

A statement that calls someone by a title its source never uses says something the source
does not ("the founder said" for a source that only has a chief executive): SummEdits-style
edits swap one office for another as often as one name for another. Each group holds one
office under its spellings and near-synonyms ("lawyer", "attorney", "counsel"), so a reworded
statement keeps its office. Generic words that any report uses loosely ("official",
"leader", "head", "police", "researchers", "analysts") are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

# office: other spellings, inflections and synonyms of it
_OFFICES = {
    "chief executive": "ceo,chief executives,chief executive officer",
    "chief financial officer": "cfo",
    "founder": "founders,co-founder,co-founders,cofounder,founded,co-founded,founding",
    "chairman": "chair,chairs,chairwoman,chairperson,chairmen",
    "president": "presidents,presidential,presidency",
    "vice president": "vice-president,vice presidents",
    "director": "directors",
    "minister": "ministers,ministry,ministries",
    "governor": "governors",
    "mayor": "mayors",
    "senator": "senators,senate",
    "ambassador": "ambassadors,envoy,envoys",
    "judge": "judges,magistrate,magistrates",
    "prosecutor": "prosecutors,prosecution,prosecuting",
    "lawyer": "lawyers,attorney,attorneys,counsel,barrister,barristers,solicitor,solicitors",
    "coach": "coaches",
    "professor": "professors",
    "coroner": "coroners",
    "secretary": "secretaries",
    "king": "kings,monarch",
    "queen": "queens,monarch",
    "prince": "princes",
    "princess": "princesses",
    "treasurer": "treasurers",
    "spokesman": "spokeswoman,spokesperson,spokespeople,spokesmen,spokeswomen",
    "captain": "captains,skipper",
    "sheriff": "sheriffs",
    "chancellor": "chancellors",
    "premier": "premiers",
}
_FORMS: dict[str, str] = {}
for _office, _others in _OFFICES.items():
    for _form in (_office, *_others.split(",")):
        _FORMS[_form] = _office
_ALTERNATIVES = "|".join(sorted((re.escape(f) for f in _FORMS), key=len, reverse=True))
_PATTERN = re.compile(rf"\b({_ALTERNATIVES})\b")
_PATTERN_ANY_CASE = re.compile(rf"\b({_ALTERNATIVES})\b", re.IGNORECASE)


@lru_cache(maxsize=1_024)  # a document is compared with many statements
def roles(text: str, lower_only: bool = False) -> frozenset[str]:
    """The offices ``text`` names, each under its group's first name.

    ``lower_only``: only words written in lower case, offices said of someone ("the
    founder"), not a title that is part of a name ("President Obama" for a source's "Obama").
    """
    pattern = _PATTERN if lower_only else _PATTERN_ANY_CASE
    return frozenset(_FORMS[m.group(1).lower()] for m in pattern.finditer(text))
