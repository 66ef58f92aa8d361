"""A line in the second or first person, outside quotation marks and without a speaker in the
sentence, reads as the summary's own voice. One addressing the reader ("you can watch ...")
cannot stand in a summary; one in the first person may, shown as its source's own words."""

from __future__ import annotations

import pytest
from tests.summarize.test_summarize_counted import make

from newsbrief.records import ArticleRef, Brief
from newsbrief.render import render_markdown
from newsbrief.summarize import _candidates, summarize
from newsbrief.summarize.text import ineligible_reason, speaks_in_first_person


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
        # the first person is kept, marked as the source's own words (below)
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


# ---- the first person: kept, but shown as the source's own words


@pytest.mark.parametrize(
    "text,first",
    [
        ("I drove down the valley road that night and saw the water reach the church.", True),
        ("We are cooperating fully with the authorities to establish what happened.", True),
        ("The rescuers pulled me out of the car after an hour in the water.", True),
        ("We will rebuild the bridge by spring, the mayor said on Tuesday.", False),
        ('"We will rebuild the bridge by spring," the mayor said on Tuesday.', False),
        ("World War I veterans laid a wreath at the dam memorial on Sunday.", False),
        ("Senator Dana Hale (I-Vt.) visited the flooded valley on Tuesday.", False),
        ("The singer married the actor in June, Us Weekly reported on Friday.", False),
        ("The U.S. Army Corps of Engineers inspected the levee on Monday morning.", False),
    ],
)
def test_first_person_outside_quotes_without_speaker(text: str, first: bool) -> None:
    assert speaks_in_first_person(text) is first
    assert ineligible_reason(text) == ""  # eligible either way


def test_a_first_person_summary_sentence_is_marked_and_rendered_as_own_words() -> None:
    column = "I drove down the valley road that night and saw the water reach the church."
    a = [
        "The Millbrook dam burst on Tuesday and flooded the lower town within an hour.",
        column,
    ]
    summary = summarize([make("a", a)], words=60)
    marked = {s.text: s.own_words for s in summary}
    assert marked == {a[0]: False, column: True}
    ref = [ArticleRef("a", "a.txt")]
    md = render_markdown(Brief(story="s1", headline="Dam bursts", articles=ref, summary=summary))
    assert f"“{column}” [1] *(the source's own words)*" in md
    assert f"\n{a[0]} [1]\n" in md
