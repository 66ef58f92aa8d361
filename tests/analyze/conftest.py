"""Builders for hand-made, already-annotated articles used by the analyze tests."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pytest

from newsbrief.records import Article, DateMention, Mention, Quote, Sentence

Builder = Callable[..., Article]


def _sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for m in re.finditer(r"[^.!?]+[.!?]?", text):
        chunk = m.group(0)
        stripped = chunk.strip()
        if stripped:
            start = m.start() + chunk.index(stripped)
            out.append(Sentence(len(out), stripped, start, start + len(stripped)))
    return out


def build_article(
    aid: str,
    text: str,
    mentions: Sequence[tuple[str, str]] = (),
    quotes: Sequence[tuple[str, str | None]] = (),
    dates: Sequence[tuple[str, str | None, bool]] = (),
    published: str | None = None,
    wire: str | None = None,
) -> Article:
    """An article whose mentions/quotes/dates are found by exact string search in ``text``.

    mentions: (surface, kind), every occurrence; quotes: (content, speaker);
    dates: (surface, value, relative).
    """
    sents = _sentences(text)

    def sent_of(pos: int) -> int:
        return next(s.index for s in sents if s.start <= pos < s.end)

    art = Article(id=aid, source=f"{aid}.txt", text=text, published=published, sentences=sents)
    if wire:
        art.meta["wire"] = wire
    for surface, kind in mentions:
        for m in re.finditer(re.escape(surface), text):
            art.mentions.append(Mention(surface, kind, sent_of(m.start()), m.start(), m.end()))
    for content, speaker in quotes:
        pos = text.index(content)
        art.quotes.append(
            Quote(
                content, "direct", sent_of(pos), pos, pos + len(content), speaker, speaker, "said"
            )
        )
    for surface, value, relative in dates:
        pos = text.index(surface)
        art.dates.append(
            DateMention(surface, value, sent_of(pos), pos, pos + len(surface), relative)
        )
    art.mentions.sort(key=lambda m: m.start)
    return art


@pytest.fixture
def make_article() -> Builder:
    return build_article
