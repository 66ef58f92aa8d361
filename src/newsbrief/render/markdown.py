"""The Markdown brief: what an analyst reads.

Every statement carries citation markers ``[n]`` that refer to the numbered
``## Sources`` list at the end. Numbers follow the brief's article order, so the same
article has the same number in every section. All text that came from an input goes
through ``escape`` so an article cannot inject headings, links or HTML into the brief.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsbrief.records import (
    AlignedPair,
    ArticleRef,
    Brief,
    Claim,
    Conflict,
    Derivation,
    Entity,
    StoryQuote,
    Update,
)
from newsbrief.render.escape import escape

# Caps keep a brief of a 500-article story readable; the JSON form has everything.
MAX_CLAIMS = 15
MAX_OTHER_CLAIMS = 8
MAX_QUOTES_PER_SPEAKER = 8
MAX_TIMELINE = 30
MAX_PAIRS = 3

_KIND_PHRASE = {"exact": "an exact copy of", "near": "a near copy of", "rewrite": "a rewrite of"}


class _Sources:
    """Citation numbers: the brief's article order, then any other id that gets cited."""

    def __init__(self, articles: Iterable[ArticleRef]) -> None:
        self.refs: list[ArticleRef] = []
        self._number: dict[str, int] = {}
        for ref in articles:
            if ref.id not in self._number:
                self._add(ref)

    def _add(self, ref: ArticleRef) -> int:
        self.refs.append(ref)
        self._number[ref.id] = len(self.refs)
        return len(self.refs)

    def number(self, article_id: str) -> int:
        found = self._number.get(article_id)
        if found is None:
            found = self._add(ArticleRef(id=article_id, source=""))
        return found

    def marks(self, article_ids: Iterable[str]) -> str:
        numbers = sorted({self.number(a) for a in article_ids})
        return "".join(f"[{n}]" for n in numbers)

    def label(self, article_id: str) -> str:
        """``[n] Outlet`` for prose about one article."""
        n = self.number(article_id)
        outlet = self.refs[n - 1].outlet
        return f"[{n}] {escape(outlet)}" if outlet else f"[{n}]"


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


def _summary(brief: Brief, src: _Sources) -> list[str]:
    lines = []
    for sentence in brief.summary:
        marks = src.marks(c.article for c in sentence.citations)
        lines.append(f"{escape(sentence.text)} {marks}".rstrip())
    return lines


def _support(claim: Claim) -> str:
    """ "N outlets (M articles)": N independent outlet families, M articles agreeing; an
    article stating a minority value of the claim's dispute is named apart."""
    dissent = set(claim.dissenting)
    cited = set(claim.articles) or {m.article for m in claim.members}
    agreeing = len(cited - dissent)
    text = f"{_plural(claim.independent_sources, 'outlet')} ({_plural(agreeing, 'article')})"
    if dissent:
        text += f"; {_plural(len(dissent & cited), 'article')} disagreeing"
    return text


def _claim_line(claim: Claim, src: _Sources) -> str:
    ids = claim.articles or [m.article for m in claim.members]
    disputed = " — **disputed**, see below" if claim.conflicts else ""
    updated = "".join(f" — *updated: {escape(_rose(u))}*" for u in claim.updates)
    return f"- {escape(claim.text)} {src.marks(ids)} — *{_support(claim)}*{disputed}{updated}"


def _rose(update: Update) -> str:
    """ "rose from 11 to 14 by 2024-05-15" (the description without its unit)."""
    return update.description.split(": ", 1)[-1]


def _update(update: Update, src: _Sources) -> list[str]:
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


def _claims(brief: Brief, src: _Sources) -> list[str]:
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


def _single_source(weak: list[Claim], src: _Sources) -> list[str]:
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


def _conflict(conflict: Conflict, brief: Brief, src: _Sources) -> list[str]:
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


def _quotes(brief: Brief, src: _Sources) -> list[str]:
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


