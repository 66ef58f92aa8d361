"""Pairwise conflict checks: do two aligned statements disagree on a name, number, date or polarity.

``compare`` tests one pair of sentences; ``analyze.conflicts`` gathers its findings per claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from newsbrief.analyze.frames import polarity_clash, same_entity_slot, same_value_slot
from newsbrief.analyze.names import HONORIFICS, ROLE_WORDS
from newsbrief.analyze.numbers import Quantity, quantities, same_amount
from newsbrief.analyze.text import content_stems, demonym_base, is_credit
from newsbrief.text import STOP_WORDS, stem, words, wordset

_NEGATORS = wordset(
    "not never no nobody nothing none neither nor cannot n't without deny denies denied denying "
    "dont doesnt didnt cant couldnt wont wouldnt isnt wasnt arent werent"
)

# Hand-written antonym pairs; both words are stemmed before comparison.
_ANTONYM_WORDS = [
    ("increase", "decrease"), ("increased", "decreased"), ("rise", "fall"), ("rose", "fell"),
    ("risen", "fallen"), ("won", "lost"), ("win", "lose"), ("wins", "loses"),
    ("approved", "rejected"), ("approve", "reject"), ("accepted", "rejected"),
    ("gain", "loss"), ("higher", "lower"), ("allowed", "banned"), ("opened", "closed"),
    ("confirmed", "denied"), ("support", "oppose"), ("supported", "opposed"),
    ("victory", "defeat"), ("guilty", "innocent"), ("acquitted", "convicted"),
    ("expanded", "shrank"), ("strengthened", "weakened"), ("success", "failure"),
    ("legal", "illegal"), ("alive", "dead"), ("survived", "died"), ("arrived", "left"),
    ("increase", "cut"), ("raised", "lowered"), ("up", "down"), ("largest", "smallest"),
    ("biggest", "smallest"), ("more", "fewer"), ("agreed", "refused"), ("released", "detained"),
    ("ended", "began"), ("lifted", "imposed"), ("easier", "harder"), ("safe", "dangerous"),
    ("decline", "increase"), ("decline", "rise"), ("declined", "grew"), ("growth", "decline"),
    ("drop", "rise"), ("dropped", "rose"), ("thriving", "struggling"), ("strong", "weak"),
    ("profit", "loss"), ("boost", "cut"), ("ally", "enemy"), ("peace", "war"),
    ("peaceful", "violent"), ("acquitted", "arrested"), ("acquitted", "charged"),
    ("accept", "refuse"), ("allow", "forbid"), ("best", "worst"), ("cheaper", "dearer"),
    ("minority", "majority"), ("lowest", "highest"), ("increase", "reduce"),
]  # fmt: skip


@dataclass(slots=True)
class Finding:
    kind: str
    slot: str  # what is being compared, so findings from several pairs can merge
    value_a: str
    value_b: str
    norm_a: str
    norm_b: str


_CALENDAR = wordset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec today yesterday tomorrow"""
)
_TITLE_WORDS = ROLE_WORDS | HONORIFICS


def _proper_slots(toks: list[str]) -> dict[tuple[str, ...], list[tuple[str, str, str]]]:
    """Context -> [(normalized value, shown text)] for capitalised words after the first."""
    slots: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
    low = [t.lower() for t in toks]

    def usable(*idx: int) -> bool:
        # a slot is a run of ordinary words or titles ("Ambassador of"), not other names
        return all(toks[j][:1].isalnum() and not name_part(j) for j in idx) and not all(
            low[j] in STOP_WORDS for j in idx
        )

    def name_part(j: int) -> bool:
        # a capitalised word that is not a title: next to a value it means the value is
        # inside a longer name ("Sarah Sanders" / "Huckabee Sanders": name variants)
        return 0 < j < len(toks) and toks[j][:1].isupper() and low[j] not in _TITLE_WORDS

    for i, tok in enumerate(toks):
        if i == 0 or len(tok) < 2 or not tok[:1].isupper() or low[i] in STOP_WORDS:
            continue
        if low[i] in _CALENDAR:
            continue
        norm = demonym_base(tok.removesuffix("'s"))
        if i >= 2 and usable(i - 2, i - 1):
            ctx = ("L", low[i - 2], low[i - 1])
            slots.setdefault(ctx, []).append((norm, f"{toks[i - 2]} {toks[i - 1]} {tok}", tok))
        if i + 2 < len(toks) and usable(i + 1, i + 2) and not name_part(i - 1):
            ctx = ("R", low[i + 1], low[i + 2])
            slots.setdefault(ctx, []).append((norm, f"{tok} {toks[i + 1]} {toks[i + 2]}", tok))
    return slots


