"""What kind of speaker a subject is when the article's name tagger did not say: an unnamed
person ("a veterinarian at the checkpoint"), or a person or an organisation for a name no
mention holds ("said Hassan, also a doctor")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from newsbrief import parse as nlp_parse
from newsbrief.annotate import cues
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.first_names import gender_of
from newsbrief.annotate.speaker_words import (
    FEMALE_NOUNS,
    GENERIC,
    LEADS,
    MALE_NOUNS,
    NOT_PERSON_HEADS,
    PERSON_NOUNS,
    PRONOUNS,
    PROXY_HEADS,
    ROLE_HEADS,
    TAIL_OF,
)
from newsbrief.records import Mention, Sentence

_CHAMBERS = frozenset(["senate", "house", "congress", "parliament", "assembly", "legislature"])
_OPENS_ON_PRONOUN = re.compile(r"\W*(?:(?:and|but|yet|so)\s+)?(?:he|she)\b", re.I)
# ", also a doctor at the main hospital": the apposition after a name, up to its first comma
_APPOSITION = re.compile(r",\s+(?:also\s+)?(?:a|an|the)\s+([^,.;]{2,60})")


def unnamed_speaker(subj: str, indefinite: bool = False) -> tuple[bool, str | None]:
    """Whether ``subj`` is a singular noun for a person after an article or "one" ("a
    veterinarian at the checkpoint", "the woman", "one witness"), and its gender ("f", "m" or
    None). ``indefinite``: only "a", "an", "one", "another" (never resolved to a name, so
    known before any resolution)."""
    words = [w.strip(",.").lower() for w in subj.split()]
    leads = ("a", "an", "one", "another") if indefinite else ("a", "an", "the", "one", "another")
    if len(words) < 2 or words[0] not in leads:
        return False, None
    head = words[1]
    for w in words[1:]:
        if w in TAIL_OF or w in ("who", "which", "that"):
            break
        head = w
    if head not in PERSON_NOUNS and not head.endswith(("ian", "ist")):
        return False, None
    return True, "f" if head in FEMALE_NOUNS else "m" if head in MALE_NOUNS else None


def name_kind(text: str, entity: str, pos: int, sent: Sentence | None, parse_on: bool) -> str:
    """ "person" or "org" for a speaker name at ``pos`` that no mention holds: a person when
    its given name is known, an apposition after it names a person's noun ("said Najla, a
    lawyer"), or the parse of its sentence calls it one; else an organisation, as before."""
    words = entity.split()
    if not words or not words[0][:1].isupper() or len(words) > 3 or entity.isupper():
        return "org"
    if any(w.lower() in NOT_PERSON_HEADS or w.lower() in lx.ORG_KEYWORDS for w in words):
        return "org"
    if gender_of(entity) is not None:
        return "person"
    app = _APPOSITION.match(text, pos + len(entity)) if pos >= 0 else None
    if app is not None and any(
        w in PERSON_NOUNS or w in ROLE_HEADS or w.endswith(("ist", "ian", "er", "or"))
        for w in app.group(1).lower().split()
    ):
        return "person"
    if not parse_on or sent is None:
        return "org"
    try:
        doc = nlp_parse.parse_one(sent.text)
    except Exception:  # no parser: keep the old call
        return "org"
    tok = next((t for t in doc if sent.start + t.idx >= pos), None)
    return "person" if tok is not None and tok.ent_type_ == "PERSON" else "org"


def about_other_person(
    text: str, start: int, end: int, mentions: list[Mention], entity: str | None
) -> bool:
    """Whether the narration ``text[start:end]`` (with its ``mentions``) is about a person
    other than ``entity``: it names someone else, and neither names ``entity`` nor opens on
    "he" or "she"."""
    if _OPENS_ON_PRONOUN.match(text, start, end):
        return False
    other = False
    for m in mentions:
        if m.kind != "person":
            continue
        if m.entity == entity:
            return False
        other = True
    return other