def _timeline(brief: Brief, src: _Sources) -> list[str]:
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


def _words(words: list[str]) -> str:
    return "“" + escape(" ".join(words)) + "”"


def _facts(words: list[str]) -> int:
    return sum(1 for w in words if w[:1].isupper() or any(c.isdigit() for c in w))


def _telling_first(pair: AlignedPair) -> tuple[int, int, int]:
    """Changed facts first: a swap of names or numbers on both sides, then small edits.

    Rewording changes many common words; a changed fact shows as a short swap of a name or
    a number, which is what a reader checking a rewrite needs to see.
    """
    swap = bool(_facts(pair.child_only) and _facts(pair.parent_only))
    size = len(pair.child_only) + len(pair.parent_only)
    return (0 if swap else 1, size, pair.child_sentence)


def _derivation(derivation: Derivation, src: _Sources) -> list[str]:
    phrase = _KIND_PHRASE.get(derivation.kind, f"derived ({escape(derivation.kind)}) from")
    lines = [
        f"- {src.label(derivation.child)} is {phrase} {src.label(derivation.parent)}"
        f" (similarity {derivation.similarity:.2f})"
    ]
    differing = sorted(
        (p for p in derivation.pairs if p.child_only or p.parent_only), key=_telling_first
    )
    parent_mark = f"[{src.number(derivation.parent)}]"
    for pair in sorted(differing[:MAX_PAIRS], key=lambda p: p.child_sentence):
        where = f"sentence {pair.child_sentence + 1} (original {pair.parent_sentence + 1})"
        in_context = _in_context(pair.child_text, pair.parent_text)
        if in_context is not None:
            child_side, parent_side = in_context
            change = f"{child_side} where {parent_mark} has {parent_side}"
        elif pair.child_only and pair.parent_only:
            change = f"{_words(pair.child_only)} where the original has {_words(pair.parent_only)}"
        elif pair.child_only:
            change = f"adds {_words(pair.child_only)}"
        else:
            change = f"drops {_words(pair.parent_only)}"
        lines.append(f"  - {where}: {change}")
    if derivation.pairs and not differing:
        lines.append("  - aligned sentences are word-for-word the same")
    return lines


_CONTEXT_WORDS = 3  # words shown on each side of a change
_MAX_CHANGES = 2  # changed spans shown per sentence, the most telling first


def _token_key(token: str) -> str:
    return token.strip(".,;:!?\"'()“”‘’").lower()


def _in_context(child: str, parent: str) -> tuple[str, str] | None:
    """The changed words of each sentence in bold, with a few words around them:
    ``“… Ambassador of **Iran** …”``. None when the texts are not in the brief (briefs
    written before they were) or do not differ word for word.

    A rewrite often reorders a sentence, and a plain word diff then marks whole clauses;
    a swapped word shows best where the words around it are the same on both sides, so
    those anchored swaps are looked for first, and the word diff is the fallback.
    """
    if not child or not parent:
        return None
    a, b = child.split(), parent.split()
    ka, kb = [_token_key(t) for t in a], [_token_key(t) for t in b]
    spans = _anchored_swaps(ka, kb)
    if not spans:
        matcher = difflib.SequenceMatcher(None, ka, kb, False)
        spans = [op[1:] for op in matcher.get_opcodes() if op[0] != "equal"]
    if not spans:
        return None

    def telling(span: tuple[int, int, int, int]) -> tuple[int, int]:
        i1, i2, j1, j2 = span
        swap = _facts(a[i1:i2]) and _facts(b[j1:j2])
        return (0 if swap else 1, (i2 - i1) + (j2 - j1))

    ranked = sorted(spans, key=telling)
    if telling(ranked[0])[0] == 0:  # a swapped name or number says it all: rewording aside
        ranked = [span for span in ranked if telling(span)[0] == 0]
    shown = sorted(ranked[:_MAX_CHANGES])
    child_side = _excerpt(a, [(i1, i2) for i1, i2, _, _ in shown])
    parent_side = _excerpt(b, [(j1, j2) for _, _, j1, j2 in shown])
    return child_side, parent_side


