"""Subjects that say nothing themselves, though a speech verb follows them: a condition or a
prediction ("if X says", "they will say"), the object of a preposition ("people who worked with
X believe"), a claim the subject disputes, a speaker recalled by another ("she recalls him
saying"), a principal whose agent speaks ("a lawyer for X said").
"""

from __future__ import annotations

import re

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.speaker_words import PERSON_NOUNS, PROXY_HEADS

# "if the party believes …", "whether she says …": a condition, not a statement made
_CONDITION = r"\b(?:if|unless|whether|lest)(?:[ \t]+|[-—–]+[ \t]*)"
_CONDITION_BEFORE = re.compile(_CONDITION + r"(?:the[ \t]+)?$", re.I)
_CONDITION_OPENS = re.compile(r"[ \t]*" + _CONDITION, re.I)
# "they'll say", "the court could tell", "they're going to say": what someone may say one
# day is no attribution ("would later say" and "would go on to say" tell what was said)
_MODAL_AFTER = re.compile(
    r"(?:['’](?:ll|d)|[ \t]+(?:will|would|could|might|may|can|should|shall|must|cannot"
    r"|can['’]t|won['’]t|wouldn['’]t|couldn['’]t)|(?:['’]re|['’]s|[ \t]+(?:are|is|am|were|was))"
    r"[ \t]+(?:going[ \t]+to|gonna))(?![ \t]+(?:later|then|go[ \t]+on|eventually|often|always"
    r"|also|frequently|repeatedly|once)\b)",
    re.I,
)


def hypothetical(text: str, start: int, end: int) -> bool:
    """Whether the subject at ``start:end`` speaks only in a condition or a prediction: "if
    X says …", "what they'll say is …", "the court could tell her …". Such words were never
    said, so the quote has no speaker."""
    if _CONDITION_BEFORE.search(text, max(0, start - 14), start):
        return True
    if _CONDITION_OPENS.match(text, start, end):
        return True  # the pattern took the condition into the subject ("If the party")
    subj = text[start:end]
    last = subj.split()[-1].lower() if subj.split() else ""
    if last in ("will", "would", "could", "might", "may", "can", "should", "shall", "must"):
        return True  # the pattern took the modal into the subject ("The court could")
    return _MODAL_AFTER.match(text, end, min(len(text), end + 40)) is not None


# "worked with X believe", "the wife of X said": a name right after a preposition is its
# object; the subject is the longer phrase, whose head is no name ("according to X" aside)
_PREP_BEFORE = re.compile(
    r"(?<!according)[ \t]+(?:with|for|of|to|by|from|about|against|at|like|than|under)[ \t]+$",
    re.I,
)


def object_of_preposition(text: str, start: int) -> bool:
    """Whether the subject at ``start`` follows a preposition (in its own clause), so it is
    that preposition's object and no speaker."""
    return _PREP_BEFORE.search(text, max(0, start - 16), start) is not None


# "a claim Zentra denies", "the charge that he denies": a noun for a statement, then a
# relative clause; what the sentence reports is the claim, which its subject disputes
CLAIM_NOUNS = frozenset(
    [
        "claim",
        "claims",
        "allegation",
        "allegations",
        "charge",
        "charges",
        "accusation",
        "accusations",
        "assertion",
        "assertions",
        "suggestion",
        "suggestions",
        "notion",
        "idea",
        "view",
        "theory",
        "rumor",
        "rumour",
        "rumors",
        "rumours",
    ]
)


# "X faces charges that …", "she denied allegations that …": the subject took or refused the
# claim; the cue word after such a verb is the claim's noun, said by someone else
_FACES_CLAIM = lx.words(
    """
    face faces faced facing deny denies denied denying dispute disputes disputed disputing
    reject rejects rejected rejecting dismiss dismisses dismissed dismissing deflect deflects
    deflected rebut rebuts rebutted rebuff rebuffs rebuffed answer answers answered
    """
)


def subject_faces_claim(text: str, subj: str, end: int) -> bool:
    """Whether ``subj`` ends on a verb of facing or refusing ("Gosnell still faces") and the
    cue after it is a claim noun ("charges that he killed …"): the claim is not the
    subject's statement."""
    words = subj.split()
    if len(words) < 2 or words[-1].lower() not in _FACES_CLAIM:
        return False
    after = text[end : end + 30].split()
    return bool(after) and after[0].lower().strip(",") in CLAIM_NOUNS


