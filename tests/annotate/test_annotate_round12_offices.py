"""A body named by its holder's possessive ("the Ashwen District Attorney's Office") is one
organisation (split at the possessive, the bare "Office" was the speaker); an age word that
opens a sentence ("Fifteen-year-old X says") is no part of the name after it."""

from __future__ import annotations

import pytest

from newsbrief import parse
from newsbrief.annotate import annotate
from newsbrief.records import Article


def _mentions(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in annotate(Article(id="a", source="t", text=text)).mentions]


@pytest.mark.parametrize("mark", ["'", "’"])
def test_possessive_office_is_one_organisation(mark: str) -> None:
    text = f"The fire started in the kitchen, according to the Calder County Sheriff{mark}s Office."
    assert _mentions(text) == [(f"Calder County Sheriff{mark}s Office", "org")]


@pytest.mark.skipif(not parse.available(), reason="parser model absent")
def test_the_office_speaks_not_its_last_word() -> None:
    text = (
        "A former officer of the town was found dead on Thursday.\n"
        "Bram Ellery, 24, was found dead in his home around 3:30 a.m., according to the "
        "Ashwen District Attorney's Office."
    )
    (speaker,) = [q.speaker for q in annotate(Article(id="a", source="t", text=text)).quotes]
    assert speaker is not None and speaker.endswith("Ashwen District Attorney's Office")


def test_a_possessive_before_a_lower_case_noun_stays_a_person() -> None:
    text = "Ann Briggs's office issued a statement on Monday."
    assert _mentions(text) == [("Ann Briggs", "person")]


def test_an_age_word_opening_the_sentence_is_no_part_of_the_name() -> None:
    text = "Fifteen-year-old Tomas Arlen says he would like to study the brain."
    assert _mentions(text) == [("Tomas Arlen", "person")]
