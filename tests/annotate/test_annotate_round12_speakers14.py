"""Speaker rules of speakers14 (texts written for these tests). Each class was read off the
wrong speakers of quote sample p of the 250-story pile (dev from this round on): a descriptor
that opens the sentence glued to the name ("Senior Ana Vell, 21, said"), a surname taken for
an alias of a hotel that holds it, a place after "in" taken for the antecedent of "he", an
agency that relays the words of the one it quoted, "the company" given to a company the
article names only later, and a child's full name taking an adult's "Mr." surname.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import annotated, quote_with

pytestmark = pytest.mark.usefixtures("parse_on")


def test_a_class_year_opening_the_sentence_is_no_part_of_the_name() -> None:
    art = annotated(
        "In Madison, ten inches of snow fell. Senior Maelis Corwen, 21, said she spent the "
        "day in her flat watching the snow."
    )
    assert quote_with(art.quotes, "spent the day").speaker == "Maelis Corwen"


def test_a_tenure_word_opening_the_sentence_is_no_part_of_the_name() -> None:
    art = annotated(
        "The vote is close. Outgoing Brennick mayor Tom Arvale said the count was fair. "
        "Veteran Ohio pollster Dana Korvel says the governor should not be counted out."
    )
    names = {m.entity for m in art.mentions if m.kind == "person"}
    assert not any(n and n.split()[0] in ("Outgoing", "Veteran") for n in names)
    assert quote_with(art.quotes, "counted out").speaker == "Dana Korvel"


def test_a_given_name_junior_stays_a_name() -> None:
    # a guard: a class year before a single word is a given name ("Junior Seau")
    art = annotated("The linebacker Junior Talo retired. Talo said he was proud of his years.")
    assert quote_with(art.quotes, "proud").speaker == "Junior Talo"


def test_a_surname_is_no_alias_of_the_hotel_named_after_it() -> None:
    art = annotated(
        "Guests gathered at the Arvane International Hotel on Friday. The judge halted the "
        'order. "If anything goes wrong blame him," Arvane wrote on Twitter.'
    )
    kinds = {m.entity: m.kind for m in art.mentions}
    assert kinds.get("Arvane International Hotel") == "org"
    assert quote_with(art.quotes, "blame him").speaker != "Arvane International Hotel"


def test_he_never_goes_back_to_a_place_after_in() -> None:
    art = annotated(
        "Relatives believe the crew may still be trapped in Baba Tel under shelling.\n"
        "President Marcon's statement that the crew was safe came after a day of confusion. "
        'He later withdrew it. "It has not been confirmed," he told journalists in Lyon.'
    )
    assert quote_with(art.quotes, "not been confirmed").speaker != "Baba Tel"


def test_he_goes_back_to_the_possessor_whose_statement_opens_the_sentence() -> None:
    art = annotated(
        "Relatives believe the crew may still be trapped in Baba Tel under shelling.\n"
        "President Marcon's statement that Ms Bouvel was safe came after a day of confusion. "
        'He later withdrew it. "It has not been confirmed," he told journalists in Lyon.'
    )
    assert quote_with(art.quotes, "not been confirmed").speaker == "Marcon"


def test_the_one_an_agency_quoted_speaks_not_the_agency() -> None:
    art = annotated(
        "Seoul will send aid, according to the Hanbit news agency.\n"
        "“The basic stance is that help should go on regardless of politics,” Hanbit quoted "
        "a unification ministry official as saying."
    )
    assert quote_with(art.quotes, "basic stance").speaker != "Hanbit"


def test_the_one_an_agency_quoted_by_name_speaks() -> None:
    art = annotated(
        "Minister Cho Min-su met aid groups on Monday. Hanbit quoted Cho Min-su as saying "
        "that the aid would go ahead."
    )
    assert quote_with(art.quotes, "aid would go ahead").speaker == "Cho Min-su"


def test_the_company_is_never_a_company_named_only_later() -> None:
    art = annotated(
        "Brewco changed its machines last year. The company said the change was for the "
        "buyer's own good.\nLater, the Tallis Family Company sold a clip for the machines. "
        "Tallis Family Company said it was a gift."
    )
    assert quote_with(art.quotes, "own good").speaker != "Tallis Family Company"


def test_mr_and_a_surname_is_the_adult_not_the_boy_of_that_name() -> None:
    art = annotated(
        "A boy was killed in his home by his brother, the police said.\n"
        "The brother, identified by the police as Shawn K. Telby, was charged with murder.\n"
        "There was no record of trouble at the home of the boy, Shimon Telby.\n"
        "Around 3 a.m., Mr. Telby approached two officers on patrol.\n"
        "“I need to talk to you,” he said, according to the police."
    )
    assert quote_with(art.quotes, "talk to you").speaker == "Shawn K. Telby"


def test_al_after_a_role_is_a_given_name_not_the_arabic_article() -> None:
    art = annotated(
        "The race is open. Veteran Ohio political analyst Al Brenner says the mayor should "
        "not be counted out."
    )
    assert quote_with(art.quotes, "counted out").speaker == "Al Brenner"


def test_al_after_a_network_possessive_is_a_given_name() -> None:
    art = annotated(
        "The deal was large. Yesterday we noted how NBC's Al Mickelsen said of the contract: "
        "“He will pay more taxes.”"
    )
    assert quote_with(art.quotes, "more taxes").speaker == "Al Mickelsen"


def test_al_before_a_network_name_stays_an_article() -> None:
    # a guard: without a role or a possessive before it, "Al" opens an Arabic name
    art = annotated("Officials met on Monday. Al Qamar reported that the talks had failed.")
    assert all(m.entity != "Al Qamar" or m.kind != "person" for m in art.mentions)


def test_they_after_a_family_subject_is_not_the_organisation_before() -> None:
    art = annotated(
        "The Civic Watch Center says its sole mission, according to its website, is to expose "
        "the press.\nIn a rare public statement weeks before the vote, the Dorrells said they "
        "believe that “the country is finally fed up.”\n"
        "“The senator is channeling this anger,” they said, “and those who quake do not see it.”"
    )
    assert "Center" not in (quote_with(art.quotes, "channeling").speaker or "")


def test_he_after_an_unnamed_another_is_not_the_man_named_before() -> None:
    art = annotated(
        "Many readers posted memes of Mark Pelton and his wife.\n"
        "Another hoped the whole movement would just disappear: “After the storm is over the "
        "movement will not matter,” he wrote."
    )
    assert quote_with(art.quotes, "will not matter").speaker != "Mark Pelton"
