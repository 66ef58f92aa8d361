"""Name normalisation and role phrases around person mentions."""

from __future__ import annotations

import re
from functools import lru_cache

from newsbrief.text import wordset

# Words that precede a name without being part of it ("Mr Karim", "Ambassador Karim").
HONORIFICS = wordset("""mr mrs ms miss mx dr sir dame lord lady prof professor ambassador president minister
    prime sheikh sheik shaikh general gen col colonel capt captain lt lieutenant sgt sergeant
    senator sen rep representative governor gov mayor judge justice king queen prince princess
    emir amir pope rev reverend father imam ayatollah grand chancellor secretary envoy
    spokesman spokeswoman chief commander deputy premier madam mme mlle herr""")

# Name particles that come and go between spellings ("al-Hashemi" / "Hashemi", "van Gogh").
PARTICLES = wordset("al el al- el- bin ibn van von de der den da di du la le")

ROLE_WORDS = wordset("""ambassador envoy diplomat minister president spokesman spokeswoman spokesperson
    secretary chairman chairwoman chair director chief commander general governor mayor
    senator official charge chargé consul king queen prince emir amir leader head
    founder ceo executive officer adviser advisor analyst professor researcher correspondent
    reporter editor judge prosecutor attorney lawyer deputy representative chancellor premier
    ayatollah cleric imam colonel captain lieutenant sergeant spokesperson manager coach
    economist scientist expert negotiator mediator commissioner inspector attaché""")

_CONNECTORS = wordset("of to for in at the de de' du des and on")
_STYLES = wordset("highness excellency majesty holiness eminence")
_STOP_AFTER = re.compile(r"[,:;.!?\"“”()\[\]]$")


# "J.", "J.R.": a middle initial (or two) with its period
_INITIAL = re.compile(r"(?:[A-Z]\.)+")


def _initial(tok: str) -> str | None:
    """``tok`` as an initial with its period ("J." from "J.,"), else None."""
    core = tok.strip(",;:!?\"“”‘’'()[]")
    return core if _INITIAL.fullmatch(core) else None


def _clean_token(tok: str) -> str:
    tok = tok.strip(".,;:!?\"“”‘’'()[]")
    for poss in ("'s", "’s"):
        if tok.lower().endswith(poss):
            tok = tok[: -len(poss)]
    return tok


def name_parts(name: str) -> tuple[list[str], tuple[str, ...]]:
    """Display tokens (honorifics dropped) and the comparison key (lowercase, no particles)."""
    display, key = _name_parts(name)
    return list(display), key  # a fresh list: callers may change their display tokens


# a story's entity merge asks for the parts of each mention several times (its form, its
# title alias, the names a quote's speaker is checked against), and stories share names
@lru_cache(maxsize=32_768)
def _name_parts(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # an initial keeps its period ("Robert J. Birgeneau", as annotate writes the name); the
    # comparison key drops it, so "Robert J Birgeneau" and "Robert J. Birgeneau" still merge
    raw = [_initial(t) or _clean_token(t) for t in name.split()]
    raw = [t for t in raw if t]
    while len(raw) > 1 and raw[0].lower().strip(".") in HONORIFICS:
        raw = raw[1:]
    if len(raw) == 1 and raw[0].lower().strip(".") in HONORIFICS:
        raw = []
    key: list[str] = []
    for tok in raw:
        low = tok.lower().rstrip(".") if _INITIAL.fullmatch(tok) else tok.lower()
        if low in PARTICLES:
            continue
        for prefix in ("al-", "el-", "al‑", "ad-", "as-", "an-", "ar-", "at-", "ash-"):
            if low.startswith(prefix) and len(low) > len(prefix) + 1:
                low = low[len(prefix) :]
                break
        key.append(low)
    return tuple(raw), tuple(key)


@lru_cache(maxsize=32_768)
def place_key(name: str) -> tuple[str, ...]:
    """Orgs and places compare case-insensitively, without "the", demonyms folded."""
    from newsbrief.analyze.text import demonym_base

    toks = [_clean_token(t) for t in name.split()]
    toks = [t for t in toks if t and t.lower() != "the"]
    return tuple(demonym_base(t) if len(toks) == 1 else t.lower() for t in toks)


def is_subsequence(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    it = iter(full)
    return all(tok in it for tok in short)


def compatible(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Can ``short`` name the same person as ``full``?

    It must be an in-order subset that keeps the surname or the first name ("Karim",
    "Ali Yasin" for "Ali Yasin Muhammad Karim"); a different first name ("Jane Smith" vs
    "John Smith") is never a subset, so namesakes stay apart.
    """
    if not short or not full or len(short) > len(full):
        return False
    if not is_subsequence(short, full):
        return False
    return short[-1] == full[-1] or short[0] == full[0]


def _has_role_word(tokens: list[str]) -> bool:
    return any(_clean_token(t).lower().strip("'") in ROLE_WORDS for t in tokens)


def role_before(text: str, start: int) -> str | None:
    """A title right before a name: "Ambassador of Iraq X", "Iraqi Ambassador to Kuwait X"."""
    window = text[max(0, start - 160) : start]
    # a line break ends the title: headlines and bylines are not roles
    window = window.rsplit("\n", 1)[-1]
    toks = window.split()
    taken: list[str] = []
    for tok in reversed(toks):
        if _STOP_AFTER.search(tok) and not tok.endswith("'"):
            break
        if tok[:1].isupper() or tok.lower() in _CONNECTORS:
            taken.append(tok)
            continue
        break
    taken.reverse()
    # "According to Station Commander X": the sentence's attribution opener is no part of the
    # title
    while taken and (taken[0].lower() in _CONNECTORS or taken[0].lower() == "according"):
        taken = taken[1:]
    while taken and taken[-1].lower() in _CONNECTORS:
        taken = taken[:-1]
    if not taken or not _has_role_word(taken):
        return None
    return clean_role(" ".join(taken))


def clean_role(role: str) -> str | None:
    """Trim forms of address off a role phrase; None when no role word is left."""
    taken = role.split()
    # a bare form of address is not a role: "His Highness the Amir" -> "Amir", "... Sheikh" dropped
    while len(taken) > 1 and taken[-1].lower().strip(".") in HONORIFICS - ROLE_WORDS:
        taken = taken[:-1]
    if len(taken) > 2 and taken[0].lower() in {"his", "her"} and taken[1].lower() in _STYLES:
        taken = taken[2:]
    while taken and taken[0].lower() in _CONNECTORS:
        taken = taken[1:]
    if not taken or not _has_role_word(taken):
        return None
    return " ".join(taken)


_AFTER = re.compile(
    r"^\s*,\s*(?P<role>(?:the\s+|an?\s+)?[^,.;:\"“”()]{2,90}?)\s*"
    r"(?:,|\.|;|\s+(?:says|said|told|added|stated|declared|noted)\b)"
)


def role_after(text: str, end: int) -> str | None:
    """An apposition after a name: "X, Ambassador of Iran, said" / "X, spokesman for Y,"."""
    m = _AFTER.match(text[end : end + 140])
    if not m:
        return None
    role = m.group("role").strip()
    toks = role.split()
    if not toks or toks[0].lower() in {"who", "which", "that", "whose", "he", "she", "and"}:
        return None
    if not _has_role_word(toks[:4]):
        return None
    if toks[0].lower() in {"the", "a", "an"}:
        role = " ".join(toks[1:])
    return role
