"""Conflicts between aligned statements: entity, number, date, negation, antonym."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from newsbrief.analyze.attribution import claim_stems
from newsbrief.analyze.frames import polarity_clash, same_entity_slot, same_value_slot
from newsbrief.analyze.names import HONORIFICS, ROLE_WORDS
from newsbrief.analyze.numbers import Quantity, quantities, same_amount
from newsbrief.analyze.sources import count_independent, independent_sources
from newsbrief.analyze.text import content_stems, cosine, demonym_base, idf_weights, is_credit
from newsbrief.analyze.updates import as_update
from newsbrief.records import Article, Claim, Conflict, ConflictValue, Derivation, SentenceRef
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
            out.append((i, toks[i + 1 : i + 4]))
    return out


@lru_cache(maxsize=8_192)  # one side's part of a comparison; callers only read it
def _polarity_view(
    text: str,
) -> tuple[set[str], dict[str, str], list[tuple[int, list[str]]]]:
    stems = set(content_stems(text))
    lowered = {stem(w): w for w in words(text, fold=True, hyphens=True, numbers=True)}
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


def compare(
    a: str, b: str, a_dates: list[tuple[str, str]], b_dates: list[tuple[str, str]]
) -> list[Finding]:
    """Every conflict between two statements that were aligned as saying the same thing."""
    if is_credit(a) or is_credit(b):
        return []  # a photo credit, caption or editors' note states no fact of the story
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


_Node = tuple[str, int]
_KIND_TEXT = {
    "entity": "different names in the same place",
    "number": "different numbers for the same thing",
    "date": "different dates",
    "negation": "one side negates what the other states",
    "antonym": "opposite words",
}


def _sentence_dates(article: Article, index: int) -> list[tuple[str, str]]:
    """The absolute dates annotate found in one sentence, as (value, text)."""
    return [
        (d.value, d.text)
        for d in article.dates
        if d.sentence == index and d.value and not d.relative
    ]


def compatible_dates(a: str, b: str) -> bool:
    """Same date at the shared precision ("2017-07" agrees with "2017-07-10")."""
    return a.startswith(b) or b.startswith(a)


# Sentences of one claim are compared for conflicts only when they say nearly the same thing
# (IDF-weighted cosine of what is said). Aligned pairs of a rewrite are always compared.
CONFLICT_MIN_SIMILARITY = 0.3


def find_conflicts(
    claims: list[Claim],
    articles: list[Article],
    derivations: list[Derivation],
    sources: dict[str, str] | None = None,
) -> list[Conflict]:
    """Conflicts inside each claim, and inside the aligned pairs of derivations.

    Findings with the same kind and slot in one claim merge, so a value carried by several
    articles is one ConflictValue listing them all. Each value is weighed by the outlet
    families holding it (``sources``: ``analyze.sources.independent_sources``, computed
    when not given) and marked when only a copy or rewrite holds it. ``Claim.conflicts``,
    ``Claim.dissenting`` and ``Claim.independent_sources`` are updated in place: articles
    stating a minority value do not corroborate the claim.
    """
    if sources is None:
        sources = independent_sources(articles, derivations)
    by_id = {a.id: a for a in articles}
    # every member counts towards document frequency; a text repeated by copies is stemmed once
    stems_of: dict[str, list[str]] = {}
    for claim in claims:
        for m in claim.members:
            if m.text not in stems_of:
                stems_of[m.text] = claim_stems(m.text)
    idf = idf_weights([stems_of[m.text] for claim in claims for m in claim.members] or [[""]])
    buckets: dict[tuple[object, ...], dict[str, ConflictValue]] = {}
    owner: dict[tuple[object, ...], int | None] = {}

    def text_of(node: _Node) -> str:
        sents = by_id[node[0]].sentences
        return sents[node[1]].text if 0 <= node[1] < len(sents) else ""

    def record(
        key: tuple[object, ...], claim: int | None, f: Finding, na: _Node, nb: _Node
    ) -> None:
        vals = buckets.setdefault(key, {})
        owner[key] = claim
        for norm, shown, node in ((f.norm_a, f.value_a, na), (f.norm_b, f.value_b, nb)):
            cv = vals.setdefault(norm, ConflictValue(value=shown))
            if node[0] not in cv.articles:
                cv.articles.append(node[0])
                cv.sentences.append(SentenceRef(node[0], node[1], text_of(node)))

    # A claim repeated by many copies holds the same sentence many times: what a pair of
    # sentences gives depends only on their texts and dates, so each is compared once.
    dates_of: dict[_Node, tuple[tuple[str, str], ...]] = {}
    found: dict[tuple[object, ...], list[Finding]] = {}

    def check(na: _Node, nb: _Node, strict: bool = False) -> list[Finding]:
        ta, tb = text_of(na), text_of(nb)
        if not ta or not tb:
            return []
        for n in (na, nb):
            if n not in dates_of:
                dates_of[n] = tuple(_sentence_dates(by_id[n[0]], n[1]))
        key = (ta, tb, dates_of[na], dates_of[nb], strict)
        got = found.get(key)
        if got is not None:
            return got
        for t in (ta, tb):
            if t not in stems_of:
                stems_of[t] = claim_stems(t)
        if strict and cosine(stems_of[ta], stems_of[tb], idf) < CONFLICT_MIN_SIMILARITY:
            # a claim may group statements that only share their topic; calling two such
            # sentences a dispute would put a false conflict in front of a fact-checker
            got = []
        else:
            got = compare(ta, tb, list(dates_of[na]), list(dates_of[nb]))
        found[key] = got
        return got

    def key_of(node: _Node) -> tuple[object, ...]:
        """What ``check`` depends on for one side: the sentence text and its dates."""
        text = text_of(node)
        if not text:
            return ("",)
        if node not in dates_of:
            dates_of[node] = tuple(_sentence_dates(by_id[node[0]], node[1]))
        return (text, dates_of[node])

    # sentence pairs a rewrite's alignment vouches for: compared however they are worded
    aligned_with: dict[_Node, set[_Node]] = {}
    for d in derivations:
        for p in d.pairs:
            a, b = (d.child, p.child_sentence), (d.parent, p.parent_sentence)
            aligned_with.setdefault(a, set()).add(b)
            aligned_with.setdefault(b, set()).add(a)
    in_claim: dict[_Node, int] = {}
    for ci, claim in enumerate(claims):
        nodes = [(m.article, m.sentence) for m in claim.members if m.article in by_id]
        for n in nodes:
            in_claim[n] = ci
        for na, nb, strict in _member_pairs(nodes, check, key_of, aligned_with):
            for f in check(na, nb, strict=strict):
                record((ci, f.kind, f.slot), ci, f, na, nb)
    for d in derivations:
        if d.child not in by_id or d.parent not in by_id:
            continue
        for pair in d.pairs:
            nc, np_ = (d.child, pair.child_sentence), (d.parent, pair.parent_sentence)
            if nc in in_claim and in_claim.get(nc) == in_claim.get(np_):
                continue  # already compared inside its claim
            for f in check(np_, nc):
                record((None, f.kind, f.slot, np_, nc), None, f, np_, nc)

    sentence_stems: dict[str, frozenset[str]] = {}
    for key, vals in buckets.items():
        if len(vals) >= 2 and key[1] == "number":
            _gather(str(key[2]), vals, articles, sentence_stems)
    parent_of = {d.child: d.parent for d in derivations}
    conflicts: list[Conflict] = []
    for key, vals in buckets.items():
        if len(vals) < 2:
            continue
        kind = str(key[1])
        values = list(vals.values())
        _weigh(values, sources, parent_of)
        at = owner[key]
        if kind == "number" and at is not None:
            update = as_update(str(key[2]), vals, by_id)
            if update is not None:
                claims[at].updates.append(update)  # a later, larger count: no dispute
                continue
        conflicts.append(
            Conflict(kind=kind, values=values, claim=at, description=_describe(kind, values))
        )
        if at is not None:
            claims[at].conflicts.append(len(conflicts) - 1)
    for claim in claims:
        _settle(claim, [conflicts[i] for i in claim.conflicts], sources)
    return conflicts


def _member_pairs(
    nodes: list[_Node],
    check: Callable[..., list[Finding]],
    key_of: Callable[[_Node], tuple[object, ...]],
    aligned_with: dict[_Node, set[_Node]],
) -> list[tuple[_Node, _Node, bool]]:
    """The pairs (earlier member first, strict or not) of one claim that hold a finding, in
    the order of a loop over every pair of members.

    What ``check`` gives for a pair depends only on the texts and dates of its sentences
    (``key_of``), so members with equal keys form a class and each ordered pair of classes
    is compared once, on representatives; only pairs of classes with a finding are expanded
    to their sentence pairs. A claim repeated by hundreds of copies thus costs its distinct
    wordings squared, not its copies squared. Pairs a rewrite's alignment vouches for
    (``aligned_with``) are compared on their own, not strictly.
    """
    index: dict[tuple[object, ...], int] = {}
    klass: list[int] = []
    reps: list[_Node] = []
    where: list[list[int]] = []  # class -> positions of its members, ascending
    for i, n in enumerate(nodes):
        k = index.setdefault(key_of(n), len(reps))
        if k == len(reps):
            reps.append(n)
            where.append([])
        klass.append(k)
        where[k].append(i)
    hits: dict[tuple[int, int], bool] = {}
    loose: dict[tuple[int, int], bool] = {}  # the same for aligned pairs
    at = {n: i for i, n in enumerate(nodes)}
    out: list[tuple[_Node, _Node, bool]] = []
    for i, na in enumerate(nodes):
        ka = klass[i]
        chosen: set[int] = set()
        for kb, spots in enumerate(where):
            if spots[-1] <= i:
                continue  # no member of that class comes after this one
            hit = hits.get((ka, kb))
            if hit is None:
                hit = hits[(ka, kb)] = bool(check(reps[ka], reps[kb], strict=True))
            if hit:
                chosen.update(spots[bisect.bisect_right(spots, i) :])
        partners = aligned_with.get(na)
        if partners:
            for j in [at[p] for p in partners if at.get(p, -1) > i]:
                chosen.discard(j)
                hit = loose.get((ka, klass[j]))
                if hit is None:
                    hit = loose[(ka, klass[j])] = bool(check(na, nodes[j], strict=False))
                if hit:
                    chosen.add(j)
        out.extend((na, nodes[j], not partners or nodes[j] not in partners) for j in sorted(chosen))
    return out


# A sentence elsewhere in the story states one side of a number dispute when it gives that
# value for that unit and shares this many content stems with what both sides say.
GATHER_MIN_SHARED = 2


def _gather(
    unit: str,
    vals: dict[str, ConflictValue],
    articles: list[Article],
    sentence_stems: dict[str, frozenset[str]],
) -> None:
    """Add every article of the story stating one side of a number dispute to that side.

    A dispute is found inside one claim, but other articles state the same figure in other
    words ("Eleven people were injured" / "which injured 11 people"): the weight of each side
    is every article stating it, so "14 against 11" shows 1 article against 6.
    ``sentence_stems`` caches the content stems of a sentence text across disputes.
    """

    def stems_of(text: str) -> frozenset[str]:
        got = sentence_stems.get(text)
        if got is None:
            got = sentence_stems[text] = frozenset(content_stems(text))
        return got

    sides = [v for v in vals.values() if v.sentences]
    common: set[str] | None = None
    for v in sides:
        stems = {t for ref in v.sentences for t in content_stems(ref.text)}
        common = stems if common is None else common & stems
    topic = {t for t in (common or set()) if not t[:1].isdigit()}
    if len(topic) < GATHER_MIN_SHARED:
        return
    by_norm = {norm: v for norm, v in vals.items()}
    for art in articles:
        if any(art.id in v.articles for v in vals.values()):
            continue
        for sent in art.sentences:
            if len(topic & stems_of(sent.text)) < GATHER_MIN_SHARED:
                continue
            qs = [q for q in quantities(sent.text) if q.unit == unit]
            hits = {f"{q.value:g}" for q in qs} & set(by_norm)
            if len(hits) == 1:
                v = by_norm[hits.pop()]
                v.articles.append(art.id)
                v.sentences.append(SentenceRef(art.id, sent.index, sent.text))
                break


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _weigh(values: list[ConflictValue], sources: dict[str, str], parent_of: dict[str, str]) -> None:
    """Outlet families per value; the original a value's only holders copy, if any."""
    for v in values:
        v.independent_sources = count_independent(v.articles, sources)
        originals = {parent_of.get(a) for a in v.articles}
        if None in originals:
            continue
        for other in values:
            if other is not v and originals <= set(other.articles):
                v.rewrite_of = parent_of[v.articles[0]]
                break


