from __future__ import annotations

from newsbrief.annotate import annotate
from newsbrief.annotate.entities import person_roles
from newsbrief.records import Article

TEXT = (
    "Ambassador of Norland Tomas Ilian Berg Varga told a briefing in Oslo "
    "that the war was over.\n"
    "Tomas Ilian said the army had won. Mr Varga thanked Norway.\n"
    "Later, Ambassador Varga met Iraqi Ambassador to Kuwait Rana Al-Masri at the Iraqi Embassy.\n"
    "Masri praised the Ministry of Defence and Reuters reported the talks.\n"
    "Old hill towns were damaged. Talking about Iraq, Varga smiled."
)


def _article(text: str = TEXT) -> Article:
    return annotate(Article(id="a1", source="t", text=text))


def test_aliases_merge_into_the_full_name() -> None:
    art = _article()
    karim = {m.text for m in art.mentions if m.entity == "Tomas Ilian Berg Varga"}
    assert {"Tomas Ilian Berg Varga", "Tomas Ilian", "Varga"} <= karim
    assert all(m.kind == "person" for m in art.mentions if m.entity == "Tomas Ilian Berg Varga")
    hashemi = {m.text for m in art.mentions if m.entity == "Rana Al-Masri"}
    assert hashemi == {"Rana Al-Masri", "Masri"}


def test_kinds_from_gazetteers_and_keywords() -> None:
    kinds = {(m.text, m.kind) for m in _article().mentions}
    assert ("Oslo", "place") in kinds
    assert ("Norway", "place") in kinds
    assert ("Iraqi Embassy", "org") in kinds
    assert ("Ministry of Defence", "org") in kinds
    assert ("Reuters", "org") in kinds
    texts = {m.text for m in _article().mentions}
    # demonyms and sentence-initial ordinary words are not entities
    assert not any(t in texts for t in ("Iraqi", "Ancient Assyrian", "Talking", "Later"))


def test_mention_offsets_point_into_text() -> None:
    art = _article()
    for m in art.mentions:
        assert art.text[m.start : m.end] == m.text
        sent = art.sentences[m.sentence]
        assert sent.start <= m.start < sent.end


def test_roles_from_titles_and_appositions() -> None:
    text = (
        "Iraqi Ambassador to Kuwait Rana Al-Masri spoke.\n"
        "Ambassador of Norland Tomas Ilian Berg Varga spoke too.\n"
        "Sami al-Rawi, spokesman for the Popular Forces, said nothing."
    )
    roles = person_roles(annotate(Article(id="x", source="t", text=text)))
    assert roles["Rana Al-Masri"] == ["Iraqi Ambassador to Kuwait"]
    assert roles["Tomas Ilian Berg Varga"] == ["Ambassador of Norland"]
    assert roles["Sami al-Rawi"] == ["spokesman for the Popular Forces"]


def test_a_show_or_feed_named_after_a_person_is_no_person_and_not_their_name() -> None:
    text = (
        "The host spoke after the mix-up at the gala.\n"
        '"This is a very odd night," emcee Dara Quillon said on Sunday.\n'
        "The clip ran again on Dara Quillon Live the next evening, and on the Vento Ranch "
        "Facebook page."
    )
    art = annotate(Article(id="x", source="t", text=text))
    kinds = {m.text: m.kind for m in art.mentions}
    assert kinds["Dara Quillon"] == "person"
    assert kinds["Dara Quillon Live"] == "org"
    assert kinds["Vento Ranch Facebook"] == "org"
    assert [q.speaker for q in art.quotes] == ["Dara Quillon"]


def test_a_descriptor_compound_or_link_label_before_a_name_is_no_part_of_it() -> None:
    art = _article(
        "Oscar-winner Dana Hale told reporters backstage that the night had been long.\n"
        "Related Tomas Varga quits the band after twenty years on the road.\n"
        "Jean-Paul Morel said the band would play on without him."
    )
    people = {m.entity for m in art.mentions if m.kind == "person"}
    assert {"Dana Hale", "Tomas Varga", "Jean-Paul Morel"} <= people
    assert not any(p.startswith(("Oscar", "Related")) for p in people)
