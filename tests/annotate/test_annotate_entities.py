from __future__ import annotations

from newsbrief.annotate import annotate
from newsbrief.annotate.entities import person_roles
from newsbrief.records import Article

TEXT = (
    "Ambassador of Norland Ali Yasin Muhammad Karim told a press conference in Islamabad "
    "that the war was over.\n"
    "Ali Yasin said the army had won. Mr Karim thanked Pakistan.\n"
    "Later, Ambassador Karim met Iraqi Ambassador to Kuwait Alaa Al-Hashemi at the Iraqi Embassy.\n"
    "Hashemi praised the Ministry of Defence and Reuters reported the talks.\n"
    "Ancient Assyrian towns were damaged. Talking about Iraq, Karim smiled."
)


def _article(text: str = TEXT) -> Article:
    return annotate(Article(id="a1", source="t", text=text))


def test_aliases_merge_into_the_full_name() -> None:
    art = _article()
    karim = {m.text for m in art.mentions if m.entity == "Ali Yasin Muhammad Karim"}
    assert {"Ali Yasin Muhammad Karim", "Ali Yasin", "Karim"} <= karim
    assert all(m.kind == "person" for m in art.mentions if m.entity == "Ali Yasin Muhammad Karim")
    hashemi = {m.text for m in art.mentions if m.entity == "Alaa Al-Hashemi"}
    assert hashemi == {"Alaa Al-Hashemi", "Hashemi"}


def test_kinds_from_gazetteers_and_keywords() -> None:
    kinds = {(m.text, m.kind) for m in _article().mentions}
    assert ("Islamabad", "place") in kinds
    assert ("Pakistan", "place") in kinds
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
        "Iraqi Ambassador to Kuwait Alaa Al-Hashemi spoke.\n"
        "Ambassador of Norland Ali Yasin Muhammad Karim spoke too.\n"
        "Karim al-Nuri, spokesman for the Popular Forces, said nothing."
    )
    roles = person_roles(Article(id="x", source="t", text=text))
    assert roles["Alaa Al-Hashemi"] == ["Iraqi Ambassador to Kuwait"]
    assert roles["Ali Yasin Muhammad Karim"] == ["Ambassador of Norland"]
    assert roles["Karim al-Nuri"] == ["spokesman for the Popular Forces"]
