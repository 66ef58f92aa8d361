"""Word-level helpers for summarization: tokens, stems, concepts and sentence eligibility.

Tokens, stems and stop words come from the text core (``newsbrief.text``). Everything here
is rule-based and language-data-free, so it runs offline and on unseen sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsbrief.annotate.lexicon import SPEECH_VERBS
from newsbrief.records import normalize_text
from newsbrief.text import STOP_WORDS, stem, words

_CLOSERS = "\"'”’)]"  # may follow a sentence's final punctuation
# Lines that belong to the page, not the story: credits, share prompts, legal text.
# Searched on lower-cased text (IGNORECASE is several times slower on a long alternation).
# Each part comes with words one of which every match of it holds as a whole word (bounded
# by spaces or non-word characters), so a story's sentences are searched only when they hold
# one of those words (``eligible``): the search costs about 25 us a sentence.
_BOILERPLATE_PARTS = (
    (("click",), r"\bclick here\b"),
    (("sign",), r"\bsign up\b"),
    (("subscribe", "unsubscribe"), r"\b(?:un)?subscribe\b"),
    (("newsletter",), r"\bnewsletter\b"),
    (("cookie", "cookies"), r"\bcookies?\b"),
    (("javascript",), r"\bjavascript\b"),
    (("reserved",), r"\ball rights reserved\b"),
    (("terms",), r"\bterms of (?:use|service)\b"),
    (("privacy",), r"\bprivacy policy\b"),
    (("email",), r"\bemail address\b"),
    (("share",), r"\bshare this\b"),
    (("follow",), r"\bfollow us\b"),
    (("read",), r"\bread more\b"),
    (("learn",), r"\blearn more\b"),
    (("advertisement",), r"\badvertisement\b"),
    (("browser",), r"\bweb browser\b|\byour browser\b"),
    (("page", "site", "website"), r"\bthis (?:page|site|website)\b"),
    (("download",), r"\bdownload (?:the|our) app\b"),
    (("permalink",), r"\bpermalink\b"),
    (("comment", "comments"), r"\bcomments? (?:below|section)\b|\bleave a comment\b"),
    (("wayback",), r"\bwayback machine\b"),
    (("tweet", "tweets"), r"\btweets?\b.*\blocation\b"),
    (("contact",), r"\bcontact details\b"),
    (("mailing",), r"\bmailing list\b"),
    (("alert", "alerts"), r"\bnews alerts?\b"),
    (("send",), r"\bsend us your\b"),
    (("embed",), r"\bembed\b"),
    (("slideshow",), r"\bslideshow\b"),
    (("gallery",), r"\bin our gallery\b"),
    (("click",), r"\bclick (?:on|through)\b"),
    # archive notices that stand in for a page that is gone
    (("archive",), r"\binternet archive\b"),
    (("collection", "collections"), r"\bweb collections?\b"),
    (("crawls", "crawler", "crawlers", "crawl"), r"\b(?:crawls|crawlers?|crawl data|this crawl)\b"),
)
_BOILERPLATE = re.compile("(" + "|".join(p for _, p in _BOILERPLATE_PARTS) + ")")
_BOILERPLATE_WORDS = frozenset(w for words, _ in _BOILERPLATE_PARTS for w in words)
_CREDIT = re.compile(
    r"(?i)^(?:photo\b|image\b|credits?\b|caption\b|file photo\b|getty\b|ap photo\b|©|\(c\)"
    r"|(?:video|watch|related|editor'?s note|updated?)\s*[:|\d])"
)
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]+\s+[A-Z][\w.'’-]+\s*(?:$|[,|]|and\b)")
_PHOTO_CREDIT = re.compile(
    r"\((?:[A-Z][\w.'-]*\s*)+/\s*[A-Z][\w .'-]*\)|\b(?:AP|Getty) Images?\b"
    # a photographer's credit opening a caption: "Jane Doe / AP Senator X listens ..."
    r"|^(?:[A-Z][\w.'’-]*\s+){1,3}/\s*(?:AP|AFP|Reuters|EPA|Getty Images)\b"
)
# Photo captions read like sentences but describe a picture the summary does not show.
_CAPTION = re.compile(  # on lower-cased text
    r"^(?:file\s*[-–—:]\s*)?(?:in\s+)?(?:this|a|an)\b(?:\s+[\w,.'’-]+){0,6}?\s+"
    r"(?:photo(?:graph)?|image|picture)s?,?\s+(?:shows?|provided|released|taken|made|obtained"
    r"|from|by|courtesy)\b|\bin this\b(?:\s+[\w,.'’-]+){0,6}?\s+"
    r"(?:photo(?:graph)?|image|picture)\b|\b(?:is|are|was|were) pictured\b|^file\s*[-–—]"
    r"|\bin a file (?:photo(?:graph)?|image|picture)\b"
)
# Lines that talk to the reader instead of reporting: an imperative to look elsewhere ("Visit
# your local ...", "For more about X, see ..."), a pointer at material the summary does not
# carry ("Here's his take ..."), the reader's own experience ("You may have seen ..."), or an
# appeal to the reader ("Let's help the family ...": a reader's comment or a fundraiser).
# Searched on lower-cased text at the sentence's opening (and two phrases anywhere).
_READER = re.compile(
    r"^[\"“‘'(]?\s*(?:(?:visit|see|click|check out|watch|listen to|tune in|scroll|find out"
    r"|download|subscribe)\b(?! (?:also|above))|here(?:['’]s| is| are)\b"
    r"|for (?:more|further) (?:information|details|about|on)\b|you may have (?:seen|heard)\b"
    r"|let['’]s\b)"
    r"|\byour local\b|\bin (?:his|her|their) own words\b"
)
# the same test, cheaper: its opening alternatives tried once at the start, its two free
# phrases searched only when their words are in the sentence (every sentence meets it)
_READER_OPENING = re.compile(_READER.pattern.split("|\\byour local")[0])
_READER_FREE = re.compile(r"\byour local\b|\bin (?:his|her|their) own words\b")


def _talks_to_reader(low: str) -> bool:
    if _READER_OPENING.match(low):
        return True
    return ("your local" in low or " own words" in low) and bool(_READER_FREE.search(low))


# The reader addressed in the second person, outside quotation marks: an advert ("Get new
# episodes of shows you love ..."), a how-to ("you can still watch it ..."), an appeal
# ("Please keep the family in your thoughts"), a statement pasted without its marks. A summary
# speaks in the third person, so such a line reads as the summary's own voice. (The first
# person reads the same way, but a column's or a statement's "I" and "we" carry what
# Multi-News' human summaries report of them: leaving them out cost 0.47 ROUGE-1 at 260
# words on its dev split, the second person alone 0.04.)
_SECOND_PERSON = re.compile(
    r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Yy]ourselves)\b(?![-.'’]\w)"
    r"|\b[Yy]ou['’](?:re|ve|ll|d)\b"
)


def _speaker_named(own: str) -> bool:
    """Whether the sentence says who speaks ("You will not be forgotten, the mayor said."): a
    speech verb of the attribution lexicon, or "according to"."""
    low = own.lower()
    return "according to" in low or not SPEECH_VERBS.isdisjoint(words(low))


# The first person outside quotation marks: a column's "I", a statement or transcript pasted
# without marks ("We are cooperating fully ..."). "I" counts after a lower-case word,
# punctuation or the start only ("World War I veterans", "(I-Vt.)" are nobody); "Us"
# capitalised mid-sentence is a magazine.
_FIRST_PERSON = re.compile(
    r"(?:^|(?<=[^\w\s])\s*|(?<=\b[a-z])[\w'’]*\s+)I(?=\s+[a-z]|['’](?:m|ve|d|ll)\b)"
    r"|\b(?:[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|[Mm]y|[Mm]yself|me|us)\b(?![-.'’]\w)"
)


def speaks_in_first_person(text: str) -> bool:
    """Whether a sentence speaks as "I" or "we" outside quotation marks without naming who
    speaks: a summary shows it as its source's own words (``SummarySentence.own_words``)."""
    own = outside_quotes(text) if ('"' in text or "“" in text) else text
    return bool(_FIRST_PERSON.search(own)) and not _speaker_named(own)


