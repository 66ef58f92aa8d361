"""What both engines share: running the pipeline's steps against a Store.

The steps themselves and their order are in ``newsbrief.pipeline``. This module keeps the
store side of a run: new articles are written in batches (one transaction each), pending
articles are deduplicated and clustered chunk by chunk against the stories still open, and
every story whose membership changed is briefed again. An engine supplies only the part that
decides where the per-article and per-story steps run (``engines/local.py`` in this process,
``engines/ray.py`` on Ray).

This is also the one place that isolates records from each other: an article that cannot be
prepared or a story that cannot be briefed becomes a Problem with its reason (the traceback
goes to the debug log), and the run goes on.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newsbrief.dedup import parse_time
from newsbrief.engines import Reporter
from newsbrief.errors import ContractError
from newsbrief.pipeline import brief_story, link_articles, prepare_article, prepare_articles
from newsbrief.records import Article, Brief, Derivation, Problem, Story
from newsbrief.store import Store

log = logging.getLogger(__name__)

BATCH_SIZE = 200
BRIEF_CHUNK = 200  # stories whose articles are loaded at once for briefing
CHUNK = 5000  # pending articles deduplicated and clustered at once
WINDOW_DAYS = 7.0  # a story with no article this close to a chunk's start is closed


@dataclass(slots=True)
class BriefTask:
    """One story to brief: the story, its articles and the derivations among them."""

    story: Story
    articles: list[Article]
    derivations: list[Derivation]


# Briefs (or a Problem per story that could not be briefed) for tasks, in the same order.
BriefMapper = Callable[[list[BriefTask], int], Iterable[Brief | Problem]]


@dataclass(slots=True)
class RunResult:
    added: int = 0  # articles new to the store
    already_stored: int = 0  # articles read again and skipped (same id)
    problems: list[Problem] = field(default_factory=list)
    stories_changed: list[str] = field(default_factory=list)
    briefs: list[Brief] = field(default_factory=list)


def prepare_or_problem(article: Article) -> Article | Problem:
    """``pipeline.prepare_article``, or a Problem naming why this one article failed."""
    try:
        return prepare_article(article)
    except ContractError:
        raise  # records out of stage order: a bug in the caller, not one odd article
    except Exception as exc:  # one bad article never aborts a corpus
        log.debug("could not process %s", article.source, exc_info=True)
        return Problem(article.source, f"could not process article: {exc!r}")


def prepare_many_or_problem(articles: list[Article]) -> list[Article | Problem]:
    """``prepare_or_problem`` for a chunk of raw articles (``pipeline.prepare_articles``: the
    chunk's doubtful sentences parsed in one batch); the same results, in order."""
    out: list[Article | Problem] = []
    for article, done in zip(articles, prepare_articles(articles), strict=True):
        if isinstance(done, Exception):
            log.debug(
                "could not process %s",
                article.source,
                exc_info=(type(done), done, done.__traceback__),
            )
            out.append(Problem(article.source, f"could not process article: {done!r}"))
        else:
            out.append(done)
    return out


def brief_or_problem(task: BriefTask, words: int) -> Brief | Problem:
    """``pipeline.brief_story`` for one task, or a Problem naming why it failed."""
    try:
        return brief_story(task.story, task.articles, task.derivations, words)
    except ContractError:
        raise
    except Exception as exc:  # a story that cannot be briefed must not lose the others
        log.debug("could not brief story %s", task.story.id, exc_info=True)
        return Problem(f"story:{task.story.id}", f"could not brief: {exc!r}")


def brief_stories(tasks: list[BriefTask], words: int) -> list[Brief | Problem]:
    """The default ``BriefMapper``: brief each story in this process, one after another."""
    return [brief_or_problem(task, words) for task in tasks]


def report_problem(problem: Problem, result: RunResult, reporter: Reporter) -> None:
    result.problems.append(problem)
    reporter.problem(problem)


class ArticleWriter:
    """Stores prepared articles in batches, one transaction each, skipping ids already seen.

    Shared by the engines, so that what counts as "already stored" is decided in one place.
    """

    def __init__(self, store: Store, result: RunResult) -> None:
        self.store, self.result = store, result
        self.batch: list[Article] = []
        self.batch_ids: set[str] = set()

    def seen(self, article_id: str) -> bool:
        """Whether this id was read before (in this batch or an earlier run); counts it."""
        if article_id in self.batch_ids or self.store.has_article(article_id):
            self.result.already_stored += 1
            return True
        return False

    def add(self, article: Article) -> None:
        self.batch.append(article)
        self.batch_ids.add(article.id)
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.result.added += len(self.store.add_articles(self.batch))
        self.batch, self.batch_ids = [], set()

    def close(self) -> None:
        self.flush()
        self.store.add_problems(self.result.problems)


def ingest_item(
    item: Article | Problem, writer: ArticleWriter, result: RunResult, reporter: Reporter
) -> None:
    """One read result into the store: a Problem is reported, an article already stored is
    counted, any other goes through the per-article stages (a failure there is its Problem)."""
    if isinstance(item, Problem):
        report_problem(item, result, reporter)
        return
    if writer.seen(item.id):
        return
    prepared = prepare_or_problem(item)
    if isinstance(prepared, Problem):
        report_problem(prepared, result, reporter)
        return
    writer.add(prepared)


def update_stories(
    store: Store,
    reporter: Reporter,
    result: RunResult,
    words: int,
    brief_all: BriefMapper | None = None,
) -> None:
    """Dedup and cluster the articles not yet in a story, then re-brief the stories they touch.

    ``brief_all`` decides where the per-story work runs (the Ray engine passes its own);
    by default it runs here, one story after another.
    """
    assign_pending(store, reporter)
    brief_dirty(store, reporter, result, words, brief_all or brief_stories)


def assign_pending(store: Store, reporter: Reporter, chunk_size: int = CHUNK) -> None:
    """Put the stored articles that are not yet in a story into stories (marked dirty).

    Memory follows the open stories, not the corpus: pending articles are taken in publish
    order, ``chunk_size`` at a time, and each chunk is deduplicated and clustered against
    the stories still open at its start (those with an article within the clustering window)
    only, rebuilt from the store. Closed stories never come back into memory. Because the
    state is rebuilt from what is committed, a killed run resumes exactly where it stopped.
    A pending set that fits one chunk keeps ingest order, so small runs are unaffected.

    Which stories are open is read from the store once per run and then carried from chunk
    to chunk (exactly what the store would answer, see ``OpenStories``), so the work per
    chunk does not grow with the number of stories already stored.
    """
    heads = store.pending_heads()
    if not heads:
        return
    if len(heads) > chunk_size:
        heads.sort(key=lambda h: (h[1] or "", h[2]))
    reporter.stage("finding copies and clustering", len(heads))
    carried: OpenStories | None = None
    for start in range(0, len(heads), chunk_size):
        chunk = sorted(heads[start : start + chunk_size], key=lambda h: h[2])
        carried = _assign_chunk(store, [h[0] for h in chunk], [h[1] for h in chunk], carried)
        reporter.advance(len(chunk))


@dataclass(slots=True)
class OpenStories:
    """The stories that may still receive articles: end time and member ids of each.

    Carried between the chunks of one ``assign_pending`` call and kept equal to what the
    store holds for them: chunks come in publish order, so a story closed for one chunk
    (its end before the chunk's window) is closed for every later one and is dropped.
    """

    end: dict[str, datetime | None] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store: Store, since: datetime | None) -> OpenStories:
        out = cls()
        for row in store.story_rows():
            end = parse_time(row["end"])
            if _is_open(end, since):
                out.end[row["id"]] = end
                out.members[row["id"]] = []
        for aid, sid in store.assignments():
            if sid in out.members:
                out.members[sid].append(aid)
        return out

    def close(self, since: datetime) -> None:
        """Forget the stories whose last article is before ``since``."""
        for sid in [sid for sid, end in self.end.items() if not _is_open(end, since)]:
            del self.end[sid], self.members[sid]

    def update(self, changed: list[Story], merges: list[tuple[str, str]]) -> None:
        """Apply what a chunk saved: new memberships and merged-away stories."""
        for gone, _ in merges:
            self.end.pop(gone, None)
            self.members.pop(gone, None)
        for story in changed:
            self.end[story.id] = parse_time(story.end)
            self.members[story.id] = list(story.article_ids)


