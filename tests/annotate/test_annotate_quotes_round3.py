"""Speaker and span rules added in round 3 (texts written for these tests)."""

from __future__ import annotations

from newsbrief.annotate import annotate
from newsbrief.annotate.cues import is_clause
from newsbrief.annotate.quotes import shown_from
from newsbrief.annotate.speakers import Resolver
from newsbrief.records import Article, Mention, Quote


def _quotes(text: str) -> list[Quote]:
    art = annotate(Article(id="r3", source="t", text=text, published="2024-05-14"))
    for q in art.quotes:
        assert shown_from(art.text, q)
    return art.quotes


def test_a_fragment_subject_gives_way_to_the_clause_subject() -> None:
    # "the harbour board and" is the tail of the first clause, not who said it
    qs = _quotes(
        "Mayor Ilse Varga thanked the harbour board and said the pier would reopen in June."
    )
    said = [q for q in qs if q.cue == "said"]
    assert said, qs
    assert all(q.speaker_text is None or not q.speaker_text.endswith("and") for q in qs)
    assert said[0].speaker == "Ilse Varga"


def test_a_pronoun_never_goes_back_to_a_hotel_or_an_alert() -> None:
    # the tagger takes "Belmont Hotel" for a person; it neither speaks nor leads its sentence
    qs = _quotes(
        "Ivo Markan was quickly grabbed by security and arrested. Yet at the afterparty in "
        "front of the Belmont Hotel, Rosa Delgado was all smiles.\n"
        "\"It's fine, I'm over it,\" she said when a reporter asked about the incident."
    )
    (q,) = [q for q in qs if q.kind == "direct"]
    assert q.speaker == "Rosa Delgado"


def test_that_as_a_determiner_opens_no_clause() -> None:
    assert not is_clause("with that assessment")
    assert is_clause("in a statement that the pier would reopen soon")


def test_the_day_of_saying_is_not_what_was_said() -> None:
    qs = _quotes("Port officials insisted Tuesday that the pier had never been unsafe.")
    (q,) = [q for q in qs if q.kind == "reported"]
    assert q.text == "the pier had never been unsafe"


def test_who_is_never_a_name_inside_a_title_in_quotes() -> None:
    text = "They spoke to a “Sara Vale Goes West” producer who told them the trip was planned."
    name_at = text.index("Sara Vale")
    mention = Mention("Sara Vale", "person", 0, name_at, name_at + 9, "Sara Vale")
    title = (text.index("“") + 1, text.index("”"))
    at = text.index("who")
    resolver = Resolver(text, [], [mention], {}, quoted=[title])
    assert resolver.resolve("who", at, at + 3, parse=False) is None
    # the same name right before ", who" is the speaker
    plain = "They spoke to Sara Vale, who told them the trip was planned."
    at = plain.index("who")
    resolver = Resolver(plain, [], [Mention("Sara Vale", "person", 0, 14, 23, "Sara Vale")], {})
    assert resolver.resolve("who", at, at + 3, parse=False) == "Sara Vale"
