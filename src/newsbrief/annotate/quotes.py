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
import re
from dataclasses import dataclass

from newsbrief.annotate import cues
from newsbrief.annotate import lexicon as lx
from newsbrief.records import Mention, Quote, Sentence

_OPENERS = {"“": '”"', '"': '"”', "«": "»", "„": '“”"', "‹": "›"}
_GENERIC = lx.words(
    """
    source sources official officials analyst analysts expert experts people person
    report reports poll polls critic critics witness witnesses resident residents aide
    aides
    """
)
_ORG_NOUNS = lx.words(
    """
    newspaper paper agency ministry company group organization organisation campaign
    government department office committee network channel daily magazine council board
    police service authority commission hospital university school court firm party bank
    administration team union
    """
)


@dataclass(slots=True)
class _Span:
    open: int
    start: int
    end: int
    close: int  # index just after the closing mark


def _single_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "(—–-:[") and after.isalnum()


def _single_close(text: str, i: int, start: int) -> int:
    """Index of the closing single quote for content starting at ``start``, -1 if none."""
    j = start
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    while j < line_end:
        ch = text[j]
        if ch in "’'" and not text[j - 1].isspace():
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not nxt.isalnum():
                return j
        j += 1
    return -1


_QUOTE_CHAR = re.compile("[“\"«„‹‘']")
_STOPS = {op: re.compile("[" + re.escape(cl) + "\n]") for op, cl in _OPENERS.items()}


def quote_spans(text: str) -> list[_Span]:
    """Top-level quoted spans (content offsets without the marks)."""
    out: list[_Span] = []
    n = len(text)
    i = 0
    while i < n:
        found = _QUOTE_CHAR.search(text, i)
        if not found:
            break
        i = found.start()
        ch = text[i]
        if text.startswith("''", i) and (i == 0 or not text[i - 1].isalnum()):
            j = text.find("''", i + 2)
            nl = text.find("\n", i)
            if j > 0 and (nl < 0 or j < nl):  # ''typewriter quotes'' used by some wires
                out.append(_Span(i, i + 2, j, j + 2))
                i = j + 2
                continue
        if ch in _OPENERS:
            closers = _OPENERS[ch]
            j = i + 1
            while j < n and text[j] == ch:
                j += 1  # a doubled opener (""Iraqi …) is one mark
            start = k = j
            end = close = n
            stop = _STOPS[ch]
            while k < n:
                hit = stop.search(text, k)
                if not hit:
                    break
                k = hit.start()
                if text[k] in closers:
                    end, close = k, k + 1
                    break
                if text[k] == "\n":
                    nxt = k
                    while nxt < n and text[nxt].isspace():
                        nxt += 1
                    if nxt < n and text[nxt] == ch:  # the quote goes on in the next paragraph
                        k = nxt + 1
                        continue
                    end = close = k
                    break
                k += 1
            if end > start and text[start:end].strip():
                out.append(_Span(i, start, end, close))
            i = max(close, i + 1)
            continue
        if ch in "‘'" and _single_open(text, i):
            j = _single_close(text, i, i + 1)
            if j > 0:
                out.append(_Span(i, i + 1, j, j + 1))
                i = j + 1
                continue
        i += 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