def _is_open(end: datetime | None, since: datetime | None) -> bool:
    # undated stories cannot be ruled out by time, so they stay open
    return since is None or end is None or end >= since


def _assign_chunk(
    store: Store,
    chunk_ids: list[str],
    published: list[str | None],
    carried: OpenStories | None = None,
) -> OpenStories:
    """Dedup and cluster one chunk; return the open stories after it, for the next chunk."""
    known = [t for t in (parse_time(p) for p in published) if t is not None]
    since = min(known) - timedelta(days=WINDOW_DAYS) if known else None
    if carried is None or since is None:
        # a chunk without dates sees every story, which the carried set no longer holds
        carried = OpenStories.from_store(store, since)
    else:
        carried.close(since)
    story_of = {aid: sid for sid, ids in carried.members.items() for aid in ids}
    # dedup sees the open stories' articles before the pending ones, as an incremental run
    # sees earlier runs' articles
    previous = list(store.articles(story_of))
    assigned = {a.id: story_of[a.id] for a in previous}  # in ingest order, as stored
    pending = list(store.articles(chunk_ids))
    articles = previous + pending
    linked = link_articles(articles, pending, assigned)
    store.add_derivations(linked.derivations)
    store.save_stories(linked.stories, linked.merges)
    carried.update(linked.stories, linked.merges)
    return carried


