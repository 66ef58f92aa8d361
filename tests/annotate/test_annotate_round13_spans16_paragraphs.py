"""A quotation over several paragraphs, one piece per paragraph (texts written for these tests)."""

from __future__ import annotations

from newsbrief.annotate.span_paragraph import paragraph_pieces


def test_a_continued_quotation_is_one_piece_per_paragraph() -> None:
    text = "The bridge is old.\n“We have enough traffic without it, so I voted no."
    assert paragraph_pieces(text) == [
        "The bridge is old.",
        "We have enough traffic without it, so I voted no.",
    ]


def test_straight_marks_reopening_a_paragraph_go() -> None:
    text = 'The gene is common.\n"It shows how evolution meets medicine.'
    assert paragraph_pieces(text) == [
        "The gene is common.",
        "It shows how evolution meets medicine.",
    ]


def test_a_quotation_within_a_paragraph_keeps_its_marks() -> None:
    text = "He called it “a mess” and left."
    assert paragraph_pieces(text) == [text]


def test_a_one_paragraph_quote_is_unchanged() -> None:
    assert paragraph_pieces("The plan is done.") == ["The plan is done."]


def test_blank_lines_between_paragraphs_are_no_pieces() -> None:
    assert paragraph_pieces("The pier will close.\n\n“The ferry runs until May.") == [
        "The pier will close.",
        "The ferry runs until May.",
    ]
    assert paragraph_pieces("\n") == []


def test_a_quotation_inside_the_quote_keeps_its_marks() -> None:
    assert paragraph_pieces("‘Harbor Song’ is about home. It is mine.") == [
        "‘Harbor Song’ is about home. It is mine."
    ]
    assert paragraph_pieces("He called the plan ‘a farce’") == ["He called the plan ‘a farce’"]
    assert paragraph_pieces("The pier will close.\n“‘Harbor Song’ is about home.") == [
        "The pier will close.",
        "‘Harbor Song’ is about home.",
    ]
