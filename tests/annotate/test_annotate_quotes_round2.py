"""Speaker and reported-speech rules added in round 2 (texts written for these tests)."""

from __future__ import annotations

from newsbrief.annotate import annotate
from newsbrief.annotate.cues import is_clause
from newsbrief.annotate.quotes import shown_from
from newsbrief.records import Article, Quote


def _art(text: str) -> Article:
    art = annotate(Article(id="r2", source="t", text=text, published="2024-05-14"))
    for q in art.quotes:
        assert shown_from(art.text, q)
    return art


def _quotes(text: str) -> list[Quote]:
    return _art(text).quotes


def test_addressee_of_told_is_never_the_speaker() -> None:
    text = "Lena Morrow, whose shop faces the pier, told the Gazette she had warned the mayor."
    (q,) = _quotes(text)
    assert q.speaker == "Lena Morrow"
    assert q.text == "she had warned the mayor"
    direct = _quotes('"The pier is unsafe," told reporters Lena Morrow.\nNothing else.')
    assert all(q.speaker != "Lena Morrow" or q.kind != "direct" for q in direct)


def test_org_name_joined_by_and_stays_whole() -> None:
    art = _art("Brenvale Coast Fire and Rescue said the blaze was out by noon.")
    assert ("Brenvale Coast Fire and Rescue", "org") in {(m.text, m.kind) for m in art.mentions}
    (q,) = art.quotes
    assert q.speaker == "Brenvale Coast Fire and Rescue"


def test_person_of_org_is_split_and_the_pronoun_goes_to_the_person() -> None:
    text = (
        "Commander Ada Quill of Brenvale Coast Fire and Rescue arrived first. "
        "The crews parked on Harbour Lane. “The tide was low,” he said."
    )
    art = _art(text)
    kinds = {(m.text, m.kind) for m in art.mentions}
    assert ("Brenvale Coast Fire and Rescue", "org") in kinds
    assert ("Harbour Lane", "place") in kinds
    (q,) = [q for q in art.quotes if q.kind == "direct"]
    assert q.speaker == "Ada Quill"


def test_state_after_a_capitalised_word_is_an_organisation() -> None:
    art = _art("Fighters loyal to Northern State attacked the post, officials said.")
    assert ("Northern State", "org") in {(m.text, m.kind) for m in art.mentions}


def test_noun_phrase_after_cue_is_not_reported_speech() -> None:
    # a noun phrase after a speech cue is not speech: at most an attribution of another kind
    quotes = _quotes("Councillor Ian Pell announced the review at a crowded meeting on Monday.")
    assert [q for q in quotes if q.kind != "attributed"] == []
    assert is_clause("the bridge would reopen in August")
    assert is_clause("that it was safe")
    assert not is_clause("the review at a crowded meeting on Monday")


def test_direct_quote_tail_never_becomes_reported() -> None:
    text = '"We were told the dam was sound and it burst," Ian Pell told councillors.'
    quotes = _quotes(text)
    assert [q.kind for q in quotes] == ["direct"]
    assert quotes[0].speaker == "Ian Pell"


def test_more_reported_patterns() -> None:
    text = (
        "Ferry users, angry about the fares, said the timetable had been cut twice.\n"
        "The new service starts in June, harbour officials said.\n"
        "Ian Pell, a local skipper, warned that the channel was silting up."
    )
    got = {(q.speaker_text, q.text) for q in _quotes(text) if q.kind == "reported"}
    assert ("Ferry users", "the timetable had been cut twice") in got
    assert ("harbour officials", "The new service starts in June") in got
    assert ("Ian Pell", "the channel was silting up") in got


def test_the_council_resolves_to_a_named_council() -> None:
    text = "Brenvale Borough Council met. Ian Pell left early.\nThe council said it would pay."
    (q,) = _quotes(text)
    assert q.speaker == "Brenvale Borough Council"


def test_newswire_backtick_quotes_keep_the_narration_out() -> None:
    text = (
        "The minister Ana Lobo spoke at the port on Friday. "
        "``We will rebuild the harbour within a year,'' Lobo said.\n"
        "Officials agreed. ``It is a long road,'' she added, ``but we start now.''"
    )
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.text for q in direct][:1] == ["We will rebuild the harbour within a year"]
    assert direct[0].speaker == "Ana Lobo"
    assert all("spoke" not in q.text and "\n" not in q.text for q in direct)
    assert any(q.text.startswith("It is a long road") for q in direct)
