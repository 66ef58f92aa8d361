"""Frames: what a finding compares must be the same slot of the same event (issue 16).

A lexical finding (a swapped name, a negation on one side) becomes a conflict only when the
parse of the two sentences agrees that the two values fill one slot: both names are entities
of the same type, and a negated predicate has the same subject and the same complements as
its affirmed twin. Only sentences with a candidate finding are parsed (``newsbrief.parse``,
cached by text), so the cost scales with candidate findings, not with sentence pairs.
"""

from __future__ import annotations

from typing import Any

from newsbrief.analyze.attribution import CUES
from newsbrief.text import STOP_WORDS, stem

# Verbs whose complement is negated: "refused to recuse" says what "would not recuse" says.
_NEGATING_HEADS = {stem(w) for w in ["refuse", "decline", "fail", "deny", "reject"]}
_NEGATORS = {"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without"}


def _doc(text: str) -> Any | None:
    from newsbrief import parse

    if not parse.available():
        return None
    return parse.parse_one(text)


def _key(tok: Any) -> str:
    lemma = getattr(tok, "lemma_", "") or ""
    return stem((lemma or tok.text).lower())


def entity_span(text: str, value: str) -> tuple[str, list[str]] | None:
    """(NER label, words) of the entity of ``text`` containing the word ``value``."""
    doc = _doc(text)
    if doc is None:
        return None
    for ent in doc.ents:
        if any(t.text == value or t.text.removesuffix("'s") == value for t in ent):
            return str(ent.label_), [t.text for t in ent]
    return None


def entity_type(text: str, value: str) -> str | None:
    """The NER label of the entity of ``text`` containing the word ``value`` (None: no entity)."""
    span = entity_span(text, value)
    return span[0] if span else None


def fold_name(word: str) -> str:
    return "".join(ch for ch in word.lower().removesuffix("'s") if ch.isalnum())


def same_entity_slot(a: str, b: str, value_a: str, value_b: str) -> bool:
    """The swapped words name two different entities of one type (Iraq/Iran: GPE and GPE).

    Not when either is no entity, the types differ, the two names share a word ("Jemah
    Islamiyah" / "Jemaah Islamiyah", "New Charing Cross" / "Charing Cross": variants of one
    name), or a person is named by one word only ("Saddam" / "Hussein": aliases).
    """
    sa, sb = entity_span(a, value_a), entity_span(b, value_b)
    if sa is None or sb is None or sa[0] != sb[0]:
        return False
    if {fold_name(w) for w in sa[1]} & {fold_name(w) for w in sb[1]} - {""}:
        return False
    return not (sa[0] == "PERSON" and min(len(sa[1]), len(sb[1])) < 2)


def _negated(tok: Any) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in tok.children):
        return True
    head = tok.head
    if tok.pos_ == "ADJ" and head is not tok and any(c.dep_ == "neg" for c in head.children):
        return True  # "pled not guilty": the negation hangs on the verb
    return tok.dep_ in {"xcomp", "ccomp"} and head is not tok and _key(head) in _NEGATING_HEADS


_PREDICATES = {"VERB", "AUX", "ADJ"}
_CONDITIONS = {"if", "unless", "whether"}


def _conditional(tok: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in tok.children)


def _clause(tok: Any) -> Any:
    """The verb whose subject a predicate adjective shares ("X pleaded guilty")."""
    return tok if tok.pos_ != "ADJ" else (_predicate(tok) or tok)


def _subject(tok: Any, pronouns: bool = False) -> str | None:
    """The subject's stem; a pronoun ("which", "he") counts only when ``pronouns`` is set,
    since across two reports it may stand for different participants."""
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            if not pronouns and (c.pos_ == "PRON" or c.tag_ in {"WDT", "WP"}):
                return None
            return _key(c)
    return None


