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
# Words after which an -ed/-s word is an adjective or a plural noun, not a finite verb.
_NO_VERB_AFTER = BAD_START | lx.words(
    """
    the a an his her their its our my your some many several two three four five any no
    each every this these those more most new other such very
    numerous various multiple countless few dozens hundreds thousands
    """
)
_PUNCT = "\"“”‘’'.,;:!?()[]—–-"


def is_clause(content: str) -> bool:
    """Reported content is a clause ("the bridge was safe", "that …"), not a noun phrase
    ("announced the inquiry at a meeting") nor a prepositional phrase or an adverbial."""
    # acronyms keep their case: "(IS)" is the group, not the verb
    raw = [w.strip(_PUNCT) for w in content.split()[:12]]
    raw = [w for w in raw if w]
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
    for prev, w in zip(ws, ws[1:8], strict=False):
        if w in FINITE or w.endswith("n't"):
            return True
        if prev in _NO_VERB_AFTER or len(w) < 4:
            continue
        if w.endswith("ed") or (w.endswith("s") and not w.endswith(("ss", "us", "is"))):
            return True
    return False
