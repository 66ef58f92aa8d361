"""summarize: annotated articles of one story -> extractive, cited summary sentences.

Multi-document and redundancy-aware: sentences are scored by how much of the story's
content they cover (concepts weighted by how many independent sources carry them, with
more weight near each article's lead), selected greedily under a word budget, ordered by
publication time then position, and cited to every article that states the same thing.
Copies and rewrites never count twice: a derived article's sentence is dropped when its
original is in the set, and its source joins the original's group.
"""

from __future__ import annotations

import numpy as np

from newsbrief.analyze.disputed import SentenceValues, disagree, sentence_values
from newsbrief.analyze.sources import independent_sources
from newsbrief.errors import ConfigError
from newsbrief.records import Analysis, Article, Derivation, SentenceRef, SummarySentence
from newsbrief.summarize.arrays import unique, unique_counts, unique_inverse
from newsbrief.summarize.memo import first_person, sentence_reason
from newsbrief.summarize.reference import leans_on_context
from newsbrief.summarize.select import (
    Candidate,
    Params,
    Similarity,
    concept_weights,
    greedy_select,
)
from newsbrief.summarize.words import StoryWords, story_words

CITE_SIMILARITY = 0.6  # cosine of content stems above which another article states the same


def _source_groups(
    articles: list[Article],
    analysis: Analysis | None,
    derivations: list[Derivation],
    folded: list[list[str]],
) -> list[int]:
    """Each article's independent-source group: the position of the group's first article.

    The groups are the analysis's (``analyze.sources``); without an analysis they come from
    the same function over the given derivations (``folded``: per article, its sentences'
    ``normalize_text``, which the word pass has made already).
    """
    if analysis is not None:
        sources = analysis.sources
    else:
        sources = independent_sources(articles, derivations, folded)
    first: dict[str, int] = {}
    return [first.setdefault(sources.get(a.id, a.id), i) for i, a in enumerate(articles)]


def _copied_sentences(
    articles: list[Article], derivations: list[Derivation]
) -> set[tuple[int, int]]:
    """(article, sentence) pairs not eligible because their article copies another in the set.

    A copy or rewrite adds no independent information, and its unaligned sentences are
    mostly the same facts reworded (often worse): the summary quotes the original, and the
    derived article is still cited wherever it states the same thing.
    """
    pos = {a.id: i for i, a in enumerate(articles)}
    out: set[tuple[int, int]] = set()
    for d in derivations:
        if d.child not in pos or d.parent not in pos:
            continue
        child = pos[d.child]
        out.update((child, s.index) for s in articles[child].sentences)
    return out


# Identical sentence texts share one row of tokens and similarities (a story of many
# articles repeats its sentences); False gives every sentence its own, the same values.
COLLAPSE_COPIES = True
# Up to this many distinct sentence texts (36 MB) the similarity matrix is dense, which is
# faster to read row by row; past it, sparse. Both hold the same values, so the summary is
# the same.
DENSE_SENTENCES = 3000


def _similarity(words: StoryWords) -> Similarity:
    """Cosine similarity of content-stem count vectors between the story's distinct texts:
    a dense array for up to ``DENSE_SENTENCES`` texts, else a sparse CSR matrix.

    Kept sparse past that: a dense matrix is quadratic in the story (12,840 sentences of a
    300-article story made 660 MB and half the summarizer's time), while the summary reads
    only the rows of the sentences it picks and the pairs above the support threshold.
    Identical texts share one row: a story of many articles repeats its sentences, and the
    product over repeated rows grew with the square of the copies.
    """
    from scipy.sparse import csr_matrix

    n, v = len(words.texts), max(1, words.n_stems)
    content = ~words.stop
    # the canonical CSR form (columns sorted in each row, repeats summed) built in one sort:
    # the tokens come row by row, so each (row, stem) key's count is the entry
    keys, counts = unique_counts(words.sentence[content] * v + words.stems[content])
    rows = keys // v
    indptr = np.searchsorted(rows, np.arange(n + 1))
    mat = csr_matrix((counts.astype(np.float32), keys % v, indptr), shape=(n, v))
    mat.has_canonical_format = True
    row_of = rows
    norms = np.sqrt(np.bincount(row_of, weights=mat.data**2, minlength=n))
    mat.data /= np.where(norms == 0, 1.0, norms)[row_of].astype(np.float32)
    product = (mat @ mat.T).tocsr()
    if n <= DENSE_SENTENCES:
        return Similarity(np.asarray(product.toarray(), dtype=np.float32), words.of)
    return Similarity(product, words.of)


