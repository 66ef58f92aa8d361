"""The stage order, in one place: what runs per file, per article, per corpus and per story.

    read -> clean -> annotate -> dedup -> cluster -> analyze -> summarize -> brief -> render
    (file)  (per article)         (per corpus)        (per story)

- ``read_inputs``: files, folders and globs -> raw Articles (a Problem per bad input);
  ``read_file`` for one file.
- ``prepare_article``: one raw Article -> clean -> annotate; ``prepare_articles`` for a chunk
  (the parse of the chunk's doubtful sentences in one batch, same result).
- ``link_articles``: the prepared articles of a corpus -> dedup (derivations) -> cluster
  (stories).
- ``brief_story``: one story's articles and derivations -> analyze -> summarize -> brief.
- ``write_briefs``: Briefs -> render -> one file per story and format.

Every step is a pure function over the records in ``newsbrief.records``. The engines
(``engines/local.py``, ``engines/ray.py``) call these steps and decide only where and in how
many processes they run; the store keeps what they return.

Each stage declares, as spaCy components do, the record fields it ``requires`` and the ones it
``assigns`` (``"Article.sentences"``; a whole record when the stage makes new ones, e.g.
``"Derivation"``). A step checks its inputs against the declarations before it runs
(``check_requires``), so a record that skipped a stage fails with a numbered ContractError
instead of giving a quietly worse brief. ``tests/test_pipeline.py`` checks the declarations
against a real run: every declared field is set by its stage, no stage changes a field it
does not declare, and no stage's output depends on a field it does not require.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from os import PathLike, fspath
from pathlib import Path

# first: the engines package keeps each process to one BLAS thread, before numpy is imported
from newsbrief import engines  # noqa: F401
from newsbrief.analyze import analyze_story
from newsbrief.annotate import (
    Planned,
    annotate,
    chunked_speech,
    finish_annotate,
    parse_planned,
    plan_annotate,
)
from newsbrief.brief import build_brief
from newsbrief.clean import clean_article
from newsbrief.cluster import StoryClusterer
from newsbrief.dedup import DedupIndex
from newsbrief.errors import ConfigError, ContractError
from newsbrief.read import iter_inputs, read_path
from newsbrief.records import Article, Brief, Derivation, Problem, Story
from newsbrief.summarize import summarize

DEFAULT_WORDS = 150  # word budget of a summary


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage's place in the pipeline and its contract with the records."""

    name: str
    scope: str  # "file" | "article" | "corpus" | "story": what one call of the stage sees
    requires: tuple[str, ...]  # "Record.field" the stage reads
    assigns: tuple[str, ...]  # "Record.field" it sets, or "Record" for records it makes


READ = Stage(
    "read",
    "file",
    requires=(),
    assigns=("Article",),
)
# clean reads and may rewrite each of these: bylines, datelines and mastheads become
# metadata, a section label as title is replaced
_CLEANED = (
    "Article.text",
    "Article.title",
    "Article.outlet",
    "Article.authors",
    "Article.published",
    "Article.meta",
    "Article.removed",
    "Article.comments",
)
CLEAN = Stage("clean", "article", requires=_CLEANED, assigns=_CLEANED)
ANNOTATE = Stage(
    "annotate",
    "article",
    requires=("Article.text", "Article.title", "Article.published"),
    assigns=(
        "Article.sentences",
        "Article.mentions",
        "Article.quotes",
        "Article.dates",
        "Article.language",
    ),
)
DEDUP = Stage(
    "dedup",
    "corpus",
    requires=("Article.id", "Article.text", "Article.sentences", "Article.published"),
    assigns=("Derivation",),
)
CLUSTER = Stage(
    "cluster",
    "corpus",
    requires=(
        "Article.id",
        "Article.title",
        "Article.text",
        "Article.sentences",
        "Article.published",
        "Article.language",
    ),
    assigns=("Story",),
)
ANALYZE = Stage(
    "analyze",
    "story",
    requires=(
        "Story",
        "Derivation",
        "Article.id",
        "Article.text",
        "Article.published",
        "Article.published_inferred",
        "Article.meta",
        "Article.sentences",
        "Article.mentions",
        "Article.quotes",
        "Article.dates",
    ),
    # the one side effect of analyze: a publish day inferred from the text (see analyze/)
    assigns=("Analysis", "Article.published", "Article.published_inferred"),
)
SUMMARIZE = Stage(
    "summarize",
    "story",
    requires=(
        "Analysis",
        "Derivation",
        "Article.id",
        "Article.published",
        "Article.sentences",
        "Article.dates",
    ),
    assigns=("SummarySentence",),
)
BRIEF = Stage(
    "brief",
    "story",
    requires=(
        "Story",
        "Analysis",
        "SummarySentence",
        "Derivation",
        "Article.id",
        "Article.source",
        "Article.title",
        "Article.outlet",
        "Article.authors",
        "Article.published",
        "Article.published_inferred",
        "Article.removed",
        "Article.sentences",
        "Article.language",
    ),
    assigns=("Brief",),
)

