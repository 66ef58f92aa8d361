"""Where a reported statement's words start and end: without the day of saying, the
addressee of a tell-verb ("told reporters that …"), an interrupting cue ("A, he said, B"),
the writer's own turn after it ("…, but the company denied it") or a second cue."""

from __future__ import annotations

import re

from newsbrief.annotate import cues
from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.span_dash import closed_by_dash
from newsbrief.annotate.speaker_kinds import trim as _trim
from newsbrief.records import Sentence

# "insisted Tuesday that …", "said last week that …": the day of saying is not what was said
# (the patterns keep it so that "that" still shows the content is a clause)
_DAY_THAT = re.compile(
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today"
    r"|(?:last|this)\s+(?:week|month|year|weekend))\s+that\s+"
)
# ", but he declined to say …", "but the ministry would not comment", "…, however, she would
# not say whether …": the writer's note on what was not said, never part of the statement
_BUT_DECLINED = re.compile(
    r"[,;]?\s+(?:but|however,)\s+(?:(?:he|she|they|it|(?:the|a)\s+\w+)\s+)?(?:declined|refused|would\s+not"
    r"|wouldn['’]t|did\s+not|didn['’]t|could\s+not|couldn['’]t)\s+(?:to\s+)?(?:say|comment"
    r"|elaborate|discuss|answer|confirm|disclose|specify|identify|provide|reveal|release)\b"
)
# "…, but the company denied it", "…, while the ministry has not responded": the other
# side's reply, which the writer adds; never part of the first speaker's statement
_REPLY = re.compile(
    r",?[ \t]+(?:but|while|whereas)[ \t]+(?:the|a|an|its|his|her|their)[ \t]+(?:[\w'’-]+[ \t]+)"
    r"{0,2}?(?:(?:has|have|had|did|does|do|would|could|was|were|is|are)[ \t]+)?(?:not[ \t]+|n['’]t"
    r"[ \t]+)?(?:yet[ \t]+)?(?:denied|denies|deny|disputed|disputes|dispute|rejected|rejects|reject"
    r"|responded|respond|responds|commented|comment|comments|confirmed|confirm|confirms|returned"
    r"|said|says|say|insisted|insists|countered|counters)\b"
)
# "reported earlier that pro-government marches …", "said later that day that …", "said earlier
# that week it had …": a lone adverb of time leaves no noun for "that" to relate to, so "that"
# opens the statement, unless a time noun follows it (a demonstrative: "earlier that day" is
# when it was said, and the statement follows it)
_TIME_NOUN = (
    r"(?:day|week|month|year|morning|afternoon|evening|night|weekend|season|spring|summer|fall"
    r"|autumn|winter|time|hour|decade)\b"
)
_ADVERB_THAT = re.compile(
    r"(?:earlier|later|recently|previously|separately|also|further|again|yesterday|today"
    rf"|tonight)[ \t]+(?:that[ \t]+(?P<time>{_TIME_NOUN})[ \t]+)?(?(time)(?:that[ \t]+)?|that[ \t]+)"
    rf"(?!{_TIME_NOUN})(?=\S)",
    re.I,
)
_CLOSING = '"”'
_OPENING = '"“'

