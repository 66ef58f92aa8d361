"""analyze: one story's articles -> claims, conflicts, entities, quotes and timeline.

Pure over records except for one documented side effect: an article without a publish
date may get ``published`` inferred from its text (``published_inferred=True``).
"""

from __future__ import annotations

from newsbrief.analyze.claims import align_claims
from newsbrief.analyze.conflicts import find_conflicts
from newsbrief.analyze.entities import EntityIndex, merge_entities
from newsbrief.analyze.quotes import story_quotes
from newsbrief.analyze.sources import independent_sources
from newsbrief.analyze.timeline import build_timeline
from newsbrief.records import Analysis, Article, Derivation, Story


def analyze_story(
    story: Story,
    articles: list[Article],
    derivations: list[Derivation],
    semantic: bool = False,
) -> Analysis:
    """Analyse the annotated ``articles`` of ``story``.

    Only articles listed in ``story.article_ids`` are used (all given ones when the story
    lists none); derivations touching other articles are ignored.
    """
    wanted = set(story.article_ids)
    arts = [a for a in articles if a.id in wanted] if wanted else list(articles)
    ids = {a.id for a in arts}
    derivs = [d for d in derivations if d.child in ids and d.parent in ids]

    sources = independent_sources(arts, derivs)
    index = merge_entities(arts, derived={d.child for d in derivs})
    quotes, unresolved = story_quotes(arts, index)
    claims = align_claims(arts, derivs, sources, semantic=semantic)
    conflicts = find_conflicts(claims, arts, derivs, sources)
    timeline = build_timeline(arts, conflicts)
    return Analysis(
        story=story.id,
        claims=claims,
        conflicts=conflicts,
        entities=index.entities,
        quotes=quotes,
        timeline=timeline,
        sources=sources,
        unattributed_quotes=unresolved,
    )


__all__ = ["EntityIndex", "analyze_story", "independent_sources", "merge_entities"]
