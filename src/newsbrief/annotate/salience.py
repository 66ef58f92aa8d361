"""Which names of an article a later "he", "she", "it" or "the minister" may refer back to:
the subjects of its sentences (the first name of a sentence, a name before a speech or a
finite verb, a name in apposition before one), and role nouns that stand as a subject ("the
president closed …"). The resolver (``speakers``) keeps the list and resolves against it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newsbrief.annotate import cues
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.speaker_words import (
    FACILITY_HEADS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    NOT_PERSON_HEADS,
    PERSON_NOUNS,
)
from newsbrief.records import Mention, Sentence

_APPOSITION_THEN = re.compile(r",[^,.;:!?\n\"“”]{1,60},[ \t]+")
# "speaks", "was", "arrived": a finite verb right after a name's apposition
_FINITE = re.compile(r"(?:[a-z]{2,}(?:ed|s)|was|is|has|had)\b")
# "Next door to the Caphe Da Lat": a name after a preposition and "the" is a place or a
# thing, no one a later "he" refers to
_AFTER_PREP = re.compile(
    r"\b(?:to|at|in|into|from|with|for|of|by|near|on|outside|inside)[ \t]+the[ \t]+$"
)
# "This shot, released by Allen's company, shows …": a possessor after a preposition in lower
# case only qualifies its object, no subject ("according to X" aside: X is the source); a
# person who is the object himself ("walked over to Carla Benning") may still be "she"
_PERSON_AFTER_PREP = re.compile(
    r"(?<!according)[ \t]+(?:to|at|into|from|with|of|by|about|against|near)[ \t]+$"
)
# role nouns that name one person ("the president", "the judge"), not an adjective of a
# longer title ("the foreign", "the chief", "the general")
_SUBJECT_ROLES = lx.words(
    """
    president president-elect minister governor mayor senator ambassador secretary chairman
    chairwoman chancellor premier judge prosecutor congressman congresswoman commander
    director envoy diplomat leader candidate nominee pope professor coach
    """
)
_ROLE_SUBJECT = re.compile(
    r"(?:^|\n|[.;]\s+|,\s+|\b(?:and|but)\s+)(?P<role>[Tt]he\s+(?:[a-z]+\s+)?(?P<head>"
    + "|".join(sorted(_SUBJECT_ROLES, key=len, reverse=True))
    + r"))\s+(?:has|had|was|is|will|would|also|then|[a-z]{2,}(?:ed|s))\b"
)
# "One male senator, after …, came up behind her", "a man walked in": a person the article
# does not name, standing as a subject; a later "he" is that person, not an older name
_INDEFINITE_SUBJECT = re.compile(
    r"(?:^|\n|[.;]\s+|,\s+|\b(?:and|but|that)\s+)(?P<role>(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+"
    r"(?:(?P<adj>[a-z]+)\s+)?(?P<head>"
    + "|".join(sorted(_SUBJECT_ROLES | PERSON_NOUNS, key=len, reverse=True))
    + r"))(?:,|\s+(?:has|had|was|is|will|would|also|then|[a-z]{2,}(?:ed|s))\b)",
    re.I,
)
# "the speech by Omar Basri's son": a relative the article does not name (no name follows);
# a later "he" is that son, not the father named before him. Never "his son" (the one "he"
# is already about) nor an apposition ("Campbell, Erin Stoffel's brother, said")
_KIN_MALE = lx.words("son father husband brother dad nephew uncle grandson boyfriend stepson")
_KIN_FEMALE = lx.words(
    "daughter wife mother sister mom niece aunt granddaughter girlfriend widow stepdaughter"
)
_POSSESSED_PERSON = re.compile(
    r"(?P<owner>[A-Z][\w.-]*)[ \t]?['’‘]s?[ \t]+(?P<role>(?P<head>"
    + "|".join(sorted(_KIN_MALE | _KIN_FEMALE, key=len, reverse=True))
    + r"))\b(?![ \t]*,?[ \t]*(?:[A-Z]|\d))"
)
# "His wife became furious", "and her son said": a relative named by a possessive pronoun,
# standing as a subject with no name after it; a later "she" is that relative, not an older
# name of the same gender
_PRONOUN_KIN_SUBJECT = re.compile(
    r"(?:^|\n|[.;:]\s+|\b(?:and|but)\s+)(?P<role>(?:[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?P<head>"
    + "|".join(sorted(_KIN_MALE | _KIN_FEMALE, key=len, reverse=True))
    + r"))(?![ \t]*,?[ \t]*(?:[A-Z]|\d))[ \t]+(?:[a-z]+[ \t]+)?[a-z]{2,}(?:ed|s)?\b"
)
# a name and a comma right before: the relative is that name's apposition
_APPOSED = re.compile(r"[A-Z][\w'’.-]*,[ \t]+(?:[A-Z][\w'’.-]*[ \t]+)*$")
# "…, NBC News reported", "Reuters first reported": the outlet credited with a report
REPORTED = re.compile(r"[ \t]+(?:first[ \t]+|has[ \t]+|had[ \t]+)?report(?:ed|s)\b")
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


# "Al-Thani told Al Jazeera. He said …": the one told (a reporter, an outlet) listens; it is
# no subject of its sentence, and a later "he" goes on with the one who spoke
ADDRESSEE_BEFORE = re.compile(
    r"\b(?:told|telling|tells|spoke[ \t]+to|speaking[ \t]+to|talking[ \t]+to|talked[ \t]+to"
    r"|interview[ \t]+with)[ \t]+(?:(?:Al|El|Le|La|De)[ \t]+)?$"
)


def salient_mentions(
    text: str,
    mentions: list[Mention],
    starts: list[int],
    sentence_at: Callable[[int], Sentence | None],
    inside_quote: Callable[[int], bool],
) -> list[tuple[int, str, str]]:
    """(position, entity, kind) of the mentions that are a sentence's subject, sorted."""
    salient: list[tuple[int, str, str]] = []
    first_in_sentence: set[int] = set()
    for i, m in enumerate(mentions):
        last = m.text.lower().split()[-1]
        if last in FACILITY_HEADS or (m.kind == "person" and last in NOT_PERSON_HEADS):
            continue  # "outside the Marlow Hotel, Vale …": Vale leads the sentence
        if text[m.end : m.end + 2] in ("'s", "’s") and _person_after(mentions, i):
            # "after Leeuwenhoek’s discovery by Sir William Petty": a possessor before
            # another person is not the one the sentence is about; the last one is
            # ("its lawyer Jo Vance’s central claim")
            continue
        if ADDRESSEE_BEFORE.search(text, max(0, m.start - 24), m.start):
            continue
        if m.kind == "person" and _speaks_through(text, m.end):
            continue  # "Ostrander's office quotes the letter": the office speaks, not Ostrander
        if m.sentence not in first_in_sentence and not _in_fronted_phrase(
            text, m, mentions[i + 1] if i + 1 < len(mentions) else None, sentence_at
        ):
            first_in_sentence.add(m.sentence)
            if (
                m.entity
                and not _after_pronoun_subject(text, m, sentence_at, inside_quote)
                and not (
                    m.kind == "person"
                    and (
                        _AFTER_PREP.search(text, max(0, m.start - 16), m.start)
                        or (
                            _PERSON_AFTER_PREP.search(text, max(0, m.start - 20), m.start)
                            and text[m.end : m.end + 2] in ("'s", "’s")
                        )
                    )
                )
            ):
                salient.append((m.start, m.entity, m.kind))
                continue
        if m.kind == "org" and REPORTED.match(text, m.end):
            continue  # ", NBC News reported. It also urged …": the outlet is no later "it"
        if m.entity and (
            cues.VERB_RE.match(text, m.end + 1)
            or _verb_after_apposition(text, m.end)
            or _apposed_name_then_verb(text, m)
            or (m.kind == "person" and _FINITE.match(text, m.end + 1))
        ):
            salient.append((m.start, m.entity, m.kind))
    salient.sort()
    return salient