def claim_then_relative(subj: str) -> bool:
    """Whether ``subj`` is "a/the <claim noun>" followed by a new subject ("a claim Zentra",
    "the charge he")."""
    words = subj.split()
    if len(words) < 3 or words[0].lower() not in ("a", "an", "the", "that", "this", "which"):
        return False
    if words[1].lower().strip(",") not in CLAIM_NOUNS:
        return False
    nxt = words[2]
    return nxt[:1].isupper() or nxt.lower() in ("he", "she", "they", "it", "we", "i")


# "she recalls him saying", "he heard Tom Brandt tell her": the words are the object's,
# recalled by the subject
_RECALLED = re.compile(
    r"[ \t]+(?:(?:also|still|later|once)[ \t]+)?(?:recall(?:s|ed)?|remember(?:s|ed)?|hear[sd]?"
    r"|overheard|quot(?:es|ed)|recount(?:s|ed)|describe[sd]?|imagine[sd]?)"
    r"[ \t]+(?P<obj>him|her|them|[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
    r"[ \t]+(?:saying|say|tell|telling|ask|asking|shout|shouting|yell|yelling"
    r"|call|calling|joke|joking|remark|remarking|warn|warning|whisper|whispering)\b"
)


def recalled_speaker(text: str, end: int) -> tuple[int, int, str] | None:
    """For a subject ending at ``end`` and followed by its verb and someone saying ("she
    recalls him saying"): the span and text of that someone; None for any other cue."""
    m = _RECALLED.match(text, end, min(len(text), end + 60))
    if m is None:
        return None
    return m.start("obj"), m.end("obj"), m.group("obj")


# "Yonhap quoted a unification ministry official as saying", "the paper quoted him as
# telling": the one quoted speaks; the subject only relays the words
_QUOTED_AS = re.compile(
    r"[ \t]+(?:also[ \t]+)?quot(?:es|ed|ing)[ \t]+(?P<obj>[^.;:!?\n\"“”]{1,90}?)[ \t]+as[ \t]+"
    r"(?:saying|telling|stating|writing|adding|declaring)\b"
)


def quoted_as(text: str, end: int) -> tuple[int, int] | None:
    """For a subject ending at ``end`` and followed by "quoted X as saying": the span of X,
    who said the words; None for any other cue."""
    m = _QUOTED_AS.match(text, end, min(len(text), end + 130))
    return None if m is None else (m.start("obj"), m.end("obj"))


_PRINCIPAL_LEAD = re.compile(r"\b(?P<noun>[a-z]+)[ \t]+(?:of|for|to)[ \t]+(?:the[ \t]+)?$")


def principal_only(text: str, start: int, name_start: int) -> bool:
    """Whether the words of a subject before its first person name end on "<noun for a
    person> of/for/to" ("The wife of Jon Conyers", "a friend of"): the named person is the
    principal, and the speaker is someone the article does not name; so too after a group
    noun and a preposition ("Investigators probing the death of", ``_GROUP_ABOUT``)."""
    m = _PRINCIPAL_LEAD.search(text, start, name_start)
    if m is not None and (m.group("noun") in PERSON_NOUNS or m.group("noun") in PROXY_HEADS):
        return True
    return _GROUP_ABOUT.match(text, start, name_start) is not None


def group_before(text: str, lo: int, name_start: int) -> bool:
    """Whether the words from ``lo`` (the sentence's start) to a name are a group subject
    about the name (``_GROUP_ABOUT``), unbroken by a comma or a quotation mark."""
    gap = text[lo:name_start]
    if any(c in gap for c in ",;:") or gap.count('"') % 2 or gap.count("“") != gap.count("”"):
        return False
    # a title in quotation marks inside the subject ('the death of "Top Gun" director')
    # is part of it
    return _GROUP_ABOUT.match(re.sub(r'["“”]', "", gap)) is not None


# "Investigators probing the death of director Tony Scott said", "Friends of Jo Lee say": a
# subject opening on a plural noun, with the name only after a preposition, is a group the
# article does not name; the person named is what the group is about
_GROUP_ABOUT = re.compile(
    r"[ \t]*(?:[Tt]he[ \t]+|[Ss]ome[ \t]+|[Mm]any[ \t]+)?[A-Za-z][a-z]+(?:ers|ors|ists|ians|nts"
    r"|ives|ends|ies)\b[^.;:!?\n\"“”]{0,80}?\b(?:of|about|into|for|against|with|on)\b"
)
