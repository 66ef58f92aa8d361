"""The brief's "Who said what" section: quotes grouped by speaker, each quote once.

The same words in several articles (copies, wire stories) are one quote, and so is a
copy's restatement of a quote in the sentence it was aligned to.
"""

from __future__ import annotations

import re
from collections import defaultdict

from newsbrief.records import Brief, Entity, StoryQuote
from newsbrief.render.citations import Sources
from newsbrief.render.escape import escape

# a speaker quoted in 500 articles stays readable; the JSON brief has every quote
MAX_QUOTES_PER_SPEAKER = 8


def _entity_for(quote: StoryQuote, entities: list[Entity]) -> Entity | None:
    for entity in entities:
        if quote.entity and entity.id == quote.entity:
            return entity
    name = (quote.speaker or "").strip().lower()
    for entity in entities:
        if name in {entity.name.lower(), *(a.lower() for a in entity.aliases)}:
            return entity
    return None


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


_Aligned = dict[tuple[str, int], tuple[str, int]]


def _aligned_sentences(brief: Brief) -> _Aligned:
    """(copy article, sentence) -> (original article, sentence) over all derivations."""
    return {
        (d.child, pair.child_sentence): (d.parent, pair.parent_sentence)
        for d in brief.derivations
        for pair in d.pairs
    }


def _quote_key(quote: StoryQuote, at: dict[tuple[str, int], StoryQuote], aligned: _Aligned) -> str:
    """A quote's identity: its folded words, or those of the speaker's quote in the sentence
    its sentence was copied from (followed through copies of copies)."""
    place, seen = (quote.article, quote.sentence), set()
    while place in aligned and place not in seen:
        seen.add(place)
        place = aligned[place]
        if place in at:
            quote = at[place]
    return _fold(quote.text)


def _originals_first(quotes: list[StoryQuote], aligned: _Aligned) -> list[StoryQuote]:
    # stable: the original's wording represents a merged quote, whatever the input order
    return sorted(quotes, key=lambda q: (q.article, q.sentence) in aligned)


def _without_interruption(text: str, cue: str | None) -> str:
    """Reported content that the cue interrupts ("the plan, he said, had failed") reads
    with the interruption elided: "the plan … had failed"."""
    if not cue:
        return text
    inner = re.compile(rf",\s+(?:[\w'’.-]+\s+){{1,5}}{re.escape(cue)},\s+")
    match = inner.search(text)
    if match is None:
        return text
    return f"{text[: match.start()]} … {text[match.end() :]}"


def quote_lines(brief: Brief, src: Sources) -> list[str]:
    aligned = _aligned_sentences(brief)
    # Group by the merged speaker entity when there is one, else by display name.
    groups: dict[str, list[StoryQuote]] = defaultdict(list)
    names: dict[str, str] = {}
    entity_of: dict[str, Entity | None] = {}
    for quote in brief.quotes:
        entity = _entity_for(quote, brief.entities)
        # A producer may leave the speaker unset; such quotes still get shown, unattributed.
        key = entity.id if entity else (quote.speaker or "").strip().lower()
        groups[key].append(quote)
        names.setdefault(key, entity.name if entity else quote.speaker or "")
        entity_of.setdefault(key, entity)
    lines: list[str] = []
    for key in sorted(groups, key=lambda k: -len(groups[k])):
        entity = entity_of[key]
        roles = f" — {escape('; '.join(entity.roles))}" if entity and entity.roles else ""
        if lines:
            lines.append("")
        lines += [f"### {escape(names[key]) or 'Unknown speaker'}{roles}", ""]
        # The same words in several articles (copies, wire stories) are one quote, and so is
        # a copy's restatement of a quote in the sentence it was aligned to.
        merged: dict[str, tuple[StoryQuote, list[str]]] = {}
        at = {(q.article, q.sentence): q for q in groups[key]}  # the speaker's quotes by place
        for quote in _originals_first(groups[key], aligned):
            merge_key = _quote_key(quote, at, aligned)
            merged.setdefault(merge_key, (quote, []))[1].append(quote.article)
        items = list(merged.values())
        for quote, ids in items[:MAX_QUOTES_PER_SPEAKER]:
            if quote.kind == "direct":
                body = f"“{escape(quote.text)}”"
            else:
                body = escape(_without_interruption(quote.text, quote.cue))
            tag = "" if quote.kind == "direct" else " *(reported)*"
            lines.append(f"- {body}{tag} {src.marks(ids)}")
        if len(items) > MAX_QUOTES_PER_SPEAKER:
            lines.append(f"- … and {len(items) - MAX_QUOTES_PER_SPEAKER} more")
    return lines
