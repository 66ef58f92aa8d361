"""Claim frames: statements that share an event corroborate only when they state it alike."""

from __future__ import annotations

import pytest

from newsbrief import parse
from newsbrief.analyze.claim_frames import participants_differ
from newsbrief.analyze.claim_pairs import frames_apart
from newsbrief.analyze.claims import align_claims

pytestmark = pytest.mark.skipif(not parse.available(), reason="the parse layer is not installed")


def _claims(make_article, a: str, b: str) -> list:
    arts = [make_article("a", a), make_article("b", b)]
    return align_claims(arts, [], {"a": "a", "b": "b"})


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a search under way against one it is unclear is still going on
        (
            "Divers are searching the harbour at Tolvik for the missing ferry captain.",
            "It was unclear whether divers were still searching the harbour at Tolvik for the "
            "missing ferry captain.",
        ),
        # what someone should do against what they are doing
        (
            "Council members said the Brisling mayor should resign over the housing scandal.",
            "The Brisling mayor is resigning over the housing scandal, council members said.",
        ),
        # what one body could not confirm against what another confirmed (the same subject
        # would make it a dispute, shown inside one claim)
        (
            "Police could not confirm that the wreckage near Tolvik was from the ferry.",
            "The coast guard confirmed that the wreckage near Tolvik was from the ferry.",
        ),
        # a use that is to stop against the use going on
        (
            "The search teams will stop using the towed sonar at Tolvik on Friday.",
            "The search teams are using the towed sonar at Tolvik to map the wreck.",
        ),
        # a possibility against a fact
        (
            "The new drainage canal may have flooded the farms east of Harnwick in March.",
            "The new drainage canal flooded the farms east of Harnwick in March.",
        ),
    ],
)
def test_hedged_or_unasserted_event_does_not_corroborate_the_fact(make_article, a, b) -> None:
    assert frames_apart(a, b)
    assert _claims(make_article, a, b) == []


def test_statements_of_one_event_stated_alike_still_corroborate(make_article) -> None:
    a = "Divers are searching the harbour at Tolvik for the missing ferry captain."
    b = "Divers were searching the harbour at Tolvik on Friday for the missing ferry captain."
    assert not frames_apart(a, b)
    (claim,) = _claims(make_article, a, b)
    assert claim.articles == ["a", "b"]
    # coordination keeps the negation on its own verb: the mother was called in both
    c = "The school called the boy's mother, who drove him to the clinic in Harnwick."
    d = "The school did not call an ambulance but called the boy's mother, who drove him."
    assert not frames_apart(c, d)
    # "stopped to check" states a purpose, not that the checking stopped
    e = "The guard stopped to check the fence near the gate of the Harnwick depot."
    f = "The guard was checking the fence near the gate of the Harnwick depot at night."
    assert not frames_apart(e, f)
    # a denial or an opening word above the other side's predicate makes the two alike
    g = "The Harnwick court refused to postpone the ferry trial until the spring."
    h = "The Harnwick court denied a defence motion to postpone the ferry trial until spring."
    assert not frames_apart(g, h)
    i = "The harbour fees may rise for the ferry operators at Tolvik next year."
    j = "It appeared that the harbour fees would rise for the ferry operators at Tolvik."
    assert not frames_apart(i, j)


def test_a_negation_read_as_a_dispute_stays_in_one_claim() -> None:
    # one subject, one predicate: a dispute to show inside the claim, not two statements
    a = "No arrests had been made in the Tolvik harbour fire by Sunday, police said."
    b = "Two men were arrested over the Tolvik harbour fire by Sunday, police said."
    assert not frames_apart(a, b)


def test_one_predicate_of_different_named_participants_is_two_statements(make_article) -> None:
    # two confirmations a year apart, not one told twice
    a = "The Harnwick council confirmed Ann Vale as harbour master after a contentious vote."
    b = "Last year Tom Reyes was confirmed by the Harnwick council after a contentious hearing."
    assert participants_differ(a, b)
    assert frames_apart(a, b, set())
    assert _claims(make_article, a, b) == []


def test_name_forms_of_one_participant_still_corroborate() -> None:
    a = "Ann Vale denied that the Tolvik ferry company had broken the safety rules."
    # a surname alone, the story naming her in full elsewhere
    b = "Vale denied on Monday that the Tolvik ferry company had broken the safety rules."
    assert participants_differ(a, b) is None
    c = "Ann denied that the Tolvik ferry company had broken the safety rules."
    names = {frozenset({"ann", "vale"})}
    assert participants_differ(b, c, names) is None
    # initials of the full name, and names coordinated in another order
    d = "The Harbour Safety Board fined the Tolvik ferry company for the broken rules."
    e = "The HSB fined the Tolvik ferry company on Monday for the broken rules."
    assert participants_differ(d, e) is None
    f = "Ann Vale and Tom Reyes signed the Tolvik ferry safety report on Monday."
    g = "Tom Reyes and Ann Vale signed the Tolvik ferry safety report."
    assert participants_differ(f, g) is None


def test_a_swapped_name_read_as_a_dispute_stays_in_one_claim() -> None:
    # the same slot of the same event: an entity dispute, shown inside one claim
    a = "The ambassador of Iraq thanked Norway for its help in rebuilding the Tolvik port."
    b = "The ambassador of Iran thanked Norway for its help in rebuilding the Tolvik port."
    assert not frames_apart(a, b, set())
