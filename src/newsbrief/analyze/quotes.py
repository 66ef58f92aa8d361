"""Story quotes: article quotes whose speaker resolves to a story entity."""

from __future__ import annotations

import re

from newsbrief.analyze.entities import EntityIndex
from newsbrief.analyze.quote_join import join_split_quotes
from newsbrief.annotate.lexicon import role_fits
from newsbrief.annotate.span_paragraph import paragraph_pieces
from newsbrief.annotate.speaker_words import PERSON_NOUNS, PROXY_HEADS, ROLE_HEADS
from newsbrief.records import Article, StoryQuote


def _nominal_target(index: EntityIndex, phrase: str, article: str) -> str | None:
    """The one person of ``article`` whose role fits "the <head>", if exactly one does."""
    toks = [t.strip(".,").lower() for t in phrase.split()]
    if not toks or toks[0] not in {"the", "this", "that"}:
        return None
    head = toks[-1]
    if head not in ROLE_HEADS and head not in PERSON_NOUNS:
        # "the Wayne County prosecutor's office": no role a person holds ("office" is
        # no "officer"), whatever a role's prefix matches
        return None
    if head in PROXY_HEADS:
        # "the attorney said" after an unnamed lawyer spoke: a proxy is often unnamed, and a
        # principal's title ("former U.S. attorney", "attorney general") is no proxy's name
        return None
    fits = [
        e.id
        for e in index.entities
        if e.kind == "person" and article in e.articles and any(role_fits(head, r) for r in e.roles)
    ]
    return fits[0] if len(fits) == 1 else None


def _named_at_cue(index: EntityIndex, art: Article, sentence: int, cue: str | None) -> str | None:
    """A person named right next to the cue verb ("Karim said", "said Karim"), if any.

    Used when the speaker given by the quote tagger is not a story entity; adjacency keeps
    an object of the sentence ("he praised Karim") from becoming its speaker.
    """
    if not cue or not 0 <= sentence < len(art.sentences):
        return None
    sent = art.sentences[sentence]
    for m in art.mentions:
        if m.kind != "person" or not sent.start <= m.start < sent.end:
            continue
        after = art.text[m.end : m.end + len(cue) + 4]
        before = art.text[max(0, m.start - len(cue) - 2) : m.start]
        if after.lstrip(" ,").startswith(cue) and _subject_after_cue(art.text, m.start, m.end, cue):
            continue  # "… visit to Lake Orrin, says the Herald's Jo Park": the name ends the content
        if after.lstrip(" ,").startswith(cue) or before.rstrip().endswith(cue):
            eid = index.entity_id(m.text, art.id)
            if eid is not None and index.entity(eid).kind == "person":
                return eid
    return None


# what opens an inverted cue's own subject: "says the Herald's …", "said Senator …"
_SUBJECT_OPENS = re.compile(r"[ \t]+(?:the|a|an|[A-Z][\w.’'-]*)\b")
CUE_SUBJECT_RULE = {"on": True}  # benchmarks compare the pile with and without it


def _subject_after_cue(text: str, start: int, end: int, cue: str) -> bool:
    """Whether the cue right after the name at ``start:end`` ("X, says …") has a subject of
    its own after it: then the name before the comma is the end of what was said. Not a name
    in apposition ("Lee's lawyer, Jo Park, said Lee had …"): that one is the subject."""
    if not CUE_SUBJECT_RULE["on"] or not text.startswith(",", end):
        return False
    if text[max(0, start - 2) : start] == ", ":
        return False
    at = text.find(cue, end, end + len(cue) + 4)
    return at >= 0 and _SUBJECT_OPENS.match(text, at + len(cue)) is not None


SPEECH = frozenset({"direct", "reported"})


def story_quotes(articles: list[Article], index: EntityIndex) -> tuple[list[StoryQuote], int]:
    """Quotes attributed to story entities, and how many quotes had no resolvable speaker."""
    out: list[StoryQuote] = []
    unresolved = 0
    for art in articles:
        for q in join_split_quotes(art.text, art.quotes):
            if q.kind not in SPEECH:
                continue  # stances and intentions ("X criticized the plan") are not quotes
            eid = None
            # no resolved speaker means annotate found the subject a pronoun without a person
            # before it, a place, a date or no name at all: the surface form ("the German",
            # "she") is then no key into the story's entities, only a role noun may be
            names = (q.speaker, q.speaker_text) if q.speaker else ()
            for name in names:
                if name and eid is None:
                    eid = index.entity_id(name, art.id) or _nominal_target(index, name, art.id)
            if eid is None and q.speaker is None and q.speaker_text:
                eid = _nominal_target(index, q.speaker_text, art.id)
            if eid is None and (q.speaker is not None or q.speaker_text is None):
                # a subject annotate refused (a place, an object, a pronoun with no person
                # before it) stays unattributed; only a quote with no subject found looks
                # for a name at its cue
                eid = _named_at_cue(index, art, q.sentence, q.cue)
            if eid is None:
                unresolved += 1
                continue
            ent = index.entity(eid)
            # a brief shows no span across a paragraph: a quotation continued over several
            # is one quote per paragraph (annotate keeps the whole span, as PolNeAR scores it)
            out.extend(
                StoryQuote(
                    speaker=ent.name,
                    text=piece,
                    article=art.id,
                    sentence=q.sentence,
                    kind=q.kind,
                    cue=q.cue,
                    entity=ent.id,
                )
                for piece in paragraph_pieces(q.text)
            )
    return out, unresolved
