"""Antecedents for speaker resolution: the people and organisations an article has recently
named as speakers or subjects, and the nearest compatible one before a position ("he" to the
last man named outside a quotation, "the spokesman" to the holder of that role).
"""

from __future__ import annotations

import bisect
import re

from newsbrief import parse as nlp_parse
from newsbrief.annotate import cues
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.entity_runs import JOB_TITLES
from newsbrief.annotate.first_names import gender_of
from newsbrief.annotate.salience import (
    ADDRESSEE_BEFORE,
    REPORTED,
    people_since,
    plural_subjects,
    role_subjects,
    salient_mentions,
    unnamed_subjects,
)
from newsbrief.annotate.speaker_adjunct import in_opening_adjunct
from newsbrief.annotate.speaker_definite import definite_openers
from newsbrief.annotate.speaker_kinds import (
    about_other_person,
    name_kind,
    noun_genders,
    pronoun_genders,
    unnamed_speaker,
)
from newsbrief.annotate.speaker_prefetch import PARSED, ParsePlanning
from newsbrief.annotate.speaker_unnamed import unnamed_openers
from newsbrief.annotate.speaker_words import (
    NOT_ANTECEDENT_ENTS,
    NOT_PERSON_HEADS,
    is_furniture,
    is_heading_phrase,
)
from newsbrief.records import Mention, Sentence

_RELATIVE_SUBJECT = re.compile(r"(?i:who|whom)\b")
# "X said that …": what follows a speech verb and "that" is the content of X's statement
_SAID_THAT = re.compile(rf"\b(?:{cues.VERBS})[ \t]+that\b")
_WHO_FOLLOWS = re.compile(r",\s+who\b")
# "trapped in Baba Amr", "shelling near Tal Kalakh": a bare name after a preposition of place
# is a place the tagger took for a person's name (people are "with" or "for" someone, seldom
# "in" them); it is never what a later "he" or "she" refers to
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|into|inside|outside|across|throughout|around|towards?)[ \t]+$"
)


