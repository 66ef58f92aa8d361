"""Planning the parse a ``speakers.Resolver`` will need, before it resolves anything: the
doubtful attribution sentences and, by a dry run of the resolution, the antecedent sentences
its animacy check will ask about, so that all of them (over a chunk of articles, see
``annotate.annotate_many``) go to the parser in one batch."""

from __future__ import annotations

import bisect
import os

from newsbrief import parse as nlp_parse
from newsbrief.annotate.speaker_words import is_junk_speaker
from newsbrief.annotate.subject_parse import ATTRIBUTION as _ATTRIBUTION
from newsbrief.records import Mention, Sentence

# The parse of attribution sentences is most of annotate's cost (about 8x the rest, see
# docs/benchmarks.md): a crawl of millions can trade speaker accuracy for speed with
# NEWSBRIEF_QUOTE_PARSE=0 (`newsbrief run --no-quote-parse`). The eval and tests flip it.
QUOTE_PARSE_ENV = "NEWSBRIEF_QUOTE_PARSE"


def quote_parse_wanted() -> bool:
    return os.environ.get(QUOTE_PARSE_ENV, "1").strip().lower() not in {"0", "off", "false", "no"}


PARSED = {"on": quote_parse_wanted()}


def set_quote_parse(on: bool) -> None:
    """Switch the attribution parse for this process and the workers it starts."""
    PARSED["on"] = on
    os.environ[QUOTE_PARSE_ENV] = "1" if on else "0"


class ParsePlanning:
    """A mixin of ``Resolver``: it reads the resolver's state and runs its resolution dry."""

    text: str
    sentences: list[Sentence]
    _sent_starts: list[int]
    salient: list[tuple[int, str, str]]
    _vouched: set[int]
    _pronoun_gender: dict[str, str]
    _asked: set[int] | None
    _skip: list[tuple[int, int]]

    def sure(self, subj: str, start: int, end: int) -> bool:
        raise NotImplementedError

    def _mention_in(self, start: int, end: int) -> Mention | None:
        raise NotImplementedError

    def _resolve(self, subj: str, start: int, end: int) -> str | None:
        raise NotImplementedError

    def note(self, pos: int, entity: str | None) -> None:
        raise NotImplementedError

    def prefetch(self, requests: list[tuple[str, int, int]], sentences: set[int]) -> None:
        """Parse in one batch the ``sentences`` (indices) and those of the ``requests`` (subject,
        start, end) that ``resolve`` will parse: not ``sure``, and either an attribution
        sentence or a bare capitalised subject that names no entity of the article."""
        texts = self.prefetch_texts(requests, sentences)
        if texts:
            try:
                nlp_parse.parse(texts)
            except Exception:  # no parser: resolve falls back to the patterns one by one
                return

    def prefetch_texts(
        self, requests: list[tuple[str, int, int]], sentences: set[int]
    ) -> list[str]:
        """The sentence texts ``prefetch`` parses, in sentence order (none without the parse):
        ``annotate_many`` gathers them over a chunk of articles for one parse call."""
        if not PARSED["on"]:
            return []
        todo = set(sentences)
        for subj, start, end in requests:
            if self.sure(subj, start, end):
                continue
            i = bisect.bisect_right(self._sent_starts, start) - 1
            if i < 0 or end > self.sentences[i].end + 1:
                continue
            if _ATTRIBUTION.search(self.sentences[i].text) or (
                subj[:1].isupper() and self._mention_in(start, end) is None
            ):
                todo.add(i)
        todo.update(self._antecedent_sentences(requests))
        return [self.sentences[i].text for i in sorted(todo)]

    def _antecedent_sentences(self, requests: list[tuple[str, int, int]]) -> set[int]:
        """The sentences ``_animate`` will likely parse while the requests are resolved: a dry
        run of the patterns over the requests in order, the resolver's state restored after.
        Parsed in prefetch's batch, they no longer cost one ``nlp.pipe`` call each; a guess
        the real run does not follow only warms the cache, the answers stay the parse's."""
        salient, vouched = list(self.salient), set(self._vouched)
        genders = dict(self._pronoun_gender)
        self._asked = set()
        try:
            for subj, start, end in requests:
                self._skip = []
                speaker = self._resolve(subj, start, end)
                self.note(start, None if speaker is None or is_junk_speaker(speaker) else speaker)
            asked = self._asked
        finally:
            self.salient, self._vouched, self._asked, self._skip = salient, vouched, None, []
            self._pronoun_gender = genders
        out: set[int] = set()
        for pos in asked:
            i = bisect.bisect_right(self._sent_starts, pos) - 1
            if i >= 0:
                out.add(i)
        return out
