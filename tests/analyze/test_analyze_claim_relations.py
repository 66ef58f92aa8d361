"""Same topic, different fact: statements that share only topic words are not one claim."""

from __future__ import annotations

import pytest

from newsbrief import parse
from newsbrief.analyze.claim_frames import relations, shares_relation
from newsbrief.analyze.claim_pairs import RELATION_COSINE, topic_only
from newsbrief.analyze.claims import align_claims

pytestmark = pytest.mark.skipif(not parse.available(), reason="the parse layer is not installed")


def _claims(make_article, a: str, b: str) -> list:
    arts = [make_article("a", a), make_article("b", b)]
    return align_claims(arts, [], {"a": "a", "b": "b"})


def test_crowd_reaction_and_arrest_are_two_claims(make_article) -> None:
    # both name the courthouse and the crowd; one tells the crowd's reaction, one an arrest
    a = "The crowd cheered outside the courthouse."
    b = "Deputies arrested a protester outside the courthouse after the crowd gathered."
    assert _claims(make_article, a, b) == []


def test_one_arrest_told_two_ways_stays_one_claim(make_article) -> None:
    a = "Deputies arrested a protester outside the courthouse."
    b = "A protester was arrested by deputies outside the courthouse after the crowd gathered."
    claims = _claims(make_article, a, b)
    assert len(claims) == 1 and len(claims[0].members) == 2


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two leopard populations: one thriving, one shot
        (
            "The leopards in the valley are thriving again.",
            "Hunters shot three leopards last winter on farms beyond the valley.",
        ),
        # one dog's fate and the crash's death toll
        (
            "The dog in the van survived the crash.",
            "Two passengers in the van were killed in the crash.",
        ),
    ],
)
def test_shared_topic_words_without_a_shared_relation(a: str, b: str) -> None:
    assert not shares_relation(a, b)
    assert topic_only(a, b, RELATION_COSINE - 0.1)
    # from RELATION_COSINE up the pair shares most of what it says: the test is not asked
    assert not topic_only(a, b, RELATION_COSINE)


def test_a_shared_relation_or_figure_keeps_the_pair() -> None:
    a = "Two passengers were killed in the crash on Harlow Road."
    b = "The crash on the bridge killed two passengers, the sheriff said."
    assert frozenset({"kill", "passeng"}) in (relations(a) or set())
    assert shares_relation(a, b) and not topic_only(a, b, 0.3)
    # a figure both give is a fact both state, whatever their parses link
    c = "Rescuers pulled 14 miners from the shaft at Colder Pit."
    d = "Colder Pit, the shaft where 14 miners were trapped, reopened."
    assert not topic_only(c, d, 0.3)


def test_names_are_not_relations() -> None:
    # the parts of one name are linked in both sentences, yet say nothing shared
    got = relations("Mayor Ann Tolvey opened the new bridge on Monday.") or set()
    assert frozenset({"ann", "tolvey"}) not in got
