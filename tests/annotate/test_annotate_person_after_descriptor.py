"""``speaker_kinds.person_after_descriptor``: the one rule for a name after a role noun
("said CNN senior analyst X", "White House spokesman X said", "Copper Kite bassist X said",
"Reyes's wife Ana said", "NSA commander Gen. X said"); it replaced ``role_gap``."""

from __future__ import annotations

import pytest

from newsbrief.annotate import annotate, split_sentences
from newsbrief.annotate.entities import extract_mentions
from newsbrief.annotate.speaker_kinds import person_after_descriptor
from newsbrief.records import Article

pytestmark = pytest.mark.usefixtures("parse_on")


def _after(text: str, word: str) -> str | None:
    mentions, _ = extract_mentions(text, split_sentences(text))
    mentions = [m for m in mentions if m.kind in ("person", "org")]
    end = text.index(word) + len(word)
    return person_after_descriptor(text, mentions, [m.start for m in mentions], end)


@pytest.mark.parametrize(
    ("text", "word", "person"),
    [
        (
            '"It was long," said WKRN senior weather analyst Dana Whitfield.',
            "WKRN",
            "Dana Whitfield",
        ),
        ("Copper Kite bassist Jack Hollin said the tour is over.", "Kite", "Jack Hollin"),
        ("Ana Reyes's husband Tomas Reyes said he would stay.", "Ana Reyes", "Tomas Reyes"),
        ("NSA commander Gen. Carl Wendt said the agency had not used it.", "NSA", "Carl Wendt"),
    ],
)
def test_a_role_noun_gives_the_name_after_it(text: str, word: str, person: str) -> None:
    assert _after(text, word) == person


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Tom Brandt told reporter Lisa Cheng of the Courier about it.", "Tom Brandt"),
        ("Tom Brandt said after Lisa Cheng left that it was fine.", "Tom Brandt"),
        ("Tom Brandt met the reporter Lisa Cheng on Monday.", "Tom Brandt"),
    ],
)
def test_a_verb_a_clause_word_or_an_article_is_no_descriptor(text: str, word: str) -> None:
    assert _after(text, word) is None


def test_a_commander_speaks_not_his_agency() -> None:
    art = annotate(
        Article(
            id="d",
            source="t",
            text="NSA commander Gen. Carl Wendt revealed the tests to Congress but said the "
            "agency had not used it.\n",
        )
    )
    assert [q.speaker for q in art.quotes if "had not used" in q.text] == ["Carl Wendt"]
