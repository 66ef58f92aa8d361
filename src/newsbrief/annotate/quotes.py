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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from newsbrief import parse as nlp_parse
from newsbrief.annotate import cues, speakers
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.quote_marks import _Span, quote_spans
from newsbrief.annotate.reported import SPEECH, Pending, reported_matches, resolve_reported
from newsbrief.annotate.speaker_kinds import trim as _trim
from newsbrief.annotate.speakers import Resolver
from newsbrief.records import Mention, Quote, Sentence
from newsbrief.text import STOP_WORDS

_CUE_RIGHT_BEFORE = re.compile(rf"\b(?:{cues.VERBS})[,:][ \t]*$")


def _is_fragment(text: str, span: _Span, content: str) -> bool:
    """A quote that continues the running sentence ("said voting fraud is “a big problem”")."""
    if _CUE_RIGHT_BEFORE.search(text, max(0, span.open - 40), span.open):
        return False  # "“A,” he said, “b …”": the second part of a split quote
    if content[:1].islower():
        return True
    k = span.open - 1
    while k >= 0 and text[k] in " \t\xa0":
        k -= 1
    if k < 0 or not text[k].isalnum():
        return False
    word = re.search(r"(\w+)$", text[: k + 1])
    return not (
        word and word.group(1).lower() in lx.SPEECH_VERBS | {"that"} and content[:1].isupper()
    )


_TITLE_SMALL = lx.words("a an the of and or in on for to with at by from as vs")


def _is_title(content: str) -> bool:
    """ "The Agency and Overhead Photography", "Quiet Signals": every word capitalised but
    the small ones, and no sentence mark; a book, film or report title, not a statement."""
    words = [w.strip("\"“”‘’',;:()") for w in content.split()]
    words = [w for w in words if w]
    if len(words) > 12 or content.rstrip("\"”’' ,")[-1:] in ".!?":
        return False
    caps = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    rest = [w for w in words if w not in caps]
    return len(caps) >= 2 and all(w.lower() in _TITLE_SMALL for w in rest)


def _cue_after(text: str, span: _Span) -> re.Match[str] | None:
    tail = text[span.close : span.close + 120]
    if span.end < span.close and text[span.end - 1 : span.end] not in ",!?" and tail[:1] == ".":
        return None
    return (
        cues.AFTER_SV.match(tail)
        or cues.AFTER_VS.match(tail)
        or cues.AFTER_ACCORDING.match(tail)
        or cues.AFTER_LOOSE.match(tail)
        or cues.AFTER_DASH.match(tail)
    )


def _cue_before(text: str, span: _Span, floor: int) -> tuple[str, int, int, str] | None:
    line_start = text.rfind("\n", 0, span.open) + 1
    lo = max(line_start, floor)
    prefix = text[lo : span.open]
    if not prefix.strip():  # "X continued:\n\n"…"": the cue is the previous paragraph
        prev_end = len(text[:line_start].rstrip())
        if prev_end > floor and text[prev_end - 1 : prev_end] == ":":
            lo = max(text.rfind("\n", 0, prev_end) + 1, floor)
            prefix = text[lo:prev_end]
    verbs = list(cues.VERB_RE.finditer(prefix))
    if not verbs:
        return None
    v = verbs[-1]
    between = prefix[v.end() :]
    if len(between) > 140 or re.search(r"[.!?][\"”’]?\s+[A-Z]", between):
        return None
    # a subject is never longer than the window; searching the whole prefix is quadratic
    sm = cues.SUBJ_END.search(prefix, max(0, v.start() - 150), v.start())
    if not sm:
        return None
    return sm.group("subj"), lo + sm.start("subj"), lo + sm.end("subj"), v.group("verb")


_HEADLINE_SPEAKER = re.compile(rf"^[ \t]*(?P<subj>{cues.SUBJ})[ \t]*:[ \t]*$")


