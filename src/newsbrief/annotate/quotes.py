"""Direct and reported quotes with resolved speakers.

Direct quotes are found by a scanner over quote marks (straight, curly, guillemets, and single
quotes told apart from apostrophes), continued across paragraphs when the next paragraph
re-opens the quote. A cue is searched right after the closing mark ("…," X said / said X) and
then before the opening mark (X said: "…"). Reported speech is matched per sentence: "X said
(that) …", "…, X said.", "according to X, …". Speakers are resolved to an article entity: a
mention inside the subject, else a pronoun or a nominal ("the ambassador") goes to the most
recent compatible person that was a speaker or a sentence subject.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsbrief import parse as nlp_parse
from newsbrief.annotate import speakers
from newsbrief.annotate.direct_cues import (
    cue_after,
    cue_before,
    cue_sentences,
    cued_right_before,
    is_fragment,
    is_title,
    parsed_cue,
)
from newsbrief.annotate.quote_headline import headline_source
from newsbrief.annotate.quote_marks import _Span, quote_spans
from newsbrief.annotate.reported import SPEECH, Pending, reported_matches, resolve_reported
from newsbrief.annotate.speaker_kinds import trim as _trim
from newsbrief.annotate.speakers import Resolver
from newsbrief.annotate.transcripts import label_mention, transcript_turns
from newsbrief.records import Mention, Quote, Sentence


def shown_from(text: str, q: Quote) -> bool:
    """Whether ``q.text`` is the article's ``text[q.start:q.end]``, or that stretch with the
    interrupting cue of a reported statement elided ("the plan … had failed" for "the plan,
    he said, had failed"): the offsets always cover the whole stretch."""
    whole = text[q.start : q.end]
    if q.text == whole:
        return True
    head, sep, tail = q.text.partition(" … ")
    return bool(sep) and whole.startswith(head) and whole.endswith(tail) and bool(head and tail)


def _closed_sentence_cued_before(text: str, span: _Span) -> bool:
    """Whether a quotation that ends its own sentence (a full stop inside the closing mark)
    follows a cue right before its opening mark ('I said, “…”'): the clause after it then
    starts the writer's next sentence, and its verb is no cue of this quotation."""
    return text[span.end - 1 : span.end] == "." and cued_right_before(text, span)


@dataclass(slots=True)
class _Direct:
    span: _Span
    start: int
    end: int
    subj: str | None
    s_start: int
    s_end: int
    verb: str | None
    short: bool
    named: str | None = None  # a transcript label's speaker, named by the label itself


def extract_quotes(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    roles: dict[str, list[str]] | None = None,
) -> list[Quote]:
    """Direct and reported quotes of ``text`` with speakers resolved against ``mentions``.

    Three passes: the patterns find every quote, its cue and every reported statement
    (``plan_quotes``); the sentences whose speaker the patterns leave in doubt are parsed in
    one batch (``nlp.pipe`` reads a batch about twice as fast per word as one sentence at a
    time); then speakers are resolved in text order, so pronouns see the speakers before them
    (``finish_quotes``). ``annotate_many`` runs the first pass over a chunk of articles and
    parses the doubtful sentences of all of them in one batch.
    """
    plan = plan_quotes(text, sentences, mentions, roles)
    if plan.texts:
        # no parser: resolve falls back to the patterns one by one
        with contextlib.suppress(Exception):
            nlp_parse.parse(plan.texts)
    return finish_quotes(plan)


@dataclass(slots=True)
class QuotePlan:
    """What the pattern pass of ``extract_quotes`` found, and the sentences to parse."""

    text: str
    sentences: list[Sentence]
    resolver: Resolver
    sentence_of: Callable[[int], int]
    parse_on: bool
    found: list[_Direct]
    pending: list[Pending]
    texts: list[str]  # the sentences the resolution will parse (the prefetch batch)


# "[RELATED: 'Party crasher' says she …]": a paragraph wholly in square brackets is a link to
# another story (or an editor's insert); its words are a headline, not anyone's statement
_BRACKETED_LINE = re.compile(r"^[ \t]*\[[^\n]*\][ \t]*$", re.M)


# "Science says the frost is normal | 1:30 The critics …": a title, a bar and a clip's running
# time are a video player's caption (page furniture), not a statement of the article
_CLIP_CAPTION = re.compile(r"[ \t]\|[ \t]*\d{1,2}:\d{2}\b")


def _clip_caption(text: str, start: int, end: int) -> bool:
    return _CLIP_CAPTION.search(text, start, min(len(text), end + 12)) is not None


def _in_brackets(text: str) -> Callable[[int], bool]:
    lines = [(m.start(), m.end()) for m in _BRACKETED_LINE.finditer(text)]
    return lambda pos: any(a <= pos < b for a, b in lines)


def plan_quotes(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    roles: dict[str, list[str]] | None = None,
) -> QuotePlan:
    """The pattern pass: every quote, its cue, every reported statement, and the texts of
    the sentences the resolution will want parsed (nothing is parsed here)."""
    spans = quote_spans(text)
    resolver = Resolver(
        text, sentences, mentions, roles or {}, quoted=[(q.start, q.end) for q in spans]
    )
    in_brackets = _in_brackets(text)
    spans = [sp for sp in spans if not in_brackets(sp.open)]
    sent_starts = [s.start for s in sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    parse_on = speakers.PARSED["on"]
    found: list[_Direct] = []
    turns = transcript_turns(text, mentions)
    if turns:
        # a turn is its speaker's words, whatever they quote; a speaker named in the label
        for name, l_start, l_end, w_start, w_end in turns:
            mention = label_mention(name, mentions)
            label_subj, at, to = mention or (name, l_start, l_end)
            found.append(
                _Direct(
                    _Span(w_start, w_start, w_end, w_end),
                    w_start,
                    w_end,
                    label_subj,
                    at,
                    to,
                    ":",
                    False,
                    None if mention else name,
                )
            )
        spans = [sp for sp in spans if not any(t[3] <= sp.open < t[4] for t in turns)]
    prev_close = 0
    for span in spans:
        start, end = _trim(text, span.start, span.end)
        content = text[start:end]
        if is_fragment(text, span, content):
            continue  # a quoted phrase inside reported speech: the reported quote covers it
        subj = verb = None
        s_start = s_end = -1
        m = cue_after(text, span)
        short = len(content.split()) < 4
        if m and not short and _closed_sentence_cued_before(text, span):
            m = None  # 'I said, “I am here.” They continued to shout': the cue is before it
        if m:
            subj, verb = m.group("subj"), m.groupdict().get("verb") or "—"
            s_start, s_end = span.close + m.start("subj"), span.close + m.end("subj")
        elif not short:
            before = cue_before(text, span, prev_close)
            if before:
                subj, s_start, s_end, verb = before
                first = sentence_of(s_start)
                if sentences and first != sentence_of(max(s_start, s_end - 1)):
                    # "Honoring Biden. The City Paper claimed …": a subject never reaches
                    # back into the sentence before, a heading or a caption
                    s_start, _ = _trim(text, sentences[sentence_of(s_end - 1)].start, s_end)
                    subj = text[s_start:s_end]
        prev_close = span.close
        if subj is None and (short or (m is None and is_title(content))):
            continue  # a scare quote or a title, not a statement
        found.append(_Direct(span, start, end, subj, s_start, s_end, verb, short))
    found.sort(key=lambda d: d.start)
    pending = reported_matches(text, sentences, [(d.start, d.end) for d in found])
    pending = [
        p for p in pending if not in_brackets(p.start) and not _clip_caption(text, p.start, p.end)
    ]
    # an unnamed speaker ("a witness said") is known before any resolution: a later "she"
    # resolved in an earlier pass (direct quotes go first) still stops at it
    for subj_text, at in [(d.subj, d.s_start) for d in found] + [
        (p.subj, p.s_start) for p in pending if p.kind in SPEECH
    ]:
        if subj_text:
            resolver.note_unnamed(subj_text, at, indefinite=True)

    texts: list[str] = []
    if parse_on and sentences:
        todo: set[int] = set()
        for d in found:
            if d.subj is None:
                todo.update(cue_sentences(text, d.span, sentences, sentence_of))
        requests = [(d.subj, d.s_start, d.s_end) for d in found if d.subj is not None]
        requests += [
            (p.subj, p.s_start, p.s_end) for p in pending if p.subj is not None and p.kind in SPEECH
        ]
        texts = resolver.prefetch_texts(requests, todo)
    return QuotePlan(text, sentences, resolver, sentence_of, parse_on, found, pending, texts)


def finish_quotes(plan: QuotePlan) -> list[Quote]:
    """The resolution pass: speakers in text order (the plan's sentences already parsed, or
    parsed here one at a time from the cache's misses)."""
    text, sentences, resolver, sentence_of = (
        plan.text,
        plan.sentences,
        plan.resolver,
        plan.sentence_of,
    )
    parse_on = plan.parse_on
    quotes: list[Quote] = []
    prev: Quote | None = None
    for d in plan.found:
        subj, s_start, s_end, verb = d.subj, d.s_start, d.s_end, d.verb
        if subj is None and parse_on:
            parsed = parsed_cue(text, d.span, sentences, sentence_of)
            if parsed:
                subj, s_start, s_end, verb = parsed
        speaker: str | None
        if d.named is not None:
            speaker = d.named
        else:
            speaker = resolver.resolve(subj, s_start, s_end) if subj else None
        headline = headline_source(text, d.span.open, d.span.close) if subj is None else None
        if headline is not None:
            # "‘Rates will hold’: Harbor Bank": a subheading names its own source, and the
            # speaker of the paragraph before does not go on into it
            s_start, s_end = headline
            subj = text[s_start:s_end]
            speaker = resolver.resolve(subj, s_start, s_end)
        elif subj is None:
            # the previous speaker goes on in the same paragraph, or in the next one unless
            # the narration before the quote there names another person ("the questions boil
            # down to what X asks. “…”" is X's, or no one's, never the last speaker's)
            gap = (
                sentences[sentence_of(d.start)].paragraph - sentences[prev.sentence].paragraph
                if prev is not None and sentences
                else 2
            )
            same_par = gap == 0 or (
                gap == 1
                and prev is not None
                and not resolver.other_person_in(
                    text.rfind("\n", 0, d.span.open) + 1, d.span.open, prev.speaker
                )
            )
            if prev is not None and same_par:
                speaker, subj, verb = prev.speaker, prev.speaker_text, prev.cue
        resolver.note(s_start if s_start >= 0 else d.start, speaker)
        subj = subj.rstrip(".") if subj else subj
        q = Quote(
            text[d.start : d.end],
            "direct",
            sentence_of(d.start),
            d.start,
            d.end,
            speaker,
            subj,
            verb,
        )
        quotes.append(q)
        prev = q
    quotes.extend(resolve_reported(text, plan.pending, resolver))
    quotes.sort(key=lambda q: q.start)
    return quotes