# "wondered aloud whether …", "said publicly that …": how it was said, not what
_HOW_SAID = re.compile(
    r"(?:aloud|again|too|(?:publicly|privately|openly|repeatedly|quietly|flatly|bluntly|frankly"
    r"|candidly|firmly|loudly|simply|angrily|calmly|softly)[ \t]*,?)[ \t]+(?=that|whether|if|how"
    r"|why|what|when|where|who)\b"
)
# "argued, fervently, that …", 'said again, “It is gone.”': a manner adverb set off by a comma
# between the cue and the "that" or the quotation it introduces is how it was said
_MANNER_COMMA = re.compile(r"(?:again|[a-z]{3,}ly)[ \t]*,[ \t]*(?=that[ \t]|[\"“])")
# only the plain verbs of saying: "says he believes …" keeps its hedge
_SAID_AGAIN = re.compile(
    r"(?:he|she|they|we|I)[ \t]+(?:said|says|say|told|tells|added|adds)[ \t]+(?:that[ \t]+)?"
    r"(?=\S)",
    re.I,
)
# "…, and alleged that …", "…; he added that …": a second cue opens a second statement
_NEXT_CUE = re.compile(
    rf"(?:,?[ \t]+and|;)[ \t]+(?:(?:he|she|they|it|also|later|then)[ \t]+)*"
    rf"(?P<verb>{cues.VERBS})[ \t]+(?:that|whether)\b"
)
# "…, but he said it was a lost chance", "…, although he repeated some of his claims": a
# contrast opening on the speaker's (or another's) next act of saying is the writer's turn; the
# statement ends before it ("although it showed …" may still be the statement's own)
_TURN_CUE = re.compile(
    rf",?[ \t]+(?:but|although|though|while|whereas|yet)[ \t]+(?P<who>he|she|they)[ \t]+"
    rf"(?:(?:also|later|then|still|again)[ \t]+)*"
    rf"(?P<verb>{cues.VERBS}|repeated|reiterated|conceded)\b"
)
# "…the border is secure, but said smugglers use it", "…, and added that …": a verb of saying
# with no subject of its own after a comma and a conjunction is the same speaker's next act of
# saying; the first statement ends before it
_SAME_SPEAKER_NEXT = re.compile(
    r",[\"”’']?[ \t]+(?:and|but)[ \t]+(?:(?:also|later|then|still|again)[ \t]+)*(?:said|says|added|adds"
    r"|insisted|insists|noted|notes|warned|warns|argued|argues|stressed|stresses|acknowledged"
    r"|acknowledges|conceded|concedes|suggested|suggests|told|tells)\b"
)
# "…he would sign the bill, a measure that has roiled relations with …": an indefinite noun
# with a relative clause after the statement's last comma sums it up in the writer's words
_SUMMING_UP = re.compile(
    r",[ \t]+an?[ \t]+(?:[a-z][\w'’-]*[ \t]+){0,2}?[a-z][\w'’-]*[ \t]+(?:that|which)[ \t]+[^,;]*$"
)
# "…he had made everything up - but he later retracted his confession": what the speaker did
# later, told after a contrast, is the writer's narration, never the statement's words
_LATER_TURN = re.compile(
    r"(?:,|[ \t][-–—])[ \t]+(?:but|and|yet)[ \t]+(?:he|she|they)[ \t]+(?:later|subsequently"
    r"|eventually|since)\b"
)
# "(!)", "(?)", "[sic]" at a statement's end: the writer's comment on it, not its words
_WRITERS_ASIDE = re.compile(r"[ \t]*(?:\((?:!|\?|!\?|\?!|sic)\)|\[(?:!|\?|sic)\])$")
_THAT_HEAD = re.compile(r"[ \t]+(?:that[ \t]+)?")
# "said in a speech on state radio that …", "said Thursday before leaving for Ohio that …",
# "denied through a lawyer that …": where, when or how it was said, up to the "that" that opens
# the statement (a relative "that" is told apart by what follows it, see _clause_after)
_LEAD_ADJUNCT = re.compile(
    r"(?:in|on|at|during|after|before|through|via|by|from|with|under|over|while|when|earlier"
    r"|later|recently|previously|late|early|last|this|yesterday|today|tonight|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday)[ \t]+(?:[^\s,;:“”\"]+[ \t]+){0,10}?that[ \t]+"
)
# "…, but Avenatti said Wednesday that …", "…, and on Monday state TV said …": another speaker's
# act of saying after a comma and a conjunction is the writer's next sentence, not the statement
# (a pronoun's "but he said …" is ``_TURN_CUE``'s second statement)
_OTHER_SAYS = re.compile(
    r",[\"”’']?[ \t]+(?:and|but|while|whereas)[ \t]+(?!(?:he|she|they|I|we|you)[ \t])"
    r"(?:[^\s,;:“”\"]+[ \t]+){1,5}?(?:said|says|told|tells|added|adds|insisted|insists"
    r"|countered|counters|argued|argues|responded|replied|claimed|claims|maintained|contended"
    r"|denied|denies|noted|notes|declared|declares|stated|wrote|announced|announces|tweeted)\b"
)
# "…, while asking the court to rule on it", "…, before urging calm": the speaker's next act of
# speech, told by the writer in a participle, is not part of the statement
_NEXT_ACT = re.compile(
    r",[ \t]+(?:while|before|after|as)[ \t]+(?:asking|urging|calling|saying|adding|noting"
    r"|insisting|warning|promising|pledging|vowing|acknowledging|admitting|stressing|telling"
    r"|demanding|appealing)\b"
)
# "…the crashes, which the race board described as …": a relative clause that names its own
# act of saying is the writer's gloss on the statement, not part of it
_GLOSS = re.compile(
    r",[ \t]+(?:which|who|whom)[ \t]+(?:[^\s,;:“”\"]+[ \t]+){1,4}?(?:described|describes"
    r"|called|calls|termed|terms|dubbed|dubs|characterized|characterised|labeled|labelled"
    r"|said|says)\b"
)
# 'If the team is right, "you have moved …," Dr. Hale says': the quotation after the lead clause
# is what was said; the lead is the writer's framing of it
_QUOTED_TAIL = re.compile(r"[,:][ \t]+[\"“](?=[^\"“”]*$)")
_CLAUSE_SUBJECT_WORDS = lx.words(
    "the a an his her their its our this these those he she they it we i you there some no"
    " every all"
)
_AUX_AFTER_SUBJECT = lx.words(
    "is are was were has have had will would could should can may might must did does"
)


