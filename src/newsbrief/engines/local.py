"""The local engine: one process, streaming ingest, batch commits.

Each ingest batch is one transaction. Articles that are stored but not yet in a story
(a run killed between ingest and clustering) are picked up by the next run, so a rerun
finishes the job without duplicating anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from os import PathLike, fspath

from newsbrief.analyze import analyze_story
from newsbrief.annotate import annotate
from newsbrief.brief import build_brief
from newsbrief.clean import clean_article
from newsbrief.cluster import StoryClusterer
from newsbrief.dedup import DedupIndex
from newsbrief.engines import Reporter, SilentReporter
from newsbrief.read import iter_inputs
from newsbrief.records import Article, Brief, Derivation, Problem, Story
from newsbrief.store import Store
from newsbrief.summarize import summarize

DEFAULT_WORDS = 150
BATCH_SIZE = 200


@dataclass(slots=True)
class RunResult:
    added: int = 0  # articles new to the store
    already_stored: int = 0  # articles read again and skipped (same id)
    problems: list[Problem] = field(default_factory=list)
    stories_changed: list[str] = field(default_factory=list)
    briefs: list[Brief] = field(default_factory=list)


def prepare_article(article: Article) -> Article:
    """The per-article stages, in order."""
    return annotate(clean_article(article))


def ingest(
    inputs: Iterable[str | PathLike[str]], store: Store, reporter: Reporter, result: RunResult
) -> None:
    """Read, clean, annotate and store every readable article; bad inputs become Problems."""
    reporter.stage("reading", None)
    batch: list[Article] = []
    batch_ids: set[str] = set()
    for item in iter_inputs(fspath(p) for p in inputs):
        reporter.advance()
        if isinstance(item, Problem):
            _report(item, result, reporter)
            continue
        if item.id in batch_ids or store.has_article(item.id):
            result.already_stored += 1
            continue
        try:
            article = prepare_article(item)
        except Exception as exc:  # one bad article never aborts a corpus
            _report(Problem(item.source, f"could not process article: {exc!r}"), result, reporter)
            continue
        batch.append(article)
        batch_ids.add(article.id)
        if len(batch) >= BATCH_SIZE:
            result.added += len(store.add_articles(batch))
            batch, batch_ids = [], set()
    if batch:
        result.added += len(store.add_articles(batch))
    store.add_problems(result.problems)


def update_stories(store: Store, reporter: Reporter, result: RunResult, words: int) -> None:
    """Dedup and cluster the articles not yet in a story, then re-brief the stories they touch."""
    assigned = dict(store.assignments())
    articles = list(store.articles())
    pending = [a for a in articles if a.id not in assigned]
    by_id = {a.id: a for a in articles}
    if pending:
        _assign(store, reporter, articles, pending, assigned, by_id)
    # every story whose membership changed and whose brief is not yet rewritten, including
    # those of a run that was killed before it got to them
    dirty = [store.story(sid) for sid in store.dirty_stories()]
    reporter.stage("briefing", len(dirty))
    all_derivations = store.derivations()
    for story in dirty:
        members = [by_id[aid] for aid in story.article_ids]
        try:
            brief = brief_story(story, members, all_derivations, words)
        except Exception as exc:  # a story that cannot be briefed must not lose the others
            _report(Problem(f"story:{story.id}", f"could not brief: {exc!r}"), result, reporter)
            continue
        store.save_brief(brief)
        result.stories_changed.append(story.id)
        reporter.advance()


def _assign(
    store: Store,
    reporter: Reporter,
    articles: list[Article],
    pending: list[Article],
    assigned: dict[str, str],
    by_id: dict[str, Article],
) -> None:
    """Find the pending articles' copies and put them into stories (marked dirty)."""

    reporter.stage("finding copies", len(articles))
    index = DedupIndex()
    found: list[Derivation] = []
    for article in articles:
        derivations = index.add(article)
        if article.id not in assigned:
            found.extend(derivations)
        reporter.advance()
    store.add_derivations(found)

    reporter.stage("clustering", len(pending))
    clusterer = StoryClusterer()
    clusterer.restore((by_id[aid], sid) for aid, sid in assigned.items())
    # a whole batch is clustered among itself first (better groups than one-by-one
    # assignment), then each group joins an existing story or opens one
    clusterer.add_batch(pending)
    reporter.advance(len(pending))
    pending_ids = {a.id for a in pending}
    merged_into = {into for _, into in clusterer.merges}
    changed = [
        s for s in clusterer.stories() if pending_ids & set(s.article_ids) or s.id in merged_into
    ]
    store.save_stories(changed, clusterer.merges)


def brief_story(
    story: Story, articles: list[Article], derivations: list[Derivation], words: int
) -> Brief:
    ids = {a.id for a in articles}
    inside = [d for d in derivations if d.child in ids and d.parent in ids]
    analysis = analyze_story(story, articles, inside)
    summary = summarize(articles, analysis=analysis, derivations=inside, words=words)
    return build_brief(story, articles, inside, analysis, summary)


def process(
    inputs: Iterable[str | PathLike[str]],
    store: Store,
    reporter: Reporter | None = None,
    words: int = DEFAULT_WORDS,
) -> RunResult:
    """Ingest ``inputs`` into ``store`` and bring every story they touch up to date."""
    if isinstance(inputs, str | PathLike):
        inputs = [inputs]  # one path, not an iterable of characters
    reporter = reporter or SilentReporter()
    result = RunResult()
    ingest(inputs, store, reporter, result)
    update_stories(store, reporter, result, words)
    return result


def run_paths(
    inputs: Iterable[str | PathLike[str]], db: str | None = None, words: int = DEFAULT_WORDS
) -> RunResult:
    """``newsbrief.run``: process and return the briefs of every story in the store."""
    store = Store(db or ":memory:")
    try:
        result = process(inputs, store, words=words)
        stories = store.stories()
        briefed = {row["id"] for row in store.story_rows()} & set(store.briefed_stories())
        result.briefs = [store.brief(s.id) for s in stories if s.id in briefed]
        return result
    finally:
        store.close()


def _report(problem: Problem, result: RunResult, reporter: Reporter) -> None:
    result.problems.append(problem)
    reporter.problem(problem)
