"""Claim frames: two statements corroborate only when they state their shared events alike.

Claims are frames (event, participants, polarity; issue 16): "police are searching" and "it
was unclear if police were still searching" share the event, not the fact; "Senator Ann
Vale was confirmed" and "Judge Tom Reyes was confirmed" share the predicate, not the
participant. Only pairs that pass every lexical claim test are parsed (``newsbrief.parse``,
cached by text), so the cost grows with the claim edges, not with the pairs of sentences.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsbrief.analyze.frames import _NEGATING_HEADS, _doc, _key, _speech, fold_name
from newsbrief.text import stem, words

# Modal auxiliaries that leave the event unasserted ("could be required", "should run",
# "may be a predictor"); "will", "would" and "can" stay out: reported speech turns "will"
# into "would", and "can" states an ability the other report may state as a fact.
_HEDGES = {"may", "might", "could", "should", "must", "ought"}
_VERB_NEGATORS = {"not", "n't", "never", "neither", "nor"}  # "voted no" votes
# Heads that stop their complement when it is a gerund ("stop using"; "stopped to
# investigate" states a purpose).
_STOPPING_HEADS = {stem(w) for w in ["stop", "cease", "halt"]}
# Words above a predicate that deny it or leave it open without marking it themselves: "no
# authority to create", "prevented from using", "appeared to have fallen", "proposed that
# he be excluded". They make a marker on the other side compatible, never a mismatch.
_DENYING_ABOVE = _NEGATING_HEADS | {stem(w) for w in ["prevent", "lack"]}
_OPEN_ABOVE = {
    stem(w)
    for w in ["appear", "seem", "hope", "want", "propose", "recommend", "urge", "expect"]
    + ["possible", "likely", "perhaps", "possibly", "probably"]
}
# Verbs too light to name an event on their own.
_LIGHT = {stem(w) for w in ["be", "have", "do", "get", "make", "go", "take", "come"]}
NEG, OPEN = "negated", "unasserted"


def _marked(tok: Any) -> set[str]:
    """How a predicate itself is stated: negated, and / or unasserted (a hedging modal, a
    condition, a complement "whether"), by words that hang on it (or, for a gerund, by the
    verb that stops it; for a participle, by the "no" on the noun it describes)."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ in _VERB_NEGATORS:
            out.add(NEG)
        elif c.dep_ == "aux" and c.lower_ in _HEDGES:
            out.add(OPEN)
        elif c.dep_ == "mark" and (
            c.lower_ in {"if", "unless"}
            or (c.lower_ == "whether" and tok.dep_ in {"ccomp", "csubj", "pcomp", "xcomp"})
        ):
            out.add(OPEN)  # "whether X or Y" listing what holds anyway is no complement
    head = tok.head
    if head is not tok and tok.dep_ == "xcomp":
        stops = _key(head) in _STOPPING_HEADS and tok.tag_ == "VBG"
        if _key(head) in _NEGATING_HEADS or stops:
            out.add(NEG)
    if tok.dep_ in {"acl", "amod"} and _has_no(head):
        out.add(NEG)  # "no foul play suspected"
    return out