def _parsed_cue(
    text: str, span: _Span, sentences: list[Sentence], sentence_of: Callable[[int], int]
) -> tuple[str, int, int, str] | None:
    """The subject and verb of the clause a quote hangs on, from the parse of the sentences
    holding its opening and closing marks ("Sarandon, 69, told MSNBC", "Trump barked",
    "Hillary shot back, “…”"): the verb nearest the quote outside it, with a subject outside
    it. Only those one or two sentences are parsed."""
    if not sentences:
        return None
    line_start = text.rfind("\n", 0, span.open) + 1
    head = _HEADLINE_SPEAKER.match(text, line_start, span.open)
    if head:  # "Name: ‘…’", a headline or a transcript line
        return head.group("subj"), head.start("subj"), head.end("subj"), ":"
    first, last = sentence_of(span.open), sentence_of(max(span.open, span.close - 1))
    best: tuple[int, str, int, int, str] | None = None
    for idx, side in ((last, "after"), (first, "before")):
        sent = sentences[idx]
        if side == "after" and not text[span.close : sent.end].strip(' .,\n"”’'):
            continue
        if side == "before" and not text[sent.start : span.open].strip():
            continue
        try:
            doc = nlp_parse.parse_one(sent.text)
        except Exception:  # no parser: the pattern cues stand alone
            return None
        off = sent.start
        for tok in doc:
            pos = off + tok.idx
            if tok.pos_ != "VERB" or span.open <= pos < span.close:
                continue
            if side == "after" and pos < span.close or side == "before" and pos >= span.open:
                continue
            subj = [
                c
                for c in tok.children
                if c.dep_ in ("nsubj", "nsubjpass") and not span.open <= off + c.idx < span.close
            ]
            if not subj:
                continue
            dist = pos - span.close if side == "after" else span.open - pos
            if dist > 120:
                continue
            c = subj[0]
            lo = off + min(t.idx for t in c.subtree)
            hi = off + max(t.idx + len(t) for t in c.subtree)
            if span.open <= hi and lo < span.close:
                continue
            if lo > pos and tok.lower_ in ("told", "tells", "tell", "informed", "assured"):
                continue  # "…," told reporters X: an inverted tell-verb names its addressee
            if best is None or dist < best[0]:
                best = (dist, tok.text, lo, hi, side)
        if best is not None:
            break
    if best is None:
        return None
    _, verb, lo, hi, _ = best
    return text[lo:hi], lo, hi, verb


def _cue_sentences(
    text: str, span: _Span, sentences: list[Sentence], sentence_of: Callable[[int], int]
) -> list[int]:
    """The sentences ``_parsed_cue`` would parse for ``span`` (none for a "Name:" line)."""
    line_start = text.rfind("\n", 0, span.open) + 1
    if _HEADLINE_SPEAKER.match(text, line_start, span.open):
        return []
    first, last = sentence_of(span.open), sentence_of(max(span.open, span.close - 1))
    out = []
    if text[span.close : sentences[last].end].strip(' .,\n"”’'):
        out.append(last)
    if text[sentences[first].start : span.open].strip():
        out.append(first)
    return out


def shown_from(text: str, q: Quote) -> bool:
    """Whether ``q.text`` is the article's ``text[q.start:q.end]``, or that stretch with the
    interrupting cue of a reported statement elided ("the plan … had failed" for "the plan,
    he said, had failed"): the offsets always cover the whole stretch."""
    whole = text[q.start : q.end]
    if q.text == whole:
        return True
    head, sep, tail = q.text.partition(" … ")
    return bool(sep) and whole.startswith(head) and whole.endswith(tail) and bool(head and tail)


# "OPAL LEE: I was born in …": a transcript turn, a speaker's label in capitals and a colon
_TURN = re.compile(
    r"^[ \t]*(?P<label>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3})[ \t]*:[ \t]+"
    r"(?P<said>\S[^\n]*?)[ \t]*$",
    re.M,
)


_NOT_NAMES = STOP_WORDS | lx.words(
    """
    today tonight yesterday tomorrow week weekend month year morning evening night daily
    news update updates video photo photos watch read more related top first last new look
    exclusive breaking live memo note story editor editorial correction
    """
)


