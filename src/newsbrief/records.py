"""The records every stage reads and writes.

Stages are functions over these slotted dataclasses; nothing else crosses a stage
boundary. Character offsets (``start``/``end``) always index ``Article.text`` (the
clean text), sentence numbers index ``Article.sentences``.

``to_dict``/``from_dict`` give a JSON-safe form used by the store and the JSON renderer.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

# --------------------------------------------------------------------------- article parts


@dataclass(slots=True)
class Removed:
    """A piece of the input that is not article text, kept so nothing is silently lost."""

    text: str
    reason: str  # e.g. "comment-prompt", "share-widget", "navigation", "reader-comments", "byline"
    line: int = -1  # line number in the text as read (0-based), -1 if not line-based


@dataclass(slots=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(slots=True)
class Mention:
    """An entity mention inside one article."""

    text: str
    kind: str  # "person" | "org" | "place"
    sentence: int
    start: int
    end: int
    entity: str | None = None  # article-local canonical name after alias merging
    roles: list[str] = field(default_factory=list)  # a person's titles around this mention


@dataclass(slots=True)
class Quote:
    """A direct or reported statement with its speaker, inside one article."""

    text: str  # the content, without the surrounding quote marks
    kind: str  # "direct" | "reported"
    sentence: int  # index of the sentence where the content starts
    start: int
    end: int
    speaker: str | None = None  # resolved display name (a named person or organisation)
    speaker_text: str | None = None  # the surface form in the cue ("he", "the ambassador", ...)
    cue: str | None = None  # the cue verb, e.g. "said", "told", "according to"


@dataclass(slots=True)
class DateMention:
    text: str
    value: str | None  # ISO 8601 as precise as known: "2014", "2014-06", "2017-07-10"
    sentence: int
    start: int
    end: int
    relative: bool = False  # resolved against the publish date ("last week", "on Thursday")


@dataclass(slots=True)
class Article:
    id: str
    source: str  # input path (``path#line`` for a JSONL record) or URL
    text: str = ""
    title: str = ""
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 date or datetime
    published_inferred: bool = False
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # unknown input fields, provenance
    removed: list[Removed] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # reader comments, never analyzed
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)


# --------------------------------------------------------------------------- corpus level


@dataclass(slots=True)
class SentenceRef:
    article: str
    sentence: int
    text: str = ""


@dataclass(slots=True)
class AlignedPair:
    """Evidence for a derivation: a child sentence aligned to a parent sentence."""

    child_sentence: int
    parent_sentence: int
    similarity: float
    child_only: list[str] = field(default_factory=list)  # words the child has and the parent lacks
    parent_only: list[str] = field(default_factory=list)
    # the two sentences, filled in by the brief for pairs that differ, so the Markdown brief
    # can show a change in its sentence (empty in the store's derivations)
    child_text: str = ""
    parent_text: str = ""


@dataclass(slots=True)
class Derivation:
    child: str
    parent: str
    kind: str  # "exact" | "near" | "rewrite"
    similarity: float
    pairs: list[AlignedPair] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    id: str
    article_ids: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    label: str = ""


# --------------------------------------------------------------------------- analysis


@dataclass(slots=True)
class ConflictValue:
    value: str
    articles: list[str] = field(default_factory=list)
    sentences: list[SentenceRef] = field(default_factory=list)
    # outlet families (analyze.sources) holding this value: the weight of this side
    independent_sources: int = 0
    # when every article holding this value copies or rewrites one holding another value of
    # the same conflict: that original's id (the copy introduced the difference)
    rewrite_of: str | None = None


@dataclass(slots=True)
class Conflict:
    kind: str  # "entity" | "number" | "date" | "negation" | "antonym"
    values: list[ConflictValue] = field(default_factory=list)
    claim: int | None = None  # index into Analysis.claims
    description: str = ""


@dataclass(slots=True)
class Update:
    """A count a later report raised ("rose from 11 to 14 by 2024-05-15"): two figures of one
    slot from articles of different days, the later one larger; shown instead of a dispute."""

    unit: str  # what is counted (the slot of the two figures)
    values: list[ConflictValue] = field(default_factory=list)  # earliest first
    dates: list[str] = field(default_factory=list)  # first day each value was reported
    description: str = ""


@dataclass(slots=True)
class Claim:
    text: str  # the representative sentence
    members: list[SentenceRef] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    independent_sources: int = 0
    conflicts: list[int] = field(default_factory=list)  # indices into Analysis.conflicts
    # articles of the claim that state a minority value of one of its conflicts: listed as
    # members, not counted in independent_sources (they do not corroborate it)
    dissenting: list[str] = field(default_factory=list)
    # counts a later report raised: not disputes (analyze.conflicts)
    updates: list[Update] = field(default_factory=list)


@dataclass(slots=True)
class Entity:
    id: str
    name: str  # display name, the fullest form seen
    kind: str  # "person" | "org" | "place"
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoryQuote:
    speaker: str  # display name of the merged speaker entity
    text: str
    article: str
    sentence: int
    kind: str = "direct"
    cue: str | None = None
    entity: str | None = None  # Entity.id


@dataclass(slots=True)
class TimelineEvent:
    date: str  # ISO 8601 as precise as known
    text: str
    articles: list[str] = field(default_factory=list)
    sentences: list[SentenceRef] = field(default_factory=list)
    inferred: bool = False
    # the publish date of the reporting article when it stands apart from the story's span
    # (see brief.dated_apart); "" when it does not
    article_date: str = ""
    article_date_inferred: bool = False


@dataclass(slots=True)
class Analysis:
    story: str
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[StoryQuote] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # article id -> independent-source root
    unattributed_quotes: int = 0  # article quotes whose speaker matched no story entity


# --------------------------------------------------------------------------- output


@dataclass(slots=True)
class SummarySentence:
    text: str
    citations: list[SentenceRef] = field(default_factory=list)  # first one: the sentence itself
    # a passage in the first person ("I", "we" outside quotation marks, no speaker named in
    # the sentence): shown as its source's own words, not as the summary's voice
    own_words: bool = False


@dataclass(slots=True)
class ArticleRef:
    id: str
    source: str
    outlet: str | None = None
    title: str = ""
    published: str | None = None
    published_inferred: bool = False
    authors: list[str] = field(default_factory=list)
    language: str | None = None  # ISO 639-1, see newsbrief.language


@dataclass(slots=True)
class RemovedRef:
    article: str
    text: str
    reason: str


@dataclass(slots=True)
class Brief:
    story: str
    headline: str
    articles: list[ArticleRef] = field(default_factory=list)
    derivations: list[Derivation] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    quotes: list[StoryQuote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    removed: list[RemovedRef] = field(default_factory=list)
    start: str | None = None
    end: str | None = None


# --------------------------------------------------------------------------- ids

_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Case- and whitespace-folded text, the basis of ids and exact-copy hashes."""
    return _SPACE.sub(" ", text).strip().lower()