# "Through Dr. Kolb, Anne Lutz met …", "With Reyes gone, Vale took …": a sentence opening on
# a preposition; the names before its first comma are the phrase's, the subject follows
_FRONTED = re.compile(
    r"(?:^|(?<=[.!?][\"”’]))[\"“‘'(\s]*(?:through|with|after|before|since|for|like|unlike|despite|under|from"
    r"|besides|against|without|beside|behind|alongside)\s+[^,;:!?\n\"“”]*$",
    re.I,
)


def _in_fronted_phrase(
    text: str, m: Mention, nxt: Mention | None, sentence_at: Callable[[int], Sentence | None]
) -> bool:
    """Whether ``m`` lies in a phrase that opens its sentence on a preposition and ends on a
    comma right before the next name ``nxt``, the sentence's subject ("Through Dr. Kolb,
    Anne Lutz met"); never when no name follows the comma ("For Robert Plant, it has been
    …": the sentence is still about him)."""
    sent = sentence_at(m.start)
    # the phrase opens the sentence, or what follows a quotation the splitter left in it
    # ('…went away."Through Dr. Kolb, Anne Lutz met')
    if sent is None or nxt is None or not _FRONTED.search(text[sent.start : m.start]):
        return False
    comma = text.find(",", m.end, min(sent.end, m.end + 80))
    if comma < 0 or any(c in text[m.end : comma] for c in ";:!?\n"):
        return False
    between = text[comma + 1 : nxt.start]
    return nxt.start < sent.end and not any(w[:1].islower() for w in between.split())


