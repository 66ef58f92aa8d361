"""Span and is-it-a-statement rules of spans14 (texts written for these tests). Each class
was read off the dev quote samples of the 250-story pile; every test but the guards fails on
the code before the rule.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import speech

from newsbrief.annotate import annotate
from newsbrief.annotate.clause_shape import is_clause
from newsbrief.annotate.cue_shapes import copular_feel
from newsbrief.annotate.span_narration import quoted_words_only
from newsbrief.records import Article

pytestmark = pytest.mark.usefixtures("parse_on")


def test_the_writers_narration_naming_the_speaker_is_cut_off_a_partial_quote() -> None:
    qs = speech(
        "The inspector Mara Lind has run the unit for a year.\n"
        "Last month, Lind called the hospital and asked the staff “to check whether any new "
        "records matched the old file,” Lind said. They did not.\n"
    )
    assert [(q.text, q.speaker) for q in qs] == [
        ("to check whether any new records matched the old file", "Mara Lind")
    ]


def test_narration_that_does_not_name_the_speaker_stays_in_the_statement() -> None:
    text = (
        "The chief spoke on Monday.\n"
        "The department gives escorts in “limited cases based on security needs and risk,” "
        "the chief said.\n"
    )
    qs = speech(text)
    assert [q.text for q in qs] == [
        "The department gives escorts in “limited cases based on security needs and risk,”"
    ]


def test_a_subject_before_the_quotation_is_no_narration_of_its_own() -> None:
    text = "Ann Roe said the site “would make a fine place to test the engines,” Roe said."
    start = text.index("the site")
    end = text.index(" Roe said.")
    # "the site" has no verb: it is the quoted predicate's subject, the statement keeps it
    assert quoted_words_only(text, (start, end), "Roe") == (start, end)


def test_an_adverb_of_time_before_that_is_not_content() -> None:
    qs = speech(
        "State radio reported earlier that opposition marches were under way in the square.\n"
        "The mayor said later that day that the roads were closed to traffic.\n"
        "The agency said earlier that week it had no plans to raise the fee.\n"
    )
    assert [q.text for q in qs] == [
        "opposition marches were under way in the square",
        "the roads were closed to traffic",
        "it had no plans to raise the fee",
    ]


def test_according_to_after_a_closing_mark_is_the_source_never_the_span() -> None:
    text = (
        "The pilots flew over the lake bed in May.\n"
        "On a second visit they decided it “would be a fine place for testing the new "
        "engines,” according to the report.\n"
    )
    art = annotate(Article(id="s14", source="t", text=text, published="2024-05-14"))
    qs = [q for q in art.quotes if "fine place" in q.text]
    assert qs and all("according" not in q.text for q in qs)
    assert [(q.cue, q.speaker_text) for q in qs] == [("according to", "the report")]


def test_feel_with_an_adjective_is_no_statement() -> None:
    qs = speech(
        "Even with a fast processor, the new launcher felt slow compared with the old "
        "desktop screen.\n"
        "Many riders felt betrayed by the council after the vote was delayed again.\n"
    )
    assert qs == []


def test_feel_with_a_clause_is_still_a_view() -> None:
    assert not copular_feel("felt", "the plan was a mistake from the start")
    assert not copular_feel("feel", "we're in a position to start")
    assert copular_feel("feels", "like it is meant to sit flat on a desk")
    assert copular_feel("felt", "sluggish compared with the old screen")
    assert not copular_feel("said", "sluggish compared with the old screen")


def test_an_object_and_a_second_predicate_are_no_clause() -> None:
    # "denied the charge and also is being …": the finite verb after "and" is the
    # subject's next act; the content is the object of "maintained"
    assert not is_clause("his innocence and also is being represented by his lawyer")
    assert not is_clause("the 1990 transit act and is involved in the new campaign")
    # guards: a coordinated subject, a comma after a verb, a bare plural subject
    assert is_clause("the plan and the budget were cut")
    assert is_clause("the makers knew, or should have known, that it was unsafe")
    assert is_clause("shops open only in the morning and will close at noon")
    qs = speech(
        "Kai Moreno, serving a long sentence, has denied the charge and also is being "
        "represented by a new lawyer, who called the family on Friday.\n"
    )
    assert qs == []


def test_a_fronted_phrase_is_not_what_the_cue_with_its_own_object_announced() -> None:
    qs = speech(
        "They told the mayor the votes were there to remove him.\n"
        "The day after that, the mayor announced his resignation.\n"
    )
    assert [q.text for q in qs] == ["the votes were there to remove him"]
    # guards: a tell-verb's addressee, and "the next day", leave the statement before them
    qs = speech(
        "The plan had failed for lack of money, the mayor told the paper.\n"
        "The bridge would reopen in the spring, the minister said the next day.\n"
    )
    assert [q.text for q in qs] == [
        "The plan had failed for lack of money",
        "The bridge would reopen in the spring",
    ]
