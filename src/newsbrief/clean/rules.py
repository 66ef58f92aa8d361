"""Shape and vocabulary rules: one line in, a removal reason (or None) out.

The patterns describe kinds of page furniture that recur across sites (widgets, prompts,
credits, legal notices), never the wording of one site. Each rule is anchored to the whole
line or to a short line, so a body sentence that merely mentions "cookies" or "share" survives.
"""

from __future__ import annotations

import re

from newsbrief.text import words


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_SOCIAL = (
    r"facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|instagram|youtube|"
    r"flipboard|pocket|e-?mail|email|print|messenger|viber|vk|skype|sms|copy link|google\+?|x"
)

# Comment-widget headers: they open a reader-comment section.
COMMENT_HEADER = _rx(
    r"^\s*(?:\d[\d,.]*\s+(?:comments?|responses?|replies|thoughts?)(?:\s+(?:on|to)\b.*)?"
    r"|(?:show|view|load|see|read|hide)\s+(?:all\s+|more\s+|the\s+)?(?:\d+\s+)?comments?.*"
    r"|comments?\s*(?:\(\d+\)|\d+)?|discussion|reader comments|readers'? comments"
    r"|notify of|newest(?:\s+most voted)?|oldest(?:\s+newest)?(?:\s+most voted)?|most voted"
    r"|inline feedbacks?|join the (?:discussion|conversation)|what do you think\??"
    r"|(?:\d+\s+)?(?:responses?|replies) to .{0,120}|conversation|start the conversation"
    r"|[^.!?]{1,50}\s+(?:says|said|wrote|writes)\s*:"
    r"|(?:comments|commenting) (?:are|is) closed\.?|post a comment|add a comment"
    r"|leave a (?:reply|comment)|sort by\s*:?.{0,30}|subscribe\s+notify of)\s*[:.!]?\s*$"
)

COMMENT_PROMPT = _rx(
    r"^\s*(?:please\s+)?(?:enter|leave|post|add|write|submit|type)\s+(?:your|a|an)\s+"
    r"(?:comment|reply|name|e-?mail|response|message|website).{0,40}$"
    r"|^\s*(?:leave|post|add|write|submit)\s+(?:a\s+)?(?:reply|comment|response)\b.{0,40}$"
    r"|your e-?mail(?: address)? will not be published.*"
    r"|required fields are marked.*|^\s*cancel reply\s*$"
    r"|save my name,? e-?mail.*|you must be (?:logged|signed) in to .{0,30}comment.*"
    r"|^\s*(?:log|sign) ?in to (?:comment|reply|post).*|be the first to comment.*"
    r"|would love your thoughts.*|^\s*tell us what you think.*|^\s*what do you think\W*$"
    r"|^\s*have your say\W*$|^\s*(?:\d+\s+)?(?:reply|replies|like|likes|report|flag)(?:\s*[|·]\s*\w+)*\s*$"
    r"|please comment\W*x?\s*$|^\s*(?:name|e-?mail|website|comment)\s*\*?\s*:?\s*$"
    r"|^\s*(?:post|submit|publish) comment\s*(?:\(\+\))?\s*$|^\s*\d+\s+post comment.*"
    r"|^\s*reply\s*(?:↓|→)?\s*$|comments? (?:are|is) (?:closed|moderated).*"
    r"|^\s*(?:this site uses akismet|notify me of (?:follow-up|new) (?:comments|posts)).*"
)

