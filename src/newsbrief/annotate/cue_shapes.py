"""Word shapes around a cue that tell a statement from what is not one: a feel-verb with an
adjective ("felt sluggish"), a cue with its own object after it ("…, X announced his
resignation")."""

from __future__ import annotations

import re

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.clause_shape import SUBJECT_OPEN

_TELL_VERBS = lx.words("told tells tell assured informed")


_FEEL = lx.words("feel feels felt")


def copular_feel(verb: str, content: str) -> bool:
    """ "the launcher felt sluggish compared with …", "she felt betrayed": a feel-verb with an
    adjective or a participle tells how something seemed or someone was, not a view held;
    only content opening a clause on its subject ("felt (that) the plan had failed") is one."""
    if verb.lower() not in _FEEL:
        return False
    first = content.lstrip(' \t"“‘').split()[:1]
    if not first:
        return True
    word = re.split(r"['’]", first[0].strip(",.;:"))[0]  # "we're", "it's": the pronoun
    return not (word.lower() in SUBJECT_OPEN or word[:1].isupper() or word[:1].isdigit())


_OBJECT_DETERMINERS = lx.words("the a an his her their its our my your")
_TIME_AFTER = re.compile(
    r"(?:the|a|an)[ \t]+(?:next|following|previous|same|other)[ \t]+"
    r"(?:day|week|month|year|morning|afternoon|evening|night|weekend|time)\b",
    re.I,
)


def object_after_cue(s: str, m: re.Match[str]) -> bool:
    """Whether a content-first match ("The day after that, the president announced his
    resignation") has the cue's object right after it: what was announced is that object,
    and the words before the subject are a fronted phrase of the writer's (a tell-verb's
    object is its addressee, "…, she told the Post", and the content stands)."""
    if not m.group("verb") or m.group("verb").split()[0].lower() in _TELL_VERBS:
        return False
    trail = s[m.end("verb") :].lstrip(" \t")
    first = trail.split()[:1]
    if not first or first[0].lower() not in _OBJECT_DETERMINERS:
        return False
    return _TIME_AFTER.match(trail) is None  # "…, she said the next day": when, not what


_CONTINUE = lx.words("continued continues continue")
_FIND = lx.words("found finds find")
# "was found guilty of …", "found liable": a verdict on someone, not a finding they state
_VERDICT = re.compile(
    r"(?:not[ \t]+)?(?:guilty|liable|innocent|responsible|competent|incompetent|unfit|fit|dead"
    r"|alive|unconscious|unresponsive)\b",
    re.I,
)


def object_not_content(verb: str, content: str) -> bool:
    """Whether what follows a verb that only sometimes reports is its object or a predicate,
    not a statement: "continued his pitch" (what was continued; "…, he continued." stays a
    cue), "being found guilty of …" (a verdict)."""
    words = verb.lower().split()
    first = content.split()[:1]
    if not words or not first:
        return False
    if words[0] in _CONTINUE:
        return first[0].lower() in _OBJECT_DETERMINERS
    if words[0] in _FIND:
        return _VERDICT.match(content) is not None
    return False
