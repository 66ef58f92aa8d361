"""What the parse says about a cue's subject span: its core words, or that it is an object, a
place or a date. The resolver (``speakers``) keeps the state; this module reads one sentence's
parse."""

from __future__ import annotations

import re
from typing import Any

from newsbrief import parse as nlp_parse
from newsbrief.annotate import cues
from newsbrief.records import Sentence

# Only these sentences are parsed: a quotation mark, a speech verb or "according to". Every
# other sentence keeps the pattern subject, so the parse cost stays a few sentences an article.
ATTRIBUTION = re.compile(rf"[\"“”«»„‘’]|``|''|\b(?:{cues.VERBS}|according to)\b", re.I)
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
# a subject's own words: its name, title and apposition, never a prepositional phrase
# ("observers in Kosovo") or a relative clause hanging off it
_CORE_DEPS = frozenset(
    {"compound", "flat", "amod", "det", "poss", "nmod", "appos", "case", "punct"}
)
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj", "npadvmod", "attr", "oprd"})
# a speaker is never one of these
NOT_SPEAKER_ENTS = frozenset(
    {"GPE", "LOC", "DATE", "TIME", "FAC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _is_possessor(tok: Any) -> bool:
    """ "Conyers' girlfriend": the parse marks the possessor ``poss``, or ``nmod`` with a
    ``case`` child "'s" ("Jane Doe’s lawyers")."""
    if tok.dep_ == "poss":
        return True
    return tok.dep_ == "nmod" and any(
        c.dep_ == "case" and c.text in ("'s", "’s", "'", "’") for c in tok.children
    )


def _modifies_noun_after(tok: Any, end: int) -> bool:
    """Whether ``tok`` premodifies a common noun after the span ending at ``end`` (sentence
    offsets) that heads a phrase of its own ("New England states"): the span is a modifier,
    not a subject. A noun that is itself a descriptor before a name ("Target spokesman Jo
    Lee") or the cue ("Mic reports") leaves the span to the resolver."""
    noun = tok.head
    return (
        tok.dep_ in ("compound", "amod", "nmod")
        and noun.pos_ == "NOUN"
        and noun.idx >= end
        and noun.dep_ not in ("compound", "ROOT")
    )


def parsed_subject(
    sent: Sentence, start: int, end: int, skip: list[tuple[int, int]], force: bool = False
) -> tuple[int, int, Any] | None | bool:
    """The subject of the cue as the parse of ``sent`` sees it, inside ``start:end``.

    Returns (start, end, head token) of the subject's core, False when the span's words are
    an object (the addressee of a warning, a name after a preposition) or a place or a
    date, None when the parse has no opinion (not an attribution sentence, no parse).
    Possessors and places the core leaves out are appended to ``skip``.
    """
    if not force and not ATTRIBUTION.search(sent.text):
        return None
    try:
        doc = nlp_parse.parse_one(sent.text)
    except Exception:  # the parser missing is a degraded mode, not a failure
        return None
    off = sent.start
    toks = [t for t in doc if t.idx + off < end and t.idx + len(t) + off > start]
    if not toks:
        return None
    # "someone familiar with it, who spoke on condition of anonymity": the subject of a
    # relative clause inside the span is not the cue's subject
    subj = [
        t
        for t in toks
        if t.dep_ in _SUBJ_DEPS
        and t.head.pos_ in ("VERB", "AUX")
        and not (t.head.dep_ == "relcl" and start <= t.head.idx + off < end)
    ]
    if not subj:
        # the pattern took the tail of the subject ("Barbara Morgan, an officer with the
        # Humane Society says"): the subject of the verb right after the span
        verb = next((t for t in doc if t.idx + off >= end), None)
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            subj = [c for c in verb.children if c.dep_ in _SUBJ_DEPS and c.idx + off < end]
    if not subj:
        roots = [t for t in toks if not (start <= t.head.idx + off < end) or t.head == t]
        # "according to X": the agent is the object of "to"
        subj = [
            t
            for t in roots
            if t.dep_ == "pobj"
            and t.head.lower_ == "to"
            and t.head.head.lower_ in ("according", "accordingly")
        ]
        if not subj:
            if roots and all(t.dep_ in _OBJECT_DEPS for t in roots):
                return False
            if roots and all(_modifies_noun_after(t, end - off) for t in roots):
                return False  # "… New England states reported": the name modifies the noun
            if not any(t.pos_ == "PROPN" or t.pos_ == "PRON" for t in toks):
                return False  # "Already, …", "British police": no subject, no name
            return None
    head = subj[-1]
    core = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            # "the West Timor military", "the U.S. attorney's": a place naming where a
            # speaker is from is never the speaker
            if _is_possessor(c) and t.pos_ == "NOUN":
                # "Conyers' girlfriend", "Mr Conroy's brother Alan": the possessor is
                # someone else
                skip.append(
                    (
                        off + min(x.idx for x in c.subtree),
                        off + max(x.idx for x in c.subtree) + 1,
                    )
                )
            elif c.dep_ in _CORE_DEPS and c.ent_type_ in _PLACES:
                skip.append((off + c.idx, off + c.idx + len(c)))
            elif c.dep_ in _CORE_DEPS and c.text not in "()":
                core.append(c)
                stack.append(c)
    lo = min(t.idx for t in core)
    hi = max(t.idx + len(t) for t in core)
    while hi > lo and sent.text[hi - 1] in " ,":
        hi -= 1
    ent = head.ent_type_
    if ent in NOT_SPEAKER_ENTS:
        return False
    return off + lo, off + hi, head
