from __future__ import annotations

from newsbrief.annotate import split_sentences


def _texts(text: str) -> list[str]:
    sents = split_sentences(text)
    for s in sents:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sents]


def test_abbreviations_initials_and_decimals_do_not_split() -> None:
    text = "Mr. Smith met Gen. John A. Doe on Jan. 5 in the U.S. capital. Prices rose 3.5 percent."
    assert _texts(text) == [
        "Mr. Smith met Gen. John A. Doe on Jan. 5 in the U.S. capital.",
        "Prices rose 3.5 percent.",
    ]


def test_quote_closing_after_period_and_ellipsis() -> None:
    text = 'He said "yes." Then he left... After that, nothing.'
    assert _texts(text) == ['He said "yes."', "Then he left...", "After that, nothing."]


def test_dotted_acronym_ends_sentence_before_common_opener() -> None:
    assert _texts("He moved to the U.S. The move was hard.") == [
        "He moved to the U.S.",
        "The move was hard.",
    ]


def test_every_newline_is_a_boundary_and_paragraphs_count_lines() -> None:
    sents = split_sentences("First line without stop\nSecond. Third!\n\nFourth?")
    assert [s.text for s in sents] == ["First line without stop", "Second.", "Third!", "Fourth?"]
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]
    assert [s.index for s in sents] == [0, 1, 2, 3]


def test_lowercase_after_period_is_not_a_boundary() -> None:
    assert len(split_sentences("Use e.g. this one. Fine.")) == 2


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n  \n") == []
