"""Reported speech and other attributions, per sentence, outside the direct quotes.

First the speech patterns of ``cues.match_reported`` (one per sentence, kind "reported"), then
the general rule of ``attributed.match_general`` over the rest of the sentence, which may add
several attributions: speech cues stay "reported", every other cue (stance, belief, intention,
support: "criticized", "endorsed", "is expected") is "attributed", so a brief can keep speech
only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.annotate import cues
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.attributed import match_general
from newsbrief.annotate.cue_shapes import copular_feel, object_not_content
from newsbrief.annotate.cue_that import relative_that
from newsbrief.annotate.reported_content import (
    addressed,
    after_addressee,
    as_aside,
    content_bounds,
    interruption,
    next_statement,
)
from newsbrief.annotate.span_narration import quoted_words_only
from newsbrief.annotate.span_open import widened_to_opening
from newsbrief.annotate.speakers import Resolver
from newsbrief.records import Quote, Sentence

SPEECH = frozenset({"direct", "reported"})


def _mask(sent: Sentence, covered: list[tuple[int, int]]) -> str:
    """The sentence with direct-quote content blanked out (same length, so offsets hold):
    a speech verb inside a quotation is not a cue of the sentence."""
    s = sent.text
    for a, b in covered:
        lo, hi = max(a, sent.start) - sent.start, min(b, sent.end) - sent.start
        if lo < hi:
            s = s[:lo] + "\u2026" * (hi - lo) + s[hi:]
    return s


# A pattern subject ending on one of these is a fragment of the clause, not its subject: "the
# crowd and asked" (a second verb of the sentence's subject), "used his speech to call for",
# "Trump on Tuesday said". PolNeAR train: about 200 matched statements had such a subject.
_FRAGMENT_END = lx.words(
    """
    and but or to the a an in on at by of for from with that his her their its as than into
    monday tuesday wednesday thursday friday saturday sunday week day month year night
    morning interview statement
    """
)


def _clause_subject(
    s: str, subj: str | None, rel: tuple[int, int], cue_at: int
) -> tuple[str | None, tuple[int, int]]:
    """The subject a statement hangs on: the pattern's, unless it is a clause fragment or
    missing (", adding …"), where the sentence's lead subject stands if it comes before the
    cue; else no subject (a brief then shows the statement unattributed)."""
    words = subj.lower().split() if subj else []
    if words and words[-1].strip(",.") not in _FRAGMENT_END:
        return subj, rel
    lead = cues.LEAD_SUBJ.match(s)
    if lead is not None and lead.end("subj") <= cue_at:
        lw = lead.group("subj").lower().split()
        if lw[-1].strip(",.") not in _FRAGMENT_END:
            return lead.group("subj"), lead.span("subj")
    return (None, (cue_at, cue_at)) if words else (subj, rel)


_SHOW = frozenset({"show", "shows", "showed", "shown"})
# "He declined to say who he meant", "would not say whether": speech withheld, no statement
_WITHHELD = re.compile(
    r"\b(?:declined|declines|decline|refused|refuses|refuse|would\s+not|wouldn['’]t|did\s+not"
    r"|didn['’]t|does\s+not|doesn['’]t|will\s+not|won['’]t|could\s+not|couldn['’]t|cannot"
    r"|can['’]t)\s+(?:to\s+)?$",
    re.I,
)


def _withheld(s: str, verb: str, s_rel: tuple[int, int], c_rel: tuple[int, int]) -> bool:
    """Whether the speech verb is negated or declined ("declined to say who …"): what follows
    is what was not said, never a statement a brief shows."""
    at = s.rfind(verb, s_rel[1], c_rel[0]) if c_rel[0] >= s_rel[1] else s.find(verb, c_rel[1])
    return at > 0 and _WITHHELD.search(s, max(0, at - 30), at) is not None


# "said the same about …", "says something that is true or not": an object, not a clause
_OBJECT_SAID = re.compile(
    r"(?:the[ \t]+same|something|nothing|anything|everything|so|as[ \t]+much|little|much)"
    r"(?=[ \t]*$|[ \t]*[,.;]|[ \t]+(?:that|about|of|to|like|similar|else|for|in|on|at)\b)",
    re.I,
)


_RELATIVE = re.compile(r"\b(?:that|which|whom)\b", re.I)
_POSSESSOR = re.compile(r"\w['’]s?$")
_TAKES_NOUN_CUE = re.compile(
    r"\b(?:fac(?:es?|ed|ing)|filed|brought|dropped|den(?:y|ies|ied|ying)"
    r"|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|disput(?:es?|ed|ing))$"
)


# "X knew that …", "she realized …", "nor does he know that …": the writer reports a state of
# mind, not something said; an attribution (PolNeAR counts some), never speech a brief shows
_KNOWING = lx.words(
    """
    know knows knew known realize realizes realized realise realises realised understand
    understands understood discover discovers discovered notice notices noticed remember
    remembers remembered forget forgets forgot learn learns learned learnt
    """
)
# "trust what the analysts said they heard": the cue sits in a free relative, whose content is
# its object, not a statement
_FREE_RELATIVE = re.compile(r"\b(?:what|whatever)[ \t]+$", re.I)
# "warrants for six students that had hosted …": content opening on a finite verb right after
# a relative pronoun that does not follow the cue is a relative clause of a noun
_RELATIVE_BEFORE = re.compile(r"(?P<word>[\w'’]+)[ \t]+(?:that|which|who)[ \t]+$", re.I)
_FINITE_START = lx.words(
    "is are was were has have had will would can could should may might must did does do"
)


# "X began to think that …", "came to believe …": the writer tells how a view formed, not
# what anyone said
_INCHOATIVE = re.compile(
    r"\b(?:began|begins|begin|started|starts|start|came|comes|come)[ \t]+to[ \t]+$", re.I
)
# "wants to make a point", "wanted to know": what someone intends or wishes, never a statement
_WANTING = lx.words("want wants wanted")
# "…, something the president had said he was unwilling to do": a subject right after an
# indefinite pronoun opens a relative clause of it (its "that" dropped); what follows the cue
# is a clause with a gap, not a statement
_REDUCED_RELATIVE_HEAD = re.compile(
    r"\b(?:something|anything|everything|nothing|things)[ \t]+$", re.I
)


# "as damaging as the Times claims": what was claimed is measured, not stated, and the clause
# after the comma is the writer's
_AS_MUCH_AS = re.compile(r"\bas[ \t]+[\w'’-]+[ \t]+as[ \t]+(?:(?:the|a|an)[ \t]+)?$", re.I)
# "a state of fear that …", "the claim that …": after "of" or an article, the cue word is a noun
_NOUN_BEFORE = re.compile(r"\b(?:of|the|a|an)[ \t]+$", re.I)


def _no_speech(s: str, cue: str, s_rel: tuple[int, int], c_rel: tuple[int, int]) -> bool:
    """Whether a matched statement is no speech a brief shows: a state of mind, a wish, the
    object of a free relative, or a relative clause taken for the content."""
    words = cue.lower().split()
    if words and words[0] in _KNOWING:
        return True
    if c_rel[0] >= s_rel[1] and copular_feel(cue, s[c_rel[0] : c_rel[1]]):
        return True  # "the launcher felt sluggish": how it seemed, no view and no speech
    if c_rel[0] >= s_rel[1] and object_not_content(cue, s[c_rel[0] : c_rel[1]]):
        return True  # "continued his pitch", "found guilty of …": an object, a verdict
    if _AS_MUCH_AS.search(s, max(0, s_rel[0] - 40), s_rel[0]):
        return True  # "as damaging as the Times claims, the chaos …": a comparison's measure
    at = s.find(cue, s_rel[1]) if c_rel[0] >= s_rel[1] else -1
    if at > 0 and _NOUN_BEFORE.search(s, max(0, at - 6), at):
        return True  # "a constant state of fear that …": the cue word is a noun
    if at > 0 and _INCHOATIVE.search(s, max(0, at - 20), at):
        return True
    if words and words[0] in _WANTING and s[c_rel[0] : c_rel[0] + 3].lower() == "to ":
        return True
    if c_rel[0] >= s_rel[1] and _REDUCED_RELATIVE_HEAD.search(s, max(0, s_rel[0] - 14), s_rel[0]):
        return True
    if _FREE_RELATIVE.search(s, max(0, s_rel[0] - 12), s_rel[0]):
        return True
    reduced = re.search(
        rf"\b(?:when|if|once|after|before|unless|until)[ \t]+{re.escape(cue)}\b", s, re.I
    )
    if reduced is not None and reduced.start() < c_rel[0]:
        return True  # "When asked if …, X said": a clause without a subject is the question
    rel = _RELATIVE_BEFORE.search(s, max(0, c_rel[0] - 40), c_rel[0])
    first = s[c_rel[0] : c_rel[1]].split()[:1]
    return (
        rel is not None
        and rel.group("word").lower() not in words
        and bool(first)
        and first[0].lower() in _FINITE_START
    )


# "And when the leader announced that he would retire, Varga praised him": a cue inside an
# opening subordinate clause; the statement ends where the sentence's main clause begins
_OPENING_SUBORDINATE = re.compile(
    r"[ \t\"“‘]*(?:(?:and|but|so|yet)[ \t]+)?(?:when|whenever|after|before|once|since|until"
    r"|while|because|although|though|if)[ \t]+(?:(?:the|a|an|his|her|its|their)[ \t]+)?",
    re.I,
)


def _before_main_clause(s: str, s_rel: tuple[int, int], c_rel: tuple[int, int]) -> tuple[int, int]:
    """``c_rel`` up to the first comma when the cue's subject opens a subordinate clause at
    the sentence's start ("when the leader announced …"; "after the vote the mayor said" is a
    preposition, not such a clause)."""
    if _OPENING_SUBORDINATE.fullmatch(s[: s_rel[0]]) is None:
        return c_rel
    if "," in s[s_rel[0] : c_rel[0]]:
        return c_rel
    comma = s.find(",", c_rel[0], c_rel[1])
    if comma < 0 or not s[comma + 1 : c_rel[1]].strip():
        return c_rel
    return c_rel[0], comma


_CONTRAST = r",[ \t]+(?:but|although|though|yet|while|whereas)[ \t]+"


def _before_speaker_named_again(
    text: str, span: tuple[int, int], subj: str
) -> tuple[int, int] | None:
    """ "X recalled that A was brilliant, but X found it hard to tell": a speaker never names
    themself in their own reported words; their name again after a contrast is the writer
    going on about them, and the statement ends before it."""
    name = subj.split()[-1].strip(",.")
    if len(name) < 2 or not name[0].isupper():
        return span
    start, end = span
    again = re.compile(rf"{_CONTRAST}{re.escape(name)}[ \t]+[a-z]").search(text, start, end)
    if again is None:
        return span
    return (start, again.start()) if again.start() - start >= 12 else None


# '“…,” James said when it was over', "said before leaving for Ohio": a short time clause
# right after the cue, with no main clause after it, tells when it was said, not what
_WHEN_SAID = re.compile(r"(?:when|after|before|once|until)[ \t]+(?:asked|[a-z]+ing)\b", re.I)
_TIME_CLAUSE = re.compile(r"(?:when|after|before|once|until)[ \t]", re.I)


def _time_of_saying(content: str) -> bool:
    if "," in content:
        return False  # "After seizing the base, protesters found …": a main clause follows
    if _WHEN_SAID.match(content):
        return True
    return _TIME_CLAUSE.match(content) is not None and len(content.split()) <= 6


def _not_a_statement(content: str) -> bool:
    """Whether reported "content" is what was said about, not a statement ("said the same
    about the team"; "said nothing has changed" is a statement)."""
    return _OBJECT_SAID.match(content) is not None


@dataclass(slots=True)
class Pending:
    """A reported or attributed statement found by the patterns, its speaker not yet resolved."""

    kind: str
    sentence: int
    start: int
    end: int
    subj: str | None
    s_start: int
    s_end: int
    cue: str
    note: bool  # a speech pattern's speaker becomes salient for later pronouns
    cut: tuple[int, int] | None = None  # the interrupting cue, elided from the shown text


def _second(
    text: str,
    sent: Sentence,
    end: int,
    c_end: int,
    covered: list[tuple[int, int]],
) -> list[Pending]:
    """ "A, but he said B": B is a statement of its own, of "he", kept when it is a clause."""
    found = next_statement(text, end, sent.start + c_end)
    if found is None:
        return []
    start, stop, verb, who = found
    span = content_bounds(text, sent, (start - sent.start, stop - sent.start), covered, 12)
    if span is None or not cues.is_clause(text[span[0] : span[1]]):
        return []
    kind = "reported" if verb.lower() in lx.SPEECH_VERBS else "attributed"
    return [Pending(kind, sent.index, *span, text[who[0] : who[1]], *who, verb, True)]


def reported_matches(
    text: str, sentences: list[Sentence], covered: list[tuple[int, int]]
) -> list[Pending]:
    """Reported and attributed statements of ``text``, none overlapping the direct quotes'
    ``covered`` spans, in the order their speakers are resolved. Matching reads no parse, so
    the sentences the speakers need can be parsed in one batch before ``resolve_reported``."""
    out: list[Pending] = []
    for i, sent in enumerate(sentences):
        s = _mask(sent, covered)
        taken = [
            (max(a, sent.start) - sent.start, min(b, sent.end) - sent.start)
            for a, b in covered
            if a < sent.end and b > sent.start
        ]
        found = cues.match_reported(s)
        relay = cues.relaying(s) if found else None
        if relay is not None:
            r_subj, r_rel, r_verb, r_c = relay
            r_span = content_bounds(text, sent, r_c, covered, 12)
            if r_span is not None:  # the outlet's report: an attribution, never shown
                a, b = sent.start + r_rel[0], sent.start + r_rel[1]
                out.append(Pending("attributed", sent.index, *r_span, r_subj, a, b, r_verb, False))
        if found and found[2].lower() in _SHOW and "that" not in s[found[1][1] : found[3][0]]:
            # "the photo shows her friend walking", "shows you how …": showing a thing is no
            # statement; "the poll shows that …" is one
            found = None
        if found:
            pattern_subj, s_rel, verb, c_rel = found
            kept = after_addressee(s, verb, c_rel) if c_rel[0] >= s_rel[1] else c_rel
            found = None if kept is None else (pattern_subj, s_rel, verb, kept)
        if found and _POSSESSOR.search(found[0]):
            found = None  # "Adelman's note cites …": a possessor, the cue word a noun
        if found and _TAKES_NOUN_CUE.search(found[0]):
            # "X still faces charges that …", "she denied reports that …": the cue word is
            # the object noun of the subject's verb; what is charged or reported is not the
            # subject's statement
            found = None
        if found and relative_that(s, found[2], found[1], found[3]):
            found = None  # "messages X wrote that were …": a relative clause, no statement
        if found and found[3][1] <= found[1][0] and _RELATIVE.search(found[0]):
            # "…, a newsletter that he writes.": a relative clause, not a trailing cue
            found = None
        if found:
            pattern_subj, s_rel, verb, c_rel = found
            matched = (min(s_rel[0], c_rel[0]), max(s_rel[1], c_rel[1]))
            if c_rel[0] >= s_rel[1]:
                c_rel = as_aside(s, s_rel, addressed(s, verb, c_rel))
                c_rel = _before_main_clause(s, s_rel, c_rel)
            c_rel, cut = interruption(s, verb, s_rel, c_rel)
            subj, s_rel = _clause_subject(s, pattern_subj, s_rel, min(s_rel[1], c_rel[0]))
            span = content_bounds(text, sent, c_rel, covered, 12)
            if span is not None and c_rel[1] <= s_rel[0] and cut is None:
                last = max((p.sentence for p in out), default=-1)
                span = widened_to_opening(text, sentences, i, span, c_rel, covered, last)
            if span is not None and subj:
                span = _before_speaker_named_again(text, span, subj)
            if span is not None and subj and c_rel[1] <= s_rel[0]:
                span = quoted_words_only(text, span, subj)
            if span is not None:
                start, end = span
                a, b = sent.start + s_rel[0], sent.start + s_rel[1]
                kind = "attributed" if _withheld(s, verb, s_rel, c_rel) else "reported"
                if _no_speech(s, verb, s_rel, c_rel):
                    kind = "attributed"
                if (
                    _not_a_statement(text[start:end])
                    or _not_a_statement(subj or "")
                    or _time_of_saying(text[start:end])
                ):
                    kind = "attributed"  # "said the same about …" (as content or, after the
                    # verb, as the pattern's subject)
                at = None
                if cut is not None and start < sent.start + cut[0] < sent.start + cut[1] < end:
                    at = (sent.start + cut[0], sent.start + cut[1])
                out.append(Pending(kind, sent.index, start, end, subj, a, b, verb, True, at))
                taken.append(matched)
                if kind == "reported":
                    out.extend(_second(text, sent, end, c_rel[1], covered))
        for g_subj, g_rel, cue, c_rel, kind in match_general(s, taken):
            if kind == "reported" and (
                _withheld(s, cue, g_rel, c_rel) or _no_speech(s, cue, g_rel, c_rel)
            ):
                kind = "attributed"
            if kind == "reported" and c_rel[0] >= g_rel[1]:
                kept = after_addressee(s, cue, c_rel)
                if kept is None:
                    kind = "attributed"  # a topic or a request, not a statement a brief shows
                else:
                    c_rel = as_aside(s, g_rel, addressed(s, cue, kept))
                    c_rel = _before_main_clause(s, g_rel, c_rel)
            g_subj, g_rel = _clause_subject(s, g_subj, g_rel, max(g_rel[1], c_rel[0] - 1))
            span = content_bounds(text, sent, c_rel, covered, 2)
            if span is None:
                continue
            start, end = span
            if kind == "reported" and (
                _not_a_statement(text[start:end]) or _time_of_saying(text[start:end])
            ):
                kind = "attributed"
            a, b = sent.start + g_rel[0], sent.start + g_rel[1]
            out.append(Pending(kind, sent.index, start, end, g_subj, a, b, cue, False))
    return out


_HE_SHE = re.compile(r"[Hh]e|[Ss]he")


def resolve_reported(text: str, pending: list[Pending], resolver: Resolver) -> list[Quote]:
    out: list[Quote] = []
    for p in pending:
        speaker = None
        if p.subj is not None:
            # only speech reaches a brief: stances and intentions keep the pattern subject
            speaker = resolver.resolve(p.subj, p.s_start, p.s_end, parse=p.kind in SPEECH)
        if p.note:
            resolver.note(p.s_start, speaker)
        subj = p.subj.rstrip(".") if p.subj is not None else None
        start, end = p.start, p.end
        if speaker and p.cut is None and end <= p.s_start and _HE_SHE.fullmatch(p.subj or ""):
            # 'Lind called the office “to make sure …,” she said': once "she" is Lind, the
            # narration naming her is the writer's, as after '…, Lind said'
            start, end = quoted_words_only(text, (start, end), speaker)
        shown = text[start:end]
        if p.cut is not None:
            # "the plan, he said, had failed" reads "the plan … had failed": the statement's
            # words only (the offsets keep the whole stretch)
            shown = f"{text[p.start : p.cut[0]].rstrip(' ,')} … {text[p.cut[1] : p.end].lstrip()}"
        q = Quote(shown, p.kind, p.sentence, start, end, speaker, subj, p.cue)
        out.append(q)
    return out


def reported_quotes(
    text: str, sentences: list[Sentence], direct: list[Quote], resolver: Resolver
) -> list[Quote]:
    """Reported and attributed statements of ``text``, none overlapping a direct quote."""
    covered = [(q.start, q.end) for q in direct]
    return resolve_reported(text, reported_matches(text, sentences, covered), resolver)
