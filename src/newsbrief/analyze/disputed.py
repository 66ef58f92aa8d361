"""Which value of each dispute a sentence states, so that a sentence stating one value is
never cited for, or merged into, a statement of another (a rewrite's "built in 1986" does not
support "built in 1968")."""

from __future__ import annotations

from newsbrief.records import Conflict

SentenceValues = dict[tuple[str, int], dict[int, str]]


def sentence_values(conflicts: list[Conflict]) -> SentenceValues:
    """(article id, sentence) -> {conflict number: the value that sentence states}."""
    values: SentenceValues = {}
    for number, conflict in enumerate(conflicts):
        for value in conflict.values:
            for ref in value.sentences:
                values.setdefault((ref.article, ref.sentence), {})[number] = value.value
    return values


def disagree(a: dict[int, str], b: dict[int, str]) -> bool:
    """Whether two sentences state different values of one dispute."""
    return any(k in a and a[k] != v for k, v in b.items())