def _describe(kind: str, values: list[ConflictValue]) -> str:
    shown = " vs ".join(
        f"'{v.value}' ({_plural(v.independent_sources, 'outlet')}, "
        f"{_plural(len(v.articles), 'article')})"
        for v in values
    )
    text = f"{_KIND_TEXT[kind]}: {shown}"
    for v in values:
        if v.rewrite_of is not None:
            was = next((o.value for o in values if v.rewrite_of in o.articles), "")
            text += f"; only a rewrite holds '{v.value}': it changes '{was}' to '{v.value}'"
    return text


def _settle(claim: Claim, disputes: list[Conflict], sources: dict[str, str]) -> None:
    """Articles holding a minority value of a claim's conflict do not corroborate it.

    The majority is the value most outlet families hold (then most articles; then the one
    the claim's representative states); a value held only by a rewrite never wins.
    """
    rep = claim.members[0].article if claim.members else None
    for ref in claim.members:
        if ref.text == claim.text:
            rep = ref.article
            break
    dissent: set[str] = set()
    for conflict in disputes:
        best = max(
            conflict.values,
            key=lambda v: (
                v.rewrite_of is None,
                v.independent_sources,
                len(v.articles),
                rep in v.articles,
            ),
        )
        for v in conflict.values:
            if v is not best:
                dissent |= set(v.articles) - set(best.articles)
    claim.dissenting = [a for a in claim.articles if a in dissent]
    if rep in dissent:
        # the claim is shown in the words of the majority, not of the article disputing it
        agree = [m for m in claim.members if m.article not in dissent]
        if agree:
            claim.text = agree[0].text
    agreeing = [a for a in claim.articles if a not in dissent]
    claim.independent_sources = count_independent(agreeing, sources)
