"""Cue patterns for quotes: speech verbs, subject phrases, and reported-speech matching.

Reported speech is matched per sentence, most specific pattern first: "according to X, …",
"…, X said.", "X said (that) …" (with an apposition or a leading clause), then a speech verb
anywhere with a subject right before it, then ", saying …" whose speaker is the clause subject.
"""

from __future__ import annotations

import re

from newsbrief.annotate import clause_shape
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.cue_shapes import object_after_cue

Match = tuple[str, tuple[int, int], str, tuple[int, int]]  # subject, its span, cue, content span

_TELL = frozenset(["told", "tells", "tell", "assured", "informed"])
VERBS = "|".join(sorted(lx.SPEECH_VERBS | {"pointed out"}, key=len, reverse=True))
_NOTELL = "|".join(sorted((lx.SPEECH_VERBS | {"pointed out"}) - _TELL, key=len, reverse=True))
_TELLS = "|".join(sorted(_TELL, key=len, reverse=True))
_SP = r"[ \t\xa0]+"
_AUX = r"(?:(?:also|has|had|have|then|later|previously|once|further|again|repeatedly|recently|earlier)\s+)*"
_NAME = r"(?:[A-Z][\w'’.\-]*|(?:al|el|bin|ibn|abu)-[\w'’\-]+)"
_CAPRUN = rf"{_NAME}(?:{_SP}(?:(?:of|to|for|in|and|&){_SP}(?:the{_SP})?|(?:de|bin|ibn|van|von|al|da){_SP})?{_NAME}){{0,8}}"
_PLURALS = r"(?:sources|officials|analysts|experts|critics|witnesses|residents|aides|observers|reports|polls|supporters|documents|investigators|prosecutors|police|authorities|people|researchers)"
_NOMINAL = rf"(?:(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|two|three|[Ss]everal|[Mm]any|[Ss]ome|[Oo]ther|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir){_SP}(?:[\w'’\-]+{_SP}){{0,3}}?[a-z][\w\-]*|{_PLURALS}|[A-Z][\w.\-]*['’]s{_SP}(?:[a-z][\w\-]*{_SP}){{0,2}}?[a-z][\w\-]*)"
_PRONOUN = r"(?:he|she|they|we|I|it|He|She|They|We|It)"
# "The diplomat", not "The": a capitalised determiner before a common noun opens a nominal
_DET_NOUN = r"(?:The|A|An|This|That|These|Those|His|Her|Their|Its|Our|One|Another)[ \t\xa0]+[a-z]"
# "Answering a question, he said …": a sentence-opening participle is not a name
_PARTICIPLE_OPENER = (
    r"[A-Z][a-z]+ing[ \t\xa0]+(?:a|an|the|his|her|its|their|this|that|these|those|about|on|in"
    r"|at|to|from|with|for|over)\b"
)
_SUBJ = rf"(?:{_PRONOUN}|(?!{_DET_NOUN}|{_PARTICIPLE_OPENER}){_CAPRUN}|{_NOMINAL})"
SUBJ = _SUBJ