# The order data flows through; a newcomer reads the pipeline here.
STAGES: tuple[Stage, ...] = (READ, CLEAN, ANNOTATE, DEDUP, CLUSTER, ANALYZE, SUMMARIZE, BRIEF)

# How to tell that a required Article field was never assigned, for the fields where an
# empty value cannot be a stage's real answer. annotate sets sentences, mentions, quotes and
# dates in one call and gives every article with non-blank text at least one sentence, so
# ``sentences`` stands witness for all four; the other fields have no "unset" state to see.
_UNSET: dict[str, Callable[[Article], bool]] = {
    "Article.id": lambda a: not a.id,
    "Article.sentences": lambda a: not a.sentences and bool(a.text.strip()),
}
_WITNESS = {f"Article.{name}": "Article.sentences" for name in ("mentions", "quotes", "dates")}
_ASSIGNED_BY: dict[str, str] = {}
for _stage in STAGES:  # the first stage to assign a field is the one that makes it
    for _field in _stage.assigns:
        _ASSIGNED_BY.setdefault(_field, _stage.name)


def _assigned_by(field: str) -> str:
    """The stage that assigns ``field``, or that makes the record it belongs to."""
    return _ASSIGNED_BY.get(field) or _ASSIGNED_BY[field.split(".")[0]]


def check_requires(stage: Stage, articles: Iterable[Article]) -> None:
    """Raise ContractError when an article lacks a field ``stage`` requires.

    Cheap: a few attribute tests per article, and only for the fields whose absence can be
    told apart from an empty answer (see ``_UNSET``).
    """
    checks = dict.fromkeys(_WITNESS.get(f, f) for f in stage.requires if f.startswith("Article."))
    tests = [(f, _UNSET[f]) for f in checks if f in _UNSET]
    for article in articles:
        for name, unset in tests:
            if unset(article):
                raise ContractError(
                    f"stage {stage.name!r} requires {name}, which {_assigned_by(name)!r} "
                    f"assigns, but article {article.id or article.source!r} has none",
                    hint=f"run the article through pipeline.prepare_article before {stage.name}",
                )


# --------------------------------------------------------------------------- per file


def read_inputs(inputs: Iterable[str | PathLike[str]]) -> Iterator[Article | Problem]:
    """read: raw Articles from files, folders and globs, and one Problem per bad input."""
    return iter_inputs(fspath(p) for p in inputs)


def read_file(path: str | PathLike[str]) -> Iterator[Article | Problem]:
    """read, for one file: what ``read_inputs`` does for each file it finds (an engine that
    spreads files over workers lists them with ``read.files.expand_inputs``)."""
    return read_path(fspath(path))


# --------------------------------------------------------------------------- per article


def prepare_article(article: Article) -> Article:
    """clean, then annotate one raw article (a new Article; the raw one is left alone)."""
    check_requires(CLEAN, [article])
    cleaned = clean_article(article)
    check_requires(ANNOTATE, [cleaned])
    return annotate(cleaned)


def prepare_articles(articles: Sequence[Article]) -> list[Article | Exception]:
    """``prepare_article`` for a chunk of raw articles, in order: the same articles, but the
    doubtful sentences of the whole chunk are parsed in one batch (``annotate.annotate_many``).

    One article that fails gives its exception in its place, never aborting the others; a
    ContractError (records out of stage order: a caller's bug) is raised.
    """
    out: list[Article | Exception | None] = [None] * len(articles)
    if not chunked_speech():
        for i, article in enumerate(articles):
            out[i] = _prepared_or_error(article)
        return out  # type: ignore[return-value]
    planned: list[tuple[int, Planned]] = []
    for i, article in enumerate(articles):
        try:
            check_requires(CLEAN, [article])
            cleaned = clean_article(article)
            check_requires(ANNOTATE, [cleaned])
            planned.append((i, plan_annotate(cleaned)))
        except ContractError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad article is its own Problem
            out[i] = exc
    parse_planned([p for _, p in planned])
    for i, plan in planned:
        try:
            out[i] = finish_annotate(plan)
        except ContractError:
            raise
        except Exception:  # noqa: BLE001 - the whole of annotate again, one article alone
            out[i] = _prepared_or_error(articles[i])
    return out  # type: ignore[return-value]