def role_subjects(text: str, inside_quote: Callable[[int], bool]) -> Iterator[tuple[int, str]]:
    """(position, role noun) of each "the <role>" standing as a subject outside quotes."""
    for rm in _ROLE_SUBJECT.finditer(text):
        pos = rm.start("role")
        if not inside_quote(pos):
            yield pos, rm.group("head").lower()


def unnamed_subjects(
    text: str, inside_quote: Callable[[int], bool]
) -> Iterator[tuple[int, str | None]]:
    """(position, gender or None) of each unnamed person standing as a subject ("one male
    senator, …", "a woman walked in") outside quotes."""
    for rm in _INDEFINITE_SUBJECT.finditer(text):
        pos = rm.start("role")
        # "police said a man was arrested": what a speaker said names no new antecedent
        lead = max(text.rfind("\n", 0, pos) + 1, text.rfind(". ", 0, pos) + 1, pos - 150)
        # "she reveals that one male senator … came up": "one" or "another" brings in a
        # particular person, whom a later "he" may be, even inside what was said
        particular = rm.group("role").split()[0].lower() in ("one", "another")
        if inside_quote(pos) or (not particular and cues.VERB_RE.search(text, lead, pos)):
            continue
        adj, head = (rm.group("adj") or "").lower(), rm.group("head").lower()
        if adj == "male" or head in MALE_NOUNS:
            yield pos, "m"
        elif adj == "female" or head in FEMALE_NOUNS:
            yield pos, "f"
        else:
            yield pos, None
    for rm in _POSSESSED_PERSON.finditer(text):
        pos = rm.start("role")
        lead = max(text.rfind("\n", 0, pos) + 1, text.rfind(". ", 0, pos) + 1, pos - 150)
        if inside_quote(pos) or cues.VERB_RE.search(text, lead, pos):
            continue
        if _APPOSED.search(text, max(0, rm.start() - 40), rm.start()):
            continue
        yield pos, "m" if rm.group("head").lower() in _KIN_MALE else "f"
    for rm in _PRONOUN_KIN_SUBJECT.finditer(text):
        pos = rm.start("role")
        if not inside_quote(pos):
            yield pos, "m" if rm.group("head").lower() in _KIN_MALE else "f"


# "Ukrainian banks were closed Thursday. They said …": a plural common noun standing as a
# sentence's subject; a later "they" is that group, not an organisation named before it
_PLURAL_SUBJECT = re.compile(
    r"(?:^|\n|[.!?][ \t]+)(?P<np>(?:[Tt]he[ \t]+|[Mm]any[ \t]+|[Ss]ome[ \t]+)?"
    r"(?:[A-Za-z][a-z]+[ \t]+)?[A-Za-z][a-z]{2,}[^sui'’\W]s)[ \t]+"
    r"(?:were|are|have|had|say|said|will|would|could|remain|remained)\b"
)


def plural_subjects(text: str, inside_quote: Callable[[int], bool]) -> list[int]:
    """Positions of the plural common nouns that open a sentence as its subject, outside
    quotation marks ("Ukrainian banks were closed")."""
    return [
        pm.start("np") for pm in _PLURAL_SUBJECT.finditer(text) if not inside_quote(pm.start("np"))
    ]