def _addresses_reader(text: str) -> bool:
    if "you" not in text and "You" not in text:
        return False
    own = outside_quotes(text) if ('"' in text or "“" in text) else text
    return bool(_SECOND_PERSON.search(own)) and not _speaker_named(own)


# Wire photo captions end on the day the picture was taken: "..., in Rome, Friday, Oct. 14,
# 2011." or "... at a rally Friday, Oct. 14, 2011, in Rome." A report names its days inside the sentence, not as a closing weekday-and-date.
_CAPTION_DATE = re.compile(
    r",\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[A-Z][a-z]+\.?"
    r"\s+\d{1,2},\s+\d{4}\.$"
    r"|(?<!\bon)\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[A-Z][a-z]+\.?"
    r"\s+\d{1,2},\s+\d{4},\s+in\s+[A-Z][^.]*(?:\.[^.]+)*\.$"
)
# The same credit without the comma-weekday: "... in Kathmandu, Nepal May 30, 2016." or
# "... in Castel Gandolfo Saturday, March 23, 2013." The date follows a place or a weekday
# directly; a report puts a preposition before its dates ("signed on Oct. 1, 1953", "set
# for Tuesday, Nov. 6, 2018").
_CAPTION_PLACE_DATE = re.compile(
    r"(?:\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w.'’-]*"
    r"|\b(?:morning|afternoon|evening|night)),?\s+"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.$"
)
# Social-media text pasted into the page: a post ("RT @x: ...", "... @handle ...") or a
# follow prompt. A handle in a sentence that talks about the post or account is kept.
_HANDLE = re.compile(r"(?<![\w.])@\w")
_ABOUT_POSTS = re.compile(r"\b(?:twitter|tweet\w*|feed|account|handle|posted|wrote)\b")
_PROMPT = re.compile(r"\b(?:join|like|follow) us on\b|\bfollow @")
# A teaser cut off by the page ("... police said...") or two page pieces glued by a pipe.
_TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$|\s\|\s")
_QUOTES = re.compile(r"[\"“”]")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def content_stems(tokens: list[str]) -> list[str]:
    """Stems of the content words of lower-cased ``words(text, lower=True)`` tokens."""
    return [stem(t) for t in tokens if t not in STOP_WORDS and len(t) > 1]