_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "navigation",
        _rx(
            # the tagline a Wikipedia page opens on is the site speaking, not a headline
            r"^\s*(?:from wikipedia, the free encyclopedia|back to (?:top|home)|to the top|skip to (?:main )?(?:content|navigation)|"
            r"scroll to top|top of page|go to top|main menu|menu|navigation|search|close|"
            r"home|next|previous|prev|more|open|toggle navigation|you are (?:here|at)|"
            r"(?:next|previous|prev) (?:article|post|story|page)|sections?|log ?in|log ?out|"
            r"sign ?in|sign ?up|register|my account|account settings.*|follow|"
            r"load more|show more|view more|see more|see all|view all|more news|"
            r"(?:tags?|topics?|categories|category|filed under|keywords|related tags|"
            r"related topics|posted in)\s*:.*|tags?|topics|trending|latest news|latest|"
            r"button)\s*(?:button|»|›|>|:)?\s*$"
        ),
    ),
    ("navigation", _rx(r"^\s*(?:home|news|main)\s*(?:[>»›/|]\s*[^>»›/|]{1,40}){1,6}$")),
    (
        "share-widget",
        _rx(
            rf"^\s*(?:(?:share|tweet|pin|post|send|email)(?: (?:this|it|the|article|story|post|"
            rf"page|on|via|with|to))*\s*(?:{_SOCIAL})?|(?:click|tap) to (?:share|email|print).*|"
            rf"share (?:this|the) (?:article|story|post|page).*|sharing is caring.*|"
            rf"(?:{_SOCIAL})(?:\s*[,|/·•]?\s*(?:{_SOCIAL}))*|share(?:s)?\s*\d*|\d+\s+shares?|"
            r"share via.*|share on .{0,30})\s*[:!.]?\s*$"
        ),
    ),
    (
        "subscribe-widget",
        _rx(
            r"^(?=.{0,200}$).*(?:\bsubscribe\b|\bnewsletters?\b|sign up (?:for|to)|"
            r"delivered (?:straight |directly )?to your inbox|enter your e-?mail|"
            r"\bopt-in\b|thanks for (?:signing up|subscribing)|your inbox|"
            r"get (?:our|the) (?:latest|best|daily|free)|unsubscribe|"
            r"(?:download|get) (?:our|the) (?:free )?app|follow us\b).*$"
        ),
    ),
    (
        "donate-widget",
        _rx(
            r"^(?=.{0,200}$).*(?:\bdonat(?:e|ion|ions)\b|\bpatreon\b|\bpaypal\b|"
            r"become a (?:patron|member|supporter)|\bone-time\b|buy (?:us|me) a coffee|"
            r"\bmonthly\b.{0,20}\bgift\b|\bcontribute\b.{0,30}\b(?:today|now)\b).*$"
        ),
    ),
    (
        "support-appeal",
        _rx(
            r"^\s*(?:support\s+(?:[A-Z][\w.&'-]*\s*){1,3}|support (?:us|our (?:work|journalism)|"
            r"independent (?:journalism|media|news))\b.*|please (?:consider )?support(?:ing)? (?:us|our).*|"
            r"help (?:us|keep) .{0,60}(?:independent|free|going|alive).*)[.!]?\s*$"
        ),
    ),
    (
        "cookie-notice",
        _rx(
            r"^(?=.{0,400}$).*(?:\bcookies?\b.*\b(?:use|accept|consent|policy|settings|agree|"
            r"browsing|experience)\b|\b(?:use|accept|consent|policy|settings|agree)\b.*\bcookies?\b|"
            r"privacy (?:policy|notice|settings|statement)|terms (?:of|and) (?:use|service|conditions)|"
            r"\bgdpr\b|ad ?choices?|do not sell my).*$"
        ),
    ),
    (
        "copyright",
        _rx(
            r"^(?:\s*copyright\b.*|.*(?:©|\(c\)\s*\d{4}|all rights reserved|"
            r"\btrademarks?\b.*\bregistered\b|\bregistered trademark\b|may not be (?:published|"
            r"reproduced|redistributed|rewritten)).*)$"
        ),
    ),
    (
        "photo-credit",
        _rx(
            r"^\s*(?:(?:photo|photos|image|images|picture|pictures|photograph|video|graphic|"
            r"illustration|cover photo|featured image|file photo|credit|credits|source|courtesy)"
            r"(?:\s+(?:credit|credits|source|courtesy))?\s*(?:by\b|:|/|©|-|–|—).{0,240}"
            r"|[\w .,'’-]{0,60}\b(?:getty images|shutterstock|ap photo|afp photo|reuters/|"
            r"via getty|/ ?afp|/ ?reuters|/ ?ap\b|istock(?:photo)?|wikimedia commons).{0,60})$"
        ),
    ),
    (
        "photo-credit",
        _rx(
            r"^(?:.{0,200}\((?:image|images|photo|photos|picture|credit|pic)s?\s*:\s*[^)]{1,60}\)\s*|"
            r"\s*(?:image|photo|picture|slide|gallery)\s+\d+\s+of\s*/?\s*\d*\s*)$"
        ),
    ),
    (
        "byline",
        _rx(
            r"^\s*[\w .,'’&-]{2,80}\s+contributed (?:to )?(?:this )?(?:report|reporting|story)(?:ing)?\.?\s*$"
        ),
    ),
    (
        "share-widget",
        _rx(
            r"^(?:.{0,300}click to tweet|.{0,80}share (?:it|this) with (?:a|your) friends?.*|"
            r"\s*(?:like|enjoy|enjoyed) this (?:story|article|post)\?.{0,60}|"
            r"\s*want more (?:stories|articles|news) like this\?.{0,60})\s*$"
        ),
    ),
    (
        "photo-credit",
        _rx(
            r".*\s[–—-]\s*(?:photos?|pictures?|images?|video) (?:by|courtesy(?: of)?|credit:?)\s+[\w .'’-]{2,60}$"
        ),
    ),
    (
        "related-link",
        _rx(
            # NYT pages glue labels before it: "Photo Advertisement Continue reading the main story"
            r"^\s*(?:(?:photo|advertisement|newsletter sign up)\s+)*(?:read more|read also|also read|read next|read the full|related(?: articles?| stories?| news| posts?| coverage)?|"
            r"see also|more (?:from|on|about|stories|news|coverage)|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|"
            r"recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)|"
            r"popular (?:posts?|stories|articles)|recent (?:posts?|stories|articles)|"
            r"(?:up next|watch|listen|explore|don't miss|editor'?s picks?|top stories|latest stories|"
            r"our latest stories|further reading|continue reading|keep reading|click here))\b.{0,160}$"
        ),
    ),
    # one rule in two patterns (a line is boilerplate if either matches): the first needs
    # one of its words anywhere, the second is the whole line
    (
        "boilerplate",
        _rx(
            r"^(?:.*(?:\bjavascript\b|lorem ipsum|\{|\}|\bad ?block|please enable|"
            r"already a subscriber|update your browser|browser (?:does not|doesn't) support).*)$"
        ),
    ),
    (
        "boilerplate",
        _rx(
            r"^(?:\s*(?:advertisement|advert|ad|ads|sponsored(?: content| by .{0,40})?|promoted(?: content| stories)?|"
            r"paid content|partner content|loading\.*|\W*skip ad\W*)\s*)$"
        ),
    ),
    (
        "currency",
        _rx(r"^\s*(?:[$€£¥₹]|usd|eur|gbp|rs\.?)?\s*[\d][\d.,\s]*(?:[$€£¥₹%]|usd|eur|gbp|k|m)?\s*$"),
    ),
    ("social-handle", _rx(r"^\s*(?:(?:follow\s+(?:\w+\s+)?on\s+\w+:?\s*)?@\w+[\s,|/]*)+\s*$")),
    (
        "timestamp",
        _rx(
            r"^\s*(?:(?:updated|published|posted|first published|last updated|modified|date)\s*(?:on|at)?\s*:?\s*)?"
            r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?"
            r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
            r"\s*(?:\d{1,2}(?:st|nd|rd|th)?,?)?\s*\d{4}?,?\s*(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*"
            r"(?:[a-z]{2,4})?)?\s*[•|]?\s*(?:\d+\s+min(?:ute)?s?\s+read)?\s*$"
        ),
    ),
    (
        "timestamp",
        _rx(
            r"^\s*(?:(?:updated|published|posted|first published|last updated)\s*(?:on|at)?\s*:?.{0,60}|"
            r"\d+\s*(?:[smhdw]|mins?|min(?:ute)?s?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago(?:\s+at\s+.{0,20})?|"
            r"\d+\s+min(?:ute)?s?\s+read|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s+\d{1,2}:\d{2}.{0,12})?)\s*$"
        ),
    ),
]


