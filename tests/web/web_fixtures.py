"""A small hand-built store for the web tests: an original, its rewrite, an independent
report, and one hostile article whose every field carries a script or HTML payload."""

from __future__ import annotations

from pathlib import Path

from newsbrief.records import (
    AlignedPair,
    Article,
    Brief,
    Claim,
    Conflict,
    ConflictValue,
    Derivation,
    Removed,
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

SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
JS_URL = "javascript:window.__pwned=1;alert(1)"
ATTR = '"><svg onload="window.__pwned=1">'
PAYLOADS = (SCRIPT, IMG, ATTR)


def _article(aid: str, outlet: str, title: str, sentences: list[str], **kw: object) -> Article:
    text, spans, pos = "", [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(index=i, text=s, start=pos, end=pos + len(s), paragraph=i // 2))
        text += s + " "
        pos = len(text)
    return Article(id=aid, source=f"/in/{aid}.txt", text=text.strip(), title=title, outlet=outlet,
                   sentences=spans, **kw)  # type: ignore[arg-type]  # fmt: skip


ORIGINAL = [
    "The Kestrel Street ferry pier reopened on Monday after six weeks of repairs.",
    "Harbour master Lena Okafor said the new decking would last thirty years.",
    "About 900 commuters use the pier every day.",
]
REWRITE = [
    "The Kestrel Street ferry pier opened again on Monday after six weeks of repairs.",
    "Harbour master Lena Okafor said the new decking would last twenty years.",
    "A second pier will close in June.",
]
INDEPENDENT = [
    "Ferries returned to the Kestrel Street pier on Monday.",
    "About 900 commuters use the pier every day, the port authority said.",
]


def build_articles() -> list[Article]:
    a = _article("a1", "Harbour Times", "Kestrel pier reopens", ORIGINAL,
                 authors=["Mira Sand"], published="2031-04-07", url="https://harbour.example/pier",
                 removed=[Removed("Share this story on Flick", "share-widget")],
                 comments=["first!!! the ferry is always late"])  # fmt: skip
    b = _article("b2", "Copy Daily", "Pier opens again", REWRITE, published="2031-04-08")
    c = _article("c3", "River Wire", "Ferries back at Kestrel Street", INDEPENDENT,
                 published="2031-04-07T09:00:00+00:00", url="http://riverwire.example/ferries")  # fmt: skip
    x = _article("x9", f"Evil {ATTR} Post", f"Pier {SCRIPT} {IMG}",
                 [f"The pier {SCRIPT} reopened {IMG} on Monday.", f"Nothing {ATTR} here."],
                 authors=[f"{SCRIPT} Mallory"], url=JS_URL, published="2031-04-09",
                 removed=[Removed(f"Comment {IMG}", "reader-comments")],
                 comments=[SCRIPT])  # fmt: skip
    x.source = JS_URL
    return [a, b, c, x]


def build_brief(articles: list[Article]) -> Brief:
    by = {a.id: a for a in articles}

    def ref(aid: str, n: int) -> SentenceRef:
        return SentenceRef(aid, n, by[aid].sentences[n].text)

    rewrite = Derivation("b2", "a1", "rewrite", 0.71, [
        AlignedPair(0, 0, 0.9), AlignedPair(1, 1, 0.92, ["twenty"], ["thirty"])])  # fmt: skip
    return Brief(
        story="sferry000001",
        headline="Kestrel pier reopens",
        articles=[article_ref(a) for a in articles],
        derivations=[rewrite],
        summary=[
            SummarySentence(ORIGINAL[0], [ref("a1", 0), ref("c3", 0)]),
            SummarySentence(INDEPENDENT[1], [ref("c3", 1), ref("a1", 2)]),
            SummarySentence(by["x9"].sentences[0].text, [ref("x9", 0)]),
        ],
        claims=[
            Claim(ORIGINAL[0], [ref("a1", 0), ref("b2", 0), ref("c3", 0)], ["a1", "b2", "c3"], 2),
            Claim(ORIGINAL[1], [ref("a1", 1), ref("b2", 1)], ["a1", "b2"], 1, [0]),
            Claim(f"Claim {SCRIPT}", [ref("x9", 0)], ["x9"], 1),
        ],
        conflicts=[
            Conflict(
                "number",
                [
                    ConflictValue("thirty", ["a1"], [ref("a1", 1)]),
                    ConflictValue(f"twenty {IMG}", ["b2"], [ref("b2", 1)]),
                ],
                claim=1,
                description="different numbers: 'thirty' vs 'twenty'",
            ),  # fmt: skip
        ],
        quotes=[
            StoryQuote(
                "Lena Okafor",
                "the new decking would last thirty years",
                "a1",
                1,
                "reported",
                "said",
            ),  # fmt: skip
            StoryQuote(f"{SCRIPT} Speaker", f"quote {IMG}", "x9", 0, "direct", "said"),
        ],
        timeline=[TimelineEvent("2031-04-07", ORIGINAL[0], ["a1"], [ref("a1", 0)])],
        removed=[
            RemovedRef("a1", "Share this story on Flick", "share-widget"),
            RemovedRef("x9", f"Comment {IMG}", "reader-comments"),
        ],
        start="2031-04-07",
        end="2031-04-09",
    )


def fill_store(path: Path) -> Store:
    store = Store(path)
    articles = build_articles()
    store.add_articles(articles)
    store.add_derivations([Derivation("b2", "a1", "rewrite", 0.71, [
        AlignedPair(0, 0, 0.9), AlignedPair(1, 1, 0.92, ["twenty"], ["thirty"])])])  # fmt: skip
    store.save_stories(
        [Story("sferry000001", [a.id for a in articles], "2031-04-07", "2031-04-09", "Pier")]
    )
    store.save_brief(build_brief(articles))
    return store
