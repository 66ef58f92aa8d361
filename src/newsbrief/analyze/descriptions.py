"""Who a person is, set apart from what a statement says of them (issue 16 judged claims).

``attribution.said_text`` drops the cue and the speaker's name run, but stops at a comma or
a lowercase title word, so "X, head of Y, said" keeps "head of Y" as content. Two reports
quoting one official then share the title whatever each reports. Claims use
:func:`drop_speaker_descriptions` as a second look at whether two statements share what
happens (``claim_pairs.shares_event_beyond_descriptions``), not as their similarity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsbrief.analyze.names import ROLE_WORDS

# A speaker's description ("X, head of Y, said", "according to Z, a spokesman for W,"): part
# of who speaks, not of what is said. Two outlets quoting one official share the title
# whatever each reports, and ``said_text`` keeps it (its speaker run stops at the comma), so
# two different statements of one speaker looked alike (issue 16 judged sample, class a).
# A comma-bounded segment counts as a description when it is an age or starts like a noun
# phrase about a person (an article, a possessive, "who", or a role word such as "head").
_CUE_WORDS = (
    r"said|says|say|told|tells|according|added|adds|stated|states|noted|notes|explained|"
    r"explains|insisted|insists|argued|argues|claimed|claims|stressed|stresses|recalled|"
    r"acknowledged|wrote|writes|announced|announces"
)
_ROLE_ALT = "|".join(sorted(ROLE_WORDS | {"member", "owner"}))
_DESC_SEG = (
    r"(?:\d{1,3}|[A-Z][\w.-]*['’]s\s+[^,;:\"“”]{0,160}?|"
    r"(?:a|an|the|who|whose|his|her|its|their|former|then|now|one|another|"
    + _ROLE_ALT
    + r")\b[^,;:\"“”]{0,160}?)"
)
# The same away from a cue: "the" must lead to a role within three words ("the head of"),
# so that "After meeting Obama, the president flew to Paris, ..." keeps its clause.
_DESC_SEG_STRICT = (
    r"(?:(?:a|an|the|former)\s+(?:[\w'’-]+\s+){0,3}|)(?:" + _ROLE_ALT + r")\b[^,;:\"“”]{0,160}?"
)
# ", the grandfather, said" / ", 70, a lawyer for the family, told": descriptions before a cue
_DESC_BEFORE_CUE = re.compile(
    r"(?:\s*,\s+" + _DESC_SEG + r")+\s*,\s+(?=(?:" + _CUE_WORDS + r")\b)", re.IGNORECASE
)
_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*"
# "according to Z, a spokesman for W, ...": one description, the statement follows
_DESC_AFTER_ACCORDING = re.compile(
    r"(\b[Aa]ccording\s+to\s+" + _NAME + r")\s*,\s+" + _DESC_SEG + r"(?=\s*,)"
)
# "..., said John Smith, a spokesman for the agency.": descriptions closing the sentence
_DESC_AFTER_CUE = re.compile(
    r"(\b(?:" + _CUE_WORDS + r")(?:\s+to)?\s+" + _NAME + r")(?:\s*,\s+" + _DESC_SEG + r")+"
    r"(?=\s*[.!?\"”’)]*\s*$)"
)


# "Ola Brenn, a former safety officer and now spokeswoman for Y, appears in the video": a
# description set off by commas right after a name says who the person is, not what the
# statement reports of them (issue 16 judged sample, class b: two reports of one person
# doing different things shared the description).
_DESC_AFTER_ANY_NAME = re.compile(
    r"(\b[A-Z][\w.'’-]*[A-Za-z])(?:\s*,\s+" + _DESC_SEG_STRICT + r")+(?=\s*,)"
)


# Whole "according to" clauses, with whatever title words precede the name ("according to
# NASA program scientist Curt Niebur"): ``said_text`` stops at the first lowercase title
# word, so "program scientist" was left as content. A closing ", police said" stays: its
# subject can be what the statement is about ("No arrests had been made, police said").
_OPENING_ACCORDING = re.compile(r"^\s*According\s+to\s+[^,;:\"“”]{1,80},\s*")
_CLOSING_ATTRIBUTION = re.compile(r",\s+according\s+to\s+[^,;:\"“”]{1,80}(?=\s*[.!]?\s*$)")


@lru_cache(maxsize=16_384)  # claims ask again for every pair a statement is in
def drop_speaker_descriptions(text: str) -> str:
    """``text`` without the descriptions of its speakers ("X, head of Y, said" -> "X said")
    and of the people it names ("X, a former officer, appears" -> "X appears")."""
    text = _DESC_BEFORE_CUE.sub(" ", text)
    text = _DESC_AFTER_ANY_NAME.sub(r"\1", text)
    text = _CLOSING_ATTRIBUTION.sub("", _OPENING_ACCORDING.sub("", text))
    text = _DESC_AFTER_ACCORDING.sub(r"\1", text)
    return _DESC_AFTER_CUE.sub(r"\1", text)
