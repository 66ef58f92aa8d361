"""The story-level fallback that looks for a name at the cue (``analyze.quotes._named_at_cue``)
when annotate found no subject: a name right before ", says the Herald's …" ends what was said
(texts written for these tests). Kept with the round's speaker tests, whose pile diff it shares."""

from __future__ import annotations

from newsbrief.analyze.quotes import _subject_after_cue


def _at(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_a_name_before_an_inverted_cue_with_its_own_subject_ends_the_content() -> None:
    text = "No statement followed the visit to Lake Orrin, says the Herald's Jo Park in Rome."
    assert _subject_after_cue(text, *_at(text, "Lake Orrin"), "says")


def test_a_name_before_said_and_a_named_speaker_ends_the_content() -> None:
    text = "Troops have entered Velmora, said Amir Sadek, a local leader."
    assert _subject_after_cue(text, *_at(text, "Velmora"), "said")


def test_a_name_in_apposition_before_said_is_the_subject() -> None:
    text = "Her lawyer, Mara Quill, said Dorn had tried to stop her from speaking."
    assert not _subject_after_cue(text, *_at(text, "Mara Quill"), "said")


def test_a_name_before_said_with_no_subject_after_keeps_the_old_reading() -> None:
    text = "The money went to Velmora Holdings, said to be the mayor's firm."
    assert not _subject_after_cue(text, *_at(text, "Velmora Holdings"), "said")