def _prepared_or_error(article: Article) -> Article | Exception:
    try:
        return prepare_article(article)
    except ContractError:
        raise
    except Exception as exc:  # noqa: BLE001
        return exc


# --------------------------------------------------------------------------- per corpus


@dataclass(slots=True)
class Linked:
    """What dedup and clustering found for the pending articles of a corpus."""

    derivations: list[Derivation]  # those whose child is a pending article
    stories: list[Story]  # every story that received a pending article or absorbed another
    merges: list[tuple[str, str]]  # (absorbed story id, surviving story id)


def link_articles(
    articles: Sequence[Article], pending: Sequence[Article], assigned: dict[str, str]
) -> Linked:
    """dedup, then cluster: find the pending articles' copies and put them into stories.

    ``articles`` are every article to compare against, in arrival order (those already in a
    story first, then ``pending``); ``assigned`` maps the ids already in a story to it. Dedup
    is order-dependent (an article's derivations are judged against the articles indexed
    before it); grouping is not: the stored stories the batch touches are regrouped with it.
    """
    check_requires(DEDUP, articles)
    index = DedupIndex()
    found: list[Derivation] = []
    for article in articles:
        # an article already in a story had its copies looked for when it was pending: it
        # is only indexed, for the articles after it (its derivations would be dropped)
        found.extend(index.add(article, search=article.id not in assigned))
    # the index (stems, bags and signatures of every article) is done with: dropped before
    # clustering builds its own state, so the two never take memory at once
    del index

    check_requires(CLUSTER, articles)
    by_id = {a.id: a for a in articles}
    clusterer = StoryClusterer()
    clusterer.restore(((by_id[aid], sid) for aid, sid in assigned.items()), pending)
    # the batch is grouped together with the stored stories it touches (see
    # cluster.relink): two `add` runs end with the stories one run over both would make
    clusterer.add_batch(list(pending))
    pending_ids = {a.id for a in pending}
    merged_into = {into for _, into in clusterer.merges}
    changed = [
        s
        for s in clusterer.stories()
        if pending_ids & set(s.article_ids) or s.id in merged_into or s.id in clusterer.changed
    ]
    return Linked(found, changed, list(clusterer.merges))


# --------------------------------------------------------------------------- per story


def brief_story(
    story: Story,
    articles: list[Article],
    derivations: list[Derivation],
    words: int = DEFAULT_WORDS,
) -> Brief:
    """analyze, summarize, then assemble the brief of one story from its articles."""
    check_requires(ANALYZE, articles)
    ids = {a.id for a in articles}
    inside = [d for d in derivations if d.child in ids and d.parent in ids]
    analysis = analyze_story(story, articles, inside)
    check_requires(SUMMARIZE, articles)
    summary = summarize(articles, analysis=analysis, derivations=inside, words=words)
    check_requires(BRIEF, articles)
    return build_brief(story, articles, inside, analysis, summary)


# --------------------------------------------------------------------------- render


FORMATS = ("md", "json")


def write_briefs(
    briefs: Iterable[Brief], out_dir: str | PathLike[str], formats: Sequence[str] = FORMATS
) -> list[Path]:
    """render: write each brief as ``<story id>.<format>`` into ``out_dir`` (created if
    needed); returns the paths written, brief by brief, in ``formats`` order."""
    from newsbrief.render import render_json, render_markdown

    renderers = {"md": render_markdown, "json": render_json}
    unknown = [f for f in formats if f not in renderers]
    if unknown:
        raise ConfigError(f"unknown brief format(s) {unknown}; choose from {sorted(renderers)}")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for brief in briefs:
        for fmt in formats:
            path = folder / f"{brief.story}.{fmt}"
            path.write_text(renderers[fmt](brief), encoding="utf-8")
            written.append(path)
    return written
