"""Speaker rules of speakers16 (texts written for these tests): "The man"/"The woman" opening
a sentence is a person the pronouns after it refer to, never a name from further back unless
someone of that gender is named in that sentence or the one before (q classes 7 and 8)."""

from __future__ import annotations

import pytest
from annotate_rule_helpers import annotated, quote_with

from newsbrief.annotate import speaker_definite

pytestmark = pytest.mark.usefixtures("parse_on")

_MAN = (
    "Crowds filled the square on Friday, said one marcher, Tomas Brandel.\n"
    "The city council met late into the night to discuss the budget, the local paper said.\n"
    "Officers closed the bridge at noon and reopened it an hour later.\n"
    "The man, who spoke by phone from his flat near the river, denied that the town was in "
    "chaos.\n"
    '"Nobody here wants a fight," he said.'
)


def test_the_man_after_an_older_name_leaves_he_unattributed() -> None:
    assert quote_with(annotated(_MAN).quotes, "Nobody here").speaker != "Tomas Brandel"


def test_without_the_rule_the_older_name_took_he() -> None:
    """The guard: the text above is the case the rule is for (the base gave it Brandel)."""
    speaker_definite.RULE["on"] = False
    try:
        speaker = quote_with(annotated(_MAN).quotes, "Nobody here").speaker
    finally:
        speaker_definite.RULE["on"] = True
    assert speaker == "Tomas Brandel"


def test_the_woman_does_not_pass_she_to_a_man() -> None:
    art = annotated(
        "The posts were shared by the blogger Dario Kell on Monday.\n"
        "The pair met online last spring, after Mr. Pell wrote to her. The woman had met Pell "
        "twice at public events, she said."
    )
    assert quote_with(art.quotes, "met Pell twice").speaker != "Dario Kell"


def test_the_man_named_in_the_sentence_before_keeps_his_name() -> None:
    art = annotated(
        "Ralf Oduya, 34, was arrested at his home in the suburbs on Sunday.\n"
        'The man was calm when officers arrived. "I have nothing to hide," he said.'
    )
    assert quote_with(art.quotes, "nothing to hide").speaker == "Ralf Oduya"


def test_a_name_after_the_man_still_takes_he() -> None:
    art = annotated(
        "Crowds filled the square on Friday, said one marcher, Tomas Brandel.\n"
        "Officers closed the bridge at noon and reopened it an hour later.\n"
        "The man who led the march, Piet Varga, spoke to reporters. "
        '"We will be back," he said.'
    )
    assert quote_with(art.quotes, "We will be back").speaker == "Piet Varga"


def test_a_surname_is_the_name_before_a_generational_suffix() -> None:
    art = annotated(
        "The van was driven by the night supervisor, Owen K. Tarrant Jr., 58.\n"
        "Tarrant told investigators that he felt nothing as he backed out."
    )
    assert quote_with(art.quotes, "felt nothing").speaker == "Owen K. Tarrant Jr"


def test_a_plain_surname_goes_to_the_name_it_ends_before_a_suffixed_one() -> None:
    art = annotated(
        "Lena Farrow spoke for the campaign, and her husband, Paul B. Farrow III, stayed home.\n"
        "Farrow said the vote would be close."
    )
    assert quote_with(art.quotes, "vote would be close").speaker == "Lena Farrow"


def test_a_name_in_apposition_before_said_is_the_next_she() -> None:
    art = annotated(
        "Dr. Mara Quint, the clinic's director, opened the session in May.\n"
        "Police have not said whether Tom Vick called them, which the night manager, Ruth "
        "Okafor, said she did. "
        "She said she saw smoke near the back door."
    )
    assert quote_with(art.quotes, "saw smoke").speaker == "Ruth Okafor"


def test_the_state_democrat_is_the_member_named_just_before() -> None:
    art = annotated(
        "President Ellis signed the bill on Monday.\n"
        "Sen. Nora Pike said the president had waited too long to act.\n"
        '"The question is whether he will do it again," the Vermont Democrat said.'
    )
    assert quote_with(art.quotes, "do it again").speaker == "Nora Pike"


def test_the_state_republican_with_no_member_named_is_no_speaker() -> None:
    art = annotated(
        "The governor's office released the budget on Monday.\n"
        '"This plan spends too much," the Idaho Republican said.'
    )
    assert quote_with(art.quotes, "spends too much").speaker in (None, "")


def test_he_adds_in_a_letter_an_office_quotes_is_not_the_office_holder() -> None:
    art = annotated(
        "Governor Tom Ostrander released papers on Monday about the prisoner Karl Venn.\n"
        "Venn says in a 1961 letter that he was only a clerk.\n"
        '"I followed the orders I was given," Ostrander’s office quotes the letter as saying.\n'
        '"I ask only for mercy," he adds.'
    )
    assert quote_with(art.quotes, "only for mercy").speaker == "Karl Venn"


def test_a_sentence_full_of_names_is_prose_not_a_headline() -> None:
    art = annotated(
        "Interior Secretary Jana Morrow visited the valley on Monday.\n"
        '"Nobody here feels safe," Lisa Kern, a farmer, said.\n'
        "Morrow inspected the dam Tuesday afternoon with Water Agency Deputy Director Sam "
        "Ortiz, Democratic Rep. Tim Lowe of Utah and Republican Sen. Ed Vance of Idaho. Vance "
        "leads the energy panel.\n"
        "She later told reporters that the river was lower than ever."
    )
    assert quote_with(art.quotes, "lower than ever").speaker == "Jana Morrow"
