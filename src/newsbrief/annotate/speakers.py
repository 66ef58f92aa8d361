"""Speaker resolution: subject surface forms ("he", "the ambassador", "Ms Quill") to article
entities, tracking which people and organisations were recently speakers or subjects.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from newsbrief import parse as nlp_parse
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.first_names import gender_of
from newsbrief.annotate.salience import role_subjects, salient_mentions, unnamed_subjects
from newsbrief.annotate.speaker_kinds import (
    about_other_person,
    claim_then_relative,
    hypothetical,
    name_kind,
    object_of_preposition,
    person_after_descriptor,
    principal_only,
    pronoun_genders,
    proxy_name,
    recalled_speaker,
    role_after_chamber,
    subject_is_sure,
    unnamed_speaker,
    who_refers_to,
)
from newsbrief.annotate.speaker_prefetch import (
    PARSED,
    QUOTE_PARSE_ENV,
    ParsePlanning,
    quote_parse_wanted,
    set_quote_parse,
)
from newsbrief.annotate.speaker_words import (
    GENERIC,
    NOT_ANTECEDENT_ENTS,
    NOT_PERSON_HEADS,
    PERSON_NOUNS,
    PROXY_HEADS,
    ROLE_HEADS,
    is_furniture,
    is_heading_phrase,
    is_junk_speaker,
)
from newsbrief.annotate.subject_parse import parsed_subject
from newsbrief.records import Mention, Sentence

_RELATIVE = re.compile(r",[ \t]+(?:which|who|whose|whom|that)\b")


class Resolver(ParsePlanning):
    """Resolves subject surface forms to article entities, tracking salient speakers."""

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
        self._text_gender = pronoun_genders(text, self.mentions, self._inside_quote)
        self._role_subjects()

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

    def _person_after_descriptor(self, end: int, limit: int | None = None) -> str | None:
        """The person a descriptor after ``end`` qualifies (``person_after_descriptor``)."""
        return person_after_descriptor(self.text, self.mentions, self.starts, end, limit)

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
            and not (gender and self._gender(entity) not in (None, gender))
        ]
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
            gender_of(entity) or self._pronoun_gender.get(entity) or self._text_gender.get(entity)
        )

    def _sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        return self.sentences[i] if i >= 0 else None

    def _parsed_subject(
        self, start: int, end: int, force: bool = False
    ) -> tuple[int, int, Any] | None | bool:
        """The subject of the cue as the parse sees it (``subject_parse.parsed_subject``);
        None without the parse or outside one sentence."""
        if not PARSED["on"]:
            return None
        sent = self._sentence_at(start)
        if sent is None or end > sent.end + 1:
            return None
        return parsed_subject(sent, start, end, self._skip, force)

    def sure(self, subj: str, start: int, end: int) -> bool:
        """Whether the pattern subject needs no parse (``speaker_kinds.subject_is_sure``)."""
        return subject_is_sure(self.text, self.mentions, self.starts, subj, start, end)

    def resolve(self, subj: str, start: int, end: int, parse: bool = True) -> str | None:
        """The speaker of the subject ``subj`` at ``start:end``, None when it is no speaker.

        ``parse=False`` keeps the pattern subject: for statements no brief shows (stances,
        intentions), where the parse would cost more than the decision is worth."""
        self._skip = []
        if self._not_speaking(subj, start, end):
            return None
        if not parse or self.sure(subj, start, end):
            self._patterns_only = not parse
            try:
                speaker = self._resolve(subj, start, end)
            finally:
                self._patterns_only = False
            if speaker is None:
                self.note_unnamed(subj, start)
            return None if speaker is None or is_junk_speaker(speaker) else speaker
        parsed = self._parsed_subject(start, end)
        if parsed is False:
            return None
        head_tok = None
        if isinstance(parsed, tuple):
            start, end, head_tok = parsed
            # the parse may run a subject back into a quotation ('…, Ann Lee and viewers," a
            # statement said'): what was said is never who said it
            # ('says singer Robert Plant, "where we …'): the subject is the part outside
            while start < end and self.text[start] in " \t,\"“”'’":
                start += 1  # the closing mark and comma before "emcee Dara Quillon said"
            if self._inside_quote(start):
                close = max(self.text.rfind(c, start, end) for c in '"“”')
                start = close + 1 if close >= 0 else start
            else:
                opens = [i for i in (self.text.find(c, start, end) for c in '"“”') if i >= 0]
                end = min(opens) if opens else end
            subj = self.text[start:end]
            if not subj.strip() or self._not_speaking(subj, start, end):
                return None
        speaker = self._resolve(subj, start, end)
        if speaker is None:
            self.note_unnamed(subj, start)
            return None
        if head_tok is None and parsed is None and speaker == subj.strip() and PARSED["on"]:
            # a bare capitalised subject that is no entity of the article ("Researchers
            # found", "Although found"): the one case a sentence without a speech cue is parsed
            again = self._parsed_subject(start, end, force=True)
            if again is False:
                return None
            if isinstance(again, tuple):
                head_tok = again[2]
        # not an entity of the article: a name the parse does not call a person or an
        # organisation ("I've", "Protesters on Sunday") is left unattributed, while "the
        # council" (a definite common noun) stands
        if (
            head_tok is not None
            and speaker == subj.strip()
            and (
                head_tok.pos_ != "PROPN" or head_tok.ent_type_ not in ("PERSON", "ORG", "NORP", "")
            )
            and not (subj.lower().startswith("the ") and head_tok.pos_ == "NOUN")
        ):
            return None
        if is_junk_speaker(speaker):
            return None
        if speaker == subj.strip() and subj.split()[-1].lower() in PERSON_NOUNS:
            return None  # "The wife of X": a person the article does not name
        return speaker

    def _not_speaking(self, subj: str, start: int, end: int) -> bool:
        """A subject that says nothing itself: a condition or prediction ("if X says", "they
        will say"), the object of a preposition ("people who worked with X believe"), a
        claim it disputes ("a claim X denies")."""
        return (
            hypothetical(self.text, start, end)
            or object_of_preposition(self.text, start)
            or claim_then_relative(subj)
        )

    def _resolve(self, subj: str, start: int, end: int) -> str | None:
        recalled = recalled_speaker(self.text, end)
        if recalled is not None:
            # "she recalls him saying": the one recalled speaks, under a name only when the
            # article gives one there
            lo, hi, name = recalled
            said_by = self._mention_in(lo, hi)
            if said_by is not None and said_by.kind == "person" and said_by.entity:
                return said_by.entity
            return None
        relative = _RELATIVE.search(self.text, start, end)
        if relative is not None:
            # "the documentary, which maintained … by DNA evidence, concluded": a name in the
            # subject's relative clause is not who speaks
            end = relative.start()
            subj = self.text[start:end]
        m = self._mention_in(start, end)
        # the subject ends before the descriptor ("said CNN analyst David Gergen") or holds it
        # ("White House spokesman Raj Shah said")
        held = self._person_after_descriptor(end)
        if held is None and m is not None and m.end < end:
            held = self._person_after_descriptor(m.end, end)
        if held is not None:
            return held
        role = role_after_chamber(self.text, m, end)
        if role is not None:
            # "the Senate majority whip said": the organisation only qualifies the role; the
            # speaker is the person holding it, or no one the article names
            return self._recent(start, "person", role) or self._first_with_role("person", role)
        if m is not None and m.kind == "person" and principal_only(self.text, start, m.start):
            return None
        if m is not None and m.kind == "person":
            proxy = proxy_name(self.text, m, end)
            if proxy is not None:
                # "A Sandoval spokesman, Jo Reyes, said", "Vale's lawyer said": the proxy
                # speaks, under the name the apposition gives, else unnamed
                if not proxy:
                    return None
                lo, hi, name = proxy
                after = self._mention_in(lo, hi)
                return after.entity if after is not None and after.entity else name
        if m is not None and m.entity:
            bisect.insort(self.salient, (start, m.entity, m.kind))
            self._vouched.add(start)
            return m.entity
        words = subj.lower().split()
        if not words:
            return None
        head = words[-1].strip("'’")
        if len(words) == 1 and head in ("he", "she"):
            gender = "f" if head == "she" else "m"
            named = self._recent(start, "person", gender=gender)
            if named is not None:
                self._pronoun_gender.setdefault(named, gender)
            return named
        if len(words) == 1 and head in ("they", "it"):
            return self._recent(start, "org")
        if len(words) == 1 and head == "who":  # "X, who …, said": X is right before
            i = bisect.bisect_left(self.starts, start) - 1
            near = self.mentions[i] if i >= 0 else None
            if near is None or self._inside_quote(near.start):
                return None
            return near.entity if who_refers_to(self.text, near, start) else None
        if head in GENERIC or head in ("we", "i"):
            return None
        if words[0] in ("the", "this", "that") and head in ROLE_HEADS:
            if head in PROXY_HEADS:  # "the spokesperson said": whoever holds the role, or no one
                return self._recent(start, "person", head)
            return self._recent(start, "person", head) or self._recent(start, "person")
        if words[0] == "the" and head in lx.ORG_NOUNS:
            # "the council" is the last organisation named with that word, else itself
            for _, entity, k in reversed(self.salient):
                if k == "org" and head in entity.lower().split():
                    return entity
            for m in reversed(self.mentions[: bisect.bisect_left(self.starts, start)]):
                if m.kind == "org" and m.entity and head in m.entity.lower().split():
                    return m.entity
            return subj.strip()
        if words[0] in ROLE_HEADS and m is None:
            # "Karl Brant, Ambassador of Denmark says …": the role is in apposition to the name
            # right before it
            i = bisect.bisect_left(self.starts, start) - 1
            near = self.mentions[i] if i >= 0 else None
            if (
                near is not None
                and near.kind == "person"
                and near.entity
                and self.text[near.end : start].strip() == ","
            ):
                return near.entity
        if head in ROLE_HEADS and len(words) <= 3 and all(w[:1].isupper() for w in subj.split()):
            # "Danish Envoy", "Foreign Minister": a role standing for a person the article names,
            # in a headline or lead often before the name itself
            named = self._recent(start, "person", head) or self._first_with_role("person", head)
            if named is not None:
                return named
        if subj[:1].isupper() and not all(w in lx.NOT_NAME for w in words):
            name, comma, rest = subj.strip().partition(",")
            if comma and rest.strip()[:1].islower() or rest.strip()[:1].isdigit():
                return name.strip()  # "Hassan, also a doctor": the apposition is no name
            return subj.strip()
        return None

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
        if entity:
            kind = self._kind_of(entity, pos)
            bisect.insort(self.salient, (pos, entity, kind))
            self._vouched.add(pos)


__all__ = ["PARSED", "QUOTE_PARSE_ENV", "Resolver", "quote_parse_wanted", "set_quote_parse"]
