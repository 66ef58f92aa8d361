"""Cue patterns for quotes: speech verbs, subject phrases, and reported-speech matching.

Reported speech is matched per sentence, most specific pattern first: "according to X, …",
"…, X said.", "X said (that) …" (with an apposition or a leading clause), then a speech verb
anywhere with a subject right before it, then ", saying …" whose speaker is the clause subject.
"""

from __future__ import annotations

import re

from newsbrief.annotate import lexicon as lx

Match = tuple[str, tuple[int, int], str, tuple[int, int]]  # subject, its span, cue, content span

_TELL = frozenset(["told", "tells", "tell", "assured", "informed"])
_TITLE_ALT = "|".join(sorted(lx.TITLES, key=len, reverse=True))
VERBS = "|".join(sorted(lx.SPEECH_VERBS | {"pointed out"}, key=len, reverse=True))
_NOTELL = "|".join(sorted((lx.SPEECH_VERBS | {"pointed out"}) - _TELL, key=len, reverse=True))
_TELLS = "|".join(sorted(_TELL, key=len, reverse=True))
_SP = r"[ \t\xa0]+"
_AUX = r"(?:(?:also|has|had|have|then|later|previously|once|further|again|repeatedly|recently|earlier)\s+)*"
_NAME = r"(?:[A-Z][\w'’.\-]*|(?:al|el|bin|ibn|abu)-[\w'’\-]+)"
_CAPRUN = rf"{_NAME}(?:{_SP}(?:(?:of|to|for|in){_SP}(?:the{_SP})?|(?:de|bin|ibn|van|von|al|da){_SP})?{_NAME}){{0,8}}"
_PLURALS = r"(?:sources|officials|analysts|experts|critics|witnesses|residents|aides|observers|reports|polls|supporters|documents|investigators|prosecutors|police|authorities|people|researchers)"
_NOMINAL = rf"(?:(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|two|three|[Ss]everal|[Mm]any|[Ss]ome|[Oo]ther|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir){_SP}(?:[\w'’\-]+{_SP}){{0,3}}?[a-z][\w\-]*|{_PLURALS}|[A-Z][\w.\-]*['’]s{_SP}(?:[a-z][\w\-]*{_SP}){{0,2}}?[a-z][\w\-]*)"
_PRONOUN = r"(?:he|she|they|we|I|it|He|She|They|We|It)"
_SUBJ = rf"(?:{_PRONOUN}|{_CAPRUN}|{_NOMINAL})"

AFTER_SV = re.compile(rf"[ \t]*,?[ \t]*(?P<subj>{_SUBJ})\s+{_AUX}(?P<verb>{VERBS})\b")
AFTER_VS = re.compile(
    rf"[ \t]*,?[ \t]*(?P<verb>{VERBS})\s+(?P<subj>{_CAPRUN}|{_NOMINAL}|{_PRONOUN})"
)
AFTER_LOOSE = re.compile(
    rf"[ \t]*,?[ \t]*(?P<subj>(?:[^\s,;:!?“”\"]+[ \t]+){{0,7}}?[^\s,;:!?“”\"]+)[ \t]+{_AUX}"
    rf"(?P<verb>{VERBS})\b"
)
AFTER_DASH = re.compile(rf"[ \t]*[―—–]+[ \t\xa0]*(?P<subj>{_CAPRUN})")
VERB_RE = re.compile(rf"\b(?P<verb>{VERBS})\b")
SUBJ_END = re.compile(rf"(?P<subj>{_SUBJ})(?:\s*\([^()]{{1,24}}\))?\s+{_AUX}$")
_PARTICIPLE = re.compile(
    r",\s+(?P<verb>saying|adding|arguing|noting|claiming|insisting|warning|explaining|stressing"
    r"|asserting|indicating|suggesting)\s+(?:that\s+)?(?P<content>[^“\"‘:].{12,})$",
    re.S,
)
_LEAD_SUBJ = re.compile(rf"^(?:[^,“”\"]{{0,60}},\s+)?(?P<subj>{_SUBJ})\s")
_OBJECT = r"(?:\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[A-Z][\w'’\-]*\s*){1,4}|\s+(?:reporters|journalists|us|him|her|them|me|the\s+\w+|a\s+\w+(?:\s+\w+)?)\b)?"