# Words (lowercase) at least one of which a line must hold for the rule of that pattern to
# match: the patterns that scan the whole line (".*(?:…)") are skipped on a line holding none.
# Only ASCII lines are prefiltered (there ``str.lower`` and the patterns' IGNORECASE agree),
# so the answers are the patterns' own; ``tests/clean`` checks the two agree.
_KEYWORDS: dict[str, tuple[str, ...]] = {  # by reason; the first pattern of that reason
    "subscribe-widget": (
        "subscribe",
        "newsletter",
        "sign up ",
        "inbox",
        "enter your e",
        "opt-in",
        "thanks for ",
        "get our ",
        "get the ",
        "download ",
        "follow us",
    ),
    "donate-widget": (
        "donat",
        "patreon",
        "paypal",
        "become a ",
        "one-time",
        "buy ",
        "monthly",
        "contribute",
    ),
    "cookie-notice": (
        "cookie",
        "privacy ",
        "terms ",
        "gdpr",
        "adchoice",
        "ad choice",
        "do not sell my",
    ),
    "copyright": ("copyright", "(c)", "all rights reserved", "trademark", "may not be "),
    "boilerplate": (
        "javascript",
        "lorem ipsum",
        "{",
        "}",
        "adblock",
        "ad block",
        "please enable",
        "already a subscriber",
        "update your browser",
        "browser ",
    ),
}
_PREFILTERED = [
    (
        reason,
        rx,
        _KEYWORDS.get(reason)
        if (reason, rx) == next(r for r in _RULES if r[0] == reason)
        else None,
    )
    for reason, rx in _RULES
]