def _concept_ids(
    words: StoryWords, eligible: np.ndarray
) -> tuple[dict[int, np.ndarray], np.ndarray]:
    """Each distinct text's concepts (content-stem unigrams, and bigrams unless both words
    are stop words) as sorted ids into the story's concept vocabulary; and per id, whether
    it is a bigram. Only texts marked ``eligible`` get concepts: no other is ever weighed."""
    n, v = len(eligible), words.n_stems
    st, stop, sent = words.stems, words.stop, words.sentence
    keep = eligible[sent]
    uni = keep & ~stop
    bi = keep[:-1] & (sent[:-1] == sent[1:]) & ~(stop[:-1] & stop[1:])
    # a unigram's key is its stem id; a bigram's is past every unigram key
    keys = np.concatenate([st[uni], v + st[:-1][bi] * v + st[1:][bi]])
    rows = np.concatenate([sent[uni], sent[:-1][bi]])
    span = v + v * v
    pairs = unique(rows * span + keys)
    row_of, key_of = pairs // span, pairs % span
    vocab, _, ids = unique_inverse(key_of)
    bounds = np.searchsorted(row_of, np.arange(n + 1))
    per = {int(i): ids[bounds[i] : bounds[i + 1]] for i in np.flatnonzero(eligible)}
    return per, vocab >= v


def _candidates(
    articles: list[Article],
    analysis: Analysis | None,
    derivations: list[Derivation],
) -> tuple[list[Candidate], Similarity, np.ndarray]:
    """The story's sentences as candidates, their similarities and, per concept id,
    whether it is a bigram."""
    listed = [(ai, s) for ai, art in enumerate(articles) for s in art.sentences]
    words = story_words([s.text for _, s in listed], collapse=COLLAPSE_COPIES)
    keys = words.keys
    of = words.of.tolist()
    folded: list[list[str]] = [[] for _ in articles]
    if analysis is None:
        for (ai, _), u in zip(listed, of, strict=True):
            folded[ai].append(keys[u])
    groups = _source_groups(articles, analysis, derivations, folded)
    copied = _copied_sentences(articles, derivations)
    cands: list[Candidate] = []
    first_seen: set[str] = set()
    rank = 0
    for row, (ai, s) in enumerate(listed):
        if cands and cands[-1].article != ai:
            rank = 0
        u = of[row]
        key = keys[u]
        copy = (ai, s.index) in copied
        reason = (
            sentence_reason(s.text, articles[ai].title, key, words.flags[u])
            if not copy and key not in first_seen
            else "seen"
        )
        # a writer's question, or a line that addresses the reader, is left out for
        # readability only, as a referring sentence is below: what it says still counts
        # for the concepts
        counted = reason in ("", "question", "second-person")
        ok = reason == ""
        needs = None
        # a sentence that leans on an earlier one (a pronoun before any name, an "also"
        # continuation, a condition) reads wrong alone: on a blind sample of the dev pile
        # 11 of 25 such sentences main took were defects, 3 of 25 of their replacements
        if ok and leans_on_context(s.text):
            # taken only with the sentence it refers to: the one before it, when that
            # one can stand in the summary and reads alone itself
            prev = cands[-1] if cands and cands[-1].article == ai else None
            if prev is not None and prev.eligible and prev.needs is None:
                needs = prev.row
            else:
                # left out for readability only: what it says still counts towards how
                # many sources carry each concept (``counted``)
                ok = False
        if not copy:
            # a copy's sentence is never eligible, so it must not hide the original's
            # identical sentence (listed later) as already seen
            first_seen.add(key)
        cands.append(
            Candidate(
                article=ai,
                sentence=s,
                words=words.n_words[u],
                rank=rank,
                row=row,
                group=groups[ai],
                eligible=ok,
                needs=needs,
                counted=counted,
            )
        )
        rank += ok
    # no two counted sentences share a text (the second one was seen before), so
    # concepts are counted per distinct text
    counted_text = np.zeros(len(words.texts), dtype=bool)
    counted_text[[of[c.row] for c in cands if c.counted]] = True
    per, bigram = _concept_ids(words, counted_text)
    for c in cands:
        if c.counted:
            c.ids = per[of[c.row]]
    sim = _similarity(words)
    sim.article = np.fromiter((c.article for c in cands), dtype=np.int64, count=len(cands))
    return cands, sim, bigram


def _support(cands: list[Candidate], sim: Similarity, threshold: float) -> None:
    """How many independent sources state each sentence (its own always does)."""
    if not cands:
        return
    _, _, group_of = unique_inverse(np.array([c.group for c in cands]))
    of = sim.of
    # per distinct text and group: does a sentence of that group state the same thing
    member = np.zeros((sim.size, int(group_of.max()) + 1), dtype=np.float32)
    member[of, group_of] = 1.0
    by_group = np.asarray((sim.matrix >= threshold).astype(np.float32) @ member) > 0
    count = by_group.sum(axis=1)[of] + ~by_group[of, group_of]
    for c, n in zip(cands, count.tolist(), strict=True):
        c.support = n