# the nouns for a person who holds a post in an organisation without speaking for it: "the
# Spirit owner", "the Senate Democratic leader", "the Apple founder"
_MEMBER_HEADS = (ROLE_HEADS | PERSON_NOUNS | frozenset(["coach", "player", "ceo"])) - (
    PROXY_HEADS | GENERIC | frozenset(["secretary", "agent", "officer", "source", "rep"])
)


def role_after_chamber(text: str, m: Mention | None, end: int) -> str | None:
    """The role noun ending a subject whose only name is an organisation before it, in
    lower case ("the Senate majority whip", "the Spirit owner", "the Senate Democratic
    leader"), else None. A chamber's members and an organisation's owner, coach or leader
    speak for themselves: the speaker is the person holding that role, or no one the
    article names; while a spokesman or secretary of a ministry or company speaks for it
    ("the State Department spokesman said" stays the State Department's)."""
    if m is None or m.kind != "org" or m.end >= end or not m.entity:
        return None
    name = m.entity.lower()
    if name.endswith("white house"):
        return None  # the White House is an office that speaks, not a chamber
    tail = re.sub(r"^['’]s?(?=\s)", "", text[m.end : end]).split()
    head = tail[-1].strip(".,'’").lower() if tail else ""
    if not tail or not all(w[:1].islower() for w in tail):
        return None
    if name.split()[-1] in _CHAMBERS:
        return head if head in ROLE_HEADS else None
    return head if head in _MEMBER_HEADS and "press" not in tail else None


# the pronouns that refer back to a sentence's named subject: "Ida Mitchell taps her
# slippers", "Dana said he would"; "him" and an object "her" ("bought her a cup") are others
_MALE_PRON = re.compile(r"\b(?:he|his|himself)\b", re.I)
_FEMALE_PRON = re.compile(
    r"\b(?:she|herself|hers|her(?=[ \t]+(?!a\b|an\b|the\b|to\b|that\b)[a-z]))\b", re.I
)
_CAP = re.compile(r"\b[A-Z][a-z]")


def pronoun_genders(
    text: str, mentions: list[Mention], quoted: Callable[[int], bool]
) -> dict[str, str]:
    """The gender the article's own pronouns give each person whose given name is in no
    list ("Ida Mitchell taps her slippers"): the pronouns after a name in its sentence, up to
    the next capitalised word, outside quotation marks; a name both ways gets none."""
    counts: dict[str, list[int]] = {}
    people = [m for m in mentions if m.kind == "person" and m.entity]
    for i, m in enumerate(people):
        if quoted(m.start) or gender_of(m.entity or "") is not None:
            continue
        stop = people[i + 1].start if i + 1 < len(people) else len(text)
        end = min(stop, text.find("\n", m.end) % (len(text) + 1), m.end + 100)
        window = text[m.end : end]
        dot = re.search(r"[.!?](?:\s|$)", window)
        window = window[: dot.start()] if dot else window
        cap = _CAP.search(window)
        window = window[: cap.start()] if cap else window
        # '"Like her dad," Podwill wrote, "she has …"': a pronoun inside the words quoted is
        # the speaker's about someone else, never the speaker's own gender
        mark = re.search(r"[\"“”]", window)
        window = window[: mark.start()] if mark else window
        c = counts.setdefault(m.entity or "", [0, 0])
        c[0] += len(_MALE_PRON.findall(window))
        c[1] += len(_FEMALE_PRON.findall(window))
    out = {}
    for name, (male, female) in counts.items():
        if male and not female:
            out[name] = "m"
        elif female and not male:
            out[name] = "f"
    return out


# a noun of one gender right before a name: "her boyfriend Darby Johns", "his wife, Jo Lee",
# "actress Dana Hale"
_GENDERED_BEFORE = re.compile(r"\b(?P<noun>[a-z]+),?[ \t]+$")
_MALE_BEFORE = lx.words(
    "boyfriend husband son father brother nephew uncle grandson stepson widower actor"
    " stepfather grandfather"
)
_FEMALE_BEFORE = lx.words(
    "girlfriend wife daughter mother sister niece aunt granddaughter stepdaughter widow actress"
    " stepmother grandmother"
)