def _clause_after(text: str, at: int, end: int) -> bool:
    """Whether a clause opens at ``at`` (its subject first): "that the two had met" opens one,
    "that followed" (a relative "that") does not."""
    nxt = text[at:end].split()[:2]
    return len(nxt) == 2 and (
        nxt[0].lower() in _CLAUSE_SUBJECT_WORDS
        or nxt[0][:1].isupper()
        or nxt[0][:1].isdigit()
        or nxt[1].lower() in _AUX_AFTER_SUBJECT
    )


def next_statement(text: str, end: int, limit: int) -> tuple[int, int, str, tuple[int, int]] | None:
    """The second statement of "A, but he said B", when the first was cut at ``end`` by its
    contrast cue (``limit``: where the matched content ended): its start and end, its cue, and
    the span of its subject pronoun, which the resolver reads like any other."""
    m = _TURN_CUE.match(text, end, limit)
    if m is None:
        return None
    head = _THAT_HEAD.match(text, m.end(), limit)
    start = head.end() if head else m.end()
    return (start, limit, m.group("verb"), m.span("who")) if limit - start >= 12 else None


# "…, said Col. Ann Roe, commander of the wing": the speaker and the words about the speaker
# after a trailing cue are never part of the statement; neither is the writer's remark after
# an interrupting one ("…, Holt said, although he had no details")
_WRITERS_TURN = re.compile(
    r"(?:although|though|but|while|whereas|yet)[ \t]+(?:he|she|they|it|the|a|an|his|her|their"
    r"|its|[A-Z][\w'’-]+[ \t]+(?:has|had|is|was|were|did|does|would|could|said|says))\b",
    re.I,
)


_CLOSE_AFTER = re.compile(r"[,.!?]?”")


