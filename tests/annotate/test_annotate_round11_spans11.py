"""Span and is-it-a-statement rules of round 11 (spans11; texts written for these tests).
Each class was read off the dev quote samples of the 250-story pile; every test fails on the
code before the rule.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import speech

from newsbrief.annotate.sentences import split_sentences
from newsbrief.records import Quote

pytestmark = pytest.mark.usefixtures("parse_on")


def _one(qs: list[Quote], cue: str) -> Quote:
    return next(q for q in qs if q.cue == cue)


def test_where_when_and_how_it_was_said_before_that_is_not_the_statement() -> None:
    qs = speech(
        "The council met on Friday.\n"
        "Mayor Ilse Varga said in a speech carried on local radio and television that she "
        "would veto the budget.\n"
        "Senator Tomas Brandt said Friday before flying to Denver that the state would widen "
        "the water limits for farms.\n"
        "The singer has denied through her agent that the pair had ever met.\n"
    )
    assert [q.text for q in qs] == [
        "she would veto the budget",
        "the state would widen the water limits for farms",
        "the pair had ever met",
    ]


def test_a_relative_that_after_a_place_stays_in_the_statement() -> None:
    qs = speech(
        "The port reopened.\nHarbour master Lena Morrow said through the weeks that followed "
        "the storm the cranes were idle.\n"
    )
    assert _one(qs, "said").text.startswith("through the weeks that followed")


def test_another_speakers_act_of_saying_ends_the_statement() -> None:
    qs = speech(
        "The case went on.\n"
        "The singer denied that the two had ever met, but Holloway said Monday that was part "
        "of a settlement.\n"
        "Karim said the reforms would come if the marches stop, and on Tuesday state radio "
        "said he had set up a panel to study the deaths.\n"
        "Varga said she would veto the budget, while asking the council to find savings.\n"
    )
    assert _one(qs, "denied").text == "the two had ever met"
    karim = [q for q in qs if q.text.startswith("the reforms")]
    assert karim[0].text == "the reforms would come if the marches stop"
    assert any(q.text == "she would veto the budget" for q in qs)


def test_a_relative_clause_naming_its_own_sayer_is_the_writers_gloss() -> None:
    qs = speech(
        "The race ended.\nDemoski said he does not remember the crashes, which the race board "
        "described as deliberate attacks.\n"
    )
    assert _one(qs, "said").text == "he does not remember the crashes"


def test_a_case_name_does_not_end_a_sentence() -> None:
    text = "He cited the 1973 Roe v. Wade ruling in several states. Then he left."
    assert len(split_sentences(text)) == 2


def test_a_numbered_station_name_is_the_addressee_of_told() -> None:
    qs = speech(
        "The bakery closed.\n"
        "Hale told KXYZ 9 News the board would keep the money until the appeals end.\n"
        "Ortega told WKRN 4 News ODOT would close the bridge until the repairs end.\n"
    )
    assert [q.text for q in qs] == [
        "the board would keep the money until the appeals end",
        "ODOT would close the bridge until the repairs end",
    ]


def test_a_statement_inside_an_opening_subordinate_clause_ends_at_the_main_clause() -> None:
    qs = speech(
        "Reid retired.\nAnd when the Senate leader announced in late May that he would not "
        "run again, Varga returned the favor by praising him in public.\n"
    )
    assert _one(qs, "announced").text == "he would not run again"


def test_a_view_forming_or_a_wish_is_not_a_statement() -> None:
    qs = speech(
        "The port was sold.\n"
        "Ortega began to think that the mayor might be the one who could fix the port.\n"
        "Pelosi wants to make a point here, that the White House can cut any deal it likes.\n"
    )
    assert not qs


def test_a_cue_after_an_indefinite_pronoun_is_a_relative_clause() -> None:
    qs = speech(
        "The talks went on.\nThe caucus on Sunday sent a letter that pressed Ortega to veto "
        "the bill, something the governor had said he was unwilling to do.\n"
    )
    assert not [q for q in qs if q.text == "he was unwilling to do"]


def test_the_quotation_after_a_lead_clause_is_what_was_said() -> None:
    qs = speech(
        "The moon was studied.\n"
        'If the team is right, "you have moved from a world that meets one of the needs for '
        'life to one that meets two," Dr. Hale says.\n'
    )
    assert [q.text for q in qs] == [
        "you have moved from a world that meets one of the needs for life to one that meets two"
    ]


def test_how_the_speaker_looked_after_an_interrupting_cue_is_not_said() -> None:
    qs = speech(
        "The family grieved.\n"
        "The family often went camping and fishing together, he said, his voice thick with "
        "emotion.\n"
    )
    assert [q.text for q in qs] == ["The family often went camping and fishing together"]


def test_a_bracketed_link_paragraph_holds_no_quote() -> None:
    qs = speech(
        "Police spoke on Monday.\n"
        "McDowell said she never went to the party.\n"
        "[RELATED: 'Party crasher' says she never hit a guest, apologizes to hosts]\n"
        "[Varga responds after the game: 'It is a shame, and I am angry about it']\n"
    )
    assert [q.text for q in qs] == ["she never went to the party"]
