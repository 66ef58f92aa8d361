"""Incremental detection of copies, near-duplicates and rewrites between articles.

Candidates come from indexes, never from comparing every pair: a hash table for exact
copies, MinHash LSH over word 3-shingles for near-duplicates, and an inverted index over
each article's most salient stems for rewrites (a rewrite shares few shingles with its
original but keeps its rare names and terms). Candidates are then confirmed by aligning
their sentences.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

import numpy as np

from newsbrief.dedup.lsh import MinHashLSHIndex
from newsbrief.dedup.minhash import MinHasher, jaccard
from newsbrief.dedup.similarity import quoted_fraction, word_diff
from newsbrief.records import AlignedPair, Article, Derivation
from newsbrief.text import content_stems, parse_time, words

NUM_PERM = 64
SHINGLE = 3
LSH_THRESHOLD = 0.5
NEAR_JACCARD = 0.6  # estimated 3-shingle Jaccard above which two texts are near-duplicates
PAIR_THRESHOLD = 0.4  # sentence pair score to count as aligned (lenient: rewrites reword a lot)
REWRITE_SHARE = 0.45  # aligned share of the shorter article's content sentences
MIN_PAIRS = 4  # same-story reports often share two or three sentences (quotes, agency facts) without copying
QUOTED = 0.5  # a pair whose two sentences are both mostly quotation is shared, not copied
MIN_STEMS = 4  # sentences with fewer content stems are captions, datelines, fragments
SALIENT = 20  # stems per article in the rewrite-candidate index
QUERY_SALIENT = 2 * SALIENT
MIN_SHARED = 6  # salient stems two articles must share to be compared
MAX_CANDIDATES = 20
_KIND_RANK = {"exact": 3, "near": 2, "rewrite": 1}
# numpy MinHash: 4.7x datasketch per article (benchmarks/bench_minhash.py), same estimates
_HASHER = MinHasher(num_perm=NUM_PERM, seed=1, shingle=SHINGLE)


@dataclass(slots=True)
class _Entry:
    # only what the decisions need, never the Article (sentences, mentions, quotes...)
    id: str
    published_text: str | None
    text_length: int
    key: str  # sha1 of the normalized text
    order: int
    sentences: list[str]
    # the content sentences (at least MIN_STEMS distinct content stems), by index, and what
    # ``_align`` needs of them as arrays: the number of distinct stems of each, and the
    # sentences' distinct stems as ids of the index's vocabulary (``ids``, sentence by
    # sentence; ``rows`` the position in ``content`` of each), and the same pairs ordered by
    # id (``sorted_ids``, ``sorted_rows``)
    content: list[int]
    sizes: Any  # numpy int64, one per content sentence
    ids: Any  # numpy int64
    rows: Any  # numpy int64
    sorted_ids: Any  # numpy int64
    sorted_rows: Any  # numpy int64
    quoted: list[float]
    bag: Counter[str]
    published: datetime | None
    salient: list[str] = field(default_factory=list)
    minhash: Any = None  # numpy MinHash signature (dedup.minhash)


class DedupIndex:
    """Articles seen so far; ``add`` returns how a new article relates to them.

    Retention bounds memory for a stream that never ends. ``retain_days``: an indexed
    article is forgotten once an article published more than that many days after it has
    been added (copies and rewrites follow their original within days; a month is
    generous). ``max_entries``: at most that many articles are kept, the earliest added
    forgotten first. A forgotten article is no longer a candidate parent and no longer
    counts in the term statistics. Undated articles are never forgotten by time. Both
    default to None (keep everything), which a batch of known size wants.
    """

    def __init__(self, retain_days: float | None = None, max_entries: int | None = None) -> None:
        self.retain = None if retain_days is None else timedelta(days=retain_days)
        self.max_entries = max_entries
        self._entries: dict[int, _Entry] = {}  # by order; insertion order is add order
        self._added = 0  # articles with a body seen, the next entry's order
        self._by_hash: dict[str, int] = {}
        self._lsh = MinHashLSHIndex(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        # term -> orders holding it (a dict as an ordered set: removal without a scan)
        self._postings: dict[str, dict[int, None]] = defaultdict(dict)
        self._df: Counter[str] = Counter()
        self._dated: list[tuple[datetime, int]] = []  # heap of (published, order)
        self._newest: datetime | None = None
        self._vocab: dict[str, int] = {}  # content stem -> id (``_Entry.ids``)

    def __len__(self) -> int:
        """Articles currently indexed (exact copies are not indexed twice)."""
        return len(self._entries)

    def add(self, article: Article, search: bool = True) -> list[Derivation]:
        """Index ``article``; return derivations between it and already-indexed articles.

        ``search=False`` only indexes it and returns nothing: for an article whose
        derivations are already known (one already in a story, added so that the articles
        after it are compared with it). The index ends in the same state either way: what
        ``add`` stores never depends on what the search finds.
        """
        if not article.text.strip():
            return []  # a headline-only item has no body to copy
        entry = self._entry(article)
        self._added += 1
        self._evict(entry.published)
        if entry.key in self._by_hash:
            # a copy is not indexed: its original already answers for its text
            if not search:
                return []
            return [self._derive(entry, self._entries[self._by_hash[entry.key]], "exact", 1.0)]
        self._by_hash[entry.key] = entry.order
        self._entries[entry.order] = entry
        if not search:
            self._index(entry)
            return []

        found: list[Derivation] = []
        seen: set[int] = set()
        for idx in self._lsh.query(entry.minhash):
            other = self._entries[cast(int, idx)]  # keys are the entries' orders
            estimate = jaccard(entry.minhash, other.minhash)
            if estimate >= NEAR_JACCARD:
                seen.add(other.order)
                found.append(self._derive(entry, other, "near", estimate))
        for idx in self._rewrite_candidates(entry):
            if idx in seen:
                continue
            d = self._rewrite(entry, self._entries[idx])
            if d is not None:
                found.append(d)
        self._index(entry)
        return _keep_best_parent(found, article.id)

    # ------------------------------------------------------------------ indexing

    def _entry(self, article: Article) -> _Entry:
        sentences = [s.text for s in article.sentences]  # annotate split them
        bag: Counter[str] = Counter()
        vocab = self._vocab
        content: list[int] = []
        sizes: list[int] = []
        ids: list[int] = []
        rows: list[int] = []
        for i, s in enumerate(sentences):  # content_stems once per sentence: set and bag share it
            terms = content_stems(s)
            bag.update(terms)
            distinct = dict.fromkeys(terms)
            if len(distinct) < MIN_STEMS:
                continue
            row = len(content)
            content.append(i)
            sizes.append(len(distinct))
            for term in distinct:
                got = vocab.get(term)
                if got is None:
                    got = vocab[term] = len(vocab)
                ids.append(got)
                rows.append(row)
        id_array = np.array(ids, dtype=np.int64)
        row_array = np.array(rows, dtype=np.int64)
        by_id = np.argsort(id_array, kind="stable")
        toks = [w.lower() for w in words(article.text, hyphens=True, possessive=False)]
        # ``records.normalize_text`` without its regex: ``str.split`` splits on exactly the
        # characters ``\s`` matches, and a joined split has no ends to strip
        key = hashlib.sha1(" ".join(article.text.split()).lower().encode()).hexdigest()
        return _Entry(
            id=article.id,
            published_text=article.published,
            text_length=len(article.text),
            key=key,
            order=self._added,
            sentences=sentences,
            content=content,
            sizes=np.array(sizes, dtype=np.int64),
            ids=id_array,
            rows=row_array,
            sorted_ids=id_array[by_id],
            sorted_rows=row_array[by_id],
            quoted=[quoted_fraction(s) for s in sentences],
            bag=bag,
            published=parse_time(article.published),
            minhash=_HASHER.signature(toks),
        )

    def _salient(self, entry: _Entry, size: int = SALIENT) -> list[str]:
        n = len(self._by_hash) + 1
        df, log = self._df, math.log
        # the weight (1 + log tf) * log((n + 1) / (df + 1)), negated for the sort, one tuple
        # per term; both logs take small integers that repeat across the bag, so each
        # distinct one is computed once (the same expression: the same float)
        tf_part = {c: 1 + log(c) for c in set(entry.bag.values())}
        idf_part: dict[int, float] = {}
        keyed = []
        for t, c in entry.bag.items():
            d = df[t]
            idf = idf_part.get(d)
            if idf is None:
                idf = idf_part[d] = log((n + 1) / (d + 1))
            keyed.append((-(tf_part[c] * idf), t))
        keyed.sort()
        return [t for _, t in keyed[:size]]

    def _index(self, entry: _Entry) -> None:
        self._df.update(entry.bag.keys())
        entry.salient = self._salient(entry)
        for term in entry.salient:
            self._postings[term][entry.order] = None
        self._lsh.insert(entry.order, entry.minhash)
        if self.retain is not None and entry.published is not None:
            heapq.heappush(self._dated, (entry.published, entry.order))
        if self.max_entries is not None:
            while len(self._entries) > self.max_entries:
                self._forget(next(iter(self._entries)))

    def _evict(self, now: datetime | None) -> None:
        """Forget what falls outside the time retention, before ``add`` looks for candidates
        (the count bound is applied after indexing, so ``max_entries`` are compared)."""
        if now is not None and (self._newest is None or now > self._newest):
            self._newest = now
        if self.retain is not None and self._newest is not None:
            horizon = self._newest - self.retain
            while self._dated and self._dated[0][0] < horizon:
                self._forget(heapq.heappop(self._dated)[1])

    def _forget(self, order: int) -> None:
        entry = self._entries.pop(order, None)
        if entry is None:
            return  # already forgotten (by count before its time came)
        if self._by_hash.get(entry.key) == order:
            del self._by_hash[entry.key]
        self._lsh.remove(order)
        for term in entry.salient:
            posting = self._postings[term]
            posting.pop(order, None)
            if not posting:
                del self._postings[term]
        self._df.subtract(entry.bag.keys())
        for term in entry.bag:
            if self._df[term] <= 0:
                del self._df[term]

    def _rewrite_candidates(self, entry: _Entry) -> list[int]:
        shared: Counter[int] = Counter()
        # The query side looks further down its term list than the index side stores: term
        # weights drift as document frequencies grow, and a rewrite must not be missed
        # because its rarest words shifted by a rank or two.
        for term in self._salient(entry, QUERY_SALIENT):
            shared.update(self._postings[term].keys() if term in self._postings else ())
        ranked = [i for i, c in shared.most_common(MAX_CANDIDATES) if c >= MIN_SHARED]
        return ranked

    # ------------------------------------------------------------------ decisions

    def _rewrite(self, a: _Entry, b: _Entry) -> Derivation | None:
        pairs = _align(a, b)
        counted = [p for p in pairs if not (a.quoted[p[0]] > QUOTED and b.quoted[p[1]] > QUOTED)]
        shorter = min(len(a.content), len(b.content))
        if shorter == 0 or len(counted) < MIN_PAIRS:
            return None
        share = len(counted) / shorter
        if share < REWRITE_SHARE:
            return None
        return self._derive(a, b, "rewrite", min(1.0, share), pairs)

    def _derive(
        self,
        a: _Entry,
        b: _Entry,
        kind: str,
        similarity: float,
        pairs: list[tuple[int, int, float]] | None = None,
    ) -> Derivation:
        if pairs is None:
            pairs = _align(a, b)
        if _is_original(a, b):
            child, parent = b, a
            pairs = [(j, i, s) for i, j, s in pairs]
        else:
            child, parent = a, b
        evidence = []
        for ci, pi, score in sorted(pairs):
            child_only, parent_only = word_diff(child.sentences[ci], parent.sentences[pi])
            evidence.append(AlignedPair(ci, pi, round(score, 4), child_only, parent_only))
        return Derivation(
            child=child.id,
            parent=parent.id,
            kind=kind,
            similarity=round(similarity, 4),
            pairs=evidence,
        )


def _align(a: _Entry, b: _Entry) -> list[tuple[int, int, float]]:
    """One-to-one greedy alignment of content sentences by paraphrase score (best first).

    A pair of content sentences sharing ``shared`` distinct stems (at least 3) of ``la`` and
    ``lb`` scores 0.5 * (shared / sqrt(la * lb) + shared / min(la, lb)). The counts of
    shared stems of every pair are counted at once over the (a stem, b stem) matches of
    equal id (integers), the scores computed from them with the same operations as the
    scalar formula, element by element (the same IEEE results), then ordered (score
    desc, i, j).
    """
    if not a.content or not b.content:
        return []
    # each stem occurrence of a meets the occurrences of the same stem in b
    lo = np.searchsorted(b.sorted_ids, a.ids, "left")
    hits = np.searchsorted(b.sorted_ids, a.ids, "right") - lo
    total = int(hits.sum())
    if total < 3:
        return []
    first = np.repeat(lo - (np.cumsum(hits) - hits), hits)  # b position minus match number
    rb = b.sorted_rows[first + np.arange(total)]
    ra = np.repeat(a.rows, hits)
    nb = len(b.content)
    shared_all = np.bincount(ra * nb + rb, minlength=len(a.content) * nb)
    cells = np.flatnonzero(shared_all >= 3)
    if not len(cells):
        return []
    ri, rj = np.divmod(cells, nb)
    shared = shared_all[cells].astype(np.float64)
    la, lb = a.sizes[ri], b.sizes[rj]
    score = 0.5 * (shared / np.sqrt(la * lb) + shared / np.minimum(la, lb))
    keep = score >= PAIR_THRESHOLD
    if not keep.any():
        return []
    ia = np.asarray(a.content)[ri[keep]]
    jb = np.asarray(b.content)[rj[keep]]
    kept = score[keep]
    order = np.lexsort((jb, ia, -kept))
    scored = zip(kept[order].tolist(), ia[order].tolist(), jb[order].tolist(), strict=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for score, i, j in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, score))
    return out


def _containment(x: Counter[str], y: Counter[str]) -> float:
    total = sum(x.values())
    return sum((x & y).values()) / total if total else 0.0


def _is_original(a: _Entry, b: _Entry) -> bool:
    """Whether ``a`` is the original of the pair (a, b)."""
    pa, pb = a.published_text, b.published_text
    if pa and pb:
        # compare at the precision both dates have: "2024-05-14" and "2024-05-14T11:02" are
        # the same day, not one earlier than the other
        common = min(len(pa), len(pb), 10)
        if pa[:common] != pb[:common]:
            return pa[:common] < pb[:common]
    a_in_b, b_in_a = _containment(a.bag, b.bag), _containment(b.bag, a.bag)
    if abs(a_in_b - b_in_a) > 0.02:
        # A copy takes most of its words from the original and drops or adds a few, so the
        # text that is more contained in the other is the copy (Broder's containment).
        return b_in_a > a_in_b
    la, lb = a.text_length, b.text_length
    if la != lb:
        return la > lb
    return a.order < b.order


def _keep_best_parent(found: list[Derivation], new_id: str) -> list[Derivation]:
    """The new article gets at most one parent (the strongest); it may parent several."""
    as_child = [d for d in found if d.child == new_id]
    as_parent = [d for d in found if d.child != new_id]
    if as_child:
        best = max(as_child, key=lambda d: (_KIND_RANK[d.kind], d.similarity))
        as_parent.insert(0, best)
    return as_parent


def find_derivations(articles: list[Article]) -> list[Derivation]:
    """All derivations in a batch of articles (indexed in the order given)."""
    index = DedupIndex()
    out: list[Derivation] = []
    for article in articles:
        out.extend(index.add(article))
    return out
