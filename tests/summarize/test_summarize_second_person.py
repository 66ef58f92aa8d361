"""A line that addresses the reader in the second person, outside quotation marks and without
a speaker in the sentence, reads as the summary's own voice: it cannot stand in a summary."""

from __future__ import annotations

import pytest
from tests.summarize.test_summarize_counted import make

from newsbrief.summarize import _candidates
from newsbrief.summarize.text import ineligible_reason


@pytest.mark.parametrize(
    "text",
    [
        "You can still watch the whole council meeting on the town's channel this week.",
        "Stream every episode of the flood series you missed on any of your devices.",
        "Please keep the Hale family and the rescuers in your thoughts tonight.",
        "If you're driving to Millbrook this weekend, expect the valley road to be closed.",
        "You'll have to wait a while longer for the engineers' report on the dam.",
    ],
)
def test_a_line_addressing_the_reader_is_ineligible(text: str) -> None:
    assert ineligible_reason(text) == "second-person"


@pytest.mark.parametrize(
    "text",
    [
        # the speaker is named in the sentence
        "You will not be forgotten, the mayor told the families of the missing on Tuesday.",
        '"You will not be forgotten," the mayor told the families of the missing on Tuesday.',
        "According to the mayor, you can expect the valley road to reopen in May.",
        # a word that holds "you" is no second person
        "The youth football club lost its pitch and changing rooms to the flood.",
        # the first person is kept (see summarize/text.py for why)
        "We are cooperating fully with the authorities to establish what happened.",
    ],
)
def test_attributed_or_not_second_person_stays_eligible(text: str) -> None:
    assert ineligible_reason(text) == ""


def test_a_reader_line_is_left_out_but_counts_for_the_concepts() -> None:
    advert = "You can watch the drone footage of the flooded lower town on our website."
    a = [
        "The Millbrook dam burst on Tuesday and flooded the lower town within an hour.",
        advert,
        "Rescuers evacuated four hundred residents from the lower town by boat.",
    ]
    b = [
        "Four hundred residents of the lower town were evacuated after the dam burst.",
        "The county opened two shelters in the high school and the church hall.",
    ]
    cands, _, _ = _candidates([make("a", a), make("b", b)], None, [])
    line = next(c for c in cands if c.sentence.text == advert)
    assert not line.eligible
    assert line.counted and len(line.ids) > 0
    report = next(c for c in cands if c.sentence.text.startswith("Rescuers"))
    assert report.eligible
