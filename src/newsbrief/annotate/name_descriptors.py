"""Person names with a descriptor before them ("Apple CEO Tim Cook", "Guitarist Jimmy
Page", "City Councilman Bernard C. Parks"): where the descriptor ends and the name begins,
and the words a name run took that are no part of the name ("Takei April-fooling")."""

from __future__ import annotations

import re

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.entity_runs import (
    _PARTICLES,
    _ROLE_JOINERS,
    JOB_TITLES,
    MONTH_NAMES,
    MOVEMENT_MEMBERS,
    PARTY_MEMBERS,
    Tok,
)
from newsbrief.annotate.first_names import gender_of


def _place_len(run: list[Tok], i: int) -> int:
    """Length of the longest gazetteer place starting at run[i] (0 if none)."""
    places = lx.places()
    for n in (3, 2, 1):
        if i + n <= len(run) and " ".join(t.low for t in run[i : i + n]) in places:
            return n
    return 0


# A compound that describes the person, never part of a name: "Oscar-winner", "Grammy-
# nominated", "Texas-based" (a hyphenated name keeps its capitals: "Jean-Paul", "Smith-Jones")
_DESCRIPTOR_COMPOUND = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


_PARTY_PLURALS = lx.words("republicans democrats conservatives liberals tories socialists")


def _prefix_then_name(run: list[Tok]) -> tuple[list[Tok], list[Tok]] | None:
    """ "State Police Sergeant Kim Riley", "Apple CEO Tim Cook", "Arizona Republicans McCain":
    an organisation, place or group, then a title or a plural demonym, then a name of one to
    three words. (role prefix, name), else None: the name is the person, the rest their role,
    never a person or an organisation called "State Police Sergeant Kim Riley"."""
    demonyms = lx.demonyms()
    for t in range(len(run) - 2, -1, -1):
        low = run[t].low
        if t == 0 and low not in JOB_TITLES | PARTY_MEMBERS | MOVEMENT_MEMBERS:
            break  # a title opening the run is ``_split_role``'s
        if (
            low not in lx.TITLES
            and low not in JOB_TITLES
            and low not in PARTY_MEMBERS
            and low not in MOVEMENT_MEMBERS
            and low not in _PARTY_PLURALS
            and not (low.endswith("s") and low[:-1] in demonyms)
        ):
            continue
        tail = run[t + 1 :]
        if not 1 <= len(tail) <= 3 or not tail[0].text[:1].isupper():
            return None
        if low in MOVEMENT_MEMBERS and len(tail) < 2:
            return None  # "Socialist Worker": a paper's name, no member and a surname
        if any(
            x.low in lx.TITLES
            or x.low in lx.ORG_KEYWORDS
            or (
                x.low in lx.NOT_NAME
                and not (x is tail[0] and len(tail) > 1 and x.low in MONTH_NAMES)
            )
            or x.low in demonyms
            or x.low in _PARTICLES
            or x.low in _ROLE_JOINERS
            for x in tail
        ):
            return None
        if _place_len(tail, 0) or tail[-1].low in lx.PLACE_KEYWORDS:
            return None
        return run[: t + 1], tail
    return None


_JOB_ENDING = re.compile(r"(?:ist|er|or|ian|ant|ent)$")


def _descriptor_then_given_name(
    run: list[Tok], vocab: set[str]
) -> tuple[list[Tok], list[Tok]] | None:
    """ "Guitarist David Hale", "League Commissioner Jeff Marsh": one to three capitalised words
    that hold no given name, then a given name and one or two more words. (descriptor, name),
    else None: the words before a given name describe the person when none of them is a given
    name itself ("Morgan Stanley", a firm, holds two) and the name is whole ("Saint Louis" is
    a place: a given name alone after the words is no person's name). The word before the
    given name must read as a common noun: the text writes it in lower case, or it ends as a
    job does ("-ist", "-er", "-or", "-ian", "-ant", "-ent"); else it is more likely a given
    name the list lacks ("Edgar Ivan Morales")."""
    for t in range(1, min(4, len(run))):
        if gender_of(run[t].text) is None:
            continue
        tail = run[t:]
        if not 2 <= len(tail) <= 3 or any(gender_of(x.text) is not None for x in run[:t]):
            return None
        if run[t - 1].low not in vocab and not _JOB_ENDING.search(run[t - 1].low):
            return None
        # the descriptor may name a body ("League Commissioner"); the name may not
        if any(x.low in lx.ORG_KEYWORDS for x in tail) or any(
            x.low in _PARTICLES or x.low in _ROLE_JOINERS for x in run
        ):
            return None
        return run[:t], tail
    return None


# "Guitarist", "Councilman", "Assemblywoman": a job noun by its shape, whatever list the given
# name after it is in; "-man" only after a stem of five letters or more, so that given names
# and surnames ("Norman", "Herman", "Coleman") stay names
_JOB_NOUN_SHAPE = re.compile(r"^(?:[a-z]{3,}ist|[a-z]{5,}(?:man|woman))$")


