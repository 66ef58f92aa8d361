"""Speaker and span rules added in round 5 (texts written for these tests). A brief shows
speech only (direct and reported); the classes below put non-speech or the wrong speaker there.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsbrief.annotate import annotate
from newsbrief.annotate.quotes import shown_from
from newsbrief.annotate.speaker_words import is_junk_speaker
from newsbrief.records import Article, Quote

pytestmark = pytest.mark.usefixtures("parse_on")


def _shown(text: str) -> list[Quote]:
    """The quotes a brief shows (speech), each span the article's own text."""
    art = annotate(Article(id="r5", source="t", text=text, published="2024-05-14"))
    for q in art.quotes:
        assert shown_from(art.text, q)
    return [q for q in art.quotes if q.kind in ("direct", "reported")]


def test_a_possessor_marked_nmod_is_left_out_of_the_subject() -> None:
    # the parser marks "Jane Roe’s lawyers" either poss or nmod + case "’s": either way the
    # lawyers spoke, never Jane Roe (the subject is then no name, and shown unattributed)
    from newsbrief.annotate.subject_parse import _is_possessor

    def tok(dep: str, text: str = "x", children: tuple = ()) -> SimpleNamespace:
        return SimpleNamespace(dep_=dep, text=text, children=list(children))

    assert _is_possessor(tok("nmod", children=[tok("case", "’s")]))
    assert _is_possessor(tok("nmod", children=[tok("case", "'s")]))
    assert _is_possessor(tok("poss"))
    assert not _is_possessor(tok("nmod", children=[tok("case", "of")]))
    assert not _is_possessor(tok("compound"))
    qs = _shown(
        "The hearing resumed on Friday. Marta Ekholm’s attorneys said the recordings had been "
        "obtained without a warrant."
    )
    assert [q.speaker for q in qs] == [None]


def test_a_temporal_clause_before_a_parenthetical_cue_is_not_the_statement() -> None:
    qs = _shown(
        "Dana Whitlock runs a bakery. As the deadline approaches, she says, the bank has not "
        "answered her letters."
    )
    (q,) = qs
    assert "she says" not in q.text
    assert q.text.startswith("the bank has not answered")


def test_a_title_in_quotation_marks_is_not_a_direct_quote() -> None:
    qs = _shown(
        "The 200-page study, “Coastal Erosion and the Northern Harbours,” was sent to Ilan "
        "Moss in March after a request he made in 2019."
    )
    assert not [q for q in qs if q.kind == "direct"], qs


def test_what_a_relative_clause_wrote_is_not_the_speakers_statement() -> None:
    qs = _shown(
        "Rhea Castell, a historian at Dunmore College, who wrote a book called “Tide Lines,” "
        "said the archive should stay open."
    )
    assert not [q for q in qs if q.cue == "wrote"], qs


def test_showing_a_thing_is_no_statement() -> None:
    qs = _shown(
        "The hikers returned on Sunday. The picture, taken by one of them, shows her cousin "
        "crossing the old rope bridge. Morning Digest shows you how the week will end for "
        "the markets."
    )
    assert not [q for q in qs if q.cue and q.cue.startswith("show")], qs


def test_a_quantified_object_is_not_a_clause() -> None:
    qs = _shown(
        "Lena Ortiz teaches at a law school. She has argued numerous cases before the "
        "federal court."
    )
    assert not qs, qs


@pytest.mark.parametrize("name", ["Behind Gorsuch", "Despite Harlan", "Amid Talks"])
def test_a_phrase_opening_is_no_speaker_name(name: str) -> None:
    assert is_junk_speaker(name)


@pytest.mark.parametrize("tag", ["(D-CA)", "R-Texas", "(I-Vt.)"])
def test_a_party_state_tag_is_no_speaker_name(tag: str) -> None:
    assert is_junk_speaker(tag)
    assert not is_junk_speaker("Rhea Castell")


def test_a_shared_surname_is_the_namesake_named_last() -> None:
    qs = _shown(
        "Colin Marsh lost the mayoral race in 2012. His aunt, Edith Marsh, chaired the "
        "council until 2020. Marsh said the council would vote on the budget in June."
    )
    (q,) = qs
    assert q.speaker == "Edith Marsh"


@pytest.mark.parametrize("place", ["U.S.", "Houston", "Asia"])
def test_a_place_is_no_speaker_name(place: str) -> None:
    assert is_junk_speaker(place)
    assert not is_junk_speaker("Dana Whitlock")


def test_he_and_she_pass_over_a_name_of_the_other_gender() -> None:
    from newsbrief.annotate import annotate as annotate_article
    from newsbrief.records import Article as Art

    text = (
        "The producers walked over to Carla Benning after the skit.\n"
        "Then the two actors, Thomas Reil and Peter Vask, left the stage to loud applause.\n"
        '"That went very well tonight," she tells them.\n'
        '"We were lucky with the crowd," he said later.'
    )
    quotes = annotate_article(Art(id="x", source="t", text=text)).quotes
    # "she" skips the two men named since; "he" then skips the woman "she" was
    assert [q.speaker for q in quotes] == ["Carla Benning", "Thomas Reil"]


def test_a_chamber_member_by_role_is_not_the_chamber_speaking() -> None:
    from newsbrief.annotate import annotate as annotate_article
    from newsbrief.records import Article as Art

    text = (
        "Sen. Ann Dorsey on Sunday joined the critics of Rep. Paul Vance over the files.\n"
        "On a Sunday show, the Senate majority whip said the inquiry would take weeks.\n"
        "The Harlow Council spokesman said the vote would go ahead.\n"
        "The White House press secretary said the talks would resume."
    )
    quotes = annotate_article(Art(id="x", source="t", text=text)).quotes
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["the inquiry would take weeks"] != "Senate"
    # a spokesman speaks for the body he works for
    assert speakers["the vote would go ahead"] == "Harlow Council"
    assert speakers["the talks would resume"] == "White House"


def test_an_opening_participle_phrase_is_not_what_was_said() -> None:
    from newsbrief.annotate.cues import match_reported

    s = "Appearing on a Sunday show, Ann Dorsey said the inquiry would take weeks."
    subj, _, cue, (a, b) = match_reported(s)  # type: ignore[misc]
    assert (subj, cue, s[a:b].rstrip(".")) == ("Ann Dorsey", "said", "the inquiry would take weeks")
    s = "The plan had failed badly, the mayor said in an interview with the paper."
    subj, _, cue, (a, b) = match_reported(s)  # type: ignore[misc]
    assert s[a:b] == "The plan had failed badly"
