"""Name runs: the tokens of a sentence that can belong to a name, and the runs of
capitalised tokens they join into (particles such as al-, bin, de, van allowed inside, and
of/for/to/in when they join a title or organisation to its complement), before any typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.first_names import gender_of
from newsbrief.records import Sentence

# Only tokens that can be part of a name run; any other word in a gap breaks the run.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W\d_a-z][\w'’\-]*|(?:al|el|ad|as|ash|ar|at|az|an|bin|ibn|abu|bint)-[A-Z][\w'’\-]*"
    r"|\b(?:of|for|to|in|at|the|and|de|del|della|da|dos|das|van|von|der|den|bin|ibn|bint|abu|al|la|le|du)\b'?|&"
)
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|ar|at|az|an|bin|ibn|abu|bint)-[A-Z]")
_PARTICLES = lx.words(
    """
    de de' del della da dos das van von der den bin ibn bint abu al la le du
    """
)
_JOINERS = frozenset(["of", "for"])
_ROLE_JOINERS = frozenset(["of", "for", "to", "in", "at"])
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    low: str = ""

    def __post_init__(self) -> None:
        self.low = self.text.lower().rstrip(".")


def _tokens(sent: Sentence) -> list[Tok]:
    out = []
    for m in _TOKEN.finditer(sent.text):
        text = m.group()
        pm = _POSSESSIVE.search(text)
        if pm and len(text) > 2 and not text.endswith("s'"):
            text = text[: pm.start()] or text
        out.append(Tok(text, sent.start + m.start(), sent.start + m.start() + len(text)))
    return out


def run_name(toks: list[Tok]) -> str:
    """The name a run of tokens spells: a middle initial keeps its period ("Robert J.
    Birgeneau"); tokens written together stay together ("PG&E"), and a letter written onto the
    word before it is no initial ("S&P Dow Jones")."""
    last = len(toks) - 1
    parts: list[str] = []
    for i, t in enumerate(toks):
        attached = i > 0 and t.start == toks[i - 1].end
        if i:
            parts.append("" if attached else " ")
        initial = i < last and len(t.text) == 1 and t.text.isupper() and not attached
        parts.append(t.text + "." if initial and toks[i + 1].start > t.end else t.text)
    return "".join(parts)


def _is_cap(tok: Tok) -> bool:
    c = tok.text[0]
    return (c.isupper() and tok.low not in lx.NOT_NAME) or bool(_PARTICLE_PREFIX.match(tok.text))


# titles written short with a period before a name: "Sgt. Kim Riley", "Gov. Jo Reyes"
_ABBREVIATED_TITLES = frozenset(["gen", "lt", "col", "sen", "gov", "sgt", "capt", "rep"])


def _joinable(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end : b.start]
    if gap.strip(" '’") == "" and "\n" not in gap:
        return True
    # "Mr. Smith", "Dr. Who": a period after an honorific does not end the name, nor after a
    # middle initial ("Cathy L. Lanier", "John F. Kennedy")
    if gap.strip() != ".":
        return False
    # two initials in a row ("Oliver J. T. O'Grady") join as one does
    initial = len(a.text) == 1 and a.text.isupper() and b.text[:1].isupper()
    return initial or a.low in lx.HONORIFICS | _ABBREVIATED_TITLES


def _org_continues(text: str, toks: list[Tok], k: int) -> bool:
    """After "and": the capitalised words that follow end in an organisation word."""
    last = None
    while k < len(toks) and _is_cap(toks[k]) and (last is None or _joinable(text, last, toks[k])):
        last = toks[k]
        k += 1
    return last is not None and last.low in lx.ORG_KEYWORDS


def _person_of_org(text: str, run: list[Tok], vocab: set[str]) -> list[list[Tok]]:
    """ "Commander Jo Vance of Valley Fire and Rescue" is a person and an organisation; the
    left side must end in a name (not a title: "Director of the FBI" stays whole) and hold no
    organisation word ("University of Texas" stays whole)."""
    for i, t in enumerate(run):
        if t.low not in _JOINERS or i < 2:
            continue
        left, right = run[:i], run[i + 1 :]
        if right and right[0].low == "the":
            right = right[1:]
        if (
            right
            and left[-1].low not in lx.TITLES
            and not any(x.low in lx.ORG_KEYWORDS for x in left)
            and (
                right[-1].low in lx.ORG_KEYWORDS
                or any(x.text == "&" for x in right[1:-1])  # "of Tillman & Roe": a firm
                or _name_then_body(text, left, right, vocab)
            )
        ):
            return [left, right]
        break
    return [run]


def _name_then_body(text: str, left: list[Tok], right: list[Tok], vocab: set[str]) -> bool:
    """ "Joey Scoleri of Live Nation", "Congresswoman Kyrsten Sinema of Arizona": a name of
    two or three words no lower-case line of the text uses, before "of" and a short
    capitalised body, is a person's, whatever the body's last word, when a title opens it, a
    given name opens it or it stands in apposition after a comma. A place ("United States of
    America") or an institution ("the National Conference of State Legislatures") stays whole."""
    if len(right) > 4 or not right[0].text[:1].isupper():
        return False
    # the name follows the last title of the left side ("Democratic Congresswoman …")
    k = 1 + max(
        (i for i, x in enumerate(left) if x.low in lx.TITLES | JOB_TITLES | PARTY_MEMBERS),
        default=-1,
    )
    name = left[k:]
    places = lx.places()
    if (
        not 2 <= len(name) <= 3
        or any(x.low in vocab or x.low in lx.NOT_NAME - MONTH_NAMES for x in name)
        or " ".join(x.low for x in name) in places
        or " ".join(x.low for x in left + right) in places
    ):
        return False
    apposed = text[: left[0].start].rstrip(" \t").endswith(",")
    return k > 0 or gender_of(name[0].text) is not None or apposed


# Job nouns that stand before a name as a title in news copy ("City Manager June Catalano",
# "Chief Executive Mark Zuckerberg", "Head Coach Jo Reyes") though no honorific: the name
# after them is the person, the noun their role
JOB_TITLES = lx.words(
    """
    manager coach executive owner superintendent administrator clerk treasurer auditor
    producer showrunner publisher editor founder co-founder supervisor coordinator trainer
    principal chairperson coroner sheriff warden dean marshal commissioner mp mep
    """
)
# "ranking Democrat Sander Levin": a party's member before a name describes the person
PARTY_MEMBERS = lx.words("democrat republican")
# "Nazi Adolf Eichmann": a movement's member before a full name (never a one-word name:
# "Socialist Worker" is a newspaper)
MOVEMENT_MEMBERS = lx.words("nazi communist socialist fascist libertarian tory")
# months that are given names too: "City Manager June Catalano"
MONTH_NAMES = lx.words("april may june")


def _opens_place(text: str, toks: list[Tok], i: int) -> bool:
    """ "New" in "The New York Times": a capitalised word that alone is no name ("new") but
    opens a place of two or three words, and so the name it begins."""
    t = toks[i]
    if not t.text[:1].isupper() or t.low not in lx.NOT_NAME:
        return False
    places = lx.places()
    for n in (3, 2):
        seq = toks[i : i + n]
        joined = all(_joinable(text, seq[k], seq[k + 1]) for k in range(len(seq) - 1))
        if len(seq) == n and joined and " ".join(x.low for x in seq) in places:
            return True
    return False


def _given_month(text: str, toks: list[Tok], j: int) -> bool:
    """ "June" between a capitalised word and a surname ("Manager June Catalano") is a
    given name, and "May" after one ("Theresa May") a surname, not the month."""
    t = toks[j]
    if t.low not in MONTH_NAMES or not t.text[:1].isupper():
        return False
    if j > 0 and gender_of(toks[j - 1].text) is not None:
        return True  # "Theresa May": a surname after a given name
    return j + 1 < len(toks) and _is_cap(toks[j + 1]) and _joinable(text, t, toks[j + 1])


def _runs(text: str, toks: list[Tok]) -> list[list[Tok]]:
    runs: list[list[Tok]] = []
    i = 0
    while i < len(toks):
        if not _is_cap(toks[i]) and not _opens_place(text, toks, i):
            i += 1
            continue
        run = [toks[i]]
        j = i + 1
        while j < len(toks) and _joinable(text, toks[j - 1], toks[j]):
            t = toks[j]
            if _is_cap(t) or _given_month(text, toks, j) or _opens_place(text, toks, j):
                run.append(t)
                j += 1
                continue
            low = t.text.lower()
            prev_low = run[-1].low
            ok_joiner = low in _PARTICLES or low in _JOINERS
            if low in _ROLE_JOINERS and (prev_low in lx.TITLES or prev_low in lx.ORG_KEYWORDS):
                ok_joiner = True
            if (
                low in ("and", "&")
                and not any(x.low in lx.ORG_KEYWORDS for x in run)
                and _org_continues(text, toks, j + 1)
            ):
                ok_joiner = True  # "Fire and Rescue": one organisation, unlike "Ministry and X"
            if low == "&":
                # prose lists with "and"; an ampersand between capitalised words is part of one
                # name: "PG&E", "Black & Decker", "the Valley Journal & Courier"
                ok_joiner = True
            k = j + 1
            if ok_joiner and k < len(toks) and toks[k].low == "the":
                k += 1
            if ok_joiner and k < len(toks) and _is_cap(toks[k]) and _joinable(text, t, toks[j + 1]):
                run.extend(toks[j:k])
                j = k
                continue
            break
        if len(run) >= 3 and run[0].text in _PHOTO_CREDITS:
            # "… a Qatar Airways plane. AP American Airlines on Thursday said": a photo
            # credit ends the caption before it and is no word of the name after it
            runs.append(run[:1])
            run = run[1:]
        runs.append(run)
        i = j
    return runs


# the agencies whose credit closes a photo caption, glued to the first words of the story
_PHOTO_CREDITS = frozenset(["AP", "AFP", "Reuters", "Getty"])
