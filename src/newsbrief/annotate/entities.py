"""Entity mentions (person / org / place) by rules and gazetteers, with in-article alias merging.

A mention candidate is a run of capitalized tokens (``entity_runs``). A run is parsed left
to right into a role prefix (demonyms, titles and their complements: "Iraqi Ambassador to
Kuwait") and a name; the rest is typed by organisation keywords and
acronyms, the place gazetteer, or by looking like a multi-word personal name. Single words are
kept only when they are a known organisation/place or an alias of a person already named.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.entity_aliases import (
    _key,
    apposition_after,
    merge_aliases,
    singles_as_people,
)
from newsbrief.annotate.entity_runs import (
    _JOINERS,
    _PARTICLES,
    _ROLE_JOINERS,
    JOB_TITLES,
    Tok,
    _person_of_org,
    _runs,
    _tokens,
    run_name,
)
from newsbrief.annotate.first_names import gender_of
from newsbrief.annotate.name_descriptors import (
    _DESCRIPTOR_COMPOUND,
    _descriptor_then_given_name,
    _job_noun_then_name,
    _place_len,
    _prefix_then_name,
    _without_trailing_word,
    given_name_al,
    lead_descriptor,
)
from newsbrief.annotate.names_possessive import possessor_offices
from newsbrief.annotate.speaker_words import NOT_PERSON_HEADS
from newsbrief.records import Article, Mention, Sentence


@dataclass(slots=True)
class Found:
    """One typed mention before alias merging, plus the role words that preceded it."""

    kind: str
    toks: list[Tok]
    sentence: int
    role: str = ""
    roles: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return run_name(self.toks)


def _complement_len(run: list[Tok], i: int) -> int:
    """Tokens after a role joiner that name the place/organisation of the role."""
    j = i
    if j < len(run) and run[j].low == "the":
        j += 1
    n = _place_len(run, j)
    if n:
        return j + n - i
    # an organisation: up to and including its last keyword ("Iraqi Center for Strategic Studies")
    last_kw = -1
    k = j
    while k < len(run) and k - j < 8:
        if run[k].low in lx.ORG_KEYWORDS:
            last_kw = k
        k += 1
    if last_kw >= 0:
        k = last_kw + 1
        while k + 1 < len(run) and run[k].low in _JOINERS and run[k + 1].text[0].isupper():
            k += 2  # "Center for Strategic Studies"
            while k < len(run) and run[k].text[0].isupper() and run[k].low not in lx.TITLES:
                if not run[k].low.endswith(("s", "ies")):
                    break
                k += 1
        return k - i
    if len(run) - j >= 3 and run[j].text[0].isupper():
        # an unknown place or body, up to the given name that opens the holder's name
        # ("Director of National Intelligence James R. Clapper"), else one word
        for k in range(j + 1, len(run) - 1):
            if gender_of(run[k].text) is not None:
                return k - i
        return j + 1 - i
    return 0


_MODIFIERS = frozenset(
    ["prime", "foreign", "interior", "defence", "defense", "finance", "vice", "deputy", "assistant"]
)


def _split_role(run: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """Split ``run`` into (role prefix, rest); the prefix is empty unless it holds a title."""
    demonyms = lx.demonyms()
    i = 0
    has_title = False
    while i < len(run):
        low = run[i].low
        if low in lx.TITLES or (has_title and low in JOB_TITLES):
            has_title = has_title or low not in _MODIFIERS
            i += 1  # "Chief Executive Mark Hollis": a job noun after a title is the title's
        elif has_title and low in _PARTICLES and i + 1 < len(run) and run[i + 1].low in lx.TITLES:
            i += 1  # "Charge de' Affairs"
        elif low in demonyms or (not has_title and _place_len(run, i) and i == 0):
            i += max(1, _place_len(run, i))
        elif has_title and low in _ROLE_JOINERS:
            n = _complement_len(run, i + 1)
            if not n:
                break
            i += 1 + n
        elif low in ("the", "his", "her") and i == 0:
            i += 1
        else:
            break
    if not has_title or any(t.low in lx.ORG_KEYWORDS for t in run[i:]):
        return [], run
    return run[:i], run[i:]


# A post's or headline's opening word before a name: "RIP Marty Balin", "WATCH Jo Lee"
_FURNITURE = frozenset(["rip", "breaking", "watch", "exclusive", "update", "video", "photos"])
# A page's link label glued to the line after it: "Related Dana Hale quits the band"
_LINK_LABELS = frozenset(["related"])


# units of local government a name may end on, beyond the lexicon's place words: "Stafford
# Township" is a place, never a person "she" can go back to
_PLACE_UNITS = frozenset(["township", "parish", "borough", "municipality", "prefecture"])
_COMPASS = frozenset(["north", "south", "east", "west"])
# words that name a part of the place after them
_REGION_WORDS = lx.words(
    "north south east west northern southern eastern western central rural upper lower "
    "greater downtown"
)


def _classify(run: list[Tok], sent_start: bool, vocab: set[str], headline: bool) -> str | None:
    while run and (
        # "The New York Times": a word that opens a place of two or more words ("New
        # York") stays, though alone it is no name
        (run[0].low in lx.NOT_NAME and _place_len(run, 0) < 2)
        or run[0].low in _PARTICLES
        or (run[0].low in _FURNITURE and run[0].text.isupper() and len(run) > 2)
        or (run[0].low in _LINK_LABELS and len(run) > 1)
        or (_DESCRIPTOR_COMPOUND.match(run[0].text) is not None and len(run) > 1)
        or (lead_descriptor(run) and not any(t.low in lx.ORG_KEYWORDS for t in run))
    ):
        run.pop(0)
    while run and (
        run[-1].low in _JOINERS | _PARTICLES | _ROLE_JOINERS
        # "George Takei April-fooling us": a compound in lower case after the capital
        # describes what the person did, it is no part of the name
        or (_DESCRIPTOR_COMPOUND.match(run[-1].text) is not None and len(run) > 1)
    ):
        run.pop()
    if len(run) > 2 and run[-1].low in _RANKS and run[-2].low in lx.ORG_KEYWORDS:
        run.pop()  # "Indiana State Police Sgt": the rank of a name the run lost
    if not run:
        return None
    if any(t.text == "&" for t in run[1:-1]):
        # "PG&E", "Black & Decker": an ampersand joins a firm's or a paper's name, unless it
        # only pairs places ("Asia & Japan")
        places = lx.places()
        return "place" if all(t.low in places for t in run if t.text != "&") else "org"
    low = " ".join(t.low for t in run)
    if low in lx.places() or (low in lx.subdivisions() and low not in vocab):
        return "place"
    rest = low.partition(" ")[2]
    if len(run) > 1 and run[0].low in _REGION_WORDS and rest in lx.places() | lx.subdivisions():
        return "place"  # "Rural Alaska", "Northern Ohio": a part of a place is a place
    if low in lx.KNOWN_ORGS or any(t.low in lx.ORG_KEYWORDS for t in run):
        return "org"
    if any(t.low in lx.TRAILING_ORG_KEYWORDS for t in run[1:]):
        return "org"  # "Islamic State": only after a capitalised word ("State Street" is not)
    if len(run) > 1 and run[-1].low in lx.PLACE_KEYWORDS | _PLACE_UNITS:
        return "place"
    if len(run) == 2 and run[0].low in _COMPASS:
        return "place"  # "North Austin", "West Fargo": a compass point opens no person's name
    if (
        len(run) > 1
        and run[-1].low in NOT_PERSON_HEADS - _KEPT_HEADS
        and not any(t.low in _JOINERS | _PARTICLES for t in run)
    ):
        # "Trump International Hotel", "Marvel Studios": a name ending on a facility's or a
        # body's noun is no person's, so its first word is no person's surname ("Trump
        # wrote" is never the hotel's); an alert or an award names no body. "Jeff King of
        # Denali Park" is a person of a place, which ``_person_of_org`` splits
        return None if run[-1].low in _EVENT_HEADS else "org"
    if len(run) == 1 and run[0].text.isupper() and len(run[0].text) >= 2:
        return "org"
    demonyms = lx.demonyms()
    if any(t.low in demonyms for t in run):
        return None
    if sent_start and run[0].low in vocab:
        run.pop(0)  # "Talking about": the first word is an ordinary word
        return _classify(run, False, vocab, headline)
    if headline:
        return None
    if 2 <= len(run) <= 5 and not any(
        t.low in vocab or _place_len(run, i) for i, t in enumerate(run)
    ):
        return "person"
    return "single" if len(run) == 1 else None


# heads of a name that is an event or a distinction, neither a person nor a body
_EVENT_HEADS = lx.words("alert alerts festival award awards prize")
# "White House" keeps the tagger's call: typed an organisation it is merged, story-wide, into
# the longest organisation that opens on it ("White House and Congress", "White House Press")
_KEPT_HEADS = lx.words("house")

# ranks that follow a force's name before a holder's name ("State Police Sgt. Kim Riley")
_RANKS = lx.words(
    "sgt sergeant capt captain lt lieutenant cpl corporal officer detective trooper deputy"
)
_WORDS = re.compile(r"[^\W\d_][\w'’\-]*")
_SMALL = frozenset(["of", "for", "to", "in", "the", "a", "and", "on", "at", "by", "with"])


HEADLINE_RULE = {"prose": True}  # benchmarks compare the pile with and without it


def _is_headline(sent: Sentence) -> bool:
    """Title-case lines ("Iraq Hopes for Moscow's Help") are not evidence of personal names.
    A sentence that ends on a full stop with three lower-case words of its own is prose full
    of names ("Morrow inspected the dam Tuesday afternoon with Deputy Director Sam Ortiz,
    Democratic Rep. Tim Lowe …"), not a headline."""
    words = [w for w in _WORDS.findall(sent.text) if w not in _SMALL]
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return False
    lower = sum(w[0].islower() and len(w) > 2 for w in words)
    return not (HEADLINE_RULE["prose"] and lower >= 3 and sent.text.rstrip(" \"”’')").endswith("."))


_LOWER_WORD = re.compile(r"\b([a-z]+)(['’][a-z]+)?\b")


def find_mentions(text: str, sentences: list[Sentence]) -> list[Found]:
    """Typed mention candidates, in text order; 'single' = untyped one-word candidate."""
    # the lower-case words of the text: a capitalised word that also appears in lower case
    # is an ordinary word at a sentence start; a contraction's stem is none ("don't" puts no
    # "don" there, so "Don McNay" opening a sentence stays a name), a possessive's is
    vocab = {
        m.group(1)
        for m in _LOWER_WORD.finditer(text)
        if m.group(2) is None or m.group(2)[1:] == "s"
    }
    found: list[Found] = []
    pending_role = ""
    for sent in sentences:
        toks = _tokens(sent)
        headline = _is_headline(sent)
        parts = [
            (part, n > 0)
            for whole in _runs(text, toks)
            for n, part in enumerate(_person_of_org(text, whole, vocab))
        ]
        for run, body in parts:
            sent_start = (
                run[0].start == sent.start or text[sent.start : run[0].start].strip("\"'“‘( ") == ""
            )
            if len(run) > 1 and all(t.text.isupper() for t in run):
                # a run in capitals is a masthead, a kicker or a dateline ("USA TODAY", "KING
                # JAMES SILENCES CRITICS", "FORT WAYNE"), never a person (whose surname would
                # gather the story's "James said") and never a title before a name
                found.append(Found("org", list(run), sent.index))
                pending_role = ""
                continue
            role, rest = _split_role(run)
            if not role:
                split = (
                    _prefix_then_name(run)
                    or _descriptor_then_given_name(run, vocab)
                    or _job_noun_then_name(run, vocab)
                )
                if split is not None:
                    role, rest = split
                    org = role[:-1]
                    if any(t.low in lx.ORG_KEYWORDS for t in org):
                        found.append(Found("org", org, sent.index))
            role_text = text[role[0].start : role[-1].end] if role else ""
            if role and rest and len(rest) <= 5:
                rest = _without_trailing_word(rest, vocab)
                roles = [] if role_text.lower() in lx.HONORIFICS else [role_text]
                found.append(Found("person", rest, sent.index, role_text, roles))
                continue
            if role and not rest:
                # "Director of the X Center, Jane Doe": the role is an apposition before the name
                pending_role = role_text if text[role[-1].end : role[-1].end + 2] == ", " else ""
                continue
            if given_name_al(text, run):
                found.append(Found("person", list(run), sent.index))  # "analyst Al Brenner"
                pending_role = ""
                continue
            run = list(run)
            kind = _classify(run, sent_start, vocab, headline)
            if kind is None or not run:
                continue
            if body and kind in ("person", "single"):
                kind = "org"  # "Joey Scoleri of Live Nation": what follows "of" is his body
            f = Found(kind, run, sent.index)
            if kind == "person" and pending_role and text[run[0].start - 2 : run[0].start] == ", ":
                f.roles.append(pending_role)
            pending_role = ""
            found.append(f)
            apposition_after(text, f)
    singles_as_people(text, sentences, found, vocab)
    return possessor_offices(text, found)


_NAMESAKE_REACH = 2  # sentences


# a full name the sentence only mentions, as the object of a preposition or after an age
# ("the deaths of 6-year-old Rene Marsh"), is no one the next bare surname means: that stays
# the namesake last named as someone who acts or speaks
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:of|for|to|with|by|from|against|about|including)|\d+-(?:year|month)-old)[ \t]+$"
)

