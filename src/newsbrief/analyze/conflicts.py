"""Conflicts of a story: findings of the pairwise checks gathered per claim and weighed.

The checks of one sentence pair (entity, number, date, negation, antonym) are in
``analyze.conflict_checks``; here they are run over each claim's members and the aligned
pairs of derivations, merged into ConflictValues and settled against the claim.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from newsbrief.analyze.attribution import claim_stems
from newsbrief.analyze.conflict_checks import Finding, compare
from newsbrief.analyze.numbers import quantities
from newsbrief.analyze.sources import count_independent, independent_sources
from newsbrief.analyze.text import content_stems, cosine, idf_weights
from newsbrief.analyze.updates import as_update
from newsbrief.records import Article, Claim, Conflict, ConflictValue, Derivation, SentenceRef

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
        if ta == tb and dates_of[na] == dates_of[nb]:
            return []  # ``compare`` finds nothing between a statement and itself
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