def noun_genders(text: str, mentions: list[Mention]) -> dict[str, str]:
    """The gender a noun right before a person's name gives them ("her boyfriend Darby
    Johns"), for names in no list of given names; a name both ways gets none."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind != "person" or not m.entity or gender_of(m.entity) is not None:
            continue
        before = _GENDERED_BEFORE.search(text, max(0, m.start - 24), m.start)
        noun = before.group("noun") if before else ""
        if noun in _MALE_BEFORE:
            seen.setdefault(m.entity, set()).add("m")
        elif noun in _FEMALE_BEFORE:
            seen.setdefault(m.entity, set()).add("f")
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


# people close to a principal, who speak for themselves about the principal: "one Pelosi
# confidante", "a Vale family friend" is no more the principal than a spokesman is
_ASSOCIATE_HEADS = lx.words(
    """
    confidant confidante confidants confidantes ally allies associate associates friend
    friends insider insiders intimate loyalist loyalists
    """
)
_PROXY_AFTER = re.compile(
    rf"(?:['’]s?)?[ \t]+(?:[a-z]+[ \t]+)?"
    rf"(?:{'|'.join(sorted(PROXY_HEADS | _ASSOCIATE_HEADS))})\b"
)
_NAME_AFTER = re.compile(r",?[ \t]+([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})")


def proxy_name(text: str, m: Mention, end: int) -> tuple[int, int, str] | tuple[()] | None:
    """For a subject whose person ``m`` is followed by a proxy's noun before ``end`` ("A
    Sandoval spokesman, Jo Reyes,", "Vale's lawyer"): the proxy's own name (start, end,
    text), or ``()`` when the proxy is unnamed; None when ``m`` is no proxy's principal."""
    proxy = _PROXY_AFTER.match(text, m.end, end)
    if proxy is None:
        return None
    named = _NAME_AFTER.match(text, proxy.end(), end)
    return (named.start(1), named.end(1), named.group(1)) if named else ()


_WHO_GAP = re.compile(r"\s*(?:,[^,.;:!?\n]{1,60})?,?\s*$")


