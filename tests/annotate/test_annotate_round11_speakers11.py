"""Speaker rules of round 11 (speakers11; texts written for these tests). Each class was read
off the quote samples k, l and m of the 250-story pile (dev from here on): a job noun glued
onto a name whose given name is in no list, a name cut at its second initial or glued to the
word after it, an organisation given for its owner's or member's words, "they" given to an
organisation when people stood nearer, a relative's given name lost, and "she" passing over
the subject of a sentence that opened on a prepositional phrase. Every test but the two
marked as guards fails on the code before the rule.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import annotated, quote_with

from newsbrief.annotate.speaker_words import is_junk_speaker

pytestmark = pytest.mark.usefixtures("parse_on")


def test_a_job_noun_before_a_name_is_split_off_by_its_shape() -> None:
    # neither "Jory" nor "Brannoc" is in the list of given names: the job noun's shape tells
    art = annotated('Bassist Jory Vantreece, 61, toured for years. "The band was loud," he said.')
    assert quote_with(art.quotes, "band was loud").speaker == "Jory Vantreece"
    art = annotated(
        "A reward was offered. City Councilman Brannoc T. Ilsley said he hopes the money "
        "will bring witnesses forward."
    )
    assert quote_with(art.quotes, "bring witnesses").speaker == "Brannoc T. Ilsley"


def test_a_job_noun_split_leaves_names_that_only_look_like_one() -> None:
    # a guard: a given name ("Hunter") or an initial after the first word keeps the run whole
    art = annotated('"It was wild," said Hunter S. Thorvald, the author.')
    assert quote_with(art.quotes, "was wild").speaker == "Hunter S. Thorvald"


def test_two_initials_in_a_row_stay_inside_the_name() -> None:
    art = annotated('"It is a rare find," said Olan J. T. Brannagh, who led the dig.')
    assert quote_with(art.quotes, "rare find").speaker == "Olan J. T. Brannagh"


def test_a_lower_case_compound_after_a_name_is_no_part_of_it() -> None:
    art = annotated(
        "Fans were furious on Sunday. Dana Kettleby April-fooling us was cruel, one wrote. "
        "Kettleby said the joke had gone too far."
    )
    assert quote_with(art.quotes, "gone too far").speaker == "Dana Kettleby"


def test_a_word_the_text_writes_in_lower_case_does_not_end_a_titled_name() -> None:
    art = annotated(
        'The cover asked "How Far Will State Senator Wanda Dorsey Run." Dorsey did not say '
        "how far she would run. Dorsey said the race would be close."
    )
    assert quote_with(art.quotes, "race would be close").speaker == "Wanda Dorsey"


def test_an_organisation_before_an_owner_or_leader_is_not_the_speaker() -> None:
    art = annotated(
        "The Kestrels played at home. The Kestrels owner said he did not want the game "
        "hijacked by the dispute."
    )
    assert quote_with(art.quotes, "game hijacked").speaker is None
    art = annotated(
        "Reid spoke on Monday. When the Senate Democratic leader announced in March that he "
        "would retire, his rivals praised him."
    )
    assert quote_with(art.quotes, "would retire").speaker != "Senate Democratic"


def test_a_league_club_is_not_the_league() -> None:
    art = annotated(
        "The Kestrels kept the players inside. The club took the action, the Coastal Soccer "
        'League club said, "rather than subject our fans to the dispute."'
    )
    assert quote_with(art.quotes, "subject our fans").speaker is None


def test_they_is_the_people_named_since_rather_than_an_organisation() -> None:
    art = annotated(
        "The Daily Ledger printed two columns. You heard two lines from critics on the right. "
        "First, they argued that taxes should fall."
    )
    assert quote_with(art.quotes, "taxes should fall").speaker is None
    art = annotated(
        "The Nile Cancer Council paid for the dig. Moltrane and Sheldon believe the rate was "
        'low. "It is doubtful that it was higher," they wrote in their paper.'
    )
    assert quote_with(art.quotes, "doubtful").speaker != "Nile Cancer Council"


def test_the_owner_of_a_company_does_not_speak_for_it() -> None:
    art = annotated(
        "Marta Holmgren found the wreck with her yacht. Holmgren said the wreck was deep. A "
        "statement released by Vulcan, Holmgren's company, said that the team had combined old "
        "charts with new sonar."
    )
    assert quote_with(art.quotes, "old charts").speaker != "Marta Holmgren"


def test_a_relative_named_by_given_name_is_the_speaker_and_the_next_he() -> None:
    art = annotated(
        "Paul Conroyd was hurt in the attack. Mr Conroyd's brother Alan said the family did "
        'not know where he was. "We will be happy when he calls," he said.'
    )
    assert quote_with(art.quotes, "family did not know").speaker == "Alan"
    assert quote_with(art.quotes, "happy when he calls").speaker == "Alan"


def test_a_name_in_a_fronted_phrase_is_not_the_sentence_subject() -> None:
    art = annotated(
        'Amy Goldfarb spoke first. "I was ill," she said. Through Dr. Ruth Kolbeck, Linda '
        'Vexler met other women. They formed a group. She said, "I willed myself to live."'
    )
    assert quote_with(art.quotes, "willed myself").speaker == "Linda Vexler"


def test_a_fronted_phrase_before_a_pronoun_keeps_its_name() -> None:
    # the fronted-phrase rule gives the sentence's first name away only to a name after
    # the comma, never to a pronoun (a guard, true before the rule as after it)
    art = annotated(
        "After Pat Caddon saw the film, he pointed out to Lee Bannock that its opening copied "
        "an old newsreel."
    )
    assert quote_with(art.quotes, "opening copied").speaker == "Pat Caddon"


def test_the_defense_is_not_the_judge() -> None:
    art = annotated(
        "Judge Aaron Perske let the jury see the photos after the defense argued that they "
        "would show the witness was not hurt."
    )
    assert quote_with(art.quotes, "witness was not hurt").speaker is None


def test_a_titled_name_keeps_the_gender_of_its_given_name() -> None:
    art = annotated(
        "Maria Solano spoke at noon. Napoli toured the border with U.S. Customs and Border "
        "Protection Deputy Commissioner David Aguirre. She said in a statement that crossings "
        "were down by half."
    )
    assert quote_with(art.quotes, "crossings were down").speaker == "Maria Solano"


def test_a_lone_preposition_is_no_speaker() -> None:
    assert is_junk_speaker("Among")
    assert not is_junk_speaker("Sterling")


def test_a_party_or_movement_member_before_a_name_is_a_role() -> None:
    art = annotated(
        'Nazi Karl Brendel wrote to the court. "I was never so high," Brendel said. Brendel '
        "argued that the judges ignored his plea."
    )
    assert quote_with(art.quotes, "judges ignored").speaker == "Karl Brendel"


def test_an_mp_before_a_name_is_a_role() -> None:
    art = annotated("Tory MP Kiran Vellacott says she will oppose the bill, which passed in May.")
    assert quote_with(art.quotes, "oppose the bill").speaker == "Kiran Vellacott"
