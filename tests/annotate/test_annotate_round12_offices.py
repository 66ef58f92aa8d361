"""A body named by its holder's possessive ("the Ashwen District Attorney's Office") is one
organisation (split at the possessive, the bare "Office" was the speaker); an age word that
opens a sentence ("Fifteen-year-old X says") is no part of the name after it."""

from __future__ import annotations

import pytest

from newsbrief import parse
from newsbrief.annotate import annotate
from newsbrief.records import Article


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in annotate(Article(id="a", source="t", text=text)).quotes]


def test_possessive_office_is_one_organisation() -> None:
    text = "The fire started in the kitchen, according to the Calder County Sheriff's Office."
    mentions = annotate(Article(id="a", source="t", text=text)).mentions
    assert [(m.text, m.kind) for m in mentions] == [("Calder County Sheriff's Office", "org")]


def test_curly_possessive_too() -> None:
    text = "The fire started in the kitchen, according to the Calder County Sheriff’s Office."
    mentions = annotate(Article(id="a", source="t", text=text)).mentions
    assert [m.text for m in mentions] == ["Calder County Sheriff’s Office"]


@pytest.mark.skipif(not parse.available(), reason="parser model absent")
def test_the_office_speaks_not_its_last_word() -> None:
    text = (
        "A former officer of the town was found dead on Thursday.\n"
        "Bram Ellery, 24, was found dead in his home around 3:30 a.m., according to the "
        "Ashwen District Attorney's Office."
    )
    (speaker,) = _speakers(text)
    assert speaker is not None and speaker.endswith("Ashwen District Attorney's Office")


def test_a_possessive_before_a_lower_case_noun_stays_a_person() -> None:
    text = "Ann Briggs's office issued a statement on Monday."
    mentions = annotate(Article(id="a", source="t", text=text)).mentions
    assert [(m.text, m.kind) for m in mentions] == [("Ann Briggs", "person")]


def test_an_age_word_opening_the_sentence_is_no_part_of_the_name() -> None:
    text = "Fifteen-year-old Tomas Arlen says he would like to study the brain."
    mentions = annotate(Article(id="a", source="t", text=text)).mentions
    assert [(m.text, m.kind) for m in mentions] == [("Tomas Arlen", "person")]