def who_refers_to(text: str, near: Mention, who: int) -> bool:
    """Whether the name ``near`` right before "who" at ``who`` is what "who" refers to: "X,
    45, who", "X, a lawyer, who"; never a name in a title ('a “Sara Vale Goes West” producer
    who'), across a sentence end ("… the Department.\nThe last word came from a friend, who")
    or past a verb ("by X, said someone familiar with it, who")."""
    if who - near.end >= 120:
        return False
    between = text[near.end : who]
    if any(c in between for c in '"“”'):
        return False
    return bool(_WHO_GAP.match(between)) and not cues.VERB_RE.search(between)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding blanks (and a trailing comma)."""
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


def subject_is_sure(
    text: str, mentions: list[Mention], starts: list[int], subj: str, start: int, end: int
) -> bool:
    """Whether the pattern subject needs no parse: a lone pronoun (the parse would only
    repeat it), a generic plural ("officials"), or exactly one named person or organisation of the article, optionally
    after "the" or a title ("Ivanka Trump", "the Pentagon", "Sen. Jane Doe"). The parse
    is for the rest: apposition chains, possessors, places, objects, clause fragments."""
    words = subj.lower().split()
    if len(words) == 1 and words[0] in PRONOUNS:
        return True
    lo, hi = trim(text, start, end)
    i = bisect.bisect_left(starts, lo)
    if i >= len(mentions) or mentions[i].start >= hi:
        # "officials", "two sources": no speaker, whatever the parse says; but a name
        # inside ("Brennick's aide") needs the parse to tell possessor from speaker
        return 0 < len(words) <= 3 and words[-1] in GENERIC
    m = mentions[i]
    if not m.entity or m.end != hi:
        return False
    if i + 1 < len(mentions) and mentions[i + 1].start < hi:
        return False
    lead = text[lo : m.start].lower().split()
    if not all(w.strip(".,") in LEADS for w in lead):
        return False
    # "A spokesperson for Conyers told": the pattern took the tail of a longer subject
    before = text[max(0, lo - 12) : lo].split()
    return not (before and before[-1].lower() in TAIL_OF)


# lower-case words between a subject and a name, the last one a noun ("senior political
# analyst", "producer and showrunner"); a line break or punctuation ends the phrase
_DESCRIPTOR_AFTER = re.compile(
    r"(?:['’]s?)?(?:[ \t]+[a-z][\w'’-]*){0,4}?[ \t]+(?P<head>[a-z][\w'’-]*)[ \t]+"
    r"(?:(?P<title>[A-Z][a-z]{1,4}\.)[ \t]+)?(?=[A-Z])"
)
_PERSON_NOUN_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "back", "ant", "ent")
_NOT_PERSON_NOUNS = frozenset(["after", "later", "earlier", "under", "over", "for", "or", "per"])
# words that make the phrase a clause or a prepositional phrase, not a premodifier
_NOT_DESCRIPTOR = lx.words(
    """
    told to after before with without on at in by from as that when while who whom whose
    than then but if of for about against into onto upon via said says
    the a an his her their its
    """
)


def _is_person_noun(word: str) -> bool:
    if word in _NOT_PERSON_NOUNS:
        return False
    return (
        word in ROLE_HEADS
        or word in PROXY_HEADS
        or word in GENERIC
        or word in PERSON_NOUNS
        or word.endswith(_PERSON_NOUN_ENDINGS)
    )


def person_after_descriptor(
    text: str, mentions: list[Mention], starts: list[int], end: int, limit: int | None = None
) -> str | None:
    """The named person that lower-case words ending on a noun for a person premodify, right
    after ``end``: "said CNN senior political analyst David Gergen" (a subject cut before the
    descriptor), "White House spokesman Raj Shah said", "Copper Kite bassist Jack Hollin
    said", "Reyes's wife Ana said" (a name, possessive or not, that only qualifies the role)
    and "NSA commander Gen. Carl Wendt said" (a title abbreviation before the name). The
    person is the speaker; no punctuation, clause word or verb may stand in the descriptor.
    ``starts`` are the mentions' start offsets; the person must end by ``limit``."""
    m = _DESCRIPTOR_AFTER.match(text, end)
    if (
        m is None
        or not _is_person_noun(m.group("head"))
        or any(
            w in _NOT_DESCRIPTOR or cues.VERB_RE.fullmatch(w)
            for w in m.group().lower().split()
            if not w.endswith(".")
        )
    ):
        return None
    i = bisect.bisect_left(starts, m.start("title") if m.group("title") else m.end())
    while i < len(mentions) and mentions[i].start <= m.end():
        mention = mentions[i]
        if (
            mention.start in (m.end(), m.start("title"))
            and (limit is None or mention.end <= limit)
            and mention.kind == "person"
            and mention.entity
        ):
            return mention.entity
        i += 1
    return None


# "Allen's company", "the senator's campaign": an organisation its possessor owns or leads
_OWNED_ORG = re.compile(
    r"['’]s?[ \t]+(?:[a-z]+[ \t]+)?(?:"
    + "|".join(sorted(lx.ORG_NOUNS | {"club", "studio", "label", "charity", "foundation"}))
    + r")\b"
)


def owned_organisation(text: str, name_end: int, end: int) -> bool:
    """Whether the person whose name ends at ``name_end`` only owns the organisation the
    subject names ("a statement released by Vulcan, Allen's company"; "Reyes's campaign"):
    the organisation speaks, not its owner."""
    return _OWNED_ORG.match(text, name_end, end) is not None


# a unit that belongs to the organisation named before it: "the Premier League club", "the
# Vexa subsidiary"; the unit speaks, under a name the subject does not give
_MEMBER_UNITS = lx.words("club clubs team teams franchise affiliate subsidiary chapter member")


def member_unit(text: str, m: Mention | None, end: int) -> bool:
    """Whether a subject ends on a lower-case noun for a unit of the organisation ``m`` it
    names ("the National Soccer League club said"): the league is not the club."""
    if m is None or m.kind != "org" or m.end >= end:
        return False
    tail = re.sub(r"^['’]s?(?=\s)", "", text[m.end : end]).split()
    return bool(tail) and all(w[:1].islower() for w in tail) and tail[-1] in _MEMBER_UNITS
