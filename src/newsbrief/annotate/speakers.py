"""Speaker resolution: subject surface forms ("he", "the ambassador", "Ms Quill") to article
entities, tracking which people and organisations were recently speakers or subjects.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.antecedents import Antecedents
from newsbrief.annotate.not_speaking import (
    claim_then_relative,
    group_before,
    hypothetical,
    object_of_preposition,
    principal_only,
    quoted_as,
    recalled_speaker,
    subject_faces_claim,
)
from newsbrief.annotate.salience import REPORTED
from newsbrief.annotate.speaker_kinds import (
    member_unit,
    owned_organisation,
    person_after_descriptor,
    proxy_name,
    role_after_chamber,
    subject_is_sure,
    who_refers_to,
)
from newsbrief.annotate.speaker_party import described_member, party_descriptor
from newsbrief.annotate.speaker_prefetch import (
    PARSED,
    QUOTE_PARSE_ENV,
    quote_parse_wanted,
    set_quote_parse,
)
from newsbrief.annotate.speaker_premodifier import premodifier_of, words_before_ok
from newsbrief.annotate.speaker_words import (
    GENERIC,
    PERSON_NOUNS,
    PROXY_HEADS,
    ROLE_HEADS,
    is_junk_speaker,
)
from newsbrief.annotate.subject_parse import parsed_subject
from newsbrief.records import Mention

_RELATIVE = re.compile(r",[ \t]+(?:which|who|whose|whom|that)\b")
# a place's people after its name: "Travis County prosecutors", "city officials"
_PLACE_GROUP = re.compile(r"[ \t]+[a-z]+(?:ers|ors|ists|ians|als|nts|ives|ies|ice)\b")
# verbs of what evidence or a finding shows, in the present of a description: "it suggests
# that …" has a thing for its subject far more often than an organisation
_EVIDENCE_VERB = re.compile(r"[ \t]+(?:suggests|indicates|shows|implies|means)\b")
_PLACE_UNITS = frozenset(
    ["county", "city", "state", "town", "township", "parish", "village", "province", "borough"]
)


# title words that alone name a side or a department, never one person: "the defense argued"
_SIDES = frozenset(["defense", "defence", "prosecution", "foreign", "interior", "finance", "crown"])


# "her Twitter account", "his Facebook page": what an account posts is its owner's word
_OWNED_CHANNEL = re.compile(
    r"(?:([Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ \t]+)?(?:[A-Z][\w.-]*[ \t]+){0,2}(?:official[ \t]+)?"
    r"(?:account|feed|page|profile|post|posts|blog|website|timeline|channel|handle)$"
)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "it": "it"}
# words of a description that say nothing of which organisation it is: "the local health
# department" (a level of government does tell: "the state health department" is not the
# county's)
_LEVEL_WORDS = frozenset(["the", "local", "federal", "national"])


def _describes(words: list[str], entity: str) -> bool:
    """Whether the definite description ``words`` ("the state health department") fits the
    organisation ``entity``: its head and every content word before it are among the
    organisation's own words ("Department of Health" fits, "Department of Public Works" does
    not)."""
    own = {w.strip(",.'’") for w in entity.lower().split()}
    own |= {w.rstrip("s") for w in own}
    head, qualifiers = words[-1], [w for w in words[:-1] if w not in _LEVEL_WORDS]
    return head in own and all(w in own or w.rstrip("s") in own for w in qualifiers)


class Resolver(Antecedents):
    """Resolves subject surface forms to article entities, tracking salient speakers."""

    def _person_after_descriptor(self, end: int, limit: int | None = None) -> str | None:
        """The person a descriptor after ``end`` qualifies (``person_after_descriptor``)."""
        return person_after_descriptor(self.text, self.mentions, self.starts, end, limit)

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
        semi = subj.find(";")
        if semi > 0:
            # "according to exit polls; today he leads": a semicolon ends the clause, and the
            # subject with it; what follows is another statement's
            subj, end = subj[:semi], start + semi
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

    def _recent_before_sentence(self, pos: int) -> str | None:
        """The latest salient person before the sentence at ``pos``: a role noun with no
        holder of that role ("…, the judge said") is never someone its own sentence names,
        the subject of what the judge said."""
        sent = self._sentence_at(pos)
        return self._recent(sent.start if sent is not None else pos, "person")

    def _org_in(self, start: int, end: int) -> Mention | None:
        """The first organisation named inside ``start:end`` outside quotation marks."""
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.kind == "org" and m.entity and not self._inside_quote(m.start):
                return m
            i += 1
        return None

    def _not_speaking(self, subj: str, start: int, end: int) -> bool:
        """A subject that says nothing itself: a condition or prediction ("if X says", "they
        will say"), the object of a preposition ("people who worked with X believe"), a
        claim it disputes ("a claim X denies")."""
        return (
            hypothetical(self.text, start, end)
            or object_of_preposition(self.text, start)
            or claim_then_relative(subj)
            or subject_faces_claim(self.text, subj, end)
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
        relayed = quoted_as(self.text, end)
        if relayed is not None:
            # "X," Yonhap quoted a ministry official as saying: the official speaks, under a
            # name only when the article gives one; an agency relaying words is no speaker
            lo, hi = relayed
            obj = self.text[lo:hi]
            pronoun = _OBJECT_PRONOUNS.get(obj.strip().lower())
            quoted = self._resolve(pronoun or obj, lo, hi) if obj.strip() else None
            if quoted is None:
                self.note_unnamed(obj, lo)  # the official is the next "he added"
            return quoted
        owner = _OWNED_CHANNEL.match(subj.strip())
        if owner is not None:
            # "according to her Twitter account": an account speaks for its owner, never for
            # the platform that hosts it (the parse may leave the possessive out of the subject)
            word = owner.group(1) or (self.text[max(0, start - 8) : start].split() or [""])[-1]
            pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(word.lower())
            at = start if owner.group(1) else self.text.rfind(word, 0, start)
            return self._resolve(pronoun, at, at + len(word)) if pronoun else None
        relative = _RELATIVE.search(self.text, start, end)
        if relative is not None:
            # "the documentary, which maintained … by DNA evidence, concluded": a name in the
            # subject's relative clause is not who speaks
            end = relative.start()
            subj = self.text[start:end]
        if party_descriptor(self.text, subj.strip(), start + len(subj) - len(subj.lstrip())):
            # "the Vermont Democrat said": the member of Congress just spoken of, else no one
            sent = self._sentence_at(start)
            before = sent.start if sent is not None else start
            return described_member(
                self.text, self.mentions, self.starts, before, self._inside_quote
            )
        m = self._mention_in(start, end)
        # the subject ends before the descriptor ("said CNN analyst David Gergen") or holds it
        # ("White House spokesman Raj Shah said")
        held = self._person_after_descriptor(end)
        if held is None and m is not None and m.end < end:
            held = self._person_after_descriptor(m.end, end)
        if held is not None:
            return held
        if m is not None and m.kind == "person" and owned_organisation(self.text, m.end, end):
            # "a statement released by Vulcan, Allen's company": the company speaks, not its
            # owner; under its name when the subject gives one
            org = self._org_in(start, end)
            return org.entity if org is not None else None
        role = role_after_chamber(self.text, m, end)
        if role is not None:
            # "the Senate majority whip said": the organisation only qualifies the role; the
            # speaker is the person holding it, or no one the article names
            return self._recent(start, "person", role) or self._first_with_role("person", role)
        if member_unit(self.text, m, end):
            return None  # "the Soccer League club said": a club the subject does not name
        if m is not None and m.kind == "person" and principal_only(self.text, start, m.start):
            return None
        if m is not None and m.kind == "person" and m.start == start:
            sent = self._sentence_at(start)
            if sent is not None and group_before(self.text, sent.start, start):
                return None  # "Investigators probing the death of Tony Scott said"
        unit = subj.split()[-1].lower() if subj.split() else ""
        if unit in _PLACE_UNITS and _PLACE_GROUP.match(self.text, end):
            return None  # "Travis County prosecutors": people of a county are not the county
        if m is not None and m.kind == "person":
            # "Kushner's attorney on Thursday said": the subject may stop at the possessor,
            # whose agent named right after it is who speaks
            reach = max(end, m.end + 40) if subj.rstrip().endswith(("'s", "’s")) else end
            proxy = proxy_name(self.text, m, reach)
            if proxy is not None:
                # "A Sandoval spokesman, Jo Reyes, said", "Vale's lawyer said": the proxy
                # speaks, under the name the apposition gives, else unnamed
                if not proxy:
                    return None
                lo, hi, name = proxy
                after = self._mention_in(lo, hi)
                return after.entity if after is not None and after.entity else name
        if m is not None and m.kind in ("person", "place") and premodifier_of(self.text, m, end):
            # "The Fort Wayne mother", "the Trump administration": the name only says where
            # or whose; the noun after it speaks, an organisation under the subject's words
            head = subj.split()[-1].lower()
            return subj.strip() if head in lx.ORG_NOUNS and words_before_ok(subj) else None
        if m is not None and m.entity:
            if not (m.kind == "org" and REPORTED.match(self.text, m.end)):
                # ", NBC News reported. It also urged …": the outlet is no later "it"
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
        if len(words) == 1 and head == "it":
            if _EVIDENCE_VERB.match(self.text, end):
                return None  # "The evidence he provides … it suggests": a thing, no speaker
            return self._recent(start, "org")
        if len(words) == 1 and head == "they":
            return self._recent_group(start)
        if len(words) == 1 and head == "who":  # "X, who …, said": X is right before
            i = bisect.bisect_left(self.starts, start) - 1
            near = self.mentions[i] if i >= 0 else None
            if near is None or self._inside_quote(near.start):
                return None
            return near.entity if who_refers_to(self.text, near, start) else None
        if head in GENERIC or head in ("we", "i"):
            return None
        if len(words) == 2 and words[0] == "the" and head in _SIDES:
            return None  # "the defense argued": a side of a case, not the judge named last
        if words[0] in ("the", "this", "that") and head in ROLE_HEADS:
            if head in PROXY_HEADS:  # "the spokesperson said": whoever holds the role, or no one
                return self._recent(start, "person", head)
            return self._recent(start, "person", head) or self._recent_before_sentence(start)
        if words[0] == "the" and head in lx.ORG_NOUNS:
            # "the council" is the last organisation named with that word, else itself
            # only an organisation named before: one the article names later ("The company
            # said …" three paragraphs before "the Hollis Family Company") is no antecedent
            for p, entity, k in reversed(self.salient):
                if p < start and k == "org" and _describes(words, entity):
                    return entity
            for m in reversed(self.mentions[: bisect.bisect_left(self.starts, start)]):
                if m.kind == "org" and m.entity and _describes(words, m.entity):
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


__all__ = ["PARSED", "QUOTE_PARSE_ENV", "Resolver", "quote_parse_wanted", "set_quote_parse"]
