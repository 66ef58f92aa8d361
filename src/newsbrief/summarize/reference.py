"""Whether a sentence reads alone: the tests the summarizer pairs or drops sentences on, and
the headline picker passes sentences over on.

A sentence that leans on an earlier one ("He said ...", "The plan also ...", "If so, ...")
reads wrong when a summary or a headline shows it without that sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsbrief.summarize.text import outside_quotes
from newsbrief.text import MONTHS, STOP_WORDS, WEEKDAYS

# A sentence that opens on something only an earlier sentence says: a pronoun, a
# demonstrative, a connective, a possessive ("Her lawyer"), a definite description that
# speaks in the plural ("The observers said"), or a quotation attributed to a pronoun ('"...," he said').
_OPEN = r"^[\"“‘'(]?\s*"
_REFERENCE = re.compile(
    _OPEN + r"(?:(?:he|she|they|it|this|that|these|those|his|her|their|its|him|them"
    r"|but|and|so|yet|however|also|still|instead|then|moreover|furthermore|meanwhile"
    r"|nevertheless|nonetheless|besides|thus|therefore|hence|likewise|similarly|otherwise"
    r"|such|both|neither|either|another|the (?:latter|former|same|other)"
    r"|there,|here,)\b(?!-)|(?:it|that)['’]s\b)",
    re.IGNORECASE,
)
_SPEAKS = re.compile(
    _OPEN
    + r"[Tt]he (?:[a-z][\w-]* )?[a-z][\w-]*[^s\W]s (?:said|says|say|told|added|adds|explained|noted"
    r"|stated|wrote|warned|insisted|argued|claimed|believe|believes|believed)\b"
)
# A document or outlet that speaks without having been named ("The magazine claims ...",
# "The statement added: ...", "The page continued: ..."), or a question about something
# only an earlier sentence names ("Asked about the fact sheet, X said ...").
_SOURCE_SAYS = re.compile(
    _OPEN + r"(?:[Tt]he (?:[a-z]+ )?(?:magazine|page|paper|newspaper|letter|post|report|statement"
    r"|site|website|documents?|indictment|complaint|lawsuit|filing|memo|tweet|note|e-?mail"
    r"|message|release) (?:said|says|added|adds|continued|continues|claims|claimed|states"
    r"|stated|reads|read|noted|notes|established|alleges|alleged|went on)\b"
    r"|Asked about (?:the|this|that|these|those|his|her|their|its|it|them)\b)"
)
# "It" that points at nothing: "It is not clear what ...", "It was unknown whether ..."
_EXPLETIVE = re.compile(
    _OPEN + r"it(?:['’]s| is| was| remains| remained| has been| had been| will be| would be)"
    r"\s+(?:not\s+)?(?:yet\s+)?(?:immediately\s+)?(?:clear|unclear|known|unknown|possible"
    r"|impossible|likely|unlikely|expected|believed|thought|understood|reported|estimated"
    r"|important|hard|difficult|easy|too early|the first|raining|time)\b",
    re.IGNORECASE,
)
_PRONOUN_SAID = re.compile(
    r"[,!?…][\"”’']?\s+(?:he|she|they|it)\s+(?:said|says|say|added|adds|told|explained"
    r"|wrote|continued|noted|recalled)\b"
)


def opens_on_reference(text: str) -> bool:
    """Whether ``text`` opens on (or is attributed to) something an earlier sentence says,
    so it cannot be read alone."""
    if _EXPLETIVE.match(text):
        return False
    return bool(
        _REFERENCE.match(text)
        or _SPEAKS.match(text)
        or _SOURCE_SAYS.match(text)
        or _PRONOUN_SAID.search(text[:400])
    )


def opens_on_pronoun(text: str) -> bool:
    """A pronoun, demonstrative or connective opening: the narrowest test; every sentence it
    flags, ``leans_on_context`` flags too (the summarizer pairs or drops on that wider test
    since round 10)."""
    return bool(_REFERENCE.match(text) or _SOURCE_SAYS.match(text)) and not _EXPLETIVE.match(text)


# Words that refer back: a headline holding one before it names anybody leans on a sentence
# the reader has not seen ("Asked on Sunday about his discovery, he quoted ...").
_BACK_REFERENCE = frozenset(
    ["he", "she", "they", "him", "her", "them", "his", "their", "its", "it"]
)
# A possessive after a noun of its own sentence points at that noun ("The mayor thanked
# commuters for their patience"); "her" may be an object, so it is not among them.
_POSSESSIVE = frozenset(["his", "their", "its"])
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# A relative clause cut from its sentence ("Who believe that ...") or a continuation ("The
# plan also contains ...", "Still, ..."): read only after the sentence it continues.
_CONTINUES = re.compile(r"^(?:who|whom|whose|which)\b|^(?:\S+\s+){0,6}also\b", re.IGNORECASE)
# An aside wholly in parentheses, or a condition ("If he passes the check, ..."): neither says
# what happened.
_ASIDE = re.compile(r"^(?:\([^()]*\)[.!?]?$|if\b|whether\b)", re.IGNORECASE)
# the text core's word tokens (``newsbrief.text.words``), read one at a time
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A pronoun that refers back (a whole word: "It's" is none), or a word opening on a letter
# that is not lower-case ASCII (checked for a capital in Python)
_REFERENCE_OR_CAPITAL = re.compile(
    r"\b(?:(?i:(he|she|they|him|her|them|his|their|its|it))(?!['’]?[^\W_])"
    r"|([^\W\d_a-z][^\W_]*(?:['’][^\W_]+)*))"
)


def _has_noun(prefix: str) -> bool:
    """A word of content (not a stop word, letters only, three or more) in ``prefix``."""
    return any(
        w.lower() not in STOP_WORDS and w.isalpha() and len(w) > 2 for w in _WORDS.findall(prefix)
    )


# A participle or adverb opening ("Asked ...", "Speaking ...", "Clearly, ...") is no name.
_OPENING_NOT_A_NAME = re.compile(r"^[A-Z][a-z]+(?:ed|ing|ly)$")


@lru_cache(maxsize=200_000)
def leans_on_context(text: str) -> bool:
    """Whether a sentence needs an earlier one to be understood, as a headline or in a
    summary that does not show that one right before it: it opens on a reference
    (``opens_on_reference``), continues another sentence, or says "he", "them" or "it"
    before naming anyone (or "his", "their", "its" before any noun). The summarizer asks
    this of every eligible sentence: only pronouns and capitalised words are looked at, and
    the answer is kept per text for the process, as ``text.stem`` keeps stems (a story
    repeats its sentences; so do the stories of a pile)."""
    if opens_on_reference(text):
        return True
    own = outside_quotes(text).strip() if '"' in text or "“" in text else text.strip()
    if _CONTINUES.match(own) or _ASIDE.match(text.lstrip()):
        return True
    # only pronouns and capitalised words decide; the regex skips every other word
    first = _WORDS.search(own)
    for match in _REFERENCE_OR_CAPITAL.finditer(own):
        pronoun, word = match.group(1), match.group(2)
        if pronoun is not None:
            low = pronoun.lower()
            if low in _POSSESSIVE and _has_noun(own[: match.start()]):
                continue
            return True
        low = word.lower()
        if not word[:1].isupper() or low in STOP_WORDS or low in _CALENDAR_WORDS:
            continue
        if first is not None and match.start() == first.start() and _OPENING_NOT_A_NAME.match(word):
            continue
        return False
    return False
