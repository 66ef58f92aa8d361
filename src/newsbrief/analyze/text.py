"""Word-level helpers shared by the analyze modules: tokens, stems, stopwords, demonyms."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

TOKEN = re.compile(r"[A-Za-z][\w'’\-]*[A-Za-z0-9]|[A-Za-z]|\d[\d,.]*\d|\d")


def wordset(spaced: str) -> frozenset[str]:
    """A frozenset from a whitespace-separated word list (long lists stay readable)."""
    return frozenset(spaced.split())


STOPWORDS = wordset("""a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    said says say told tell according also its it's he's she's there's which whose however
    one two three mr mrs ms dr may might must shall whether much many even still yet""")

_STEMMER = None


def stem(word: str) -> str:
    global _STEMMER
    if _STEMMER is None:
        import snowballstemmer

        _STEMMER = snowballstemmer.stemmer("english")
    return _cached_stem(word.lower())


@lru_cache(maxsize=65536)
def _cached_stem(word: str) -> str:
    assert _STEMMER is not None
    return str(_STEMMER.stemWord(word))


def words(text: str) -> list[str]:
    return [m.group(0) for m in TOKEN.finditer(text.replace("’", "'"))]


def content_stems(text: str) -> list[str]:
    """Stemmed content words, possessives dropped: the unit of sentence similarity."""
    out = []
    for w in words(text):
        low = w.lower()
        if low.endswith("'s"):
            low = low[:-2]
        if low in STOPWORDS or len(low) < 2 or low.replace(",", "").replace(".", "").isdigit():
            continue
        # only capitalised words can be demonyms; lowercase "crisis" must stay itself
        out.append(stem(demonym_base(low) if w[0].isupper() else low))
    return out


def idf_weights(docs: Iterable[list[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    n = 0
    for doc in docs:
        n += 1
        df.update(set(doc))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def cosine(a: list[str], b: list[str], idf: dict[str, float]) -> float:
    ca, cb = Counter(a), Counter(b)
    dot = sum(ca[t] * cb[t] * idf.get(t, 1.0) ** 2 for t in sorted(ca.keys() & cb.keys()))
    if not dot:
        return 0.0
    na = math.sqrt(sum((c * idf.get(t, 1.0)) ** 2 for t, c in ca.items()))
    nb = math.sqrt(sum((c * idf.get(t, 1.0)) ** 2 for t, c in cb.items()))
    return dot / (na * nb)


# Irregular demonyms; the regular ones ("Iraqi", "Syrian", "Japanese") are handled by suffix rules.
_DEMONYMS = {
    "british": "britain",
    "english": "england",
    "french": "france",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "greek": "greece",
    "thai": "thailand",
    "chinese": "china",
    "lebanese": "lebanon",
    "turkish": "turkey",
    "spanish": "spain",
    "polish": "poland",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "irish": "ireland",
    "scottish": "scotland",
    "welsh": "wales",
    "afghan": "afghanistan",
    "palestinian": "palestine",
    "filipino": "philippines",
    "saudi": "saudi",
    "emirati": "emirates",
    "uk": "britain",
    "u.k": "britain",
    "us": "united states",
    "u.s": "united states",
    "american": "united states",
    "america": "united states",
    "usa": "united states",
    "peruvian": "peru",
    "norwegian": "norway",
    "iranian": "iran",
    "egyptian": "egypt",
    "canadian": "canada",
    "brazilian": "brazil",
    "jordanian": "jordan",
    "korean": "korea",
    "mexican": "mexico",
    "german": "germany",
    "kenyan": "kenya",
    "libyan": "libya",
    "somali": "somalia",
    "portuguese": "portugal",
    "israeli": "israel",
    "iraqi": "iraq",
}


def demonym_base(word: str) -> str:
    """Map a demonym to its country ("Iraqi" -> "iraq"); other words come back lowercased."""
    low = word.lower().strip(".")
    if low in _DEMONYMS:
        return _DEMONYMS[low]
    if low in _NOT_DEMONYMS:
        return low
    if low.endswith(("ians", "is")) and not low.endswith("sis") and len(low) > 5:
        return demonym_base(low[:-1])  # plural: "Iraqis", "Syrians"
    if low.endswith("ian") and len(low) >= 6:
        return low[:-1]  # "Syrian" -> "syria", "Russian" -> "russia"
    if low.endswith("ese") and len(low) >= 7:
        return low[:-3]  # "Japanese" -> "japan", "Sudanese" -> "sudan"
    if low.endswith("i") and len(low) >= 5:
        return low[:-1]  # "Iraqi" -> "iraq", "Pakistani" -> "pakistan"
    return low


# Words ending like demonyms that are not; only capitalised words are ever mapped.
_NOT_DEMONYMS = frozenset(
    {
        "civilian",
        "civilians",
        "christian",
        "christians",
        "guardian",
        "historian",
        "politician",
        "politicians",
        "musician",
        "physician",
        "technician",
        "librarian",
        "veterinarian",
    }
)


def same_place(a: str, b: str) -> bool:
    """True when two names denote the same place modulo demonyms ("Iraqi" ~ "Iraq")."""
    return a.lower() == b.lower() or demonym_base(a) == demonym_base(b)