def content_bounds(
    text: str, sent: Sentence, c_rel: tuple[int, int], covered: list[tuple[int, int]], least: int
) -> tuple[int, int] | None:
    start, end = _trim(text, sent.start + c_rel[0], sent.start + c_rel[1])
    day = _DAY_THAT.match(text, start, end)
    if day is not None:
        start = day.end()
    lead = _LEAD_ADJUNCT.match(text, start, end)
    if lead is not None and _clause_after(text, lead.end(), end):
        start = lead.end()
    adverb = _ADVERB_THAT.match(text, start, end)
    if adverb is not None and (
        adverb.group(0).lower().rstrip().endswith("that") or _clause_after(text, adverb.end(), end)
    ):
        start = adverb.end()
    again = _SAID_AGAIN.match(text, start, end)
    if again is not None and len(text[again.end() : end].split()) >= 3:
        start = again.end()  # "She said she was away, she said": the cue said twice
    how = _HOW_SAID.match(text, start, end) or _MANNER_COMMA.match(text, start, end)
    if how is not None:
        start = how.end()
        if text.startswith("that ", start):
            start += 5
    declined = _BUT_DECLINED.search(text, start, end) or _REPLY.search(text, start, end)
    if declined is not None:
        end = declined.start()  # "…, but he declined to say whether …": the reporter's words
    nxt = _NEXT_CUE.search(text, start, end)
    if nxt is not None:
        end = nxt.start()
    turn = _TURN_CUE.search(text, start, end)
    if turn is not None:
        end = turn.start()
    for writers in (_OTHER_SAYS, _GLOSS, _NEXT_ACT, _SAME_SPEAKER_NEXT, _SUMMING_UP, _LATER_TURN):
        found = writers.search(text, start, end)
        if found is not None:
            end = found.start()
    end = closed_by_dash(text, sent.start, start, end)
    tail = _QUOTED_TAIL.search(text, start, end)
    after = text[end : end + 2].lstrip(",")[:1]
    closed = text[end - 1 : end] in _CLOSING or (after != "" and after in _CLOSING)
    if tail is not None and closed and len(text[tail.end() : end].split()) >= 4:
        start = tail.end()
    if text[end - 1 : end] in _CLOSING and not any(q in text[start : end - 1] for q in _OPENING):
        end -= 1  # the closing mark of an earlier quotation, not part of this statement
    while end > start and text[end - 1] in " \t.…":
        end -= 1  # "… compelled to talk..." (a cut caption): the ellipsis is not the speaker's
    aside = _WRITERS_ASIDE.search(text, start, end)
    if aside is not None:
        end = aside.start()  # "… one of her favorite senators(!)": the writer's marvel
    if text[end - 1 : end] in "!?":
        end -= 1
    closing = _CLOSE_AFTER.match(text, end)
    if closing is not None and text.count("“", start, end) > text.count("”", start, end):
        # 'The daughter, “was the spitfire,” X recalled': a span never ends inside the
        # quotation it opened; its closing mark (and the comma before it) go with it
        end = closing.end()
    if end - start < least or text[start] in ".!?;:":
        return None  # "Serna said.But last week …": the next sentence, glued, is no content
    overlap = sum(max(0, min(end, b) - max(start, a)) for a, b in covered)
    if overlap > 0.5 * (end - start) or any(a <= start < b for a, b in covered):
        return None  # words inside quote marks are the direct quote's, never reported speech
    if any(start <= a and b <= end for a, b in covered):
        return None  # 'remarks to an aide, “…,” and yes, the line …': the direct quote is it
    return start, end


_TELL_ASK = lx.words("told tell tells telling informed informs assured assures asked asks ask")
# who a tell- or ask-verb addresses, at the start of its "content": a pronoun, a group, or a
# capitalised name ("told ABC News", "told him about …", "asked colleagues to imagine …")
_ADDRESSEE = re.compile(
    r"(?P<group>him|them|me|us|you|her(?=[ \t]+(?:that|about|to)\b)"
    r"|reporters|journalists|colleagues|lawmakers|members|staff|staffers|officials"
    # "told deputies her boyfriend was …", "told investigators he had …": a bare plural noun
    # right before a clause's subject is whom the tell-verb addresses
    r"|[a-z]{3,}s(?=[ \t]+(?:he|she|they|we|i|it|there|his|her|their|its)[ \t]))"
    r"|(?:the[ \t]+)?[A-Z][\w'’.&-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’.&-]*)*"
    r"(?=[ \t,.;:]|$)"
)
_NOT_STATEMENT = lx.words("about to for of on with")
# "told NBC News before her appearance", "told CNN on Monday that …"
_WHEN = lx.words("before after during in on at last this yesterday today earlier later")


