"""The writer's narration before a partial quotation, cut off a trailing-cue statement.

'In May, Lind read the file and wrote to the police “to check they had no new
reports,” Lind said.' The cue after the sentence ("…, Lind said.") vouches for the quoted
words only: what comes before the opening mark is a clause of the writer's own, which names
the speaker (a speaker does not name themself in their own statement) and tells what they
did; the quotation continues it. The statement is then the quoted words. When the narration
does not name the speaker ('The department provides escorts in “limited circumstances,” the
chief said'), it may be the speaker's words paraphrased, and the statement keeps it.
"""

from __future__ import annotations

import re

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.clause_shape import is_clause

_OPEN = '“"'
_CLOSE = '”"'
# 'he said “…”' or 'that “…”' inside the content: the quotation is reported by that verb,
# which the narration-clause test does not decide
_CUE_WORDS = lx.SPEECH_VERBS | lx.words("that saying calling called")
_SUBJECT_PRONOUNS = lx.words("he she they we i it")


def _own_clause(narration: str) -> bool:
    """Whether ``narration`` holds a clause with its own verb: as a whole ("Lind read
    the file and wrote to the police"), or from a subject pronoun on after an opening
    phrase ("On a second look they agreed it")."""
    if is_clause(narration):
        return True
    words = narration.split()
    for i, w in enumerate(words[1:12], 1):
        if w.lower() in _SUBJECT_PRONOUNS and is_clause(" ".join(words[i:])):
            return True
    return False


def _names(narration: str, subj: str) -> bool:
    """Whether ``narration`` names the speaker ``subj`` by the last word of their name."""
    name = subj.split()[-1].strip(",.") if subj.split() else ""
    if len(name) < 2 or not name[0].isupper():
        return False
    return re.search(rf"\b{re.escape(name)}\b", narration) is not None


def quoted_words_only(text: str, span: tuple[int, int], subj: str) -> tuple[int, int]:
    """``span`` (a statement whose cue, with subject ``subj``, follows it) cut to its closing
    quotation when the words before the quotation's opening mark are the writer's narrated
    clause naming the speaker; else ``span`` unchanged."""
    start, end = span
    if end - start < 12 or text[end - 1] not in _CLOSE:
        return span
    opening = max(text.rfind(mark, start, end - 1) for mark in _OPEN)
    if opening <= start or any(mark in text[start:opening] for mark in _OPEN + _CLOSE):
        return span  # one quotation, opened inside the statement
    narration = text[start:opening].rstrip()
    if not narration[-1:].isalnum():
        return span  # after a comma or a colon ('If …, “you have …,” X says'): a lead clause
    last = narration.split()[-1].lower()
    if last in _CUE_WORDS or not _names(narration, subj) or not _own_clause(narration):
        return span
    q_start, q_end = opening + 1, end - 1
    while q_end > q_start and text[q_end - 1] in " \t,":
        q_end -= 1  # the comma before the closing mark is the writer's, not the speaker's
    if len(text[q_start:q_end].split()) < 3:
        return span  # a scare-quoted word or two: the narration carries the statement
    return q_start, q_end
