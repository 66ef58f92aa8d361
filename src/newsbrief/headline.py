"""The headline of a brief: the title of the most central original article, else the summary
sentence that best reads as one.

A story's headline is the first line a reader sees and the one they judge the brief by. With no
usable title, it is a whole summary sentence, and the sentence a newsroom writes to stand alone
is an article's lede: it names who and what, where a sentence from deep in an article leans on
what came before it ("The plan also contains ...", "Asked on Sunday about it, he ...").
"""

from __future__ import annotations

import re
from collections import Counter

from newsbrief.clean.rules import rule_reason
from newsbrief.records import Article, Derivation, Story, SummarySentence
from newsbrief.summarize.reference import leans_on_context
from newsbrief.summarize.text import outside_quotes
from newsbrief.text import STOP_WORDS
from newsbrief.text import words as text_words


def choose_headline(
    story: Story,
    ordered: list[Article],
    derivations: list[Derivation],
    summary: list[SummarySentence],
    by_id: dict[str, Article],
) -> str:
    """The title of the most central original article, else a whole summary sentence.

    A title scores by how many of its words the summary uses, times how often the summary
    cites its article; a rewrite's title is passed over, and ties go to the earliest article.
    A title that is page furniture or cut off ("Story highlights ...", "CLOSE ...", "... …")
    never stands as the headline.
    """
    derived = {d.child for d in derivations}
    titled = [a for a in ordered if a.title and not headline_problem(a.title)]
    candidates = [a for a in titled if a.id not in derived] or titled
    if not candidates:
        label = story.label if story.label and not headline_problem(story.label) else ""
        return _headline_from_summary(summary) or label or "(untitled story)"
    said = Counter(w for s in summary for w in _words(s.text))
    cited = Counter(c.article for s in summary for c in s.citations)

    def score(article: Article) -> float:
        # the words the summary uses, weighted by how much the summary leans on the article
        words = set(_words(article.title))
        overlap = sum(min(said[w], 3) for w in words) / (1 + len(words)) ** 0.5
        return overlap * (1 + cited[article.id])

    return max(candidates, key=lambda a: (score(a), -ordered.index(a))).title


HEADLINE_WORDS = 30  # a summary sentence longer than this is a poor headline, though whole
# Page pieces that reach titles: highlight boxes, video-player labels, photo credits, social
# prompts. Matched at the start of the title (or anywhere for credits), never as a topic word.
_FURNITURE = re.compile(
    r"(?i)^\s*(?:story highlights|highlights\b|close\b|image copyright|image caption"
    r"|tweet with a location|join us on|like us on|follow us"
    # a follow prompt naming the outlet: "Follow CBSMIAMI.COM: Facebook | Twitter"
    r"|follow\s+\S+\s*:\s*(?:facebook|twitter|instagram)\b"
    r"|(?:watch|video|photos?|gallery)\s*[:|–—-]|advertisement|skip\b|sign up|subscribe"
    r"|breaking news:?\s*$|media playback is unsupported|media caption\b"
    r"|this (?:story|article|post) (?:is|was|has been) updated\b"
    # an update stamp ("UPDATE: November 8, 8:25 AM CST") or a byline with its rank and unit
    # ("By Staff Sgt. A. B. Smith, 7th Air Force Public Affairs / Published ...")
    r"|updated?\s*:?\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    r"|(?-i:By\s+(?:[A-Z][\w.'’-]*\s+){1,5}?[A-Z][\w.'’-]*)\s*(?:,|/|\||$))"
    # a credit's names are separated by whitespace, which keeps the match linear: with
    # `(?:[A-Z]\w*\s*)+` a capitalised run in parentheses backtracks exponentially
    r"|\((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*\s*/\s*[A-Z][\w .'’-]*\)"
    r"|\b(?:Getty|AP|AFP|Reuters) Images?\b"
    r"|\b(?:ap|afp) photo\b|/(?:getty images|ap|afp|reuters)\b"
    # a photographer's credit after the agency: "... liked what he heard. REUTERS/Jane Doe"
    r"|\b(?:reuters|ap|afp|epa|getty images)\s*/\s*[a-z]"
    # a photographer's credit before the caption: "Jane Doe / AP Senator X listens ..."
    r"|^(?-i:(?:[A-Z][\w.'’-]*\s+){1,3})/\s*(?:ap|afp|reuters|epa|getty images)\b"
)
# A headline speaks of the story in the third person: a line with I, we or you outside quotes
# is a letter, a transcript or a post ("No, I'm not running", "Thank you for your service").
_PERSONAL = re.compile(
    r"(?<![\w'’])(?<!War )(?:(?-i:I|us)|me|my|we|our|ours|you|your|yours)(?=[\s,.;:!?'’-]|$)",
    re.IGNORECASE,
)
_CUT = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*\s*$")
# A menu of short links ("Join · Facebook", "Archive-It · Igc · Mail") and a wire or update
# stamp ("Associated Press Tue Feb 19, 2013 7:44 PM": names, dates and a clock time only).
_LINK_MENU = re.compile(r"^\s*[^·|]{1,30}(?:\s[·|]\s[^·|]{1,30})+$")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_CALENDAR = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
)
_STAMP_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|\d[\d,:]*|[ap]\.?m\.?)[,:.]?$")


def headline_problem(text: str) -> str:
    """Why ``text`` cannot stand as a headline ("cut", "furniture"), or "" when it can."""
    stripped = text.strip()
    if not stripped:
        return "empty"
    if _CUT.search(stripped):
        return "cut"
    if _FURNITURE.search(stripped) or rule_reason(stripped) is not None:
        return "furniture"
    if _LINK_MENU.match(stripped) or (
        _CLOCK.search(stripped)
        and _CALENDAR.search(stripped)
        and all(_STAMP_WORD.match(w) for w in stripped.split())
    ):
        return "furniture"
    return ""


def _lede_rank(sentence: SummarySentence) -> int:
    """0 when the sentence opens one of the articles it cites, 1 when it is second, else 2:
    a lede is written to be read first; the rest of an article leans on it."""
    return min([min(c.sentence, 2) for c in sentence.citations] or [2])


def _headline_from_summary(summary: list[SummarySentence]) -> str:
    """With no title to use, the whole summary sentence that best reads as a headline (a
    story label is only its top word stems). Never cut: a long sentence is passed over for a
    shorter one when there is one.

    A sentence that reads alone comes first; then a reporter's sentence over a quotation or a
    line in the first person; then one of at most ``HEADLINE_WORDS`` words; then an article's
    lede; then the one the most articles state; then the earliest in the summary. (Scoring
    the sentences by the words the rest of the summary uses, as titles are, picked asides
    from deep in an article on the dev pile: it was tried and left out.)"""
    fit = [s for s in summary if not headline_problem(s.text)] or summary
    if not fit:
        return ""
    usable = [s for s in fit if not leans_on_context(s.text)] or fit
    # a reporter's sentence names the story better than a quotation does, or than a line of
    # a transcript or letter in the first person ("I-- I'm used to being an underdog.")
    best = max(
        usable,
        key=lambda s: (
            not s.text.lstrip().startswith(('"', "“", "'", "‘"))
            and not _PERSONAL.search(outside_quotes(s.text)),
            len(s.text.split()) <= HEADLINE_WORDS,
            -_lede_rank(s),
            len({c.article for c in s.citations}),
            -summary.index(s),
        ),
    )
    return best.text


def _words(text: str) -> list[str]:
    return [w for w in text_words(text, lower=True) if w not in STOP_WORDS and len(w) > 2]