# "the boy, Shimron Vale", "a girl Ana Vale": a child, whom the article never calls "Mr." or
# "Ms." Vale; an adult of that surname is who the bare surname means after the child is named
_CHILD_BEFORE = re.compile(
    r"\b(?:boy|girl|child|toddler|infant|baby|teen|teenager|youngster|schoolboy|schoolgirl)"
    r",?[ \t]+$"
)


def extract_mentions(
    text: str, sentences: list[Sentence]
) -> tuple[list[Mention], dict[str, list[str]]]:
    """Mentions with merged canonical entities, and person roles (canonical name -> roles)."""
    found = find_mentions(text, sentences)
    canon = merge_aliases(found)
    # a surname two full names of the article share ("Rory Reid", "Harry Reid") is the one
    # named last before it, not the first one merged
    namesakes = Counter(_key(c.split()[-1]) for c in set(canon.values()))
    # a surname written in full for two people of the article, whatever their canonical form
    full_of: dict[str, set[str]] = {}
    for f in found:
        if f.name in canon and len(f.name.split()) > 1:
            full_of.setdefault(_key(f.name.split()[-1]), set()).add(canon[f.name])
    for key, names in full_of.items():
        namesakes[key] = max(namesakes[key], len(names))
    last_full: dict[str, tuple[str, int]] = {}
    first_full: dict[str, str] = {}
    mentions: list[Mention] = []
    for f in found:
        kind = f.kind
        entity = f.name
        if kind in ("person", "single"):
            if f.name not in canon:
                continue
            kind, entity = "person", canon[f.name]
            key = _key(f.name.split()[-1])
            if len(f.name.split()) > 1:
                before = text[max(0, f.toks[0].start - 24) : f.toks[0].start]
                child = _CHILD_BEFORE.search(before) is not None
                if not child and not _OBJECT_BEFORE.search(before):
                    last_full[key] = (entity, f.sentence)
                if not child:
                    first_full.setdefault(key, entity)
            elif namesakes[key] > 1 and key in last_full and key in first_full:
                # right after a namesake's full name the surname is that namesake's ("His
                # aunt, Edith Marsh, chaired … Marsh said"); further on it is the person the
                # article introduced first, whom writers call by surname alone while a
                # second namesake keeps a full name each time
                named, at = last_full[key]
                entity = named if f.sentence - at <= _NAMESAKE_REACH else first_full[key]
        start, end = f.toks[0].start, f.toks[-1].end
        own = list(f.roles) if kind == "person" else []
        mentions.append(Mention(text[start:end], kind, f.sentence, start, end, entity, own))
    return mentions, _roles_of(mentions)


def _roles_of(mentions: list[Mention]) -> dict[str, list[str]]:
    roles: dict[str, list[str]] = {}
    for m in mentions:
        if m.kind == "person" and m.entity is not None:
            known = roles.setdefault(m.entity, [])
            known.extend(r for r in m.roles if r not in known)
    return roles


def person_roles(article: Article) -> dict[str, list[str]]:
    """Roles of each person in an annotated article (canonical name -> roles, in order of
    appearance), read from the mentions annotate assigned."""
    return _roles_of(article.mentions)