AFTER_SV = re.compile(rf"[ \t]*,?[ \t]*(?P<subj>{_SUBJ})\s+{_AUX}(?P<verb>{VERBS})\b")
# "…," said X — never "…," told X: the object of a tell-verb is the addressee
AFTER_VS = re.compile(
    rf"[ \t]*,?[ \t]*(?P<verb>{_NOTELL})\s+(?P<subj>{_CAPRUN}|{_NOMINAL}|{_PRONOUN})"
)
AFTER_LOOSE = re.compile(
    rf"[ \t]*,?[ \t]*(?P<subj>(?:[^\s,;:!?“”\"]+[ \t]+){{0,7}}?[^\s,;:!?“”\"]+)[ \t]+{_AUX}"
    rf"(?P<verb>{VERBS})\b"
)
# "“…,” according to the study.": the source after a quote, never the speaker before it
AFTER_ACCORDING = re.compile(
    r"[ \t]*,?[ \t]*(?P<verb>according[ \t]+to)[ \t]+(?P<subj>[^\s,.;:!?“”\"][^,.;:!?“”\"\n]{1,80})"
)
AFTER_DASH = re.compile(rf"[ \t]*[―—–]+[ \t\xa0]*(?P<subj>{_CAPRUN})")
VERB_RE = re.compile(rf"\b(?P<verb>{VERBS})\b")
# "X is pleased to announce that …": the feeling is the subject's, the announcing too
_GLAD_TO = (
    r"(?:(?:is|are|was|were|am)\s+(?:very\s+|so\s+)?(?:happy|pleased|proud|delighted|glad|sad"
    r"|sorry|excited|thrilled|saddened|honored|honoured)\s+to\s+)?"
)
# the subject starts a word: searched for, "an" would start inside "Hagerman and said"
SUBJ_END = re.compile(
    rf"(?<![\w'’.\-])(?P<subj>{_SUBJ})(?:\s*\([^()]{{1,24}}\))?\s+{_AUX}{_GLAD_TO}$"
)
PARTICIPLES = [
    "saying",
    "adding",
    "arguing",
    "noting",
    "claiming",
    "insisting",
    "warning",
    "explaining",
    "stressing",
    "asserting",
    "indicating",
    "suggesting",
]
_PARTICIPLE = re.compile(
    rf",\s+(?P<verb>{'|'.join(PARTICIPLES)})\s+(?:that\s+)?(?P<content>[^“\"‘:].{{12,}})$",
    re.S,
)
LEAD_SUBJ = _LEAD_SUBJ = re.compile(rf"^(?:[^,“”\"]{{0,120}},\s+)?(?P<subj>{_SUBJ})\s")
_OBJECT = r"(?:\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[A-Z][\w'’\-]*(?![\w'’\-])\s*(?:\d+\s+(?=[A-Z]))?){1,4}(?!\s*(?:would|will|could|can|is|was|are|were|has|had|have)\b)|\s+(?:reporters|journalists|us|him|her|them|me|the\s+\w+|a\s+\w+(?:\s+\w+)?)\b)?"

# Reported speech also covers beliefs and findings ("the poll found that …"): these verbs
# never cue a direct quote, and their content must be a clause (checked in ``is_clause``).
REPORT_VERBS = lx.SPEECH_VERBS | lx.REPORT_VERBS
_RNOTELL = "|".join(sorted(REPORT_VERBS - _TELL | {"pointed out"}, key=len, reverse=True))
_RVERBS = "|".join(sorted(REPORT_VERBS | {"pointed out"}, key=len, reverse=True))
# "told reporters at the scene that …": the place of telling is not content either
_PLACE_THAT = r"(?:\s+(?:at|in|on|during|after)\s+[^,“”\"]{1,40}?(?=\s+that\s))?"
# "confirmed that was the place where …": a "that" followed straight by a finite verb is the
# demonstrative subject of the statement, not the complementizer that opens it; it stays. A
# plural verb never has "that" for subject: "messages X wrote that were …" is a relative
# clause on the noun before the cue
_THAT = (
    r"(?:that\s+(?!(?:is|was|has|had|will|would|could|should|can|may|might|must"
    r"|does|did|isn['’]t|wasn['’]t|won['’]t|wouldn['’]t|doesn['’]t|didn['’]t|means|meant"
    r"|seems|seemed|makes|made)\b))?"
)
# the verb ends its word: "referred additional questions" holds no "add"
_SV_TAIL = (
    rf"{_SP}{_AUX}(?:(?P<verb>{_RNOTELL})\b|(?P<tverb>{_TELLS})\b{_OBJECT}){_PLACE_THAT}"
    rf"\s*,?\s*{_THAT}(?P<content>[^:,\s].{{12,}})$"
)
# "X, spokesman for Y, said", "X, 29, of Springfield, Ill., says": up to three comma-chunks
# without quote marks between the subject and its verb
_APPOS = r"(?:(?:,\s+[^,;“”\"()]{1,100}?){1,3},)?"
_REPORTED_SV = re.compile(rf"^(?P<subj>{_SUBJ}){_APPOS}{_SV_TAIL}", re.S)
_REPORTED_PRE_SV = re.compile(rf"^(?P<pre>[^,“”\"]{{0,80}}),\s+(?P<subj>{_SUBJ}){_SV_TAIL}", re.S)
# A subject the patterns above do not know: up to six plain words ("Abortion rights advocates",
# "Twenty-four percent", "federal officials")
_ANY_SUBJ = r"(?:[\w'’.\-&]+[ \t]+){0,5}?[\w'’.\-&]+"
_REPORTED_ANY_SV = re.compile(rf"^(?P<subj>{_ANY_SUBJ}){_APPOS}{_SV_TAIL}", re.S)
# "…, X said." and "…, X said, …" (the cue inside the content); a comma may sit inside quotes
_CS_CUE = (
    rf",[\"”’']*\s+(?:(?P<subj>{_SUBJ}|{_ANY_SUBJ})\s+{_AUX}(?P<verb>{VERBS})"
    rf"|(?P<verb2>{_NOTELL})\s+(?P<subj2>{_SUBJ}))"
)
_REPORTED_CS = re.compile(
    rf"^(?P<content>.{{12,}}?){_CS_CUE}(?:\s+[^,.]{{0,60}})?[.!?]?$",
    re.S,
)
_REPORTED_CSC = re.compile(
    rf"^(?P<content>.{{12,}}?){_CS_CUE}(?:\s+[^,.]{{0,40}})?,\s+(?P<rest>[^“\"].{{12,}})$", re.S
)
# the comma may sit inside the closing quote mark: '… “would make a fine harbour,” according to
# the history.' (the attribution phrase is never part of the content)
_ACCORDING_END = re.compile(
    r"^(?P<content>.{12,}?),[\"”’']*\s+according to (?P<subj>[^,.]{2,100})[.!?]?$", re.S
)
_ACCORDING_START = re.compile(r"^According to (?P<subj>[^,]{2,140}),\s+(?P<content>.{12,})$", re.S)