_WORD_OR_MARK = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Za-z](?:[\w'’]|-(?=[A-Za-z0-9]))*[A-Za-z0-9]|[A-Za-z]|\d[\d,.]*\d|\d|[^\w\s]"
)


def _tokens(text: str) -> list[str]:
    # punctuation stays a token so that "Daesh, Ambassador" is not a slot
    return [m.group(0) for m in _WORD_OR_MARK.finditer(text.replace("’", "'"))]


# A sentence is compared with every other member of its claim: what one side contributes
# depends on its text alone, so it is worked out once (callers only read it).
@lru_cache(maxsize=8_192)
def _entity_view(
    text: str,
) -> tuple[list[str], set[str], dict[tuple[str, ...], list[tuple[str, str, str]]]]:
    toks = _tokens(text)
    return toks, {demonym_base(t) for t in toks}, _proper_slots(toks)


def entity_findings(a: str, b: str) -> list[Finding]:
    """A one-to-one substitution of a name in the same slot ("Ambassador of Iraq/Iran")."""
    ta, all_a, sa = _entity_view(a)
    tb, all_b, sb = _entity_view(b)
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for ctx in sorted(sa.keys() & sb.keys()):  # "L" before "R": "Ambassador of Iraq" reads best
        va = {n: shown for n, shown, _ in sa[ctx]}
        vb = {n: shown for n, shown, _ in sb[ctx]}
        raw_a = {n: tok for n, _, tok in sa[ctx]}
        raw_b = {n: tok for n, _, tok in sb[ctx]}
        only_a, only_b = set(va) - set(vb), set(vb) - set(va)
        if len(only_a) != 1 or len(only_b) != 1:
            continue  # extra words on one side are paraphrase, not a substitution
        x, y = next(iter(only_a)), next(iter(only_b))
        if x in all_b and y in all_a:
            continue  # both names on both sides: a reordering
        if _coordinated(x, y, tb) or _coordinated(y, x, ta):
            continue  # "American and British troops" holds "American troops"
        rx, ry = raw_a[x], raw_b[y]
        if _respelled(rx, tb, all_b) or _respelled(ry, ta, all_a):
            continue  # one name spelled two ways ("Deans"/"Dean's", "Al"/"al-Qaida")
        if _variant(rx, ry, ta, tb) or {x.lower(), y.lower()} & _TITLE_WORDS:
            continue
        if SequenceMatcher(None, _fold(rx), _fold(ry)).ratio() >= SPELLING:
            continue  # "Jemah"/"Jemaah", "MSBlast"/"MBlast": one name misspelt
            continue
        if not same_entity_slot(a, b, rx.removesuffix("'s"), ry.removesuffix("'s")):
            continue  # not two names of one type in one slot ("MC" / "Prodigy")
        if (x, y) in seen:
            continue
        seen.add((x, y))
        out.append(Finding("entity", f"{ctx[0]}:{ctx[1]} {ctx[2]}", va[x], vb[y], x, y))
    return out


# Two names this alike (difflib ratio) are one name spelt two ways; "Iraq"/"Iran" is 0.75.
SPELLING = 0.8


def _fold(word: str) -> str:
    return "".join(ch for ch in word.lower().removesuffix("'s") if ch.isalnum())


def _coordinated(x: str, y: str, toks: list[str]) -> bool:
    """``x`` stands within three words of ``y`` joined by "and", "or" or a comma."""
    pos = [i for i, t in enumerate(toks) if demonym_base(t) == x]
    at = [i for i, t in enumerate(toks) if demonym_base(t) == y]
    return any(
        0 < abs(i - j) <= 3
        and {"and", "or", ",", "&"} & {t.lower() for t in toks[min(i, j) : max(i, j)]}
        for i in pos
        for j in at
    )


def _respelled(name: str, toks: list[str], bases: set[str]) -> bool:
    """``name`` occurs on the other side written otherwise: dots, hyphens, case or "'s"."""
    key = _fold(name)
    if len(key) < 2 or demonym_base(name) in bases:
        return False  # the same word there is a reordering question, not a respelling
    return any(_fold(t) == key or _fold(t).startswith(key) for t in toks)


def _variant(x: str, y: str, ta: list[str], tb: list[str]) -> bool:
    """One name is the acronym of a run of capitalised words on the other side ("IE")."""
    for short, toks in ((x, tb), (y, ta)):
        letters = _fold(short).upper()
        if not (2 <= len(letters) <= 6 and short.replace(".", "").isupper()):
            continue
        caps = "".join(t[0] for t in toks if t[:1].isupper())
        initials = "".join(t[0] for t in toks if t[:1].isalpha()).upper()
        if letters in caps or letters in initials:
            return True  # "IE" for "Internet Explorer", "CHOGM" for "... Heads of Government"
    return False


def _part_of_total(xs: list[Quantity], others: list[Quantity]) -> bool:
    """A value the other side reaches as a sum of two of its own ("259 aboard, plus 11")."""
    values = [q.value for q in others]
    return any(
        abs(values[i] + values[j] - x.value) < 1e-9
        for x in xs
        for i in range(len(values))
        for j in range(i + 1, len(values))
    )


def number_findings(a: str, b: str) -> list[Finding]:
    qa, qb = quantities(a), quantities(b)
    out: list[Finding] = []
    for unit in sorted({q.unit for q in qa} & {q.unit for q in qb}):
        if not unit:
            continue  # a bare number has no slot to compare in
        xs = [q for q in qa if q.unit == unit]
        ys = [q for q in qb if q.unit == unit]
        if len(xs) != 1 or len(ys) != 1:
            continue  # several values of one unit: which pairs with which is a guess
        if any(same_amount(x, y) for x in xs for y in ys):
            continue
        if _part_of_total(xs, qb) or _part_of_total(ys, qa):
            continue  # a part against a total
        x, y = xs[0], ys[0]
        if x.value in {q.value for q in qb} and y.value in {q.value for q in qa}:
            continue  # both figures on both sides: a range or a reordering ("3,000 and 1,500")
        if not same_value_slot(a, b, x.text, y.text):
            continue  # different events or subjects: "lost 6 points" / "was down 4.77 points"
        out.append(Finding("number", unit, x.text, y.text, f"{x.value:g}", f"{y.value:g}"))
    return out


def date_findings(a_dates: list[tuple[str, str]], b_dates: list[tuple[str, str]]) -> list[Finding]:
    """Dates as (value, text); a conflict when no date on one side fits any on the other."""
    if not a_dates or not b_dates:
        return []
    if any(compatible_dates(x, y) for x, _ in a_dates for y, _ in b_dates):
        return []
    (xv, xt), (yv, yt) = a_dates[0], b_dates[0]
    return [Finding("date", "date", xt, yt, xv, yv)]


def _negations(text: str) -> list[tuple[int, list[str]]]:
    toks = words(text, lower=True, hyphens=True, numbers=True)
    out = []
    for i, t in enumerate(toks):
        if t in _NEGATORS or t.endswith("n't"):
            if t == "not" and i + 1 < len(toks) and toks[i + 1] == "only":
                continue  # "not only ... but also" affirms
            if t == "no" and i + 1 < len(toks) and toks[i + 1][:1].isdigit():
                continue  # "No. 250": the abbreviation of "number"
            out.append((i, toks[i + 1 : i + 4]))
    return out


@lru_cache(maxsize=8_192)  # one side's part of a comparison; callers only read it
def _polarity_view(
    text: str,
) -> tuple[set[str], dict[str, str], list[tuple[int, list[str]]]]:
    stems = set(content_stems(text))
    lowered = {stem(w): w for w in words(text, fold=True, hyphens=True, numbers=True)}
    # a stem is an antonym's only when the word is a form of the listed word: "majority" and
    # "major" share the stem "major", and "a major mistake" has no minority in it
    for s, w in list(lowered.items()):
        if s in _ANTONYM_FORMS and not w.startswith(_ANTONYM_FORMS[s]):
            del lowered[s]
    return stems, lowered, _negations(text)


def polarity_findings(a: str, b: str) -> list[Finding]:
    """Negation on one side only, or an antonym swap; the two together cancel out."""
    sa, la, na = _polarity_view(a)
    sb, lb, nb = _polarity_view(b)
    antonyms: list[tuple[str, str]] = []
    # an antonym swap needs an antonym stem on each side: most pairs have none
    pairs = _ANTONYMS if la.keys() & _ANTONYM_STEMS and lb.keys() & _ANTONYM_STEMS else []
    for x, y in pairs:
        for p, q in ((x, y), (y, x)):
            if p in la and q in lb and p not in lb and q not in la and (p, q) not in antonyms:
                antonyms.append((p, q))
    # "did not approve" vs "rejected": a negated antonym agrees, the two flips cancel out
    scope_a = {stem(w) for _, after in na for w in after}
    scope_b = {stem(w) for _, after in nb for w in after}
    antonyms = [(p, q) for p, q in antonyms if p not in scope_a and q not in scope_b]
    found: list[Finding] = []
    if bool(na) != bool(nb):
        negs, other_stems = (na, sb) if na else (nb, sa)
        for _, after in negs:
            # scope: the first content word after the negator ("never been *mentioned*")
            scope = [w for w in after if w not in STOP_WORDS][:1]
            hit = [w for w in scope if stem(w) in other_stems]
            neg_text, other_text = (a, b) if na else (b, a)
            if hit and polarity_clash(neg_text, other_text, hit[0]):
                word = hit[0]
                va, vb = (f"not {word}", word) if na else (word, f"not {word}")
                found.append(Finding("negation", f"neg:{stem(word)}", va, vb, va, vb))
                break
    return found + [Finding("antonym", f"ant:{min(p, q)}", la[p], lb[q], p, q) for p, q in antonyms]


_ANTONYMS = [(stem(x), stem(y)) for x, y in _ANTONYM_WORDS]
_ANTONYM_STEMS = frozenset(s for pair in _ANTONYMS for s in pair)
# the listed words of each antonym stem, less their last two letters (inflection:
# "minority" / "minorities", "decline" / "declining")
_ANTONYM_FORMS: dict[str, tuple[str, ...]] = {}
for _word in sorted({w for pair in _ANTONYM_WORDS for w in pair}):
    _ANTONYM_FORMS[stem(_word)] = (
        *_ANTONYM_FORMS.get(stem(_word), ()),
        _word[: max(1, len(_word) - 2)],
    )


def compare(
    a: str, b: str, a_dates: list[tuple[str, str]], b_dates: list[tuple[str, str]]
) -> list[Finding]:
    """Every conflict between two statements that were aligned as saying the same thing."""
    if a == b and a_dates == b_dates:
        # nothing differs, so no check can find a rival value: entity and number checks
        # need a value on one side only, a negation needs one side only, and
        # ``compatible_dates`` holds for a date and itself (copies of a claim ask this often)
        return []
    if is_credit(a) or is_credit(b):
        return []  # a photo credit, caption or editors' note states no fact of the story
    if _ANOTHER_ONE.search(a) or _ANOTHER_ONE.search(b):
        # "a similar statue ... in Seoul" / "a statue ... in Busan": a side that introduces a
        # second thing of the kind speaks of another referent, so its values are not rival
        # values of the same slot
        return []
    dates = [
        f
        for f in date_findings(a_dates, b_dates)
        # the date extractor may miss a date one side states; a side whose text names the
        # other side's year ("spring 2025" against "in 2025") does not disagree with it
        if not (_names_year(a, f.norm_b) or _names_year(b, f.norm_a))
        # "released a debut album in 1993" / "released their first demo in 1992": two events
        and same_value_slot(a, b, f.value_a, f.value_b)
    ]
    numbers = [] if _other_moment(a, b, a_dates, b_dates) else number_findings(a, b)
    return entity_findings(a, b) + numbers + dates + polarity_findings(a, b)


# "one another" is no second thing, and "a second day" or "another week" counts time
_ANOTHER_ONE = re.compile(
    r"\b(?<!one )(?:another|a (?:similar|second|separate|further))\b"
    r"(?!\s+(?:day|night|week|month|year|time|term|round|straight|consecutive)s?\b)",
    re.IGNORECASE,
)

# A count dated by its own phrase: "as of Monday", "by Thursday", "through Friday".
_AS_OF = re.compile(
    r"\b(?:as of|by|through|until|up to)\s+(?:late\s+|early\s+|last\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|\w+ \d{1,2})\b",
    re.IGNORECASE,
)


def _other_moment(
    a: str, b: str, a_dates: list[tuple[str, str]], b_dates: list[tuple[str, str]]
) -> bool:
    """The two statements count as of different days ("as of Monday" / "as of Wednesday"):
    differing figures are then a later report updating an earlier one, not a dispute."""
    da = {m.group(1).lower() for m in _AS_OF.finditer(a)}
    db = {m.group(1).lower() for m in _AS_OF.finditer(b)}
    return bool(da and db and not da & db)


def _names_year(text: str, value: str) -> bool:
    year = value[:4]
    return year.isdigit() and re.search(rf"\b{year}\b", text) is not None


def compatible_dates(a: str, b: str) -> bool:
    """Same date at the shared precision ("2017-07" agrees with "2017-07-10")."""
    return a.startswith(b) or b.startswith(a)