_ASK = lx.words("asked asks ask")
# whom an ask-verb addresses runs up to the "if" or "whether" of its question
_ASKED_IF = re.compile(r"(?:(?!(?:that|to)[ \t])[^\s,;:“”\"]+[ \t]+){1,5}?(?=(?:if|whether)[ \t])")
_NAME_NUMBER = re.compile(r"\d{1,3}[ \t]+(?=(?:how|that|what|why|whether|when|where)\b)")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’.&-]*[ \t]+$")


def after_addressee(s: str, verb: str, rel: tuple[int, int]) -> tuple[int, int] | None:
    """The content of a tell- or ask-verb without its addressee: None when nothing but the
    addressee is left ("told ABC News.") or a topic or request follows it ("told him about
    …", "asked colleagues to imagine …"); ``rel`` unchanged for other verbs, and after a
    capitalised addressee unless what follows shows where it ends ("Maher Tells Guest
    Muslim Violence is …" is a headline)."""
    if verb.lower() not in _TELL_ASK:
        return rel
    a, b = rel
    number = _NAME_NUMBER.match(s, a, b)
    if number is not None and _CAPITAL_BEFORE.search(s, max(0, a - 40), a):
        # "told NewsChannel 15 how she …": the number closes the outlet's name (the cue's
        # addressee); "how" opens the content, "that" goes
        a = number.end()
        if s.startswith("that", a):
            a += 4
            while a < b and s[a] in " \t":
                a += 1
        return (a, b) if b - a >= 2 else None
    if re.search(r"\bthat[ \t]+$", s[max(0, a - 8) : a]):
        return rel  # "told reporters that staff had …": the addressee is already behind
    asked = _ASKED_IF.match(s, a, b) if verb.lower() in _ASK else None
    if asked is not None:
        return asked.end(), b  # "asked 17 potential jurors if they …": the question
    m = _ADDRESSEE.match(s, a, b)
    if m is None:
        return rel
    rest = m.end()
    while rest < b and s[rest] in " \t":
        rest += 1
    number = _NAME_NUMBER.match(s, rest, b)
    if number is not None and m.group("group") is None:
        return after_addressee(s, verb, (rest, b))  # "told KTVB 7 how …"
    while rest < b and s[rest] in " \t,":
        rest += 1
    words = s[rest:b].split()
    if not words or words[0].lower() in _NOT_STATEMENT:
        return None
    first = words[0].lower()
    if first in _WHEN:
        that = re.search(r"\bthat\s+", s[rest:b])
        if that is None:
            return None
        rest += that.start()
        first = "that"
    if first == "that":
        rest = s.index("that", rest) + 4
        while rest < b and s[rest] in " \t":
            rest += 1
    elif m.group("group") is None:
        return rel
    return (rest, b) if b - rest >= 2 else None


# "said to Bannon that …", "stated to the government that …", "told her cabinet that …",
# "told msnbc.com on Friday that …": whom it was said to (and when) ends at the first "that"
# within a few words; what follows it is the statement
_TO_THAT = re.compile(r"to[ \t]+(?:[^\s,;:“”\"]+[ \t]+){1,6}?that[ \t]+")
_TOLD_THAT = re.compile(r"(?:[^\s,;:“”\"]+[ \t]+){1,6}?that[ \t]+")
_DETERMINERS = lx.words("the a an his her their its our this these those")
_PREPOSITIONS = lx.words("to in on at during after before by for from with via over")
_CLAUSE_SUBJECT = _DETERMINERS | lx.words("he she they it we i you there some no every all")
_NOT_AFTER_THAT = lx.words("is are was were has have had will would could should can may might")


