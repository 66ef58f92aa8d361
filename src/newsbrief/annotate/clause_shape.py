"""Whether reported content is a clause ("the bridge was safe", "that …") or a phrase.

Read by the cue patterns (``cues``): the content of a report verb must be a clause, told by
its words alone (no parse): a clause opener, a subject pronoun, a finite auxiliary, or an
-ed/-s word that is not an adjective or a plural noun after a determiner.
"""

from __future__ import annotations

from newsbrief.annotate import lexicon as lx

BAD_START = lx.words(
    """
    of by to in on at with during for from about after before as and but or into than
    monday tuesday wednesday thursday friday saturday sunday yesterday today
    """
)
FINITE = lx.words(
    """
    is are was were am will would can could should shall may might must has have had do does
    did won't can't don't didn't doesn't isn't wasn't aren't weren't hasn't haven't hadn't
    wouldn't couldn't shouldn't 's 're 've 'd 'll
    """
)
_SUBJ_PRON = lx.words("he she they it we i you there this these those one nobody everyone")
_CLAUSE_OPEN = lx.words("that whether if how why what when where who")
_DETERMINER_OPEN = lx.words(
    """
    the a an his her their its our my your some no every all each any both many most few
    several people someone somebody everybody nothing something everything
    """
)
# the words a clause opens on when its subject comes first: a pronoun or a determiner
SUBJECT_OPEN = _SUBJ_PRON | _CLAUSE_OPEN | _DETERMINER_OPEN
# Words after which an -ed/-s word is an adjective or a plural noun, not a finite verb.
_NO_VERB_AFTER = BAD_START | lx.words(
    """
    the a an his her their its our my your some many several two three four five any no
    each every this these those more most new other such very
    numerous various multiple countless few dozens hundreds thousands
    """
)
# prepositions that open an adverbial, never a part of a subject noun phrase
_ADVERBIAL_PREP = lx.words("despite amid amidst via throughout")
_PUNCT = "\"“”‘’'.,;:!?()[]—–-"


_COORDINATORS = lx.words("and but or")
_COORDINATED_ADVERBS = lx.words("also then later still now since")
_NOUN_PHRASE_OPEN = lx.words("the a an his her their its our my your")


def _coordinated(ws: list[str], tokens: list[str], i: int) -> bool:
    """Whether the finite word ``ws[i]`` opens a second predicate after a noun phrase and
    "and" ("denied the charge and also is being advised by …"): the verb has no
    subject of its own in the content, so it is the cue's subject's next act, and the content
    is the verb's object. A comma before "or" ("the defendants knew, or should have known")
    shows a verb came first, one these word shapes cannot see."""
    j = i - 1
    while j > 0 and ws[j] in _COORDINATED_ADVERBS:
        j -= 1
    if j <= 0 or ws[j] not in _COORDINATORS or ws[0] not in _NOUN_PHRASE_OPEN:
        return False
    return not any(t.rstrip("\"”’'").endswith(",") for t in tokens[:j])


def is_clause(content: str) -> bool:
    """Reported content is a clause ("the bridge was safe", "that …"), not a noun phrase
    ("announced the inquiry at a meeting") nor a prepositional phrase or an adverbial."""
    # acronyms keep their case: "(IS)" is the group, not the verb
    tokens = [w for w in content.split()[:12] if w.strip(_PUNCT)]
    raw = [w.strip(_PUNCT) for w in tokens]
    # "announced the find on May 2": "May" inside a sentence is the month, not the modal
    ws = [
        "<month>" if w == "May" and i > 0 else w if len(w) > 1 and w.isupper() else w.lower()
        for i, w in enumerate(raw)
    ]
    if len(ws) < 2:
        return False
    if ws[0] in _CLAUSE_OPEN:
        return True
    if ws[0] in BAD_START:
        # "said in an interview that …"; not "agreed with that assessment", where "that" is a
        # determiner and no clause follows
        n = len(content.split())
        return any(w == "that" and n - i >= 4 for i, w in enumerate(ws[1:10], 1))
    if ws[0].endswith("ing") and ws[0] not in ("nothing", "something", "everything"):
        return False  # "said, referring to …"
    if ws[0] in _SUBJ_PRON:
        return True
    # "frequent amphetamine busts", "higher quarterly profits": a short bare phrase whose
    # last word ends in -s is a plural noun (the object of "announced"), not a clause
    bare_plural_end = (
        3 <= len(ws) <= 4
        and len(content.split()) == len(ws)
        and raw[0].islower()
        and ws[0] not in _NO_VERB_AFTER
    )
    in_adverbial = False
    for i, (prev, w) in enumerate(zip(ws, ws[1:8], strict=False), 1):
        if w in FINITE or w.endswith("n't"):
            # what follows a coordinated finite word is the second predicate's
            return not _coordinated(ws, tokens, i)
        if w in _ADVERBIAL_PREP:
            # "hardship despite three online fundraising accounts": what follows is the
            # preposition's noun phrase; its -s and -ed words are nouns and adjectives
            in_adverbial = True
        if in_adverbial or prev in _NO_VERB_AFTER or len(w) < 4:
            continue
        if w.endswith("ed"):
            return True
        if w.endswith("s") and not w.endswith(("ss", "us", "is")):
            if bare_plural_end and i == len(ws) - 1:
                continue
            return True
    return False