def _anchored_swaps(ka: list[str], kb: list[str]) -> list[tuple[int, int, int, int]]:
    """Spans (child start, end, parent start, end) of one to three words that differ between
    the sentences while the two words before them, or after them, are the same on both."""
    in_b = set(kb)
    found: list[tuple[int, int, int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, key in enumerate(ka):
        if not key or key in in_b or i in used_a:
            continue
        for j in _anchor_matches(ka, kb, i):
            if kb[j] == key or j in used_b:
                continue
            end_a, end_b = _swap_end(ka, kb, i, j)
            found.append((i, end_a, j, end_b))
            used_a.update(range(i, end_a))
            used_b.update(range(j, end_b))
            break
    return found


def _swap_end(ka: list[str], kb: list[str], i: int, j: int) -> tuple[int, int]:
    """Where a swap starting at child word i and parent word j ends: the shortest spans (up
    to three words each) after which both sentences agree again ("carries" for "is used
    by"); one word each when they never do."""
    best: tuple[int, int, int] | None = None
    for la in range(1, 4):
        for lb in range(1, 4):
            ea, eb = i + la, j + lb
            if ea > len(ka) or eb > len(kb):
                continue
            realigned = (ea == len(ka) and eb == len(kb)) or (
                ea < len(ka) and eb < len(kb) and ka[ea] == kb[eb]
            )
            if realigned and (best is None or la + lb < best[0]):
                best = (la + lb, ea, eb)
    return (best[1], best[2]) if best else (i + 1, j + 1)


def _anchor_matches(ka: list[str], kb: list[str], i: int) -> list[int]:
    """Parent positions whose two neighbours on one side equal child word i's."""
    matches = []
    before, after = tuple(ka[max(0, i - 2) : i]), tuple(ka[i + 1 : i + 3])
    for j in range(len(kb)):
        left_ok = len(before) == 2 and tuple(kb[max(0, j - 2) : j]) == before
        right_ok = len(after) == 2 and tuple(kb[j + 1 : j + 3]) == after
        if left_ok or right_ok:
            matches.append(j)
    return matches


def _excerpt(tokens: list[str], changes: list[tuple[int, int]]) -> str:
    """The tokens around each change, changed ones in bold, gaps as “…”."""
    bold = {i for start, end in changes for i in range(start, end)}
    keep: set[int] = set()
    for start, end in changes:
        # an insertion on the other side is an empty span here: its context is still shown
        keep.update(range(max(0, start - _CONTEXT_WORDS), min(len(tokens), end + _CONTEXT_WORDS)))
    parts: list[str] = []
    previous = -1
    for i in sorted(keep):
        if i != previous + 1:
            parts.append("…")
        word = escape(tokens[i])
        if i in bold:
            if parts and parts[-1].endswith("**") and i - 1 in bold and i - 1 in keep:
                parts[-1] = parts[-1][:-2] + " " + word + "**"
            else:
                parts.append(f"**{word}**")
        else:
            parts.append(word)
        previous = i
    if keep and max(keep) < len(tokens) - 1:
        parts.append("…")
    return "“" + " ".join(parts) + "”"


def _removed(brief: Brief, src: _Sources) -> list[str]:
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
    src = _Sources(brief.articles)
    lines = _header(brief)
    sections = [
        ("Summary", _summary(brief, src)),
        ("Corroborated claims", _claims(brief, src)),
        ("Disputed", [line for c in brief.conflicts for line in _conflict(c, brief, src)]),
        (
            "Updated figures",
            [line for c in brief.claims for u in c.updates for line in _update(u, src)],
        ),
        ("Who said what", _quotes(brief, src)),
        ("Timeline", _timeline(brief, src)),
        ("Copies and rewrites", [line for d in brief.derivations for line in _derivation(d, src)]),
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