class _Resolver:
    """Resolves subject surface forms to article entities, tracking salient speakers."""

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        mentions: list[Mention],
        roles: dict[str, list[str]],
    ) -> None:
        self.mentions = sorted(
            (m for m in mentions if m.kind in ("person", "org")), key=lambda m: m.start
        )
        self.starts = [m.start for m in self.mentions]
        self.roles = {k: " ".join(v).lower() for k, v in roles.items()}
        self.salient: list[tuple[int, str, str]] = []  # (position, entity, kind)
        first_in_sentence: set[int] = set()
        for m in self.mentions:
            if m.sentence not in first_in_sentence:
                first_in_sentence.add(m.sentence)
                if m.entity:
                    self.salient.append((m.start, m.entity, m.kind))
            elif m.entity and cues.VERB_RE.match(text, m.end + 1):
                self.salient.append((m.start, m.entity, m.kind))
        self.salient.sort()

    def _mention_in(self, start: int, end: int) -> Mention | None:
        """The first person inside the subject, else its last organisation."""
        i = bisect.bisect_left(self.starts, start)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].kind == "person":
                return self.mentions[i]
            best = self.mentions[i]
            i += 1
        return best

    def _recent(self, pos: int, kind: str, role_word: str | None = None) -> str | None:
        for p, entity, k in reversed(self.salient):
            if p >= pos or k != kind:
                continue
            if role_word is None or role_word in self.roles.get(entity, ""):
                return entity
        if role_word is not None:  # any earlier person whose role has that noun
            for m in reversed(self.mentions[: bisect.bisect_left(self.starts, pos)]):
                if m.kind == kind and m.entity and role_word in self.roles.get(m.entity, ""):
                    return m.entity
        return None

    def resolve(self, subj: str, start: int, end: int) -> str | None:
        m = self._mention_in(start, end)
        if m is not None and m.entity:
            bisect.insort(self.salient, (start, m.entity, m.kind))
            return m.entity
        words = subj.lower().split()
        if not words:
            return None
        head = words[-1].strip("'’")
        if len(words) == 1 and head in ("he", "she"):
            return self._recent(start, "person")
        if len(words) == 1 and head in ("they", "it"):
            return self._recent(start, "org")
        if len(words) == 1 and head == "who":  # "X, who …, said": X is right before
            i = bisect.bisect_left(self.starts, start) - 1
            near = self.mentions[i] if i >= 0 else None
            return near.entity if near is not None and start - near.end < 120 else None
        if head in _GENERIC or head in ("we", "i"):
            return None
        if words[0] in ("the", "this", "that") and head in lx.TITLES | {"envoy", "diplomat"}:
            return self._recent(start, "person", head) or self._recent(start, "person")
        if words[0] == "the" and head in _ORG_NOUNS:
            # "the council" is the last organisation named with that word, else itself
            for _, entity, k in reversed(self.salient):
                if k == "org" and head in entity.lower().split():
                    return entity
            for m in reversed(self.mentions[: bisect.bisect_left(self.starts, start)]):
                if m.kind == "org" and m.entity and head in m.entity.lower().split():
                    return m.entity
            return subj.strip()
        if subj[:1].isupper() and not all(w in lx.NOT_NAME for w in words):
            return subj.strip()
        return None

    def note(self, pos: int, entity: str | None) -> None:
        if entity:
            kind = "org"
            for m in self.mentions:
                if m.entity == entity:
                    kind = m.kind
                    break
            bisect.insort(self.salient, (pos, entity, kind))


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


def _cue_after(text: str, span: _Span) -> re.Match[str] | None:
    tail = text[span.close : span.close + 120]
    if span.end < span.close and text[span.end - 1 : span.end] not in ",!?" and tail[:1] == ".":
        return None
    return (
        cues.AFTER_SV.match(tail)
        or cues.AFTER_VS.match(tail)
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


def extract_quotes(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    roles: dict[str, list[str]] | None = None,
) -> list[Quote]:
    """Direct and reported quotes of ``text`` with speakers resolved against ``mentions``."""
    resolver = _Resolver(text, sentences, mentions, roles or {})
    sent_starts = [s.start for s in sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    quotes: list[Quote] = []
    prev: Quote | None = None
    prev_close = 0
    for span in quote_spans(text):
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
        speaker = resolver.resolve(subj, s_start, s_end) if subj else None
        if subj is None:
            if short:
                prev_close = span.close
                continue  # a scare quote or a title, not a statement
            same_par = (
                prev is not None
                and sentences
                and (
                    sentences[sentence_of(start)].paragraph - sentences[prev.sentence].paragraph
                    <= 1
                )
            )
            if prev is not None and same_par:
                speaker, subj, verb = prev.speaker, prev.speaker_text, prev.cue
        resolver.note(s_start if s_start >= 0 else start, speaker)
        subj = subj.rstrip(".") if subj else subj
        q = Quote(content, "direct", sentence_of(start), start, end, speaker, subj, verb)
        quotes.append(q)
        prev, prev_close = q, span.close
    quotes.extend(_reported(text, sentences, quotes, resolver))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _mask(sent: Sentence, covered: list[tuple[int, int]]) -> str:
    """The sentence with direct-quote content blanked out (same length, so offsets hold):
    a speech verb inside a quotation is not a cue of the sentence."""
    s = sent.text
    for a, b in covered:
        lo, hi = max(a, sent.start) - sent.start, min(b, sent.end) - sent.start
        if lo < hi:
            s = s[:lo] + "\u2026" * (hi - lo) + s[hi:]
    return s


def _reported(
    text: str, sentences: list[Sentence], direct: list[Quote], resolver: _Resolver
) -> list[Quote]:
    covered = [(q.start, q.end) for q in direct]
    out: list[Quote] = []
    for sent in sentences:
        s = _mask(sent, covered)
        found = cues.match_reported(s)
        if not found:
            continue
        subj, s_rel, verb, c_rel = found
        start, end = _trim(text, sent.start + c_rel[0], sent.start + c_rel[1])
        if text[end - 1 : end] in ".!?":
            end -= 1
        if end - start < 12:
            continue
        overlap = sum(max(0, min(end, b) - max(start, a)) for a, b in covered)
        if overlap > 0.5 * (end - start) or any(a <= start < b for a, b in covered):
            continue  # words inside quote marks are the direct quote's, never reported speech
        speaker = resolver.resolve(subj, sent.start + s_rel[0], sent.start + s_rel[1])
        resolver.note(sent.start + s_rel[0], speaker)
        subj = subj.rstrip(".")
        out.append(Quote(text[start:end], "reported", sent.index, start, end, speaker, subj, verb))
    return out