BAD_START = _BAD_START = clause_shape.BAD_START
_FINITE = clause_shape.FINITE
is_clause = clause_shape.is_clause


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
    REPORT_VERBS
    | {"according", "pointed"}
    | {w + "ing" for w in ("say", "add", "argu", "not", "claim", "insist", "warn", "explain")}
)


NOT_SUBJ = _NOT_SUBJ = lx.words(
    """
    if when as because while although though but and or so since after before until once
    where which that what how why who it's there here
    """
)


def _subject_ok(m: re.Match[str]) -> bool:
    subj = m.group("subj") or m.group("subj2") or ""
    words = subj.lower().split()
    # a subject holds no speech verb: "X, whose café …, told the Post she …" is not one
    # nor a finite verb or "not": "…, the bank has not answered" is a clause, not a cue
    return (
        bool(words)
        and words[0] not in _NOT_SUBJ
        and REPORT_VERBS.isdisjoint(words)
        and _FINITE.isdisjoint(words)
        and "not" not in words
    )


# What may stand between an interrupting "…, X said …," and its comma: a time or a place of
# saying ("said on Tuesday", "said in a statement"), never the start of the content.
_SAID_MODIFIER = lx.words(
    """
    on in at during after before from to with by for via while when late early earlier later
    last this yesterday today tonight recently then again also once now here there
    monday tuesday wednesday thursday friday saturday sunday
    """
)


_PARTICIPLE_REST = re.compile(r"(?:[a-z]+ing|according to)\b")
# "…, Graham said Tuesday, even before this latest story broke": what follows the cue tells
# when or where it was said, not more of the statement ("until" is not among them: saying is
# an act at one time, which "until" cannot measure; "…, he added, until his backers quit" is
# the statement going on after its cue)
_SAYING_WHEN = re.compile(
    r"(?:(?:even|just|shortly|long|only|well)[ \t]+)?(?:before|after|when|while|since|during"
    r"|despite|amid|following|in[ \t]+an?[ \t]+(?:interview|statement|speech|letter|email|post))\b"
)
# A temporal clause opening an interrupted statement ("As the day drew near, she says, she
# …"): the statement itself is the clause after the cue
_CIRCUMSTANCE = re.compile(
    r"(?:(?:but|and|yet|so|now)[ \t]+)?(?:as|when|while|after|before|since|once|until)[ \t]+"
    r"[^,]*$",
    re.I,
)


def _opens_content(s: str, m: re.Match[str]) -> bool:
    """Whether the words after the cue of an interrupted-content match begin the content.

    "The plan, he said on Tuesday, had failed" interrupts; "On Monday, he said Iraq, with
    help, would win" does not: "Iraq" starts what was said, so the words before the subject
    are an adverbial, not content. A tell-verb's object ("told the Post") is not content.
    """
    verb = m.group("verb") or m.group("verb2") or ""
    if verb.split()[0].lower() in _TELL:
        return False
    tail = s[m.end("verb2" if m.group("verb2") else "verb") : m.start("rest")]
    words = tail.strip(" ,").split()
    return bool(words) and words[0].lower() not in _SAID_MODIFIER and m.group("subj") is not None


