"""Web UI render time with a large store, as a ratio to a static page of the same app.

Builds a store of synthetic articles (sentences recombined from the examples corpus, which the
project wrote itself) grouped into stories with full briefs, then times pages through
Starlette's TestClient: median of N requests each, divided by the median of /healthz.

    nice python benchmarks/bench_web.py [--articles 10000] [--per-story 10] [--requests 30]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from newsbrief.records import (
    AlignedPair,
    Article,
    Brief,
    Claim,
    Conflict,
    ConflictValue,
    Derivation,
    RemovedRef,
    Sentence,
    SentenceRef,
    Story,
    StoryQuote,
    SummarySentence,
    TimelineEvent,
    article_ref,
)
from newsbrief.store import Store

REPO = Path(__file__).resolve().parents[1]
OUTLETS = [
    f"Outlet {name}"
    for name in ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum", "Hazel"]
]


def corpus_sentences() -> list[str]:
    """Sentences of the examples corpus (plain split: this only feeds synthetic text)."""
    found: list[str] = []
    for path in sorted((REPO / "examples").glob("*")):
        if path.suffix not in (".txt", ".html", ".jsonl"):
            continue
        text = re.sub(r"<[^>]+>|[{}\[\]]", " ", path.read_text(encoding="utf-8"))
        for s in re.split(r"(?<=[.!?])\s+", text):
            s = " ".join(s.split())
            if 40 <= len(s) <= 240:
                found.append(s)
    return found or [
        f"Synthetic sentence number {i} about the council and the bridge." for i in range(50)
    ]


def make_article(aid: str, rng: random.Random, pool: list[str], day: int) -> Article:
    sentences, text = [], ""
    for i, s in enumerate(rng.sample(pool, k=min(len(pool), rng.randint(12, 24)))):
        start = len(text)
        text += s + " "
        sentences.append(Sentence(i, s, start, start + len(s), i // 3))
    return Article(id=aid, source=f"/bench/{aid}.txt", text=text.strip(),
                   title=sentences[0].text[:80], outlet=rng.choice(OUTLETS),
                   authors=["A. Writer"], published=f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}",
                   sentences=sentences)  # fmt: skip


def make_brief(story: Story, articles: list[Article], rng: random.Random) -> Brief:
    def ref(a: Article, n: int) -> SentenceRef:
        return SentenceRef(a.id, n, a.sentences[n].text)

    derivation = Derivation(articles[1].id, articles[0].id, "rewrite", 0.7,
                            [AlignedPair(i, i, 0.8) for i in range(5)])  # fmt: skip
    claims = [
        Claim(
            a.sentences[i].text,
            [ref(b, i % len(b.sentences)) for b in articles[:4]],
            [b.id for b in articles[:4]],
            3,
        )  # fmt: skip
        for i, a in enumerate(articles[:12])
    ]
    return Brief(
        story=story.id,
        headline=articles[0].title,
        articles=[article_ref(a) for a in articles],
        derivations=[derivation],
        summary=[
            SummarySentence(a.sentences[2].text, [ref(a, 2), ref(articles[0], 1)])
            for a in articles[:8]
        ],  # fmt: skip
        claims=claims,
        conflicts=[
            Conflict(
                "number",
                [
                    ConflictValue("11", [articles[0].id], [ref(articles[0], 0)]),
                    ConflictValue("14", [articles[2].id], [ref(articles[2], 0)]),
                ],
                claim=0,
                description="different numbers",
            )
        ],  # fmt: skip
        quotes=[
            StoryQuote(f"Speaker {i % 3}", a.sentences[3].text, a.id, 3, "direct", "said")
            for i, a in enumerate(articles)
        ],  # fmt: skip
        timeline=[
            TimelineEvent(a.published or "2024", a.sentences[4].text, [a.id], [ref(a, 4)])
            for a in articles[:6]
        ],  # fmt: skip
        removed=[RemovedRef(a.id, "Share this article", "share-widget") for a in articles],
        start=story.start,
        end=story.end,
    )


def build(path: Path, n_articles: int, per_story: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pool = corpus_sentences()
    story_ids: list[str] = []
    with Store(path) as store:
        for first in range(0, n_articles, per_story):
            day = rng.randint(0, 300)
            articles = [make_article(f"a{first + i:06d}", rng, pool, day + i % 3)
                        for i in range(min(per_story, n_articles - first))]  # fmt: skip
            store.add_articles(articles)
            sid = f"s{first // per_story:06d}"
            story = Story(sid, [a.id for a in articles], articles[0].published,
                          articles[-1].published, articles[0].title)  # fmt: skip
            story_ids.append(sid)
            store.save_stories([story])
            if len(articles) >= 4:
                brief = make_brief(story, articles, rng)
                store.add_derivations(brief.derivations)
                store.save_brief(brief)
    return story_ids


def median_ms(client: object, url: str, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        r = client.get(url)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - t)
        assert r.status_code == 200, (url, r.status_code)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-story", type=int, default=10)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    from starlette.testclient import TestClient

    from newsbrief.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t = time.perf_counter()
        story_ids = build(db, args.articles, args.per_story)
        built = time.perf_counter() - t
        mid = story_ids[len(story_ids) // 2]
        pages = [
            ("static: /healthz", "/healthz"),
            ("static: /static/style.css", "/static/style.css"),
            ("stories, by size (page 1)", "/"),
            ("stories, by recency (page 10)", "/?sort=recent&page=10"),
            ("stories, by conflicts", "/?sort=conflicts"),
            ("brief page", f"/story/{mid}"),
            ("article page", f"/article/a{args.articles // 2:06d}"),
            ("rewrite diff", f"/diff/a{args.articles // 2 + 1:06d}/a{args.articles // 2:06d}"),
            ("search", "/search?q=bridge"),
            ("API: brief JSON", f"/api/story/{mid}"),
        ]
        with TestClient(create_app(str(db))) as client:
            for _, url in pages:  # warm up templates and caches
                client.get(url)
            results = [(name, url, median_ms(client, url, args.requests)) for name, url in pages]
    base = results[0][2]
    print(f"{args.articles} articles, {len(story_ids)} stories, store built in {built:.1f} s; "
          f"median of {args.requests} requests (TestClient, in-process)\n")  # fmt: skip
    print("| page | URL | median ms | × static |")
    print("|---|---|---:|---:|")
    for name, url, ms in results:
        print(f"| {name} | `{url}` | {ms:.2f} | {ms / base:.1f} |")


if __name__ == "__main__":
    main()