def article_id(source: str, text: str) -> str:
    """Stable id: the same text from the same source always gets the same id.

    A file source counts by its resolved path, so ``examples/a.txt`` read from the project
    folder, ``/home/me/project/examples/a.txt`` and the same file through a symbolic link are
    one article, not two.
    """
    digest = hashlib.sha1(f"{_source_key(source)}\n{normalize_text(text)}".encode()).hexdigest()
    return digest[:16]


def _source_key(source: str) -> str:
    if "://" in source or not source:
        return source
    path, sep, fragment = source.partition("#")
    return os.path.realpath(path) + sep + fragment


def story_id(seed_article_id: str) -> str:
    return "s" + hashlib.sha1(seed_article_id.encode()).hexdigest()[:11]


# --------------------------------------------------------------------------- (de)serialization

T = TypeVar("T")


def to_dict(record: Any) -> Any:
    """A JSON-safe form of a record (dataclasses become dicts, recursively)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list | tuple):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {str(k): to_dict(v) for k, v in record.items()}
    return record


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, v) for v in value]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record from ``to_dict`` output; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {
        f.name: _convert(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


def article_ref(article: Article) -> ArticleRef:
    return ArticleRef(
        id=article.id,
        source=article.source,
        outlet=article.outlet,
        title=article.title,
        published=article.published,
        published_inferred=article.published_inferred,
        authors=list(article.authors),
        language=article.language,
    )


@dataclass(slots=True)
class Problem:
    """One bad input, reported once and skipped: never a reason to stop a corpus."""

    source: str
    reason: str
    line: int | None = None  # 1-based line for line-based formats (JSONL), else None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"
