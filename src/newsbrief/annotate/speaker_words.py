"""The words a speaker resolution reads: generic plurals, role heads, names that are no
person's, and the test that a speaker string is junk (a pronoun, a contraction, a phrase
opening)."""

from __future__ import annotations

import re

from newsbrief.annotate import cues
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.subject_parse import NOT_SPEAKER_ENTS

GENERIC = lx.words(
    """
    source sources official officials analyst analysts expert experts people person
    report reports poll polls critic critics witness witnesses resident residents aide
    aides
    """
)


ROLE_HEADS = lx.TITLES | {"envoy", "diplomat", "whip"}
# Roles that speak for someone else: "the spokesperson", "the lawyer" is never the principal
# the article named last, so without a person holding that role the statement stays unattributed
PROXY_HEADS = lx.words(
    """
    spokesman spokeswoman spokesperson representative attorney lawyer aide adviser advisor
    counsel publicist agent
    """
)
# Singular nouns for a person who is not named ("A veterinarian at the checkpoint said"): a
# later "she said" is that person, not a name from further back
PERSON_NOUNS = lx.words(
    """
    man woman boy girl person official source witness resident aide doctor nurse teacher
    student vet veterinarian lawyer attorney worker employee driver owner manager victim
    survivor relative colleague neighbor neighbour friend member passenger bystander
    investigator detective officer trooper deputy agent guard soldier pilot mother father
    wife husband son daughter brother sister spokesman spokeswoman spokesperson analyst
    expert official paramedic firefighter farmer shopkeeper customer caller viewer fan
    """
)
FEMALE_NOUNS = lx.words("woman girl mother wife daughter sister spokeswoman")
MALE_NOUNS = lx.words("man boy father husband son brother spokesman")

NOT_ANTECEDENT_ENTS = NOT_SPEAKER_ENTS | {"EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who"})
# The last word of a name that is no person's, whatever the name tagger said: "he" and "she"
# never go back to "the Marlow Hotel", "a Silver Alert" or "Blue Kite Productions" (the kinds
# of three wrong speakers of the judged pile, each the nearest capitalised name before the pronoun);
# nor to a name glued to a platform ("President Trump Twitter jokes": the platform is no person)
# or to a society ("David Morven, of Dunmore History Society, … said": a body, whatever its type)
NOT_PERSON_HEADS = lx.ORG_NOUNS | lx.words(
    """
    hotel alert alerts productions pictures studios studio records news times post press
    journal herald gazette tribune today radio tv television magazine reporter bridge street
    avenue road center centre club inc corp corporation llc ltd airport station park house
    church museum institute foundation association festival award awards prize league
    twitter facebook instagram youtube tiktok snapchat society
    """
)
# Places and alerts, whatever kind the tagger gave them: they never lead a sentence's speakers
FACILITY_HEADS = lx.words(
    """
    hotel alert alerts bridge street avenue road airport station park church museum beach
    """
)
LEADS = frozenset({"the"}) | lx.TITLES
TAIL_OF = frozenset(
    {"for", "of", "to", "with", "by", "at", "from", "in", "on", "and", "about", "against"}
)
# A capitalised subject opening on a preposition is the start of a phrase the patterns took
# for a name ("Behind Gorsuch", "Despite Trump"), not a speaker
_NOT_NAME_LEAD = cues.BAD_START | lx.words(
    """
    behind despite amid among beside besides beyond under over near inside outside without
    within against across along around through toward towards like unlike upon via
    """
)


# Page furniture the name tagger takes for a name ("Hide Caption", "Photos", "Replay"): words
# of a page's buttons, captions and players, never a person's name
FURNITURE_NOUNS = lx.words(
    """
    caption captions photo photos video videos image images gallery slideshow replay playlist
    advertisement newsletter button menu
    """
)
FURNITURE_VERBS = lx.words(
    "hide show click tap share tweet email print subscribe expand collapse replay watch view"
)


def is_furniture(name: str) -> bool:
    """Whether a capitalised run is a page label ("Hide Caption", "Click Photos")."""
    low = [w.lower().strip(".,:;'’") for w in name.split()]
    if not low:
        return False
    return any(w in FURNITURE_NOUNS for w in low) or (len(low) > 1 and low[0] in FURNITURE_VERBS)


def is_heading_phrase(name: str) -> bool:
    """A gerund heading taken for a name ("Honoring Biden", "Trolling Fans"): a section
    label or a clause opening, no speaker."""
    words = name.split()
    first = words[0].lower() if words else ""
    return len(words) > 1 and len(first) > 5 and first.endswith("ing") and first not in _ING_NAMES


# given names and surnames that end like a gerund
_ING_NAMES = lx.words("sterling fleming manning browning harding channing bing ming king")


_PARTY_TAG = re.compile(r"^\s*\(?[DRI]-[A-Z][\w.]*\)?\s*$")


def is_junk_speaker(name: str) -> bool:
    """A speaker string that is a pronoun, a contraction or a lone non-name word."""
    words = name.replace("’", "'").split()
    if not words:
        return True
    # "And--": a transcript's stammer, its dashes stripped, is no name
    low = [w.lower().strip(".,'-—–") for w in words]
    if len(words) == 1 and (low[0] in PRONOUNS or "'" in words[0]):
        return True
    if name.strip().lower() in lx.places() or " ".join(low) in lx.places():
        return True  # "U.S.", "Houston", "Asia": a place never speaks, whatever was tagged
    if _PARTY_TAG.match(name) or name.lstrip()[:1] in "([":
        return True  # "(D-CA)", "R-Texas": the party and state after a name, not the name
    if low[0] in _NOT_NAME_LEAD and (len(words) > 1 or low[0] not in _ING_NAMES):
        # "Behind Gorsuch", "Despite Trump": a phrase opening, no name; alone ("Among") a
        # preposition the patterns took for a subject
        return True
    if is_furniture(name) or is_heading_phrase(name):
        return True
    if len(words) >= 3 and name.upper() == name:
        return True  # "OBAMA GOES OUTSIDE": a newsletter's section heading, no speaker
    return all(w in lx.NOT_NAME for w in low)