def _after_pronoun_subject(
    text: str,
    m: Mention,
    sentence_at: Callable[[int], Sentence | None],
    inside_quote: Callable[[int], bool],
) -> bool:
    """ "That night, he met a girl named Linh": after a pronoun subject the sentence's first
    name is an object, no antecedent for the next "he"."""
    sent = sentence_at(m.start)
    if sent is None:
        return False
    lead = text[sent.start : m.start]
    # a quotation's end the splitter left inside the sentence ('…went away."Through …') ends
    # the clause of the pronoun before it
    ends = [e.end() for e in _QUOTE_THEN_SENTENCE.finditer(lead)]
    cut = ends[-1] if ends else 0
    return any(
        not inside_quote(sent.start + p.start())
        for p in _SUBJECT_PRONOUN.finditer(lead)
        if p.start() >= cut
    )


_QUOTE_THEN_SENTENCE = re.compile(r"[.!?][\"”’](?=[A-Z])")


def _person_after(mentions: list[Mention], i: int) -> bool:
    """Whether another person is named after ``mentions[i]`` in its sentence."""
    m = mentions[i]
    return any(
        n.kind == "person" and n.sentence == m.sentence and n.entity != m.entity
        for n in mentions[i + 1 : i + 7]
    )


def _verb_after_apposition(text: str, end: int) -> bool:
    """ "Chairman Hal Rogers, a Kentucky Republican, said", "X, front, speaks": a name in
    apposition before a speech or a finite verb is the subject, wherever it sits."""
    app = _APPOSITION_THEN.match(text, end)
    if app is None:
        return False
    return bool(cues.VERB_RE.match(text, app.end()) or _FINITE.match(text, app.end()))


# "Ostrander's office": an office a possessor speaks through (not "X's lawyer": the client stays
# the topic, "Vale's lawyer released a statement. … when he is accused" is Vale)
_THROUGH = re.compile(r"['’]s?[ \t]+office\b(?![ \t]*,?[ \t]*[A-Z])")
THROUGH_RULE = {"on": True}  # benchmarks compare the pile with and without it


def _speaks_through(text: str, end: int) -> bool:
    """Whether the person's name ending at ``end`` is the possessor of an office with no name
    of its own after it: the sentence is about what the office said, and a later "he" ("…,"
    he adds, in the letter the office quotes) is not the possessor."""
    return THROUGH_RULE["on"] and _THROUGH.match(text, end) is not None


APPOSED_RULE = {"on": True}  # benchmarks compare the pile with and without it


def _apposed_name_then_verb(text: str, m: Mention) -> bool:
    """ "which the building's manager, Ann Roe, said she made": a person's name in
    apposition, both its commas round it, before a speech verb is that verb's subject."""
    return (
        APPOSED_RULE["on"]
        and m.kind == "person"
        and text[max(0, m.start - 2) : m.start] == ", "
        and text[m.end : m.end + 2] == ", "
        and cues.VERB_RE.match(text, m.end + 2) is not None
    )


# plural nouns for people whom "they" may be rather than an organisation named before them
_PEOPLE_PLURAL = re.compile(
    r"\b(?:critics|researchers|scientists|experts|analysts|officials|lawmakers|residents"
    r"|witnesses|aides|protesters|protestors|voters|investigators|doctors|economists"
    r"|activists|scholars|historians|authors|students|parents|players|fans|supporters"
    r"|opponents|advocates|workers|employees|families)\b"
)
# "Molto and Sheldrick believe": two capitalised names joined by "and", then a word in lower
# case (the verb they share)
_NAMED_PAIR = re.compile(r"(?<![\w.’'-])[A-Z][a-z]+[ \t]+and[ \t]+[A-Z][a-z]+[ \t]+[a-z]{2,}\b")


def people_since(
    text: str, lo: int, hi: int, mentions: list[Mention], inside_quote: Callable[[int], bool]
) -> bool:
    """Whether people other than an organisation stand between ``lo`` and ``hi`` outside
    quotation marks: a plural noun for people ("critics on the right") or two named people
    joined by "and" ("Molto and Sheldrick believe"). A later "they" is more likely them than
    the organisation named before."""
    for pm in _PEOPLE_PLURAL.finditer(text, lo, hi):
        if not inside_quote(pm.start()):
            return True
    orgs = [m for m in mentions if lo <= m.end and m.start < hi and m.kind == "org"]
    for pm in _NAMED_PAIR.finditer(text, lo, hi):
        if inside_quote(pm.start()) or any(o.start < pm.end() and pm.start() < o.end for o in orgs):
            continue  # "Fire and Rescue said": one organisation's name
        return True
    return False
