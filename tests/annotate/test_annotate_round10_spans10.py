"""Span and is-it-a-statement rules of round 10 (spans10; texts written for these tests).
Each class was read off the dev quote samples of the 250-story pile; every test fails on the
code before the rule.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import speech

pytestmark = pytest.mark.usefixtures("parse_on")


def test_knowing_is_a_state_of_mind_not_a_statement() -> None:
    qs = speech(
        "The harbour board met on Monday.\n"
        "Board member Ilse Varga knew that the cranes had been failing for months.\n"
        "Her deputy, Tomas Brandt, realized the budget would not cover the repairs.\n"
        "Nor does Brandt know that the insurers already refused the claim last year.\n"
    )
    assert not [q for q in qs if "cranes" in q.text or "budget" in q.text or "insurers" in q.text]


def test_a_second_cue_after_but_or_although_ends_the_statement() -> None:
    qs = speech(
        "The ferry service was cut in March.\n"
        "Marta Oyelaran, a lawyer for the island council, conceded she had not expected the "
        "operator to change course, but she said it was a missed chance for the region.\n"
        "Pell insisted in several interviews that his words had been twisted, although he "
        "repeated some of his claims about the harbour fees.\n"
    )
    conceded = next(q for q in qs if q.cue == "conceded")
    assert conceded.text == "she had not expected the operator to change course"
    insisted = next(q for q in qs if q.cue == "insisted")
    assert insisted.text == "his words had been twisted"


def test_an_opening_adverbial_is_not_what_was_said() -> None:
    qs = speech(
        "The fire started in a warehouse.\n"
        "When asked if he thought the alarm had worked, Fire Chief Odell Brandt said that "
        "it had.\n"
        "During a briefing on Thursday afternoon, Sgt. Lena Morrow confirmed the arrests and "
        "gave more details of the case.\n"
    )
    assert not [q for q in qs if q.text.startswith(("When asked", "During a briefing"))]
    assert not [q for q in qs if q.cue == "asked"]  # "When asked if …" is the question


def test_a_relative_clause_is_not_the_statement() -> None:
    qs = speech(
        "Provincial Police say on May 2, they sought arrest warrants for five young men that "
        "had hosted a card game that the victim attended.\n"
    )
    assert not [q for q in qs if q.text.startswith("had hosted")]


def test_what_someone_said_is_no_statement_of_theirs() -> None:
    qs = speech("Viewers were asked to trust what the two analysts said they heard on the tape.\n")
    assert not [q for q in qs if q.text.startswith("they heard")]


def test_a_plain_report_keeps_its_statement() -> None:
    qs = speech(
        "The bridge was closed.\n"
        "The mayor, Ana Ruiz, said the bridge would reopen on Monday, but she said tolls "
        "would rise.\n"
        "In the end the plan failed, the engineer said.\n"
        "In the old depot, on the east side, more cracked beams were found, the inspector "
        "said.\n"
        "Officials said that the repairs had cost more than expected.\n"
    )
    texts = [q.text for q in qs]
    assert "the bridge would reopen on Monday" in texts
    assert "In the end the plan failed" in texts
    assert [t for t in texts if t.startswith("In the old depot, on the east side")]
    assert "the repairs had cost more than expected" in texts


def test_the_month_may_is_no_verb_and_an_aside_is_the_writers() -> None:
    qs = speech(
        "The climbers vanished in 1999.\n"
        "A charity run by the climber's sister announced the discovery on May 2.\n"
        "She says that he was her favourite climbing partner(!).\n"
    )
    assert not [q for q in qs if q.text.startswith("the discovery")]
    assert [q.text for q in qs if q.cue == "says"] == ["he was her favourite climbing partner"]


def test_the_statement_after_a_second_cue_is_its_own() -> None:
    qs = speech(
        "Talks stalled in Kiev.\n"
        "Foreign Minister Anton Berezin said that he thought the threat was a ploy, but he "
        "added that his country would do nothing to stop it.\n"
    )
    added = [q for q in qs if q.cue == "added"]
    assert [(q.text, q.speaker) for q in added] == [
        ("his country would do nothing to stop it", "Anton Berezin")
    ]