def stems_and_stops(tokens: list[str]) -> tuple[list[str], list[bool]]:
    """Each token's stem and whether it is a stop word (or one letter): computed once per
    sentence, then read by both the concepts and the content stems."""
    return [stem(t) for t in tokens], [t in STOP_WORDS or len(t) < 2 for t in tokens]


def concepts(tokens: list[str]) -> set[str]:
    """Stemmed content unigrams and bigrams (a bigram counts unless both words are stopwords)."""
    return concepts_of(*stems_and_stops(tokens))


def concepts_of(stems: list[str], stop: list[bool]) -> set[str]:
    """``concepts`` from ``stems_and_stops`` output."""
    out = {s for s, x in zip(stems, stop, strict=True) if not x}
    for i in range(len(stems) - 1):
        if not (stop[i] and stop[i + 1]):
            out.add(stems[i] + " " + stems[i + 1])
    return out


def word_count(text: str) -> int:
    return len(text.split())


def outside_quotes(text: str) -> str:
    """The text with every double-quoted passage blanked: the writer's own words."""
    return _QUOTED.sub(" ", text)


def _quote_fragment(text: str) -> bool:
    """A sentence that cannot be read alone because its speaker is in another sentence."""
    marks = [m.start() for m in _QUOTES.finditer(text)]
    if not marks:
        return False
    if len(marks) % 2:
        # One mark unmatched: a piece of a longer quotation. It stands only when it opens
        # the quotation after an attribution ('The mayor said: "...').
        first = marks[0]
        opens = text[first] != "”" and (first == 0 or not text[first - 1].isalnum())
        opens = opens and first + 1 < len(text) and not text[first + 1].isspace()
        return len(marks) > 1 or not opens or len(text[:first].split()) < 3
    outside = outside_quotes(text)
    # Entirely quoted, with no attribution around it.
    return len(words(outside)) < 2


@lru_cache(maxsize=4096)
def _title_key(title: str) -> str:
    return normalize_text(title).rstrip(".!?")


def matches_title(text: str, title: str, key: str | None = None) -> bool:
    """Whether a sentence repeats its article's title (``key``: ``normalize_text(text)``
    when the caller has it already)."""
    return (key or normalize_text(text)).rstrip(".!?") == _title_key(title)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _headline_like(text: str) -> bool:
    found = _WORD.findall(text)
    # capital <= len(found) - plain, so once plain passes a fifth of the words the sentence
    # can no longer reach capital >= 4 * plain: most sentences stop after a few words
    bound = len(found) / 5.0
    capital = plain = 0
    for t in found:
        if t[0].isupper():
            capital += t.lower() not in STOP_WORDS
        elif t not in STOP_WORDS:
            plain += 1
            if plain > bound:
                return False
    return capital + plain >= 4 and capital >= 0.8 * (capital + plain)