def _job_noun_then_name(run: list[Tok], vocab: set[str]) -> tuple[list[Tok], list[Tok]] | None:
    """ "Guitarist Jimmy Page", "City Councilman Bernard C. Parks": one to three capitalised
    words ending on a job noun, then a name of two or three words. (descriptor, name), else
    None. The job noun is told by its shape (``_JOB_NOUN_SHAPE``, or a job-title noun), or by
    a job's ending when the text also writes it in lower case ("drummer"); the name must open
    on a word that is no initial and that the text never writes in lower case."""
    for t in range(1, min(4, len(run) - 1)):
        low = run[t - 1].low
        job = (
            low in JOB_TITLES
            or (_JOB_NOUN_SHAPE.match(low) is not None and low != "christ")
            or (low in vocab and _JOB_ENDING.search(low) is not None)
        )
        if not job:
            continue
        head, tail = run[:t], run[t:]
        if not 2 <= len(tail) <= 3 or len(tail[0].text) < 2 or tail[0].low in vocab:
            return None
        if any(gender_of(x.text) is not None for x in head):
            return None  # "Hunter Biden Smith": a given name is no job noun's premodifier
        if any(
            x.low in lx.NOT_NAME
            or x.low in lx.ORG_KEYWORDS
            or x.low in lx.TITLES
            or x.low in _PARTICLES
            or x.low in _ROLE_JOINERS
            for x in tail
        ) or any(x.low in _ROLE_JOINERS or x.low in _PARTICLES for x in head):
            return None
        if _place_len(tail, 0) or tail[-1].low in lx.PLACE_KEYWORDS:
            return None
        return head, tail
    return None


def _without_trailing_word(name: list[Tok], vocab: set[str]) -> list[Tok]:
    """A name of three or more words after a title without its last word when the text
    writes that word in lower case too ("How Far Will Texas Senator Wendy Davis Run", a
    title-case headline) or it is a compound in lower case ("Takei April-fooling")."""
    while len(name) > 2 and (
        (name[-1].low in vocab and len(name[-2].text) > 1)
        or _DESCRIPTOR_COMPOUND.match(name[-1].text) is not None
    ):
        name = name[:-1]
    return name


# Words that describe a person before the name and are never a given name: a class year, a
# tenure, a standing ("Senior Mara Quill, 21, said", "Veteran Ohio political analyst
# Al Brenner says", "Outgoing Calder College president …"). Capitalised only because they open
# the sentence, they glue onto the name run and make "Senior Mara Quill" a person.
_LEAD_DESCRIPTORS = lx.words(
    """
    veteran outgoing incoming former longtime long-time retired acting interim legendary
    renowned famed celebrated embattled disgraced beleaguered
    """
)
# class years: "Junior" is also a given name ("Junior Seau"), so these go only before a name
# of two words or more
_CLASS_YEARS = lx.words("freshman sophomore junior senior")
# an age written as one word before the name: "Fifteen-year-old Tomas Arlen says"
_AGE_WORD = re.compile(r"^(?:\d+|[A-Za-z]+(?:-[a-z]+)?)-(?:year|month|week)-old$")


def lead_descriptor(run: list[Tok]) -> bool:
    """Whether the run opens on a descriptor of a person that is no part of the name after it
    (``_LEAD_DESCRIPTORS``; a class year only before two more words)."""
    if len(run) < 2:
        return False
    low = run[0].low
    return (
        low in _LEAD_DESCRIPTORS
        or (low in _CLASS_YEARS and len(run) >= 3)
        or _AGE_WORD.match(run[0].text) is not None
    )


# "analyst Al Brenner", "NBC's Al Brenner": a role in lower case, or a network's possessive,
# right before "Al" and a surname
_ROLE_WORD_BEFORE = re.compile(r"\b(?P<word>[a-z][a-z-]+)[ \t]+$")
_ACRONYM_OWNER_BEFORE = re.compile(r"\b[A-Z]{2,}['’]s[ \t]+$")


def given_name_al(text: str, run: list[Tok]) -> bool:
    """Whether the two-word run "Al X" is a person's name, the English given name, and not
    the Arabic article that opens "Al Jazeera" (whose "Al" a name run drops as a particle).
    Only when the text puts a person's role or a network's possessive right before it: the
    words alone do not tell "Al Gore" from "Al Qaeda"."""
    if len(run) != 2 or run[0].text != "Al" or "-" in run[1].text:
        return False
    before = text[max(0, run[0].start - 30) : run[0].start]
    role = _ROLE_WORD_BEFORE.search(before)
    if role is not None and role.group("word") in lx.TITLES | JOB_TITLES:
        return True
    return _ACRONYM_OWNER_BEFORE.search(before) is not None
