"""Span rules of spans15 (texts written for these tests). Each class was read off the wrong
spans of the dev quote samples of the 250-story pile; every test but the guards fails on the
code before the rule.
"""

from __future__ import annotations

import pytest
from annotate_rule_helpers import speech

from newsbrief.annotate.span_dash import closed_by_dash

pytestmark = pytest.mark.usefixtures("parse_on")


def test_however_and_a_refusal_to_say_end_the_statement() -> None:
    qs = speech(
        "Sheriff Tom Vale spoke to reporters on Sunday.\n"
        "Vale said arson is suspected, however, he would not say whether anyone was inside.\n"
    )
    assert [q.text for q in qs] == ["arson is suspected"]


def test_until_after_an_interrupting_cue_goes_on_with_the_statement() -> None:
    qs = speech(
        "The baker Luca Ferri spoke on Monday.\n"
        "The shop will stay open, Mr. Ferri added, until the landlord doubles the rent.\n"
    )
    assert [q.text for q in qs] == ["The shop will stay open … until the landlord doubles the rent"]
    # guard: "before" may still say when it was said, not what
    qs = speech(
        "The baker Luca Ferri spoke on Monday.\n"
        "The shop will stay open, Mr. Ferri said Tuesday, even before the new rent was known.\n"
    )
    assert [q.text for q in qs] == ["The shop will stay open"]


def test_a_dash_closing_the_writers_parenthetical_ends_the_statement() -> None:
    qs = speech(
        "The new arena was costly. The deal — Dunn admitted that he had not seen a game in "
        "years — and council members questioned the price of the seats.\n"
    )
    assert [q.text for q in qs] == ["he had not seen a game in years"]


def test_a_dash_with_no_partner_before_the_statement_is_the_speakers() -> None:
    text = "Dunn said the deal was done — and nobody could undo it now."
    start = text.index("the deal")
    end = len(text) - 1
    assert closed_by_dash(text, 0, start, end) == end
    inner = "The deal — Dunn said it was done — was signed."
    s = inner.index("it was")
    assert closed_by_dash(inner, 0, s, len(inner) - 1) == inner.index(" — was")


def test_that_before_a_verb_is_the_demonstrative_subject_of_the_statement() -> None:
    qs = speech(
        "A car was found near the river on Monday.\n"
        "Police chief Dana Holt later confirmed that was the spot where the driver had "
        "last been seen.\n"
    )
    assert [q.text for q in qs] == ["that was the spot where the driver had last been seen"]
    # guards: a cue in a relative clause on a noun ("messages he wrote that were …") has a
    # relative "that" after it, no statement; the complementizer before a subject still goes
    for verb in ("were", "was"):
        qs = speech(
            f"Critics seized on text messages Dunn wrote that {verb} critical of the mayor.\n"
        )
        assert qs == []
    qs = speech("Police chief Dana Holt confirmed that the car was found near the river.\n")
    assert [q.text for q in qs] == ["the car was found near the river"]


def test_a_pronoun_cue_cuts_narration_naming_the_one_it_refers_to() -> None:
    qs = speech(
        "The inspector Mara Lind has run the unit for a year.\n"
        "Last month, Lind called the hospital and asked the staff “to check whether any new "
        "records matched the old file,” she said. They did not.\n"
    )
    assert [(q.text, q.speaker) for q in qs] == [
        ("to check whether any new records matched the old file", "Mara Lind")
    ]
    # guard: narration that does not name her may be her paraphrase, and stays
    qs = speech(
        "Mara Lind has run the unit for a year.\n"
        "The unit gives escorts in “limited cases based on security needs and risk,” she said.\n"
    )
    assert [q.text for q in qs] == [
        "The unit gives escorts in “limited cases based on security needs and risk,”"
    ]


def test_a_quotation_opened_in_an_earlier_sentence_starts_the_statement_there() -> None:
    qs = speech(
        "The mayor Ann Roe spoke on Monday.\n"
        "The plan was “a waste of money from the start. Nobody asked for it and nobody "
        "wants it,” Roe said.\n"
    )
    assert [q.text for q in qs] == [
        "The plan was “a waste of money from the start. Nobody asked for it and nobody wants it,”"
    ]
    # guard: a quotation closed in its own sentence leaves the next one alone
    qs = speech(
        "The mayor Ann Roe spoke on Monday.\n"
        "The plan was “a waste of money.” Nobody asked for it and nobody wants it, Roe said.\n"
    )
    assert [q.text for q in qs] == ["Nobody asked for it and nobody wants it"]


def test_a_straight_quotation_opened_two_sentences_back_starts_the_statement_there() -> None:
    qs = speech(
        'Cold can harm drums. More seriously, "damage can be done when a drum shrinks in '
        "the cold air. If the shell is wood, it can crack. Sometimes drums are broken beyond "
        'repair," according to the Good School of Music.\n'
    )
    assert [q.text for q in qs] == [
        "damage can be done when a drum shrinks in the cold air. If the shell is wood, it "
        "can crack. Sometimes drums are broken beyond repair"
    ]


def test_the_clause_after_a_quotation_that_ends_its_sentence_is_no_cue_of_it() -> None:
    qs = speech(
        "Ann Roe met the crowd at noon.\n"
        "Roe said, “We will keep the clinic open for as long as we can.” They continued to "
        "cheer at the news.\n"
    )
    assert [(q.text, q.speaker, q.cue) for q in qs] == [
        ("We will keep the clinic open for as long as we can.", "Ann Roe", "said")
    ]
    # guard: a comma inside the closing mark keeps the trailing cue
    qs = speech("Ann Roe met the crowd at noon.\n“We will keep it open,” Roe said.\n")
    assert [(q.speaker, q.cue) for q in qs] == [("Ann Roe", "said")]


def test_a_cue_subject_starts_a_word() -> None:
    # "an" inside "Hagerman and said" is no indefinite subject: "said" shares Roe's subject
    qs = speech(
        "Ann Roe and Dan Hale argued over the plan. Roe called Hale and said, “I hear you are "
        "telling people I am a crook. That is absurd.” Hale denied it.\n"
    )
    assert [q.speaker for q in qs if q.kind == "direct"] == ["Ann Roe"]


def test_a_widened_statement_keeps_the_straight_mark_it_opened_closed() -> None:
    qs = speech(
        'Eva Lund spoke on Monday. The new rules "hit firms that are close to the board. '
        'It will be noticed," she said.\n'
    )
    assert [q.text for q in qs] == [
        'The new rules "hit firms that are close to the board. It will be noticed,"'
    ]


def test_a_glad_subject_announces() -> None:
    qs = speech(
        "Tuesday\nNorth Air is happy to announce that the lost dog was found at the gate.\n"
    )
    assert [(q.text, q.speaker_text) for q in qs] == [
        ("the lost dog was found at the gate", "North Air")
    ]
