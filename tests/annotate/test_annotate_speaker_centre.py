"""A "he" or "she" opening a statement goes back to the speaker of the sentence before, not to
a person that sentence names in an aside after the speaker (texts written for these tests)."""

from __future__ import annotations

import pytest

from newsbrief.annotate import annotate
from newsbrief.records import Article, Quote

pytestmark = pytest.mark.usefixtures("parse_on")


def _quotes(text: str) -> list[Quote]:
    return annotate(Article(id="c1", source="t", text=text, published="2024-05-14")).quotes


ASIDE = (
    "The envoy Tomas Berga spoke to reporters in Calderwick on Tuesday.\n\n"
    '"The harbour will reopen within a month and the ferries will run again," Berga '
    "said, referring to the order of the port director, Marek Hollis, who urged all ferry "
    "crews to stay in port last week.\n\n"
    "He added that the new quay would be finished before the winter storms."
)


def test_he_after_a_quote_stays_with_its_speaker_not_the_man_in_the_aside() -> None:
    qs = _quotes(ASIDE)
    added = [q for q in qs if q.text.startswith("the new quay")]
    assert added, qs
    assert added[0].speaker == "Tomas Berga"


def test_he_still_goes_to_the_last_man_when_the_sentence_has_no_speaker() -> None:
    text = (
        "The envoy Tomas Berga met the port director, Marek Hollis, on Tuesday.\n\n"
        "Hollis inspected the damaged quay with engineers in the afternoon.\n\n"
        "He said the new quay would be finished before the winter storms."
    )
    said = [q for q in _quotes(text) if q.text.startswith("the new quay")]
    assert said and said[0].speaker == "Marek Hollis"


def test_the_subject_of_a_reported_statement_keeps_a_later_he() -> None:
    # the "according to" source spoke, but the sentence is about Berga: "He" is Berga
    text = (
        "Tomas Berga has argued that the harbour tax was a mistake. According to a former "
        "employee, Berga has asserted repeatedly that ferries ran better before the reform. "
        "(Few experts agree.) He has also said that the problem of delays is exaggerated."
    )
    said = [q for q in _quotes(text) if q.text.startswith("the problem of delays")]
    assert said and said[0].speaker == "Tomas Berga"
