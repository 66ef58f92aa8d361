"""Words of one closed kind that exclude each other: "yellow" / "white" paint, "murder" /
"manslaughter", "fell from a beach" / "from a cliff".

Two aligned statements that fill the same spot with different members of one kind (colours,
crimes charged, natural features and structures, family roles; units of time after the same
number) disagree, as "Iraq" / "Iran" do for names. The lists are short, general English, and
hold only co-hyponyms: no word is another's hypernym ("homicide" covers "murder" and is left
out; "tower" may be a "building" and is left out).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsbrief.text import STOP_WORDS, stem

# kind -> words; "base:form,form" lists inflections or compounds of one member
_KINDS: dict[str, str] = {
    "colour": """red orange yellow green blue purple pink brown black white grey:gray
        violet""",
    "crime": """murder:murders manslaughter robbery:robberies burglary:burglaries theft:thefts
        fraud rape:rapes kidnapping:kidnappings arson bribery embezzlement extortion perjury
        treason smuggling""",
    "place": """beach:beaches cliff:cliffs,clifftop,clifftops hill:hills,hilltop,hilltops
        mountain:mountains,mountaintop river:rivers lake:lakes island:islands forest:forests
        valley:valleys desert:deserts cave:caves canyon:canyons volcano:volcanoes
        glacier:glaciers building:buildings bridge:bridges balcony:balconies""",
    "family": """mother:mothers father:fathers son:sons daughter:daughters brother:brothers
        sister:sisters husband:husbands wife:wives grandmother:grandmothers
        grandfather:grandfathers uncle:uncles aunt:aunts nephew:nephews niece:nieces""",
}
# units of time conflict only after the same number ("one-year" / "one-month anniversary"):
# "three days" and "72 hours" are one span
_TIME_UNITS = {
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty hundred""".split()
)


def _members() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for kind, text in _KINDS.items():
        for entry in text.split():
            base, _, forms = entry.partition(":")
            for form in (base, *forms.split(",")):
                if form:
                    out[form] = (kind, base)
    return out


_MEMBER = _members()  # word -> (kind, base)
_WORD = re.compile(r"[A-Za-z]+|\d[\d,.]*")
WINDOW = 4  # words either side that must share a content word on both sides


@lru_cache(maxsize=8_192)  # one side of a pair, compared with several others
def _view(text: str) -> tuple[list[str], dict[str, list[tuple[str, int]]]]:
    """Lower-cased words, and kind -> [(base, position)] of the kind words in ``text``.

    Capitalised words are names ("Scott White", "the Black Sea"), not members of a kind.
    """
    toks = _WORD.findall(text)
    low = [t.lower() for t in toks]
    found: dict[str, list[tuple[str, int]]] = {}
    for i, (tok, word) in enumerate(zip(toks, low, strict=True)):
        if tok[:1].isupper():
            continue
        if word in _MEMBER:
            kind, base = _MEMBER[word]
            found.setdefault(kind, []).append((base, i))
        elif (
            word in _TIME_UNITS
            and i > 0
            and (low[i - 1] in _NUMBER_WORDS or low[i - 1][0].isdigit())
        ):
            # the kind is the number before the unit: "one year" vs "one month"
            found.setdefault(f"time after {low[i - 1]}", []).append((_TIME_UNITS[word], i))
    return low, found


def _context(low: list[str], i: int) -> set[str]:
    around = low[max(0, i - WINDOW) : i] + low[i + 1 : i + 1 + WINDOW]
    return {
        stem(w)
        for w in around
        if len(w) > 2 and w not in STOP_WORDS and w not in _MEMBER and w not in _TIME_UNITS
    }


def kind_swaps(a: str, b: str) -> list[tuple[str, str, str]]:
    """(kind, word of ``a``, word of ``b``) for each kind both sides fill with different members.

    A side that holds every member the other does only adds detail ("yellow paint" / "yellow
    and blue paint"); a swap needs a member on each side the other lacks, and a content word
    shared within WINDOW words of both (the thing the kind word describes: "paint").
    """
    low_a, kinds_a = _view(a)
    low_b, kinds_b = _view(b)
    out: list[tuple[str, str, str]] = []
    for kind in sorted(kinds_a.keys() & kinds_b.keys()):
        bases_a = {base for base, _ in kinds_a[kind]}
        bases_b = {base for base, _ in kinds_b[kind]}
        only_a, only_b = bases_a - bases_b, bases_b - bases_a
        if not only_a or not only_b:
            continue
        pos_a = [i for base, i in kinds_a[kind] if base in only_a]
        pos_b = [i for base, i in kinds_b[kind] if base in only_b]
        for i in pos_a:
            hit = [j for j in pos_b if _context(low_a, i) & _context(low_b, j)]
            if hit:
                out.append((kind, low_a[i], low_b[hit[0]]))
                break
    return out