def addressed(s: str, verb: str, rel: tuple[int, int]) -> tuple[int, int]:
    """``rel`` without an addressee before "that" ("to Bannon that …", a tell-verb's "her
    cabinet that …"); unchanged when "that" is a relative pronoun ("told him the plan that
    was agreed had failed")."""
    a, b = rel
    tell = verb.lower() in _TELL_ASK
    m = _TO_THAT.match(s, a, b) or (_TOLD_THAT.match(s, a, b) if tell else None)
    if m is None:
        return rel
    nxt = s[m.end() : b].split()
    if len(nxt) < 2 or not (
        nxt[0].lower() in _CLAUSE_SUBJECT
        or nxt[0][:1].isupper()
        or nxt[0][:1].isdigit()
        or nxt[1].lower() in _NOT_AFTER_THAT
    ):
        return rel  # "the plan that failed …": "that" opens a relative clause
    words = s[a : m.end()].lower().split()[:-1]
    for prev, w in zip(words, words[1:], strict=False):
        if w in _DETERMINERS and prev not in _PREPOSITIONS:
            return rel  # "told the board the plan that …": a second object, "that" relative
    return m.end(), b


_AS_BEFORE = re.compile(r",[ \t]+as[ \t]+$", re.I)
_SUBORDINATOR = re.compile(r"(?:if|because|since|although|though|while|when|even if)[ \t]+", re.I)


def as_aside(s: str, s_rel: tuple[int, int], c_rel: tuple[int, int]) -> tuple[int, int]:
    """ "If the deal is void, as Kim argues, the clause fails": an "as X argues" aside refers
    back; what was argued is the clause before it (without its "if"), not the one after."""
    if c_rel[0] < s_rel[1]:
        return c_rel
    m = _AS_BEFORE.search(s, 0, s_rel[0])
    if m is None:
        return c_rel
    lead = len(s) - len(s.lstrip(' \t"“'))
    sub = _SUBORDINATOR.match(s, lead)
    start = sub.end() if sub else lead
    return (start, m.start()) if m.start() - start >= 12 else c_rel


_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]+ing\b")
# "…, he said, his voice thick with emotion": how the speaker looked or sounded (a phrase with
# no verb of its own), the writer's description, not more of the statement
_SPEAKERS_MANNER = re.compile(r"(?:his|her|their)[ \t]+\w+", re.I)


def interruption(
    s: str, verb: str, s_rel: tuple[int, int], c_rel: tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """A cue inside its content ("A, X said, B"; "A, said X, an aide to Y"): the content
    and the stretch of narration to elide from it (None when there is nothing to elide).
    The content stops at the cue when nothing of the statement follows it: an apposition
    of a speaker named after the verb, the writer's turn ("…, X said, although he …")."""
    c0, c1 = c_rel
    if not c0 < s_rel[0] < c1:
        return c_rel, None
    # the cue's verb: right after its subject ("X said"), else right before it ("said X")
    v_at = s.find(verb, s_rel[1], min(c1, s_rel[1] + 30))
    if v_at < 0:
        v_at = s.rfind(verb, max(c0, s_rel[0] - len(verb) - 3), s_rel[0])
    first = min(s_rel[0], v_at) if v_at >= 0 else s_rel[0]
    lo = s.rfind(",", c0, first)
    if lo <= c0:
        return c_rel, None
    lo_end = lo + 1
    while lo_end < c1 and s[lo_end] in _CLOSING + "’'":
        lo_end += 1  # '…“probably inadvertent,” said X': the quotation keeps its mark
    hi = s.find(",", max(s_rel[1], v_at + len(verb) if v_at >= 0 else s_rel[1]), c1)
    rest = s[hi + 1 : c1].strip() if hi >= 0 else ""
    head_end = lo_end if lo_end > lo + 1 else lo
    if (
        not rest
        or (v_at >= 0 and v_at < s_rel[0] and not cues.is_clause(rest))
        or (_SPEAKERS_MANNER.match(rest) and not cues.is_clause(rest))
        or _WRITERS_TURN.match(rest)
    ):
        return (c0, head_end), None
    if _OPENING_PARTICIPLE.match(s, c0, lo) and cues.is_clause(rest):
        # "Underscoring the threat, he said, the group …": what the speaker was doing, not
        # what was said, which follows the cue ("In the long run, X said, …" keeps both)
        return (hi + 1, c1), None
    return c_rel, (head_end, hi + 1)