def _complements(tok: Any) -> set[str]:
    """Content stems the predicate governs, besides its subject, auxiliaries and negation."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc", "conj"}:
            continue
        out |= {_key(t) for t in c.subtree if t.is_alpha and t.lower_ not in STOP_WORDS}
    return out


def polarity_clash(a: str, b: str, word: str) -> bool:
    """``a`` negates the predicate ``word`` that ``b`` affirms, about the same subject.

    A noun under "no" in ``a`` ("no arrests") clashes with the same stem as a verb in ``b``
    ("arrested"); a negated verb clashes only when both verbs have the same subject and
    everything the negated verb governs is also said in ``b`` (so "isn't suing him *for
    cash*" does not deny "is suing him").
    """
    da, db = _doc(a), _doc(b)
    if da is None or db is None:
        return False
    target = stem(word.lower())
    b_stems = {_key(t) for t in db} | {stem(t.lower_) for t in db}
    for ta in da:
        key = stem(ta.lower_)
        if key != target and not (ta.pos_ in _PREDICATES and _negated(ta)):
            continue  # the word the negation scopes over, or a predicate a denial governs
        for tb in db:
            if tb.pos_ not in _PREDICATES or stem(tb.lower_) != key:
                continue
            if _negated(tb):
                continue  # both sides negate it
            if _conditional(ta) or _conditional(tb):
                continue  # "if the subsidies are not repealed" asserts nothing
            if ta.pos_ in {"NOUN", "PROPN"} and any(c.lower_ == "no" for c in ta.children):
                return True
            if ta.pos_ not in _PREDICATES or not _negated(ta):
                continue
            sa, sb = _subject(_clause(ta), True), _subject(_clause(tb), True)
            if sa is None or sa != sb:
                continue
            if _complements(ta) - b_stems:
                continue
            return True
    return False


def _predicate(tok: Any) -> Any | None:
    """The nearest verb above a token (the event its value belongs to)."""
    seen = 0
    while tok.head is not tok and seen < 8:
        tok = tok.head
        seen += 1
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
    return tok if tok.pos_ in {"VERB", "AUX"} else None


def _speech(tok: Any) -> bool:
    return tok.lower_ in CUES or (getattr(tok, "lemma_", "") or "").lower() in CUES


def _object(tok: Any) -> str | None:
    for c in tok.children:
        if c.dep_ in {"dobj", "obj"} and c.pos_ != "PRON":
            return _key(c)
    return None


def value_frame(text: str, value: str) -> tuple[set[str], str | None, str | None] | None:
    """(event stems, subject stem, object stem) of the first token written ``value``.

    The events are the nearest verb above the value and the nouns, names and verbs on the path
    from its unit up to the root ("pleaded guilty ... in the death 35 years ago": *death*,
    *manslaughter*, *plead*; "29-year-old Geraldine Alcorn": *alcorn*); the subject and
    object are those of the nearest verb ("released a debut album in 1993": *album*). The
    verbs higher up count because the small parser mistags nouns as verbs ("to manslaughter"
    read as a verb hides *plead* above it); speech verbs do not, since nearly every report
    hangs its figures under "said".
    """
    doc = _doc(text)
    if doc is None:
        return None
    first = value.split()[0].split("-")[0]
    for tok in doc:
        if tok.text.split("-")[0] == first or tok.text == value:
            verb = _predicate(tok)
            events = {_key(verb)} if verb is not None else set()
            node, hops = tok.head, 0
            while node.head is not node and hops < 12:
                node, hops = node.head, hops + 1
                noun = node.pos_ == "NOUN" or (node.pos_ == "PROPN" and hops <= 3)
                if noun or (node.pos_ == "VERB" and not _speech(node)):
                    events.add(_key(node))
            if verb is None:
                return (events, None, None)
            obj = _object(verb)
            if obj is not None and tok.head is not tok and _key(tok.head) == obj:
                obj = None  # the value counts the object itself ("killed 296 people")
            return (events, _subject(verb), obj)
    return None


def same_value_slot(a: str, b: str, value_a: str, value_b: str) -> bool:
    """Two values fill one slot: the same event, said of the same subject and object.

    When a side cannot be read (no parse, token not found) the lexical finding stands.
    """
    fa, fb = value_frame(a, value_a), value_frame(b, value_b)
    if fa is None or fb is None:
        return True
    if fa[0] and fb[0] and not fa[0] & fb[0]:
        return False
    for x, y in ((fa[1], fb[1]), (fa[2], fb[2])):
        if x is not None and y is not None and x != y:
            return False
    return True
