"""Export rows: the store's records as full records (JSON Lines) or as flat table rows whose
columns ``SCHEMAS`` fixes (documented in docs/export.md)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsbrief.errors import ConfigError
from newsbrief.records import to_dict

if TYPE_CHECKING:
    from newsbrief.store import Store

KINDS = ("briefs", "stories", "articles", "claims", "conflicts", "quotes", "derivations")
# the kinds whose JSON Lines form is the full record (kept as it was before tables existed)
FULL_RECORD_KINDS = ("briefs", "stories", "articles", "derivations")

# column -> type: "str" (nullable text), "int", "float", "bool", "list[str]", "list[int]"
SCHEMAS: dict[str, dict[str, str]] = {
    "stories": {
        "id": "str",
        "label": "str",
        "start": "str",
        "end": "str",
        "articles": "int",
        "outlets": "int",
        "conflicts": "int",
        "article_ids": "list[str]",
    },
    "articles": {
        "id": "str",
        "story": "str",
        "source": "str",
        "url": "str",
        "outlet": "str",
        "title": "str",
        "authors": "list[str]",
        "published": "str",
        "published_inferred": "bool",
        "language": "str",
        "sentences": "int",
        "text": "str",
    },
    "claims": {
        "story": "str",
        "claim": "int",
        "text": "str",
        "articles": "list[str]",
        "independent_sources": "int",
        "sentences": "int",
        "conflicts": "list[int]",
    },
    "conflicts": {
        "story": "str",
        "conflict": "int",
        "kind": "str",
        "claim": "int",
        "description": "str",
        "value": "str",
        "articles": "list[str]",
    },
    "quotes": {
        "story": "str",
        "speaker": "str",
        "text": "str",
        "article": "str",
        "sentence": "int",
        "kind": "str",
        "cue": "str",
        "entity": "str",
    },
    "derivations": {
        "child": "str",
        "parent": "str",
        "kind": "str",
        "similarity": "float",
        "aligned_sentences": "int",
        "child_only": "list[str]",
        "parent_only": "list[str]",
    },
}


def finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None, recursively."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def records(store: Store, kind: str, fmt: str = "jsonl") -> Iterator[dict[str, Any]]:
    """The rows of one kind: full records for JSON Lines where they exist, else table rows."""
    if kind not in KINDS:
        raise ConfigError(f"unknown record kind {kind!r} (expected one of {KINDS})")
    if kind == "briefs":
        if fmt != "jsonl":
            raise ConfigError(
                "briefs are nested records and are exported as JSON Lines only",
                hint="export stories, claims, conflicts, quotes or derivations as tables",
            )
        from newsbrief.render import brief_to_dict

        for story in store.briefed_stories():
            yield finite(brief_to_dict(store.brief(story)))
        return
    if fmt == "jsonl" and kind in FULL_RECORD_KINDS:
        source: Iterable[Any]
        if kind == "stories":
            source = store.stories()
        elif kind == "articles":
            source = store.articles()
        else:
            source = store.derivations()
        for record in source:
            yield finite(to_dict(record))
        return
    yield from (finite(row) for row in _TABLES[kind](store))


def _story_rows(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.story_rows():
        story = store.story(row["id"])
        yield {
            "id": row["id"],
            "label": row["label"],
            "start": row["start"],
            "end": row["end"],
            "articles": row["size"],
            "outlets": row["outlets"],
            "conflicts": row["conflicts"],
            "article_ids": list(story.article_ids),
        }


def _article_rows(store: Store) -> Iterator[dict[str, Any]]:
    story_of = dict(store.assignments())
    for a in store.articles():
        yield {
            "id": a.id,
            "story": story_of.get(a.id),
            "source": a.source,
            "url": a.url,
            "outlet": a.outlet,
            "title": a.title,
            "authors": list(a.authors),
            "published": a.published,
            "published_inferred": a.published_inferred,
            "language": a.language,
            "sentences": len(a.sentences),
            "text": a.text,
        }


def _briefs(store: Store) -> Iterator[Any]:
    for story in store.briefed_stories():
        yield store.brief(story)


def _claim_rows(store: Store) -> Iterator[dict[str, Any]]:
    for brief in _briefs(store):
        for i, c in enumerate(brief.claims):
            yield {
                "story": brief.story,
                "claim": i,
                "text": c.text,
                "articles": list(c.articles),
                "independent_sources": c.independent_sources,
                "sentences": len(c.members),
                "conflicts": list(c.conflicts),
            }


def _conflict_rows(store: Store) -> Iterator[dict[str, Any]]:
    # one row per value, so "who holds which version" stays one flat row
    for brief in _briefs(store):
        for i, c in enumerate(brief.conflicts):
            for v in c.values:
                yield {
                    "story": brief.story,
                    "conflict": i,
                    "kind": c.kind,
                    "claim": c.claim,
                    "description": c.description,
                    "value": v.value,
                    "articles": list(v.articles),
                }


def _quote_rows(store: Store) -> Iterator[dict[str, Any]]:
    for brief in _briefs(store):
        for q in brief.quotes:
            yield {
                "story": brief.story,
                "speaker": q.speaker,
                "text": q.text,
                "article": q.article,
                "sentence": q.sentence,
                "kind": q.kind,
                "cue": q.cue,
                "entity": q.entity,
            }


def _derivation_rows(store: Store) -> Iterator[dict[str, Any]]:
    for d in store.derivations():
        yield {
            "child": d.child,
            "parent": d.parent,
            "kind": d.kind,
            "similarity": d.similarity,
            "aligned_sentences": len(d.pairs),
            "child_only": list(dict.fromkeys(w for p in d.pairs for w in p.child_only)),
            "parent_only": list(dict.fromkeys(w for p in d.pairs for w in p.parent_only)),
        }


_TABLES: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "stories": _story_rows,
    "articles": _article_rows,
    "claims": _claim_rows,
    "conflicts": _conflict_rows,
    "quotes": _quote_rows,
    "derivations": _derivation_rows,
}