def _clause_after_cue(s: str, m: re.Match[str]) -> bool:
    """Whether a content-first match ("…, X said on Tuesday") has a whole clause after its
    cue instead: then what was said follows the cue and the words before it are an opener."""
    verb = "verb2" if m.group("verb2") else "verb"
    trail = s[m.end(verb) :].strip(" \t.!?")
    words = trail.split()
    return len(words) >= 4 and words[0].lower() not in _SAID_MODIFIER and is_clause(trail)


# "When asked if …, X said that he did", "During a briefing on Thursday, X confirmed the
# arrests": the words before the subject set the scene (a question put, a time, a place)
_ASKED_OPENER = re.compile(r"(?:(?:when|after|once|before|if)[ \t]+)?asked\b", re.I)
_SCENE_PREPOSITIONS = lx.words(
    "during at in on after before following amid from with by for inside outside speaking"
)


def _scene_opener(s: str, m: re.Match[str]) -> bool:
    """Whether a content-first match ("…, X said …") has a scene-setting opener, not a
    statement, before its subject: a question put to the speaker ("When asked if …"), a
    prepositional phrase with no verb ("During a briefing on Thursday"), or the cue goes on to
    its own "that"-clause ("X said that he did")."""
    verb = "verb2" if m.group("verb2") else "verb"
    trail = s[m.end(verb) :].split()
    if len(trail) >= 2 and trail[0].lower() == "that":
        return True
    content = m.group("content").lstrip(" \t\"“‘'")
    if _ASKED_OPENER.match(content):
        return True
    words = content.split()
    # one phrase: "In the flat, in Paris, more arms were found, X said" is a statement
    return (
        len(words) >= 2
        and "," not in content
        and words[0].lower() in _SCENE_PREPOSITIONS
        and not is_clause(" ".join(words[1:]))
    )


_REPORTS = frozenset({"reported", "reports"})


def _reports(m: re.Match[str]) -> bool:
    """A trailing "…, the Star reported": a report passing on what others said (a pronoun's
    "…, he said" after "X said …" is the speaker's own cue said twice)."""
    verb = m.group("verb")
    return bool(verb) and verb.lower() in _REPORTS and m.group("subj") is not None


def _relayed(s: str, m: re.Match[str]) -> Match | None:
    """ "On Tuesday, Riley said police suspected foul play, the Star reported": a content that
    opens on a cue of its own relays that speaker's statement; what was said is the inner
    statement, its speaker the inner subject (the outlet only passed it on)."""
    head = s[: m.end("content")]
    for rx in (_REPORTED_SV, _REPORTED_PRE_SV):
        inner = rx.match(head)
        if inner and is_clause(inner.group("content")) and _subject_ok(inner):
            verb = inner.group("verb") or inner.group("tverb")
            return inner.group("subj"), inner.span("subj"), verb, inner.span("content")
    return None