def _split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex source (``a|(b|c)|d`` -> a, (b|c), d)."""
    out, depth, start, i = [], 0, 0, 0
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


# COMMENT_PROMPT in two parts: the alternatives anchored at the line start (tried there only)
# and the free ones, which all contain one of _PROMPT_WORDS
_PROMPT_PARTS = _split_alternatives(COMMENT_PROMPT.pattern)
_PROMPT_AT_START = _rx("|".join(p for p in _PROMPT_PARTS if p.startswith("^")))
_PROMPT_FREE = _rx("|".join(p for p in _PROMPT_PARTS if not p.startswith("^")))
_PROMPT_WORDS = ("comment", "your e", "required fields", "save my name", "would love your thoughts")


def comment_prompt(text: str) -> bool:
    """``bool(COMMENT_PROMPT.search(text))``, without scanning every position of most lines."""
    if _PROMPT_AT_START.match(text):
        return True
    if text.isascii():
        low = text.lower()
        if not any(w in low for w in _PROMPT_WORDS):
            return False
    return _PROMPT_FREE.search(text) is not None


# Vocabulary rules that a news sentence can trip ("the donation was made in 2015"): widgets
# are short or talk to the reader, reporting is long and third-person.
_GUARDED = {"subscribe-widget", "donate-widget", "cookie-notice", "support-appeal"}
_READER = re.compile(r"\b(?:you|your|our|us|we|please)\b|^\s*(?:\w+\s+){0,2}\w+\s*[.!:]?\s*$", re.I)


def _addresses_reader(text: str) -> bool:
    return len(words(text)) <= 12 or bool(_READER.search(text))


LONG_LINE_WORDS = 60


def rule_reason(line: str, title: str = "", count: int | None = None) -> str | None:
    """The reason a line is page furniture by its shape or vocabulary alone, else None.

    ``count``: ``len(words(line))`` when the caller has it already."""
    text = line.strip()
    if not text:
        return None
    if title and _norm(text) == _norm(title):
        return "repeated-title"
    if count is None:
        count = len(words(text))
    if count > LONG_LINE_WORDS:
        # page furniture is short; a long line that mentions copyright or sharing is prose
        return None
    if comment_prompt(text):
        return "comment-prompt"
    if COMMENT_HEADER.match(text):
        return "comment-widget"
    low = text.lower() if text.isascii() else None
    for reason, pattern, keys in _PREFILTERED:
        if keys is not None and low is not None and not any(k in low for k in keys):
            continue  # none of the words the pattern needs
        if pattern.match(text):
            if reason in _GUARDED and not _addresses_reader(text):
                continue
            return reason
    if not count:
        return "boilerplate"  # separators, arrows, stray punctuation
    return None


_NORM = re.compile(r"[^\w]+")


def _norm(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def same_text(a: str, b: str) -> bool:
    """Equal up to case, punctuation and quote style (a title repeated with other apostrophes)."""
    return bool(_norm(a)) and _norm(a) == _norm(b)
