"""Speaker rules of round 12 (speakers12; texts written for these tests). Each class was read
off the wrong speakers of the quote samples up to n of the 250-story pile (dev): a role noun
with no holder given the person its own sentence names, a principal's confidant given the
principal's name, an account given to its platform, a definite organisation description given
to another organisation of the same head noun, a bare surname given to a namesake only named as
an object, a man's gender taken from a "she" inside his own quotation, and a charge the subject
faces given as the subject's statement. Every test but the guards fails on the code before the
rule.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import annotated, quote_with

pytestmark = pytest.mark.usefixtures("parse_on")


def test_a_role_noun_is_never_the_person_its_own_sentence_names() -> None:
    art = annotated(
        "A Tolliver man pleaded not guilty Friday to theft charges. Marcus Delroy Vence, 31, "
        "will remain in jail without bond, the judge said. The hearing is set for May."
    )
    assert quote_with(art.quotes, "remain in jail").speaker != "Marcus Delroy Vence"


def test_a_role_noun_still_finds_its_holder() -> None:
    # a guard: the holder of the role, named before, is the speaker
    art = annotated(
        "Judge Orla Penhall heard the case. Marcus Vence will remain in jail, the judge said."
    )
    assert quote_with(art.quotes, "remain in jail").speaker == "Orla Penhall"


def test_a_confidant_of_a_person_is_not_that_person() -> None:
    art = annotated(
        "Nina Dorrance is a team player. “I think she will not let it die,” predicted one "
        "Dorrance confidante."
    )
    assert quote_with(art.quotes, "not let it die").speaker is None


def test_an_account_speaks_for_its_owner_not_its_platform() -> None:
    art = annotated(
        "Ann Kessler took a job in Ohio with a union group, according to her Twitter "
        "account. She left in May."
    )
    assert quote_with(art.quotes, "took a job").speaker == "Ann Kessler"


def test_a_definite_department_must_fit_the_organisation_named_before() -> None:
    art = annotated(
        "Water was tested by the Department of Public Works in May. Crews flushed pipes. The "
        "lab had 12 samples from patients, the state health department confirmed."
    )
    assert quote_with(art.quotes, "12 samples").speaker != "Department of Public Works"


def test_a_definite_department_of_one_level_is_not_another_level_s() -> None:
    art = annotated(
        "The Genna County Health Department closed a pool. The lab had 12 samples from "
        "patients, the state health department confirmed."
    )
    assert quote_with(art.quotes, "12 samples").speaker != "Genna County Health Department"


def test_a_definite_department_fits_its_own_words() -> None:
    # a guard: "the health department" is the State Department of Health named before
    art = annotated(
        "The State Department of Health issued a report. The lab had 12 samples, the health "
        "department confirmed."
    )
    assert quote_with(art.quotes, "12 samples").speaker == "State Department of Health"


def test_a_bare_surname_stays_with_the_namesake_who_acts() -> None:
    art = annotated(
        'The mother said she acted alone. "I did it," said Varga. On Monday, Amber Varga '
        "admitted to the killings. Varga faces two charges for the deaths of 6-year-old Rene "
        "Varga and 7-year-old Lia Hart. Speaking calmly, Varga told reporters how she drove "
        "away."
    )
    assert quote_with(art.quotes, "drove away").speaker == "Amber Varga"


def test_a_she_inside_his_quotation_gives_the_writer_no_gender() -> None:
    art = annotated(
        "Jill and John Varnell adopted her. On Thursday, Corwin Podmark wrote a letter to the "
        'judge. "Like her dad," Podmark wrote, "she has a passion for teaching." Podmark '
        "wrote in plain terms. He asked the judge to accept an apology."
    )
    assert quote_with(art.quotes, "accept an apology").speaker == "Corwin Podmark"


def test_charges_the_subject_faces_are_not_the_subject_s_words() -> None:
    art = annotated("Doctor Kell Ambrose still faces charges that he killed a patient in 2009.")
    assert all(q.speaker not in ("Kell Ambrose", "Doctor Kell Ambrose") for q in art.quotes)


def test_a_subject_who_charges_still_speaks() -> None:
    # a guard: "charges" as the subject's own verb
    art = annotated("Mayor Ann Tolbin charges that the council wasted money.")
    assert quote_with(art.quotes, "wasted money").speaker == "Ann Tolbin"


def test_a_name_that_is_also_a_channel_noun_still_speaks() -> None:
    # a guard: "says Page" is a person, not an account
    art = annotated('Jimmy Page spoke in London. "We were good," says Page. "The band was loud."')
    assert quote_with(art.quotes, "We were good").speaker == "Jimmy Page"


def test_a_subject_ends_at_a_semicolon() -> None:
    art = annotated(
        "Voters have turned on Tom Vale. Vale won women in 2012 by 11 points, according to "
        "exit polls; today he leads by one point."
    )
    assert quote_with(art.quotes, "won women").speaker != "Tom Vale"


def test_he_goes_on_with_the_speaker_not_the_one_told() -> None:
    art = annotated(
        "Sheikh Omar Haddad called a meeting for Tuesday. The aim is to press the government, "
        "the sheikh told Dale Pruitt. He said the world must act now."
    )
    assert quote_with(art.quotes, "must act now").speaker == "Omar Haddad"
