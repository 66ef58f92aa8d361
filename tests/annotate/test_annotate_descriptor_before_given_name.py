"""Capitalised words before a given name describe the person ("Guitarist David Hale",
"League Commissioner Jeff Marsh"); they are the role, never part of the name."""

from newsbrief.annotate.entities import extract_mentions
from newsbrief.annotate.sentences import split_sentences


def _people(text: str) -> tuple[list[str], dict[str, list[str]]]:
    mentions, roles = extract_mentions(text, split_sentences(text))
    return [m.text for m in mentions if m.kind == "person"], roles


def test_words_before_a_given_name_are_the_role() -> None:
    people, roles = _people("Guitarist David Hale said the band was the real deal.")
    assert people == ["David Hale"] and roles["David Hale"] == ["Guitarist"]
    people, roles = _people("League Commissioner Jeff Marsh attended the match on Sunday.")
    assert people == ["Jeff Marsh"] and roles["Jeff Marsh"] == ["League Commissioner"]


def test_names_that_hold_given_names_stay_whole() -> None:
    # a firm of two given names, a place of one, a name with a middle name
    assert _people("Shares of Morgan Stanley fell on Monday, traders said.")[0] == []
    assert _people("Ms. Ruth Bader Ginsburg wrote the dissent.")[0] == ["Ruth Bader Ginsburg"]
    # a given name the list lacks, then one it has: the whole is the name
    assert _people("Edgar Ivan Morales was charged on Monday.")[0] == ["Edgar Ivan Morales"]
    mentions, _ = extract_mentions(
        "The team flew to Saint Louis on Sunday.",
        split_sentences("The team flew to Saint Louis on Sunday."),
    )
    assert [m.text for m in mentions] == ["Saint Louis"]