_SV_TAIL = (
    rf"{_SP}{_AUX}(?:(?P<verb>{_NOTELL})|(?P<tverb>{_TELLS}){_OBJECT})"
    rf"\s*,?\s*(?:that\s+)?(?P<content>[^:“\"‘].{{12,}})$"
)
# "X, spokesman for Y, said": an apposition must start with a title word
_APPOS = (
    rf"(?:,\s+(?:(?i:a|an|the)\s+)?(?:(?:{_TITLE_ALT})\b|[A-Z]\w+\s+(?:of|to|for)\s)"
    rf"[^,“”\"]{{0,90}}?,?)?"
)
_REPORTED_SV = re.compile(rf"^(?P<subj>{_SUBJ}){_APPOS}{_SV_TAIL}", re.S)
_REPORTED_PRE_SV = re.compile(rf"^(?P<pre>[^,“”\"]{{0,80}}),\s+(?P<subj>{_SUBJ}){_SV_TAIL}", re.S)
_REPORTED_CS = re.compile(
    rf"^(?P<content>.{{12,}}?),\s+(?:(?P<subj>{_SUBJ})\s+{_AUX}(?P<verb>{VERBS})|(?P<verb2>{VERBS})\s+(?P<subj2>{_SUBJ}))(?:\s+[^,.]{{0,60}})?[.!?]?$",
    re.S,
)
_ACCORDING_END = re.compile(
    r"^(?P<content>.{12,}?),\s+according to (?P<subj>[^,.]{2,100})[.!?]?$", re.S
)
_ACCORDING_START = re.compile(r"^According to (?P<subj>[^,]{2,140}),\s+(?P<content>.{12,})$", re.S)


_BAD_START = lx.words(
    """
    of by to in on at with during for from about after before as and but or into than
    monday tuesday wednesday thursday friday saturday sunday yesterday today
    """
)


def _clause_like(content: str) -> bool:
    """Reported content is a clause, not a prepositional phrase or an adverbial."""
    first = content.split(None, 1)[0].strip(",").lower()
    return first not in _BAD_START and not first.endswith("ing")  # "said, referring to …"


def _apposition_like(chunk: str, subj_is_role: bool) -> bool:
    words = chunk.split()
    if not words:
        return False
    first = words[0].lower()
    if first in ("which", "who", "whose", "a", "an") or first in lx.TITLES:
        return True
    return subj_is_role and len(words) <= 5 and all(w[:1].isupper() or "-" in w for w in words)


def _according_start(s: str, m: re.Match[str]) -> Match:
    """ "According to X, spokesman for Y, which …, CONTENT": skip the appositions after X."""
    subj_start = m.start("subj")
    pos = m.end("subj")
    subj_is_role = s[subj_start:pos].split()[0].lower() in lx.TITLES
    while True:
        nxt = s.find(",", pos + 1)
        if nxt < 0 or not _apposition_like(s[pos + 1 : nxt].strip(), subj_is_role):
            break
        subj_is_role = False
        pos = nxt
    content_start = pos + 1
    return s[subj_start:pos], (subj_start, pos), "according to", (content_start, len(s))


_WORD = re.compile(r"[a-z]+")
_TRIGGERS = (
    lx.SPEECH_VERBS
    | {"according", "pointed"}
    | {w + "ing" for w in ("say", "add", "argu", "not", "claim", "insist", "warn", "explain")}
)


def match_reported(s: str) -> Match | None:
    """(subject, subject span, cue, content span) of reported speech in sentence ``s``."""
    if _TRIGGERS.isdisjoint(_WORD.findall(s.lower())):
        return None  # most sentences have no speech verb at all
    m = _ACCORDING_START.match(s)
    if m:
        return _according_start(s, m)
    m = _ACCORDING_END.match(s)
    if m:
        return m.group("subj"), m.span("subj"), "according to", m.span("content")
    m = _REPORTED_CS.match(s)
    if m and not re.search(r"[“\"]", m.group("content")[:1]):
        g = "subj" if m.group("subj") else "subj2"
        verb = m.group("verb") or m.group("verb2")
        return m.group(g), m.span(g), verb, m.span("content")
    m = _REPORTED_SV.match(s) or _REPORTED_PRE_SV.match(s)
    if m:
        verb = m.group("verb") or m.group("tverb")
        return m.group("subj"), m.span("subj"), verb, m.span("content")
    return _loose_reported(s)


_LOOSE_CONTENT = re.compile(
    rf"(?:{_OBJECT})??\s*,?\s*(?:that\s+)?(?P<content>[^:“\"‘,(].{{12,}})$",
    re.S,
)


def _loose_reported(s: str) -> Match | None:
    """A speech verb inside the sentence with a subject right before it, or ", saying …"."""
    for vm in VERB_RE.finditer(s):
        sm = SUBJ_END.search(s, max(0, vm.start() - 150), vm.start())
        if not sm or sm.group("subj").split()[0].lower() in ("who", "which", "that"):
            continue
        cm = _LOOSE_CONTENT.match(s, vm.end())
        if cm and len(cm.group("content").split()) >= 4 and _clause_like(cm.group("content")):
            return sm.group("subj"), sm.span("subj"), vm.group("verb"), cm.span("content")
    pm = _PARTICIPLE.search(s)
    if pm:
        lm = _LEAD_SUBJ.match(s)
        if lm and lm.end() <= pm.start():
            return lm.group("subj"), lm.span("subj"), pm.group("verb"), pm.span("content")
    return None
