from __future__ import annotations

from newsbrief.analyze.attribution import claim_stems
from newsbrief.analyze.claim_pairs import shares_event_beyond_descriptions
from newsbrief.analyze.claims import align_claims
from newsbrief.analyze.descriptions import drop_speaker_descriptions
from newsbrief.analyze.text import idf_weights


def test_speaker_descriptions_are_dropped() -> None:
    drop = drop_speaker_descriptions
    assert drop("Ola Brenn, 61, the head of the Tarn Water Board, said the dam held.") == (
        "Ola Brenn said the dam held."
    )
    assert drop("The dam held, said Ola Brenn, a spokeswoman for the board.") == (
        "The dam held, said Ola Brenn."
    )
    # a whole "according to" clause goes, title words before the name included
    assert drop("According to Ola Brenn, a spokeswoman for the board, the dam held.") == (
        "the dam held."
    )
    assert drop("The dam held, according to board engineer Ola Brenn.") == "The dam held"
    # a description of anyone named (led by a role word), not only of a speaker
    assert "officer" not in drop("Ola Brenn, a former safety officer of the board, inspected it.")
    # what the statement says stays: a clause after a name that is not a description
    kept = "After meeting Ola Brenn, inspectors closed the dam, which had cracked."
    assert drop(kept) == kept
    assert (
        drop("No arrests had been made, police said.") == "No arrests had been made, police said."
    )


def test_one_speaker_saying_two_things_is_not_one_claim() -> None:
    a = "Ola Brenn, the head of the Tarn Water Board flood office, said two bridges were closed."
    b = "Ola Brenn, head of the Tarn Water Board flood office, said 300 homes were evacuated."
    idf = idf_weights([claim_stems(a), claim_stems(b)])
    assert not shares_event_beyond_descriptions(a, b, idf)
    c = "Ola Brenn, a Tarn Water Board official, said two bridges had been closed."
    assert shares_event_beyond_descriptions(a, c, idf)
    # nothing to drop: the filter leaves the decision to ``shares_event``
    assert shares_event_beyond_descriptions("Two bridges closed.", "Two bridges closed.", idf)


def test_shared_description_does_not_make_a_claim(make_article) -> None:
    a = make_article(
        "a",
        "Ola Brenn, the head of the Tarn Water Board flood office in Kell, said two bridges "
        "were closed on Monday.",
    )
    b = make_article(
        "b",
        "Ola Brenn, head of the Tarn Water Board flood office in Kell, said 300 homes were "
        "evacuated overnight.",
    )
    assert align_claims([a, b], [], {"a": "a", "b": "b"}) == []
