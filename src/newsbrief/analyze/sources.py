"""Independent sources: copies, rewrites and shared wire stories collapse into one root."""

from __future__ import annotations

from collections import Counter

from newsbrief.outlets import outlet_key, registered_domain, wire_credit, wire_of
from newsbrief.records import Article, Derivation

DUPLICATE_ARTICLE = 0.5  # share of an article's sentences found verbatim in another


def _fold(text: str) -> str:
    """``normalize_text(text)`` without its regular expression: ``str.split`` splits on the
    characters ``\\s`` matches (``str.isspace``), and a joined split has no ends to strip."""
    return " ".join(text.split()).lower()


def _wire_key(article: Article) -> str | None:
    """The wire an article carries: its dateline credit, else a credit line in its body."""
    wire = article.meta.get("wire") if article.meta else None
    if isinstance(wire, str) and wire.strip():
        return wire_of(wire)
    return wire_credit(article.text) if article.text else None


def family(article: Article) -> str | None:
    """The outlet family independence is counted by: the wire an article carries, else its
    outlet (one key for every spelling), else the registered domain of its URL."""
    wire = _wire_key(article)
    if wire:
        return "wire:" + wire
    key = outlet_key(article.outlet) or outlet_key(registered_domain(article.url))
    return "outlet:" + key if key else None


def independent_sources(
    articles: list[Article],
    derivations: list[Derivation],
    folded: list[list[str]] | None = None,
) -> dict[str, str]:
    """Map every article id to the id of the independent source it belongs to.

    A derivation child joins its parent's group (the parent's root stays the root, so an
    original is the root of its copies); articles of one outlet family (``family``: the
    same wire credit, or the same outlet however spelt) form one group, and so do articles
    that share at least half of their sentences verbatim (one page scraped twice).
    Derivations that mention articles outside ``articles`` are ignored. ``folded``: per
    article, ``normalize_text`` of each of its sentences, when the caller has them already.
    """
    ids = [a.id for a in articles]
    parent: dict[str, str] = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def attach(child: str, target: str) -> None:
        rc, rt = find(child), find(target)
        if rc != rt:
            parent[rc] = rt

    # strongest evidence first so that a chain exact -> near -> rewrite roots at the original
    for d in sorted(derivations, key=lambda d: -d.similarity):
        if d.child in parent and d.parent in parent and d.child != d.parent:
            attach(d.child, d.parent)

    order = {a.id: n for n, a in enumerate(articles)}
    by_family: dict[str, list[str]] = {}
    for a in articles:
        key = family(a)
        if key:
            by_family.setdefault(key, []).append(a.id)
    for members in by_family.values():
        # articles of one outlet, or carrying one wire story, count once; the group is
        # rooted at the earliest-listed member's root
        members.sort(key=lambda i: order[i])
        for other in members[1:]:
            attach(other, members[0])

    # The same page scraped twice is one source even when no derivation links the two.
    # Each sentence is folded once (``_fold``), and a sentence no other article holds adds
    # nothing to the counts.
    keys = (
        folded if folded is not None else [[_fold(s.text) for s in a.sentences] for a in articles]
    )
    seen: dict[str, set[str]] = {}
    for a, texts in zip(articles, keys, strict=True):
        for k in texts:
            seen.setdefault(k, set()).add(a.id)
    for a, texts in zip(articles, keys, strict=True):
        shared: Counter[str] = Counter()
        for k in texts:
            holders = seen[k]
            if len(holders) > 1:
                shared.update(other for other in holders if other != a.id)
        for other in sorted(shared, key=lambda i: order[i]):
            if shared[other] >= DUPLICATE_ARTICLE * len(a.sentences):
                attach(a.id, other)

    return {i: find(i) for i in ids}


def count_independent(article_ids: list[str], sources: dict[str, str]) -> int:
    """Distinct independent sources (outlet families) among ``article_ids``."""
    return len({sources.get(a, a) for a in article_ids})