def brief_dirty(
    store: Store, reporter: Reporter, result: RunResult, words: int, brief_all: BriefMapper
) -> None:
    """Rewrite the brief of every dirty story, loading only those stories' articles.

    The stories go to ``brief_all`` ``BRIEF_CHUNK`` at a time; once a chunk is handed over
    (its first outcome asked for), the next chunk's articles are loaded from the store while
    the pool briefs this one, so the workers do not wait for this process's reads. Only
    reads happen in between: the next chunk's stories are other stories, which the briefs
    saved for this chunk do not touch, so what is stored is the same as chunk by chunk.
    """
    # every story whose membership changed and whose brief is not yet rewritten, including
    # those of a run that was killed before it got to them
    dirty = store.dirty_stories()
    reporter.stage("briefing", len(dirty))
    tasks = _brief_tasks(store, dirty[:BRIEF_CHUNK])
    for start in range(0, len(dirty), BRIEF_CHUNK):
        outcomes = iter(brief_all(tasks, words))
        first = next(outcomes, None)  # the whole chunk is with the workers now
        following = _brief_tasks(store, dirty[start + BRIEF_CHUNK : start + 2 * BRIEF_CHUNK])
        done = outcomes if first is None else itertools.chain([first], outcomes)
        for story, outcome in zip((t.story for t in tasks), done, strict=True):
            if isinstance(outcome, Problem):
                report_problem(outcome, result, reporter)
                continue
            store.save_brief(outcome)
            result.stories_changed.append(story.id)
            reporter.advance()
        tasks = following


def _brief_tasks(store: Store, story_ids: list[str]) -> list[BriefTask]:
    """What ``brief_all`` needs for these stories: each story, its articles, their derivations."""
    tasks = []
    for story in (store.story(sid) for sid in story_ids):
        members = list(store.articles(story.article_ids))
        tasks.append(BriefTask(story, members, _derivations_of(store, members)))
    return tasks


def _derivations_of(store: Store, members: list[Article]) -> list[Derivation]:
    """The derivations whose child is one of ``members``, in (child, parent) order.

    Looked up per article (indexed), never as the whole table: at 200k articles the table
    holds over 100k derivations with their aligned evidence, hundreds of MB as records.
    """
    found = [d for a in members for d in store.derivations_of(a.id) if d.child == a.id]
    # in the store's (child, parent) order, which the brief's derivation list keeps
    return sorted(found, key=lambda d: (d.child, d.parent))
