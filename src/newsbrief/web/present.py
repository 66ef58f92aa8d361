"""What the pages show, computed from records: pure functions the templates only lay out.

Everything here is data; escaping is Jinja2's autoescape. The one place that decides whether
a string may become a link is ``safe_url``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from newsbrief.records import Article, ArticleRef, Brief, Derivation, Sentence, StoryQuote
from newsbrief.web.diff import Segment

HIT_START, HIT_END = "\x02", "\x03"  # the markers Store.search_marked puts around hits


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL with a host, else None (never a link)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ord(ch) < 0x21 for ch in url):  # control characters and spaces smuggle schemes
        return None
    return url


def source_label(outlet: str | None, source: str, url: str | None = None) -> str:
    """A short name for where an article came from: outlet, else web host, else file name."""
    if outlet:
        return outlet
    for candidate in (url, source):
        if candidate and safe_url(candidate):
            return urlsplit(candidate).netloc
    name = PurePosixPath(source.replace("\\", "/").split("#")[0]).name
    return name or source


def ref_label(ref: ArticleRef) -> str:
    return source_label(ref.outlet, ref.source)


def split_marked(snippet: str) -> list[Segment]:
    """A search snippet as segments; ``changed`` marks a hit."""
    segments: list[Segment] = []
    hit = False
    for part in snippet.replace(HIT_END, HIT_START).split(HIT_START):
        if part:
            segments.append(Segment(part, hit))
        hit = not hit
    return segments


def paragraphs(article: Article) -> list[list[Sentence]]:
    """Sentences grouped by paragraph; an article without sentences gets one per line."""
    sentences = article.sentences or [
        Sentence(index=i, text=line.strip(), start=0, end=0, paragraph=i)
        for i, line in enumerate(ln for ln in article.text.split("\n") if ln.strip())
    ]
    grouped: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        grouped.setdefault(sentence.paragraph, []).append(sentence)
    return [grouped[k] for k in sorted(grouped)]


@dataclass(slots=True)
class Column:
    label: str
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Cell:
    state: str  # "independent" | "derived" | "dissent" | "none"
    articles: list[str] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True)
class MatrixRow:
    index: int
    text: str
    independent: int
    cells: list[Cell]
    conflicted: bool
    articles: int = 0  # articles agreeing with the claim (dissenting ones left out)


def derived_from(derivations: list[Derivation]) -> dict[str, Derivation]:
    """child article -> its derivation (the most similar parent if there are several)."""
    best: dict[str, Derivation] = {}
    for d in derivations:
        if d.child not in best or d.similarity > best[d.child].similarity:
            best[d.child] = d
    return best


def outlet_columns(brief: Brief) -> list[Column]:
    columns: dict[str, Column] = {}
    for ref in brief.articles:
        label = ref_label(ref)
        columns.setdefault(label, Column(label)).articles.append(ref.id)
    return list(columns.values())


def claim_matrix(brief: Brief) -> tuple[list[Column], list[MatrixRow]]:
    """Claims x outlets: an outlet supports a claim independently unless every article of
    its that supports the claim is a copy or rewrite of another article in the story."""
    columns = outlet_columns(brief)
    derived = derived_from(brief.derivations)
    labels = {ref.id: ref_label(ref) for ref in brief.articles}
    rows: list[MatrixRow] = []
    for index, claim in enumerate(brief.claims):
        supporting = set(claim.articles) | {m.article for m in claim.members}
        dissent = set(claim.dissenting)
        cells: list[Cell] = []
        for column in columns:
            mine = [a for a in column.articles if a in supporting and a not in dissent]
            if not mine:
                against = [a for a in column.articles if a in supporting and a in dissent]
                # an outlet whose only article states another value of the claim's dispute
                cells.append(
                    Cell("dissent", against, "states a different value")
                    if against
                    else Cell("none")
                )
                continue
            originals = [a for a in mine if a not in derived]
            if originals:
                cells.append(Cell("independent", mine))
                continue
            d = derived[mine[0]]
            parent = labels.get(d.parent, d.parent)
            cells.append(Cell("derived", mine, f"{d.kind} of {parent}"))
        agreeing = len(supporting - dissent)
        rows.append(
            MatrixRow(
                index,
                claim.text,
                claim.independent_sources,
                cells,
                bool(claim.conflicts),
                agreeing,
            )
        )
    return columns, rows


def quotes_by_speaker(quotes: list[StoryQuote]) -> list[tuple[str, list[StoryQuote]]]:
    """Speakers with the most quotes first; quotes keep their story order."""
    grouped: dict[str, list[StoryQuote]] = defaultdict(list)
    for quote in quotes:
        grouped[quote.speaker or "(unattributed)"].append(quote)
    return sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0].lower()))


def citation_numbers(brief: Brief) -> dict[str, int]:
    """article id -> its 1-based number in the sources list the citation markers point at."""
    return {ref.id: n for n, ref in enumerate(brief.articles, start=1)}


def coverage(brief: Brief) -> dict[str, Any]:
    derived = derived_from(brief.derivations)
    outlets = outlet_columns(brief)
    kinds: dict[str, int] = defaultdict(int)
    for d in brief.derivations:
        kinds[d.kind] += 1
    return {
        "articles": len(brief.articles),
        "outlets": outlets,
        "independent": sum(1 for ref in brief.articles if ref.id not in derived),
        "kinds": dict(sorted(kinds.items())),
    }


def removed_by_article(
    brief: Brief, with_comments: bool = True
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(article id, [(reason, text)]) in the brief's article order; reader comments only
    ``with_comments``."""
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for item in brief.removed:
        if item.reason == "reader-comments" and not with_comments:
            continue
        grouped[item.article].append((item.reason, item.text))
    order = [ref.id for ref in brief.articles]
    return sorted(grouped.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 1e9)


def span(start: str | None, end: str | None) -> str:
    """A compact time span: dates only, one date when both ends fall on the same day."""
    a, b = (start or "")[:10], (end or "")[:10]
    if a and b and a != b:
        return f"{a} – {b}"
    return a or b
