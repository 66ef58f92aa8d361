"""A hand-built Brief with every section filled, and hostile text in the untrusted fields.

Imported by the render tests as a plain module (tests dirs have no __init__.py).
"""

from __future__ import annotations

from newsbrief.records import (
    AlignedPair,
    ArticleRef,
    Brief,
    Claim,
    Conflict,
    ConflictValue,
    Derivation,
    Entity,
    RemovedRef,
    SentenceRef,
    StoryQuote,
    SummarySentence,
    TimelineEvent,
)

HOSTILE_TITLE = "# Bridge down <script>alert(1)</script> [click](javascript:alert(2))"


def make_brief() -> Brief:
    a, b, c, d = "a1", "b2", "c3", "d4"
    articles = [
        ArticleRef(
            a,
            "examples/courier.txt",
            "Calderwick Courier",
            "Footbridge collapses into the Ashwen",
            "2024-05-14",
            authors=["Jo Marsh"],
        ),
        ArticleRef(
            b, "examples/roundup.txt", "Daily Roundup Wire", "Bridge collapse", "2024-05-14"
        ),
        ArticleRef(
            c, "https://valley.example/bridge", "Ashwen Valley Post", HOSTILE_TITLE, "2024-05-15"
        ),
        ArticleRef(d, "examples/wires.jsonl#2", None, "", "2024-05-16", published_inferred=True),
    ]
    first = SentenceRef(a, 0, "Eleven people were hurt when the footbridge fell on Tuesday.")
    return Brief(
        story="s0123456789a",
        headline="Footbridge collapses into the Ashwen",
        articles=articles,
        derivations=[
            Derivation(
                child=b,
                parent=a,
                kind="rewrite",
                similarity=0.81,
                pairs=[
                    AlignedPair(0, 0, 1.0),
                    AlignedPair(3, 2, 0.86, child_only=["1986"], parent_only=["1968"]),
                    AlignedPair(4, 5, 0.7, child_only=["<script>"], parent_only=[]),
                ],
            )
        ],
        summary=[
            SummarySentence(first.text, [first, SentenceRef(c, 1, "Eleven were injured.")]),
            SummarySentence(
                "# Inspectors rated it fair [here](javascript:evil()) last year.",
                [
                    SentenceRef(
                        c, 4, "# Inspectors rated it fair [here](javascript:evil()) last year."
                    )
                ],
            ),
        ],
        claims=[
            Claim(
                "The bridge was built in 1968.",
                [SentenceRef(a, 3), SentenceRef(b, 3)],
                [a, b],
                1,
                conflicts=[1],
            ),
            Claim(
                "Eleven people were hurt.",
                [SentenceRef(a, 0), SentenceRef(b, 0), SentenceRef(c, 1)],
                [a, b, c],
                2,
                conflicts=[0],
            ),
        ],
        conflicts=[
            Conflict(
                "number",
                [
                    ConflictValue("11", [a, b, c], [SentenceRef(a, 0)]),
                    ConflictValue("14", [d], [SentenceRef(d, 2)]),
                ],
                claim=1,
                description="How many people were injured",
            ),
            Conflict(
                "number",
                [ConflictValue("1968", [a]), ConflictValue("1986", [b])],
                claim=0,
            ),
        ],
        quotes=[
            StoryQuote(
                "Miriam Tollander",
                "We will not reopen it until it is safe.",
                a,
                5,
                "direct",
                "said",
                "e1",
            ),
            StoryQuote(
                "Ms Tollander", "We will not reopen it until it is safe", b, 5, "direct", "said"
            ),
            StoryQuote(
                "Miriam Tollander",
                "the council had acted on every report",
                c,
                6,
                "reported",
                "according to",
                "e1",
            ),
            StoryQuote(
                "Pieter Vance",
                "<script>x</script> It went down in seconds.",
                c,
                2,
                "direct",
                "told",
                "e2",
            ),
        ],
        entities=[
            Entity(
                "e1",
                "Miriam Tollander",
                "person",
                ["Tollander", "Ms Tollander"],
                ["council spokesperson"],
                [a, b, c],
            ),
            Entity("e2", "Pieter Vance", "person", ["Vance"], ["station commander"], [c]),
        ],
        timeline=[
            TimelineEvent(
                "2024-05-14", "The footbridge collapses during the morning commute.", [a, b, c]
            ),
            TimelineEvent(
                "2023-03",
                "Inspectors rate the bridge fair.",
                [],
                [SentenceRef(c, 4)],
                inferred=True,
            ),
        ],
        removed=[
            RemovedRef(a, "Share this article", "share-widget"),
            RemovedRef(a, "Back to top", "navigation"),
            RemovedRef(d, "Great piece!", "reader-comments"),
            RemovedRef(d, "What a mess.", "reader-comments"),
        ],
        start="2024-05-14",
        end="2024-05-16",
    )


def md_section(md: str, title: str) -> str:
    """The body of the Markdown section ``## title`` (up to the next section)."""
    body = md.split(f"## {title}\n", 1)[1]
    return body.split("\n## ", 1)[0]