def relaying(s: str) -> Match | None:
    """The outer attribution of a relayed statement ("…, the Star reported" around "Riley
    said …"): the outlet's report, an attribution of its own (never the statement shown)."""
    m = _REPORTED_CS.match(s)
    if m is None or not _reports(m) or _relayed(s, m) is None or not _subject_ok(m):
        return None
    return m.group("subj"), m.span("subj"), m.group("verb"), m.span("content")


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
    for rx in (_REPORTED_CS, _REPORTED_CSC):
        m = rx.match(s)
        if m and m.group("verb2") and is_clause(s[m.start("subj2") : m.end()]):
            continue  # "X, angry, said the plan had failed": "said" opens the content
        if m and rx is _REPORTED_CSC and _opens_content(s, m):
            continue  # "Speaking in Rome, X said the plan, once agreed, …": no interruption
        if (
            m
            and rx is _REPORTED_CS
            and (_clause_after_cue(s, m) or _scene_opener(s, m) or object_after_cue(s, m))
        ):
            continue  # "Appearing on a talk show, X said the inquiry …": the opener is no content
        relayed = _relayed(s, m) if m and rx is _REPORTED_CS and _reports(m) else None
        if relayed is not None:
            return relayed
        if m and not re.search(r"[“\"]", m.group("content")[:1]) and _subject_ok(m):
            g = "subj" if m.group("subj") else "subj2"
            verb = m.group("verb") or m.group("verb2")
            # "…, the paper reported, citing a source": what follows the cue is about the
            # report, not more of its content
            resumes = (
                rx is _REPORTED_CSC
                and not _PARTICIPLE_REST.match(m.group("rest"))
                and not _SAYING_WHEN.match(m.group("rest"))
            )
            if resumes and _CIRCUMSTANCE.match(m.group("content")) and is_clause(m.group("rest")):
                # "As the day drew near, she says, she has not heard …": the opening clause
                # sets the time of the statement, which starts after the cue; never a span
                # running through its own cue
                return m.group(g), m.span(g), verb, m.span("rest")
            end = m.end("rest") if resumes else m.end("content")
            return m.group(g), m.span(g), verb, (m.start("content"), end)
    for rx in (_REPORTED_SV, _REPORTED_PRE_SV, _REPORTED_ANY_SV):
        m = rx.match(s)
        if m and is_clause(m.group("content")) and _subject_ok(m):
            verb = m.group("verb") or m.group("tverb")
            return m.group("subj"), m.span("subj"), verb, m.span("content")
    return _loose_reported(s)


_RVERB_RE = re.compile(rf"\b(?P<verb>{_RVERBS})\b")
_TELL_RE = re.compile(rf"(?:{_TELLS})$")
_OBJ_CONTENT = re.compile(
    rf"{_OBJECT}{_PLACE_THAT}\s*,?\s*{_THAT}(?P<content>[^:,(\s].{{12,}})$", re.S
)
_LOOSE_CONTENT = re.compile(rf"{_PLACE_THAT}\s*,?\s*{_THAT}(?P<content>[^:,(\s].{{12,}})$", re.S)
_WHO_END = re.compile(rf"(?<=,)\s+(?P<subj>who)\s+{_AUX}$")
MAIN_VERB_AFTER = re.compile(rf",[\"”’']*\s+{_AUX}(?:{VERBS})\b")


# "the deal was never mentioned": a speech verb in the passive has what was said, not its
# speaker, as its subject
PASSIVE_BEFORE = re.compile(r"\b(?:been|being|is|are|was|were|be)\s+(?:\w+\s+)?$", re.I)


# "the alleged plot", "X's alleged messages": after a determiner or a possessive the word
# is an adjective, no speech verb
ADJECTIVE_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our)"
    r"|\b(?!(?:He|She|It|That|There|What|Who|Here|Where)['’])[A-Z][\w.-]*['’]s?)\s+$"
)


def _loose_reported(s: str) -> Match | None:
    """A speech verb inside the sentence with a subject right before it, or ", saying …"."""
    for vm in _RVERB_RE.finditer(s):
        lo = max(0, vm.start() - 150)
        if PASSIVE_BEFORE.search(s, lo, vm.start()) or ADJECTIVE_BEFORE.search(
            s, max(0, vm.start() - 12), vm.start()
        ):
            continue
        who = _WHO_END.search(s, lo, vm.start())
        sm = who or SUBJ_END.search(s, lo, vm.start())
        if not sm or sm.group("subj").split()[0].lower() in ("which", "that"):
            continue
        if who is not None and MAIN_VERB_AFTER.search(s, vm.end()):
            # "X, who wrote a book called “Y,” said …": the relative clause ends at the comma
            # before the sentence's own speech verb, which the cue is not
            continue
        # the object of a tell-verb is the addressee, never part of the content
        rx = _OBJ_CONTENT if _TELL_RE.search(vm.group("verb")) else _LOOSE_CONTENT
        cm = rx.match(s, vm.end())
        if cm and len(cm.group("content").split()) >= 4 and is_clause(cm.group("content")):
            return sm.group("subj"), sm.span("subj"), vm.group("verb"), cm.span("content")
    pm = _PARTICIPLE.search(s)
    if pm:
        lm = _LEAD_SUBJ.match(s)
        if lm and lm.end() <= pm.start():
            return lm.group("subj"), lm.span("subj"), pm.group("verb"), pm.span("content")
    return None
