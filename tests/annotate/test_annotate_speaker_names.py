"""Speaker names with a middle initial, and a name premodified by an organisation and a role.

Both were the largest class of wrong speakers in the held-out quote samples e-g of the
seventh round's pile: names cut at an initial ("Robert J") and a descriptor taken for the
speaker ("CNN" for "CNN senior political analyst ...").
"""

from __future__ import annotations

import pytest

from newsbrief.annotate import annotate
from newsbrief.records import Article


def _speakers(text: str) -> list[str]:
    return [q.speaker for q in annotate(Article(id="a", source="t", text=text)).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The lab is closed," Chancellor Maria T. Okafor said.', "Maria T. Okafor"),
        (
            "Director of Regional Planning Harold P. Voss said the bridge would reopen.",
            "Harold P. Voss",
        ),
        ('"We will rebuild," said Mayor Anne K. Lindqvist.', "Anne K. Lindqvist"),
    ],
)
def test_a_middle_initial_does_not_end_the_name(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_the_name_without_its_initial_is_the_same_person() -> None:
    text = (
        'Chancellor Maria T. Okafor spoke on Monday. "The lab is closed," Maria Okafor said. '
        '"It will reopen," Okafor added.'
    )
    assert set(_speakers(text)) == {"Maria T. Okafor"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"It was a long night," said WKRN senior weather analyst Dana Whitfield.',
            "Dana Whitfield",
        ),
        ('"The plan is sound," City Hall spokesman Omar Haddad said on Friday.', "Omar Haddad"),
        ('"We start in May," wrote film producer and director Lena Marsh.', "Lena Marsh"),
    ],
)
def test_an_organisation_and_a_role_before_a_name_qualify_the_speaker(
    text: str, speaker: str
) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"It was fine," Tom Brandt told reporter Lisa Cheng of the Courier.', "Tom Brandt"),
        ('"No," said Tom Brandt after Lisa Cheng left.', "Tom Brandt"),
        ("Omar Haddad, the City Hall spokesman, said the plan was sound.", "Omar Haddad"),
    ],
)
def test_a_clause_or_an_apposition_does_not_move_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_kicker_in_capitals_is_no_person_of_the_story() -> None:
    text = (
        "Marta Ruiz won the final late on Sunday.\n\nREPORTER: QUEEN MARTA ENDS DROUGHT\n\n"
        '"This is the best day of my life," Marta said after the match.'
    )
    article = annotate(Article(id="a", source="t", text=text))
    assert [q.speaker for q in article.quotes] == ["Marta Ruiz"]
    assert not [m for m in article.mentions if m.kind == "person" and m.text.isupper()]
