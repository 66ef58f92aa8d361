"""Speaker rules of round 13 (speakers13; texts written for these tests). Each class was read
off the wrong speakers of quote sample o of the 250-story pile (dev): a photo credit glued to
the organisation that opens the story, a possessor given the words of its agent ("X's attorney
on Thursday said"), and a name glued to a platform ("Trump Twitter") taken for the person a
later "she" refers to. Every test but the guards fails on the code before the rule.
"""

from __future__ import annotations

import pytest

from newsbrief.annotate import annotate
from newsbrief.records import Article, Quote

pytestmark = pytest.mark.usefixtures("parse_on")


def _all(text: str) -> Article:
    return annotate(Article(id="r13", source="t", text=text, published="2024-05-14"))


def _of(qs: list[Quote], words: str) -> Quote:
    (q,) = [q for q in qs if words in q.text]
    return q


def test_a_photo_credit_is_no_word_of_the_name_after_it() -> None:
    art = _all(
        "The cabin of a Delta jet. AP Northwind Airlines on Thursday said it received an "
        "unsolicited offer from a rival carrier."
    )
    assert _of(art.quotes, "unsolicited offer").speaker == "Northwind Airlines"


def test_the_agent_of_a_possessor_speaks_not_the_possessor() -> None:
    art = _all(
        "The FBI is looking at Jared Pell. Pell’s attorney on Thursday said that the official "
        "would cooperate on any probes."
    )
    assert _of(art.quotes, "cooperate").speaker != "Jared Pell"


def test_the_possessor_named_agent_speaks_under_the_agent_name() -> None:
    # a guard: the agent's own name, given right after the role, is the speaker
    art = _all(
        "The FBI is looking at Jared Pell. Pell’s attorney Dana Whitfield said on Thursday "
        "that the official would cooperate on any probes."
    )
    assert _of(art.quotes, "cooperate").speaker != "Jared Pell"


def test_a_name_glued_to_a_platform_is_no_antecedent_of_she() -> None:
    art = _all(
        "Jo Marlow laughs as she watches the host make President Trump Twitter jokes.\n"
        '"What, what?" she says. "It has happened before."'
    )
    assert _of(art.quotes, "What, what").speaker == "Jo Marlow"


def test_he_after_a_statement_is_its_speaker_not_a_name_in_its_content() -> None:
    art = _all(
        "The fort was built by Earl Ragnald in the north.\nDavid Morven, of the Dunmore "
        "History Society, said that a road and a ditch were also constructed when Ragnald was "
        "in control of the county.\nHe said Ragnald's rise to power was aided by a victory in "
        "a battle on the coast."
    )
    assert _of(art.quotes, "rise to power").speaker == "David Morven"


def test_it_of_what_evidence_suggests_is_no_speaker() -> None:
    art = _all(
        "Jo Vance wrote a book for Harbor Press, Newsweek reported. Vance says he saw heaven. "
        "The evidence he provides for this claim is not only thin; it suggests that he doesn't "
        "know the brain science."
    )
    assert _of(art.quotes, "brain science").speaker != "Newsweek"


def test_it_of_an_organisation_that_says_still_speaks() -> None:
    # a guard: "it said" still goes back to the organisation
    art = _all("Northwind Airlines cut 40 routes on Monday. It said that fuel costs had doubled.")
    assert _of(art.quotes, "fuel costs").speaker == "Northwind Airlines"


def test_a_one_word_name_with_a_persons_apposition_is_a_person() -> None:
    art = _all(
        "Rami Abdel Rahman, head of the monitoring group, earlier said that at least 18 "
        "troops were wounded.\nLena, a member of the Harbour Council, an activist network, "
        "told reporters that residents began hearing gunfire at midnight.\n"
        '"Some people came and they are trying to attack residents," she said.'
    )
    assert _of(art.quotes, "attack residents").speaker == "Lena"


def test_he_is_never_a_society_named_after_the_speaker() -> None:
    art = _all(
        "The fort was built by Earl Ragnald in the north.\nDavid Morven, of Dunmore History "
        "Society, which was part of the dig, said that a road and a ditch were also built "
        "when Ragnald was in control of the county.\nHe said Ragnald's rise to power was "
        "aided by a victory in a battle on the coast."
    )
    assert _of(art.quotes, "rise to power").speaker == "David Morven"