def _citations(
    chosen: Candidate,
    cands: list[Candidate],
    sim: Similarity,
    articles: list[Article],
    disputed: SentenceValues | None = None,
) -> list[SentenceRef]:
    """The chosen sentence, then per other article (in input order) its sentence most
    similar to the chosen one at ``CITE_SIMILARITY`` or above (the first of equals), unless
    that sentence states another value of a dispute than the chosen one does (a rewrite's
    "built in 1986" never supports "built in 1968")."""
    disputed = disputed or {}
    mine = disputed.get((articles[chosen.article].id, chosen.sentence.index), {})
    refs = [SentenceRef(articles[chosen.article].id, chosen.sentence.index, chosen.sentence.text)]
    row = sim.row(chosen.row)
    article = sim.article
    found = np.flatnonzero((row >= CITE_SIMILARITY) & (article != chosen.article))
    order = found[np.lexsort((found, -row[found], article[found]))]
    first = np.ones(len(order), dtype=bool)
    first[1:] = article[order][1:] != article[order][:-1]
    for r in order[first].tolist():
        c = cands[r]
        theirs = disputed.get((articles[c.article].id, c.sentence.index), {})
        if disagree(mine, theirs):
            continue
        refs.append(SentenceRef(articles[c.article].id, c.sentence.index, c.sentence.text))
    return refs


def _claims_of(cands: list[Candidate], articles: list[Article], analysis: Analysis) -> None:
    """Which of the analysis's claims each candidate sentence states.

    Two sentences of one claim say the same thing even when their words differ, so the
    summary takes at most one of them. Claims do not decide citations: those stay with the
    stricter sentence similarity, because a wrong citation costs more than a missing one.
    """
    row = {(articles[c.article].id, c.sentence.index): c for c in cands}
    for number, claim in enumerate(analysis.claims):
        for m in claim.members:
            cand = row.get((m.article, m.sentence))
            if cand is not None:
                cand.claims.add(number)


def summarize(
    articles: list[Article],
    analysis: Analysis | None = None,
    derivations: list[Derivation] | None = None,
    words: int = 150,
    params: Params | None = None,
) -> list[SummarySentence]:
    """Extractive summary of one story's annotated articles within ``words`` words.

    Every returned sentence's text equals its first citation's sentence text; further
    citations point to the other articles that state the same thing.
    """
    if words <= 0:
        raise ConfigError(f"summary length must be positive, got {words} words")
    params = params or Params()
    derivations = derivations or []
    cands, sim, bigram = _candidates(articles, analysis, derivations)
    if analysis is not None:
        _claims_of(cands, articles, analysis)
    _support(cands, sim, CITE_SIMILARITY)
    weights = concept_weights(cands, bigram, params)
    chosen = greedy_select(cands, sim, weights, bigram, words, params)

    disputed = sentence_values(analysis.conflicts) if analysis is not None else {}
    return [
        SummarySentence(
            c.sentence.text,
            _citations(c, cands, sim, articles, disputed),
            own_words=first_person(c.sentence.text),
        )
        for c in _in_reading_order(chosen, articles)
    ]


def _event_day(article: Article, sentence: int) -> str:
    """When a sentence's event happened: the day-precise date it states, else its article's
    stated publish day ("" when neither is known; a date inferred from the text orders
    nothing, and a relative date counts only against a stated publish date)."""
    stated = bool(article.published) and not article.published_inferred
    days = [
        d.value
        for d in article.dates
        if d.sentence == sentence and d.value and len(d.value) == 10 and (stated or not d.relative)
    ]
    if days:
        return min(days)
    return (article.published or "")[:10] if stated else ""


def _in_reading_order(chosen: list[Candidate], articles: list[Article]) -> list[Candidate]:
    """By event day, then by how early the sentence stands in its article (same-day reports
    are read lead first, whatever the hour each was stamped with); a sentence that refers to
    the one before it follows that one directly."""
    rows = {c.row for c in chosen}

    def head(c: Candidate) -> tuple[bool, str, int, int, int]:
        day = _event_day(articles[c.article], c.sentence.index)
        return (not day, day, c.rank, c.article, c.sentence.index)

    heads = {c.row: head(c) for c in chosen if c.needs is None or c.needs not in rows}
    keyed: list[tuple[tuple[bool, str, int, int, int], int, Candidate]] = []
    for c in chosen:
        if c.row in heads:
            keyed.append((heads[c.row], 0, c))
        else:
            lead = heads.get(c.needs) if c.needs is not None else None
            keyed.append((lead or head(c), 1, c))
    return [c for _, _, c in sorted(keyed, key=lambda k: (k[0], k[1]))]


__all__ = ["Params", "summarize"]
