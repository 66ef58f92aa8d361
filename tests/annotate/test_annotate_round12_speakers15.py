"""Speaker rules of speakers15 (texts written for these tests). Each class was read off the
wrong speakers of quote sample q of the 250-story pile and the place speakers the pile test
missed: a place or a name premodifying the common noun that heads the subject ("the Fort
Wayne mother", "the Trump administration", "New England states") is never the speaker, and
a name ending on a unit of local government ("Stafford Township") is a place.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import annotated, quote_with

pytestmark = pytest.mark.usefixtures("parse_on")


def test_a_place_before_a_person_noun_is_not_the_speaker() -> None:
    art = annotated(
        "A woman was charged on Tuesday. The Fort Wayne teacher accused of taking two "
        "laptops told a judge she was sorry."
    )
    assert quote_with(art.quotes, "sorry").speaker != "Fort Wayne"


def test_a_place_before_the_noun_of_a_pobj_is_not_the_subject() -> None:
    art = annotated(
        "The storm hit hard. Electric utilities across the three northern New England states "
        "reported that 200,000 homes had lost power."
    )
    assert quote_with(art.quotes, "lost power").speaker != "New England"


def test_a_persons_administration_is_not_the_person() -> None:
    art = annotated(
        "President Donald Trump signed the order on Friday. The Trump administration has also "
        "signaled that it will cut the program by half."
    )
    assert quote_with(art.quotes, "cut the program").speaker != "Donald Trump"


def test_a_township_is_a_place_no_she_goes_back_to() -> None:
    art = annotated(
        "Mara Delt, 44, was in court on Monday. The animal escaped from his Stafford Township "
        "home last year, she told the judge."
    )
    kinds = {m.text: m.kind for m in art.mentions}
    assert kinds.get("Stafford Township") == "place"
    assert all(q.speaker != "Stafford Township" for q in art.quotes)


def test_a_bodys_officials_still_speak_for_the_body() -> None:
    # a guard: "White House officials" and "a Corvane Schools official" are the body's word
    art = annotated(
        "The board met on Monday. Corvane Public Schools officials said the teacher had "
        "resigned in March."
    )
    assert quote_with(art.quotes, "resigned").speaker == "Corvane Public Schools"


def test_a_descriptor_before_a_name_keeps_the_name() -> None:
    # a guard: "Brevo spokesman Jo Tallis" is no premodified noun phrase
    art = annotated(
        'Sales rose. "The range got off to a good start," said Brevo spokesman Jo Tallis.'
    )
    assert quote_with(art.quotes, "good start").speaker == "Jo Tallis"


def test_a_surname_before_a_verb_stays_the_subject() -> None:
    # a guard: "Vance kept faith that …" — "kept" is no noun the name premodifies
    art = annotated(
        "Mia Vance spoke to reporters. Vance kept faith that her brother would come "
        "back and be well."
    )
    assert [q.speaker for q in art.quotes if "brother" in q.text] in ([], ["Mia Vance"])


def test_a_part_of_a_place_is_a_place_no_he_goes_back_to() -> None:
    art = annotated(
        'Joe Varn has raced for years. "It was an act of bravado," Varn said.\n'
        "Rural Alaska communities have many good people, he said, but they also have problems."
    )
    kinds = {m.text: m.kind for m in art.mentions}
    assert kinds.get("Rural Alaska") == "place"
    assert quote_with(art.quotes, "good people").speaker == "Joe Varn"


def test_a_compass_point_opens_a_place_not_a_name() -> None:
    art = annotated("Gangs fight in North Dellwick every week. Police said they had made arrests.")
    kinds = {m.text: m.kind for m in art.mentions}
    assert kinds.get("North Dellwick") == "place"


def test_she_after_an_unnamed_witness_is_not_a_name_from_further_back() -> None:
    art = annotated(
        "Lena Marsh, 30, fled the town on Monday. Another witness who lives in the area said "
        'there was fighting all night. "We hid in the basement," she said.'
    )
    assert quote_with(art.quotes, "basement").speaker != "Lena Marsh"


def test_she_after_a_named_witness_still_resolves() -> None:
    # a guard: the witness the sentence names is the "she"
    art = annotated(
        "Lena Marsh, 30, fled the town on Monday. She said there was fighting all night. "
        '"We hid in the basement," she said.'
    )
    assert quote_with(art.quotes, "basement").speaker == "Lena Marsh"


def test_a_name_in_an_opening_prepositional_phrase_is_no_antecedent() -> None:
    art = annotated(
        "Ray Dunn was arrested in May. In the conversation with his fiancee, Tessa Marl, he "
        'also complained about the food. "I am fine," he added.'
    )
    assert quote_with(art.quotes, "I am fine").speaker == "Ray Dunn"


def test_the_interviewer_in_an_opening_phrase_does_not_ask() -> None:
    art = annotated(
        "Designer Marco Vell opened his show on Monday. During a 2009 interview with Style "
        "Weekly's Jon Hale, the designer admitted that he was tired.\n"
        '"Who would not be?" he asked.'
    )
    assert quote_with(art.quotes, "Who would not be").speaker != "Jon Hale"


def test_the_subject_of_an_opening_clause_is_the_he_after_it() -> None:
    # a guard: "After Orrin saw the film, he pointed out …" is Orrin's clause
    art = annotated(
        "Voss met Pat Orrin in 2012. After Orrin saw the film, he pointed out to Voss "
        "that its opening copied an old one."
    )
    assert quote_with(art.quotes, "opening copied").speaker == "Pat Orrin"
