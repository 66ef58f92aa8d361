"""Claims: the same statement made by sentences of two or more articles of a story.

Which pairs of statements say the same thing is decided in ``analyze.claim_pairs``; here the
passing pairs are merged, strongest first, into groups whose members all say the same thing.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable

from newsbrief.analyze.claim_pairs import (
    FIRM,
    HIGH,
    MIN_SHARED,
    RELATION_COSINE,
    _corroborates,
    candidate_pairs,
    edge_from_cosine,
    frame_parses,
    frames_apart,
    numbers_apart,
    paraphrase_fn,
    semantic_fn,
    shares_event,
    shares_event_beyond_descriptions,
    story_names,
    topic_only,
)
from newsbrief.analyze.sources import count_independent
from newsbrief.analyze.statements import is_statement, said_stems
from newsbrief.analyze.text import idf_weights
from newsbrief.records import Article, Claim, Derivation, Sentence, SentenceRef

MAX_SENTENCES_PER_ARTICLE = 80
Node = tuple[str, int]  # (article id, sentence index)


def align_claims(
    articles: list[Article],
    derivations: list[Derivation],
    sources: dict[str, str],
    semantic: bool = False,
) -> list[Claim]:
    """Group statements from different articles that say the same thing.

    Edges come from sentence similarity and from the aligned pairs of derivations; edges
    are merged strongest first, never putting two sentences of one article in a claim.
    ``semantic=True`` adds sentence-embedding cosine as a further signal (needs the
    ``embeddings`` extra; raises MissingExtraError without it).

    Only candidate pairs are scored (:func:`candidate_pairs`), and a text repeated across
    articles is stemmed and scored once, so the work grows with the story's distinct
    statements and their true matches, not with all pairs of sentences.
    """
    order = {a.id: n for n, a in enumerate(articles)}
    sents: dict[Node, Sentence] = {}
    klass: dict[Node, int] = {}  # node -> index of its distinct text
    texts: list[str] = []
    text_ids: dict[str, int] = {}
    for art in articles:
        for s in art.sentences[:MAX_SENTENCES_PER_ARTICLE]:
            k = text_ids.get(s.text)
            if k is None:
                if not is_statement(s.text):
                    text_ids[s.text] = -1
                    continue
                k = text_ids[s.text] = len(texts)
                texts.append(s.text)
            elif k < 0:
                continue
            sents[(art.id, s.index)] = s
            klass[(art.id, s.index)] = k
    stems = [said_stems(t) for t in texts]
    # document frequency counts every sentence, repeated texts included
    idf = idf_weights(stems[klass[n]] for n in sents)
    para = paraphrase_fn()
    names = story_names(articles)
    sem = semantic_fn([s.text for s in sents.values()]) if semantic else None
    nodes = sorted(sents, key=lambda n: (order[n[0]], n[1]))
    copies: list[list[Node]] = [[] for _ in texts]  # the sentences of each distinct text
    for node in nodes:
        copies[klass[node]].append(node)

    scores: dict[tuple[int, int], float] = {}
    # what ``edge_score``, ``cosine`` and ``containment`` would compute from each text's stems
    # on every call, computed once per text with the same operations in the same order (the
    # same floats): its stem set, counts and IDF norm; the squared IDF sum of its set lazily
    sets = [set(st) for st in stems]
    counts = [Counter(st) for st in stems]
    norms = [math.sqrt(sum((c * idf.get(t, 1.0)) ** 2 for t, c in cnt.items())) for cnt in counts]
    sq = {t: idf.get(t, 1.0) ** 2 for t in idf}
    set_weights: dict[int, float] = {}

    def set_weight(x: int) -> float:
        got = set_weights.get(x)
        if got is None:
            got = set_weights[x] = sum(sq.get(t, 1.0) for t in sorted(sets[x]))
        return got

    lexical: dict[tuple[int, int], float] = {}

    def pair_score(x: int, y: int) -> float:
        """Cosine of two distinct texts when they corroborate each other, else 0.0."""
        key = (x, y) if x <= y else (y, x)
        got = scores.get(key)
        if got is None:
            score = lexical_score(*key)
            ta, tb = texts[key[0]], texts[key[1]]
            ok = score > 0.0 and not frames_apart(ta, tb, names)
            ok = ok and not topic_only(ta, tb, score)
            got = scores[key] = score if ok else 0.0
        return got

    def lexical_score(i: int, j: int) -> float:
        """``pair_score`` before the frame test (the only one that parses)."""
        key = (i, j)
        got = lexical.get(key)
        if got is None:
            i, j = key
            shared = sets[i] & sets[j]
            if len(shared) < MIN_SHARED:  # edge_score's first test: no edge, no claim
                lexical[key] = 0.0
                return 0.0
            ta, tb = texts[i], texts[j]
            sa, sb = stems[i], stems[j]
            ca, cb = counts[i], counts[j]
            order_shared = sorted(shared)
            dot = sum(ca[t] * cb[t] * sq.get(t, 1.0) for t in order_shared)
            cos = dot / (norms[i] * norms[j]) if dot else 0.0
            if cos < FIRM:
                # ``edge_from_cosine`` returns 0.0 or ``cos`` itself, and ``_corroborates``
                # rejects every score under FIRM: the pair fails whatever the band tests
                # (containment, the paraphrase model) would say, so they are not run
                lexical[key] = 0.0
                return 0.0
            contained: list[float] = []

            def contain() -> float:  # ``containment(sa, sb, idf)``, computed once if asked
                if not contained:
                    inter = sum(sq.get(t, 1.0) for t in order_shared)
                    contained.append(inter / min(set_weight(i), set_weight(j)))
                return contained[0]

            score = edge_from_cosine(ta, tb, cos, contain, para, sem)
            # ``_corroborates`` needs the containment only for a score reaching FIRM
            ok = score > 0.0 and _corroborates(
                score, ta, tb, para, contain() if score >= FIRM else 0.0
            )
            ok = ok and shares_event(ta, tb, sa, sb, score) and not numbers_apart(ta, tb)
            ok = ok and shares_event_beyond_descriptions(ta, tb, idf)
            got = lexical[key] = score if ok else 0.0
        return got

    rank = {n: i for i, n in enumerate(nodes)}
    edges: list[tuple[float, Node, Node]] = []
    repeated = [(x, x) for x in range(len(texts)) if len(copies[x]) > 1]
    pairs = repeated + candidate_pairs(stems, idf, FIRM)
    # the frame test parses: the sentences of every pair that passes the rest are parsed in
    # one batch, which costs a fraction of parsing them one by one
    passing = [(x, y) for x, y in pairs if x != y and lexical_score(x, y) > 0.0]
    frame_parses(
        [(texts[x], texts[y]) for x, y in passing],
        [(texts[x], texts[y]) for x, y in passing if lexical_score(x, y) < RELATION_COSINE],
    )
    for x, y in pairs:
        score = pair_score(x, y)
        if score > 0.0:
            edges.extend((score, a, b) for a, b in _node_pairs(copies[x], copies[y], rank))
    ids = set(order)
    aligned: set[frozenset[Node]] = set()
    for d in derivations:
        if d.child not in ids or d.parent not in ids:
            continue
        for pair in d.pairs:
            a, b = (d.child, pair.child_sentence), (d.parent, pair.parent_sentence)
            if a in sents and b in sents:
                # a dedup alignment is evidence of its own; rank it with its similarity
                edges.append((max(pair.similarity, HIGH), a, b))
                aligned.add(frozenset((a, b)))

    def related(a: Node, b: Node) -> bool:
        # a group is a clique of claim edges: every member says the same as every other
        return frozenset((a, b)) in aligned or pair_score(klass[a], klass[b]) > 0.0

    def text_related(x: int, y: int) -> bool:
        return pair_score(x, y) > 0.0

    groups = _greedy_groups(edges, related, (klass, text_related))
    claims: list[Claim] = []
    for members in groups:
        members.sort(key=lambda n: (order[n[0]], n[1]))
        # the representative comes from an original (a source root), the earliest listed
        roots = [n for n in members if sources.get(n[0], n[0]) == n[0]]
        rep = (roots or members)[0]
        arts = [n[0] for n in members]
        claims.append(
            Claim(
                text=sents[rep].text,
                members=[SentenceRef(a, i, sents[(a, i)].text) for a, i in members],
                articles=arts,
                independent_sources=count_independent(arts, sources),
            )
        )
    claims.sort(
        key=lambda c: (
            -c.independent_sources,
            -len(c.members),
            order[c.articles[0]],
            c.members[0].sentence,
        )
    )
    return claims


def _greedy_groups(
    edges: list[tuple[float, Node, Node]],
    related: Callable[[Node, Node], bool],
    texts: tuple[dict[Node, int], Callable[[int, int], bool]] | None = None,
) -> list[list[Node]]:
    """Merge strongest edges first; two groups join only if every cross pair is related.

    The all-pairs check stops chaining: A~B and B~C with A unlike C is two claims, not one.
    With ``texts`` (node -> its distinct text, and whether two texts are related) the check
    runs once per pair of texts, so a claim repeated by many copies costs its distinct
    wordings, not its copies squared; a pair of texts found unrelated still joins when each
    of its node pairs is related on its own (a rewrite's aligned pair).
    """
    group_of: dict[Node, int] = {}
    groups: dict[int, list[Node]] = {}
    arts: dict[int, set[str]] = {}
    by_text: dict[int, dict[int, list[Node]]] = {}
    fresh = itertools.count()

    def all_related(ga: int, gb: int) -> bool:
        if texts is None:
            return all(related(x, y) for x in groups[ga] for y in groups[gb])
        for tx, xs in by_text[ga].items():
            for ty, ys in by_text[gb].items():
                if not texts[1](tx, ty) and not all(related(x, y) for x in xs for y in ys):
                    return False
        return True

    def single(node: Node) -> int:
        g = next(fresh)
        groups[g] = [node]
        arts[g] = {node[0]}
        by_text[g] = {texts[0][node] if texts is not None else 0: [node]}
        group_of[node] = g
        return g

    for _score, a, b in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ga, gb = group_of.get(a), group_of.get(b)
        if ga is not None and ga == gb:
            continue
        if not (arts[ga] if ga is not None else {a[0]}).isdisjoint(
            arts[gb] if gb is not None else {b[0]}
        ):
            continue  # at most one sentence per article in a claim
        fresh_a, fresh_b = ga is None, gb is None
        ga = single(a) if ga is None else ga
        gb = single(b) if gb is None else gb
        if len(groups[ga]) + len(groups[gb]) > 2 and not all_related(ga, gb):
            for g, made in ((ga, fresh_a), (gb, fresh_b)):
                if made:  # a node only joins a group through an accepted edge
                    node = groups.pop(g)[0]
                    arts.pop(g)
                    by_text.pop(g)
                    del group_of[node]
            continue
        keep, gone = (ga, gb) if len(groups[ga]) >= len(groups[gb]) else (gb, ga)
        for n in groups.pop(gone):
            groups[keep].append(n)
            group_of[n] = keep
        arts[keep] |= arts.pop(gone)
        for k, ns in by_text.pop(gone).items():
            by_text[keep].setdefault(k, []).extend(ns)
    return [g for g in groups.values() if len(g) >= 2]


FULL_PAIRS = 64  # texts with more copies than this are joined through a few representatives


def _node_pairs(xs: list[Node], ys: list[Node], rank: dict[Node, int]) -> list[tuple[Node, Node]]:
    """Sentence pairs (earlier first) standing for a related pair of texts, or one text
    with itself: every pair from different articles while few, else every copy paired with
    the first two copies of the other side (the greedy merge joins the rest through them)."""
    same = xs is ys
    if (len(xs) * (len(xs) - 1) // 2 if same else len(xs) * len(ys)) <= FULL_PAIRS:
        if same:
            cand = [(u, v) for i, u in enumerate(xs) for v in xs[i + 1 :]]
        else:
            cand = [(u, v) for u in xs for v in ys]
    else:
        cand = [(r, v) for r in _reps(xs) for v in ys] + [(u, r) for r in _reps(ys) for u in xs]
    out = {(u, v) if rank[u] < rank[v] else (v, u) for u, v in cand if u[0] != v[0]}
    return sorted(out, key=lambda p: (rank[p[0]], rank[p[1]]))


def _reps(nodes: list[Node]) -> list[Node]:
    """The first node and the first from another article."""
    first = nodes[0]
    other = next((n for n in nodes if n[0] != first[0]), None)
    return [first] if other is None else [first, other]
