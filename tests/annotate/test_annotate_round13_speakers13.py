"""Speaker rules of round 13 (speakers13; texts written for these tests). Each class was read
off the wrong speakers of quote sample o of the 250-story pile (dev): a photo credit glued to
the organisation that opens the story, a possessor given the words of its agent ("X's attorney
on Thursday said"), and a name glued to a platform ("Trump Twitter") taken for the person a
later "she" refers to. Every test but the guards fails on the code before the rule.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import annotated, quote_with

pytestmark = pytest.mark.usefixtures("parse_on")


def test_a_photo_credit_is_no_word_of_the_name_after_it() -> None:
    art = annotated(
        "The cabin of a Delta jet. AP Northwind Airlines on Thursday said it received an "
        "unsolicited offer from a rival carrier."
    )
    assert quote_with(art.quotes, "unsolicited offer").speaker == "Northwind Airlines"


def test_the_agent_of_a_possessor_speaks_not_the_possessor() -> None:
    art = annotated(
        "The FBI is looking at Jared Pell. Pell’s attorney on Thursday said that the official "
        "would cooperate on any probes."
    )
    assert quote_with(art.quotes, "cooperate").speaker != "Jared Pell"


def test_the_possessor_named_agent_speaks_under_the_agent_name() -> None:
    # a guard: the agent's own name, given right after the role, is the speaker
    art = annotated(
        "The FBI is looking at Jared Pell. Pell’s attorney Dana Whitfield said on Thursday "
        "that the official would cooperate on any probes."
    )
    assert quote_with(art.quotes, "cooperate").speaker != "Jared Pell"


def test_a_name_glued_to_a_platform_is_no_antecedent_of_she() -> None:
    art = annotated(
        "Jo Marlow laughs as she watches the host make President Trump Twitter jokes.\n"
        '"What, what?" she says. "It has happened before."'
    )
    assert quote_with(art.quotes, "What, what").speaker == "Jo Marlow"


def test_he_after_a_statement_is_its_speaker_not_a_name_in_its_content() -> None:
    art = annotated(
        "The fort was built by Earl Ragnald in the north.\nDavid Morven, of the Dunmore "
        "History Society, said that a road and a ditch were also constructed when Ragnald was "
        "in control of the county.\nHe said Ragnald's rise to power was aided by a victory in "
        "a battle on the coast."
    )
    assert quote_with(art.quotes, "rise to power").speaker == "David Morven"


def test_it_of_what_evidence_suggests_is_no_speaker() -> None:
    art = annotated(
        "Jo Vance wrote a book for Harbor Press, Newsweek reported. Vance says he saw heaven. "
        "The evidence he provides for this claim is not only thin; it suggests that he doesn't "
        "know the brain science."
    )
    assert quote_with(art.quotes, "brain science").speaker != "Newsweek"


def test_it_of_an_organisation_that_says_still_speaks() -> None:
    # a guard: "it said" still goes back to the organisation
    art = annotated(
        "Northwind Airlines cut 40 routes on Monday. It said that fuel costs had doubled."
    )
    assert quote_with(art.quotes, "fuel costs").speaker == "Northwind Airlines"


def test_a_one_word_name_with_a_persons_apposition_is_a_person() -> None:
    art = annotated(
        "Rami Abdel Rahman, head of the monitoring group, earlier said that at least 18 "
        "troops were wounded.\nLena, a member of the Harbour Council, an activist network, "
        "told reporters that residents began hearing gunfire at midnight.\n"
        '"Some people came and they are trying to attack residents," she said.'
    )
    assert quote_with(art.quotes, "attack residents").speaker == "Lena"


def test_he_is_never_a_society_named_after_the_speaker() -> None:
    art = annotated(
        "The fort was built by Earl Ragnald in the north.\nDavid Morven, of Dunmore History "
        "Society, which was part of the dig, said that a road and a ditch were also built "
        "when Ragnald was in control of the county.\nHe said Ragnald's rise to power was "
        "aided by a victory in a battle on the coast."
    )
    assert quote_with(art.quotes, "rise to power").speaker == "David Morven"
