"""Span and is-it-a-statement rules of round 12 (spans12; texts written for these tests).
Each class was read off the dev quote samples of the 250-story pile; every test fails on the
code before the rule.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import speech

pytestmark = pytest.mark.usefixtures("parse_on")


def test_the_number_of_a_station_told_is_not_the_content() -> None:
    qs = speech(
        "The family lost the house in March.\n"
        "With a phone to her ear, Ilves told NewsChannel 9 how she pushed open the door of "
        "the farm and took the children.\n"
    )
    assert [q.text for q in qs] == [
        "how she pushed open the door of the farm and took the children"
    ]


def test_a_span_never_ends_inside_the_quotation_it_opened() -> None:
    qs = speech(
        "The brothers grew up on a farm near the river.\n"
        "The eldest brother, Karl, “was the clown,” the neighbour Anna Pirk recalled.\n"
    )
    assert [q.text for q in qs] == ["The eldest brother, Karl, “was the clown,”"]
    assert all(q.text.count("“") == q.text.count("”") for q in qs)


def test_the_charges_someone_faces_are_not_their_statement() -> None:
    qs = speech(
        "The trial ended on Tuesday.\n"
        "Jonas Merk still faces charges that he stole two trucks from the depot last spring.\n"
    )
    assert qs == []


def test_a_video_caption_with_a_running_time_is_not_a_statement() -> None:
    qs = speech(
        "The storm reached the coast on Monday.\n"
        "Forecasters say the winter is mild despite cold nights | 2:15 The experts are "
        "divided, but weather services still say the season is warm.\n"
        "Forecasters say the winter is mild despite the cold nights of the last week.\n"
    )
    assert [q.text for q in qs] == ["the winter is mild despite the cold nights of the last week"]


def test_a_bare_plural_or_a_phrase_after_despite_is_no_clause() -> None:
    from newsbrief.annotate.cues import is_clause

    assert not is_clause("frequent cocaine seizures")
    assert not is_clause("money trouble despite two online donation pages set up by friends")
    assert is_clause("the harvest grows")
    assert is_clause("the head of the board resigns")
    qs = speech("The port is busy all year.\nCustoms announce frequent cocaine seizures.\n")
    assert qs == []


def test_the_speaker_named_again_after_a_contrast_ends_the_statement() -> None:
    qs = speech(
        "The crew met at the lake in June.\n"
        "Tomas Vilk said two brothers fixed the truck and built the ramp, while Vilk went "
        "over safety and planned the shots.\n"
    )
    assert [q.text for q in qs] == ["two brothers fixed the truck and built the ramp"]
