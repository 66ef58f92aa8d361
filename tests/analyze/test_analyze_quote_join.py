"""A statement quoted in two parts around its cue is one quote in the brief."""

from __future__ import annotations

from tests.annotate.annotate_rule_helpers import annotated

from newsbrief.analyze.quote_join import join_split_quotes
from newsbrief.annotate.quotes import shown_from


def _joined(text: str) -> list[tuple[str | None, str]]:
    art = annotated(text)
    quotes = join_split_quotes(art.text, art.quotes)
    assert all(shown_from(art.text, q) for q in quotes)
    return [(q.speaker, q.text) for q in quotes if q.kind == "direct"]


def test_the_two_parts_of_one_sentence_join() -> None:
    text = (
        "Priya Nandakumar has led the lab since 2015. “The best part,” Nandakumar said, "
        "“is that the team is learning fast.”"
    )
    assert _joined(text) == [
        ("Priya Nandakumar", "The best part … is that the team is learning fast.")
    ]


def test_a_part_that_opens_a_new_sentence_stays_apart() -> None:
    text = (
        "Ben Ode spoke first. “The show is going great,” Ode says. “It is a little long,” he adds."
    )
    assert _joined(text) == [
        ("Ben Ode", "The show is going great"),
        ("Ben Ode", "It is a little long"),
    ]


def test_parts_of_two_speakers_stay_apart() -> None:
    text = (
        "Ana Ruiz met Tom Vale at noon. “We agreed on the plan,” Ruiz said, and Vale said, "
        "“we will start on Monday.”"
    )
    assert _joined(text) == [
        ("Ana Ruiz", "We agreed on the plan"),
        ("Tom Vale", "we will start on Monday."),
    ]


def test_the_brief_shows_a_quotation_over_two_paragraphs_as_two_quotes() -> None:
    from newsbrief.analyze.entities import merge_entities
    from newsbrief.analyze.quotes import story_quotes

    art = annotated(
        "Mayor Ana Ruiz spoke after the vote.\n"
        "“The pier will close for a year,” Ruiz said. “We have no other choice.\n"
        "“The ferry will run from the south dock until then.”"
    )
    quotes, _ = story_quotes([art], merge_entities([art]))
    texts = [q.text for q in quotes if q.speaker == "Ana Ruiz"]
    assert all("\n" not in t for t in texts)
    assert "The ferry will run from the south dock until then." in texts
    assert any(t.startswith("We have no other choice") for t in texts)
