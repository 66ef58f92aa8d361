"""The Markdown brief: what an analyst reads.

Every statement carries citation markers ``[n]`` that refer to the numbered
``## Sources`` list at the end. Numbers follow the brief's article order, so the same
article has the same number in every section. All text that came from an input goes
through ``escape`` so an article cannot inject headings, links or HTML into the brief.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from newsbrief.records import ArticleRef, Brief, Claim, Conflict, Update
from newsbrief.render.citations import Sources
from newsbrief.render.escape import escape
from newsbrief.render.quotes import MAX_QUOTES_PER_SPEAKER, quote_lines
from newsbrief.render.rewrites import MAX_PAIRS, derivation_lines

__all__ = [
    "MAX_CLAIMS",
    "MAX_OTHER_CLAIMS",
    "MAX_PAIRS",
    "MAX_QUOTES_PER_SPEAKER",
    "MAX_TIMELINE",
    "render_markdown",
]

# Caps keep a brief of a 500-article story readable; the JSON form has everything.
MAX_CLAIMS = 15
MAX_OTHER_CLAIMS = 8
MAX_TIMELINE = 30


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _day(value: str | None) -> str:
    return value[:10] if value else ""


def _header(brief: Brief) -> list[str]:
    # a date inferred from an article's text ("in 1974, Watergate …") is shown beside that
    # article in the sources, never as the story's span
    dates = sorted(a.published for a in brief.articles if a.published and not a.published_inferred)
    start = _day(brief.start or (dates[0] if dates else None))
    end = _day(brief.end or (dates[-1] if dates else None))
    parts = []
    if start and end and start != end:
        parts.append(f"{start} – {end}")
    elif start or end:
        parts.append(start or end)
    outlets = {a.outlet.strip().lower() for a in brief.articles if a.outlet and a.outlet.strip()}
    count = _plural(len(brief.articles), "article")
    unnamed = sum(1 for a in brief.articles if not (a.outlet and a.outlet.strip()))
    if outlets:
        # an article naming no outlet is its own source (the web page and CLI count it so)
        more = f", {unnamed} naming none" if unnamed else ""
        parts.append(f"{count} from {_plural(len(outlets), 'outlet')}{more}")
    else:
        parts.append(count)
    if brief.derivations:
        n = len(brief.derivations)
        parts.append(f"{n} {'copy or rewrite' if n == 1 else 'copies or rewrites'}")
    return [f"# {escape(brief.headline) or 'Untitled story'}", "", f"*{' · '.join(parts)}*"]


def _summary(brief: Brief, src: Sources) -> list[str]:
    lines = []
    for sentence in brief.summary:
        marks = src.marks(c.article for c in sentence.citations)
        if sentence.own_words:
            # "I" and "we" are the source's, not the summary's: quoted, and said so
            lines.append(f"“{escape(sentence.text)}” {marks} *(the source's own words)*")
        else:
            lines.append(f"{escape(sentence.text)} {marks}".rstrip())
    return lines


def _support(claim: Claim, src: Sources) -> str:
    """ "N outlets (M articles)": N independent outlet families, M articles agreeing; an
    article stating a minority value of the claim's dispute is named apart, with its mark,
    since it is not cited for the claim."""
    cited = claim.articles or [m.article for m in claim.members]
    dissent = [a for a in dict.fromkeys(cited) if a in set(claim.dissenting)]
    agreeing = len(set(cited) - set(dissent))
    text = f"{_plural(claim.independent_sources, 'outlet')} ({_plural(agreeing, 'article')})"
    if dissent:
        text += f"; {_plural(len(dissent), 'article')} disagreeing: {src.marks(dissent)}"
    return text


def _claim_line(claim: Claim, src: Sources) -> str:
    # the claim cites the articles that state it; a dissenting member is shown apart
    dissent = set(claim.dissenting)
    ids = [a for a in (claim.articles or [m.article for m in claim.members]) if a not in dissent]
    disputed = " — **disputed**, see below" if claim.conflicts else ""
    updated = "".join(f" — *updated: {escape(_rose(u))}*" for u in claim.updates)
    return f"- {escape(claim.text)} {src.marks(ids)} — *{_support(claim, src)}*{disputed}{updated}"


def _rose(update: Update) -> str:
    """ "rose from 11 to 14 by 2024-05-15" (the description without its unit)."""
    return update.description.split(": ", 1)[-1]


def _update(update: Update, src: Sources) -> list[str]:
    """An update: each figure with the day it was first reported and who reported it."""
    lines = [f"- **Update**: {escape(update.description)}"]
    for value, day in zip(update.values, update.dates, strict=False):
        ids = value.articles or [s.article for s in value.sentences]
        weight = (
            f" — {_plural(value.independent_sources, 'outlet')} ({_plural(len(ids), 'article')})"
        )
        lines.append(
            f"  - “{escape(value.value)}” from {escape(day)} in {src.marks(ids)}"
            + (weight if value.independent_sources else "")
        )
    return lines


def _claims(brief: Brief, src: Sources) -> list[str]:
    def rank(claim: Claim) -> tuple[int, int]:
        return (-claim.independent_sources, -len(set(claim.articles)))

    ordered = sorted(brief.claims, key=rank)  # stable: the analyzer's order breaks ties
    strong = [c for c in ordered if c.independent_sources >= 2]
    weak = [c for c in ordered if c.independent_sources < 2]
    lines = [_claim_line(c, src) for c in strong[:MAX_CLAIMS]]
    if len(strong) > MAX_CLAIMS:
        lines.append(f"- … and {len(strong) - MAX_CLAIMS} more corroborated claims")
    if weak:
        if not lines:
            lines = ["No statement is made by two or more independent sources."]
        lines += ["", "Reported by a single independent source:", ""]
        lines += _single_source(weak, src)
    return lines


def _single_source(weak: list[Claim], src: Sources) -> list[str]:
    """Claims carried by one source only: disputed ones line by line, the rest one line per
    set of articles, since listing every sentence a copy shares with its original says again
    what "Copies and rewrites" says once."""
    disputed = [c for c in weak if c.conflicts]
    by_articles: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for claim in weak:
        if not claim.conflicts:
            cited = claim.articles or [m.article for m in claim.members]
            by_articles[tuple(sorted(set(cited), key=src.number))].append(claim)
    lines = [_claim_line(c, src) for c in disputed[:MAX_OTHER_CLAIMS]]
    if len(disputed) > MAX_OTHER_CLAIMS:
        lines.append(f"- … and {len(disputed) - MAX_OTHER_CLAIMS} more disputed")
    for article_set, claims in by_articles.items():
        if len(claims) == 1:
            lines.append(_claim_line(claims[0], src))
            continue
        lines.append(
            f"- {len(claims)} {'further ' if disputed else ''}statements appear only in "
            f"{src.marks(article_set)}, which count as one independent source (the JSON brief lists them)"
        )
    return lines


def _conflict(conflict: Conflict, brief: Brief, src: Sources) -> list[str]:
    about = conflict.description
    if not about and conflict.claim is not None and 0 <= conflict.claim < len(brief.claims):
        about = brief.claims[conflict.claim].text
    head = f"- **{escape(conflict.kind.capitalize()) or 'Conflict'}**"
    lines = [f"{head}: {escape(about)}" if about else head]
    for value in conflict.values:
        ids = value.articles or [s.article for s in value.sentences]
        where = src.marks(ids) or "no cited article"
        weight = (
            f" — {_plural(value.independent_sources, 'outlet')} ({_plural(len(ids), 'article')})"
            if value.independent_sources
            else ""
        )
        line = f"  - “{escape(value.value)}” in {where}{weight}"
        if value.rewrite_of is not None:
            was = next((v.value for v in conflict.values if value.rewrite_of in v.articles), "")
            line += (
                f"; {where}, a rewrite of {src.marks([value.rewrite_of])}, changes "
                f"“{escape(was)}” to “{escape(value.value)}”"
            )
        lines.append(line)
    return lines


def _timeline(brief: Brief, src: Sources) -> list[str]:
    # One line per sentence: a sentence with two dates ("from June 2014 to July 2017") is
    # two events in the record but one statement to read, listed at its first date.
    # An entry from an article dated apart from the story says when that article was dated.
    dates: dict[tuple[str, bool], list[str]] = defaultdict(list)
    ids_of: dict[tuple[str, bool], list[str]] = {}
    apart: dict[tuple[str, bool], str] = {}
    for event in sorted(brief.timeline, key=lambda e: e.date):
        key = (event.text, event.inferred)
        dates[key].append(event.date)
        ids_of.setdefault(key, event.articles or [s.article for s in event.sentences])
        if event.article_date:
            note = "date inferred" if event.article_date_inferred else "dated"
            apart[key] = f" *(article {note} {escape(event.article_date)})*"
    lines = []
    for (text, inferred), when_list in list(dates.items())[:MAX_TIMELINE]:
        when = ", ".join(f"**{escape(d)}**" for d in when_list)
        when += " *(inferred)*" if inferred else ""
        marks = src.marks(ids_of[(text, inferred)])
        note = apart.get((text, inferred), "")
        lines.append(f"- {when} — {escape(text)}{note} {marks}".rstrip())
    if len(dates) > MAX_TIMELINE:
        lines.append(f"- … and {len(dates) - MAX_TIMELINE} more events")
    return lines


def _removed(brief: Brief, src: Sources) -> list[str]:
    counts = Counter(r.reason for r in brief.removed)
    where: dict[str, list[str]] = defaultdict(list)
    for item in brief.removed:
        where[item.reason].append(item.article)
    return [
        f"- {escape(reason) or 'unspecified'}: {count} {src.marks(where[reason])}"
        for reason, count in counts.most_common()
    ]


def _source_line(n: int, ref: ArticleRef) -> str:
    parts = [
        escape(ref.outlet) or "Unknown outlet",
        f"*{escape(ref.title)}*" if ref.title else "(untitled)",
    ]
    if ref.authors:
        parts.append("by " + escape(", ".join(ref.authors)))
    if ref.published:
        parts.append(
            escape(ref.published[:10]) + (" (date inferred)" if ref.published_inferred else "")
        )
    parts.append(escape(ref.source or f"article {ref.id}"))
    return f"{n}. " + " — ".join(parts)


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown; sections with nothing to show are left out."""
    src = Sources(brief.articles)
    lines = _header(brief)
    sections = [
        ("Summary", _summary(brief, src)),
        ("Corroborated claims", _claims(brief, src)),
        ("Disputed", [line for c in brief.conflicts for line in _conflict(c, brief, src)]),
        (
            "Updated figures",
            [line for c in brief.claims for u in c.updates for line in _update(u, src)],
        ),
        ("Who said what", quote_lines(brief, src)),
        ("Timeline", _timeline(brief, src)),
        (
            "Copies and rewrites",
            [line for d in brief.derivations for line in derivation_lines(d, src)],
        ),
        ("Removed from the sources", _removed(brief, src)),
    ]
    for title, body in sections:
        if body:
            lines += ["", f"## {title}", "", *body]
    # Last, because the sections above may have cited ids the brief's article list lacks.
    if src.refs:
        lines += ["", "## Sources", ""]
        lines += [_source_line(n, ref) for n, ref in enumerate(src.refs, start=1)]
    return "\n".join(lines) + "\n"