def _has_no(tok: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _in_scope(tok: Any) -> set[str]:
    """Every marker over a predicate: its own and those of the words above it up to the
    root, "no" on a noun above it, and the denying or open words above it."""
    out = set(_marked(tok))
    node, hops = tok, 0
    while node.head is not node and hops < 12:
        node, hops = node.head, hops + 1
        out |= _marked(node)
        key = _key(node)
        if key in _DENYING_ABOVE or _has_no(node):
            out.add(NEG)
        adverbs = {_key(c) for c in node.children if c.dep_ == "advmod"}
        if key in _OPEN_ABOVE or adverbs & _OPEN_ABOVE:
            out.add(OPEN)
    return out


def _alike(ta: Any, tb: Any) -> bool:
    """Each side's own markers are in the other's scope: "refused to postpone" / "denied a
    motion to postpone" alike; "could not confirm" / "confirmed" not."""
    return _marked(ta) <= _in_scope(tb) and _marked(tb) <= _in_scope(ta)


def _events(doc: Any) -> dict[str, list[Any]]:
    """Predicates of a parse by stem (speech and light verbs, and participles used as
    adjectives, left out)."""
    out: dict[str, list[Any]] = {}
    for tok in doc:
        if tok.pos_ != "VERB" or tok.dep_ == "amod" or _speech(tok):
            continue  # "the towed sonar" describes the thing; no event is stated
        key = stem(tok.lower_)
        if key not in _LIGHT:
            out.setdefault(key, []).append(tok)
    return out


_MARKER_WORDS = _VERB_NEGATORS | _HEDGES | {"if", "unless", "whether", "no"}
_MARKER_STEMS = _NEGATING_HEADS | _STOPPING_HEADS


def _has_marker(text: str) -> bool:
    """Whether any word that ``_marked`` reads is in the text (a cheap test before parsing)."""
    lowered = text.lower()
    if "n't" in lowered or "n’t" in lowered:
        return True
    toks = words(lowered)
    return any(t in _MARKER_WORDS or stem(t) in _MARKER_STEMS for t in toks)


def frames_disagree(a: str, b: str) -> str | None:
    """Why two statements that share events are not one frame, or None.

    At least one predicate both state (same stem) must be stated the same way on both
    sides: asserted, negated, hedged ("could", "should", "may") or unasserted ("if",
    "unclear whether") alike. "police are searching" and "it was unclear if police were
    still searching" share the event and not the fact.
    """
    if not (_has_marker(a) or _has_marker(b)):
        return None  # every predicate is plainly asserted on both sides: no parse needed
    da, db = _doc(a), _doc(b)
    if da is None or db is None:
        return None
    ea, eb = _events(da), _events(db)
    shared = sorted(ea.keys() & eb.keys())
    if shared and not any(_alike(x, y) for k in shared for x in ea[k] for y in eb[k]):
        return "mode:" + ",".join(shared)
    return None


_ROLE_OF = {"nsubj": "agent", "nsubjpass": "patient", "dobj": "patient"}
_NAMED = {"PERSON", "ORG", "GPE"}


def _filler(tok: Any) -> tuple[str, frozenset[str]] | None:
    """(entity type, folded words) of a named participant: a proper noun with its name parts
    and the names coordinated with it ("Nichols and Timothy McVeigh")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in _NAMED:
        return None
    heads = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    parts = heads + [
        c for h in heads for c in h.children if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN"
    ]
    words = frozenset(fold_name(t.text) for t in parts) - {""}
    return (str(tok.ent_type_), words) if words else None


def _participants(tok: Any) -> dict[str, tuple[str, frozenset[str]]]:
    """Named agent and patient of a predicate, the passive's "by" phrase as its agent."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for c in tok.children:
        role = _ROLE_OF.get(c.dep_)
        if c.dep_ == "agent":
            c = next((g for g in c.children if g.dep_ == "pobj"), c)
            role = "agent"
        got = _filler(c) if role else None
        if role and got:
            out[role] = got
    return out


def _kind(label: str) -> str:
    # the small model often tags a person ORG ("Trump denies"): people and bodies both act
    return "actor" if label in {"PERSON", "ORG"} else label


def _same_referent(x: frozenset[str], y: frozenset[str], names: Iterable[frozenset[str]]) -> bool:
    """Two name forms may name one entity: they share a word or its first four letters
    ("Qurei" / "Qureia"), one is the initials of the other ("AP" / "Associated Press"), or
    one full name of the story holds a word of each ("Kim" / "Kardashian" in a story naming
    Kim Kardashian)."""
    if x & y or {w[:4] for w in x if len(w) > 3} & {w[:4] for w in y if len(w) > 3}:
        return True
    if any(_initials(p, q) for p, q in ((x, y), (y, x))):
        return True
    return any(n & x and n & y for n in names)


def _initials(short: frozenset[str], full: frozenset[str]) -> bool:
    return any(len(w) >= 2 and set(w) <= {f[0] for f in full} for w in short)


def _names_apart(a: str, b: str) -> bool:
    """``a`` names someone (a capitalised word after its first) that ``b`` never mentions."""
    seen = {fold_name(w) for w in words(b)}
    return any(fold_name(w) not in seen for w in words(a)[1:] if w[:1].isupper())


def frame_needs_parse(a: str, b: str) -> bool:
    """Whether ``frames_disagree`` or ``participants_differ`` would parse this pair."""
    return _has_marker(a) or _has_marker(b) or (_names_apart(a, b) and _names_apart(b, a))


def participants_differ(a: str, b: str, names: Iterable[frozenset[str]] = ()) -> str | None:
    """A predicate both state has, in one role, named participants of one type that cannot be
    one entity: "Senator Ann Vale was confirmed" / "Judge Tom Reyes was confirmed" are two
    confirmations. Each side must also name someone the other never mentions: two reports
    naming the same people tell one event even when the parse reads their roles apart.
    ``names`` are the story's full names (folded words) that join aliases."""
    if not (_names_apart(a, b) and _names_apart(b, a)):
        return None
    da, db = _doc(a), _doc(b)
    if da is None or db is None:
        return None
    known = list(names)
    ea, eb = _events(da), _events(db)
    for key in sorted(ea.keys() & eb.keys()):
        clash = True
        for ta in ea[key]:
            for tb in eb[key]:
                pa, pb = _participants(ta), _participants(tb)
                roles = [r for r in pa.keys() & pb.keys() if _kind(pa[r][0]) == _kind(pb[r][0])]
                if not any(not _same_referent(pa[r][1], pb[r][1], known) for r in roles):
                    clash = False
        if clash:
            return f"participant:{key}"
    return None


# Words whose links to each other state something: nouns, names, verbs, adjectives, numbers.
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


def _link_key(tok: Any) -> str:
    return "#" + tok.lower_.replace(",", "") if tok.pos_ == "NUM" else stem(tok.lower_)


def _content_head(tok: Any) -> Any | None:
    """The nearest content word above ``tok``, through prepositions and other function words
    ("killed *in* the crash": *crash* hangs on *killed*)."""
    node, hops = tok.head, 0
    while node.i != node.head.i and node.pos_ not in _CONTENT_POS and hops < 4:
        node, hops = node.head, hops + 1
    return node if node.pos_ in _CONTENT_POS and node.i != tok.i else None


def relations(text: str) -> set[frozenset[str]] | None:
    """The pairs of content words (stems; figures as ``#n``) that a sentence links directly: a
    predicate and its subject, object or prepositional phrase, a noun and its modifier. The
    parts of one name ("Bashar al-Assad") are not a relation. None without a parse."""
    doc = _doc(text)
    if doc is None:
        return None
    out: set[frozenset[str]] = set()
    for tok in doc:
        if tok.pos_ not in _CONTENT_POS or tok.i == tok.head.i:
            continue
        head = _content_head(tok)
        if head is None or (tok.pos_ == "PROPN" and head.pos_ == "PROPN"):
            continue
        x, y = _link_key(tok), _link_key(head)
        if x != y:
            out.add(frozenset((x, y)))
    return out


def shares_relation(a: str, b: str) -> bool:
    """Whether two statements link some two content words the same way: both say "the crash
    killed", "leopards number", "dog injured". Two statements of one story that share only
    its topic words ("leopard", "population", "crash") and say different things of them
    share no relation. True when either side cannot be parsed (no evidence against)."""
    ra, rb = relations(a), relations(b)
    if ra is None or rb is None:
        return True
    return bool(ra & rb)