def transcript_turns(
    text: str, mentions: list[Mention] | None = None
) -> list[tuple[str, int, int, int, int]]:
    """(speaker, label start, label end, words start, words end) of every turn of an
    interview transcript: lines opening on a capitalised label and a colon, at least three of
    them under at least two labels that name people: a person the article names ("OPAL LEE",
    "LEE", "PRESIDENT OBAMA"), or a full name labelling several turns. Section labels
    ("PHOTOS:", "OBAMA TODAY:") and an unnamed host's narration stay as they are."""
    if ":" not in text:
        return []
    turns = list(_TURN.finditer(text))
    if len(turns) < 3:
        return []
    named: dict[str, str] = {}
    times = Counter(t.group("label") for t in turns)
    people = {m.text.split()[-1] for m in mentions or () if m.kind == "person" and m.text.split()}
    for t in turns:
        label = t.group("label")
        if label in named:
            continue
        words = label.split()
        last = words[-1].strip(".'’-").capitalize()
        # a person: a person the article names ("Lee", "Obama"), or a full name speaking more
        # than once whose words are all names ("OBAMA TODAY:" is a newsletter's section)
        if last in people or (
            len(words) >= 2
            and times[label] >= 2
            and not any(w.lower() in _NOT_NAMES for w in words)
        ):
            named[label] = " ".join(w.capitalize() for w in words)
    mine = [t for t in turns if t.group("label") in named]
    if len(mine) < 3 or len({t.group("label") for t in mine}) < 2:
        return []
    return [
        (named[t.group("label")], t.start("label"), t.end("label"), *t.span("said")) for t in mine
    ]


def _label_mention(name: str, mentions: list[Mention]) -> tuple[str, int, int] | None:
    """The article's first and fullest mention of a transcript label's person ("Opal Lee"
    for "LEE"), whose offsets the resolver reads."""
    last = name.split()[-1]
    best: Mention | None = None
    for m in mentions:
        words = m.text.split()
        if words and words[-1] == last and (best is None or len(m.text) > len(best.text)):
            best = m
    return (best.text, best.start, best.end) if best is not None else None


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
    sent_starts = [s.start for s in sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    parse_on = speakers.PARSED["on"]
    found: list[_Direct] = []
    turns = transcript_turns(text, mentions)
    if turns:
        # a turn is its speaker's words, whatever they quote; a speaker named in the label
        for name, l_start, l_end, w_start, w_end in turns:
            mention = _label_mention(name, mentions)
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
        if _is_fragment(text, span, content):
            continue  # a quoted phrase inside reported speech: the reported quote covers it
        subj = verb = None
        s_start = s_end = -1
        m = _cue_after(text, span)
        short = len(content.split()) < 4
        if m:
            subj, verb = m.group("subj"), m.groupdict().get("verb") or "—"
            s_start, s_end = span.close + m.start("subj"), span.close + m.end("subj")
        elif not short:
            before = _cue_before(text, span, prev_close)
            if before:
                subj, s_start, s_end, verb = before
                first = sentence_of(s_start)
                if sentences and first != sentence_of(max(s_start, s_end - 1)):
                    # "Honoring Biden. The City Paper claimed …": a subject never reaches
                    # back into the sentence before, a heading or a caption
                    s_start, _ = _trim(text, sentences[sentence_of(s_end - 1)].start, s_end)
                    subj = text[s_start:s_end]
        prev_close = span.close
        if subj is None and (short or (m is None and _is_title(content))):
            continue  # a scare quote or a title, not a statement
        found.append(_Direct(span, start, end, subj, s_start, s_end, verb, short))
    found.sort(key=lambda d: d.start)
    pending = reported_matches(text, sentences, [(d.start, d.end) for d in found])
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
                todo.update(_cue_sentences(text, d.span, sentences, sentence_of))
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
            parsed = _parsed_cue(text, d.span, sentences, sentence_of)
            if parsed:
                subj, s_start, s_end, verb = parsed
        speaker: str | None
        if d.named is not None:
            speaker = d.named
        else:
            speaker = resolver.resolve(subj, s_start, s_end) if subj else None
        if subj is None:
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