@dataclass(frozen=True, slots=True)
class WordFlags:
    """What the word-level tests say of a sentence, computed for a whole story at once
    (``summarize.words``)."""

    words: int  # ``word_count``
    headline: bool  # ``_headline_like``
    boilerplate_word: bool  # holds a word every ``_BOILERPLATE`` match holds
    filler_word: bool  # holds a word every ``_FILLER`` match holds


def ineligible_reason(
    text: str,
    title: str = "",
    min_words: int = 6,
    max_words: int = 70,
    key: str | None = None,
    flags: WordFlags | None = None,
) -> str:
    """Why a sentence cannot stand in a summary, or "" when it can.

    ``key``: ``normalize_text(text)`` when the caller has it already; ``flags``: the
    sentence's ``WordFlags``, which settle the word-level tests most sentences pass.
    Each other pattern search is guarded by a substring every match of it contains.
    """
    n = flags.words if flags is not None else word_count(text)
    if n < min_words:
        return "short"
    if n > max_words:
        return "long"
    end = text.rstrip(_CLOSERS)
    if not end.endswith((".", "!", "?")):
        return "no-terminal-punctuation"
    # a writer's question asks the reader rather than reports ("Why would a town need to
    # move?"); a question someone is quoted asking opens on its quotation mark
    if end.endswith("?") and text[0] not in "\"“‘'":
        return "question"
    if title and matches_title(text, title, key):
        return "title"
    if flags.headline if flags is not None else _headline_like(text):
        return "heading"
    if not text[0].isupper() and not text[0].isdigit() and text[0] not in "\"“‘'(":
        return "fragment"
    if (
        _CREDIT.match(text)
        or (text.startswith("By") and _BYLINE.match(text))
        or (("/" in text or "Image" in text) and _PHOTO_CREDIT.search(text))
    ):
        return "credit"
    low = text.lower()
    if (flags is None or flags.boilerplate_word) and _BOILERPLATE.search(low):
        return "boilerplate"
    # every caption pattern names a picture or opens on "file"
    if ("photo" in low or "image" in low or "pictur" in low or low.startswith("file")) and (
        _CAPTION.search(low)
    ):
        return "caption"
    if text.endswith(".") and "day, " in text and _CAPTION_DATE.search(text):
        return "caption"
    if text[-2:-1].isdigit() and _CAPTION_PLACE_DATE.search(text):
        return "caption"
    if "@" in text and _HANDLE.search(text) and not _ABOUT_POSTS.search(low):
        return "social"
    if (" us on " in low or "follow @" in low) and _PROMPT.search(low):
        return "boilerplate"
    if _talks_to_reader(low):
        return "reader"
    if _addresses_reader(text):
        return "second-person"
    if ("|" in text or "..." in text or "…" in text) and _TRUNCATED.search(text):
        return "truncated"
    if ('"' in text or "“" in text or "”" in text) and _quote_fragment(text):
        return "quote-fragment"
    # every filler pattern holds "no" (or "not") or "declined"
    if (
        flags.filler_word if flags is not None else ("no" in low or "declined" in low)
    ) and _FILLER.search(low):
        return "filler"
    return ""


# Lines that add nothing to the story: what is not known, who did not answer. Searched on
# lower-cased text, and (as ``_BOILERPLATE``) only in sentences holding one of its words.
_FILLER_PARTS = (
    (
        ("no",),
        r"\b(?:gave|give|provided|offered|released) no (?:other|further|more|additional)?\s*"
        r"(?:details|information|comment)\b",
    ),
    (
        ("no",),
        r"\bno (?:other|further|more|additional) (?:details|information)\b.{0,30}\b(?:were|was"
        r"|have been|has been|are|is)\b.{0,20}(?:given|released|available|provided|immediately)",
    ),
    (
        ("respond", "reply", "return"),
        r"\bdid not (?:immediately )?(?:respond|reply|return)\b.{0,40}\b(?:request|requests"
        r"|calls?|messages?|emails?|e-mails?|inquir\w+)\b",
    ),
    (("reached",), r"\bcould not (?:immediately )?be reached\b"),
    (("immediately",), r"\bwas not immediately (?:available|clear|known)\b"),
    (("declined",), r"\bdeclined (?:to comment|comment)\b"),
)
_FILLER = re.compile("|".join(p for _, p in _FILLER_PARTS))
_FILLER_WORDS = frozenset(w for words, _ in _FILLER_PARTS for w in words)


def is_filler(text: str) -> bool:
    return bool(_FILLER.search(text.lower()))