def untitled(name: str) -> str:
    """``name`` without the title words before it ("Commissioner David Aguilar" -> "David
    Aguilar"), so its given name tells its gender."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".") in lx.TITLES | JOB_TITLES:
        words = words[1:]
    return " ".join(words)


# "the Hallorans said", "the Obamas have": a family named by its plural surname, standing as a
# subject; a later "they" is the family, which the article names as no organisation
_FAMILY_SUBJECT = re.compile(
    r"\b[Tt]he[ \t]+[A-Z][a-z]+s[ \t]+(?:said|say|says|have|had|were|are|wrote|told|[a-z]+ed)\b"
)
# "Another hoped the movement would vanish", "Someone wrote": a pronoun for a person the
# article does not name, standing as a sentence's subject; a later "he" is that person (not
# when it acts on "him" or "her": "One asked him to fix …, and he mended …" goes on with him)
_PRONOUN_SUBJECT = re.compile(
    r"(?:^|\n|[.;!?][\"”’]?[ \t]+)(?:Another|Someone|Somebody|One)[ \t]+"
    r"(?:[a-z]{2,}ed|said|says|wrote|writes|told|tells|added|asked)\b(?![ \t]+(?:him|her)\b)"
)
# "Ms Bouvel", "Mr. Telby": the courtesy title tells the gender a given name would
_TITLE_GENDER = re.compile(r"\b(?:(?P<f>Mrs|Ms|Miss|Mme|Madam)|(?P<m>Mr))\.?[ \t]+$")
# "President Marcon's statement that …": nouns for what a possessor said
_SAID_NOUNS = (
    r"statement|remarks?|comments?|announcement|claim|words|tweets?|speech|letter|testimony"
)
# a possessor opening its sentence (after a title or two) with a noun for what it said
_POSSESSOR_OPENS = re.compile(
    r"(?:[A-Z][\w.-]*[ \t]+){0,2}(?P<name>[A-Z][\w'’.-]*?)['’]s[ \t]+(?:[a-z]+[ \t]+)?"
    rf"(?:{_SAID_NOUNS})\b"
)


class Antecedents(ParsePlanning):
    """The article's mentions and salient speakers, and the search for an antecedent among
    them; ``speakers.Resolver`` adds the reading of a cue's subject."""

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        mentions: list[Mention],
        roles: dict[str, list[str]],
        quoted: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.sentences = sentences
        self._sent_starts = [x.start for x in sentences]
        # Names inside quotation marks are what was said, not who said it: "…Dinesh," she
        # said is never Dinesh speaking
        self._quoted = sorted(quoted or [])
        self._quoted_starts = [a for a, _ in self._quoted]
        # a page's captions and buttons ("Hide Caption 3 of 9") are no antecedent of "he"
        self.mentions = sorted(
            (
                m
                for m in mentions
                if m.kind in ("person", "org")
                and not is_furniture(m.text)
                and not is_heading_phrase(m.text)
            ),
            key=lambda m: m.start,
        )
        self.starts = [m.start for m in self.mentions]
        self.roles = {k: " ".join(v).lower() for k, v in roles.items()}
        self.salient: list[tuple[int, str, str]] = []  # (position, entity, kind)
        self._vouched: set[int] = set()  # positions of resolved speakers: no parse check
        self._animate_memo: dict[int, bool] = {}
        self._patterns_only = False  # resolving a statement no brief shows: no parse at all
        self._skip: list[tuple[int, int]] = []  # places the parse left out of the subject
        self._asked: set[int] | None = None  # prefetch's dry run: antecedents _animate wants
        # gender the article's own pronouns gave a name ("she" resolved to Carla Vell): a
        # later "he" passes over her even when her first name is in no list
        self._pronoun_gender: dict[str, str] = {}
        # speakers the article does not name ("A veterinarian at the checkpoint said"): their
        # position and gender (None when the noun gives none)
        self._unnamed: list[tuple[int, str | None]] = []
        self.salient = salient_mentions(
            text, self.mentions, self.starts, self._sentence_at, self._inside_quote
        )
        # a noun before the name ("her boyfriend Darby Johns") outweighs the pronouns counted
        self._text_gender = {
            **pronoun_genders(text, self.mentions, self._inside_quote),
            **noun_genders(text, self.mentions),
        }
        self._role_subjects()
        self._plural = plural_subjects(text, self._inside_quote)
        self._title_gender = self._titled_genders()
        self._definite_subjects()
        for ps in _PRONOUN_SUBJECT.finditer(text):
            if not self._inside_quote(ps.end() - 1):
                bisect.insort(self._unnamed, (ps.end() - 1, None))
        self._possessor_subjects()

    def _titled_genders(self) -> dict[str, str]:
        """The gender a courtesy title before a person's mention tells ("Ms Bouvel": "f")."""
        out: dict[str, str] = {}
        for m in self.mentions:
            t = _TITLE_GENDER.search(self.text, max(0, m.start - 6), m.start)
            if m.kind == "person" and m.entity and t is not None:
                out.setdefault(m.entity, "f" if t.group("f") else "m")
        return out

    def _possessor_subjects(self) -> None:
        """ "President Marcon's statement that Ms Bouvel was safe came …": a person whose
        statement opens the sentence is what the sentence is about, so a later "he" is that
        person, though another person is named after the possessor."""
        for sent in self.sentences:
            m = _POSSESSOR_OPENS.match(self.text, sent.start, sent.end)
            if m is None:
                continue
            i = bisect.bisect_right(self.starts, m.start("name")) - 1
            if i >= 0:
                hit = self.mentions[i]  # the mention ending on the possessor's name
                fits = hit.end == m.end("name") and hit.kind == "person" and hit.entity
                if fits and not any(p == hit.start for p, _, _ in self.salient):
                    bisect.insort(self.salient, (hit.start, hit.entity or "", "person"))

    def _role_subjects(self) -> None:
        """ "But in his post, the president closed with …": a role noun as a sentence's
        subject is the nearest antecedent of a later "he" — its holder when the article
        names one with that role, else an unnamed person whom no older name passes."""
        for pos, head in role_subjects(self.text, self._inside_quote):
            held = self._recent(pos, "person", head) or self._first_with_role("person", head)
            if held is not None:
                bisect.insort(self.salient, (pos, held, "person"))
            else:
                bisect.insort(self._unnamed, (pos, None))
        for pos, gender in unnamed_subjects(self.text, self._inside_quote):
            bisect.insort(self._unnamed, (pos, gender))
        for pos, gender in unnamed_openers(self.text, self._inside_quote):
            bisect.insort(self._unnamed, (pos, gender))

    def _definite_subjects(self) -> None:
        """``speaker_definite``: "The man …" with no one of his gender named just before is
        an unnamed person no older name passes."""
        for pos, gender in definite_openers(self.text, self._inside_quote):
            i = bisect.bisect_right(self._sent_starts, pos) - 1
            lo = self.sentences[i - 1].start if i > 0 else 0
            j, k = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, pos)
            if not any(
                m.kind == "person"
                and m.entity
                and not self._inside_quote(m.start)
                and self._gender(m.entity) in (None, gender)
                for m in self.mentions[j:k]
            ):
                bisect.insort(self._unnamed, (pos, gender))

    def _mention_in(self, start: int, end: int) -> Mention | None:
        """The first person inside the subject, else its last organisation."""
        i = bisect.bisect_left(self.starts, start)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < end:
            if any(a <= self.mentions[i].start < b for a, b in self._skip) or self._inside_quote(
                self.mentions[i].start
            ):
                i += 1
                continue
            if self.mentions[i].kind == "person":
                return self.mentions[i]
            best = self.mentions[i]
            i += 1
        return best

    def _has_role(self, entity: str, role_word: str) -> bool:
        return lx.role_fits(role_word, self.roles.get(entity, ""))

    def _inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and pos < self._quoted[i][1]

    def _animate(self, pos: int, kind: str) -> bool:
        """Whether the parse of the sentence at ``pos`` calls the name there a person (an
        organisation for "they"/"it"): "she" never goes back to "Delaware" or "a Silver Alert"
        that the pattern tagger took for people. Without the parse, every candidate stands."""
        if pos in self._vouched or not PARSED["on"] or self._patterns_only:
            return True
        if pos in self._animate_memo:
            return self._animate_memo[pos]
        if self._asked is not None:  # dry run: note the sentence, assume the common answer
            self._asked.add(pos)
            return True
        ok = True
        sent = self._sentence_at(pos)
        if sent is not None:
            try:
                doc = nlp_parse.parse_one(sent.text)
            except Exception:  # no parser: keep the pattern tagger's call
                doc = None
            if doc is not None:
                tok = next((t for t in doc if sent.start + t.idx >= pos), None)
                # the small model leaves many lone surnames untyped ("Hale spoke next") and
                # calls some people organisations: only a place, a date, an event or a word
                # that is no proper noun is refused
                ok = tok is None or (
                    tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_ANTECEDENT_ENTS
                )
        self._animate_memo[pos] = ok
        return ok

    def _recent(
        self, pos: int, kind: str, role_word: str | None = None, gender: str | None = None
    ) -> str | None:
        """The latest salient entity of ``kind`` before ``pos`` (with ``role_word`` in its
        role); ``gender`` ("f" for "she", "m" for "he") passes over a name of the other one."""
        checked = 0
        cands = [
            (p, entity)
            for p, entity, k in reversed(self.salient)
            if p < pos
            and k == kind
            and not self._inside_quote(p)
            and not (kind == "person" and entity.lower().split()[-1] in NOT_PERSON_HEADS)
            and not (kind == "person" and self._after_locative(p))
            and not (kind == "person" and self._in_adjunct(p))
            and not (gender and self._gender(entity) not in (None, gender))
        ]
        if gender and cands:
            cands = self._speaker_first(cands)
        for n, (p, entity) in enumerate(cands):
            if gender and self._unnamed_after(p, pos, gender):
                return None  # "A veterinarian … said she …": the nearer speaker has no name
            if role_word is None or self._has_role(entity, role_word):
                # the parse is asked only when refusing this mention would change the answer:
                # the next candidate is someone else (or no one), and no title vouches for it
                # a known given name ("Joseph Serna") vouches for a person, whatever one
                # sentence's parse makes of the lone surname ("Serna sat on the cot")
                if (
                    role_word is None
                    and checked < 4
                    and not self.roles.get(entity)
                    and gender_of(entity) is None
                    and (n + 1 == len(cands) or cands[n + 1][1] != entity)
                ):
                    checked += 1
                    if not self._animate(p, kind):
                        continue
                return entity
        if role_word is not None:  # any earlier person whose role has that noun
            for m in reversed(self.mentions[: bisect.bisect_left(self.starts, pos)]):
                if self._inside_quote(m.start):
                    continue
                if m.kind == kind and m.entity and self._has_role(m.entity, role_word):
                    return m.entity
        return None

    def _after_locative(self, pos: int) -> bool:
        """Whether the name at ``pos`` follows a preposition of place and no possessive ends
        it ("in Baba Amr", not "in Smith's view"): a place, whatever the tagger typed it."""
        if not _LOCATIVE_BEFORE.search(self.text, max(0, pos - 12), pos):
            return False
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            end = self.mentions[i].end
            return self.text[end : end + 2] not in ("'s", "’s")
        return True

    def _in_adjunct(self, pos: int) -> bool:
        """``speaker_adjunct.in_opening_adjunct`` for the name at ``pos``."""
        sent = self._sentence_at(pos)
        i = bisect.bisect_left(self.starts, pos)
        if sent is None or i >= len(self.mentions) or self.mentions[i].start != pos:
            return False
        end = self.mentions[i].end
        return in_opening_adjunct(self.text, sent.start, sent.end, pos, end)

    def _speaker_first(self, cands: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Candidates for "he"/"she", latest first, with the people a relative clause of the
        latest candidate's sentence names ("Hollis, who urged ...") moved behind the
        sentence's own subject or speaker: '"...," Berga said, referring to the order of
        the director, Hollis, who urged ... . He added ...' is Berga again; so are the
        people named in the content after "said that"."""
        sent = self._sentence_at(cands[0][0])
        if sent is None:
            return cands
        for n, (p, _) in enumerate(cands):
            if p < sent.start:
                break
            if not self._in_aside(p) and not _SAID_THAT.search(self.text, sent.start, p):
                # a name in the content of the sentence's statement ("Morven said that a road
                # was built when Ragnald ruled. He said …") is what was spoken of: the next
                # "he" is the speaker, who goes on
                return cands if n == 0 else [cands[n], *cands[:n], *cands[n + 1 :]]
        return cands

    def _in_aside(self, pos: int) -> bool:
        """Whether the speaker at ``pos`` is the subject of a relative clause ("who urged"),
        a name a relative clause follows ("Hollis, who urged") or the one a speaker told
        ("told Al Jazeera")."""
        if _RELATIVE_SUBJECT.match(self.text, pos):
            return True
        if ADDRESSEE_BEFORE.search(self.text, max(0, pos - 24), pos):
            return True
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            return bool(_WHO_FOLLOWS.match(self.text, self.mentions[i].end))
        return False

    def _recent_group(self, pos: int) -> str | None:
        """The organisation a "they" at ``pos`` refers to: the latest salient one,
        unless a plural common noun stood as a subject since ("Ukrainian banks were closed.
        They said …": the banks, whom the article does not name)."""
        org = self._recent(pos, "org")
        if org is None:
            return None
        at = max((p for p, e, k in self.salient if p < pos and e == org and k == "org"), default=-1)
        if any(at < p < pos for p in self._plural):
            return None
        if any(
            not self._inside_quote(f.start())
            for f in _FAMILY_SUBJECT.finditer(self.text, max(at, 0), pos)
        ):
            return None  # "the Hallorans said … they said": the family, not the group named before
        if people_since(self.text, max(at, 0), pos, self.mentions, self._inside_quote):
            return None  # "critics on the right … they argued": the people, not the paper
        return org

    def _unnamed_after(self, lo: int, hi: int, gender: str) -> bool:
        """Whether an unnamed speaker of a compatible gender spoke between ``lo`` and ``hi``."""
        return any(lo < p < hi and g in (None, gender) for p, g in self._unnamed)

    def note_unnamed(self, subj: str, start: int, indefinite: bool = False) -> None:
        """Record ``subj`` as an unnamed speaker when it is a singular noun for a person
        (``speaker_kinds.unnamed_speaker``)."""
        found, gender = unnamed_speaker(subj, indefinite)
        if found:
            bisect.insort(self._unnamed, (start, gender))

    def _gender(self, entity: str) -> str | None:
        return (
            gender_of(untitled(entity))
            or self._title_gender.get(entity)
            or self._pronoun_gender.get(entity)
            or self._text_gender.get(entity)
        )

    def _sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        return self.sentences[i] if i >= 0 else None

    def _first_with_role(self, kind: str, role_word: str) -> str | None:
        for m in self.mentions:
            if m.kind == kind and m.entity and self._has_role(m.entity, role_word):
                return m.entity
        return None

    def other_person_in(self, start: int, end: int, entity: str | None) -> bool:
        """Whether the narration ``start:end`` is about a person other than ``entity``
        (``speaker_kinds.about_other_person``)."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        people = [m for m in self.mentions[i:j] if not self._inside_quote(m.start)]
        return about_other_person(self.text, start, end, people, entity)

    def _kind_of(self, entity: str, pos: int) -> str:
        """The kind of a speaker: its mention's, else ``speaker_kinds.name_kind``."""
        for m in self.mentions:
            if m.entity == entity:
                return m.kind
        for _, e, k in self.salient:
            if e == entity:
                return k
        parse_on = PARSED["on"] and self._asked is None
        return name_kind(self.text, entity, pos, self._sentence_at(pos), parse_on)

    def note(self, pos: int, entity: str | None) -> None:
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            m = self.mentions[i]
            if m.kind == "org" and REPORTED.match(self.text, m.end):
                return  # the outlet credited with a report is no later "it" (``salience``)
        if entity:
            kind = self._kind_of(entity, pos)
            bisect.insort(self.salient, (pos, entity, kind))
            self._vouched.add(pos)
