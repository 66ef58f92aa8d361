from __future__ import annotations

from newsbrief.analyze.attribution import claim_stems, said_text
from newsbrief.analyze.claims import align_claims
from newsbrief.analyze.numbers import quantities


def test_attribution_words_are_dropped() -> None:
    assert said_text("Fire chief Anna Holm said the blaze was under control.") == (
        "the blaze was under control ."
    )
    assert said_text("According to Mayor Tom Reed, the road reopens on Friday.").startswith(
        ", the road reopens"
    )
    assert said_text("He told reporters that the dam had held.") == "the dam had held ."
    # a name right after the cue starts what is said, it is not the speaker
    assert "Norway" in said_text("Holm said Norway had sent two planes.")


def test_claim_stems_keep_numbers_and_fall_back_when_too_little_is_left() -> None:
    assert "#3000" in claim_stems("About 3,000 people crossed the bridge every day.")
    assert claim_stems("Holm said so.")  # nothing but attribution: the whole sentence counts


def test_shared_speaker_does_not_make_a_claim(make_article) -> None:
    a = make_article(
        "a",
        "Harbour Master Ines Corvo said the container ship had been refloated at dawn.",
    )
    b = make_article(
        "b",
        "According to Harbour Master Ines Corvo, the pilots waited for the evening tide.",
    )
    assert align_claims([a, b], [], {"a": "a", "b": "b"}) == []


def test_numbers_glued_to_names_are_not_quantities() -> None:
    assert quantities("Sales of its COVID-19 vaccine fell.") == []
    assert [q.value for q in quantities("a 40-metre bridge")] == [40.0]
